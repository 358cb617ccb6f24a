# SPDX-License-Identifier: LGPL-2.1-or-later
# A client killed (SIGKILL) in the middle of a long call must not leave the
# node in a state no command can get out of: the VM's monitor, which
# outlives every client, either finishes the job or undoes it.
import os
import signal
import subprocess
import textwrap
import time

from conftest import PYTHON, GVirt, LineReader, Recorder, qemu_processes, spin_until
from gi.repository import GLib
import pytest

STATE = GVirt.DomainState
# ms after the client said it is about to call: from before the monitor is
# spawned to after QEMU runs.
KILL_POINTS_MS = [0, 10, 30, 60, 100, 150, 200, 300, 450, 700]


def start_client(node, call):
    """A Python process that opens the node and runs @call once it printed GO
    (and prints DONE after it); its output lines are proc.lines."""
    script = textwrap.dedent('''
        import sys, gi
        gi.require_version('GVirt', '1.0')
        from gi.repository import GVirt
        conn = GVirt.Connection.open_sync(URI, GVirt.ConnectionFlags.NONE, None)
        dom = conn.find_domain_by_name('k')
        print('GO', flush=True)
    ''') + textwrap.dedent(call) + "\nprint('DONE', flush=True)\n"
    proc = subprocess.Popen([PYTHON, '-c', script.replace('URI', repr(node.uri))],
                            stdout=subprocess.PIPE)
    reader = LineReader(proc.stdout.fileno())
    assert reader.readline(timeout=30).strip() == 'GO'
    proc.lines = reader
    return proc


def settled_state(node, name):
    """The domain's state once the node has settled, seen by a new connection."""
    time.sleep(0.5)
    conn = node.connect()
    dom = conn.find_domain_by_name(name)
    return conn, dom


def test_starter_killed_at_any_point(node):
    conn = node.connect()
    conn.define_domain_sync(node.config(name='k'), None)
    outcomes = []
    for delay in KILL_POINTS_MS:
        proc = start_client(node, 'dom.start_sync(None)'.replace('NAME', "'k'"))
        time.sleep(delay / 1000)
        proc.kill()
        proc.wait()
        c, dom = settled_state(node, 'k')
        # Settled: the VM runs and every client sees it, or nothing of it
        # is left (a monitor that takes QEMU down needs a moment).
        spin_until(lambda: dom.props.state == STATE.RUNNING or not qemu_processes(node.root),
                   timeout=10)
        if dom.props.state == STATE.RUNNING:
            dom.destroy_sync(None)
            outcomes.append('ran')
        else:
            outcomes.append('undone')
        assert dom.props.state == STATE.SHUTOFF
        procs, files = node.leftovers()
        assert not procs and not files, (delay, procs, files)
        # And the domain starts normally afterwards.
        dom.start_sync(None)
        assert dom.props.state == STATE.RUNNING
        dom.destroy_sync(None)
        c.close()
    print('outcomes', outcomes)


# Fractions of a measured save window, from before the monitor has the job
# to the call's last instant. The window opens with a pause of SAVE_PAUSE_S
# in the client, so the first points fall before the call: the hand-over
# itself is one write on the socket, too short to aim at.
SAVE_KILL_POINTS = [0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95]
SAVE_PAUSE_S = 0.03


def test_saver_killed_at_any_point(node):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='k'), None)
    rec = Recorder(dom)
    dom.start_sync(None)
    node.wait_ready('k')
    path = os.path.join(node.root, 'k.save')
    call = f'import time\ntime.sleep({SAVE_PAUSE_S})\ndom.save_sync({path!r}, None)'

    # The window: GO to DONE of a save nobody kills (then undone by a restore).
    proc = start_client(node, call)
    t0 = time.monotonic()
    assert proc.lines.readline(timeout=120) == 'DONE'
    window = time.monotonic() - t0
    assert proc.wait(30) == 0
    spin_until(lambda: dom.props.state == STATE.SHUTOFF, timeout=10)
    conn.restore_domain_sync(path, None)
    os.unlink(path)

    outcomes = []
    for fraction in SAVE_KILL_POINTS:
        proc = start_client(node, call)
        time.sleep(window * fraction)
        proc.kill()
        proc.wait()
        late = proc.lines.readline(timeout=1) == 'DONE'
        # The monitor has read the job by now if it was sent; then it ends it.
        time.sleep(0.5)
        deadline = time.monotonic() + 60
        while not (dom.props.state == STATE.SHUTOFF or
                   (dom.props.state == STATE.RUNNING and not os.path.exists(path))):
            assert time.monotonic() < deadline, \
                (f'killed at {fraction}: the domain is still {dom.props.state.value_nick}, '
                 f'the file {"is there" if os.path.exists(path) else "is gone"}; so far {outcomes}')
            GLib.MainContext.default().iteration(False) or time.sleep(0.002)
        if dom.props.state == STATE.SHUTOFF:
            # Saved as promised: a whole file, the domain stopped for it.
            assert rec.events[-1] == ('stopped', 'saved'), (fraction, rec.events[-3:])
            assert conn.restore_domain_sync(path, None) is dom
            assert dom.props.state == STATE.RUNNING
            os.unlink(path)
            outcomes.append('saved')
        else:
            # Not saved: no file, and the domain as it was, for good.
            time.sleep(1)
            spin_until(lambda: True)
            assert dom.props.state == STATE.RUNNING and not os.path.exists(path), fraction
            dom.suspend_sync(None)
            dom.resume_sync(None)
            outcomes.append('running')
        if late:
            outcomes[-1] += ' (after the call returned)'
    print(f'save window {window * 1000:.0f} ms, outcomes', list(zip(SAVE_KILL_POINTS, outcomes)))
    # The points must fall inside the call, or they test nothing.
    assert sum('after' not in o for o in outcomes) >= len(outcomes) // 2, outcomes
    dom.destroy_sync(None)
    procs, files = node.leftovers()
    assert not procs and not files, (procs, files)


def test_qemu_killed_during_save(node):
    conn = node.connect()
    dom = conn.create_domain_sync(node.config(name='q'), None)
    node.wait_ready('q')
    path = os.path.join(node.root, 'q.save')
    loop = GLib.MainLoop()
    box = {}

    def done(d, result):
        try:
            box['ok'] = d.save_finish(result)
        except GLib.Error as e:
            box['error'] = e
        loop.quit()

    dom.save_async(path, None, done)
    # Mid-migration (it takes a few hundred ms): no half file may remain.
    GLib.timeout_add(100, lambda: os.kill(dom.props.id, signal.SIGKILL) or False)
    loop.run()
    assert 'error' in box, box
    assert box['error'].matches(GVirt.error_quark(), GVirt.Error.HYPERVISOR), box['error'].message
    assert not os.path.exists(path)
    spin_until(lambda: dom.props.state == STATE.SHUTOFF, timeout=10)
    procs, files = node.leftovers()
    assert not procs and not files, (procs, files)
