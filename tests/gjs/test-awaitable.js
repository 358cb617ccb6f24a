// SPDX-License-Identifier: LGPL-2.1-or-later
// GJS: every GVirt async method returns a Promise once
// introspection/gjs/gvirt-promisify.js is imported (GJS 1.74 needs it).
// `gjs -m test-awaitable.js`, as TAP.
import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import GIRepository from 'gi://GIRepository?version=2.0';
import GVirt from 'gi://GVirt?version=1.0';
import System from 'system';
import {promisified, promisifyAll} from '../../introspection/gjs/gvirt-promisify.js';

const tests = [];
const test = (name, fn) => tests.push([name, fn]);
function assert(cond, what) {
    if (!cond)
        throw new Error(`assertion failed: ${what}`);
}

async function openConn() {
    return GVirt.Connection.open_async('test:///default', GVirt.ConnectionFlags.NONE,
        GLib.PRIORITY_DEFAULT, null);
}

test('start and destroy awaited', async () => {
    const conn = await openConn();
    assert(conn instanceof GVirt.Connection, 'open_async resolves to a connection');
    const dom = conn.find_domain_by_name('test');
    const states = [];
    dom.connect('notify::state', () => states.push(dom.state));
    assert(await dom.destroy_async(null) === true, 'destroy resolves to true');
    assert(dom.state === GVirt.DomainState.SHUTOFF && dom.id === -1, 'shut off');
    await dom.start_async(null);
    assert(dom.state === GVirt.DomainState.RUNNING && dom.id > 0, `running, id ${dom.id}`);
    assert(states.includes(GVirt.DomainState.SHUTOFF), 'notify::state seen');
    conn.close();
});

test('values', async () => {
    const conn = await openConn();
    const dom = conn.find_domain_by_name('test');
    const info = await dom.get_info_async(null);
    assert(info.state === GVirt.DomainState.RUNNING, 'info.state');
    const xml = await dom.get_xml_async(GVirt.DomainXmlFlags.NONE, null);
    assert(xml.includes('<name>test</name>'), 'XML names the domain');
    const net = conn.find_network_by_name('default');
    await net.destroy_async(null);
    assert(!net.active, 'network stopped');
    await net.start_async(null);
    assert(net.active, 'network started');
    const caps = await conn.get_capabilities_async(null);
    assert(caps instanceof GVirt.Capabilities, 'capabilities');
});

test('errors reject with GLib.Error', async () => {
    const conn = await openConn();
    const dom = conn.find_domain_by_name('test');
    let error = null;
    try {
        await dom.start_async(null);
    } catch (e) {
        error = e;
    }
    assert(error?.matches(GVirt.Error, GVirt.Error.INVALID_STATE), `INVALID_STATE, got ${error}`);
});

test('cancelled', async () => {
    const conn = await openConn();
    const dom = conn.find_domain_by_name('test');
    await dom.destroy_async(null);
    const cancellable = new Gio.Cancellable();
    cancellable.cancel();
    let error = null;
    try {
        await dom.start_async(cancellable);
    } catch (e) {
        error = e;
    }
    assert(error?.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED), `CANCELLED, got ${error}`);
    assert(dom.state === GVirt.DomainState.SHUTOFF, 'still shut off');
});

test('callback form unchanged', async () => {
    const conn = await openConn();
    const dom = conn.find_domain_by_name('test');
    const ok = await new Promise((resolve, reject) => {
        dom.get_info_async(null, (d, res) => {
            try {
                resolve(d.get_info_finish(res).state === GVirt.DomainState.RUNNING);
            } catch (e) {
                reject(e);
            }
        });
    });
    assert(ok, 'callback got the info');
});

test('every async pair is promisified', async () => {
    // The typelib's own list, read through GIRepository.
    const repo = GIRepository.Repository.get_default();
    const expected = [];
    for (let i = 0; i < repo.get_n_infos('GVirt'); i++) {
        const info = repo.get_info('GVirt', i);
        if (info.get_type() !== GIRepository.InfoType.OBJECT)
            continue;
        const names = [];
        for (let j = 0; j < GIRepository.object_info_get_n_methods(info); j++)
            names.push(GIRepository.object_info_get_method(info, j).get_name());
        for (const name of names) {
            if (name.endsWith('_async') && names.includes(name.replace(/_async$/, '_finish')))
                expected.push([info.get_name(), name]);
        }
    }
    assert(expected.length >= 32, `${expected.length} pairs`);
    for (const [cls, name] of expected) {
        const where = promisified.includes(`${cls}.prototype.${name}`) ||
            promisified.includes(`${cls}.${name}`);
        assert(where, `${cls}.${name} promisified`);
    }
    assert(promisifyAll().length === promisified.length, 'idempotent');
});

async function main() {
    print(`1..${tests.length}`);
    let failed = 0;
    for (const [i, [name, fn]] of tests.entries()) {
        try {
            await fn();
            print(`ok ${i + 1} ${name}`);
        } catch (e) {
            failed++;
            print(`not ok ${i + 1} ${name}`);
            for (const line of `${e}\n${e.stack ?? ''}`.split('\n'))
                print(`# ${line}`);
        }
    }
    return failed;
}

const loop = new GLib.MainLoop(null, false);
let status = 1;
GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
    main().then(failed => {
        status = failed ? 1 : 0;
    }).catch(logError).finally(() => loop.quit());
    return GLib.SOURCE_REMOVE;
});
GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, 30, () => {
    print('Bail out! timed out');
    loop.quit();
    return GLib.SOURCE_REMOVE;
});
loop.run();
System.exit(status);
