# SPDX-License-Identifier: LGPL-2.1-or-later
# Every lifecycle event reaches every connection, in order, however short the
# run: a listener in this process sees each of another process's
# start;destroy and define;undefine, none coalesced away (the node's event
# journal, docs/qemu-backend.md).
import subprocess
import textwrap
import time

from conftest import PYTHON, GLib, GVirt
import pytest

N_DEFINES = 300
N_RUNS = 5


class Listener:
    """What one connection is told: (event, domain name) in signal order."""

    def __init__(self, conn):
        self.events = []
        conn.connect('domain-added', self._added)
        conn.connect('domain-removed', lambda c, d: self.events.append(('undefined', d.props.name)))

    def _added(self, conn, dom):
        self.events.append(('defined', dom.props.name))
        for sig in ('started', 'suspended', 'resumed', 'stopped'):
            dom.connect(sig, lambda d, reason, sig=sig: self.events.append((sig, d.props.name)))

    def wait_for(self, count, proc, timeout=120):
        ctx = GLib.MainContext.default()
        deadline = time.monotonic() + timeout
        quiet_since = None
        while time.monotonic() < deadline:
            while ctx.iteration(False):
                pass
            if proc.poll() is not None:
                if len(self.events) >= count:
                    break
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since > 5:   # nothing more is coming
                    break
            time.sleep(0.005)
        return self.events


def other_process(node, code):
    script = textwrap.dedent('''
        import gi
        gi.require_version('GVirt', '1.0')
        from gi.repository import GVirt
        conn = GVirt.Connection.open_sync(URI, GVirt.ConnectionFlags.NONE, None)
    ''').replace('URI', repr(node.uri)) + textwrap.dedent(code)
    return subprocess.Popen([PYTHON, '-c', script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def check(proc, events, expected):
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    seen = sum(1 for e in events if e in expected)
    print(f'events seen: {seen} of {len(expected)}')
    assert events == expected, f'saw {seen} of {len(expected)} events; first difference at ' \
        f'{next((i for i, (a, b) in enumerate(zip(events, expected)) if a != b), min(len(events), len(expected)))}'


def test_every_define_and_undefine_of_another_process(node):
    listener = Listener(node.connect())
    xml = node.domain_xml(name='NAME')
    proc = other_process(node, f'''
        for i in range({N_DEFINES}):
            cfg = GVirt.DomainConfig.new_from_xml({xml!r}.replace('NAME', f'd{{i}}'))
            conn.define_domain_sync(cfg, None).undefine_sync(None)
    ''')
    expected = [e for i in range(N_DEFINES) for e in (('defined', f'd{i}'), ('undefined', f'd{i}'))]
    check(proc, listener.wait_for(len(expected), proc), expected)


def test_every_start_and_stop_of_another_process(node):
    conn = node.connect()
    listener = Listener(conn)
    conn.define_domain_sync(node.config(name='short'), None)
    listener.events.clear()
    proc = other_process(node, f'''
        dom = conn.find_domain_by_name('short')
        for i in range({N_RUNS}):
            dom.start_sync(None)
            dom.destroy_sync(None)
    ''')
    expected = [('started', 'short'), ('stopped', 'short')] * N_RUNS
    check(proc, listener.wait_for(len(expected), proc), expected)


def test_every_create_destroy_and_pause_of_another_process(node):
    """A transient domain that lives less than a read apart is still
    defined, started, stopped and undefined; pauses are not coalesced."""
    conn = node.connect()
    listener = Listener(conn)
    xml = node.domain_xml(name='tr')
    proc = other_process(node, f'''
        for i in range({N_RUNS}):
            dom = conn.create_domain_sync(GVirt.DomainConfig.new_from_xml({xml!r}), None)
            for j in range(3):
                dom.suspend_sync(None)
                dom.resume_sync(None)
            dom.destroy_sync(None)
    ''')
    run = [('defined', 'tr'), ('started', 'tr')] + [('suspended', 'tr'), ('resumed', 'tr')] * 3 + \
          [('stopped', 'tr'), ('undefined', 'tr')]
    expected = run * N_RUNS
    check(proc, listener.wait_for(len(expected), proc), expected)
    assert conn.find_domain_by_name('tr') is None
