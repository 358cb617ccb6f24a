# SPDX-License-Identifier: LGPL-2.1-or-later
# pytest set-up of the gvirsh tests: the gvirsh under test, a runner, a node file.
import os
import subprocess

import pytest


def pytest_addoption(parser):
    parser.addoption("--gvirsh", required=True, help="the gvirsh executable to test")
    parser.addoption("--man", default=None,
                     help="the man page the build made (build/tools/gvirsh.1), when rst2man was found")
    parser.addoption("--gettext-package", default="gvirsh",
                     help="gvirsh's gettext domain, the name of its .mo files (tools/meson.build)")


# where gvirsh finds its URI without -c, the first set wins; tests set them themselves
DEFAULT_URI_VARIABLES = ("GVIRSH_DEFAULT_CONNECT_URI", "GVIRT_DEFAULT_URI", "LIBVIRT_DEFAULT_URI")


class Result:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def __repr__(self):
        return f"<rc={self.rc} out={self.out!r} err={self.err!r}>"


class Gvirsh:
    def __init__(self, path, srcdir, man=None):
        self.path = path
        self.srcdir = srcdir
        self.man = man

    def run(self, *args, uri="test:///default", stdin=None, env=None, quiet=False, timeout=20):
        """Runs gvirsh as a user would: without -q, so that the output is the
        normal one (headers, messages, the empty line after each command);
        quiet=True adds -q."""
        argv = [self.path]
        if uri is not None:
            argv += ["-c", uri]
        if quiet:
            argv.append("-q")
        argv += list(args)
        full_env = dict(os.environ)
        for var in DEFAULT_URI_VARIABLES:
            full_env.pop(var, None)
        # gvirsh's messages are translated: the tests expect the English ones,
        # whatever the locale of whoever runs them (test_i18n sets its own)
        for var in ("LANGUAGE", "LC_MESSAGES", "GVIRSH_LOCALEDIR"):
            full_env.pop(var, None)
        full_env["LC_ALL"] = "C.UTF-8"
        full_env.update(env or {})
        proc = subprocess.run(argv, input=stdin, capture_output=True, text=True,
                              env=full_env, timeout=timeout)
        res = Result(proc)
        # never a crash, never a GLib warning or critical
        assert res.rc in (0, 1), res
        assert "CRITICAL" not in res.err and "WARNING" not in res.err, res
        return res

    def ok(self, *args, **kw):
        res = self.run(*args, **kw)
        assert res.rc == 0 and res.err == "", res
        return res.out

    def fails(self, *args, **kw):
        """Runs a command that must fail with one `error: …` line."""
        res = self.run(*args, **kw)
        assert res.rc == 1, res
        lines = res.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), res
        return lines[0][len("error: "):]


@pytest.fixture(scope="session")
def gettext_package(request):
    return request.config.getoption("--gettext-package")


@pytest.fixture(scope="session")
def gvirsh(request):
    man = request.config.getoption("--man")
    return Gvirsh(os.path.abspath(request.config.getoption("--gvirsh")),
                  os.environ.get("G_TEST_SRCDIR", os.path.join(os.path.dirname(__file__), "..")),
                  os.path.abspath(man) if man else None)


CONSOLE_DOMAIN = """\
<domain type="test">
  <name>web</name>
  <uuid>ef861801-45b9-11cb-88e3-afbfe5370493</uuid>
  <memory>524288</memory>
  <vcpu>1</vcpu>
  <os><type arch="x86_64">hvm</type></os>
  <devices>
    <console type="pty" tty="/dev/pts/7"><target type="serial" port="0"/></console>
  </devices>
</domain>
"""


NODE_XML = """\
<node>
  <cpu><mhz>3000</mhz><model>x86_64</model><active>4</active>
       <nodes>1</nodes><sockets>1</sockets><cores>2</cores><threads>2</threads></cpu>
  <memory>8192000</memory>
  <domain file="web.xml"/>
  <domain type="test" state="shutoff" autostart="yes">
    <name>db</name>
    <memory>1048576</memory>
    <vcpu>2</vcpu>
    <os><type>hvm</type></os>
  </domain>
  <network>
    <name>lan</name>
    <uuid>11111111-2222-3333-4444-555555555555</uuid>
    <bridge name="br7"/>
  </network>
  <network active="no" autostart="yes">
    <name>isolated</name>
  </network>
</node>
"""


def write_node(directory):
    """A test node file: a 4-CPU host, a running domain with a console, a shut
    off one, an active and an inactive network. Returns its URI."""
    (directory / "web.xml").write_text(CONSOLE_DOMAIN)
    (directory / "node.xml").write_text(NODE_XML)
    return "test://" + str(directory / "node.xml")


@pytest.fixture
def node(tmp_path):
    return write_node(tmp_path)


class Target:
    """A node a test runs on, and what it holds, so that one test checks
    test:///default and a node file alike. `dom` is a running, persistent
    domain (id 1, not autostarted) and `net` an active, persistent network
    (not autostarted); the other lists name what else the node has; `q` is
    the quote of the node's XML, which dumpxml keeps.
    run/ok/fails are gvirsh's, connected to this node."""

    def __init__(self, gvirsh, uri, **facts):
        self.gvirsh = gvirsh
        self.uri = uri
        self.__dict__.update(facts)

    def run(self, *args, **kw):
        return self.gvirsh.run(*args, uri=self.uri, **kw)

    def ok(self, *args, **kw):
        return self.gvirsh.ok(*args, uri=self.uri, **kw)

    def fails(self, *args, **kw):
        return self.gvirsh.fails(*args, uri=self.uri, **kw)


@pytest.fixture(params=["default", "nodefile"])
def target(request, gvirsh, tmp_path):
    if request.param == "default":
        return Target(gvirsh, "test:///default",
                      dom="test", dom_uuid="6695eb01-f6a4-8304-79aa-97f2502e193f", vcpus=2,
                      max_mem=8388608, mem=2097152, cpus=16, inactive_doms=[],
                      net="default", net_uuid="dd8fe884-6c02-601e-7551-cca97df1c5df",
                      bridge="virbr0", inactive_nets=[], q="'")
    return Target(gvirsh, write_node(tmp_path),
                  dom="web", dom_uuid="ef861801-45b9-11cb-88e3-afbfe5370493", vcpus=1,
                  max_mem=524288, mem=524288, cpus=4, inactive_doms=["db"],
                  net="lan", net_uuid="11111111-2222-3333-4444-555555555555",
                  bridge="br7", inactive_nets=["isolated"], q='"')


DOMAIN_XML = """\
<domain type="test">
  <name>{name}</name>
  <memory>262144</memory>
  <vcpu>1</vcpu>
  <os><type>hvm</type></os>
</domain>
"""

NETWORK_XML = """\
<network>
  <name>{name}</name>
  <bridge name="br{n}"/>
</network>
"""


@pytest.fixture
def domain_file(tmp_path):
    def make(name="extra"):
        path = tmp_path / f"{name}.xml"
        path.write_text(DOMAIN_XML.format(name=name))
        return str(path)
    return make


@pytest.fixture
def network_file(tmp_path):
    def make(name="extra", n=42):
        path = tmp_path / f"net-{name}.xml"
        path.write_text(NETWORK_XML.format(name=name, n=n))
        return str(path)
    return make
