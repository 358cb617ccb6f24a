#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs every code block marked runnable in a Markdown guide:
# `run-doc-blocks.py GUIDE.md [BUILDDIR]`.
#
# A block is runnable when its fence reads ```python runnable, ```js runnable,
# ```c runnable or ```vala runnable. Each runs on its own, against the
# uninstalled build (GI_TYPELIB_PATH, GVIRT_BACKEND_PATH ... come from the
# test environment): Python under /usr/bin/python3, JavaScript as a GJS ES
# module, C compiled with pkg-config's gvirt-1.0 (a block with no main() is
# wrapped in one), Vala compiled against the generated VAPI; an XML block
# (```xml runnable) is parsed by the GVirt config class its root element names
# and must survive a format/parse round trip. A C block marked
# ```c runnable backend=SCHEME is a backend module: it is built as a GIO
# module, alone in a directory that GVIRT_BACKEND_PATH then names, and
# SCHEME:///system must open through it.
#
# Test node files (docs/test-node-format.md): a block marked
# ```xml runnable node is written to node.xml in an empty directory and must
# open as test:///THAT/DIRECTORY/node.xml; the node's domains and networks
# are printed. The files it names with file= are the guide's blocks marked
# ```xml runnable file=RELATIVE/PATH, written beside it first (each of those
# is also checked on its own as an XML block). Output as TAP.
import os
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```(\w+) runnable(?: backend=(?P<backend>\w+)| file=(?P<file>[\w./-]+)"
                   r"| (?P<node>node))?\s*$")
C_WRAPPER = """#include <libvirt-gobject/libvirt-gobject.h>
int
main (void)
{
%s
  return 0;
}
"""


def blocks(path):
    """Yields (lang, line, code, file) for each runnable block; file is the
    file= path of a node file's companion, else None."""
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m:
            start = i + 1
            j = start
            while not lines[j].startswith("```"):
                j += 1
            lang = m.group(1)
            if m.group("backend"):
                lang = f"backend:{m.group('backend')}"
            elif m.group("node"):
                lang = "node"
            yield lang, start + 1, "".join(lines[start:j]), m.group("file")
            i = j
        i += 1


XML_CHECK = """
import sys
import gi
gi.require_version("GVirt", "1.0")
from gi.repository import GVirt
xml = sys.stdin.read()
root = xml.lstrip().split()[0].strip("<>")
cls = {"domain": GVirt.DomainConfig, "network": GVirt.NetworkConfig,
       "capabilities": GVirt.Capabilities}[root]
config = cls.new_from_xml(xml)
again = cls.new_from_xml(config.to_xml())
assert config.equal(again), "the format/parse round trip changed the document"
print(root, "parsed:", getattr(config.props, "name", None) or "ok")
"""


NODE_CHECK = """
import sys
import urllib.parse
import gi
gi.require_version("GVirt", "1.0")
from gi.repository import GVirt
conn = GVirt.Connection.open_sync("test://" + urllib.parse.quote(sys.argv[1]),
                                  GVirt.ConnectionFlags.NONE, None)
info = conn.get_node_info_sync(None)
print(f"node: {info.model}, {info.cpus} CPUs at {info.mhz} MHz, {info.memory} KiB")
for dom in conn.get_domains():
    print(f"domain {dom.props.name}: {dom.props.state.value_nick}, id {dom.props.id}, "
          f"autostart {dom.props.autostart}")
for net in conn.get_networks():
    print(f"network {net.props.name}: active {net.props.active}, bridge {net.props.bridge}")
"""


def pkg_config(*args):
    return subprocess.run(["pkg-config", *args, "gvirt-1.0"], check=True,
                          capture_output=True, text=True).stdout.split()


def run(lang, code, tmp, builddir, companions):
    if lang == "python":
        return [sys.executable, "-c", code]
    if lang == "xml":
        src = os.path.join(tmp, "block.xml")
        with open(src, "w") as f:
            f.write(code)
        return [sys.executable, "-c", f"import sys; sys.stdin = open({src!r}); exec({XML_CHECK!r})"]
    if lang == "node":
        for rel, text in companions.items():
            dest = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "w") as f:
                f.write(text)
        node = os.path.join(tmp, "node.xml")
        with open(node, "w") as f:
            f.write(code)
        return [sys.executable, "-c", NODE_CHECK, node]
    if lang == "js":
        src = os.path.join(tmp, "block.js")
        with open(src, "w") as f:
            f.write(code)
        return ["gjs", "-m", src]
    if lang == "c":
        src = os.path.join(tmp, "block.c")
        with open(src, "w") as f:
            f.write(code if re.search(r"\bmain\s*\(", code) else C_WRAPPER % code)
        exe = os.path.join(tmp, "block")
        subprocess.run([os.environ.get("CC", "cc"), "-o", exe, src, *pkg_config("--cflags", "--libs")],
                       check=True, capture_output=True, text=True)
        return [exe]
    if lang.startswith("backend:"):
        scheme = lang.split(":", 1)[1]
        src = os.path.join(tmp, "backend.c")
        with open(src, "w") as f:
            f.write(code)
        moddir = os.path.join(tmp, "backends")
        os.mkdir(moddir)
        subprocess.run([os.environ.get("CC", "cc"), "-shared", "-fPIC", "-o",
                        os.path.join(moddir, f"libgvirt-backend-{scheme}.so"), src,
                        *pkg_config("--cflags", "--libs")],
                       check=True, capture_output=True, text=True)
        check = (f"import os; os.environ['GVIRT_BACKEND_PATH'] = {moddir!r}\n"
                 "import gi; gi.require_version('GVirt', '1.0')\n"
                 "from gi.repository import GVirt\n"
                 f"conn = GVirt.Connection.open_sync('{scheme}:///system', GVirt.ConnectionFlags.NONE, None)\n"
                 "print(conn.props.backend_name, 'backend opened;', len(conn.get_domains()), 'domains')\n")
        return [sys.executable, "-c", check]
    if lang == "vala":
        src = os.path.join(tmp, "block.vala")
        with open(src, "w") as f:
            f.write(code)
        exe = os.path.join(tmp, "block")
        subprocess.run(["valac", "--quiet", "-o", exe, "--vapidir",
                        os.path.join(builddir, "introspection"), "--pkg", "gvirt-1.0",
                        "--pkg", "gio-2.0", "-X", "-w", src],
                       check=True, capture_output=True, text=True, cwd=tmp)
        return [exe]
    raise ValueError(f"no runner for ```{lang} runnable")


def main(argv):
    guide = argv[1]
    builddir = argv[2] if len(argv) > 2 else os.environ.get("MESON_BUILD_ROOT", ".")
    os.environ["PKG_CONFIG_PATH"] = os.pathsep.join(
        filter(None, [os.path.join(builddir, "meson-uninstalled"), os.environ.get("PKG_CONFIG_PATH")]))
    found = list(blocks(guide))
    companions = {file: code for lang, line, code, file in found if file}
    for file in companions:
        if os.path.isabs(file) or ".." in file.split("/"):
            raise ValueError(f"file={file}: a companion's path must stay in the node's directory")
    print(f"1..{len(found)}")
    if not found:
        print(f"# {os.path.basename(guide)} has no runnable block")
    failed = 0
    for n, (lang, line, code, _) in enumerate(found, 1):
        name = f"{os.path.basename(guide)}:{line} ({lang})"
        needs = {"js": "gjs", "c": os.environ.get("CC", "cc"), "vala": "valac"}.get(
            lang, os.environ.get("CC", "cc") if lang.startswith("backend:") else None)
        if needs and shutil.which(needs) is None:
            print(f"ok {n} {name} # SKIP {needs} is missing")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            try:
                proc = subprocess.run(run(lang, code, tmp, builddir, companions),
                                      capture_output=True,
                                      text=True, timeout=30, cwd=tmp)
                output, status = proc.stdout + proc.stderr, proc.returncode
                if "CRITICAL" in proc.stderr or "WARNING" in proc.stderr:
                    status = status or 1
            except subprocess.CalledProcessError as e:
                output, status = f"build failed:\n{e.stdout}{e.stderr}", 1
            except subprocess.TimeoutExpired:
                output, status = "timed out", 1
        if status == 0:
            print(f"ok {n} {name}")
        else:
            failed += 1
            print(f"not ok {n} {name}")
        for out_line in output.splitlines():
            print(f"# {out_line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
