/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* One implementation behind every _sync and _async/_finish pair: async runs the sync code in a GTask thread. */
#include "config.h"

#include "gvirt-task-private.h"

typedef struct {
  GVirtTaskFunc  func;
  gpointer       data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} TaskCall;

static void
task_call_free (TaskCall *call)
{
  if (call->data_free != NULL)
    call->data_free (call->data);
  g_free (call);
}

gpointer
_gvirt_task_run_sync (gpointer        source,
                      GVirtTaskFunc   func,
                      gpointer        data,
                      GCancellable   *cancellable,
                      GError        **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return func (source, data, cancellable, error);
}

static void
task_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskCall *call = task_data;
  GError *error = NULL;
  gpointer result;

  result = _gvirt_task_run_sync (source, call->func, call->data, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, call->result_free);
}

void
_gvirt_task_run_async (gpointer             source,
                       GVirtTaskFunc        func,
                       gpointer             data,
                       GDestroyNotify       data_free,
                       GDestroyNotify       result_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data,
                       gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  TaskCall *call = g_new0 (TaskCall, 1);

  call->func = func;
  call->data = data;
  call->data_free = data_free;
  call->result_free = result_free;

  g_task_set_source_tag (task, source_tag);
  /* The backend says what a cancellation undid: a call that completed anyway
   * (a VM that did start) reports its result, never a CANCELLED that lies. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, call, (GDestroyNotify) task_call_free);
  g_task_run_in_thread (task, task_thread);
}

gpointer
_gvirt_task_finish (gpointer       source,
                    GAsyncResult  *result,
                    gpointer       source_tag,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
