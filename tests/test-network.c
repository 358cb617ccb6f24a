/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GTest suite for GVirtNetwork: properties, start/destroy/undefine/autostart, transient create, errors, async. */
#include <string.h>

#include "gvirt-test-util.h"

typedef struct {
  GVirtConnection   *conn;
  GVirtNetwork      *net;    /* "default", active */
  GVirtTestRecorder *rec;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->conn = gvirt_test_open_default ();
  f->net = gvirt_connection_find_network_by_name (f->conn, "default");
  g_assert_nonnull (f->net);
  f->rec = gvirt_test_recorder_new ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gvirt_test_recorder_free (f->rec);
  g_clear_object (&f->net);
  g_clear_object (&f->conn);
}

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

static GVirtNetwork *
define_network (GVirtConnection *conn, const char *name, const char *bridge)
{
  g_autoptr(GVirtNetworkConfig) config = gvirt_network_config_new_nat (name, bridge, "10.9.0.1", "255.255.255.0");
  g_autoptr(GError) error = NULL;
  GVirtNetwork *net = gvirt_connection_define_network_sync (conn, config, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (GVIRT_IS_NETWORK (net));
  return net;
}

static void
test_properties (Fixture *f, gconstpointer data)
{
  g_autofree char *name = NULL, *uuid = NULL, *bridge = NULL;
  g_autoptr(GVirtConnection) conn = NULL;
  gboolean active = FALSE, persistent = FALSE, autostart = TRUE;

  g_object_get (f->net, "name", &name, "uuid", &uuid, "bridge", &bridge, "active", &active,
                "persistent", &persistent, "autostart", &autostart, "connection", &conn, NULL);
  g_assert_cmpstr (name, ==, "default");
  g_assert_cmpstr (uuid, ==, GVIRT_TEST_NETWORK_UUID);
  g_assert_cmpstr (bridge, ==, "virbr0");
  g_assert_true (active);
  g_assert_true (persistent);
  g_assert_false (autostart);
  g_assert_true (conn == f->conn);
  g_assert_cmpstr (gvirt_network_get_name (f->net), ==, "default");
  g_assert_cmpstr (gvirt_network_get_bridge (f->net), ==, "virbr0");
  g_assert_true (gvirt_network_get_active (f->net));
}

static void
test_destroy_start (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  gvirt_test_recorder_watch_network (f->rec, f->net);
  g_assert_true (gvirt_network_destroy_sync (f->net, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gvirt_network_get_active (f->net));
  gvirt_test_assert_recorded (f->rec, "notify::active;stopped");
  /* Persistent: still there. */
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_networks (f->conn)), ==, 1);

  gvirt_test_recorder_clear (f->rec);
  g_assert_true (gvirt_network_start_sync (f->net, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvirt_network_get_active (f->net));
  gvirt_test_assert_recorded (f->rec, "notify::active;started");

  /* Async. */
  gvirt_test_recorder_clear (f->rec);
  gvirt_network_destroy_async (f->net, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_true (gvirt_network_destroy_finish (f->net, result, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "notify::active;stopped");
  g_clear_object (&result);
  gvirt_network_start_async (f->net, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_true (gvirt_network_start_finish (f->net, result, &error));
  g_assert_no_error (error);
  g_assert_true (gvirt_network_get_active (f->net));
}

static void
test_invalid_state (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_false (gvirt_network_start_sync (f->net, NULL, &error));
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE, "default");
  g_clear_error (&error);

  g_assert_true (gvirt_network_destroy_sync (f->net, NULL, &error));
  g_assert_false (gvirt_network_destroy_sync (f->net, NULL, &error));
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE, "default");
  g_clear_error (&error);

  gvirt_network_destroy_async (f->net, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_false (gvirt_network_destroy_finish (f->net, result, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE);
}

static void
test_define_undefine (Fixture *f, gconstpointer data)
{
  GListModel *networks = gvirt_connection_get_networks (f->conn);
  g_autoptr(GVirtNetwork) net = NULL;
  g_autoptr(GVirtNetwork) found = NULL;
  g_autoptr(GError) error = NULL;

  gvirt_test_recorder_watch (f->rec, f->conn, "network-added");
  gvirt_test_recorder_watch (f->rec, f->conn, "network-removed");
  gvirt_test_recorder_watch (f->rec, networks, "items-changed");

  net = define_network (f->conn, "lab", "virbr5");
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "network-added(lab)"), ==, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "items-changed(1,0,1)"), ==, 1);
  g_assert_false (gvirt_network_get_active (net));
  g_assert_true (gvirt_network_get_persistent (net));
  g_assert_cmpstr (gvirt_network_get_bridge (net), ==, "virbr5");
  found = gvirt_connection_find_network_by_uuid (f->conn, gvirt_network_get_uuid (net));
  g_assert_true (found == net);
  g_assert_cmpuint (g_list_model_get_n_items (networks), ==, 2);

  gvirt_test_recorder_clear (f->rec);
  g_assert_true (gvirt_network_undefine_sync (net, NULL, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "items-changed(1,1,0);network-removed(lab)");
  g_assert_null (gvirt_connection_find_network_by_name (f->conn, "lab"));
  g_assert_cmpuint (g_list_model_get_n_items (networks), ==, 1);

  /* The stale object reports the network is gone. */
  g_assert_false (gvirt_network_start_sync (net, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_NETWORK);
}

static void
test_define_errors (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirtNetworkConfig) dup_name = gvirt_network_config_new_nat ("default", "virbr3", "10.3.0.1", "255.255.255.0");
  g_autoptr(GVirtNetworkConfig) dup_uuid = gvirt_network_config_new_nat ("other", "virbr4", "10.4.0.1", "255.255.255.0");
  g_autoptr(GError) error = NULL;
  GVirtNetwork *net;

  net = gvirt_connection_define_network_sync (f->conn, dup_name, NULL, &error);
  g_assert_null (net);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS, "default");
  g_clear_error (&error);

  gvirt_network_config_set_uuid (dup_uuid, GVIRT_TEST_NETWORK_UUID);
  net = gvirt_connection_create_network_sync (f->conn, dup_uuid, NULL, &error);
  g_assert_null (net);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_networks (f->conn)), ==, 1);
}

static void
test_undefine_active (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  gvirt_test_recorder_watch_network (f->rec, f->net);
  gvirt_test_recorder_watch (f->rec, f->conn, "network-removed");
  g_assert_true (gvirt_network_undefine_sync (f->net, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gvirt_network_get_persistent (f->net));
  g_assert_true (gvirt_network_get_active (f->net));
  gvirt_test_assert_recorded (f->rec, "notify::persistent");

  gvirt_test_recorder_clear (f->rec);
  g_assert_true (gvirt_network_destroy_sync (f->net, NULL, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "notify::active;stopped;network-removed(default)");
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_networks (f->conn)), ==, 0);
}

static void
test_create_transient (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirtNetworkConfig) config = gvirt_network_config_new_nat ("flash", "virbr8", "10.8.0.1", "255.255.255.0");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtNetwork) net = NULL;
  g_autoptr(GVirtNetwork) async_net = NULL;
  g_autoptr(GVirtNetworkConfig) async_config = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  gvirt_test_recorder_watch (f->rec, f->conn, "network-added");
  gvirt_test_recorder_watch (f->rec, f->conn, "network-removed");
  net = gvirt_connection_create_network_sync (f->conn, config, NULL, &error);
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "network-added(flash)");
  g_assert_true (gvirt_network_get_active (net));
  g_assert_false (gvirt_network_get_persistent (net));
  g_assert_cmpstr (gvirt_network_get_bridge (net), ==, "virbr8");

  gvirt_test_recorder_clear (f->rec);
  g_assert_true (gvirt_network_destroy_sync (net, NULL, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "network-removed(flash)");
  g_assert_null (gvirt_connection_find_network_by_name (f->conn, "flash"));

  /* Async, and a network without a bridge gets the first free virbrN. */
  async_config = gvirt_network_config_new ();
  gvirt_network_config_set_name (async_config, "nobridge");
  gvirt_connection_create_network_async (f->conn, async_config, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  async_net = gvirt_connection_create_network_finish (f->conn, result, &error);
  g_assert_no_error (error);
  g_assert_true (gvirt_network_get_active (async_net));
  g_assert_cmpstr (gvirt_network_get_bridge (async_net), ==, "virbr1");
}

static void
test_define_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirtNetworkConfig) config = gvirt_network_config_new_nat ("asyncnet", "virbr6", "10.6.0.1", "255.255.255.0");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtNetwork) net = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  gvirt_test_recorder_watch (f->rec, f->conn, "network-added");
  gvirt_connection_define_network_async (f->conn, config, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  gvirt_test_assert_recorded (f->rec, "network-added(asyncnet)");
  net = gvirt_connection_define_network_finish (f->conn, result, &error);
  g_assert_no_error (error);
  g_assert_false (gvirt_network_get_active (net));

  g_clear_object (&result);
  gvirt_network_undefine_async (net, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_true (gvirt_network_undefine_finish (net, result, &error));
  g_assert_no_error (error);
  g_assert_null (gvirt_connection_find_network_by_name (f->conn, "asyncnet"));
}

static void
test_autostart (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  gvirt_test_recorder_watch_network (f->rec, f->net);
  g_assert_true (gvirt_network_set_autostart_sync (f->net, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvirt_network_get_autostart (f->net));
  gvirt_test_assert_recorded (f->rec, "notify::autostart");

  gvirt_network_set_autostart_async (f->net, FALSE, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_true (gvirt_network_set_autostart_finish (f->net, result, &error));
  g_assert_no_error (error);
  g_assert_false (gvirt_network_get_autostart (f->net));
  gvirt_test_assert_recorded (f->rec, "notify::autostart;notify::autostart");
}

static void
test_config_xml (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtNetworkConfig) config = gvirt_network_get_config_sync (f->net, NULL, &error);
  g_autoptr(GVirtNetworkConfig) async_config = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *async_xml = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gvirt_network_config_get_name (config), ==, "default");
  g_assert_cmpstr (gvirt_network_config_get_uuid (config), ==, GVIRT_TEST_NETWORK_UUID);
  g_assert_cmpstr (gvirt_network_config_get_bridge_name (config), ==, "virbr0");
  g_assert_cmpint (gvirt_network_config_get_forward_mode (config), ==, GVIRT_NETWORK_FORWARD_MODE_NAT);
  g_assert_cmpstr (gvirt_network_config_get_ip_address (config), ==, "192.168.122.1");
  g_assert_cmpuint (gvirt_network_config_get_n_dhcp_ranges (config), ==, 1);

  xml = gvirt_network_get_xml_sync (f->net, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<name>default</name>"));
  g_assert_nonnull (strstr (xml, "virbr0"));

  gvirt_network_get_xml_async (f->net, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  async_xml = gvirt_network_get_xml_finish (f->net, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (async_xml, ==, xml);

  g_clear_object (&result);
  gvirt_network_get_config_async (f->net, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  async_config = gvirt_network_get_config_finish (f->net, result, &error);
  g_assert_no_error (error);
  g_assert_true (gvirt_network_config_equal (config, async_config));
}

static void
test_read_only (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open ("test:///default", GVIRT_CONNECTION_READ_ONLY);
  g_autoptr(GVirtNetwork) net = gvirt_connection_find_network_by_name (conn, "default");
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;

  g_assert_false (gvirt_network_destroy_sync (net, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (gvirt_network_start_sync (net, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (gvirt_network_undefine_sync (net, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (gvirt_network_set_autostart_sync (net, TRUE, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_true (gvirt_network_get_active (net));
  xml = gvirt_network_get_xml_sync (net, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "default"));
}

static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (gvirt_network_destroy_sync (f->net, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  gvirt_network_destroy_async (f->net, cancellable, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_false (gvirt_network_destroy_finish (f->net, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  gvirt_test_flush (NULL);
  g_assert_true (gvirt_network_get_active (f->net));
}

int
main (int argc, char *argv[])
{
  gvirt_test_init (&argc, &argv);

  FIXTURE_TEST ("/network/properties", test_properties);
  FIXTURE_TEST ("/network/lifecycle/destroy-start", test_destroy_start);
  FIXTURE_TEST ("/network/lifecycle/invalid-state", test_invalid_state);
  FIXTURE_TEST ("/network/define/undefine", test_define_undefine);
  FIXTURE_TEST ("/network/define/errors", test_define_errors);
  FIXTURE_TEST ("/network/define/async", test_define_async);
  FIXTURE_TEST ("/network/undefine/active", test_undefine_active);
  FIXTURE_TEST ("/network/create/transient", test_create_transient);
  FIXTURE_TEST ("/network/autostart", test_autostart);
  FIXTURE_TEST ("/network/config/xml", test_config_xml);
  FIXTURE_TEST ("/network/cancelled", test_cancelled);
  g_test_add_func ("/network/read-only", test_read_only);

  return gvirt_test_run ();
}
