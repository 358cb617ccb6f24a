/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers shared by the GVirtDomainConfig tests. */
#include <libvirt-gobject/config/gvirt-config.h>

#include "domain-config-test-util.h"

const char fv0_xml[] =
  "<domain type='test'>\n"
  "  <name>fv0</name>\n"
  "  <uuid>4dea22b31d52d8f32516782e98ab3fa0</uuid>\n"
  "  <os>\n"
  "    <type>hvm</type>\n"
  "    <loader>/usr/lib/xen/boot/hvmloader</loader>\n"
  "    <boot dev='hd'/>\n"
  "    <boot dev='cdrom'/>\n"
  "  </os>\n"
  "  <memory>524288</memory>\n"
  "  <maxMemory>1524288</maxMemory>\n"
  "  <vcpu>4</vcpu>\n"
  "  <on_poweroff>destroy</on_poweroff>\n"
  "  <on_reboot>restart</on_reboot>\n"
  "  <on_crash>rename-restart</on_crash>\n"
  "  <features><pae/><acpi/><apic/></features>\n"
  "  <devices>\n"
  "    <emulator>/usr/lib/xen/bin/qemu-dm</emulator>\n"
  "    <interface type='bridge'>\n"
  "      <source bridge='xenbr0'/>\n"
  "      <mac address='00:16:3e:5d:c7:9e'/>\n"
  "      <script path='vif-bridge'/>\n"
  "    </interface>\n"
  "    <disk type='file'>\n"
  "      <source file='/root/fv0'/>\n"
  "      <target dev='hda'/>\n"
  "    </disk>\n"
  "    <disk type='block' device='cdrom'>\n"
  "      <source dev='/dev/sr0'/>\n"
  "      <target dev='hdc'/>\n"
  "      <readonly/>\n"
  "    </disk>\n"
  "    <graphics type='vnc' port='5904' keymap='de'/>\n"
  "    <console tty='/dev/pts/5'/>\n"
  "    <watchdog model='i6300esb'/>\n"
  "  </devices>\n"
  "</domain>\n";

GVirtDomainConfig *
parse_ok (const char *xml)
{
  g_autoptr(GError) error = NULL;
  GVirtDomainConfig *config = gvirt_domain_config_new_from_xml (xml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (config);
  return config;
}
