#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Prints domain lifecycle events as they happen: `watch-events.py [--drive] [URI]`.
#
# Signals arrive on the main context that was the thread-default when the
# connection was opened, so a GLib.MainLoop is all a program needs. With
# --drive the example pauses, resumes, destroys and starts the first domain
# from another thread (as another client would) and quits after the start.
import sys
import threading

import gi
gi.require_version("GVirt", "1.0")
from gi.repository import GLib, GVirt


def watch(dom):
    dom.connect("started", lambda d, reason:
                print(f"{d.props.name}: started ({reason.value_nick}), id {d.props.id}"))
    dom.connect("suspended", lambda d, reason:
                print(f"{d.props.name}: suspended ({reason.value_nick})"))
    dom.connect("resumed", lambda d, reason:
                print(f"{d.props.name}: resumed ({reason.value_nick})"))
    dom.connect("stopped", lambda d, reason:
                print(f"{d.props.name}: stopped ({reason.value_nick})"))
    dom.connect("notify::state", lambda d, pspec:
                print(f"{d.props.name}: state is now {d.props.state.value_nick}"))


def drive(dom):
    # Sync calls are fine from any thread; the events still arrive on the
    # main thread's loop.
    try:
        dom.suspend_sync(None)
        dom.resume_sync(None)
        dom.destroy_sync(None)
        dom.start_sync(None)
    except GLib.Error as e:
        print("error:", e.message, file=sys.stderr)


def main(argv):
    args = argv[1:]
    drive_it = bool(args) and args[0] == "--drive"
    if drive_it:
        args = args[1:]
    uri = args[0] if args else "test:///default"
    try:
        conn = GVirt.Connection.open_sync(uri, GVirt.ConnectionFlags.NONE, None)
    except GLib.Error as e:
        print("error:", e.message, file=sys.stderr)
        return 1

    loop = GLib.MainLoop()
    domains = conn.get_domains()
    for dom in domains:
        watch(dom)

    def on_added(conn, dom):
        print(f"{dom.props.name}: added")
        watch(dom)
    conn.connect("domain-added", on_added)
    conn.connect("domain-removed", lambda c, dom: print(f"{dom.props.name}: removed"))
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, 2, loop.quit)  # SIGINT
    print(f"Watching {len(domains)} domain(s) of {conn.props.uri}; Ctrl-C ends.", flush=True)

    thread = None
    if drive_it:
        first = domains[0]
        # After the other handlers: quit once the final "started" is printed.
        first.connect_after("started", lambda d, reason: GLib.idle_add(loop.quit))
        thread = threading.Thread(target=drive, args=(first,))

        def start_drive():
            thread.start()
            return GLib.SOURCE_REMOVE
        # Start changing things once the loop runs (and owns the main context).
        GLib.idle_add(start_drive)

    loop.run()
    if thread:
        thread.join()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
