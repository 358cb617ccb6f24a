/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GTest suite for the test:/// hypervisor itself: node files, the save image format, bad restores, independent nodes. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "gvirt-test-util.h"
#include "gvirt-test-caps.h"

static GVirtDomain *
find_domain (GVirtConnection *conn, const char *name)
{
  GVirtDomain *dom = gvirt_connection_find_domain_by_name (conn, name);

  if (dom == NULL)
    g_error ("no domain “%s”", name);
  return dom;
}

static void
assert_node_invalid (const char *basename, const char *xml, gint code, const char *needle)
{
  g_autofree char *uri = gvirt_test_node_uri (basename, xml);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtConnection) conn = gvirt_connection_open_sync (uri, GVIRT_CONNECTION_NONE, NULL, &error);

  g_assert_null (conn);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, code, basename);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, needle);
}

/* Node files */

/* A node file's <cpu> and <memory> are the host of the built-in
 * capabilities: 1 NUMA node of 1 socket, 4 cores, 2 threads. */
static void
test_node_capabilities_topology (void)
{
  g_autofree char *uri = gvirt_test_node_uri ("topology.xml",
    "<node><cpu><mhz>2000</mhz><model>x86_64</model><active>8</active><nodes>1</nodes>"
    "<sockets>1</sockets><cores>4</cores><threads>2</threads></cpu>"
    "<memory>4194304</memory></node>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtConnection) conn = gvirt_connection_open_sync (uri, GVIRT_CONNECTION_NONE, NULL, &error);
  g_autoptr(GVirtCapabilities) caps = NULL;
  g_autoptr(GVirtNodeInfo) info = NULL;

  g_assert_no_error (error);
  caps = gvirt_connection_get_capabilities_sync (conn, NULL, &error);
  g_assert_no_error (error);
  info = gvirt_connection_get_node_info_sync (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->cores, ==, 4);
  g_assert_cmpuint (gvirt_capabilities_get_cores (caps), ==, 4);
  gvirt_test_assert_caps_match_node (caps, info);
}

static void
test_node_libvirt_example (void)
{
  const char *corpus = g_getenv ("GVIRT_CORPUS_DIR");
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GVirtConnection) conn = NULL;
  g_autoptr(GVirtNodeInfo) info = NULL;
  g_autoptr(GVirtDomain) fv0 = NULL;
  g_autoptr(GVirtDomain) fc4 = NULL;
  g_autoptr(GVirtDomain) by_upper = NULL;
  g_autoptr(GVirtNetwork) priv = NULL;
  g_autoptr(GVirtNetwork) def = NULL;
  g_autoptr(GError) error = NULL;

  path = g_build_filename (corpus ? corpus : "/work/shared/corpus/libvirt", "v0.3.3", "docs", "testnode.xml", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_free (path);
      path = g_strdup ("/work/shared/corpus/libvirt/v0.3.3/docs/testnode.xml");
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("libvirt 0.3.3 testnode.xml is not available");
      return;
    }
  uri = g_strconcat ("test://", path, NULL);
  conn = gvirt_test_open (uri, GVIRT_CONNECTION_NONE);

  info = gvirt_connection_get_node_info_sync (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->model, ==, "i986");
  g_assert_cmpuint (info->cpus, ==, 50);
  g_assert_cmpuint (info->mhz, ==, 6000);
  g_assert_cmpuint (info->nodes, ==, 4);
  g_assert_cmpuint (info->sockets, ==, 4);
  g_assert_cmpuint (info->cores, ==, 4);
  g_assert_cmpuint (info->threads, ==, 2);
  g_assert_cmpuint (info->memory, ==, 8192000);

  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (conn)), ==, 2);
  fv0 = find_domain (conn, "fv0");
  fc4 = find_domain (conn, "fc4");
  g_assert_cmpint (gvirt_domain_get_state (fv0), ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_cmpint (gvirt_domain_get_state (fc4), ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_cmpint (gvirt_domain_get_id (fv0), ==, 1);
  g_assert_cmpint (gvirt_domain_get_id (fc4), ==, 2);
  g_assert_true (gvirt_domain_get_persistent (fc4));
  /* Upper-case undashed UUID in the file, canonical in the object. */
  g_assert_cmpstr (gvirt_domain_get_uuid (fc4), ==, "ef861801-45b9-11cb-88e3-afbfe5370493");
  g_assert_cmpstr (gvirt_domain_get_uuid (fv0), ==, "4dea22b3-1d52-d8f3-2516-782e98ab3fa0");
  by_upper = gvirt_connection_find_domain_by_uuid (conn, "EF86180145B911CB88E3AFBFE5370493");
  g_assert_true (by_upper == fc4);

  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_networks (conn)), ==, 2);
  priv = gvirt_connection_find_network_by_name (conn, "private");
  def = gvirt_connection_find_network_by_name (conn, "default");
  g_assert_nonnull (priv);
  g_assert_nonnull (def);
  g_assert_cmpstr (gvirt_network_get_bridge (priv), ==, "brpriv");
  g_assert_cmpstr (gvirt_network_get_bridge (def), ==, "brdefault");
  g_assert_true (gvirt_network_get_active (priv));
  g_assert_true (gvirt_network_get_persistent (def));
}

static const char states_node[] =
  "<node>\n"
  "  <cpu><active>4</active></cpu>\n"
  "  <domain type='test' state='shutoff' autostart='yes'>\n"
  "    <name>cold</name><memory>65536</memory><vcpu>1</vcpu>\n"
  "  </domain>\n"
  "  <domain type='test' state='paused'>\n"
  "    <name>napping</name><uuid>AAAAAAAABBBBCCCCDDDDEEEEEEEEEEEE</uuid><memory>65536</memory><vcpu>2</vcpu>\n"
  "  </domain>\n"
  "  <domain type='test'>\n"
  "    <name>hot</name><memory>131072</memory><currentMemory>262144</currentMemory><vcpu>1</vcpu>\n"
  "  </domain>\n"
  "  <network active='no'><name>auto</name></network>\n"
  "  <network autostart='yes'><name>fixed</name><bridge name='virbr0'/></network>\n"
  "  <unknown-element/>\n"
  "</node>\n";

static void
test_node_states (void)
{
  g_autofree char *uri = gvirt_test_node_uri ("states.xml", states_node);
  g_autoptr(GVirtConnection) conn = gvirt_test_open (uri, GVIRT_CONNECTION_NONE);
  g_autoptr(GVirtDomain) cold = find_domain (conn, "cold");
  g_autoptr(GVirtDomain) napping = find_domain (conn, "napping");
  g_autoptr(GVirtDomain) hot = find_domain (conn, "hot");
  g_autoptr(GVirtNetwork) autonet = gvirt_connection_find_network_by_name (conn, "auto");
  g_autoptr(GVirtNetwork) fixed = gvirt_connection_find_network_by_name (conn, "fixed");
  g_autoptr(GVirtDomainInfo) hot_info = NULL;
  g_autoptr(GVirtNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;

  g_assert_cmpint (gvirt_domain_get_state (cold), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_cmpint (gvirt_domain_get_id (cold), ==, -1);
  g_assert_true (gvirt_domain_get_autostart (cold));
  g_assert_cmpint (gvirt_domain_get_state (napping), ==, GVIRT_DOMAIN_STATE_PAUSED);
  g_assert_cmpint (gvirt_domain_get_id (napping), ==, 1);
  g_assert_cmpstr (gvirt_domain_get_uuid (napping), ==, "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
  g_assert_cmpint (gvirt_domain_get_state (hot), ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_cmpint (gvirt_domain_get_id (hot), ==, 2);
  g_assert_false (gvirt_domain_get_autostart (hot));
  g_assert_true (g_uuid_string_is_valid (gvirt_domain_get_uuid (hot)));

  /* A too-large currentMemory becomes the memory. */
  hot_info = gvirt_domain_get_info_sync (hot, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hot_info->memory, ==, 131072);
  g_assert_cmpuint (hot_info->max_memory, ==, 131072);

  /* Missing node figures default to the default node's. */
  node = gvirt_connection_get_node_info_sync (conn, NULL, &error);
  g_assert_cmpuint (node->cpus, ==, 4);
  g_assert_cmpuint (node->mhz, ==, 1400);
  g_assert_cmpuint (node->memory, ==, 3145728);

  /* The extension attributes are not kept in the description. */
  xml = gvirt_domain_get_xml_sync (cold, GVIRT_DOMAIN_XML_INACTIVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (xml, "state="));
  g_assert_null (strstr (xml, "autostart="));

  g_assert_nonnull (autonet);
  g_assert_false (gvirt_network_get_active (autonet));
  g_assert_true (gvirt_network_get_active (fixed));
  g_assert_true (gvirt_network_get_autostart (fixed));
  g_assert_cmpstr (gvirt_network_get_bridge (fixed), ==, "virbr0");
  /* Bridges are assigned after the explicit ones. */
  g_assert_cmpstr (gvirt_network_get_bridge (autonet), ==, "virbr1");

  /* New ids continue after the file's. */
  g_assert_true (gvirt_domain_start_sync (cold, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gvirt_domain_get_id (cold), ==, 3);

  /* Pinning checks the node's own CPU count (4 here). */
  {
    const guint cpu4[] = { 4 }, cpu3[] = { 3 };
    g_assert_false (gvirt_domain_pin_vcpu_sync (cold, 0, cpu4, 1, NULL, &error));
    g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
    g_assert_true (gvirt_domain_pin_vcpu_sync (cold, 0, cpu3, 1, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (gvirt_domain_set_vcpus_sync (cold, 5, NULL, &error));
    g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  }
}

static void
test_node_relative_file (void)
{
  g_autofree char *subdir = gvirt_test_tmp_path ("sub");
  g_autofree char *dom_path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GVirtConnection) conn = NULL;
  g_autoptr(GVirtDomain) dom = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (subdir, 0700), ==, 0);
  dom_path = g_build_filename (subdir, "guest.xml", NULL);
  g_file_set_contents (dom_path,
                       "<domain type='test'><name>referenced</name><memory>65536</memory><vcpu>1</vcpu></domain>",
                       -1, &error);
  g_assert_no_error (error);
  uri = gvirt_test_node_uri ("relative.xml",
                             "<node>\n  <domain file='sub/guest.xml' state='shutoff'/>\n</node>\n");
  conn = gvirt_test_open (uri, GVIRT_CONNECTION_NONE);
  dom = find_domain (conn, "referenced");
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
}

static void
test_node_percent_encoded (void)
{
  g_autofree char *path = gvirt_test_write_tmp_file ("my node.xml",
      "<node><domain type='test'><name>spaced</name><memory>1024</memory></domain></node>", -1);
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("test://", escaped, NULL);
  g_autoptr(GVirtConnection) conn = NULL;
  g_autoptr(GVirtDomain) dom = NULL;

  g_assert_nonnull (strstr (uri, "%20"));
  conn = gvirt_test_open (uri, GVIRT_CONNECTION_NONE);
  dom = find_domain (conn, "spaced");
  g_assert_cmpint (gvirt_domain_get_id (dom), ==, 1);
}

static void
test_node_invalid (void)
{
  g_autofree char *dir_uri = g_strconcat ("test://", gvirt_test_tmpdir (), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtConnection) conn = NULL;

  assert_node_invalid ("bad-wellformed.xml", "<node>\n  <domain>\n    <name>x</name>\n</node>\n",
                       GVIRT_ERROR_INVALID_XML, NULL);
  assert_node_invalid ("bad-root.xml", "<domain type='test'><name>x</name><memory>1</memory></domain>",
                       GVIRT_ERROR_INVALID_XML, NULL);
  assert_node_invalid ("bad-dup-name.xml",
                       "<node>\n"
                       "<domain type='test'><name>twin</name><memory>1024</memory></domain>\n"
                       "<domain type='test'><name>twin</name><memory>1024</memory></domain>\n"
                       "</node>\n",
                       GVIRT_ERROR_INVALID_XML, "twin");
  assert_node_invalid ("bad-dup-uuid.xml",
                       "<node>\n"
                       "<network><name>a</name><uuid>004b22212d78c30f5aa5f03c87d21e69</uuid></network>\n"
                       "<network><name>b</name><uuid>004B22212D78C30F5AA5F03C87D21E69</uuid></network>\n"
                       "</node>\n",
                       GVIRT_ERROR_INVALID_XML, NULL);
  assert_node_invalid ("bad-no-name.xml",
                       "<node>\n<domain type='test'><memory>1024</memory></domain>\n</node>\n",
                       GVIRT_ERROR_INVALID_XML, NULL);
  assert_node_invalid ("bad-no-memory.xml",
                       "<node>\n<domain type='test'><name>m</name></domain>\n</node>\n",
                       GVIRT_ERROR_INVALID_XML, NULL);
  assert_node_invalid ("bad-vcpus.xml",
                       "<node>\n<domain type='test'><name>v</name><memory>1024</memory><vcpu>0</vcpu></domain>\n</node>\n",
                       GVIRT_ERROR_INVALID_XML, NULL);
  assert_node_invalid ("bad-state.xml",
                       "<node>\n<domain type='test' state='dancing'><name>s</name><memory>1024</memory></domain>\n</node>\n",
                       GVIRT_ERROR_INVALID_XML, "dancing");
  assert_node_invalid ("bad-cpus.xml", "<node>\n  <cpu><active>zero</active></cpu>\n</node>\n",
                       GVIRT_ERROR_INVALID_XML, "line 2");
  {
    /* libxml2's advice to its caller ("use XML_PARSE_HUGE option") is not for users */
    g_autoptr(GString) deep = g_string_new ("<node>\n");

    for (int i = 0; i < 300; i++)
      g_string_append (deep, "<x>");
    for (int i = 0; i < 300; i++)
      g_string_append (deep, "</x>");
    g_string_append (deep, "\n</node>\n");
    assert_node_invalid ("bad-deep.xml", deep->str, GVIRT_ERROR_INVALID_XML,
                         "line 2: the elements are nested more than 256 levels deep");
  }

  /* A directory is not a node file. */
  conn = gvirt_connection_open_sync (dir_uri, GVIRT_CONNECTION_NONE, NULL, &error);
  g_assert_null (conn);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI);
}

/* A file a node file names is a regular file of at most 16 MiB, checked
 * before it is read: /dev/zero would never end, a FIFO would block. */
static void
test_node_not_a_file_or_too_large (void)
{
  g_autofree char *big = gvirt_test_write_tmp_file ("big-net.xml", "", 0);
  g_autofree char *fifo = gvirt_test_tmp_path ("node-fifo.xml");
  g_autofree char *node_xml = NULL;
  g_autofree char *big_uri = NULL;
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GError) error = NULL;

  assert_node_invalid ("ref-dev-zero.xml", "<node>\n<domain file='/dev/zero'/>\n</node>\n",
                       GVIRT_ERROR_INVALID_URI, "“/dev/zero”, which cannot be read: It is not a regular file.");

  g_assert_no_errno (mkfifo (fifo, 0600));
  node_xml = g_strdup_printf ("<node>\n<domain file='%s'/>\n</node>\n", fifo);
  assert_node_invalid ("ref-fifo.xml", node_xml, GVIRT_ERROR_INVALID_URI, "not a regular file");

  g_assert_no_errno (truncate (big, 16 * 1024 * 1024 + 1));
  assert_node_invalid ("ref-big.xml", "<node>\n<network file='big-net.xml'/>\n</node>\n",
                       GVIRT_ERROR_INVALID_URI, "big-net.xml”, which cannot be read: It is larger than 16 MiB.");

  /* the node file itself */
  big_uri = g_strconcat ("test://", big, NULL);
  g_assert_null (gvirt_connection_open_sync (big_uri, GVIRT_CONNECTION_NONE, NULL, &error));
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI, "larger than 16 MiB");
  g_assert_nonnull (strstr (error->message, big));
  g_clear_error (&error);
  g_assert_null (gvirt_connection_open_sync ("test:///dev/zero", GVIRT_CONNECTION_NONE, NULL, &error));
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI, "“/dev/zero”: It is not a regular file.");
  g_clear_error (&error);

  /* and a save image */
  g_assert_null (gvirt_connection_restore_domain_sync (conn, "/dev/zero", NULL, &error));
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, "“/dev/zero”: It is not a regular file.");
}

/* The save image format */

static void
test_save_format (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GVirtDomain) dom = find_domain (conn, "test");
  g_autofree char *path = gvirt_test_tmp_path ("format.save");
  g_autofree char *contents = NULL;
  g_autofree char *sum = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) error = NULL;
  const char *body;
  gsize len;
  guint64 xml_len;

  g_assert_true (gvirt_domain_save_sync (dom, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  header = g_strsplit (contents, "\n", 6);
  g_assert_cmpuint (g_strv_length (header), ==, 6);
  g_assert_cmpstr (header[0], ==, "GVirtTestSave1");
  g_assert_true (g_str_has_prefix (header[1], "sha256 "));
  g_assert_cmpuint (strlen (header[1]), ==, 7 + 64);
  g_assert_cmpstr (header[2], ==, "state running");
  g_assert_true (g_str_has_prefix (header[3], "length "));
  g_assert_cmpstr (header[4], ==, "");

  body = contents + strlen (header[0]) + 1 + strlen (header[1]) + 1;
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) body, contents + len - body);
  g_assert_cmpstr (sum, ==, header[1] + 7);

  g_assert_true (g_ascii_string_to_unsigned (header[3] + 7, 10, 1, G_MAXUINT32, &xml_len, NULL));
  g_assert_cmpuint (xml_len, ==, strlen (header[5]));
  g_assert_nonnull (strstr (header[5], "<name>test</name>"));
  g_assert_nonnull (strstr (header[5], GVIRT_TEST_DOMAIN_UUID));
  /* The live XML, without an id. */
  g_assert_null (strstr (header[5], " id="));
}

static void
test_save_paused_format (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GVirtDomain) dom = find_domain (conn, "test");
  g_autofree char *path = gvirt_test_tmp_path ("paused.save");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gvirt_domain_suspend_sync (dom, NULL, &error));
  g_assert_true (gvirt_domain_save_sync (dom, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\nstate paused\n"));
}

/* Rewrites an image with a valid checksum over @body. */
static char *
write_image (const char *basename, const char *magic, const char *body)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
  g_autofree char *image = g_strdup_printf ("%s\nsha256 %s\n%s", magic, sum, body);

  return gvirt_test_write_tmp_file (basename, image, -1);
}

typedef struct {
  const char *basename;
  gint        code;
} BadImage;

static void
test_restore_corrupt (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GVirtDomain) dom = find_domain (conn, "test");
  g_autoptr(GVirtTestRecorder) rec = gvirt_test_recorder_new ();
  g_autofree char *good = gvirt_test_tmp_path ("corrupt-base.save");
  g_autofree char *contents = NULL;
  g_autofree char *flipped = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) restored = NULL;
  gsize len;

#define BAD(path, code) G_STMT_START { g_ptr_array_add (paths, (path)); g_ptr_array_add (codes, GINT_TO_POINTER (code)); } G_STMT_END

  g_assert_true (gvirt_domain_save_sync (dom, good, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  xml = gvirt_domain_get_xml_sync (dom, GVIRT_DOMAIN_XML_NONE, NULL, &error);

  /* Damaged images of ours: FAILED. */
  BAD (gvirt_test_write_tmp_file ("truncated.save", contents, len - 10), GVIRT_ERROR_FAILED);
  BAD (gvirt_test_write_tmp_file ("header-only.save", contents, strchr (strchr (contents, '\n') + 1, '\n') - contents + 1),
       GVIRT_ERROR_FAILED);
  flipped = g_memdup2 (contents, len);
  flipped[len - 5] = flipped[len - 5] == 'x' ? 'y' : 'x';
  BAD (gvirt_test_write_tmp_file ("flipped.save", flipped, len), GVIRT_ERROR_FAILED);
  BAD (write_image ("bad-state.save", "GVirtTestSave1", "state dancing\nlength 3\n\nabc"), GVIRT_ERROR_FAILED);
  BAD (write_image ("bad-length.save", "GVirtTestSave1", "state running\nlength 999\n\n<domain/>"), GVIRT_ERROR_FAILED);
  BAD (write_image ("not-domain.save", "GVirtTestSave1", "state running\nlength 9\n\n<network>"), GVIRT_ERROR_FAILED);
  /* Not ours at all: INVALID_ARGUMENT. */
  BAD (gvirt_test_write_tmp_file ("garbage.save", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), GVIRT_ERROR_INVALID_ARGUMENT);
  BAD (gvirt_test_write_tmp_file ("domain.xml", xml, -1), GVIRT_ERROR_INVALID_ARGUMENT);
  BAD (write_image ("future.save", "GVirtTestSave2", "state running\nlength 8\n\n<domain/>"), GVIRT_ERROR_INVALID_ARGUMENT);
  BAD (gvirt_test_write_tmp_file ("empty.save", "", 0), GVIRT_ERROR_INVALID_ARGUMENT);
  BAD (gvirt_test_tmp_path ("does-not-exist.save"), GVIRT_ERROR_INVALID_ARGUMENT);
  BAD (g_strdup (gvirt_test_tmpdir ()), GVIRT_ERROR_INVALID_ARGUMENT);
#undef BAD

  gvirt_test_recorder_watch (rec, conn, "domain-added");
  gvirt_test_recorder_watch_domain (rec, dom);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *basename = g_path_get_basename (paths->pdata[i]);

      g_test_message ("restoring %s", basename);
      restored = gvirt_connection_restore_domain_sync (conn, paths->pdata[i], NULL, &error);
      g_assert_null (restored);
      gvirt_test_assert_error_contains (error, GVIRT_ERROR, GPOINTER_TO_INT (codes->pdata[i]), basename);
      g_clear_error (&error);
    }

  /* Nothing left behind, and the good image still restores. */
  gvirt_test_flush (NULL);
  gvirt_test_assert_recorded (rec, "");
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (conn)), ==, 1);
  restored = gvirt_connection_restore_domain_sync (conn, good, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (restored == dom);
  /* The image is not deleted. */
  g_assert_true (g_file_test (good, G_FILE_TEST_IS_REGULAR));
}

static void
test_restore_elsewhere (void)
{
  g_autoptr(GVirtConnection) one = gvirt_test_open_default ();
  g_autoptr(GVirtConnection) two = gvirt_test_open_default ();
  g_autoptr(GVirtDomain) dom1 = find_domain (one, "test");
  g_autoptr(GVirtDomain) dom2 = find_domain (two, "test");
  g_autoptr(GVirtDomain) impostor = NULL;
  g_autoptr(GVirtDomain) restored = NULL;
  g_autoptr(GVirtTestRecorder) rec = gvirt_test_recorder_new ();
  g_autofree char *path = gvirt_test_tmp_path ("elsewhere.save");
  g_autoptr(GError) error = NULL;

  g_assert_true (gvirt_domain_save_sync (dom1, path, NULL, &error));
  g_assert_no_error (error);

  /* The domain with that UUID runs on the other node. */
  restored = gvirt_connection_restore_domain_sync (two, path, NULL, &error);
  g_assert_null (restored);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE);
  g_clear_error (&error);

  /* Gone from the other node: restored as a new transient domain. */
  g_assert_true (gvirt_domain_destroy_sync (dom2, NULL, &error));
  g_assert_true (gvirt_domain_undefine_sync (dom2, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (gvirt_connection_find_domain_by_name (two, "test"));

  /* First, another domain named "test" is in the way. */
  impostor = gvirt_test_define (two, "test");
  restored = gvirt_connection_restore_domain_sync (two, path, NULL, &error);
  g_assert_null (restored);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS);
  g_clear_error (&error);
  g_assert_true (gvirt_domain_undefine_sync (impostor, NULL, &error));
  g_assert_no_error (error);

  gvirt_test_recorder_watch (rec, two, "domain-added");
  restored = gvirt_connection_restore_domain_sync (two, path, NULL, &error);
  g_assert_no_error (error);
  gvirt_test_recorder_watch_domain (rec, restored);
  g_assert_cmpuint (gvirt_test_recorder_count (rec, "domain-added(test)"), ==, 1);
  g_assert_cmpstr (gvirt_domain_get_uuid (restored), ==, GVIRT_TEST_DOMAIN_UUID);
  g_assert_cmpint (gvirt_domain_get_state (restored), ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_false (gvirt_domain_get_persistent (restored));
  g_assert_true (restored != dom2);

  /* Transient: stopping removes it. */
  g_assert_true (gvirt_domain_destroy_sync (restored, NULL, &error));
  g_assert_null (gvirt_connection_find_domain_by_name (two, "test"));
  /* The first node never noticed. */
  g_assert_cmpint (gvirt_domain_get_state (dom1), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_true (gvirt_domain_get_persistent (dom1));
}

/* A write that fails names the file asked for, never the temp file it was
 * written to first (“x.core.ZVE1Z3”, as g_file_set_contents () reported),
 * and leaves no temp file behind. */
static void
test_write_failure_names_the_file (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GVirtDomain) dom = find_domain (conn, "test");
  g_autofree char *dir = g_build_filename (gvirt_test_tmpdir (), "write-failure", NULL);
  g_autofree char *target = g_build_filename (dir, "taken.core", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;

  /* the temp file is made, the rename over a directory fails */
  g_assert_no_errno (g_mkdir_with_parents (target, 0700));
  expected = g_strdup_printf ("Cannot write “%s”: %s", target, g_strerror (EISDIR));
  g_assert_false (gvirt_domain_core_dump_sync (dom, target, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_assert_false (gvirt_domain_save_sync (dom, target, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_RUNNING);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "taken.core");
  g_assert_null (g_dir_read_name (listing));
}

static void
test_core_dump_format (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GVirtDomain) dom = find_domain (conn, "test");
  g_autofree char *path = gvirt_test_tmp_path ("format.core");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gvirt_domain_suspend_sync (dom, NULL, &error));
  g_assert_true (gvirt_domain_core_dump_sync (dom, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "GVirtTestCoreDump1\n"));
  g_assert_nonnull (strstr (contents, "\nname test\n"));
  g_assert_nonnull (strstr (contents, "\nuuid " GVIRT_TEST_DOMAIN_UUID "\n"));
  g_assert_nonnull (strstr (contents, "\nid 1\n"));
  g_assert_nonnull (strstr (contents, "\nmemory 2097152\n"));
  g_assert_nonnull (strstr (contents, "\nmax-memory 8388608\n"));
  g_assert_nonnull (strstr (contents, "\nvcpus 2\n"));
  g_assert_nonnull (strstr (contents, "\ncpu-time "));
  g_assert_nonnull (strstr (contents, "\n\n<domain"));
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_PAUSED);
}

/* Independent nodes */

static void
test_independent_default_nodes (void)
{
  g_autoptr(GVirtConnection) one = gvirt_test_open_default ();
  g_autoptr(GVirtConnection) two = gvirt_test_open_default ();
  g_autoptr(GVirtDomain) dom1 = find_domain (one, "test");
  g_autoptr(GVirtDomain) dom2 = find_domain (two, "test");
  g_autoptr(GVirtNetwork) net1 = gvirt_connection_find_network_by_name (one, "default");
  g_autoptr(GVirtNetwork) net2 = gvirt_connection_find_network_by_name (two, "default");
  g_autoptr(GVirtDomain) extra = NULL;
  g_autoptr(GVirtDomain) extra2 = NULL;
  g_autoptr(GVirtDomainInfo) info2 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dom1 != dom2);
  g_assert_true (gvirt_domain_set_memory_sync (dom1, 4096, NULL, &error));
  g_assert_true (gvirt_domain_destroy_sync (dom1, NULL, &error));
  g_assert_true (gvirt_network_destroy_sync (net1, NULL, &error));
  g_assert_no_error (error);
  extra = gvirt_test_define (one, "extra");
  gvirt_test_flush (NULL);

  g_assert_cmpint (gvirt_domain_get_state (dom2), ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_cmpint (gvirt_domain_get_id (dom2), ==, 1);
  g_assert_true (gvirt_network_get_active (net2));
  g_assert_null (gvirt_connection_find_domain_by_name (two, "extra"));
  info2 = gvirt_domain_get_info_sync (dom2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info2->memory, ==, 2097152);

  /* The same name on the other node is free, with its own ids. */
  extra2 = gvirt_test_define (two, "extra");
  g_assert_cmpstr (gvirt_domain_get_uuid (extra2), !=, gvirt_domain_get_uuid (extra));
  g_assert_true (gvirt_domain_start_sync (extra2, NULL, &error));
  g_assert_cmpint (gvirt_domain_get_id (extra2), ==, 2);
}

/* Stored definitions */

/* What the node gives back is what the configuration wrote: inactive, and
 * running with its id where gvirt_domain_config_set_id() puts it. */
static void
assert_stored_as (GVirtDomain *dom, GVirtDomainConfig *config)
{
  g_autoptr(GVirtDomainConfig) expected = gvirt_domain_config_copy (config);
  g_autoptr(GVirtDomainConfig) back = NULL;
  g_autofree char *inactive = NULL;
  g_autofree char *live = NULL;
  g_autofree char *expected_inactive = NULL;
  g_autofree char *expected_live = NULL;
  g_autofree char *back_xml = NULL;
  g_autoptr(GError) error = NULL;

  gvirt_domain_config_set_id (expected, -1);
  /* a random one when there was none */
  if (gvirt_domain_config_get_uuid (expected) == NULL)
    gvirt_domain_config_set_uuid (expected, gvirt_domain_get_uuid (dom));
  expected_inactive = gvirt_domain_config_to_xml (expected);
  inactive = gvirt_domain_get_xml_sync (dom, GVIRT_DOMAIN_XML_INACTIVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inactive, ==, expected_inactive);

  g_assert_true (gvirt_domain_start_sync (dom, NULL, &error));
  g_assert_no_error (error);
  gvirt_domain_config_set_id (expected, gvirt_domain_get_id (dom));
  expected_live = gvirt_domain_config_to_xml (expected);
  live = gvirt_domain_get_xml_sync (dom, GVIRT_DOMAIN_XML_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (live, ==, expected_live);

  back = gvirt_domain_get_config_sync (dom, GVIRT_DOMAIN_XML_NONE, NULL, &error);
  g_assert_no_error (error);
  back_xml = gvirt_domain_config_to_xml (back);
  g_assert_cmpstr (back_xml, ==, expected_live);
  g_assert_true (gvirt_domain_destroy_sync (dom, NULL, &error));
  g_assert_no_error (error);
}

/* The node keeps a definition as the text the configuration writes and
 * puts a running domain's id into it; odd layouts of the root element. */
static void
test_definition_as_written (void)
{
  static const char *const inputs[] = {
    /* comments and a PI before the root, namespaces, an id already */
    "<!-- before --><?app note?><domain xmlns:q='http://example.org/q' type='test' id='7'"
    " q:mark='a&gt;b'><name>odd</name><memory>1024</memory>"
    "<metadata><q:x>1</q:x></metadata><os><type>hvm</type></os></domain>",
    /* id="-1" counts as no id, but is not kept */
    "<domain id='-1' type='test'><name>minus-one</name><memory>1024</memory>"
    "<os><type>hvm</type></os></domain>",
    /* no attribute on the root, a current memory over the maximum */
    "<domain><name>bare</name><memory>1024</memory><currentMemory>4096</currentMemory>"
    "<os><type>hvm</type></os></domain>",
  };
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  guint i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new_from_xml (inputs[i], &error);
      g_autoptr(GVirtDomainConfig) expected = NULL;
      g_autoptr(GVirtDomain) dom = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      before = gvirt_domain_config_to_xml (config);
      dom = gvirt_connection_define_domain_sync (conn, config, NULL, &error);
      g_assert_no_error (error);
      /* the caller's configuration is left as it was */
      after = gvirt_domain_config_to_xml (config);
      g_assert_cmpstr (after, ==, before);

      expected = gvirt_domain_config_copy (config);
      if (gvirt_domain_config_get_current_memory (expected) > gvirt_domain_config_get_memory (expected))
        gvirt_domain_config_set_current_memory (expected, gvirt_domain_config_get_memory (expected));
      assert_stored_as (dom, expected);
    }
}

/* Configurations built with the API: characters XML cannot hold, which
 * the node keeps all the same; two disks on one target, which it refuses
 * as parsing would. */
static void
test_definition_from_api (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GVirtDomainConfig) odd = gvirt_test_domain_config ("odd-chars");
  g_autoptr(GVirtDomainConfig) clash = gvirt_test_domain_config ("clash");
  g_autoptr(GVirtDomainDisk) a = gvirt_domain_disk_new ();
  g_autoptr(GVirtDomainDisk) b = gvirt_domain_disk_new ();
  g_autoptr(GVirtDomain) dom = NULL;
  g_autoptr(GVirtDomain) refused = NULL;
  g_autoptr(GError) error = NULL;

  gvirt_domain_config_set_description (odd, "bell \a, not UTF-8 \xff");
  dom = gvirt_connection_define_domain_sync (conn, odd, NULL, &error);
  g_assert_no_error (error);
  assert_stored_as (dom, odd);

  gvirt_domain_disk_set_target_dev (a, "vda");
  gvirt_domain_disk_set_target_dev (b, "vdb");
  g_assert_true (gvirt_domain_config_add_device (clash, GVIRT_DOMAIN_DEVICE (a), NULL));
  g_assert_true (gvirt_domain_config_add_device (clash, GVIRT_DOMAIN_DEVICE (b), NULL));
  gvirt_domain_disk_set_target_dev (b, "vda");
  refused = gvirt_connection_define_domain_sync (conn, clash, NULL, &error);
  g_assert_null (refused);
  /* the configuration is a document: it is checked as parsing would */
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML, "“vda” is used twice");
  g_assert_null (gvirt_connection_find_domain_by_name (conn, "clash"));
}

/* Issue 12 item 10: one name rule for domains and networks, on define and create. */
static void
test_names (void)
{
  g_autofree char *longest = g_strnfill (255, 'n');
  g_autofree char *huge = g_strnfill (10000, 'n');
  const char *refused[] = { "a/b", "../../etc", "a\nb", "-x", ".x", "a b", "wébé", huge };
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  GListModel *domains = gvirt_connection_get_domains (conn);
  GListModel *networks = gvirt_connection_get_networks (conn);
  guint n_domains, n_networks;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainConfig) config = gvirt_test_domain_config (longest);
  g_autoptr(GVirtNetworkConfig) net_config = gvirt_network_config_new_nat (longest, "virbr9", "10.9.0.1", "255.255.255.0");
  g_autoptr(GVirtDomain) dom = NULL;
  g_autoptr(GVirtNetwork) net = NULL;

  dom = gvirt_connection_define_domain_sync (conn, config, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvirt_domain_get_name (dom), ==, longest);
  net = gvirt_connection_define_network_sync (conn, net_config, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvirt_network_get_name (net), ==, longest);

  n_domains = g_list_model_get_n_items (domains);
  n_networks = g_list_model_get_n_items (networks);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GVirtDomainConfig) bad = gvirt_test_domain_config (refused[i]);
      g_autoptr(GVirtNetworkConfig) bad_net = gvirt_network_config_new_nat (refused[i], "virbr8", "10.8.0.1", "255.255.255.0");
      const char *what = refused[i] == huge ? "at most 255 bytes" : "Domain names may";
      const char *net_what = refused[i] == huge ? "at most 255 bytes" : "Network names may";
      gpointer object;

      object = gvirt_connection_define_domain_sync (conn, bad, NULL, &error);
      g_assert_null (object);
      gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, what);
      g_clear_error (&error);
      object = gvirt_connection_create_domain_sync (conn, bad, NULL, &error);
      g_assert_null (object);
      gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, what);
      g_clear_error (&error);
      object = gvirt_connection_define_network_sync (conn, bad_net, NULL, &error);
      g_assert_null (object);
      gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, net_what);
      g_clear_error (&error);
      object = gvirt_connection_create_network_sync (conn, bad_net, NULL, &error);
      g_assert_null (object);
      gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, net_what);
      g_clear_error (&error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (domains), ==, n_domains);
  g_assert_cmpuint (g_list_model_get_n_items (networks), ==, n_networks);
}

int
main (int argc, char *argv[])
{
  gvirt_test_init (&argc, &argv);

  g_test_add_func ("/test-backend/node-file/libvirt-0.3.3-example", test_node_libvirt_example);
  g_test_add_func ("/test-backend/names", test_names);
  g_test_add_func ("/test-backend/node-file/states-and-defaults", test_node_states);
  g_test_add_func ("/test-backend/node-file/relative-file", test_node_relative_file);
  g_test_add_func ("/test-backend/node-file/percent-encoded", test_node_percent_encoded);
  g_test_add_func ("/test-backend/node-file/invalid", test_node_invalid);
  g_test_add_func ("/test-backend/node-file/capabilities-topology", test_node_capabilities_topology);
  g_test_add_func ("/test-backend/node-file/not-a-file-or-too-large", test_node_not_a_file_or_too_large);
  g_test_add_func ("/test-backend/save/format", test_save_format);
  g_test_add_func ("/test-backend/save/paused-format", test_save_paused_format);
  g_test_add_func ("/test-backend/restore/corrupt-foreign-truncated", test_restore_corrupt);
  g_test_add_func ("/test-backend/restore/elsewhere", test_restore_elsewhere);
  g_test_add_func ("/test-backend/core-dump/format", test_core_dump_format);
  g_test_add_func ("/test-backend/write-failure-names-the-file", test_write_failure_names_the_file);
  g_test_add_func ("/test-backend/independent-default-nodes", test_independent_default_nodes);
  g_test_add_func ("/test-backend/definition/as-written", test_definition_as_written);
  g_test_add_func ("/test-backend/definition/from-api", test_definition_from_api);

  return gvirt_test_run ();
}
