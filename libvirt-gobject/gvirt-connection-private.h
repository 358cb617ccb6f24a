/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* What domains and networks need from their connection. */
#pragma once

#include "gvirt-connection.h"
#include "gvirt-backend.h"
#include "gvirt-task-private.h"

G_BEGIN_DECLS

/* The backend to call for an operation, or %NULL with GVIRT_ERROR_CLOSED (the
 * connection is closed or gone) or GVIRT_ERROR_READ_ONLY (@writes on a
 * read-only connection). */
GVirtBackend *_gvirt_connection_ref_backend   (GVirtConnection  *self,
                                               gboolean          writes,
                                               GError          **error);
gboolean      _gvirt_unsupported              (GVirtConnection  *self,
                                               const char       *operation,
                                               GError          **error);
gpointer      _gvirt_connection_run_sync      (GVirtConnection  *self,
                                               gpointer          source,
                                               GVirtTaskFunc     func,
                                               gpointer          data,
                                               GCancellable     *cancellable,
                                               GError          **error);

G_END_DECLS
