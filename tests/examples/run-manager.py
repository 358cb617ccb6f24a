#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs examples/python/gvirt-manager.py under Xvfb through its test hook,
# which clicks the window's own buttons (start, pause, resume, shut down,
# destroy, a double-click that ends in the error dialog), and checks its
# output: `run-manager.py SCREENSHOT.png`. Skips (exit 77) when GTK 4's
# typelib or xvfb-run is missing.
import os
import shutil
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
source_root = os.path.dirname(os.path.dirname(here))


def main(argv):
    screenshot = os.path.abspath(argv[1])
    try:
        import gi
        gi.require_version("Gtk", "4.0")
    except (ImportError, ValueError) as e:
        print(f"SKIP: GTK 4 for PyGObject is missing ({e}); apt install gir1.2-gtk-4.0")
        return 77
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        print("SKIP: xvfb-run is missing; apt install xvfb xauth")
        return 77

    env = dict(os.environ, GVIRT_MANAGER_TEST=screenshot, GSK_RENDERER="cairo",
               GDK_BACKEND="x11", GTK_A11Y="none", NO_AT_BRIDGE="1")
    env.pop("WAYLAND_DISPLAY", None)
    command = [sys.executable, os.path.join(here, "check-output.py"),
               "--allow", "Unable to acquire session bus",
               os.path.join(here, "gvirt-manager.expected"), "--",
               xvfb_run, "-a", "-s", "-screen 0 1024x768x24",
               sys.executable, os.path.join(source_root, "examples", "python", "gvirt-manager.py")]
    if os.path.exists(screenshot):
        os.unlink(screenshot)
    status = subprocess.run(command, env=env).returncode
    if status == 0:
        with open(screenshot, "rb") as f:
            if f.read(8) != b"\x89PNG\r\n\x1a\n":
                print(f"FAIL: {screenshot} is not a PNG file", file=sys.stderr)
                return 1
        print(f"screenshot: {screenshot} ({os.path.getsize(screenshot)} bytes)")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
