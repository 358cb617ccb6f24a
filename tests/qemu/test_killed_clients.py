# SPDX-License-Identifier: LGPL-2.1-or-later
# A client killed (SIGKILL) in the middle of a long call must not leave the
# node in a state no command can get out of: the VM's monitor, which
# outlives every client, either finishes the job or undoes it.
import os
import signal
import subprocess
import textwrap
import time

from conftest import PYTHON, GVirt, LineReader, qemu_processes, spin_until
import pytest

STATE = GVirt.DomainState
# ms after the client said it is about to call: from before the monitor is
# spawned to after QEMU runs.
KILL_POINTS_MS = [0, 10, 30, 60, 100, 150, 200, 300, 450, 700]


def start_client(node, call):
    """A Python process that opens the node and runs @call once it printed GO."""
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
