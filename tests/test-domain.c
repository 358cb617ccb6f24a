/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GTest suite for GVirtDomain: properties, identity, lifecycle and its signals, errors, async, cancellation, read-only. */
#include <string.h>

#include "gvirt-test-util.h"

typedef GVirtTestDomainFixture Fixture;

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, gvirt_test_domain_fixture_setup, func, gvirt_test_domain_fixture_teardown)

static char *
entry (const char *signal, int reason)
{
  return g_strdup_printf ("%s(%d)", signal, reason);
}

/* Properties */

static void
test_properties (Fixture *f, gconstpointer data)
{
  g_autofree char *name = NULL, *uuid = NULL;
  g_autoptr(GVirtConnection) conn = NULL;
  gint id = 0;
  GVirtDomainState state = 0;
  gboolean persistent = FALSE, autostart = TRUE;

  g_object_get (f->dom, "name", &name, "uuid", &uuid, "id", &id, "state", &state,
                "persistent", &persistent, "autostart", &autostart, "connection", &conn, NULL);
  g_assert_cmpstr (name, ==, "test");
  g_assert_cmpstr (uuid, ==, GVIRT_TEST_DOMAIN_UUID);
  g_assert_cmpint (id, ==, 1);
  g_assert_cmpint (state, ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_true (persistent);
  g_assert_false (autostart);
  g_assert_true (conn == f->conn);

  g_assert_cmpint (gvirt_domain_get_id (f->off), ==, -1);
  g_assert_cmpint (gvirt_domain_get_state (f->off), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_true (gvirt_domain_get_persistent (f->off));
}

/* Lifecycle: state, id and signals in order */

static void
test_suspend_resume (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  gvirt_test_recorder_watch_domain (f->rec, f->dom);
  g_assert_true (gvirt_domain_suspend_sync (f->dom, NULL, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "notify::state;suspended(0)");
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_PAUSED);
  g_assert_cmpint (gvirt_domain_get_id (f->dom), ==, 1);

  gvirt_test_recorder_clear (f->rec);
  g_assert_true (gvirt_domain_resume_sync (f->dom, NULL, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "notify::state;resumed(0)");
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_cmpint (gvirt_domain_get_id (f->dom), ==, 1);
}

static void
test_start (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) by_id = NULL;

  gvirt_test_recorder_watch_domain (f->rec, f->off);
  g_assert_true (gvirt_domain_start_sync (f->off, NULL, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "notify::id;notify::state;started(0)");
  g_assert_cmpint (gvirt_domain_get_state (f->off), ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_cmpint (gvirt_domain_get_id (f->off), ==, 2);
  by_id = gvirt_connection_find_domain_by_id (f->conn, 2);
  g_assert_true (by_id == f->off);
}

static void
test_shutdown (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = entry ("stopped", GVIRT_DOMAIN_STOPPED_SHUTDOWN);

  gvirt_test_recorder_watch (f->rec, f->dom, "stopped");
  gvirt_test_recorder_watch (f->rec, f->dom, "notify::state");
  gvirt_test_recorder_watch (f->rec, f->dom, "notify::id");
  g_assert_true (gvirt_domain_shutdown_sync (f->dom, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_cmpint (gvirt_domain_get_id (f->dom), ==, -1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, expected), ==, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "notify::state"), ==, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "notify::id"), ==, 1);
  /* Persistent: still listed. */
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (f->conn)), ==, 2);

  /* Shutdown from paused works too. */
  g_assert_true (gvirt_domain_start_sync (f->dom, NULL, &error));
  g_assert_true (gvirt_domain_suspend_sync (f->dom, NULL, &error));
  g_assert_true (gvirt_domain_shutdown_sync (f->dom, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
}

static void
test_destroy (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  gvirt_test_recorder_watch_domain (f->rec, f->dom);
  g_assert_true (gvirt_domain_destroy_sync (f->dom, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_cmpint (gvirt_domain_get_id (f->dom), ==, -1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "stopped(1)"), ==, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "notify::persistent"), ==, 0);
}

static void
test_reboot (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  gvirt_test_recorder_watch_domain (f->rec, f->dom);
  g_assert_true (gvirt_domain_reboot_sync (f->dom, NULL, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "");
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_cmpint (gvirt_domain_get_id (f->dom), ==, 1);
}

static void
assert_invalid_state (gboolean ok, GError *error, const char *name, const char *state)
{
  g_assert_false (ok);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE, name);
  if (strstr (error->message, state) == NULL)
    g_error ("“%s” does not name the state “%s”", error->message, state);
}

static void
test_suspend_when_shutoff (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  gvirt_test_recorder_watch_domain (f->rec, f->off);
  ok = gvirt_domain_suspend_sync (f->off, NULL, &error);
  assert_invalid_state (ok, error, "off", "shut off");
  gvirt_test_assert_recorded (f->rec, "");
  g_assert_cmpint (gvirt_domain_get_state (f->off), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
}

static void
test_resume_when_running (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = gvirt_domain_resume_sync (f->dom, NULL, &error);

  assert_invalid_state (ok, error, "test", "running");
}

static void
test_start_when_running (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = gvirt_domain_start_sync (f->dom, NULL, &error);

  assert_invalid_state (ok, error, "test", "running");
  g_assert_cmpint (gvirt_domain_get_id (f->dom), ==, 1);
}

static void
test_invalid_states_when_shutoff (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gvirt_test_tmp_path ("off.save");
  gboolean ok;

  ok = gvirt_domain_shutdown_sync (f->off, NULL, &error);
  assert_invalid_state (ok, error, "off", "shut off");
  g_clear_error (&error);
  ok = gvirt_domain_destroy_sync (f->off, NULL, &error);
  assert_invalid_state (ok, error, "off", "shut off");
  g_clear_error (&error);
  ok = gvirt_domain_reboot_sync (f->off, NULL, &error);
  assert_invalid_state (ok, error, "off", "shut off");
  g_clear_error (&error);
  ok = gvirt_domain_resume_sync (f->off, NULL, &error);
  assert_invalid_state (ok, error, "off", "shut off");
  g_clear_error (&error);
  ok = gvirt_domain_save_sync (f->off, path, NULL, &error);
  assert_invalid_state (ok, error, "off", "shut off");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  ok = gvirt_domain_core_dump_sync (f->off, path, NULL, &error);
  assert_invalid_state (ok, error, "off", "shut off");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_invalid_states_when_paused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_true (gvirt_domain_suspend_sync (f->dom, NULL, &error));
  ok = gvirt_domain_suspend_sync (f->dom, NULL, &error);
  assert_invalid_state (ok, error, "test", "paused");
  g_clear_error (&error);
  ok = gvirt_domain_start_sync (f->dom, NULL, &error);
  assert_invalid_state (ok, error, "test", "paused");
  g_clear_error (&error);
  ok = gvirt_domain_reboot_sync (f->dom, NULL, &error);
  assert_invalid_state (ok, error, "test", "paused");
}

/* Async lifecycle: the events are applied before the callback runs. */

typedef gboolean (*FinishFunc) (GVirtDomain *, GAsyncResult *, GError **);
typedef void (*AsyncFunc) (GVirtDomain *, GCancellable *, GAsyncReadyCallback, gpointer);

static void
run_async (GVirtDomain *dom, AsyncFunc start, FinishFunc finish, GCancellable *cancellable, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  start (dom, cancellable, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  finish (dom, result, error);
}

static void
test_async_lifecycle (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  gvirt_test_recorder_watch_domain (f->rec, f->off);

  run_async (f->off, gvirt_domain_start_async, gvirt_domain_start_finish, NULL, &error);
  g_assert_no_error (error);
  /* The order of the notifications is /domain/lifecycle/start's business. */
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "notify::id"), ==, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "notify::state"), ==, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "started(0)"), ==, 1);
  g_assert_cmpint (gvirt_domain_get_state (f->off), ==, GVIRT_DOMAIN_STATE_RUNNING);

  gvirt_test_recorder_clear (f->rec);
  run_async (f->off, gvirt_domain_suspend_async, gvirt_domain_suspend_finish, NULL, &error);
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "notify::state;suspended(0)");

  gvirt_test_recorder_clear (f->rec);
  run_async (f->off, gvirt_domain_resume_async, gvirt_domain_resume_finish, NULL, &error);
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "notify::state;resumed(0)");

  gvirt_test_recorder_clear (f->rec);
  run_async (f->off, gvirt_domain_reboot_async, gvirt_domain_reboot_finish, NULL, &error);
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "");

  run_async (f->off, gvirt_domain_shutdown_async, gvirt_domain_shutdown_finish, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "stopped(0)"), ==, 1);
  g_assert_cmpint (gvirt_domain_get_state (f->off), ==, GVIRT_DOMAIN_STATE_SHUTOFF);

  run_async (f->off, gvirt_domain_start_async, gvirt_domain_start_finish, NULL, &error);
  g_assert_no_error (error);
  gvirt_test_recorder_clear (f->rec);
  run_async (f->off, gvirt_domain_destroy_async, gvirt_domain_destroy_finish, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "stopped(1)"), ==, 1);
  g_assert_cmpint (gvirt_domain_get_id (f->off), ==, -1);

  /* Errors come through _finish. */
  run_async (f->off, gvirt_domain_suspend_async, gvirt_domain_suspend_finish, NULL, &error);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE);
  g_clear_error (&error);

  run_async (f->off, gvirt_domain_undefine_async, gvirt_domain_undefine_finish, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gvirt_connection_find_domain_by_name (f->conn, "off"));
}

/* Cancellation: nothing changes */

static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainInfo) info = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) vcpus = NULL;
  g_autofree char *xml = NULL;

  g_cancellable_cancel (cancellable);
  gvirt_test_recorder_watch_domain (f->rec, f->dom);

  g_assert_false (gvirt_domain_suspend_sync (f->dom, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (gvirt_domain_set_memory_sync (f->dom, 1024, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  info = gvirt_domain_get_info_sync (f->dom, cancellable, &error);
  g_assert_null (info);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  xml = gvirt_domain_get_xml_sync (f->dom, GVIRT_DOMAIN_XML_NONE, cancellable, &error);
  g_assert_null (xml);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  run_async (f->dom, gvirt_domain_destroy_async, gvirt_domain_destroy_finish, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  gvirt_domain_get_vcpu_info_async (f->dom, cancellable, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  vcpus = gvirt_domain_get_vcpu_info_finish (f->dom, result, &error);
  g_assert_null (vcpus);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  gvirt_test_flush (NULL);
  gvirt_test_assert_recorded (f->rec, "");
  info = gvirt_domain_get_info_sync (f->dom, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->state, ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_cmpuint (info->memory, ==, 2097152);
}

/* Read-only: every change refused, queries answered */

static void
test_read_only (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open ("test:///default", GVIRT_CONNECTION_READ_ONLY);
  g_autoptr(GVirtDomain) dom = gvirt_connection_find_domain_by_name (conn, "test");
  g_autofree char *path = gvirt_test_tmp_path ("ro-domain.save");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainInfo) info = NULL;
  g_autoptr(GPtrArray) vcpus = NULL;
  g_autoptr(GVirtDomainConfig) config = NULL;
  g_autofree char *xml = NULL;
  const guint cpus[] = { 1 };

#define REFUSED(call) G_STMT_START {                                   \
    g_assert_false (call);                                              \
    g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);          \
    g_clear_error (&error);                                             \
  } G_STMT_END

  REFUSED (gvirt_domain_start_sync (dom, NULL, &error));
  REFUSED (gvirt_domain_shutdown_sync (dom, NULL, &error));
  REFUSED (gvirt_domain_reboot_sync (dom, NULL, &error));
  REFUSED (gvirt_domain_destroy_sync (dom, NULL, &error));
  REFUSED (gvirt_domain_suspend_sync (dom, NULL, &error));
  REFUSED (gvirt_domain_resume_sync (dom, NULL, &error));
  REFUSED (gvirt_domain_save_sync (dom, path, NULL, &error));
  REFUSED (gvirt_domain_core_dump_sync (dom, path, NULL, &error));
  REFUSED (gvirt_domain_undefine_sync (dom, NULL, &error));
  REFUSED (gvirt_domain_set_memory_sync (dom, 1024, NULL, &error));
  REFUSED (gvirt_domain_set_max_memory_sync (dom, 1024, NULL, &error));
  REFUSED (gvirt_domain_set_vcpus_sync (dom, 1, NULL, &error));
  REFUSED (gvirt_domain_pin_vcpu_sync (dom, 0, cpus, 1, NULL, &error));
  REFUSED (gvirt_domain_set_autostart_sync (dom, TRUE, NULL, &error));
  /* Invalid arguments are still refused as read-only: nothing is checked first. */
  REFUSED (gvirt_domain_set_vcpus_sync (dom, 0, NULL, &error));
  run_async (dom, gvirt_domain_suspend_async, gvirt_domain_suspend_finish, NULL, &error);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_clear_error (&error);
#undef REFUSED

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_RUNNING);
  info = gvirt_domain_get_info_sync (dom, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->state, ==, GVIRT_DOMAIN_STATE_RUNNING);
  vcpus = gvirt_domain_get_vcpu_info_sync (dom, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vcpus->len, ==, 2);
  config = gvirt_domain_get_config_sync (dom, GVIRT_DOMAIN_XML_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvirt_domain_config_get_name (config), ==, "test");
  xml = gvirt_domain_get_xml_sync (dom, GVIRT_DOMAIN_XML_INACTIVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<name>test</name>"));
}

/* Identity */

static void
test_one_object (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GListModel *domains = gvirt_connection_get_domains (f->conn);

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(GVirtDomain) a = NULL;
      g_autoptr(GVirtDomain) b = NULL;

      g_assert_true (gvirt_domain_start_sync (f->off, NULL, &error));
      g_assert_no_error (error);
      a = gvirt_connection_find_domain_by_id (f->conn, gvirt_domain_get_id (f->off));
      g_assert_true (a == f->off);
      g_assert_true (gvirt_domain_destroy_sync (f->off, NULL, &error));
      b = gvirt_connection_find_domain_by_name (f->conn, "off");
      g_assert_true (b == f->off);
    }
  g_assert_cmpuint (g_list_model_get_n_items (domains), ==, 2);
}

int
main (int argc, char *argv[])
{
  gvirt_test_init (&argc, &argv);

  FIXTURE_TEST ("/domain/properties", test_properties);
  FIXTURE_TEST ("/domain/one-object", test_one_object);
  FIXTURE_TEST ("/domain/lifecycle/suspend-resume", test_suspend_resume);
  FIXTURE_TEST ("/domain/lifecycle/start", test_start);
  FIXTURE_TEST ("/domain/lifecycle/shutdown", test_shutdown);
  FIXTURE_TEST ("/domain/lifecycle/destroy", test_destroy);
  FIXTURE_TEST ("/domain/lifecycle/reboot", test_reboot);
  FIXTURE_TEST ("/domain/lifecycle/suspend-when-shutoff", test_suspend_when_shutoff);
  FIXTURE_TEST ("/domain/lifecycle/resume-when-running", test_resume_when_running);
  FIXTURE_TEST ("/domain/lifecycle/start-when-running", test_start_when_running);
  FIXTURE_TEST ("/domain/lifecycle/invalid-when-shutoff", test_invalid_states_when_shutoff);
  FIXTURE_TEST ("/domain/lifecycle/invalid-when-paused", test_invalid_states_when_paused);
  FIXTURE_TEST ("/domain/lifecycle/async", test_async_lifecycle);
  FIXTURE_TEST ("/domain/cancelled", test_cancelled);
  g_test_add_func ("/domain/read-only", test_read_only);

  return gvirt_test_run ();
}
