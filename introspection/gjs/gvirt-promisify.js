// SPDX-License-Identifier: LGPL-2.1-or-later
// Promises for every GVirt async method, in GJS 1.74 (Debian 12) and later.
//
//     import GVirt from 'gi://GVirt?version=1.0';
//     import 'file:///usr/share/gvirt-1.0/gjs/gvirt-promisify.js';  // $datadir/gvirt-1.0/gjs
//     await dom.start_async(null);
//
// GJS reads overrides of a namespace from its own directory only, so this is
// a plain ES module: importing it calls Gio._promisify() once for each
// `NAME_async`/`NAME_finish` pair of every GVirt class, instance methods and
// static functions (GVirt.Connection.open_async) alike. The pairs are found
// at run time from the typelib, by the rule g-ir-scanner 1.80 applies for
// `(finish-func)`, so the list never goes stale. A promisified method called
// with a callback behaves as before; without one it returns a Promise that
// the finish method resolves or rejects with its GLib.Error.
//
// The callbacks, and so the promises, settle on the GLib main context that
// was the thread-default when the call was made: run a GLib.MainLoop (or an
// application's) for them to arrive.
import Gio from 'gi://Gio';
import GVirt from 'gi://GVirt?version=1.0';

/**
 * Promisifies the async pairs of every class of a namespace (GVirt by default).
 * Idempotent: Gio._promisify() skips a method it has already wrapped.
 *
 * @param {object} namespace - the imported namespace, e.g. GVirt
 * @returns {string[]} the promisified methods, as 'Class.prototype.name' or 'Class.name'
 */
export function promisifyAll(namespace = GVirt) {
    const done = [];
    for (const className of Object.getOwnPropertyNames(namespace)) {
        let klass;
        try {
            klass = namespace[className];
        } catch {
            continue;
        }
        if (typeof klass !== 'function' || klass.$gtype === undefined || !klass.prototype)
            continue;
        for (const [target, label] of [[klass.prototype, `${className}.prototype`], [klass, className]]) {
            for (const name of Object.getOwnPropertyNames(target)) {
                // init_async is Gio.AsyncInitable's (GJS lists interface
                // methods on the class): GVirt.Connection.open_async wraps it.
                if (!name.endsWith('_async') || name.startsWith('_original_') || name === 'init_async')
                    continue;
                const finish = `${name.slice(0, -'_async'.length)}_finish`;
                if (typeof target[name] !== 'function' || typeof target[finish] !== 'function')
                    continue;
                Gio._promisify(target, name, finish);
                done.push(`${label}.${name}`);
            }
        }
    }
    return done;
}

/** The methods promisified on import. */
export const promisified = promisifyAll(GVirt);

export default GVirt;
