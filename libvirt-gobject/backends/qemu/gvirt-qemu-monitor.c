/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirt-qemu-monitor: the per-VM process that parents one QEMU, owns its QMP and serves many clients. */
/* (Backends talk to it through gvirt-qemu-monitor-client.c.) */
#include "config.h"

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>

#include "gvirt-qemu-monitor-private.h"
#include "gvirt-qemu-protocol-private.h"

/*
 * One monitor per running VM. The backend spawns it detached (it forks once
 * more and calls setsid()), so it outlives the application. It is QEMU's
 * parent: it watches QEMU through a pidfd and reaps it at once, so the exit
 * reason (shutdown, destroyed, crashed, saved) is known within milliseconds
 * and never depends on PID 1.
 *
 * QMP accepts one client, so the monitor is that client. Applications talk to
 * the monitor on a unix socket with the same newline-delimited JSON: commands
 * are forwarded to QMP with the monitor's own ids and the replies routed back
 * to the client that asked; every QMP event goes to every client, and a final
 * GVIRT_EXITED event carries the reason before the monitor exits.
 *
 * File descriptors received from the backend:
 *   3  the listening QMP socket QEMU serves (passed on to QEMU as fd 3)
 *   4  the monitor's connection to it, made before QEMU runs (in the backlog)
 *   5  the listening client socket, already bound at --socket
 *   6  a status pipe: "READY <qemu-pid>\n" or "FAILED <message>\n"
 *   7  the domain's lock file, flock()ed by the backend: held as long as
 *      this process lives, so "is the VM alive" is "is the lock taken"
 *
 * A save (gvirt-save) is a job the monitor runs itself, through QMP
 * commands of its own (gvirt-qemu-monitor-save.c): it ends the same way
 * whether or not the client that asked is still there.
 *
 * The first client is the starter. The runtime state file, which other
 * clients find the VM by, is written when the starter says gvirt-started;
 * a starter that goes away before that takes the VM with it. The starter
 * keeps its end of the status pipe open until then, so its death is seen
 * even before it connected (the pipe's write end reports an error).
 */

struct Client {
  int      fd;
  GString *in;
  guint    source;
};

/* A command sent to QMP: its reply goes to @client (under its own id), or
 * to @func for the monitor's own commands. */
typedef struct {
  Client      *client;
  JsonNode    *id;      /* the client's own id, or NULL */
  MonReplyFunc func;
  gpointer     data;
  gint64       balloon_kib; /* a client's balloon target, recorded once QEMU accepts it */
} Pending;

static struct {
  GMainLoop  *loop;
  int         qmp_fd;
  GString    *qmp_in;
  int         status_fd;
  guint       status_watch; /* the starter's end of the status pipe, until gvirt-started */
  int         listen_fd;
  int         pidfd;
  pid_t       qemu_pid;
  gboolean    ready;
  gboolean    qmp_eof;
  gint64      next_id;
  GHashTable *pending;     /* monitor id → Pending */
  GList      *clients;
  char       *reason;      /* requested by a client (destroyed, saved) */
  char       *shutdown_reason; /* from QEMU's SHUTDOWN event */
  gboolean    shutdown_guest;
  char       *state_path;
  char       *stopped_path; /* the shut-off reason, left when QEMU is gone */
  char       *lock_path;
  Client     *starter;     /* until gvirt-started */
  gboolean    announced;   /* gvirt-started came: the state file exists */
  char       *start_reason;
  char       *socket_path;
  char       *xml_path;
  char       *log_path;
  char      **cleanup;     /* more files QEMU leaves (its pidfile) */
  char       *uuid;
  char       *name;
  char       *journal_path;
  gboolean    transient;   /* undefined when QEMU is gone */
  gint64      started;
} mon;

#define JOURNAL(event, reason) \
  mon_state_journal (mon.journal_path, (event), mon.uuid, mon.name, (reason), mon.qemu_pid)

static void
send_line (int fd, const char *line)
{
  gsize len = strlen (line);
  g_autofree char *buf = g_strconcat (line, "\n", NULL);
  gsize done = 0;

  len++;
  while (done < len)
    {
      ssize_t n = send (fd, buf + done, len - done, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      done += n;
    }
}

static char *
node_to_line (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

static void
broadcast (const char *line)
{
  for (GList *l = mon.clients; l != NULL; l = l->next)
    send_line (((Client *) l->data)->fd, line);
}

static void
client_free (Client *c)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, mon.pending);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Pending *) value)->client == c)
      ((Pending *) value)->client = NULL;
  mon_save_client_gone (c);
  if (c->source != 0)
    g_source_remove (c->source);
  close (c->fd);
  g_string_free (c->in, TRUE);
  g_free (c);
}

static void
pending_free (Pending *p)
{
  if (p->id != NULL)
    json_node_unref (p->id);
  g_free (p);
}

static void
reply_to (Client *c, JsonNode *id, const char *key, JsonNode *value)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, key);
  json_builder_add_value (b, value);
  if (id != NULL)
    {
      json_builder_set_member_name (b, "id");
      json_builder_add_value (b, json_node_copy (id));
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  line = node_to_line (root);
  send_line (c->fd, line);
}

void
mon_reply_error (Client *c, JsonNode *id, const char *klass, const char *desc)
{
  JsonObject *err = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (err, "class", klass);
  json_object_set_string_member (err, "desc", desc);
  json_node_take_object (node, err);
  reply_to (c, id, "error", node);
}

static void
reply_error (Client *c, JsonNode *id, const char *desc)
{
  mon_reply_error (c, id, "GenericError", desc);
}

void
mon_reply_ok (Client *c, JsonNode *id)
{
  reply_to (c, id, "return", json_node_init_object (json_node_alloc (), json_object_new ()));
}

static JsonNode *
info_node (void)
{
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (o, "monitor-pid", getpid ());
  json_object_set_int_member (o, "qemu-pid", mon.qemu_pid);
  json_object_set_int_member (o, "started", mon.started);
  json_object_set_string_member (o, "uuid", mon.uuid);
  json_object_set_string_member (o, "name", mon.name);
  json_object_set_string_member (o, "socket", mon.socket_path);
  json_object_set_boolean_member (o, "journal", mon.journal_path != NULL);
  if (mon.start_reason != NULL)
    json_object_set_string_member (o, GVIRT_QEMU_STATE_START_REASON, mon.start_reason);
  mon_state_add_members (o);
  json_node_take_object (node, o);
  return node;
}

/* Sends @cmd to QMP; @pass_fd >= 0 goes with it (SCM_RIGHTS), for getfd. */
static void
qmp_send (JsonObject *cmd,
          int         pass_fd)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *line = NULL;

  json_node_set_object (node, cmd);
  line = node_to_line (node);
  if (pass_fd >= 0)
    {
      /* The fd rides with the whole line in one message: QEMU drops fds
       * still unclaimed when its next read comes. */
      g_autofree char *full = g_strconcat (line, "\n", NULL);
      char control[CMSG_SPACE (sizeof (int))] = { 0 };
      struct iovec iov = { full, strlen (full) };
      struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                            .msg_control = control, .msg_controllen = sizeof control };
      struct cmsghdr *cmsg = CMSG_FIRSTHDR (&msg);
      ssize_t n;

      cmsg->cmsg_level = SOL_SOCKET;
      cmsg->cmsg_type = SCM_RIGHTS;
      cmsg->cmsg_len = CMSG_LEN (sizeof (int));
      memcpy (CMSG_DATA (cmsg), &pass_fd, sizeof (int));
      do
        n = sendmsg (mon.qmp_fd, &msg, MSG_NOSIGNAL);
      while (n < 0 && errno == EINTR);
      if (n > 0 && (size_t) n < iov.iov_len)
        {
          full[iov.iov_len - 1] = '\0';   /* send_line adds the newline again */
          send_line (mon.qmp_fd, full + n);
        }
      return;
    }
  send_line (mon.qmp_fd, line);
}

/* gvirt-add-fd: the file opened here, turned into a getfd for QMP. */
static int
open_for_qemu (JsonObject  *cmd,
               const char **error)
{
  JsonObject *args = gvirt_qemu_object_member (cmd, "arguments");
  const char *fdname = args ? json_object_get_string_member_with_default (args, "fdname", NULL) : NULL;
  const char *path = args ? json_object_get_string_member_with_default (args, "path", NULL) : NULL;
  const char *mode = args ? json_object_get_string_member_with_default (args, "mode", "") : "";
  gint64 offset = args ? json_object_get_int_member_with_default (args, "offset", 0) : 0;
  JsonObject *getfd_args;
  int fd;

  if (fdname == NULL || path == NULL || (!g_str_equal (mode, "append") && !g_str_equal (mode, "read")))
    {
      *error = "gvirt-add-fd needs fdname, path and a mode (append or read).";
      return -1;
    }
  fd = g_str_equal (mode, "append") ? open (path, O_WRONLY | O_APPEND | O_CLOEXEC)
                                    : open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0 || (offset > 0 && lseek (fd, offset, SEEK_SET) != offset))
    {
      *error = g_strerror (errno);
      if (fd >= 0)
        close (fd);
      return -1;
    }
  getfd_args = json_object_new ();
  json_object_set_string_member (getfd_args, "fdname", fdname);
  json_object_set_string_member (cmd, "execute", "getfd");
  json_object_set_object_member (cmd, "arguments", getfd_args);
  return fd;
}

void
mon_set_exit_reason (const char *reason)
{
  g_free (mon.reason);
  mon.reason = g_strdup (reason);
}

/* @cmd goes to QMP under a new monitor id; its reply to @p. */
static void
qmp_forward (JsonObject *cmd,
             int         pass_fd,
             Pending    *p)
{
  gint64 mid = ++mon.next_id;

  g_hash_table_insert (mon.pending, g_memdup2 (&mid, sizeof mid), p);
  json_object_set_int_member (cmd, "id", mid);
  qmp_send (cmd, pass_fd);
}

void
mon_qmp_call (const char  *execute,
              JsonObject  *args,
              int          pass_fd,
              MonReplyFunc func,
              gpointer     data)
{
  g_autoptr(JsonObject) cmd = json_object_new ();
  Pending *p = g_new0 (Pending, 1);

  p->func = func;
  p->data = data;
  json_object_set_string_member (cmd, "execute", execute);
  if (args != NULL)
    json_object_set_object_member (cmd, "arguments", args);
  qmp_forward (cmd, pass_fd, p);
}

static void
kill_timeout_cb (gpointer data)
{
  if (mon.qemu_pid > 0)
    kill (mon.qemu_pid, SIGKILL);
}

/* Ends QEMU: SIGTERM lets it flush its disks; SIGKILL if it does not go. */
static void
terminate_qemu (const char *reason)
{
  mon_set_exit_reason (reason);
  kill (mon.qemu_pid, SIGTERM);
  g_timeout_add_once (3000, kill_timeout_cb, NULL);
}

static gboolean write_state_file (void);
static void close_status (void);

/* One line from a client: a command for QMP or for the monitor itself. */
static void
client_line (Client *c, const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *cmd;
  JsonNode *id;
  const char *execute;

  if ((cmd = gvirt_qemu_parse_object (parser, line, -1)) == NULL)
    {
      reply_error (c, NULL, "The command is not a JSON object.");
      return;
    }
  id = json_object_get_member (cmd, "id");
  execute = json_object_get_string_member_with_default (cmd, "execute", NULL);
  if (execute == NULL)
    {
      reply_error (c, id, "The command has no “execute” member.");
      return;
    }

  if (json_object_has_member (cmd, GVIRT_QEMU_REASON_MEMBER))
    {
      mon_set_exit_reason (json_object_get_string_member_with_default (cmd, GVIRT_QEMU_REASON_MEMBER, NULL));
      json_object_remove_member (cmd, GVIRT_QEMU_REASON_MEMBER);
    }

  if (g_str_equal (execute, GVIRT_QEMU_CMD_INFO))
    {
      reply_to (c, id, "return", info_node ());
      return;
    }
  if (g_str_equal (execute, GVIRT_QEMU_CMD_DESTROY))
    {
      terminate_qemu (GVIRT_QEMU_EXIT_DESTROYED);
      mon_reply_ok (c, id);
      return;
    }
  if (g_str_equal (execute, GVIRT_QEMU_CMD_STARTED))
    {
      JsonObject *args = gvirt_qemu_object_member (cmd, "arguments");

      g_free (mon.start_reason);
      mon.start_reason = g_strdup (args != NULL ?
                                   json_object_get_string_member_with_default (args, "reason", "booted") :
                                   "booted");
      mon_state_started (mon.start_reason,
                         args != NULL && json_object_get_boolean_member_with_default (args, "paused", FALSE));
      mon.transient = args != NULL && json_object_get_boolean_member_with_default (args, "transient", FALSE);
      mon.starter = NULL;
      close_status ();
      if (!mon.announced && !write_state_file ())
        {
          reply_error (c, id, "Cannot write the runtime state file.");
          return;
        }
      if (!mon.announced && mon.transient)
        JOURNAL ("defined", "unknown");
      if (!mon.announced)
        JOURNAL ("started", mon.start_reason);
      mon.announced = TRUE;
      mon_reply_ok (c, id);
      return;
    }
  if (g_str_equal (execute, GVIRT_QEMU_CMD_TRANSIENT))
    {
      JsonObject *args = gvirt_qemu_object_member (cmd, "arguments");

      mon.transient = args != NULL && json_object_get_boolean_member_with_default (args, "transient", FALSE);
      mon_reply_ok (c, id);
      return;
    }
  if (g_str_equal (execute, GVIRT_QEMU_CMD_SET_REASON))
    {
      mon_reply_ok (c, id);
      return;
    }
  if (g_str_equal (execute, GVIRT_QEMU_CMD_SAVE))
    {
      mon_save_start (c, id, gvirt_qemu_object_member (cmd, "arguments"));
      return;
    }
  /* A save still setting up has no migration in QEMU to cancel yet. */
  if (g_str_equal (execute, "migrate_cancel"))
    mon_save_cancel ();

  {
    Pending *p;
    int pass_fd = -1;

    if (g_str_equal (execute, GVIRT_QEMU_CMD_ADD_FD))
      {
        const char *why = NULL;

        pass_fd = open_for_qemu (cmd, &why);
        if (pass_fd < 0)
          {
            g_autofree char *desc = g_strdup_printf ("Cannot open the file for QEMU: %s", why);
            reply_error (c, id, desc);
            return;
          }
      }
    p = g_new0 (Pending, 1);
    p->client = c;
    p->id = id != NULL ? json_node_copy (id) : NULL;
    if (g_str_equal (execute, "balloon"))
      {
        JsonObject *args = gvirt_qemu_object_member (cmd, "arguments");

        p->balloon_kib = args != NULL ? json_object_get_int_member_with_default (args, "value", 0) / 1024 : 0;
      }
    qmp_forward (cmd, pass_fd, p);
    if (pass_fd >= 0)
      close (pass_fd);   /* QEMU has its own copy now */
  }
}

static gboolean
client_cb (int fd, GIOCondition cond, gpointer data)
{
  Client *c = data;
  char buf[4096];
  ssize_t n = read (fd, buf, sizeof buf);
  char *nl;

  if (n <= 0)
    {
      if (n < 0 && errno == EINTR)
        return G_SOURCE_CONTINUE;
      c->source = 0;
      mon.clients = g_list_remove (mon.clients, c);
      /* The starter gave up (or died) half-way: nobody else knows the VM. */
      if (c == mon.starter)
        {
          mon.starter = NULL;
          terminate_qemu (GVIRT_QEMU_EXIT_FAILED);
        }
      client_free (c);
      return G_SOURCE_REMOVE;
    }
  g_string_append_len (c->in, buf, n);
  while ((nl = memchr (c->in->str, '\n', c->in->len)) != NULL)
    {
      gsize len = nl - c->in->str;
      g_autofree char *line = g_strndup (c->in->str, len);

      g_string_erase (c->in, 0, len + 1);
      g_strstrip (line);
      if (*line != '\0')
        client_line (c, line);
      if (g_list_find (mon.clients, c) == NULL)
        return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
listen_cb (int fd, GIOCondition cond, gpointer data)
{
  int cfd = accept4 (fd, NULL, NULL, SOCK_CLOEXEC);
  Client *c;

  if (cfd < 0)
    return G_SOURCE_CONTINUE;
  c = g_new0 (Client, 1);
  c->fd = cfd;
  c->in = g_string_new (NULL);
  c->source = g_unix_fd_add (cfd, G_IO_IN | G_IO_HUP | G_IO_ERR, client_cb, c);
  mon.clients = g_list_append (mon.clients, c);
  if (!mon.announced && mon.starter == NULL)
    mon.starter = c;
  return G_SOURCE_CONTINUE;
}

static void
write_status (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

static void
close_status (void)
{
  if (mon.status_watch != 0)
    g_source_remove (mon.status_watch);
  mon.status_watch = 0;
  if (mon.status_fd >= 0)
    close (mon.status_fd);
  mon.status_fd = -1;
}

/* Writes a status line; FALSE when the starter is gone (EPIPE: SIGPIPE is ignored). */
static gboolean
write_status_text (const char *msg)
{
  if (mon.status_fd < 0)
    return FALSE;
  return write (mon.status_fd, msg, strlen (msg)) == (ssize_t) strlen (msg);
}

/* A final status ("FAILED …"): the starter learns it and the pipe closes. */
static void
write_status (const char *fmt, ...)
{
  va_list ap;
  g_autofree char *msg = NULL;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  write_status_text (msg);
  close_status ();
}

/* The starter's end of the pipe closed before it announced the VM: it died
 * (or gave up) between READY and gvirt-started, so nobody could know the VM. */
static gboolean
status_closed_cb (int fd, GIOCondition cond, gpointer data)
{
  mon.status_watch = 0;
  close_status ();
  if (!mon.announced)
    terminate_qemu (GVIRT_QEMU_EXIT_FAILED);
  return G_SOURCE_REMOVE;
}

/* READY: the pipe stays open, watched, until the starter announces the VM. */
static void
write_ready (void)
{
  g_autofree char *msg = g_strdup_printf ("READY %d\n", (int) mon.qemu_pid);

  if (!write_status_text (msg))
    {
      close_status ();
      terminate_qemu (GVIRT_QEMU_EXIT_FAILED);   /* the starter died before READY */
      return;
    }
  /* A pipe's write end reports G_IO_ERR once the read end is closed. */
  mon.status_watch = g_unix_fd_add (mon.status_fd, G_IO_ERR | G_IO_HUP, status_closed_cb, NULL);
}

/* Temp file + rename: a reader sees the whole file or none. */
static gboolean
write_state_file (void)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) node = info_node ();
  g_autofree char *text = NULL;

  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  return g_file_set_contents (mon.state_path, text, -1, NULL);
}

/* What clients read changed: into the state file for those that attach
 * later, then @line (the event that says it) to those attached. */
static void
state_changed (const char *line)
{
  if (mon.announced)
    write_state_file ();
  broadcast (line);
}

static void
qmp_message (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *msg;

  if ((msg = gvirt_qemu_parse_object (parser, line, -1)) == NULL)
    return;

  if (!mon.ready)
    {
      if (json_object_has_member (msg, "QMP"))
        {
          JsonObject *cmd = json_object_new ();
          json_object_set_string_member (cmd, "execute", "qmp_capabilities");
          qmp_send (cmd, -1);
          json_object_unref (cmd);
        }
      else if (json_object_has_member (msg, "return"))
        {
          mon.ready = TRUE;
          mon.started = g_get_real_time ();
          write_ready ();
        }
      return;
    }

  if (json_object_has_member (msg, "event"))
    {
      const char *ev = json_object_get_string_member_with_default (msg, "event", "");
      JsonObject *data = gvirt_qemu_object_member (msg, "data");

      if (g_strcmp0 (ev, "SHUTDOWN") == 0 && data != NULL)
        {
          g_free (mon.shutdown_reason);
          mon.shutdown_reason = g_strdup (json_object_get_string_member_with_default (data, "reason", ""));
          mon.shutdown_guest = json_object_get_boolean_member_with_default (data, "guest", FALSE);
        }
      if (mon_state_qmp_event (ev, data))
        {
          /* The event carries what it changed, as every client is to read it. */
          g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
          g_autofree char *out = NULL;

          if (data == NULL)
            {
              data = json_object_new ();
              json_object_set_object_member (msg, "data", data);
            }
          json_object_set_object_member (data, GVIRT_QEMU_STATE_MEMBER, mon_state_object ());
          if (mon.announced && mon_state_lifecycle () != NULL)
            JOURNAL (mon_state_lifecycle (),
                     json_object_get_string_member (json_object_get_object_member (data, GVIRT_QEMU_STATE_MEMBER),
                                                    GVIRT_QEMU_STATE_REASON));
          json_node_set_object (root, msg);
          out = node_to_line (root);
          state_changed (out);
        }
      else
        broadcast (line);
      if (g_strcmp0 (ev, "MIGRATION") == 0 && data != NULL)
        mon_save_migration (json_object_get_string_member_with_default (data, "status", ""));
      return;
    }

  if (json_object_has_member (msg, "id"))
    {
      gint64 mid = json_object_get_int_member_with_default (msg, "id", -1);
      Pending *p = g_hash_table_lookup (mon.pending, &mid);

      if (p == NULL)
        return;
      if (p->balloon_kib > 0 && json_object_has_member (msg, "return") &&
          mon_state_set_memory (p->balloon_kib))
        {
          g_autofree char *ev = NULL;
          g_autoptr(JsonNode) data = json_node_init_object (json_node_alloc (), mon_state_object ());
          g_autofree char *data_text = node_to_line (data);

          ev = g_strdup_printf ("{\"event\": \"" GVIRT_QEMU_EVENT_STATE "\", \"data\": %s, "
                                "\"timestamp\": {\"seconds\": %" G_GINT64_FORMAT ", \"microseconds\": 0}}",
                                data_text, g_get_real_time () / G_USEC_PER_SEC);
          state_changed (ev);
        }
      if (p->func != NULL)
        p->func (msg, p->data);
      else if (p->client != NULL)
        {
          g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
          g_autofree char *out = NULL;

          json_object_remove_member (msg, "id");
          if (p->id != NULL)
            json_object_set_member (msg, "id", json_node_copy (p->id));
          json_node_set_object (root, msg);
          out = node_to_line (root);
          send_line (p->client->fd, out);
        }
      g_hash_table_remove (mon.pending, &mid);
    }
}

/* Reads what QMP has; returns FALSE at end of file. */
static gboolean
qmp_read (void)
{
  char buf[8192];
  ssize_t n;
  char *nl;

  if (mon.qmp_eof)
    return FALSE;
  n = read (mon.qmp_fd, buf, sizeof buf);
  if (n < 0 && (errno == EINTR || errno == EAGAIN))
    return TRUE;
  if (n <= 0)
    {
      mon.qmp_eof = TRUE;
      return FALSE;
    }
  g_string_append_len (mon.qmp_in, buf, n);
  while ((nl = memchr (mon.qmp_in->str, '\n', mon.qmp_in->len)) != NULL)
    {
      gsize len = nl - mon.qmp_in->str;
      g_autofree char *line = g_strndup (mon.qmp_in->str, len);

      g_string_erase (mon.qmp_in, 0, len + 1);
      g_strstrip (line);
      if (*line != '\0')
        qmp_message (line);
    }
  return TRUE;
}

static gboolean
qmp_cb (int fd, GIOCondition cond, gpointer data)
{
  return qmp_read () ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static char *
log_tail (void)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *start;

  if (!g_file_get_contents (mon.log_path, &text, &len, NULL) || len == 0)
    return g_strdup ("");
  start = len > 1024 ? text + len - 1024 : text;
  return g_strstrip (g_strdelimit (g_strdup (start), "\n", ' '));
}

static void
remove_runtime_files (void)
{
  unlink (mon.state_path);
  unlink (mon.socket_path);
  unlink (mon.xml_path);
  unlink (mon.log_path);
  for (char **p = mon.cleanup; p != NULL && *p != NULL; p++)
    unlink (*p);
  /* Last, still holding it: whoever takes a lock on this path now takes a
   * new file's (the backend checks it locked the file the path names). */
  if (mon.lock_path != NULL)
    unlink (mon.lock_path);
}

static gboolean
pidfd_cb (int fd, GIOCondition cond, gpointer data)
{
  int status = 0;
  const char *reason;
  g_autofree char *line = NULL;
  g_autofree char *tail = NULL;

  if (waitpid (mon.qemu_pid, &status, WNOHANG) <= 0)
    return G_SOURCE_CONTINUE;

  /* Whatever QEMU said before it went (SHUTDOWN, replies) comes first. */
  g_unix_set_fd_nonblocking (mon.qmp_fd, TRUE, NULL);
  while (qmp_read ())
    if (mon.qmp_eof)
      break;
  mon_save_qemu_exited ();

  if (mon.reason != NULL)
    reason = mon.reason;
  else if (g_strcmp0 (mon.shutdown_reason, "guest-panic") == 0)
    reason = GVIRT_QEMU_EXIT_CRASHED;
  else if (g_strcmp0 (mon.shutdown_reason, "host-signal") == 0)
    reason = GVIRT_QEMU_EXIT_DESTROYED;
  else if (mon.shutdown_reason != NULL && WIFEXITED (status) && WEXITSTATUS (status) == 0)
    reason = GVIRT_QEMU_EXIT_SHUTDOWN;
  else if (!mon.ready)
    reason = GVIRT_QEMU_EXIT_FAILED;
  else
    reason = GVIRT_QEMU_EXIT_CRASHED;

  if (!mon.ready)
    {
      tail = log_tail ();
      if (WIFSIGNALED (status))
        write_status ("FAILED QEMU was killed by signal %d before its monitor was ready. %s\n",
                      WTERMSIG (status), tail);
      else
        write_status ("FAILED QEMU exited with status %d before its monitor was ready. %s\n",
                      WEXITSTATUS (status), tail);
    }

  remove_runtime_files ();
  /* Before the event: a client that hears it and lists the node again reads it. */
  if (mon.announced)
    {
      mon_state_write_stopped (mon.stopped_path, mon.uuid, reason);
      JOURNAL ("stopped", reason);
      if (mon.transient)
        JOURNAL ("undefined", reason);
    }
  line = g_strdup_printf ("{\"event\": \"" GVIRT_QEMU_EVENT_EXITED "\", \"data\": "
                          "{\"reason\": \"%s\", \"status\": %d, \"signal\": %d}, "
                          "\"timestamp\": {\"seconds\": %" G_GINT64_FORMAT ", \"microseconds\": 0}}",
                          reason,
                          WIFEXITED (status) ? WEXITSTATUS (status) : -1,
                          WIFSIGNALED (status) ? WTERMSIG (status) : 0,
                          g_get_real_time () / G_USEC_PER_SEC);
  broadcast (line);
  g_main_loop_quit (mon.loop);
  return G_SOURCE_REMOVE;
}

static gboolean
start_timeout_cb (gpointer data)
{
  if (!mon.ready)
    {
      mon_set_exit_reason (GVIRT_QEMU_EXIT_FAILED);
      kill (mon.qemu_pid, SIGKILL);
    }
  return G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) octx = NULL;
  g_autoptr(GError) error = NULL;
  int start_timeout = 30;
  GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_FILENAME, &mon.state_path, "Runtime state file", "PATH" },
    { "socket", 0, 0, G_OPTION_ARG_FILENAME, &mon.socket_path, "Client socket (bound, fd 5)", "PATH" },
    { "xml", 0, 0, G_OPTION_ARG_FILENAME, &mon.xml_path, "Live XML file", "PATH" },
    { "log", 0, 0, G_OPTION_ARG_FILENAME, &mon.log_path, "QEMU output log", "PATH" },
    { "cleanup", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &mon.cleanup, "Another file to remove at exit", "PATH" },
    { "lock", 0, 0, G_OPTION_ARG_FILENAME, &mon.lock_path, "The lock file (fd 7), removed at exit", "PATH" },
    { "stopped", 0, 0, G_OPTION_ARG_FILENAME, &mon.stopped_path, "Where the shut-off reason goes at exit", "PATH" },
    { "uuid", 0, 0, G_OPTION_ARG_STRING, &mon.uuid, "Domain UUID", "UUID" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &mon.name, "Domain name", "NAME" },
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &mon.journal_path, "The node's event journal", "PATH" },
    { "start-timeout", 0, 0, G_OPTION_ARG_INT, &start_timeout, "Seconds QEMU has to answer QMP", "S" },
    { NULL }
  };
  char **qemu_argv;
  int logfd, devnull;
  pid_t pid;
  sigset_t empty;

  octx = g_option_context_new ("-- QEMU-ARGV… — parent and monitor one QEMU for GVirt");
  g_option_context_add_main_entries (octx, entries, NULL);
  if (!g_option_context_parse (octx, &argc, &argv, &error) ||
      mon.state_path == NULL || mon.socket_path == NULL || mon.xml_path == NULL ||
      mon.log_path == NULL || mon.uuid == NULL || mon.name == NULL || argc < 2)
    {
      g_printerr ("gvirt-qemu-monitor: %s\n", error ? error->message : "missing arguments");
      return 2;
    }
  qemu_argv = argv + 1;
  if (g_str_equal (qemu_argv[0], "--"))
    qemu_argv++;

  /* Detach: the first child goes on; the spawner reaps this process at once. */
  pid = fork ();
  if (pid < 0)
    return 1;
  if (pid > 0)
    _exit (0);
  setsid ();
  signal (SIGPIPE, SIG_IGN);
  /* Let go of the application's terminal and pipes: a shell waiting for its
   * output must not wait for the VM too. */
  devnull = open ("/dev/null", O_RDWR | O_CLOEXEC);
  if (devnull >= 0)
    {
      dup2 (devnull, 0);
      dup2 (devnull, 1);
      dup2 (devnull, 2);
      close (devnull);
    }

  mon.qmp_fd = 4;
  mon.listen_fd = 5;
  mon.status_fd = 6;
  fcntl (4, F_SETFD, FD_CLOEXEC);
  fcntl (5, F_SETFD, FD_CLOEXEC);
  fcntl (6, F_SETFD, FD_CLOEXEC);
  fcntl (7, F_SETFD, FD_CLOEXEC);

  logfd = open (mon.log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  devnull = open ("/dev/null", O_RDWR | O_CLOEXEC);
  if (logfd < 0 || devnull < 0)
    {
      write_status ("FAILED Cannot open the log file %s: %s\n", mon.log_path, g_strerror (errno));
      return 1;
    }

  pid = fork ();
  if (pid < 0)
    {
      write_status ("FAILED Cannot fork: %s\n", g_strerror (errno));
      return 1;
    }
  if (pid == 0)
    {
      /* QEMU: fd 3 stays (its QMP socket), stdio to the log, dies with us. */
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      sigemptyset (&empty);
      sigprocmask (SIG_SETMASK, &empty, NULL);
      signal (SIGPIPE, SIG_DFL);
      dup2 (devnull, 0);
      dup2 (logfd, 1);
      dup2 (logfd, 2);
      syscall (SYS_close_range, 4, ~0U, 0);
      execv (qemu_argv[0], qemu_argv);
      dprintf (2, "Cannot run %s: %s\n", qemu_argv[0], g_strerror (errno));
      _exit (127);
    }
  close (3);
  close (logfd);
  close (devnull);
  mon.qemu_pid = pid;

  mon.pidfd = syscall (SYS_pidfd_open, pid, 0);
  if (mon.pidfd < 0)
    {
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      write_status ("FAILED pidfd_open: %s\n", g_strerror (errno));
      remove_runtime_files ();
      return 1;
    }

  mon.loop = g_main_loop_new (NULL, FALSE);
  mon.qmp_in = g_string_new (NULL);
  mon.pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) pending_free);
  g_unix_fd_add (mon.pidfd, G_IO_IN, pidfd_cb, NULL);
  g_unix_fd_add (mon.qmp_fd, G_IO_IN | G_IO_HUP | G_IO_ERR, qmp_cb, NULL);
  g_unix_fd_add (mon.listen_fd, G_IO_IN, listen_cb, NULL);
  g_timeout_add_seconds (start_timeout, start_timeout_cb, NULL);
  g_main_loop_run (mon.loop);

  while (mon.clients != NULL)
    {
      Client *c = mon.clients->data;
      mon.clients = g_list_delete_link (mon.clients, mon.clients);
      shutdown (c->fd, SHUT_RDWR);
      client_free (c);
    }
  return 0;
}
