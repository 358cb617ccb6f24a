/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The table of operations: how each public call reaches its backend entry point. */
#pragma once

#include "gvirt-operation.h"
#include "gvirt-backend.h"
#include "gvirt-connection.h"

G_BEGIN_DECLS

/* The arguments of one call; each operation reads the fields it takes. */
typedef struct {
  const char  *path;
  guint64      value;    /* KiB, a vCPU count or index, or a boolean */
  const guint *cpus;
  gsize        n_cpus;
  guint        flags;    /* GVirtDomainXmlFlags */
  gpointer     config;   /* GVirtDomainConfig or GVirtNetworkConfig */
} GVirtOperationArgs;

/* The arguments of a call in place: GVIRT_OPERATION_ARGS (.path = path). */
#define GVIRT_OPERATION_ARGS(...) (&(GVirtOperationArgs) { __VA_ARGS__ })

typedef struct _GVirtOperationInfo GVirtOperationInfo;

/* Calls @entry (the backend's entry point for @info) with the arguments the
 * operation takes; returns a non-%NULL result (GVIRT_TASK_DONE for none)
 * or %NULL with @error set. @connection adopts the records that define,
 * create and restore return. */
typedef gpointer (*GVirtOperationRunner) (const GVirtOperationInfo  *info,
                                          gpointer                   entry,
                                          GVirtBackend              *backend,
                                          GVirtConnection           *connection,
                                          const char                *uuid,
                                          const GVirtOperationArgs  *args,
                                          GCancellable              *cancellable,
                                          GError                   **error);

/* One row per GVirtOperation. Adding an operation: a row here (in
 * gvirt-operation.c), the public _sync/_async/_finish triple, and the
 * backends' entry points. */
struct _GVirtOperationInfo
{
  GVirtOperation        operation;
  const char           *name;           /* "domain-suspend" */
  gsize                 entry;          /* offset in GVirtBackendInterface */
  gsize                 fallback;       /* another entry the runner can use, or 0 */
  gboolean              changes_node;   /* refused on a read-only connection */
  guint                 states;         /* 1 << GVirtDomainState allowed; 0: any */
  const char           *state_message;  /* N_(): the domain's name, then its state */
  const char           *unsupported;    /* N_(): the backend's name */
  guint64               value_max;      /* args->value must be 1 to this; 0: not checked here */
  const char           *range_message;  /* N_(): the domain's name, the value, value_max */
  GVirtOperationRunner  run;
  GDestroyNotify        result_free;
};

const GVirtOperationInfo *_gvirt_operation_info (GVirtOperation operation);

/* The backend's entry point for @info, or its fallback, or %NULL. */
gpointer _gvirt_operation_lookup_entry (const GVirtOperationInfo *info,
                                        GVirtBackend             *backend);

/* Runs @operation on @uuid (%NULL for the node's own operations) of
 * @connection: in this thread, then applies the events it caused (_sync),
 * or in a worker thread for a GTask of @source (_async; @source is the
 * connection, domain or network, the source of the GTask). */
gpointer _gvirt_operation_call_sync  (GVirtConnection           *connection,
                                      gpointer                   source,
                                      GVirtOperation             operation,
                                      const char                *uuid,
                                      const GVirtOperationArgs  *args,
                                      GCancellable              *cancellable,
                                      GError                   **error);
void     _gvirt_operation_call_async (gpointer                   source,
                                      GVirtOperation             operation,
                                      const char                *uuid,
                                      const GVirtOperationArgs  *args,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data,
                                      gpointer                   source_tag);

G_END_DECLS
