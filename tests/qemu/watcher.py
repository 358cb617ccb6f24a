# SPDX-License-Identifier: LGPL-2.1-or-later
# A second client for the QEMU tests: opens URI in a process of its own and
# prints, one line each as they come, what it sees of domain NAME:
#   watching STATE ID          once connected (STATE "absent" if not defined)
#   added | removed            the domain appeared in / left the list model
#   SIGNAL REASON STATE        started/suspended/resumed/stopped/crashed
#   state STATE                every notify::state
import sys

import gi

gi.require_version('GVirt', '1.0')
from gi.repository import GLib, GVirt  # noqa: E402


def say(*words):
    print(*words, flush=True)


def watch(dom):
    for sig in ('started', 'suspended', 'resumed', 'stopped', 'crashed'):
        dom.connect(sig, lambda d, reason, sig=sig: say(sig, reason.value_nick, d.props.state.value_nick))
    dom.connect('notify::state', lambda d, _: say('state', d.props.state.value_nick))


def main():
    uri, name = sys.argv[1], sys.argv[2]
    conn = GVirt.Connection.open_sync(uri, GVirt.ConnectionFlags.READ_ONLY, None)

    def added(conn, dom):
        if dom.props.name == name:
            say('added')
            watch(dom)

    def removed(conn, dom):
        if dom.props.name == name:
            say('removed')

    conn.connect('domain-added', added)
    conn.connect('domain-removed', removed)
    dom = conn.find_domain_by_name(name)
    if dom is not None:
        watch(dom)
        say('watching', dom.props.state.value_nick, dom.props.id)
    else:
        say('watching', 'absent', -1)
    GLib.MainLoop().run()


main()
