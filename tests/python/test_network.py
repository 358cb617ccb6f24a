# SPDX-License-Identifier: LGPL-2.1-or-later
# PyGObject tests of GVirt.Network: start/destroy/undefine/autostart and transient networks.
import pytest
from gi.repository import GLib, GVirt

from conftest import NETWORK_UUID, assert_gvirt_error, run_async


@pytest.fixture
def net(conn):
    return conn.find_network_by_name('default')


def test_properties(net, conn):
    assert net.props.name == 'default'
    assert net.props.uuid == NETWORK_UUID
    assert net.props.bridge == 'virbr0'
    assert net.props.active is True
    assert net.props.persistent is True
    assert net.props.autostart is False
    assert net.props.connection is conn


def test_destroy_start_signals(net):
    events = []
    net.connect('started', lambda n: events.append('started'))
    net.connect('stopped', lambda n: events.append('stopped'))
    net.connect('notify::active', lambda n, p: events.append('notify::active'))
    net.destroy_sync(None)
    assert net.props.active is False
    assert events == ['notify::active', 'stopped']
    events.clear()
    run_async(net.start_async, net.start_finish)
    assert net.props.active is True
    assert events == ['notify::active', 'started']


def test_invalid_state(net):
    with pytest.raises(GLib.Error) as excinfo:
        net.start_sync(None)
    e = assert_gvirt_error(excinfo, GVirt.Error.INVALID_STATE)
    assert 'default' in e.message


def test_define_start_undefine(conn):
    added = []
    conn.connect('network-added', lambda c, n: added.append(n.props.name))
    config = GVirt.NetworkConfig.new_nat('pynet', 'virbr5', '10.5.0.1', '255.255.255.0')
    n = conn.define_network_sync(config, None)
    assert added == ['pynet']
    assert n.props.active is False
    n.start_sync(None)
    assert n.props.active is True
    assert n.get_config_sync(None).get_bridge_name() == 'virbr5'
    assert 'pynet' in n.get_xml_sync(None)
    n.destroy_sync(None)
    n.undefine_sync(None)
    assert conn.find_network_by_name('pynet') is None
    with pytest.raises(GLib.Error) as excinfo:
        n.start_sync(None)
    assert_gvirt_error(excinfo, GVirt.Error.NO_NETWORK)


def test_transient_network(conn):
    removed = []
    conn.connect('network-removed', lambda c, n: removed.append(n.props.name))
    config = GVirt.NetworkConfig.new_nat('tmpnet', 'virbr6', '10.6.0.1', '255.255.255.0')
    n = run_async(lambda cancellable, cb: conn.create_network_async(config, cancellable, cb),
                  conn.create_network_finish)
    assert n.props.active is True
    assert n.props.persistent is False
    n.destroy_sync(None)
    assert removed == ['tmpnet']
    assert len(conn.get_networks()) == 1


def test_autostart(net):
    net.set_autostart_sync(True, None)
    assert net.props.autostart is True


def test_read_only(ro_conn):
    n = ro_conn.find_network_by_name('default')
    with pytest.raises(GLib.Error) as excinfo:
        n.destroy_sync(None)
    assert_gvirt_error(excinfo, GVirt.Error.READ_ONLY)
    assert n.props.active is True
