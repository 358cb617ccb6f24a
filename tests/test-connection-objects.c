/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GTest suite for GVirtConnection's objects: define/undefine/create with their signals, cancellation, read-only refusals. */
#include <string.h>

#include "gvirt-test-util.h"

typedef GVirtTestConnectionFixture Fixture;

/* Define / undefine / create, with signal order and list positions */

static void
test_define_signals (Fixture *f, gconstpointer data)
{
  GListModel *domains = gvirt_connection_get_domains (f->conn);
  g_autoptr(GVirtDomainConfig) config = gvirt_test_domain_config ("web");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) dom = NULL;
  g_autoptr(GVirtDomain) item = NULL;
  g_autoptr(GVirtDomain) again = NULL;

  gvirt_test_recorder_watch (f->rec, f->conn, "domain-added");
  gvirt_test_recorder_watch (f->rec, f->conn, "domain-removed");
  gvirt_test_recorder_watch (f->rec, domains, "items-changed");

  dom = gvirt_connection_define_domain_sync (f->conn, config, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "domain-added(web)"), ==, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "items-changed(1,0,1)"), ==, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "domain-removed(web)"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (domains), ==, 2);
  item = g_list_model_get_item (domains, 1);
  g_assert_true (item == dom);

  g_assert_cmpstr (gvirt_domain_get_name (dom), ==, "web");
  g_assert_cmpstr (gvirt_domain_get_uuid (dom), ==, gvirt_domain_config_get_uuid (config));
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_cmpint (gvirt_domain_get_id (dom), ==, -1);
  g_assert_true (gvirt_domain_get_persistent (dom));
  g_assert_false (gvirt_domain_get_autostart (dom));

  /* Redefining the same name and UUID updates the same object, no new row. */
  gvirt_test_recorder_clear (f->rec);
  gvirt_domain_config_set_memory (config, 262144);
  again = gvirt_connection_define_domain_sync (f->conn, config, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (again == dom);
  gvirt_test_assert_recorded (f->rec, "");
  g_assert_cmpuint (g_list_model_get_n_items (domains), ==, 2);
}

static void
test_define_generates_uuid (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) dom = NULL;
  g_autoptr(GVirtDomain) found = NULL;

  gvirt_domain_config_set_domain_type (config, "test");
  gvirt_domain_config_set_name (config, "nouuid");
  gvirt_domain_config_set_memory (config, 65536);
  gvirt_domain_config_set_vcpus (config, 1);
  dom = gvirt_connection_define_domain_sync (f->conn, config, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gvirt_domain_get_uuid (dom));
  g_assert_true (g_uuid_string_is_valid (gvirt_domain_get_uuid (dom)));
  found = gvirt_connection_find_domain_by_uuid (f->conn, gvirt_domain_get_uuid (dom));
  g_assert_true (found == dom);
}

static void
test_define_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirtDomainConfig) same_name = gvirt_test_domain_config ("test");
  g_autoptr(GVirtDomainConfig) same_uuid = gvirt_test_domain_config ("other");
  g_autoptr(GVirtDomainConfig) no_name = gvirt_domain_config_new ();
  g_autoptr(GError) error = NULL;
  GVirtDomain *dom;

  gvirt_test_recorder_watch (f->rec, f->conn, "domain-added");

  dom = gvirt_connection_define_domain_sync (f->conn, same_name, NULL, &error);
  g_assert_null (dom);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS, "test");
  g_clear_error (&error);

  gvirt_domain_config_set_uuid (same_uuid, GVIRT_TEST_DOMAIN_UUID);
  dom = gvirt_connection_define_domain_sync (f->conn, same_uuid, NULL, &error);
  g_assert_null (dom);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS);
  g_clear_error (&error);

  gvirt_domain_config_set_memory (no_name, 65536);
  dom = gvirt_connection_define_domain_sync (f->conn, no_name, NULL, &error);
  g_assert_null (dom);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  gvirt_test_assert_recorded (f->rec, "");
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (f->conn)), ==, 1);
}

static void
test_config_invalid_xml (void)
{
  static const char *const bad[] = {
    "<domain><name>x</name>",
    "not xml at all",
    "",
    "<domain type='test'><name>a</name></domain><extra/>",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new_from_xml (bad[i], &error);

      g_assert_null (config);
      g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML);
    }
}

static void
test_undefine_signals (Fixture *f, gconstpointer data)
{
  GListModel *domains = gvirt_connection_get_domains (f->conn);
  g_autoptr(GVirtDomain) a = gvirt_test_define (f->conn, "a");
  g_autoptr(GVirtDomain) b = gvirt_test_define (f->conn, "b");
  g_autoptr(GVirtDomain) c = gvirt_test_define (f->conn, "c");
  g_autoptr(GVirtDomain) item = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (domains), ==, 4);
  gvirt_test_recorder_watch (f->rec, domains, "items-changed");
  gvirt_test_recorder_watch (f->rec, f->conn, "domain-removed");
  gvirt_test_recorder_watch (f->rec, f->conn, "domain-added");

  g_assert_true (gvirt_domain_undefine_sync (b, NULL, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "items-changed(2,1,0);domain-removed(b)");
  g_assert_cmpuint (g_list_model_get_n_items (domains), ==, 3);
  item = g_list_model_get_item (domains, 2);
  g_assert_true (item == c);
  g_assert_null (gvirt_connection_find_domain_by_name (f->conn, "b"));
  g_assert_null (gvirt_connection_find_domain_by_uuid (f->conn, gvirt_domain_get_uuid (b)));

  gvirt_test_recorder_clear (f->rec);
  g_assert_true (gvirt_domain_undefine_sync (c, NULL, &error));
  gvirt_test_assert_recorded (f->rec, "items-changed(2,1,0);domain-removed(c)");
  gvirt_test_recorder_clear (f->rec);
  g_assert_true (gvirt_domain_undefine_sync (a, NULL, &error));
  gvirt_test_assert_recorded (f->rec, "items-changed(1,1,0);domain-removed(a)");
  g_assert_cmpuint (g_list_model_get_n_items (domains), ==, 1);
}

static void
test_undefine_then_no_domain (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirtDomain) dom = gvirt_test_define (f->conn, "gone");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainInfo) info = NULL;

  g_assert_true (gvirt_domain_undefine_sync (dom, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (gvirt_domain_start_sync (dom, NULL, &error));
  /* The domain is gone from the node, so the message names it by UUID. */
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_NO_DOMAIN, gvirt_domain_get_uuid (dom));
  g_clear_error (&error);
  info = gvirt_domain_get_info_sync (dom, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_DOMAIN);
  g_clear_error (&error);
  g_assert_false (gvirt_domain_undefine_sync (dom, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_DOMAIN);
}

static void
test_create_transient (Fixture *f, gconstpointer data)
{
  GListModel *domains = gvirt_connection_get_domains (f->conn);
  g_autoptr(GVirtDomainConfig) config = gvirt_test_domain_config ("flash");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) dom = NULL;

  gvirt_test_recorder_watch (f->rec, f->conn, "domain-added");
  gvirt_test_recorder_watch (f->rec, f->conn, "domain-removed");
  gvirt_test_recorder_watch (f->rec, domains, "items-changed");

  dom = gvirt_connection_create_domain_sync (f->conn, config, NULL, &error);
  g_assert_no_error (error);
  gvirt_test_recorder_watch (f->rec, dom, "started");
  gvirt_test_recorder_watch (f->rec, dom, "stopped");
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "domain-added(flash)"), ==, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "items-changed(1,0,1)"), ==, 1);
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_cmpint (gvirt_domain_get_id (dom), >, 0);
  g_assert_false (gvirt_domain_get_persistent (dom));
  g_assert_cmpuint (g_list_model_get_n_items (domains), ==, 2);

  gvirt_test_recorder_clear (f->rec);
  g_assert_true (gvirt_domain_destroy_sync (dom, NULL, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "stopped(1);items-changed(1,1,0);domain-removed(flash)");
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_cmpuint (g_list_model_get_n_items (domains), ==, 1);
  g_assert_null (gvirt_connection_find_domain_by_name (f->conn, "flash"));

  /* A transient domain cannot be started again: it is gone. */
  g_assert_false (gvirt_domain_start_sync (dom, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_DOMAIN);
}

static void
test_create_running_fails (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) dom = gvirt_connection_find_domain_by_name (f->conn, "test");
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_get_config_sync (dom, GVIRT_DOMAIN_XML_INACTIVE, NULL, &error);
  g_autoptr(GVirtDomain) created = NULL;

  g_assert_no_error (error);
  created = gvirt_connection_create_domain_sync (f->conn, config, NULL, &error);
  g_assert_null (created);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE, "test");
}

static void
test_define_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirtDomainConfig) config = gvirt_test_domain_config ("async");
  g_autoptr(GVirtDomainConfig) created_config = gvirt_test_domain_config ("async-created");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) dom = NULL;
  g_autoptr(GVirtDomain) created = NULL;

  gvirt_test_recorder_watch (f->rec, f->conn, "domain-added");
  gvirt_connection_define_domain_async (f->conn, config, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  /* The events were applied before the callback ran. */
  gvirt_test_assert_recorded (f->rec, "domain-added(async)");
  dom = gvirt_connection_define_domain_finish (f->conn, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvirt_domain_get_name (dom), ==, "async");
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (f->conn)), ==, 2);

  g_clear_object (&result);
  gvirt_connection_create_domain_async (f->conn, created_config, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  created = gvirt_connection_create_domain_finish (f->conn, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gvirt_domain_get_state (created), ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_false (gvirt_domain_get_persistent (created));

  /* Async errors come through _finish. */
  g_clear_object (&dom);
  g_clear_object (&config);
  config = gvirt_test_domain_config ("async");
  g_clear_object (&result);
  gvirt_connection_define_domain_async (f->conn, config, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  dom = gvirt_connection_define_domain_finish (f->conn, result, &error);
  g_assert_null (dom);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS);
}

static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GVirtDomainConfig) config = gvirt_test_domain_config ("never");
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GVirtDomain *dom;
  GVirtNodeInfo *info;

  g_cancellable_cancel (cancellable);
  gvirt_test_recorder_watch (f->rec, f->conn, "domain-added");

  dom = gvirt_connection_define_domain_sync (f->conn, config, cancellable, &error);
  g_assert_null (dom);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  info = gvirt_connection_get_node_info_sync (f->conn, cancellable, &error);
  g_assert_null (info);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  gvirt_connection_create_domain_async (f->conn, config, cancellable, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  dom = gvirt_connection_create_domain_finish (f->conn, result, &error);
  g_assert_null (dom);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  gvirt_test_flush (NULL);
  gvirt_test_assert_recorded (f->rec, "");
  g_assert_null (gvirt_connection_find_domain_by_name (f->conn, "never"));
}

/* Read-only */

static void
test_read_only_refuses (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open ("test:///default", GVIRT_CONNECTION_READ_ONLY);
  g_autoptr(GVirtDomainConfig) config = gvirt_test_domain_config ("ro");
  g_autoptr(GVirtNetworkConfig) net_config = gvirt_network_config_new_nat ("ronet", "virbr7", "10.7.0.1", "255.255.255.0");
  g_autofree char *save_path = gvirt_test_tmp_path ("ro.save");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtNodeInfo) info = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gpointer object;

  object = gvirt_connection_define_domain_sync (conn, config, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_clear_error (&error);
  object = gvirt_connection_create_domain_sync (conn, config, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_clear_error (&error);
  object = gvirt_connection_restore_domain_sync (conn, save_path, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_clear_error (&error);
  object = gvirt_connection_define_network_sync (conn, net_config, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_clear_error (&error);
  object = gvirt_connection_create_network_sync (conn, net_config, NULL, &error);
  g_assert_null (object);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_clear_error (&error);

  gvirt_connection_define_domain_async (conn, config, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  object = gvirt_connection_define_domain_finish (conn, result, &error);
  g_assert_null (object);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Queries still work. */
  info = gvirt_connection_get_node_info_sync (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->cpus, ==, 16);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (conn)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_networks (conn)), ==, 1);
}

int
main (int argc, char *argv[])
{
  gvirt_test_init (&argc, &argv);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, gvirt_test_connection_fixture_setup, func, gvirt_test_connection_fixture_teardown)

  FIXTURE_TEST ("/connection/define/signals", test_define_signals);
  FIXTURE_TEST ("/connection/define/generates-uuid", test_define_generates_uuid);
  FIXTURE_TEST ("/connection/define/errors", test_define_errors);
  FIXTURE_TEST ("/connection/define/async", test_define_async);
  g_test_add_func ("/connection/define/invalid-xml", test_config_invalid_xml);
  FIXTURE_TEST ("/connection/undefine/signals", test_undefine_signals);
  FIXTURE_TEST ("/connection/undefine/then-no-domain", test_undefine_then_no_domain);
  FIXTURE_TEST ("/connection/create/transient", test_create_transient);
  FIXTURE_TEST ("/connection/create/running-fails", test_create_running_fails);
  FIXTURE_TEST ("/connection/cancelled", test_cancelled);
  g_test_add_func ("/connection/read-only/refuses", test_read_only_refuses);

  return gvirt_test_run ();
}
