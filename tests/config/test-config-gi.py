#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# The config model through GObject introspection, as Python applications use it.
import os
import sys
import unittest

import gi
gi.require_version('GVirt', '1.0')
from gi.repository import GLib, GVirt  # noqa: E402


class DomainConfigTest(unittest.TestCase):
    def test_kvm_guest(self):
        cfg = GVirt.DomainConfig.new_kvm('web', 1024 * 1024, 2, '/var/lib/images/web.qcow2')
        self.assertEqual(cfg.props.name, 'web')
        self.assertEqual(cfg.props.vcpus, 2)
        kinds = [d.get_kind() for d in cfg.get_devices()]
        self.assertEqual(kinds, ['disk', 'interface', 'graphics', 'serial'])
        disk = cfg.find_disk('vda')
        self.assertIsInstance(disk, GVirt.DomainDisk)
        self.assertEqual(disk.props.driver_type, 'qcow2')
        self.assertTrue(cfg.validate())

    def test_edit_and_notify(self):
        cfg = GVirt.DomainConfig.new_from_xml(
            "<domain type='test'><name>a</name><memory unit='MiB'>64</memory>"
            "<futureThing/></domain>")
        seen = []
        cfg.connect('notify::memory', lambda obj, pspec: seen.append(pspec.name))
        self.assertEqual(cfg.props.memory, 65536)
        cfg.props.memory = 65536
        cfg.props.memory = 131072
        self.assertEqual(seen, ['memory'])
        cfg.props.on_crash = GVirt.LifecycleAction.COREDUMP_DESTROY
        xml = cfg.to_xml()
        self.assertIn('<futureThing/>', xml)
        self.assertIn('<on_crash>coredump-destroy</on_crash>', xml)

    def test_devices(self):
        cfg = GVirt.DomainConfig.new_test('t', 8192)
        nic = GVirt.DomainInterface.new()
        nic.props.interface_type = GVirt.DomainInterfaceType.NETWORK
        nic.props.source_network = 'default'
        nic.props.mac = '52:54:00:00:00:01'
        self.assertTrue(cfg.add_device(nic))
        dup = GVirt.DomainDevice.parse("<disk type='file'><target dev='hda'/></disk>")
        self.assertTrue(cfg.add_device(dup))
        other = GVirt.DomainDevice.parse("<disk type='file'><target dev='hda'/></disk>")
        with self.assertRaises(GLib.Error) as ctx:
            cfg.add_device(other)
        self.assertTrue(ctx.exception.matches(GVirt.error_quark(), GVirt.Error.INVALID_ARGUMENT))
        self.assertEqual(cfg.get_devices().get_n_items(), 2)
        self.assertTrue(cfg.remove_device(nic))
        self.assertEqual(nic.props.source_network, 'default')

    def test_errors(self):
        with self.assertRaises(GLib.Error) as ctx:
            GVirt.DomainConfig.new_from_xml('<domain><name>x</name>')
        self.assertTrue(ctx.exception.matches(GVirt.error_quark(), GVirt.Error.INVALID_XML))
        self.assertIn('line', ctx.exception.message)
        with self.assertRaises(GLib.Error) as ctx:
            GVirt.DomainConfig.new_from_xml("<domain type='test'><vcpu>-1</vcpu></domain>")
        self.assertTrue(ctx.exception.matches(GVirt.error_quark(), GVirt.Error.INVALID_XML))

    def test_parser_limits_without_libxml2_advice(self):
        # libxml2 says "use XML_PARSE_HUGE option": advice for the program
        # calling it, which GVirt keeps its limits against
        deep = '<domain>' + '<a>' * 300 + '</a>' * 300 + '</domain>'
        with self.assertRaises(GLib.Error) as ctx:
            GVirt.DomainConfig.new_from_xml(deep)
        self.assertTrue(ctx.exception.matches(GVirt.error_quark(), GVirt.Error.INVALID_XML))
        self.assertEqual(ctx.exception.message, 'line 1: the elements are nested more than 256 levels deep')
        self.assertNotIn('XML_PARSE', ctx.exception.message)


class NetworkAndCapabilitiesTest(unittest.TestCase):
    def test_network(self):
        net = GVirt.NetworkConfig.new_nat('lab', 'virbr9', '10.9.0.1', '255.255.255.0')
        ok, start, end = net.get_dhcp_range(0)
        self.assertTrue(ok)
        self.assertEqual((start, end), ('10.9.0.128', '10.9.0.254'))
        self.assertEqual(net.props.forward_mode, GVirt.NetworkForwardMode.NAT)
        self.assertTrue(GVirt.NetworkConfig.new_from_xml(net.to_xml()).equal(net))

    def test_capabilities(self):
        caps = GVirt.Capabilities.new()
        guest = GVirt.CapabilitiesGuest.new()
        guest.props.os_type = 'hvm'
        guest.props.arch = 'x86_64'
        guest.set_machines(['pc', 'q35'])
        kvm = guest.add_domain('kvm')
        caps.add_guest(guest)
        kvm.props.emulator = '/usr/bin/kvm'
        guests = caps.get_guests()
        self.assertEqual(len(guests), 1)
        self.assertEqual(guests[0].get_machines(), ['pc', 'q35'])
        self.assertEqual([d.props.domain_type for d in guests[0].get_domains()], ['kvm'])
        self.assertIn('<emulator>/usr/bin/kvm</emulator>', caps.to_xml())


if __name__ == '__main__':
    os.environ.setdefault('GVIRT_SCHEMA_DIR', sys.argv.pop(1) if len(sys.argv) > 1 else '')
    unittest.main(verbosity=2)
