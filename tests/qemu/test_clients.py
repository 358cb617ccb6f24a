# SPDX-License-Identifier: LGPL-2.1-or-later
# Several clients of one qemu:/// node: VMs outlive the process that started
# them, a new connection in another process re-attaches, and every client
# sees every change whoever made it.
import os
import signal
import subprocess
import textwrap

from conftest import PYTHON, GVirt, LineReader, spin_until
import pytest

STATE = GVirt.DomainState


def run_client(node, code):
    """Runs @code in a new Python process with `conn` open on the node; returns its stdout."""
    script = textwrap.dedent('''
        import gi
        gi.require_version('GVirt', '1.0')
        from gi.repository import GVirt
        conn = GVirt.Connection.open_sync(URI, GVirt.ConnectionFlags.NONE, None)
    ''') + textwrap.dedent(code)
    r = subprocess.run([PYTHON, '-c', script.replace('URI', repr(node.uri))],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_vm_outlives_its_client_and_is_found_again(node):
    node.connect()   # the fixture's connection, for the final clean-up
    out = run_client(node, f'''
        cfg = GVirt.DomainConfig.new_from_xml({node.domain_xml(name='o')!r})
        dom = conn.define_domain_sync(cfg, None)
        dom.start_sync(None)
        print(dom.props.id)
    ''')
    pid = int(out.split()[-1])
    # The starting process is gone; QEMU is not.
    os.kill(pid, 0)
    node.wait_ready('o')

    conn = node.connect()
    dom = conn.find_domain_by_name('o')
    assert dom.props.state == STATE.RUNNING and dom.props.id == pid
    assert conn.find_domain_by_id(pid) is dom
    # Re-attached for real: commands and events work.
    dom.suspend_sync(None)
    assert dom.props.state == STATE.PAUSED
    dom.resume_sync(None)
    # Its parent is the monitor, not PID 1, so its exit is seen at once.
    with open(f'/proc/{pid}/stat') as f:
        ppid = int(f.read().rsplit(')', 1)[1].split()[1])
    with open(f'/proc/{ppid}/cmdline', 'rb') as f:
        assert b'gvirt-qemu-monitor' in f.read()
    os.kill(pid, signal.SIGKILL)
    spin_until(lambda: dom.props.state == STATE.SHUTOFF, timeout=5)


def test_other_process_sees_every_change(node, watcher_factory):
    conn = node.connect()
    w = watcher_factory(node.uri, 'shared')
    assert w.initial[0] == 'absent'
    dom = conn.define_domain_sync(node.config(name='shared'), None)
    w.expect('added')
    dom.start_sync(None)
    w.expect('started booted running')
    dom.suspend_sync(None)
    w.expect('suspended paused paused')
    dom.resume_sync(None)
    w.expect('resumed unpaused running')
    path = os.path.join(node.root, 'shared.save')
    dom.save_sync(path, None)
    w.expect('stopped saved shutoff')
    conn.restore_domain_sync(path, None)
    w.expect('started restored running')
    dom.destroy_sync(None)
    w.expect('stopped destroyed shutoff')
    dom.undefine_sync(None)
    w.expect('removed')


def test_two_watchers_and_a_change_from_outside(node, watcher_factory):
    """Two processes watch one VM that a third changes, and the guest powers itself off."""
    conn = node.connect()
    dom = conn.create_domain_sync(node.config(name='w'), None)
    node.wait_ready('w')
    w1 = watcher_factory(node.uri, 'w')
    w2 = watcher_factory(node.uri, 'w')
    assert w1.initial[0] == w2.initial[0] == 'running'
    assert int(w1.initial[1]) == dom.props.id

    run_client(node, '''
        conn.find_domain_by_name('w').suspend_sync(None)
    ''')
    for w in (w1, w2):
        w.expect('suspended paused paused')
    spin_until(lambda: dom.props.state == STATE.PAUSED, timeout=5)

    run_client(node, '''
        conn.find_domain_by_name('w').resume_sync(None)
    ''')
    for w in (w1, w2):
        w.expect('resumed unpaused running')
    # The guest itself: ACPI power-off seen by all, the transient domain gone.
    dom.shutdown_sync(None)
    for w in (w1, w2):
        w.expect('stopped shutdown shutoff')
        w.expect('removed')
    spin_until(lambda: conn.find_domain_by_name('w') is None, timeout=5)


def test_define_in_one_process_undefine_in_another(node):
    conn = node.connect()
    added, removed = [], []
    conn.connect('domain-added', lambda c, d: added.append(d.props.name))
    conn.connect('domain-removed', lambda c, d: removed.append(d.props.name))
    run_client(node, f'''
        conn.define_domain_sync(GVirt.DomainConfig.new_from_xml({node.domain_xml(name='d')!r}), None)
        conn.find_domain_by_name('d').set_autostart_sync(True, None)
    ''')
    spin_until(lambda: added == ['d'])
    dom = conn.find_domain_by_name('d')
    spin_until(lambda: dom.props.autostart)
    assert dom.props.persistent
    run_client(node, '''
        conn.find_domain_by_name('d').undefine_sync(None)
    ''')
    spin_until(lambda: removed == ['d'])
    assert conn.find_domain_by_name('d') is None


def test_gvirsh_event_sees_another_process(node):
    gvirsh = os.environ.get('GVIRSH')
    if not gvirsh:
        pytest.skip('GVIRSH is not set')
    conn = node.connect()
    dom = conn.create_domain_sync(node.config(name='ev'), None)
    ev = subprocess.Popen([gvirsh, '-c', node.uri, 'event', '--loop', '--timeout', '60'],
                          stdout=subprocess.PIPE)
    lines = LineReader(ev.stdout.fileno())
    try:
        # gvirsh prints nothing until an event comes, so another process
        # pauses and resumes the domain until gvirsh (once connected) tells.
        line = None
        for _ in range(20):
            run_client(node, """
                d = conn.find_domain_by_name('ev')
                d.suspend_sync(None)
                d.resume_sync(None)
            """)
            line = lines.readline(0.5)
            if line is not None:
                break
        assert "event 'lifecycle' for domain 'ev': Suspended" in (line or ''), line
        assert "Resumed" in lines.readline(10)
    finally:
        ev.send_signal(signal.SIGINT)
        ev.wait(10)
    dom.destroy_sync(None)


def test_read_only_client_refuses_changes(node):
    conn = node.connect()
    dom = conn.create_domain_sync(node.config(name='ro'), None)
    ro = node.connect(GVirt.ConnectionFlags.READ_ONLY)
    rodom = ro.find_domain_by_name('ro')
    assert rodom.props.state == STATE.RUNNING
    for call in (rodom.suspend_sync, rodom.destroy_sync, rodom.shutdown_sync):
        with pytest.raises(Exception) as e:
            call(None)
        assert e.value.matches(GVirt.error_quark(), GVirt.Error.READ_ONLY)
    assert rodom.get_info_sync(None).state == STATE.RUNNING
    assert 'ro' in rodom.get_xml_sync(GVirt.DomainXmlFlags.NONE, None)
    dom.destroy_sync(None)

