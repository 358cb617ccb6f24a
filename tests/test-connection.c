/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GTest suite for GVirtConnection: opening, errors, queries, lookups, close, independence, threads. */
#include <string.h>

#include "gvirt-test-util.h"
#include "gvirt-test-caps.h"

typedef GVirtTestConnectionFixture Fixture;

/* Opening */

static void
test_open_default (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autofree char *uri = NULL, *backend_name = NULL;
  gboolean read_only = TRUE;

  g_assert_cmpstr (gvirt_connection_get_uri (conn), ==, "test:///default");
  g_assert_cmpstr (gvirt_connection_get_backend_name (conn), ==, "test");
  g_assert_false (gvirt_connection_get_read_only (conn));
  g_assert_false (gvirt_connection_is_closed (conn));
  g_object_get (conn, "uri", &uri, "backend-name", &backend_name, "read-only", &read_only, NULL);
  g_assert_cmpstr (uri, ==, "test:///default");
  g_assert_cmpstr (backend_name, ==, "test");
  g_assert_false (read_only);

  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (conn)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_networks (conn)), ==, 1);
  g_assert_true (g_list_model_get_item_type (gvirt_connection_get_domains (conn)) == GVIRT_TYPE_DOMAIN);
  g_assert_true (g_list_model_get_item_type (gvirt_connection_get_networks (conn)) == GVIRT_TYPE_NETWORK);
}

static void
test_open_read_only (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open ("test:///default", GVIRT_CONNECTION_READ_ONLY);
  gboolean read_only = FALSE;

  g_assert_true (gvirt_connection_get_read_only (conn));
  g_object_get (conn, "read-only", &read_only, NULL);
  g_assert_true (read_only);
}

static void
assert_open_fails (const char *uri, GQuark domain, gint code, const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtConnection) conn = gvirt_connection_open_sync (uri, GVIRT_CONNECTION_NONE, NULL, &error);

  g_assert_null (conn);
  g_assert_error (error, domain, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("opening “%s”: message “%s” does not name “%s”", uri, error->message, needle);
}

static void
test_open_invalid_uri (void)
{
  assert_open_fails ("not a uri", GVIRT_ERROR, GVIRT_ERROR_INVALID_URI, NULL);
  assert_open_fails ("", GVIRT_ERROR, GVIRT_ERROR_INVALID_URI, NULL);
  assert_open_fails ("test://host/default", GVIRT_ERROR, GVIRT_ERROR_INVALID_URI, NULL);
  assert_open_fails ("test:///relative.xml", GVIRT_ERROR, GVIRT_ERROR_INVALID_URI, NULL);
  assert_open_fails ("test:///nonexistent/dir/node.xml", GVIRT_ERROR, GVIRT_ERROR_INVALID_URI, NULL);
  assert_open_fails ("test:///default?x=1", GVIRT_ERROR, GVIRT_ERROR_INVALID_URI, NULL);
}

static void
test_open_no_backend (void)
{
  assert_open_fails ("nosuch:///x", GVIRT_ERROR, GVIRT_ERROR_NO_BACKEND, "nosuch");
}

/* In a child of its own: module loading is once per process. */
static void
test_open_loads_scheme_module (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("GVIRT_BACKEND_PATH");
      /* The same directory twice: each module must still load once. */
      g_autofree char *twice = g_strjoin (G_SEARCHPATH_SEPARATOR_S, dir, dir, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirtConnection) conn = NULL;
      g_autofree char *maps = NULL;

      g_setenv ("GVIRT_BACKEND_PATH", twice, TRUE);
      conn = gvirt_connection_open_sync ("test:///default", GVIRT_CONNECTION_NONE, NULL, &error);
      g_assert_no_error (error);
      /* test:/// maps the test backend alone, not its neighbours' libraries. */
      g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
      g_assert_nonnull (strstr (maps, "libgvirt-backend-test"));
      g_assert_null (strstr (maps, "libgvirt-backend-qemu"));

      /* An unknown scheme makes the whole path load: no module twice. */
      assert_open_fails ("nosuch:///x", GVIRT_ERROR, GVIRT_ERROR_NO_BACKEND, "nosuch");
      g_clear_pointer (&maps, g_free);
      g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
      g_assert_nonnull (strstr (maps, "libgvirt-backend-qemu"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
}

static void
test_open_invalid_xml (void)
{
  g_autofree char *uri = gvirt_test_node_uri ("malformed.xml", "<node>\n  <domain>\n</node>\n");
  g_autofree char *path = gvirt_test_tmp_path ("malformed.xml");

  assert_open_fails (uri, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML, "malformed.xml");
}

static void
test_open_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtConnection) conn = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_cancellable_cancel (cancellable);
  conn = gvirt_connection_open_sync ("test:///default", GVIRT_CONNECTION_NONE, cancellable, &error);
  g_assert_null (conn);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  gvirt_connection_open_async ("test:///default", GVIRT_CONNECTION_NONE, G_PRIORITY_DEFAULT,
                               cancellable, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  conn = gvirt_connection_open_finish (result, &error);
  g_assert_null (conn);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_open_async (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtConnection) conn = NULL;
  g_autoptr(GVirtDomain) dom = NULL;

  gvirt_connection_open_async ("test:///default", GVIRT_CONNECTION_READ_ONLY, G_PRIORITY_DEFAULT,
                               NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  conn = gvirt_connection_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (GVIRT_IS_CONNECTION (conn));
  g_assert_true (gvirt_connection_get_read_only (conn));
  g_assert_cmpstr (gvirt_connection_get_backend_name (conn), ==, "test");
  dom = gvirt_connection_find_domain_by_name (conn, "test");
  g_assert_nonnull (dom);
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_RUNNING);
}

static void
test_open_async_errors (void)
{
  static const struct { const char *uri; gint code; } cases[] = {
    { "not a uri", GVIRT_ERROR_INVALID_URI },
    { "test://host/default", GVIRT_ERROR_INVALID_URI },
    { "nosuch:///x", GVIRT_ERROR_NO_BACKEND },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirtConnection) conn = NULL;

      gvirt_connection_open_async (cases[i].uri, GVIRT_CONNECTION_NONE, G_PRIORITY_DEFAULT,
                                   NULL, gvirt_test_async_cb, &result);
      gvirt_test_await (NULL, &result);
      conn = gvirt_connection_open_finish (result, &error);
      g_assert_null (conn);
      g_assert_error (error, GVIRT_ERROR, cases[i].code);
    }
}

/* Async open in a worker thread with its own thread-default context: the
 * connection's signals must arrive there, even for changes made from the
 * main thread. */
typedef struct {
  GMainContext    *context;
  GThread         *thread;
  GVirtConnection *conn;          /* set by the worker once open */
  gint             main_done;     /* set by the main thread */
  guint            n_suspended;
  guint            n_resumed;
  gboolean         wrong_context;
  GVirtDomainState state_seen;
} ThreadOpen;

static void
on_thread_suspended (GVirtDomain *dom, GVirtDomainSuspendedReason reason, ThreadOpen *t)
{
  if (g_thread_self () != t->thread || !g_main_context_is_owner (t->context))
    t->wrong_context = TRUE;
  t->state_seen = gvirt_domain_get_state (dom);
  t->n_suspended++;
}

static void
on_thread_resumed (GVirtDomain *dom, GVirtDomainResumedReason reason, ThreadOpen *t)
{
  if (g_thread_self () != t->thread || !g_main_context_is_owner (t->context))
    t->wrong_context = TRUE;
  t->n_resumed++;
}

static gboolean
thread_open_finished (gpointer data)
{
  ThreadOpen *t = data;
  return g_atomic_int_get (&t->main_done) && t->n_resumed >= 2;
}

static gpointer
thread_open_worker (gpointer data)
{
  ThreadOpen *t = data;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) suspend_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) dom = NULL;
  GVirtConnection *conn;

  g_main_context_push_thread_default (t->context);

  gvirt_connection_open_async ("test:///default", GVIRT_CONNECTION_NONE, G_PRIORITY_DEFAULT,
                               NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (t->context, &result);
  conn = gvirt_connection_open_finish (result, &error);
  g_assert_no_error (error);

  dom = gvirt_connection_find_domain_by_name (conn, "test");
  g_assert_nonnull (dom);
  g_signal_connect (dom, "suspended", G_CALLBACK (on_thread_suspended), t);
  g_signal_connect (dom, "resumed", G_CALLBACK (on_thread_resumed), t);

  /* A change made from this thread, asynchronously. */
  gvirt_domain_suspend_async (dom, NULL, gvirt_test_async_cb, &suspend_result);
  gvirt_test_await (t->context, &suspend_result);
  g_assert_true (gvirt_domain_suspend_finish (dom, suspend_result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (t->n_suspended, ==, 1);
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_PAUSED);
  g_assert_true (gvirt_domain_resume_sync (dom, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (t->n_resumed, ==, 1);

  /* Now the main thread makes changes; we keep our context running. */
  g_atomic_pointer_set (&t->conn, conn);
  if (!gvirt_test_wait_for (t->context, thread_open_finished, t, GVIRT_TEST_TIMEOUT_MS))
    g_error ("signals for changes made by the main thread never arrived in the worker");
  gvirt_test_flush (t->context);

  g_signal_handlers_disconnect_by_data (dom, t);
  g_clear_object (&dom);
  g_object_unref (conn);
  g_main_context_pop_thread_default (t->context);
  return NULL;
}

static void
test_open_async_thread_default (void)
{
  ThreadOpen t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) dom = NULL;
  GVirtConnection *conn;
  gint64 deadline = g_get_monotonic_time () + GVIRT_TEST_TIMEOUT_MS * 1000;

  t.context = g_main_context_new ();
  t.thread = g_thread_new ("open-async", thread_open_worker, &t);

  while ((conn = g_atomic_pointer_get (&t.conn)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }

  dom = gvirt_connection_find_domain_by_name (conn, "test");
  g_assert_true (gvirt_domain_suspend_sync (dom, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvirt_domain_resume_sync (dom, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&dom);
  g_atomic_int_set (&t.main_done, 1);

  g_thread_join (t.thread);
  /* Nothing is delivered on the main thread's context. */
  gvirt_test_flush (NULL);

  g_assert_false (t.wrong_context);
  g_assert_cmpuint (t.n_suspended, ==, 2);
  g_assert_cmpuint (t.n_resumed, ==, 2);
  g_assert_cmpint (t.state_seen, ==, GVIRT_DOMAIN_STATE_PAUSED);
  g_main_context_unref (t.context);
}

/* Queries */

static void
test_node_info (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtNodeInfo) info = gvirt_connection_get_node_info_sync (f->conn, NULL, &error);
  g_autoptr(GVirtNodeInfo) info2 = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (info->model, ==, "i686");
  g_assert_cmpuint (info->memory, ==, 3145728);
  g_assert_cmpuint (info->cpus, ==, 16);
  g_assert_cmpuint (info->mhz, ==, 1400);
  g_assert_cmpuint (info->nodes, ==, 2);
  g_assert_cmpuint (info->sockets, ==, 2);
  g_assert_cmpuint (info->cores, ==, 2);
  g_assert_cmpuint (info->threads, ==, 2);

  gvirt_connection_get_node_info_async (f->conn, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  info2 = gvirt_connection_get_node_info_finish (f->conn, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info2->model, ==, "i686");
  g_assert_cmpuint (info2->cpus, ==, 16);
  g_assert_cmpuint (info2->memory, ==, 3145728);
}

static void
test_capabilities (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtCapabilities) caps = gvirt_connection_get_capabilities_sync (f->conn, NULL, &error);
  g_autoptr(GVirtCapabilities) caps2 = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  g_autofree char *xml = NULL;

  g_assert_no_error (error);
  g_assert_true (GVIRT_IS_CAPABILITIES (caps));
  g_assert_cmpstr (gvirt_capabilities_get_host_arch (caps), ==, "i686");
  guests = gvirt_capabilities_get_guests (caps);
  g_assert_cmpuint (guests->len, ==, 2);
  xml = gvirt_capabilities_to_xml (caps);
  g_assert_nonnull (strstr (xml, "<capabilities"));
  g_assert_nonnull (strstr (xml, "hvm"));
  g_assert_nonnull (strstr (xml, "x86_64"));

  gvirt_connection_get_capabilities_async (f->conn, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  caps2 = gvirt_connection_get_capabilities_finish (f->conn, result, &error);
  g_assert_no_error (error);
  g_assert_true (gvirt_capabilities_equal (caps, caps2));
}

/* test:///default's node has 2 NUMA nodes of 2 sockets, 2 cores, 2 threads
 * (16 CPUs) and 3 GiB: the capabilities say the same, and the data file's
 * comments stay out of them. */
static void
test_capabilities_topology (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtCapabilities) caps = gvirt_connection_get_capabilities_sync (f->conn, NULL, &error);
  g_autoptr(GVirtNodeInfo) info = NULL;

  g_assert_no_error (error);
  info = gvirt_connection_get_node_info_sync (f->conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->sockets, ==, 2);
  g_assert_cmpuint (info->nodes, ==, 2);
  gvirt_test_assert_caps_match_node (caps, info);
  g_assert_true (gvirt_capabilities_validate (caps, &error));
  g_assert_no_error (error);
}

static void
test_hostname (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hostname = gvirt_connection_get_hostname (f->conn, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hostname);
  g_assert_cmpstr (hostname, !=, "");
}

/* Lookups */

static void
test_lookup_domain (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirtDomain) by_name = gvirt_connection_find_domain_by_name (f->conn, "test");
  g_autoptr(GVirtDomain) by_name2 = gvirt_connection_find_domain_by_name (f->conn, "test");
  g_autoptr(GVirtDomain) by_uuid = gvirt_connection_find_domain_by_uuid (f->conn, GVIRT_TEST_DOMAIN_UUID);
  g_autoptr(GVirtDomain) by_undashed = gvirt_connection_find_domain_by_uuid (f->conn, "6695eb01f6a4830479aa97f2502e193f");
  g_autoptr(GVirtDomain) by_upper = gvirt_connection_find_domain_by_uuid (f->conn, "6695EB01-F6A4-8304-79AA-97F2502E193F");
  g_autoptr(GVirtDomain) by_id = gvirt_connection_find_domain_by_id (f->conn, 1);
  g_autoptr(GVirtDomain) listed = g_list_model_get_item (gvirt_connection_get_domains (f->conn), 0);
  g_autoptr(GVirtConnection) owner = gvirt_domain_get_connection (by_name);  /* (transfer full) */

  g_assert_nonnull (by_name);
  g_assert_true (by_name == by_name2);
  g_assert_true (by_name == by_uuid);
  g_assert_true (by_name == by_undashed);
  g_assert_true (by_name == by_upper);
  g_assert_true (by_name == by_id);
  g_assert_true (by_name == listed);
  g_assert_cmpstr (gvirt_domain_get_name (by_name), ==, "test");
  g_assert_cmpstr (gvirt_domain_get_uuid (by_name), ==, GVIRT_TEST_DOMAIN_UUID);
  g_assert_cmpint (gvirt_domain_get_id (by_name), ==, 1);
  g_assert_true (owner == f->conn);
}

static void
test_lookup_missing (Fixture *f, gconstpointer data)
{
  g_assert_null (gvirt_connection_find_domain_by_name (f->conn, "nosuch"));
  g_assert_null (gvirt_connection_find_domain_by_uuid (f->conn, "00000000-0000-0000-0000-000000000000"));
  g_assert_null (gvirt_connection_find_domain_by_uuid (f->conn, "not-a-uuid"));
  g_assert_null (gvirt_connection_find_domain_by_uuid (f->conn, ""));
  g_assert_null (gvirt_connection_find_domain_by_id (f->conn, 2));
  g_assert_null (gvirt_connection_find_domain_by_id (f->conn, -1));
  g_assert_null (gvirt_connection_find_domain_by_id (f->conn, 0));
  g_assert_null (gvirt_connection_find_network_by_name (f->conn, "nosuch"));
  g_assert_null (gvirt_connection_find_network_by_uuid (f->conn, "00000000000000000000000000000000"));
  g_assert_null (gvirt_connection_find_network_by_uuid (f->conn, "zz"));
}

static void
test_lookup_network (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirtNetwork) by_name = gvirt_connection_find_network_by_name (f->conn, "default");
  g_autoptr(GVirtNetwork) by_uuid = gvirt_connection_find_network_by_uuid (f->conn, GVIRT_TEST_NETWORK_UUID);
  g_autoptr(GVirtNetwork) by_undashed = gvirt_connection_find_network_by_uuid (f->conn, "DD8FE8846C02601E7551CCA97DF1C5DF");
  g_autoptr(GVirtNetwork) listed = g_list_model_get_item (gvirt_connection_get_networks (f->conn), 0);
  g_autoptr(GVirtConnection) owner = gvirt_network_get_connection (by_name);  /* (transfer full) */

  g_assert_nonnull (by_name);
  g_assert_true (by_name == by_uuid);
  g_assert_true (by_name == by_undashed);
  g_assert_true (by_name == listed);
  g_assert_true (owner == f->conn);
}

static void
test_lookup_by_id_follows_start (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) dom = gvirt_test_define (f->conn, "ids");
  g_autoptr(GVirtDomain) found = NULL;
  gint id;

  g_assert_cmpint (gvirt_domain_get_id (dom), ==, -1);
  g_assert_true (gvirt_domain_start_sync (dom, NULL, &error));
  g_assert_no_error (error);
  id = gvirt_domain_get_id (dom);
  g_assert_cmpint (id, >, 1);
  found = gvirt_connection_find_domain_by_id (f->conn, id);
  g_assert_true (found == dom);
  g_clear_object (&found);

  g_assert_true (gvirt_domain_destroy_sync (dom, NULL, &error));
  g_assert_cmpint (gvirt_domain_get_id (dom), ==, -1);
  g_assert_null (gvirt_connection_find_domain_by_id (f->conn, id));

  /* Ids are never reused. */
  g_assert_true (gvirt_domain_start_sync (dom, NULL, &error));
  g_assert_cmpint (gvirt_domain_get_id (dom), >, id);
}

/* Close */

static void
test_close (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirtDomain) dom = gvirt_connection_find_domain_by_name (f->conn, "test");
  g_autoptr(GVirtNetwork) net = gvirt_connection_find_network_by_name (f->conn, "default");
  g_autoptr(GVirtDomainConfig) config = gvirt_test_domain_config ("late");
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gpointer object;

  gvirt_test_recorder_watch (f->rec, f->conn, "closed");
  gvirt_test_recorder_watch_domain (f->rec, dom);

  gvirt_connection_close (f->conn);
  g_assert_true (gvirt_connection_is_closed (f->conn));
  gvirt_test_assert_recorded (f->rec, "closed");
  gvirt_connection_close (f->conn);
  gvirt_test_assert_recorded (f->rec, "closed");

  object = gvirt_connection_get_node_info_sync (f->conn, NULL, &error);
  g_assert_null (object);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED, "test:///default");
  g_clear_error (&error);
  object = gvirt_connection_get_capabilities_sync (f->conn, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED);
  g_clear_error (&error);
  object = gvirt_connection_define_domain_sync (f->conn, config, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (gvirt_domain_suspend_sync (dom, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED);
  g_clear_error (&error);
  object = gvirt_domain_get_info_sync (dom, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (gvirt_network_destroy_sync (net, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED);
  g_clear_error (&error);

  gvirt_domain_resume_async (dom, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_false (gvirt_domain_resume_finish (dom, result, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED);
  g_clear_error (&error);

  /* The objects keep their last state and nothing else is emitted. */
  gvirt_test_flush (NULL);
  gvirt_test_assert_recorded (f->rec, "closed");
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_RUNNING);
}

/* Independence */

static void
test_independent_nodes (void)
{
  g_autoptr(GVirtConnection) one = gvirt_test_open_default ();
  g_autoptr(GVirtConnection) two = gvirt_test_open_default ();
  g_autoptr(GVirtDomain) dom1 = gvirt_connection_find_domain_by_name (one, "test");
  g_autoptr(GVirtDomain) dom2 = gvirt_connection_find_domain_by_name (two, "test");
  g_autoptr(GVirtDomain) only1 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainInfo) info2 = NULL;

  g_assert_true (dom1 != dom2);
  g_assert_true (gvirt_domain_suspend_sync (dom1, NULL, &error));
  g_assert_no_error (error);
  only1 = gvirt_test_define (one, "only-in-one");
  gvirt_test_flush (NULL);

  g_assert_cmpint (gvirt_domain_get_state (dom1), ==, GVIRT_DOMAIN_STATE_PAUSED);
  g_assert_cmpint (gvirt_domain_get_state (dom2), ==, GVIRT_DOMAIN_STATE_RUNNING);
  info2 = gvirt_domain_get_info_sync (dom2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info2->state, ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_null (gvirt_connection_find_domain_by_name (two, "only-in-one"));
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (one)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (two)), ==, 1);

  /* Closing one leaves the other working. */
  gvirt_connection_close (one);
  g_assert_true (gvirt_domain_suspend_sync (dom2, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gvirt_domain_get_state (dom2), ==, GVIRT_DOMAIN_STATE_PAUSED);
}

/* Threads: 8 threads calling sync methods at once on one connection. */

#define N_THREADS 8
#define N_ROUNDS 400

typedef struct {
  GVirtConnection *conn;
  guint            index;
  gint             failures;
  gint             unexpected;
} Worker;

static gpointer
thread_worker (gpointer data)
{
  Worker *w = data;
  g_autofree char *name = g_strdup_printf ("worker-%u", w->index);
  g_autoptr(GVirtDomain) own = gvirt_connection_find_domain_by_name (w->conn, name);
  g_autoptr(GVirtDomain) shared = gvirt_connection_find_domain_by_name (w->conn, "test");

  g_assert_nonnull (own);
  for (guint i = 0; i < N_ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirtDomainInfo) info = NULL;
      g_autoptr(GVirtDomain) again = NULL;
      g_autoptr(GPtrArray) vcpus = NULL;

      /* Own domain: every call must succeed. */
      if (!gvirt_domain_suspend_sync (own, NULL, &error) ||
          !gvirt_domain_resume_sync (own, NULL, &error))
        {
          g_atomic_int_inc (&w->failures);
          g_clear_error (&error);
        }
      info = gvirt_domain_get_info_sync (own, NULL, &error);
      if (info == NULL || info->state != GVIRT_DOMAIN_STATE_RUNNING)
        g_atomic_int_inc (&w->failures);
      g_clear_error (&error);
      vcpus = gvirt_domain_get_vcpu_info_sync (own, NULL, &error);
      if (vcpus == NULL || vcpus->len != 1)
        g_atomic_int_inc (&w->failures);
      g_clear_error (&error);

      /* Shared domain: races are fine, but only as INVALID_STATE. */
      if (i % 2 == 0)
        gvirt_domain_suspend_sync (shared, NULL, &error);
      else
        gvirt_domain_resume_sync (shared, NULL, &error);
      if (error != NULL && !g_error_matches (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE))
        g_atomic_int_inc (&w->unexpected);
      g_clear_error (&error);

      /* Lookups always give the one object. */
      again = gvirt_connection_find_domain_by_name (w->conn, name);
      if (again != own)
        g_atomic_int_inc (&w->failures);
      g_clear_object (&again);
      again = gvirt_connection_find_domain_by_uuid (w->conn, gvirt_domain_get_uuid (own));
      if (again != own)
        g_atomic_int_inc (&w->failures);
      g_clear_object (&again);
      again = gvirt_connection_find_domain_by_name (w->conn, "test");
      if (again != shared)
        g_atomic_int_inc (&w->failures);
    }
  return NULL;
}

static void
test_threads (Fixture *f, gconstpointer data)
{
  Worker workers[N_THREADS];
  GThread *threads[N_THREADS];
  GVirtDomain *doms[N_THREADS];
  g_autoptr(GVirtDomain) shared = gvirt_connection_find_domain_by_name (f->conn, "test");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainInfo) shared_info = NULL;
  guint n_suspended = 0, n_resumed = 0;

  for (guint i = 0; i < N_THREADS; i++)
    {
      g_autofree char *name = g_strdup_printf ("worker-%u", i);
      doms[i] = gvirt_test_define (f->conn, name);
      g_assert_true (gvirt_domain_start_sync (doms[i], NULL, &error));
      g_assert_no_error (error);
      gvirt_test_recorder_watch (f->rec, doms[i], "suspended");
    }
  gvirt_test_recorder_watch (f->rec, shared, "suspended");
  gvirt_test_recorder_watch (f->rec, shared, "resumed");

  for (guint i = 0; i < N_THREADS; i++)
    {
      workers[i] = (Worker) { f->conn, i, 0, 0 };
      threads[i] = g_thread_new ("gvirt-worker", thread_worker, &workers[i]);
    }
  for (guint i = 0; i < N_THREADS; i++)
    g_thread_join (threads[i]);

  /* Apply what the threads queued on our context. */
  gvirt_test_flush (NULL);

  for (guint i = 0; i < N_THREADS; i++)
    {
      g_autoptr(GVirtDomainInfo) info = gvirt_domain_get_info_sync (doms[i], NULL, &error);
      g_autofree char *entry = g_strdup_printf ("suspended(%d)", GVIRT_DOMAIN_SUSPENDED_PAUSED);

      g_assert_cmpint (workers[i].failures, ==, 0);
      g_assert_cmpint (workers[i].unexpected, ==, 0);
      g_assert_no_error (error);
      g_assert_cmpint (info->state, ==, GVIRT_DOMAIN_STATE_RUNNING);
      g_assert_cmpint (gvirt_domain_get_state (doms[i]), ==, GVIRT_DOMAIN_STATE_RUNNING);
      g_object_unref (doms[i]);
    }
  /* Every worker's own suspends were delivered: 8 × N_ROUNDS of them, plus the shared ones. */
  {
    g_autofree char *dump = gvirt_test_recorder_dump (f->rec);
    g_auto(GStrv) entries = g_strsplit (dump, ";", -1);
    for (guint i = 0; entries[i] != NULL; i++)
      {
        if (g_str_has_prefix (entries[i], "suspended"))
          n_suspended++;
        else if (g_str_has_prefix (entries[i], "resumed"))
          n_resumed++;
      }
  }
  g_assert_cmpuint (n_suspended, >=, N_THREADS * N_ROUNDS);

  /* The shared domain's object agrees with the node. */
  shared_info = gvirt_domain_get_info_sync (shared, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gvirt_domain_get_state (shared), ==, shared_info->state);
  g_assert_true (shared_info->state == GVIRT_DOMAIN_STATE_RUNNING ||
                 shared_info->state == GVIRT_DOMAIN_STATE_PAUSED);
  /* Suspends and resumes of the shared domain alternate, so they differ by at most one. */
  g_assert_cmpint (ABS ((gint) (n_suspended - N_THREADS * N_ROUNDS) - (gint) n_resumed), <=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (f->conn)), ==, N_THREADS + 1);
}

int
main (int argc, char *argv[])
{
  gvirt_test_init (&argc, &argv);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, gvirt_test_connection_fixture_setup, func, gvirt_test_connection_fixture_teardown)

  g_test_add_func ("/connection/open/default", test_open_default);
  g_test_add_func ("/connection/open/read-only", test_open_read_only);
  g_test_add_func ("/connection/open/invalid-uri", test_open_invalid_uri);
  g_test_add_func ("/connection/open/no-backend", test_open_no_backend);
  g_test_add_func ("/connection/open/loads-scheme-module", test_open_loads_scheme_module);
  g_test_add_func ("/connection/open/invalid-xml", test_open_invalid_xml);
  g_test_add_func ("/connection/open/cancelled", test_open_cancelled);
  g_test_add_func ("/connection/open/async", test_open_async);
  g_test_add_func ("/connection/open/async-errors", test_open_async_errors);
  g_test_add_func ("/connection/open/async-thread-default-context", test_open_async_thread_default);
  FIXTURE_TEST ("/connection/query/node-info", test_node_info);
  FIXTURE_TEST ("/connection/query/capabilities", test_capabilities);
  FIXTURE_TEST ("/connection/query/capabilities-topology", test_capabilities_topology);
  FIXTURE_TEST ("/connection/query/hostname", test_hostname);
  FIXTURE_TEST ("/connection/lookup/domain", test_lookup_domain);
  FIXTURE_TEST ("/connection/lookup/missing", test_lookup_missing);
  FIXTURE_TEST ("/connection/lookup/network", test_lookup_network);
  FIXTURE_TEST ("/connection/lookup/by-id-follows-start", test_lookup_by_id_follows_start);
  FIXTURE_TEST ("/connection/close", test_close);
  g_test_add_func ("/connection/independent-nodes", test_independent_nodes);
  FIXTURE_TEST ("/connection/threads", test_threads);

  return gvirt_test_run ();
}
