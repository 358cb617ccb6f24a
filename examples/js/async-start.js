// SPDX-License-Identifier: LGPL-2.1-or-later
// Starts a domain with promises: `gjs -m async-start.js [URI [NAME]]`.
//
// Gio._promisify() turns each _async/_finish pair into a method that returns
// a Promise; the work runs in a worker thread and the main loop stays free.
// The first start is cancelled before it begins, to show the error; the
// second, with a 10-second deadline, starts the domain. On test:///default
// the domain "test" is running, so the example first destroys it.
import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import GVirt from 'gi://GVirt?version=1.0';
import System from 'system';

Gio._promisify(GVirt.Connection, 'open_async', 'open_finish');
Gio._promisify(GVirt.Domain.prototype, 'start_async', 'start_finish');
Gio._promisify(GVirt.Domain.prototype, 'destroy_async', 'destroy_finish');

async function main(uri = 'test:///default', name = 'test') {
    const conn = await GVirt.Connection.open_async(uri, GVirt.ConnectionFlags.NONE,
        GLib.PRIORITY_DEFAULT, null);
    const dom = conn.find_domain_by_name(name);
    if (dom === null)
        throw new Error(`no domain named “${name}”`);
    if (dom.state !== GVirt.DomainState.SHUTOFF)
        await dom.destroy_async(null);
    print(`${name} is shut off`);

    // As if the user pressed Cancel before the backend got to it.
    const cancelled = new Gio.Cancellable();
    cancelled.cancel();
    try {
        await dom.start_async(cancelled);
        print('first attempt was not cancelled');
    } catch (e) {
        if (!e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED))
            throw e;
        print(`first attempt cancelled: ${e.message}`);
    }

    const cancellable = new Gio.Cancellable();
    const deadline = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, 10, () => {
        cancellable.cancel();
        return GLib.SOURCE_REMOVE;
    });
    print(`starting ${name}…`);
    const started = dom.start_async(cancellable);
    print('(the main loop is free meanwhile)');
    try {
        await started;
        // The state and id were updated before the promise resolved.
        print(`${dom.name} is running with id ${dom.id}`);
    } finally {
        GLib.source_remove(deadline);
    }
}

// Run inside a main loop: events and callbacks arrive on its context.
const loop = new GLib.MainLoop(null, false);
let status = 0;
GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
    main(...ARGV).catch(e => {
        printerr(`error: ${e.message}`);
        status = 1;
    }).finally(() => loop.quit());
    return GLib.SOURCE_REMOVE;
});
loop.run();
System.exit(status);
