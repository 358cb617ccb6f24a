// SPDX-License-Identifier: LGPL-2.1-or-later
// Prints domain lifecycle events as they happen: `gjs -m watch-events.js [--drive] [URI]`.
//
// Signals arrive on the main context that was the thread-default when the
// connection was opened. With --drive the example pauses, resumes, destroys
// and starts the first domain itself, with promises, and then quits.
import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import GVirt from 'gi://GVirt?version=1.0';

for (const op of ['suspend', 'resume', 'destroy', 'start'])
    Gio._promisify(GVirt.Domain.prototype, `${op}_async`, `${op}_finish`);

const nick = (enumObject, value) =>
    Object.keys(enumObject).find(k => enumObject[k] === value)?.toLowerCase() ?? '?';

function watch(dom) {
    dom.connect('started', (d, reason) =>
        print(`${d.name}: started (${nick(GVirt.DomainStartedReason, reason)}), id ${d.id}`));
    dom.connect('suspended', (d, reason) =>
        print(`${d.name}: suspended (${nick(GVirt.DomainSuspendedReason, reason)})`));
    dom.connect('resumed', (d, reason) =>
        print(`${d.name}: resumed (${nick(GVirt.DomainResumedReason, reason)})`));
    dom.connect('stopped', (d, reason) =>
        print(`${d.name}: stopped (${nick(GVirt.DomainStoppedReason, reason)})`));
    dom.connect('notify::state', d =>
        print(`${d.name}: state is now ${nick(GVirt.DomainState, d.state)}`));
}

const args = [...ARGV];
const drive = args[0] === '--drive';
if (drive)
    args.shift();
const conn = GVirt.Connection.open_sync(args[0] ?? 'test:///default',
    GVirt.ConnectionFlags.NONE, null);
const domains = conn.get_domains();
for (const dom of domains)
    watch(dom);
conn.connect('domain-added', (c, dom) => {
    print(`${dom.name}: added`);
    watch(dom);
});
conn.connect('domain-removed', (c, dom) => print(`${dom.name}: removed`));

const loop = new GLib.MainLoop(null, false);
GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, 2 /* SIGINT */, () => {
    loop.quit();
    return GLib.SOURCE_REMOVE;
});
print(`Watching ${domains.get_n_items()} domain(s) of ${conn.uri}; Ctrl-C ends.`);

async function driveDomain(dom) {
    try {
        await dom.suspend_async(null);
        await dom.resume_async(null);
        await dom.destroy_async(null);
        await dom.start_async(null);
        print(`drive finished: ${dom.name} is ${nick(GVirt.DomainState, dom.state)}`);
    } catch (e) {
        printerr(`error: ${e.message}`);
    }
    loop.quit();
}

if (drive) {
    // Begin once the loop runs (and owns the main context).
    GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, () => {
        driveDomain(domains.get_item(0));
        return GLib.SOURCE_REMOVE;
    });
}
loop.run();
