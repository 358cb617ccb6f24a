/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtQemuMonitorClient: a client of one VM's monitor process; blocking commands from any thread, events on a context. */
/* (The monitor process itself, which owns QMP, is gvirt-qemu-monitor.c.) */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <glib-unix.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-qemu-monitor-client-private.h"
#include "gvirt-qemu-protocol-private.h"

/*
 * Reading happens on the backend's private context (a source on the
 * socket); commands are written from the calling thread under the lock and
 * the caller sleeps on the condition until its reply arrives. Events go to
 * the callback first, so a command that causes an event (stop → STOP)
 * returns after the event was reported.
 */

struct _GVirtQemuMonitorClient
{
  gatomicrefcount       ref;
  char                 *uuid;
  int                   fd;
  GSource              *source;
  GString              *in;
  GVirtQemuMonitorClientEventFunc func;
  gpointer              user_data;

  GMutex                lock;
  GCond                 cond;
  gint64                next_id;
  GHashTable           *replies;    /* id → JsonNode (the whole reply object) */
  GHashTable           *abandoned;  /* ids whose caller was cancelled: their replies are dropped */
  gboolean              eof;
  gboolean              exited;     /* GVIRT_EXITED seen (set before the callback runs) */
  gboolean              reported;   /* ... and the callback has run */
  char                 *exit_reason;
  char                 *migration;  /* last MIGRATION status */
};

GVirtQemuMonitorClient *
gvirt_qemu_monitor_client_ref (GVirtQemuMonitorClient *mon)
{
  g_atomic_ref_count_inc (&mon->ref);
  return mon;
}

void
gvirt_qemu_monitor_client_unref (GVirtQemuMonitorClient *mon)
{
  if (!g_atomic_ref_count_dec (&mon->ref))
    return;
  if (mon->source != NULL)
    {
      g_source_destroy (mon->source);
      g_source_unref (mon->source);
    }
  if (mon->fd >= 0)
    close (mon->fd);
  g_string_free (mon->in, TRUE);
  g_hash_table_unref (mon->replies);
  g_hash_table_unref (mon->abandoned);
  g_mutex_clear (&mon->lock);
  g_cond_clear (&mon->cond);
  g_free (mon->exit_reason);
  g_free (mon->migration);
  g_free (mon->uuid);
  g_free (mon);
}

const char *
gvirt_qemu_monitor_client_get_uuid (GVirtQemuMonitorClient *mon)
{
  return mon->uuid;
}

static void
handle_line (GVirtQemuMonitorClient *mon,
             const char   *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *msg = gvirt_qemu_parse_object (parser, line, -1);
  JsonNode *root = json_parser_get_root (parser);

  if (msg == NULL)
    return;

  if (json_object_has_member (msg, "event"))
    {
      const char *event = json_object_get_string_member_with_default (msg, "event", "");
      JsonObject *data = gvirt_qemu_object_member (msg, "data");
      g_autoptr(JsonObject) empty = json_object_new ();
      gboolean exit_event = g_strcmp0 (event, GVIRT_QEMU_EVENT_EXITED) == 0;

      if (exit_event)
        {
          g_mutex_lock (&mon->lock);
          mon->exited = TRUE;
          g_free (mon->exit_reason);
          mon->exit_reason = g_strdup (data != NULL ?
                                       json_object_get_string_member_with_default (data, "reason", "crashed") :
                                       "crashed");
          g_mutex_unlock (&mon->lock);
        }

      if (mon->func != NULL)
        mon->func (mon, event, data != NULL ? data : empty, mon->user_data);

      g_mutex_lock (&mon->lock);
      if (g_strcmp0 (event, "MIGRATION") == 0 && data != NULL)
        {
          g_free (mon->migration);
          mon->migration = g_strdup (json_object_get_string_member_with_default (data, "status", ""));
        }
      if (exit_event)
        mon->reported = TRUE;
      g_cond_broadcast (&mon->cond);
      g_mutex_unlock (&mon->lock);
      return;
    }

  if (json_object_has_member (msg, "id") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (msg, "id")))
    {
      gint64 id = json_object_get_int_member_with_default (msg, "id", -1);

      g_mutex_lock (&mon->lock);
      if (!g_hash_table_remove (mon->abandoned, &id))
        g_hash_table_insert (mon->replies, g_memdup2 (&id, sizeof id), json_node_copy (root));
      g_cond_broadcast (&mon->cond);
      g_mutex_unlock (&mon->lock);
    }
}

static gboolean
mon_io_cb (int          fd,
           GIOCondition condition,
           gpointer     data)
{
  GVirtQemuMonitorClient *mon = data;
  char buf[16384];
  ssize_t n;
  char *nl;

  n = read (fd, buf, sizeof buf);
  if (n < 0 && (errno == EINTR || errno == EAGAIN))
    return G_SOURCE_CONTINUE;
  if (n <= 0)
    {
      gboolean report;

      g_mutex_lock (&mon->lock);
      report = !mon->exited;
      mon->exited = TRUE;
      if (report)
        mon->exit_reason = g_strdup (GVIRT_QEMU_EXIT_CRASHED);
      g_mutex_unlock (&mon->lock);
      /* The monitor died without a word (killed): QEMU dies with it (PDEATHSIG). */
      if (report)
        {
          g_autoptr(JsonObject) d = json_object_new ();

          json_object_set_string_member (d, "reason", GVIRT_QEMU_EXIT_CRASHED);
          json_object_set_boolean_member (d, "monitor-lost", TRUE);
          if (mon->func != NULL)
            mon->func (mon, GVIRT_QEMU_EVENT_EXITED, d, mon->user_data);
        }
      g_mutex_lock (&mon->lock);
      mon->eof = TRUE;
      mon->reported = TRUE;
      g_cond_broadcast (&mon->cond);
      g_mutex_unlock (&mon->lock);
      return G_SOURCE_REMOVE;
    }

  g_string_append_len (mon->in, buf, n);
  while ((nl = memchr (mon->in->str, '\n', mon->in->len)) != NULL)
    {
      gsize len = nl - mon->in->str;
      g_autofree char *line = g_strndup (mon->in->str, len);

      g_string_erase (mon->in, 0, len + 1);
      if (*line != '\0')
        handle_line (mon, line);
    }
  return G_SOURCE_CONTINUE;
}

GVirtQemuMonitorClient *
gvirt_qemu_monitor_client_connect (const char            *socket_path,
                        const char            *uuid,
                        GMainContext          *context,
                        GVirtQemuMonitorClientEventFunc  func,
                        gpointer               user_data,
                        GError               **error)
{
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  GVirtQemuMonitorClient *mon;
  int fd;

  if (strlen (socket_path) >= sizeof addr.sun_path)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("The monitor socket path “%s” is too long."), socket_path);
      return NULL;
    }
  strcpy (addr.sun_path, socket_path);
  fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || connect (fd, (struct sockaddr *) &addr, sizeof addr) < 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("Cannot connect to the domain monitor at “%s”: %s"),
                   socket_path, g_strerror (saved));
      return NULL;
    }

  mon = g_new0 (GVirtQemuMonitorClient, 1);
  g_atomic_ref_count_init (&mon->ref);
  mon->uuid = g_strdup (uuid);
  mon->fd = fd;
  mon->in = g_string_new (NULL);
  mon->func = func;
  mon->user_data = user_data;
  g_mutex_init (&mon->lock);
  g_cond_init (&mon->cond);
  mon->replies = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) json_node_unref);
  mon->abandoned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  mon->source = g_unix_fd_source_new (fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
  /* The source holds a reference until it is destroyed (gvirt_qemu_monitor_client_close). */
  g_source_set_callback (mon->source, G_SOURCE_FUNC (mon_io_cb),
                         gvirt_qemu_monitor_client_ref (mon), (GDestroyNotify) gvirt_qemu_monitor_client_unref);
  g_source_attach (mon->source, context);
  return mon;
}

void
gvirt_qemu_monitor_client_close (GVirtQemuMonitorClient *mon)
{
  GSource *source;

  g_mutex_lock (&mon->lock);
  source = g_steal_pointer (&mon->source);
  mon->eof = TRUE;
  g_cond_broadcast (&mon->cond);
  g_mutex_unlock (&mon->lock);
  if (source != NULL)
    {
      g_source_destroy (source);
      g_source_unref (source);
    }
}

/* Cancellation wakes whoever sleeps on the condition; they check the cancellable. */
static void
wake_waiters (GCancellable           *cancellable,
              GVirtQemuMonitorClient *mon)
{
  g_mutex_lock (&mon->lock);
  g_cond_broadcast (&mon->cond);
  g_mutex_unlock (&mon->lock);
}

/* Not under the lock: it waits for a running wake_waiters (). */
static void
disconnect_waiter (GCancellable *cancellable,
                   gulong        handler)
{
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);
}

/* Under the lock: one command line to the monitor, under a new id. */
static gboolean
send_locked (GVirtQemuMonitorClient *mon,
             const char             *execute,
             JsonObject             *args,
             const char             *exit_reason,
             gint64                 *id,
             GError                **error)
{
  g_autoptr(JsonObject) cmd = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *line = NULL;
  gsize len, done = 0;

  *id = ++mon->next_id;
  json_object_set_string_member (cmd, "execute", execute);
  if (args != NULL)
    json_object_set_object_member (cmd, "arguments", args);
  if (exit_reason != NULL)
    json_object_set_string_member (cmd, GVIRT_QEMU_REASON_MEMBER, exit_reason);
  json_object_set_int_member (cmd, "id", *id);
  json_node_set_object (node, cmd);
  line = json_to_string (node, FALSE);
  len = strlen (line);
  line = g_realloc (line, len + 2);
  line[len++] = '\n';
  line[len] = '\0';

  if (mon->eof || mon->exited)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("The domain is no longer running."));
      return FALSE;
    }
  while (done < len)
    {
      ssize_t n = send (mon->fd, line + done, len - done, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                       _("Cannot send “%s” to the domain monitor: %s"), execute, g_strerror (errno));
          return FALSE;
        }
      done += n;
    }
  return TRUE;
}

/*
 * @cancel_execute NULL: cancellation abandons the reply. Otherwise the
 * command is a job that @cancel_execute stops: on cancellation (or the
 * timeout) that goes out and the job's own answer is still awaited, since
 * the job may have finished meanwhile.
 */
static JsonNode *
run_command (GVirtQemuMonitorClient *mon,
             const char             *execute,
             JsonObject             *args,
             const char             *exit_reason,
             const char             *cancel_execute,
             gint64                  timeout_ms,
             GCancellable           *cancellable,
             GError                **error)
{
  g_autoptr(JsonNode) reply = NULL;
  gint64 id, cancel_id, deadline = g_get_monotonic_time () + timeout_ms * 1000;
  JsonObject *obj, *err;
  const char *klass, *desc;
  gulong handler = 0;
  gboolean cancelled = FALSE, cancel_sent = FALSE;

  /* Cancelled before it went out: nothing was asked of QEMU. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (args != NULL)
        json_object_unref (args);
      return NULL;
    }
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (wake_waiters), mon, NULL);

  g_mutex_lock (&mon->lock);
  if (!send_locked (mon, execute, args, exit_reason, &id, error))
    {
      g_mutex_unlock (&mon->lock);
      disconnect_waiter (cancellable, handler);
      return NULL;
    }

  while ((reply = g_hash_table_lookup (mon->replies, &id)) == NULL)
    {
      gboolean timed_out = g_get_monotonic_time () >= deadline;

      if (mon->eof || mon->exited)
        break;
      if (cancel_execute != NULL && !cancel_sent && (timed_out || g_cancellable_is_cancelled (cancellable)))
        {
          cancel_sent = TRUE;
          if (send_locked (mon, cancel_execute, NULL, NULL, &cancel_id, NULL))
            g_hash_table_add (mon->abandoned, g_memdup2 (&cancel_id, sizeof cancel_id));
          deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
          continue;
        }
      if (cancel_execute == NULL && g_cancellable_is_cancelled (cancellable))
        {
          /* The command went out and may still take effect; its reply, when
           * it comes, has nobody to go to. */
          cancelled = TRUE;
          g_hash_table_add (mon->abandoned, g_memdup2 (&id, sizeof id));
          break;
        }
      if (timed_out || !g_cond_wait_until (&mon->cond, &mon->lock, deadline))
        if (cancel_execute == NULL || cancel_sent)
          break;
    }
  if (reply != NULL)
    {
      gpointer key = NULL;

      g_hash_table_steal_extended (mon->replies, &id, &key, NULL);
      g_free (key);
    }
  g_mutex_unlock (&mon->lock);
  disconnect_waiter (cancellable, handler);

  if (cancelled)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  if (reply == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   mon->exited || mon->eof ?
                   _("QEMU exited before it answered “%s”.") :
                   _("QEMU did not answer “%s” in time."), execute);
      return NULL;
    }
  obj = json_node_get_object (reply);
  if (!json_object_has_member (obj, "error"))
    return json_object_has_member (obj, "return") ?
           json_node_copy (json_object_get_member (obj, "return")) : json_node_new (JSON_NODE_NULL);

  /* A job stopped on request failed because of it. */
  if (cancel_sent && g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  err = gvirt_qemu_object_member (obj, "error");
  klass = err != NULL ? json_object_get_string_member_with_default (err, "class", "") : "";
  desc = err != NULL ? json_object_get_string_member_with_default (err, "desc", "unknown error") : "unknown error";
  /* The monitor's own errors are in its words, not QEMU's. */
  if (g_str_equal (klass, GVIRT_QEMU_ERROR_INVALID))
    g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, desc);
  else if (g_str_equal (klass, GVIRT_QEMU_ERROR_FAILED))
    g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR, desc);
  else
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR, _("QEMU refused “%s”: %s"), execute, desc);
  return NULL;
}

JsonNode *
gvirt_qemu_monitor_client_command (GVirtQemuMonitorClient *mon,
                                   const char             *execute,
                                   JsonObject             *args,
                                   const char             *exit_reason,
                                   gint64                  timeout_ms,
                                   GCancellable           *cancellable,
                                   GError                **error)
{
  return run_command (mon, execute, args, exit_reason, NULL, timeout_ms, cancellable, error);
}

JsonNode *
gvirt_qemu_monitor_client_job (GVirtQemuMonitorClient *mon,
                               const char             *execute,
                               JsonObject             *args,
                               const char             *cancel_execute,
                               gint64                  timeout_ms,
                               GCancellable           *cancellable,
                               GError                **error)
{
  return run_command (mon, execute, args, NULL, cancel_execute, timeout_ms, cancellable, error);
}

gboolean
gvirt_qemu_monitor_client_has_exited (GVirtQemuMonitorClient *mon,
                           char        **reason)
{
  gboolean exited;

  g_mutex_lock (&mon->lock);
  exited = mon->exited;
  if (exited && reason != NULL)
    *reason = g_strdup (mon->exit_reason);
  g_mutex_unlock (&mon->lock);
  return exited;
}

gboolean
gvirt_qemu_monitor_client_wait_exit (GVirtQemuMonitorClient *mon,
                                     gint64                  timeout_ms,
                                     GCancellable           *cancellable,
                                     char                  **reason)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;
  gulong handler = 0;
  gboolean exited;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (wake_waiters), mon, NULL);
  g_mutex_lock (&mon->lock);
  /* A close from inside the exit callback (the backend drops the client
   * there) must not end the wait before the callback has returned. */
  while (!mon->reported && (mon->exited || !mon->eof) && !g_cancellable_is_cancelled (cancellable))
    if (!g_cond_wait_until (&mon->cond, &mon->lock, deadline))
      break;
  exited = mon->reported;
  if (exited && reason != NULL)
    *reason = g_strdup (mon->exit_reason);
  g_mutex_unlock (&mon->lock);
  disconnect_waiter (cancellable, handler);
  return exited;
}

void
gvirt_qemu_monitor_client_reset_migration (GVirtQemuMonitorClient *mon)
{
  g_mutex_lock (&mon->lock);
  g_clear_pointer (&mon->migration, g_free);
  g_mutex_unlock (&mon->lock);
}

char *
gvirt_qemu_monitor_client_wait_migration (GVirtQemuMonitorClient *mon,
                               gint64        timeout_ms,
                               GCancellable *cancellable)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;
  gulong handler = 0;
  char *status;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (wake_waiters), mon, NULL);
  g_mutex_lock (&mon->lock);
  while (!gvirt_qemu_migration_final (mon->migration) && !mon->exited && !mon->eof &&
         !g_cancellable_is_cancelled (cancellable))
    if (!g_cond_wait_until (&mon->cond, &mon->lock, deadline))
      break;
  status = g_strdup (gvirt_qemu_migration_final (mon->migration) ? mon->migration :
                     (mon->exited || mon->eof) ? "exited" :
                     g_cancellable_is_cancelled (cancellable) ? "cancelled" : "timeout");
  g_mutex_unlock (&mon->lock);
  disconnect_waiter (cancellable, handler);
  return status;
}
