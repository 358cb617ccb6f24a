# SPDX-License-Identifier: LGPL-2.1-or-later
# gvirsh's interactive mode in a real terminal: tmux runs it, send-keys types,
# capture-pane reads the screen. Prompt, a command, tab completion of a
# domain name, history, background events of the same session, -q, quit.
import os
import shutil
import subprocess
import time
import uuid

import pytest
from conftest import DEFAULT_URI_VARIABLES

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    def __init__(self, argv, env):
        self.socket = "gvirsh-test-" + uuid.uuid4().hex[:8]
        env = dict(env)
        env.setdefault("TERM", "xterm")
        env["INPUTRC"] = "/dev/null"     # no user key bindings
        env.pop("TMUX", None)
        self.env = env
        cmd = " ".join(subprocess.list2cmdline([a]) for a in argv)
        self.tmux("new-session", "-d", "-x", "150", "-y", "60", cmd)

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null"] + list(args),
                              capture_output=True, text=True, env=self.env, check=check)

    def screen(self):
        res = self.tmux("capture-pane", "-p", "-S", "-200", check=False)
        return res.stdout if res.returncode == 0 else None

    def keys(self, *keys):
        self.tmux("send-keys", *keys)

    def type(self, text):
        self.tmux("send-keys", "-l", text)

    def wait_for(self, predicate, what, timeout=8.0):
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if screen is not None and predicate(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; screen:\n{screen}")
            time.sleep(0.05)

    def alive(self):
        return self.tmux("has-session", check=False).returncode == 0

    def close(self):
        self.tmux("kill-server", check=False)


def session_env(state_home, **more):
    """The environment of a session: no default URI, the history kept under
    @state_home (None: no $XDG_STATE_HOME), never in the user's own."""
    env = dict(os.environ)
    for var in DEFAULT_URI_VARIABLES + ("XDG_STATE_HOME",):
        env.pop(var, None)
    if state_home is not None:
        env["XDG_STATE_HOME"] = str(state_home)
    env.update(more)
    return env


def start_terminal(gvirsh, state_home, *options, env=None):
    return Terminal([gvirsh.path, *options, "-c", "test:///default"], env or session_env(state_home))


@pytest.fixture
def terminal(gvirsh, tmp_path):
    term = start_terminal(gvirsh, tmp_path / "state")
    yield term
    term.close()


@pytest.fixture
def quiet_terminal(gvirsh, tmp_path):
    term = start_terminal(gvirsh, tmp_path / "state", "-q")
    yield term
    term.close()


def last_line(screen):
    lines = [l for l in screen.rstrip("\n").split("\n")]
    while lines and lines[-1].strip() == "":
        lines.pop()
    return lines[-1] if lines else ""


def test_interactive_session(terminal):
    t = terminal
    screen = t.wait_for(lambda s: last_line(s) == "gvirsh #", "the prompt")
    assert "Welcome to gvirsh, the virtualization interactive terminal." in screen

    # a command
    t.type("list")
    t.keys("Enter")
    screen = t.wait_for(lambda s: " 1    test   running" in s and last_line(s) == "gvirsh #", "list")
    assert "gvirsh # list\n Id   Name   State\n----------------------\n 1    test   running\n" in screen

    # tab completion of a command and a domain name
    t.type("domin")
    t.keys("Tab")
    t.wait_for(lambda s: last_line(s) == "gvirsh # dominfo", "command completion")
    t.type("te")
    t.keys("Tab")
    t.wait_for(lambda s: last_line(s) == "gvirsh # dominfo test", "domain completion")
    t.keys("Enter")
    t.wait_for(lambda s: s.count("Name:           test") == 1 and last_line(s) == "gvirsh #", "dominfo")

    # option completion
    t.type("list --al")
    t.keys("Tab")
    t.wait_for(lambda s: last_line(s) == "gvirsh # list --all", "option completion")
    t.keys("C-u")

    # history: Up brings "dominfo test" back, Enter runs it again
    t.keys("Up")
    t.wait_for(lambda s: last_line(s) == "gvirsh # dominfo test", "history")
    t.keys("Enter")
    t.wait_for(lambda s: s.count("Name:           test") == 2 and last_line(s) == "gvirsh #", "dominfo again")

    # help and an error keep the shell alive
    t.type("help domstate")
    t.keys("Enter")
    t.wait_for(lambda s: "    domstate - domain state" in s and last_line(s) == "gvirsh #", "help")
    t.type("dominfo nope")
    t.keys("Enter")
    t.wait_for(lambda s: "error: failed to get domain 'nope'" in s and last_line(s) == "gvirsh #", "error")

    # quit
    t.type("quit")
    t.keys("Enter")
    deadline = time.monotonic() + 5
    while t.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not t.alive(), "gvirsh did not quit"


def test_quiet_session(quiet_terminal):
    """-q as virsh -q: no banner, no table header, no informational message,
    no empty line after a command."""
    t = quiet_terminal
    screen = t.wait_for(lambda s: last_line(s) == "gvirsh #", "the prompt")
    assert "Welcome" not in screen and screen.lstrip().startswith("gvirsh #")
    t.type("list; suspend test; domstate test")
    t.keys("Enter")
    screen = t.wait_for(lambda s: "paused" in s and last_line(s) == "gvirsh #", "the commands")
    assert "gvirsh # list; suspend test; domstate test\n 1   test   running\npaused\ngvirsh #" in screen
    t.type("quit")
    t.keys("Enter")
    deadline = time.monotonic() + 5
    while t.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not t.alive(), "gvirsh did not quit"


def quit_session(t, ctrl_d=False):
    if ctrl_d:
        t.keys("C-d")
    else:
        t.type("quit")
        t.keys("Enter")
    deadline = time.monotonic() + 5
    while t.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not t.alive(), "gvirsh did not quit"


@pytest.mark.parametrize("where", ["xdg", "home"])
def test_history_kept_across_sessions(gvirsh, tmp_path, where):
    """As virsh keeps its history: in $XDG_STATE_HOME/gvirt/history, by
    default ~/.local/state/gvirt/history, the directories made as needed."""
    if where == "xdg":
        env, path = session_env(tmp_path / "state"), tmp_path / "state" / "gvirt" / "history"
    else:
        env = session_env(None, HOME=str(tmp_path / "home"))
        path = tmp_path / "home" / ".local" / "state" / "gvirt" / "history"
    t = start_terminal(gvirsh, None, env=env)
    try:
        t.wait_for(lambda s: last_line(s) == "gvirsh #", "the prompt")
        t.type("domstate test")
        t.keys("Enter")
        t.wait_for(lambda s: "running" in s and last_line(s) == "gvirsh #", "domstate")
        quit_session(t)
    finally:
        t.close()
    assert path.read_text().splitlines() == ["domstate test", "quit"]
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    # the next session has it: Up brings it back
    t = start_terminal(gvirsh, None, env=env)
    try:
        t.wait_for(lambda s: last_line(s) == "gvirsh #", "the prompt")
        t.keys("Up")
        t.wait_for(lambda s: last_line(s) == "gvirsh # quit", "the last command of the last session")
        t.keys("Up")
        t.wait_for(lambda s: last_line(s) == "gvirsh # domstate test", "the one before")
        t.keys("C-u")
        quit_session(t, ctrl_d=True)
    finally:
        t.close()
    assert path.read_text().splitlines() == ["domstate test", "quit"]


@pytest.fixture
def node_terminal(gvirsh, target, tmp_path):
    term = Terminal([gvirsh.path, "-c", target.uri], session_env(tmp_path / "state"))
    yield term
    term.close()


def test_event_loop_sees_own_session(node_terminal, target):
    """test:// nodes live in one process: `event --loop` runs in the background
    of the interactive shell and reports the changes typed at the prompt,
    on test:///default and on a node file."""
    t, d = node_terminal, target.dom
    t.wait_for(lambda s: last_line(s) == "gvirsh #", "the prompt")
    # 10 s: the three commands below must land inside the loop even when
    # CI runs suites side by side on two cores
    t.type("event --loop --timeout 10")
    t.keys("Enter")
    t.wait_for(lambda s: s.rstrip().endswith("gvirsh # event --loop --timeout 10\n\ngvirsh #"), "event started")
    t.type(f"suspend {d}")
    t.keys("Enter")
    t.wait_for(lambda s: f"event 'lifecycle' for domain '{d}': Suspended Paused\nDomain '{d}' suspended" in s
               and last_line(s) == "gvirsh #", "the suspend event")
    t.type(f"resume {d}; destroy {d}")
    t.keys("Enter")
    screen = t.wait_for(lambda s: "Stopped Destroyed" in s and last_line(s) == "gvirsh #", "more events")
    assert f"event 'lifecycle' for domain '{d}': Resumed Unpaused\nDomain '{d}' resumed\n" in screen
    assert f"event 'lifecycle' for domain '{d}': Stopped Destroyed\nDomain '{d}' destroyed\n" in screen
    # partly typed input survives the asynchronous end of the loop
    t.type("domst")
    screen = t.wait_for(lambda s: "event loop timed out\nevents received: 3\n" in s, "the timeout", timeout=15)
    t.wait_for(lambda s: last_line(s) == "gvirsh # domst", "the restored input line")
    t.keys("C-u")
    t.type("event --all --timeout 5")
    t.keys("Enter")
    t.type(f"start {d}")
    t.keys("Enter")
    t.wait_for(lambda s: f"event 'lifecycle' for domain '{d}': Started Booted\n" in s
               and s.count("events received: 1") == 1, "one-shot event")
    # Ctrl-C ends a background loop, then just clears the line
    t.type("event --loop")
    t.keys("Enter")
    t.wait_for(lambda s: s.rstrip().endswith("gvirsh # event --loop\n\ngvirsh #"), "event loop started")
    t.keys("C-c")
    t.wait_for(lambda s: "event loop interrupted\nevents received: 0\n" in s
               and last_line(s) == "gvirsh #", "the interrupted loop")
    t.type("half typed")
    t.keys("C-c")
    t.wait_for(lambda s: last_line(s) == "gvirsh #" and "gvirsh # half typed\n" in s, "Ctrl-C at the prompt")
    assert t.alive()
    t.keys("C-d")
    deadline = time.monotonic() + 5
    while t.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not t.alive(), "gvirsh did not quit on Ctrl-D"
