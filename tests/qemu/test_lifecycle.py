# SPDX-License-Identifier: LGPL-2.1-or-later
# The QEMU backend against real QEMU booting the test guest under TCG:
# define, start, suspend, resume, save/restore, shutdown, reboot, destroy,
# a killed QEMU, core dump, memory, vCPUs and autostart.
import os
import re
import signal

from conftest import GLib, GVirt, Gio, Recorder, gvirt_error, spin_until
import pytest

STATE = GVirt.DomainState


def test_define_writes_config_atomically(node):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='web'), None)
    path = os.path.join(node.root, 'config', 'web.xml')
    assert os.path.exists(path)
    assert dom.props.persistent and dom.props.state == STATE.SHUTOFF and dom.props.id == -1
    assert GVirt.DomainConfig.new_from_xml(open(path).read()).props.name == 'web'
    # No temporary file is left beside it.
    assert sorted(os.listdir(os.path.dirname(path))) == ['autostart', 'web.xml']
    # A redefinition replaces the file whole.
    cfg = node.config(name='web', memory_kib=262144, uuid=dom.props.uuid)
    assert conn.define_domain_sync(cfg, None) is dom
    assert GVirt.DomainConfig.new_from_xml(open(path).read()).props.memory == 262144
    dom.undefine_sync(None)
    assert not os.path.exists(path)
    assert conn.find_domain_by_name('web') is None


def test_boot_suspend_resume_shutdown(node):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='g'), None)
    rec = Recorder(dom)
    dom.start_sync(None)
    # A sync call returns with its effect applied, signals included.
    assert dom.props.state == STATE.RUNNING and dom.props.id > 0
    assert rec.events == [('started', 'booted')]
    assert conn.find_domain_by_id(dom.props.id) is dom
    with open(f'/proc/{dom.props.id}/cmdline', 'rb') as f:
        assert dom.props.uuid.encode() in f.read()
    node.wait_ready('g')

    dom.suspend_sync(None)
    assert dom.props.state == STATE.PAUSED
    with pytest.raises(GLib.Error) as e:
        dom.suspend_sync(None)
    gvirt_error(e, GVirt.Error.INVALID_STATE)
    assert 'paused' in e.value.message and '“g”' in e.value.message
    info = dom.get_info_sync(None)
    assert info.state == STATE.PAUSED
    dom.resume_sync(None)
    assert dom.props.state == STATE.RUNNING

    # ACPI: the guest's acpid powers it off.
    dom.shutdown_sync(None)
    spin_until(lambda: dom.props.state == STATE.SHUTOFF, timeout=30)
    assert rec.events[1:] == [('suspended', 'paused'), ('resumed', 'unpaused'), ('stopped', 'shutdown')]
    assert dom.props.id == -1
    assert conn.find_domain_by_name('g') is dom
    node.wait_serial('g', 'GUEST-POWERBUTTON', timeout=1)


def test_wrong_state(node):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='idle'), None)
    for call in (dom.suspend_sync, dom.resume_sync, dom.shutdown_sync, dom.reboot_sync, dom.destroy_sync):
        with pytest.raises(GLib.Error) as e:
            call(None)
        gvirt_error(e, GVirt.Error.INVALID_STATE)
        assert '“idle”' in e.value.message
    with pytest.raises(GLib.Error) as e:
        dom.save_sync(os.path.join(node.root, 'x.save'), None)
    gvirt_error(e, GVirt.Error.INVALID_STATE)
    assert not os.path.exists(os.path.join(node.root, 'x.save'))


def test_destroy_and_kill(node):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='k'), None)
    rec = Recorder(dom)
    dom.start_sync(None)
    dom.destroy_sync(None)
    assert dom.props.state == STATE.SHUTOFF
    assert rec.events == [('started', 'booted'), ('stopped', 'destroyed')]

    # kill -9 of QEMU: seen at once, reported as a crash.
    dom.start_sync(None)
    os.kill(dom.props.id, signal.SIGKILL)
    spin_until(lambda: dom.props.state == STATE.SHUTOFF, timeout=5)
    assert rec.events[-1] == ('stopped', 'crashed')
    procs, files = node.leftovers()
    assert not procs and not files


def test_transient_create(node):
    conn = node.connect()
    added = []
    conn.connect('domain-added', lambda c, d: added.append(d.props.name))
    removed = []
    conn.connect('domain-removed', lambda c, d: removed.append(d.props.name))
    dom = conn.create_domain_sync(node.config(name='tr'), None)
    assert dom.props.state == STATE.RUNNING and not dom.props.persistent
    assert added == ['tr']
    assert not os.path.exists(os.path.join(node.root, 'config', 'tr.xml'))
    with pytest.raises(GLib.Error) as e:
        dom.undefine_sync(None)
    gvirt_error(e, GVirt.Error.INVALID_STATE)
    dom.destroy_sync(None)
    # A transient domain is gone once it stops.
    assert removed == ['tr'] and conn.find_domain_by_name('tr') is None


def test_save_restore_keeps_guest_alive(node):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='sr'), None)
    rec = Recorder(dom)
    dom.start_sync(None)
    node.wait_ready('sr')
    path = os.path.join(node.root, 'sr.save')
    dom.save_sync(path, None)
    assert dom.props.state == STATE.SHUTOFF and dom.props.id == -1
    assert rec.events[-1] == ('stopped', 'saved')
    assert os.path.getsize(path) > 1 << 20

    restored = conn.restore_domain_sync(path, None)
    assert restored is dom
    assert dom.props.state == STATE.RUNNING
    assert rec.events[-1] == ('started', 'restored')
    # The same guest, still alive (the new QEMU truncated the serial log, and
    # the guest does not boot again): it answers the power button.
    dom.shutdown_sync(None)
    node.wait_serial('sr', 'GUEST-POWERBUTTON', timeout=30)
    with open(node.serial_log('sr')) as f:
        assert 'GUEST-READY' not in f.read()
    spin_until(lambda: dom.props.state == STATE.SHUTOFF, timeout=30)
    assert rec.events[-1] == ('stopped', 'shutdown')


def test_save_paused_restores_paused(node):
    conn = node.connect()
    dom = conn.create_domain_sync(node.config(name='sp'), None)
    dom.suspend_sync(None)
    # A path relative to the caller's working directory (the monitor that
    # opens it for QEMU has another one).
    cwd = os.getcwd()
    os.chdir(node.root)
    try:
        dom.save_sync('sp.save', None)
        dom = conn.restore_domain_sync('sp.save', None)
    finally:
        os.chdir(cwd)
    assert dom.props.state == STATE.PAUSED
    dom.resume_sync(None)
    assert dom.props.state == STATE.RUNNING


def test_restore_refuses_bad_files(node):
    conn = node.connect()
    foreign = os.path.join(node.root, 'foreign.save')
    with open(foreign, 'wb') as f:
        f.write(b'not a saved domain at all' * 100)
    with pytest.raises(GLib.Error) as e:
        conn.restore_domain_sync(foreign, None)
    assert 'not a domain saved' in gvirt_error(e, GVirt.Error.INVALID_ARGUMENT).message

    with pytest.raises(GLib.Error) as e:
        conn.restore_domain_sync(os.path.join(node.root, 'missing.save'), None)
    gvirt_error(e, GVirt.Error.INVALID_ARGUMENT)

    dom = conn.create_domain_sync(node.config(name='tru'), None)
    good = os.path.join(node.root, 'tru.save')
    dom.save_sync(good, None)
    truncated = os.path.join(node.root, 'truncated.save')
    with open(good, 'rb') as f, open(truncated, 'wb') as out:
        out.write(f.read(os.path.getsize(good) // 2))
    with pytest.raises(GLib.Error) as e:
        conn.restore_domain_sync(truncated, None)
    assert 'truncated' in gvirt_error(e, GVirt.Error.INVALID_ARGUMENT).message
    assert conn.find_domain_by_name('tru') is None
    procs, files = node.leftovers()
    assert not procs and not files
    # The good file still works after all that.
    dom = conn.restore_domain_sync(good, None)
    assert dom.props.state == STATE.RUNNING


def test_reboot(node):
    conn = node.connect()
    dom = conn.create_domain_sync(node.config(name='rb'), None)
    offset = node.wait_ready('rb')
    dom.reboot_sync(None)
    # The guest boots again in the same QEMU.
    node.wait_serial('rb', 'GUEST-READY', start=offset)
    assert dom.props.state == STATE.RUNNING


def test_core_dump(node):
    conn = node.connect()
    dom = conn.create_domain_sync(node.config(name='cd', memory_kib=98304), None)
    path = os.path.join(node.root, 'cd.core')
    dom.core_dump_sync(path, None)
    with open(path, 'rb') as f:
        assert f.read(4) == b'\x7fELF'
    assert os.path.getsize(path) >= 96 << 20
    assert dom.props.state == STATE.RUNNING


def test_memory_vcpus_and_pinning(node):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='res', memory_kib=196608, vcpus=2), None)
    # Inactive: the definition changes (and its file).
    dom.set_vcpus_sync(1, None)
    dom.set_max_memory_sync(163840, None)
    info = dom.get_info_sync(None)
    assert info.n_vcpus == 1 and info.max_memory == 163840
    with pytest.raises(GLib.Error) as e:
        dom.set_memory_sync(200000, None)
    gvirt_error(e, GVirt.Error.INVALID_ARGUMENT)
    cfg = GVirt.DomainConfig.new_from_xml(open(os.path.join(node.root, 'config', 'res.xml')).read())
    assert cfg.props.memory == 163840

    dom.start_sync(None)
    node.wait_ready('res')
    # The balloon: QEMU reports the new size.
    dom.set_memory_sync(131072, None)
    spin_until(lambda: dom.get_info_sync(None).memory == 131072, timeout=20)
    # It booted with <vcpu>1</vcpu>: more is refused first (as libvirt), then
    # this backend has no vCPU hotplug.
    with pytest.raises(GLib.Error) as e:
        dom.set_vcpus_sync(2, None)
    assert 'the maximum it was started with is 1' in gvirt_error(e, GVirt.Error.INVALID_ARGUMENT).message
    with pytest.raises(GLib.Error) as e:
        dom.set_vcpus_sync(1, None)
    gvirt_error(e, GVirt.Error.UNSUPPORTED)

    vcpus = dom.get_vcpu_info_sync(None)
    assert len(vcpus) == 1 and vcpus[0].get_number() == 0
    ncpu = os.cpu_count()
    dom.pin_vcpu_sync(0, [ncpu - 1], None)
    info = dom.get_vcpu_info_sync(None)[0]
    assert list(info.get_affinity()) == [ncpu - 1]
    # The real thread's affinity, as the kernel sees it.
    threads = os.listdir(f'/proc/{dom.props.id}/task')
    assert any(os.sched_getaffinity(int(t)) == {ncpu - 1} for t in threads)
    with pytest.raises(GLib.Error) as e:
        dom.pin_vcpu_sync(0, [ncpu + 5], None)
    gvirt_error(e, GVirt.Error.INVALID_ARGUMENT)
    with pytest.raises(GLib.Error) as e:
        dom.pin_vcpu_sync(3, [0], None)
    gvirt_error(e, GVirt.Error.INVALID_ARGUMENT)
    # CPU time grows while it runs.
    assert dom.get_info_sync(None).cpu_time > 0


def test_live_xml_reports_pty(node):
    conn = node.connect()
    ptys = ("<serial type='pty'><target port='1'/></serial>"
            "<console type='pty'><target type='virtio' port='0'/></console>")
    dom = conn.define_domain_sync(node.config(name='tty', devices=ptys), None)
    dom.start_sync(None)
    xml = dom.get_xml_sync(GVirt.DomainXmlFlags.NONE, None)
    # the XML keeps its input's quotes (single here): either is fine
    assert re.search(rf"""id=["']{dom.props.id}["']""", xml), xml
    ttys = re.findall(r"""tty=["'](/dev/pts/\d+)["']""", xml)
    # The serial port and the virtio console: two ptys, both real.
    assert len(set(ttys)) == 2, xml
    assert all(os.path.exists(t) for t in ttys)
    # Not in the definition of the domain, which has none.
    assert 'tty=' not in dom.get_xml_sync(GVirt.DomainXmlFlags.INACTIVE, None)


def test_autostart(node):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='auto'), None)
    dom.set_autostart_sync(True, None)
    assert dom.props.autostart
    link = os.path.join(node.root, 'config', 'autostart', 'auto.xml')
    assert os.path.islink(link)
    node.close()
    # A new boot (a fresh runtime directory) starts it with the first connection.
    for f in os.listdir(node.run_dir):
        os.unlink(os.path.join(node.run_dir, f))
    conn = node.connect()
    dom = conn.find_domain_by_name('auto')
    assert dom.props.state == STATE.RUNNING and dom.props.autostart
    # ... but only the first: a second connection in the same boot does not restart it.
    dom.destroy_sync(None)
    other = node.connect()
    assert other.find_domain_by_name('auto').props.state == STATE.SHUTOFF
    dom.set_autostart_sync(False, None)
    assert not os.path.lexists(link)


def test_kvm_without_os(node):
    if not os.access('/dev/kvm', os.R_OK | os.W_OK):
        pytest.skip('/dev/kvm is not usable here')
    caps = node.connect().get_capabilities_sync(None)
    types = set()
    for guest in caps.get_guests():
        for d in guest.get_domains():
            types.add(d.get_domain_type())
    if 'kvm' not in types:
        pytest.skip('KVM cannot create a VM here')
    conn = node.conns[0]
    # No kernel: SeaBIOS only, which PVM runs (a stock kernel does not boot there).
    xml = f'''<domain type='kvm'><name>kvm</name><memory unit='MiB'>64</memory>
      <os><type arch='x86_64'>hvm</type></os><devices/></domain>'''
    dom = conn.create_domain_sync(GVirt.DomainConfig.new_from_xml(xml), None)
    with open(f'/proc/{dom.props.id}/cmdline', 'rb') as f:
        assert b'accel=kvm' in f.read()
    dom.suspend_sync(None)
    dom.resume_sync(None)
    dom.destroy_sync(None)
    assert conn.find_domain_by_name('kvm') is None


def test_capabilities_and_node_info(node):
    conn = node.connect()
    caps = conn.get_capabilities_sync(None)
    xml = caps.to_xml()
    assert '<arch>x86_64</arch>' in xml
    assert "<domain type=\"qemu\"" in xml or "<domain type='qemu'" in xml
    assert 'pc-i440fx' in xml
    # Probed once, then cached on disk by emulator path and mtime.
    cache = os.path.join(node.root, 'lib', 'capabilities')
    assert os.path.isdir(cache) and os.listdir(cache)
    info = conn.get_node_info_sync(None)
    assert info.cpus == os.cpu_count()
    assert info.memory > 0
    ro = node.connect(GVirt.ConnectionFlags.READ_ONLY)
    assert ro.get_capabilities_sync(None).to_xml() == xml


def test_save_cancelled_and_async_calls_leave_the_loop_free(node):
    conn = node.connect()
    dom = conn.create_domain_sync(node.config(name='cx'), None)
    node.wait_ready('cx')
    path = os.path.join(node.root, 'cx.save')
    loop = GLib.MainLoop()
    ticks = []
    GLib.timeout_add(5, lambda: ticks.append(1) or True)
    box = {}

    def done(d, result):
        try:
            box['ok'] = d.save_finish(result)
        except GLib.Error as e:
            box['error'] = e
        loop.quit()

    cancellable = Gio.Cancellable()
    dom.save_async(path, cancellable, done)
    # The migration of 128 MiB takes a few hundred ms: cancel it midway.
    GLib.timeout_add(100, lambda: cancellable.cancel() or False)
    loop.run()
    e = box.get('error')
    assert e is not None and e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED), box
    # Nothing saved, nothing lost: the domain runs on, the file is gone.
    assert dom.props.state == STATE.RUNNING and not os.path.exists(path)
    # The main loop ran all along (the 5 ms timer kept ticking).
    assert len(ticks) >= 10

    # A restore that is cancelled leaves no domain and no process behind.
    dom.save_sync(path, None)
    cancellable = Gio.Cancellable()
    box.clear()

    def restored(c, result):
        try:
            box['ok'] = c.restore_domain_finish(result)
        except GLib.Error as e:
            box['error'] = e
        loop.quit()

    conn.restore_domain_async(path, cancellable, restored)
    GLib.timeout_add(60, lambda: cancellable.cancel() or False)
    loop.run()
    if 'error' in box:
        assert box['error'].matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED), box['error'].message
        assert conn.find_domain_by_name('cx') is None
        procs, files = node.leftovers()
        assert not procs and not files
    else:   # the restore won the race: it must then be whole
        assert box['ok'].props.state == STATE.RUNNING


def test_vnc_autoport(node):
    import socket
    conn = node.connect()
    vnc = "<graphics type='vnc' autoport='yes' listen='127.0.0.1'/><video><model type='vga'/></video>"
    dom = conn.create_domain_sync(node.config(name='vnc', devices=vnc), None)
    xml = dom.get_xml_sync(GVirt.DomainXmlFlags.NONE, None)
    m = re.search(r"""<graphics[^>]*port=["'](\d+)["']""", xml)
    assert m, xml
    port = int(m.group(1))
    assert 5900 <= port < 6000
    # A real VNC server answers there.
    with socket.create_connection(('127.0.0.1', port), timeout=10) as s:
        assert s.recv(12).startswith(b'RFB ')
