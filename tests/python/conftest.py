# SPDX-License-Identifier: LGPL-2.1-or-later
# Shared pytest fixtures for the PyGObject tests: the GVirt typelib and test:/// connections.
import gi

gi.require_version('GVirt', '1.0')
from gi.repository import GLib, GVirt  # noqa: E402

import pytest  # noqa: E402

DOMAIN_UUID = '6695eb01-f6a4-8304-79aa-97f2502e193f'
NETWORK_UUID = 'dd8fe884-6c02-601e-7551-cca97df1c5df'


@pytest.fixture
def conn():
    c = GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.NONE, None)
    yield c
    c.close()


@pytest.fixture
def ro_conn():
    c = GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.READ_ONLY, None)
    yield c
    c.close()


@pytest.fixture
def dom(conn):
    return conn.find_domain_by_name('test')


def run_async(start, finish, *args, timeout=5):
    """Calls start(*args, None, callback) and returns finish(result), spinning a GLib.MainLoop."""
    loop = GLib.MainLoop()
    box = {}

    def done(source, result):
        try:
            box['value'] = finish(result)
        except GLib.Error as e:
            box['error'] = e
        loop.quit()

    start(*args, None, done)
    timer = GLib.timeout_add_seconds(timeout, loop.quit)
    loop.run()
    if 'value' not in box and 'error' not in box:
        pytest.fail('async call did not complete')
    GLib.source_remove(timer)
    if 'error' in box:
        raise box['error']
    return box['value']


def assert_gvirt_error(excinfo, code):
    e = excinfo.value
    assert e.matches(GVirt.error_quark(), code), f'{e.domain}:{e.code} {e.message}'
    return e
