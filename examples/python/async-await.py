#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Restarts a domain with asyncio: `async-await.py [URI [NAME]]`.
#
# With GVirt's PyGObject override (gi/overrides/GVirt.py), an _async method
# called without a callback returns an awaitable; failures raise GLib.Error.
# The first start is cancelled before it begins, to show the error; the
# second, with a 10-second deadline, starts the domain.
import asyncio
import sys

import gi
gi.require_version("GVirt", "1.0")
from gi.repository import Gio, GLib, GVirt


async def main(uri="test:///default", name="test"):
    conn = await GVirt.Connection.open_async(uri, GVirt.ConnectionFlags.NONE)
    dom = conn.find_domain_by_name(name)
    if dom is None:
        raise SystemExit(f"error: no domain named “{name}”")
    if dom.props.state != GVirt.DomainState.SHUTOFF:
        await dom.destroy_async()
    print(f"{name} is shut off")

    cancelled = Gio.Cancellable()
    cancelled.cancel()  # as if the user pressed Cancel before the backend got to it
    try:
        await dom.start_async(cancelled)
        print("first attempt was not cancelled")
    except GLib.Error as e:
        if not e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED):
            raise
        print("first attempt cancelled:", e.message)

    print(f"starting {name}…")
    # wait_for() cancels the call's Gio.Cancellable when the deadline passes.
    await asyncio.wait_for(dom.start_async(), 10)
    # The state and id were updated before the await returned.
    print(f"{dom.props.name} is running with id {dom.props.id}")


if __name__ == "__main__":
    try:
        asyncio.run(main(*sys.argv[1:3]))
    except GLib.Error as e:
        sys.exit(f"error: {e.message}")
