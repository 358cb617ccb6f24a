/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Written XML keeps the quote the input put around its attributes. */
#include <string.h>
#include <libvirt-gobject/config/gvirt-config.h>

#include "libvirt-gobject/config/gvirt-xml-private.h"

static GVirtDomainConfig *
parse_domain (const char *xml)
{
  g_autoptr(GError) error = NULL;
  GVirtDomainConfig *config = gvirt_domain_config_new_from_xml (xml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (config);
  return config;
}

/* The first attribute of the first start tag that has one tells; what is
 * not an element does not count. */
static void
test_detect (void)
{
  static const struct {
    const char *xml;
    char        quote;
  } cases[] = {
    { "<domain type='kvm'/>", '\'' },
    { "<domain type=\"kvm\"/>", '"' },
    { "<domain type = \n'kvm'/>", '\'' },
    { "<domain a=\"1\" b='2'/>", '"' },
    { "<?xml version=\"1.0\"?>\n<domain type='kvm'/>", '\'' },
    { "<!-- a=\"b\" --><domain><name x='1'/></domain>", '\'' },
    { "<!DOCTYPE domain><domain a='1'/>", '\'' },
    { "<domain><?pi a=\"b\" ?><x y='1'/></domain>", '\'' },
    { "<domain>x<![CDATA[<a b=\"c\">]]><b c='d'/></domain>", '\'' },
    { "<domain><name>a=\"b\"</name><x y='1'/></domain>", '\'' },
    { "<domain><name>a</name></domain>", '"' },
    { "<domain xmlns:q='urn:q'><q:x/></domain>", '\'' },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].xml);
      g_assert_cmpint (_gvirt_xml_detect_quote (cases[i].xml, strlen (cases[i].xml)),
                       ==, cases[i].quote);
    }
}

/* Either quote comes back as it was, with the other one escaped as
 * libvirt does; a setter's new attribute takes the document's quote. */
static void
test_kept (void)
{
  g_autoptr(GVirtDomainConfig) single =
    parse_domain ("<domain type='kvm' x='it&apos;s &quot;q&quot;'><name>a</name>"
                  "<os><type>hvm</type></os></domain>");
  g_autoptr(GVirtDomainConfig) dbl =
    parse_domain ("<domain type=\"kvm\" x=\"it's &quot;q&quot;\"><name>a</name>"
                  "<os><type>hvm</type></os></domain>");
  g_autofree char *single_xml = NULL;
  g_autofree char *dbl_xml = NULL;

  gvirt_domain_config_set_arch (single, "x86_64");
  gvirt_domain_config_set_arch (dbl, "x86_64");
  single_xml = gvirt_domain_config_to_xml (single);
  dbl_xml = gvirt_domain_config_to_xml (dbl);
  g_assert_cmpstr (single_xml, ==,
                   "<domain type='kvm' x='it&apos;s &quot;q&quot;'>\n"
                   "  <name>a</name>\n"
                   "  <os>\n"
                   "    <type arch='x86_64'>hvm</type>\n"
                   "  </os>\n"
                   "</domain>\n");
  g_assert_cmpstr (dbl_xml, ==,
                   "<domain type=\"kvm\" x=\"it's &quot;q&quot;\">\n"
                   "  <name>a</name>\n"
                   "  <os>\n"
                   "    <type arch=\"x86_64\">hvm</type>\n"
                   "  </os>\n"
                   "</domain>\n");
}

/* A document built in memory has double quotes, as libxml2 writes. */
static void
test_in_memory (void)
{
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new ();
  g_autofree char *xml = NULL;

  gvirt_domain_config_set_domain_type (config, "kvm");
  xml = gvirt_domain_config_to_xml (config);
  g_assert_nonnull (strstr (xml, "<domain type=\"kvm\""));
}

/* Copies of a configuration, of a network and of a device, and a
 * device's own XML, keep the quote. */
static void
test_copies (void)
{
  g_autoptr(GVirtDomainConfig) config =
    parse_domain ("<domain type='kvm'><name>a</name><devices>"
                  "<disk type='file' device='disk'><target dev='vda'/></disk>"
                  "</devices></domain>");
  g_autoptr(GVirtDomainConfig) copy = gvirt_domain_config_copy (config);
  GListModel *devices = gvirt_domain_config_get_devices (copy);
  g_autoptr(GVirtDomainDevice) disk = g_list_model_get_item (devices, 0);
  g_autoptr(GVirtDomainDevice) disk_copy = gvirt_domain_device_copy (disk);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtNetworkConfig) network =
    gvirt_network_config_new_from_xml ("<network><name>n</name>"
                                       "<bridge name='virbr1'/></network>", &error);
  g_autoptr(GVirtNetworkConfig) network_copy = NULL;
  g_autofree char *xml = gvirt_domain_config_to_xml (copy);
  g_autofree char *disk_xml = gvirt_domain_device_to_xml (disk);
  g_autofree char *disk_copy_xml = gvirt_domain_device_to_xml (disk_copy);
  g_autofree char *network_xml = NULL;

  g_assert_nonnull (strstr (xml, "<target dev='vda'/>"));
  g_assert_cmpstr (disk_xml, ==,
                   "<disk type='file' device='disk'>\n"
                   "  <target dev='vda'/>\n"
                   "</disk>\n");
  g_assert_cmpstr (disk_copy_xml, ==, disk_xml);

  g_assert_no_error (error);
  network_copy = gvirt_network_config_copy (network);
  network_xml = gvirt_network_config_to_xml (network_copy);
  g_assert_nonnull (strstr (network_xml, "<bridge name='virbr1'/>"));
}

/* A namespace URI holding the quote has the other one, as libxml2 does;
 * what the writer leaves to libxml2 (here a URI holding both) comes out in
 * double quotes: libxml2 has no other. */
static void
test_namespace_uri (void)
{
  g_autoptr(GVirtDomainConfig) config =
    parse_domain ("<domain type='kvm' xmlns:q=\"urn:'q'\"><name>a</name></domain>");
  g_autoptr(GVirtDomainConfig) both =
    parse_domain ("<domain type='kvm' xmlns:q=\"urn:'q'&quot;\"><name>a</name></domain>");
  g_autofree char *xml = gvirt_domain_config_to_xml (config);
  g_autofree char *both_xml = gvirt_domain_config_to_xml (both);

  g_assert_nonnull (strstr (xml, "<domain xmlns:q=\"urn:'q'\" type='kvm'>"));
  g_assert_nonnull (strstr (both_xml, "<domain xmlns:q=\"urn:'q'&quot;\" type=\"kvm\">"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xml-quote/detect", test_detect);
  g_test_add_func ("/xml-quote/kept", test_kept);
  g_test_add_func ("/xml-quote/in-memory", test_in_memory);
  g_test_add_func ("/xml-quote/copies", test_copies);
  g_test_add_func ("/xml-quote/namespace-uri", test_namespace_uri);
  return g_test_run ();
}
