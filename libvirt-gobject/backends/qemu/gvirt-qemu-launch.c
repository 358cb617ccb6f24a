/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* QEMU backend: spawning a VM's gvirt-qemu-monitor (which parents QEMU) and attaching to VMs already running. */
#include "config.h"

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <glib-unix.h>

#include "gvirt-qemu-backend-private.h"

/* ---- Monitor process -------------------------------------------------------- */

char *
_gvirt_qemu_find_monitor_binary (void)
{
  const char *env = g_getenv ("GVIRT_QEMU_MONITOR");
  Dl_info info;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  /* The uninstalled tree: qemu/gvirt-qemu-monitor beside this module. */
  if (dladdr ((void *) _gvirt_qemu_find_monitor_binary, &info) && info.dli_fname != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (info.dli_fname);
      g_autofree char *p = g_build_filename (dir, "qemu", "gvirt-qemu-monitor", NULL);
      if (g_file_test (p, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&p);
    }
  return g_build_filename (GVIRT_QEMU_LIBEXECDIR, "gvirt-qemu-monitor", NULL);
}

static gboolean
pid_is_qemu_for (pid_t pid, const char *uuid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/cmdline", (int) pid);
  g_autofree char *cmdline = NULL;
  gsize len = 0;

  if (pid <= 0 || !g_file_get_contents (path, &cmdline, &len, NULL))
    return FALSE;
  for (gsize off = 0; off < len; off += strlen (cmdline + off) + 1)
    if (strstr (cmdline + off, uuid) != NULL)
      return TRUE;
  return FALSE;
}

static void
remove_runtime_files (GVirtQemuBackend *self,
                      const char       *name)
{
  /* ".sock": the socket of older versions, named after the domain. */
  const char *exts[] = { ".json", ".sock", ".xml", ".log", ".pid", NULL };
  g_autofree char *sock_path = _gvirt_qemu_socket_path (self, name);

  for (const char **e = exts; *e != NULL; e++)
    {
      g_autofree char *p = _gvirt_qemu_runtime_path (self, name, *e);
      g_unlink (p);
    }
  g_unlink (sock_path);
  /* the sockets of unix channels without a path, when no monitor removed them */
  for (guint n = 0; n < 64; n++)
    {
      g_autofree char *p = gvirt_qemu_command_channel_path (self->dirs.runtime_dir, name, n);
      g_unlink (p);
    }
}

typedef struct {
  char  *uuid;
  char  *name;
  char  *socket;
  pid_t  qemu_pid;
  pid_t  monitor_pid;
  gint   start_reason;   /* GVirtDomainStartedReason */
  gboolean journaled;    /* its monitor journals its lifecycle */
} RuntimeState;

static void
runtime_state_clear (RuntimeState *st)
{
  g_free (st->uuid);
  g_free (st->name);
  g_free (st->socket);
}

static gboolean
read_runtime_state (const char   *path,
                    RuntimeState *st)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  gsize len;
  JsonObject *o;

  memset (st, 0, sizeof *st);
  if (!g_file_get_contents (path, &text, &len, NULL) ||
      (o = gvirt_qemu_parse_object (parser, text, len)) == NULL)
    return FALSE;
  st->uuid = g_strdup (json_object_get_string_member_with_default (o, "uuid", NULL));
  st->name = g_strdup (json_object_get_string_member_with_default (o, "name", NULL));
  st->socket = g_strdup (json_object_get_string_member_with_default (o, "socket", NULL));
  st->qemu_pid = json_object_get_int_member_with_default (o, "qemu-pid", 0);
  st->monitor_pid = json_object_get_int_member_with_default (o, "monitor-pid", 0);
  st->journaled = json_object_get_boolean_member_with_default (o, "journal", FALSE);
  st->start_reason = g_strcmp0 (json_object_get_string_member_with_default (o, GVIRT_QEMU_STATE_START_REASON, ""),
                                "restored") == 0 ? GVIRT_DOMAIN_STARTED_RESTORED : GVIRT_DOMAIN_STARTED_BOOTED;
  return st->uuid != NULL && st->name != NULL && st->socket != NULL;
}

/*
 * A domain's lock file is flock()ed by its monitor for as long as the VM
 * lives; a starter takes it before anything else, so two processes cannot
 * start one domain, and a lock that can be taken means the files beside it
 * are stale. Returns the locked fd, or -1: @held says whether someone holds
 * it (else @error says why it could not be opened).
 */
static int
lock_domain (GVirtQemuBackend *self,
             const char       *name,
             gboolean         *held,
             GError          **error)
{
  g_autofree char *path = _gvirt_qemu_runtime_path (self, name, ".lock");

  *held = FALSE;
  for (;;)
    {
      struct stat fst, pst;
      int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                       _("Cannot open “%s”: %s"), path, g_strerror (errno));
          return -1;
        }
      if (flock (fd, LOCK_EX | LOCK_NB) < 0)
        {
          close (fd);
          *held = TRUE;
          return -1;
        }
      /* A monitor that exited removed the path it held: lock the file the
       * path names now, or try again. */
      if (fstat (fd, &fst) == 0 && stat (path, &pst) == 0 &&
          fst.st_dev == pst.st_dev && fst.st_ino == pst.st_ino)
        return fd;
      close (fd);
    }
}

/* A VM whose monitor was killed: whoever sees it first journals it. */
void
_gvirt_qemu_journal_crash (GVirtQemuBackend *self,
                           const char       *uuid,
                           const char       *name)
{
  g_autoptr(JsonObject) line = json_object_new ();

  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_EVENT, "stopped");
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_UUID, uuid);
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_NAME, name);
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_REASON, GVIRT_QEMU_EXIT_CRASHED);
  _gvirt_qemu_journal_append_once (self->journal.path, line, NULL);
}

/* With the lock held: the files of a VM whose monitor is gone. QEMU went
 * with it (its parent-death signal), unless it was caught in between. */
static void
remove_stale_files (GVirtQemuBackend *self,
                    const char       *name)
{
  g_autofree char *state_path = _gvirt_qemu_runtime_path (self, name, ".json");
  RuntimeState st;

  if (read_runtime_state (state_path, &st))
    {
      /* An announced VM whose monitor died, unasked: the reason it could
       * not leave itself. */
      g_autofree char *stopped_path = _gvirt_qemu_runtime_path (self, name, ".stopped");
      g_autoptr(JsonObject) o = json_object_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *text = NULL;

      if (pid_is_qemu_for (st.qemu_pid, st.uuid))
        kill (st.qemu_pid, SIGKILL);
      json_object_set_string_member (o, "uuid", st.uuid);
      json_object_set_string_member (o, GVIRT_QEMU_STATE_REASON, GVIRT_QEMU_EXIT_CRASHED);
      json_node_set_object (node, o);
      text = json_to_string (node, FALSE);
      _gvirt_backend_write_file (stopped_path, text, -1, 0600, GVIRT_BACKEND_SYNC_NONE, NULL);
      if (st.journaled)   /* else its clients reported it themselves */
        _gvirt_qemu_journal_crash (self, st.uuid, st.name);
      runtime_state_clear (&st);
    }
  remove_runtime_files (self, name);
}

/* Drops a lock taken by lock_domain (), removing its file first. */
static void
unlock_domain (GVirtQemuBackend *self,
               const char       *name,
               int               fd)
{
  g_autofree char *path = _gvirt_qemu_runtime_path (self, name, ".lock");

  g_unlink (path);
  close (fd);
}

/* Removes the runtime files of @name if no monitor holds its lock; returns
 * whether it was stale. */
gboolean
_gvirt_qemu_clean_if_stale (GVirtQemuBackend *self,
                            const char       *name)
{
  gboolean held;
  int fd = lock_domain (self, name, &held, NULL);

  if (fd < 0)
    return FALSE;
  remove_stale_files (self, name);
  unlock_domain (self, name, fd);
  return TRUE;
}

gboolean
_gvirt_qemu_unexpected_answer (const char *command,
                               GError    **error)
{
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
               _("QEMU answered “%s” with something this backend does not understand."), command);
  return FALSE;
}

/* Element @i of a QMP answer's array, or %NULL if it is not an object. */
JsonObject *
_gvirt_qemu_element_object (JsonArray *array,
                            guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
query_running (GVirtQemuMonitorClient *mon, GVirtDomainState *state, GError **error)
{
  g_autoptr(JsonNode) ret = gvirt_qemu_monitor_client_command (mon, "query-status", NULL, NULL, 5000, NULL, error);
  JsonObject *o;

  if (ret == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (ret))
    return _gvirt_qemu_unexpected_answer ("query-status", error);
  o = json_node_get_object (ret);
  *state = json_object_get_boolean_member_with_default (o, "running", FALSE) ?
           GVIRT_DOMAIN_STATE_RUNNING : GVIRT_DOMAIN_STATE_PAUSED;
  return TRUE;
}

/* The state, reason and memory of a VM someone else started, as its monitor
 * keeps them for every client (the memory goes into @live); QEMU's own
 * running flag if the monitor does not say. */
static gboolean
query_state (GVirtQemuMonitorClient *mon,
             GVirtDomainConfig      *live,
             GVirtDomainState       *state,
             GVirtDomainStateReason *reason)
{
  g_autoptr(JsonNode) ret = gvirt_qemu_monitor_client_command (mon, GVIRT_QEMU_CMD_INFO, NULL, NULL, 5000, NULL, NULL);
  JsonObject *info = ret != NULL && JSON_NODE_HOLDS_OBJECT (ret) ? json_node_get_object (ret) : NULL;

  if (info != NULL && json_object_has_member (info, GVIRT_QEMU_STATE_STATE))
    {
      *state = _gvirt_qemu_apply_mon_state (NULL, live, info, reason);
      return TRUE;
    }
  return query_running (mon, state, NULL);
}

/* The QEMU chardev label of a serial port or console, as the argv builder
 * names them: serial ports "charserialN" in order; a serial console is
 * serial port 0 when there are serial ports, else "charconsoleN". */
static char *
chardev_label (GVirtDomainChardev *chr,
               guint              *n_serial,
               guint              *n_console,
               guint               n_serials)
{
  const char *kind = gvirt_domain_device_get_kind (GVIRT_DOMAIN_DEVICE (chr));
  const char *target = gvirt_domain_chardev_get_target_type (chr);

  if (g_strcmp0 (kind, "serial") == 0)
    return g_strdup_printf ("charserial%u", (*n_serial)++);
  if (g_strcmp0 (kind, "console") != 0)
    return NULL;
  if ((target == NULL || g_str_equal (target, "serial")) && n_serials > 0)
    {
      (*n_console)++;
      return g_strdup ("charserial0");
    }
  return g_strdup_printf ("charconsole%u", (*n_console)++);
}

/* Writes the ttys QEMU allocated for pty serial ports and consoles into the
 * live config; returns whether there were any. */
static gboolean
record_ptys (GVirtQemuMonitorClient      *mon,
             GVirtDomainConfig *live)
{
  GListModel *devices = gvirt_domain_config_get_devices (live);
  guint n = g_list_model_get_n_items (devices);
  g_autoptr(GHashTable) ptys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonNode) ret = NULL;
  guint n_serials = 0, n_serial = 0, n_console = 0;
  gboolean any_pty = FALSE, any = FALSE;
  JsonArray *arr;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) dev = g_list_model_get_item (devices, i);

      if (!GVIRT_IS_DOMAIN_CHARDEV (dev))
        continue;
      if (g_strcmp0 (gvirt_domain_device_get_kind (GVIRT_DOMAIN_DEVICE (dev)), "serial") == 0)
        n_serials++;
      if (gvirt_domain_chardev_get_chardev_type (GVIRT_DOMAIN_CHARDEV (dev)) == GVIRT_DOMAIN_CHARDEV_TYPE_PTY)
        any_pty = TRUE;
    }
  if (!any_pty)
    return FALSE;   /* no round trip for the common case */

  ret = gvirt_qemu_monitor_client_command (mon, "query-chardev", NULL, NULL, 5000, NULL, NULL);
  if (ret == NULL || !JSON_NODE_HOLDS_ARRAY (ret))
    return FALSE;
  arr = json_node_get_array (ret);
  for (guint j = 0; j < json_array_get_length (arr); j++)
    {
      JsonObject *c = _gvirt_qemu_element_object (arr, j);
      const char *file = c != NULL ? json_object_get_string_member_with_default (c, "filename", "") : "";

      if (g_str_has_prefix (file, "pty:"))
        g_hash_table_insert (ptys, (gpointer) json_object_get_string_member_with_default (c, "label", ""),
                             (gpointer) (file + strlen ("pty:")));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) dev = g_list_model_get_item (devices, i);
      g_autofree char *label = NULL;
      const char *tty;

      if (!GVIRT_IS_DOMAIN_CHARDEV (dev))
        continue;
      label = chardev_label (GVIRT_DOMAIN_CHARDEV (dev), &n_serial, &n_console, n_serials);
      tty = label != NULL ? g_hash_table_lookup (ptys, label) : NULL;
      if (tty == NULL ||
          gvirt_domain_chardev_get_chardev_type (GVIRT_DOMAIN_CHARDEV (dev)) != GVIRT_DOMAIN_CHARDEV_TYPE_PTY)
        continue;
      gvirt_domain_chardev_set_tty (GVIRT_DOMAIN_CHARDEV (dev), tty);
      gvirt_domain_chardev_set_source_path (GVIRT_DOMAIN_CHARDEV (dev), tty);
      any = TRUE;
    }
  return any;
}

static guint
allocate_vnc_port (void)
{
  for (guint port = 5900; port < 6000; port++)
    {
      struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons (port) };
      int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
      int ok;

      if (fd < 0)
        return 0;
      ok = bind (fd, (struct sockaddr *) &addr, sizeof addr) == 0;
      close (fd);
      if (ok)
        return port;
    }
  return 0;
}

/* The VNC display of @config that asks for a port to be chosen, or %NULL. */
static GVirtDomainGraphics *
autoport_vnc (GVirtDomainConfig *config)
{
  GListModel *devices = gvirt_domain_config_get_devices (config);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(GObject) dev = g_list_model_get_item (devices, i);

      if (GVIRT_IS_DOMAIN_GRAPHICS (dev) &&
          gvirt_domain_graphics_get_graphics_type (GVIRT_DOMAIN_GRAPHICS (dev)) == GVIRT_DOMAIN_GRAPHICS_TYPE_VNC &&
          gvirt_domain_graphics_get_autoport (GVIRT_DOMAIN_GRAPHICS (dev)))
        return GVIRT_DOMAIN_GRAPHICS (g_steal_pointer (&dev));
    }
  return NULL;
}

/*
 * Spawns a monitor and its QEMU for @config and waits until QMP is ready.
 * The returned monitor client is not attached to the domain yet.
 */
/* The live XML names the socket of each unix <channel> the builder gave a
 * path in the runtime directory (gvirt_qemu_command_channel_path ()); the
 * monitor removes those sockets with the domain's other runtime files. */
static GPtrArray *
fill_channel_paths (GVirtQemuBackend  *self,
                    GVirtDomainConfig *live)
{
  GListModel *devices = gvirt_domain_config_get_devices (live);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  guint n_channels = 0;

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(GVirtDomainDevice) dev = g_list_model_get_item (devices, i);
      GVirtDomainChardev *chr;
      char *path;

      if (!GVIRT_IS_DOMAIN_CHARDEV (dev) || g_strcmp0 (gvirt_domain_device_get_kind (dev), "channel") != 0)
        continue;
      chr = GVIRT_DOMAIN_CHARDEV (dev);
      n_channels++;
      if (gvirt_domain_chardev_get_chardev_type (chr) != GVIRT_DOMAIN_CHARDEV_TYPE_UNIX ||
          gvirt_domain_chardev_get_source_path (chr) != NULL)
        continue;
      path = gvirt_qemu_command_channel_path (self->dirs.runtime_dir, gvirt_domain_config_get_name (live), n_channels - 1);
      gvirt_domain_chardev_set_source_path (chr, path);
      if (gvirt_domain_chardev_get_source_mode (chr) == NULL)
        gvirt_domain_chardev_set_source_mode (chr, "bind");
      g_ptr_array_add (paths, path);
    }
  return paths;
}

gboolean
_gvirt_qemu_launch (GVirtQemuBackend  *self,
                    GVirtDomainConfig *config,
                    gboolean           incoming,
                    Launched          *out,
                    GError           **error)
{
  const char *name = gvirt_domain_config_get_name (config);
  const char *uuid = gvirt_domain_config_get_uuid (config);
  g_autofree char *sock_path = _gvirt_qemu_socket_path (self, name);
  g_autofree char *state_path = _gvirt_qemu_runtime_path (self, name, ".json");
  g_autofree char *xml_path = _gvirt_qemu_runtime_path (self, name, ".xml");
  g_autofree char *log_path = _gvirt_qemu_runtime_path (self, name, ".log");
  g_autofree char *pid_path = _gvirt_qemu_runtime_path (self, name, ".pid");
  g_autoptr(GVirtDomainConfig) live = gvirt_domain_config_copy (config);
  g_autoptr(GVirtDomainGraphics) vnc = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  g_auto(GStrv) qemu_argv = NULL;
  g_autofree char *live_xml = NULL;
  g_autoptr(GString) status = g_string_new (NULL);
  g_autoptr(GPtrArray) channel_paths = NULL;
  GVirtQemuCommandContext ctx = { 0 };
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  socklen_t alen;
  g_autofree char *lock_path = _gvirt_qemu_runtime_path (self, name, ".lock");
  g_autofree char *stopped_path = _gvirt_qemu_runtime_path (self, name, ".stopped");
  int qmp_listen = -1, qmp_conn = -1, client_listen = -1, pipefd[2] = { -1, -1 };
  int lock_fd;
  gboolean held;
  gint64 deadline;

  lock_fd = lock_domain (self, name, &held, error);
  if (lock_fd < 0)
    {
      if (held)
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                     _("Domain “%s” is already running (or being started by another client)."), name);
      return FALSE;
    }
  /* Whatever is left beside the lock was a VM that died with its monitor. */
  remove_stale_files (self, name);

  ctx.emulator = gvirt_domain_config_get_emulator (config) != NULL ?
                 gvirt_domain_config_get_emulator (config) : self->emulator;
  ctx.qmp_fd = 3;
  ctx.runtime_dir = self->dirs.runtime_dir;
  ctx.pid_file = pid_path;
  ctx.kvm_available = self->kvm;
  ctx.incoming_defer = incoming;
  ctx.start_paused = incoming;
  vnc = autoport_vnc (live);
  if (vnc != NULL)
    {
      /* The live XML tells clients where the display is. */
      ctx.vnc_port = allocate_vnc_port ();
      if (ctx.vnc_port == 0)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                       _("Domain “%s” wants a VNC display, but no port from 5900 to 5999 is free."), name);
          goto fail;
        }
      gvirt_domain_graphics_set_port (vnc, ctx.vnc_port);
    }
  if (!g_file_test (ctx.emulator, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” needs the emulator “%s”, which does not exist or cannot run."),
                   name, ctx.emulator);
      goto fail;
    }
  qemu_argv = gvirt_qemu_command_build (config, &ctx, error);
  if (qemu_argv == NULL)
    goto fail;
  channel_paths = fill_channel_paths (self, live);

  /* QMP: a listening socket QEMU serves (fd 3) and the monitor's connection to it (fd 4). */
  qmp_listen = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (qmp_listen < 0 || bind (qmp_listen, (struct sockaddr *) &addr, sizeof (sa_family_t)) < 0 ||
      listen (qmp_listen, 1) < 0)
    goto sys_error;
  alen = sizeof addr;
  if (getsockname (qmp_listen, (struct sockaddr *) &addr, &alen) < 0)
    goto sys_error;
  qmp_conn = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (qmp_conn < 0 || connect (qmp_conn, (struct sockaddr *) &addr, alen) < 0)
    goto sys_error;

  /* The clients' socket, bound before the monitor runs, so it answers at once. */
  {
    struct sockaddr_un caddr = { .sun_family = AF_UNIX };

    if (strlen (sock_path) >= sizeof caddr.sun_path)
      {
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                     _("The runtime directory path “%s” is too long for a socket."), self->dirs.runtime_dir);
        goto fail;
      }
    strcpy (caddr.sun_path, sock_path);
    g_unlink (sock_path);
    client_listen = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (client_listen < 0 || bind (client_listen, (struct sockaddr *) &caddr, sizeof caddr) < 0 ||
        listen (client_listen, 16) < 0)
      goto sys_error;
  }
  if (!g_unix_open_pipe (pipefd, FD_CLOEXEC, NULL))
    goto sys_error;

  live_xml = gvirt_domain_config_to_xml (live);
  if (!_gvirt_backend_write_file (xml_path, live_xml, -1, 0600, GVIRT_BACKEND_SYNC_NONE, error))
    goto fail;

  argv = g_ptr_array_new ();
  g_ptr_array_add (argv, self->monitor_path);
  g_ptr_array_add (argv, "--state");
  g_ptr_array_add (argv, state_path);
  g_ptr_array_add (argv, "--socket");
  g_ptr_array_add (argv, sock_path);
  g_ptr_array_add (argv, "--xml");
  g_ptr_array_add (argv, xml_path);
  g_ptr_array_add (argv, "--log");
  g_ptr_array_add (argv, log_path);
  g_ptr_array_add (argv, "--cleanup");
  g_ptr_array_add (argv, pid_path);
  for (guint i = 0; i < channel_paths->len; i++)
    {
      g_ptr_array_add (argv, "--cleanup");
      g_ptr_array_add (argv, g_ptr_array_index (channel_paths, i));
    }
  g_ptr_array_add (argv, "--lock");
  g_ptr_array_add (argv, lock_path);
  g_ptr_array_add (argv, "--stopped");
  g_ptr_array_add (argv, stopped_path);
  g_ptr_array_add (argv, "--uuid");
  g_ptr_array_add (argv, (char *) uuid);
  g_ptr_array_add (argv, "--name");
  g_ptr_array_add (argv, (char *) name);
  g_ptr_array_add (argv, "--journal");
  g_ptr_array_add (argv, self->journal.path);
  g_ptr_array_add (argv, "--");
  for (char **a = qemu_argv; *a != NULL; a++)
    g_ptr_array_add (argv, *a);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_INHERIT);
  g_subprocess_launcher_set_cwd (launcher, "/");
  g_subprocess_launcher_take_fd (launcher, qmp_listen, 3);
  g_subprocess_launcher_take_fd (launcher, qmp_conn, 4);
  g_subprocess_launcher_take_fd (launcher, client_listen, 5);
  g_subprocess_launcher_take_fd (launcher, pipefd[1], 6);
  g_subprocess_launcher_take_fd (launcher, lock_fd, 7);   /* the monitor holds the lock now */
  qmp_listen = qmp_conn = client_listen = pipefd[1] = lock_fd = -1;
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
  g_clear_object (&launcher);   /* closes our copies of the passed fds */
  if (proc == NULL)
    goto fail;
  /* The monitor forks once more and exits: reap that first process now. */
  g_subprocess_wait (proc, NULL, NULL);

  /* "READY <pid>" or "FAILED <message>" (one line), or end of file if the
   * monitor died. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (strchr (status->str, '\n') == NULL)
    {
      char buf[512];
      ssize_t n;
      GPollFD pfd = { pipefd[0], G_IO_IN, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;

      if (left <= 0 || g_poll (&pfd, 1, left) <= 0)
        break;
      n = read (pipefd[0], buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (status, buf, n);
    }

  if (!g_str_has_prefix (status->str, "READY "))
    {
      g_strstrip (status->str);
      if (g_str_has_prefix (status->str, "FAILED "))
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                     _("Domain “%s” did not start: %s"), name, status->str + strlen ("FAILED "));
      else
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                     _("Domain “%s” did not start: its monitor process gave no answer."), name);
      close (pipefd[0]);
      /* A monitor that failed cleans up after itself; one that died cannot. */
      _gvirt_qemu_clean_if_stale (self, name);
      return FALSE;
    }
  out->qemu_pid = atoi (status->str + strlen ("READY "));
  /* Held until the VM is announced: if this process dies first, the
   * monitor sees the pipe close and takes QEMU down. */
  out->status_fd = pipefd[0];
  pipefd[0] = -1;

  out->journaled = TRUE;
  out->mon = gvirt_qemu_monitor_client_connect (sock_path, uuid, self->context, _gvirt_qemu_on_mon_event, self, error);
  if (out->mon == NULL)
    {
      /* Cannot happen unless someone removed the socket: do not leave QEMU
       * behind (its monitor then cleans up and exits). */
      kill (out->qemu_pid, SIGKILL);
      return FALSE;
    }
  /* The ptys QEMU allocated go into the live XML before anyone else sees it. */
  if (record_ptys (out->mon, live))
    {
      g_free (live_xml);
      live_xml = gvirt_domain_config_to_xml (live);
      _gvirt_backend_write_file (xml_path, live_xml, -1, 0600, GVIRT_BACKEND_SYNC_NONE, NULL);
    }
  out->live = g_steal_pointer (&live);
  return TRUE;

sys_error:
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
               _("Cannot set up the sockets for domain “%s”: %s"), name, g_strerror (errno));
fail:
  if (qmp_listen >= 0) close (qmp_listen);
  if (qmp_conn >= 0) close (qmp_conn);
  if (client_listen >= 0) close (client_listen);
  if (pipefd[0] >= 0) close (pipefd[0]);
  if (pipefd[1] >= 0) close (pipefd[1]);
  if (lock_fd >= 0)
    {
      /* Not handed to a monitor yet: nothing of this start exists but ours. */
      g_unlink (sock_path);
      g_unlink (xml_path);
      unlock_domain (self, name, lock_fd);
    }
  return FALSE;
}

/* The start is complete: the monitor writes the state file that other
 * clients _gvirt_qemu_attach on (until then they do not see the VM, and a starter that
 * goes away takes it with it). */
gboolean
_gvirt_qemu_announce_started (GVirtQemuMonitorClient *mon,
                              gint          reason,
                              gboolean      paused,
                              gboolean      transient,
                              GError      **error)
{
  JsonObject *args = json_object_new ();
  g_autoptr(JsonNode) ret = NULL;

  json_object_set_string_member (args, "reason",
                                 reason == GVIRT_DOMAIN_STARTED_RESTORED ? "restored" : "booted");
  json_object_set_boolean_member (args, "paused", paused);
  json_object_set_boolean_member (args, "transient", transient);
  ret = gvirt_qemu_monitor_client_command (mon, GVIRT_QEMU_CMD_STARTED, args, NULL, 5000, NULL, error);
  return ret != NULL;
}

/* Lock held. Makes @mon the domain's monitor; handles an exit that came first. */
void
_gvirt_qemu_attach (GVirtQemuBackend *self,
                    QemuDomain       *dom,
                    Launched         *l,
                    GVirtDomainState  state,
                    gint              started_reason,
                    gboolean          report)
{
  g_autofree char *reason = NULL;

  g_set_object (&dom->live, l->live);
  dom->mon = gvirt_qemu_monitor_client_ref (l->mon);
  dom->id = l->qemu_pid;
  dom->state = state;
  dom->state_reason = l->reason != GVIRT_DOMAIN_STATE_REASON_UNKNOWN ? l->reason :
                      _gvirt_state_reason_for_event (GVIRT_DOMAIN_EVENT_STARTED, started_reason, dom->state_reason);
  dom->busy = FALSE;
  dom->journaled = l->journaled;
  if (report && dom->journaled)
    _gvirt_qemu_journal_catch_up (self);   /* its monitor journaled the start before saying so */
  else if (report)
    {
      if (!dom->announced)
        _gvirt_qemu_queue_event (self, GVIRT_DOMAIN_EVENT_DEFINED, 0, dom);
      _gvirt_qemu_queue_event (self, GVIRT_DOMAIN_EVENT_STARTED, started_reason, dom);
    }
  dom->announced = TRUE;
  if (gvirt_qemu_monitor_client_has_exited (l->mon, &reason))
    _gvirt_qemu_domain_stopped (self, dom, reason, report);
}

void
_gvirt_qemu_launched_clear (Launched *l)
{
  if (l->mon != NULL)
    gvirt_qemu_monitor_client_unref (l->mon);
  g_clear_object (&l->live);
  if (l->status_fd >= 0)
    close (l->status_fd);
  l->status_fd = -1;
}

/* Kills a launched VM that we will not keep (a failed restore). */
void
_gvirt_qemu_launched_destroy (Launched *l)
{
  g_autoptr(JsonNode) r = gvirt_qemu_monitor_client_command (l->mon, GVIRT_QEMU_CMD_DESTROY, NULL, NULL, 5000, NULL, NULL);
  gvirt_qemu_monitor_client_wait_exit (l->mon, 5000, NULL, NULL);
  gvirt_qemu_monitor_client_close (l->mon);
}

/* Re-attach to a VM another process (or an earlier run) started. @emit: report it. */
void
_gvirt_qemu_attach_running (GVirtQemuBackend *self,
                            const char       *json_path,
                            gboolean          emit)
{
  g_autofree char *base = g_path_get_basename (json_path);
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".json"));
  g_autofree char *xml_path = _gvirt_qemu_runtime_path (self, stem, ".xml");
  g_autoptr(GError) error = NULL;
  Launched l = GVIRT_QEMU_LAUNCHED_INIT;
  RuntimeState st;
  QemuDomain *dom;
  GVirtDomainState state = GVIRT_DOMAIN_STATE_NOSTATE;
  gboolean attached = FALSE;
  const char *name;

  if (!read_runtime_state (json_path, &st))
    return;   /* gone already */
  /* The name comes from the state file, which must be the one of its name. */
  name = st.name;
  if (!_gvirt_qemu_name_has_stem (name, stem))
    goto out;
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->names, name);
  if (dom != NULL && (dom->busy || _gvirt_qemu_domain_active (dom)))
    {
      g_mutex_unlock (&self->lock);
      goto out;
    }
  g_mutex_unlock (&self->lock);

  /* The lock tells whether a monitor still lives; the pid must still be
   * that domain's QEMU, not a recycled one. */
  if (_gvirt_qemu_clean_if_stale (self, name))
    {
      /* Its monitor died with it: the reason cleaning up recorded. */
      g_mutex_lock (&self->lock);
      dom = g_hash_table_lookup (self->domains, st.uuid);
      if (dom != NULL && !dom->busy && !_gvirt_qemu_domain_active (dom))
        {
          dom->state_reason = _gvirt_qemu_read_stopped_reason (self, name, st.uuid);
          if (emit)
            _gvirt_qemu_queue_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
        }
      _gvirt_event_queue_unlock_and_emit_nowait (self->events);
      goto out;
    }
  if (!pid_is_qemu_for (st.qemu_pid, st.uuid))
    goto out;
  l.mon = gvirt_qemu_monitor_client_connect (st.socket, st.uuid, self->context, _gvirt_qemu_on_mon_event, self, &error);
  if (l.mon == NULL)
    {
      g_debug ("Monitor of “%s” does not answer: %s", name, error->message);
      goto out;
    }
  l.live = _gvirt_qemu_load_config_file (xml_path, NULL);
  l.qemu_pid = st.qemu_pid;
  l.journaled = st.journaled;
  if (l.live == NULL || !query_state (l.mon, l.live, &state, &l.reason))
    goto out;

  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, st.uuid);
  if ((dom != NULL && (dom->busy || _gvirt_qemu_domain_active (dom))) ||
      (dom == NULL && g_hash_table_contains (self->names, name)))
    {
      /* attached meanwhile, or another domain has that name here */
      g_mutex_unlock (&self->lock);
      goto out;
    }
  if (dom == NULL)
    {
      dom = _gvirt_qemu_add_domain (self, st.uuid, name);
      dom->announced = !emit;
    }
  _gvirt_qemu_attach (self, dom, &l, state, st.start_reason, emit);
  attached = TRUE;
  _gvirt_event_queue_unlock_and_emit_nowait (self->events);

out:
  if (l.mon != NULL && !attached)
    gvirt_qemu_monitor_client_close (l.mon);
  _gvirt_qemu_launched_clear (&l);
  runtime_state_clear (&st);
}
