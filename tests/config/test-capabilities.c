/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Tests of GVirtCapabilities, its guests and their domain types. */
#include <string.h>
#include <libvirt-gobject/config/gvirt-config.h>
#include <libvirt-gobject/gvirt-error.h>

#include "config-test-util.h"

static const char caps_xml[] =
  "<capabilities>\n"
  "  <host>\n"
  "    <uuid>ec2d7e8c-2a37-4a1b-a3c4-0c6e6b0f4a2e</uuid>\n"
  "    <cpu>\n"
  "      <arch>x86_64</arch>\n"
  "      <model>Skylake</model>\n"
  "      <topology sockets='1' dies='1' cores='4' threads='2'/>\n"
  "      <features><vmx/><pae/></features>\n"
  "      <feature name='ds'/>\n"
  "    </cpu>\n"
  "    <power_management><suspend_mem/></power_management>\n"
  "  </host>\n"
  "  <guest>\n"
  "    <os_type>hvm</os_type>\n"
  "    <arch name='x86_64'>\n"
  "      <wordsize>64</wordsize>\n"
  "      <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
  "      <machine maxCpus='255'>pc</machine>\n"
  "      <machine canonical='pc-q35-7.2' maxCpus='288'>q35</machine>\n"
  "      <domain type='qemu'/>\n"
  "      <domain type='kvm'>\n"
  "        <emulator>/usr/bin/kvm</emulator>\n"
  "        <machine>pc</machine>\n"
  "      </domain>\n"
  "    </arch>\n"
  "    <features><acpi default='on' toggle='yes'/><apic/><pae/></features>\n"
  "  </guest>\n"
  "  <guest>\n"
  "    <os_type>xen</os_type>\n"
  "    <arch name='i686'><wordsize>32</wordsize><machine>xenpv</machine><domain type='xen'/></arch>\n"
  "  </guest>\n"
  "</capabilities>\n";

static GVirtCapabilities *
parse_ok (const char *xml)
{
  g_autoptr(GError) error = NULL;
  GVirtCapabilities *caps = gvirt_capabilities_new_from_xml (xml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (caps);
  return caps;
}

static void
test_parse_host (void)
{
  g_autoptr(GVirtCapabilities) caps = parse_ok (caps_xml);
  g_auto(GStrv) features = gvirt_capabilities_get_host_cpu_features (caps);
  const char *expected[] = { "vmx", "pae", "ds", NULL };

  g_assert_cmpstr (gvirt_capabilities_get_host_arch (caps), ==, "x86_64");
  g_assert_cmpstr (gvirt_capabilities_get_host_cpu_model (caps), ==, "Skylake");
  g_assert_cmpstr (gvirt_capabilities_get_host_uuid (caps), ==, "ec2d7e8c-2a37-4a1b-a3c4-0c6e6b0f4a2e");
  g_assert_cmpuint (gvirt_capabilities_get_sockets (caps), ==, 1);
  g_assert_cmpuint (gvirt_capabilities_get_cores (caps), ==, 4);
  g_assert_cmpuint (gvirt_capabilities_get_threads (caps), ==, 2);
  g_assert_cmpstrv (features, expected);
}

static void
test_parse_guests (void)
{
  g_autoptr(GVirtCapabilities) caps = parse_ok (caps_xml);
  g_autoptr(GPtrArray) guests = gvirt_capabilities_get_guests (caps);
  GVirtCapabilitiesGuest *hvm, *xen;
  g_autoptr(GPtrArray) domains = NULL;
  g_auto(GStrv) machines = NULL;
  g_auto(GStrv) kvm_machines = NULL;
  g_auto(GStrv) features = NULL;
  GVirtCapabilitiesDomain *kvm;

  g_assert_cmpuint (guests->len, ==, 2);
  hvm = g_ptr_array_index (guests, 0);
  xen = g_ptr_array_index (guests, 1);
  g_assert_cmpstr (gvirt_capabilities_guest_get_os_type (hvm), ==, "hvm");
  g_assert_cmpstr (gvirt_capabilities_guest_get_arch (hvm), ==, "x86_64");
  g_assert_cmpuint (gvirt_capabilities_guest_get_wordsize (hvm), ==, 64);
  g_assert_cmpstr (gvirt_capabilities_guest_get_emulator (hvm), ==, "/usr/bin/qemu-system-x86_64");
  g_assert_null (gvirt_capabilities_guest_get_loader (hvm));
  machines = gvirt_capabilities_guest_get_machines (hvm);
  g_assert_cmpuint (g_strv_length (machines), ==, 2);
  g_assert_cmpstr (machines[1], ==, "q35");
  features = gvirt_capabilities_guest_get_features (hvm);
  g_assert_cmpuint (g_strv_length (features), ==, 3);
  g_assert_true (gvirt_capabilities_guest_has_feature (hvm, "apic"));
  g_assert_false (gvirt_capabilities_guest_has_feature (xen, "apic"));

  domains = gvirt_capabilities_guest_get_domains (hvm);
  g_assert_cmpuint (domains->len, ==, 2);
  kvm = g_ptr_array_index (domains, 1);
  g_assert_cmpstr (gvirt_capabilities_domain_get_domain_type (kvm), ==, "kvm");
  g_assert_cmpstr (gvirt_capabilities_domain_get_emulator (kvm), ==, "/usr/bin/kvm");
  kvm_machines = gvirt_capabilities_domain_get_machines (kvm);
  g_assert_cmpuint (g_strv_length (kvm_machines), ==, 1);
  g_assert_null (gvirt_capabilities_domain_get_emulator (g_ptr_array_index (domains, 0)));
  g_assert_cmpuint (gvirt_capabilities_guest_get_wordsize (xen), ==, 32);
}

static void
test_build (void)
{
  g_autoptr(GVirtCapabilities) caps = gvirt_capabilities_new ();
  g_autoptr(GVirtCapabilitiesGuest) guest = gvirt_capabilities_guest_new ();
  g_autoptr(GVirtCapabilitiesDomain) domain = NULL;
  g_autoptr(GVirtCapabilities) reparsed = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  const char *machines[] = { "pc", "isapc", NULL };
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;

  gvirt_capabilities_set_host_arch (caps, "x86_64");
  gvirt_capabilities_add_host_cpu_feature (caps, "vmx");
  g_object_set (caps, "sockets", 2, "cores", 2, "threads", 1, NULL);

  gvirt_capabilities_guest_set_os_type (guest, "hvm");
  gvirt_capabilities_guest_set_arch (guest, "i686");
  gvirt_capabilities_guest_set_wordsize (guest, 32);
  gvirt_capabilities_guest_set_emulator (guest, "/usr/bin/qemu");
  gvirt_capabilities_guest_set_machines (guest, machines);
  domain = gvirt_capabilities_guest_add_domain (guest, "qemu");
  gvirt_capabilities_guest_add_feature (guest, "pae");
  gvirt_capabilities_add_guest (caps, guest);
  /* the guest and its domain are views of the capabilities now */
  gvirt_capabilities_domain_set_emulator (domain, "/usr/bin/qemu-i386");
  gvirt_capabilities_guest_set_loader (guest, "/usr/share/seabios/bios.bin");

  xml = gvirt_capabilities_to_xml (caps);
  g_assert_nonnull (strstr (xml, "<topology sockets=\"2\" cores=\"2\" threads=\"1\"/>"));
  g_assert_nonnull (strstr (xml, "<domain type=\"qemu\">\n        <emulator>/usr/bin/qemu-i386</emulator>"));
  g_assert_nonnull (strstr (xml, "<loader>/usr/share/seabios/bios.bin</loader>"));
  g_assert_true (gvirt_capabilities_validate (caps, &error));
  g_assert_no_error (error);

  {
    g_autofree char *schema = config_test_libvirt_schema ("capability.rng");

    if (schema != NULL)
      g_assert_true (gvirt_capabilities_validate_with_schema (caps, schema, &error));
    g_assert_no_error (error);
  }

  reparsed = parse_ok (xml);
  g_assert_true (gvirt_capabilities_equal (caps, reparsed));
  guests = gvirt_capabilities_get_guests (reparsed);
  g_assert_cmpuint (guests->len, ==, 1);

  gvirt_capabilities_remove_guest (caps, guest);
  g_assert_false (gvirt_capabilities_equal (caps, reparsed));
  g_assert_cmpstr (gvirt_capabilities_guest_get_arch (guest), ==, "i686");
  g_assert_cmpstr (gvirt_capabilities_domain_get_emulator (domain), ==, "/usr/bin/qemu-i386");
}

static void
test_roundtrip_copy (void)
{
  g_autoptr(GVirtCapabilities) caps = parse_ok (caps_xml);
  g_autoptr(GVirtCapabilities) copy = gvirt_capabilities_copy (caps);
  g_autoptr(GPtrArray) guests = gvirt_capabilities_get_guests (copy);
  g_autofree char *xml = gvirt_capabilities_to_xml (caps);

  g_assert_nonnull (strstr (xml, "<acpi default='on' toggle='yes'/>"));
  g_assert_nonnull (strstr (xml, "<machine canonical='pc-q35-7.2' maxCpus='288'>q35</machine>"));
  g_assert_nonnull (strstr (xml, "<suspend_mem/>"));
  g_assert_true (gvirt_capabilities_equal (caps, copy));
  gvirt_capabilities_guest_set_wordsize (g_ptr_array_index (guests, 1), 64);
  g_assert_false (gvirt_capabilities_equal (caps, copy));
}

/* Validates @caps against GVirt's schema and libvirt's; parses it back. */
static void
assert_valid_both (GVirtCapabilities *caps,
                   const char        *libvirt_schema,
                   const char        *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = gvirt_capabilities_to_xml (caps);
  g_autoptr(GVirtCapabilities) back = NULL;
  gboolean ok;

  ok = gvirt_capabilities_validate (caps, &error);
  config_test_assert_valid (what, "GVirt's schema", ok, error, xml);
  if (libvirt_schema != NULL)
    {
      ok = gvirt_capabilities_validate_with_schema (caps, libvirt_schema, &error);
      config_test_assert_valid (what, "libvirt's schema", ok, error, xml);
    }
  back = parse_ok (xml);
  g_assert_true (gvirt_capabilities_equal (caps, back));
}

/* Every property and list the API sets, in an order unlike the format's
 * (libvirt's capability.rng orders most children), checked against
 * libvirt's schema: what GVirt writes, libvirt must accept. */
static void
test_every_property_libvirt_schema (void)
{
  g_autofree char *schema = config_test_libvirt_schema ("capability.rng");
  g_autoptr(GVirtCapabilities) caps = gvirt_capabilities_new ();
  g_autoptr(GVirtCapabilitiesGuest) hvm = gvirt_capabilities_guest_new ();
  g_autoptr(GVirtCapabilitiesGuest) xen = gvirt_capabilities_guest_new ();
  g_autoptr(GVirtCapabilitiesDomain) kvm = NULL;
  g_autoptr(GVirtCapabilitiesDomain) qemu = NULL;
  g_autoptr(GVirtCapabilitiesDomain) xen_domain = NULL;
  g_autoptr(GHashTable) caps_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) guest_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) domain_set = g_hash_table_new (g_str_hash, g_str_equal);
  const char *pc[] = { "pc", "q35", NULL };
  const char *kvm_machines[] = { "pc-i440fx-7.2", NULL };
  const char *xenpv[] = { "xenpv", NULL };

  if (schema == NULL)
    g_test_skip ("libvirt's capability.rng is neither in GVIRT_CORPUS_DIR nor in "
                 "/usr/share/libvirt/schemas: checked against GVirt's schema alone");

  config_test_track_notify (caps, caps_set);
  config_test_track_notify (hvm, guest_set);
  config_test_track_notify (xen, guest_set);

  /* the host, last things of the format first */
  gvirt_capabilities_add_host_cpu_feature (caps, "avx2");
  g_object_set (caps, "threads", 2, "cores", 4, "dies", 1, "sockets", 1, NULL);
  gvirt_capabilities_set_host_cpu_vendor (caps, "Intel");
  gvirt_capabilities_set_host_cpu_model (caps, "Skylake-Client");
  gvirt_capabilities_add_host_cpu_feature (caps, "vmx");
  gvirt_capabilities_add_host_cpu_feature (caps, "pae");
  gvirt_capabilities_set_host_arch (caps, "x86_64");
  gvirt_capabilities_set_host_uuid (caps, "ec2d7e8c-2a37-4a1b-a3c4-0c6e6b0f4a2e");
  assert_valid_both (caps, schema, "host");

  /* a guest built backwards, before it joins the capabilities */
  kvm = gvirt_capabilities_guest_add_domain (hvm, "kvm");
  config_test_track_notify (kvm, domain_set);
  gvirt_capabilities_domain_set_machines (kvm, kvm_machines);
  gvirt_capabilities_domain_set_emulator (kvm, "/usr/bin/kvm");
  gvirt_capabilities_domain_set_domain_type (kvm, "kvm");
  gvirt_capabilities_guest_add_feature (hvm, "acpi");
  gvirt_capabilities_guest_set_machines (hvm, pc);
  gvirt_capabilities_guest_set_loader (hvm, "/usr/share/seabios/bios.bin");
  gvirt_capabilities_guest_set_emulator (hvm, "/usr/bin/qemu-system-x86_64");
  gvirt_capabilities_guest_set_wordsize (hvm, 64);
  gvirt_capabilities_guest_set_arch (hvm, "x86_64");
  gvirt_capabilities_guest_set_os_type (hvm, "hvm");
  gvirt_capabilities_guest_add_feature (hvm, "pae");
  gvirt_capabilities_add_guest (caps, hvm);
  assert_valid_both (caps, schema, "hvm guest");

  /* and one edited after it joined */
  gvirt_capabilities_guest_set_os_type (xen, "xen");
  gvirt_capabilities_guest_set_arch (xen, "x86_64");
  gvirt_capabilities_add_guest (caps, xen);
  xen_domain = gvirt_capabilities_guest_add_domain (xen, "qemu");
  config_test_track_notify (xen_domain, domain_set);
  gvirt_capabilities_domain_set_domain_type (xen_domain, "xen");
  gvirt_capabilities_guest_set_machines (xen, xenpv);
  gvirt_capabilities_guest_set_emulator (xen, "/usr/lib/xen/bin/qemu-dm");
  gvirt_capabilities_guest_set_wordsize (xen, 32);
  gvirt_capabilities_guest_set_wordsize (xen, 64);
  gvirt_capabilities_guest_add_feature (xen, "pae");
  qemu = gvirt_capabilities_guest_add_domain (hvm, "qemu");
  gvirt_capabilities_domain_set_machines (qemu, pc);
  gvirt_capabilities_domain_set_emulator (qemu, "/usr/bin/qemu-system-x86_64");
  assert_valid_both (caps, schema, "xen guest");

  config_test_assert_all_set (GVIRT_TYPE_CAPABILITIES, caps_set);
  config_test_assert_all_set (GVIRT_TYPE_CAPABILITIES_GUEST, guest_set);
  config_test_assert_all_set (GVIRT_TYPE_CAPABILITIES_DOMAIN, domain_set);
}

/* Documents libvirt's capability.rng refuses: GVirt's validate() refuses
 * them too, and accepts the corrected form, as libvirt's schema does. */
static void
test_validate_like_libvirt (void)
{
#define HOST_CPU(flags) "<capabilities><host><cpu><arch>x86_64</arch>" flags "</cpu></host></capabilities>"
#define GUEST(features) "<capabilities><host><cpu><arch>x86_64</arch></cpu></host><guest><os_type>hvm</os_type>" \
  "<arch name='x86_64'><wordsize>64</wordsize><domain type='kvm'/></arch>" features "</guest></capabilities>"
  static const struct { const char *bad; const char *good; } cases[] = {
    { HOST_CPU ("<features><vmx/><pae/></features>"), HOST_CPU ("<features><pae/><vmx/></features>") },
    { HOST_CPU ("<features><svm/><nonpae/></features>"), HOST_CPU ("<features><nonpae/><svm/></features>") },
    { GUEST ("<features><acpi/></features>"), GUEST ("<features><acpi default='on' toggle='yes'/></features>") },
    { GUEST ("<features><apic default='yes' toggle='no'/></features>"), GUEST ("<features><apic default='on' toggle='no'/></features>") },
    /* unknown elements, where libvirt's schema names what may be there */
    { HOST_CPU ("<nonsense/>"), HOST_CPU ("<microcode version='45'/>") },
    { GUEST ("<nonsense/>"), GUEST ("") },
  };
#undef HOST_CPU
#undef GUEST
  g_autofree char *schema = config_test_libvirt_schema ("capability.rng");
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVirtCapabilities) bad = parse_ok (cases[i].bad);
      g_autoptr(GVirtCapabilities) good = parse_ok (cases[i].good);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].bad);
      g_assert_false (gvirt_capabilities_validate (bad, &error));
      g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
      g_clear_error (&error);
      g_assert_true (gvirt_capabilities_validate (good, &error));
      g_assert_no_error (error);
      if (schema == NULL)
        continue;
      g_assert_false (gvirt_capabilities_validate_with_schema (bad, schema, NULL));
      g_assert_true (gvirt_capabilities_validate_with_schema (good, schema, &error));
      g_assert_no_error (error);
    }
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtCapabilities) caps =
    gvirt_capabilities_new_from_xml ("<capabilities><host/><guest><os_type>hvm</os_type>"
                                     "<arch name='x'><wordsize>many</wordsize></arch></guest></capabilities>",
                                     &error);

  g_assert_null (caps);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  g_assert_nonnull (strstr (error->message, "<wordsize>"));
  g_clear_error (&error);
  g_assert_null (gvirt_capabilities_new_from_xml ("<capabilities>", &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
}

/* The line of the unknown element, not of its <host>. */
static void
test_validate_line (void)
{
  g_autoptr(GVirtCapabilities) caps = parse_ok ("<capabilities>\n  <host>\n    <cpu>\n"
                                                "      <arch>x86_64</arch>\n    </cpu>\n"
                                                "    <nonsense/>\n  </host>\n</capabilities>");
  g_autoptr(GError) error = NULL;

  g_assert_false (gvirt_capabilities_validate (caps, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  g_assert_cmpstr (error->message, ==, "line 6: element “nonsense” is not allowed here.");
}

/* The host topology from node info: 3 CPUs on 2 NUMA nodes share out
 * unevenly, a topology there was is replaced, the rest is kept, and the
 * result is valid for GVirt's schema and libvirt's. */
static void
test_host_topology (void)
{
  g_autoptr(GVirtCapabilities) caps = gvirt_capabilities_new_from_xml (
    "<capabilities><host><cpu><arch>x86_64</arch><topology sockets='9' cores='9' threads='9'/></cpu>"
    "<topology><cells num='1'><cell id='0'/></cells></topology>"
    "<secmodel><model>none</model><doi>0</doi></secmodel></host></capabilities>", NULL);
  g_autoptr(GVirtNodeInfo) info = gvirt_node_info_new ();
  /* libvirt 10's schema, which wants cluster_id as libvirt writes it now
   * (9.0's, in /usr/share/libvirt/schemas, does not know it) */
  const char *corpus = g_getenv ("GVIRT_CORPUS_DIR");
  g_autofree char *schema = corpus != NULL ? g_build_filename (corpus, "schemas", "capability.rng", NULL) : NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (caps);
  info->nodes = 2;
  info->sockets = 1;
  info->cores = 1;
  info->threads = 2;
  info->cpus = 3;
  info->memory = 1025;
  gvirt_capabilities_set_host_topology (caps, info);
  g_assert_cmpuint (gvirt_capabilities_get_sockets (caps), ==, 1);
  g_assert_cmpuint (gvirt_capabilities_get_dies (caps), ==, 1);
  g_assert_cmpuint (gvirt_capabilities_get_cores (caps), ==, 1);
  g_assert_cmpuint (gvirt_capabilities_get_threads (caps), ==, 2);
  xml = gvirt_capabilities_to_xml (caps);
  g_test_message ("%s", xml);
  g_assert_null (strstr (xml, "<cell id='0'/>"));
  g_assert_nonnull (strstr (xml, "<cells num='2'>"));
  g_assert_nonnull (strstr (xml, "<memory unit='KiB'>513</memory>"));
  g_assert_nonnull (strstr (xml, "<memory unit='KiB'>512</memory>"));
  g_assert_nonnull (strstr (xml, "<cpu id='1' socket_id='0' die_id='0' cluster_id='0' core_id='0' siblings='0-1'/>"));
  g_assert_nonnull (strstr (xml, "<cpu id='2' socket_id='1' die_id='0' cluster_id='0' core_id='0' siblings='2'/>"));
  g_assert_true (strstr (xml, "</topology>") < strstr (xml, "<secmodel>"));
  g_assert_true (gvirt_capabilities_validate (caps, &error));
  g_assert_no_error (error);
  if (schema != NULL && g_file_test (schema, G_FILE_TEST_EXISTS))
    {
      g_assert_true (gvirt_capabilities_validate_with_schema (caps, schema, &error));
      g_assert_no_error (error);
    }

  /* unknown counts are 1, the least the format allows */
  memset (info, 0, sizeof *info);
  gvirt_capabilities_set_host_topology (caps, info);
  g_assert_cmpuint (gvirt_capabilities_get_sockets (caps), ==, 1);
  g_clear_pointer (&xml, g_free);
  xml = gvirt_capabilities_to_xml (caps);
  g_assert_nonnull (strstr (xml, "<cells num='1'>"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GVIRT_SCHEMA_DIR", GVIRT_TEST_SCHEMA_DIR, FALSE);

  g_test_add_func ("/capabilities/parse/host", test_parse_host);
  g_test_add_func ("/capabilities/parse/guests", test_parse_guests);
  g_test_add_func ("/capabilities/build", test_build);
  g_test_add_func ("/capabilities/roundtrip-copy", test_roundtrip_copy);
  g_test_add_func ("/capabilities/errors", test_errors);
  g_test_add_func ("/capabilities/validate/every-property", test_every_property_libvirt_schema);
  g_test_add_func ("/capabilities/validate/like-libvirt", test_validate_like_libvirt);
  g_test_add_func ("/capabilities/validate/line", test_validate_line);
  g_test_add_func ("/capabilities/host-topology", test_host_topology);

  return g_test_run ();
}
