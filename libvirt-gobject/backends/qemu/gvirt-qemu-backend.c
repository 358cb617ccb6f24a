/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtQemuBackend: QEMU processes under QMP, kept by per-VM monitor processes, loaded as the "qemu" GIO module. */
#include "config.h"

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
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
#include <json-glib/json-glib.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "libvirt-gobject/config/gvirt-domain-chardev.h"
#include "libvirt-gobject/config/gvirt-domain-graphics.h"
#include "gvirt-qemu-backend.h"
#include "gvirt-qemu-caps-private.h"
#include "gvirt-qemu-command-private.h"
#include "gvirt-qemu-monitor-client-private.h"
#include "gvirt-qemu-protocol-private.h"

/*
 * Layout of a node (qemu:///session, qemu:///system or ?root=DIR):
 *
 *   CONFIG/NAME.xml           persistent definitions (temp + fsync + rename)
 *   CONFIG/autostart/NAME.xml symlinks: the domains that start with the node
 *   RUNTIME/NAME.lock         flock()ed by the VM's monitor for its whole life
 *   RUNTIME/NAME.json         a running VM: pids, socket, start time (its monitor writes it)
 *   RUNTIME/NAME.sock         the VM's monitor socket (newline-delimited JSON)
 *   RUNTIME/NAME.xml          the live definition
 *   RUNTIME/NAME.log          QEMU's stdout/stderr
 *   RUNTIME/boot-id           the boot the autostart domains were started for
 *   STATE/capabilities/…      probed machine types, keyed by emulator path and mtime
 *
 * Every running VM has a gvirt-qemu-monitor process (see gvirt-qemu-monitor.c),
 * detached from the application and parent of QEMU. Each connection, in any
 * process, keeps one socket to each running VM's monitor: commands go out on
 * it, QMP events and the monitor's final GVIRT_EXITED come back on it, read
 * on this backend's private thread. GFileMonitors (inotify) on CONFIG and
 * RUNTIME show other processes' defines, undefines and starts. Nothing polls.
 *
 * One mutex guards the domain table. Events are collected under it and
 * emitted after it is released.
 */

#define SAVE_MAGIC "GVirtQemuSave01"   /* 15 chars + NUL = 16 bytes */
#define SAVE_HEADER_SIZE 64
#define QEMU_STREAM_MAGIC "QEVM"

typedef struct {
  char              *uuid;
  char              *name;        /* fixed for the entry's life: a rename is a new domain */
  GVirtDomainConfig *config;      /* persistent definition, NULL when transient */
  GVirtDomainConfig *live;        /* while active */
  GVirtDomainState   state;
  gint               id;          /* QEMU's pid while active, else -1 */
  gboolean           autostart;
  gboolean           busy;        /* being started or restored by this backend */
  gboolean           saving;      /* a save is stopping it: no "suspended" for that */
  gboolean           announced;   /* a DEFINED event went out (or it was listed) */
  GVirtQemuMonitorClient      *mon;         /* while active */
} QemuDomain;

typedef struct {
  gint               kind;
  gint               reason;
  GVirtDomainRecord *record;
} PendingEvent;

struct _GVirtQemuBackend
{
  GObject parent_instance;

  GMutex         lock;
  gboolean       is_open;
  gboolean       read_only;
  char          *config_dir;
  char          *autostart_dir;
  char          *runtime_dir;
  char          *state_dir;
  char          *emulator;
  char          *monitor_path;
  gboolean       kvm;

  GHashTable    *domains;        /* uuid → QemuDomain (owned) */
  GHashTable    *names;          /* name → QemuDomain */
  GVirtCapabilities *caps;

  GMainContext  *context;
  gint           stopping;       /* atomic: the private thread is to end */
  GThread       *thread;
  GFileMonitor  *config_monitor;
  GFileMonitor  *runtime_monitor;
  GFileMonitor  *autostart_monitor;
  GThreadPool   *attach_pool;    /* one thread: attaches to VMs others started */
};

static void gvirt_qemu_backend_iface_init (GVirtBackendInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (GVirtQemuBackend, gvirt_qemu_backend, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (GVIRT_TYPE_BACKEND,
                                                               gvirt_qemu_backend_iface_init))

/* ---- Domains and events ----------------------------------------------------- */

static const char *
domain_name (const QemuDomain *dom)
{
  return dom->name;
}

static gboolean
domain_active (const QemuDomain *dom)
{
  return dom->mon != NULL;
}

static void
qemu_domain_free (gpointer data)
{
  QemuDomain *dom = data;

  if (dom->mon != NULL)
    {
      gvirt_qemu_monitor_client_close (dom->mon);
      gvirt_qemu_monitor_client_unref (dom->mon);
    }
  g_clear_object (&dom->config);
  g_clear_object (&dom->live);
  g_free (dom->uuid);
  g_free (dom->name);
  g_free (dom);
}

static GVirtDomainRecord *
domain_record (const QemuDomain *dom)
{
  GVirtDomainRecord *r = gvirt_domain_record_new (dom->uuid, domain_name (dom));

  r->id = dom->id;
  r->state = dom->state;
  r->persistent = dom->config != NULL;
  r->autostart = dom->autostart;
  return r;
}

static void
queue_event (GPtrArray        *events,
             gint              kind,
             gint              reason,
             const QemuDomain *dom)
{
  PendingEvent *ev = g_new0 (PendingEvent, 1);

  ev->kind = kind;
  ev->reason = reason;
  ev->record = domain_record (dom);
  g_ptr_array_add (events, ev);
}

static void
pending_event_free (gpointer data)
{
  PendingEvent *ev = data;

  gvirt_domain_record_free (ev->record);
  g_free (ev);
}

static GPtrArray *
events_new (void)
{
  return g_ptr_array_new_with_free_func (pending_event_free);
}

/* Releases the lock, then reports the events in order. */
static void
unlock_and_emit (GVirtQemuBackend *self,
                 GPtrArray        *events)
{
  g_mutex_unlock (&self->lock);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      PendingEvent *ev = g_ptr_array_index (events, i);
      gvirt_backend_emit_domain_event (GVIRT_BACKEND (self), ev->kind, ev->reason, ev->record);
    }
  if (events != NULL)
    g_ptr_array_unref (events);
}

/* Lock held: a new, inactive entry, indexed by UUID and name. */
static QemuDomain *
add_domain (GVirtQemuBackend *self,
            const char       *uuid,
            const char       *name)
{
  QemuDomain *dom = g_new0 (QemuDomain, 1);

  dom->uuid = g_strdup (uuid);
  dom->name = g_strdup (name);
  dom->state = GVIRT_DOMAIN_STATE_SHUTOFF;
  dom->id = -1;
  g_hash_table_insert (self->domains, dom->uuid, dom);
  g_hash_table_insert (self->names, dom->name, dom);
  return dom;
}

/* Lock held: forgets (and frees) @dom. */
static void
remove_domain (GVirtQemuBackend *self,
               QemuDomain       *dom)
{
  g_hash_table_remove (self->names, dom->name);
  g_hash_table_remove (self->domains, dom->uuid);
}

static QemuDomain *
lookup_domain (GVirtQemuBackend *self,
               const char       *uuid,
               GError          **error)
{
  QemuDomain *dom = g_hash_table_lookup (self->domains, uuid);

  /* A transient domain being created is nobody's to see until it runs. */
  if (dom != NULL && dom->config == NULL && dom->live == NULL)
    dom = NULL;
  if (dom == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_DOMAIN,
                 _("No domain has the UUID “%s”."), uuid);
  return dom;
}

static const char *
state_name (GVirtDomainState state)
{
  switch (state)
    {
    case GVIRT_DOMAIN_STATE_RUNNING: return "running";
    case GVIRT_DOMAIN_STATE_PAUSED: return "paused";
    case GVIRT_DOMAIN_STATE_SHUTDOWN: return "being shut down";
    case GVIRT_DOMAIN_STATE_SHUTOFF: return "shut off";
    case GVIRT_DOMAIN_STATE_CRASHED: return "crashed";
    default: return "in no state";
    }
}

static gboolean
check_writable (GVirtQemuBackend *self,
                GError          **error)
{
  if (self->read_only)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY,
                   _("The connection is read-only."));
      return FALSE;
    }
  return TRUE;
}

/* The entry of @uuid with the backend lock held, or %NULL with the lock
 * released and @error set (unknown domain, or @writes on a read-only
 * connection). */
static QemuDomain *
lock_entry (GVirtQemuBackend *self,
            const char       *uuid,
            gboolean          writes,
            GError          **error)
{
  QemuDomain *dom;

  if (writes && !check_writable (self, error))
    return NULL;
  g_mutex_lock (&self->lock);
  dom = lookup_domain (self, uuid, error);
  if (dom == NULL)
    g_mutex_unlock (&self->lock);
  return dom;
}

/* The domain, active, with a reference to its monitor; backend lock not held after. */
static GVirtQemuMonitorClient *
active_mon (GVirtQemuBackend *self,
            const char       *uuid,
            gboolean          need_write,
            GError          **error)
{
  QemuDomain *dom;
  GVirtQemuMonitorClient *mon = NULL;

  dom = lock_entry (self, uuid, need_write, error);
  if (dom == NULL)
    return NULL;
  if (!domain_active (dom))
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                 _("Domain “%s” is not running."), domain_name (dom));
  else
    mon = gvirt_qemu_monitor_client_ref (dom->mon);
  g_mutex_unlock (&self->lock);
  return mon;
}

static gint
stopped_reason (const char *reason)
{
  if (g_strcmp0 (reason, GVIRT_QEMU_EXIT_SHUTDOWN) == 0)
    return GVIRT_DOMAIN_STOPPED_SHUTDOWN;
  if (g_strcmp0 (reason, GVIRT_QEMU_EXIT_DESTROYED) == 0)
    return GVIRT_DOMAIN_STOPPED_DESTROYED;
  if (g_strcmp0 (reason, GVIRT_QEMU_EXIT_SAVED) == 0)
    return GVIRT_DOMAIN_STOPPED_SAVED;
  if (g_strcmp0 (reason, GVIRT_QEMU_EXIT_FAILED) == 0)
    return GVIRT_DOMAIN_STOPPED_FAILED;
  return GVIRT_DOMAIN_STOPPED_CRASHED;
}

/* Lock held: the domain's QEMU is gone. */
static void
domain_stopped (GVirtQemuBackend *self,
                QemuDomain       *dom,
                const char       *reason,
                GPtrArray        *events)
{
  GVirtQemuMonitorClient *mon = g_steal_pointer (&dom->mon);

  dom->state = GVIRT_DOMAIN_STATE_SHUTOFF;
  dom->id = -1;
  dom->saving = FALSE;
  queue_event (events, GVIRT_DOMAIN_EVENT_STOPPED, stopped_reason (reason), dom);
  if (dom->config == NULL)
    {
      queue_event (events, GVIRT_DOMAIN_EVENT_UNDEFINED, 0, dom);
      remove_domain (self, dom);
    }
  else
    g_clear_object (&dom->live);
  if (mon != NULL)
    {
      gvirt_qemu_monitor_client_close (mon);
      gvirt_qemu_monitor_client_unref (mon);
    }
}

/* On the private thread: an event from some VM's monitor. */
static void
on_mon_event (GVirtQemuMonitorClient *mon,
              const char   *event,
              JsonObject   *data,
              gpointer      user_data)
{
  GVirtQemuBackend *self = user_data;
  g_autoptr(GPtrArray) events = events_new ();
  QemuDomain *dom;

  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, gvirt_qemu_monitor_client_get_uuid (mon));
  if (dom == NULL || dom->mon != mon)
    {
      /* not attached yet (starting): the starter reads the state itself */
      g_mutex_unlock (&self->lock);
      return;
    }

  if (g_str_equal (event, "STOP"))
    {
      if (!dom->saving && dom->state != GVIRT_DOMAIN_STATE_PAUSED)
        {
          dom->state = GVIRT_DOMAIN_STATE_PAUSED;
          queue_event (events, GVIRT_DOMAIN_EVENT_SUSPENDED, GVIRT_DOMAIN_SUSPENDED_PAUSED, dom);
        }
    }
  else if (g_str_equal (event, "RESUME"))
    {
      if (dom->state != GVIRT_DOMAIN_STATE_RUNNING)
        {
          dom->state = GVIRT_DOMAIN_STATE_RUNNING;
          queue_event (events, GVIRT_DOMAIN_EVENT_RESUMED, GVIRT_DOMAIN_RESUMED_UNPAUSED, dom);
        }
    }
  else if (g_str_equal (event, "POWERDOWN"))
    {
      dom->state = GVIRT_DOMAIN_STATE_SHUTDOWN;
      queue_event (events, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
    }
  else if (g_str_equal (event, "BALLOON_CHANGE") && dom->live != NULL)
    {
      gint64 actual = json_object_get_int_member_with_default (data, "actual", 0);
      if (actual > 0)
        gvirt_domain_config_set_current_memory (dom->live, actual / 1024);
    }
  else if (g_str_equal (event, GVIRT_QEMU_EVENT_EXITED))
    {
      domain_stopped (self, dom,
                      json_object_get_string_member_with_default (data, "reason", "crashed"),
                      events);
    }
  unlock_and_emit (self, g_steal_pointer (&events));
}

/* ---- Files ------------------------------------------------------------------ */

static char *
config_path (GVirtQemuBackend *self, const char *name)
{
  g_autofree char *file = g_strconcat (name, ".xml", NULL);
  return g_build_filename (self->config_dir, file, NULL);
}

static char *
autostart_path (GVirtQemuBackend *self, const char *name)
{
  g_autofree char *file = g_strconcat (name, ".xml", NULL);
  return g_build_filename (self->autostart_dir, file, NULL);
}

static char *
runtime_path (GVirtQemuBackend *self, const char *name, const char *ext)
{
  g_autofree char *file = g_strconcat (name, ext, NULL);
  return g_build_filename (self->runtime_dir, file, NULL);
}

/* Temp file + rename: a crash leaves the old or the new file, never a torn
 * one. @durable adds the fsync()s that make it survive a power cut too, for
 * definitions; runtime files die with the boot anyway. */
static gboolean
write_file (const char *path,
            const char *text,
            gboolean    durable,
            GError    **error)
{
  g_autoptr(GError) local = NULL;
  GFileSetContentsFlags flags = G_FILE_SET_CONTENTS_CONSISTENT;

  if (durable)
    flags |= G_FILE_SET_CONTENTS_DURABLE;
  if (!g_file_set_contents_full (path, text, -1, flags, 0600, &local))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
valid_name (const char *name)
{
  return name != NULL && *name != '\0' && *name != '.' && strchr (name, '/') == NULL &&
         strlen (name) < 80;
}

static GVirtDomainConfig *
load_config_file (const char *path,
                  GError    **error)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  return gvirt_domain_config_new_from_xml (text, error);
}

/* ---- Monitor process -------------------------------------------------------- */

static char *
find_monitor_binary (void)
{
  const char *env = g_getenv ("GVIRT_QEMU_MONITOR");
  Dl_info info;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  /* The uninstalled tree: qemu/gvirt-qemu-monitor beside this module. */
  if (dladdr ((void *) find_monitor_binary, &info) && info.dli_fname != NULL)
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
  const char *exts[] = { ".json", ".sock", ".xml", ".log", ".pid", NULL };

  for (const char **e = exts; *e != NULL; e++)
    {
      g_autofree char *p = runtime_path (self, name, *e);
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
  g_autofree char *path = runtime_path (self, name, ".lock");

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

/* With the lock held: the files of a VM whose monitor is gone. QEMU went
 * with it (its parent-death signal), unless it was caught in between. */
static void
remove_stale_files (GVirtQemuBackend *self,
                    const char       *name)
{
  g_autofree char *state_path = runtime_path (self, name, ".json");
  RuntimeState st;

  if (read_runtime_state (state_path, &st))
    {
      if (pid_is_qemu_for (st.qemu_pid, st.uuid))
        kill (st.qemu_pid, SIGKILL);
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
  g_autofree char *path = runtime_path (self, name, ".lock");

  g_unlink (path);
  close (fd);
}

/* Removes the runtime files of @name if no monitor holds its lock; returns
 * whether it was stale. */
static gboolean
clean_if_stale (GVirtQemuBackend *self,
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

static gboolean
unexpected_answer (const char *command,
                   GError    **error)
{
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
               _("QEMU answered “%s” with something this backend does not understand."), command);
  return FALSE;
}

/* Element @i of a QMP answer's array, or %NULL if it is not an object. */
static JsonObject *
element_object (JsonArray *array,
                guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
query_running (GVirtQemuMonitorClient *mon, GVirtDomainState *state, GError **error)
{
  g_autoptr(JsonNode) ret = gvirt_qemu_monitor_client_command (mon, "query-status", NULL, NULL, 5000, error);
  JsonObject *o;

  if (ret == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (ret))
    return unexpected_answer ("query-status", error);
  o = json_node_get_object (ret);
  *state = json_object_get_boolean_member_with_default (o, "running", FALSE) ?
           GVIRT_DOMAIN_STATE_RUNNING : GVIRT_DOMAIN_STATE_PAUSED;
  return TRUE;
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

  ret = gvirt_qemu_monitor_client_command (mon, "query-chardev", NULL, NULL, 5000, NULL);
  if (ret == NULL || !JSON_NODE_HOLDS_ARRAY (ret))
    return FALSE;
  arr = json_node_get_array (ret);
  for (guint j = 0; j < json_array_get_length (arr); j++)
    {
      JsonObject *c = element_object (arr, j);
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

typedef struct {
  GVirtQemuMonitorClient      *mon;
  GVirtDomainConfig *live;
  pid_t              qemu_pid;
} Launched;

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
static gboolean
launch (GVirtQemuBackend  *self,
        GVirtDomainConfig *config,
        gboolean           incoming,
        Launched          *out,
        GError           **error)
{
  const char *name = gvirt_domain_config_get_name (config);
  const char *uuid = gvirt_domain_config_get_uuid (config);
  g_autofree char *sock_path = runtime_path (self, name, ".sock");
  g_autofree char *state_path = runtime_path (self, name, ".json");
  g_autofree char *xml_path = runtime_path (self, name, ".xml");
  g_autofree char *log_path = runtime_path (self, name, ".log");
  g_autofree char *pid_path = runtime_path (self, name, ".pid");
  g_autoptr(GVirtDomainConfig) live = gvirt_domain_config_copy (config);
  g_autoptr(GVirtDomainGraphics) vnc = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  g_auto(GStrv) qemu_argv = NULL;
  g_autofree char *live_xml = NULL;
  g_autoptr(GString) status = g_string_new (NULL);
  GVirtQemuCommandContext ctx = { 0 };
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  socklen_t alen;
  g_autofree char *lock_path = runtime_path (self, name, ".lock");
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
  ctx.runtime_dir = self->runtime_dir;
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
                     _("The runtime directory path “%s” is too long for a socket."), self->runtime_dir);
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
  if (!write_file (xml_path, live_xml, FALSE, error))
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
  g_ptr_array_add (argv, "--lock");
  g_ptr_array_add (argv, lock_path);
  g_ptr_array_add (argv, "--uuid");
  g_ptr_array_add (argv, (char *) uuid);
  g_ptr_array_add (argv, "--name");
  g_ptr_array_add (argv, (char *) name);
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

  /* "READY <pid>" or "FAILED <message>", or end of file if the monitor died. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  for (;;)
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
  close (pipefd[0]);
  pipefd[0] = -1;

  if (!g_str_has_prefix (status->str, "READY "))
    {
      g_strstrip (status->str);
      if (g_str_has_prefix (status->str, "FAILED "))
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                     _("Domain “%s” did not start: %s"), name, status->str + strlen ("FAILED "));
      else
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                     _("Domain “%s” did not start: its monitor process gave no answer."), name);
      /* A monitor that failed cleans up after itself; one that died cannot. */
      clean_if_stale (self, name);
      return FALSE;
    }
  out->qemu_pid = atoi (status->str + strlen ("READY "));

  out->mon = gvirt_qemu_monitor_client_connect (sock_path, uuid, self->context, on_mon_event, self, error);
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
      write_file (xml_path, live_xml, FALSE, NULL);
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
 * clients attach on (until then they do not see the VM, and a starter that
 * goes away takes it with it). */
static gboolean
announce_started (GVirtQemuMonitorClient *mon,
                  gint          reason,
                  GError      **error)
{
  JsonObject *args = json_object_new ();
  g_autoptr(JsonNode) ret = NULL;

  json_object_set_string_member (args, "reason",
                                 reason == GVIRT_DOMAIN_STARTED_RESTORED ? "restored" : "booted");
  ret = gvirt_qemu_monitor_client_command (mon, GVIRT_QEMU_CMD_STARTED, args, NULL, 5000, error);
  return ret != NULL;
}

/* Lock held. Makes @mon the domain's monitor; handles an exit that came first. */
static void
attach (GVirtQemuBackend *self,
        QemuDomain       *dom,
        Launched         *l,
        GVirtDomainState  state,
        gint              started_reason,
        GPtrArray        *events)
{
  g_autofree char *reason = NULL;

  g_set_object (&dom->live, l->live);
  dom->mon = gvirt_qemu_monitor_client_ref (l->mon);
  dom->id = l->qemu_pid;
  dom->state = state;
  dom->busy = FALSE;
  if (!dom->announced)
    {
      dom->announced = TRUE;
      queue_event (events, GVIRT_DOMAIN_EVENT_DEFINED, 0, dom);
    }
  queue_event (events, GVIRT_DOMAIN_EVENT_STARTED, started_reason, dom);
  if (gvirt_qemu_monitor_client_has_exited (l->mon, &reason))
    domain_stopped (self, dom, reason, events);
}

static void
launched_clear (Launched *l)
{
  if (l->mon != NULL)
    gvirt_qemu_monitor_client_unref (l->mon);
  g_clear_object (&l->live);
}

/* Kills a launched VM that we will not keep (a failed restore). */
static void
launched_destroy (Launched *l)
{
  g_autoptr(JsonNode) r = gvirt_qemu_monitor_client_command (l->mon, GVIRT_QEMU_CMD_DESTROY, NULL, NULL, 5000, NULL);
  gvirt_qemu_monitor_client_wait_exit (l->mon, 5000, NULL);
  gvirt_qemu_monitor_client_close (l->mon);
}

/* Re-attach to a VM another process (or an earlier run) started. @emit: report it. */
static void
attach_running (GVirtQemuBackend *self,
                const char       *json_path,
                gboolean          emit)
{
  g_autoptr(GPtrArray) events = events_new ();
  g_autofree char *base = g_path_get_basename (json_path);
  g_autofree char *name = g_strndup (base, strlen (base) - strlen (".json"));
  g_autofree char *xml_path = runtime_path (self, name, ".xml");
  g_autoptr(GError) error = NULL;
  Launched l = { 0 };
  RuntimeState st;
  QemuDomain *dom;
  GVirtDomainState state;
  gboolean attached = FALSE;

  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->names, name);
  if (dom != NULL && (dom->busy || domain_active (dom)))
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  g_mutex_unlock (&self->lock);

  if (!read_runtime_state (json_path, &st))
    return;   /* gone already */
  /* The lock tells whether a monitor still lives; the pid must still be
   * that domain's QEMU, not a recycled one. */
  if (clean_if_stale (self, name) || !pid_is_qemu_for (st.qemu_pid, st.uuid))
    goto out;
  l.mon = gvirt_qemu_monitor_client_connect (st.socket, st.uuid, self->context, on_mon_event, self, &error);
  if (l.mon == NULL)
    {
      g_debug ("Monitor of “%s” does not answer: %s", name, error->message);
      goto out;
    }
  l.live = load_config_file (xml_path, NULL);
  l.qemu_pid = st.qemu_pid;
  if (l.live == NULL || !query_running (l.mon, &state, NULL))
    goto out;

  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, st.uuid);
  if ((dom != NULL && (dom->busy || domain_active (dom))) ||
      (dom == NULL && g_hash_table_contains (self->names, name)))
    {
      /* attached meanwhile, or another domain has that name here */
      g_mutex_unlock (&self->lock);
      goto out;
    }
  if (dom == NULL)
    {
      dom = add_domain (self, st.uuid, name);
      dom->announced = !emit;
    }
  attach (self, dom, &l, state, st.start_reason, events);
  attached = TRUE;
  if (!emit)
    g_ptr_array_set_size (events, 0);
  unlock_and_emit (self, g_steal_pointer (&events));

out:
  if (l.mon != NULL && !attached)
    gvirt_qemu_monitor_client_close (l.mon);
  launched_clear (&l);
  runtime_state_clear (&st);
}

/* ---- Config files ------------------------------------------------------------ */

/* A definition file appeared or changed (ours or another process's). */
static void
sync_config_file (GVirtQemuBackend *self,
                  const char       *path,
                  gboolean          emit)
{
  g_autoptr(GPtrArray) events = events_new ();
  g_autoptr(GVirtDomainConfig) config = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strndup (base, strlen (base) - strlen (".xml"));
  g_autofree char *link = autostart_path (self, name);
  QemuDomain *dom;
  const char *uuid;

  /* Read under the lock: this backend writes definitions under it, so the
   * file then matches what it holds unless another process wrote it. Read
   * outside, an event for our own earlier write could bring back the
   * older content. */
  g_mutex_lock (&self->lock);
  config = load_config_file (path, NULL);
  uuid = config != NULL ? gvirt_domain_config_get_uuid (config) : NULL;
  if (uuid == NULL || g_strcmp0 (gvirt_domain_config_get_name (config), name) != 0)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom == NULL)
    {
      QemuDomain *clash = g_hash_table_lookup (self->names, name);
      if (clash != NULL)
        {
          g_mutex_unlock (&self->lock);
          return;
        }
      dom = add_domain (self, uuid, name);
      dom->config = g_steal_pointer (&config);
      dom->autostart = g_file_test (link, G_FILE_TEST_EXISTS);
      dom->announced = TRUE;
      if (emit)
        queue_event (events, GVIRT_DOMAIN_EVENT_DEFINED, 0, dom);
    }
  else if (g_str_equal (dom->name, name) &&
           (dom->config == NULL || !gvirt_domain_config_equal (dom->config, config)))
    {
      gboolean was_persistent = dom->config != NULL;

      g_set_object (&dom->config, config);
      if (emit)
        queue_event (events, was_persistent ? GVIRT_DOMAIN_EVENT_UPDATED : GVIRT_DOMAIN_EVENT_DEFINED, 0, dom);
    }
  unlock_and_emit (self, g_steal_pointer (&events));
}

/* A definition file went away. */
static void
config_file_gone (GVirtQemuBackend *self,
                  const char       *path)
{
  g_autoptr(GPtrArray) events = events_new ();
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strndup (base, strlen (base) - strlen (".xml"));
  QemuDomain *dom;

  g_mutex_lock (&self->lock);   /* as in sync_config_file () */
  dom = g_hash_table_lookup (self->names, name);
  if (dom != NULL && dom->config != NULL && !g_file_test (path, G_FILE_TEST_EXISTS) &&
      g_strcmp0 (gvirt_domain_config_get_name (dom->config), name) == 0)
    {
      g_clear_object (&dom->config);
      dom->autostart = FALSE;
      if (domain_active (dom))
        queue_event (events, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
      else
        {
          queue_event (events, GVIRT_DOMAIN_EVENT_UNDEFINED, 0, dom);
          remove_domain (self, dom);
        }
    }
  unlock_and_emit (self, g_steal_pointer (&events));
}

static void
sync_autostart (GVirtQemuBackend *self,
                const char       *path)
{
  g_autoptr(GPtrArray) events = events_new ();
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strndup (base, strlen (base) - strlen (".xml"));
  gboolean on;
  QemuDomain *dom;

  g_mutex_lock (&self->lock);   /* as in sync_config_file () */
  on = g_file_test (path, G_FILE_TEST_EXISTS);
  dom = g_hash_table_lookup (self->names, name);
  if (dom != NULL && dom->config != NULL && dom->autostart != on)
    {
      dom->autostart = on;
      queue_event (events, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
    }
  unlock_and_emit (self, g_steal_pointer (&events));
}

static void
on_dir_changed (GFileMonitor      *monitor,
                GFile             *file,
                GFile             *other,
                GFileMonitorEvent  event,
                gpointer           user_data)
{
  GVirtQemuBackend *self = user_data;
  GFile *files[2] = { file, other };

  if (event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT || event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = files[i] != NULL ? g_file_get_path (files[i]) : NULL;
      g_autofree char *base = path != NULL ? g_path_get_basename (path) : NULL;

      if (base == NULL || base[0] == '.')
        continue;
      if (monitor == self->runtime_monitor)
        {
          /* Not here: attaching asks the monitor over a socket that this
           * very thread reads. */
          if (g_str_has_suffix (base, ".json") && g_file_test (path, G_FILE_TEST_EXISTS))
            g_thread_pool_push (self->attach_pool, g_steal_pointer (&path), NULL);
        }
      else if (monitor == self->config_monitor)
        {
          if (!g_str_has_suffix (base, ".xml"))
            continue;
          if (g_file_test (path, G_FILE_TEST_EXISTS))
            sync_config_file (self, path, TRUE);
          else
            config_file_gone (self, path);
        }
      else if (monitor == self->autostart_monitor && g_str_has_suffix (base, ".xml"))
        sync_autostart (self, path);
    }
}

/* ---- Open / close ----------------------------------------------------------- */

static void
attach_pool_func (gpointer data,
                  gpointer user_data)
{
  g_autofree char *path = data;

  attach_running (user_data, path, TRUE);
}

static gpointer
context_thread (gpointer data)
{
  GVirtQemuBackend *self = data;

  g_main_context_push_thread_default (self->context);
  /* Not a GMainLoop: a quit that comes before its run() starts is lost. */
  while (!g_atomic_int_get (&self->stopping))
    g_main_context_iteration (self->context, TRUE);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static GFileMonitor *
watch_dir (GVirtQemuBackend *self,
           const char       *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  GFileMonitor *monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);

  if (monitor != NULL)
    g_signal_connect (monitor, "changed", G_CALLBACK (on_dir_changed), self);
  return monitor;
}

static void
scan_dir (GVirtQemuBackend *self,
          const char       *dir,
          const char       *suffix,
          void            (*func) (GVirtQemuBackend *, const char *, gboolean))
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, suffix))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  for (guint i = 0; i < names->len; i++)
    func (self, g_ptr_array_index (names, i), FALSE);
}

static gboolean start_domain (GVirtQemuBackend *self, const char *uuid,
                              GVirtDomainConfig *boot, GError **error);

/* Autostart: once per boot (system) or login session (session: the runtime dir is new). */
static void
run_autostart (GVirtQemuBackend *self)
{
  g_autofree char *boot_id = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *stamp = g_build_filename (self->runtime_dir, "boot-id", NULL);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer value;
  int fd;

  if (self->read_only)
    return;
  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot_id, NULL, NULL))
    boot_id = g_strdup ("unknown");
  g_strstrip (boot_id);
  /* Whoever creates the marker for this boot starts the domains; the others do not. */
  marker = g_strdup_printf ("%s.%s", stamp, boot_id);
  fd = open (marker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  close (fd);
  write_file (stamp, boot_id, FALSE, NULL);

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->domains);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      QemuDomain *dom = value;
      if (dom->autostart && !domain_active (dom))
        g_ptr_array_add (uuids, g_strdup (dom->uuid));
    }
  g_mutex_unlock (&self->lock);
  for (guint i = 0; i < uuids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      if (!start_domain (self, g_ptr_array_index (uuids, i), NULL, &error))
        g_warning ("Autostart of domain %s failed: %s", (char *) g_ptr_array_index (uuids, i), error->message);
    }
}

static void
sync_config_file_cb (GVirtQemuBackend *self, const char *path, gboolean emit)
{
  sync_config_file (self, path, emit);
}

static void
attach_running_cb (GVirtQemuBackend *self, const char *path, gboolean emit)
{
  attach_running (self, path, emit);
}

static gboolean
gvirt_qemu_backend_open (GVirtBackend          *backend,
                         GUri                  *uri,
                         GVirtConnectionFlags   flags,
                         GCancellable          *cancellable,
                         GError               **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  const char *path = g_uri_get_path (uri);
  const char *host = g_uri_get_host (uri);
  const char *query = g_uri_get_query (uri);
  g_autofree char *root = NULL;
  g_auto(GStrv) emulators = NULL;

  if (host != NULL && *host != '\0')
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI,
                   _("The qemu backend serves only the local host, not “%s”."), host);
      return FALSE;
    }
  if (query != NULL)
    {
      g_autoptr(GHashTable) params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, error);
      if (params == NULL)
        return FALSE;
      root = g_strdup (g_hash_table_lookup (params, "root"));
      if (root == NULL || !g_path_is_absolute (root))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI,
                       _("The qemu URI parameter “root” must be an absolute directory (in “%s”)."), query);
          return FALSE;
        }
    }

  if (g_strcmp0 (path, "/session") == 0)
    {
      if (root == NULL)
        {
          self->config_dir = g_build_filename (g_get_user_config_dir (), "gvirt", "qemu", NULL);
          self->runtime_dir = g_build_filename (g_get_user_runtime_dir (), "gvirt", "qemu", NULL);
          self->state_dir = g_build_filename (g_get_user_cache_dir (), "gvirt", "qemu", NULL);
        }
    }
  else if (g_strcmp0 (path, "/system") == 0)
    {
      if (root == NULL)
        {
          self->config_dir = g_strdup ("/etc/gvirt/qemu");
          self->runtime_dir = g_strdup ("/run/gvirt/qemu");
          self->state_dir = g_strdup ("/var/lib/gvirt/qemu");
        }
    }
  else
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI,
                   _("The qemu backend serves “qemu:///session” and “qemu:///system”, not the path “%s”."),
                   path);
      return FALSE;
    }
  if (root != NULL)
    {
      self->config_dir = g_build_filename (root, "config", NULL);
      self->runtime_dir = g_build_filename (root, "run", NULL);
      self->state_dir = g_build_filename (root, "lib", NULL);
    }
  self->autostart_dir = g_build_filename (self->config_dir, "autostart", NULL);

  emulators = gvirt_qemu_find_emulators ();
  if (emulators[0] == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("No QEMU emulator (qemu-system-*) was found on PATH; install qemu-system-x86 or similar."));
      return FALSE;
    }
  self->emulator = g_strdup (emulators[0]);
  self->monitor_path = find_monitor_binary ();
  if (!g_file_test (self->monitor_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("The QEMU monitor helper “%s” is missing."), self->monitor_path);
      return FALSE;
    }
  self->kvm = gvirt_qemu_kvm_available ();
  self->read_only = (flags & GVIRT_CONNECTION_READ_ONLY) != 0;

  for (const char *const *d = (const char *const[]) { self->config_dir, self->autostart_dir,
                                                      self->runtime_dir, self->state_dir, NULL };
       *d != NULL; d++)
    /* A read-only connection looks; it does not make a node where there is none. */
    if (!self->read_only && g_mkdir_with_parents (*d, 0700) < 0)
      {
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                     _("Cannot create the directory “%s”: %s"), *d, g_strerror (errno));
        return FALSE;
      }

  self->context = g_main_context_new ();
  self->attach_pool = g_thread_pool_new (attach_pool_func, self, 1, FALSE, NULL);
  /* The file monitors deliver on the context that is thread-default when they are made. */
  g_main_context_push_thread_default (self->context);
  self->config_monitor = watch_dir (self, self->config_dir);
  self->autostart_monitor = watch_dir (self, self->autostart_dir);
  self->runtime_monitor = watch_dir (self, self->runtime_dir);
  g_main_context_pop_thread_default (self->context);
  self->thread = g_thread_new ("gvirt-qemu", context_thread, self);
  self->is_open = TRUE;

  scan_dir (self, self->config_dir, ".xml", sync_config_file_cb);
  scan_dir (self, self->runtime_dir, ".json", attach_running_cb);
  run_autostart (self);
  return TRUE;
}

static void
gvirt_qemu_backend_close (GVirtBackend *backend)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  GHashTableIter iter;
  gpointer value;

  if (!self->is_open)
    return;
  self->is_open = FALSE;
  g_clear_object (&self->config_monitor);
  g_clear_object (&self->autostart_monitor);
  g_clear_object (&self->runtime_monitor);
  /* Attaches under way need the private thread to read their replies. */
  g_thread_pool_free (g_steal_pointer (&self->attach_pool), TRUE, TRUE);

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->domains);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      QemuDomain *dom = value;
      if (dom->mon != NULL)
        gvirt_qemu_monitor_client_close (dom->mon);
    }
  g_mutex_unlock (&self->lock);

  g_atomic_int_set (&self->stopping, TRUE);
  g_main_context_wakeup (self->context);
  g_thread_join (g_steal_pointer (&self->thread));

  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->names);
  g_hash_table_remove_all (self->domains);
  g_mutex_unlock (&self->lock);
}

/* ---- Node ------------------------------------------------------------------- */

static GVirtCapabilities *
gvirt_qemu_backend_get_capabilities (GVirtBackend  *backend,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  GVirtCapabilities *caps;

  g_mutex_lock (&self->lock);
  caps = self->caps != NULL ? g_object_ref (self->caps) : NULL;
  g_mutex_unlock (&self->lock);
  if (caps == NULL)
    {
      caps = gvirt_qemu_probe_capabilities (self->state_dir, error);
      if (caps == NULL)
        return NULL;
      g_mutex_lock (&self->lock);
      if (self->caps == NULL)
        self->caps = g_object_ref (caps);
      g_mutex_unlock (&self->lock);
    }
  {
    GVirtCapabilities *copy = gvirt_capabilities_copy (caps);
    g_object_unref (caps);
    return copy;
  }
}

static GVirtNodeInfo *
gvirt_qemu_backend_get_node_info (GVirtBackend  *backend,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  return gvirt_qemu_node_info ();
}

static GPtrArray *
gvirt_qemu_backend_list_domains (GVirtBackend  *backend,
                                 GError       **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) gvirt_domain_record_free);
  GHashTableIter iter;
  gpointer value;

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->domains);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!((QemuDomain *) value)->busy)
      {
        ((QemuDomain *) value)->announced = TRUE;
        g_ptr_array_add (out, domain_record (value));
      }
  g_mutex_unlock (&self->lock);
  return out;
}

static GPtrArray *
gvirt_qemu_backend_list_networks (GVirtBackend  *backend,
                                  GError       **error)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) gvirt_network_record_free);
}

/* ---- Define / undefine -------------------------------------------------------- */

/* Gives the config a UUID if it has none and checks what QEMU needs. */
static gboolean
prepare_config (GVirtDomainConfig *config,
                GError           **error)
{
  const char *name = gvirt_domain_config_get_name (config);
  const char *type = gvirt_domain_config_get_domain_type (config);

  if (!valid_name (name))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a valid domain name."), name != NULL ? name : "");
      return FALSE;
    }
  if (type != NULL && !g_str_equal (type, "qemu") && !g_str_equal (type, "kvm"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has type “%s”; the qemu backend runs “qemu” and “kvm”."), name, type);
      return FALSE;
    }
  if (gvirt_domain_config_get_uuid (config) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      gvirt_domain_config_set_uuid (config, uuid);
    }
  if (gvirt_domain_config_get_memory (config) == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has no memory size."), name);
      return FALSE;
    }
  /* The argv builder checks the rest at start (the schema may not be installed). */
  return TRUE;
}

/* Lock held: another domain with this name? */
static gboolean
check_name_free (GVirtQemuBackend *self,
                 const char       *name,
                 const char       *uuid,
                 GError          **error)
{
  QemuDomain *other = g_hash_table_lookup (self->names, name);

  if (other != NULL && g_strcmp0 (other->uuid, uuid) != 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("A domain named “%s” already exists."), name);
      return FALSE;
    }
  return TRUE;
}

/* Lock held: stores the persistent config of @dom on disk. */
static gboolean
save_config (GVirtQemuBackend  *self,
             GVirtDomainConfig *config,
             GError           **error)
{
  g_autofree char *xml = gvirt_domain_config_to_xml (config);
  g_autofree char *path = config_path (self, gvirt_domain_config_get_name (config));

  return write_file (path, xml, TRUE, error);
}

/* Lock held: stores @changed as the definition of @dom; on failure the
 * definition in memory and on disk stays the old one. */
static gboolean
commit_config (GVirtQemuBackend  *self,
               QemuDomain        *dom,
               GVirtDomainConfig *changed,
               GError           **error)
{
  if (!save_config (self, changed, error))
    return FALSE;
  g_set_object (&dom->config, changed);
  return TRUE;
}

static GVirtDomainRecord *
gvirt_qemu_backend_define_domain (GVirtBackend       *backend,
                                  GVirtDomainConfig  *in_config,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_copy (in_config);
  g_autoptr(GPtrArray) events = events_new ();
  GVirtDomainRecord *record;
  QemuDomain *dom;
  const char *name;

  if (!check_writable (self, error) || !prepare_config (config, error))
    return NULL;
  name = gvirt_domain_config_get_name (config);

  g_mutex_lock (&self->lock);
  if (!check_name_free (self, name, gvirt_domain_config_get_uuid (config), error))
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  dom = g_hash_table_lookup (self->domains, gvirt_domain_config_get_uuid (config));
  if (dom != NULL && g_strcmp0 (domain_name (dom), name) != 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("The UUID %s already belongs to domain “%s”."), dom->uuid, domain_name (dom));
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  if (!save_config (self, config, error))
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  if (dom == NULL)
    {
      dom = add_domain (self, gvirt_domain_config_get_uuid (config), name);
      dom->config = g_object_ref (config);
      dom->announced = TRUE;
    }
  else
    g_set_object (&dom->config, config);
  queue_event (events, GVIRT_DOMAIN_EVENT_DEFINED, 0, dom);
  record = domain_record (dom);
  unlock_and_emit (self, g_steal_pointer (&events));
  return record;
}

static gboolean
gvirt_qemu_backend_domain_undefine (GVirtBackend  *backend,
                                    const char    *uuid,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GPtrArray) events = events_new ();
  g_autofree char *path = NULL;
  g_autofree char *link = NULL;
  QemuDomain *dom;

  dom = lock_entry (self, uuid, TRUE, error);
  if (dom == NULL)
    return FALSE;
  if (dom->config == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is transient; it has no definition to remove."), domain_name (dom));
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  path = config_path (self, gvirt_domain_config_get_name (dom->config));
  link = autostart_path (self, gvirt_domain_config_get_name (dom->config));
  g_unlink (link);
  if (g_unlink (path) < 0 && errno != ENOENT)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("Cannot remove “%s”: %s"), path, g_strerror (errno));
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  g_clear_object (&dom->config);
  dom->autostart = FALSE;
  if (domain_active (dom) || dom->busy)
    queue_event (events, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
  else
    {
      queue_event (events, GVIRT_DOMAIN_EVENT_UNDEFINED, 0, dom);
      remove_domain (self, dom);
    }
  unlock_and_emit (self, g_steal_pointer (&events));
  return TRUE;
}

/* ---- Start / create / restore --------------------------------------------------- */

/* Starts the inactive domain @uuid (lock not held) with @boot, or with its
 * definition when @boot is %NULL. */
static gboolean
start_domain (GVirtQemuBackend  *self,
              const char        *uuid,
              GVirtDomainConfig *boot,
              GError           **error)
{
  g_autoptr(GPtrArray) events = events_new ();
  g_autoptr(GVirtDomainConfig) config = NULL;
  Launched l = { 0 };
  GVirtDomainState state = GVIRT_DOMAIN_STATE_RUNNING;
  QemuDomain *dom;
  gboolean ok;

  g_mutex_lock (&self->lock);
  dom = boot != NULL ? g_hash_table_lookup (self->domains, uuid) : lookup_domain (self, uuid, error);
  if (dom == NULL)
    {
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  if (domain_active (dom) || (dom->busy && boot == NULL))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is already running."), domain_name (dom));
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  dom->busy = TRUE;
  /* Definitions are replaced, never changed in place: a reference will do
   * (launch () works on a copy of its own). */
  config = g_object_ref (boot != NULL ? boot : dom->config);
  g_mutex_unlock (&self->lock);

  /* Without -S QEMU runs from the start: no query-status, which QEMU
   * answers late while it boots (30 ms and more under TCG). */
  ok = launch (self, config, FALSE, &l, error) &&
       announce_started (l.mon, GVIRT_DOMAIN_STARTED_BOOTED, error);
  if (!ok && l.mon != NULL)
    launched_destroy (&l);   /* with no lock: its exit event passes through on_mon_event */

  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (!ok || dom == NULL)
    {
      if (dom != NULL)
        {
          dom->busy = FALSE;
          if (dom->config == NULL && !domain_active (dom))
            remove_domain (self, dom);   /* a create that failed: never announced */
        }
      launched_clear (&l);
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  attach (self, dom, &l, state, GVIRT_DOMAIN_STARTED_BOOTED, events);
  launched_clear (&l);
  unlock_and_emit (self, g_steal_pointer (&events));
  return TRUE;
}

static gboolean
gvirt_qemu_backend_domain_start (GVirtBackend  *backend,
                                 const char    *uuid,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);

  if (!check_writable (self, error))
    return FALSE;
  return start_domain (self, uuid, NULL, error);
}

/* Lock held: a new transient entry for @config, not announced until it runs. */
static QemuDomain *
add_transient (GVirtQemuBackend  *self,
               GVirtDomainConfig *config,
               GError           **error)
{
  const char *uuid = gvirt_domain_config_get_uuid (config);
  const char *name = gvirt_domain_config_get_name (config);
  QemuDomain *dom = g_hash_table_lookup (self->domains, uuid);

  if (!check_name_free (self, name, uuid, error))
    return NULL;
  if (dom != NULL)
    {
      if (domain_active (dom) || dom->busy)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                       _("Domain “%s” is already running."), domain_name (dom));
          return NULL;
        }
      if (g_strcmp0 (domain_name (dom), name) != 0)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                       _("The UUID %s already belongs to domain “%s”."), uuid, domain_name (dom));
          return NULL;
        }
      return dom;
    }
  return add_domain (self, uuid, name);
}

static GVirtDomainRecord *
gvirt_qemu_backend_create_domain (GVirtBackend       *backend,
                                  GVirtDomainConfig  *in_config,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_copy (in_config);
  GVirtDomainRecord *record = NULL;
  QemuDomain *dom;
  const char *uuid;

  if (!check_writable (self, error) || !prepare_config (config, error))
    return NULL;
  uuid = gvirt_domain_config_get_uuid (config);
  g_mutex_lock (&self->lock);
  dom = add_transient (self, config, error);
  if (dom != NULL)
    dom->busy = TRUE;   /* nobody else starts it meanwhile */
  g_mutex_unlock (&self->lock);
  if (dom == NULL)
    return NULL;
  /* A defined domain created with another config runs that config (libvirt does the same). */
  if (!start_domain (self, uuid, config, error))
    return NULL;
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom != NULL)
    record = domain_record (dom);
  g_mutex_unlock (&self->lock);
  if (record == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                 _("Domain “%s” stopped as soon as it started."), gvirt_domain_config_get_name (config));
  return record;
}

/* ---- Save file ----------------------------------------------------------------- */

typedef struct {
  char    magic[16];
  guint32 version;
  guint32 xml_len;
  guint64 stream_len;
  guint32 was_running;
  guint8  reserved[SAVE_HEADER_SIZE - 36];
} SaveHeader;

G_STATIC_ASSERT (sizeof (SaveHeader) == SAVE_HEADER_SIZE);

static gboolean
read_save_file (const char         *path,
                SaveHeader         *header,
                GVirtDomainConfig **config,
                GError            **error)
{
  g_autofree char *xml = NULL;
  struct stat st;
  char stream_magic[4];
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  gboolean ok = FALSE;

  if (fd < 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Cannot open the saved domain “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  if (fstat (fd, &st) < 0 || st.st_size < SAVE_HEADER_SIZE ||
      pread (fd, header, sizeof *header, 0) != sizeof *header ||
      memcmp (header->magic, SAVE_MAGIC, sizeof SAVE_MAGIC) != 0 ||
      GUINT32_FROM_LE (header->version) != 1)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a domain saved by the GVirt qemu backend."), path);
      goto out;
    }
  header->xml_len = GUINT32_FROM_LE (header->xml_len);
  header->stream_len = GUINT64_FROM_LE (header->stream_len);
  if (header->xml_len == 0 || header->xml_len > 16 * 1024 * 1024 || header->stream_len == 0 ||
      (guint64) st.st_size != SAVE_HEADER_SIZE + (guint64) header->xml_len + header->stream_len)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The saved domain “%s” is truncated or incomplete (%" G_GINT64_FORMAT
                     " bytes, the header promises %" G_GUINT64_FORMAT ")."),
                   path, (gint64) st.st_size,
                   (guint64) SAVE_HEADER_SIZE + header->xml_len + header->stream_len);
      goto out;
    }
  xml = g_malloc0 (header->xml_len + 1);
  if (pread (fd, xml, header->xml_len, SAVE_HEADER_SIZE) != header->xml_len ||
      pread (fd, stream_magic, 4, SAVE_HEADER_SIZE + header->xml_len) != 4 ||
      memcmp (stream_magic, QEMU_STREAM_MAGIC, 4) != 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The saved domain “%s” does not hold a QEMU migration stream."), path);
      goto out;
    }
  *config = gvirt_domain_config_new_from_xml (xml, error);
  ok = *config != NULL;
out:
  close (fd);
  return ok;
}

/* Has the VM's monitor open @path and hand it to QEMU as fd @fdname. */
static gboolean
add_fd (GVirtQemuMonitorClient  *mon,
        const char    *fdname,
        const char    *path,
        const char    *mode,
        gint64         offset,
        GError       **error)
{
  JsonObject *args = json_object_new ();
  g_autoptr(JsonNode) ret = NULL;

  json_object_set_string_member (args, "fdname", fdname);
  json_object_set_string_member (args, "path", path);
  json_object_set_string_member (args, "mode", mode);
  json_object_set_int_member (args, "offset", offset);
  ret = gvirt_qemu_monitor_client_command (mon, GVIRT_QEMU_CMD_ADD_FD, args, NULL, 5000, error);
  return ret != NULL;
}

/*
 * Runs one migration (@command "migrate" out to @uri, or "migrate-incoming"
 * from it) to its end and returns QEMU's final status ("completed",
 * "failed" ...), or %NULL with @error set: QMP refused, or @cancellable
 * fired (an outgoing migration is cancelled in QEMU, which keeps running).
 */
static char *
run_migration (GVirtQemuMonitorClient  *mon,
               const char    *command,
               const char    *uri,
               GCancellable  *cancellable,
               GError       **error)
{
  JsonObject *args = json_object_new ();
  JsonArray *caps = json_array_new ();
  JsonObject *cap = json_object_new ();
  g_autoptr(JsonNode) r1 = NULL;
  g_autoptr(JsonNode) r2 = NULL;
  char *status;

  /* MIGRATION events: the end is announced, not polled for. */
  json_object_set_string_member (cap, "capability", "events");
  json_object_set_boolean_member (cap, "state", TRUE);
  json_array_add_object_element (caps, cap);
  json_object_set_array_member (args, "capabilities", caps);
  r1 = gvirt_qemu_monitor_client_command (mon, "migrate-set-capabilities", args, NULL, 5000, error);
  if (r1 == NULL)
    return NULL;
  gvirt_qemu_monitor_client_reset_migration (mon);
  args = json_object_new ();
  json_object_set_string_member (args, "uri", uri);
  r2 = gvirt_qemu_monitor_client_command (mon, command, args, NULL, 5000, error);
  if (r2 == NULL)
    return NULL;
  status = gvirt_qemu_monitor_client_wait_migration (mon, 600 * 1000, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (g_str_equal (command, "migrate"))
        {
          g_autoptr(JsonNode) r3 = gvirt_qemu_monitor_client_command (mon, "migrate_cancel", NULL, NULL, 5000, NULL);

          g_free (gvirt_qemu_monitor_client_wait_migration (mon, 10 * 1000, NULL));
        }
      g_free (status);
      return NULL;
    }
  return status;
}

static gboolean
gvirt_qemu_backend_domain_save (GVirtBackend  *backend,
                                const char    *uuid,
                                const char    *given_path,
                                GCancellable  *cancellable,
                                GError       **error)
{
  /* The monitor opens it too, from another working directory. */
  g_autofree char *path = g_canonicalize_filename (given_path, NULL);
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = NULL;
  g_autoptr(JsonNode) r3 = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *status = NULL;
  SaveHeader header = { 0 };
  struct stat st;
  QemuDomain *dom;
  gboolean was_running;
  int fd;

  mon = active_mon (self, uuid, TRUE, error);
  if (mon == NULL)
    return FALSE;
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom == NULL || dom->mon != mon)
    {
      g_mutex_unlock (&self->lock);
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE, _("The domain stopped."));
      return FALSE;
    }
  xml = gvirt_domain_config_to_xml (dom->live);
  was_running = dom->state == GVIRT_DOMAIN_STATE_RUNNING;
  dom->saving = TRUE;
  g_mutex_unlock (&self->lock);

  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Cannot create “%s”: %s"), path, g_strerror (errno));
      goto fail;
    }
  memcpy (header.magic, SAVE_MAGIC, sizeof SAVE_MAGIC);
  header.version = GUINT32_TO_LE (1);
  header.xml_len = GUINT32_TO_LE (strlen (xml));
  header.was_running = GUINT32_TO_LE (was_running);
  if (write (fd, &header, sizeof header) != sizeof header ||
      write (fd, xml, strlen (xml)) != (ssize_t) strlen (xml))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), path, g_strerror (errno));
      close (fd);
      g_unlink (path);
      goto fail;
    }
  close (fd);

  /* QEMU 7.2 has no file: migration URI: it appends its stream to the file
   * through an fd (not an exec: helper, whose last writes could land after
   * QEMU says "completed"). */
  if (!add_fd (mon, "gvirt-save", path, "append", 0, error))
    goto fail_file;
  status = run_migration (mon, "migrate", "fd:gvirt-save", cancellable, error);
  if (status == NULL)
    goto fail_file;
  if (!g_str_equal (status, "completed"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("Saving the domain to “%s” failed (migration %s)."), path, status);
      goto fail_file;
    }

  /* The stream is complete: seal the header, then let QEMU go. */
  if (stat (path, &st) < 0 || (fd = open (path, O_WRONLY | O_CLOEXEC)) < 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("Cannot finish “%s”: %s"), path, g_strerror (errno));
      goto fail_file;
    }
  header.stream_len = GUINT64_TO_LE ((guint64) st.st_size - SAVE_HEADER_SIZE - strlen (xml));
  if (pwrite (fd, &header, sizeof header, 0) != sizeof header || fsync (fd) < 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("Cannot finish “%s”: %s"), path, g_strerror (errno));
      close (fd);
      goto fail_file;
    }
  close (fd);
  r3 = gvirt_qemu_monitor_client_command (mon, "quit", NULL, GVIRT_QEMU_EXIT_SAVED, 5000, NULL);
  gvirt_qemu_monitor_client_wait_exit (mon, 10000, NULL);
  return TRUE;

fail_file:
  g_unlink (path);
  /* A failed or cancelled migration leaves the VM paused; run it again if it ran. */
  if (was_running)
    {
      g_autoptr(JsonNode) c = gvirt_qemu_monitor_client_command (mon, "cont", NULL, NULL, 5000, NULL);
    }
fail:
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom != NULL)
    dom->saving = FALSE;
  g_mutex_unlock (&self->lock);
  return FALSE;
}

static GVirtDomainRecord *
gvirt_qemu_backend_restore_domain (GVirtBackend  *backend,
                                   const char    *given_path,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  /* The monitor opens it too, from another working directory. */
  g_autofree char *path = g_canonicalize_filename (given_path, NULL);
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtDomainConfig) config = NULL;
  g_autoptr(GPtrArray) events = events_new ();
  g_autoptr(JsonNode) r3 = NULL;
  g_autofree char *status = NULL;
  GVirtDomainRecord *record;
  SaveHeader header;
  Launched l = { 0 };
  GVirtDomainState state = GVIRT_DOMAIN_STATE_RUNNING;
  QemuDomain *dom;
  char *uuid;
  gboolean created = FALSE;

  if (!check_writable (self, error) || !read_save_file (path, &header, &config, error))
    return NULL;
  if (!prepare_config (config, error))
    return NULL;
  uuid = g_strdup (gvirt_domain_config_get_uuid (config));

  g_mutex_lock (&self->lock);
  created = g_hash_table_lookup (self->domains, uuid) == NULL;
  dom = add_transient (self, config, error);
  if (dom != NULL)
    dom->busy = TRUE;
  g_mutex_unlock (&self->lock);
  if (dom == NULL)
    {
      g_free (uuid);
      return NULL;
    }

  if (!launch (self, config, TRUE, &l, error))
    goto fail;
  if (!add_fd (l.mon, "gvirt-restore", path, "read", SAVE_HEADER_SIZE + header.xml_len, error))
    goto fail_vm;
  status = run_migration (l.mon, "migrate-incoming", "fd:gvirt-restore", cancellable, error);
  if (status == NULL)
    goto fail_vm;
  if (!g_str_equal (status, "completed"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("Restoring the domain from “%s” failed (migration %s)."), path, status);
      goto fail_vm;
    }
  if (GUINT32_FROM_LE (header.was_running))
    {
      r3 = gvirt_qemu_monitor_client_command (l.mon, "cont", NULL, NULL, 5000, error);
      if (r3 == NULL)
        goto fail_vm;
    }
  state = GUINT32_FROM_LE (header.was_running) ? GVIRT_DOMAIN_STATE_RUNNING : GVIRT_DOMAIN_STATE_PAUSED;
  if (!announce_started (l.mon, GVIRT_DOMAIN_STARTED_RESTORED, error))
    goto fail_vm;

  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  attach (self, dom, &l, state, GVIRT_DOMAIN_STARTED_RESTORED, events);
  record = domain_record (dom);
  launched_clear (&l);
  g_free (uuid);
  unlock_and_emit (self, g_steal_pointer (&events));
  return record;

fail_vm:
  launched_destroy (&l);
fail:
  launched_clear (&l);
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom != NULL)
    {
      dom->busy = FALSE;
      if (created)
        remove_domain (self, dom);
    }
  g_mutex_unlock (&self->lock);
  g_free (uuid);
  return NULL;
}

/* ---- Lifecycle ------------------------------------------------------------------- */

static gboolean
simple_command (GVirtQemuBackend *self,
                const char       *uuid,
                const char       *execute,
                GVirtDomainState  need1,
                GVirtDomainState  need2,
                GError          **error)
{
  g_autoptr(GVirtQemuMonitorClient) mon = active_mon (self, uuid, TRUE, error);
  g_autoptr(JsonNode) ret = NULL;
  QemuDomain *dom;

  if (mon == NULL)
    return FALSE;
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom != NULL && dom->state != need1 && dom->state != need2)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is %s."), domain_name (dom), state_name (dom->state));
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  g_mutex_unlock (&self->lock);
  ret = gvirt_qemu_monitor_client_command (mon, execute, NULL, NULL, 10000, error);
  return ret != NULL;
}

static gboolean
gvirt_qemu_backend_domain_shutdown (GVirtBackend *backend, const char *uuid,
                                    GCancellable *cancellable, GError **error)
{
  return simple_command (GVIRT_QEMU_BACKEND (backend), uuid, "system_powerdown",
                         GVIRT_DOMAIN_STATE_RUNNING, GVIRT_DOMAIN_STATE_SHUTDOWN, error);
}

static gboolean
gvirt_qemu_backend_domain_reboot (GVirtBackend *backend, const char *uuid,
                                  GCancellable *cancellable, GError **error)
{
  return simple_command (GVIRT_QEMU_BACKEND (backend), uuid, "system_reset",
                         GVIRT_DOMAIN_STATE_RUNNING, GVIRT_DOMAIN_STATE_SHUTDOWN, error);
}

static gboolean
gvirt_qemu_backend_domain_suspend (GVirtBackend *backend, const char *uuid,
                                   GCancellable *cancellable, GError **error)
{
  return simple_command (GVIRT_QEMU_BACKEND (backend), uuid, "stop",
                         GVIRT_DOMAIN_STATE_RUNNING, GVIRT_DOMAIN_STATE_SHUTDOWN, error);
}

static gboolean
gvirt_qemu_backend_domain_resume (GVirtBackend *backend, const char *uuid,
                                  GCancellable *cancellable, GError **error)
{
  return simple_command (GVIRT_QEMU_BACKEND (backend), uuid, "cont",
                         GVIRT_DOMAIN_STATE_PAUSED, GVIRT_DOMAIN_STATE_PAUSED, error);
}

static gboolean
gvirt_qemu_backend_domain_destroy (GVirtBackend *backend, const char *uuid,
                                   GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = active_mon (self, uuid, TRUE, error);
  g_autoptr(JsonNode) ret = NULL;

  if (mon == NULL)
    return FALSE;
  ret = gvirt_qemu_monitor_client_command (mon, GVIRT_QEMU_CMD_DESTROY, NULL, NULL, 5000, error);
  if (ret == NULL)
    return FALSE;
  if (!gvirt_qemu_monitor_client_wait_exit (mon, 10000, NULL))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("The QEMU process of the domain did not exit."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
gvirt_qemu_backend_domain_core_dump (GVirtBackend *backend, const char *uuid, const char *path,
                                     GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = active_mon (self, uuid, TRUE, error);
  g_autoptr(JsonNode) ret = NULL;
  g_autofree char *proto = NULL;
  g_autofree char *abs = NULL;
  JsonObject *args;

  if (mon == NULL)
    return FALSE;
  abs = g_canonicalize_filename (path, NULL);
  proto = g_strconcat ("file:", abs, NULL);
  args = json_object_new ();
  json_object_set_boolean_member (args, "paging", FALSE);
  json_object_set_string_member (args, "protocol", proto);
  ret = gvirt_qemu_monitor_client_command (mon, "dump-guest-memory", args, NULL, 600 * 1000, error);
  return ret != NULL;
}

/* ---- Resources ------------------------------------------------------------------ */

static gboolean
gvirt_qemu_backend_domain_set_memory (GVirtBackend *backend, const char *uuid, guint64 kib,
                                      GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = NULL;
  g_autoptr(JsonNode) ret = NULL;
  QemuDomain *dom;
  JsonObject *args;

  dom = lock_entry (self, uuid, TRUE, error);
  if (dom == NULL)
    return FALSE;
  if (kib == 0 || kib > gvirt_domain_config_get_memory (dom->live != NULL ? dom->live : dom->config))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” cannot have %" G_GUINT64_FORMAT " KiB: its maximum is %" G_GUINT64_FORMAT " KiB."),
                   domain_name (dom), kib,
                   gvirt_domain_config_get_memory (dom->live != NULL ? dom->live : dom->config));
      goto out_err;
    }
  if (!domain_active (dom))
    {
      g_autoptr(GVirtDomainConfig) changed = gvirt_domain_config_copy (dom->config);

      gvirt_domain_config_set_current_memory (changed, kib);
      if (!commit_config (self, dom, changed, error))
        goto out_err;
      g_mutex_unlock (&self->lock);
      return TRUE;
    }
  mon = gvirt_qemu_monitor_client_ref (dom->mon);
  g_mutex_unlock (&self->lock);

  /* Needs a virtio balloon (<memballoon model='virtio'/>) and its guest driver. */
  args = json_object_new ();
  json_object_set_int_member (args, "value", (gint64) kib * 1024);
  ret = gvirt_qemu_monitor_client_command (mon, "balloon", args, NULL, 5000, error);
  if (ret == NULL)
    return FALSE;
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom != NULL && dom->live != NULL)
    gvirt_domain_config_set_current_memory (dom->live, kib);
  g_mutex_unlock (&self->lock);
  return TRUE;

out_err:
  g_mutex_unlock (&self->lock);
  return FALSE;
}

static gboolean
gvirt_qemu_backend_domain_set_max_memory (GVirtBackend *backend, const char *uuid, guint64 kib,
                                          GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtDomainConfig) changed = NULL;
  QemuDomain *dom;
  gboolean ok = FALSE;

  dom = lock_entry (self, uuid, TRUE, error);
  if (dom == NULL)
    return FALSE;
  if (dom->config == NULL)
    {
      /* QEMU cannot grow or shrink a running guest's RAM without hotplug DIMMs. */
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is transient and running: its maximum memory cannot change."),
                   domain_name (dom));
      goto out;
    }
  if (kib < 1024)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("%" G_GUINT64_FORMAT " KiB is too little memory for domain “%s”."), kib, domain_name (dom));
      goto out;
    }
  /* The persistent definition changes; a running domain sees it at its next start. */
  changed = gvirt_domain_config_copy (dom->config);
  gvirt_domain_config_set_memory (changed, kib);
  if (gvirt_domain_config_get_current_memory (changed) > kib)
    gvirt_domain_config_set_current_memory (changed, kib);
  ok = commit_config (self, dom, changed, error);
out:
  g_mutex_unlock (&self->lock);
  return ok;
}

static gboolean
gvirt_qemu_backend_domain_set_vcpus (GVirtBackend *backend, const char *uuid, guint n,
                                     GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtDomainConfig) changed = NULL;
  QemuDomain *dom;
  gboolean ok = FALSE;

  dom = lock_entry (self, uuid, TRUE, error);
  if (dom == NULL)
    return FALSE;
  if (n == 0 || n > 255)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” cannot have %u vCPUs."), domain_name (dom), n);
      goto out;
    }
  if (domain_active (dom))
    {
      /* vCPU hotplug (device_add of CPU objects) is not implemented. */
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s” is running; its vCPU count can change only while it is shut off."),
                   domain_name (dom));
      goto out;
    }
  changed = gvirt_domain_config_copy (dom->config);
  gvirt_domain_config_set_vcpus (changed, n);
  gvirt_domain_config_set_current_vcpus (changed, n);
  ok = commit_config (self, dom, changed, error);
out:
  g_mutex_unlock (&self->lock);
  return ok;
}

typedef struct {
  gint  index;
  pid_t tid;
} VcpuThread;

static GArray *
vcpu_threads (GVirtQemuMonitorClient *mon, GError **error)
{
  g_autoptr(JsonNode) ret = gvirt_qemu_monitor_client_command (mon, "query-cpus-fast", NULL, NULL, 5000, error);
  GArray *out;
  JsonArray *arr;

  if (ret == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (ret))
    return unexpected_answer ("query-cpus-fast", error), NULL;
  out = g_array_new (FALSE, FALSE, sizeof (VcpuThread));
  arr = json_node_get_array (ret);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = element_object (arr, i);
      VcpuThread t;

      if (o == NULL)
        continue;
      t.index = json_object_get_int_member_with_default (o, "cpu-index", i);
      t.tid = json_object_get_int_member_with_default (o, "thread-id", 0);
      g_array_append_val (out, t);
    }
  return out;
}

static gboolean
gvirt_qemu_backend_domain_pin_vcpu (GVirtBackend *backend, const char *uuid, guint vcpu,
                                    const guint *cpus, gsize n_cpus,
                                    GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = active_mon (self, uuid, TRUE, error);
  g_autoptr(GArray) threads = NULL;
  long ncpu = sysconf (_SC_NPROCESSORS_CONF);
  cpu_set_t set;

  if (mon == NULL)
    return FALSE;
  if (n_cpus == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, _("No host CPU was given."));
      return FALSE;
    }
  CPU_ZERO (&set);
  for (gsize i = 0; i < n_cpus; i++)
    {
      if (cpus[i] >= (guint) ncpu)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("The host has no CPU %u (it has %ld)."), cpus[i], ncpu);
          return FALSE;
        }
      CPU_SET (cpus[i], &set);
    }
  threads = vcpu_threads (mon, error);
  if (threads == NULL)
    return FALSE;
  for (guint i = 0; i < threads->len; i++)
    {
      VcpuThread *t = &g_array_index (threads, VcpuThread, i);
      if ((guint) t->index != vcpu)
        continue;
      if (sched_setaffinity (t->tid, sizeof set, &set) < 0)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                       _("Cannot pin vCPU %u (thread %d): %s"), vcpu, (int) t->tid, g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
               _("The domain has no vCPU %u."), vcpu);
  return FALSE;
}

/* utime+stime in ns and the last CPU, from /proc/PID[/task/TID]/stat. */
static gboolean
read_stat (pid_t pid, pid_t tid, guint64 *cpu_ns, gint *last_cpu)
{
  g_autofree char *path = tid > 0 ? g_strdup_printf ("/proc/%d/task/%d/stat", (int) pid, (int) tid)
                                  : g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *p;
  long hz = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents (path, &text, NULL, NULL) || (p = strrchr (text, ')')) == NULL)
    return FALSE;
  fields = g_strsplit (p + 2, " ", -1);   /* fields[0] is field 3 (state) */
  if (g_strv_length (fields) < 37)
    return FALSE;
  *cpu_ns = (g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10)) *
            (G_GUINT64_CONSTANT (1000000000) / (hz > 0 ? hz : 100));
  if (last_cpu != NULL)
    *last_cpu = atoi (fields[36]);
  return TRUE;
}

static GPtrArray *
gvirt_qemu_backend_domain_get_vcpu_info (GVirtBackend *backend, const char *uuid,
                                         GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = active_mon (self, uuid, FALSE, error);
  g_autoptr(GArray) threads = NULL;
  GPtrArray *out;
  pid_t pid;
  QemuDomain *dom;

  if (mon == NULL)
    return NULL;
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  pid = dom != NULL ? dom->id : -1;
  g_mutex_unlock (&self->lock);
  threads = vcpu_threads (mon, error);
  if (threads == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gvirt_vcpu_info_free);
  for (guint i = 0; i < threads->len; i++)
    {
      VcpuThread *t = &g_array_index (threads, VcpuThread, i);
      g_autoptr(GArray) affinity = g_array_new (FALSE, FALSE, sizeof (guint));
      guint64 ns = 0;
      gint cpu = -1;
      cpu_set_t set;

      read_stat (pid, t->tid, &ns, &cpu);
      if (sched_getaffinity (t->tid, sizeof set, &set) == 0)
        for (guint c = 0; c < CPU_SETSIZE; c++)
          if (CPU_ISSET (c, &set))
            g_array_append_val (affinity, c);
      g_ptr_array_add (out, gvirt_vcpu_info_new (t->index, GVIRT_VCPU_STATE_RUNNING, ns, cpu,
                                                 (const guint *) affinity->data, affinity->len));
    }
  return out;
}

static GVirtDomainInfo *
gvirt_qemu_backend_domain_get_info (GVirtBackend *backend, const char *uuid,
                                    GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  GVirtDomainInfo *info;
  GVirtDomainConfig *c;
  QemuDomain *dom;
  pid_t pid = -1;

  dom = lock_entry (self, uuid, FALSE, error);
  if (dom == NULL)
    return NULL;
  c = dom->live != NULL ? dom->live : dom->config;
  info = gvirt_domain_info_new ();
  info->state = dom->state;
  info->max_memory = gvirt_domain_config_get_memory (c);
  info->memory = gvirt_domain_config_get_current_memory (c);
  if (info->memory == 0)
    info->memory = info->max_memory;
  info->n_vcpus = gvirt_domain_config_get_current_vcpus (c) != 0 ?
                  gvirt_domain_config_get_current_vcpus (c) : gvirt_domain_config_get_vcpus (c);
  if (info->n_vcpus == 0)
    info->n_vcpus = 1;
  if (domain_active (dom))
    pid = dom->id;
  g_mutex_unlock (&self->lock);
  if (pid > 0)
    read_stat (pid, 0, &info->cpu_time, NULL);
  return info;
}

static GVirtDomainConfig *
gvirt_qemu_backend_domain_get_config (GVirtBackend *backend, const char *uuid,
                                      GVirtDomainXmlFlags flags,
                                      GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  GVirtDomainConfig *out = NULL;
  QemuDomain *dom;

  dom = lock_entry (self, uuid, FALSE, error);
  if (dom != NULL)
    {
      GVirtDomainConfig *c = ((flags & GVIRT_DOMAIN_XML_INACTIVE) && dom->config != NULL) || dom->live == NULL ?
                             dom->config : dom->live;
      out = gvirt_domain_config_copy (c);
      gvirt_domain_config_set_id (out, c == dom->live ? dom->id : -1);
      g_mutex_unlock (&self->lock);
    }
  return out;
}

static gboolean
gvirt_qemu_backend_domain_set_autostart (GVirtBackend *backend, const char *uuid, gboolean autostart,
                                         GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GPtrArray) events = events_new ();
  g_autofree char *link = NULL;
  g_autofree char *target = NULL;
  QemuDomain *dom;

  dom = lock_entry (self, uuid, TRUE, error);
  if (dom == NULL)
    return FALSE;
  if (dom->config == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is transient; only defined domains start with the host."),
                   domain_name (dom));
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  link = autostart_path (self, gvirt_domain_config_get_name (dom->config));
  target = config_path (self, gvirt_domain_config_get_name (dom->config));
  if (autostart && !g_file_test (link, G_FILE_TEST_IS_SYMLINK) && symlink (target, link) < 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("Cannot create “%s”: %s"), link, g_strerror (errno));
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  if (!autostart)
    g_unlink (link);
  if (dom->autostart != autostart)
    {
      dom->autostart = autostart;
      queue_event (events, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
    }
  unlock_and_emit (self, g_steal_pointer (&events));
  return TRUE;
}

/* ---- GObject -------------------------------------------------------------------- */

static void
gvirt_qemu_backend_finalize (GObject *object)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (object);

  gvirt_qemu_backend_close (GVIRT_BACKEND (self));
  g_hash_table_unref (self->names);
  g_hash_table_unref (self->domains);
  g_clear_object (&self->caps);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->config_dir);
  g_free (self->autostart_dir);
  g_free (self->runtime_dir);
  g_free (self->state_dir);
  g_free (self->emulator);
  g_free (self->monitor_path);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (gvirt_qemu_backend_parent_class)->finalize (object);
}

static void
gvirt_qemu_backend_init (GVirtQemuBackend *self)
{
  g_mutex_init (&self->lock);
  self->domains = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, qemu_domain_free);
  self->names = g_hash_table_new (g_str_hash, g_str_equal);   /* keys: the entries' own names */
}

static void
gvirt_qemu_backend_class_init (GVirtQemuBackendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gvirt_qemu_backend_finalize;
}

static void
gvirt_qemu_backend_class_finalize (GVirtQemuBackendClass *klass)
{
}

static void
gvirt_qemu_backend_iface_init (GVirtBackendInterface *iface)
{
  iface->open = gvirt_qemu_backend_open;
  iface->close = gvirt_qemu_backend_close;
  iface->get_capabilities = gvirt_qemu_backend_get_capabilities;
  iface->get_node_info = gvirt_qemu_backend_get_node_info;
  iface->list_domains = gvirt_qemu_backend_list_domains;
  iface->list_networks = gvirt_qemu_backend_list_networks;
  iface->define_domain = gvirt_qemu_backend_define_domain;
  iface->create_domain = gvirt_qemu_backend_create_domain;
  iface->restore_domain = gvirt_qemu_backend_restore_domain;
  iface->domain_start = gvirt_qemu_backend_domain_start;
  iface->domain_shutdown = gvirt_qemu_backend_domain_shutdown;
  iface->domain_reboot = gvirt_qemu_backend_domain_reboot;
  iface->domain_destroy = gvirt_qemu_backend_domain_destroy;
  iface->domain_suspend = gvirt_qemu_backend_domain_suspend;
  iface->domain_resume = gvirt_qemu_backend_domain_resume;
  iface->domain_save = gvirt_qemu_backend_domain_save;
  iface->domain_core_dump = gvirt_qemu_backend_domain_core_dump;
  iface->domain_undefine = gvirt_qemu_backend_domain_undefine;
  iface->domain_set_memory = gvirt_qemu_backend_domain_set_memory;
  iface->domain_set_max_memory = gvirt_qemu_backend_domain_set_max_memory;
  iface->domain_set_vcpus = gvirt_qemu_backend_domain_set_vcpus;
  iface->domain_pin_vcpu = gvirt_qemu_backend_domain_pin_vcpu;
  iface->domain_get_vcpu_info = gvirt_qemu_backend_domain_get_vcpu_info;
  iface->domain_get_info = gvirt_qemu_backend_domain_get_info;
  iface->domain_get_config = gvirt_qemu_backend_domain_get_config;
  iface->domain_set_autostart = gvirt_qemu_backend_domain_set_autostart;
}

G_MODULE_EXPORT void
g_io_module_load (GIOModule *module)
{
  gvirt_qemu_backend_register_type (G_TYPE_MODULE (module));
  g_io_extension_point_implement (GVIRT_BACKEND_EXTENSION_POINT_NAME,
                                  GVIRT_TYPE_QEMU_BACKEND, "qemu", 0);
}

G_MODULE_EXPORT void
g_io_module_unload (GIOModule *module)
{
}

G_MODULE_EXPORT char **
g_io_module_query (void)
{
  char *eps[] = { (char *) GVIRT_BACKEND_EXTENSION_POINT_NAME, NULL };

  return g_strdupv (eps);
}
