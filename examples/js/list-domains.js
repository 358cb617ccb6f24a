// SPDX-License-Identifier: LGPL-2.1-or-later
// Lists the domains of a node: `gjs -m list-domains.js [URI]`, test:///default by default.
import GVirt from 'gi://GVirt?version=1.0';
import System from 'system';

// GJS enums are plain objects ({RUNNING: 1, ...}): find a value's name.
const nick = (enumObject, value) =>
    Object.keys(enumObject).find(k => enumObject[k] === value)?.toLowerCase() ?? '?';

const uri = ARGV[0] ?? 'test:///default';
let conn;
try {
    conn = GVirt.Connection.open_sync(uri, GVirt.ConnectionFlags.READ_ONLY, null);
} catch (e) {
    printerr(`error: ${e.message}`);
    System.exit(1);
}

print(` ${'Id'.padEnd(4)} ${'Name'.padEnd(20)} State`);
print('-'.repeat(41));
// get_domains() is a live Gio.ListModel of GVirt.Domain; list models are iterable.
for (const dom of conn.get_domains()) {
    const id = dom.id >= 0 ? String(dom.id) : '-';
    print(` ${id.padEnd(4)} ${dom.name.padEnd(20)} ${nick(GVirt.DomainState, dom.state)}`);
}
