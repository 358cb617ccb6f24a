/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The test node's networks: lookup, bridges, defining, creating, starting, stopping. */
#include "config.h"

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-backend-names-private.h"
#include "gvirt-test-backend-private.h"
#include "gvirt-test-node-private.h"

GVirtNetworkRecord *
_gvirt_test_network_record (const TestNetwork *net)
{
  GVirtNetworkRecord *record = gvirt_network_record_new (net->uuid, _gvirt_test_network_name (net));
  GVirtNetworkConfig *config = net->live != NULL ? net->live : net->config;

  record->bridge = g_strdup (gvirt_network_config_get_bridge_name (config));
  record->active = _gvirt_test_network_is_active (net);
  record->persistent = net->persistent;
  record->autostart = net->autostart;
  return record;
}

static TestNetwork *
find_network (GVirtTestBackend *self, const char *uuid, GError **error)
{
  TestNetwork *net = uuid != NULL ? g_hash_table_lookup (self->networks, uuid) : NULL;

  if (net == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_NETWORK,
                 _("No network with UUID “%s” exists on this node."),
                 uuid != NULL ? uuid : "");
  return net;
}

void
_gvirt_test_add_network (GVirtTestBackend *self, TestNetwork *net)
{
  g_hash_table_insert (self->networks, net->uuid, net);
  g_hash_table_insert (self->network_names, g_strdup (_gvirt_test_network_name (net)), net);
  g_ptr_array_add (self->network_order, net);
}

static void
remove_network (GVirtTestBackend *self, TestNetwork *net)
{
  g_hash_table_remove (self->network_names, _gvirt_test_network_name (net));
  g_ptr_array_remove (self->network_order, net);
  g_hash_table_remove (self->networks, net->uuid);
}

/* ---- Networks ---------------------------------------------------------------- */

static gboolean
bridge_in_use (GVirtTestBackend *self, const char *bridge, const TestNetwork *except)
{
  for (guint i = 0; i < self->network_order->len; i++)
    {
      TestNetwork *net = g_ptr_array_index (self->network_order, i);

      if (net != except &&
          (g_strcmp0 (gvirt_network_config_get_bridge_name (net->config), bridge) == 0 ||
           (net->live != NULL &&
            g_strcmp0 (gvirt_network_config_get_bridge_name (net->live), bridge) == 0)))
        return TRUE;
    }
  return FALSE;
}

gboolean
_gvirt_test_normalize_network_config (GVirtTestBackend   *self,
                                      GVirtNetworkConfig *config,
                                      gboolean            with_bridge,
                                      GError            **error)
{
  const char *name = gvirt_network_config_get_name (config);
  const char *uuid = gvirt_network_config_get_uuid (config);
  g_autofree char *canonical = NULL;

  if (!_gvirt_backend_check_network_name (name, error) ||
      (canonical = _gvirt_backend_network_uuid (uuid, name, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (uuid, canonical) != 0)
    gvirt_network_config_set_uuid (config, canonical);

  if (with_bridge)
    _gvirt_test_assign_bridge (self, config);
  return TRUE;
}

/* As libvirt's network driver: a network without a bridge gets a free virbrN. */
void
_gvirt_test_assign_bridge (GVirtTestBackend *self, GVirtNetworkConfig *config)
{
  const char *bridge = gvirt_network_config_get_bridge_name (config);
  TestNetwork *same;

  if (bridge != NULL && *bridge != '\0')
    return;
  same = g_hash_table_lookup (self->networks, gvirt_network_config_get_uuid (config));
  for (guint n = 0; ; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("virbr%u", n);

      if (!bridge_in_use (self, candidate, same))
        {
          gvirt_network_config_set_bridge_name (config, candidate);
          return;
        }
    }
}

static gboolean
match_network (GVirtTestBackend    *self,
               GVirtNetworkConfig  *config,
               TestNetwork        **existing,
               GError             **error)
{
  const char *name = gvirt_network_config_get_name (config);
  const char *uuid = gvirt_network_config_get_uuid (config);
  TestNetwork *by_uuid = g_hash_table_lookup (self->networks, uuid);
  TestNetwork *by_name = g_hash_table_lookup (self->network_names, name);

  *existing = NULL;
  if (by_uuid != NULL && by_uuid != by_name)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("Network “%s” already has the UUID %s."), _gvirt_test_network_name (by_uuid), uuid);
      return FALSE;
    }
  if (by_name != NULL && by_uuid == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("A network named “%s” already exists, with the UUID %s."),
                   name, by_name->uuid);
      return FALSE;
    }
  *existing = by_uuid;
  return TRUE;
}

TestNetwork *
_gvirt_test_new_network (GVirtNetworkConfig *config, gboolean persistent)
{
  TestNetwork *net = g_new0 (TestNetwork, 1);

  net->uuid = g_strdup (gvirt_network_config_get_uuid (config));
  net->config = g_object_ref (config);
  net->persistent = persistent;
  return net;
}

static void
stop_network (GVirtTestBackend *self, TestNetwork *net)
{
  g_clear_object (&net->live);
  _gvirt_test_queue_network_event (self, GVIRT_NETWORK_EVENT_STOPPED, net);
  if (!net->persistent)
    {
      _gvirt_test_queue_network_event (self, GVIRT_NETWORK_EVENT_UNDEFINED, net);
      remove_network (self, net);
    }
}

/* ---- Network operations ----------------------------------------------------------- */

static GVirtNetworkConfig *
copy_network_argument (GVirtNetworkConfig *config, GError **error)
{
  if (!GVIRT_IS_NETWORK_CONFIG (config))
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("No network configuration was given."));
      return NULL;
    }
  return gvirt_network_config_copy (config);
}

static GVirtNetworkRecord *
gvirt_test_backend_define_network (GVirtBackend *backend, GVirtNetworkConfig *config,
                                   GCancellable *cancellable, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autoptr(GVirtNetworkConfig) copy = NULL;
  GVirtNetworkRecord *record = NULL;
  TestNetwork *net;

  if (!_gvirt_test_enter (self, cancellable, error))
    return NULL;
  copy = copy_network_argument (config, error);
  if (copy != NULL &&
      _gvirt_test_normalize_network_config (self, copy, TRUE, error) &&
      match_network (self, copy, &net, error))
    {
      if (net == NULL)
        {
          net = _gvirt_test_new_network (copy, TRUE);
          _gvirt_test_add_network (self, net);
          _gvirt_test_queue_network_event (self, GVIRT_NETWORK_EVENT_DEFINED, net);
        }
      else
        {
          /* An active network keeps its live configuration until it stops. */
          g_set_object (&net->config, copy);
          net->persistent = TRUE;
          _gvirt_test_queue_network_event (self, GVIRT_NETWORK_EVENT_UPDATED, net);
        }
      record = _gvirt_test_network_record (net);
    }
  _gvirt_event_queue_unlock_and_emit (self->events);
  return record;
}

static GVirtNetworkRecord *
gvirt_test_backend_create_network (GVirtBackend *backend, GVirtNetworkConfig *config,
                                   GCancellable *cancellable, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autoptr(GVirtNetworkConfig) copy = NULL;
  GVirtNetworkRecord *record = NULL;
  TestNetwork *net;

  if (!_gvirt_test_enter (self, cancellable, error))
    return NULL;
  copy = copy_network_argument (config, error);
  if (copy != NULL &&
      _gvirt_test_normalize_network_config (self, copy, TRUE, error) &&
      match_network (self, copy, &net, error))
    {
      if (net != NULL && _gvirt_test_network_is_active (net))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                       _("Network “%s” cannot be created: it is already active."),
                       _gvirt_test_network_name (net));
          net = NULL;
        }
      else
        {
          if (net == NULL)
            {
              net = _gvirt_test_new_network (copy, FALSE);
              _gvirt_test_add_network (self, net);
              _gvirt_test_queue_network_event (self, GVIRT_NETWORK_EVENT_DEFINED, net);
            }
          net->live = gvirt_network_config_copy (copy);
          _gvirt_test_queue_network_event (self, GVIRT_NETWORK_EVENT_STARTED, net);
          record = _gvirt_test_network_record (net);
        }
    }
  _gvirt_event_queue_unlock_and_emit (self->events);
  return record;
}

typedef gboolean (*NetworkOp) (GVirtTestBackend *self, TestNetwork *net,
                               gconstpointer data, GError **error);

static gboolean
run_network_op (GVirtBackend  *backend,
                const char    *uuid,
                NetworkOp      op,
                gconstpointer  data,
                GCancellable  *cancellable,
                GError       **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  TestNetwork *net;
  gboolean ok = FALSE;

  if (!_gvirt_test_enter (self, cancellable, error))
    return FALSE;
  net = find_network (self, uuid, error);
  if (net != NULL)
    ok = op (self, net, data, error);
  _gvirt_event_queue_unlock_and_emit (self->events);
  return ok;
}

static gboolean
op_network_start (GVirtTestBackend *self, TestNetwork *net, gconstpointer data, GError **error)
{
  if (_gvirt_test_network_is_active (net))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Network “%s” cannot be started: it is already active."), _gvirt_test_network_name (net));
      return FALSE;
    }
  net->live = gvirt_network_config_copy (net->config);
  _gvirt_test_queue_network_event (self, GVIRT_NETWORK_EVENT_STARTED, net);
  return TRUE;
}

static gboolean
op_network_destroy (GVirtTestBackend *self, TestNetwork *net, gconstpointer data, GError **error)
{
  if (!_gvirt_test_network_is_active (net))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Network “%s” cannot be destroyed: it is not active."), _gvirt_test_network_name (net));
      return FALSE;
    }
  stop_network (self, net);
  return TRUE;
}

static gboolean
op_network_undefine (GVirtTestBackend *self, TestNetwork *net, gconstpointer data, GError **error)
{
  if (!net->persistent)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Network “%s” is transient: it has no configuration to undefine."),
                   _gvirt_test_network_name (net));
      return FALSE;
    }
  if (_gvirt_test_network_is_active (net))
    {
      net->persistent = FALSE;
      net->autostart = FALSE;
      _gvirt_test_queue_network_event (self, GVIRT_NETWORK_EVENT_UPDATED, net);
    }
  else
    {
      _gvirt_test_queue_network_event (self, GVIRT_NETWORK_EVENT_UNDEFINED, net);
      remove_network (self, net);
    }
  return TRUE;
}

static gboolean
op_network_set_autostart (GVirtTestBackend *self, TestNetwork *net, gconstpointer data,
                          GError **error)
{
  gboolean autostart = *(const gboolean *) data != FALSE;

  if (!net->persistent)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Network “%s” is transient: it cannot start with the host."),
                   _gvirt_test_network_name (net));
      return FALSE;
    }
  if (net->autostart != autostart)
    {
      net->autostart = autostart;
      _gvirt_test_queue_network_event (self, GVIRT_NETWORK_EVENT_UPDATED, net);
    }
  return TRUE;
}

static gboolean
op_network_get_config (GVirtTestBackend *self, TestNetwork *net, gconstpointer data,
                       GError **error)
{
  GVirtNetworkConfig **out = (GVirtNetworkConfig **) data;

  *out = gvirt_network_config_copy (net->live != NULL ? net->live : net->config);
  return TRUE;
}

static gboolean
gvirt_test_backend_network_start (GVirtBackend *backend, const char *uuid,
                                  GCancellable *cancellable, GError **error)
{
  return run_network_op (backend, uuid, op_network_start, NULL, cancellable, error);
}

static gboolean
gvirt_test_backend_network_destroy (GVirtBackend *backend, const char *uuid,
                                    GCancellable *cancellable, GError **error)
{
  return run_network_op (backend, uuid, op_network_destroy, NULL, cancellable, error);
}

static gboolean
gvirt_test_backend_network_undefine (GVirtBackend *backend, const char *uuid,
                                     GCancellable *cancellable, GError **error)
{
  return run_network_op (backend, uuid, op_network_undefine, NULL, cancellable, error);
}

static gboolean
gvirt_test_backend_network_set_autostart (GVirtBackend *backend, const char *uuid,
                                          gboolean autostart,
                                          GCancellable *cancellable, GError **error)
{
  return run_network_op (backend, uuid, op_network_set_autostart, &autostart,
                         cancellable, error);
}

static GVirtNetworkConfig *
gvirt_test_backend_network_get_config (GVirtBackend *backend, const char *uuid,
                                       GCancellable *cancellable, GError **error)
{
  GVirtNetworkConfig *config = NULL;

  run_network_op (backend, uuid, op_network_get_config, &config, cancellable, error);
  return config;
}

void
_gvirt_test_networks_iface_init (GVirtBackendInterface *iface)
{
  iface->define_network = gvirt_test_backend_define_network;
  iface->create_network = gvirt_test_backend_create_network;
  iface->network_start = gvirt_test_backend_network_start;
  iface->network_destroy = gvirt_test_backend_network_destroy;
  iface->network_undefine = gvirt_test_backend_network_undefine;
  iface->network_get_config = gvirt_test_backend_network_get_config;
  iface->network_set_autostart = gvirt_test_backend_network_set_autostart;
}
