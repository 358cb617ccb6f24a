#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Builds a domain configuration in code (no XML string), defines it, starts it:
# `define-domain.py [URI]`.
import sys

import gi
gi.require_version("GVirt", "1.0")
from gi.repository import GLib, GVirt


def build_config(name):
    config = GVirt.DomainConfig.new()
    config.props.domain_type = "test"       # <domain type='test'> (kvm, qemu, xen ...)
    config.props.name = name
    config.props.memory = 512 * 1024        # KiB
    config.props.vcpus = 2
    config.props.os_type = "hvm"
    config.props.arch = "x86_64"
    config.set_boot_devices(["hd", "cdrom"])
    config.set_feature("acpi", True)
    config.props.on_crash = GVirt.LifecycleAction.PRESERVE

    disk = GVirt.DomainDisk.new()
    disk.props.disk_type = GVirt.DomainDiskType.FILE
    disk.props.device = GVirt.DomainDiskDevice.DISK
    disk.props.driver_name = "qemu"
    disk.props.driver_type = "qcow2"
    disk.props.source_file = f"/var/lib/images/{name}.qcow2"
    disk.props.target_dev = "vda"
    disk.props.target_bus = "virtio"
    config.add_device(disk)

    nic = GVirt.DomainInterface.new()
    nic.props.interface_type = GVirt.DomainInterfaceType.NETWORK
    nic.props.source_network = "default"
    nic.props.mac = "52:54:00:12:34:56"
    nic.props.model = "virtio"
    config.add_device(nic)

    graphics = GVirt.DomainGraphics.new()
    graphics.props.graphics_type = GVirt.DomainGraphicsType.VNC
    graphics.props.port = -1
    config.add_device(graphics)
    return config


def main(argv):
    uri = argv[1] if len(argv) > 1 else "test:///default"
    try:
        conn = GVirt.Connection.open_sync(uri, GVirt.ConnectionFlags.NONE, None)
        config = build_config("demo")
        print(config.to_xml(), end="")

        dom = conn.define_domain_sync(config, None)
        print(f"defined {dom.props.name} ({dom.props.uuid}), "
              f"{dom.props.state.value_nick}, persistent={dom.props.persistent}")
        dom.start_sync(None)
        print(f"started {dom.props.name}, id {dom.props.id}, {dom.props.state.value_nick}")
        for d in conn.get_domains():
            print(f"  {d.props.name}: {d.props.state.value_nick}")
    except GLib.Error as e:
        print("error:", e.message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
