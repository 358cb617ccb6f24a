/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomain's resources and descriptions: memory, vCPUs, autostart, info, configuration and XML. */
#include "config.h"

#include "gvirt-domain-private.h"
#include "gvirt-task-private.h"

/**
 * gvirt_domain_set_memory_sync: (async-func set_memory_async)
 * @self: a #GVirtDomain
 * @kib: the new current memory, in KiB: 1 to the domain's maximum memory
 *   (itself at most %GVIRT_MEMORY_KIB_MAX)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Changes the domain's current memory (ballooning when it runs).
 *
 * Returns: %TRUE on success, %FALSE with @error set, e.g.
 *   %GVIRT_ERROR_INVALID_ARGUMENT for 0, above the maximum memory or above
 *   %GVIRT_MEMORY_KIB_MAX
 */
gboolean
gvirt_domain_set_memory_sync (GVirtDomain *self, guint64 kib,
                              GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_SET_MEMORY, GVIRT_OPERATION_ARGS (.value = kib), cancellable, error) != NULL;
}

/**
 * gvirt_domain_set_memory_async: (finish-func set_memory_finish) (sync-func set_memory_sync)
 * @self: a #GVirtDomain
 * @kib: the new current memory, in KiB, as for gvirt_domain_set_memory_sync()
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_set_memory_sync().
 */
void
gvirt_domain_set_memory_async (GVirtDomain *self, guint64 kib, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_SET_MEMORY, GVIRT_OPERATION_ARGS (.value = kib), cancellable,
                     callback, user_data, gvirt_domain_set_memory_async);
}

/**
 * gvirt_domain_set_memory_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_set_memory_async(): tells whether the domain's
 * current memory was changed.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_memory_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_set_memory_async, error) != NULL;
}

/**
 * gvirt_domain_set_max_memory_sync: (async-func set_max_memory_async)
 * @self: a #GVirtDomain
 * @kib: the new maximum memory, in KiB: 1 to %GVIRT_MEMORY_KIB_MAX (a
 *   backend may have a narrower range: the qemu backend needs at least 1024)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Changes the most memory the domain may have.
 *
 * Returns: %TRUE on success, %FALSE with @error set, e.g.
 *   %GVIRT_ERROR_INVALID_ARGUMENT for a size outside the range
 */
gboolean
gvirt_domain_set_max_memory_sync (GVirtDomain *self, guint64 kib,
                                  GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_SET_MAX_MEMORY, GVIRT_OPERATION_ARGS (.value = kib), cancellable, error) != NULL;
}

/**
 * gvirt_domain_set_max_memory_async: (finish-func set_max_memory_finish) (sync-func set_max_memory_sync)
 * @self: a #GVirtDomain
 * @kib: the new maximum memory, in KiB, as for gvirt_domain_set_max_memory_sync()
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_set_max_memory_sync().
 */
void
gvirt_domain_set_max_memory_async (GVirtDomain *self, guint64 kib, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_SET_MAX_MEMORY, GVIRT_OPERATION_ARGS (.value = kib), cancellable,
                     callback, user_data, gvirt_domain_set_max_memory_async);
}

/**
 * gvirt_domain_set_max_memory_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_set_max_memory_async(): tells whether the domain's
 * maximum memory was changed.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_max_memory_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_set_max_memory_async, error) != NULL;
}

/**
 * gvirt_domain_set_vcpus_sync: (async-func set_vcpus_async)
 * @self: a #GVirtDomain
 * @n_vcpus: the new number of vCPUs: 1 to the backend's maximum (on
 *   `test:///`, the node's CPU count; on `qemu:///`, 255)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Changes the number of virtual CPUs, as libvirt does:
 *
 * - on a shut-off domain, its definition: @n_vcpus becomes both the
 *   `<vcpu>` maximum and the count it boots with;
 * - on a running domain, the count it runs with, which stays within the
 *   `<vcpu>` maximum it was started with (the live definition then says
 *   `<vcpu current='N'>MAX</vcpu>`); the maximum of a running domain does
 *   not change, and neither does its persistent definition.
 *
 * There are no live/config/maximum flags: `gvirsh setvcpus` gives
 * `--config` and `--maximum` by editing the definition
 * (gvirt_domain_config_set_vcpus() and
 * gvirt_domain_config_set_current_vcpus(), then a define).
 *
 * Returns: %TRUE on success, %FALSE with @error set:
 *   %GVIRT_ERROR_INVALID_ARGUMENT for a count outside the range, or above
 *   the maximum a running domain was started with (“Domain “web” cannot
 *   have 4 virtual CPUs while it runs: the maximum it was started with is
 *   2.”); %GVIRT_ERROR_UNSUPPORTED when the backend cannot change the
 *   count of a running domain at all (`qemu:///` has no vCPU hotplug)
 */
gboolean
gvirt_domain_set_vcpus_sync (GVirtDomain *self, guint n_vcpus,
                             GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_SET_VCPUS, GVIRT_OPERATION_ARGS (.value = n_vcpus), cancellable, error) != NULL;
}

/**
 * gvirt_domain_set_vcpus_async: (finish-func set_vcpus_finish) (sync-func set_vcpus_sync)
 * @self: a #GVirtDomain
 * @n_vcpus: the new number of vCPUs, as for gvirt_domain_set_vcpus_sync()
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_set_vcpus_sync().
 */
void
gvirt_domain_set_vcpus_async (GVirtDomain *self, guint n_vcpus, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_SET_VCPUS, GVIRT_OPERATION_ARGS (.value = n_vcpus), cancellable,
                     callback, user_data, gvirt_domain_set_vcpus_async);
}

/**
 * gvirt_domain_set_vcpus_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_set_vcpus_async(): tells whether the number of
 * vCPUs was changed.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_vcpus_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_set_vcpus_async, error) != NULL;
}

/**
 * gvirt_domain_pin_vcpu_sync: (async-func pin_vcpu_async)
 * @self: a #GVirtDomain
 * @vcpu: the vCPU's index, below the domain's number of vCPUs
 * @cpus: (array length=n_cpus): the host CPUs it may run on, each below the
 *   node's CPU count (#GVirtNodeInfo)
 * @n_cpus: the length of @cpus, at least 1
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Restricts a vCPU to some host CPUs.
 *
 * Returns: %TRUE on success, %FALSE with @error set, e.g.
 *   %GVIRT_ERROR_INVALID_ARGUMENT for a vCPU the domain does not have, a
 *   CPU the node does not have or no CPU
 */
gboolean
gvirt_domain_pin_vcpu_sync (GVirtDomain *self, guint vcpu, const guint *cpus, gsize n_cpus,
                            GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_PIN_VCPU, GVIRT_OPERATION_ARGS (.value = vcpu,
                                       .cpus = cpus, .n_cpus = n_cpus),
                           cancellable, error) != NULL;
}

/**
 * gvirt_domain_pin_vcpu_async: (finish-func pin_vcpu_finish) (sync-func pin_vcpu_sync)
 * @self: a #GVirtDomain
 * @vcpu: the vCPU's index, as for gvirt_domain_pin_vcpu_sync()
 * @cpus: (array length=n_cpus): the host CPUs it may run on
 * @n_cpus: the length of @cpus, at least 1
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_pin_vcpu_sync().
 */
void
gvirt_domain_pin_vcpu_async (GVirtDomain *self, guint vcpu, const guint *cpus, gsize n_cpus,
                             GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_PIN_VCPU, GVIRT_OPERATION_ARGS (.value = vcpu,
                                 .cpus = cpus, .n_cpus = n_cpus),
                     cancellable, callback, user_data, gvirt_domain_pin_vcpu_async);
}

/**
 * gvirt_domain_pin_vcpu_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_pin_vcpu_async(): tells whether the vCPU was
 * restricted to the host CPUs given.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_pin_vcpu_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_pin_vcpu_async, error) != NULL;
}

/**
 * gvirt_domain_set_autostart_sync: (async-func set_autostart_async)
 * @self: a #GVirtDomain
 * @autostart: whether the domain starts with the host
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Sets #GVirtDomain:autostart.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_autostart_sync (GVirtDomain *self, gboolean autostart,
                                 GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_SET_AUTOSTART, GVIRT_OPERATION_ARGS (.value = autostart != FALSE),
                           cancellable, error) != NULL;
}

/**
 * gvirt_domain_set_autostart_async: (finish-func set_autostart_finish) (sync-func set_autostart_sync)
 * @self: a #GVirtDomain
 * @autostart: whether the domain starts with the host
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_set_autostart_sync().
 */
void
gvirt_domain_set_autostart_async (GVirtDomain *self, gboolean autostart, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_SET_AUTOSTART, GVIRT_OPERATION_ARGS (.value = autostart != FALSE),
                     cancellable, callback, user_data, gvirt_domain_set_autostart_async);
}

/**
 * gvirt_domain_set_autostart_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_set_autostart_async(): tells whether
 * #GVirtDomain:autostart was set.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_autostart_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_set_autostart_async, error) != NULL;
}

/**
 * gvirt_domain_get_info_sync: (async-func get_info_async)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks for the domain's state, memory, vCPUs and CPU time.
 *
 * Returns: (transfer full): the info, or %NULL with @error set
 */
GVirtDomainInfo *
gvirt_domain_get_info_sync (GVirtDomain *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), NULL);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_GET_INFO, NULL, cancellable, error);
}

/**
 * gvirt_domain_get_info_async: (finish-func get_info_finish) (sync-func get_info_sync)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_get_info_sync().
 */
void
gvirt_domain_get_info_async (GVirtDomain *self, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_GET_INFO, NULL, cancellable, callback, user_data,
                     gvirt_domain_get_info_async);
}

/**
 * gvirt_domain_get_info_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_get_info_async() and returns the domain's state,
 * memory, vCPUs and CPU time.
 *
 * Returns: (transfer full): the info, or %NULL with @error set
 */
GVirtDomainInfo *
gvirt_domain_get_info_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_get_info_async, error);
}

/**
 * gvirt_domain_get_vcpu_info_sync: (async-func get_vcpu_info_async)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks for the state, CPU time, placement and affinity of each vCPU.
 *
 * Returns: (transfer container) (element-type GVirtVcpuInfo): one info per
 *   vCPU, or %NULL with @error set
 */
GPtrArray *
gvirt_domain_get_vcpu_info_sync (GVirtDomain *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), NULL);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_GET_VCPU_INFO, NULL, cancellable, error);
}

/**
 * gvirt_domain_get_vcpu_info_async: (finish-func get_vcpu_info_finish) (sync-func get_vcpu_info_sync)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_get_vcpu_info_sync().
 */
void
gvirt_domain_get_vcpu_info_async (GVirtDomain *self, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_GET_VCPU_INFO, NULL, cancellable, callback, user_data,
                     gvirt_domain_get_vcpu_info_async);
}

/**
 * gvirt_domain_get_vcpu_info_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_get_vcpu_info_async() and returns the state, CPU
 * time, placement and affinity of each vCPU.
 *
 * Returns: (transfer container) (element-type GVirtVcpuInfo): one info per
 *   vCPU, or %NULL with @error set
 */
GPtrArray *
gvirt_domain_get_vcpu_info_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_get_vcpu_info_async, error);
}

/**
 * gvirt_domain_get_config_sync: (async-func get_config_async)
 * @self: a #GVirtDomain
 * @flags: #GVirtDomainXmlFlags
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks for the domain's configuration: the live one, or with
 * %GVIRT_DOMAIN_XML_INACTIVE the one the next start will use. The result
 * is a copy: changing it changes nothing until it is defined again.
 *
 * Returns: (transfer full): the configuration, or %NULL with @error set
 */
GVirtDomainConfig *
gvirt_domain_get_config_sync (GVirtDomain *self, GVirtDomainXmlFlags flags,
                              GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), NULL);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_GET_CONFIG, GVIRT_OPERATION_ARGS (.flags = flags), cancellable, error);
}

/**
 * gvirt_domain_get_config_async: (finish-func get_config_finish) (sync-func get_config_sync)
 * @self: a #GVirtDomain
 * @flags: #GVirtDomainXmlFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_get_config_sync().
 */
void
gvirt_domain_get_config_async (GVirtDomain *self, GVirtDomainXmlFlags flags,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_GET_CONFIG, GVIRT_OPERATION_ARGS (.flags = flags), cancellable,
                     callback, user_data, gvirt_domain_get_config_async);
}

/**
 * gvirt_domain_get_config_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_get_config_async() and returns a copy of the
 * configuration asked for.
 *
 * Returns: (transfer full): the configuration, or %NULL with @error set
 */
GVirtDomainConfig *
gvirt_domain_get_config_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_get_config_async, error);
}

/**
 * gvirt_domain_get_xml_sync: (async-func get_xml_async)
 * @self: a #GVirtDomain
 * @flags: #GVirtDomainXmlFlags
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks for the domain's XML description; see gvirt_domain_get_config_sync().
 *
 * Returns: (transfer full): the XML, or %NULL with @error set
 */
char *
gvirt_domain_get_xml_sync (GVirtDomain *self, GVirtDomainXmlFlags flags,
                           GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), NULL);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_GET_XML, GVIRT_OPERATION_ARGS (.flags = flags), cancellable, error);
}

/**
 * gvirt_domain_get_xml_async: (finish-func get_xml_finish) (sync-func get_xml_sync)
 * @self: a #GVirtDomain
 * @flags: #GVirtDomainXmlFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_get_xml_sync().
 */
void
gvirt_domain_get_xml_async (GVirtDomain *self, GVirtDomainXmlFlags flags,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_GET_XML, GVIRT_OPERATION_ARGS (.flags = flags), cancellable,
                     callback, user_data, gvirt_domain_get_xml_async);
}

/**
 * gvirt_domain_get_xml_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_get_xml_async() and returns the domain's XML
 * description.
 *
 * Returns: (transfer full): the XML, or %NULL with @error set
 */
char *
gvirt_domain_get_xml_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_get_xml_async, error);
}
