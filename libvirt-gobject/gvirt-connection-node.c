/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtConnection's node operations: capabilities, node info, and defining,
 * creating and restoring domains and networks. */
#include "config.h"

#include "gvirt-connection-private.h"
#include "gvirt-error.h"
#include "gvirt-i18n-private.h"


/**
 * gvirt_connection_get_capabilities_sync: (async-func get_capabilities_async)
 * @self: a #GVirtConnection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks the node what it can run: its host CPU and the guests it supports.
 *
 * Returns: (transfer full): the capabilities, or %NULL with @error set
 */
GVirtCapabilities *
gvirt_connection_get_capabilities_sync (GVirtConnection  *self,
                                        GCancellable     *cancellable,
                                        GError          **error)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);

  return _gvirt_operation_call_sync (self, self, GVIRT_OPERATION_GET_CAPABILITIES, NULL, NULL,
                                     cancellable, error);
}

/**
 * gvirt_connection_get_capabilities_async: (finish-func get_capabilities_finish) (sync-func get_capabilities_sync)
 * @self: a #GVirtConnection
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_connection_get_capabilities_sync().
 */
void
gvirt_connection_get_capabilities_async (GVirtConnection     *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (GVIRT_IS_CONNECTION (self));

  _gvirt_operation_call_async (self, GVIRT_OPERATION_GET_CAPABILITIES, NULL, NULL, cancellable,
                               callback, user_data, gvirt_connection_get_capabilities_async);
}

/**
 * gvirt_connection_get_capabilities_finish:
 * @self: a #GVirtConnection
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_connection_get_capabilities_async().
 *
 * Returns: (transfer full): the capabilities, or %NULL with @error set
 */
GVirtCapabilities *
gvirt_connection_get_capabilities_finish (GVirtConnection  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  return _gvirt_task_finish (self, result, gvirt_connection_get_capabilities_async, error);
}


/**
 * gvirt_connection_get_node_info_sync: (async-func get_node_info_async)
 * @self: a #GVirtConnection
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks the node for its CPU and memory figures.
 *
 * Returns: (transfer full): the node info, or %NULL with @error set
 */
GVirtNodeInfo *
gvirt_connection_get_node_info_sync (GVirtConnection  *self,
                                     GCancellable     *cancellable,
                                     GError          **error)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);

  return _gvirt_operation_call_sync (self, self, GVIRT_OPERATION_GET_NODE_INFO, NULL, NULL,
                                     cancellable, error);
}

/**
 * gvirt_connection_get_node_info_async: (finish-func get_node_info_finish) (sync-func get_node_info_sync)
 * @self: a #GVirtConnection
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_connection_get_node_info_sync().
 */
void
gvirt_connection_get_node_info_async (GVirtConnection     *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (GVIRT_IS_CONNECTION (self));

  _gvirt_operation_call_async (self, GVIRT_OPERATION_GET_NODE_INFO, NULL, NULL, cancellable,
                               callback, user_data, gvirt_connection_get_node_info_async);
}

/**
 * gvirt_connection_get_node_info_finish:
 * @self: a #GVirtConnection
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_connection_get_node_info_async().
 *
 * Returns: (transfer full): the node info, or %NULL with @error set
 */
GVirtNodeInfo *
gvirt_connection_get_node_info_finish (GVirtConnection  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  return _gvirt_task_finish (self, result, gvirt_connection_get_node_info_async, error);
}

/* Defining domains and networks */

/**
 * gvirt_connection_define_domain_sync: (async-func define_domain_async)
 * @self: a #GVirtConnection
 * @config: the domain's configuration; it needs a name, and gets a UUID if
 *   it has none
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Stores a persistent domain on the node without starting it, or replaces
 * the configuration of the domain with the same name and UUID.
 *
 * Returns: (transfer full): the domain, or %NULL with @error set, e.g.
 *   %GVIRT_ERROR_ALREADY_EXISTS when another domain has the name or UUID
 */
GVirtDomain *
gvirt_connection_define_domain_sync (GVirtConnection    *self,
                                     GVirtDomainConfig  *config,
                                     GCancellable       *cancellable,
                                     GError            **error)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (config), NULL);

  return _gvirt_operation_call_sync (self, self, GVIRT_OPERATION_DEFINE_DOMAIN, NULL,
                                     &(GVirtOperationArgs) { .config = config }, cancellable, error);
}

/**
 * gvirt_connection_define_domain_async: (finish-func define_domain_finish) (sync-func define_domain_sync)
 * @self: a #GVirtConnection
 * @config: the domain's configuration
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_connection_define_domain_sync().
 */
void
gvirt_connection_define_domain_async (GVirtConnection     *self,
                                      GVirtDomainConfig   *config,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (GVIRT_IS_CONNECTION (self));
  g_return_if_fail (GVIRT_IS_DOMAIN_CONFIG (config));

  _gvirt_operation_call_async (self, GVIRT_OPERATION_DEFINE_DOMAIN, NULL,
                               &(GVirtOperationArgs) { .config = config },
                               cancellable, callback, user_data, gvirt_connection_define_domain_async);
}

/**
 * gvirt_connection_define_domain_finish:
 * @self: a #GVirtConnection
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_connection_define_domain_async().
 *
 * Returns: (transfer full): the domain, or %NULL with @error set
 */
GVirtDomain *
gvirt_connection_define_domain_finish (GVirtConnection  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  return _gvirt_task_finish (self, result, gvirt_connection_define_domain_async, error);
}

/**
 * gvirt_connection_create_domain_sync: (async-func create_domain_async)
 * @self: a #GVirtConnection
 * @config: the domain's configuration
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Starts a transient domain at once: it disappears when it stops.
 *
 * Returns: (transfer full): the running domain, or %NULL with @error set
 */
GVirtDomain *
gvirt_connection_create_domain_sync (GVirtConnection    *self,
                                     GVirtDomainConfig  *config,
                                     GCancellable       *cancellable,
                                     GError            **error)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (config), NULL);

  return _gvirt_operation_call_sync (self, self, GVIRT_OPERATION_CREATE_DOMAIN, NULL,
                                     &(GVirtOperationArgs) { .config = config }, cancellable, error);
}

/**
 * gvirt_connection_create_domain_async: (finish-func create_domain_finish) (sync-func create_domain_sync)
 * @self: a #GVirtConnection
 * @config: the domain's configuration
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_connection_create_domain_sync().
 */
void
gvirt_connection_create_domain_async (GVirtConnection     *self,
                                      GVirtDomainConfig   *config,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (GVIRT_IS_CONNECTION (self));
  g_return_if_fail (GVIRT_IS_DOMAIN_CONFIG (config));

  _gvirt_operation_call_async (self, GVIRT_OPERATION_CREATE_DOMAIN, NULL,
                               &(GVirtOperationArgs) { .config = config },
                               cancellable, callback, user_data, gvirt_connection_create_domain_async);
}

/**
 * gvirt_connection_create_domain_finish:
 * @self: a #GVirtConnection
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_connection_create_domain_async().
 *
 * Returns: (transfer full): the running domain, or %NULL with @error set
 */
GVirtDomain *
gvirt_connection_create_domain_finish (GVirtConnection  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  return _gvirt_task_finish (self, result, gvirt_connection_create_domain_async, error);
}

/**
 * gvirt_connection_restore_domain_sync: (async-func restore_domain_async)
 * @self: a #GVirtConnection
 * @path: a file written by gvirt_domain_save_sync()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Starts a domain again from its saved state.
 *
 * Returns: (transfer full): the running domain, or %NULL with @error set;
 *   a missing, truncated or foreign file is refused
 */
GVirtDomain *
gvirt_connection_restore_domain_sync (GVirtConnection  *self,
                                      const char       *path,
                                      GCancellable     *cancellable,
                                      GError          **error)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return _gvirt_operation_call_sync (self, self, GVIRT_OPERATION_RESTORE_DOMAIN, NULL,
                                     &(GVirtOperationArgs) { .path = path }, cancellable, error);
}

/**
 * gvirt_connection_restore_domain_async: (finish-func restore_domain_finish) (sync-func restore_domain_sync)
 * @self: a #GVirtConnection
 * @path: a file written by gvirt_domain_save_sync()
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_connection_restore_domain_sync().
 */
void
gvirt_connection_restore_domain_async (GVirtConnection     *self,
                                       const char          *path,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (GVIRT_IS_CONNECTION (self));
  g_return_if_fail (path != NULL);

  _gvirt_operation_call_async (self, GVIRT_OPERATION_RESTORE_DOMAIN, NULL,
                               &(GVirtOperationArgs) { .path = path },
                               cancellable, callback, user_data, gvirt_connection_restore_domain_async);
}

/**
 * gvirt_connection_restore_domain_finish:
 * @self: a #GVirtConnection
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_connection_restore_domain_async().
 *
 * Returns: (transfer full): the running domain, or %NULL with @error set
 */
GVirtDomain *
gvirt_connection_restore_domain_finish (GVirtConnection  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  return _gvirt_task_finish (self, result, gvirt_connection_restore_domain_async, error);
}

/**
 * gvirt_connection_define_network_sync: (async-func define_network_async)
 * @self: a #GVirtConnection
 * @config: the network's configuration
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Stores a persistent network on the node without starting it.
 *
 * Returns: (transfer full): the network, or %NULL with @error set
 */
GVirtNetwork *
gvirt_connection_define_network_sync (GVirtConnection     *self,
                                      GVirtNetworkConfig  *config,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (config), NULL);

  return _gvirt_operation_call_sync (self, self, GVIRT_OPERATION_DEFINE_NETWORK, NULL,
                                     &(GVirtOperationArgs) { .config = config }, cancellable, error);
}

/**
 * gvirt_connection_define_network_async: (finish-func define_network_finish) (sync-func define_network_sync)
 * @self: a #GVirtConnection
 * @config: the network's configuration
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_connection_define_network_sync().
 */
void
gvirt_connection_define_network_async (GVirtConnection     *self,
                                       GVirtNetworkConfig  *config,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (GVIRT_IS_CONNECTION (self));
  g_return_if_fail (GVIRT_IS_NETWORK_CONFIG (config));

  _gvirt_operation_call_async (self, GVIRT_OPERATION_DEFINE_NETWORK, NULL,
                               &(GVirtOperationArgs) { .config = config },
                               cancellable, callback, user_data, gvirt_connection_define_network_async);
}

/**
 * gvirt_connection_define_network_finish:
 * @self: a #GVirtConnection
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_connection_define_network_async().
 *
 * Returns: (transfer full): the network, or %NULL with @error set
 */
GVirtNetwork *
gvirt_connection_define_network_finish (GVirtConnection  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  return _gvirt_task_finish (self, result, gvirt_connection_define_network_async, error);
}

/**
 * gvirt_connection_create_network_sync: (async-func create_network_async)
 * @self: a #GVirtConnection
 * @config: the network's configuration
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Starts a transient network at once: it disappears when it stops.
 *
 * Returns: (transfer full): the active network, or %NULL with @error set
 */
GVirtNetwork *
gvirt_connection_create_network_sync (GVirtConnection     *self,
                                      GVirtNetworkConfig  *config,
                                      GCancellable        *cancellable,
                                      GError             **error)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (config), NULL);

  return _gvirt_operation_call_sync (self, self, GVIRT_OPERATION_CREATE_NETWORK, NULL,
                                     &(GVirtOperationArgs) { .config = config }, cancellable, error);
}

/**
 * gvirt_connection_create_network_async: (finish-func create_network_finish) (sync-func create_network_sync)
 * @self: a #GVirtConnection
 * @config: the network's configuration
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_connection_create_network_sync().
 */
void
gvirt_connection_create_network_async (GVirtConnection     *self,
                                       GVirtNetworkConfig  *config,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (GVIRT_IS_CONNECTION (self));
  g_return_if_fail (GVIRT_IS_NETWORK_CONFIG (config));

  _gvirt_operation_call_async (self, GVIRT_OPERATION_CREATE_NETWORK, NULL,
                               &(GVirtOperationArgs) { .config = config },
                               cancellable, callback, user_data, gvirt_connection_create_network_async);
}

/**
 * gvirt_connection_create_network_finish:
 * @self: a #GVirtConnection
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes an operation started with gvirt_connection_create_network_async().
 *
 * Returns: (transfer full): the active network, or %NULL with @error set
 */
GVirtNetwork *
gvirt_connection_create_network_finish (GVirtConnection  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  return _gvirt_task_finish (self, result, gvirt_connection_create_network_async, error);
}

