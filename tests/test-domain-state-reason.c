/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GTest suite for GVirtDomainStateReason: the state-reason property after each lifecycle change, on the test backend. */
#include "gvirt-test-util.h"

typedef struct {
  GVirtConnection   *conn;
  GVirtDomain       *dom;    /* "test", running, id 1 */
  GVirtTestRecorder *rec;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->conn = gvirt_test_open_default ();
  f->dom = gvirt_connection_find_domain_by_name (f->conn, "test");
  g_assert_nonnull (f->dom);
  f->rec = gvirt_test_recorder_new ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gvirt_test_recorder_free (f->rec);
  g_clear_object (&f->dom);
  g_clear_object (&f->conn);
}

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

#define assert_reason(dom, state, reason) G_STMT_START {                        \
    g_assert_cmpint (gvirt_domain_get_state (dom), ==, state);                   \
    g_assert_cmpint (gvirt_domain_get_state_reason (dom), ==, reason);          \
  } G_STMT_END

static void
test_default (Fixture *f, gconstpointer data)
{
  g_autoptr(GVirtDomain) off = gvirt_test_define (f->conn, "off");
  GVirtDomainStateReason reason = -1;

  assert_reason (f->dom, GVIRT_DOMAIN_STATE_RUNNING, GVIRT_DOMAIN_STATE_REASON_BOOTED);
  g_object_get (f->dom, "state-reason", &reason, NULL);
  g_assert_cmpint (reason, ==, GVIRT_DOMAIN_STATE_REASON_BOOTED);
  /* never started: libvirt's "shut off (unknown)" */
  assert_reason (off, GVIRT_DOMAIN_STATE_SHUTOFF, GVIRT_DOMAIN_STATE_REASON_UNKNOWN);
}

static void
test_lifecycle (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvirt_domain_suspend_sync (f->dom, NULL, &error));
  assert_reason (f->dom, GVIRT_DOMAIN_STATE_PAUSED, GVIRT_DOMAIN_STATE_REASON_USER);
  g_assert_true (gvirt_domain_resume_sync (f->dom, NULL, &error));
  assert_reason (f->dom, GVIRT_DOMAIN_STATE_RUNNING, GVIRT_DOMAIN_STATE_REASON_UNPAUSED);
  g_assert_true (gvirt_domain_destroy_sync (f->dom, NULL, &error));
  assert_reason (f->dom, GVIRT_DOMAIN_STATE_SHUTOFF, GVIRT_DOMAIN_STATE_REASON_DESTROYED);
  g_assert_true (gvirt_domain_start_sync (f->dom, NULL, &error));
  assert_reason (f->dom, GVIRT_DOMAIN_STATE_RUNNING, GVIRT_DOMAIN_STATE_REASON_BOOTED);
  g_assert_true (gvirt_domain_shutdown_sync (f->dom, NULL, &error));
  assert_reason (f->dom, GVIRT_DOMAIN_STATE_SHUTOFF, GVIRT_DOMAIN_STATE_REASON_SHUTDOWN);
  g_assert_no_error (error);
}

static void
test_save_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gvirt_test_tmp_path ("state-reason.sav");
  g_autoptr(GVirtDomain) restored = NULL;

  g_assert_true (gvirt_domain_save_sync (f->dom, path, NULL, &error));
  g_assert_no_error (error);
  assert_reason (f->dom, GVIRT_DOMAIN_STATE_SHUTOFF, GVIRT_DOMAIN_STATE_REASON_SAVED);
  restored = gvirt_connection_restore_domain_sync (f->conn, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (restored == f->dom);
  assert_reason (f->dom, GVIRT_DOMAIN_STATE_RUNNING, GVIRT_DOMAIN_STATE_REASON_RESTORED);
}

/* The reason changes before the state, so notify::state handlers read the new one. */
static void
on_notify_state (GVirtDomain *dom, GParamSpec *pspec, GVirtDomainStateReason *seen)
{
  *seen = gvirt_domain_get_state_reason (dom);
}

static void
test_notify_order (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GVirtDomainStateReason seen = GVIRT_DOMAIN_STATE_REASON_UNKNOWN;

  gvirt_test_recorder_watch (f->rec, f->dom, "notify::state-reason");
  gvirt_test_recorder_watch (f->rec, f->dom, "notify::state");
  g_signal_connect (f->dom, "notify::state", G_CALLBACK (on_notify_state), &seen);
  g_assert_true (gvirt_domain_suspend_sync (f->dom, NULL, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "notify::state-reason;notify::state");
  g_assert_cmpint (seen, ==, GVIRT_DOMAIN_STATE_REASON_USER);

  /* a change that keeps state and reason notifies neither */
  gvirt_test_recorder_clear (f->rec);
  g_assert_true (gvirt_domain_set_autostart_sync (f->dom, TRUE, NULL, &error));
  g_assert_no_error (error);
  gvirt_test_assert_recorded (f->rec, "");
}

int
main (int argc, char **argv)
{
  gvirt_test_init (&argc, &argv);

  FIXTURE_TEST ("/domain-state-reason/default", test_default);
  FIXTURE_TEST ("/domain-state-reason/lifecycle", test_lifecycle);
  FIXTURE_TEST ("/domain-state-reason/save-restore", test_save_restore);
  FIXTURE_TEST ("/domain-state-reason/notify-order", test_notify_order);

  return gvirt_test_run ();
}
