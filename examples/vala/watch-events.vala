/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Prints domain lifecycle events in Vala: `watch-events-vala [--drive] [URI]`.
 *
 * Signals arrive on the main context that was the thread-default when the
 * connection was opened. With --drive the example pauses, resumes, destroys
 * and starts the first domain itself with the async API, then quits. */

string nick<T> (int value) {
    var klass = (EnumClass) typeof (T).class_ref ();
    unowned var v = klass.get_value (value);
    return v != null ? v.value_nick : "?";
}

void watch (GVirt.Domain dom) {
    dom.started.connect ((d, reason) => {
        print ("%s: started (%s), id %d\n", d.name, nick<GVirt.DomainStartedReason> (reason), d.id);
    });
    dom.suspended.connect ((d, reason) => {
        print ("%s: suspended (%s)\n", d.name, nick<GVirt.DomainSuspendedReason> (reason));
    });
    dom.resumed.connect ((d, reason) => {
        print ("%s: resumed (%s)\n", d.name, nick<GVirt.DomainResumedReason> (reason));
    });
    dom.stopped.connect ((d, reason) => {
        print ("%s: stopped (%s)\n", d.name, nick<GVirt.DomainStoppedReason> (reason));
    });
    dom.notify["state"].connect ((obj, pspec) => {
        var d = (GVirt.Domain) obj;
        print ("%s: state is now %s\n", d.name, nick<GVirt.DomainState> (d.state));
    });
}

async void drive (GVirt.Domain dom, MainLoop loop) {
    try {
        yield dom.suspend_async ();
        yield dom.resume_async ();
        yield dom.destroy_async ();
        yield dom.start_async ();
        print ("drive finished: %s is %s\n", dom.name, nick<GVirt.DomainState> (dom.state));
    } catch (Error e) {
        printerr ("error: %s\n", e.message);
    }
    loop.quit ();
}

int main (string[] args) {
    var drive_it = args.length > 1 && args[1] == "--drive";
    var uri = args.length > (drive_it ? 2 : 1) ? args[drive_it ? 2 : 1] : "test:///default";
    GVirt.Connection conn;
    try {
        conn = GVirt.Connection.open_sync (uri, GVirt.ConnectionFlags.NONE);
    } catch (Error e) {
        printerr ("error: %s\n", e.message);
        return 1;
    }

    var loop = new MainLoop ();
    var domains = conn.get_domains ();
    for (uint i = 0; i < domains.get_n_items (); i++)
        watch ((GVirt.Domain) domains.get_item (i));
    conn.domain_added.connect ((c, dom) => {
        print ("%s: added\n", dom.name);
        watch (dom);
    });
    conn.domain_removed.connect ((c, dom) => print ("%s: removed\n", dom.name));
    Unix.signal_add (2 /* SIGINT */, () => { loop.quit (); return Source.REMOVE; });
    print ("Watching %u domain(s) of %s; Ctrl-C ends.\n", domains.get_n_items (), conn.uri);

    if (drive_it) {
        var first = (GVirt.Domain?) domains.get_item (0);
        if (first == null) {
            printerr ("error: --drive needs a domain\n");
            return 1;
        }
        // Begin once the loop runs (and owns the main context).
        Idle.add (() => { drive.begin (first, loop); return Source.REMOVE; });
    }
    loop.run ();
    return 0;
}
