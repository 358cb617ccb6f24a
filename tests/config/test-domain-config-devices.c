/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Tests of GVirtDomainConfig's typed devices, and of the XML it keeps until a device or property changes. */
#include <string.h>
#include <glib/gstdio.h>
#include <libvirt-gobject/config/gvirt-config.h>
#include <libvirt-gobject/gvirt-error.h>
#include <libvirt-gobject/gvirt-enum-types.h>

#include "libvirt-gobject/config/gvirt-domain-config-private.h"
#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"
#include "config-test-util.h"
#include "domain-config-test-util.h"

static void
test_devices_typed (void)
{
  g_autoptr(GVirtDomainConfig) config = parse_ok (fv0_xml);
  GListModel *devices = gvirt_domain_config_get_devices (config);
  g_autoptr(GVirtDomainDevice) nic = g_list_model_get_item (devices, 0);
  g_autoptr(GVirtDomainDevice) disk = g_list_model_get_item (devices, 1);
  g_autoptr(GVirtDomainDevice) cdrom = g_list_model_get_item (devices, 2);
  g_autoptr(GVirtDomainDevice) graphics = g_list_model_get_item (devices, 3);
  g_autoptr(GVirtDomainDevice) console = g_list_model_get_item (devices, 4);
  g_autoptr(GVirtDomainDevice) watchdog = g_list_model_get_item (devices, 5);

  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 6);
  g_assert_true (g_list_model_get_item_type (devices) == GVIRT_TYPE_DOMAIN_DEVICE);

  g_assert_true (GVIRT_IS_DOMAIN_INTERFACE (nic));
  g_assert_cmpint (gvirt_domain_interface_get_interface_type (GVIRT_DOMAIN_INTERFACE (nic)), ==,
                   GVIRT_DOMAIN_INTERFACE_TYPE_BRIDGE);
  g_assert_cmpstr (gvirt_domain_interface_get_source_bridge (GVIRT_DOMAIN_INTERFACE (nic)), ==, "xenbr0");
  g_assert_cmpstr (gvirt_domain_interface_get_mac (GVIRT_DOMAIN_INTERFACE (nic)), ==, "00:16:3e:5d:c7:9e");
  g_assert_cmpstr (gvirt_domain_interface_get_script (GVIRT_DOMAIN_INTERFACE (nic)), ==, "vif-bridge");

  g_assert_true (GVIRT_IS_DOMAIN_DISK (disk));
  g_assert_cmpint (gvirt_domain_disk_get_device (GVIRT_DOMAIN_DISK (disk)), ==, GVIRT_DOMAIN_DISK_DEVICE_DISK);
  g_assert_cmpstr (gvirt_domain_disk_get_source (GVIRT_DOMAIN_DISK (disk)), ==, "/root/fv0");
  g_assert_false (gvirt_domain_disk_get_readonly (GVIRT_DOMAIN_DISK (disk)));
  g_assert_cmpint (gvirt_domain_disk_get_disk_type (GVIRT_DOMAIN_DISK (cdrom)), ==, GVIRT_DOMAIN_DISK_TYPE_BLOCK);
  g_assert_cmpint (gvirt_domain_disk_get_device (GVIRT_DOMAIN_DISK (cdrom)), ==, GVIRT_DOMAIN_DISK_DEVICE_CDROM);
  g_assert_cmpstr (gvirt_domain_disk_get_source_dev (GVIRT_DOMAIN_DISK (cdrom)), ==, "/dev/sr0");
  g_assert_true (gvirt_domain_disk_get_readonly (GVIRT_DOMAIN_DISK (cdrom)));
  g_assert_true (gvirt_domain_config_find_disk (config, "hdc") == GVIRT_DOMAIN_DISK (cdrom));
  g_assert_null (gvirt_domain_config_find_disk (config, "sdz"));

  g_assert_true (GVIRT_IS_DOMAIN_GRAPHICS (graphics));
  g_assert_cmpint (gvirt_domain_graphics_get_port (GVIRT_DOMAIN_GRAPHICS (graphics)), ==, 5904);
  g_assert_cmpstr (gvirt_domain_graphics_get_keymap (GVIRT_DOMAIN_GRAPHICS (graphics)), ==, "de");
  g_assert_false (gvirt_domain_graphics_get_autoport (GVIRT_DOMAIN_GRAPHICS (graphics)));

  g_assert_true (GVIRT_IS_DOMAIN_CHARDEV (console));
  g_assert_cmpstr (gvirt_domain_device_get_kind (console), ==, "console");
  g_assert_cmpstr (gvirt_domain_chardev_get_tty (GVIRT_DOMAIN_CHARDEV (console)), ==, "/dev/pts/5");
  g_assert_cmpint (gvirt_domain_chardev_get_target_port (GVIRT_DOMAIN_CHARDEV (console)), ==, -1);

  g_assert_true (GVIRT_IS_DOMAIN_GENERIC_DEVICE (watchdog));
  g_assert_cmpstr (gvirt_domain_device_get_kind (watchdog), ==, "watchdog");
}

static void
test_devices_add_remove (void)
{
  g_autoptr(GVirtDomainConfig) config = parse_ok (fv0_xml);
  GListModel *devices = gvirt_domain_config_get_devices (config);
  g_autoptr(GVirtDomainDisk) disk = gvirt_domain_disk_new ();
  g_autoptr(GVirtDomainDisk) clash = gvirt_domain_disk_new ();
  g_autoptr(GVirtDomainDevice) nic = g_list_model_get_item (devices, 0);
  g_autoptr(GVirtDomainDevice) sound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *nic_xml = NULL;

  gvirt_domain_disk_set_disk_type (disk, GVIRT_DOMAIN_DISK_TYPE_FILE);
  gvirt_domain_disk_set_source_file (disk, "/var/lib/extra.img");
  gvirt_domain_disk_set_target_dev (disk, "hdb");
  g_assert_true (gvirt_domain_config_add_device (config, GVIRT_DOMAIN_DEVICE (disk), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 7);

  gvirt_domain_disk_set_target_dev (clash, "hdb");
  g_assert_false (gvirt_domain_config_add_device (config, GVIRT_DOMAIN_DEVICE (clash), &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* the added device is now a view of the config's element */
  gvirt_domain_disk_set_readonly (disk, TRUE);
  xml = gvirt_domain_config_to_xml (config);
  g_assert_nonnull (strstr (xml, "<source file='/var/lib/extra.img'/>"));
  g_assert_nonnull (strstr (xml, "<target dev='hdb'/>\n      <readonly/>"));

  g_assert_true (gvirt_domain_config_remove_device (config, nic));
  g_assert_false (gvirt_domain_config_remove_device (config, nic));
  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 6);
  nic_xml = gvirt_domain_device_to_xml (nic);
  g_assert_nonnull (strstr (nic_xml, "xenbr0"));
  g_clear_pointer (&xml, g_free);
  xml = gvirt_domain_config_to_xml (config);
  g_assert_null (strstr (xml, "xenbr0"));

  /* a removed device still works and can go back */
  gvirt_domain_interface_set_source_bridge (GVIRT_DOMAIN_INTERFACE (nic), "br1");
  g_assert_true (gvirt_domain_config_add_device (config, nic, NULL));
  g_clear_pointer (&xml, g_free);
  xml = gvirt_domain_config_to_xml (config);
  g_assert_nonnull (strstr (xml, "<source bridge='br1'/>"));

  sound = gvirt_domain_device_parse ("<sound model='ich6'><codec type='micro'/></sound>", &error);
  g_assert_no_error (error);
  g_assert_true (GVIRT_IS_DOMAIN_SOUND (sound));
  g_assert_cmpstr (gvirt_domain_sound_get_model (GVIRT_DOMAIN_SOUND (sound)), ==, "ich6");
  g_assert_true (gvirt_domain_config_add_device (config, sound, NULL));
  g_clear_pointer (&xml, g_free);
  xml = gvirt_domain_config_to_xml (config);
  g_assert_nonnull (strstr (xml, "<codec type='micro'/>"));
}

static void
test_device_outlives_config (void)
{
  GVirtDomainConfig *config = parse_ok (fv0_xml);
  g_autoptr(GVirtDomainDevice) disk = g_list_model_get_item (gvirt_domain_config_get_devices (config), 1);
  g_autoptr(GVirtDomainDevice) copy = NULL;

  g_object_unref (config);
  g_assert_cmpstr (gvirt_domain_disk_get_target_dev (GVIRT_DOMAIN_DISK (disk)), ==, "hda");
  copy = gvirt_domain_device_copy (disk);
  g_assert_true (gvirt_domain_device_equal (disk, copy));
  gvirt_domain_disk_set_target_dev (GVIRT_DOMAIN_DISK (copy), "hdd");
  g_assert_false (gvirt_domain_device_equal (disk, copy));
}

static void
test_devices_new (void)
{
  g_autoptr(GVirtDomainChardev) serial = gvirt_domain_chardev_new_with_kind ("serial");
  g_autoptr(GVirtDomainInput) input = gvirt_domain_input_new ();
  g_autoptr(GVirtDomainVideo) video = gvirt_domain_video_new ();
  g_autoptr(GVirtDomainGraphics) graphics = gvirt_domain_graphics_new ();
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  gvirt_domain_chardev_set_chardev_type (serial, GVIRT_DOMAIN_CHARDEV_TYPE_TCP);
  gvirt_domain_chardev_set_source_host (serial, "127.0.0.1");
  gvirt_domain_chardev_set_source_service (serial, "4555");
  gvirt_domain_chardev_set_source_mode (serial, "bind");
  gvirt_domain_chardev_set_protocol (serial, "telnet");
  gvirt_domain_chardev_set_target_port (serial, 0);
  a = gvirt_domain_device_to_xml (GVIRT_DOMAIN_DEVICE (serial));
  g_assert_cmpstr (a, ==,
                   "<serial type=\"tcp\">\n"
                   "  <source host=\"127.0.0.1\" service=\"4555\" mode=\"bind\"/>\n"
                   "  <protocol type=\"telnet\"/>\n"
                   "  <target port=\"0\"/>\n"
                   "</serial>\n");

  gvirt_domain_input_set_input_type (input, "tablet");
  gvirt_domain_input_set_bus (input, "usb");
  b = gvirt_domain_device_to_xml (GVIRT_DOMAIN_DEVICE (input));
  g_assert_cmpstr (b, ==, "<input type=\"tablet\" bus=\"usb\"/>\n");

  gvirt_domain_video_set_model (video, "qxl");
  gvirt_domain_video_set_vram (video, 65536);
  gvirt_domain_video_set_heads (video, 1);
  c = gvirt_domain_device_to_xml (GVIRT_DOMAIN_DEVICE (video));
  g_assert_cmpstr (c, ==, "<video>\n  <model type=\"qxl\" vram=\"65536\" heads=\"1\"/>\n</video>\n");

  g_object_set (graphics, "graphics-type", GVIRT_DOMAIN_GRAPHICS_TYPE_SPICE, "port", -1,
                "autoport", TRUE, "listen", "0.0.0.0", "passwd", "s3cret", NULL);
  d = gvirt_domain_device_to_xml (GVIRT_DOMAIN_DEVICE (graphics));
  g_assert_cmpstr (d, ==,
                   "<graphics type=\"spice\" port=\"-1\" autoport=\"yes\" listen=\"0.0.0.0\" passwd=\"s3cret\"/>\n");
}

static void
test_devices_kinds (void)
{
  static const char xml[] =
    "<domain type='xen'><name>k</name><memory>1024</memory><devices>"
    "<interface type='mcast'><source address='230.0.0.1' port='5558'/><mac address='00:11:22:33:44:55'/></interface>"
    "<interface type='server'><source address='192.168.0.1' port='5559'/></interface>"
    "<interface type='ethernet'><script path='/etc/qemu-ifup'/><target dev='vnet7'/><ip address='10.0.0.5'/></interface>"
    "<interface type='network'><source network='default'/><model type='e1000'/></interface>"
    "<interface type='vdpa'><source dev='/dev/vhost-vdpa-0'/></interface>"
    "<graphics type='sdl' display=':0.0' xauth='/root/.Xauthority' fullscreen='yes'/>"
    "<graphics type='spice' port='5903' tlsPort='5904' autoport='no' listen='127.0.0.1' passwd='x'/>"
    "<serial type='file'><source path='/var/log/serial.log'/><target port='0'/></serial>"
    "<parallel type='dev'><source path='/dev/parport0'/><target port='0'/></parallel>"
    "<channel type='unix'><source mode='bind' path='/tmp/guestfwd'/><target type='virtio'/></channel>"
    "<disk type='network' device='disk'><source protocol='nbd' name='export'/><target dev='xvda' bus='xen'/>"
    "<shareable/><serial>WD-1234</serial></disk>"
    "<disk type='dir' device='floppy'><source dir='/srv/floppy'/><target dev='fda'/></disk>"
    "</devices></domain>";
  g_autoptr(GVirtDomainConfig) config = parse_ok (xml);
  GListModel *devices = gvirt_domain_config_get_devices (config);
  g_autoptr(GVirtDomainDevice) mcast = g_list_model_get_item (devices, 0);
  g_autoptr(GVirtDomainDevice) server = g_list_model_get_item (devices, 1);
  g_autoptr(GVirtDomainDevice) ethernet = g_list_model_get_item (devices, 2);
  g_autoptr(GVirtDomainDevice) network = g_list_model_get_item (devices, 3);
  g_autoptr(GVirtDomainDevice) vdpa = g_list_model_get_item (devices, 4);
  g_autoptr(GVirtDomainDevice) sdl = g_list_model_get_item (devices, 5);
  g_autoptr(GVirtDomainDevice) spice = g_list_model_get_item (devices, 6);
  g_autoptr(GVirtDomainDevice) serial = g_list_model_get_item (devices, 7);
  g_autoptr(GVirtDomainDevice) parallel = g_list_model_get_item (devices, 8);
  g_autoptr(GVirtDomainDevice) channel = g_list_model_get_item (devices, 9);
  g_autoptr(GVirtDomainDevice) nbd = g_list_model_get_item (devices, 10);
  g_autoptr(GVirtDomainDevice) floppy = g_list_model_get_item (devices, 11);

  g_assert_cmpint (gvirt_domain_interface_get_interface_type (GVIRT_DOMAIN_INTERFACE (mcast)), ==,
                   GVIRT_DOMAIN_INTERFACE_TYPE_MCAST);
  g_assert_cmpstr (gvirt_domain_interface_get_source_address (GVIRT_DOMAIN_INTERFACE (mcast)), ==, "230.0.0.1");
  g_assert_cmpuint (gvirt_domain_interface_get_source_port (GVIRT_DOMAIN_INTERFACE (mcast)), ==, 5558);
  g_assert_cmpint (gvirt_domain_interface_get_interface_type (GVIRT_DOMAIN_INTERFACE (server)), ==,
                   GVIRT_DOMAIN_INTERFACE_TYPE_SERVER);
  g_assert_cmpstr (gvirt_domain_interface_get_script (GVIRT_DOMAIN_INTERFACE (ethernet)), ==, "/etc/qemu-ifup");
  g_assert_cmpstr (gvirt_domain_interface_get_target_dev (GVIRT_DOMAIN_INTERFACE (ethernet)), ==, "vnet7");
  g_assert_cmpstr (gvirt_domain_interface_get_ip (GVIRT_DOMAIN_INTERFACE (ethernet)), ==, "10.0.0.5");
  g_assert_cmpstr (gvirt_domain_interface_get_source_network (GVIRT_DOMAIN_INTERFACE (network)), ==, "default");
  g_assert_cmpstr (gvirt_domain_interface_get_model (GVIRT_DOMAIN_INTERFACE (network)), ==, "e1000");
  /* a type GVirt has no value for is OTHER, and kept as written */
  g_assert_cmpint (gvirt_domain_interface_get_interface_type (GVIRT_DOMAIN_INTERFACE (vdpa)), ==,
                   GVIRT_DOMAIN_INTERFACE_TYPE_OTHER);

  g_assert_cmpint (gvirt_domain_graphics_get_graphics_type (GVIRT_DOMAIN_GRAPHICS (sdl)), ==,
                   GVIRT_DOMAIN_GRAPHICS_TYPE_SDL);
  g_assert_cmpstr (gvirt_domain_graphics_get_display (GVIRT_DOMAIN_GRAPHICS (sdl)), ==, ":0.0");
  g_assert_true (gvirt_domain_graphics_get_fullscreen (GVIRT_DOMAIN_GRAPHICS (sdl)));
  g_assert_cmpint (gvirt_domain_graphics_get_port (GVIRT_DOMAIN_GRAPHICS (sdl)), ==, -1);
  g_assert_cmpint (gvirt_domain_graphics_get_tls_port (GVIRT_DOMAIN_GRAPHICS (spice)), ==, 5904);
  g_assert_false (gvirt_domain_graphics_get_autoport (GVIRT_DOMAIN_GRAPHICS (spice)));
  g_assert_cmpstr (gvirt_domain_graphics_get_listen (GVIRT_DOMAIN_GRAPHICS (spice)), ==, "127.0.0.1");
  g_assert_cmpstr (gvirt_domain_graphics_get_passwd (GVIRT_DOMAIN_GRAPHICS (spice)), ==, "x");

  g_assert_cmpint (gvirt_domain_chardev_get_chardev_type (GVIRT_DOMAIN_CHARDEV (serial)), ==,
                   GVIRT_DOMAIN_CHARDEV_TYPE_FILE);
  g_assert_cmpstr (gvirt_domain_chardev_get_source_path (GVIRT_DOMAIN_CHARDEV (serial)), ==, "/var/log/serial.log");
  g_assert_cmpint (gvirt_domain_chardev_get_target_port (GVIRT_DOMAIN_CHARDEV (serial)), ==, 0);
  g_assert_cmpstr (gvirt_domain_device_get_kind (parallel), ==, "parallel");
  g_assert_cmpint (gvirt_domain_chardev_get_chardev_type (GVIRT_DOMAIN_CHARDEV (parallel)), ==,
                   GVIRT_DOMAIN_CHARDEV_TYPE_DEV);
  g_assert_cmpstr (gvirt_domain_chardev_get_source_mode (GVIRT_DOMAIN_CHARDEV (channel)), ==, "bind");
  g_assert_cmpstr (gvirt_domain_chardev_get_target_type (GVIRT_DOMAIN_CHARDEV (channel)), ==, "virtio");

  g_assert_cmpint (gvirt_domain_disk_get_disk_type (GVIRT_DOMAIN_DISK (nbd)), ==, GVIRT_DOMAIN_DISK_TYPE_NETWORK);
  g_assert_cmpstr (gvirt_domain_disk_get_source_protocol (GVIRT_DOMAIN_DISK (nbd)), ==, "nbd");
  g_assert_cmpstr (gvirt_domain_disk_get_source (GVIRT_DOMAIN_DISK (nbd)), ==, "export");
  g_assert_cmpstr (gvirt_domain_disk_get_target_bus (GVIRT_DOMAIN_DISK (nbd)), ==, "xen");
  g_assert_true (gvirt_domain_disk_get_shareable (GVIRT_DOMAIN_DISK (nbd)));
  g_assert_cmpstr (gvirt_domain_disk_get_serial (GVIRT_DOMAIN_DISK (nbd)), ==, "WD-1234");
  g_assert_cmpint (gvirt_domain_disk_get_device (GVIRT_DOMAIN_DISK (floppy)), ==, GVIRT_DOMAIN_DISK_DEVICE_FLOPPY);
  g_assert_cmpstr (gvirt_domain_disk_get_source (GVIRT_DOMAIN_DISK (floppy)), ==, "/srv/floppy");
}

/* A domain with a device of each kind and a memory in GiB. */
static const char every_kind_xml[] =
  "<domain type='kvm'><name>kinds</name><memory unit='GiB'>1</memory><vcpu>1</vcpu>"
  "<os><type>hvm</type><boot dev='hd'/></os><features><acpi/></features>"
  "<devices><emulator>/usr/bin/qemu-kvm</emulator>"
  "<disk type='file' device='disk'><source file='/a.img'/><target dev='vda' bus='virtio'/></disk>"
  "<interface type='network'><source network='default'/><mac address='52:54:00:00:00:01'/></interface>"
  "<graphics type='vnc' port='-1' autoport='yes'/>"
  "<serial type='pty'><target port='0'/></serial><console type='pty'/>"
  "<input type='tablet' bus='usb'/><video><model type='vga'/></video><sound model='ich6'/>"
  "<watchdog model='i6300esb'/></devices></domain>";

/* to_xml() gives the tree as it is now: not an older text it kept, and
 * not the same text as @before when something changed. */
static void
assert_xml_current (GVirtDomainConfig *config,
                    xmlDocPtr          doc,
                    const char        *before,
                    const char        *what)
{
  g_autofree char *now = gvirt_domain_config_to_xml (config);
  g_autofree char *written = _gvirt_xml_to_string (doc);

  if (strcmp (now, written) != 0)
    g_error ("after %s, to_xml() gave an old text:\n%s", what, now);
  if (before != NULL && strcmp (now, before) == 0)
    g_error ("%s did not change the XML", what);
}

/* Sets @pspec of @object to a value it does not have. */
static void
change_property (GObject    *object,
                 GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GEnumClass) enum_class = NULL;
  guint i;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      if (strcmp (pspec->name, "uuid") == 0)
        g_value_take_string (&value, g_uuid_string_random ());
      else if (strcmp (pspec->name, "cpuset") == 0)
        g_value_set_string (&value, "0-3,^2");
      else
        g_value_take_string (&value, g_strdup_printf ("changed-%s", pspec->name));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (&value, !g_value_get_boolean (&value));
      break;
    case G_TYPE_INT:
      g_value_set_int (&value, g_value_get_int (&value) + 1);
      break;
    case G_TYPE_UINT:
      g_value_set_uint (&value, g_value_get_uint (&value) + 1);
      break;
    case G_TYPE_UINT64:
      g_value_set_uint64 (&value, g_value_get_uint64 (&value) + 1);
      break;
    case G_TYPE_ENUM:
      enum_class = g_type_class_ref (pspec->value_type);
      for (i = 0; i < enum_class->n_values; i++)
        if (enum_class->values[i].value != g_value_get_enum (&value) &&
            strcmp (enum_class->values[i].value_nick, "other") != 0)
          break;
      g_assert_cmpuint (i, <, enum_class->n_values);
      g_value_set_enum (&value, enum_class->values[i].value);
      break;
    default:
      g_assert_not_reached ();
    }
  g_object_set_property (object, pspec->name, &value);
}

/* Changes every writable property of @object, each after a to_xml(). */
static void
change_each_property (GVirtDomainConfig *config,
                      xmlDocPtr          doc,
                      GObject           *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint i, n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (i = 0; i < n; i++)
    {
      g_autofree char *before = gvirt_domain_config_to_xml (config);
      g_autofree char *what = g_strdup_printf ("%s:%s", G_OBJECT_TYPE_NAME (object), pspecs[i]->name);

      if (!(pspecs[i]->flags & G_PARAM_WRITABLE))
        continue;
      change_property (object, pspecs[i]);
      assert_xml_current (config, doc, before, what);
    }
}

/* to_xml() writes a configuration once and keeps the text until anything
 * changes: a property of the configuration or of a device, the devices,
 * the boot order, the features, the metadata. */
static void
test_xml_kept_until_changed (void)
{
  g_autoptr(GVirtDomainConfig) config = parse_ok (every_kind_xml);
  g_autoptr(GVirtDomainConfig) copy = NULL;
  g_autoptr(GVirtDomainDevice) first = NULL;
  GListModel *devices = gvirt_domain_config_get_devices (config);
  g_autofree char *before = NULL;
  const char *const boot[] = { "cdrom", "hd", NULL };
  GVirtDomainDisk *disk;
  xmlDocPtr doc;
  guint i;

  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 9);
  first = g_list_model_get_item (devices, 0);
  doc = _gvirt_domain_device_get_node (first)->doc;

  /* the same number in another unit */
  before = gvirt_domain_config_to_xml (config);
  gvirt_domain_config_set_memory (config, 1);
  assert_xml_current (config, doc, before, "set_memory in KiB of a memory in GiB");
  g_clear_pointer (&before, g_free);

  change_each_property (config, doc, G_OBJECT (config));
  for (i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(GObject) device = g_list_model_get_item (devices, i);

      change_each_property (config, doc, device);
    }

  before = gvirt_domain_config_to_xml (config);
  gvirt_domain_config_set_boot_devices (config, boot);
  assert_xml_current (config, doc, before, "set_boot_devices");
  g_clear_pointer (&before, g_free);

  before = gvirt_domain_config_to_xml (config);
  gvirt_domain_config_set_feature (config, "hap", TRUE);
  assert_xml_current (config, doc, before, "set_feature");
  g_clear_pointer (&before, g_free);

  before = gvirt_domain_config_to_xml (config);
  g_assert_true (gvirt_domain_config_set_metadata (config, "urn:app", "app", "<x>1</x>", NULL));
  assert_xml_current (config, doc, before, "set_metadata");
  g_clear_pointer (&before, g_free);

  before = gvirt_domain_config_to_xml (config);
  g_assert_true (gvirt_domain_config_set_metadata (config, "urn:app", "app", NULL, NULL));
  assert_xml_current (config, doc, before, "set_metadata to remove");
  g_clear_pointer (&before, g_free);

  before = gvirt_domain_config_to_xml (config);
  gvirt_domain_config_set_current_memory (config, 512);
  assert_xml_current (config, doc, before, "set_current_memory");
  g_clear_pointer (&before, g_free);

  before = gvirt_domain_config_to_xml (config);
  g_assert_true (gvirt_domain_config_remove_device (config, first));
  assert_xml_current (config, doc, before, "remove_device");
  g_clear_pointer (&before, g_free);

  /* a device out of the configuration changes it no more */
  before = gvirt_domain_config_to_xml (config);
  gvirt_domain_disk_set_target_dev (GVIRT_DOMAIN_DISK (first), "vdq");
  assert_xml_current (config, doc, NULL, "a change of a removed device");
  g_clear_pointer (&before, g_free);

  before = gvirt_domain_config_to_xml (config);
  g_assert_true (gvirt_domain_config_add_device (config, first, NULL));
  assert_xml_current (config, doc, before, "add_device");
  g_clear_pointer (&before, g_free);

  /* a copy starts with the text, and each goes its own way */
  before = gvirt_domain_config_to_xml (config);
  copy = gvirt_domain_config_copy (config);
  disk = gvirt_domain_config_find_disk (copy, "vdq");
  gvirt_domain_disk_set_target_dev (disk, "vdr");
  assert_xml_current (config, doc, NULL, "a change of a copy");
  assert_xml_current (copy, _gvirt_domain_device_get_node (GVIRT_DOMAIN_DEVICE (disk))->doc,
                      before, "a change of the copy");
}

/* The device objects come when first asked for, whichever call asks. */
static void
test_devices_on_demand (void)
{
  g_autoptr(GVirtDomainConfig) config = parse_ok (fv0_xml);
  g_autoptr(GVirtDomainConfig) other = parse_ok (fv0_xml);
  g_autoptr(GVirtDomainConfig) copy = NULL;
  g_autoptr(GVirtDomainConfig) clashing = NULL;
  g_autoptr(GVirtDomainDevice) first = NULL;
  g_autoptr(GVirtDomainDevice) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  GVirtDomainDisk *cdrom = gvirt_domain_config_find_disk (config, "hdc");
  GVirtDomainDisk *added = gvirt_domain_disk_new ();
  GListModel *devices;

  /* find_disk first: the list then holds the same object */
  g_assert_nonnull (cdrom);
  devices = gvirt_domain_config_get_devices (config);
  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 6);
  last = g_list_model_get_item (devices, 2);
  g_assert_true (last == GVIRT_DOMAIN_DEVICE (cdrom));
  g_clear_object (&last);

  /* a device of another configuration is not one of this one's */
  first = g_list_model_get_item (gvirt_domain_config_get_devices (other), 0);
  g_clear_object (&other);
  other = parse_ok (fv0_xml);
  g_assert_false (gvirt_domain_config_remove_device (other, first));

  /* add_device first: the list holds the parsed devices, then the new one */
  gvirt_domain_disk_set_target_dev (added, "vdz");
  g_assert_true (gvirt_domain_config_add_device (other, GVIRT_DOMAIN_DEVICE (added), &error));
  g_assert_no_error (error);
  devices = gvirt_domain_config_get_devices (other);
  g_assert_cmpuint (g_list_model_get_n_items (devices), ==, 7);
  last = g_list_model_get_item (devices, 6);
  g_assert_true (last == GVIRT_DOMAIN_DEVICE (added));
  g_object_unref (added);

  /* a copy is not checked again: two disks made to share a target copy,
   * and the XML of the copy is then refused */
  gvirt_domain_disk_set_target_dev (cdrom, "hda");
  copy = gvirt_domain_config_copy (config);
  g_assert_nonnull (copy);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_domain_config_get_devices (copy)), ==, 6);
  xml = gvirt_domain_config_to_xml (copy);
  clashing = gvirt_domain_config_new_from_xml (xml, &error);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  g_assert_nonnull (strstr (error->message, "“hda” is used twice"));
  g_assert_null (clashing);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GVIRT_SCHEMA_DIR", GVIRT_TEST_SCHEMA_DIR, FALSE);

  g_test_add_func ("/domain-config/xml/kept-until-changed", test_xml_kept_until_changed);
  g_test_add_func ("/domain-config/devices/typed", test_devices_typed);
  g_test_add_func ("/domain-config/devices/kinds", test_devices_kinds);
  g_test_add_func ("/domain-config/devices/add-remove", test_devices_add_remove);
  g_test_add_func ("/domain-config/devices/outlive-config", test_device_outlives_config);
  g_test_add_func ("/domain-config/devices/new", test_devices_new);
  g_test_add_func ("/domain-config/devices/on-demand", test_devices_on_demand);

  return g_test_run ();
}
