# SPDX-License-Identifier: LGPL-2.1-or-later
# Fixtures of the QEMU backend's tests: the test guest, a private node per test
# (qemu:///session?root=DIR), and checks that nothing is left behind.
import hashlib
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version('GVirt', '1.0')
from gi.repository import Gio, GLib, GVirt  # noqa: E402

import pytest  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = '/usr/bin/python3'
BOOT_TIMEOUT = 90   # TCG on a loaded 2-core machine: ~2.3 s idle, much more under load


def pytest_addoption(parser):
    parser.addoption('--guest-dir', default=os.environ.get('GVIRT_TEST_GUEST_DIR'),
                     help='where make-guest.sh builds the test guest')


@pytest.fixture(scope='session')
def guest(request):
    """The guest of tests/qemu/make-guest.sh: {'KERNEL':…, 'INITRD':…, 'CMDLINE':…}."""
    out = request.config.getoption('--guest-dir') or os.path.join(tempfile.gettempdir(), 'gvirt-test-guest')
    r = subprocess.run([os.path.join(HERE, 'make-guest.sh'), out], capture_output=True, text=True)
    if r.returncode == 77:
        pytest.skip('no test guest: ' + r.stderr.strip())
    assert r.returncode == 0, r.stderr
    env = {}
    with open(os.path.join(out, 'guest.env')) as f:
        for line in f:
            key, _, value = line.strip().partition('=')
            env[key] = value.strip("'")
    return env


def qemu_processes(root):
    """PIDs of processes whose command line names @root (QEMU and its monitor)."""
    pids = []
    for entry in os.listdir('/proc'):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f'/proc/{entry}/cmdline', 'rb') as f:
                cmdline = f.read()
            with open(f'/proc/{entry}/stat') as f:
                zombie = f.read().rsplit(')', 1)[1].split()[0] == 'Z'
        except OSError:
            continue
        if root.encode() in cmdline and not zombie:
            pids.append(int(entry))
    return pids


class Node:
    """A private qemu:/// node: its own config, runtime and state directories."""

    def __init__(self, root, guest):
        self.root = root
        self.guest = guest
        self.uri = f'qemu:///session?root={root}'
        self.run_dir = os.path.join(root, 'run')
        self.conns = []

    def connect(self, flags=GVirt.ConnectionFlags.NONE):
        conn = GVirt.Connection.open_sync(self.uri, flags, None)
        self.conns.append(conn)
        return conn

    def runtime_file(self, name, ext):
        """RUNTIME/@HASH.ext: the monitor's socket (".sock") and the default
        channel sockets (".channelN") are named by the name's SHA-256."""
        return os.path.join(self.run_dir, '@' + hashlib.sha256(name.encode()).hexdigest()[:32] + ext)

    def serial_log(self, name):
        return os.path.join(self.root, f'{name}.serial')

    def domain_xml(self, name='guest', memory_kib=131072, vcpus=1, devices='', os_extra='',
                   kernel=None, dom_type='qemu', uuid=None):
        g = self.guest
        return f'''<domain type='{dom_type}'>
  <name>{name}</name>
  {f"<uuid>{uuid}</uuid>" if uuid else ""}
  <memory unit='KiB'>{memory_kib}</memory>
  <vcpu>{vcpus}</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>{kernel or g["KERNEL"]}</kernel>
    <initrd>{g["INITRD"]}</initrd>
    <cmdline>{g["CMDLINE"]}</cmdline>
    {os_extra}
  </os>
  <features><acpi/></features>
  <devices>
    <serial type='file'><source path='{self.serial_log(name)}'/><target port='0'/></serial>
    <memballoon model='virtio'/>
    {devices}
  </devices>
</domain>'''

    def config(self, **kwargs):
        return GVirt.DomainConfig.new_from_xml(self.domain_xml(**kwargs))

    def wait_serial(self, name, text, timeout=BOOT_TIMEOUT, start=0):
        """Waits for @text in the domain's serial log; returns the offset after it."""
        path = self.serial_log(name)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with open(path, errors='replace') as f:
                    data = f.read()
                pos = data.find(text, start)
                if pos >= 0:
                    return pos + len(text)
            except FileNotFoundError:
                pass
            time.sleep(0.05)
        pytest.fail(f'{text!r} never appeared on the serial console of {name}')

    def wait_ready(self, name, timeout=BOOT_TIMEOUT):
        return self.wait_serial(name, 'GUEST-READY', timeout)

    def leftovers(self, settle=5):
        """(processes, runtime files) still there after up to @settle seconds:
        a monitor lives a few milliseconds past the exit it reports. NAME.stopped
        (why a domain last stopped) and events.journal (the node's events) are
        kept on purpose."""
        deadline = time.monotonic() + settle
        while True:
            files = sorted(f for f in os.listdir(self.run_dir)
                           if not f.startswith('boot-id') and not f.endswith('.stopped')
                           and f != 'events.journal')\
                if os.path.isdir(self.run_dir) else []
            procs = qemu_processes(self.root)
            if (not procs and not files) or time.monotonic() > deadline:
                return procs, files
            time.sleep(0.02)

    def close(self):
        for conn in self.conns:
            if not conn.is_closed():
                conn.close()
        self.conns.clear()


def kill_all(root):
    for pid in qemu_processes(root):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.fixture
def node(guest, request):
    # Short: the monitor's socket path must fit in sun_path (108 bytes).
    root = tempfile.mkdtemp(prefix='gvq-', dir='/tmp')
    n = Node(root, guest)
    yield n
    # Whatever the test left running is destroyed through the API, then
    # nothing may remain: no process, no socket, no runtime file.
    try:
        conn = n.connect()
        for dom in list(conn.get_domains()):
            if dom.props.id >= 0:
                try:
                    dom.destroy_sync(None)
                except GLib.Error as e:   # it stopped by itself meanwhile
                    assert e.matches(GVirt.error_quark(), GVirt.Error.INVALID_STATE), e.message
        n.close()
        procs, files = n.leftovers()
        assert not procs, f'processes left behind: {procs}'
        assert not files, f'runtime files left behind: {files}'
    finally:
        kill_all(root)
        shutil.rmtree(root, ignore_errors=True)


def spin_until(predicate, timeout=10, context=None):
    """Runs the main context until predicate() is true; fails after @timeout seconds."""
    ctx = context or GLib.MainContext.default()
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail('condition not reached in time')
        ctx.iteration(False) or time.sleep(0.002)
    return True


class Recorder:
    """Collects a domain's lifecycle signals as (name, reason nick) pairs."""

    def __init__(self, dom):
        self.events = []
        for sig in ('started', 'suspended', 'resumed', 'stopped', 'crashed'):
            dom.connect(sig, self._on, sig)

    def _on(self, dom, reason, sig):
        self.events.append((sig, reason.value_nick))


def gvirt_error(excinfo, code):
    e = excinfo.value
    assert e.matches(GVirt.error_quark(), code), f'{e.domain}:{e.code} {e.message}'
    return e


class LineReader:
    """Lines of a pipe with a timeout (select() on the fd, so no buffered
    text hides from it)."""

    def __init__(self, fd):
        self.fd = fd
        self.buf = b''

    def readline(self, timeout):
        deadline = time.monotonic() + timeout
        while b'\n' not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            chunk = os.read(self.fd, 4096)
            if not chunk:
                return None
            self.buf += chunk
        line, _, self.buf = self.buf.partition(b'\n')
        return line.decode()


class Watcher:
    """Another process with its own connection, printing what it sees (watcher.py)."""

    def __init__(self, uri, name):
        self.stderr = tempfile.TemporaryFile(mode='w+')
        self.proc = subprocess.Popen([PYTHON, os.path.join(HERE, 'watcher.py'), uri, name],
                                     stdout=subprocess.PIPE, stderr=self.stderr)
        self.lines = LineReader(self.proc.stdout.fileno())
        line = self.lines.readline(60) or ''
        assert line.startswith('watching'), line + self.errors()
        self.initial = line.split()[1:]

    def expect(self, text, timeout=30):
        """Reads event lines until one contains @text, and returns it."""
        deadline = time.monotonic() + timeout
        seen = []
        while True:
            line = self.lines.readline(deadline - time.monotonic())
            if line is None:
                break
            seen.append(line)
            if text in line:
                return line
        pytest.fail(f'the other process never saw {text!r}; it saw {seen}; it said {self.errors()}')

    def errors(self):
        self.stderr.seek(0)
        return self.stderr.read()

    def close(self):
        self.proc.terminate()
        self.proc.wait(5)


@pytest.fixture
def watcher_factory():
    made = []

    def make(uri, name):
        w = Watcher(uri, name)
        made.append(w)
        return w
    yield make
    for w in made:
        w.close()


sys.path.insert(0, HERE)
