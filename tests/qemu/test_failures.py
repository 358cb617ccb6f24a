# SPDX-License-Identifier: LGPL-2.1-or-later
# What goes wrong around QEMU: each failure is a clear GError, leaves no
# process, socket or half-written file behind (the node fixture checks), and
# the node works afterwards.
import json
import os
import shutil
import signal
import subprocess
import sys

from conftest import GLib, GVirt, gvirt_error, qemu_processes, spin_until
import pytest

STATE = GVirt.DomainState


def assert_node_still_works(node, name='after'):
    conn = node.connect()
    dom = conn.create_domain_sync(node.config(name=name), None)
    assert dom.props.state == STATE.RUNNING
    dom.destroy_sync(None)


def start_fails(node, code, *words, **config):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(**config), None)
    with pytest.raises(GLib.Error) as e:
        dom.start_sync(None)
    message = gvirt_error(e, code).message
    for w in words:
        assert w in message, message
    assert dom.props.state == STATE.SHUTOFF and dom.props.id == -1
    procs, files = node.leftovers()
    assert not procs and not files
    return message


def test_missing_emulator(node):
    start_fails(node, GVirt.Error.INVALID_ARGUMENT, '/nonexistent/qemu-system-x86_64', '“bad”',
                name='bad', devices='<emulator>/nonexistent/qemu-system-x86_64</emulator>')
    assert_node_still_works(node)


def test_missing_kernel(node):
    start_fails(node, GVirt.Error.INVALID_ARGUMENT, '/nonexistent/vmlinuz',
                name='nokernel', kernel='/nonexistent/vmlinuz')
    assert_node_still_works(node)


def test_missing_disk_image(node):
    disk = ("<disk type='file' device='disk'><source file='/nonexistent/disk.img'/>"
            "<target dev='vda' bus='virtio'/></disk>")
    start_fails(node, GVirt.Error.INVALID_ARGUMENT, '/nonexistent/disk.img', name='nodisk', devices=disk)
    assert_node_still_works(node)


def test_qemu_dies_during_start(node):
    # A machine type QEMU does not have: it exits before its monitor is ready,
    # and what it said is in the message.
    conn = node.connect()
    xml = node.domain_xml(name='dies').replace("machine='pc'", "machine='no-such-machine'")
    dom = conn.define_domain_sync(GVirt.DomainConfig.new_from_xml(xml), None)
    with pytest.raises(GLib.Error) as e:
        dom.start_sync(None)
    message = gvirt_error(e, GVirt.Error.HYPERVISOR).message
    assert 'did not start' in message and 'unsupported machine type' in message, message
    assert dom.props.state == STATE.SHUTOFF
    procs, files = node.leftovers()
    assert not procs and not files
    assert_node_still_works(node)


def test_bad_xml_and_bad_definitions(node):
    with pytest.raises(GLib.Error) as e:
        GVirt.DomainConfig.new_from_xml("<domain type='qemu'><name>x</name>")
    gvirt_error(e, GVirt.Error.INVALID_XML)
    conn = node.connect()
    for xml, code in [
        ("<domain type='xen'><name>x</name><memory>65536</memory></domain>", GVirt.Error.INVALID_ARGUMENT),
        ("<domain type='qemu'><name>../escape</name><memory>65536</memory></domain>", GVirt.Error.INVALID_ARGUMENT),
        ("<domain type='qemu'><name>nomem</name></domain>", GVirt.Error.INVALID_ARGUMENT),
    ]:
        with pytest.raises(GLib.Error) as e:
            conn.define_domain_sync(GVirt.DomainConfig.new_from_xml(xml), None)
        gvirt_error(e, code)
    assert os.listdir(os.path.join(node.root, 'config')) == ['autostart']

    # A definition file someone broke by hand: the node opens, without it.
    with open(os.path.join(node.root, 'config', 'broken.xml'), 'w') as f:
        f.write('<domain type="qemu"><name>broken</name><memo')
    conn2 = node.connect()
    assert conn2.find_domain_by_name('broken') is None
    assert_node_still_works(node)


def test_name_and_uuid_clashes(node):
    conn = node.connect()
    first = conn.define_domain_sync(node.config(name='one'), None)
    with pytest.raises(GLib.Error) as e:
        conn.define_domain_sync(node.config(name='one'), None)   # another UUID
    assert '“one”' in gvirt_error(e, GVirt.Error.ALREADY_EXISTS).message
    with pytest.raises(GLib.Error) as e:
        conn.define_domain_sync(node.config(name='two', uuid=first.props.uuid), None)
    gvirt_error(e, GVirt.Error.ALREADY_EXISTS)
    with pytest.raises(GLib.Error) as e:
        conn.create_domain_sync(node.config(name='one'), None)
    gvirt_error(e, GVirt.Error.ALREADY_EXISTS)
    # The first definition is untouched.
    assert conn.find_domain_by_name('one') is first
    cfg = GVirt.DomainConfig.new_from_xml(open(os.path.join(node.root, 'config', 'one.xml')).read())
    assert cfg.props.uuid == first.props.uuid

    first.start_sync(None)
    with pytest.raises(GLib.Error) as e:
        first.start_sync(None)
    gvirt_error(e, GVirt.Error.INVALID_STATE)
    # Another process's connection cannot start it a second time either.
    other = node.connect()
    with pytest.raises(GLib.Error) as e:
        other.find_domain_by_name('one').start_sync(None)
    gvirt_error(e, GVirt.Error.INVALID_STATE)
    assert len([p for p in qemu_processes(node.root)]) == 2   # one QEMU, one monitor


def test_stale_runtime_files_of_a_killed_vm(node):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='stale'), None)
    dom.start_sync(None)
    pid = dom.props.id
    node.close()
    # The host "crashes": the monitor and QEMU die with no clean-up.
    for p in qemu_processes(node.root):
        os.kill(p, signal.SIGKILL)
    spin_until(lambda: not qemu_processes(node.root), timeout=5)
    left = os.listdir(node.run_dir)
    assert 'stale.json' in left and 'stale.lock' in left

    conn = node.connect()
    dom = conn.find_domain_by_name('stale')
    assert dom.props.state == STATE.SHUTOFF and dom.props.id == -1
    # The stale files are gone once the domain runs again.
    dom.start_sync(None)
    assert dom.props.state == STATE.RUNNING and dom.props.id != pid
    dom.destroy_sync(None)


def test_monitor_killed_while_running(node):
    conn = node.connect()
    dom = conn.create_domain_sync(node.config(name='mk'), None)
    stopped = []
    dom.connect('stopped', lambda d, reason: stopped.append(reason.value_nick))
    qemu = dom.props.id
    with open(f'/proc/{qemu}/stat') as f:
        monitor = int(f.read().rsplit(')', 1)[1].split()[1])
    os.kill(monitor, signal.SIGKILL)
    # QEMU dies with it (parent-death signal); the client reports a crash.
    spin_until(lambda: stopped == ['crashed'], timeout=5)
    spin_until(lambda: not qemu_processes(node.root), timeout=5)
    # A later connection cleans what the monitor could not.
    conn2 = node.connect()
    assert conn2.find_domain_by_name('mk') is None
    assert_node_still_works(node)


def test_unknown_uri_and_parameters(guest):
    for uri, code in [
        ('qemu:///nowhere', GVirt.Error.INVALID_URI),
        ('qemu://otherhost/session', GVirt.Error.INVALID_URI),
        ('qemu:///session?root=relative/dir', GVirt.Error.INVALID_URI),
    ]:
        with pytest.raises(GLib.Error) as e:
            GVirt.Connection.open_sync(uri, GVirt.ConnectionFlags.NONE, None)
        gvirt_error(e, code)


def test_read_only_open_of_an_empty_node_creates_nothing(guest):
    root = os.path.join('/tmp', f'gvq-ro-{os.getpid()}')
    assert not os.path.exists(root)
    conn = GVirt.Connection.open_sync(f'qemu:///session?root={root}', GVirt.ConnectionFlags.READ_ONLY, None)
    assert conn.get_domains().get_n_items() == 0
    conn.close()
    assert not os.path.exists(root)


def test_open_removes_stale_temp_files(node):
    # A process that died between writing NAME.xml.XXXXXX and renaming it
    # leaves the temp file; the next open removes it once it is old enough
    # to be nobody's write in progress, and keeps a young one.
    conn = node.connect()
    conn.define_domain_sync(node.config(name='kept'), None)
    node.close()
    config = os.path.join(node.root, 'config')
    stale = os.path.join(config, 'kept.xml.AbC123')
    young = os.path.join(config, 'kept.xml.XyZ789')
    for path in (stale, young):
        with open(path, 'w') as f:
            f.write('<domain')   # torn
    old = os.stat(stale).st_mtime - 3600
    os.utime(stale, (old, old))
    conn = node.connect()
    assert not os.path.exists(stale)
    assert os.path.exists(young)
    assert [d.props.name for d in conn.get_domains()] == ['kept']
    os.unlink(young)


def test_save_to_a_full_disk_says_so(node):
    """A save that runs out of space fails with QEMU's reason, leaves no
    file and the VM running (the tmpfs exists only in the child's mount
    namespace)."""
    unshare = shutil.which('unshare')
    if unshare is None:
        pytest.skip('unshare(1) is not installed')
    here = os.path.dirname(os.path.abspath(__file__))
    r = subprocess.run([unshare, '--mount', '--propagation', 'private', sys.executable,
                        os.path.join(here, 'save_to_full_disk.py'), node.root, json.dumps(node.guest), '4m'],
                       capture_output=True, text=True, timeout=300, cwd=here,
                       env=dict(os.environ, PYTHONPATH=here))
    if r.returncode != 0 and 'mount' in r.stderr and 'permission' in r.stderr.lower():
        pytest.skip('cannot mount a tmpfs in a private mount namespace: ' + r.stderr.strip()[-200:])
    assert r.returncode == 0, r.stderr[-2000:]
    result = json.loads(r.stdout.strip().splitlines()[-1])
    print(result)
    assert result['error'] is not None
    assert 'No space left on device' in result['error'], result['error']
    assert not result['file_left']
    assert result['state'] == 'running'


def test_damaged_save_file_is_refused(node):
    """A flipped byte in the RAM stream is caught by the file's checksum,
    not restored into a silently broken guest; the intact file restores."""
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='flip'), None)
    dom.start_sync(None)
    node.wait_ready('flip')
    path = os.path.join(node.root, 'flip.img')
    dom.save_sync(path, None)
    where = os.path.getsize(path) * 3 // 5   # well inside the RAM pages
    with open(path, 'r+b') as f:
        f.seek(where)
        byte = f.read(1)
        f.seek(where)
        f.write(bytes([byte[0] ^ 0x10]))
    with pytest.raises(GLib.Error) as e:
        conn.restore_domain_sync(path, None)
    assert 'damaged' in gvirt_error(e, GVirt.Error.INVALID_ARGUMENT).message
    assert dom.props.state == STATE.SHUTOFF
    procs, files = node.leftovers()
    assert not procs and not files, (procs, files)
    with open(path, 'r+b') as f:
        f.seek(where)
        f.write(byte)
    restored = conn.restore_domain_sync(path, None)
    assert restored.props.state == STATE.RUNNING
    restored.destroy_sync(None)
