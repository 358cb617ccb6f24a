/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtConnection: one open connection to a hypervisor node through a backend. */
#include "config.h"

#include "gvirt-connection-private.h"
#include "gvirt-backend-loader-private.h"
#include "gvirt-domain-private.h"
#include "gvirt-network-private.h"
#include "gvirt-task-private.h"
#include "gvirt-enum-types.h"
#include "gvirt-error.h"
#include "gvirt-i18n-private.h"

/**
 * GVirtConnection:
 *
 * A connection to one hypervisor node, opened from a URI such as
 * `test:///default` or `qemu:///session`.
 *
 * The connection mirrors the node's domains and networks as #GVirtDomain and
 * #GVirtNetwork objects, one object per domain, kept up to date whoever
 * changes the node: gvirt_connection_get_domains() is a live #GListModel that
 * a `GtkListView` can bind directly.
 *
 * Every blocking call has a `_sync` form, callable from any thread, and an
 * `_async`/`_finish` pair that never blocks the caller's main loop. Signals,
 * property notifications and `items-changed` are delivered on the
 * #GMainContext that was the thread-default when the connection was opened.
 *
 * In C (the body of a `main()`), Python, and JavaScript (a GJS module,
 * `gjs -m`):
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirtConnection) conn =
 *   gvirt_connection_open_sync ("test:///default", GVIRT_CONNECTION_NONE, NULL, &error);
 * if (conn == NULL)
 *   {
 *     g_printerr ("%s\n", error->message);
 *     return 1;
 *   }
 *
 * GListModel *domains = gvirt_connection_get_domains (conn);
 * for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
 *   {
 *     g_autoptr(GVirtDomain) dom = g_list_model_get_item (domains, i);
 *     g_print ("%d %s\n", gvirt_domain_get_id (dom), gvirt_domain_get_name (dom));
 *   }
 * ```
 *
 * ```python
 * import gi
 * gi.require_version("GVirt", "1.0")
 * from gi.repository import GVirt
 *
 * conn = GVirt.Connection.open_sync("test:///default", GVirt.ConnectionFlags.NONE, None)
 * conn.connect("domain-added", lambda conn, dom: print("new domain:", dom.props.name))
 * for dom in conn.get_domains():
 *     print(dom.props.name, dom.props.state.value_nick)
 * conn.define_domain_sync(GVirt.DomainConfig.new_test("web", 256 * 1024), None)
 * ```
 *
 * ```js
 * import GLib from 'gi://GLib';
 * import Gio from 'gi://Gio';
 * import GVirt from 'gi://GVirt?version=1.0';
 * Gio._promisify(GVirt.Connection, 'open_async', 'open_finish');
 *
 * const conn = await GVirt.Connection.open_async('test:///default',
 *     GVirt.ConnectionFlags.READ_ONLY, GLib.PRIORITY_DEFAULT, null);
 * for (const dom of conn.get_domains())
 *     print(dom.id, dom.name);
 * for (const net of conn.get_networks())
 *     print(net.name, net.bridge);
 * ```
 */

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
  PROP_0,
  PROP_URI,
  PROP_FLAGS,
  PROP_READ_ONLY,
  PROP_BACKEND_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DOMAIN_ADDED,
  DOMAIN_REMOVED,
  NETWORK_ADDED,
  NETWORK_REMOVED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void gvirt_connection_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GVirtConnection, gvirt_connection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, gvirt_connection_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_ASYNC_INITABLE, NULL))

static void
object_index_init (ObjectIndex *index,
                   GType        item_type)
{
  index->by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  index->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  index->list = g_list_store_new (item_type);
  index->listed = g_hash_table_new (NULL, NULL);
}

static void
object_index_clear (ObjectIndex *index)
{
  g_clear_pointer (&index->by_name, g_hash_table_unref);
  g_clear_pointer (&index->by_uuid, g_hash_table_unref);
  g_clear_pointer (&index->listed, g_hash_table_unref);
  g_clear_object (&index->list);
}

/* The keys point into the objects' own uuid and name strings, which never
 * change for the life of an object. */
static void
object_index_insert (ObjectIndex *index,
                     const char  *uuid,
                     const char  *name,
                     gpointer     object)
{
  g_hash_table_insert (index->by_uuid, (gpointer) uuid, object);
  g_hash_table_insert (index->by_name, (gpointer) name, object);
}

static gpointer
object_index_lookup (GVirtConnection *self,
                     GHashTable      *table,
                     gconstpointer    key)
{
  gpointer object;

  g_mutex_lock (&self->lock);
  object = g_hash_table_lookup (table, key);
  if (object != NULL)
    g_object_ref (object);
  g_mutex_unlock (&self->lock);
  return object;
}

/* On the main context: add @object to the list model once. */
static gboolean
object_index_announce (ObjectIndex *index,
                       gpointer     object)
{
  if (!g_hash_table_add (index->listed, object))
    return FALSE;
  g_list_store_append (index->list, object);
  return TRUE;
}

/* On the main context: drop @object from the list model if it was there. */
static gboolean
object_index_withdraw (ObjectIndex *index,
                       gpointer     object)
{
  guint position;

  if (!g_hash_table_remove (index->listed, object))
    return FALSE;
  if (g_list_store_find (index->list, object, &position))
    g_list_store_remove (index->list, position);
  return TRUE;
}

/* Canonical UUIDs are lower-case and dashed; accept the 32-hex-digit form and
 * upper case too, as the XML formats do. Writes @out (37 bytes); no
 * allocation, as lookups by UUID run in tight loops. */
static gboolean
canonical_uuid (const char *uuid,
                char        out[37])
{
  guint n = 0;

  for (const char *p = uuid; *p != '\0'; p++)
    {
      if (*p == '-')
        continue;
      char c = *p;

      if (c >= 'A' && c <= 'F')
        c += 'a' - 'A';
      else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
        return FALSE;
      if (n == 32)
        return FALSE;
      /* dashes after 8, 12, 16 and 20 digits */
      if (n == 8 || n == 12 || n == 16 || n == 20)
        *out++ = '-';
      *out++ = c;
      n++;
    }
  *out = '\0';
  return n == 32;
}

typedef struct {
  GSourceFunc    func;
  gpointer       data;
  GDestroyNotify notify;
} QueuedEvent;

static void
queued_event_free (QueuedEvent *event)
{
  event->notify (event->data);
  g_free (event);
}

/* On the context: applies every queued event, oldest first. A handler may
 * make a sync call that drains the rest; the order holds either way. */
static void
run_queued_events (GVirtConnection *self)
{
  for (;;)
    {
      QueuedEvent *event;

      g_mutex_lock (&self->events_lock);
      event = g_queue_pop_head (&self->events);
      g_mutex_unlock (&self->events_lock);
      if (event == NULL)
        return;
      event->func (event->data);
      queued_event_free (event);
    }
}

static gboolean
queued_events_cb (gpointer data)
{
  GVirtConnection *self = data;

  g_mutex_lock (&self->events_lock);
  g_clear_pointer (&self->events_source, g_source_unref);
  g_mutex_unlock (&self->events_lock);
  run_queued_events (self);
  return G_SOURCE_REMOVE;
}

/* Takes the connection's context for this thread when it may: it owns it
 * already (%FALSE returned, nothing to release), or it opened the connection
 * and finds the context free (%TRUE: release it after). Never a worker
 * thread that merely found the context free: handlers (GJS's above all)
 * must run where the application lives. */
static gboolean
enter_context (GVirtConnection *self,
               gboolean        *entered)
{
  *entered = FALSE;
  if (g_main_context_is_owner (self->context))
    return TRUE;
  if (g_thread_self () == self->thread && g_main_context_acquire (self->context))
    {
      *entered = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* Runs @func on the connection's context: at once when this thread may
 * (after the events queued before it), otherwise queued for an idle source. */
static void
dispatch_to_context (GVirtConnection *self,
                     GSourceFunc      func,
                     gpointer         data,
                     GDestroyNotify   notify)
{
  QueuedEvent *event;
  gboolean entered;

  if (enter_context (self, &entered))
    {
      run_queued_events (self);
      func (data);
      notify (data);
      if (entered)
        g_main_context_release (self->context);
      return;
    }

  event = g_new (QueuedEvent, 1);
  event->func = func;
  event->data = data;
  event->notify = notify;
  g_mutex_lock (&self->events_lock);
  g_queue_push_tail (&self->events, event);
  if (self->events_source == NULL)
    {
      self->events_source = g_idle_source_new ();
      g_source_set_priority (self->events_source, G_PRIORITY_DEFAULT);
      g_source_set_callback (self->events_source, queued_events_cb,
                             g_object_ref (self), g_object_unref);
      g_source_set_static_name (self->events_source, "[gvirt] backend events");
      g_source_attach (self->events_source, self->context);
    }
  g_mutex_unlock (&self->events_lock);
}

/* Runs a blocking call, then, when the calling thread may enter the
 * connection's context, applies the events the call caused that a backend
 * reported from its own threads: a sync call returns with the objects
 * already showing its effect (state, signals), whatever the backend.
 */
gpointer
_gvirt_connection_run_sync (GVirtConnection *self,
                            gpointer         source,
                            GVirtTaskFunc    func,
                            gpointer         data,
                            GCancellable    *cancellable,
                            GError         **error)
{
  gpointer result = _gvirt_task_run_sync (source, func, data, cancellable, error);
  gboolean entered;

  if (self != NULL && enter_context (self, &entered))
    {
      run_queued_events (self);
      if (entered)
        g_main_context_release (self->context);
    }
  return result;
}

/* Domains */

/* The domain for @record, created and indexed if it is new. Any thread. */
static GVirtDomain *
ensure_domain (GVirtConnection         *self,
               const GVirtDomainRecord *record)
{
  GVirtDomain *domain;

  g_mutex_lock (&self->lock);
  domain = g_hash_table_lookup (self->domains.by_uuid, record->uuid);
  if (domain == NULL)
    {
      domain = _gvirt_domain_new (self, record);
      object_index_insert (&self->domains, gvirt_domain_get_uuid (domain),
                           gvirt_domain_get_name (domain), domain);
      if (record->id >= 0)
        g_hash_table_insert (self->domains_by_id, GINT_TO_POINTER (record->id), domain);
    }
  g_object_ref (domain);
  g_mutex_unlock (&self->lock);
  return domain;
}

static void
update_domain_id (GVirtConnection *self,
                  GVirtDomain     *domain,
                  gint             new_id)
{
  gint old_id = gvirt_domain_get_id (domain);

  if (old_id == new_id)
    return;
  g_mutex_lock (&self->lock);
  if (old_id >= 0 && g_hash_table_lookup (self->domains_by_id, GINT_TO_POINTER (old_id)) == domain)
    g_hash_table_remove (self->domains_by_id, GINT_TO_POINTER (old_id));
  if (new_id >= 0)
    g_hash_table_insert (self->domains_by_id, GINT_TO_POINTER (new_id), domain);
  g_mutex_unlock (&self->lock);
}

static void
remove_domain (GVirtConnection *self,
               const char      *uuid)
{
  g_autoptr(GVirtDomain) domain = NULL;

  g_mutex_lock (&self->lock);
  domain = g_hash_table_lookup (self->domains.by_uuid, uuid);
  if (domain != NULL)
    {
      gint id = gvirt_domain_get_id (domain);

      g_object_ref (domain);
      if (id >= 0 && g_hash_table_lookup (self->domains_by_id, GINT_TO_POINTER (id)) == domain)
        g_hash_table_remove (self->domains_by_id, GINT_TO_POINTER (id));
      g_hash_table_remove (self->domains.by_name, gvirt_domain_get_name (domain));
      g_hash_table_remove (self->domains.by_uuid, uuid);
    }
  g_mutex_unlock (&self->lock);

  if (domain != NULL && object_index_withdraw (&self->domains, domain))
    g_signal_emit (self, signals[DOMAIN_REMOVED], 0, domain);
}

typedef struct {
  GVirtConnection      *connection;
  GVirtDomainEventKind  kind;
  gint                  reason;
  GVirtDomainRecord    *record;
} DomainEvent;

static void
domain_event_free (DomainEvent *event)
{
  g_object_unref (event->connection);
  gvirt_domain_record_free (event->record);
  g_free (event);
}

/* On the main context: mirror one backend event in the objects, then signal. */
static gboolean
apply_domain_event (gpointer data)
{
  DomainEvent *event = data;
  GVirtConnection *self = event->connection;
  g_autoptr(GVirtDomain) domain = NULL;

  if (self->closed)
    return G_SOURCE_REMOVE;

  if (event->kind == GVIRT_DOMAIN_EVENT_UNDEFINED)
    {
      remove_domain (self, event->record->uuid);
      return G_SOURCE_REMOVE;
    }

  domain = ensure_domain (self, event->record);
  update_domain_id (self, domain, event->record->id);
  _gvirt_domain_apply_record (domain, event->record);
  if (object_index_announce (&self->domains, domain))
    g_signal_emit (self, signals[DOMAIN_ADDED], 0, domain);
  _gvirt_domain_emit_event (domain, event->kind, event->reason);
  return G_SOURCE_REMOVE;
}

static void
on_backend_domain_event (GVirtBackend            *backend,
                         GVirtDomainEventKind     kind,
                         gint                     reason,
                         const GVirtDomainRecord *record,
                         GVirtConnection         *self)
{
  DomainEvent *event = g_new0 (DomainEvent, 1);

  event->connection = g_object_ref (self);
  event->kind = kind;
  event->reason = reason;
  event->record = gvirt_domain_record_copy (record);
  dispatch_to_context (self, apply_domain_event, event, (GDestroyNotify) domain_event_free);
}

/* Networks */

static GVirtNetwork *
ensure_network (GVirtConnection          *self,
                const GVirtNetworkRecord *record)
{
  GVirtNetwork *network;

  g_mutex_lock (&self->lock);
  network = g_hash_table_lookup (self->networks.by_uuid, record->uuid);
  if (network == NULL)
    {
      network = _gvirt_network_new (self, record);
      object_index_insert (&self->networks, gvirt_network_get_uuid (network),
                           gvirt_network_get_name (network), network);
    }
  g_object_ref (network);
  g_mutex_unlock (&self->lock);
  return network;
}

static void
remove_network (GVirtConnection *self,
                const char      *uuid)
{
  g_autoptr(GVirtNetwork) network = NULL;

  g_mutex_lock (&self->lock);
  network = g_hash_table_lookup (self->networks.by_uuid, uuid);
  if (network != NULL)
    {
      g_object_ref (network);
      g_hash_table_remove (self->networks.by_name, gvirt_network_get_name (network));
      g_hash_table_remove (self->networks.by_uuid, uuid);
    }
  g_mutex_unlock (&self->lock);

  if (network != NULL && object_index_withdraw (&self->networks, network))
    g_signal_emit (self, signals[NETWORK_REMOVED], 0, network);
}

typedef struct {
  GVirtConnection       *connection;
  GVirtNetworkEventKind  kind;
  GVirtNetworkRecord    *record;
} NetworkEvent;

static void
network_event_free (NetworkEvent *event)
{
  g_object_unref (event->connection);
  gvirt_network_record_free (event->record);
  g_free (event);
}

static gboolean
apply_network_event (gpointer data)
{
  NetworkEvent *event = data;
  GVirtConnection *self = event->connection;
  g_autoptr(GVirtNetwork) network = NULL;

  if (self->closed)
    return G_SOURCE_REMOVE;

  if (event->kind == GVIRT_NETWORK_EVENT_UNDEFINED)
    {
      remove_network (self, event->record->uuid);
      return G_SOURCE_REMOVE;
    }

  network = ensure_network (self, event->record);
  _gvirt_network_apply_record (network, event->record);
  if (object_index_announce (&self->networks, network))
    g_signal_emit (self, signals[NETWORK_ADDED], 0, network);
  _gvirt_network_emit_event (network, event->kind);
  return G_SOURCE_REMOVE;
}

static void
on_backend_network_event (GVirtBackend             *backend,
                          GVirtNetworkEventKind     kind,
                          const GVirtNetworkRecord *record,
                          GVirtConnection          *self)
{
  NetworkEvent *event = g_new0 (NetworkEvent, 1);

  event->connection = g_object_ref (self);
  event->kind = kind;
  event->record = gvirt_network_record_copy (record);
  dispatch_to_context (self, apply_network_event, event, (GDestroyNotify) network_event_free);
}

/* Opening */

static gboolean
list_node_objects (GVirtConnection  *self,
                   GError          **error)
{
  GVirtBackendInterface *iface = GVIRT_BACKEND_GET_IFACE (self->backend);
  g_autoptr(GPtrArray) domain_records = NULL;
  g_autoptr(GPtrArray) network_records = NULL;

  domain_records = iface->list_domains ? iface->list_domains (self->backend, error)
                                       : g_ptr_array_new ();
  if (domain_records == NULL)
    return FALSE;
  network_records = iface->list_networks ? iface->list_networks (self->backend, error)
                                         : g_ptr_array_new ();
  if (network_records == NULL)
    return FALSE;

  /* Nobody can see the connection yet, so the lists fill in this thread. */
  for (guint i = 0; i < domain_records->len; i++)
    {
      g_autoptr(GVirtDomain) domain = ensure_domain (self, domain_records->pdata[i]);
      object_index_announce (&self->domains, domain);
    }
  for (guint i = 0; i < network_records->len; i++)
    {
      g_autoptr(GVirtNetwork) network = ensure_network (self, network_records->pdata[i]);
      object_index_announce (&self->networks, network);
    }
  return TRUE;
}

static gboolean
gvirt_connection_initable_init (GInitable     *initable,
                                GCancellable  *cancellable,
                                GError       **error)
{
  GVirtConnection *self = GVIRT_CONNECTION (initable);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GVirtBackend) backend = NULL;

  if (self->uri == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI,
                   _("No connection URI was given."));
      return FALSE;
    }

  uri = g_uri_parse (self->uri, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI,
                   _("“%s” is not a valid connection URI: %s"), self->uri, local_error->message);
      return FALSE;
    }

  self->backend_name = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKEND_NAME]);

  backend = _gvirt_backend_new_for_scheme (self->backend_name, error);
  if (backend == NULL)
    return FALSE;

  g_signal_connect_object (backend, "domain-event", G_CALLBACK (on_backend_domain_event), self, 0);
  g_signal_connect_object (backend, "network-event", G_CALLBACK (on_backend_network_event), self, 0);

  if (!GVIRT_BACKEND_GET_IFACE (backend)->open (backend, uri, self->flags, cancellable, error))
    return FALSE;

  self->backend = g_steal_pointer (&backend);
  if (!list_node_objects (self, error))
    {
      gvirt_connection_close (self);
      return FALSE;
    }
  return TRUE;
}

static void
gvirt_connection_initable_iface_init (GInitableIface *iface)
{
  iface->init = gvirt_connection_initable_init;
}

/**
 * gvirt_connection_open_sync:
 * @uri: the node's URI, such as `test:///default` or `qemu:///session`
 * @flags: #GVirtConnectionFlags
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens a connection to the node @uri names, loading the backend module
 * for its scheme. Signals of the connection and its objects will be
 * delivered on the thread-default main context of the calling thread.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set:
 *   %GVIRT_ERROR_INVALID_URI, %GVIRT_ERROR_NO_BACKEND or the backend's error
 */
GVirtConnection *
gvirt_connection_open_sync (const char            *uri,
                            GVirtConnectionFlags   flags,
                            GCancellable          *cancellable,
                            GError               **error)
{
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (GVIRT_TYPE_CONNECTION, cancellable, error,
                         "uri", uri, "flags", flags, NULL);
}

/**
 * gvirt_connection_open_async:
 * @uri: the node's URI
 * @flags: #GVirtConnectionFlags
 * @io_priority: the I/O priority of the request, e.g. %G_PRIORITY_DEFAULT
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the connection is open
 * @user_data: data for @callback
 *
 * Opens a connection without blocking; see gvirt_connection_open_sync().
 */
void
gvirt_connection_open_async (const char            *uri,
                             GVirtConnectionFlags   flags,
                             int                    io_priority,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_return_if_fail (uri != NULL);

  g_async_initable_new_async (GVIRT_TYPE_CONNECTION, io_priority, cancellable,
                              callback, user_data, "uri", uri, "flags", flags, NULL);
}

/**
 * gvirt_connection_open_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_connection_open_async().
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
GVirtConnection *
gvirt_connection_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_autoptr(GObject) source = g_async_result_get_source_object (result);
  GObject *object;

  g_return_val_if_fail (G_IS_ASYNC_INITABLE (source), NULL);

  object = g_async_initable_new_finish (G_ASYNC_INITABLE (source), result, error);
  return object ? GVIRT_CONNECTION (object) : NULL;
}

static void
close_backend (GVirtConnection *self)
{
  g_autoptr(GVirtBackend) backend = NULL;

  g_mutex_lock (&self->lock);
  self->closed = TRUE;
  backend = g_steal_pointer (&self->backend);
  g_mutex_unlock (&self->lock);

  if (backend != NULL)
    {
      g_signal_handlers_disconnect_by_data (backend, self);
      if (GVIRT_BACKEND_GET_IFACE (backend)->close != NULL)
        GVIRT_BACKEND_GET_IFACE (backend)->close (backend);
    }
}

/**
 * gvirt_connection_close:
 * @self: a #GVirtConnection
 *
 * Closes the connection: the backend lets go of the node, the domain and
 * network objects stop changing, and every later operation fails with
 * %GVIRT_ERROR_CLOSED. Emits #GVirtConnection::closed once. Closing twice
 * does nothing.
 */
void
gvirt_connection_close (GVirtConnection *self)
{
  g_return_if_fail (GVIRT_IS_CONNECTION (self));

  if (self->closed)
    return;
  close_backend (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

/**
 * gvirt_connection_is_closed:
 * @self: a #GVirtConnection
 *
 * Tells whether gvirt_connection_close() was called.
 *
 * Returns: whether gvirt_connection_close() was called
 */
gboolean
gvirt_connection_is_closed (GVirtConnection *self)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), TRUE);

  return self->closed;
}

GVirtBackend *
_gvirt_connection_ref_backend (GVirtConnection  *self,
                               gboolean          writes,
                               GError          **error)
{
  GVirtBackend *backend = NULL;

  if (self == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED,
                   _("The connection of this object no longer exists."));
      return NULL;
    }

  g_mutex_lock (&self->lock);
  if (self->backend != NULL)
    backend = g_object_ref (self->backend);
  g_mutex_unlock (&self->lock);

  if (backend == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED,
                 _("The connection to “%s” is closed."), self->uri);
  else if (writes && (self->flags & GVIRT_CONNECTION_READ_ONLY))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY,
                   _("The connection to “%s” is read-only; open it without the read-only flag to make changes."),
                   self->uri);
      g_clear_object (&backend);
    }
  return backend;
}

gboolean
_gvirt_unsupported (GVirtConnection  *self,
                    const char       *operation,
                    GError          **error)
{
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
               _("The “%s” backend cannot %s."), self->backend_name, operation);
  return FALSE;
}

/* Properties */

/**
 * gvirt_connection_get_uri:
 * @self: a #GVirtConnection
 *
 * Gets the URI the connection was opened with.
 *
 * Returns: the URI the connection was opened with
 */
const char *
gvirt_connection_get_uri (GVirtConnection *self)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);

  return self->uri;
}

/**
 * gvirt_connection_get_read_only:
 * @self: a #GVirtConnection
 *
 * Tells whether the connection refuses every change.
 *
 * Returns: whether the connection refuses every change
 */
gboolean
gvirt_connection_get_read_only (GVirtConnection *self)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), FALSE);

  return (self->flags & GVIRT_CONNECTION_READ_ONLY) != 0;
}

/**
 * gvirt_connection_get_backend_name:
 * @self: a #GVirtConnection
 *
 * Gets the name of the backend serving the connection.
 *
 * Returns: (nullable): the name of the backend serving the connection, the
 *   URI scheme, e.g. "test"
 */
const char *
gvirt_connection_get_backend_name (GVirtConnection *self)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);

  return self->backend_name;
}

/**
 * gvirt_connection_get_hostname:
 * @self: a #GVirtConnection
 * @error: return location for a #GError
 *
 * Asks the node for its host name.
 *
 * Returns: (transfer full): the host name of the node
 */
char *
gvirt_connection_get_hostname (GVirtConnection  *self,
                               GError          **error)
{
  g_autoptr(GVirtBackend) backend = NULL;
  g_autoptr(GError) local_error = NULL;
  char *hostname = NULL;

  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);

  backend = _gvirt_connection_ref_backend (self, FALSE, error);
  if (backend == NULL)
    return NULL;
  if (GVIRT_BACKEND_GET_IFACE (backend)->get_hostname != NULL)
    hostname = GVIRT_BACKEND_GET_IFACE (backend)->get_hostname (backend, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* A backend with no answer runs on this host. */
  return hostname ? hostname : g_strdup (g_get_host_name ());
}

/* Node queries and definitions: each runs one of these in the calling thread
 * (_sync) or in a worker thread (_async). */

static gpointer
get_capabilities_func (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  g_autoptr(GVirtBackend) backend = _gvirt_connection_ref_backend (source, FALSE, error);

  if (backend == NULL)
    return NULL;
  if (GVIRT_BACKEND_GET_IFACE (backend)->get_capabilities == NULL)
    return _gvirt_unsupported (source, _("report capabilities"), error), NULL;
  return GVIRT_BACKEND_GET_IFACE (backend)->get_capabilities (backend, cancellable, error);
}

/**
 * gvirt_connection_get_capabilities_sync:
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

  return _gvirt_task_run_sync (self, get_capabilities_func, NULL, cancellable, error);
}

/**
 * gvirt_connection_get_capabilities_async:
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

  _gvirt_task_run_async (self, get_capabilities_func, NULL, NULL, g_object_unref,
                         cancellable, callback, user_data,
                         gvirt_connection_get_capabilities_async);
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

static gpointer
get_node_info_func (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  g_autoptr(GVirtBackend) backend = _gvirt_connection_ref_backend (source, FALSE, error);

  if (backend == NULL)
    return NULL;
  if (GVIRT_BACKEND_GET_IFACE (backend)->get_node_info == NULL)
    return _gvirt_unsupported (source, _("report node information"), error), NULL;
  return GVIRT_BACKEND_GET_IFACE (backend)->get_node_info (backend, cancellable, error);
}

/**
 * gvirt_connection_get_node_info_sync:
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

  return _gvirt_task_run_sync (self, get_node_info_func, NULL, cancellable, error);
}

/**
 * gvirt_connection_get_node_info_async:
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

  _gvirt_task_run_async (self, get_node_info_func, NULL, NULL,
                         (GDestroyNotify) gvirt_node_info_free,
                         cancellable, callback, user_data,
                         gvirt_connection_get_node_info_async);
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

/* Lists and lookups */

/**
 * gvirt_connection_get_domains:
 * @self: a #GVirtConnection
 *
 * The node's domains, as a live list that emits #GListModel::items-changed
 * when domains appear and go, on the connection's main context.
 *
 * Returns: (transfer none): a #GListModel of #GVirtDomain
 */
GListModel *
gvirt_connection_get_domains (GVirtConnection *self)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);

  return G_LIST_MODEL (self->domains.list);
}

/**
 * gvirt_connection_get_networks:
 * @self: a #GVirtConnection
 *
 * The node's networks, as a live list; see gvirt_connection_get_domains().
 *
 * Returns: (transfer none): a #GListModel of #GVirtNetwork
 */
GListModel *
gvirt_connection_get_networks (GVirtConnection *self)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);

  return G_LIST_MODEL (self->networks.list);
}

/**
 * gvirt_connection_find_domain_by_name:
 * @self: a #GVirtConnection
 * @name: a domain name
 *
 * Looks up a domain by name, in constant time.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL
 */
GVirtDomain *
gvirt_connection_find_domain_by_name (GVirtConnection *self,
                                      const char      *name)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return object_index_lookup (self, self->domains.by_name, name);
}

/**
 * gvirt_connection_find_domain_by_uuid:
 * @self: a #GVirtConnection
 * @uuid: a UUID, dashed or as 32 hex digits, in either case
 *
 * Looks up a domain by UUID, in constant time.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL
 */
GVirtDomain *
gvirt_connection_find_domain_by_uuid (GVirtConnection *self,
                                      const char      *uuid)
{
  char canonical[37];

  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!canonical_uuid (uuid, canonical))
    return NULL;
  return object_index_lookup (self, self->domains.by_uuid, canonical);
}

/**
 * gvirt_connection_find_domain_by_id:
 * @self: a #GVirtConnection
 * @id: the id of a running domain
 *
 * Looks up a running domain by id, in constant time.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL
 */
GVirtDomain *
gvirt_connection_find_domain_by_id (GVirtConnection *self,
                                    gint             id)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);

  if (id < 0)
    return NULL;
  return object_index_lookup (self, self->domains_by_id, GINT_TO_POINTER (id));
}

/**
 * gvirt_connection_find_network_by_name:
 * @self: a #GVirtConnection
 * @name: a network name
 *
 * Looks up a network by name, in constant time.
 *
 * Returns: (transfer full) (nullable): the network, or %NULL
 */
GVirtNetwork *
gvirt_connection_find_network_by_name (GVirtConnection *self,
                                       const char      *name)
{
  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return object_index_lookup (self, self->networks.by_name, name);
}

/**
 * gvirt_connection_find_network_by_uuid:
 * @self: a #GVirtConnection
 * @uuid: a UUID, dashed or as 32 hex digits, in either case
 *
 * Looks up a network by UUID, in constant time.
 *
 * Returns: (transfer full) (nullable): the network, or %NULL
 */
GVirtNetwork *
gvirt_connection_find_network_by_uuid (GVirtConnection *self,
                                       const char      *uuid)
{
  char canonical[37];

  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!canonical_uuid (uuid, canonical))
    return NULL;
  return object_index_lookup (self, self->networks.by_uuid, canonical);
}

/* Defining domains and networks */

typedef enum {
  DEFINE_DOMAIN,
  CREATE_DOMAIN,
  RESTORE_DOMAIN,
  DEFINE_NETWORK,
  CREATE_NETWORK,
} NodeChange;

typedef struct {
  NodeChange  change;
  GObject    *config;   /* GVirtDomainConfig or GVirtNetworkConfig */
  char       *path;
} NodeChangeCall;

static void
node_change_call_free (NodeChangeCall *call)
{
  g_clear_object (&call->config);
  g_free (call->path);
  g_free (call);
}

static NodeChangeCall *
node_change_call_new (NodeChange  change,
                      gpointer    config,
                      const char *path)
{
  NodeChangeCall *call = g_new0 (NodeChangeCall, 1);

  call->change = change;
  call->config = config ? g_object_ref (config) : NULL;
  call->path = g_strdup (path);
  return call;
}

static gpointer
node_change_func (gpointer source, gpointer data, GCancellable *cancellable, GError **error)
{
  GVirtConnection *self = source;
  NodeChangeCall *call = data;
  g_autoptr(GVirtBackend) backend = _gvirt_connection_ref_backend (self, TRUE, error);
  GVirtBackendInterface *iface;
  g_autoptr(GVirtDomainRecord) domain_record = NULL;
  g_autoptr(GVirtNetworkRecord) network_record = NULL;

  if (backend == NULL)
    return NULL;
  iface = GVIRT_BACKEND_GET_IFACE (backend);

  switch (call->change)
    {
    case DEFINE_DOMAIN:
      if (iface->define_domain == NULL)
        return _gvirt_unsupported (source, _("define domains"), error), NULL;
      domain_record = iface->define_domain (backend, GVIRT_DOMAIN_CONFIG (call->config), cancellable, error);
      break;
    case CREATE_DOMAIN:
      if (iface->create_domain == NULL)
        return _gvirt_unsupported (source, _("create domains"), error), NULL;
      domain_record = iface->create_domain (backend, GVIRT_DOMAIN_CONFIG (call->config), cancellable, error);
      break;
    case RESTORE_DOMAIN:
      if (iface->restore_domain == NULL)
        return _gvirt_unsupported (source, _("restore domains"), error), NULL;
      domain_record = iface->restore_domain (backend, call->path, cancellable, error);
      break;
    case DEFINE_NETWORK:
      if (iface->define_network == NULL)
        return _gvirt_unsupported (source, _("define networks"), error), NULL;
      network_record = iface->define_network (backend, GVIRT_NETWORK_CONFIG (call->config), cancellable, error);
      break;
    case CREATE_NETWORK:
      if (iface->create_network == NULL)
        return _gvirt_unsupported (source, _("create networks"), error), NULL;
      network_record = iface->create_network (backend, GVIRT_NETWORK_CONFIG (call->config), cancellable, error);
      break;
    }

  if (domain_record != NULL)
    return ensure_domain (self, domain_record);
  if (network_record != NULL)
    return ensure_network (self, network_record);
  return NULL;
}

static gpointer
node_change_sync (GVirtConnection  *self,
                  NodeChange        change,
                  gpointer          config,
                  const char       *path,
                  GCancellable     *cancellable,
                  GError          **error)
{
  NodeChangeCall call = { change, config, (char *) path };

  return _gvirt_connection_run_sync (self, self, node_change_func, &call, cancellable, error);
}

static void
node_change_async (GVirtConnection     *self,
                   NodeChange           change,
                   gpointer             config,
                   const char          *path,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data,
                   gpointer             source_tag)
{
  _gvirt_task_run_async (self, node_change_func,
                         node_change_call_new (change, config, path),
                         (GDestroyNotify) node_change_call_free, g_object_unref,
                         cancellable, callback, user_data, source_tag);
}

/**
 * gvirt_connection_define_domain_sync:
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

  return node_change_sync (self, DEFINE_DOMAIN, config, NULL, cancellable, error);
}

/**
 * gvirt_connection_define_domain_async:
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

  node_change_async (self, DEFINE_DOMAIN, config, NULL, cancellable, callback, user_data,
                     gvirt_connection_define_domain_async);
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
 * gvirt_connection_create_domain_sync:
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

  return node_change_sync (self, CREATE_DOMAIN, config, NULL, cancellable, error);
}

/**
 * gvirt_connection_create_domain_async:
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

  node_change_async (self, CREATE_DOMAIN, config, NULL, cancellable, callback, user_data,
                     gvirt_connection_create_domain_async);
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
 * gvirt_connection_restore_domain_sync:
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

  return node_change_sync (self, RESTORE_DOMAIN, NULL, path, cancellable, error);
}

/**
 * gvirt_connection_restore_domain_async:
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

  node_change_async (self, RESTORE_DOMAIN, NULL, path, cancellable, callback, user_data,
                     gvirt_connection_restore_domain_async);
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
 * gvirt_connection_define_network_sync:
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

  return node_change_sync (self, DEFINE_NETWORK, config, NULL, cancellable, error);
}

/**
 * gvirt_connection_define_network_async:
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

  node_change_async (self, DEFINE_NETWORK, config, NULL, cancellable, callback, user_data,
                     gvirt_connection_define_network_async);
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
 * gvirt_connection_create_network_sync:
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

  return node_change_sync (self, CREATE_NETWORK, config, NULL, cancellable, error);
}

/**
 * gvirt_connection_create_network_async:
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

  node_change_async (self, CREATE_NETWORK, config, NULL, cancellable, callback, user_data,
                     gvirt_connection_create_network_async);
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

/* GObject */

static void
gvirt_connection_constructed (GObject *object)
{
  GVirtConnection *self = GVIRT_CONNECTION (object);

  G_OBJECT_CLASS (gvirt_connection_parent_class)->constructed (object);
  /* Where the caller lives: every signal is delivered there. */
  self->context = g_main_context_ref_thread_default ();
  self->thread = g_thread_ref (g_thread_self ());
}

static void
gvirt_connection_dispose (GObject *object)
{
  GVirtConnection *self = GVIRT_CONNECTION (object);

  /* Disposal closes silently: nobody is left to hear ::closed. */
  close_backend (self);

  G_OBJECT_CLASS (gvirt_connection_parent_class)->dispose (object);
}

static void
gvirt_connection_finalize (GObject *object)
{
  GVirtConnection *self = GVIRT_CONNECTION (object);

  object_index_clear (&self->domains);
  object_index_clear (&self->networks);
  g_clear_pointer (&self->domains_by_id, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->thread, g_thread_unref);
  g_queue_clear_full (&self->events, (GDestroyNotify) queued_event_free);
  g_mutex_clear (&self->events_lock);
  g_free (self->uri);
  g_free (self->backend_name);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (gvirt_connection_parent_class)->finalize (object);
}

static void
gvirt_connection_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GVirtConnection *self = GVIRT_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    case PROP_FLAGS:
      g_value_set_flags (value, self->flags);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, gvirt_connection_get_read_only (self));
      break;
    case PROP_BACKEND_NAME:
      g_value_set_string (value, self->backend_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvirt_connection_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GVirtConnection *self = GVIRT_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_URI:
      self->uri = g_value_dup_string (value);
      break;
    case PROP_FLAGS:
      self->flags = g_value_get_flags (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvirt_connection_class_init (GVirtConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* Every message GVirt shows comes after a connection class exists. */
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  object_class->constructed = gvirt_connection_constructed;
  object_class->dispose = gvirt_connection_dispose;
  object_class->finalize = gvirt_connection_finalize;
  object_class->get_property = gvirt_connection_get_property;
  object_class->set_property = gvirt_connection_set_property;

  /**
   * GVirtConnection:uri:
   *
   * The URI of the node.
   */
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * GVirtConnection:flags:
   *
   * How the connection was opened.
   */
  properties[PROP_FLAGS] =
    g_param_spec_flags ("flags", NULL, NULL,
                        GVIRT_TYPE_CONNECTION_FLAGS, GVIRT_CONNECTION_NONE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * GVirtConnection:read-only:
   *
   * Whether the connection refuses every change.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * GVirtConnection:backend-name:
   *
   * The backend serving the connection: the URI scheme.
   */
  properties[PROP_BACKEND_NAME] =
    g_param_spec_string ("backend-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GVirtConnection::domain-added:
   * @self: the connection
   * @domain: the new domain
   *
   * A domain appeared on the node, defined or created by any client.
   */
  signals[DOMAIN_ADDED] =
    g_signal_new ("domain-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_DOMAIN);

  /**
   * GVirtConnection::domain-removed:
   * @self: the connection
   * @domain: the domain that is gone
   *
   * A domain left the node: undefined, or a transient domain that stopped.
   */
  signals[DOMAIN_REMOVED] =
    g_signal_new ("domain-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_DOMAIN);

  /**
   * GVirtConnection::network-added:
   * @self: the connection
   * @network: the new network
   *
   * A network appeared on the node.
   */
  signals[NETWORK_ADDED] =
    g_signal_new ("network-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_NETWORK);

  /**
   * GVirtConnection::network-removed:
   * @self: the connection
   * @network: the network that is gone
   *
   * A network left the node.
   */
  signals[NETWORK_REMOVED] =
    g_signal_new ("network-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_NETWORK);

  /**
   * GVirtConnection::closed:
   * @self: the connection
   *
   * The connection was closed with gvirt_connection_close().
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gvirt_connection_init (GVirtConnection *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->events_lock);
  g_queue_init (&self->events);
  object_index_init (&self->domains, GVIRT_TYPE_DOMAIN);
  object_index_init (&self->networks, GVIRT_TYPE_NETWORK);
  self->domains_by_id = g_hash_table_new (NULL, NULL);
}
