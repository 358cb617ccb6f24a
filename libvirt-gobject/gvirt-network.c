/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtNetwork: one virtual network of a connection, its state and its actions. */
#include "config.h"

#include "gvirt-network-private.h"
#include "gvirt-connection-private.h"
#include "gvirt-operation-private.h"
#include "gvirt-task-private.h"
#include "gvirt-error.h"
#include "gvirt-i18n-private.h"

/**
 * GVirtNetwork:
 *
 * A virtual network of a #GVirtConnection: a bridge on the host, with
 * optional NAT or routing and DHCP. One object per network per connection;
 * its properties follow the node whoever changes it.
 *
 * In C (the body of a `main()`), Python, and JavaScript (a GJS module,
 * `gjs -m`):
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirtConnection) conn =
 *   gvirt_connection_open_sync ("test:///default", GVIRT_CONNECTION_NONE, NULL, &error);
 * g_autoptr(GVirtNetwork) net = gvirt_connection_find_network_by_name (conn, "default");
 *
 * g_print ("%s on %s\n", gvirt_network_get_name (net), gvirt_network_get_bridge (net));
 * if (!gvirt_network_destroy_sync (net, NULL, &error))
 *   g_printerr ("%s\n", error->message);
 * g_print ("active: %s\n", gvirt_network_get_active (net) ? "yes" : "no");
 * ```
 *
 * ```python
 * import gi
 * gi.require_version("GVirt", "1.0")
 * from gi.repository import GVirt
 *
 * conn = GVirt.Connection.open_sync("test:///default", GVirt.ConnectionFlags.NONE, None)
 * net = conn.find_network_by_name("default")
 * net.connect("stopped", lambda net: print(net.props.name, "stopped"))
 * net.destroy_sync(None)
 * config = net.get_config_sync(None)
 * print(config.props.bridge_name, config.props.ip_address, config.props.forward_mode.value_nick)
 * ```
 *
 * ```js
 * import Gio from 'gi://Gio';
 * import GVirt from 'gi://GVirt?version=1.0';
 * Gio._promisify(GVirt.Network.prototype, 'destroy_async', 'destroy_finish');
 * Gio._promisify(GVirt.Network.prototype, 'start_async', 'start_finish');
 *
 * const conn = GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.NONE, null);
 * const net = conn.find_network_by_name('default');
 * net.connect('notify::active', () => print(`${net.name} active: ${net.active}`));
 * await net.destroy_async(null);
 * await net.start_async(null);
 * ```
 */
struct _GVirtNetwork
{
  GObject   parent_instance;

  GWeakRef  connection;
  char     *uuid;
  char     *name;
  char     *bridge;
  gboolean  active;
  gboolean  persistent;
  gboolean  autostart;
};

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_NAME,
  PROP_UUID,
  PROP_BRIDGE,
  PROP_ACTIVE,
  PROP_PERSISTENT,
  PROP_AUTOSTART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STARTED,
  STOPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GVirtNetwork, gvirt_network, G_TYPE_OBJECT)

GVirtNetwork *
_gvirt_network_new (GVirtConnection          *connection,
                    const GVirtNetworkRecord *record)
{
  GVirtNetwork *self = g_object_new (GVIRT_TYPE_NETWORK, NULL);

  g_weak_ref_set (&self->connection, connection);
  self->uuid = g_strdup (record->uuid);
  self->name = g_strdup (record->name);
  self->bridge = g_strdup (record->bridge);
  self->active = record->active;
  self->persistent = record->persistent;
  self->autostart = record->autostart;
  return self;
}

static void
update_boolean (GVirtNetwork *self,
                gboolean     *field,
                gboolean      value,
                guint         prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_gvirt_network_apply_record (GVirtNetwork             *self,
                             const GVirtNetworkRecord *record)
{
  if (g_strcmp0 (self->bridge, record->bridge) != 0)
    {
      g_free (self->bridge);
      self->bridge = g_strdup (record->bridge);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRIDGE]);
    }
  update_boolean (self, &self->active, record->active, PROP_ACTIVE);
  update_boolean (self, &self->persistent, record->persistent, PROP_PERSISTENT);
  update_boolean (self, &self->autostart, record->autostart, PROP_AUTOSTART);
}

void
_gvirt_network_emit_event (GVirtNetwork          *self,
                           GVirtNetworkEventKind  kind)
{
  if (kind == GVIRT_NETWORK_EVENT_STARTED)
    g_signal_emit (self, signals[STARTED], 0);
  else if (kind == GVIRT_NETWORK_EVENT_STOPPED)
    g_signal_emit (self, signals[STOPPED], 0);
}

/* Operations: every public _sync/_async/_finish triple is one row of the
 * operation table (gvirt-operation.c), run on this network's UUID. */

static gpointer
network_call_sync (GVirtNetwork              *self,
                   GVirtOperation             operation,
                   const GVirtOperationArgs  *args,
                   GCancellable              *cancellable,
                   GError                   **error)
{
  g_autoptr(GVirtConnection) connection = g_weak_ref_get (&self->connection);

  return _gvirt_operation_call_sync (connection, self, operation, self->uuid, args,
                                     cancellable, error);
}

static void
network_call_async (GVirtNetwork              *self,
                    GVirtOperation             operation,
                    const GVirtOperationArgs  *args,
                    GCancellable              *cancellable,
                    GAsyncReadyCallback        callback,
                    gpointer                   user_data,
                    gpointer                   source_tag)
{
  _gvirt_operation_call_async (self, operation, self->uuid, args, cancellable,
                               callback, user_data, source_tag);
}



/**
 * gvirt_network_start_sync: (async-func start_async)
 * @self: a #GVirtNetwork
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Starts a defined, inactive network.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_network_start_sync (GVirtNetwork *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), FALSE);
  return network_call_sync (self, GVIRT_OPERATION_NETWORK_START, NULL, cancellable, error) != NULL;
}

/**
 * gvirt_network_start_async: (finish-func start_finish) (sync-func start_sync)
 * @self: a #GVirtNetwork
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_network_start_sync().
 */
void
gvirt_network_start_async (GVirtNetwork *self, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_NETWORK (self));
  network_call_async (self, GVIRT_OPERATION_NETWORK_START, NULL, cancellable, callback, user_data,
                      gvirt_network_start_async);
}

/**
 * gvirt_network_start_finish:
 * @self: a #GVirtNetwork
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_network_start_async().
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_network_start_finish (GVirtNetwork *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_network_start_async, error) != NULL;
}

/**
 * gvirt_network_destroy_sync: (async-func destroy_async)
 * @self: a #GVirtNetwork
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Stops an active network. A transient network disappears.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_network_destroy_sync (GVirtNetwork *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), FALSE);
  return network_call_sync (self, GVIRT_OPERATION_NETWORK_DESTROY, NULL, cancellable, error) != NULL;
}

/**
 * gvirt_network_destroy_async: (finish-func destroy_finish) (sync-func destroy_sync)
 * @self: a #GVirtNetwork
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_network_destroy_sync().
 */
void
gvirt_network_destroy_async (GVirtNetwork *self, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_NETWORK (self));
  network_call_async (self, GVIRT_OPERATION_NETWORK_DESTROY, NULL, cancellable, callback, user_data,
                      gvirt_network_destroy_async);
}

/**
 * gvirt_network_destroy_finish:
 * @self: a #GVirtNetwork
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_network_destroy_async().
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_network_destroy_finish (GVirtNetwork *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_network_destroy_async, error) != NULL;
}

/**
 * gvirt_network_undefine_sync: (async-func undefine_async)
 * @self: a #GVirtNetwork
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Forgets the network's persistent configuration; an active network
 * becomes transient.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_network_undefine_sync (GVirtNetwork *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), FALSE);
  return network_call_sync (self, GVIRT_OPERATION_NETWORK_UNDEFINE, NULL, cancellable, error) != NULL;
}

/**
 * gvirt_network_undefine_async: (finish-func undefine_finish) (sync-func undefine_sync)
 * @self: a #GVirtNetwork
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_network_undefine_sync().
 */
void
gvirt_network_undefine_async (GVirtNetwork *self, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_NETWORK (self));
  network_call_async (self, GVIRT_OPERATION_NETWORK_UNDEFINE, NULL, cancellable, callback, user_data,
                      gvirt_network_undefine_async);
}

/**
 * gvirt_network_undefine_finish:
 * @self: a #GVirtNetwork
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_network_undefine_async().
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_network_undefine_finish (GVirtNetwork *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_network_undefine_async, error) != NULL;
}

/**
 * gvirt_network_set_autostart_sync: (async-func set_autostart_async)
 * @self: a #GVirtNetwork
 * @autostart: whether the network starts with the host
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Sets #GVirtNetwork:autostart.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_network_set_autostart_sync (GVirtNetwork *self, gboolean autostart,
                                  GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), FALSE);
  return network_call_sync (self, GVIRT_OPERATION_NETWORK_SET_AUTOSTART, GVIRT_OPERATION_ARGS (.value = autostart != FALSE),
                            cancellable, error) != NULL;
}

/**
 * gvirt_network_set_autostart_async: (finish-func set_autostart_finish) (sync-func set_autostart_sync)
 * @self: a #GVirtNetwork
 * @autostart: whether the network starts with the host
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_network_set_autostart_sync().
 */
void
gvirt_network_set_autostart_async (GVirtNetwork *self, gboolean autostart,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_NETWORK (self));
  network_call_async (self, GVIRT_OPERATION_NETWORK_SET_AUTOSTART, GVIRT_OPERATION_ARGS (.value = autostart != FALSE),
                      cancellable, callback, user_data, gvirt_network_set_autostart_async);
}

/**
 * gvirt_network_set_autostart_finish:
 * @self: a #GVirtNetwork
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_network_set_autostart_async().
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_network_set_autostart_finish (GVirtNetwork *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_network_set_autostart_async, error) != NULL;
}

/**
 * gvirt_network_get_config_sync: (async-func get_config_async)
 * @self: a #GVirtNetwork
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks for a copy of the network's configuration.
 *
 * Returns: (transfer full): the configuration, or %NULL with @error set
 */
GVirtNetworkConfig *
gvirt_network_get_config_sync (GVirtNetwork *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), NULL);
  return network_call_sync (self, GVIRT_OPERATION_NETWORK_GET_CONFIG, NULL, cancellable, error);
}

/**
 * gvirt_network_get_config_async: (finish-func get_config_finish) (sync-func get_config_sync)
 * @self: a #GVirtNetwork
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_network_get_config_sync().
 */
void
gvirt_network_get_config_async (GVirtNetwork *self, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_NETWORK (self));
  network_call_async (self, GVIRT_OPERATION_NETWORK_GET_CONFIG, NULL, cancellable, callback, user_data,
                      gvirt_network_get_config_async);
}

/**
 * gvirt_network_get_config_finish:
 * @self: a #GVirtNetwork
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_network_get_config_async().
 *
 * Returns: (transfer full): the configuration, or %NULL with @error set
 */
GVirtNetworkConfig *
gvirt_network_get_config_finish (GVirtNetwork *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_network_get_config_async, error);
}

/**
 * gvirt_network_get_xml_sync: (async-func get_xml_async)
 * @self: a #GVirtNetwork
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks for the network's XML description.
 *
 * Returns: (transfer full): the XML, or %NULL with @error set
 */
char *
gvirt_network_get_xml_sync (GVirtNetwork *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), NULL);
  return network_call_sync (self, GVIRT_OPERATION_NETWORK_GET_XML, NULL, cancellable, error);
}

/**
 * gvirt_network_get_xml_async: (finish-func get_xml_finish) (sync-func get_xml_sync)
 * @self: a #GVirtNetwork
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_network_get_xml_sync().
 */
void
gvirt_network_get_xml_async (GVirtNetwork *self, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_NETWORK (self));
  network_call_async (self, GVIRT_OPERATION_NETWORK_GET_XML, NULL, cancellable, callback, user_data,
                      gvirt_network_get_xml_async);
}

/**
 * gvirt_network_get_xml_finish:
 * @self: a #GVirtNetwork
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_network_get_xml_async().
 *
 * Returns: (transfer full): the XML, or %NULL with @error set
 */
char *
gvirt_network_get_xml_finish (GVirtNetwork *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_network_get_xml_async, error);
}


/**
 * gvirt_network_get_connection:
 * @self: a #GVirtNetwork
 *
 * Gets the connection the network belongs to.
 *
 * Returns: (transfer full) (nullable): the network's connection, or %NULL
 *   once the connection is finalized
 */
GVirtConnection *
gvirt_network_get_connection (GVirtNetwork *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), NULL);

  return g_weak_ref_get (&self->connection);
}

/**
 * gvirt_network_get_name:
 * @self: a #GVirtNetwork
 *
 * Gets the network's name.
 *
 * Returns: the network's name
 */
const char *
gvirt_network_get_name (GVirtNetwork *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), NULL);

  return self->name;
}

/**
 * gvirt_network_get_uuid:
 * @self: a #GVirtNetwork
 *
 * Gets the network's UUID, lower-case 8-4-4-4-12.
 *
 * Returns: the network's UUID, lower-case 8-4-4-4-12
 */
const char *
gvirt_network_get_uuid (GVirtNetwork *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), NULL);

  return self->uuid;
}

/**
 * gvirt_network_get_bridge:
 * @self: a #GVirtNetwork
 *
 * Gets the host bridge device of the network.
 *
 * Returns: (nullable): the host bridge device of the network
 */
const char *
gvirt_network_get_bridge (GVirtNetwork *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), NULL);

  return self->bridge;
}

/**
 * gvirt_network_get_active:
 * @self: a #GVirtNetwork
 *
 * Tells whether the network is running.
 *
 * Returns: whether the network is running
 */
gboolean
gvirt_network_get_active (GVirtNetwork *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), FALSE);

  return self->active;
}

/**
 * gvirt_network_get_persistent:
 * @self: a #GVirtNetwork
 *
 * Tells whether the network's configuration outlives a stop.
 *
 * Returns: whether the network's configuration outlives a stop
 */
gboolean
gvirt_network_get_persistent (GVirtNetwork *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), FALSE);

  return self->persistent;
}

/**
 * gvirt_network_get_autostart:
 * @self: a #GVirtNetwork
 *
 * Tells whether the network starts with the host.
 *
 * Returns: whether the network starts with the host
 */
gboolean
gvirt_network_get_autostart (GVirtNetwork *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK (self), FALSE);

  return self->autostart;
}

static void
gvirt_network_finalize (GObject *object)
{
  GVirtNetwork *self = GVIRT_NETWORK (object);

  g_weak_ref_clear (&self->connection);
  g_free (self->uuid);
  g_free (self->name);
  g_free (self->bridge);

  G_OBJECT_CLASS (gvirt_network_parent_class)->finalize (object);
}

static void
gvirt_network_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GVirtNetwork *self = GVIRT_NETWORK (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_take_object (value, gvirt_network_get_connection (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_BRIDGE:
      g_value_set_string (value, self->bridge);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_PERSISTENT:
      g_value_set_boolean (value, self->persistent);
      break;
    case PROP_AUTOSTART:
      g_value_set_boolean (value, self->autostart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvirt_network_class_init (GVirtNetworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gvirt_network_finalize;
  object_class->get_property = gvirt_network_get_property;

  /**
   * GVirtNetwork:connection:
   *
   * The connection the network belongs to.
   */
  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, GVIRT_TYPE_CONNECTION, flags);

  /**
   * GVirtNetwork:name:
   *
   * The network's name, unique on its node.
   */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);

  /**
   * GVirtNetwork:uuid:
   *
   * The network's UUID, lower-case 8-4-4-4-12.
   */
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);

  /**
   * GVirtNetwork:bridge:
   *
   * The host bridge device of the network.
   */
  properties[PROP_BRIDGE] = g_param_spec_string ("bridge", NULL, NULL, NULL, flags);

  /**
   * GVirtNetwork:active:
   *
   * Whether the network is running.
   */
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE, flags);

  /**
   * GVirtNetwork:persistent:
   *
   * Whether the network's configuration outlives a stop.
   */
  properties[PROP_PERSISTENT] = g_param_spec_boolean ("persistent", NULL, NULL, FALSE, flags);

  /**
   * GVirtNetwork:autostart:
   *
   * Whether the network starts with the host.
   */
  properties[PROP_AUTOSTART] = g_param_spec_boolean ("autostart", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GVirtNetwork::started:
   * @self: the network
   *
   * The network started, by any client's doing.
   */
  signals[STARTED] =
    g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * GVirtNetwork::stopped:
   * @self: the network
   *
   * The network stopped.
   */
  signals[STOPPED] =
    g_signal_new ("stopped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gvirt_network_init (GVirtNetwork *self)
{
  g_weak_ref_init (&self->connection, NULL);
}
