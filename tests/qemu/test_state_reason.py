# SPDX-License-Identifier: LGPL-2.1-or-later
# GVirtDomain:state-reason and the current memory are the node's: a process
# that did not make the change (here gvirsh, a process of its own, started
# after it) reads the same reason as the one that did, after a suspend, a
# shutdown request, a destroy, a save, a QEMU killed from outside, and the
# memory after setmem.
import json
import os
import signal
import subprocess
import time

from conftest import GVirt, spin_until
import pytest

STATE = GVirt.DomainState
REASON = GVirt.DomainStateReason


@pytest.fixture
def gvirsh():
    path = os.environ.get('GVIRSH')
    if not path:
        pytest.skip('GVIRSH is not set')
    return path


def other(gvirsh, node, *args):
    """What a new process prints for `gvirsh ARGS` on the node."""
    r = subprocess.run([gvirsh, '-q', '-c', node.uri, *args], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def test_reason_in_another_process(node, gvirsh):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='sr'), None)
    assert other(gvirsh, node, 'domstate', 'sr', '--reason') == 'shut off (unknown)'
    dom.start_sync(None)
    assert dom.props.state_reason == REASON.BOOTED
    assert other(gvirsh, node, 'domstate', 'sr', '--reason') == 'running (booted)'
    node.wait_ready('sr')

    dom.suspend_sync(None)
    assert dom.props.state_reason == REASON.USER
    assert other(gvirsh, node, 'domstate', 'sr', '--reason') == 'paused (user)'
    dom.resume_sync(None)
    assert other(gvirsh, node, 'domstate', 'sr', '--reason') == 'running (unpaused)'

    # A shutdown request the guest cannot act on while paused: every
    # process reads "in shutdown", not only the one that asked.
    dom.suspend_sync(None)
    dom.shutdown_sync(None)
    assert (dom.props.state, dom.props.state_reason) == (STATE.SHUTDOWN, REASON.USER)
    assert other(gvirsh, node, 'domstate', 'sr', '--reason') == 'in shutdown (user)'

    dom.destroy_sync(None)
    assert dom.props.state_reason == REASON.DESTROYED
    assert other(gvirsh, node, 'domstate', 'sr', '--reason') == 'shut off (destroyed)'
    # a connection opened afterwards, in this process, too
    late = node.connect().find_domain_by_name('sr')
    assert (late.props.state, late.props.state_reason) == (STATE.SHUTOFF, REASON.DESTROYED)

    path = os.path.join(node.root, 'sr.save')
    dom.start_sync(None)
    node.wait_ready('sr')
    dom.save_sync(path, None)
    assert dom.props.state_reason == REASON.SAVED
    assert other(gvirsh, node, 'domstate', 'sr', '--reason') == 'shut off (saved)'
    conn.restore_domain_sync(path, None)
    assert dom.props.state_reason == REASON.RESTORED
    assert other(gvirsh, node, 'domstate', 'sr', '--reason') == 'running (restored)'
    dom.destroy_sync(None)


def test_crash_seen_by_a_process_that_did_not_cause_it(node, gvirsh):
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='cr'), None)
    dom.start_sync(None)
    watcher = node.connect().find_domain_by_name('cr')   # a second connection, attached
    os.kill(dom.props.id, signal.SIGKILL)
    spin_until(lambda: dom.props.state == STATE.SHUTOFF and watcher.props.state == STATE.SHUTOFF, timeout=10)
    assert dom.props.state_reason == watcher.props.state_reason == REASON.CRASHED
    assert other(gvirsh, node, 'domstate', 'cr', '--reason') == 'shut off (crashed)'
    assert json.loads(other(gvirsh, node, 'domstate', 'cr', '--json')) == {'state': 'shutoff', 'reason': 'crashed'}


def test_monitor_killed_with_its_vm(node, gvirsh):
    """Nobody is left to write the reason: the attached client sees the
    monitor go (crashed); the next process that finds the stale files records
    it for the others."""
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='mk'), None)
    dom.start_sync(None)
    with open(f'/proc/{dom.props.id}/stat') as f:
        monitor = int(f.read().rsplit(')', 1)[1].split()[1])
    os.kill(monitor, signal.SIGKILL)
    spin_until(lambda: dom.props.state == STATE.SHUTOFF, timeout=10)
    assert dom.props.state_reason == REASON.CRASHED
    assert other(gvirsh, node, 'domstate', 'mk', '--reason') == 'shut off (crashed)'
    assert other(gvirsh, node, 'domstate', 'mk', '--reason') == 'shut off (crashed)'


def test_memory_after_setmem_in_another_process(node, gvirsh):
    conn = node.connect()
    dom = conn.create_domain_sync(node.config(name='mem', memory_kib=196608), None)
    node.wait_ready('mem')
    dom.set_memory_sync(131072, None)
    # The guest's balloon driver gets there step by step; a process that
    # attaches later reads where it is (the live XML says 196608 forever).
    spin_until(lambda: time.sleep(0.2) or 'Used memory:    131072 KiB' in other(gvirsh, node, 'dominfo', 'mem'),
               timeout=30)
    late = node.connect().find_domain_by_name('mem')
    assert late.get_info_sync(None).memory == 131072
    dom.destroy_sync(None)


def test_reason_file_reaches_a_process_that_never_attached(node):
    """A VM that another process started and stopped before this connection
    attached to it: the connection learns the reason from the file its
    monitor leaves, RUNTIME/NAME.stopped (written here as the monitor does)."""
    conn = node.connect()
    dom = conn.define_domain_sync(node.config(name='nf'), None)
    assert dom.props.state_reason == REASON.UNKNOWN
    path = os.path.join(node.run_dir, 'nf.stopped')

    def monitor_writes(uuid, reason):
        with open(path + '.tmp', 'w') as f:
            json.dump({'uuid': uuid, 'state-reason': reason, 'stopped': int(time.time())}, f)
        os.rename(path + '.tmp', path)

    monitor_writes(dom.props.uuid, 'destroyed')
    spin_until(lambda: dom.props.state_reason == REASON.DESTROYED, timeout=10)
    # another domain's file (same name, other UUID) is not this one's past
    monitor_writes('00000000-0000-4000-8000-000000000001', 'crashed')
    deadline = time.monotonic() + 1
    spin_until(lambda: time.monotonic() > deadline, timeout=5)
    assert dom.props.state_reason == REASON.DESTROYED
    # a new connection (a backend of its own, as in another process) reads it at open
    assert node.connect().find_domain_by_name('nf').props.state_reason == REASON.UNKNOWN
    monitor_writes(dom.props.uuid, 'saved')
    assert node.connect().find_domain_by_name('nf').props.state_reason == REASON.SAVED
    spin_until(lambda: dom.props.state_reason == REASON.SAVED, timeout=10)
