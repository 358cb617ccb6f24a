/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Tests of GVirtNetworkConfig. */
#include <string.h>
#include <libvirt-gobject/config/gvirt-config.h>
#include <libvirt-gobject/gvirt-error.h>
#include <libvirt-gobject/gvirt-enum-types.h>

#include "libvirt-gobject/config/gvirt-network-config-private.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"
#include "config-test-util.h"

static const char default_xml[] =
  "<network>\n"
  "  <name>default</name>\n"
  "  <uuid>004b96e12d78c30f5aa5f03c87d21e69</uuid>\n"
  "  <bridge name='virbr0' stp='on' delay='2'/>\n"
  "  <forward dev='eth0'/>\n"
  "  <domain name='example.com'/>\n"
  "  <mac address='52:54:00:12:34:56'/>\n"
  "  <ip address='192.168.122.1' netmask='255.255.255.0'>\n"
  "    <tftp root='/srv/tftp'/>\n"
  "    <dhcp>\n"
  "      <range start='192.168.122.2' end='192.168.122.127'/>\n"
  "      <range start='192.168.122.200' end='192.168.122.254'/>\n"
  "      <host mac='00:16:3e:77:e2:ed' name='a.example.com' ip='192.168.122.10'/>\n"
  "      <host name='b' ip='192.168.122.11'/>\n"
  "    </dhcp>\n"
  "  </ip>\n"
  "</network>\n";

static GVirtNetworkConfig *
parse_ok (const char *xml)
{
  g_autoptr(GError) error = NULL;
  GVirtNetworkConfig *config = gvirt_network_config_new_from_xml (xml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (config);
  return config;
}

static void
test_parse (void)
{
  g_autoptr(GVirtNetworkConfig) config = parse_ok (default_xml);
  g_autofree char *start = NULL, *end = NULL, *mac = NULL, *name = NULL, *ip = NULL;

  g_assert_cmpstr (gvirt_network_config_get_name (config), ==, "default");
  g_assert_cmpstr (gvirt_network_config_get_uuid (config), ==, "004b96e1-2d78-c30f-5aa5-f03c87d21e69");
  g_assert_cmpstr (gvirt_network_config_get_bridge_name (config), ==, "virbr0");
  g_assert_true (gvirt_network_config_get_stp (config));
  g_assert_cmpuint (gvirt_network_config_get_delay (config), ==, 2);
  g_assert_cmpint (gvirt_network_config_get_forward_mode (config), ==, GVIRT_NETWORK_FORWARD_MODE_NAT);
  g_assert_cmpstr (gvirt_network_config_get_forward_dev (config), ==, "eth0");
  g_assert_cmpstr (gvirt_network_config_get_domain_name (config), ==, "example.com");
  g_assert_cmpstr (gvirt_network_config_get_mac (config), ==, "52:54:00:12:34:56");
  g_assert_cmpstr (gvirt_network_config_get_ip_address (config), ==, "192.168.122.1");
  g_assert_cmpstr (gvirt_network_config_get_ip_netmask (config), ==, "255.255.255.0");
  g_assert_cmpuint (gvirt_network_config_get_ip_prefix (config), ==, 0);

  g_assert_cmpuint (gvirt_network_config_get_n_dhcp_ranges (config), ==, 2);
  g_assert_true (gvirt_network_config_get_dhcp_range (config, 1, &start, &end));
  g_assert_cmpstr (start, ==, "192.168.122.200");
  g_assert_cmpstr (end, ==, "192.168.122.254");
  g_assert_false (gvirt_network_config_get_dhcp_range (config, 2, NULL, NULL));

  g_assert_cmpuint (gvirt_network_config_get_n_dhcp_hosts (config), ==, 2);
  g_assert_true (gvirt_network_config_get_dhcp_host (config, 1, &mac, &name, &ip));
  g_assert_null (mac);
  g_assert_cmpstr (name, ==, "b");
  g_assert_cmpstr (ip, ==, "192.168.122.11");
}

static void count_notify (GObject *object, GParamSpec *pspec, gpointer user_data);

static void
test_isolated (void)
{
  guint dev_notifies = 0;
  g_autoptr(GVirtNetworkConfig) config =
    parse_ok ("<network><name>iso</name><bridge name='br9' stp='off'/></network>");
  g_autofree char *xml = NULL;

  g_assert_cmpint (gvirt_network_config_get_forward_mode (config), ==, GVIRT_NETWORK_FORWARD_MODE_NONE);
  g_assert_false (gvirt_network_config_get_stp (config));
  gvirt_network_config_set_forward_mode (config, GVIRT_NETWORK_FORWARD_MODE_ROUTE);
  gvirt_network_config_set_forward_dev (config, "eth1");
  xml = gvirt_network_config_to_xml (config);
  g_assert_nonnull (strstr (xml, "<forward mode='route' dev='eth1'/>"));
  g_signal_connect (config, "notify::forward-dev", G_CALLBACK (count_notify), &dev_notifies);
  gvirt_network_config_set_forward_mode (config, GVIRT_NETWORK_FORWARD_MODE_NONE);
  g_clear_pointer (&xml, g_free);
  xml = gvirt_network_config_to_xml (config);
  g_assert_null (strstr (xml, "forward"));
  /* the device went with <forward> */
  g_assert_cmpuint (dev_notifies, ==, 1);
  g_assert_null (gvirt_network_config_get_forward_dev (config));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_edit (void)
{
  g_autoptr(GVirtNetworkConfig) config = parse_ok (default_xml);
  g_autoptr(GVirtNetworkConfig) reparsed = NULL;
  g_autofree char *xml = NULL;
  guint notifies = 0;

  g_signal_connect (config, "notify::forward-mode", G_CALLBACK (count_notify), &notifies);
  gvirt_network_config_set_forward_mode (config, GVIRT_NETWORK_FORWARD_MODE_NAT);
  g_assert_cmpuint (notifies, ==, 0);
  g_object_set (config, "forward-mode", GVIRT_NETWORK_FORWARD_MODE_OPEN, "stp", FALSE, "ip-prefix", 24, NULL);
  g_assert_cmpuint (notifies, ==, 1);

  gvirt_network_config_clear_dhcp_hosts (config);
  gvirt_network_config_add_dhcp_host (config, "52:54:00:00:00:01", NULL, "192.168.122.50");
  gvirt_network_config_clear_dhcp_ranges (config);
  gvirt_network_config_add_dhcp_range (config, "192.168.122.100", "192.168.122.150");
  xml = gvirt_network_config_to_xml (config);
  g_assert_nonnull (strstr (xml, "<bridge name='virbr0' stp='off' delay='2'/>"));
  g_assert_nonnull (strstr (xml, "<tftp root='/srv/tftp'/>"));
  g_assert_nonnull (strstr (xml, "prefix='24'"));
  reparsed = parse_ok (xml);
  g_assert_cmpuint (gvirt_network_config_get_n_dhcp_hosts (reparsed), ==, 1);
  g_assert_cmpuint (gvirt_network_config_get_n_dhcp_ranges (reparsed), ==, 1);
  g_assert_cmpint (gvirt_network_config_get_forward_mode (reparsed), ==, GVIRT_NETWORK_FORWARD_MODE_OPEN);
  g_assert_true (gvirt_network_config_equal (config, reparsed));

  /* removing the last range and host drops the empty <dhcp> */
  gvirt_network_config_clear_dhcp_hosts (config);
  gvirt_network_config_clear_dhcp_ranges (config);
  g_clear_pointer (&xml, g_free);
  xml = gvirt_network_config_to_xml (config);
  g_assert_null (strstr (xml, "dhcp"));
  g_assert_nonnull (strstr (xml, "<tftp"));
}

static void
test_new_nat (void)
{
  g_autoptr(GVirtNetworkConfig) config =
    gvirt_network_config_new_nat ("lab", "virbr7", "10.7.0.1", "255.255.255.0");
  g_autoptr(GVirtNetworkConfig) copy = gvirt_network_config_copy (config);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL, *end = NULL;

  g_assert_cmpint (gvirt_network_config_get_forward_mode (config), ==, GVIRT_NETWORK_FORWARD_MODE_NAT);
  g_assert_true (gvirt_network_config_get_dhcp_range (config, 0, &start, &end));
  g_assert_cmpstr (start, ==, "10.7.0.128");
  g_assert_cmpstr (end, ==, "10.7.0.254");
  g_assert_true (gvirt_network_config_validate (config, &error));
  g_assert_no_error (error);

  {
    g_autofree char *schema = config_test_libvirt_schema ("network.rng");

    if (schema != NULL)
      g_assert_true (gvirt_network_config_validate_with_schema (config, schema, &error));
    g_assert_no_error (error);
  }

  g_assert_true (gvirt_network_config_equal (config, copy));
  gvirt_network_config_set_bridge_name (copy, "virbr8");
  g_assert_false (gvirt_network_config_equal (config, copy));
  g_assert_cmpstr (gvirt_network_config_get_bridge_name (config), ==, "virbr7");
}

/* Checks @config against GVirt's schema and, where it is found, libvirt's. */
static void
assert_valid_both (GVirtNetworkConfig *config,
                   const char         *libvirt_schema,
                   const char         *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = gvirt_network_config_to_xml (config);
  gboolean ok;

  ok = gvirt_network_config_validate (config, &error);
  config_test_assert_valid (what, "GVirt's schema", ok, error, xml);
  if (libvirt_schema != NULL)
    {
      ok = gvirt_network_config_validate_with_schema (config, libvirt_schema, &error);
      config_test_assert_valid (what, "libvirt's schema", ok, error, xml);
    }
}

/* Every property and list the API sets, written and checked against
 * libvirt's own network.rng: what GVirt writes, libvirt must accept. */
static void
test_every_property_libvirt_schema (void)
{
  g_autofree char *schema = config_test_libvirt_schema ("network.rng");
  g_autoptr(GVirtNetworkConfig) config = gvirt_network_config_new ();
  g_autoptr(GVirtNetworkConfig) reparsed = NULL;
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GEnumClass) modes = g_type_class_ref (GVIRT_TYPE_NETWORK_FORWARD_MODE);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  guint i;

  if (schema == NULL)
    {
      g_test_skip ("libvirt's network.rng is neither in GVIRT_CORPUS_DIR nor in "
                   "/usr/share/libvirt/schemas: checked against GVirt's schema alone");
    }

  config_test_track_notify (config, set);
  gvirt_network_config_set_name (config, "lab");
  gvirt_network_config_set_uuid (config, "0f0e0d0c-0b0a-0908-0706-050403020100");
  gvirt_network_config_set_bridge_name (config, "virbr9");
  gvirt_network_config_set_stp (config, FALSE);
  gvirt_network_config_set_delay (config, 3);
  gvirt_network_config_set_forward_dev (config, "eth0");
  gvirt_network_config_set_domain_name (config, "lab.example");
  gvirt_network_config_set_mac (config, "52:54:00:ab:cd:ef");
  gvirt_network_config_set_ip_address (config, "10.9.0.1");
  gvirt_network_config_set_ip_netmask (config, "255.255.255.0");
  gvirt_network_config_add_dhcp_range (config, "10.9.0.100", "10.9.0.199");
  gvirt_network_config_add_dhcp_host (config, "52:54:00:00:00:01", "a.lab.example", "10.9.0.10");
  gvirt_network_config_add_dhcp_host (config, NULL, "b", "10.9.0.11");
  gvirt_network_config_add_dhcp_host (config, "52:54:00:00:00:02", NULL, "10.9.0.12");
  g_assert_true (gvirt_network_config_set_metadata (config, "http://example.org/lab", "lab",
                                                    "<owner>ops</owner>", &error));
  g_assert_no_error (error);

  xml = gvirt_network_config_to_xml (config);
  g_assert_nonnull (strstr (xml, "stp=\"off\""));
  assert_valid_both (config, schema, "stp off, netmask");

  gvirt_network_config_set_stp (config, TRUE);
  g_clear_pointer (&xml, g_free);
  xml = gvirt_network_config_to_xml (config);
  g_assert_nonnull (strstr (xml, "stp=\"on\""));
  assert_valid_both (config, schema, "stp on");

  /* every forwarding mode the enum can set */
  for (i = 0; i < modes->n_values; i++)
    {
      GVirtNetworkForwardMode mode = modes->values[i].value;

      if (mode == GVIRT_NETWORK_FORWARD_MODE_OTHER)
        continue;
      gvirt_network_config_set_forward_mode (config, mode);
      g_assert_cmpint (gvirt_network_config_get_forward_mode (config), ==, mode);
      assert_valid_both (config, schema, modes->values[i].value_nick);
    }
  gvirt_network_config_set_forward_mode (config, GVIRT_NETWORK_FORWARD_MODE_NAT);
  gvirt_network_config_set_forward_dev (config, "eth0");

  /* a prefix instead of the netmask: libvirt takes one or the other */
  gvirt_network_config_set_ip_netmask (config, NULL);
  gvirt_network_config_set_ip_prefix (config, 24);
  assert_valid_both (config, schema, "prefix");

  config_test_assert_all_set (GVIRT_TYPE_NETWORK_CONFIG, set);

  g_clear_pointer (&xml, g_free);
  xml = gvirt_network_config_to_xml (config);
  reparsed = parse_ok (xml);
  g_assert_true (gvirt_network_config_equal (config, reparsed));
  g_assert_cmpuint (gvirt_network_config_get_n_dhcp_hosts (reparsed), ==, 3);
  g_assert_cmpuint (gvirt_network_config_get_ip_prefix (reparsed), ==, 24);
}

static void
test_stp_spellings (void)
{
  static const struct { const char *xml; gboolean stp; } cases[] = {
    { "<network><name>n</name><bridge stp='on'/></network>", TRUE },
    { "<network><name>n</name><bridge stp='yes'/></network>", TRUE },
    { "<network><name>n</name><bridge stp='off'/></network>", FALSE },
    { "<network><name>n</name><bridge stp='no'/></network>", FALSE },
    { "<network><name>n</name><bridge name='b'/></network>", TRUE },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVirtNetworkConfig) config = parse_ok (cases[i].xml);
      g_autoptr(GError) error = NULL;
      gboolean yes_no = strstr (cases[i].xml, "'yes'") != NULL || strstr (cases[i].xml, "'no'") != NULL;
      g_autofree char *xml = NULL;

      g_assert_cmpint (gvirt_network_config_get_stp (config), ==, cases[i].stp);
      /* GVirt's schema, like libvirt's, takes on/off alone */
      g_assert_cmpint (gvirt_network_config_validate (config, &error), ==, !yes_no);
      g_clear_error (&error);
      /* a change writes on/off */
      gvirt_network_config_set_stp (config, !cases[i].stp);
      xml = gvirt_network_config_to_xml (config);
      g_assert_nonnull (strstr (xml, cases[i].stp ? "stp='off'" : "stp='on'"));
      g_assert_true (gvirt_network_config_validate (config, &error));
      g_assert_no_error (error);
    }
}

/* Documents libvirt's network.rng refuses: GVirt's validate() refuses them
 * too, and accepts the corrected form, as libvirt's schema does. */
static void
test_validate_like_libvirt (void)
{
  static const struct { const char *bad; const char *good; } cases[] = {
    { "<network><name>n</name><bridge name='b' stp='yes'/></network>",
      "<network><name>n</name><bridge name='b' stp='on'/></network>" },
    { "<network><name>n</name><bridge name='b' stp='no'/></network>",
      "<network><name>n</name><bridge name='b' stp='off'/></network>" },
    { "<network><name>n</name><ip address='10.0.0.1' netmask='255.0.0.0' prefix='8'/></network>",
      "<network><name>n</name><ip address='10.0.0.1' prefix='8'/></network>" },
    { "<network><name>n</name><ip address='300.1.1.1' prefix='8'/></network>",
      "<network><name>n</name><ip address='10.1.1.1' prefix='8'/></network>" },
    { "<network><name>n</name><ip address='10.0.0.1' prefix='8'><dhcp><range start='10.0.0.2' end='10.0.0.256'/></dhcp></ip></network>",
      "<network><name>n</name><ip address='10.0.0.1' prefix='8'><dhcp><range start='10.0.0.2' end='10.0.0.254'/></dhcp></ip></network>" },
    { "<network><name>n</name><nonsense/></network>",
      "<network><name>n</name><dns><forwarder addr='10.0.0.1'/></dns></network>" },
    { "<network><name>n</name><mac address='01:00:5e:00:00:01'/></network>",
      "<network><name>n</name><mac address='02:00:5e:00:00:01'/></network>" },
    { "<network><name>n</name><ip address='10.0.0.1'><dhcp><host ip='10.0.0.2'/></dhcp></ip></network>",
      "<network><name>n</name><ip address='10.0.0.1'><dhcp><host name='h' ip='10.0.0.2'/></dhcp></ip></network>" },
  };
  g_autofree char *schema = config_test_libvirt_schema ("network.rng");
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVirtNetworkConfig) bad = parse_ok (cases[i].bad);
      g_autoptr(GVirtNetworkConfig) good = parse_ok (cases[i].good);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].bad);
      g_assert_false (gvirt_network_config_validate (bad, &error));
      g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
      g_clear_error (&error);
      g_assert_true (gvirt_network_config_validate (good, &error));
      g_assert_no_error (error);
      if (schema == NULL)
        continue;
      g_assert_false (gvirt_network_config_validate_with_schema (bad, schema, NULL));
      g_assert_true (gvirt_network_config_validate_with_schema (good, schema, &error));
      g_assert_no_error (error);
    }
}

/* Validation names the line of the element that is wrong. */
static void
test_validate_line (void)
{
  g_autoptr(GVirtNetworkConfig) config = parse_ok ("<network>\n  <name>n</name>\n  <bridge name='b'/>\n"
                                                   "  <ip address='300.1.1.1' netmask='255.0.0.0'>\n"
                                                   "  </ip>\n</network>");
  g_autoptr(GVirtNetworkConfig) extra = parse_ok ("<network>\n  <name>n</name>\n  <ip address='10.0.0.1'>\n"
                                                  "    <dhcp>\n      <range start='10.0.0.2' end='10.0.0.9'/>\n"
                                                  "      <nonsense/>\n    </dhcp>\n  </ip>\n</network>");
  g_autoptr(GError) error = NULL;

  g_assert_false (gvirt_network_config_validate (config, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  g_assert_cmpstr (error->message, ==, "line 4: the value of attribute “address” of element “ip” is not allowed.");
  g_clear_error (&error);
  g_assert_false (gvirt_network_config_validate (extra, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  g_assert_cmpstr (error->message, ==, "line 6: element “nonsense” is not allowed here.");
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtNetworkConfig) bad_uuid =
    gvirt_network_config_new_from_xml ("<network><name>n</name><uuid>xyz</uuid></network>", &error);
  g_autoptr(GVirtNetworkConfig) bad_delay = NULL;
  g_autoptr(GVirtNetworkConfig) invalid = NULL;
  g_autoptr(GVirtNetworkConfig) root = NULL;

  g_assert_null (bad_uuid);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  g_clear_error (&error);
  bad_delay = gvirt_network_config_new_from_xml ("<network><name>n</name>\n<bridge delay='-1'/></network>", &error);
  g_assert_null (bad_delay);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  root = gvirt_network_config_new_from_xml ("<domain type='test'/>", &error);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  g_clear_error (&error);

  invalid = parse_ok ("<network>\n<name>n</name>\n<mac address='not-a-mac'/>\n</network>");
  g_assert_false (gvirt_network_config_validate (invalid, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
  g_assert_nonnull (strstr (error->message, "line 3"));
}

static void
test_equal_whitespace (void)
{
  /* found by the fuzzer: layout inside mixed content is not meaning */
  g_autoptr(GVirtNetworkConfig) a =
    parse_ok ("<network><name>n</name><ip><dhcp>a  b<range start='1.1.1.1' end='1.1.1.2'/>c\n"
              "</dhcp></ip></network>");
  g_autoptr(GVirtNetworkConfig) b =
    parse_ok ("<network><name>n</name><ip><dhcp>\n a b <range start='1.1.1.1' end='1.1.1.2'/> c"
              "</dhcp></ip></network>");
  g_autoptr(GVirtNetworkConfig) c =
    parse_ok ("<network><name>n</name><ip><dhcp>ab<range start='1.1.1.1' end='1.1.1.2'/>c"
              "</dhcp></ip></network>");
  g_autofree char *xml = gvirt_network_config_to_xml (a);
  g_autoptr(GVirtNetworkConfig) again = parse_ok (xml);

  g_assert_true (gvirt_network_config_equal (a, b));
  g_assert_false (gvirt_network_config_equal (a, c));
  g_assert_true (gvirt_network_config_equal (a, again));
}

static void
test_from_node (void)
{
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc = _gvirt_xml_parse ("<node><network><name>inner</name></network></node>", -1, &error);
  g_autoptr(GVirtNetworkConfig) config =
    _gvirt_network_config_new_from_xml_node (xmlDocGetRootElement (doc)->children, &error);

  g_assert_no_error (error);
  xmlFreeDoc (doc);
  g_assert_cmpstr (gvirt_network_config_get_name (config), ==, "inner");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GVIRT_SCHEMA_DIR", GVIRT_TEST_SCHEMA_DIR, FALSE);

  g_test_add_func ("/network-config/parse", test_parse);
  g_test_add_func ("/network-config/isolated", test_isolated);
  g_test_add_func ("/network-config/edit", test_edit);
  g_test_add_func ("/network-config/new-nat", test_new_nat);
  g_test_add_func ("/network-config/errors", test_errors);
  g_test_add_func ("/network-config/equal-whitespace", test_equal_whitespace);
  g_test_add_func ("/network-config/from-node", test_from_node);
  g_test_add_func ("/network-config/stp-spellings", test_stp_spellings);
  g_test_add_func ("/network-config/validate/libvirt-schema", test_every_property_libvirt_schema);
  g_test_add_func ("/network-config/validate/like-libvirt", test_validate_like_libvirt);
  g_test_add_func ("/network-config/validate/line", test_validate_line);

  return g_test_run ();
}
