/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* What domains, networks and operations need from their connection, and
 * what the connection's own files (gvirt-connection*.c) share. */
#pragma once

#include "gvirt-connection.h"
#include "gvirt-backend.h"
#include "gvirt-operation-private.h"
#include "gvirt-task-private.h"

G_BEGIN_DECLS

/* The backend to call for @info (%NULL: any call), or %NULL with
 * GVIRT_ERROR_CLOSED (the connection is closed or gone),
 * GVIRT_ERROR_READ_ONLY (an operation that changes the node on a read-only
 * connection) or GVIRT_ERROR_UNSUPPORTED (the backend lacks the entry
 * point): the one check every operation passes. @entry, when given,
 * receives the entry point that serves @info. */
GVirtBackend *_gvirt_connection_ref_backend   (GVirtConnection           *self,
                                               const GVirtOperationInfo  *info,
                                               gpointer                  *entry,
                                               GError                   **error);
/* The object for a record a backend returned, created if new. Any thread. */
GVirtDomain  *_gvirt_connection_adopt_domain  (GVirtConnection           *self,
                                               const GVirtDomainRecord   *record);
GVirtNetwork *_gvirt_connection_adopt_network (GVirtConnection           *self,
                                               const GVirtNetworkRecord  *record);
gpointer      _gvirt_connection_run_sync      (GVirtConnection  *self,
                                               gpointer          source,
                                               GVirtTaskFunc     func,
                                               gpointer          data,
                                               GCancellable     *cancellable,
                                               GError          **error);

/* For gvirt-connection*.c only. */

/* The objects of one kind (domains or networks), found by UUID or name in
 * O(1). The hash tables may be read from any thread under the connection's
 * lock; the list model and the set of listed objects are only touched on the
 * connection's main context, where its signals are emitted. */
typedef struct {
  GHashTable *by_uuid;   /* uuid -> object (owned) */
  GHashTable *by_name;   /* name -> object */
  GListStore *list;
  GHashTable *listed;    /* object set: those announced in @list */
} ObjectIndex;

struct _GVirtConnection
{
  GObject               parent_instance;

  char                 *uri;
  GVirtConnectionFlags  flags;
  char                 *backend_name;
  GVirtBackend         *backend;
  GMainContext         *context;
  GThread              *thread;     /* the one that opened the connection */
  gboolean              closed;

  GMutex                lock;
  ObjectIndex           domains;
  ObjectIndex           networks;
  GHashTable           *domains_by_id;   /* GINT id -> GVirtDomain */

  /* Backend events reported from other threads, waiting for the context,
   * in the order they came. */
  GMutex                events_lock;
  GQueue                events;
  GSource              *events_source;
};

enum {
  CONNECTION_DOMAIN_ADDED,
  CONNECTION_DOMAIN_REMOVED,
  CONNECTION_NETWORK_ADDED,
  CONNECTION_NETWORK_REMOVED,
  CONNECTION_CLOSED,
  CONNECTION_N_SIGNALS
};

extern guint _gvirt_connection_signals[CONNECTION_N_SIGNALS];

/* gvirt-connection-objects.c */
void     _gvirt_connection_objects_init    (GVirtConnection  *self);
void     _gvirt_connection_objects_clear   (GVirtConnection  *self);
void     _gvirt_connection_forget_objects  (GVirtConnection  *self);
void     _gvirt_connection_listen          (GVirtConnection  *self,
                                            GVirtBackend     *backend);
void     _gvirt_connection_unlisten        (GVirtConnection  *self,
                                            GVirtBackend     *backend);
gboolean _gvirt_connection_list_objects    (GVirtConnection  *self,
                                            GError          **error);

G_END_DECLS
