# SPDX-License-Identifier: LGPL-2.1-or-later
# Issue 12: the devices the live XML lists exist in the running QEMU (seen
# through QMP on the monitor's client socket), and what the QEMU backend does
# not build is refused by define or start with GVIRT_ERROR_UNSUPPORTED.
import json
import os
import socket
import time

import pytest
from conftest import gvirt_error
from gi.repository import GLib, GVirt

AGENT = 'org.qemu.guest_agent.0'


class Qmp:
    """A client of the domain's monitor (RUNTIME/@HASH.sock), which forwards QMP."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.sock.settimeout(30)
        self.buf = b''
        self.n = 0

    def __call__(self, execute, **arguments):
        self.n += 1
        ident = f'test-{self.n}'
        cmd = {'execute': execute, 'id': ident}
        if arguments:
            cmd['arguments'] = arguments
        self.sock.sendall(json.dumps(cmd).encode() + b'\n')
        while True:
            while b'\n' not in self.buf:
                chunk = self.sock.recv(65536)
                assert chunk, f'the monitor closed the socket before answering {execute}'
                self.buf += chunk
            line, _, self.buf = self.buf.partition(b'\n')
            msg = json.loads(line)
            if msg.get('id') != ident:
                continue   # an event, or another client's answer
            assert 'return' in msg, f'{execute}: {msg}'
            return msg['return']

    def close(self):
        self.sock.close()


def rich_devices(node):
    disk = os.path.join(node.root, 'data.img')
    with open(disk, 'wb') as f:
        f.truncate(4 << 20)
    return (f"<disk type='file' device='disk'>"
            f"<driver name='qemu' type='raw' cache='none' io='native' discard='unmap'/>"
            f"<source file='{disk}'/><target dev='vda' bus='virtio'/></disk>"
            "<controller type='virtio-serial' index='0'/>"
            f"<channel type='unix'><target type='virtio' name='{AGENT}'/></channel>"
            "<rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>")


RICH_EXTRA = ("<cpu mode='host-model'/>"
              "<clock offset='utc'><timer name='rtc' tickpolicy='catchup'/>"
              "<timer name='pit' tickpolicy='delay'/><timer name='hpet' present='no'/></clock>")


def rich_config(node, name):
    xml = node.domain_xml(name=name, devices=rich_devices(node))
    xml = xml.replace("<features><acpi/></features>", "<features><acpi/></features>" + RICH_EXTRA)
    return GVirt.DomainConfig.new_from_xml(xml)


def qemu_cmdline(node):
    from conftest import qemu_processes
    for pid in qemu_processes(node.root):
        with open(f'/proc/{pid}/cmdline', 'rb') as f:
            argv = f.read().decode().split('\0')
        if os.path.basename(argv[0]).startswith('qemu-system'):
            return argv
    pytest.fail('no QEMU process')


def test_devices_exist_in_qemu(node):
    conn = node.connect()
    dom = conn.define_domain_sync(rich_config(node, 'rich'), None)
    dom.start_sync(None)
    node.wait_ready('rich')
    qmp = Qmp(node.runtime_file('rich', '.sock'))
    try:
        # qom-list: the devices under their ids
        peripherals = {p['name'] for p in qmp('qom-list', path='/machine/peripheral')}
        assert {'rng0', 'virtio-serial0', 'channel0', 'vda'} <= peripherals, peripherals
        assert qmp('qom-get', path='/machine/peripheral/rng0', property='rng') == '/objects/objrng0'
        assert qmp('qom-get', path='/objects/objrng0', property='filename') == '/dev/urandom'
        assert qmp('qom-get', path='/machine/peripheral/channel0', property='name') == AGENT
        # the agent's socket, in the runtime directory, as the live XML says
        sock = node.runtime_file('rich', '.channel0')
        chardevs = {c['label']: c['filename'] for c in qmp('query-chardev')}
        assert chardevs.get('charchannel0') == f'disconnected:unix:{sock},server=on', chardevs
        # QEMU listens there: a client (the agent's host side) connects
        agent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        agent.connect(sock)
        agent.close()
        live = dom.get_xml_sync(GVirt.DomainXmlFlags.NONE, None)
        assert sock in live, live
        assert sock not in dom.get_xml_sync(GVirt.DomainXmlFlags.INACTIVE, None)
        # query-block: cache='none' is O_DIRECT with flushes
        block = {b.get('qdev'): b for b in qmp('query-block')}
        vda = block.get('/machine/peripheral/vda/virtio-backend') or block.get('vda')
        assert vda is not None, block
        assert vda['inserted']['cache'] == {'direct': True, 'writeback': True, 'no-flush': False}
        # timers: no HPET, and the CPU host-model is under TCG
        assert qmp('qom-get', path='/machine', property='hpet') is False
        cpus = qmp('query-cpus-fast')
        assert qmp('qom-get', path=cpus[0]['qom-path'], property='type') == 'max-x86_64-cpu'
        # what QMP does not show, the command line does
        argv = qemu_cmdline(node)
        drive = argv[argv.index('-drive') + 1]
        assert 'aio=native' in drive and 'discard=unmap' in drive and 'cache=none' in drive, drive
        assert argv[argv.index('-rtc') + 1] == 'base=utc,driftfix=slew'
    finally:
        qmp.close()
    dom.destroy_sync(None)
    # the socket goes with the domain
    deadline = time.monotonic() + 10
    while os.path.exists(sock) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not os.path.exists(sock)


def test_unsupported_element_refused_by_define(node):
    conn = node.connect()
    config = node.config(name='loud', devices="<sound model='ich9'/>")
    with pytest.raises(GLib.Error) as e:
        conn.define_domain_sync(config, None)
    err = gvirt_error(e, GVirt.Error.UNSUPPORTED)
    assert "<sound model='ich9'>" in err.message and 'loud' in err.message
    assert conn.find_domain_by_name('loud') is None
    assert not os.path.exists(os.path.join(node.root, 'config', 'loud.xml'))


def test_host_passthrough_refused_by_start_under_tcg(node):
    conn = node.connect()
    xml = node.domain_xml(name='pass').replace(
        "<features><acpi/></features>", "<features><acpi/></features><cpu mode='host-passthrough'/>")
    dom = conn.define_domain_sync(GVirt.DomainConfig.new_from_xml(xml), None)
    with pytest.raises(GLib.Error) as e:
        dom.start_sync(None)
    err = gvirt_error(e, GVirt.Error.UNSUPPORTED)
    assert 'host-passthrough' in err.message and 'KVM' in err.message
    assert dom.props.state == GVirt.DomainState.SHUTOFF
