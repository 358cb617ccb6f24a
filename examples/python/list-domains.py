#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Lists the domains of a node: `list-domains.py [URI]`, test:///default by default.
import sys

import gi
gi.require_version("GVirt", "1.0")
from gi.repository import GLib, GVirt


def main(argv):
    uri = argv[1] if len(argv) > 1 else "test:///default"
    try:
        conn = GVirt.Connection.open_sync(uri, GVirt.ConnectionFlags.READ_ONLY, None)
    except GLib.Error as e:
        print("error:", e.message, file=sys.stderr)
        return 1

    print(f" {'Id':<4} {'Name':<20} State")
    print("-" * 41)
    # get_domains() is a live Gio.ListModel of GVirt.Domain: iterate it directly.
    for dom in conn.get_domains():
        dom_id = str(dom.props.id) if dom.props.id >= 0 else "-"
        print(f" {dom_id:<4} {dom.props.name:<20} {dom.props.state.value_nick}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
