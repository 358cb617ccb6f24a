/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtQemuBackend: QEMU processes under QMP, kept by per-VM monitor processes, loaded as the "qemu" GIO module. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gvirt-qemu-backend-private.h"
#include "libvirt-gobject/gvirt-uuid-hash-private.h"

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
 *   RUNTIME/events.journal    every lifecycle event, one line each (gvirt-qemu-backend-journal.c)
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

static void gvirt_qemu_backend_iface_init (GVirtBackendInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (GVirtQemuBackend, gvirt_qemu_backend, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (GVIRT_TYPE_BACKEND,
                                                               gvirt_qemu_backend_iface_init))

/* ---- Domains and events ----------------------------------------------------- */

const char *
_gvirt_qemu_domain_name (const QemuDomain *dom)
{
  return dom->name;
}

gboolean
_gvirt_qemu_domain_active (const QemuDomain *dom)
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

GVirtDomainRecord *
_gvirt_qemu_domain_record (const QemuDomain *dom)
{
  GVirtDomainRecord *r = gvirt_domain_record_new (dom->uuid, _gvirt_qemu_domain_name (dom));

  r->id = dom->id;
  r->state = dom->state;
  r->state_reason = dom->state_reason;
  r->persistent = dom->config != NULL;
  r->autostart = dom->autostart;
  return r;
}

/* Lock held: reports @kind for @dom once the lock is released. */
void
_gvirt_qemu_queue_event (GVirtQemuBackend *self,
                         gint              kind,
                         gint              reason,
                         const QemuDomain *dom)
{
  _gvirt_event_queue_add_domain (self->events, kind, reason, _gvirt_qemu_domain_record (dom));
}

/* Returns once every event queued so far was reported: a command whose
 * effect comes back as a QMP event (stop → STOP) returns after it. */
void
_gvirt_qemu_flush_events (GVirtQemuBackend *self)
{
  g_mutex_lock (&self->lock);
  _gvirt_event_queue_unlock_and_emit (self->events);
}

/* Lock held: a new, inactive entry, indexed by UUID and name. */
QemuDomain *
_gvirt_qemu_add_domain (GVirtQemuBackend *self,
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
void
_gvirt_qemu_remove_domain (GVirtQemuBackend *self,
                           QemuDomain       *dom)
{
  g_hash_table_remove (self->names, dom->name);
  g_hash_table_remove (self->domains, dom->uuid);
}

QemuDomain *
_gvirt_qemu_lookup_domain (GVirtQemuBackend *self,
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

/* The entry of @uuid with the backend lock held, or %NULL with the lock
 * released and @error set. (Read-only connections never get here with a
 * change: the operation table refuses it in the library.) */
QemuDomain *
_gvirt_qemu_lock_entry (GVirtQemuBackend *self,
                        const char       *uuid,
                        GError          **error)
{
  QemuDomain *dom;

  g_mutex_lock (&self->lock);
  dom = _gvirt_qemu_lookup_domain (self, uuid, error);
  if (dom == NULL)
    g_mutex_unlock (&self->lock);
  return dom;
}

/* The domain, active, with a reference to its monitor; backend lock not held after. */
GVirtQemuMonitorClient *
_gvirt_qemu_active_mon (GVirtQemuBackend *self,
                        const char       *uuid,
                        GError          **error)
{
  QemuDomain *dom;
  GVirtQemuMonitorClient *mon = NULL;

  dom = _gvirt_qemu_lock_entry (self, uuid, error);
  if (dom == NULL)
    return NULL;
  if (!_gvirt_qemu_domain_active (dom))
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                 _("Domain “%s” is not running."), _gvirt_qemu_domain_name (dom));
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
void
_gvirt_qemu_domain_stopped (GVirtQemuBackend *self,
                            QemuDomain       *dom,
                            const char       *reason,
                            gboolean          report)
{
  GVirtQemuMonitorClient *mon = g_steal_pointer (&dom->mon);

  dom->state = GVIRT_DOMAIN_STATE_SHUTOFF;
  dom->state_reason = _gvirt_state_reason_for_event (GVIRT_DOMAIN_EVENT_STOPPED, stopped_reason (reason),
                                                     dom->state_reason);
  dom->id = -1;
  dom->saving = FALSE;
  /* stopped (and undefined, for a transient domain): journaled by its
   * monitor before its exit event, or by whoever cleaned up after it */
  if (report && dom->journaled)
    _gvirt_qemu_journal_catch_up (self);
  else if (report)
    _gvirt_qemu_queue_event (self, GVIRT_DOMAIN_EVENT_STOPPED, stopped_reason (reason), dom);
  if (dom->config == NULL)
    {
      g_autofree char *stopped = _gvirt_qemu_runtime_path (self, dom->name, ".stopped");

      g_unlink (stopped);   /* a transient domain is gone with its past */
      if (report && !dom->journaled)
        _gvirt_qemu_queue_event (self, GVIRT_DOMAIN_EVENT_UNDEFINED, 0, dom);
      _gvirt_qemu_remove_domain (self, dom);
    }
  else
    g_clear_object (&dom->live);
  if (mon != NULL)
    {
      gvirt_qemu_monitor_client_close (mon);
      gvirt_qemu_monitor_client_unref (mon);
    }
}

/* What the monitor says of the VM (a gvirt-info answer, or an event's
 * GVIRT_QEMU_STATE_MEMBER): the memory goes into @live, the reason into
 * *@reason; returns the state. */
GVirtDomainState
_gvirt_qemu_apply_mon_state (QemuDomain             *dom,
                             GVirtDomainConfig      *live,
                             JsonObject             *state,
                             GVirtDomainStateReason *reason)
{
  const char *word = json_object_get_string_member_with_default (state, GVIRT_QEMU_STATE_STATE, "");
  gint64 memory = json_object_get_int_member_with_default (state, GVIRT_QEMU_STATE_MEMORY, 0);

  if (live != NULL && memory > 0)
    gvirt_domain_config_set_current_memory (live, memory);
  *reason = _gvirt_state_reason_from_nick (json_object_get_string_member_with_default (state, GVIRT_QEMU_STATE_REASON, NULL));
  if (g_str_equal (word, GVIRT_QEMU_VM_PAUSED))
    return GVIRT_DOMAIN_STATE_PAUSED;
  if (g_str_equal (word, GVIRT_QEMU_VM_SHUTDOWN))
    return GVIRT_DOMAIN_STATE_SHUTDOWN;
  if (g_str_equal (word, GVIRT_QEMU_VM_RUNNING))
    return GVIRT_DOMAIN_STATE_RUNNING;
  return dom != NULL ? dom->state : GVIRT_DOMAIN_STATE_RUNNING;
}

/* The event a change of state reports: pausing for a save is no
 * "suspended", and shutting down or a new reason alone only an update. */
static gint
state_change_kind (const QemuDomain *dom, GVirtDomainState to, GVirtDomainStateReason reason)
{
  GVirtDomainState from = dom->state;

  if (to == GVIRT_DOMAIN_STATE_PAUSED && from != GVIRT_DOMAIN_STATE_PAUSED &&
      reason != GVIRT_DOMAIN_STATE_REASON_SAVING && !dom->saving)
    return GVIRT_DOMAIN_EVENT_SUSPENDED;
  if (to == GVIRT_DOMAIN_STATE_RUNNING && from == GVIRT_DOMAIN_STATE_PAUSED)
    return GVIRT_DOMAIN_EVENT_RESUMED;
  return GVIRT_DOMAIN_EVENT_UPDATED;
}

/* On the private thread: an event from some VM's monitor. The state and
 * reason are the monitor's (the event's GVIRT_QEMU_STATE_MEMBER), the same
 * in every process; QMP's own words only when it does not say. */
void
_gvirt_qemu_on_mon_event (GVirtQemuMonitorClient *mon,
                          const char   *event,
                          JsonObject   *data,
                          gpointer      user_data)
{
  GVirtQemuBackend *self = user_data;
  JsonObject *st = gvirt_qemu_object_member (data, GVIRT_QEMU_STATE_MEMBER);
  QemuDomain *dom;
  GVirtDomainState state;
  GVirtDomainStateReason reason;

  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, gvirt_qemu_monitor_client_get_uuid (mon));
  if (dom == NULL || dom->mon != mon)
    {
      /* not attached yet (starting): the starter reads the state itself */
      g_mutex_unlock (&self->lock);
      return;
    }

  if (g_str_equal (event, GVIRT_QEMU_EVENT_STATE))
    st = data;
  state = dom->state;
  reason = dom->state_reason;
  if (st != NULL)
    state = _gvirt_qemu_apply_mon_state (dom, dom->live, st, &reason);
  else if (g_str_equal (event, "STOP"))
    state = GVIRT_DOMAIN_STATE_PAUSED, reason = GVIRT_DOMAIN_STATE_REASON_USER;
  else if (g_str_equal (event, "RESUME"))
    state = GVIRT_DOMAIN_STATE_RUNNING, reason = GVIRT_DOMAIN_STATE_REASON_UNPAUSED;
  else if (g_str_equal (event, "POWERDOWN"))
    state = GVIRT_DOMAIN_STATE_SHUTDOWN, reason = GVIRT_DOMAIN_STATE_REASON_USER;
  else if (g_str_equal (event, "BALLOON_CHANGE") && dom->live != NULL)
    {
      gint64 actual = json_object_get_int_member_with_default (data, "actual", 0);
      if (actual > 0)
        gvirt_domain_config_set_current_memory (dom->live, actual / 1024);
    }

  if (g_str_equal (event, GVIRT_QEMU_EVENT_EXITED))
    {
      /* a monitor killed journals nothing: the first client to see it does */
      if (dom->journaled && json_object_get_boolean_member_with_default (data, "monitor-lost", FALSE))
        _gvirt_qemu_journal_crash (self, dom->uuid, dom->name);
      _gvirt_qemu_domain_stopped (self, dom,
                      json_object_get_string_member_with_default (data, "reason", "crashed"),
                                  TRUE);
    }
  else if (state != dom->state || reason != dom->state_reason)
    {
      gint kind = state_change_kind (dom, state, reason);

      dom->state = state;
      dom->state_reason = reason;
      if (kind == GVIRT_DOMAIN_EVENT_UPDATED || !dom->journaled)
        _gvirt_qemu_queue_event (self, kind, _gvirt_qemu_journal_event_reason (kind, reason), dom);
      else
        _gvirt_qemu_journal_catch_up (self);   /* suspended, resumed: the monitor journaled them */
    }
  _gvirt_event_queue_unlock_and_emit_nowait (self->events);
}

/* ---- Open / close ----------------------------------------------------------- */

static void
attach_pool_func (gpointer data,
                  gpointer user_data)
{
  g_autofree char *path = data;

  _gvirt_qemu_attach_running (user_data, path, TRUE);
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
    g_signal_connect (monitor, "changed", G_CALLBACK (_gvirt_qemu_on_dir_changed), self);
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

/* Autostart: once per boot (system) or login session (session: the runtime dir is new). */
static void
run_autostart (GVirtQemuBackend *self)
{
  g_autofree char *boot_id = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *stamp = g_build_filename (self->dirs.runtime_dir, "boot-id", NULL);
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
  _gvirt_backend_write_file (stamp, boot_id, -1, 0600, GVIRT_BACKEND_SYNC_NONE, NULL);

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->domains);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      QemuDomain *dom = value;
      if (dom->autostart && !_gvirt_qemu_domain_active (dom))
        g_ptr_array_add (uuids, g_strdup (dom->uuid));
    }
  g_mutex_unlock (&self->lock);
  for (guint i = 0; i < uuids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      if (!_gvirt_qemu_start_domain (self, g_ptr_array_index (uuids, i), NULL, NULL, &error))
        g_warning ("Autostart of domain %s failed: %s", (char *) g_ptr_array_index (uuids, i), error->message);
    }
}

static void
sync_config_file_cb (GVirtQemuBackend *self, const char *path, gboolean emit)
{
  _gvirt_qemu_sync_config_file (self, path, emit);
}

static void
attach_running_cb (GVirtQemuBackend *self, const char *path, gboolean emit)
{
  _gvirt_qemu_attach_running (self, path, emit);
}

/* A lock nobody holds: a starter that died before its monitor took over. */
static void
clean_stale_lock_cb (GVirtQemuBackend *self, const char *path, gboolean emit)
{
  g_autofree char *base = g_path_get_basename (path);

  base[strlen (base) - strlen (".lock")] = '\0';
  _gvirt_qemu_clean_if_stale (self, base);
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
    _gvirt_backend_dirs_init (&self->dirs, "qemu", GVIRT_BACKEND_NODE_SESSION, root);
  else if (g_strcmp0 (path, "/system") == 0)
    _gvirt_backend_dirs_init (&self->dirs, "qemu", GVIRT_BACKEND_NODE_SYSTEM, root);
  else
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI,
                   _("The qemu backend serves “qemu:///session” and “qemu:///system”, not the path “%s”."),
                   path);
      return FALSE;
    }
  self->autostart_dir = g_build_filename (self->dirs.config_dir, "autostart", NULL);

  emulators = gvirt_qemu_find_emulators ();
  if (emulators[0] == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("No QEMU emulator (qemu-system-*) was found on PATH; install qemu-system-x86 or similar."));
      return FALSE;
    }
  self->emulator = g_strdup (emulators[0]);
  self->monitor_path = _gvirt_qemu_find_monitor_binary ();
  if (!g_file_test (self->monitor_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("The QEMU monitor helper “%s” is missing."), self->monitor_path);
      return FALSE;
    }
  self->kvm = gvirt_qemu_kvm_available ();
  self->read_only = (flags & GVIRT_CONNECTION_READ_ONLY) != 0;

  /* A read-only connection looks; it does not make a node where there is none. */
  if (!self->read_only)
    {
      if (!_gvirt_backend_dirs_make (&self->dirs, error) ||
          !_gvirt_backend_make_dir (self->autostart_dir, error))
        return FALSE;
      /* Left by a process that died mid-write; a young one may be another's write. */
      _gvirt_backend_remove_stale_temp_files (self->dirs.config_dir, ".xml", 60, NULL);
      _gvirt_backend_remove_stale_temp_files (self->dirs.runtime_dir, ".xml", 60, NULL);
    }

  {
    g_autofree char *journal = g_build_filename (self->dirs.runtime_dir, GVIRT_QEMU_JOURNAL_FILE, NULL);

    /* before the scans: what happens after them is in the journal */
    _gvirt_qemu_journal_open (&self->journal, journal);
  }
  self->context = g_main_context_new ();
  self->attach_pool = g_thread_pool_new (attach_pool_func, self, 1, FALSE, NULL);
  /* The file monitors deliver on the context that is thread-default when they are made. */
  g_main_context_push_thread_default (self->context);
  self->config_monitor = watch_dir (self, self->dirs.config_dir);
  self->autostart_monitor = watch_dir (self, self->autostart_dir);
  self->runtime_monitor = watch_dir (self, self->dirs.runtime_dir);
  if (self->runtime_monitor != NULL)
    g_file_monitor_set_rate_limit (self->runtime_monitor, 0);   /* each append of the journal, at once */
  g_main_context_pop_thread_default (self->context);
  self->thread = g_thread_new ("gvirt-qemu", context_thread, self);
  self->is_open = TRUE;

  scan_dir (self, self->dirs.config_dir, ".xml", sync_config_file_cb);
  scan_dir (self, self->dirs.runtime_dir, ".json", attach_running_cb);
  if (!self->read_only)
    scan_dir (self, self->dirs.runtime_dir, ".lock", clean_stale_lock_cb);
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
  g_mutex_lock (&self->lock);
  _gvirt_qemu_journal_clear (&self->journal);
  g_mutex_unlock (&self->lock);
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
  _gvirt_event_queue_drop (self->events);   /* a closed backend reports nothing more */
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
      caps = gvirt_qemu_probe_capabilities (self->dirs.state_dir, error);
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
        g_ptr_array_add (out, _gvirt_qemu_domain_record (value));
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

/* ---- GObject -------------------------------------------------------------------- */

static void
gvirt_qemu_backend_finalize (GObject *object)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (object);

  gvirt_qemu_backend_close (GVIRT_BACKEND (self));
  g_hash_table_unref (self->names);
  g_hash_table_unref (self->domains);
  _gvirt_event_queue_free (self->events);
  g_clear_object (&self->caps);
  g_clear_pointer (&self->context, g_main_context_unref);
  _gvirt_backend_dirs_clear (&self->dirs);
  g_free (self->autostart_dir);
  g_free (self->emulator);
  g_free (self->monitor_path);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (gvirt_qemu_backend_parent_class)->finalize (object);
}

static void
gvirt_qemu_backend_init (GVirtQemuBackend *self)
{
  g_mutex_init (&self->lock);
  self->domains = g_hash_table_new_full (_gvirt_uuid_hash, g_str_equal, NULL, qemu_domain_free);
  self->names = g_hash_table_new (g_str_hash, g_str_equal);   /* keys: the entries' own names */
  self->events = _gvirt_event_queue_new (GVIRT_BACKEND (self), &self->lock);
  self->journal.fd = -1;
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
  _gvirt_qemu_definitions_iface_init (iface);
  _gvirt_qemu_lifecycle_iface_init (iface);
  _gvirt_qemu_save_iface_init (iface);
  _gvirt_qemu_resources_iface_init (iface);
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
