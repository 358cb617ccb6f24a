#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The bench-node workload through Python: GVirt (PyGObject) and libvirt-python.

    bench/bench_node.py [--build BUILDDIR] [--n 1000,10000] [--runs R] [--json]

Each (library, N) runs in a child process of its own; figures are the median
over the runs of (phase time / calls), in microseconds per operation.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

OPS = ["open", "define", "list-all", "lookup-name", "lookup-uuid", "xml", "info",
       "start", "suspend", "resume", "destroy", "save", "restore", "undefine"]
LISTS = 100
SAMPLE = 100
URI = "test:///default"


def domain_xml(i):
    # the same 1.3 KB domain as bench/bench-util.c
    return f"""<domain type='kvm'>
  <name>bench-{i}</name>
  <uuid>{i:08x}-1c2d-4e5f-8a9b-0c1d2e3f4a5b</uuid>
  <memory unit='KiB'>1048576</memory>
  <currentMemory unit='KiB'>1048576</currentMemory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <boot dev='hd'/>
  </os>
  <features>
    <acpi/>
    <apic/>
  </features>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/var/lib/gvirt/images/bench-{i}.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <source file='/var/lib/gvirt/images/install.iso'/>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:{(i >> 16) & 0xff:02x}:{(i >> 8) & 0xff:02x}:{i & 0xff:02x}'/>
      <source network='default'/>
      <model type='virtio'/>
    </interface>
    <serial type='pty'>
      <target port='0'/>
    </serial>
    <console type='pty'>
      <target type='serial' port='0'/>
    </console>
    <input type='tablet' bus='usb'/>
    <graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'/>
    <video>
      <model type='vga' vram='16384' heads='1'/>
    </video>
  </devices>
</domain>
"""


class Phase:
    def __init__(self, us, op, calls, drain=None):
        self.us, self.op, self.calls, self.drain = us, op, calls, drain

    def __enter__(self):
        self.start = time.perf_counter()

    def __exit__(self, *exc):
        if self.drain:
            self.drain()
        self.us[self.op] = (time.perf_counter() - self.start) * 1e6 / self.calls


def run_gvirt(n, xmls, names, uuids, paths):
    from gi.repository import GLib, GVirt
    ctx = GLib.MainContext.default()

    def drain():
        while ctx.iteration(False):
            pass

    us = {}
    s = len(paths)
    with Phase(us, "open", 1, drain):
        conn = GVirt.Connection.open_sync(URI, GVirt.ConnectionFlags.NONE, None)
    doms = []
    with Phase(us, "define", n, drain):
        for x in xmls:
            doms.append(conn.define_domain_sync(GVirt.DomainConfig.new_from_xml(x), None))
    model = conn.get_domains()
    with Phase(us, "list-all", LISTS, drain):
        for _ in range(LISTS):
            for i in range(model.get_n_items()):
                model.get_item(i).get_name()
    with Phase(us, "lookup-name", n, drain):
        for name in names:
            conn.find_domain_by_name(name)
    with Phase(us, "lookup-uuid", n, drain):
        for uuid in uuids:
            conn.find_domain_by_uuid(uuid)
    with Phase(us, "xml", n, drain):
        for d in doms:
            d.get_xml_sync(0, None)
    with Phase(us, "info", n, drain):
        for d in doms:
            d.get_info_sync(None)
    for op, method in (("start", "start_sync"), ("suspend", "suspend_sync"),
                       ("resume", "resume_sync"), ("destroy", "destroy_sync")):
        with Phase(us, op, n, drain):
            for d in doms:
                getattr(d, method)(None)
    for d in doms[:s]:
        d.start_sync(None)
    with Phase(us, "save", s, drain):
        for d, p in zip(doms, paths):
            d.save_sync(p, None)
    with Phase(us, "restore", s, drain):
        for p in paths:
            conn.restore_domain_sync(p, None)
    for d in doms[:s]:
        d.destroy_sync(None)
    with Phase(us, "undefine", n, drain):
        for d in doms:
            d.undefine_sync(None)
    conn.close()
    drain()
    return us


def run_libvirt(n, xmls, names, uuids, paths):
    import libvirt
    libvirt.registerErrorHandler(lambda *a: None, None)
    us = {}
    s = len(paths)
    with Phase(us, "open", 1):
        conn = libvirt.open(URI)
    doms = []
    with Phase(us, "define", n):
        for x in xmls:
            doms.append(conn.defineXML(x))
    with Phase(us, "list-all", LISTS):
        for _ in range(LISTS):
            for d in conn.listAllDomains(0):
                d.name()
    with Phase(us, "lookup-name", n):
        for name in names:
            conn.lookupByName(name)
    with Phase(us, "lookup-uuid", n):
        for uuid in uuids:
            conn.lookupByUUIDString(uuid)
    with Phase(us, "xml", n):
        for d in doms:
            d.XMLDesc(0)
    with Phase(us, "info", n):
        for d in doms:
            d.info()
    for op, method in (("start", "create"), ("suspend", "suspend"),
                       ("resume", "resume"), ("destroy", "destroy")):
        with Phase(us, op, n):
            for d in doms:
                getattr(d, method)()
    for d in doms[:s]:
        d.create()
    with Phase(us, "save", s):
        for d, p in zip(doms, paths):
            d.save(p)
    with Phase(us, "restore", s):
        for p in paths:
            conn.restore(p)
    for d in doms[:s]:
        d.destroy()
    with Phase(us, "undefine", n):
        for d in doms:
            d.undefine()
    conn.close()
    return us


def child(lib, n, runs):
    xmls = [domain_xml(i) for i in range(n)]
    names = [f"bench-{i}" for i in range(n)]
    uuids = [f"{i:08x}-1c2d-4e5f-8a9b-0c1d2e3f4a5b" for i in range(n)]
    run = run_gvirt if lib == "gvirt" else run_libvirt
    samples = {op: [] for op in OPS}
    with tempfile.TemporaryDirectory(prefix="bench-node-py-") as tmp:
        paths = [os.path.join(tmp, f"{i}.img") for i in range(min(n, SAMPLE))]
        for _ in range(runs):
            for op, v in run(n, xmls, names, uuids, paths).items():
                samples[op].append(v)
    print(json.dumps({op: statistics.median(v) for op, v in samples.items()}))


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(top, "_build-bench"))
    ap.add_argument("--n", default="1000,10000")
    ap.add_argument("--runs", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), int(args.child[2]))
        return 0

    env = dict(os.environ)
    env["GVIRT_BACKEND_PATH"] = os.path.join(args.build, "libvirt-gobject", "backends")
    env["GI_TYPELIB_PATH"] = os.path.join(args.build, "introspection") + \
        (":" + env["GI_TYPELIB_PATH"] if "GI_TYPELIB_PATH" in env else "")
    env["LD_LIBRARY_PATH"] = os.path.join(args.build, "libvirt-gobject") + \
        (":" + env["LD_LIBRARY_PATH"] if "LD_LIBRARY_PATH" in env else "")
    results = []
    for n in (int(x) for x in args.n.split(",")):
        runs = args.runs or (3 if n >= 5000 else 5)
        row = {}
        for lib in ("gvirt", "libvirt"):
            out = subprocess.run([sys.executable, __file__, "--child", lib, str(n), str(runs)],
                                 env=env, capture_output=True, text=True)
            if out.returncode != 0:
                print(f"{lib} N={n} failed: {out.stderr.strip()[-300:]}", file=sys.stderr)
                continue
            row[lib] = json.loads(out.stdout)
        results.append({"n": n, "runs": runs, "us_per_op": row})
        if args.json:
            continue
        print(f"\nPython, N = {n}, median of {runs} runs, us per operation")
        print(f"{'operation':<12} {'GVirt (gi)':>12} {'libvirt-python':>15} {'ratio':>8}")
        for op in OPS:
            g = row.get("gvirt", {}).get(op, 0)
            l = row.get("libvirt", {}).get(op, 0)
            print(f"{op:<12} {g:12.2f} {l:15.2f} {g / l if l else 0:8.3f}")
    if args.json:
        print(json.dumps({"uri": URI, "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
