/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Tests of GVirtDomainConfig and its typed devices. */
#include <string.h>
#include <glib/gstdio.h>
#include <libvirt-gobject/config/gvirt-config.h>
#include <libvirt-gobject/gvirt-error.h>
#include <libvirt-gobject/gvirt-enum-types.h>

#include "libvirt-gobject/config/gvirt-domain-config-private.h"
#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"
#include "config-test-util.h"

static const char fv0_xml[] =
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

static GVirtDomainConfig *
parse_ok (const char *xml)
{
  g_autoptr(GError) error = NULL;
  GVirtDomainConfig *config = gvirt_domain_config_new_from_xml (xml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (config);
  return config;
}

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
  g_test_add_func ("/domain-config/xml/kept-until-changed", test_xml_kept_until_changed);
  g_test_add_func ("/domain-config/properties/notify", test_properties_notify);
  g_test_add_func ("/domain-config/properties/uuid-and-id", test_uuid_and_id);
  g_test_add_func ("/domain-config/properties/os-and-boot", test_os_and_boot);
  g_test_add_func ("/domain-config/devices/typed", test_devices_typed);
  g_test_add_func ("/domain-config/devices/kinds", test_devices_kinds);
  g_test_add_func ("/domain-config/devices/add-remove", test_devices_add_remove);
  g_test_add_func ("/domain-config/devices/outlive-config", test_device_outlives_config);
  g_test_add_func ("/domain-config/devices/new", test_devices_new);
  g_test_add_func ("/domain-config/devices/on-demand", test_devices_on_demand);
  g_test_add_func ("/domain-config/copy-equal", test_copy_equal);
  g_test_add_func ("/domain-config/equal-order", test_equal_order);
  g_test_add_func ("/domain-config/validate", test_validate);
  g_test_add_func ("/domain-config/new-kvm", test_new_kvm);
  g_test_add_func ("/domain-config/validate/libvirt-schema", test_libvirt_schema);
  g_test_add_func ("/domain-config/validate/every-property", test_every_property_libvirt_schema);
  g_test_add_func ("/domain-config/validate/like-libvirt", test_validate_like_libvirt);
  g_test_add_func ("/domain-config/validate/strict", test_validate_strict);
  g_test_add_func ("/domain-config/validate/bad-schema", test_validate_bad_schema);

  return g_test_run ();
}
