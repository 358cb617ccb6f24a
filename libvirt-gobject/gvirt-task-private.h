/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* One implementation behind every _sync and _async/_finish pair. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A blocking operation on @source. It returns a non-%NULL result (for
 * operations with no value, GVIRT_TASK_DONE) or %NULL and sets @error. */
typedef gpointer (*GVirtTaskFunc) (gpointer       source,
                                   gpointer       data,
                                   GCancellable  *cancellable,
                                   GError       **error);

#define GVIRT_TASK_DONE GINT_TO_POINTER (1)

static inline gpointer
_gvirt_task_done_or_null (gboolean ok)
{
  return ok ? GVIRT_TASK_DONE : NULL;
}

gpointer _gvirt_task_run_sync  (gpointer             source,
                                GVirtTaskFunc        func,
                                gpointer             data,
                                GCancellable        *cancellable,
                                GError             **error);
void     _gvirt_task_run_async (gpointer             source,
                                GVirtTaskFunc        func,
                                gpointer             data,
                                GDestroyNotify       data_free,
                                GDestroyNotify       result_free,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data,
                                gpointer             source_tag);
gpointer _gvirt_task_finish    (gpointer             source,
                                GAsyncResult        *result,
                                gpointer             source_tag,
                                GError             **error);

G_END_DECLS
