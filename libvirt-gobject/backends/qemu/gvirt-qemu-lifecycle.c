/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* QEMU backend: start, create, and the lifecycle commands of running domains. */
#include "config.h"

#include <string.h>

#include "gvirt-qemu-backend-private.h"

/* ---- Start / create / restore --------------------------------------------------- */

/* Starts the inactive domain @uuid (lock not held) with @boot, or with its
 * definition when @boot is %NULL. Cancelled before QEMU runs: nothing is
 * started; cancelled while it was being launched: it is destroyed before
 * anyone sees it run. */
gboolean
_gvirt_qemu_start_domain (GVirtQemuBackend  *self,
                          const char        *uuid,
                          GVirtDomainConfig *boot,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(GVirtDomainConfig) config = NULL;
  Launched l = GVIRT_QEMU_LAUNCHED_INIT;
  GVirtDomainState state = GVIRT_DOMAIN_STATE_RUNNING;
  QemuDomain *dom;
  gboolean ok, transient;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  g_mutex_lock (&self->lock);
  dom = boot != NULL ? g_hash_table_lookup (self->domains, uuid) : _gvirt_qemu_lookup_domain (self, uuid, error);
  if (dom == NULL)
    {
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  if (_gvirt_qemu_domain_active (dom) || (dom->busy && boot == NULL))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is already running."), _gvirt_qemu_domain_name (dom));
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  dom->busy = TRUE;
  transient = dom->config == NULL;
  /* Definitions are replaced, never changed in place: a reference will do
   * (_gvirt_qemu_launch () works on a copy of its own). */
  config = g_object_ref (boot != NULL ? boot : dom->config);
  g_mutex_unlock (&self->lock);

  /* Without -S QEMU runs from the start: no query-status, which QEMU
   * answers late while it boots (30 ms and more under TCG). */
  ok = _gvirt_qemu_launch (self, config, FALSE, &l, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       _gvirt_qemu_announce_started (l.mon, GVIRT_DOMAIN_STARTED_BOOTED, FALSE, transient, error);
  if (!ok && l.mon != NULL)
    _gvirt_qemu_launched_destroy (&l);   /* with no lock: its exit event passes through _gvirt_qemu_on_mon_event */

  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (!ok || dom == NULL)
    {
      if (dom != NULL)
        {
          dom->busy = FALSE;
          if (dom->config == NULL && !_gvirt_qemu_domain_active (dom))
            _gvirt_qemu_remove_domain (self, dom);   /* a create that failed: never announced */
        }
      _gvirt_qemu_launched_clear (&l);
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  _gvirt_qemu_attach (self, dom, &l, state, GVIRT_DOMAIN_STARTED_BOOTED, TRUE);
  _gvirt_qemu_launched_clear (&l);
  _gvirt_event_queue_unlock_and_emit (self->events);
  return TRUE;
}

static gboolean
gvirt_qemu_backend_domain_start (GVirtBackend  *backend,
                                 const char    *uuid,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return _gvirt_qemu_start_domain (GVIRT_QEMU_BACKEND (backend), uuid, NULL, cancellable, error);
}

/* Lock held: a new transient entry for @config, not announced until it runs. */
QemuDomain *
_gvirt_qemu_add_transient (GVirtQemuBackend  *self,
                           GVirtDomainConfig *config,
                           GError           **error)
{
  const char *uuid = gvirt_domain_config_get_uuid (config);
  const char *name = gvirt_domain_config_get_name (config);
  QemuDomain *dom = g_hash_table_lookup (self->domains, uuid);

  if (!_gvirt_qemu_check_name_free (self, name, uuid, error))
    return NULL;
  if (dom != NULL)
    {
      if (_gvirt_qemu_domain_active (dom) || dom->busy)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                       _("Domain “%s” is already running."), _gvirt_qemu_domain_name (dom));
          return NULL;
        }
      if (g_strcmp0 (_gvirt_qemu_domain_name (dom), name) != 0)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                       _("The UUID %s already belongs to domain “%s”."), uuid, _gvirt_qemu_domain_name (dom));
          return NULL;
        }
      return dom;
    }
  return _gvirt_qemu_add_domain (self, uuid, name);
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

  if (!_gvirt_qemu_prepare_config (config, error))
    return NULL;
  uuid = gvirt_domain_config_get_uuid (config);
  g_mutex_lock (&self->lock);
  dom = _gvirt_qemu_add_transient (self, config, error);
  if (dom != NULL)
    dom->busy = TRUE;   /* nobody else starts it meanwhile */
  g_mutex_unlock (&self->lock);
  if (dom == NULL)
    return NULL;
  /* A defined domain created with another config runs that config (libvirt does the same). */
  if (!_gvirt_qemu_start_domain (self, uuid, config, cancellable, error))
    return NULL;
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom != NULL)
    record = _gvirt_qemu_domain_record (dom);
  g_mutex_unlock (&self->lock);
  if (record == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                 _("Domain “%s” stopped as soon as it started."), gvirt_domain_config_get_name (config));
  return record;
}

/* ---- Lifecycle ------------------------------------------------------------------- */

/* Sends @execute to the running domain @uuid if @op allows its current
 * state. @cancellable is honoured until the command goes out, not after:
 * QEMU carries out what it was sent, and a CANCELLED then would hide a
 * state change the caller is about to be told of (the reply comes within
 * the timeout either way). */
static gboolean
simple_command (GVirtQemuBackend *self,
                const char       *uuid,
                GVirtOperation    op,
                const char       *execute,
                GCancellable     *cancellable,
                GError          **error)
{
  g_autoptr(GVirtQemuMonitorClient) mon = _gvirt_qemu_active_mon (self, uuid, error);
  g_autoptr(JsonNode) ret = NULL;
  QemuDomain *dom;

  if (mon == NULL)
    return FALSE;
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom != NULL && !gvirt_operation_check_state (op, _gvirt_qemu_domain_name (dom), dom->state, error))
    {
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  g_mutex_unlock (&self->lock);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  ret = gvirt_qemu_monitor_client_command (mon, execute, NULL, NULL, 10000, NULL, error);
  _gvirt_qemu_flush_events (self);
  return ret != NULL;
}

static gboolean
gvirt_qemu_backend_domain_shutdown (GVirtBackend *backend, const char *uuid,
                                    GCancellable *cancellable, GError **error)
{
  return simple_command (GVIRT_QEMU_BACKEND (backend), uuid, GVIRT_OPERATION_DOMAIN_SHUTDOWN, "system_powerdown",
                         cancellable, error);
}

static gboolean
gvirt_qemu_backend_domain_reboot (GVirtBackend *backend, const char *uuid,
                                  GCancellable *cancellable, GError **error)
{
  return simple_command (GVIRT_QEMU_BACKEND (backend), uuid, GVIRT_OPERATION_DOMAIN_REBOOT, "system_reset",
                         cancellable, error);
}

static gboolean
gvirt_qemu_backend_domain_suspend (GVirtBackend *backend, const char *uuid,
                                   GCancellable *cancellable, GError **error)
{
  return simple_command (GVIRT_QEMU_BACKEND (backend), uuid, GVIRT_OPERATION_DOMAIN_SUSPEND, "stop",
                         cancellable, error);
}

static gboolean
gvirt_qemu_backend_domain_resume (GVirtBackend *backend, const char *uuid,
                                  GCancellable *cancellable, GError **error)
{
  return simple_command (GVIRT_QEMU_BACKEND (backend), uuid, GVIRT_OPERATION_DOMAIN_RESUME, "cont",
                         cancellable, error);
}

static gboolean
gvirt_qemu_backend_domain_destroy (GVirtBackend *backend, const char *uuid,
                                   GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = _gvirt_qemu_active_mon (self, uuid, error);
  g_autoptr(JsonNode) ret = NULL;

  if (mon == NULL)
    return FALSE;
  ret = gvirt_qemu_monitor_client_command (mon, GVIRT_QEMU_CMD_DESTROY, NULL, NULL, 5000, cancellable, error);
  if (ret == NULL)
    return FALSE;
  /* Cancelled from here on, QEMU still dies: the caller just stops waiting. */
  if (!gvirt_qemu_monitor_client_wait_exit (mon, 10000, cancellable, NULL))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("The QEMU process of the domain did not exit."));
      return FALSE;
    }
  _gvirt_qemu_flush_events (self);
  return TRUE;
}

static gboolean
gvirt_qemu_backend_domain_core_dump (GVirtBackend *backend, const char *uuid, const char *path,
                                     GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = _gvirt_qemu_active_mon (self, uuid, error);
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
  ret = gvirt_qemu_monitor_client_command (mon, "dump-guest-memory", args, NULL, 600 * 1000, cancellable, error);
  return ret != NULL;
}

void
_gvirt_qemu_lifecycle_iface_init (GVirtBackendInterface *iface)
{
  iface->create_domain = gvirt_qemu_backend_create_domain;
  iface->domain_start = gvirt_qemu_backend_domain_start;
  iface->domain_shutdown = gvirt_qemu_backend_domain_shutdown;
  iface->domain_reboot = gvirt_qemu_backend_domain_reboot;
  iface->domain_destroy = gvirt_qemu_backend_domain_destroy;
  iface->domain_suspend = gvirt_qemu_backend_domain_suspend;
  iface->domain_resume = gvirt_qemu_backend_domain_resume;
  iface->domain_core_dump = gvirt_qemu_backend_domain_core_dump;
}
