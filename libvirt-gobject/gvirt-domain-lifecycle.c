/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomain's lifecycle: start, shut down, reboot, destroy, suspend, resume, save, core dump, undefine. */
#include "config.h"

#include "gvirt-domain-private.h"
#include "gvirt-task-private.h"

/* The public triples. Each documents its _sync form; the _async and _finish
 * forms behave the same without blocking. */

/**
 * gvirt_domain_start_sync: (async-func start_async)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Boots a defined, shut-off domain.
 *
 * Returns: %TRUE once the domain is running; %FALSE with @error set, e.g.
 *   %GVIRT_ERROR_INVALID_STATE when it is not shut off
 */
gboolean
gvirt_domain_start_sync (GVirtDomain *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_START, NULL, cancellable, error) != NULL;
}

/**
 * gvirt_domain_start_async: (finish-func start_finish) (sync-func start_sync)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_start_sync().
 */
void
gvirt_domain_start_async (GVirtDomain *self, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_START, NULL, cancellable, callback, user_data,
                     gvirt_domain_start_async);
}

/**
 * gvirt_domain_start_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_start_async(): tells whether the domain was booted.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_start_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_start_async, error) != NULL;
}

/**
 * gvirt_domain_shutdown_sync: (async-func shutdown_async)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks the guest to power off (ACPI). The domain is in the
 * %GVIRT_DOMAIN_STATE_SHUTDOWN state until the guest has stopped.
 *
 * Returns: %TRUE when the request was made, %FALSE with @error set
 */
gboolean
gvirt_domain_shutdown_sync (GVirtDomain *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_SHUTDOWN, NULL, cancellable, error) != NULL;
}

/**
 * gvirt_domain_shutdown_async: (finish-func shutdown_finish) (sync-func shutdown_sync)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_shutdown_sync().
 */
void
gvirt_domain_shutdown_async (GVirtDomain *self, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_SHUTDOWN, NULL, cancellable, callback, user_data,
                     gvirt_domain_shutdown_async);
}

/**
 * gvirt_domain_shutdown_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_shutdown_async(): tells whether the guest was asked
 * to power off.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_shutdown_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_shutdown_async, error) != NULL;
}

/**
 * gvirt_domain_reboot_sync: (async-func reboot_async)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks the guest to reboot.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_reboot_sync (GVirtDomain *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_REBOOT, NULL, cancellable, error) != NULL;
}

/**
 * gvirt_domain_reboot_async: (finish-func reboot_finish) (sync-func reboot_sync)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_reboot_sync().
 */
void
gvirt_domain_reboot_async (GVirtDomain *self, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_REBOOT, NULL, cancellable, callback, user_data,
                     gvirt_domain_reboot_async);
}

/**
 * gvirt_domain_reboot_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_reboot_async(): tells whether the guest was asked
 * to reboot.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_reboot_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_reboot_async, error) != NULL;
}

/**
 * gvirt_domain_destroy_sync: (async-func destroy_async)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Stops the domain at once, like pulling the power cord. A transient
 * domain disappears.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_destroy_sync (GVirtDomain *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_DESTROY, NULL, cancellable, error) != NULL;
}

/**
 * gvirt_domain_destroy_async: (finish-func destroy_finish) (sync-func destroy_sync)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_destroy_sync().
 */
void
gvirt_domain_destroy_async (GVirtDomain *self, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_DESTROY, NULL, cancellable, callback, user_data,
                     gvirt_domain_destroy_async);
}

/**
 * gvirt_domain_destroy_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_destroy_async(): tells whether the domain was
 * stopped.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_destroy_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_destroy_async, error) != NULL;
}

/**
 * gvirt_domain_suspend_sync: (async-func suspend_async)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Pauses a running domain's vCPUs; it keeps its memory.
 *
 * Returns: %TRUE on success, %FALSE with @error set, e.g.
 *   %GVIRT_ERROR_INVALID_STATE when it is not running
 */
gboolean
gvirt_domain_suspend_sync (GVirtDomain *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_SUSPEND, NULL, cancellable, error) != NULL;
}

/**
 * gvirt_domain_suspend_async: (finish-func suspend_finish) (sync-func suspend_sync)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_suspend_sync().
 */
void
gvirt_domain_suspend_async (GVirtDomain *self, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_SUSPEND, NULL, cancellable, callback, user_data,
                     gvirt_domain_suspend_async);
}

/**
 * gvirt_domain_suspend_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_suspend_async(): tells whether the domain was
 * paused.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_suspend_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_suspend_async, error) != NULL;
}

/**
 * gvirt_domain_resume_sync: (async-func resume_async)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Continues a paused domain.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_resume_sync (GVirtDomain *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_RESUME, NULL, cancellable, error) != NULL;
}

/**
 * gvirt_domain_resume_async: (finish-func resume_finish) (sync-func resume_sync)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_resume_sync().
 */
void
gvirt_domain_resume_async (GVirtDomain *self, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_RESUME, NULL, cancellable, callback, user_data,
                     gvirt_domain_resume_async);
}

/**
 * gvirt_domain_resume_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_resume_async(): tells whether the paused domain
 * runs again.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_resume_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_resume_async, error) != NULL;
}

/**
 * gvirt_domain_save_sync: (async-func save_async)
 * @self: a #GVirtDomain
 * @path: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the running or paused domain's state to @path and stops it;
 * gvirt_connection_restore_domain_sync() starts it again from there.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_save_sync (GVirtDomain *self, const char *path,
                        GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_SAVE, GVIRT_OPERATION_ARGS (.path = path), cancellable, error) != NULL;
}

/**
 * gvirt_domain_save_async: (finish-func save_finish) (sync-func save_sync)
 * @self: a #GVirtDomain
 * @path: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_save_sync().
 */
void
gvirt_domain_save_async (GVirtDomain *self, const char *path, GCancellable *cancellable,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  g_return_if_fail (path != NULL);
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_SAVE, GVIRT_OPERATION_ARGS (.path = path), cancellable,
                     callback, user_data, gvirt_domain_save_async);
}

/**
 * gvirt_domain_save_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_save_async(): tells whether the domain's state was
 * written to the file and the domain stopped.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_save_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_save_async, error) != NULL;
}

/**
 * gvirt_domain_core_dump_sync: (async-func core_dump_async)
 * @self: a #GVirtDomain
 * @path: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the memory of an active domain to @path, for debugging.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_core_dump_sync (GVirtDomain *self, const char *path,
                             GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_CORE_DUMP, GVIRT_OPERATION_ARGS (.path = path), cancellable, error) != NULL;
}

/**
 * gvirt_domain_core_dump_async: (finish-func core_dump_finish) (sync-func core_dump_sync)
 * @self: a #GVirtDomain
 * @path: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_core_dump_sync().
 */
void
gvirt_domain_core_dump_async (GVirtDomain *self, const char *path, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  g_return_if_fail (path != NULL);
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_CORE_DUMP, GVIRT_OPERATION_ARGS (.path = path), cancellable,
                     callback, user_data, gvirt_domain_core_dump_async);
}

/**
 * gvirt_domain_core_dump_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_core_dump_async(): tells whether the domain's
 * memory was written to the file.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_core_dump_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_core_dump_async, error) != NULL;
}

/**
 * gvirt_domain_undefine_sync: (async-func undefine_async)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Forgets the domain's persistent configuration. An inactive domain
 * disappears; a running one becomes transient and disappears when it stops.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_undefine_sync (GVirtDomain *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return _gvirt_domain_call_sync (self, GVIRT_OPERATION_DOMAIN_UNDEFINE, NULL, cancellable, error) != NULL;
}

/**
 * gvirt_domain_undefine_async: (finish-func undefine_finish) (sync-func undefine_sync)
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_undefine_sync().
 */
void
gvirt_domain_undefine_async (GVirtDomain *self, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  _gvirt_domain_call_async (self, GVIRT_OPERATION_DOMAIN_UNDEFINE, NULL, cancellable, callback, user_data,
                     gvirt_domain_undefine_async);
}

/**
 * gvirt_domain_undefine_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_undefine_async(): tells whether the domain's
 * persistent configuration was forgotten.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_undefine_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_undefine_async, error) != NULL;
}
