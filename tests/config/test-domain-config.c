/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Tests of GVirtDomainConfig: the object, parsing and formatting, memory and the other properties, copy and equal. */
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
assert_parse_fails (const char *xml,
                    gint        code,
                    const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new_from_xml (xml, &error);

  g_assert_null (config);
  g_assert_error (error, GVIRT_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

static void
test_parse_basic (void)
{
  g_autoptr(GVirtDomainConfig) config = parse_ok (fv0_xml);
  g_auto(GStrv) boot = gvirt_domain_config_get_boot_devices (config);
  g_auto(GStrv) features = gvirt_domain_config_get_features (config);

  g_assert_cmpstr (gvirt_domain_config_get_domain_type (config), ==, "test");
  g_assert_cmpint (gvirt_domain_config_get_id (config), ==, -1);
  g_assert_cmpstr (gvirt_domain_config_get_name (config), ==, "fv0");
  g_assert_cmpstr (gvirt_domain_config_get_uuid (config), ==, "4dea22b3-1d52-d8f3-2516-782e98ab3fa0");
  g_assert_cmpuint (gvirt_domain_config_get_memory (config), ==, 524288);
  g_assert_cmpuint (gvirt_domain_config_get_current_memory (config), ==, 524288);
  g_assert_cmpuint (gvirt_domain_config_get_max_memory (config), ==, 1524288);
  g_assert_cmpuint (gvirt_domain_config_get_vcpus (config), ==, 4);
  g_assert_cmpstr (gvirt_domain_config_get_os_type (config), ==, "hvm");
  g_assert_cmpstr (gvirt_domain_config_get_loader (config), ==, "/usr/lib/xen/boot/hvmloader");
  g_assert_null (gvirt_domain_config_get_kernel (config));
  g_assert_cmpstr (gvirt_domain_config_get_emulator (config), ==, "/usr/lib/xen/bin/qemu-dm");
  g_assert_cmpuint (g_strv_length (boot), ==, 2);
  g_assert_cmpstr (boot[1], ==, "cdrom");
  g_assert_true (g_strv_contains ((const char * const *) features, "apic"));
  g_assert_true (gvirt_domain_config_get_pae (config));
  g_assert_true (gvirt_domain_config_has_feature (config, "acpi"));
  g_assert_false (gvirt_domain_config_has_feature (config, "hap"));
  g_assert_cmpint (gvirt_domain_config_get_on_poweroff (config), ==, GVIRT_LIFECYCLE_ACTION_DESTROY);
  g_assert_cmpint (gvirt_domain_config_get_on_crash (config), ==, GVIRT_LIFECYCLE_ACTION_RENAME_RESTART);
}

static void
test_parse_defaults (void)
{
  g_autoptr(GVirtDomainConfig) config =
    parse_ok ("<domain type='xen' id='3'><name>a</name><memory>1024</memory></domain>");

  g_assert_cmpint (gvirt_domain_config_get_id (config), ==, 3);
  g_assert_null (gvirt_domain_config_get_uuid (config));
  g_assert_cmpuint (gvirt_domain_config_get_vcpus (config), ==, 1);
  g_assert_cmpuint (gvirt_domain_config_get_max_memory (config), ==, 0);
  g_assert_cmpint (gvirt_domain_config_get_on_reboot (config), ==, GVIRT_LIFECYCLE_ACTION_RESTART);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_domain_config_get_devices (config)), ==, 0);
}

static void
test_memory_units (void)
{
  static const struct { const char *unit, *value; guint64 kib; } cases[] = {
    { "KiB", "1024", 1024 }, { "k", "7", 7 }, { "MiB", "512", 524288 }, { "M", "1", 1024 },
    { "GiB", "2", 2097152 }, { "G", "1", 1048576 }, { "b", "1024", 1 }, { "bytes", "1025", 2 },
    { "KB", "1024", 1000 }, { "MB", "1", 977 }, { "GB", "1", 976563 }, { "TiB", "1", 1073741824 },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml =
        g_strdup_printf ("<domain type='kvm'><name>m</name><memory unit='%s'>%s</memory>"
                         "<currentMemory unit='%s'>%s</currentMemory></domain>",
                         cases[i].unit, cases[i].value, cases[i].unit, cases[i].value);
      g_autoptr(GVirtDomainConfig) config = parse_ok (xml);

      g_assert_cmpuint (gvirt_domain_config_get_memory (config), ==, cases[i].kib);
      g_assert_cmpuint (gvirt_domain_config_get_current_memory (config), ==, cases[i].kib);
    }
}

static void
test_memory_set (void)
{
  g_autoptr(GVirtDomainConfig) config =
    parse_ok ("<domain type='kvm'><name>m</name><memory unit='MiB'>512</memory></domain>");
  g_autofree char *xml = NULL;

  gvirt_domain_config_set_memory (config, 1048576);
  gvirt_domain_config_set_current_memory (config, 524288);
  xml = gvirt_domain_config_to_xml (config);
  /* 1 GiB is a whole number of MiB: the input's unit stays */
  g_assert_nonnull (strstr (xml, "<memory unit='MiB'>1024</memory>"));
  g_assert_nonnull (strstr (xml, "<currentMemory>524288</currentMemory>"));
  gvirt_domain_config_set_current_memory (config, 0);
  g_assert_cmpuint (gvirt_domain_config_get_current_memory (config), ==, 1048576);
  g_clear_pointer (&xml, g_free);
  xml = gvirt_domain_config_to_xml (config);
  g_assert_null (strstr (xml, "currentMemory"));
}

/* A changed value keeps its element's unit= when it is a whole number of
 * it, else takes the largest of KiB, MiB … that holds it whole. */
static void
test_memory_set_keeps_unit (void)
{
  static const struct {
    const char *unit;
    guint64     kib;
    const char *expected;
  } cases[] = {
    { "GiB", 3145728, "<memory unit='GiB'>3</memory>" },
    { "GiB", 1572864, "<memory unit='MiB'>1536</memory>" },
    { "GiB", 1025, "<memory unit='KiB'>1025</memory>" },
    { "G", 2097152, "<memory unit='G'>2</memory>" },
    { "MiB", 4194304, "<memory unit='MiB'>4096</memory>" },
    { "b", 3, "<memory unit='b'>3072</memory>" },
    { "KiB", 7, "<memory unit='KiB'>7</memory>" },
    /* 1000000 KiB is 1.024 GB: the fallback units are binary ones */
    { "GB", 1000000, "<memory unit='KiB'>1000000</memory>" },
    { "GB", 1953125, "<memory unit='GB'>2</memory>" },
    { "GB", 976562, "<memory unit='KiB'>976562</memory>" },
    { "MB", 1048576, "<memory unit='GiB'>1</memory>" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *input =
        g_strdup_printf ("<domain type='kvm'><name>m</name>"
                         "<memory unit='%s'>1</memory></domain>", cases[i].unit);
      g_autoptr(GVirtDomainConfig) config = parse_ok (input);
      g_autofree char *xml = NULL;

      gvirt_domain_config_set_memory (config, cases[i].kib);
      xml = gvirt_domain_config_to_xml (config);
      g_assert_nonnull (strstr (xml, cases[i].expected));
      g_assert_cmpuint (gvirt_domain_config_get_memory (config), ==, cases[i].kib);
    }
}

static void count_notify (GObject *object, GParamSpec *pspec, gpointer user_data);

/* Removing a value given with a unit, or the hotplug limit with its slots,
 * removes the whole element: an empty <maxMemory unit="KiB" slots="16"/>
 * is valid for neither schema. */
static void
test_memory_remove (void)
{
  g_autoptr(GVirtDomainConfig) config =
    parse_ok ("<domain type='kvm'><name>m</name><memory unit='MiB'>512</memory>"
              "<maxMemory slots='16' unit='GiB'>4</maxMemory>"
              "<currentMemory unit='MiB'>256</currentMemory></domain>");
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  guint slots_notified = 0;

  g_assert_cmpuint (gvirt_domain_config_get_max_memory (config), ==, 4194304);
  g_assert_cmpuint (gvirt_domain_config_get_max_memory_slots (config), ==, 16);
  g_signal_connect (config, "notify::max-memory-slots", G_CALLBACK (count_notify), &slots_notified);
  g_object_set (config, "max-memory", (guint64) 0, NULL);
  gvirt_domain_config_set_current_memory (config, 0);
  g_assert_cmpuint (slots_notified, ==, 1);
  g_assert_cmpuint (gvirt_domain_config_get_max_memory_slots (config), ==, 0);
  xml = gvirt_domain_config_to_xml (config);
  g_assert_null (strstr (xml, "maxMemory"));
  g_assert_null (strstr (xml, "currentMemory"));
  g_assert_true (gvirt_domain_config_validate (config, &error));
  g_assert_no_error (error);
}

static void
test_semantic_errors (void)
{
  assert_parse_fails ("<domain type='test'><name>a</name><uuid>not-a-uuid</uuid></domain>",
                      GVIRT_ERROR_INVALID_XML, "<uuid>");
  assert_parse_fails ("<domain type='test'><name>a</name><uuid>4dea22b31d52d8f32516782e98ab3fa</uuid></domain>",
                      GVIRT_ERROR_INVALID_XML, "<uuid>");
  assert_parse_fails ("<domain type='test'><name>a</name><memory>lots</memory></domain>",
                      GVIRT_ERROR_INVALID_XML, "<memory>");
  assert_parse_fails ("<domain type='test'><name>a</name><memory unit='parsecs'>1</memory></domain>",
                      GVIRT_ERROR_INVALID_XML, "<memory>");
  assert_parse_fails ("<domain type='test'><name>a</name><memory>99999999999999999999999</memory></domain>",
                      GVIRT_ERROR_INVALID_XML, "<memory>");
  assert_parse_fails ("<domain type='test'><name>a</name><vcpu>-2</vcpu></domain>",
                      GVIRT_ERROR_INVALID_XML, "<vcpu>");
  assert_parse_fails ("<domain type='test' id='x'><name>a</name></domain>",
                      GVIRT_ERROR_INVALID_XML, "id");
  assert_parse_fails ("<domain type='test'><name>a</name><on_crash>explode</on_crash></domain>",
                      GVIRT_ERROR_INVALID_XML, "<on_crash>");
  assert_parse_fails ("<domain type='test'><name>a</name><devices>"
                      "<disk type='file'><source file='/a'/><target dev='hda'/></disk>"
                      "<disk type='file'><source file='/b'/><target dev='hda'/></disk>"
                      "</devices></domain>",
                      GVIRT_ERROR_INVALID_XML, "hda");
  assert_parse_fails ("<domain type='test'><devices><graphics type='vnc' port='fifty'/></devices></domain>",
                      GVIRT_ERROR_INVALID_XML, "port");
  /* a size is at most GVIRT_MEMORY_KIB_MAX KiB, with any unit */
  assert_parse_fails ("<domain type='test'><name>a</name><memory unit='EiB'>8</memory></domain>",
                      GVIRT_ERROR_INVALID_XML, "larger than 9007199254740991 KiB");
  assert_parse_fails ("<domain type='test'><name>a</name><currentMemory>9007199254740992</currentMemory></domain>",
                      GVIRT_ERROR_INVALID_XML, "<currentMemory>");
}

static void
test_xml_errors (void)
{
  g_autofree char *big = NULL;
  g_autofree char *padding = NULL;

  assert_parse_fails ("", GVIRT_ERROR_INVALID_XML, "line");
  assert_parse_fails ("<domain type='test'>\n<name>a</nam>\n</domain>", GVIRT_ERROR_INVALID_XML, "line 2");
  assert_parse_fails ("<network><name>n</name></network>", GVIRT_ERROR_INVALID_XML, "<domain>");
  assert_parse_fails ("<?xml version='1.0'?>\n"
                      "<!DOCTYPE domain [\n"
                      " <!ENTITY a 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'>\n"
                      " <!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>\n"
                      " <!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>\n"
                      "]>\n<domain type='test'><name>&c;</name></domain>",
                      GVIRT_ERROR_INVALID_XML, "entity");
  assert_parse_fails ("<!DOCTYPE domain [ <!ENTITY x SYSTEM 'file:///etc/passwd'> ]>"
                      "<domain type='test'><name>&x;</name></domain>",
                      GVIRT_ERROR_INVALID_XML, "entity");
  assert_parse_fails ("<!DOCTYPE domain SYSTEM 'http://example.invalid/domain.dtd'>"
                      "<domain type='test'><name>&x;</name></domain>",
                      GVIRT_ERROR_INVALID_XML, "line 1: undefined entity");

  padding = g_strnfill (GVIRT_XML_MAX_SIZE, ' ');
  big = g_strconcat ("<domain type='test'><name>a</name>", padding, "</domain>", NULL);
  assert_parse_fails (big, GVIRT_ERROR_INVALID_XML, "MiB");
}

static const char unknown_xml[] =
  "<domain type='kvm' xmlns:app='http://example.org/app'>\n"
  "  <name>keep</name>\n"
  "  <metadata>\n"
  "    <app:data app:level='3'><app:item>one</app:item></app:data>\n"
  "  </metadata>\n"
  "  <memory unit='KiB' slots='16'>1024</memory>\n"
  "  <futureThing mode='fancy'><sub>text</sub></futureThing>\n"
  "  <os firmware='efi'><type arch='x86_64' machine='q35'>hvm</type><nvram>/var/x</nvram></os>\n"
  "  <devices>\n"
  "    <disk type='file' device='disk' model='virtio-transitional'>\n"
  "      <source file='/a.img'><seclabel model='dac' relabel='no'/></source>\n"
  "      <target dev='vda' bus='virtio'/>\n"
  "      <iotune><total_bytes_sec>1000</total_bytes_sec></iotune>\n"
  "    </disk>\n"
  "    <tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>\n"
  "  </devices>\n"
  "</domain>\n";

static void
test_unknown_preserved (void)
{
  g_autoptr(GVirtDomainConfig) config = parse_ok (unknown_xml);
  g_autoptr(GVirtDomainConfig) reparsed = NULL;
  g_autoptr(GVirtDomainConfig) original = parse_ok (unknown_xml);
  g_autoptr(GVirtDomainDevice) disk = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *again = NULL;

  disk = g_list_model_get_item (gvirt_domain_config_get_devices (config), 0);
  g_assert_true (GVIRT_IS_DOMAIN_DISK (disk));
  gvirt_domain_disk_set_source_file (GVIRT_DOMAIN_DISK (disk), "/b.img");
  gvirt_domain_config_set_name (config, "kept");
  gvirt_domain_config_set_arch (config, "aarch64");
  xml = gvirt_domain_config_to_xml (config);

  g_assert_nonnull (strstr (xml, "<app:data app:level='3'>"));
  g_assert_nonnull (strstr (xml, "<futureThing mode='fancy'>"));
  g_assert_nonnull (strstr (xml, "slots='16'"));
  g_assert_nonnull (strstr (xml, "<os firmware='efi'>"));
  g_assert_nonnull (strstr (xml, "<nvram>/var/x</nvram>"));
  g_assert_nonnull (strstr (xml, "model='virtio-transitional'"));
  g_assert_nonnull (strstr (xml, "<source file='/b.img'>"));
  g_assert_nonnull (strstr (xml, "<seclabel model='dac' relabel='no'/>"));
  g_assert_nonnull (strstr (xml, "<total_bytes_sec>1000</total_bytes_sec>"));
  g_assert_nonnull (strstr (xml, "<tpm model='tpm-crb'>"));
  /* in place: the unknown element is still between memory and os */
  g_assert_true (strstr (xml, "<memory") < strstr (xml, "<futureThing"));
  g_assert_true (strstr (xml, "<futureThing") < strstr (xml, "<os"));

  reparsed = parse_ok (xml);
  again = gvirt_domain_config_to_xml (reparsed);
  g_assert_cmpstr (xml, ==, again);
  g_assert_true (gvirt_domain_config_equal (config, reparsed));
  g_assert_false (gvirt_domain_config_equal (config, original));
}

static void
test_metadata (void)
{
  g_autoptr(GVirtDomainConfig) config = parse_ok (unknown_xml);
  g_autoptr(GVirtDomainConfig) reparsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *app = gvirt_domain_config_get_metadata (config, "http://example.org/app");
  g_autofree char *mine = NULL;
  g_autofree char *xml = NULL;

  g_assert_nonnull (strstr (app, "xmlns:app='http://example.org/app'"));
  g_assert_nonnull (strstr (app, "<app:item>one</app:item>"));
  g_assert_null (gvirt_domain_config_get_metadata (config, "http://example.org/other"));

  g_assert_true (gvirt_domain_config_set_metadata (config, "http://example.org/mine", "mine",
                                                   "<data><colour>blue</colour></data>", &error));
  g_assert_no_error (error);
  g_assert_true (gvirt_domain_config_set_metadata (config, "http://example.org/mine", "mine",
                                                   "<data><colour>red</colour></data>", &error));
  mine = gvirt_domain_config_get_metadata (config, "http://example.org/mine");
  g_assert_cmpstr (mine, ==,
                   "<mine:data xmlns:mine='http://example.org/mine'>\n"
                   "  <mine:colour>red</mine:colour>\n"
                   "</mine:data>\n");
  g_assert_false (gvirt_domain_config_set_metadata (config, "http://example.org/mine", "mine",
                                                    "<data>", &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);

  xml = gvirt_domain_config_to_xml (config);
  reparsed = parse_ok (xml);
  g_assert_true (gvirt_domain_config_equal (config, reparsed));
  g_assert_true (gvirt_domain_config_set_metadata (config, "http://example.org/mine", "mine", NULL, NULL));
  g_assert_true (gvirt_domain_config_set_metadata (config, "http://example.org/app", "app", NULL, NULL));
  g_clear_pointer (&xml, g_free);
  xml = gvirt_domain_config_to_xml (config);
  g_assert_null (strstr (xml, "metadata"));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_properties_notify (void)
{
  g_autoptr(GVirtDomainConfig) config = parse_ok (fv0_xml);
  g_autofree char *name = NULL;
  guint64 memory = 0;
  GVirtLifecycleAction action = 0;
  guint name_notifies = 0, vcpu_notifies = 0, crash_notifies = 0, acpi_notifies = 0;

  g_signal_connect (config, "notify::name", G_CALLBACK (count_notify), &name_notifies);
  g_signal_connect (config, "notify::vcpus", G_CALLBACK (count_notify), &vcpu_notifies);
  g_signal_connect (config, "notify::on-crash", G_CALLBACK (count_notify), &crash_notifies);
  g_signal_connect (config, "notify::acpi", G_CALLBACK (count_notify), &acpi_notifies);

  gvirt_domain_config_set_name (config, "fv0");
  g_assert_cmpuint (name_notifies, ==, 0);
  gvirt_domain_config_set_name (config, "fv1");
  g_assert_cmpuint (name_notifies, ==, 1);
  g_object_set (config, "name", "fv2", "vcpus", 2, NULL);
  g_assert_cmpuint (name_notifies, ==, 2);
  g_assert_cmpuint (vcpu_notifies, ==, 1);
  g_object_set (config, "vcpus", 2, NULL);
  g_assert_cmpuint (vcpu_notifies, ==, 1);
  gvirt_domain_config_set_on_crash (config, GVIRT_LIFECYCLE_ACTION_COREDUMP_RESTART);
  gvirt_domain_config_set_on_crash (config, GVIRT_LIFECYCLE_ACTION_COREDUMP_RESTART);
  g_assert_cmpuint (crash_notifies, ==, 1);
  gvirt_domain_config_set_feature (config, "acpi", FALSE);
  gvirt_domain_config_set_feature (config, "acpi", FALSE);
  g_assert_cmpuint (acpi_notifies, ==, 1);
  g_assert_false (gvirt_domain_config_get_acpi (config));

  g_object_get (config, "name", &name, "memory", &memory, "on-crash", &action, NULL);
  g_assert_cmpstr (name, ==, "fv2");
  g_assert_cmpuint (memory, ==, 524288);
  g_assert_cmpint (action, ==, GVIRT_LIFECYCLE_ACTION_COREDUMP_RESTART);
  {
    g_autofree char *xml = gvirt_domain_config_to_xml (config);

    g_assert_nonnull (strstr (xml, "<on_crash>coredump-restart</on_crash>"));
    g_assert_nonnull (strstr (xml, "<vcpu>2</vcpu>"));
  }
}

static void
test_uuid_and_id (void)
{
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new ();
  g_autofree char *xml = NULL;

  gvirt_domain_config_set_uuid (config, "4DEA22B31D52D8F32516782E98AB3FA0");
  g_assert_cmpstr (gvirt_domain_config_get_uuid (config), ==, "4dea22b3-1d52-d8f3-2516-782e98ab3fa0");
  gvirt_domain_config_set_id (config, 7);
  g_assert_cmpint (gvirt_domain_config_get_id (config), ==, 7);
  gvirt_domain_config_set_id (config, -1);
  gvirt_domain_config_set_uuid (config, NULL);
  g_assert_null (gvirt_domain_config_get_uuid (config));
  xml = gvirt_domain_config_to_xml (config);
  g_assert_cmpstr (xml, ==, "<domain/>\n");
}

static void
test_os_and_boot (void)
{
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new ();
  const char *boot[] = { "network", "hd", NULL };
  g_auto(GStrv) got = NULL;
  g_autofree char *xml = NULL;

  gvirt_domain_config_set_domain_type (config, "xen");
  gvirt_domain_config_set_os_type (config, "linux");
  gvirt_domain_config_set_kernel (config, "/boot/vmlinuz");
  gvirt_domain_config_set_initrd (config, "/boot/initrd");
  gvirt_domain_config_set_cmdline (config, "console=xvc0 <&>");
  gvirt_domain_config_set_root (config, "/dev/xvda1");
  gvirt_domain_config_set_boot_devices (config, boot);
  gvirt_domain_config_set_bootloader (config, "/usr/bin/pygrub");
  gvirt_domain_config_set_bootloader_args (config, "-q");
  got = gvirt_domain_config_get_boot_devices (config);
  g_assert_cmpstrv (got, boot);
  xml = gvirt_domain_config_to_xml (config);
  g_assert_nonnull (strstr (xml, "<cmdline>console=xvc0 &lt;&amp;&gt;</cmdline>"));
  g_assert_nonnull (strstr (xml, "<bootloader_args>-q</bootloader_args>"));

  gvirt_domain_config_set_kernel (config, NULL);
  gvirt_domain_config_set_boot_devices (config, NULL);
  g_clear_pointer (&xml, g_free);
  xml = gvirt_domain_config_to_xml (config);
  g_assert_null (strstr (xml, "kernel"));
  g_assert_null (strstr (xml, "<boot "));
  g_assert_cmpstr (gvirt_domain_config_get_cmdline (config), ==, "console=xvc0 <&>");
}

static void
test_copy_equal (void)
{
  g_autoptr(GVirtDomainConfig) config = parse_ok (fv0_xml);
  g_autoptr(GVirtDomainConfig) copy = gvirt_domain_config_copy (config);
  g_autoptr(GVirtDomainConfig) spaced = NULL;
  g_autoptr(GVirtDomainDevice) disk = NULL;

  g_assert_true (gvirt_domain_config_equal (config, copy));
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_domain_config_get_devices (copy)), ==, 6);
  disk = g_list_model_get_item (gvirt_domain_config_get_devices (copy), 1);
  gvirt_domain_disk_set_target_dev (GVIRT_DOMAIN_DISK (disk), "hdb");
  g_assert_false (gvirt_domain_config_equal (config, copy));
  g_assert_nonnull (gvirt_domain_config_find_disk (config, "hda"));

  /* layout, attribute order and comments do not matter */
  spaced = parse_ok ("<domain type='test'><name>fv0</name>"
                     "<!-- comment --><uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>"
                     "<os><type>hvm</type><loader>/usr/lib/xen/boot/hvmloader</loader>"
                     "<boot dev='hd'/><boot dev='cdrom'/></os>"
                     "<memory>524288</memory><maxMemory>1524288</maxMemory><vcpu>4</vcpu>"
                     "<on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot>"
                     "<on_crash>rename-restart</on_crash><features><pae/><acpi/><apic/></features>"
                     "<devices><emulator>/usr/lib/xen/bin/qemu-dm</emulator>"
                     "<interface type='bridge'><source bridge='xenbr0'/>"
                     "<mac address='00:16:3e:5d:c7:9e'/><script path='vif-bridge'/></interface>"
                     "<disk type='file'><source file='/root/fv0'/><target dev='hda'/></disk>"
                     "<disk device='cdrom' type='block'><source dev='/dev/sr0'/><target dev='hdc'/><readonly/></disk>"
                     "<graphics keymap='de' port='5904' type='vnc'/><console tty='/dev/pts/5'/>"
                     "<watchdog model='i6300esb'/></devices></domain>");
  g_assert_true (gvirt_domain_config_equal (config, spaced));
}

static void
test_equal_order (void)
{
  g_autoptr(GVirtDomainConfig) a =
    parse_ok ("<domain type='kvm'><name>o</name><memory>1024</memory><vcpu>1</vcpu>"
              "<os><type>hvm</type><boot dev='hd'/><boot dev='cdrom'/></os>"
              "<devices><disk type='file'><target dev='vda'/></disk>"
              "<disk type='file'><target dev='vdb'/></disk><input type='tablet'/></devices></domain>");
  g_autoptr(GVirtDomainConfig) moved =
    parse_ok ("<domain type='kvm'><os><type>hvm</type><boot dev='hd'/><boot dev='cdrom'/></os>"
              "<vcpu>1</vcpu><memory>1024</memory><name>o</name>"
              "<devices><input type='tablet'/><disk type='file'><target dev='vda'/></disk>"
              "<disk type='file'><target dev='vdb'/></disk></devices></domain>");
  g_autoptr(GVirtDomainConfig) boot_swapped =
    parse_ok ("<domain type='kvm'><name>o</name><memory>1024</memory><vcpu>1</vcpu>"
              "<os><type>hvm</type><boot dev='cdrom'/><boot dev='hd'/></os>"
              "<devices><disk type='file'><target dev='vda'/></disk>"
              "<disk type='file'><target dev='vdb'/></disk><input type='tablet'/></devices></domain>");
  g_autoptr(GVirtDomainConfig) disks_swapped =
    parse_ok ("<domain type='kvm'><name>o</name><memory>1024</memory><vcpu>1</vcpu>"
              "<os><type>hvm</type><boot dev='hd'/><boot dev='cdrom'/></os>"
              "<devices><disk type='file'><target dev='vdb'/></disk>"
              "<disk type='file'><target dev='vda'/></disk><input type='tablet'/></devices></domain>");
  g_autoptr(GVirtDomainConfig) extra =
    parse_ok ("<domain type='kvm'><name>o</name><memory>1024</memory><vcpu>1</vcpu>"
              "<os><type>hvm</type><boot dev='hd'/><boot dev='cdrom'/></os>"
              "<devices><disk type='file'><target dev='vda'/></disk>"
              "<disk type='file'><target dev='vdb'/></disk><input type='tablet'/><input type='mouse'/>"
              "</devices></domain>");

  g_assert_true (gvirt_domain_config_equal (a, moved));
  g_assert_true (gvirt_domain_config_equal (moved, a));
  g_assert_false (gvirt_domain_config_equal (a, boot_swapped));
  g_assert_false (gvirt_domain_config_equal (a, disks_swapped));
  g_assert_false (gvirt_domain_config_equal (a, extra));
  g_assert_false (gvirt_domain_config_equal (extra, a));
}

static void
test_new_kvm (void)
{
  g_autoptr(GVirtDomainConfig) kvm = gvirt_domain_config_new_kvm ("web", 1048576, 2, "/var/lib/images/web.qcow2");
  g_autoptr(GVirtDomainConfig) raw = gvirt_domain_config_new_kvm ("raw", 1024, 1, NULL);
  g_autoptr(GVirtDomainConfig) test = gvirt_domain_config_new_test ("t", 8192);
  GVirtDomainDisk *disk = gvirt_domain_config_find_disk (kvm, "vda");
  g_autofree char *xml = gvirt_domain_config_to_xml (kvm);
  g_autoptr(GVirtDomainConfig) back = parse_ok (xml);

  g_assert_cmpstr (gvirt_domain_config_get_domain_type (kvm), ==, "kvm");
  g_assert_cmpuint (gvirt_domain_config_get_vcpus (kvm), ==, 2);
  g_assert_cmpuint (strlen (gvirt_domain_config_get_uuid (kvm)), ==, 36);
  g_assert_nonnull (disk);
  g_assert_cmpstr (gvirt_domain_disk_get_driver_type (disk), ==, "qcow2");
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_domain_config_get_devices (kvm)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_domain_config_get_devices (raw)), ==, 3);
  g_assert_true (gvirt_domain_config_equal (kvm, back));
  g_assert_cmpstr (gvirt_domain_config_get_os_type (test), ==, "linux");
  g_assert_true (gvirt_domain_config_validate (test, NULL));
}

static void
test_from_node (void)
{
  static const char node_xml[] =
    "<node><cpu><mhz>6000</mhz></cpu>"
    "<domain type='test'><name>inner</name><memory>1024</memory>"
    "<devices><disk type='file'><source file='/x'/><target dev='hda'/></disk></devices></domain>"
    "<network><name>n</name></network></node>";
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc = _gvirt_xml_parse (node_xml, -1, &error);
  xmlNodePtr domain = _gvirt_xml_child (xmlDocGetRootElement (doc), "domain");
  g_autoptr(GVirtDomainConfig) config = _gvirt_domain_config_new_from_xml_node (domain, &error);
  g_autoptr(GVirtDomainConfig) wrong = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gvirt_domain_config_get_name (config), ==, "inner");
  wrong = _gvirt_domain_config_new_from_xml_node (xmlDocGetRootElement (doc)->children, &error);
  g_assert_null (wrong);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  xmlFreeDoc (doc);
  /* the config owns a copy */
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_domain_config_get_devices (config)), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GVIRT_SCHEMA_DIR", GVIRT_TEST_SCHEMA_DIR, FALSE);

  g_test_add_func ("/domain-config/parse/basic", test_parse_basic);
  g_test_add_func ("/domain-config/parse/defaults", test_parse_defaults);
  g_test_add_func ("/domain-config/parse/semantic-errors", test_semantic_errors);
  g_test_add_func ("/domain-config/parse/xml-errors", test_xml_errors);
  g_test_add_func ("/domain-config/parse/from-node", test_from_node);
  g_test_add_func ("/domain-config/memory/units", test_memory_units);
  g_test_add_func ("/domain-config/memory/set", test_memory_set);
  g_test_add_func ("/domain-config/memory/set-keeps-unit", test_memory_set_keeps_unit);
  g_test_add_func ("/domain-config/memory/remove", test_memory_remove);
  g_test_add_func ("/domain-config/xml/unknown-preserved", test_unknown_preserved);
  g_test_add_func ("/domain-config/xml/metadata", test_metadata);
  g_test_add_func ("/domain-config/properties/notify", test_properties_notify);
  g_test_add_func ("/domain-config/properties/uuid-and-id", test_uuid_and_id);
  g_test_add_func ("/domain-config/properties/os-and-boot", test_os_and_boot);
  g_test_add_func ("/domain-config/copy-equal", test_copy_equal);
  g_test_add_func ("/domain-config/equal-order", test_equal_order);
  g_test_add_func ("/domain-config/new-kvm", test_new_kvm);

  return g_test_run ();
}
