# SPDX-License-Identifier: LGPL-2.1-or-later
# PyGObject tests of GVirt.Domain: states, signals, errors, async, vCPUs, save/restore.
import pytest
from gi.repository import Gio, GLib, GVirt

from conftest import DOMAIN_UUID, assert_gvirt_error, run_async


def record(obj, *signals):
    events = []
    for name in signals:
        if name.startswith('notify::'):
            obj.connect(name, lambda o, pspec, n=name: events.append(n))
        else:
            obj.connect(name, lambda o, reason, n=name: events.append((n, reason)))
    return events


def test_properties(dom, conn):
    assert dom.props.name == 'test'
    assert dom.props.uuid == DOMAIN_UUID
    assert dom.props.id == 1
    assert dom.props.state == GVirt.DomainState.RUNNING
    assert dom.props.persistent is True
    assert dom.props.autostart is False
    assert dom.props.connection is conn


def test_suspend_signals(dom):
    events = record(dom, 'notify::state', 'suspended', 'resumed')
    dom.suspend_sync(None)
    assert events == ['notify::state', ('suspended', GVirt.DomainSuspendedReason.PAUSED)]
    assert dom.props.state == GVirt.DomainState.PAUSED
    events.clear()
    dom.resume_sync(None)
    assert events == ['notify::state', ('resumed', GVirt.DomainResumedReason.UNPAUSED)]
    assert dom.props.state == GVirt.DomainState.RUNNING


def test_start_signals(conn):
    d = conn.define_domain_sync(GVirt.DomainConfig.new_test('pystart', 65536), None)
    events = record(d, 'notify::id', 'notify::state', 'started')
    d.start_sync(None)
    assert events == ['notify::id', 'notify::state', ('started', GVirt.DomainStartedReason.BOOTED)]
    assert d.props.id > 1
    assert conn.find_domain_by_id(d.props.id) is d


def test_invalid_state_errors(dom, conn):
    with pytest.raises(GLib.Error) as excinfo:
        dom.resume_sync(None)
    e = assert_gvirt_error(excinfo, GVirt.Error.INVALID_STATE)
    assert 'test' in e.message and 'running' in e.message

    with pytest.raises(GLib.Error) as excinfo:
        dom.start_sync(None)
    assert_gvirt_error(excinfo, GVirt.Error.INVALID_STATE)

    off = conn.define_domain_sync(GVirt.DomainConfig.new_test('pyoff', 65536), None)
    with pytest.raises(GLib.Error) as excinfo:
        off.suspend_sync(None)
    e = assert_gvirt_error(excinfo, GVirt.Error.INVALID_STATE)
    assert 'shut off' in e.message


def test_invalid_arguments(dom):
    with pytest.raises(GLib.Error) as excinfo:
        dom.set_memory_sync(8388608 + 1, None)
    assert_gvirt_error(excinfo, GVirt.Error.INVALID_ARGUMENT)
    with pytest.raises(GLib.Error) as excinfo:
        dom.set_vcpus_sync(0, None)
    assert_gvirt_error(excinfo, GVirt.Error.INVALID_ARGUMENT)
    with pytest.raises(GLib.Error) as excinfo:
        dom.pin_vcpu_sync(0, [16], None)
    assert_gvirt_error(excinfo, GVirt.Error.INVALID_ARGUMENT)


def test_async_with_main_loop(dom):
    events = record(dom, 'suspended', 'resumed')
    assert run_async(dom.suspend_async, dom.suspend_finish) is True
    # The signal was delivered before the callback ran.
    assert events == [('suspended', GVirt.DomainSuspendedReason.PAUSED)]
    assert dom.props.state == GVirt.DomainState.PAUSED
    run_async(dom.resume_async, dom.resume_finish)
    assert dom.props.state == GVirt.DomainState.RUNNING
    with pytest.raises(GLib.Error) as excinfo:
        run_async(dom.resume_async, dom.resume_finish)
    assert_gvirt_error(excinfo, GVirt.Error.INVALID_STATE)


def test_cancelled(dom):
    cancellable = Gio.Cancellable()
    cancellable.cancel()
    with pytest.raises(GLib.Error) as excinfo:
        dom.suspend_sync(cancellable)
    assert excinfo.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)
    assert dom.props.state == GVirt.DomainState.RUNNING


def test_info_and_resources(dom):
    info = dom.get_info_sync(None)
    assert isinstance(info, GVirt.DomainInfo)
    assert info.state == GVirt.DomainState.RUNNING
    assert (info.max_memory, info.memory, info.n_vcpus) == (8388608, 2097152, 2)
    dom.set_memory_sync(1048576, None)
    # Running: within the <vcpu> maximum it started with (2), as libvirt.
    with pytest.raises(GLib.Error) as excinfo:
        dom.set_vcpus_sync(3, None)
    assert excinfo.value.matches(GVirt.error_quark(), GVirt.Error.INVALID_ARGUMENT)
    assert excinfo.value.message == ('Domain “test” cannot have 3 virtual CPUs while it runs: '
                                     'the maximum it was started with is 2.')
    dom.set_vcpus_sync(1, None)
    info = run_async(dom.get_info_async, dom.get_info_finish)
    assert (info.memory, info.n_vcpus) == (1048576, 1)
    live = dom.get_config_sync(GVirt.DomainXmlFlags.NONE, None)
    assert live.get_current_memory() == 1048576
    assert (live.get_vcpus(), live.get_current_vcpus()) == (2, 1)
    dom.set_vcpus_sync(2, None)
    assert dom.get_info_sync(None).n_vcpus == 2


def test_vcpu_info_and_pinning(dom):
    vcpus = dom.get_vcpu_info_sync(None)
    assert isinstance(vcpus, list)
    assert len(vcpus) == 2
    assert all(isinstance(v, GVirt.VcpuInfo) for v in vcpus)
    assert [v.get_number() for v in vcpus] == [0, 1]
    assert all(v.get_state() == GVirt.VcpuState.RUNNING for v in vcpus)
    assert list(vcpus[0].get_affinity()) == list(range(16))
    dom.pin_vcpu_sync(1, [5, 9], None)
    vcpus = dom.get_vcpu_info_sync(None)
    assert sorted(vcpus[1].get_affinity()) == [5, 9]
    assert vcpus[1].get_cpu() in (5, 9)


def test_xml_live_and_inactive(dom):
    live = dom.get_xml_sync(GVirt.DomainXmlFlags.NONE, None)
    inactive = dom.get_xml_sync(GVirt.DomainXmlFlags.INACTIVE, None)
    assert 'id="1"' in live or "id='1'" in live
    assert ' id=' not in inactive
    assert '<name>test</name>' in inactive


def test_save_restore(dom, conn, tmp_path):
    path = str(tmp_path / 'test.save')
    events = record(dom, 'stopped', 'started')
    dom.save_sync(path, None)
    assert dom.props.state == GVirt.DomainState.SHUTOFF
    assert events == [('stopped', GVirt.DomainStoppedReason.SAVED)]
    restored = conn.restore_domain_sync(path, None)
    assert restored is dom
    assert restored.props.uuid == DOMAIN_UUID
    assert restored.props.state == GVirt.DomainState.RUNNING
    assert events[-1] == ('started', GVirt.DomainStartedReason.RESTORED)


def test_restore_garbage(conn, tmp_path):
    path = tmp_path / 'garbage.save'
    path.write_bytes(b'\x00garbage')
    with pytest.raises(GLib.Error) as excinfo:
        conn.restore_domain_sync(str(path), None)
    assert excinfo.value.domain == 'gvirt-error-quark'
    assert conn.get_domains().get_n_items() == 1


def test_undefined_domain_raises_no_domain(conn):
    d = conn.define_domain_sync(GVirt.DomainConfig.new_test('ghost', 65536), None)
    d.undefine_sync(None)
    with pytest.raises(GLib.Error) as excinfo:
        d.start_sync(None)
    assert_gvirt_error(excinfo, GVirt.Error.NO_DOMAIN)


def test_autostart(conn):
    d = conn.define_domain_sync(GVirt.DomainConfig.new_test('auto', 65536), None)
    events = record(d, 'notify::autostart')
    d.set_autostart_sync(True, None)
    assert d.props.autostart is True
    assert events == ['notify::autostart']


# Out-of-range numbers from users: a GError each time, never a CRITICAL
# (2**63 KiB used to log one and return True). Run in a child process with
# criticals and warnings fatal, so that one would fail the test wherever it
# runs.
RANGES_SCRIPT = r'''
import gi
gi.require_version('GVirt', '1.0')
from gi.repository import GLib, GVirt

def refused(call, *args, code=GVirt.Error.INVALID_ARGUMENT):
    try:
        call(*args)
    except GLib.Error as e:
        assert e.matches(GVirt.error_quark(), code), (call, args, e.code, e.message)
        return e.message
    raise AssertionError(f'{call} {args} was accepted')

conn = GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.NONE, None)
dom = conn.find_domain_by_name('test')
dom.destroy_sync(None)
for kib in (0, 2**62, 2**63, 2**64 - 1, GVirt.MEMORY_KIB_MAX + 1):
    assert 'must be from 1 to 9007199254740991 KiB' in refused(dom.set_max_memory_sync, kib, None)
    refused(dom.set_memory_sync, kib, None)
assert dom.get_config_sync(GVirt.DomainXmlFlags.INACTIVE, None).get_memory() == 8388608
for n in (0, 17, 2**32 - 1):
    refused(dom.set_vcpus_sync, n, None)
refused(dom.pin_vcpu_sync, 2**32 - 1, [0], None)
refused(dom.pin_vcpu_sync, 0, [2**32 - 1], None)
refused(dom.pin_vcpu_sync, 0, [], None)
assert conn.find_domain_by_id(-1) is None and conn.find_domain_by_id(2**31 - 1) is None

config = GVirt.DomainConfig.new_test('big', 2**63)
config.props.current_memory = 2**64 - 1
assert config.get_memory() == 2**63 and config.props.current_memory == 2**64 - 1
assert 'larger than 9007199254740991 KiB' in refused(config.check, code=GVirt.Error.INVALID_XML)
refused(conn.define_domain_sync, config, None, code=GVirt.Error.INVALID_XML)
refused(GVirt.DomainConfig.new_from_xml,
        "<domain type='test'><name>x</name><memory unit='EiB'>8</memory></domain>",
        code=GVirt.Error.INVALID_XML)
refused(conn.define_domain_sync, GVirt.DomainConfig.new_kvm('k', 1024, 0, None), None)
print('ranges ok')
'''


def test_out_of_range_numbers_are_errors_not_criticals():
    import os
    import subprocess
    import sys
    env = dict(os.environ, G_DEBUG='fatal-criticals,fatal-warnings')
    child = subprocess.run([sys.executable, '-c', RANGES_SCRIPT], env=env,
                           capture_output=True, text=True, timeout=60)
    assert child.returncode == 0, child.stderr
    assert 'CRITICAL' not in child.stderr and 'WARNING' not in child.stderr, child.stderr
    assert child.stdout.strip() == 'ranges ok'


def test_state_reason(dom, tmp_path):
    """GVirt.Domain:state-reason, libvirt's reason words as enum nicks,
    notified before notify::state."""
    R = GVirt.DomainStateReason
    assert dom.props.state_reason == R.BOOTED == dom.get_state_reason()
    events = []
    dom.connect('notify::state-reason', lambda d, p: events.append(('reason', d.props.state_reason.value_nick)))
    dom.connect('notify::state', lambda d, p: events.append(('state', d.props.state_reason.value_nick)))
    dom.suspend_sync(None)
    dom.resume_sync(None)
    dom.destroy_sync(None)
    assert events == [('reason', 'user'), ('state', 'user'), ('reason', 'unpaused'), ('state', 'unpaused'),
                      ('reason', 'destroyed'), ('state', 'destroyed')]
    dom.start_sync(None)
    assert dom.props.state_reason == R.BOOTED
    dom.save_sync(str(tmp_path / 'dom.sav'), None)
    assert (dom.props.state, dom.props.state_reason) == (GVirt.DomainState.SHUTOFF, R.SAVED)
