#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The QEMU backend against raw QEMU, side by side in one run.

    bench/bench_qemu.py [--build BUILDDIR] [--guest DIR] [--runs R] [--json]

Raw QEMU is driven here over QMP with the very argv GVirt builds for the
same domain (read back from /proc), the QMP socket pre-bound and passed as
fd 3 as GVirt does. Figures (milliseconds, min/median/max over the runs):

  start        call → state running      | raw: spawn → qmp_capabilities answered
  destroy      call → state shutoff      | raw: SIGTERM → exit reaped
  exit-report  kill -9 of QEMU → client sees shutoff | raw: → waitpid() in its parent
  shutdown     ACPI call → state shutoff | raw: system_powerdown → exit
  save         booted guest → file       | raw: migrate exec:cat → completed
  restore      file → state running      | raw: -incoming defer + migrate-incoming → completed
  other-client a change in one process → the signal in another (suspend/resume)
  suspend, resume                         | raw: stop, cont answered

Run it beside nothing else heavy: TCG guests share the machine's cores.
Prints figures; asserts nothing.
"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--build', default=os.path.join(SRC, 'build'))
    p.add_argument('--guest', default=None, help='tests/qemu/make-guest.sh output (default: BUILD/tests/qemu/guest)')
    p.add_argument('--runs', type=int, default=5)
    p.add_argument('--json', action='store_true')
    return p.parse_args()


ARGS = parse_args()
os.environ.setdefault('GVIRT_BACKEND_PATH', os.path.join(ARGS.build, 'libvirt-gobject', 'backends'))
os.environ['GI_TYPELIB_PATH'] = os.path.join(ARGS.build, 'introspection') + ':' + os.environ.get('GI_TYPELIB_PATH', '')
os.environ['LD_LIBRARY_PATH'] = os.path.join(ARGS.build, 'libvirt-gobject') + ':' + os.environ.get('LD_LIBRARY_PATH', '')
if 'GVIRT_BENCH_REEXEC' not in os.environ:
    # LD_LIBRARY_PATH is read at exec time only.
    os.environ['GVIRT_BENCH_REEXEC'] = '1'
    os.execv(sys.executable, [sys.executable] + sys.argv)

import gi  # noqa: E402

gi.require_version('GVirt', '1.0')
from gi.repository import GLib, GVirt  # noqa: E402

STATE = GVirt.DomainState
now = time.perf_counter


def ms(t):
    return t * 1000.0


def guest_files():
    out = ARGS.guest or os.path.join(ARGS.build, 'tests', 'qemu', 'guest')
    r = subprocess.run([os.path.join(SRC, 'tests', 'qemu', 'make-guest.sh'), out], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f'no test guest: {r.stderr.strip()}')
    env = {}
    with open(os.path.join(out, 'guest.env')) as f:
        for line in f:
            k, _, v = line.strip().partition('=')
            env[k] = v.strip("'")
    return env


def domain_xml(g, name, serial):
    return f'''<domain type='qemu'>
  <name>{name}</name>
  <memory unit='KiB'>131072</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>{g["KERNEL"]}</kernel>
    <initrd>{g["INITRD"]}</initrd>
    <cmdline>{g["CMDLINE"]}</cmdline>
  </os>
  <features><acpi/></features>
  <devices>
    <serial type='file'><source path='{serial}'/><target port='0'/></serial>
    <memballoon model='virtio'/>
  </devices>
</domain>'''


def wait_for_text(path, text, start=0, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(path, errors='replace') as f:
                if f.read().find(text, start) >= 0:
                    return
        except FileNotFoundError:
            pass
        time.sleep(0.01)
    raise RuntimeError(f'{text} never came in {path}')


def spin_until(pred, timeout=30):
    ctx = GLib.MainContext.default()
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise RuntimeError('timed out')
        ctx.iteration(False) or time.sleep(0.0002)


class Qmp:
    """Raw QEMU with its QMP socket pre-bound and passed as fd 3, as GVirt does."""

    def __init__(self, argv):
        ls = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        ls.bind(b'\0gvirt-bench-%d' % os.getpid())
        ls.listen(1)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.t_spawn = now()
        # fd 3 of the child only (the parent's fd 3 is not ours to replace).
        self.proc = subprocess.Popen(argv, pass_fds=(3,), preexec_fn=lambda: os.dup2(ls.fileno(), 3),
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        ls.close()
        self.sock.connect(b'\0gvirt-bench-%d' % os.getpid())
        self.buf = b''
        self.events = []
        self.read()                       # greeting
        self.cmd('qmp_capabilities')
        self.t_ready = now()

    def read(self):
        while b'\n' not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError
            self.buf += chunk
        line, _, self.buf = self.buf.partition(b'\n')
        return json.loads(line)

    def cmd(self, execute, **arguments):
        msg = {'execute': execute}
        if arguments:
            msg['arguments'] = arguments
        self.sock.sendall(json.dumps(msg).encode() + b'\n')
        while True:
            m = self.read()
            if 'event' in m:
                self.events.append(m)
                continue
            if 'error' in m:
                raise RuntimeError(m['error'])
            return m.get('return')

    def wait_event(self, name, **data):
        while True:
            for i, e in enumerate(self.events):
                if e['event'] == name and all(e.get('data', {}).get(k) == v for k, v in data.items()):
                    del self.events[:i + 1]
                    return e
            self.events.append(self.read())

    def wait_exit(self):
        self.proc.wait()
        self.sock.close()


def raw_argv(gvirt_argv, incoming=False):
    """GVirt's argv for the domain, minus its pidfile; -incoming defer for a restore."""
    argv = []
    skip = False
    for a in gvirt_argv:
        if skip:
            skip = False
            continue
        if a == '-pidfile':
            skip = True
            continue
        argv.append(a)
    if incoming:
        argv += ['-incoming', 'defer', '-S']
    return argv


def stats(values):
    return {'min': min(values), 'median': statistics.median(values), 'max': max(values), 'n': len(values)}


def main():
    g = guest_files()
    root = tempfile.mkdtemp(prefix='gvqb-', dir='/tmp')
    serial = os.path.join(root, 'b.serial')
    res = {}

    def add(key, value):
        res.setdefault(key, []).append(value)

    conn = GVirt.Connection.open_sync(f'qemu:///session?root={root}', GVirt.ConnectionFlags.NONE, None)
    dom = conn.define_domain_sync(GVirt.DomainConfig.new_from_xml(domain_xml(g, 'b', serial)), None)
    try:
        dom.start_sync(None)
        with open(f'/proc/{dom.props.id}/cmdline', 'rb') as f:
            argv = [a.decode() for a in f.read().split(b'\0') if a]
        dom.destroy_sync(None)

        for _ in range(ARGS.runs):
            # start and destroy: GVirt
            t = now(); dom.start_sync(None); add('gvirt start', ms(now() - t))
            assert dom.props.state == STATE.RUNNING
            t = now(); dom.suspend_sync(None); add('gvirt suspend', ms(now() - t))
            t = now(); dom.resume_sync(None); add('gvirt resume', ms(now() - t))
            t = now(); dom.destroy_sync(None); add('gvirt destroy', ms(now() - t))
            assert dom.props.state == STATE.SHUTOFF
            # raw
            q = Qmp(raw_argv(argv)); add('raw start', ms(q.t_ready - q.t_spawn))
            t = now(); q.cmd('stop'); add('raw suspend', ms(now() - t))
            t = now(); q.cmd('cont'); add('raw resume', ms(now() - t))
            t = now(); q.proc.send_signal(signal.SIGTERM); q.wait_exit(); add('raw destroy', ms(now() - t))
            # the floor of an exit report: kill -9 to the parent's waitpid()
            q = Qmp(raw_argv(argv))
            t = now(); q.proc.kill(); q.wait_exit(); add('raw exit-report', ms(now() - t))
            # a QEMU that dies: how soon the client knows
            dom.start_sync(None)
            pid = dom.props.id
            t = now(); os.kill(pid, signal.SIGKILL)
            spin_until(lambda: dom.props.state == STATE.SHUTOFF)
            add('gvirt exit-report', ms(now() - t))

        for _ in range(max(1, ARGS.runs // 2)):
            # ACPI shutdown and save/restore of a booted guest
            os.path.exists(serial) and os.unlink(serial)
            dom.start_sync(None)
            wait_for_text(serial, 'GUEST-READY')
            t = now(); dom.shutdown_sync(None)
            spin_until(lambda: dom.props.state == STATE.SHUTOFF)
            add('gvirt shutdown', ms(now() - t))

            os.unlink(serial)
            q = Qmp(raw_argv(argv))
            wait_for_text(serial, 'GUEST-READY')
            t = now(); q.cmd('system_powerdown'); q.wait_exit(); add('raw shutdown', ms(now() - t))

            save = os.path.join(root, 'b.save')
            os.unlink(serial)
            dom.start_sync(None)
            wait_for_text(serial, 'GUEST-READY')
            t = now(); dom.save_sync(save, None); add('gvirt save', ms(now() - t))
            size = os.path.getsize(save)
            t = now(); conn.restore_domain_sync(save, None); add('gvirt restore', ms(now() - t))
            assert dom.props.state == STATE.RUNNING
            dom.destroy_sync(None)
            os.unlink(save)

            raw_file = os.path.join(root, 'raw.save')
            os.unlink(serial)
            q = Qmp(raw_argv(argv))
            wait_for_text(serial, 'GUEST-READY')
            q.cmd('migrate-set-capabilities', capabilities=[{'capability': 'events', 'state': True}])
            t = now()
            q.cmd('migrate', uri=f'exec:cat > {raw_file}')
            q.wait_event('MIGRATION', status='completed')
            add('raw save', ms(now() - t))
            q.cmd('quit'); q.wait_exit()
            t = now()
            q = Qmp(raw_argv(argv, incoming=True))
            q.cmd('migrate-set-capabilities', capabilities=[{'capability': 'events', 'state': True}])
            q.cmd('migrate-incoming', uri=f'exec:cat {raw_file}')
            q.wait_event('MIGRATION', status='completed')
            q.cmd('cont')
            add('raw restore', ms(now() - t))
            add('save size MB', size / 1e6)
            q.cmd('quit'); q.wait_exit()
            os.unlink(raw_file)

        # another process's view: it prints monotonic timestamps as it sees signals
        dom.start_sync(None)
        watcher = subprocess.Popen([sys.executable, '-c', WATCHER, conn.props.uri, 'b'],
                                   stdout=subprocess.PIPE, text=True)
        assert watcher.stdout.readline().startswith('ready')
        for _ in range(ARGS.runs * 2):
            t = time.monotonic(); dom.suspend_sync(None)
            seen = float(watcher.stdout.readline().split()[1])
            add('other-client', ms(seen - t))
            t = time.monotonic(); dom.resume_sync(None)
            seen = float(watcher.stdout.readline().split()[1])
            add('other-client', ms(seen - t))
        watcher.terminate()
        dom.destroy_sync(None)
    finally:
        for d in list(conn.get_domains()):
            if d.props.id >= 0:
                d.destroy_sync(None)
        dom.undefine_sync(None)
        conn.close()
        shutil.rmtree(root, ignore_errors=True)

    table = {k: stats(v) for k, v in res.items()}
    if ARGS.json:
        print(json.dumps(table, indent=2))
        return
    print(f'QEMU backend vs raw QEMU (ms: min / median / max, {ARGS.runs} runs; same argv)')
    for op in ['start', 'suspend', 'resume', 'destroy', 'shutdown', 'save', 'restore']:
        gv, raw = table.get('gvirt ' + op), table.get('raw ' + op)
        ratio = gv['median'] / raw['median'] if gv and raw and raw['median'] > 0 else float('nan')
        print(f'  {op:<10} gvirt {fmt(gv)}   raw {fmt(raw)}   ratio {ratio:.2f}')
    print(f"  exit-report gvirt {fmt(table['gvirt exit-report'])}   raw {fmt(table['raw exit-report'])}"
          "   (kill -9 -> client sees shutoff | parent reaps)")
    print(f"  other-client      {fmt(table['other-client'])}   (suspend/resume in one process -> signal in another)")
    print(f"  save file         {table['save size MB']['median']:.1f} MB")


def fmt(s):
    if s is None:
        return '-'
    return f"{s['min']:8.2f} {s['median']:8.2f} {s['max']:8.2f}"


WATCHER = '''
import sys, time, gi
gi.require_version('GVirt', '1.0')
from gi.repository import GLib, GVirt
conn = GVirt.Connection.open_sync(sys.argv[1], GVirt.ConnectionFlags.READ_ONLY, None)
dom = conn.find_domain_by_name(sys.argv[2])
for sig in ('suspended', 'resumed'):
    dom.connect(sig, lambda d, r, sig=sig: print(sig, time.monotonic(), flush=True))
print('ready', flush=True)
GLib.MainLoop().run()
'''

if __name__ == '__main__':
    main()
