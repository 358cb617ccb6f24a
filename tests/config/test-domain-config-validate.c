/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Tests of GVirtDomainConfig's validation: GVirt's schema and libvirt's own domain.rng. */
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
test_validate (void)
{
  g_autoptr(GVirtDomainConfig) config = parse_ok (fv0_xml);
  g_autoptr(GVirtDomainConfig) kvm = gvirt_domain_config_new_kvm ("web", 1048576, 2, "/var/lib/images/web.qcow2");
  g_autoptr(GVirtDomainConfig) bad = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gvirt_domain_config_validate (config, &error));
  g_assert_no_error (error);
  g_assert_true (gvirt_domain_config_validate (kvm, &error));
  g_assert_no_error (error);

  bad = parse_ok ("<domain type='test'>\n  <name>x</name>\n  <memory>1024</memory>\n"
                  "  <os><type>hvm</type></os>\n  <devices>\n"
                  "    <disk type='file' device='tape'><source file='/a'/><target dev='hda'/></disk>\n"
                  "  </devices>\n</domain>");
  g_assert_false (gvirt_domain_config_validate (bad, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  /* the line of the <disk> that is wrong, not of the <devices> holding it */
  g_assert_cmpstr (error->message, ==,
                   "line 6: the value of attribute “device” of element “disk” is not allowed.");
  g_clear_error (&error);
  g_clear_object (&bad);

  bad = parse_ok ("<domain type='bogus'>\n  <name>x</name>\n  <memory>1024</memory>\n</domain>");
  g_assert_false (gvirt_domain_config_validate (bad, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  g_assert_cmpstr (error->message, ==,
                   "line 1: an attribute of element “domain” is missing or has a value that is not allowed.");
}

/* Elements libvirt's schema does not know are refused where they are, with
 * their own line; the element names libvirt allows are accepted. */
static void
test_validate_strict (void)
{
  static const struct { const char *xml; const char *message; } cases[] = {
    { "<domain type='kvm'>\n  <name>x</name>\n  <memory>1024</memory>\n"
      "  <os><type>hvm</type></os>\n  <nonsense/>\n</domain>",
      "line 5: element “nonsense” is not allowed here." },
    { "<domain type='kvm'>\n  <name>x</name>\n  <memory>1024</memory>\n"
      "  <os><type>hvm</type></os>\n  <devices>\n"
      "    <disk type='file' device='disk'>\n      <source file='/a'/>\n"
      "      <target dev='vda'/>\n    </disk>\n    <nonsense/>\n  </devices>\n</domain>",
      "line 10: element “nonsense” is not allowed here." },
    { "<domain type='kvm'>\n  <name>x</name>\n  <memory>1024</memory>\n"
      "  <os><type>hvm</type></os>\n  <devices>\n"
      "    <disk type='file' device='disk'>\n      <source file='/a'/>\n"
      "      <target dev='vda'/>\n      <nonsense/>\n    </disk>\n  </devices>\n</domain>",
      "line 9: element “nonsense” is not allowed here." },
    { "<domain type='kvm'>\n  <name>x</name>\n  <memory>1024</memory>\n"
      "  <os>\n    <type>hvm</type>\n    <nonsense/>\n  </os>\n</domain>",
      "line 6: element “nonsense” is not allowed here." },
    { "<domain type='kvm'>\n  <name>x</name>\n  <memory>1024</memory>\n"
      "  <os><type>hvm</type></os>\n  <devices>\n"
      "    <interface type='network'>\n      <source network='default'/>\n"
      "      <ip address='300.1.1.1'/>\n    </interface>\n  </devices>\n</domain>",
      "line 8: the value of attribute “address” of element “ip” is not allowed." },
    { "<domain type='kvm'>\n  <name>x</name>\n  <memory>1024</memory>\n"
      "  <os><type>hvm</type></os>\n  <devices>\n"
      "    <disk type='file' device='disk' bogus='1'>\n      <source file='/a'/>\n"
      "      <target dev='vda'/>\n    </disk>\n  </devices>\n</domain>",
      "line 6: element “disk” does not allow attribute “bogus”." },
    { "<domain type='kvm' bogus='1'>\n  <name>x</name>\n  <memory>1024</memory>\n"
      "  <os><type>hvm</type></os>\n</domain>",
      "line 1: element “domain” does not allow attribute “bogus”." },
    { "<domain type='kvm'>\n  <name>x</name>\n  <memory>1024</memory>\n"
      "  <os><type>hvm</type></os>\n  <devices>\n"
      "    <disk type='file' device='disk'>\n      <source file='/a'>\n"
      "        <nonsense/>\n      </source>\n      <target dev='vda'/>\n    </disk>\n"
      "  </devices>\n</domain>",
      "line 8: element “nonsense” is not allowed here." },
    /* "dev" is an attribute of <target>, not of <disk> */
    { "<domain type='kvm'>\n  <name>x</name>\n  <memory>1024</memory>\n"
      "  <os><type>hvm</type></os>\n  <devices>\n"
      "    <disk type='file' dev='vda'>\n      <source file='/a'/>\n"
      "      <target dev='vda'/>\n    </disk>\n  </devices>\n</domain>",
      "line 6: element “disk” does not allow attribute “dev”, or not with this value." },
  };
  static const char *const good[] = {
    "<domain type='kvm'><name>x</name><memory>1024</memory><os><type>hvm</type></os>"
    "<devices><disk type='vhostvdpa' device='disk'><driver name='qemu' type='raw'/>"
    "<source dev='/dev/vhost-vdpa-0'/><target dev='vda' bus='virtio'/></disk></devices></domain>",
    "<domain type='kvm'><name>x</name><memory>1024</memory><os><type>hvm</type></os>"
    "<cputune><shares>2048</shares></cputune><pm><suspend-to-mem enabled='no'/></pm>"
    "<devices><rng model='virtio'><backend model='random'>/dev/urandom</backend></rng></devices></domain>",
    "<domain type='kvm'><name>x</name><memory unit='KiB' dumpCore='off'>1024</memory>"
    "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>"
    "<disk type='file' device='disk' snapshot='no'><driver name='qemu' type='qcow2' cache='none'/>"
    "<source file='/a' startupPolicy='optional'><seclabel model='dac' relabel='no'/></source>"
    "<target dev='vda' bus='virtio'/></disk>"
    "<graphics type='vnc' port='-1' autoport='yes' listen='0.0.0.0' keymap='en-us'/></devices></domain>",
    "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>x</name>"
    "<memory>1024</memory><os><type>hvm</type></os>"
    "<qemu:commandline><qemu:arg value='-S'/></qemu:commandline></domain>",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVirtDomainConfig) config = parse_ok (cases[i].xml);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].xml);
      g_assert_false (gvirt_domain_config_validate (config, &error));
      g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
  for (i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GVirtDomainConfig) config = parse_ok (good[i]);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", good[i]);
      g_assert_true (gvirt_domain_config_validate (config, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(GVirtDomainConfig) config = parse_ok (good[0]);
    GVirtDomainDisk *disk = gvirt_domain_config_find_disk (config, "vda");

    g_assert_nonnull (disk);
    g_assert_cmpint (gvirt_domain_disk_get_disk_type (disk), ==, GVIRT_DOMAIN_DISK_TYPE_VHOSTVDPA);
  }
}

/* A schema file that is missing or is not a schema is a GError, and libxml2
 * prints nothing: run in a subprocess whose stderr is checked. */
static void
test_validate_bad_schema (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new_test ("t", 8192);
      g_autofree char *dir = g_dir_make_tmp ("gvirt-schema-XXXXXX", NULL);
      g_autofree char *missing = g_build_filename (dir, "missing.rng", NULL);
      g_autofree char *broken = g_build_filename (dir, "broken.rng", NULL);
      g_autofree char *expected = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (gvirt_domain_config_validate_with_schema (config, missing, &error));
      g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED);
      expected = g_strdup_printf ("The Relax-NG schema “%s” does not exist.", missing);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);

      g_assert_true (g_file_set_contents (broken, "<grammar><start>", -1, NULL));
      g_assert_false (gvirt_domain_config_validate_with_schema (config, broken, &error));
      g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED);
      g_assert_true (g_str_has_prefix (error->message, "Could not load the Relax-NG schema “"));
      g_clear_error (&error);
      g_assert_true (g_file_set_contents (broken, "<grammar xmlns='http://relaxng.org/ns/structure/1.0'>"
                                          "<start><ref name='nowhere'/></start></grammar>", -1, NULL));
      g_assert_false (gvirt_domain_config_validate_with_schema (config, broken, &error));
      g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED);
      g_clear_error (&error);

      g_remove (broken);
      g_rmdir (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

static void
test_libvirt_schema (void)
{
  g_autofree char *schema = config_test_libvirt_schema ("domain.rng");
  g_autoptr(GVirtDomainConfig) kvm = gvirt_domain_config_new_kvm ("web", 1048576, 2, "/var/lib/images/web.img");
  g_autoptr(GVirtDomainConfig) test = gvirt_domain_config_new_test ("t", 8192);
  g_autoptr(GError) error = NULL;

  if (schema == NULL)
    {
      g_test_skip ("libvirt's domain.rng is neither in GVIRT_CORPUS_DIR nor in /usr/share/libvirt/schemas");
      return;
    }
  g_assert_true (gvirt_domain_config_validate_with_schema (kvm, schema, &error));
  g_assert_no_error (error);
  g_assert_true (gvirt_domain_config_validate_with_schema (test, schema, &error));
  g_assert_no_error (error);
}

/* ---- Every settable property, checked against libvirt's own domain.rng ---- */

typedef struct {
  const char *schema;      /* libvirt's domain.rng, or NULL */
  GHashTable *set;         /* GType name -> set of property names notified */
  GPtrArray  *failures;
} Everything;

static void
everything_track (Everything *e,
                  gpointer    object)
{
  const char *type = G_OBJECT_TYPE_NAME (object);
  GHashTable *names = g_hash_table_lookup (e->set, type);

  if (names == NULL)
    {
      names = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (e->set, (gpointer) type, names);
    }
  config_test_track_notify (object, names);
}

/* A small valid guest of @type to carry one device under test. */
static GVirtDomainConfig *
everything_base (Everything *e,
                 const char *type)
{
  GVirtDomainConfig *config = gvirt_domain_config_new ();

  gvirt_domain_config_set_domain_type (config, type);
  gvirt_domain_config_set_name (config, "all");
  gvirt_domain_config_set_memory (config, 65536);
  gvirt_domain_config_set_os_type (config, "hvm");
  return config;
}

/* Validates @config against both schemas; records each failure. */
static void
everything_check (Everything        *e,
                  GVirtDomainConfig *config,
                  const char        *what)
{
  g_autofree char *xml = gvirt_domain_config_to_xml (config);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainConfig) back = NULL;

  if (!gvirt_domain_config_validate (config, &error))
    {
      g_ptr_array_add (e->failures, g_strdup_printf ("%s: GVirt's schema: %s\n%s", what, error->message, xml));
      g_clear_error (&error);
    }
  if (e->schema != NULL && !gvirt_domain_config_validate_with_schema (config, e->schema, &error))
    {
      g_ptr_array_add (e->failures, g_strdup_printf ("%s: libvirt's schema: %s\n%s", what, error->message, xml));
      g_clear_error (&error);
    }
  back = gvirt_domain_config_new_from_xml (xml, &error);
  if (back == NULL)
    g_ptr_array_add (e->failures, g_strdup_printf ("%s: does not parse back: %s\n%s", what, error->message, xml));
  else if (!gvirt_domain_config_equal (config, back))
    g_ptr_array_add (e->failures, g_strdup_printf ("%s: parses back as something else\n%s", what, xml));
}

/* Adds @device to a base guest of @type, checks it, and drops it. */
static void
everything_device (Everything        *e,
                   const char        *type,
                   gpointer           device,
                   const char        *what)
{
  g_autoptr(GVirtDomainConfig) config = everything_base (e, type);
  g_autoptr(GError) error = NULL;

  if (!gvirt_domain_config_add_device (config, device, &error))
    {
      g_ptr_array_add (e->failures, g_strdup_printf ("%s: add_device: %s", what, error->message));
      g_object_unref (device);
      return;
    }
  everything_check (e, config, what);
  g_object_unref (device);
}

static void
everything_domain (Everything *e)
{
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new ();
  g_autoptr(GEnumClass) actions = g_type_class_ref (GVIRT_TYPE_LIFECYCLE_ACTION);
  const char *boot[] = { "cdrom", "hd", "network", "fd", NULL };
  g_autoptr(GError) error = NULL;
  guint i;

  everything_track (e, config);
  gvirt_domain_config_set_domain_type (config, "kvm");
  gvirt_domain_config_set_id (config, 7);
  gvirt_domain_config_set_name (config, "everything");
  gvirt_domain_config_set_uuid (config, "00112233-4455-6677-8899-aabbccddeeff");
  gvirt_domain_config_set_title (config, "Every property");
  gvirt_domain_config_set_description (config, "A guest with every property GVirt sets");
  gvirt_domain_config_set_memory (config, 1048576);
  gvirt_domain_config_set_current_memory (config, 524288);
  gvirt_domain_config_set_max_memory (config, 2097152);
  /* libvirt 9.0's schema wants the slots with the limit */
  gvirt_domain_config_set_max_memory_slots (config, 16);
  gvirt_domain_config_set_vcpus (config, 4);
  gvirt_domain_config_set_current_vcpus (config, 2);
  gvirt_domain_config_set_cpuset (config, "0-3,^2");
  gvirt_domain_config_set_os_type (config, "hvm");
  gvirt_domain_config_set_arch (config, "x86_64");
  gvirt_domain_config_set_machine (config, "pc");
  gvirt_domain_config_set_kernel (config, "/boot/vmlinuz");
  gvirt_domain_config_set_initrd (config, "/boot/initrd.img");
  gvirt_domain_config_set_cmdline (config, "console=ttyS0 root=/dev/vda1");
  gvirt_domain_config_set_root (config, "/dev/vda1");
  gvirt_domain_config_set_loader (config, "/usr/share/seabios/bios.bin");
  gvirt_domain_config_set_boot_devices (config, boot);
  gvirt_domain_config_set_pae (config, TRUE);
  gvirt_domain_config_set_acpi (config, TRUE);
  gvirt_domain_config_set_apic (config, TRUE);
  gvirt_domain_config_set_feature (config, "hap", TRUE);
  gvirt_domain_config_set_clock_offset (config, "utc");
  gvirt_domain_config_set_on_poweroff (config, GVIRT_LIFECYCLE_ACTION_PRESERVE);
  gvirt_domain_config_set_on_reboot (config, GVIRT_LIFECYCLE_ACTION_DESTROY);
  gvirt_domain_config_set_on_crash (config, GVIRT_LIFECYCLE_ACTION_COREDUMP_RESTART);
  gvirt_domain_config_set_emulator (config, "/usr/bin/qemu-system-x86_64");
  g_assert_true (gvirt_domain_config_set_metadata (config, "http://example.org/app", "app",
                                                   "<owner>ops</owner>", &error));
  everything_check (e, config, "domain, hvm");

  /* a Xen paravirtualised guest boots from a bootloader */
  gvirt_domain_config_set_domain_type (config, "xen");
  gvirt_domain_config_set_os_type (config, "xen");
  gvirt_domain_config_set_loader (config, NULL);
  gvirt_domain_config_set_boot_devices (config, NULL);
  gvirt_domain_config_set_machine (config, NULL);
  gvirt_domain_config_set_bootloader (config, "/usr/bin/pygrub");
  gvirt_domain_config_set_bootloader_args (config, "--kernel=/boot/vmlinuz");
  everything_check (e, config, "domain, xen");

  /* every lifecycle action where the format allows it: coredump-* on a crash alone */
  for (i = 0; i < actions->n_values; i++)
    {
      GVirtLifecycleAction action = actions->values[i].value;
      gboolean crash_only = action == GVIRT_LIFECYCLE_ACTION_COREDUMP_DESTROY ||
                            action == GVIRT_LIFECYCLE_ACTION_COREDUMP_RESTART;
      g_autofree char *what = g_strdup_printf ("on_* %s", actions->values[i].value_nick);

      if (!crash_only)
        {
          gvirt_domain_config_set_on_poweroff (config, action);
          gvirt_domain_config_set_on_reboot (config, action);
        }
      gvirt_domain_config_set_on_crash (config, action);
      everything_check (e, config, what);
    }

  /* elsewhere both schemas refuse it */
  gvirt_domain_config_set_on_poweroff (config, GVIRT_LIFECYCLE_ACTION_COREDUMP_DESTROY);
  g_assert_false (gvirt_domain_config_validate (config, NULL));
  if (e->schema != NULL)
    g_assert_false (gvirt_domain_config_validate_with_schema (config, e->schema, NULL));
}

static void
everything_disks (Everything *e)
{
  static const struct { GVirtDomainDiskType type; const char *prop; const char *value; } sources[] = {
    { GVIRT_DOMAIN_DISK_TYPE_FILE, "source-file", "/var/lib/images/a.qcow2" },
    { GVIRT_DOMAIN_DISK_TYPE_BLOCK, "source-dev", "/dev/sdb" },
    { GVIRT_DOMAIN_DISK_TYPE_DIR, "source-dir", "/srv/floppy" },
    { GVIRT_DOMAIN_DISK_TYPE_NETWORK, "source-name", "pool/image" },
  };
  g_autoptr(GEnumClass) devices = g_type_class_ref (GVIRT_TYPE_DOMAIN_DISK_DEVICE);
  guint i, d;

  for (i = 0; i < G_N_ELEMENTS (sources); i++)
    for (d = 0; d < devices->n_values; d++)
      {
        GVirtDomainDiskDevice device = devices->values[d].value;
        GVirtDomainDisk *disk = gvirt_domain_disk_new ();
        g_autofree char *what = NULL;

        /* a LUN is passed through from a block device or the network */
        if (device == GVIRT_DOMAIN_DISK_DEVICE_OTHER ||
            (device == GVIRT_DOMAIN_DISK_DEVICE_LUN &&
             sources[i].type != GVIRT_DOMAIN_DISK_TYPE_BLOCK &&
             sources[i].type != GVIRT_DOMAIN_DISK_TYPE_NETWORK))
          {
            g_object_unref (disk);
            continue;
          }
        everything_track (e, disk);
        gvirt_domain_disk_set_disk_type (disk, sources[i].type);
        gvirt_domain_disk_set_device (disk, device);
        gvirt_domain_disk_set_driver_name (disk, "qemu");
        gvirt_domain_disk_set_driver_type (disk, sources[i].type == GVIRT_DOMAIN_DISK_TYPE_DIR ? "fat" : "raw");
        if (sources[i].type == GVIRT_DOMAIN_DISK_TYPE_NETWORK)
          gvirt_domain_disk_set_source_protocol (disk, "rbd");
        g_object_set (disk, sources[i].prop, sources[i].value, NULL);
        gvirt_domain_disk_set_target_dev (disk, device == GVIRT_DOMAIN_DISK_DEVICE_FLOPPY ? "fda" : "sda");
        gvirt_domain_disk_set_target_bus (disk, device == GVIRT_DOMAIN_DISK_DEVICE_FLOPPY ? "fdc" : "scsi");
        gvirt_domain_disk_set_readonly (disk, TRUE);
        gvirt_domain_disk_set_shareable (disk, TRUE);
        if (device != GVIRT_DOMAIN_DISK_DEVICE_LUN)
          gvirt_domain_disk_set_serial (disk, "WD-1234");
        what = g_strdup_printf ("disk %s %s", g_enum_get_value (g_type_class_peek (GVIRT_TYPE_DOMAIN_DISK_TYPE), sources[i].type)->value_nick,
                                devices->values[d].value_nick);
        everything_device (e, "kvm", disk, what);
      }
}

static void
everything_interfaces (Everything *e)
{
  g_autoptr(GEnumClass) types = g_type_class_ref (GVIRT_TYPE_DOMAIN_INTERFACE_TYPE);
  guint i;

  for (i = 0; i < types->n_values; i++)
    {
      GVirtDomainInterfaceType type = types->values[i].value;
      GVirtDomainInterface *iface;
      g_autofree char *what = g_strdup_printf ("interface %s", types->values[i].value_nick);

      /* these take sources GVirt keeps but does not model (a PCI address,
       * a vhost-user socket, a <local> endpoint): not for the API alone */
      if (type == GVIRT_DOMAIN_INTERFACE_TYPE_OTHER ||
          type == GVIRT_DOMAIN_INTERFACE_TYPE_HOSTDEV ||
          type == GVIRT_DOMAIN_INTERFACE_TYPE_VHOSTUSER ||
          type == GVIRT_DOMAIN_INTERFACE_TYPE_UDP)
        continue;
      iface = gvirt_domain_interface_new ();
      everything_track (e, iface);
      gvirt_domain_interface_set_interface_type (iface, type);
      gvirt_domain_interface_set_mac (iface, "52:54:00:12:34:56");
      gvirt_domain_interface_set_model (iface, "virtio");
      switch (type)
        {
        case GVIRT_DOMAIN_INTERFACE_TYPE_BRIDGE:
          gvirt_domain_interface_set_source_bridge (iface, "br0");
          gvirt_domain_interface_set_target_dev (iface, "vnet0");
          gvirt_domain_interface_set_script (iface, "/etc/qemu-ifup");
          break;
        case GVIRT_DOMAIN_INTERFACE_TYPE_NETWORK:
          gvirt_domain_interface_set_source_network (iface, "default");
          break;
        case GVIRT_DOMAIN_INTERFACE_TYPE_ETHERNET:
          gvirt_domain_interface_set_target_dev (iface, "vnet1");
          gvirt_domain_interface_set_script (iface, "/etc/qemu-ifup");
          gvirt_domain_interface_set_ip (iface, "10.0.0.5");
          break;
        case GVIRT_DOMAIN_INTERFACE_TYPE_MCAST:
        case GVIRT_DOMAIN_INTERFACE_TYPE_SERVER:
        case GVIRT_DOMAIN_INTERFACE_TYPE_CLIENT:
          gvirt_domain_interface_set_source_address (iface, type == GVIRT_DOMAIN_INTERFACE_TYPE_MCAST ? "230.0.0.1" : "192.168.0.1");
          gvirt_domain_interface_set_source_port (iface, 5558);
          break;
        case GVIRT_DOMAIN_INTERFACE_TYPE_DIRECT:
          gvirt_domain_interface_set_source_dev (iface, "eth0");
          break;
        case GVIRT_DOMAIN_INTERFACE_TYPE_USER:
        case GVIRT_DOMAIN_INTERFACE_TYPE_HOSTDEV:
        case GVIRT_DOMAIN_INTERFACE_TYPE_VHOSTUSER:
        case GVIRT_DOMAIN_INTERFACE_TYPE_UDP:
        case GVIRT_DOMAIN_INTERFACE_TYPE_OTHER:
        default:
          break;
        }
      everything_device (e, "kvm", iface, what);
    }
}

static void
everything_graphics (Everything *e)
{
  g_autoptr(GEnumClass) types = g_type_class_ref (GVIRT_TYPE_DOMAIN_GRAPHICS_TYPE);
  guint i;

  for (i = 0; i < types->n_values; i++)
    {
      GVirtDomainGraphicsType type = types->values[i].value;
      GVirtDomainGraphics *graphics;
      g_autofree char *what = g_strdup_printf ("graphics %s", types->values[i].value_nick);

      if (type == GVIRT_DOMAIN_GRAPHICS_TYPE_OTHER)
        continue;
      graphics = gvirt_domain_graphics_new ();
      everything_track (e, graphics);
      gvirt_domain_graphics_set_graphics_type (graphics, type);
      switch (type)
        {
        case GVIRT_DOMAIN_GRAPHICS_TYPE_SPICE:
          gvirt_domain_graphics_set_tls_port (graphics, 5901);
          G_GNUC_FALLTHROUGH;
        case GVIRT_DOMAIN_GRAPHICS_TYPE_VNC:
          gvirt_domain_graphics_set_port (graphics, 5900);
          gvirt_domain_graphics_set_autoport (graphics, TRUE);
          gvirt_domain_graphics_set_autoport (graphics, FALSE);
          gvirt_domain_graphics_set_listen (graphics, "127.0.0.1");
          gvirt_domain_graphics_set_keymap (graphics, "de");
          gvirt_domain_graphics_set_passwd (graphics, "s3cret");
          break;
        case GVIRT_DOMAIN_GRAPHICS_TYPE_RDP:
          gvirt_domain_graphics_set_port (graphics, 3389);
          gvirt_domain_graphics_set_autoport (graphics, TRUE);
          gvirt_domain_graphics_set_listen (graphics, "127.0.0.1");
          break;
        case GVIRT_DOMAIN_GRAPHICS_TYPE_SDL:
        case GVIRT_DOMAIN_GRAPHICS_TYPE_DESKTOP:
          gvirt_domain_graphics_set_display (graphics, ":0.0");
          gvirt_domain_graphics_set_fullscreen (graphics, TRUE);
          if (type == GVIRT_DOMAIN_GRAPHICS_TYPE_SDL)
            gvirt_domain_graphics_set_xauth (graphics, "/root/.Xauthority");
          break;
        case GVIRT_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS:
        case GVIRT_DOMAIN_GRAPHICS_TYPE_DBUS:
        case GVIRT_DOMAIN_GRAPHICS_TYPE_OTHER:
        default:
          break;
        }
      everything_device (e, "kvm", graphics, what);
    }
}

static void
everything_chardevs (Everything *e)
{
  static const char *const kinds[] = { "console", "serial", "parallel", "channel" };
  g_autoptr(GEnumClass) types = g_type_class_ref (GVIRT_TYPE_DOMAIN_CHARDEV_TYPE);
  guint k, i;

  for (k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (i = 0; i < types->n_values; i++)
      {
        GVirtDomainChardevType type = types->values[i].value;
        GVirtDomainChardev *chardev;
        g_autofree char *what = g_strdup_printf ("%s %s", kinds[k], types->values[i].value_nick);

        if (type == GVIRT_DOMAIN_CHARDEV_TYPE_OTHER)
          continue;
        chardev = gvirt_domain_chardev_new_with_kind (kinds[k]);
        everything_track (e, chardev);
        gvirt_domain_chardev_set_chardev_type (chardev, type);
        switch (type)
          {
          case GVIRT_DOMAIN_CHARDEV_TYPE_PTY:
            /* the tty attribute is for consoles, serial and parallel ports */
            if (strcmp (kinds[k], "channel") != 0)
              gvirt_domain_chardev_set_tty (chardev, "/dev/pts/3");
            gvirt_domain_chardev_set_source_path (chardev, "/dev/pts/3");
            break;
          case GVIRT_DOMAIN_CHARDEV_TYPE_FILE:
          case GVIRT_DOMAIN_CHARDEV_TYPE_DEV:
          case GVIRT_DOMAIN_CHARDEV_TYPE_PIPE:
            gvirt_domain_chardev_set_source_path (chardev, "/var/log/guest.log");
            break;
          case GVIRT_DOMAIN_CHARDEV_TYPE_UNIX:
            gvirt_domain_chardev_set_source_mode (chardev, "bind");
            gvirt_domain_chardev_set_source_path (chardev, "/run/guest.sock");
            break;
          case GVIRT_DOMAIN_CHARDEV_TYPE_TCP:
            gvirt_domain_chardev_set_source_mode (chardev, "bind");
            gvirt_domain_chardev_set_source_host (chardev, "127.0.0.1");
            gvirt_domain_chardev_set_source_service (chardev, "4555");
            gvirt_domain_chardev_set_protocol (chardev, "telnet");
            break;
          case GVIRT_DOMAIN_CHARDEV_TYPE_UDP:
            gvirt_domain_chardev_set_source_mode (chardev, "connect");
            gvirt_domain_chardev_set_source_host (chardev, "127.0.0.1");
            gvirt_domain_chardev_set_source_service (chardev, "4556");
            break;
          case GVIRT_DOMAIN_CHARDEV_TYPE_NULL:
          case GVIRT_DOMAIN_CHARDEV_TYPE_VC:
          case GVIRT_DOMAIN_CHARDEV_TYPE_STDIO:
          case GVIRT_DOMAIN_CHARDEV_TYPE_SPICEVMC:
          case GVIRT_DOMAIN_CHARDEV_TYPE_OTHER:
          default:
            break;
          }
        if (strcmp (kinds[k], "channel") == 0)
          gvirt_domain_chardev_set_target_type (chardev, "virtio");
        else if (strcmp (kinds[k], "console") == 0)
          gvirt_domain_chardev_set_target_type (chardev, "serial");
        else if (strcmp (kinds[k], "serial") == 0)
          gvirt_domain_chardev_set_target_type (chardev, "isa-serial");
        if (strcmp (kinds[k], "channel") != 0)
          gvirt_domain_chardev_set_target_port (chardev, 0);
        everything_device (e, "kvm", chardev, what);
      }
}

static void
everything_small_devices (Everything *e)
{
  static const char *const inputs[][2] = { { "mouse", "ps2" }, { "tablet", "usb" }, { "keyboard", "virtio" } };
  static const char *const videos[] = { "vga", "cirrus", "qxl", "virtio", "bochs" };
  static const char *const sounds[] = { "ich9", "ac97", "es1370", "sb16" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      GVirtDomainInput *input = gvirt_domain_input_new ();
      g_autofree char *what = g_strdup_printf ("input %s", inputs[i][0]);

      everything_track (e, input);
      gvirt_domain_input_set_input_type (input, inputs[i][0]);
      gvirt_domain_input_set_bus (input, inputs[i][1]);
      everything_device (e, "kvm", input, what);
    }
  for (i = 0; i < G_N_ELEMENTS (videos); i++)
    {
      GVirtDomainVideo *video = gvirt_domain_video_new ();
      g_autofree char *what = g_strdup_printf ("video %s", videos[i]);

      everything_track (e, video);
      gvirt_domain_video_set_model (video, videos[i]);
      gvirt_domain_video_set_vram (video, 16384);
      gvirt_domain_video_set_heads (video, 1);
      everything_device (e, "kvm", video, what);
    }
  for (i = 0; i < G_N_ELEMENTS (sounds); i++)
    {
      GVirtDomainSound *sound = gvirt_domain_sound_new ();
      g_autofree char *what = g_strdup_printf ("sound %s", sounds[i]);

      everything_track (e, sound);
      gvirt_domain_sound_set_model (sound, sounds[i]);
      everything_device (e, "kvm", sound, what);
    }
}

static void
test_every_property_libvirt_schema (void)
{
  Everything e = { 0 };
  const GType types[] = {
    GVIRT_TYPE_DOMAIN_CONFIG, GVIRT_TYPE_DOMAIN_DISK, GVIRT_TYPE_DOMAIN_INTERFACE,
    GVIRT_TYPE_DOMAIN_GRAPHICS, GVIRT_TYPE_DOMAIN_CHARDEV, GVIRT_TYPE_DOMAIN_INPUT,
    GVIRT_TYPE_DOMAIN_VIDEO, GVIRT_TYPE_DOMAIN_SOUND,
  };
  guint i;

  e.schema = config_test_libvirt_schema ("domain.rng");
  e.set = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  e.failures = g_ptr_array_new_with_free_func (g_free);
  if (e.schema == NULL)
    g_test_skip ("libvirt's domain.rng is neither in GVIRT_CORPUS_DIR nor in "
                 "/usr/share/libvirt/schemas: checked against GVirt's schema alone");

  everything_domain (&e);
  everything_disks (&e);
  everything_interfaces (&e);
  everything_graphics (&e);
  everything_chardevs (&e);
  everything_small_devices (&e);

  for (i = 0; i < e.failures->len; i++)
    g_test_message ("FAILED: %s", (const char *) g_ptr_array_index (e.failures, i));
  for (i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GHashTable *names = g_hash_table_lookup (e.set, g_type_name (types[i]));
      g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);

      config_test_assert_all_set (types[i], names != NULL ? names : none);
    }
  g_assert_cmpuint (e.failures->len, ==, 0);
  g_ptr_array_unref (e.failures);
  g_hash_table_unref (e.set);
  g_free ((char *) e.schema);
}

/* Documents libvirt's domain.rng refuses: GVirt's validate() refuses them
 * too, and accepts the corrected form, as libvirt's schema does. */
static void
test_validate_like_libvirt (void)
{
  static const struct { const char *bad; const char *good; } cases[] = {
    { "<domain type='kvm'><name>g</name><memory>1024</memory><os><type>hvm</type></os>"
      "<devices><graphics type='vnc' autoport='on'/></devices></domain>",
      "<domain type='kvm'><name>g</name><memory>1024</memory><os><type>hvm</type></os>"
      "<devices><graphics type='vnc' autoport='yes'/></devices></domain>" },
    { "<domain type='kvm'><name>g</name><memory>1024</memory><os><type>hvm</type></os>"
      "<devices><graphics type='sdl' fullscreen='off'/></devices></domain>",
      "<domain type='kvm'><name>g</name><memory>1024</memory><os><type>hvm</type></os>"
      "<devices><graphics type='sdl' fullscreen='no'/></devices></domain>" },
    { "<domain type='kvm'><name>g</name><memory>1024</memory><os><type>hvm</type></os>"
      "<on_reboot>coredump-restart</on_reboot></domain>",
      "<domain type='kvm'><name>g</name><memory>1024</memory><os><type>hvm</type></os>"
      "<on_crash>coredump-restart</on_crash></domain>" },
  };
  g_autofree char *schema = config_test_libvirt_schema ("domain.rng");
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVirtDomainConfig) bad = parse_ok (cases[i].bad);
      g_autoptr(GVirtDomainConfig) good = parse_ok (cases[i].good);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].bad);
      g_assert_false (gvirt_domain_config_validate (bad, &error));
      g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
      g_clear_error (&error);
      g_assert_true (gvirt_domain_config_validate (good, &error));
      g_assert_no_error (error);
      if (schema == NULL)
        continue;
      g_assert_false (gvirt_domain_config_validate_with_schema (bad, schema, NULL));
      g_assert_true (gvirt_domain_config_validate_with_schema (good, schema, &error));
      g_assert_no_error (error);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GVIRT_SCHEMA_DIR", GVIRT_TEST_SCHEMA_DIR, FALSE);

  g_test_add_func ("/domain-config/validate", test_validate);
  g_test_add_func ("/domain-config/validate/libvirt-schema", test_libvirt_schema);
  g_test_add_func ("/domain-config/validate/every-property", test_every_property_libvirt_schema);
  g_test_add_func ("/domain-config/validate/like-libvirt", test_validate_like_libvirt);
  g_test_add_func ("/domain-config/validate/strict", test_validate_strict);
  g_test_add_func ("/domain-config/validate/bad-schema", test_validate_bad_schema);

  return g_test_run ();
}
