# SPDX-License-Identifier: LGPL-2.1-or-later
# gvirsh's commands against test:///default and a node file: output and exit status,
# every error path. test:// nodes live in one process, so changes and their
# checks are chained with ';' in one gvirsh run. Tests taking `target` run on
# both nodes (see conftest.Target). The output is the normal one
# (no -q): each command's output ends with an empty line, as virsh's does.
import json
import os
import re
import shutil
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import write_node

UUID = "6695eb01-f6a4-8304-79aa-97f2502e193f"
NET_UUID = "dd8fe884-6c02-601e-7551-cca97df1c5df"

LIST_DEFAULT = (" Id   Name   State\n"
                "----------------------\n"
                " 1    test   running\n")


def chain(*outputs):
    """What commands print without -q: each one's output, then an empty line."""
    return "".join(out + "\n" for out in outputs)


# ---- global options, help, chaining ----------------------------------------

def test_list_virsh_layout_with_trailing_blank_line(gvirsh):
    assert gvirsh.ok("list") == LIST_DEFAULT + "\n"


def test_default_uri_from_environment(gvirsh, node):
    assert gvirsh.ok("uri", uri=None, env={"GVIRSH_DEFAULT_CONNECT_URI": node}) == chain(node + "\n")
    assert gvirsh.ok("--connect=" + node, "uri", uri=None) == chain(node + "\n")
    # as virsh: gvirsh's own variable, then GVirt's, then libvirt's
    assert gvirsh.ok("uri", uri=None, env={"LIBVIRT_DEFAULT_URI": node}) == chain(node + "\n")
    assert gvirsh.ok("uri", uri=None, env={"GVIRT_DEFAULT_URI": node}) == chain(node + "\n")
    both = {"GVIRT_DEFAULT_URI": node, "LIBVIRT_DEFAULT_URI": "test:///default"}
    assert gvirsh.ok("uri", uri=None, env=both) == chain(node + "\n")
    assert gvirsh.ok("uri", uri=None, env=dict(both, GVIRSH_DEFAULT_CONNECT_URI="test:///default")) == \
        chain("test:///default\n")
    assert gvirsh.ok("-c", node, "uri", uri=None, env=both) == chain(node + "\n")
    # an empty variable is no URI
    assert gvirsh.ok("uri", uri=None, env={"GVIRT_DEFAULT_URI": "", "LIBVIRT_DEFAULT_URI": node}) == \
        chain(node + "\n")
    # a URI set for virsh that GVirt does not serve: the error says where it came from
    msg = gvirsh.fails("list", uri=None, env={"LIBVIRT_DEFAULT_URI": "lxc:///system"})
    assert msg.startswith("failed to connect to the hypervisor at 'lxc:///system' "
                          "(from $LIBVIRT_DEFAULT_URI; give another with -c): ")


def test_default_uri_without_environment(gvirsh, tmp_path):
    """Neither variable nor -c: virsh's choice, qemu:///system for root and
    qemu:///session for the others (no backend here, so no QEMU is touched)."""
    expected = "qemu:///system" if os.geteuid() == 0 else "qemu:///session"
    msg = gvirsh.fails("list", uri=None, env={"GVIRT_BACKEND_PATH": str(tmp_path)})
    assert msg.startswith(f"failed to connect to the hypervisor at '{expected}': ")


def test_version_and_help_options(gvirsh):
    assert re.fullmatch(r"\d+\.\d+\.\d+\n", gvirsh.ok("-v", uri=None))
    assert gvirsh.ok("--version", uri=None) == gvirsh.ok("-v", uri=None)
    out = gvirsh.ok("-h", uri=None)
    assert "-c | --connect=URI" in out and "    dominfo " in out


def test_bad_global_options(gvirsh):
    assert "unsupported option '--bogus'" in gvirsh.fails("--bogus", "list", uri=None)
    assert "needs a URI" in gvirsh.fails("-c", uri=None)


def test_help(gvirsh):
    out = gvirsh.ok("help")
    assert out.startswith("Grouping of commands:\n\n Domain Management (help keyword 'domain'):\n")
    for name in ("list", "dominfo", "net-list", "nodeinfo", "event", "help"):
        assert re.search(rf"^    {re.escape(name)} +\S", out, re.M), name
    assert "complete" not in out.split() and "_man" not in out
    one = gvirsh.ok("help", "dominfo")
    assert "  NAME\n    dominfo - domain information\n" in one
    assert "  SYNOPSIS\n    dominfo [--domain] <string> [--json]\n" in one
    group = gvirsh.ok("help", "network")
    assert group.startswith(" Networking (help keyword 'network'):\n") and "net-start" in group
    assert gvirsh.fails("help", "nope") == "command or command group 'nope' doesn't exist; 'help' lists them"


def test_parse_errors(gvirsh):
    assert gvirsh.fails("bogus") == "unknown command: 'bogus'; see 'help' for the list of commands"
    assert gvirsh.fails("list", "--foo") == "command 'list' doesn't support option --foo; see 'help list'"
    assert gvirsh.fails("dominfo") == "command 'dominfo' requires <domain> option; see 'help dominfo'"
    assert gvirsh.fails("dominfo", "test", "more") == \
        "unexpected data 'more' for command 'dominfo'; see 'help dominfo'"
    assert "takes no value" in gvirsh.fails("list", "--all=yes")
    assert "expected syntax: --domain <string>" in gvirsh.fails("dominfo", "--domain")
    assert "already seen" in gvirsh.fails("dominfo", "--domain", "test", "--domain", "test")
    assert "missing closing single quote" in gvirsh.fails("dominfo 'test")
    assert "malformed or out of range" in gvirsh.fails("setvcpus", "test", "many")


def test_option_forms(gvirsh):
    expected = gvirsh.ok("dominfo", "test")
    assert gvirsh.ok("dominfo", "--domain", "test") == expected
    assert gvirsh.ok("dominfo", "--domain=test") == expected
    assert gvirsh.ok("dominfo --domain \"test\"") == expected
    assert gvirsh.ok("dominfo", "--", "test") == expected


def test_chaining(gvirsh):
    out = gvirsh.ok("suspend test; domstate test ; resume test;domstate test")
    assert out == chain("Domain 'test' suspended\n", "paused\n", "Domain 'test' resumed\n", "running\n")
    # argv form: a lone ';' separates commands
    assert gvirsh.ok("domid", "test", ";", "domname", "1") == chain("1\n", "test\n")
    # a failure does not stop the chain, but the status says it; the failed
    # command still gets its empty line, as in virsh
    res = gvirsh.run("resume test; domstate test")
    assert res.rc == 1 and res.out == chain("", "running\n")
    assert res.err.startswith("error: failed to resume domain 'test': ")
    # quit ends the chain, and prints no empty line
    assert gvirsh.ok("domid test; quit; domname test") == chain("1\n")
    assert gvirsh.ok("domid test # a comment") == chain("1\n")


def test_commands_from_stdin(gvirsh):
    out = gvirsh.ok(stdin="suspend test\n\nlist\nexit\nlist\n")
    assert out == chain("Domain 'test' suspended\n", LIST_DEFAULT.replace("running", "paused").replace(
        "----------------------", "---------------------"))


# ---- -q, virsh's quiet mode --------------------------------------------------

def test_quiet_tables_have_no_header(gvirsh, node):
    # virsh -q leaves a table's header and dashed line out, and out of the widths
    assert gvirsh.ok("list", "--all", quiet=True) == " 1   test   running\n"
    assert gvirsh.ok("list", "--all", quiet=True, uri=node) == " 1   web   running\n -   db    shut off\n"
    assert gvirsh.ok("list", "--inactive", quiet=True) == ""
    assert gvirsh.ok("net-list", "--all", quiet=True) == " default   active   no   yes\n"
    assert gvirsh.ok("net-list", "--all", quiet=True, uri=node) == (
        " isolated   inactive   yes   yes\n"
        " lan        active     no    yes\n")
    assert gvirsh.ok("net-list", "--inactive", quiet=True) == ""
    assert gvirsh.ok("vcpupin", "test", quiet=True) == " 0   0-15\n 1   0-15\n"


def test_quiet_drops_informational_messages(gvirsh, domain_file, network_file, tmp_path):
    img, core = str(tmp_path / "extra.img"), str(tmp_path / "extra.core")
    f, g = domain_file("extra"), domain_file("temp")
    n, m = network_file("extra", 42), network_file("temp", 43)
    cmds = "; ".join([
        f"define {f}", "start extra", "autostart extra", "autostart --disable extra", "suspend extra",
        "resume extra", "reboot extra", f"save extra {img}", f"restore {img}", f"dump extra {core}",
        "shutdown extra", "undefine extra", f"create {g}", "destroy temp", "setmem test 1G",
        "setvcpus test 1", "vcpupin test 0 1", f"net-define {n}", "net-start extra",
        "net-autostart extra", "net-autostart --disable extra", "net-destroy extra",
        "net-undefine extra", f"net-create {m}", "net-destroy temp"])
    assert gvirsh.ok(cmds, quiet=True) == ""
    # without -q each change says what it did
    assert [line for line in gvirsh.ok(cmds).splitlines() if line] == [
        f"Domain 'extra' defined from {f}", "Domain 'extra' started",
        "Domain 'extra' marked as autostarted", "Domain 'extra' unmarked as autostarted",
        "Domain 'extra' suspended", "Domain 'extra' resumed", "Domain 'extra' is being rebooted",
        f"Domain 'extra' saved to {img}", f"Domain 'extra' restored from {img}",
        f"Domain 'extra' dumped to {core}", "Domain 'extra' is being shutdown",
        "Domain 'extra' has been undefined", f"Domain 'temp' created from {g}", "Domain 'temp' destroyed",
        f"Network extra defined from {n}", "Network extra started",
        "Network extra marked as autostarted", "Network extra unmarked as autostarted",
        "Network extra destroyed", "Network extra has been undefined",
        f"Network temp created from {m}", "Network temp destroyed"]


def test_quiet_keeps_results_and_errors(gvirsh):
    out = gvirsh.ok("suspend test; domstate test; domid test; uri; resume test; list --name", quiet=True)
    assert out == "paused\n1\ntest:///default\ntest\n"
    # the empty line between vCPUs is output, not the one after the command
    out = gvirsh.ok("vcpuinfo", "test", quiet=True)
    assert out.count("\n\n") == 1 and out.startswith("VCPU:           0\n") and not out.endswith("\n\n")
    assert gvirsh.ok("dominfo", "test", quiet=True) + "\n" == gvirsh.ok("dominfo", "test")
    assert gvirsh.ok("list", "--json", quiet=True) + "\n" == gvirsh.ok("list", "--json")
    res = gvirsh.run("event", "--loop", "--timeout", "1", quiet=True)
    assert (res.rc, res.out, res.err) == (1, "event loop timed out\nevents received: 0\n", "")
    res = gvirsh.run("resume test; domstate test", quiet=True)
    assert res.rc == 1 and res.out == "running\n"
    assert res.err.startswith("error: failed to resume domain 'test': ")
    assert gvirsh.ok(stdin="suspend test\nlist\n", quiet=True) == " 1   test   paused\n"
    assert gvirsh.ok("--quiet", "list", uri="test:///default") == " 1   test   running\n"


VIRSH_COMPARED = [
    "list", "list --all", "list --inactive", "list --name", "list --uuid",
    "list --uuid --name", "list --name --uuid", "destroy test; list --all --uuid --name",
    "suspend test; list; resume test; list --all",
    "destroy test; list --all; list --inactive --name; start test; domstate test",
    "list --all --inactive", "list --id", "destroy test; list --all --id; list --all --id --name",
    "destroy test; list --all --uuid --id; list --state-shutoff; list --state-running --state-shutoff",
    "suspend test; list --state-paused; list --state-running", "list --persistent; list --transient",
    "list --autostart; list --no-autostart --name; list --all --state-other", "list --table --name",
    "event --all --timeout 1", "event --all --loop --timeout 1 --domain test",
    "shutdown test --mode bogus",
    "shutdown test; start test; reboot test; domid test",
    "autostart test; autostart --disable test",
    "domid test; domname 1; domuuid test; domstate test",
    "net-list", "net-list --all", "net-list --inactive", "net-list --name",
    "net-autostart default; net-list; net-autostart --disable default; net-info default",
    "net-destroy default; net-list --all; net-list --inactive; net-start default",
    "net-info default", "nodeinfo", "uri", "event --timeout 1", "event --domain test",
]


@pytest.mark.skipif(shutil.which("virsh") is None, reason="virsh (libvirt-clients) is not installed")
@pytest.mark.parametrize("quiet", [False, True], ids=["normal", "quiet"])
@pytest.mark.parametrize("cmds", VIRSH_COMPARED)
def test_same_output_as_virsh(gvirsh, cmds, quiet):
    """The installed virsh on its own test:///default node prints the same."""
    env = dict(os.environ, LC_ALL="C")
    env.pop("VIRSH_DEFAULT_CONNECT_URI", None)
    virsh = subprocess.run(["virsh", "-c", "test:///default"] + (["-q"] if quiet else []) + [cmds],
                           capture_output=True, text=True, env=env, timeout=20)
    res = gvirsh.run(cmds, quiet=quiet)
    assert (res.rc, res.out, res.err) == (virsh.returncode, virsh.stdout, virsh.stderr)


# ---- connections -------------------------------------------------------------

def test_connect_errors(gvirsh, tmp_path):
    msg = gvirsh.fails("list", uri="nope:///system")
    assert msg.startswith("failed to connect to the hypervisor at 'nope:///system': ")
    assert "GVIRT_BACKEND_PATH" in msg
    msg = gvirsh.fails("list", uri="test:///" + str(tmp_path / "missing.xml"))
    assert "missing.xml" in msg
    bad = tmp_path / "bad.xml"
    bad.write_text("<node><cpu>\n")
    msg = gvirsh.fails("list", uri="test://" + str(bad))
    assert msg.startswith("failed to connect to the hypervisor") and "bad.xml" in msg
    # commands that need no connection still work
    assert gvirsh.ok("help", "list", uri="nope:///system")


def test_connect_command(gvirsh, node):
    out = gvirsh.ok(f"uri; connect {node}; uri; list --name; connect --readonly; uri; domstate web")
    assert out == chain("test:///default\n", "", f"{node}\n", "web\n", "", f"{node}\n", "running\n")
    res = gvirsh.run(f"connect {node} --readonly; suspend web")
    assert res.rc == 1 and "read-only" in res.err
    assert gvirsh.fails("connect nope:///x").startswith("failed to connect to the hypervisor at 'nope:///x'")


def test_readonly(target, domain_file, network_file):
    t = target
    assert t.ok("-r", "list", "--name") == chain(t.dom + "\n")
    for cmd in ("start {dom}", "shutdown {dom}", "reboot {dom}", "destroy {dom}", "suspend {dom}",
                "resume {dom}", "undefine {dom}", "setmem {dom} 1024", "setmaxmem {dom} 1G",
                "setvcpus {dom} 1", "vcpupin {dom} 0 1", "autostart {dom}",
                f"define {domain_file()}", f"create {domain_file()}", "save {dom} /tmp/x",
                "dump {dom} /tmp/x", "net-destroy {net}", "net-start {net}",
                "net-undefine {net}", "net-autostart {net}", f"net-define {network_file()}",
                f"net-create {network_file()}"):
        cmd = cmd.format(dom=t.dom, net=t.net)
        msg = t.fails("-r", cmd)
        assert "read-only" in msg, (cmd, msg)


def test_readonly_refused_before_files(gvirsh):
    # The operation table's read-only rule: a command that would change the
    # node is refused before it opens its files, as the library would refuse it.
    for cmd in ("define /nonexistent.xml", "restore /nonexistent.save", "net-define /nonexistent.xml"):
        msg = gvirsh.fails("-r", cmd)
        assert "read-only" in msg and "nonexistent" not in msg, (cmd, msg)


# ---- host ---------------------------------------------------------------------

def test_nodeinfo(gvirsh, node):
    assert gvirsh.ok("nodeinfo") == chain(
        "CPU model:           i686\n"
        "CPU(s):              16\n"
        "CPU frequency:       1400 MHz\n"
        "CPU socket(s):       2\n"
        "Core(s) per socket:  2\n"
        "Thread(s) per core:  2\n"
        "NUMA cell(s):        2\n"
        "Memory size:         3145728 KiB\n")
    data = json.loads(gvirsh.ok("nodeinfo", "--json", uri=node))
    assert data == {"cpu_model": "x86_64", "cpus": 4, "mhz": 3000, "sockets": 1, "cores": 2,
                    "threads": 2, "numa_cells": 1, "memory_kib": 8192000}


def test_host_queries(target):
    t = target
    assert t.ok("uri") == chain(t.uri + "\n")
    # the test hypervisor runs on this host
    assert t.ok("hostname") == chain(socket.gethostname() + "\n")
    out = t.ok("version")
    assert re.fullmatch(r"Compiled against library: gvirt (\d+\.\d+\.\d+)\n"
                        r"Using library: gvirt \1\n"
                        r"Using API: test\n"
                        r"Running hypervisor: test \(version unknown\)\n\n", out), out
    # a node file without <capabilities> reports the built-in ones
    caps = t.ok("capabilities")
    assert "<capabilities>" in caps and caps.endswith("</capabilities>\n\n")
    assert "<host>" in caps and "<arch>i686</arch>" in caps and '<arch name="x86_64">' in caps


def test_capabilities_of_a_node_file(gvirsh, tmp_path):
    (tmp_path / "node.xml").write_text("""\
<node>
  <capabilities>
    <host><cpu><arch>aarch64</arch></cpu></host>
    <guest>
      <os_type>hvm</os_type>
      <arch name="aarch64"><wordsize>64</wordsize><domain type="test"/></arch>
    </guest>
  </capabilities>
</node>
""")
    caps = gvirsh.ok("capabilities", uri="test://" + str(tmp_path / "node.xml"))
    assert caps == chain("<capabilities>\n"
                         "  <host>\n"
                         "    <cpu>\n"
                         "      <arch>aarch64</arch>\n"
                         "    </cpu>\n"
                         "  </host>\n"
                         "  <guest>\n"
                         "    <os_type>hvm</os_type>\n"
                         "    <arch name=\"aarch64\">\n"
                         "      <wordsize>64</wordsize>\n"
                         "      <domain type=\"test\"/>\n"
                         "    </arch>\n"
                         "  </guest>\n"
                         "</capabilities>\n")


# ---- domains --------------------------------------------------------------------

def test_list_variants(gvirsh, node):
    assert gvirsh.ok("list", "--all") == chain(LIST_DEFAULT)
    assert gvirsh.ok("list", "--inactive") == chain(" Id   Name   State\n--------------------\n")
    assert gvirsh.ok("list", "--name") == chain("test\n")
    assert gvirsh.ok("list", "--uuid") == chain(UUID + "\n")
    # one space between UUID and name, in either order of the options, as virsh
    assert gvirsh.ok("list", "--uuid", "--name") == chain(f"{UUID} test\n")
    assert gvirsh.ok("list", "--name", "--uuid") == chain(f"{UUID} test\n")
    assert json.loads(gvirsh.ok("list", "--json")) == [
        {"id": 1, "name": "test", "uuid": UUID, "state": "running",
         "persistent": True, "autostart": False}]
    # --all wins over --inactive, as in virsh
    assert gvirsh.ok("list", "--all", "--inactive") == chain(LIST_DEFAULT)
    # a node file: active by id, then inactive by name
    assert gvirsh.ok("list", "--all", uri=node) == chain(
        " Id   Name   State\n"
        "-----------------------\n"
        " 1    web    running\n"
        " -    db     shut off\n")
    assert gvirsh.ok("list", "--inactive", "--name", uri=node) == chain("db\n")
    db = json.loads(gvirsh.ok("list", "--all", "--json", uri=node))[1]
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", db.pop("uuid"))
    assert db == {"id": None, "name": "db", "state": "shutoff", "persistent": True, "autostart": True}


def test_list_filters(gvirsh, node, domain_file):
    """virsh's filters on a node file: web running (persistent, no autostart),
    db shut off (persistent, autostart), extra running and transient."""
    def names(*options):
        out = gvirsh.ok(f"create {domain_file()} ; list --name " + " ".join(options), uri=node, quiet=True)
        return out.split()
    assert names() == ["web", "extra"]
    assert names("--all") == ["web", "extra", "db"]
    assert names("--transient") == ["extra"]
    assert names("--persistent") == ["web"]
    assert names("--all", "--persistent") == ["web", "db"]
    assert names("--persistent", "--transient") == ["web", "extra"]
    assert names("--autostart") == []
    assert names("--all", "--autostart") == ["db"]
    assert names("--all", "--no-autostart") == ["web", "extra"]
    # --state-shutoff is about inactive domains even without --all
    assert names("--state-shutoff") == ["db"]
    assert names("--state-running") == ["web", "extra"]
    assert names("--state-running", "--state-shutoff") == ["db"]
    assert names("--all", "--state-running", "--state-shutoff") == ["web", "extra", "db"]
    assert names("--inactive", "--state-running") == []
    assert names("--all", "--state-other") == []
    assert names("--all", "--transient", "--state-running") == ["extra"]
    out = gvirsh.ok("suspend web; list --state-paused --name; list --state-running --name", uri=node, quiet=True)
    assert out == "web\n"
    # the table and JSON filter the same way
    assert gvirsh.ok("list", "--all", "--autostart", uri=node, quiet=True) == " -   db   shut off\n"
    assert [d["name"] for d in json.loads(gvirsh.ok("list", "--state-shutoff", "--json", uri=node))] == ["db"]


def test_list_columns(gvirsh, node):
    """--uuid, --id, --name: those columns in this order, whichever came first;
    --id alone leaves the inactive domains out, as virsh."""
    web, db = "ef861801-45b9-11cb-88e3-afbfe5370493", None
    assert gvirsh.ok("list", "--all", "--id", uri=node, quiet=True) == "1\n"
    assert gvirsh.ok("list", "--inactive", "--id", uri=node, quiet=True) == ""
    assert gvirsh.ok("list", "--all", "--name", "--id", uri=node, quiet=True) == "1 web\n- db\n"
    out = gvirsh.ok("list", "--all", "--id", "--uuid", uri=node, quiet=True).splitlines()
    assert out[0] == f"{web} 1" and re.fullmatch(r"[0-9a-f-]{36} -", out[1])
    out = gvirsh.ok("list", "--name", "--id", "--uuid", uri=node, quiet=True)
    assert out == f"{web} 1 web\n"
    assert gvirsh.ok("list", "--table", uri=node) == gvirsh.ok("list", uri=node)
    for column in ("name", "uuid", "id"):
        assert gvirsh.fails("list", "--table", f"--{column}") == \
            f"Options --table and --{column} are mutually exclusive"


def test_dominfo(gvirsh, node):
    out = gvirsh.ok("dominfo", "test")
    assert out.endswith("\n\n")
    labels = [line[:16] for line in out[:-1].splitlines()]
    expected = [f"{k:<16}" for k in ("Id:", "Name:", "UUID:", "OS Type:", "State:", "CPU(s):", "CPU time:",
                                     "Max memory:", "Used memory:", "Persistent:", "Autostart:")]
    # virsh leaves the CPU time out while it is 0
    assert labels == expected or labels == expected[:6] + expected[7:], out
    assert re.search(r"^CPU time:       \d+\.\ds$", out, re.M) or "CPU time:" not in out
    assert "Id:             1\n" in out and f"UUID:           {UUID}\n" in out
    assert "State:          running\n" in out and "CPU(s):         2\n" in out
    assert "Max memory:     8388608 KiB\n" in out and "Used memory:    2097152 KiB\n" in out
    assert "Persistent:     yes\n" in out and "Autostart:      disable\n" in out
    assert "OS Type:        hvm\n" in out
    # by id, by UUID in any case, with or without dashes
    for what in ("1", UUID, UUID.upper(), UUID.replace("-", "")):
        assert "Name:           test\n" in gvirsh.ok("dominfo", what), what
    data = json.loads(gvirsh.ok("dominfo", "test", "--json"))
    assert data["id"] == 1 and data["state"] == "running" and data["max_memory_kib"] == 8388608
    db = gvirsh.ok("dominfo", "db", uri=node)
    assert db.startswith("Id:             -\nName:           db\n")
    assert "State:          shut off\n" in db and "Autostart:      enable\n" in db
    assert "CPU time:" not in db
    # nor once it has run and stopped: virsh on QEMU has 0 for an inactive
    # domain, so it leaves the line out (its test driver makes a time up)
    out = gvirsh.ok("destroy web; dominfo web; start web; dominfo web", uri=node, quiet=True)
    stopped, started = out.split("Id:")[1:]
    assert "CPU time:" not in stopped and re.search(r"^CPU time:       \d+\.\ds$", started, re.M)


def test_unknown_domain(target):
    t = target
    for cmd in ("dominfo", "domstate", "domid", "domname", "domuuid", "dumpxml", "start",
                "shutdown", "reboot", "destroy", "suspend", "resume", "undefine", "vcpuinfo",
                "vcpupin", "autostart", "ttyconsole"):
        assert t.fails(cmd, "nope") == (
            "failed to get domain 'nope': no domain has this name, id or UUID on "
            f"{t.uri} (see 'list --all')"), cmd
    assert t.fails("dominfo", "7").startswith("failed to get domain '7'")
    assert t.fails("save", "nope", "/tmp/x").startswith("failed to get domain 'nope'")
    assert t.fails("setmem", "nope", "1").startswith("failed to get domain 'nope'")
    assert t.fails("event", "--all", "--domain", "nope").startswith("failed to get domain 'nope'")


def test_domstate_and_ids(gvirsh, node):
    assert gvirsh.ok("domstate", "test") == chain("running\n")
    assert gvirsh.ok("domstate", "test", "--reason") == chain("running (booted)\n")
    assert json.loads(gvirsh.ok("domstate", "test", "--json")) == {"state": "running", "reason": "booted"}
    assert gvirsh.ok("domid", "test") == chain("1\n")
    assert gvirsh.ok("domname", "1") == chain("test\n")
    assert gvirsh.ok("domname", UUID) == chain("test\n")
    assert gvirsh.ok("domuuid", "test") == chain(UUID + "\n")
    assert gvirsh.ok("domid db; domstate db", uri=node) == chain("-\n", "shut off\n")
    assert gvirsh.ok("domstate db --reason", uri=node) == chain("shut off (unknown)\n")


def test_domstate_reason(target, tmp_path):
    """virsh's `<state> (<reason>)` after each change, as `virsh domstate --reason`
    prints it against test:///default."""
    t, d = target, target.dom
    out = t.ok(f"suspend {d}; domstate {d} --reason; resume {d}; domstate {d} --reason; "
               f"destroy {d}; domstate {d} --reason; start {d}; domstate {d} --reason; "
               f"shutdown {d}; domstate {d} --reason", quiet=True)
    assert out == ("paused (user)\nrunning (unpaused)\nshut off (destroyed)\n"
                   "running (booted)\nshut off (shutdown)\n")
    save = tmp_path / "reason.sav"
    out = t.ok(f"save {d} {save}; domstate {d} --reason; restore {save}; "
               f"domstate {d} --reason", quiet=True)
    assert out == "shut off (saved)\nrunning (restored)\n"
    assert json.loads(t.ok(f"suspend {d}; domstate {d} --json", quiet=True)) == \
        {"state": "paused", "reason": "user"}


def test_dumpxml(target):
    t = target
    head = f"  <name>{t.dom}</name>\n  <uuid>{t.dom_uuid}</uuid>\n  <memory>{t.max_mem}</memory>\n"
    live = t.ok("dumpxml", t.dom)
    # in the quotes of the node's XML: libvirt's single ones in test:///default
    assert live.startswith(f"<domain type={t.q}test{t.q} id={t.q}1{t.q}>\n" + head)
    assert live.endswith("</domain>\n\n")
    inactive = t.ok("dumpxml", t.dom, "--inactive")
    assert inactive.startswith(f"<domain type={t.q}test{t.q}>\n" + head) and inactive.endswith("</domain>\n\n")
    assert t.ok("dumpxml", t.dom, "--security-info") == live
    # once it is shut off, the live XML is the inactive one
    assert t.ok(f"destroy {t.dom}; dumpxml {t.dom}") == chain(f"Domain '{t.dom}' destroyed\n", inactive[:-1])


def test_dumpxml_of_a_node_file(gvirsh, node):
    # a domain from file=: the description as written, with the console's tty
    web = gvirsh.ok("dumpxml", "web", uri=node)
    assert '    <console type="pty" tty="/dev/pts/7">\n      <target type="serial" port="0"/>\n' in web
    assert '    <type arch="x86_64">hvm</type>\n' in web
    # an inline domain, with its state= and autostart= taken out
    db = gvirsh.ok("dumpxml", "db", uri=node)
    assert db.startswith('<domain type="test">\n  <name>db</name>\n  <uuid>')
    assert "state=" not in db and "autostart=" not in db and "<vcpu>2</vcpu>" in db


def test_lifecycle(target):
    t, d = target, target.dom
    out = t.ok(f"suspend {d}; domstate {d}; resume {d}; reboot {d}; domid {d}; destroy {d}; "
               f"domstate {d}; start {d}; domid {d}; shutdown {d}; list --inactive --name")
    assert out == chain(f"Domain '{d}' suspended\n", "paused\n", f"Domain '{d}' resumed\n",
                        f"Domain '{d}' is being rebooted\n", "1\n", f"Domain '{d}' destroyed\n",
                        "shut off\n", f"Domain '{d}' started\n", "2\n", f"Domain '{d}' is being shutdown\n",
                        "".join(n + "\n" for n in sorted(t.inactive_doms + [d])))
    # by id and by UUID
    out = t.ok(f"suspend 1; resume {t.dom_uuid}; destroy {t.dom_uuid.upper()}; domstate {d}")
    assert out == chain(f"Domain '{d}' suspended\n", f"Domain '{d}' resumed\n",
                        f"Domain '{d}' destroyed\n", "shut off\n")


def test_lifecycle_modes(target):
    t, d = target, target.dom
    # start --paused: started, then paused before anything else runs
    out = t.ok(f"destroy {d}; start {d} --paused; domstate {d}; resume {d}", quiet=True)
    assert out == "paused\n"
    assert t.ok(f"destroy {d}; start --paused {d}").endswith(chain(f"Domain '{d}' started\n"))
    msg = t.fails(f"start {d} --paused")
    assert msg.startswith(f"failed to start domain '{d}': ")
    # shutdown --mode: virsh's words, a list of them; GVirt has acpi
    for mode in ("acpi", "agent,acpi"):
        assert t.ok(f"shutdown {d} --mode {mode}; domstate {d}", quiet=True) == "shut off\n", mode
    for mode in ("agent", "initctl,signal", "paravirt"):
        assert t.fails(f"shutdown {d} --mode {mode}") == (
            f"shutdown mode '{mode}' is not supported: GVirt asks the guest to shut down "
            "through ACPI only (--mode acpi)"), mode
    assert t.fails(f"shutdown {d} --mode=bogus") == \
        "Unknown mode bogus value, expecting 'acpi', 'agent', 'initctl', 'signal', or 'paravirt'"
    # destroy --graceful: refused, the domain left running
    res = t.run(f"destroy {d} --graceful; domstate {d}", quiet=True)
    assert res.rc == 1 and res.out == "running\n"
    assert res.err == ("error: destroy --graceful is not supported: GVirt's destroy always forces the "
                       "domain off when it does not stop at once; 'shutdown' asks the guest to stop\n")


def test_lifecycle_default_table(gvirsh):
    out = gvirsh.ok("shutdown test; list --all")
    assert out == chain("Domain 'test' is being shutdown\n",
                        " Id   Name   State\n-----------------------\n -    test   shut off\n")


@pytest.mark.parametrize("cmd,state", [
    ("start {dom}", "running"), ("resume {dom}", "running"), ("suspend {dom}; suspend {dom}", "paused"),
    ("destroy {dom}; destroy {dom}", "shut off"), ("destroy {dom}; shutdown {dom}", "shut off"),
    ("destroy {dom}; reboot {dom}", "shut off"), ("destroy {dom}; suspend {dom}", "shut off"),
    ("destroy {dom}; dump {dom} /tmp/gvirsh-never", "shut off"),
    ("destroy {dom}; save {dom} /tmp/gvirsh-never", "shut off"),
])
def test_wrong_state(target, cmd, state):
    t = target
    res = t.run(cmd.format(dom=t.dom))
    assert res.rc == 1
    lines = res.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: failed to "), res
    assert f"'{t.dom}'" in lines[0]
    assert not os.path.exists("/tmp/gvirsh-never")


def test_define_create_undefine(target, domain_file):
    t = target
    f = domain_file("extra")
    out = t.ok(f"define {f}; list --all --name; start extra; undefine extra; dominfo extra; destroy extra; "
               "list --all --name")
    assert out.startswith(chain(f"Domain 'extra' defined from {f}\n",
                                "".join(n + "\n" for n in [t.dom] + sorted(t.inactive_doms + ["extra"])),
                                "Domain 'extra' started\n", "Domain 'extra' has been undefined\n"))
    assert "Name:           extra\n" in out and "Persistent:     no\n" in out
    assert out.endswith(chain("Domain 'extra' destroyed\n", "".join(n + "\n" for n in [t.dom] + t.inactive_doms)))
    g = domain_file("temp")
    out = t.ok(f"create {g}; domstate temp; domid temp; destroy temp; list --all --name")
    assert out == chain(f"Domain 'temp' created from {g}\n", "running\n", "2\n", "Domain 'temp' destroyed\n",
                        "".join(n + "\n" for n in [t.dom] + t.inactive_doms))
    out = t.ok(f"create {g} --paused; domstate temp")
    assert out == chain(f"Domain 'temp' created from {g}\n", "paused\n")
    # a transient domain cannot be undefined, nor autostarted
    res = t.run(f"create {g}; undefine temp")
    assert res.rc == 1 and "error: failed to undefine domain 'temp': " in res.err
    res = t.run(f"create {g}; autostart temp")
    assert res.rc == 1 and "error: failed to mark domain 'temp' as autostarted: " in res.err
    # the same name twice with another UUID
    res = t.run(f"define {f}; define {domain_file(t.dom)}")
    assert res.rc == 1 and "error: failed to define domain from" in res.err
    # undefining the running domain makes it transient: it goes when it stops
    out = t.ok(f"undefine {t.dom}; dominfo {t.dom}; destroy {t.dom}; list --all --name")
    assert out.startswith(chain(f"Domain '{t.dom}' has been undefined\n"))
    assert "Persistent:     no\n" in out
    assert out.endswith(chain(f"Domain '{t.dom}' destroyed\n", "".join(n + "\n" for n in t.inactive_doms)))


def test_bad_domain_files(gvirsh, tmp_path):
    missing = str(tmp_path / "missing.xml")
    assert gvirsh.fails("define", missing).startswith(f"failed to read file '{missing}' to define a domain: ")
    assert gvirsh.fails("create", missing).startswith(f"failed to read file '{missing}' to create a domain: ")
    bad = tmp_path / "bad.xml"
    bad.write_text("<domain type='test'>\n  <name>x</name>\n")
    msg = gvirsh.fails("define", str(bad))
    assert msg.startswith(f"'{bad}' is not a valid domain description: ")
    assert gvirsh.fails("create", str(bad)).startswith(f"'{bad}' is not a valid domain description: ")
    noname = tmp_path / "noname.xml"
    noname.write_text("<domain type='test'><memory>1024</memory></domain>")
    assert gvirsh.fails("define", str(noname))


def test_save_restore_dump(target, tmp_path):
    t, d = target, target.dom
    img, core = str(tmp_path / "dom.img"), str(tmp_path / "dom.core")
    out = t.ok(f"suspend {d}; save {d} {img}; domstate {d}; restore {img}; domstate {d}; "
               f"domid {d}; dump {d} {core}; domstate {d}")
    assert out == chain(f"Domain '{d}' suspended\n", f"Domain '{d}' saved to {img}\n", "shut off\n",
                        f"Domain '{d}' restored from {img}\n", "paused\n", "2\n",
                        f"Domain '{d}' dumped to {core}\n", "paused\n")
    assert open(img).readline() == "GVirtTestSave1\n"
    assert open(core).read().startswith(f"GVirtTestCoreDump1\nname {d}\nuuid {t.dom_uuid}\n")
    # restoring over a running domain, a missing file, a damaged file
    assert t.fails("restore", img).startswith(f"failed to restore domain from {img}: ")
    assert t.fails("restore", str(tmp_path / "none")).startswith("failed to restore domain from ")
    damaged = tmp_path / "damaged.img"
    damaged.write_text(open(img).read()[:-20])
    assert t.fails(f"destroy {d}; restore {damaged}").startswith("failed to restore domain from ")
    assert t.fails("save", d, str(tmp_path / "no" / "dir" / "x")).startswith(
        f"failed to save domain '{d}' to ")
    # restored elsewhere: a new transient domain there
    out = t.ok(f"save {d} {img}; list --inactive --name")
    assert out == chain(f"Domain '{d}' saved to {img}\n", "".join(x + "\n" for x in sorted(t.inactive_doms + [d])))
    other = "test:///default" if t.uri != "test:///default" else write_node(tmp_path)
    out = t.gvirsh.ok(f"restore {img}; dominfo {d}", uri=other)
    assert out.startswith(chain(f"Domain '{d}' restored from {img}\n"))
    assert f"UUID:           {t.dom_uuid}\n" in out and "State:          running\n" in out
    assert "Persistent:     no\n" in out


def test_memory(target):
    t, d = target, target.dom
    a = t.max_mem // 4
    out = t.ok(f"setmem {d} {a}; dominfo {d}; setmem {d} {a // 2048}M; dominfo {d}; "
               f"setmem {d} {a // 1024}MiB; dominfo {d}")
    assert out.count(f"Used memory:    {a} KiB\n") == 2 and f"Used memory:    {a // 2} KiB\n" in out
    assert out.startswith(chain(""))  # setmem says nothing, as virsh
    assert t.fails("setmem", d, "lots").startswith("invalid size 'lots'")
    assert t.fails("setmem", d, "10T").startswith(f"failed to set the memory of domain '{d}'")
    assert t.fails("setmem", d, str(t.max_mem + 1)).startswith(f"failed to set the memory of domain '{d}'")
    assert t.fails("setmaxmem", d, "1G").startswith(
        f"failed to set the maximum memory of domain '{d}' to 1048576 KiB: ")
    # setmaxmem lowers the current memory when it is above
    out = t.ok(f"destroy {d}; setmaxmem {d} {t.mem // 2048}M; dominfo {d}")
    assert f"Max memory:     {t.mem // 2} KiB\n" in out and f"Used memory:    {t.mem // 2} KiB\n" in out
    assert t.fails(f"destroy {d}; setmaxmem {d} 0").startswith(
        f"failed to set the maximum memory of domain '{d}'")


def xml_line(xml, element):
    """The line of <element> in a domain XML."""
    return next(line.strip() for line in xml.splitlines() if line.strip().startswith(f"<{element}"))


def current_memory(xml):
    """<currentMemory> of a domain XML, which is <memory> when left out."""
    m = re.search(r"<currentMemory[^>]*>(\d+)<", xml) or re.search(r"<memory[^>]*>(\d+)<", xml)
    return int(m.group(1))


def test_memory_live_and_config(target):
    """virsh's --live, --config, --current: the running domain until it
    stops, its configuration from its next boot, or whichever it has."""
    t, d, a = target, target.dom, target.max_mem // 4
    # --config on a running domain: the next boot only
    out = t.ok(f"setmem {d} {a} --config; dominfo {d}; dumpxml {d} --inactive; dumpxml {d}", quiet=True)
    assert f"Used memory:    {t.mem} KiB\n" in out
    xmls = out.split("<domain")[1:]
    assert (current_memory(xmls[0]), current_memory(xmls[1])) == (a, t.mem)
    out = t.ok(f"setmem {d} {a} --config; destroy {d}; start {d}; dominfo {d}", quiet=True)
    assert f"Used memory:    {a} KiB\n" in out
    # --live: until it stops; --current (the default) is --live on a running domain
    for live in ("--live", "--current", ""):
        out = t.ok(f"setmem {d} {a} {live}; dominfo {d}; destroy {d}; dominfo {d}", quiet=True)
        assert out.count("Used memory:") == 2 and f"Used memory:    {a} KiB\n" in out.split("Id:")[1], live
        assert f"Used memory:    {t.mem} KiB\n" in out.split("Id:")[2], live
    # both
    out = t.ok(f"setmem {d} {a} --live --config; dominfo {d}; destroy {d}; start {d}; dominfo {d}", quiet=True)
    assert out.count(f"Used memory:    {a} KiB\n") == 2
    # an inactive domain: --config and --current change it, --live cannot
    out = t.ok(f"destroy {d}; setmem {d} {a} --config; dominfo {d}; setmem {d} {a // 2}; dominfo {d}", quiet=True)
    assert f"Used memory:    {a} KiB\n" in out and f"Used memory:    {a // 2} KiB\n" in out
    assert t.fails(f"destroy {d}; setmem {d} {a} --live") == \
        f"domain '{d}' is not running: --live changes a running domain"
    assert t.fails(f"setmem {d} {a} --current --live") == "Options --current and --live are mutually exclusive"
    assert t.fails(f"setmem {d} {a} --config --current") == "Options --current and --config are mutually exclusive"
    assert t.fails(f"setmem {d} {t.max_mem + 1} --config") == (
        f"failed to set the memory of domain '{d}' to {t.max_mem + 1} KiB: "
        f"its configuration allows 1 to {t.max_mem} KiB")


def test_setmem_config_keeps_quotes_and_unit(gvirsh, tmp_path):
    """dumpxml writes the quotes the defined XML had (virsh's single ones
    here), and a changed size keeps its unit when it is a whole number of it."""
    f = tmp_path / "quoted.xml"
    f.write_text("<domain type='test'><name>quoted</name>"
                 "<memory unit='MiB'>512</memory><currentMemory unit='MiB'>512</currentMemory>"
                 "<os><type arch='x86_64'>hvm</type></os></domain>")
    out = gvirsh.ok(f"define {f}; setmem quoted 256M --config; dumpxml quoted --inactive", quiet=True)
    xml = out[out.index("<domain"):]
    assert xml.startswith("<domain type='test'>\n")
    assert "<memory unit='MiB'>512</memory>" in xml
    assert "<currentMemory unit='MiB'>256</currentMemory>" in xml
    assert "<type arch='x86_64'>hvm</type>" in xml
    assert '"' not in xml
    # 1.5 MiB is no whole number of MiB: the largest unit that holds it
    out = gvirsh.ok(f"define {f}; setmem quoted 1536K --config; dumpxml quoted --inactive", quiet=True)
    assert "<currentMemory unit='KiB'>1536</currentMemory>" in out


def test_max_memory_live_and_config(target, domain_file):
    t, d = target, target.dom
    # a running domain: its configuration only, the current memory shrinking with it
    half = t.mem // 2
    out = t.ok(f"setmaxmem {d} {half} --config; dominfo {d}; dumpxml {d} --inactive", quiet=True)
    assert f"Max memory:     {t.max_mem} KiB\n" in out
    assert xml_line(out, "memory").endswith(f">{half}</memory>") and current_memory(out) == half
    for live in ("--live", "--current", "", "--live --config"):
        assert t.fails(f"setmaxmem {d} {half} {live}") == (
            f"failed to set the maximum memory of domain '{d}' to {half} KiB: the maximum memory of a running "
            "domain cannot change (GVirt has no memory hotplug); --config changes it for the next boot"), live
    out = t.ok(f"destroy {d}; setmaxmem {d} {half} --config; dominfo {d}", quiet=True)
    assert f"Max memory:     {half} KiB\n" in out
    # a transient domain has no configuration
    f = domain_file()
    assert t.fails(f"create {f}; setmem extra 1024 --config") == \
        "domain 'extra' is transient: it has no configuration for --config to change"


def test_vcpus_live_and_config(target):
    t, d = target, target.dom
    out = t.ok(f"setvcpus {d} 1 --config; dominfo {d}; dumpxml {d} --inactive; destroy {d}; start {d}; "
               f"dominfo {d}", quiet=True)
    assert f"CPU(s):         {t.vcpus}\n" in out.split("<domain")[0]
    assert xml_line(out.split("<domain")[1], "vcpu").endswith(">1</vcpu>")
    assert "CPU(s):         1\n" in out.split("</domain>")[1]
    # --live: within the maximum the domain started with, as libvirt
    msg = t.fails(f"setvcpus {d} 1 --config; destroy {d}; start {d}; setvcpus {d} 3 --live")
    assert msg == (f"failed to set 3 vCPUs on domain '{d}': Domain “{d}” cannot have 3 virtual CPUs while it runs: "
                   "the maximum it was started with is 1.")
    out = t.ok(f"setvcpus {d} 4 --maximum --config; destroy {d}; start {d}; setvcpus {d} 3 --live; "
               f"dominfo {d}; dumpxml {d} --inactive; dumpxml {d}", quiet=True)
    xmls = out.split("</domain>")
    assert "CPU(s):         3\n" in xmls[0]
    assert xml_line(xmls[0], "vcpu") == f"<vcpu current={t.q}{t.vcpus}{t.q}>4</vcpu>"
    assert xml_line(xmls[1], "vcpu") == f"<vcpu current={t.q}3{t.q}>4</vcpu>"
    assert t.fails(f"setvcpus {d} 4 --maximum --config; destroy {d}; start {d}; setvcpus {d} 5 --live").endswith(
        "the maximum it was started with is 4.")
    # --maximum: the configuration's maximum alone, the current count lowered to it
    out = t.ok(f"setvcpus {d} 4 --maximum --config; dumpxml {d} --inactive; "
               f"setvcpus {d} 1 --maximum --config; dumpxml {d} --inactive", quiet=True)
    vcpus = [line.strip() for line in out.splitlines() if line.strip().startswith("<vcpu")]
    assert vcpus == [f"<vcpu current={t.q}{t.vcpus}{t.q}>4</vcpu>" if t.vcpus < 4 else "<vcpu>4</vcpu>",
                     "<vcpu>1</vcpu>"]
    out = t.ok(f"destroy {d}; setvcpus {d} 4 --maximum --config; setvcpus {d} 1; dumpxml {d}; "
               f"setvcpus {d} 3 --maximum --config; dumpxml {d}", quiet=True)
    vcpus = [line.strip() for line in out.splitlines() if line.strip().startswith("<vcpu")]
    assert vcpus == ["<vcpu>1</vcpu>", f"<vcpu current={t.q}1{t.q}>3</vcpu>"]
    assert t.fails(f"setvcpus {d} 2 --maximum") == "Option --config is required by option --maximum"
    assert t.fails(f"setvcpus {d} 2 --maximum --live") == "Option --config is required by option --maximum"
    assert t.fails(f"setvcpus {d} 2 --maximum --config --live") == (
        "--maximum changes the configuration only: GVirt cannot change the vCPU maximum of a running domain")
    assert t.fails(f"destroy {d}; setvcpus {d} 2 --live") == \
        f"domain '{d}' is not running: --live changes a running domain"


def test_vcpus(target):
    t, d = target, target.dom
    everything = f"0-{t.cpus - 1}"
    out = t.ok("vcpuinfo", d)
    blocks = out.split("\n\n")
    assert len(blocks) == t.vcpus + 1 and blocks[-1] == ""
    for i, block in enumerate(blocks[:-1]):
        assert block.startswith(f"VCPU:           {i}\nCPU:            {i % t.cpus}\nState:          running\n"
                                "CPU time:       ")
        assert block.endswith("CPU Affinity:   " + "y" * t.cpus)
    data = json.loads(t.ok("vcpuinfo", d, "--json"))
    assert [v["vcpu"] for v in data] == list(range(t.vcpus)) and data[0]["affinity"] == list(range(t.cpus))
    assert t.ok("vcpupin", d) == chain(" VCPU   CPU Affinity\n----------------------\n" +
                                       "".join(f" {i}      {everything}\n" for i in range(t.vcpus)))
    # the last vCPU on CPUs 0, 1, 3 and the last one (given twice on a 4-CPU node)
    last = t.vcpus - 1
    out = t.ok(f"vcpupin {d} {last} 0-3,^2,{t.cpus - 1}; vcpupin {d} {last}; vcpuinfo {d}")
    pinned = "0-1,3" + (f",{t.cpus - 1}" if t.cpus > 4 else "")
    assert out.startswith(chain("", f" VCPU   CPU Affinity\n----------------------\n {last}      {pinned}\n"))
    assert "CPU Affinity:   yy-y" + "-" * (t.cpus - 5) + ("y" if t.cpus > 4 else "") + "\n" in out
    # a running domain stays within the maximum it started with
    assert t.fails(f"setvcpus {d} 4").endswith(
        f"cannot have 4 virtual CPUs while it runs: the maximum it was started with is {t.vcpus}.")
    out = t.ok(f"destroy {d}; setvcpus {d} 4; start {d}; dominfo {d}; vcpupin {d}")
    assert "CPU(s):         4\n" in out and f" 3      {everything}\n" in out
    assert t.fails("setvcpus", d, "0").startswith("Numeric value '0' for <count> option")
    assert t.fails("setvcpus", d, str(t.cpus + 1)).startswith(
        f"failed to set {t.cpus + 1} vCPUs on domain '{d}': ")
    assert t.fails("vcpupin", d, "5", "0").startswith(f"failed to pin vCPU 5 of domain '{d}': ")
    assert t.fails("vcpupin", d, "0", str(t.cpus)).startswith(f"failed to pin vCPU 0 of domain '{d}': ")
    assert t.fails("vcpupin", d, "0", "a-b").startswith("invalid CPU list 'a-b'")
    assert t.fails("vcpupin", d, "0", "1,^1") == "CPU list '1,^1' names no CPU"
    assert t.fails("vcpupin", d, "--cpulist", "1").startswith("a CPU list needs the vCPU")
    assert t.fails("vcpupin", d, "7").startswith(f"domain '{d}' has no vCPU 7")
    out = t.ok(f"destroy {d}; vcpuinfo {d}")
    assert "State:          offline\n" in out and "CPU:            -\n" in out


def test_autostart(target):
    t, d = target, target.dom
    out = t.ok(f"autostart {d}; dominfo {d}; list --all --json; autostart {d} --disable; dominfo {d}")
    assert out.startswith(chain(f"Domain '{d}' marked as autostarted\n"))
    assert "Autostart:      enable\n" in out and f"Domain '{d}' unmarked as autostarted\n" in out
    assert '"autostart" : true' in out
    assert out.endswith("Autostart:      disable\n\n")


def test_ttyconsole(gvirsh, node):
    assert gvirsh.ok("ttyconsole", "web", uri=node) == chain("/dev/pts/7\n")
    assert gvirsh.fails("ttyconsole", "test") == (
        "domain 'test' has no console on a pseudo-terminal (no <console tty=…> in 'dumpxml test')")


# ---- events (non-interactive) ---------------------------------------------------

def at_once(*calls):
    """Runs the calls in threads, for commands that each wait a whole --timeout."""
    with ThreadPoolExecutor(len(calls)) as pool:
        return [future.result() for future in [pool.submit(call) for call in calls]]


def test_event_timeout_and_errors(target):
    t = target
    timed_out = chain("event loop timed out\nevents received: 0\n")
    assert t.ok("event", "--list") == chain("lifecycle\n")
    assert t.fails("event", "--event", "reboot").startswith("unknown event type reboot")
    assert t.fails("event", "--all", "--timeout", "0").startswith("Numeric value '0' for <timeout> option")
    # which events: virsh refuses to guess; gvirsh takes --loop as "all of them"
    for words in (["--timeout", "1"], [], ["--domain", t.dom, "--timeout", "1"], ["--timestamp"]):
        assert t.fails("event", *words) == "one of --list, --all, or --event <type> is required", words
    accepted = (["--loop"], ["--all"], ["--event", "lifecycle"], ["lifecycle"],
                ["lifecycle", "--domain", t.dom, "--timestamp"], ["--all", "--domain", t.dom_uuid])
    # as virsh: a watch that saw no event fails, without an error line
    outs = at_once(*[lambda words=words: t.run("event", *words, "--timeout", "1") for words in accepted])
    assert [(r.rc, r.out, r.err) for r in outs] == [(1, timed_out, "")] * len(accepted)


QEMU_DOMAIN = """<domain type="kvm"><name>seen</name><memory>65536</memory>
<vcpu>1</vcpu><os><type>hvm</type></os></domain>"""


def test_event_timeout_after_events_succeeds(gvirsh, tmp_path):
    """`event --loop --timeout N` ends after N seconds with status 0 once it
    saw events, as virsh. Events from another process need a shared node:
    a qemu:///session?root= node (define and undefine start no QEMU)."""
    uri = f"qemu:///session?root={tmp_path}/node"
    probe = gvirsh.run("uri", uri=uri, quiet=True)
    if probe.rc != 0:
        pytest.skip(f"no QEMU node here: {probe.err.strip()}")
    (tmp_path / "seen.xml").write_text(QEMU_DOMAIN)
    env = dict(os.environ, LC_ALL="C.UTF-8")
    # --timeout 6 and 2 s of head start: under load (CI runs suites side by
    # side) the watcher must have opened the node before the define
    watch = subprocess.Popen([gvirsh.path, "-q", "-c", uri, "event", "--loop", "--timeout", "6"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    time.sleep(2)
    gvirsh.ok(f"define {tmp_path}/seen.xml; undefine seen", uri=uri, quiet=True)
    out, err = watch.communicate(timeout=20)
    assert (watch.returncode, err) == (0, "")
    assert out == ("event 'lifecycle' for domain 'seen': Defined Added\n"
                   "event 'lifecycle' for domain 'seen': Undefined Removed\n"
                   "event loop timed out\nevents received: 2\n")


# ---- networks ---------------------------------------------------------------------

def test_net_list_and_info(gvirsh, node):
    table = (" Name      State    Autostart   Persistent\n"
             "--------------------------------------------\n"
             " default   active   no          yes\n")
    assert gvirsh.ok("net-list") == chain(table)
    assert gvirsh.ok("net-list", "--all") == chain(table)
    assert gvirsh.ok("net-list", "--inactive") == chain(" Name   State   Autostart   Persistent\n"
                                                        + "-" * 40 + "\n")
    assert gvirsh.ok("net-list", "--name") == chain("default\n")
    assert gvirsh.ok("net-list", "--uuid") == chain(NET_UUID + "\n")
    assert json.loads(gvirsh.ok("net-list", "--json")) == [
        {"name": "default", "uuid": NET_UUID, "active": True, "persistent": True,
         "autostart": False, "bridge": "virbr0"}]
    assert "mutually exclusive" in gvirsh.fails("net-list", "--all", "--inactive")
    assert gvirsh.ok("net-info", "default") == chain(
        "Name:           default\n"
        f"UUID:           {NET_UUID}\n"
        "Active:         yes\n"
        "Persistent:     yes\n"
        "Autostart:      no\n"
        "Bridge:         virbr0\n")
    assert json.loads(gvirsh.ok("net-info", NET_UUID, "--json"))["name"] == "default"
    assert gvirsh.ok("net-list", "--all", uri=node) == chain(
        " Name       State      Autostart   Persistent\n"
        "-----------------------------------------------\n"
        " isolated   inactive   yes         yes\n"
        " lan        active     no          yes\n")
    assert gvirsh.ok("net-uuid lan; net-name 11111111222233334444555555555555", uri=node) == \
        chain("11111111-2222-3333-4444-555555555555\n", "lan\n")
    assert "<name>default</name>" in gvirsh.ok("net-dumpxml", "default")


def test_unknown_network(target):
    for cmd in ("net-info", "net-dumpxml", "net-start", "net-destroy", "net-undefine",
                "net-autostart", "net-uuid", "net-name"):
        assert target.fails(cmd, "nope") == (
            "failed to get network 'nope': no network has this name or UUID on "
            f"{target.uri} (see 'net-list --all')"), cmd


def test_network_lifecycle(target, network_file, tmp_path):
    t, n = target, target.net
    names = lambda *nets: "".join(x + "\n" for x in sorted(nets))  # noqa: E731
    out = t.ok(f"net-destroy {n}; net-list --inactive --name; net-start {n}; net-autostart {n}; "
               f"net-info {n}; net-autostart --disable {n}; net-list --name")
    assert out.startswith(chain(f"Network {n} destroyed\n", names(n, *t.inactive_nets)))
    assert chain(f"Network {n} started\n", f"Network {n} marked as autostarted\n") in out
    assert "Autostart:      yes\n" in out
    assert out.endswith(chain(f"Network {n} unmarked as autostarted\n", names(n)))
    f = network_file("extra", 42)
    out = t.ok(f"net-define {f}; net-info extra; net-start extra; net-undefine extra; "
               "net-info extra; net-destroy extra; net-list --all --name")
    assert out.startswith(chain(f"Network extra defined from {f}\n"))
    assert "Active:         no\n" in out and "Bridge:         br42\n" in out
    assert chain("Network extra started\n", "Network extra has been undefined\n") in out
    assert "Persistent:     no\n" in out
    assert out.endswith(chain("Network extra destroyed\n", names(n, *t.inactive_nets)))
    out = t.ok(f"net-create {f}; net-list --name; net-destroy extra; net-list --all --name")
    assert out == chain(f"Network extra created from {f}\n", names(n, "extra"),
                        "Network extra destroyed\n", names(n, *t.inactive_nets))
    # undefining the active network makes it transient: it goes when destroyed
    out = t.ok(f"net-undefine {n}; net-info {n}; net-destroy {n}; net-list --all --name")
    assert out.startswith(chain(f"Network {n} has been undefined\n"))
    assert "Persistent:     no\n" in out
    assert out.endswith(chain(f"Network {n} destroyed\n", names(*t.inactive_nets)))
    # wrong states
    assert t.fails("net-start", n).startswith(f"failed to start network '{n}': ")
    assert t.fails(f"net-destroy {n}; net-destroy {n}").startswith(f"failed to destroy network '{n}': ")
    # bad files
    missing = str(tmp_path / "missing.xml")
    assert t.fails("net-define", missing).startswith(f"failed to read file '{missing}' to define a network")
    bad = tmp_path / "badnet.xml"
    bad.write_text("<network><name>x</name>")
    assert t.fails("net-create", str(bad)).startswith(f"'{bad}' is not a valid network description: ")
    clash = tmp_path / "clash.xml"
    clash.write_text(f"<network><name>{n}</name><uuid>00000000-0000-0000-0000-000000000001</uuid></network>")
    assert t.fails("net-define", str(clash)).startswith("failed to define network from ")


# ---- a node file's inactive objects -------------------------------------------------

def test_node_file_inactive_domain(gvirsh, node):
    out = gvirsh.ok("start db; list --all; autostart --disable db; dominfo db; destroy db; "
                    "undefine db; list --all --name", uri=node)
    assert out.startswith(chain("Domain 'db' started\n",
                                " Id   Name   State\n----------------------\n"
                                " 1    web    running\n 2    db     running\n",
                                "Domain 'db' unmarked as autostarted\n"))
    assert "Id:             2\n" in out and "Autostart:      disable\n" in out and "CPU(s):         2\n" in out
    assert out.endswith(chain("Domain 'db' destroyed\n", "Domain 'db' has been undefined\n", "web\n"))
    res = gvirsh.run("suspend db; save db /tmp/gvirsh-never; setmaxmem db 2G; setmem db 3G", uri=node)
    assert res.rc == 1 and res.err.count("error: ") == 3 and not os.path.exists("/tmp/gvirsh-never")
    assert res.err.splitlines()[0].startswith("error: failed to suspend domain 'db': ")


def test_node_file_inactive_network(gvirsh, node):
    out = gvirsh.ok("net-start isolated; net-list --all; net-autostart --disable isolated; "
                    "net-destroy isolated; net-undefine isolated; net-list --all --name", uri=node)
    assert out == chain("Network isolated started\n",
                        " Name       State    Autostart   Persistent\n"
                        "---------------------------------------------\n"
                        " isolated   active   yes         yes\n"
                        " lan        active   no          yes\n",
                        "Network isolated unmarked as autostarted\n",
                        "Network isolated destroyed\n", "Network isolated has been undefined\n", "lan\n")
    assert gvirsh.fails("net-destroy", "isolated", uri=node).startswith("failed to destroy network 'isolated': ")


def test_node_file_changes_stay_in_the_process(gvirsh, node):
    # each connection loads the file: what one gvirsh changed, the next does not see
    assert gvirsh.ok("destroy web; undefine db; net-destroy lan", uri=node, quiet=True) == ""
    assert gvirsh.ok("list --all --name; net-list --name", uri=node, quiet=True) == "web\ndb\nlan\n"


# ---- completion -------------------------------------------------------------------

def complete(gvirsh, *words, uri="test:///default"):
    return gvirsh.ok("complete", "--", "\n".join(words), uri=uri).split()


def test_completion_engine(gvirsh, node):
    assert complete(gvirsh, "net-l") == ["net-list"]
    assert "dominfo" in complete(gvirsh, "dom") and "complete" not in complete(gvirsh, "")
    assert complete(gvirsh, "--con") == ["--connect"]
    assert complete(gvirsh, "list", "--al") == ["--all"]
    assert complete(gvirsh, "list", "--all", "--s") == ["--state-other", "--state-paused",
                                                        "--state-running", "--state-shutoff"]
    # options already given are not offered again
    assert complete(gvirsh, "net-list", "--all", "--") == ["--inactive", "--json", "--name", "--uuid"]
    assert complete(gvirsh, "dominfo", "t") == ["test"]
    assert complete(gvirsh, "dominfo", "--domain", "") == ["test"]
    assert complete(gvirsh, "dominfo", "test", "") == []
    assert complete(gvirsh, "net-info", "") == ["default"]
    assert complete(gvirsh, "help", "net-u") == ["net-undefine", "net-uuid"]
    assert complete(gvirsh, "event", "--domain", "") == ["test"]
    assert complete(gvirsh, "event", "li") == ["lifecycle"]
    # the node of -c in the completed line
    assert complete(gvirsh, "-c", node, "start", "") == ["db", "web"]
    assert complete(gvirsh, "-c", node, "net-start", "") == ["isolated", "lan"]
    # a file is expected: the file names
    assert "web.xml" in complete(gvirsh, "define", os.path.dirname(node[len("test://"):]) + "/w")[0]


def test_bash_completion_script(gvirsh, tmp_path):
    script = os.path.join(gvirsh.srcdir, "..", "tools", "gvirsh.bash-completion")
    bash = f"""
        source {script}
        COMP_WORDS=({gvirsh.path} dominfo t); COMP_CWORD=2; _gvirsh_complete; echo "${{COMPREPLY[@]}}"
        COMP_WORDS=({gvirsh.path} net-); COMP_CWORD=1; _gvirsh_complete; echo "${{COMPREPLY[@]}}"
        cd {tmp_path}; touch dom.xml
        COMP_WORDS=({gvirsh.path} list ''); COMP_CWORD=2; _gvirsh_complete; echo "${{COMPREPLY[@]}}"
        COMP_WORDS=({gvirsh.path} define do); COMP_CWORD=2; _gvirsh_complete; echo "${{COMPREPLY[@]}}"
    """
    env = dict(os.environ, GVIRT_DEFAULT_URI="test:///default")
    env.pop("GVIRSH_DEFAULT_CONNECT_URI", None)
    out = subprocess.run(["bash", "-c", bash], capture_output=True, text=True, env=env).stdout
    lines = out.splitlines()
    assert lines[0] == "test"
    assert "net-list" in lines[1].split() and "net-info" in lines[1].split()
    assert lines[2] == ""
    assert lines[3] == "dom.xml"


# ---- the man page ---------------------------------------------------------------------

def test_man_page_documents_every_command(gvirsh):
    rst = open(os.path.join(gvirsh.srcdir, "..", "docs", "gvirsh.rst")).read()
    generated = gvirsh.ok("_man", uri=None)
    assert generated in rst, "docs/gvirsh.rst is out of date: run tools/update-man.sh BUILDDIR"
    for line in gvirsh.ok("help").splitlines():
        m = re.match(r"^    (\S+) ", line)
        if m:
            assert f"**{m.group(1)}** - " in rst, m.group(1)


def test_built_man_page_documents_every_command(gvirsh):
    if gvirsh.man is None:
        pytest.skip("rst2man (python3-docutils) was not found at build time: no man page built")
    assert os.path.isfile(gvirsh.man), f"{gvirsh.man} was not built"
    roff = open(gvirsh.man).read().replace("\\-", "-")
    assert re.search(r'^\.TH "GVIRSH" 1 ', roff, re.M)
    assert "\n.SH NAME\ngvirsh - " in roff and "\n.SH COMMANDS\n" in roff
    names = [m.group(1) for m in re.finditer(r"^    (\S+) ", gvirsh.ok("help"), re.M)]
    assert len(names) > 40
    for name in names:
        assert f"\\fB{name}\\fP - " in roff, name
    for option in ("--connect", "--readonly", "--quiet", "--help", "--version"):
        assert f"\\fB{option}\\fP" in roff, option


def test_lookup_order_id_then_uuid_then_name(gvirsh, domain_file):
    # a domain named "1": the number is the id of "test" first, as in virsh
    f = domain_file("1")
    out = gvirsh.ok(f"define {f}; domname 1; destroy test; domstate 1")
    assert out == chain(f"Domain '1' defined from {f}\n", "test\n", "Domain 'test' destroyed\n", "shut off\n")
    out = gvirsh.ok(f"define {f}; destroy test; dominfo 1")
    assert "Name:           1\n" in out


def test_event_interrupted(gvirsh):
    import signal
    proc = subprocess.Popen([gvirsh.path, "-q", "-c", "test:///default", "event", "--loop"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    # no event seen: status 1 without an error line, as virsh
    assert proc.returncode == 1 and err == ""
    assert out == "event loop interrupted\nevents received: 0\n"
