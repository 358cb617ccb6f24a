# SPDX-License-Identifier: LGPL-2.1-or-later
# The QEMU backend's limits (issue 12 items 10 and 11): the one name rule,
# a 255-byte name defined, seen by another client and started, and a
# running domain's vCPU count bounded by the maximum it booted with.
import hashlib
import os

from conftest import GLib, GVirt, gvirt_error, spin_until
import pytest

STATE = GVirt.DomainState


def test_names_refused(node):
    conn = node.connect()
    for name, what in [('a/b', 'may contain only'), ('../../etc', 'may contain only'),
                       ('a\nb', 'may contain only'), ('-rf', 'may not start'), ('.x', 'may not start'),
                       ('n' * 256, 'at most 255 bytes'), ('n' * 10000, 'at most 255 bytes')]:
        cfg = node.config(name='x')
        cfg.set_name(name)
        for call in (conn.define_domain_sync, conn.create_domain_sync):
            with pytest.raises(GLib.Error) as e:
                call(cfg, None)
            err = gvirt_error(e, GVirt.Error.INVALID_ARGUMENT)
            assert err.message.startswith('Domain names ') and what in err.message, err.message
    # Nothing was written anywhere: no file named after any of them.
    assert sorted(os.listdir(os.path.join(node.root, 'config'))) == ['autostart']
    assert conn.get_domains().get_n_items() == 0


def test_longest_name_and_live_vcpus(node):
    name = 'L' * 254 + 'x'
    stem = '@' + hashlib.sha256(name.encode()).hexdigest()
    conn = node.connect()
    # Its serial log cannot be named after it either (NAME_MAX).
    xml = node.domain_xml(name=name).replace(node.serial_log(name), node.serial_log('long'))
    dom = conn.define_domain_sync(GVirt.DomainConfig.new_from_xml(xml), None)
    assert dom.props.name == name
    path = os.path.join(node.root, 'config', stem + '.xml')
    assert sorted(os.listdir(os.path.dirname(path))) == sorted(['autostart', stem + '.xml'])
    assert GVirt.DomainConfig.new_from_xml(open(path).read()).props.name == name
    # Another client reads it back by its name.
    other = node.connect()
    seen = other.find_domain_by_name(name)
    assert seen is not None and seen.props.uuid == dom.props.uuid

    dom.set_autostart_sync(True, None)
    assert os.path.islink(os.path.join(node.root, 'config', 'autostart', stem + '.xml'))
    dom.set_autostart_sync(False, None)

    dom.start_sync(None)
    assert dom.props.state == STATE.RUNNING
    node.wait_ready('long')
    files = os.listdir(node.run_dir)
    assert stem + '.json' in files and stem + '.lock' in files
    assert all(len(os.path.join(node.run_dir, f)) < 108 for f in files if f.endswith('.sock'))
    # A new client attaches to it through its runtime files.
    third = node.connect()
    running = third.find_domain_by_name(name)
    assert running is not None and running.props.state == STATE.RUNNING

    # Issue 12 item 11: live changes stay within the boot maximum (<vcpu>1</vcpu>)
    # before anything else; within it, this backend has no vCPU hotplug.
    with pytest.raises(GLib.Error) as e:
        dom.set_vcpus_sync(2, None)
    err = gvirt_error(e, GVirt.Error.INVALID_ARGUMENT)
    assert err.message == (f'Domain “{name}” cannot have 2 virtual CPUs while it runs: '
                           'the maximum it was started with is 1.')
    with pytest.raises(GLib.Error) as e:
        dom.set_vcpus_sync(1, None)
    gvirt_error(e, GVirt.Error.UNSUPPORTED)

    dom.destroy_sync(None)
    assert dom.props.state == STATE.SHUTOFF
    # The reason is kept under the hashed stem too, and another client reads it.
    assert os.path.exists(os.path.join(node.run_dir, stem + '.stopped'))
    spin_until(lambda: running.props.state == STATE.SHUTOFF and
               running.props.state_reason == GVirt.DomainStateReason.DESTROYED, timeout=10)
    late = node.connect().find_domain_by_name(name)
    assert late.props.state_reason == GVirt.DomainStateReason.DESTROYED
    dom.undefine_sync(None)
    assert not os.path.exists(path)


def test_definition_of_an_older_version_still_loads(node):
    # Written under the old rule (any characters but “/”): still listed and undefinable.
    path = os.path.join(node.root, 'config', 'wébé x.xml')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(node.domain_xml(name='wébé x', uuid='0b8c3f4e-8a4e-4d8e-9d6a-5b7e1c2d3f40'))
    conn = node.connect()
    dom = conn.find_domain_by_name('wébé x')
    assert dom is not None and dom.props.persistent
    dom.undefine_sync(None)
    assert not os.path.exists(path)
