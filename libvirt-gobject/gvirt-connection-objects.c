/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The domain and network objects of a connection: their index, lookups and
 * lists, and the backend events that create, change and remove them. */
#include "config.h"

#include "gvirt-connection-private.h"
#include "gvirt-backend-private.h"
#include "gvirt-domain-private.h"
#include "gvirt-network-private.h"
#include "gvirt-i18n-private.h"
#include "gvirt-uuid-hash-private.h"

static GHashTable *
object_table_new (void)
{
  return g_hash_table_new_full (_gvirt_uuid_hash, g_str_equal, NULL, g_object_unref);
}

static void
object_index_init (ObjectIndex *index,
                   GType        item_type)
{
  index->by_uuid = object_table_new ();
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
  /* contains () first: every event of a listed object comes here, and
   * add () would rewrite the entry each time */
  if (g_hash_table_contains (index->listed, object) || !g_hash_table_add (index->listed, object))
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

/* Under the lock: empties the lookups of @index; returns the table that
 * held the references, to be dropped after the lock. */
static GHashTable *
object_index_steal (ObjectIndex *index)
{
  GHashTable *owned = index->by_uuid;

  index->by_uuid = object_table_new ();
  g_hash_table_remove_all (index->by_name);
  return owned;
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

/* Takes the connection's context for this thread when it may: it opened
 * the connection and can acquire the context (*@entered: release it
 * after), or it owns the context already. Never a worker
 * thread that merely found the context free: handlers (GJS's above all)
 * must run where the application lives. */
static gboolean
enter_context (GVirtConnection *self,
               gboolean        *entered)
{
  /* acquire () first: it succeeds for an owner too, and the opener is
   * the usual caller, so is_owner () (another lock) is rarely needed */
  *entered = g_thread_self () == self->thread && g_main_context_acquire (self->context);
  return *entered || g_main_context_is_owner (self->context);
}

/* Enters the connection's context when this thread may and applies the
 * events queued before: the caller then applies its own event at once,
 * with nothing copied, and calls leave_direct(). %FALSE: queue it. */
static gboolean
enter_direct (GVirtConnection *self,
              gboolean        *entered)
{
  if (!enter_context (self, entered))
    return FALSE;
  run_queued_events (self);
  return TRUE;
}

static void
leave_direct (GVirtConnection *self,
              gboolean         entered)
{
  if (entered)
    g_main_context_release (self->context);
}

/* Queues @func for an idle source on the connection's context. */
static void
queue_event (GVirtConnection *self,
             GSourceFunc      func,
             gpointer         data,
             GDestroyNotify   notify)
{
  QueuedEvent *event = g_new (QueuedEvent, 1);

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

/* Runs @func on the connection's context: at once when this thread may
 * (after the events queued before it), otherwise queued. */
static void
dispatch_to_context (GVirtConnection *self,
                     GSourceFunc      func,
                     gpointer         data,
                     GDestroyNotify   notify)
{
  gboolean entered;

  if (enter_direct (self, &entered))
    {
      func (data);
      notify (data);
      leave_direct (self, entered);
      return;
    }
  queue_event (self, func, data, notify);
}

static gboolean
has_queued_events (GVirtConnection *self)
{
  gboolean queued;

  g_mutex_lock (&self->events_lock);
  queued = !g_queue_is_empty (&self->events);
  g_mutex_unlock (&self->events_lock);
  return queued;
}

/* Runs a blocking call, then, when the calling thread may enter the
 * connection's context, applies the events the call caused that a backend
 * reported from its own threads: a sync call returns with the objects
 * already showing its effect (state, signals), whatever the backend.
 * Events reported in this thread were applied as they came.
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

  if (self != NULL && has_queued_events (self) && enter_direct (self, &entered))
    leave_direct (self, entered);
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
  if (domain == NULL && self->closed)
    {
      /* a call that ended after close: its domain, but not indexed */
      g_mutex_unlock (&self->lock);
      return _gvirt_domain_new (self, record);
    }
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
    g_signal_emit (self, _gvirt_connection_signals[CONNECTION_DOMAIN_REMOVED], 0, domain);
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
static void
apply_domain_change (GVirtConnection         *self,
                     GVirtDomainEventKind     kind,
                     gint                     reason,
                     const GVirtDomainRecord *record)
{
  g_autoptr(GVirtDomain) domain = NULL;

  if (self->closed)
    return;

  if (kind == GVIRT_DOMAIN_EVENT_UNDEFINED)
    {
      remove_domain (self, record->uuid);
      return;
    }

  domain = ensure_domain (self, record);
  update_domain_id (self, domain, record->id);
  _gvirt_domain_apply_record (domain, record);
  if (object_index_announce (&self->domains, domain))
    g_signal_emit (self, _gvirt_connection_signals[CONNECTION_DOMAIN_ADDED], 0, domain);
  _gvirt_domain_emit_event (domain, kind, reason);
}

static gboolean
apply_domain_event (gpointer data)
{
  DomainEvent *event = data;

  apply_domain_change (event->connection, event->kind, event->reason, event->record);
  return G_SOURCE_REMOVE;
}

static void
on_backend_domain_event (gpointer                 data,
                         GVirtDomainEventKind     kind,
                         gint                     reason,
                         const GVirtDomainRecord *record)
{
  GVirtConnection *self = data;
  DomainEvent *event;
  gboolean entered;

  if (enter_direct (self, &entered))
    {
      apply_domain_change (self, kind, reason, record);
      leave_direct (self, entered);
      return;
    }
  event = g_new0 (DomainEvent, 1);
  event->connection = g_object_ref (self);
  event->kind = kind;
  event->reason = reason;
  event->record = gvirt_domain_record_copy (record);
  queue_event (self, apply_domain_event, event, (GDestroyNotify) domain_event_free);
}

/* Networks */

static GVirtNetwork *
ensure_network (GVirtConnection          *self,
                const GVirtNetworkRecord *record)
{
  GVirtNetwork *network;

  g_mutex_lock (&self->lock);
  network = g_hash_table_lookup (self->networks.by_uuid, record->uuid);
  if (network == NULL && self->closed)
    {
      g_mutex_unlock (&self->lock);
      return _gvirt_network_new (self, record);
    }
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
    g_signal_emit (self, _gvirt_connection_signals[CONNECTION_NETWORK_REMOVED], 0, network);
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

static void
apply_network_change (GVirtConnection          *self,
                      GVirtNetworkEventKind     kind,
                      const GVirtNetworkRecord *record)
{
  g_autoptr(GVirtNetwork) network = NULL;

  if (self->closed)
    return;

  if (kind == GVIRT_NETWORK_EVENT_UNDEFINED)
    {
      remove_network (self, record->uuid);
      return;
    }

  network = ensure_network (self, record);
  _gvirt_network_apply_record (network, record);
  if (object_index_announce (&self->networks, network))
    g_signal_emit (self, _gvirt_connection_signals[CONNECTION_NETWORK_ADDED], 0, network);
  _gvirt_network_emit_event (network, kind);
}

static gboolean
apply_network_event (gpointer data)
{
  NetworkEvent *event = data;

  apply_network_change (event->connection, event->kind, event->record);
  return G_SOURCE_REMOVE;
}

static void
on_backend_network_event (gpointer                  data,
                          GVirtNetworkEventKind     kind,
                          const GVirtNetworkRecord *record)
{
  GVirtConnection *self = data;
  NetworkEvent *event;
  gboolean entered;

  if (enter_direct (self, &entered))
    {
      apply_network_change (self, kind, record);
      leave_direct (self, entered);
      return;
    }
  event = g_new0 (NetworkEvent, 1);
  event->connection = g_object_ref (self);
  event->kind = kind;
  event->record = gvirt_network_record_copy (record);
  queue_event (self, apply_network_event, event, (GDestroyNotify) network_event_free);
}

static const GVirtBackendListener connection_listener = {
  on_backend_domain_event,
  on_backend_network_event,
};

void
_gvirt_connection_listen (GVirtConnection *self,
                          GVirtBackend    *backend)
{
  _gvirt_backend_set_listener (backend, &connection_listener, self);
}

void
_gvirt_connection_unlisten (GVirtConnection *self,
                            GVirtBackend    *backend)
{
  _gvirt_backend_set_listener (backend, NULL, NULL);
}

GVirtDomain *
_gvirt_connection_adopt_domain (GVirtConnection         *self,
                                const GVirtDomainRecord *record)
{
  return ensure_domain (self, record);
}

GVirtNetwork *
_gvirt_connection_adopt_network (GVirtConnection          *self,
                                 const GVirtNetworkRecord *record)
{
  return ensure_network (self, record);
}

void
_gvirt_connection_objects_init (GVirtConnection *self)
{
  g_mutex_init (&self->events_lock);
  g_queue_init (&self->events);
  object_index_init (&self->domains, GVIRT_TYPE_DOMAIN);
  object_index_init (&self->networks, GVIRT_TYPE_NETWORK);
  self->domains_by_id = g_hash_table_new (NULL, NULL);
}

/* On the main context: the lists of a closed connection are empty. */
static gboolean
empty_lists (gpointer data)
{
  GVirtConnection *self = data;

  g_hash_table_remove_all (self->domains.listed);
  g_list_store_remove_all (self->domains.list);
  g_hash_table_remove_all (self->networks.listed);
  g_list_store_remove_all (self->networks.list);
  return G_SOURCE_REMOVE;
}

/*
 * After close: lookups find nothing at once and the lists empty on the
 * connection's context (one items-changed each). No domain-removed: the
 * domains still exist on the node, the connection no longer follows them.
 * The objects callers hold stay valid; their calls fail with CLOSED.
 */
void
_gvirt_connection_forget_objects (GVirtConnection *self)
{
  g_autoptr(GHashTable) domains = NULL;
  g_autoptr(GHashTable) networks = NULL;

  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->domains_by_id);
  domains = object_index_steal (&self->domains);
  networks = object_index_steal (&self->networks);
  g_mutex_unlock (&self->lock);
  dispatch_to_context (self, empty_lists, g_object_ref (self), g_object_unref);
}

void
_gvirt_connection_objects_clear (GVirtConnection *self)
{
  object_index_clear (&self->domains);
  object_index_clear (&self->networks);
  g_clear_pointer (&self->domains_by_id, g_hash_table_unref);
  g_queue_clear_full (&self->events, (GDestroyNotify) queued_event_free);
  g_mutex_clear (&self->events_lock);
}

/* Opening */


gboolean
_gvirt_connection_list_objects (GVirtConnection  *self,
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
 * Like every lookup of the connection, this has no #GError: %NULL means no
 * domain has @uuid, and a string that is not a UUID (malformed, of the
 * wrong length, empty) is no domain's, so it also gives %NULL. To tell a
 * user that what they typed is not a UUID, check it first, for example
 * with g_uuid_string_is_valid() (which takes the dashed form only).
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL when no domain
 *   has @uuid or @uuid is not a UUID
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
 * @id: the id of a running domain: ids are 0 or more (a negative id,
 *   such as the -1 of inactive domains, finds nothing)
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
 * Looks up a network by UUID, in constant time. As for
 * gvirt_connection_find_domain_by_uuid(), a string that is not a UUID
 * finds nothing.
 *
 * Returns: (transfer full) (nullable): the network, or %NULL when no
 *   network has @uuid or @uuid is not a UUID
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

