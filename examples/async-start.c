/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Starts a domain without blocking the main loop: `async-start [URI [NAME]]`.
 *
 * gvirt_domain_start_async() runs the backend call in a worker thread and
 * calls back on this thread's main context; a GCancellable gives up on it.
 * The first attempt is cancelled before it begins, to show what that looks like;
 * the second, with a 10-second deadline, starts the domain. On test:///default
 * the domain "test" is running, so the example first destroys it. */
#include <locale.h>
#include <libvirt-gobject/libvirt-gobject.h>

typedef struct {
  GMainLoop    *loop;
  GVirtDomain  *dom;
  GCancellable *cancellable;
  guint         deadline;
  int           status;
} Demo;

static void start_for_real (Demo *demo);

static void
on_cancelled_start (GObject *source, GAsyncResult *result, gpointer data)
{
  Demo *demo = data;
  g_autoptr(GError) error = NULL;

  if (!gvirt_domain_start_finish (GVIRT_DOMAIN (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_print ("first attempt cancelled: %s\n", error->message);
  else
    g_print ("first attempt was not cancelled\n");
  start_for_real (demo);
}

static gboolean
on_deadline (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
on_started (GObject *source, GAsyncResult *result, gpointer data)
{
  Demo *demo = data;
  GVirtDomain *dom = GVIRT_DOMAIN (source);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&demo->deadline, g_source_remove);
  if (gvirt_domain_start_finish (dom, result, &error))
    {
      /* The state and id were updated before this callback ran. */
      g_print ("%s is running with id %d\n", gvirt_domain_get_name (dom), gvirt_domain_get_id (dom));
      demo->status = 0;
    }
  else
    g_printerr ("error: %s\n", error->message);
  g_main_loop_quit (demo->loop);
}

static void
start_for_real (Demo *demo)
{
  g_clear_object (&demo->cancellable);
  demo->cancellable = g_cancellable_new ();
  demo->deadline = g_timeout_add_seconds (10, on_deadline, demo->cancellable);
  g_print ("starting %s…\n", gvirt_domain_get_name (demo->dom));
  gvirt_domain_start_async (demo->dom, demo->cancellable, on_started, demo);
  /* The main loop keeps running while the domain boots. */
  g_print ("(the main loop is free meanwhile)\n");
}

/* Async calls begin once the loop runs, so that the loop's thread owns the
 * main context when their events and callbacks arrive. */
static gboolean
start_cancelled (gpointer data)
{
  Demo *demo = data;

  /* As if the user pressed Cancel before the backend got to it. */
  demo->cancellable = g_cancellable_new ();
  g_cancellable_cancel (demo->cancellable);
  gvirt_domain_start_async (demo->dom, demo->cancellable, on_cancelled_start, demo);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  const char *uri = argc > 1 ? argv[1] : "test:///default";
  const char *name = argc > 2 ? argv[2] : "test";
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtConnection) conn = NULL;
  Demo demo = { .status = 1 };

  setlocale (LC_ALL, "");
  conn = gvirt_connection_open_sync (uri, GVIRT_CONNECTION_NONE, NULL, &error);
  if (conn == NULL)
    {
      g_printerr ("error: %s\n", error->message);
      return 1;
    }
  demo.dom = gvirt_connection_find_domain_by_name (conn, name);
  if (demo.dom == NULL)
    {
      g_printerr ("error: no domain named “%s”\n", name);
      return 1;
    }
  if (gvirt_domain_get_state (demo.dom) != GVIRT_DOMAIN_STATE_SHUTOFF &&
      !gvirt_domain_destroy_sync (demo.dom, NULL, &error))
    {
      g_printerr ("error: %s\n", error->message);
      return 1;
    }
  g_print ("%s is shut off\n", name);

  demo.loop = g_main_loop_new (NULL, FALSE);
  g_idle_add (start_cancelled, &demo);
  g_main_loop_run (demo.loop);

  g_clear_object (&demo.cancellable);
  g_clear_object (&demo.dom);
  g_main_loop_unref (demo.loop);
  return demo.status;
}
