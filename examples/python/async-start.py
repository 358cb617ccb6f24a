#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Starts a domain without blocking the main loop: `async-start.py [URI [NAME]]`.
#
# start_async() runs the backend call in a worker thread and calls back on
# this thread's main loop; a Gio.Cancellable gives up on it. The first attempt
# is cancelled before it begins, to show the error; the second, with a
# 10-second deadline, starts the domain. On test:///default the domain "test"
# is running, so the example first destroys it.
import sys

import gi
gi.require_version("GVirt", "1.0")
from gi.repository import Gio, GLib, GVirt


def main(argv):
    uri = argv[1] if len(argv) > 1 else "test:///default"
    name = argv[2] if len(argv) > 2 else "test"
    conn = GVirt.Connection.open_sync(uri, GVirt.ConnectionFlags.NONE, None)
    dom = conn.find_domain_by_name(name)
    if dom is None:
        print(f"error: no domain named “{name}”", file=sys.stderr)
        return 1
    if dom.props.state != GVirt.DomainState.SHUTOFF:
        dom.destroy_sync(None)
    print(f"{name} is shut off")

    loop = GLib.MainLoop()
    status = 1

    def on_started(dom, result, deadline):
        nonlocal status
        GLib.source_remove(deadline)
        try:
            dom.start_finish(result)
            # The state and id were updated before this callback ran.
            print(f"{dom.props.name} is running with id {dom.props.id}")
            status = 0
        except GLib.Error as e:
            print("error:", e.message, file=sys.stderr)
        loop.quit()

    def start_for_real():
        cancellable = Gio.Cancellable()
        deadline = GLib.timeout_add_seconds(10, cancellable.cancel)
        print(f"starting {dom.props.name}…")
        dom.start_async(cancellable, on_started, deadline)
        print("(the main loop is free meanwhile)")

    def on_cancelled_start(dom, result):
        try:
            dom.start_finish(result)
            print("first attempt was not cancelled")
        except GLib.Error as e:
            if e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED):
                print("first attempt cancelled:", e.message)
            else:
                print("error:", e.message)
        start_for_real()

    def start_cancelled():
        cancellable = Gio.Cancellable()
        cancellable.cancel()  # as if the user pressed Cancel before the backend got to it
        dom.start_async(cancellable, on_cancelled_start)
        return GLib.SOURCE_REMOVE

    # Async calls begin once the loop runs, so that the loop's thread owns
    # the main context when their events and callbacks arrive.
    GLib.idle_add(start_cancelled)
    loop.run()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
