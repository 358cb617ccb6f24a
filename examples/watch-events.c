/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Prints domain lifecycle events as they happen: `watch-events [--drive] [URI]`.
 *
 * Signals arrive on the main context that was the thread-default when the
 * connection was opened, so a plain GMainLoop is all a program needs. With
 * --drive the example pauses, resumes, destroys and starts every running
 * domain itself (from a worker thread, through the async API) and quits once
 * it has seen the events; without it, it runs until Ctrl-C. */
#include <locale.h>
#include <glib-unix.h>
#include <libvirt-gobject/libvirt-gobject.h>

static GMainLoop *loop;

static const char *
nick (GType enum_type, gint value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);
  const char *nick = v != NULL ? v->value_nick : "?";

  /* Enum classes of static types live as long as the process. */
  g_type_class_unref (klass);
  return nick;
}

static void
on_started (GVirtDomain *dom, GVirtDomainStartedReason reason, gpointer data)
{
  g_print ("%s: started (%s), id %d\n", gvirt_domain_get_name (dom),
           nick (GVIRT_TYPE_DOMAIN_STARTED_REASON, reason), gvirt_domain_get_id (dom));
}

static void
on_suspended (GVirtDomain *dom, GVirtDomainSuspendedReason reason, gpointer data)
{
  g_print ("%s: suspended (%s)\n", gvirt_domain_get_name (dom),
           nick (GVIRT_TYPE_DOMAIN_SUSPENDED_REASON, reason));
}

static void
on_resumed (GVirtDomain *dom, GVirtDomainResumedReason reason, gpointer data)
{
  g_print ("%s: resumed (%s)\n", gvirt_domain_get_name (dom),
           nick (GVIRT_TYPE_DOMAIN_RESUMED_REASON, reason));
}

static void
on_stopped (GVirtDomain *dom, GVirtDomainStoppedReason reason, gpointer data)
{
  g_print ("%s: stopped (%s)\n", gvirt_domain_get_name (dom),
           nick (GVIRT_TYPE_DOMAIN_STOPPED_REASON, reason));
}

static void
on_state (GVirtDomain *dom, GParamSpec *pspec, gpointer data)
{
  g_print ("%s: state is now %s\n", gvirt_domain_get_name (dom),
           nick (GVIRT_TYPE_DOMAIN_STATE, gvirt_domain_get_state (dom)));
}

static void
watch_domain (GVirtDomain *dom)
{
  g_signal_connect (dom, "started", G_CALLBACK (on_started), NULL);
  g_signal_connect (dom, "suspended", G_CALLBACK (on_suspended), NULL);
  g_signal_connect (dom, "resumed", G_CALLBACK (on_resumed), NULL);
  g_signal_connect (dom, "stopped", G_CALLBACK (on_stopped), NULL);
  g_signal_connect (dom, "notify::state", G_CALLBACK (on_state), NULL);
}

static void
on_domain_added (GVirtConnection *conn, GVirtDomain *dom, gpointer data)
{
  g_print ("%s: added\n", gvirt_domain_get_name (dom));
  watch_domain (dom);
}

static void
on_domain_removed (GVirtConnection *conn, GVirtDomain *dom, gpointer data)
{
  g_print ("%s: removed\n", gvirt_domain_get_name (dom));
}

/* --drive: the node changes from another thread, as if another client did it. */
static gpointer
drive_thread (gpointer data)
{
  GVirtDomain *dom = data;
  g_autoptr(GError) error = NULL;

  if (!gvirt_domain_suspend_sync (dom, NULL, &error) ||
      !gvirt_domain_resume_sync (dom, NULL, &error) ||
      !gvirt_domain_destroy_sync (dom, NULL, &error) ||
      !gvirt_domain_start_sync (dom, NULL, &error))
    g_printerr ("error: %s\n", error->message);
  return NULL;
}

/* Work that makes events starts once the loop runs, so that the loop's
 * thread owns the main context when the events arrive. */
static GThread *thread;

static gboolean
start_drive (gpointer dom)
{
  thread = g_thread_new ("drive", drive_thread, dom);
  return G_SOURCE_REMOVE;
}

static gboolean
quit_when_idle (gpointer data)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
on_started_quit (GVirtDomain *dom, GVirtDomainStartedReason reason, gpointer data)
{
  /* The last event of the drive: let the other handlers print first. */
  g_idle_add (quit_when_idle, NULL);
}

static gboolean
on_sigint (gpointer data)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  gboolean drive = argc > 1 && g_str_equal (argv[1], "--drive");
  const char *uri = argc > 1 + drive ? argv[1 + drive] : "test:///default";
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtConnection) conn = NULL;
  GListModel *domains;

  setlocale (LC_ALL, "");
  conn = gvirt_connection_open_sync (uri, GVIRT_CONNECTION_NONE, NULL, &error);
  if (conn == NULL)
    {
      g_printerr ("error: %s\n", error->message);
      return 1;
    }
  loop = g_main_loop_new (NULL, FALSE);

  domains = gvirt_connection_get_domains (conn);
  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr(GVirtDomain) dom = g_list_model_get_item (domains, i);
      watch_domain (dom);
    }
  g_signal_connect (conn, "domain-added", G_CALLBACK (on_domain_added), NULL);
  g_signal_connect (conn, "domain-removed", G_CALLBACK (on_domain_removed), NULL);
  g_unix_signal_add (SIGINT, on_sigint, NULL);
  g_print ("Watching %u domain(s) of %s; Ctrl-C ends.\n",
           g_list_model_get_n_items (domains), gvirt_connection_get_uri (conn));

  if (drive)
    {
      g_autoptr(GVirtDomain) dom = g_list_model_get_item (domains, 0);

      if (dom == NULL || gvirt_domain_get_state (dom) != GVIRT_DOMAIN_STATE_RUNNING)
        {
          g_printerr ("error: --drive needs a running first domain\n");
          return 1;
        }
      g_signal_connect_after (dom, "started", G_CALLBACK (on_started_quit), NULL);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, start_drive, g_object_ref (dom), g_object_unref);
    }

  g_main_loop_run (loop);
  if (thread != NULL)
    g_thread_join (thread);
  g_main_loop_unref (loop);
  return 0;
}
