/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: the event command, domain lifecycle events printed as virsh prints them. */
#include "config.h"

#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>

#include "gvirsh.h"
#include "gvirsh-i18n.h"

typedef struct {
  GvirshCtl       *ctl;
  GVirtConnection *conn;
  GVirtDomain     *only;        /* --domain, or NULL for all */
  gboolean         loop;
  gboolean         timestamp;
  guint            count;
  guint            timeout_id;
  guint            sigint_id;
  gulong           added_id;
  gulong           removed_id;
  GPtrArray       *watched;     /* the domains with our handlers */
  GMainLoop       *wait_loop;   /* when the command blocks */
  gboolean         finished;
} EventWatch;

static void
emit_line (EventWatch *w, const char *text)
{
  if (w->wait_loop == NULL)
    gvirsh_print_async (w->ctl, text);
  else
    {
      g_print ("%s\n", text);
      fflush (stdout);
    }
}

static void
event_watch_free (EventWatch *w)
{
  for (guint i = 0; i < w->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (w->watched, i), w);
  g_ptr_array_unref (w->watched);
  g_clear_signal_handler (&w->added_id, w->conn);
  g_clear_signal_handler (&w->removed_id, w->conn);
  g_clear_handle_id (&w->timeout_id, g_source_remove);
  g_clear_handle_id (&w->sigint_id, g_source_remove);
  g_clear_object (&w->only);
  g_clear_object (&w->conn);
  g_free (w);
}

/* Ends the watch, saying why unless it had its events. */
static void
finish (EventWatch *w, GvirshEventEnd why)
{
  /* the same English for one and many, but other languages need the forms */
  g_autofree char *summary = g_strdup_printf (ngettext ("events received: %u", "events received: %u", w->count),
                                              w->count);

  if (w->finished)
    return;
  w->finished = TRUE;
  if (why == GVIRSH_EVENT_END_TIMED_OUT)
    emit_line (w, _("event loop timed out"));
  else if (why == GVIRSH_EVENT_END_INTERRUPTED)
    emit_line (w, _("event loop interrupted"));
  emit_line (w, summary);
  if (w->wait_loop != NULL)
    g_main_loop_quit (w->wait_loop);
  else
    {
      /* background watch of the interactive shell: it is over */
      if (w->ctl->event_watch == w)
        w->ctl->event_watch = NULL;
      g_idle_add_once ((GSourceOnceFunc) event_watch_free, w);
    }
}

static void
report (EventWatch *w, GVirtDomain *dom, const char *event, const char *detail)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (w->finished || (w->only != NULL && dom != w->only))
    return;
  if (w->timestamp)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");

      g_string_append_printf (line, "%s.%03d+0000: ", stamp, g_date_time_get_microsecond (now) / 1000);
    }
  /* virsh's event line, which scripts parse: its layout and its event and
   * detail words are fixed, not translated */
  g_string_append_printf (line, "event 'lifecycle' for domain '%s': %s %s",
                          gvirt_domain_get_name (dom), event, detail);
  w->count++;
  emit_line (w, line->str);
  if (!w->loop)
    finish (w, GVIRSH_EVENT_END_DONE);
}

/* virsh's words for the events and their details */

static void
on_started (GVirtDomain *dom, gint reason, EventWatch *w)
{
  static const char *const details[] = { "Booted", "Restored", "Event wakeup" };

  report (w, dom, "Started", reason >= 0 && reason < (gint) G_N_ELEMENTS (details) ? details[reason] : "Unknown");
}

static void
on_suspended (GVirtDomain *dom, gint reason, EventWatch *w)
{
  static const char *const details[] = { "Paused", "I/O Error", "Watchdog" };

  report (w, dom, "Suspended", reason >= 0 && reason < (gint) G_N_ELEMENTS (details) ? details[reason] : "Unknown");
}

static void
on_resumed (GVirtDomain *dom, gint reason, EventWatch *w)
{
  report (w, dom, "Resumed", reason == GVIRT_DOMAIN_RESUMED_UNPAUSED ? "Unpaused" : "Unknown");
}

static void
on_stopped (GVirtDomain *dom, gint reason, EventWatch *w)
{
  static const char *const details[] = { "Shutdown", "Destroyed", "Crashed", "Saved", "Failed" };

  report (w, dom, "Stopped", reason >= 0 && reason < (gint) G_N_ELEMENTS (details) ? details[reason] : "Unknown");
}

static void
on_crashed (GVirtDomain *dom, gint reason, EventWatch *w)
{
  report (w, dom, "Crashed", reason == GVIRT_DOMAIN_CRASHED_PANICKED ? "Panicked" : "Unknown");
}

static void
watch_domain (EventWatch *w, GVirtDomain *dom)
{
  g_ptr_array_add (w->watched, g_object_ref (dom));
  g_signal_connect (dom, "started", G_CALLBACK (on_started), w);
  g_signal_connect (dom, "suspended", G_CALLBACK (on_suspended), w);
  g_signal_connect (dom, "resumed", G_CALLBACK (on_resumed), w);
  g_signal_connect (dom, "stopped", G_CALLBACK (on_stopped), w);
  g_signal_connect (dom, "crashed", G_CALLBACK (on_crashed), w);
}

static void
on_domain_added (GVirtConnection *conn, GVirtDomain *dom, EventWatch *w)
{
  if (w->only == NULL)
    watch_domain (w, dom);
  report (w, dom, "Defined", "Added");
}

static void
on_domain_removed (GVirtConnection *conn, GVirtDomain *dom, EventWatch *w)
{
  report (w, dom, "Undefined", "Removed");
}

static gboolean
on_timeout (gpointer data)
{
  EventWatch *w = data;

  w->timeout_id = 0;
  finish (w, GVIRSH_EVENT_END_TIMED_OUT);
  return G_SOURCE_REMOVE;
}

static gboolean
on_sigint (gpointer data)
{
  EventWatch *w = data;

  w->sigint_id = 0;
  finish (w, GVIRSH_EVENT_END_INTERRUPTED);
  return G_SOURCE_REMOVE;
}

void
gvirsh_event_stop (GvirshCtl *ctl, GvirshEventEnd why)
{
  if (ctl->event_watch != NULL)
    finish (ctl->event_watch, why);
}

gboolean
gvirsh_cmd_event (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  const char *event = gvirsh_args_get_string (args, "event");
  const char *domain = gvirsh_args_get_string (args, "domain");
  gint64 timeout = 0;
  guint count;
  EventWatch *w;
  GListModel *model;

  if (gvirsh_args_get_bool (args, "list"))
    {
      g_print ("lifecycle\n");
      return TRUE;
    }
  /* virsh wants to be told which events to wait for; --loop is taken as
   * "all of them", gvirsh having one event type */
  if (event == NULL && !gvirsh_args_get_bool (args, "all") && !gvirsh_args_get_bool (args, "loop"))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("one of --list, --all, or --event <type> is required"));
      return FALSE;
    }
  if (event != NULL && !g_str_equal (event, "lifecycle"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown event type %s: gvirsh reports 'lifecycle' events (see 'event --list')"), event);
      return FALSE;
    }
  if (!gvirsh_args_get_int (args, "timeout", 1, G_MAXINT / 1000, &timeout, error))
    return FALSE;
  if (ctl->interactive && ctl->event_watch != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("an event command is already running in the background; press Ctrl-C to stop it"));
      return FALSE;
    }

  w = g_new0 (EventWatch, 1);
  w->ctl = ctl;
  w->conn = g_object_ref (ctl->conn);
  w->loop = gvirsh_args_get_bool (args, "loop");
  w->timestamp = gvirsh_args_get_bool (args, "timestamp");
  w->watched = g_ptr_array_new_with_free_func (g_object_unref);
  if (domain != NULL)
    {
      w->only = gvirsh_lookup_domain (ctl, domain, error);
      if (w->only == NULL)
        {
          event_watch_free (w);
          return FALSE;
        }
      watch_domain (w, w->only);
    }
  else
    {
      model = gvirt_connection_get_domains (ctl->conn);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GVirtDomain) dom = g_list_model_get_item (model, i);

          watch_domain (w, dom);
        }
    }
  w->added_id = g_signal_connect (ctl->conn, "domain-added", G_CALLBACK (on_domain_added), w);
  w->removed_id = g_signal_connect (ctl->conn, "domain-removed", G_CALLBACK (on_domain_removed), w);
  if (timeout > 0)
    w->timeout_id = g_timeout_add_seconds ((guint) timeout, on_timeout, w);

  if (ctl->interactive)
    {
      /* the prompt stays usable; Ctrl-C or the timeout ends the watch */
      ctl->event_watch = w;
      return TRUE;
    }

  w->wait_loop = g_main_loop_new (NULL, FALSE);
  w->sigint_id = g_unix_signal_add (SIGINT, on_sigint, w);
  g_main_loop_run (w->wait_loop);
  g_main_loop_unref (w->wait_loop);
  count = w->count;
  event_watch_free (w);
  /* as virsh: a watch that saw no event fails, its summary saying so */
  if (count == 0)
    {
      g_set_error_literal (error, GVIRSH_SILENT_ERROR, 0, "no event");
      return FALSE;
    }
  return TRUE;
}

const GvirshOpt gvirsh_event_opts[] = {
  { "domain", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_NONE, GVIRSH_COMPLETE_DOMAIN,
    N_("filter by domain name, id or uuid") },
  { "event", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_EVENT,
    N_("which event type to wait for (lifecycle, the default)") },
  { "all", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("wait for all events instead of just one type") },
  { "loop", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("loop until timeout or interrupt, rather than one-shot") },
  { "timeout", GVIRSH_OPT_INT, 0, GVIRSH_COMPLETE_NONE, N_("timeout seconds") },
  { "list", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list valid event types") },
  { "timestamp", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("show timestamp for each printed event") },
  { NULL }
};
