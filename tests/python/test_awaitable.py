# SPDX-License-Identifier: LGPL-2.1-or-later
# The awaitable form of the async methods (introspection/python/gi/overrides/GVirt.py):
# `await dom.start_async()` under asyncio on PyGObject 3.42, errors, cancellation,
# and the callback form left unchanged.
import asyncio
import os
import xml.etree.ElementTree as ET

from conftest import DOMAIN_UUID, assert_gvirt_error, run_async
from gi.repository import Gio, GLib, GVirt

import pytest


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 10))


async def open_conn():
    return await GVirt.Connection.open_async('test:///default', GVirt.ConnectionFlags.NONE)


def test_start_destroy_awaited():
    async def main():
        conn = await open_conn()
        dom = conn.find_domain_by_name('test')
        states = []
        dom.connect('notify::state', lambda d, pspec: states.append(d.props.state))
        assert await dom.destroy_async() is True
        assert dom.props.state == GVirt.DomainState.SHUTOFF
        assert dom.props.id == -1
        await dom.start_async(None)
        assert dom.props.state == GVirt.DomainState.RUNNING
        assert dom.props.id > 0
        # Signals are delivered in the loop's thread while awaits are pending.
        assert GVirt.DomainState.SHUTOFF in states
        conn.close()
    run(main())


def test_values_and_keywords():
    async def main():
        conn = await GVirt.Connection.open_async(uri='test:///default', flags=GVirt.ConnectionFlags.NONE,
                                                 io_priority=GLib.PRIORITY_DEFAULT, cancellable=None)
        assert isinstance(conn, GVirt.Connection)
        dom = conn.find_domain_by_name('test')
        info = await dom.get_info_async(cancellable=None)
        assert info.state == GVirt.DomainState.RUNNING
        assert dom.props.uuid == DOMAIN_UUID
        xml = await dom.get_xml_async(GVirt.DomainXmlFlags.NONE)
        assert '<name>test</name>' in xml
        net = conn.find_network_by_name('default')
        await net.destroy_async()
        assert not net.props.active
        await net.start_async()
        assert net.props.active
        caps = await conn.get_capabilities_async()
        assert isinstance(caps, GVirt.Capabilities)
    run(main())


def test_concurrent_awaits():
    async def main():
        conn = await open_conn()
        dom = conn.find_domain_by_name('test')
        infos = await asyncio.gather(*(dom.get_info_async() for _ in range(8)))
        assert len(infos) == 8
    run(main())


def test_error_raises_glib_error():
    async def main():
        conn = await open_conn()
        dom = conn.find_domain_by_name('test')
        with pytest.raises(GLib.Error) as excinfo:
            await dom.start_async()
        assert_gvirt_error(excinfo, GVirt.Error.INVALID_STATE)
        assert dom.props.state == GVirt.DomainState.RUNNING
    run(main())


def test_cancelled_cancellable_raises():
    async def main():
        conn = await open_conn()
        dom = conn.find_domain_by_name('test')
        await dom.destroy_async()
        cancellable = Gio.Cancellable()
        cancellable.cancel()
        with pytest.raises(GLib.Error) as excinfo:
            await dom.start_async(cancellable)
        assert excinfo.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)
        assert dom.props.state == GVirt.DomainState.SHUTOFF
    run(main())


def test_task_cancel_cancels_cancellable():
    async def main():
        conn = await open_conn()
        dom = conn.find_domain_by_name('test')
        cancellable = Gio.Cancellable()
        started = []

        async def call():
            started.append(True)
            return await dom.get_info_async(cancellable)

        task = asyncio.create_task(call())
        await asyncio.sleep(0)
        assert started
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert cancellable.is_cancelled()
        # The loop and the connection still work after it.
        assert (await dom.get_info_async()).state == GVirt.DomainState.RUNNING
    run(main())


def test_needs_running_loop():
    conn = GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.NONE, None)
    dom = conn.find_domain_by_name('test')
    with pytest.raises(RuntimeError):
        dom.get_info_async()


def test_callback_form_unchanged(conn, dom):
    run_async(dom.destroy_async, dom.destroy_finish)
    assert dom.props.state == GVirt.DomainState.SHUTOFF
    loop = GLib.MainLoop()
    seen = []

    def done(d, result, data):
        seen.append((d.start_finish(result), data))
        loop.quit()

    dom.start_async(None, done, 'data')
    loop.run()
    assert seen == [(True, 'data')]
    assert dom.props.state == GVirt.DomainState.RUNNING


def test_every_async_pair_is_awaitable():
    gir = os.path.join(os.environ['G_TEST_BUILDDIR'], '..', 'introspection', 'GVirt-1.0.gir')
    ns = {'g': 'http://www.gtk.org/introspection/core/1.0'}
    root = ET.parse(gir).getroot()
    pairs = []
    for cls in root.iterfind('g:namespace/g:class', ns):
        names = {m.get('name') for m in cls if m.tag.endswith(('}method', '}function'))}
        for name in names:
            if name.endswith('_async') and name[:-6] + '_finish' in names:
                pairs.append((cls.get('name'), name))
    assert len(pairs) >= 32
    for cls, name in pairs:
        method = getattr(getattr(GVirt, cls), name)
        assert 'awaitable' in (method.__doc__ or ''), f'{cls}.{name}'


def test_context_owned_by_another_thread():
    # A GLib.MainLoop runs the default context in another thread: the override
    # leaves the dispatching to it and hands results over thread-safely.
    import threading
    glib_loop = GLib.MainLoop()
    thread = threading.Thread(target=glib_loop.run, daemon=True)
    thread.start()
    try:
        async def main():
            for _ in range(200):
                if glib_loop.is_running():
                    break
                await asyncio.sleep(0.01)
            assert glib_loop.is_running()
            conn = await open_conn()
            dom = conn.find_domain_by_name('test')
            info = await dom.get_info_async()
            assert info.state == GVirt.DomainState.RUNNING
            with pytest.raises(GLib.Error):
                await dom.start_async()
        run(main())
    finally:
        GLib.idle_add(glib_loop.quit)
        thread.join(5)
