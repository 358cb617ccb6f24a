/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The test node's domains: lookup, lifecycle, defining, creating, restoring, saving. */
#include "config.h"

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "libvirt-gobject/gvirt-operation.h"
#include "gvirt-test-backend-private.h"
#include "gvirt-test-save-private.h"
#include "gvirt-atomic-file-private.h"

#define CORE_DUMP_MAGIC "GVirtTestCoreDump1"

GVirtDomainRecord *
_gvirt_test_domain_record (const TestDomain *dom)
{
  GVirtDomainRecord *record = gvirt_domain_record_new (dom->uuid, _gvirt_test_domain_name (dom));

  record->id = dom->id;
  record->state = dom->state;
  record->state_reason = dom->state_reason;
  record->persistent = dom->persistent;
  record->autostart = dom->autostart;
  return record;
}

static TestDomain *
find_domain (GVirtTestBackend *self, const char *uuid, GError **error)
{
  TestDomain *dom = uuid != NULL ? g_hash_table_lookup (self->domains, uuid) : NULL;

  if (dom == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_DOMAIN,
                 _("No domain with UUID “%s” exists on this node."),
                 uuid != NULL ? uuid : "");
  return dom;
}

/* Fails with INVALID_STATE, @message taking the domain name then its state. */
gboolean
_gvirt_test_invalid_state (const TestDomain *dom, const char *message, GError **error)
{
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE, message,
               _gvirt_test_domain_name (dom), gvirt_domain_state_get_label (dom->state));
  return FALSE;
}

/* The operation table's state rule and message (gvirt-operation.c). */
static gboolean
check_state (const TestDomain *dom, GVirtOperation op, GError **error)
{
  return gvirt_operation_check_state (op, _gvirt_test_domain_name (dom), dom->state, error);
}

void
_gvirt_test_add_domain (GVirtTestBackend *self, TestDomain *dom)
{
  g_hash_table_insert (self->domains, dom->uuid, dom);
  g_hash_table_insert (self->domain_names, g_strdup (_gvirt_test_domain_name (dom)), dom);
  g_ptr_array_add (self->domain_order, dom);
}

static void
remove_domain (GVirtTestBackend *self, TestDomain *dom)
{
  g_hash_table_remove (self->domain_names, _gvirt_test_domain_name (dom));
  g_ptr_array_remove (self->domain_order, dom);
  g_hash_table_remove (self->domains, dom->uuid);   /* frees dom */
}

/* ---- Domain lifecycle ------------------------------------------------------ */

/* The vCPUs online: <vcpu current='n'> when set, else every <vcpu>. */
guint
_gvirt_test_domain_vcpus (const TestDomain *dom)
{
  return _gvirt_test_domain_current (dom)->vcpus;
}

/* Sets *@slot to a reference to @def (which may be *@slot itself). */
static void
set_definition (GVirtTestDefinition **slot, GVirtTestDefinition *def)
{
  GVirtTestDefinition *old = *slot;

  *slot = def != NULL ? _gvirt_test_definition_ref (def) : NULL;
  if (old != NULL)
    _gvirt_test_definition_unref (old);
}

/* Replaces the current definition (the live one while active) with @def. */
void
_gvirt_test_domain_replace_current (TestDomain *dom, GVirtTestDefinition *def)
{
  set_definition (dom->live != NULL ? &dom->live : &dom->config, def);
}

guint64
_gvirt_test_domain_cpu_time (const TestDomain *dom)
{
  guint64 t = dom->cpu_time;

  if (dom->running_since != 0)
    t += (guint64) (g_get_monotonic_time () - dom->running_since) * 1000 * _gvirt_test_domain_vcpus (dom);
  return t;
}

/* Folds the running time so far into cpu_time, before the vCPU count or state changes. */
void
_gvirt_test_fold_cpu_time (TestDomain *dom, gboolean keep_running)
{
  dom->cpu_time = _gvirt_test_domain_cpu_time (dom);
  dom->running_since = keep_running ? g_get_monotonic_time () : 0;
}

/* Boots @dom into @state (running or paused) from @live, or from its definition. */
void
_gvirt_test_boot_domain (GVirtTestBackend    *self,
                         TestDomain          *dom,
                         GVirtTestDefinition *live,
                         GVirtDomainState     state)
{
  set_definition (&dom->live, live != NULL ? live : dom->config);
  dom->id = self->next_id++;
  dom->state = state;
  dom->state_reason = state == GVIRT_DOMAIN_STATE_PAUSED ? GVIRT_DOMAIN_STATE_REASON_USER
                                                          : GVIRT_DOMAIN_STATE_REASON_BOOTED;
  dom->cpu_time = 0;
  dom->running_since = state == GVIRT_DOMAIN_STATE_RUNNING ? g_get_monotonic_time () : 0;
  /* Pins set for vCPUs the new configuration lacks are forgotten. */
  if (dom->pins->len > _gvirt_test_domain_vcpus (dom))
    g_ptr_array_set_size (dom->pins, _gvirt_test_domain_vcpus (dom));
}

/* Emits STARTED (and SUSPENDED when booted paused) for a domain just booted;
 * a paused one keeps the reason it started for (restored). */
static void
queue_boot_events (GVirtTestBackend *self, TestDomain *dom, GVirtDomainStartedReason reason)
{
  GVirtDomainState final = dom->state;

  dom->state = GVIRT_DOMAIN_STATE_RUNNING;
  dom->state_reason = _gvirt_state_reason_for_event (GVIRT_DOMAIN_EVENT_STARTED, reason, dom->state_reason);
  _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_STARTED, reason, dom);
  dom->state = final;
  if (final == GVIRT_DOMAIN_STATE_PAUSED)
    _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_SUSPENDED, GVIRT_DOMAIN_SUSPENDED_PAUSED, dom);
}

/* Stops an active domain; a transient one then disappears. */
static void
stop_domain (GVirtTestBackend *self, TestDomain *dom, GVirtDomainStoppedReason reason)
{
  _gvirt_test_fold_cpu_time (dom, FALSE);
  dom->state = GVIRT_DOMAIN_STATE_SHUTOFF;
  dom->state_reason = _gvirt_state_reason_for_event (GVIRT_DOMAIN_EVENT_STOPPED, reason, dom->state_reason);
  dom->id = -1;
  set_definition (&dom->live, NULL);
  _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_STOPPED, reason, dom);
  if (!dom->persistent)
    {
      _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_UNDEFINED, 0, dom);
      remove_domain (self, dom);
    }
}

static void
pin_free (gpointer pin)
{
  if (pin != NULL)
    g_array_unref (pin);
}

TestDomain *
_gvirt_test_new_domain (GVirtTestDefinition *def, gboolean persistent)
{
  TestDomain *dom = g_new0 (TestDomain, 1);

  dom->uuid = g_strdup (def->uuid);
  dom->config = _gvirt_test_definition_ref (def);
  dom->state = GVIRT_DOMAIN_STATE_SHUTOFF;
  dom->id = -1;
  dom->persistent = persistent;
  dom->pins = g_ptr_array_new_with_free_func (pin_free);
  return dom;
}

/*
 * Finds the domain @def describes. Fails with ALREADY_EXISTS when its
 * name and UUID belong to different domains; *existing is NULL when both
 * are new.
 */
static gboolean
match_domain (GVirtTestBackend     *self,
              GVirtTestDefinition  *def,
              TestDomain          **existing,
              GError              **error)
{
  const char *name = def->name;
  const char *uuid = def->uuid;
  TestDomain *by_uuid = g_hash_table_lookup (self->domains, uuid);
  TestDomain *by_name = g_hash_table_lookup (self->domain_names, name);

  *existing = NULL;
  if (by_uuid != NULL && by_uuid != by_name)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("Domain “%s” already has the UUID %s."), _gvirt_test_domain_name (by_uuid), uuid);
      return FALSE;
    }
  if (by_name != NULL && by_uuid == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("A domain named “%s” already exists, with the UUID %s."),
                   name, by_name->uuid);
      return FALSE;
    }
  *existing = by_uuid;
  return TRUE;
}

/* ---- Defining, creating, restoring ---------------------------------------------- */

/* The definition of the caller's @config, which stays as it is. */
static GVirtTestDefinition *
definition_argument (GVirtDomainConfig *config, GError **error)
{
  if (!GVIRT_IS_DOMAIN_CONFIG (config))
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("No domain configuration was given."));
      return NULL;
    }
  return _gvirt_test_definition_new (config, error);
}

static GVirtDomainRecord *
gvirt_test_backend_define_domain (GVirtBackend *backend, GVirtDomainConfig *config,
                                  GCancellable *cancellable, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autoptr(GVirtTestDefinition) def = NULL;
  GVirtDomainRecord *record = NULL;
  TestDomain *dom;

  if (!_gvirt_test_enter (self, cancellable, error))
    return NULL;
  def = definition_argument (config, error);
  if (def != NULL && match_domain (self, def, &dom, error))
    {
      if (dom == NULL)
        {
          dom = _gvirt_test_new_domain (def, TRUE);
          _gvirt_test_add_domain (self, dom);
          _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_DEFINED, 0, dom);
        }
      else
        {
          /* A new definition; a running domain keeps its live configuration until it stops. */
          set_definition (&dom->config, def);
          dom->persistent = TRUE;
          _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
        }
      record = _gvirt_test_domain_record (dom);
    }
  _gvirt_event_queue_unlock_and_emit (self->events);
  return record;
}

static GVirtDomainRecord *
gvirt_test_backend_create_domain (GVirtBackend *backend, GVirtDomainConfig *config,
                                  GCancellable *cancellable, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autoptr(GVirtTestDefinition) def = NULL;
  GVirtDomainRecord *record = NULL;
  TestDomain *dom;

  if (!_gvirt_test_enter (self, cancellable, error))
    return NULL;
  def = definition_argument (config, error);
  if (def != NULL && match_domain (self, def, &dom, error))
    {
      if (dom == NULL)
        {
          dom = _gvirt_test_new_domain (def, FALSE);
          _gvirt_test_add_domain (self, dom);
          _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_DEFINED, 0, dom);
          _gvirt_test_boot_domain (self, dom, NULL, GVIRT_DOMAIN_STATE_RUNNING);
        }
      else if (_gvirt_test_domain_is_active (dom))
        {
          _gvirt_test_invalid_state (dom, _("Domain “%s” cannot be created: it is already %s."), error);
          dom = NULL;
        }
      else
        {
          /* An inactive persistent domain boots this configuration once. */
          _gvirt_test_boot_domain (self, dom, def, GVIRT_DOMAIN_STATE_RUNNING);
        }
      if (dom != NULL)
        {
          queue_boot_events (self, dom, GVIRT_DOMAIN_STARTED_BOOTED);
          record = _gvirt_test_domain_record (dom);
        }
    }
  _gvirt_event_queue_unlock_and_emit (self->events);
  return record;
}

static GVirtDomainRecord *
gvirt_test_backend_restore_domain (GVirtBackend *backend, const char *path,
                                   GCancellable *cancellable, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autofree char *xml = NULL;
  g_autoptr(GVirtTestDefinition) def = NULL;
  g_autoptr(GError) local = NULL;
  GVirtDomainState state;
  GVirtDomainRecord *record = NULL;
  TestDomain *dom;

  /* Refuse on a read-only connection before touching the file. */
  if (!_gvirt_test_enter (self, cancellable, error))
    return NULL;
  g_mutex_unlock (&self->lock);
  if (path == NULL || *path == '\0')
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("No saved domain image was named."));
      return NULL;
    }

  if (!_gvirt_test_save_read (path, &xml, &state, error))
    return NULL;

  /* An image this node saved: its definition is still here, no need to
   * parse the XML again. */
  g_mutex_lock (&self->lock);
  def = g_hash_table_lookup (self->saved, xml);
  if (def != NULL)
    _gvirt_test_definition_ref (def);
  g_mutex_unlock (&self->lock);
  if (def == NULL)
    {
      g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new_from_xml (xml, &local);

      if (config != NULL)
        def = _gvirt_test_definition_new (config, &local);
    }
  if (def == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("The saved domain image “%s” holds no valid domain: %s"),
                   path, local->message);
      return NULL;
    }

  if (!_gvirt_test_enter (self, cancellable, error))
    return NULL;
  if (match_domain (self, def, &dom, error))
    {
      if (dom == NULL)
        {
          dom = _gvirt_test_new_domain (def, FALSE);
          _gvirt_test_add_domain (self, dom);
          _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_DEFINED, 0, dom);
        }
      else if (_gvirt_test_domain_is_active (dom))
        {
          _gvirt_test_invalid_state (dom, _("Domain “%s” cannot be restored: it is %s."), error);
          dom = NULL;
        }
      if (dom != NULL)
        {
          _gvirt_test_boot_domain (self, dom, def, state);
          queue_boot_events (self, dom, GVIRT_DOMAIN_STARTED_RESTORED);
          record = _gvirt_test_domain_record (dom);
        }
    }
  _gvirt_event_queue_unlock_and_emit (self->events);
  return record;
}

/* ---- Domain operations ------------------------------------------------------------ */

/* Runs @op on the domain @uuid under the node lock, then emits its events. */
gboolean
_gvirt_test_run_domain_op (GVirtBackend  *backend,
                           const char    *uuid,
                           DomainOp       op,
                           gconstpointer  data,
                           GCancellable  *cancellable,
                           GError       **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  TestDomain *dom;
  gboolean ok = FALSE;

  if (!_gvirt_test_enter (self, cancellable, error))
    return FALSE;
  dom = find_domain (self, uuid, error);
  if (dom != NULL)
    ok = op (self, dom, data, error);
  _gvirt_event_queue_unlock_and_emit (self->events);
  return ok;
}

static gboolean
op_start (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (!check_state (dom, GVIRT_OPERATION_DOMAIN_START, error))
    return FALSE;
  _gvirt_test_boot_domain (self, dom, NULL, GVIRT_DOMAIN_STATE_RUNNING);
  queue_boot_events (self, dom, GVIRT_DOMAIN_STARTED_BOOTED);
  return TRUE;
}

static gboolean
op_shutdown (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (!check_state (dom, GVIRT_OPERATION_DOMAIN_SHUTDOWN, error))
    return FALSE;
  /* The test guest obeys at once. */
  stop_domain (self, dom, GVIRT_DOMAIN_STOPPED_SHUTDOWN);
  return TRUE;
}

static gboolean
op_reboot (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (!check_state (dom, GVIRT_OPERATION_DOMAIN_REBOOT, error))
    return FALSE;
  /* The test guest reboots at once, keeping its id: no lifecycle change to report. */
  return TRUE;
}

static gboolean
op_destroy (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (!check_state (dom, GVIRT_OPERATION_DOMAIN_DESTROY, error))
    return FALSE;
  stop_domain (self, dom, GVIRT_DOMAIN_STOPPED_DESTROYED);
  return TRUE;
}

static gboolean
op_suspend (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (!check_state (dom, GVIRT_OPERATION_DOMAIN_SUSPEND, error))
    return FALSE;
  _gvirt_test_fold_cpu_time (dom, FALSE);
  dom->state = GVIRT_DOMAIN_STATE_PAUSED;
  dom->state_reason = GVIRT_DOMAIN_STATE_REASON_USER;
  _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_SUSPENDED, GVIRT_DOMAIN_SUSPENDED_PAUSED, dom);
  return TRUE;
}

static gboolean
op_resume (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (!check_state (dom, GVIRT_OPERATION_DOMAIN_RESUME, error))
    return FALSE;
  dom->state = GVIRT_DOMAIN_STATE_RUNNING;
  dom->state_reason = GVIRT_DOMAIN_STATE_REASON_UNPAUSED;
  dom->running_since = g_get_monotonic_time ();
  _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_RESUMED, GVIRT_DOMAIN_RESUMED_UNPAUSED, dom);
  return TRUE;
}

static gboolean
check_path (const TestDomain *dom, const char *path, GError **error)
{
  if (path == NULL || *path == '\0')
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("No file was named for domain “%s”."), _gvirt_test_domain_name (dom));
      return FALSE;
    }
  return TRUE;
}

/* The definitions of the images saved last, for their restore; keyed by
 * their own XML (without id, as a saved image keeps it). */
#define MAX_SAVED 1024

static void
remember_saved (GVirtTestBackend *self, GVirtTestDefinition *def)
{
  if (g_hash_table_size (self->saved) >= MAX_SAVED)
    g_hash_table_remove_all (self->saved);
  g_hash_table_replace (self->saved, (gpointer) def->xml, _gvirt_test_definition_ref (def));
}

static gboolean
op_save (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  const char *path = data;
  GVirtTestDefinition *live = _gvirt_test_domain_current (dom);

  if (!check_state (dom, GVIRT_OPERATION_DOMAIN_SAVE, error))
    return FALSE;
  if (!check_path (dom, path, error))
    return FALSE;
  if (!_gvirt_test_save_write (path, live->xml, dom->state, error))
    return FALSE;
  remember_saved (self, live);
  stop_domain (self, dom, GVIRT_DOMAIN_STOPPED_SAVED);
  return TRUE;
}

static gboolean
op_core_dump (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  const char *path = data;
  GVirtTestDefinition *live = _gvirt_test_domain_current (dom);
  g_autofree char *xml = NULL;
  g_autofree char *text = NULL;

  if (!check_state (dom, GVIRT_OPERATION_DOMAIN_CORE_DUMP, error))
    return FALSE;
  if (!check_path (dom, path, error))
    return FALSE;
  xml = _gvirt_test_definition_to_xml (live, dom->id, error);
  if (xml == NULL)
    return FALSE;
  text = g_strdup_printf ("%s\nname %s\nuuid %s\nid %d\nstate %s\n"
                          "memory %" G_GUINT64_FORMAT "\nmax-memory %" G_GUINT64_FORMAT "\n"
                          "vcpus %u\ncpu-time %" G_GUINT64_FORMAT "\n\n%s",
                          CORE_DUMP_MAGIC, _gvirt_test_domain_name (dom), dom->uuid, dom->id,
                          dom->state == GVIRT_DOMAIN_STATE_PAUSED ? "paused" : "running",
                          live->memory, live->max_memory, live->vcpus,
                          _gvirt_test_domain_cpu_time (dom), xml);
  return _gvirt_backend_write_file (path, text, -1, 0600, GVIRT_BACKEND_SYNC_NONE, error);
}

static gboolean
op_undefine (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (!dom->persistent)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is transient: it has no configuration to undefine."),
                   _gvirt_test_domain_name (dom));
      return FALSE;
    }
  if (_gvirt_test_domain_is_active (dom))
    {
      /* It keeps running, and disappears when it stops. */
      dom->persistent = FALSE;
      dom->autostart = FALSE;
      _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
    }
  else
    {
      _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_UNDEFINED, 0, dom);
      remove_domain (self, dom);
    }
  return TRUE;
}

static gboolean
op_set_autostart (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  gboolean autostart = *(const gboolean *) data != FALSE;

  if (!dom->persistent)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is transient: it cannot start with the host."),
                   _gvirt_test_domain_name (dom));
      return FALSE;
    }
  if (dom->autostart != autostart)
    {
      dom->autostart = autostart;
      _gvirt_test_queue_domain_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
    }
  return TRUE;
}

#define DEFINE_SIMPLE_OP(vfunc, op)                                                     \
  static gboolean                                                                       \
  gvirt_test_backend_##vfunc (GVirtBackend *backend, const char *uuid,                  \
                              GCancellable *cancellable, GError **error)                \
  {                                                                                     \
    return _gvirt_test_run_domain_op (backend, uuid, op, NULL, cancellable, error);          \
  }

DEFINE_SIMPLE_OP (domain_start, op_start)
DEFINE_SIMPLE_OP (domain_shutdown, op_shutdown)
DEFINE_SIMPLE_OP (domain_reboot, op_reboot)
DEFINE_SIMPLE_OP (domain_destroy, op_destroy)
DEFINE_SIMPLE_OP (domain_suspend, op_suspend)
DEFINE_SIMPLE_OP (domain_resume, op_resume)
DEFINE_SIMPLE_OP (domain_undefine, op_undefine)

static gboolean
gvirt_test_backend_domain_save (GVirtBackend *backend, const char *uuid, const char *path,
                                GCancellable *cancellable, GError **error)
{
  return _gvirt_test_run_domain_op (backend, uuid, op_save, path, cancellable, error);
}

static gboolean
gvirt_test_backend_domain_core_dump (GVirtBackend *backend, const char *uuid, const char *path,
                                     GCancellable *cancellable, GError **error)
{
  /* A dump changes nothing in the domain, but writes a file on the host. */
  return _gvirt_test_run_domain_op (backend, uuid, op_core_dump, path, cancellable, error);
}

static gboolean
gvirt_test_backend_domain_set_autostart (GVirtBackend *backend, const char *uuid,
                                         gboolean autostart,
                                         GCancellable *cancellable, GError **error)
{
  return _gvirt_test_run_domain_op (backend, uuid, op_set_autostart, &autostart, cancellable, error);
}

void
_gvirt_test_domains_iface_init (GVirtBackendInterface *iface)
{
  iface->define_domain = gvirt_test_backend_define_domain;
  iface->create_domain = gvirt_test_backend_create_domain;
  iface->restore_domain = gvirt_test_backend_restore_domain;
  iface->domain_start = gvirt_test_backend_domain_start;
  iface->domain_shutdown = gvirt_test_backend_domain_shutdown;
  iface->domain_reboot = gvirt_test_backend_domain_reboot;
  iface->domain_destroy = gvirt_test_backend_domain_destroy;
  iface->domain_suspend = gvirt_test_backend_domain_suspend;
  iface->domain_resume = gvirt_test_backend_domain_resume;
  iface->domain_save = gvirt_test_backend_domain_save;
  iface->domain_core_dump = gvirt_test_backend_domain_core_dump;
  iface->domain_undefine = gvirt_test_backend_domain_undefine;
  iface->domain_set_autostart = gvirt_test_backend_domain_set_autostart;
}
