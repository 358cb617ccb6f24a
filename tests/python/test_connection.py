# SPDX-License-Identifier: LGPL-2.1-or-later
# PyGObject tests of GVirt.Connection, the way a Python application uses it.
import threading

import pytest
from gi.repository import Gio, GLib, GVirt

from conftest import DOMAIN_UUID, NETWORK_UUID, assert_gvirt_error, run_async


def test_open_and_properties(conn):
    assert conn.props.uri == 'test:///default'
    assert conn.props.backend_name == 'test'
    assert conn.props.read_only is False
    assert conn.get_backend_name() == 'test'
    assert not conn.is_closed()


def test_list_domains_as_list_model(conn):
    domains = conn.get_domains()
    assert isinstance(domains, Gio.ListModel)
    assert domains.get_item_type() == GVirt.Domain.__gtype__
    names = [d.props.name for d in domains]
    assert names == ['test']
    d = domains[0]
    assert isinstance(d, GVirt.Domain)
    assert d.props.state == GVirt.DomainState.RUNNING
    assert d.props.id == 1
    assert d.props.uuid == DOMAIN_UUID
    assert len(domains) == domains.get_n_items() == 1


def test_list_networks(conn):
    nets = list(conn.get_networks())
    assert [n.props.name for n in nets] == ['default']
    assert nets[0].props.uuid == NETWORK_UUID
    assert nets[0].props.bridge == 'virbr0'
    assert nets[0].props.active is True


@pytest.mark.parametrize('uri', ['not a uri', 'test://host/default', 'test:///relative.xml'])
def test_open_invalid_uri(uri):
    with pytest.raises(GLib.Error) as excinfo:
        GVirt.Connection.open_sync(uri, GVirt.ConnectionFlags.NONE, None)
    assert_gvirt_error(excinfo, GVirt.Error.INVALID_URI)


def test_open_no_backend():
    with pytest.raises(GLib.Error) as excinfo:
        GVirt.Connection.open_sync('nosuch:///x', GVirt.ConnectionFlags.NONE, None)
    e = assert_gvirt_error(excinfo, GVirt.Error.NO_BACKEND)
    assert 'nosuch' in e.message


def test_open_malformed_node_file(tmp_path):
    node = tmp_path / 'broken.xml'
    node.write_text('<node>\n<domain>\n</node>\n')
    with pytest.raises(GLib.Error) as excinfo:
        GVirt.Connection.open_sync(f'test://{node}', GVirt.ConnectionFlags.NONE, None)
    e = assert_gvirt_error(excinfo, GVirt.Error.INVALID_XML)
    assert 'broken.xml' in e.message


def test_open_node_file(tmp_path):
    node = tmp_path / 'node.xml'
    node.write_text("<node><cpu><active>6</active></cpu>"
                    "<domain type='test' state='paused'><name>py</name><memory>65536</memory></domain>"
                    "</node>")
    c = GVirt.Connection.open_sync(f'test://{node}', GVirt.ConnectionFlags.NONE, None)
    d = c.find_domain_by_name('py')
    assert d.props.state == GVirt.DomainState.PAUSED
    assert c.get_node_info_sync(None).cpus == 6


def test_open_async():
    c = run_async(lambda cancellable, cb: GVirt.Connection.open_async(
        'test:///default', GVirt.ConnectionFlags.READ_ONLY, GLib.PRIORITY_DEFAULT, cancellable, cb),
        GVirt.Connection.open_finish)
    assert isinstance(c, GVirt.Connection)
    assert c.props.read_only is True
    assert c.get_domains().get_n_items() == 1


def test_open_cancelled():
    cancellable = Gio.Cancellable()
    cancellable.cancel()
    with pytest.raises(GLib.Error) as excinfo:
        GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.NONE, cancellable)
    assert excinfo.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)


def test_node_info(conn):
    info = conn.get_node_info_sync(None)
    assert isinstance(info, GVirt.NodeInfo)
    assert (info.model, info.memory, info.cpus, info.mhz) == ('i686', 3145728, 16, 1400)
    assert (info.nodes, info.sockets, info.cores, info.threads) == (2, 2, 2, 2)
    info2 = run_async(conn.get_node_info_async, conn.get_node_info_finish)
    assert info2.cpus == 16


def test_capabilities(conn):
    caps = conn.get_capabilities_sync(None)
    assert caps.get_host_arch() == 'i686'
    assert len(caps.get_guests()) == 2
    assert '<capabilities' in caps.to_xml()
    caps2 = run_async(conn.get_capabilities_async, conn.get_capabilities_finish)
    assert caps.equal(caps2)


def test_lookups_return_one_object(conn):
    d = conn.find_domain_by_name('test')
    assert d is conn.find_domain_by_uuid(DOMAIN_UUID)
    assert d is conn.find_domain_by_uuid(DOMAIN_UUID.replace('-', '').upper())
    assert d is conn.find_domain_by_id(1)
    assert d is conn.get_domains()[0]
    assert conn.find_domain_by_name('nosuch') is None
    assert conn.find_domain_by_id(42) is None
    assert conn.find_network_by_uuid(NETWORK_UUID) is conn.find_network_by_name('default')


def test_define_from_code_and_signals(conn):
    events = []
    conn.connect('domain-added', lambda c, d: events.append(('added', d.props.name)))
    conn.connect('domain-removed', lambda c, d: events.append(('removed', d.props.name)))
    conn.get_domains().connect('items-changed',
                               lambda m, pos, rem, add: events.append(('items-changed', pos, rem, add)))

    config = GVirt.DomainConfig.new()
    config.set_domain_type('test')
    config.set_name('pyguest')
    config.set_memory(262144)
    config.set_current_memory(131072)
    config.set_vcpus(2)
    config.set_os_type('hvm')
    d = conn.define_domain_sync(config, None)

    assert isinstance(d, GVirt.Domain)
    assert d.props.name == 'pyguest'
    assert d.props.state == GVirt.DomainState.SHUTOFF
    assert d.props.persistent is True
    assert d.props.id == -1
    assert ('added', 'pyguest') in events
    assert ('items-changed', 1, 0, 1) in events
    assert [x.props.name for x in conn.get_domains()] == ['test', 'pyguest']
    info = d.get_info_sync(None)
    assert (info.max_memory, info.memory, info.n_vcpus) == (262144, 131072, 2)

    events.clear()
    d.undefine_sync(None)
    assert events == [('items-changed', 1, 1, 0), ('removed', 'pyguest')]
    assert conn.get_domains().get_n_items() == 1


def test_define_duplicate_raises(conn):
    config = GVirt.DomainConfig.new_test('test', 65536)
    with pytest.raises(GLib.Error) as excinfo:
        conn.define_domain_sync(config, None)
    assert_gvirt_error(excinfo, GVirt.Error.ALREADY_EXISTS)


def test_config_from_bad_xml_raises():
    with pytest.raises(GLib.Error) as excinfo:
        GVirt.DomainConfig.new_from_xml('<domain><name>x</name>')
    assert_gvirt_error(excinfo, GVirt.Error.INVALID_XML)


def test_create_transient_async(conn):
    events = []
    conn.connect('domain-removed', lambda c, d: events.append(('removed', d.props.name)))
    config = GVirt.DomainConfig.new_test('flash', 65536)
    d = run_async(lambda cancellable, cb: conn.create_domain_async(config, cancellable, cb),
                  conn.create_domain_finish)
    assert d.props.state == GVirt.DomainState.RUNNING
    assert d.props.persistent is False
    d.connect('stopped', lambda dd, reason: events.append(('stopped', reason)))
    d.destroy_sync(None)
    assert events == [('stopped', GVirt.DomainStoppedReason.DESTROYED), ('removed', 'flash')]
    assert conn.find_domain_by_name('flash') is None


def test_read_only_refuses_define(ro_conn):
    config = GVirt.DomainConfig.new_test('ro', 65536)
    with pytest.raises(GLib.Error) as excinfo:
        ro_conn.define_domain_sync(config, None)
    assert_gvirt_error(excinfo, GVirt.Error.READ_ONLY)
    with pytest.raises(GLib.Error) as excinfo:
        ro_conn.find_domain_by_name('test').suspend_sync(None)
    assert_gvirt_error(excinfo, GVirt.Error.READ_ONLY)


def test_close_emits_once_and_refuses(conn):
    closed = []
    conn.connect('closed', lambda c: closed.append(True))
    d = conn.find_domain_by_name('test')
    conn.close()
    conn.close()
    assert closed == [True]
    assert conn.is_closed()
    with pytest.raises(GLib.Error) as excinfo:
        conn.get_node_info_sync(None)
    assert_gvirt_error(excinfo, GVirt.Error.CLOSED)
    with pytest.raises(GLib.Error) as excinfo:
        d.suspend_sync(None)
    assert_gvirt_error(excinfo, GVirt.Error.CLOSED)


def test_closed_connection_finds_and_lists_nothing(conn):
    d = conn.find_domain_by_name('test')
    domains, networks = conn.get_domains(), conn.get_networks()
    changes, removed = [], []
    domains.connect('items-changed', lambda m, pos, rem, add: changes.append((pos, rem, add)))
    conn.connect('domain-removed', lambda c, dom: removed.append(dom))
    conn.close()
    assert conn.find_domain_by_name('test') is None
    assert conn.find_domain_by_uuid(DOMAIN_UUID) is None
    assert conn.find_domain_by_id(1) is None
    assert conn.find_network_by_name('default') is None
    assert conn.find_network_by_uuid(NETWORK_UUID) is None
    assert domains.get_n_items() == 0 and networks.get_n_items() == 0
    assert changes == [(0, 1, 0)] and removed == []
    # the objects held stay what they were; their calls fail with CLOSED
    assert d.props.name == 'test' and d.props.state == GVirt.DomainState.RUNNING
    with pytest.raises(GLib.Error) as excinfo:
        d.get_info_sync(None)
    assert_gvirt_error(excinfo, GVirt.Error.CLOSED)
    with pytest.raises(GLib.Error) as excinfo:
        conn.define_domain_sync(GVirt.DomainConfig.new_test('late', 65536), None)
    assert_gvirt_error(excinfo, GVirt.Error.CLOSED)
    assert conn.get_domains().get_n_items() == 0


# Lookups have no GError (none of the find functions has): a string that is
# not a UUID is no domain's, without a warning; upper case and the 32-digit
# form are UUIDs.
def test_malformed_uuid_finds_nothing(conn):
    for bad in ('', 'garbage', DOMAIN_UUID[:-1], DOMAIN_UUID + '0', DOMAIN_UUID.replace('6', 'g')):
        assert conn.find_domain_by_uuid(bad) is None
        assert conn.find_network_by_uuid(bad) is None
    assert conn.find_domain_by_uuid(DOMAIN_UUID.upper().replace('-', '')) is not None
    assert conn.find_network_by_uuid(NETWORK_UUID.upper()) is not None


def test_connections_are_independent():
    a = GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.NONE, None)
    b = GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.NONE, None)
    a.find_domain_by_name('test').suspend_sync(None)
    assert a.find_domain_by_name('test').props.state == GVirt.DomainState.PAUSED
    assert b.find_domain_by_name('test').props.state == GVirt.DomainState.RUNNING


def test_threads_calling_sync_methods(conn):
    dom = conn.find_domain_by_name('test')
    errors = []

    def work():
        for i in range(50):
            try:
                (dom.suspend_sync if i % 2 == 0 else dom.resume_sync)(None)
            except GLib.Error as e:
                if not e.matches(GVirt.error_quark(), GVirt.Error.INVALID_STATE):
                    errors.append(e)
            assert conn.find_domain_by_name('test') is dom
            dom.get_info_sync(None)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ctx = GLib.MainContext.default()
    while ctx.iteration(False):
        pass
    assert errors == []
    assert dom.props.state == dom.get_info_sync(None).state
