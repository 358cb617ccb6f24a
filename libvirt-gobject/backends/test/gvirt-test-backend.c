/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtTestBackend: a complete in-memory hypervisor, loaded as the "test" GIO module. */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-test-backend.h"
#include "gvirt-test-definition-private.h"
#include "gvirt-test-node-private.h"
#include "gvirt-test-save-private.h"

/*
 * One instance is one node. A single mutex guards the whole node; every
 * entry point takes it, changes the node, queues the events its change
 * caused and, after unlocking, emits the queued events in order (see
 * unlock_and_emit()).
 */

#define CORE_DUMP_MAGIC "GVirtTestCoreDump1"

/*
 * Definitions (GVirtTestDefinition: the XML and the figures get_info
 * reports) are immutable and carry no id (dom->id is put in when one is
 * written out or read back): a change replaces the definition with one made
 * from a changed configuration. So a started domain shares its definition
 * as its live one, a saved image's definition serves its restore, and none
 * of them is copied or parsed on the way.
 */
typedef struct {
  char                *uuid;
  GVirtTestDefinition *config;      /* the persistent (or, if transient, boot) definition */
  GVirtTestDefinition *live;        /* while active: the running definition, often config itself */
  GVirtDomainState     state;       /* running, paused or shutoff */
  gint               id;
  gboolean           persistent;
  gboolean           autostart;
  guint64            cpu_time;      /* ns used before running_since */
  gint64             running_since; /* monotonic µs, 0 unless running */
  GPtrArray         *pins;          /* vCPU → GArray of guint host CPUs, NULL = all */
} TestDomain;

typedef struct {
  char               *uuid;
  GVirtNetworkConfig *config;       /* the persistent (or, if transient, start) definition */
  GVirtNetworkConfig *live;         /* while active */
  gboolean            persistent;
  gboolean            autostart;
} TestNetwork;

typedef struct {
  gboolean network;
  gint     kind;
  gint     reason;
  gpointer record;
} PendingEvent;

struct _GVirtTestBackend
{
  GObject parent_instance;

  GMutex         lock;
  GCond          emitted_cond;
  gboolean       open;
  gboolean       read_only;
  char          *uri;
  GVirtNodeInfo *info;
  char          *capabilities_xml;
  gint           next_id;

  GHashTable    *domains;          /* uuid → TestDomain (owned) */
  GHashTable    *domain_names;     /* name → TestDomain */
  GPtrArray     *domain_order;     /* TestDomain, in definition order */
  GHashTable    *networks;         /* uuid → TestNetwork (owned) */
  GHashTable    *network_names;    /* name → TestNetwork */
  GPtrArray     *network_order;

  GHashTable    *saved;            /* image XML → the GVirtTestDefinition it was saved from */

  GQueue         events;           /* PendingEvent, oldest first */
  guint64        events_queued;
  guint64        events_emitted;
  GThread       *emitter;
  guint          emit_waiters;   /* threads in g_cond_wait (emitted_cond) */
};

static void gvirt_test_backend_iface_init (GVirtBackendInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (GVirtTestBackend, gvirt_test_backend, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (GVIRT_TYPE_BACKEND,
                                                               gvirt_test_backend_iface_init))

/* ---- Small helpers ------------------------------------------------------ */

static const char *
state_name (GVirtDomainState state)
{
  switch (state)
    {
    case GVIRT_DOMAIN_STATE_RUNNING:
      return _("running");
    case GVIRT_DOMAIN_STATE_PAUSED:
      return _("paused");
    case GVIRT_DOMAIN_STATE_SHUTOFF:
      return _("shut off");
    case GVIRT_DOMAIN_STATE_BLOCKED:
      return _("blocked");
    case GVIRT_DOMAIN_STATE_SHUTDOWN:
      return _("shutting down");
    case GVIRT_DOMAIN_STATE_CRASHED:
      return _("crashed");
    case GVIRT_DOMAIN_STATE_PMSUSPENDED:
      return _("suspended by power management");
    case GVIRT_DOMAIN_STATE_NOSTATE:
    default:
      return _("in no state");
    }
}

static gboolean
domain_is_active (const TestDomain *dom)
{
  return dom->state != GVIRT_DOMAIN_STATE_SHUTOFF;
}

static const char *
domain_name (const TestDomain *dom)
{
  return dom->config->name;
}

static GVirtTestDefinition *
domain_current (const TestDomain *dom)
{
  return dom->live != NULL ? dom->live : dom->config;
}

static const char *
network_name (const TestNetwork *net)
{
  return gvirt_network_config_get_name (net->config);
}

static gboolean
network_is_active (const TestNetwork *net)
{
  return net->live != NULL;
}

static void
test_domain_free (gpointer data)
{
  TestDomain *dom = data;

  g_free (dom->uuid);
  g_clear_pointer (&dom->config, _gvirt_test_definition_unref);
  g_clear_pointer (&dom->live, _gvirt_test_definition_unref);
  g_clear_pointer (&dom->pins, g_ptr_array_unref);
  g_free (dom);
}

static void
test_network_free (gpointer data)
{
  TestNetwork *net = data;

  g_free (net->uuid);
  g_clear_object (&net->config);
  g_clear_object (&net->live);
  g_free (net);
}

static void
pending_event_free (gpointer data)
{
  PendingEvent *ev = data;

  if (ev->network)
    gvirt_network_record_free (ev->record);
  else
    gvirt_domain_record_free (ev->record);
  g_free (ev);
}

static GVirtDomainRecord *
domain_record (const TestDomain *dom)
{
  GVirtDomainRecord *record = gvirt_domain_record_new (dom->uuid, domain_name (dom));

  record->id = dom->id;
  record->state = dom->state;
  record->persistent = dom->persistent;
  record->autostart = dom->autostart;
  return record;
}

static GVirtNetworkRecord *
network_record (const TestNetwork *net)
{
  GVirtNetworkRecord *record = gvirt_network_record_new (net->uuid, network_name (net));
  GVirtNetworkConfig *config = net->live != NULL ? net->live : net->config;

  record->bridge = g_strdup (gvirt_network_config_get_bridge_name (config));
  record->active = network_is_active (net);
  record->persistent = net->persistent;
  record->autostart = net->autostart;
  return record;
}

/* ---- Events --------------------------------------------------------------- */

static void
queue_domain_event (GVirtTestBackend     *self,
                    GVirtDomainEventKind  kind,
                    gint                  reason,
                    const TestDomain     *dom)
{
  PendingEvent *ev = g_new0 (PendingEvent, 1);

  ev->kind = kind;
  ev->reason = reason;
  ev->record = domain_record (dom);
  g_queue_push_tail (&self->events, ev);
  self->events_queued++;
}

static void
queue_network_event (GVirtTestBackend      *self,
                     GVirtNetworkEventKind  kind,
                     const TestNetwork     *net)
{
  PendingEvent *ev = g_new0 (PendingEvent, 1);

  ev->network = TRUE;
  ev->kind = kind;
  ev->record = network_record (net);
  g_queue_push_tail (&self->events, ev);
  self->events_queued++;
}

/*
 * Unlocks the node and emits the queued events, in the order they were
 * queued, with no lock held. One thread at a time emits; a thread whose
 * events another thread is emitting waits until they are out, so every
 * call returns after its own events were delivered, except when it was
 * made from an event handler, whose events follow once it returns.
 */
static void
unlock_and_emit (GVirtTestBackend *self)
{
  guint64 target = self->events_queued;
  GThread *me = g_thread_self ();
  PendingEvent *ev;

  if (self->events_emitted >= target || self->emitter == me)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  if (self->emitter != NULL)
    {
      self->emit_waiters++;
      while (self->events_emitted < target)
        g_cond_wait (&self->emitted_cond, &self->lock);
      self->emit_waiters--;
      g_mutex_unlock (&self->lock);
      return;
    }

  self->emitter = me;
  while ((ev = g_queue_pop_head (&self->events)) != NULL)
    {
      g_mutex_unlock (&self->lock);
      if (ev->network)
        gvirt_backend_emit_network_event (GVIRT_BACKEND (self), ev->kind, ev->record);
      else
        gvirt_backend_emit_domain_event (GVIRT_BACKEND (self), ev->kind, ev->reason, ev->record);
      pending_event_free (ev);
      g_mutex_lock (&self->lock);
      self->events_emitted++;
      /* GLib's g_cond_broadcast() is a futex syscall even with no waiter. */
      if (self->emit_waiters > 0)
        g_cond_broadcast (&self->emitted_cond);
    }
  self->emitter = NULL;
  g_mutex_unlock (&self->lock);
}

/* Drops the queued events (on close: no event follows). Called locked. */
static void
drop_events (GVirtTestBackend *self)
{
  guint n = g_queue_get_length (&self->events);

  g_queue_clear_full (&self->events, pending_event_free);
  self->events_emitted += n;
  if (self->emit_waiters > 0)
    g_cond_broadcast (&self->emitted_cond);
}

/* ---- Entry and lookup ----------------------------------------------------- */

/* Locks the node for an operation; on failure the node is left unlocked. */
static gboolean
enter (GVirtTestBackend  *self,
       gboolean           mutating,
       GCancellable      *cancellable,
       GError           **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  g_mutex_lock (&self->lock);
  if (!self->open)
    {
      g_mutex_unlock (&self->lock);
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED,
                           _("The test hypervisor connection is closed."));
      return FALSE;
    }
  if (mutating && self->read_only)
    {
      g_mutex_unlock (&self->lock);
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY,
                   _("The connection to “%s” is read-only."), self->uri);
      return FALSE;
    }
  return TRUE;
}

static TestDomain *
find_domain (GVirtTestBackend *self, const char *uuid, GError **error)
{
  TestDomain *dom = uuid != NULL ? g_hash_table_lookup (self->domains, uuid) : NULL;

  if (dom == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_DOMAIN,
                 _("No domain with UUID “%s” exists on this node."),
                 uuid != NULL ? uuid : "");
  return dom;
}

static TestNetwork *
find_network (GVirtTestBackend *self, const char *uuid, GError **error)
{
  TestNetwork *net = uuid != NULL ? g_hash_table_lookup (self->networks, uuid) : NULL;

  if (net == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_NETWORK,
                 _("No network with UUID “%s” exists on this node."),
                 uuid != NULL ? uuid : "");
  return net;
}

/* Fails with INVALID_STATE, @message taking the domain name then its state. */
static gboolean
invalid_state (const TestDomain *dom, const char *message, GError **error)
{
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE, message,
               domain_name (dom), state_name (dom->state));
  return FALSE;
}

static void
add_domain (GVirtTestBackend *self, TestDomain *dom)
{
  g_hash_table_insert (self->domains, dom->uuid, dom);
  g_hash_table_insert (self->domain_names, g_strdup (domain_name (dom)), dom);
  g_ptr_array_add (self->domain_order, dom);
}

static void
remove_domain (GVirtTestBackend *self, TestDomain *dom)
{
  g_hash_table_remove (self->domain_names, domain_name (dom));
  g_ptr_array_remove (self->domain_order, dom);
  g_hash_table_remove (self->domains, dom->uuid);   /* frees dom */
}

static void
add_network (GVirtTestBackend *self, TestNetwork *net)
{
  g_hash_table_insert (self->networks, net->uuid, net);
  g_hash_table_insert (self->network_names, g_strdup (network_name (net)), net);
  g_ptr_array_add (self->network_order, net);
}

static void
remove_network (GVirtTestBackend *self, TestNetwork *net)
{
  g_hash_table_remove (self->network_names, network_name (net));
  g_ptr_array_remove (self->network_order, net);
  g_hash_table_remove (self->networks, net->uuid);
}

/* ---- Domain lifecycle ------------------------------------------------------ */

/* The vCPUs online: <vcpu current='n'> when set, else every <vcpu>. */
static guint
domain_vcpus (const TestDomain *dom)
{
  return domain_current (dom)->vcpus;
}

/* Sets *@slot to a reference to @def (which may be *@slot itself). */
static void
set_definition (GVirtTestDefinition **slot, GVirtTestDefinition *def)
{
  GVirtTestDefinition *old = *slot;

  *slot = def != NULL ? _gvirt_test_definition_ref (def) : NULL;
  if (old != NULL)
    _gvirt_test_definition_unref (old);
}

/* Replaces the current definition (the live one while active) with @def. */
static void
domain_replace_current (TestDomain *dom, GVirtTestDefinition *def)
{
  set_definition (dom->live != NULL ? &dom->live : &dom->config, def);
}

static guint64
domain_cpu_time (const TestDomain *dom)
{
  guint64 t = dom->cpu_time;

  if (dom->running_since != 0)
    t += (guint64) (g_get_monotonic_time () - dom->running_since) * 1000 * domain_vcpus (dom);
  return t;
}

/* Folds the running time so far into cpu_time, before the vCPU count or state changes. */
static void
fold_cpu_time (TestDomain *dom, gboolean keep_running)
{
  dom->cpu_time = domain_cpu_time (dom);
  dom->running_since = keep_running ? g_get_monotonic_time () : 0;
}

/* Boots @dom into @state (running or paused) from @live, or from its definition. */
static void
boot_domain (GVirtTestBackend    *self,
             TestDomain          *dom,
             GVirtTestDefinition *live,
             GVirtDomainState     state)
{
  set_definition (&dom->live, live != NULL ? live : dom->config);
  dom->id = self->next_id++;
  dom->state = state;
  dom->cpu_time = 0;
  dom->running_since = state == GVIRT_DOMAIN_STATE_RUNNING ? g_get_monotonic_time () : 0;
  /* Pins set for vCPUs the new configuration lacks are forgotten. */
  if (dom->pins->len > domain_vcpus (dom))
    g_ptr_array_set_size (dom->pins, domain_vcpus (dom));
}

/* Emits STARTED (and SUSPENDED when booted paused) for a domain just booted. */
static void
queue_boot_events (GVirtTestBackend *self, TestDomain *dom, GVirtDomainStartedReason reason)
{
  GVirtDomainState final = dom->state;

  dom->state = GVIRT_DOMAIN_STATE_RUNNING;
  queue_domain_event (self, GVIRT_DOMAIN_EVENT_STARTED, reason, dom);
  dom->state = final;
  if (final == GVIRT_DOMAIN_STATE_PAUSED)
    queue_domain_event (self, GVIRT_DOMAIN_EVENT_SUSPENDED, GVIRT_DOMAIN_SUSPENDED_PAUSED, dom);
}

/* Stops an active domain; a transient one then disappears. */
static void
stop_domain (GVirtTestBackend *self, TestDomain *dom, GVirtDomainStoppedReason reason)
{
  fold_cpu_time (dom, FALSE);
  dom->state = GVIRT_DOMAIN_STATE_SHUTOFF;
  dom->id = -1;
  set_definition (&dom->live, NULL);
  queue_domain_event (self, GVIRT_DOMAIN_EVENT_STOPPED, reason, dom);
  if (!dom->persistent)
    {
      queue_domain_event (self, GVIRT_DOMAIN_EVENT_UNDEFINED, 0, dom);
      remove_domain (self, dom);
    }
}

static void
pin_free (gpointer pin)
{
  if (pin != NULL)
    g_array_unref (pin);
}

static TestDomain *
new_domain (GVirtTestDefinition *def, gboolean persistent)
{
  TestDomain *dom = g_new0 (TestDomain, 1);

  dom->uuid = g_strdup (def->uuid);
  dom->config = _gvirt_test_definition_ref (def);
  dom->state = GVIRT_DOMAIN_STATE_SHUTOFF;
  dom->id = -1;
  dom->persistent = persistent;
  dom->pins = g_ptr_array_new_with_free_func (pin_free);
  return dom;
}

/*
 * Finds the domain @def describes. Fails with ALREADY_EXISTS when its
 * name and UUID belong to different domains; *existing is NULL when both
 * are new.
 */
static gboolean
match_domain (GVirtTestBackend     *self,
              GVirtTestDefinition  *def,
              TestDomain          **existing,
              GError              **error)
{
  const char *name = def->name;
  const char *uuid = def->uuid;
  TestDomain *by_uuid = g_hash_table_lookup (self->domains, uuid);
  TestDomain *by_name = g_hash_table_lookup (self->domain_names, name);

  *existing = NULL;
  if (by_uuid != NULL && by_uuid != by_name)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("Domain “%s” already has the UUID %s."), domain_name (by_uuid), uuid);
      return FALSE;
    }
  if (by_name != NULL && by_uuid == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("A domain named “%s” already exists, with the UUID %s."),
                   name, by_name->uuid);
      return FALSE;
    }
  *existing = by_uuid;
  return TRUE;
}

/* ---- Networks ---------------------------------------------------------------- */

static gboolean
bridge_in_use (GVirtTestBackend *self, const char *bridge, const TestNetwork *except)
{
  for (guint i = 0; i < self->network_order->len; i++)
    {
      TestNetwork *net = g_ptr_array_index (self->network_order, i);

      if (net != except &&
          (g_strcmp0 (gvirt_network_config_get_bridge_name (net->config), bridge) == 0 ||
           (net->live != NULL &&
            g_strcmp0 (gvirt_network_config_get_bridge_name (net->live), bridge) == 0)))
        return TRUE;
    }
  return FALSE;
}

static void assign_bridge (GVirtTestBackend *self, GVirtNetworkConfig *config);

static gboolean
normalize_network_config (GVirtTestBackend   *self,
                          GVirtNetworkConfig *config,
                          gboolean            with_bridge,
                          GError            **error)
{
  const char *name = gvirt_network_config_get_name (config);
  const char *uuid = gvirt_network_config_get_uuid (config);
  g_autofree char *canonical = NULL;

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("A network needs a name."));
      return FALSE;
    }
  if (uuid == NULL || *uuid == '\0')
    canonical = g_uuid_string_random ();
  else if ((canonical = _gvirt_test_uuid_canonical (uuid)) == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The UUID “%s” of network “%s” is not valid."), uuid, name);
      return FALSE;
    }
  if (g_strcmp0 (uuid, canonical) != 0)
    gvirt_network_config_set_uuid (config, canonical);

  if (with_bridge)
    assign_bridge (self, config);
  return TRUE;
}

/* As libvirt's network driver: a network without a bridge gets a free virbrN. */
static void
assign_bridge (GVirtTestBackend *self, GVirtNetworkConfig *config)
{
  const char *bridge = gvirt_network_config_get_bridge_name (config);
  TestNetwork *same;

  if (bridge != NULL && *bridge != '\0')
    return;
  same = g_hash_table_lookup (self->networks, gvirt_network_config_get_uuid (config));
  for (guint n = 0; ; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("virbr%u", n);

      if (!bridge_in_use (self, candidate, same))
        {
          gvirt_network_config_set_bridge_name (config, candidate);
          return;
        }
    }
}

static gboolean
match_network (GVirtTestBackend    *self,
               GVirtNetworkConfig  *config,
               TestNetwork        **existing,
               GError             **error)
{
  const char *name = gvirt_network_config_get_name (config);
  const char *uuid = gvirt_network_config_get_uuid (config);
  TestNetwork *by_uuid = g_hash_table_lookup (self->networks, uuid);
  TestNetwork *by_name = g_hash_table_lookup (self->network_names, name);

  *existing = NULL;
  if (by_uuid != NULL && by_uuid != by_name)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("Network “%s” already has the UUID %s."), network_name (by_uuid), uuid);
      return FALSE;
    }
  if (by_name != NULL && by_uuid == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("A network named “%s” already exists, with the UUID %s."),
                   name, by_name->uuid);
      return FALSE;
    }
  *existing = by_uuid;
  return TRUE;
}

static TestNetwork *
new_network (GVirtNetworkConfig *config, gboolean persistent)
{
  TestNetwork *net = g_new0 (TestNetwork, 1);

  net->uuid = g_strdup (gvirt_network_config_get_uuid (config));
  net->config = g_object_ref (config);
  net->persistent = persistent;
  return net;
}

static void
stop_network (GVirtTestBackend *self, TestNetwork *net)
{
  g_clear_object (&net->live);
  queue_network_event (self, GVIRT_NETWORK_EVENT_STOPPED, net);
  if (!net->persistent)
    {
      queue_network_event (self, GVIRT_NETWORK_EVENT_UNDEFINED, net);
      remove_network (self, net);
    }
}

/* ---- Opening ----------------------------------------------------------------- */

static void
clear_node (GVirtTestBackend *self)
{
  g_ptr_array_set_size (self->domain_order, 0);
  g_ptr_array_set_size (self->network_order, 0);
  g_hash_table_remove_all (self->domain_names);
  g_hash_table_remove_all (self->network_names);
  g_hash_table_remove_all (self->domains);
  g_hash_table_remove_all (self->networks);
  g_clear_pointer (&self->info, gvirt_node_info_free);
  g_clear_pointer (&self->capabilities_xml, g_free);
  g_hash_table_remove_all (self->saved);
}

/* Turns a loaded node description into the node's state. Called locked. */
static gboolean
populate (GVirtTestBackend *self, GVirtTestNode *node, const char *label, GError **error)
{
  g_autoptr(GError) local = NULL;

  self->info = gvirt_node_info_copy (node->info);
  self->capabilities_xml = g_strdup (node->capabilities_xml);
  if (self->capabilities_xml == NULL &&
      (self->capabilities_xml = _gvirt_test_default_capabilities (error)) == NULL)
    return FALSE;
  self->next_id = 1;

  for (guint i = 0; i < node->domains->len; i++)
    {
      GVirtTestNodeDomain *d = g_ptr_array_index (node->domains, i);
      g_autoptr(GVirtTestDefinition) def = _gvirt_test_definition_new (d->config, &local);
      TestDomain *dom;

      if (def == NULL)
        goto fail_xml;
      if (g_hash_table_contains (self->domain_names, def->name))
        {
          g_set_error (&local, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                       _("Two domains are named “%s”."), def->name);
          goto fail_xml;
        }
      if (g_hash_table_contains (self->domains, def->uuid))
        {
          g_set_error (&local, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                       _("Two domains have the UUID %s."), def->uuid);
          goto fail_xml;
        }
      dom = new_domain (def, TRUE);
      dom->autostart = d->autostart;
      add_domain (self, dom);
      if (d->state != GVIRT_DOMAIN_STATE_SHUTOFF)
        boot_domain (self, dom, NULL, d->state);
    }

  for (guint i = 0; i < node->networks->len; i++)
    {
      GVirtTestNodeNetwork *n = g_ptr_array_index (node->networks, i);
      TestNetwork *net;

      /* Bridges are assigned once every explicit one is known. */
      if (!normalize_network_config (self, n->config, FALSE, &local))
        goto fail_xml;
      if (g_hash_table_contains (self->network_names, gvirt_network_config_get_name (n->config)))
        {
          g_set_error (&local, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                       _("Two networks are named “%s”."), gvirt_network_config_get_name (n->config));
          goto fail_xml;
        }
      if (g_hash_table_contains (self->networks, gvirt_network_config_get_uuid (n->config)))
        {
          g_set_error (&local, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                       _("Two networks have the UUID %s."), gvirt_network_config_get_uuid (n->config));
          goto fail_xml;
        }
      net = new_network (n->config, TRUE);
      net->autostart = n->autostart;
      if (n->active)
        net->live = gvirt_network_config_copy (net->config);
      add_network (self, net);
    }
  for (guint i = 0; i < self->network_order->len; i++)
    {
      TestNetwork *net = g_ptr_array_index (self->network_order, i);

      assign_bridge (self, net->config);
      if (net->live != NULL)
        assign_bridge (self, net->live);
    }
  return TRUE;

fail_xml:
  /* A node file that breaks the node's rules does not fit the format. */
  if (local->domain == GVIRT_ERROR)
    local->code = GVIRT_ERROR_INVALID_XML;
  g_propagate_prefixed_error (error, g_steal_pointer (&local),
                              _("Cannot load test node “%s”: "), label);
  return FALSE;
}

static gboolean
gvirt_test_backend_open (GVirtBackend          *backend,
                         GUri                  *uri,
                         GVirtConnectionFlags   flags,
                         GCancellable          *cancellable,
                         GError               **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autoptr(GVirtTestNode) node = NULL;
  g_autofree char *uri_string = NULL;
  g_autofree char *path = NULL;
  const char *host;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (uri == NULL)
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI,
                           _("The test hypervisor needs a URI."));
      return FALSE;
    }

  uri_string = g_uri_to_string (uri);
  host = g_uri_get_host (uri);
  if ((host != NULL && *host != '\0') || g_uri_get_userinfo (uri) != NULL ||
      g_uri_get_port (uri) != -1 || g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI,
                   _("The URI “%s” is not a test hypervisor URI: use test:///default or test:///ABSOLUTE/PATH/TO/NODE.xml."),
                   uri_string);
      return FALSE;
    }

  if (g_uri_get_flags (uri) & (G_URI_FLAGS_ENCODED | G_URI_FLAGS_ENCODED_PATH))
    path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
  else
    path = g_strdup (g_uri_get_path (uri));

  if (path == NULL || !g_path_is_absolute (path) || g_str_equal (path, "/"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI,
                   _("The URI “%s” names no test node: use test:///default or test:///ABSOLUTE/PATH/TO/NODE.xml."),
                   uri_string);
      return FALSE;
    }

  if (g_str_equal (path, "/default"))
    node = _gvirt_test_node_load_default (error);
  else
    node = _gvirt_test_node_load_file (path, error);
  if (node == NULL)
    return FALSE;

  g_mutex_lock (&self->lock);
  if (self->open)
    {
      g_mutex_unlock (&self->lock);
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                           _("The test hypervisor connection is already open."));
      return FALSE;
    }
  ok = populate (self, node, g_str_equal (path, "/default") ? uri_string : path, error);
  if (ok)
    {
      self->open = TRUE;
      self->read_only = (flags & GVIRT_CONNECTION_READ_ONLY) != 0;
      g_free (self->uri);
      self->uri = g_steal_pointer (&uri_string);
    }
  else
    clear_node (self);
  g_mutex_unlock (&self->lock);
  return ok;
}

static void
gvirt_test_backend_close (GVirtBackend *backend)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);

  g_mutex_lock (&self->lock);
  self->open = FALSE;
  drop_events (self);
  clear_node (self);
  g_mutex_unlock (&self->lock);
}

/* ---- Node -------------------------------------------------------------------- */

static char *
gvirt_test_backend_get_hostname (GVirtBackend *backend, GError **error)
{
  return NULL;   /* the test node is the local host */
}

static GVirtCapabilities *
gvirt_test_backend_get_capabilities (GVirtBackend *backend, GCancellable *cancellable,
                                     GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autofree char *xml = NULL;

  if (!enter (self, FALSE, cancellable, error))
    return NULL;
  xml = g_strdup (self->capabilities_xml);
  g_mutex_unlock (&self->lock);
  return gvirt_capabilities_new_from_xml (xml, error);
}

static GVirtNodeInfo *
gvirt_test_backend_get_node_info (GVirtBackend *backend, GCancellable *cancellable,
                                  GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  GVirtNodeInfo *info;

  if (!enter (self, FALSE, cancellable, error))
    return NULL;
  info = gvirt_node_info_copy (self->info);
  g_mutex_unlock (&self->lock);
  return info;
}

static GPtrArray *
gvirt_test_backend_list_domains (GVirtBackend *backend, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  GPtrArray *list;

  if (!enter (self, FALSE, NULL, error))
    return NULL;
  list = g_ptr_array_new_full (self->domain_order->len,
                               (GDestroyNotify) gvirt_domain_record_free);
  for (guint i = 0; i < self->domain_order->len; i++)
    g_ptr_array_add (list, domain_record (g_ptr_array_index (self->domain_order, i)));
  g_mutex_unlock (&self->lock);
  return list;
}

static GPtrArray *
gvirt_test_backend_list_networks (GVirtBackend *backend, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  GPtrArray *list;

  if (!enter (self, FALSE, NULL, error))
    return NULL;
  list = g_ptr_array_new_full (self->network_order->len,
                               (GDestroyNotify) gvirt_network_record_free);
  for (guint i = 0; i < self->network_order->len; i++)
    g_ptr_array_add (list, network_record (g_ptr_array_index (self->network_order, i)));
  g_mutex_unlock (&self->lock);
  return list;
}

/* ---- Defining, creating, restoring ---------------------------------------------- */

/* The definition of the caller's @config, which stays as it is. */
static GVirtTestDefinition *
definition_argument (GVirtDomainConfig *config, GError **error)
{
  if (!GVIRT_IS_DOMAIN_CONFIG (config))
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("No domain configuration was given."));
      return NULL;
    }
  return _gvirt_test_definition_new (config, error);
}

static GVirtDomainRecord *
gvirt_test_backend_define_domain (GVirtBackend *backend, GVirtDomainConfig *config,
                                  GCancellable *cancellable, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autoptr(GVirtTestDefinition) def = NULL;
  GVirtDomainRecord *record = NULL;
  TestDomain *dom;

  if (!enter (self, TRUE, cancellable, error))
    return NULL;
  def = definition_argument (config, error);
  if (def != NULL && match_domain (self, def, &dom, error))
    {
      if (dom == NULL)
        {
          dom = new_domain (def, TRUE);
          add_domain (self, dom);
          queue_domain_event (self, GVIRT_DOMAIN_EVENT_DEFINED, 0, dom);
        }
      else
        {
          /* A new definition; a running domain keeps its live configuration until it stops. */
          set_definition (&dom->config, def);
          dom->persistent = TRUE;
          queue_domain_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
        }
      record = domain_record (dom);
    }
  unlock_and_emit (self);
  return record;
}

static GVirtDomainRecord *
gvirt_test_backend_create_domain (GVirtBackend *backend, GVirtDomainConfig *config,
                                  GCancellable *cancellable, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autoptr(GVirtTestDefinition) def = NULL;
  GVirtDomainRecord *record = NULL;
  TestDomain *dom;

  if (!enter (self, TRUE, cancellable, error))
    return NULL;
  def = definition_argument (config, error);
  if (def != NULL && match_domain (self, def, &dom, error))
    {
      if (dom == NULL)
        {
          dom = new_domain (def, FALSE);
          add_domain (self, dom);
          queue_domain_event (self, GVIRT_DOMAIN_EVENT_DEFINED, 0, dom);
          boot_domain (self, dom, NULL, GVIRT_DOMAIN_STATE_RUNNING);
        }
      else if (domain_is_active (dom))
        {
          invalid_state (dom, _("Domain “%s” cannot be created: it is already %s."), error);
          dom = NULL;
        }
      else
        {
          /* An inactive persistent domain boots this configuration once. */
          boot_domain (self, dom, def, GVIRT_DOMAIN_STATE_RUNNING);
        }
      if (dom != NULL)
        {
          queue_boot_events (self, dom, GVIRT_DOMAIN_STARTED_BOOTED);
          record = domain_record (dom);
        }
    }
  unlock_and_emit (self);
  return record;
}

static GVirtDomainRecord *
gvirt_test_backend_restore_domain (GVirtBackend *backend, const char *path,
                                   GCancellable *cancellable, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autofree char *xml = NULL;
  g_autoptr(GVirtTestDefinition) def = NULL;
  g_autoptr(GError) local = NULL;
  GVirtDomainState state;
  GVirtDomainRecord *record = NULL;
  TestDomain *dom;

  /* Refuse on a read-only connection before touching the file. */
  if (!enter (self, TRUE, cancellable, error))
    return NULL;
  g_mutex_unlock (&self->lock);
  if (path == NULL || *path == '\0')
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("No saved domain image was named."));
      return NULL;
    }

  if (!_gvirt_test_save_read (path, &xml, &state, error))
    return NULL;

  /* An image this node saved: its definition is still here, no need to
   * parse the XML again. */
  g_mutex_lock (&self->lock);
  def = g_hash_table_lookup (self->saved, xml);
  if (def != NULL)
    _gvirt_test_definition_ref (def);
  g_mutex_unlock (&self->lock);
  if (def == NULL)
    {
      g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new_from_xml (xml, &local);

      if (config != NULL)
        def = _gvirt_test_definition_new (config, &local);
    }
  if (def == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("The saved domain image “%s” holds no valid domain: %s"),
                   path, local->message);
      return NULL;
    }

  if (!enter (self, TRUE, cancellable, error))
    return NULL;
  if (match_domain (self, def, &dom, error))
    {
      if (dom == NULL)
        {
          dom = new_domain (def, FALSE);
          add_domain (self, dom);
          queue_domain_event (self, GVIRT_DOMAIN_EVENT_DEFINED, 0, dom);
        }
      else if (domain_is_active (dom))
        {
          invalid_state (dom, _("Domain “%s” cannot be restored: it is %s."), error);
          dom = NULL;
        }
      if (dom != NULL)
        {
          boot_domain (self, dom, def, state);
          queue_boot_events (self, dom, GVIRT_DOMAIN_STARTED_RESTORED);
          record = domain_record (dom);
        }
    }
  unlock_and_emit (self);
  return record;
}

/* ---- Domain operations ------------------------------------------------------------ */

typedef gboolean (*DomainOp) (GVirtTestBackend *self, TestDomain *dom,
                              gconstpointer data, GError **error);

/* Runs @op on the domain @uuid under the node lock, then emits its events. */
static gboolean
run_domain_op (GVirtBackend  *backend,
               const char    *uuid,
               gboolean       mutating,
               DomainOp       op,
               gconstpointer  data,
               GCancellable  *cancellable,
               GError       **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  TestDomain *dom;
  gboolean ok = FALSE;

  if (!enter (self, mutating, cancellable, error))
    return FALSE;
  dom = find_domain (self, uuid, error);
  if (dom != NULL)
    ok = op (self, dom, data, error);
  unlock_and_emit (self);
  return ok;
}

static gboolean
op_start (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (domain_is_active (dom))
    return invalid_state (dom, _("Domain “%s” cannot be started: it is already %s."), error);
  boot_domain (self, dom, NULL, GVIRT_DOMAIN_STATE_RUNNING);
  queue_boot_events (self, dom, GVIRT_DOMAIN_STARTED_BOOTED);
  return TRUE;
}

static gboolean
op_shutdown (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (!domain_is_active (dom))
    return invalid_state (dom, _("Domain “%s” cannot be shut down: it is %s."), error);
  /* The test guest obeys at once. */
  stop_domain (self, dom, GVIRT_DOMAIN_STOPPED_SHUTDOWN);
  return TRUE;
}

static gboolean
op_reboot (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (dom->state != GVIRT_DOMAIN_STATE_RUNNING)
    return invalid_state (dom, _("Domain “%s” cannot be rebooted: it is %s."), error);
  /* The test guest reboots at once, keeping its id: no lifecycle change to report. */
  return TRUE;
}

static gboolean
op_destroy (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (!domain_is_active (dom))
    return invalid_state (dom, _("Domain “%s” cannot be destroyed: it is %s."), error);
  stop_domain (self, dom, GVIRT_DOMAIN_STOPPED_DESTROYED);
  return TRUE;
}

static gboolean
op_suspend (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (dom->state != GVIRT_DOMAIN_STATE_RUNNING)
    return invalid_state (dom, _("Domain “%s” cannot be suspended: it is %s."), error);
  fold_cpu_time (dom, FALSE);
  dom->state = GVIRT_DOMAIN_STATE_PAUSED;
  queue_domain_event (self, GVIRT_DOMAIN_EVENT_SUSPENDED, GVIRT_DOMAIN_SUSPENDED_PAUSED, dom);
  return TRUE;
}

static gboolean
op_resume (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (dom->state != GVIRT_DOMAIN_STATE_PAUSED)
    return invalid_state (dom, _("Domain “%s” cannot be resumed: it is %s, not paused."), error);
  dom->state = GVIRT_DOMAIN_STATE_RUNNING;
  dom->running_since = g_get_monotonic_time ();
  queue_domain_event (self, GVIRT_DOMAIN_EVENT_RESUMED, GVIRT_DOMAIN_RESUMED_UNPAUSED, dom);
  return TRUE;
}

static gboolean
check_path (const TestDomain *dom, const char *path, GError **error)
{
  if (path == NULL || *path == '\0')
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("No file was named for domain “%s”."), domain_name (dom));
      return FALSE;
    }
  return TRUE;
}

/* The definitions of the images saved last, for their restore; keyed by
 * their own XML (without id, as a saved image keeps it). */
#define MAX_SAVED 1024

static void
remember_saved (GVirtTestBackend *self, GVirtTestDefinition *def)
{
  if (g_hash_table_size (self->saved) >= MAX_SAVED)
    g_hash_table_remove_all (self->saved);
  g_hash_table_replace (self->saved, (gpointer) def->xml, _gvirt_test_definition_ref (def));
}

static gboolean
op_save (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  const char *path = data;
  GVirtTestDefinition *live = domain_current (dom);

  if (!domain_is_active (dom))
    return invalid_state (dom, _("Domain “%s” cannot be saved: it is %s."), error);
  if (!check_path (dom, path, error))
    return FALSE;
  if (!_gvirt_test_save_write (path, live->xml, dom->state, error))
    return FALSE;
  remember_saved (self, live);
  stop_domain (self, dom, GVIRT_DOMAIN_STOPPED_SAVED);
  return TRUE;
}

static gboolean
op_core_dump (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  const char *path = data;
  GVirtTestDefinition *live = domain_current (dom);
  g_autofree char *xml = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;

  if (!domain_is_active (dom))
    return invalid_state (dom, _("Domain “%s” cannot be dumped: it is %s."), error);
  if (!check_path (dom, path, error))
    return FALSE;
  xml = _gvirt_test_definition_to_xml (live, dom->id, error);
  if (xml == NULL)
    return FALSE;
  text = g_strdup_printf ("%s\nname %s\nuuid %s\nid %d\nstate %s\n"
                          "memory %" G_GUINT64_FORMAT "\nmax-memory %" G_GUINT64_FORMAT "\n"
                          "vcpus %u\ncpu-time %" G_GUINT64_FORMAT "\n\n%s",
                          CORE_DUMP_MAGIC, domain_name (dom), dom->uuid, dom->id,
                          dom->state == GVIRT_DOMAIN_STATE_PAUSED ? "paused" : "running",
                          live->memory, live->max_memory, live->vcpus,
                          domain_cpu_time (dom), xml);
  if (!g_file_set_contents (path, text, -1, &local))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("Cannot write the core dump of domain “%s” to “%s”: %s"),
                   domain_name (dom), path, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
op_undefine (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  if (!dom->persistent)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is transient: it has no configuration to undefine."),
                   domain_name (dom));
      return FALSE;
    }
  if (domain_is_active (dom))
    {
      /* It keeps running, and disappears when it stops. */
      dom->persistent = FALSE;
      dom->autostart = FALSE;
      queue_domain_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
    }
  else
    {
      queue_domain_event (self, GVIRT_DOMAIN_EVENT_UNDEFINED, 0, dom);
      remove_domain (self, dom);
    }
  return TRUE;
}

/* Replaces the current definition with that of @config, a changed copy of it. */
static gboolean
domain_replace_current_config (TestDomain *dom, GVirtDomainConfig *config, GError **error)
{
  g_autoptr(GVirtTestDefinition) def = _gvirt_test_definition_new (config, error);

  if (def == NULL)
    return FALSE;
  domain_replace_current (dom, def);
  return TRUE;
}

static gboolean
op_set_memory (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  guint64 kib = *(const guint64 *) data;
  guint64 max = domain_current (dom)->max_memory;
  g_autoptr(GVirtDomainConfig) config = NULL;

  if (kib == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The memory of domain “%s” cannot be set to 0 KiB."), domain_name (dom));
      return FALSE;
    }
  if (kib > max)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The memory of domain “%s” cannot be set to %" G_GUINT64_FORMAT
                     " KiB: its maximum is %" G_GUINT64_FORMAT " KiB."),
                   domain_name (dom), kib, max);
      return FALSE;
    }
  config = _gvirt_test_definition_to_config (domain_current (dom), -1, error);
  if (config == NULL)
    return FALSE;
  gvirt_domain_config_set_current_memory (config, kib);
  return domain_replace_current_config (dom, config, error);
}

static gboolean
op_set_max_memory (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  guint64 kib = *(const guint64 *) data;
  g_autoptr(GVirtDomainConfig) config = NULL;

  if (kib == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The maximum memory of domain “%s” cannot be set to 0 KiB."),
                   domain_name (dom));
      return FALSE;
    }
  if (domain_is_active (dom))
    return invalid_state (dom, _("The maximum memory of domain “%s” cannot change while it is %s."),
                          error);
  config = _gvirt_test_definition_to_config (dom->config, -1, error);
  if (config == NULL)
    return FALSE;
  gvirt_domain_config_set_memory (config, kib);
  /* As libvirt: the current memory shrinks with the maximum. */
  if (gvirt_domain_config_get_current_memory (config) > kib)
    gvirt_domain_config_set_current_memory (config, kib);
  return domain_replace_current_config (dom, config, error);
}

static gboolean
op_set_vcpus (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  guint n = *(const guint *) data;
  g_autoptr(GVirtDomainConfig) config = NULL;

  if (n == 0 || n > self->info->cpus)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” cannot have %u virtual CPUs: the node allows 1 to %u."),
                   domain_name (dom), n, self->info->cpus);
      return FALSE;
    }
  config = _gvirt_test_definition_to_config (domain_current (dom), -1, error);
  if (config == NULL)
    return FALSE;
  gvirt_domain_config_set_vcpus (config, n);
  gvirt_domain_config_set_current_vcpus (config, 0);
  fold_cpu_time (dom, dom->running_since != 0);
  if (!domain_replace_current_config (dom, config, error))
    return FALSE;
  if (dom->pins->len > n)
    g_ptr_array_set_size (dom->pins, n);
  return TRUE;
}

typedef struct {
  guint        vcpu;
  const guint *cpus;
  gsize        n_cpus;
} PinArgs;

static gint
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static gboolean
op_pin_vcpu (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  const PinArgs *args = data;
  guint vcpus = domain_vcpus (dom);
  GArray *set;

  if (args->vcpu >= vcpus)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has no virtual CPU %u: it has %u."),
                   domain_name (dom), args->vcpu, vcpus);
      return FALSE;
    }
  if (args->cpus == NULL || args->n_cpus == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Virtual CPU %u of domain “%s” cannot be pinned to no host CPU."),
                   args->vcpu, domain_name (dom));
      return FALSE;
    }
  for (gsize i = 0; i < args->n_cpus; i++)
    if (args->cpus[i] >= self->info->cpus)
      {
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                     _("Virtual CPU %u of domain “%s” cannot be pinned to host CPU %u: the node has %u CPUs."),
                     args->vcpu, domain_name (dom), args->cpus[i], self->info->cpus);
        return FALSE;
      }

  set = g_array_sized_new (FALSE, FALSE, sizeof (guint), args->n_cpus);
  g_array_append_vals (set, args->cpus, args->n_cpus);
  g_array_sort (set, compare_uint);
  for (guint i = 1; i < set->len; )
    if (g_array_index (set, guint, i) == g_array_index (set, guint, i - 1))
      g_array_remove_index (set, i);
    else
      i++;

  if (dom->pins->len <= args->vcpu)
    g_ptr_array_set_size (dom->pins, args->vcpu + 1);
  g_clear_pointer (&g_ptr_array_index (dom->pins, args->vcpu), g_array_unref);
  g_ptr_array_index (dom->pins, args->vcpu) = set;
  return TRUE;
}

static gboolean
op_set_autostart (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  gboolean autostart = *(const gboolean *) data != FALSE;

  if (!dom->persistent)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is transient: it cannot start with the host."),
                   domain_name (dom));
      return FALSE;
    }
  if (dom->autostart != autostart)
    {
      dom->autostart = autostart;
      queue_domain_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
    }
  return TRUE;
}

#define DEFINE_SIMPLE_OP(vfunc, op)                                                     \
  static gboolean                                                                       \
  gvirt_test_backend_##vfunc (GVirtBackend *backend, const char *uuid,                  \
                              GCancellable *cancellable, GError **error)                \
  {                                                                                     \
    return run_domain_op (backend, uuid, TRUE, op, NULL, cancellable, error);          \
  }

DEFINE_SIMPLE_OP (domain_start, op_start)
DEFINE_SIMPLE_OP (domain_shutdown, op_shutdown)
DEFINE_SIMPLE_OP (domain_reboot, op_reboot)
DEFINE_SIMPLE_OP (domain_destroy, op_destroy)
DEFINE_SIMPLE_OP (domain_suspend, op_suspend)
DEFINE_SIMPLE_OP (domain_resume, op_resume)
DEFINE_SIMPLE_OP (domain_undefine, op_undefine)

static gboolean
gvirt_test_backend_domain_save (GVirtBackend *backend, const char *uuid, const char *path,
                                GCancellable *cancellable, GError **error)
{
  return run_domain_op (backend, uuid, TRUE, op_save, path, cancellable, error);
}

static gboolean
gvirt_test_backend_domain_core_dump (GVirtBackend *backend, const char *uuid, const char *path,
                                     GCancellable *cancellable, GError **error)
{
  /* A dump changes nothing in the domain, but writes a file on the host. */
  return run_domain_op (backend, uuid, TRUE, op_core_dump, path, cancellable, error);
}

static gboolean
gvirt_test_backend_domain_set_memory (GVirtBackend *backend, const char *uuid, guint64 kib,
                                      GCancellable *cancellable, GError **error)
{
  return run_domain_op (backend, uuid, TRUE, op_set_memory, &kib, cancellable, error);
}

static gboolean
gvirt_test_backend_domain_set_max_memory (GVirtBackend *backend, const char *uuid, guint64 kib,
                                          GCancellable *cancellable, GError **error)
{
  return run_domain_op (backend, uuid, TRUE, op_set_max_memory, &kib, cancellable, error);
}

static gboolean
gvirt_test_backend_domain_set_vcpus (GVirtBackend *backend, const char *uuid, guint n_vcpus,
                                     GCancellable *cancellable, GError **error)
{
  return run_domain_op (backend, uuid, TRUE, op_set_vcpus, &n_vcpus, cancellable, error);
}

static gboolean
gvirt_test_backend_domain_pin_vcpu (GVirtBackend *backend, const char *uuid, guint vcpu,
                                    const guint *cpus, gsize n_cpus,
                                    GCancellable *cancellable, GError **error)
{
  PinArgs args = { vcpu, cpus, n_cpus };

  return run_domain_op (backend, uuid, TRUE, op_pin_vcpu, &args, cancellable, error);
}

static gboolean
gvirt_test_backend_domain_set_autostart (GVirtBackend *backend, const char *uuid,
                                         gboolean autostart,
                                         GCancellable *cancellable, GError **error)
{
  return run_domain_op (backend, uuid, TRUE, op_set_autostart, &autostart, cancellable, error);
}

/* Queries: the result goes out through the data pointer. */

static gboolean
op_get_vcpu_info (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  GPtrArray **out = (GPtrArray **) data;
  guint vcpus = domain_vcpus (dom);
  gboolean active = domain_is_active (dom);
  guint64 per_vcpu = active ? domain_cpu_time (dom) / vcpus : 0;
  g_autofree guint *all = g_new (guint, self->info->cpus);
  GPtrArray *list = g_ptr_array_new_full (vcpus, (GDestroyNotify) gvirt_vcpu_info_free);

  for (guint c = 0; c < self->info->cpus; c++)
    all[c] = c;

  for (guint v = 0; v < vcpus; v++)
    {
      GArray *pin = v < dom->pins->len ? g_ptr_array_index (dom->pins, v) : NULL;
      const guint *affinity = pin != NULL ? (const guint *) pin->data : all;
      gsize n_affinity = pin != NULL ? pin->len : self->info->cpus;
      GVirtVcpuState state = dom->state == GVIRT_DOMAIN_STATE_RUNNING ? GVIRT_VCPU_STATE_RUNNING
                           : dom->state == GVIRT_DOMAIN_STATE_PAUSED ? GVIRT_VCPU_STATE_BLOCKED
                           : GVIRT_VCPU_STATE_OFFLINE;
      gint cpu = active ? (gint) affinity[v % n_affinity] : -1;

      g_ptr_array_add (list, gvirt_vcpu_info_new (v, state, per_vcpu, cpu, affinity, n_affinity));
    }
  *out = list;
  return TRUE;
}

static GPtrArray *
gvirt_test_backend_domain_get_vcpu_info (GVirtBackend *backend, const char *uuid,
                                         GCancellable *cancellable, GError **error)
{
  GPtrArray *list = NULL;

  run_domain_op (backend, uuid, FALSE, op_get_vcpu_info, &list, cancellable, error);
  return list;
}

static gboolean
op_get_info (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  GVirtDomainInfo **out = (GVirtDomainInfo **) data;
  GVirtDomainInfo *info = gvirt_domain_info_new ();

  info->state = dom->state;
  info->max_memory = domain_current (dom)->max_memory;
  info->memory = domain_current (dom)->memory;
  info->n_vcpus = domain_vcpus (dom);
  info->cpu_time = domain_is_active (dom) ? domain_cpu_time (dom) : 0;
  *out = info;
  return TRUE;
}

static GVirtDomainInfo *
gvirt_test_backend_domain_get_info (GVirtBackend *backend, const char *uuid,
                                    GCancellable *cancellable, GError **error)
{
  GVirtDomainInfo *info = NULL;

  run_domain_op (backend, uuid, FALSE, op_get_info, &info, cancellable, error);
  return info;
}

typedef struct {
  GVirtDomainXmlFlags  flags;
  GVirtDomainConfig   *result;
} GetConfigArgs;

static gboolean
op_get_config (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  GetConfigArgs *args = (GetConfigArgs *) data;

  if (args->flags & GVIRT_DOMAIN_XML_INACTIVE)
    args->result = _gvirt_test_definition_to_config (dom->config, -1, error);
  else
    args->result = _gvirt_test_definition_to_config (domain_current (dom),
                                                     domain_is_active (dom) ? dom->id : -1,
                                                     error);
  return args->result != NULL;
}

static GVirtDomainConfig *
gvirt_test_backend_domain_get_config (GVirtBackend *backend, const char *uuid,
                                      GVirtDomainXmlFlags flags,
                                      GCancellable *cancellable, GError **error)
{
  GetConfigArgs args = { flags, NULL };

  run_domain_op (backend, uuid, FALSE, op_get_config, &args, cancellable, error);
  return args.result;
}

typedef struct {
  GVirtDomainXmlFlags  flags;
  char                *result;
} GetXmlArgs;

static gboolean
op_get_xml (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  GetXmlArgs *args = (GetXmlArgs *) data;

  if (args->flags & GVIRT_DOMAIN_XML_INACTIVE)
    args->result = _gvirt_test_definition_to_xml (dom->config, -1, error);
  else
    args->result = _gvirt_test_definition_to_xml (domain_current (dom),
                                                  domain_is_active (dom) ? dom->id : -1,
                                                  error);
  return args->result != NULL;
}

static char *
gvirt_test_backend_domain_get_xml (GVirtBackend *backend, const char *uuid,
                                   GVirtDomainXmlFlags flags,
                                   GCancellable *cancellable, GError **error)
{
  GetXmlArgs args = { flags, NULL };

  run_domain_op (backend, uuid, FALSE, op_get_xml, &args, cancellable, error);
  return args.result;
}

/* ---- Network operations ----------------------------------------------------------- */

static GVirtNetworkConfig *
copy_network_argument (GVirtNetworkConfig *config, GError **error)
{
  if (!GVIRT_IS_NETWORK_CONFIG (config))
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("No network configuration was given."));
      return NULL;
    }
  return gvirt_network_config_copy (config);
}

static GVirtNetworkRecord *
gvirt_test_backend_define_network (GVirtBackend *backend, GVirtNetworkConfig *config,
                                   GCancellable *cancellable, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autoptr(GVirtNetworkConfig) copy = NULL;
  GVirtNetworkRecord *record = NULL;
  TestNetwork *net;

  if (!enter (self, TRUE, cancellable, error))
    return NULL;
  copy = copy_network_argument (config, error);
  if (copy != NULL &&
      normalize_network_config (self, copy, TRUE, error) &&
      match_network (self, copy, &net, error))
    {
      if (net == NULL)
        {
          net = new_network (copy, TRUE);
          add_network (self, net);
          queue_network_event (self, GVIRT_NETWORK_EVENT_DEFINED, net);
        }
      else
        {
          /* An active network keeps its live configuration until it stops. */
          g_set_object (&net->config, copy);
          net->persistent = TRUE;
          queue_network_event (self, GVIRT_NETWORK_EVENT_UPDATED, net);
        }
      record = network_record (net);
    }
  unlock_and_emit (self);
  return record;
}

static GVirtNetworkRecord *
gvirt_test_backend_create_network (GVirtBackend *backend, GVirtNetworkConfig *config,
                                   GCancellable *cancellable, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  g_autoptr(GVirtNetworkConfig) copy = NULL;
  GVirtNetworkRecord *record = NULL;
  TestNetwork *net;

  if (!enter (self, TRUE, cancellable, error))
    return NULL;
  copy = copy_network_argument (config, error);
  if (copy != NULL &&
      normalize_network_config (self, copy, TRUE, error) &&
      match_network (self, copy, &net, error))
    {
      if (net != NULL && network_is_active (net))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                       _("Network “%s” cannot be created: it is already active."),
                       network_name (net));
          net = NULL;
        }
      else
        {
          if (net == NULL)
            {
              net = new_network (copy, FALSE);
              add_network (self, net);
              queue_network_event (self, GVIRT_NETWORK_EVENT_DEFINED, net);
            }
          net->live = gvirt_network_config_copy (copy);
          queue_network_event (self, GVIRT_NETWORK_EVENT_STARTED, net);
          record = network_record (net);
        }
    }
  unlock_and_emit (self);
  return record;
}

typedef gboolean (*NetworkOp) (GVirtTestBackend *self, TestNetwork *net,
                               gconstpointer data, GError **error);

static gboolean
run_network_op (GVirtBackend  *backend,
                const char    *uuid,
                gboolean       mutating,
                NetworkOp      op,
                gconstpointer  data,
                GCancellable  *cancellable,
                GError       **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  TestNetwork *net;
  gboolean ok = FALSE;

  if (!enter (self, mutating, cancellable, error))
    return FALSE;
  net = find_network (self, uuid, error);
  if (net != NULL)
    ok = op (self, net, data, error);
  unlock_and_emit (self);
  return ok;
}

static gboolean
op_network_start (GVirtTestBackend *self, TestNetwork *net, gconstpointer data, GError **error)
{
  if (network_is_active (net))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Network “%s” cannot be started: it is already active."), network_name (net));
      return FALSE;
    }
  net->live = gvirt_network_config_copy (net->config);
  queue_network_event (self, GVIRT_NETWORK_EVENT_STARTED, net);
  return TRUE;
}

static gboolean
op_network_destroy (GVirtTestBackend *self, TestNetwork *net, gconstpointer data, GError **error)
{
  if (!network_is_active (net))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Network “%s” cannot be destroyed: it is not active."), network_name (net));
      return FALSE;
    }
  stop_network (self, net);
  return TRUE;
}

static gboolean
op_network_undefine (GVirtTestBackend *self, TestNetwork *net, gconstpointer data, GError **error)
{
  if (!net->persistent)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Network “%s” is transient: it has no configuration to undefine."),
                   network_name (net));
      return FALSE;
    }
  if (network_is_active (net))
    {
      net->persistent = FALSE;
      net->autostart = FALSE;
      queue_network_event (self, GVIRT_NETWORK_EVENT_UPDATED, net);
    }
  else
    {
      queue_network_event (self, GVIRT_NETWORK_EVENT_UNDEFINED, net);
      remove_network (self, net);
    }
  return TRUE;
}

static gboolean
op_network_set_autostart (GVirtTestBackend *self, TestNetwork *net, gconstpointer data,
                          GError **error)
{
  gboolean autostart = *(const gboolean *) data != FALSE;

  if (!net->persistent)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Network “%s” is transient: it cannot start with the host."),
                   network_name (net));
      return FALSE;
    }
  if (net->autostart != autostart)
    {
      net->autostart = autostart;
      queue_network_event (self, GVIRT_NETWORK_EVENT_UPDATED, net);
    }
  return TRUE;
}

static gboolean
op_network_get_config (GVirtTestBackend *self, TestNetwork *net, gconstpointer data,
                       GError **error)
{
  GVirtNetworkConfig **out = (GVirtNetworkConfig **) data;

  *out = gvirt_network_config_copy (net->live != NULL ? net->live : net->config);
  return TRUE;
}

static gboolean
gvirt_test_backend_network_start (GVirtBackend *backend, const char *uuid,
                                  GCancellable *cancellable, GError **error)
{
  return run_network_op (backend, uuid, TRUE, op_network_start, NULL, cancellable, error);
}

static gboolean
gvirt_test_backend_network_destroy (GVirtBackend *backend, const char *uuid,
                                    GCancellable *cancellable, GError **error)
{
  return run_network_op (backend, uuid, TRUE, op_network_destroy, NULL, cancellable, error);
}

static gboolean
gvirt_test_backend_network_undefine (GVirtBackend *backend, const char *uuid,
                                     GCancellable *cancellable, GError **error)
{
  return run_network_op (backend, uuid, TRUE, op_network_undefine, NULL, cancellable, error);
}

static gboolean
gvirt_test_backend_network_set_autostart (GVirtBackend *backend, const char *uuid,
                                          gboolean autostart,
                                          GCancellable *cancellable, GError **error)
{
  return run_network_op (backend, uuid, TRUE, op_network_set_autostart, &autostart,
                         cancellable, error);
}

static GVirtNetworkConfig *
gvirt_test_backend_network_get_config (GVirtBackend *backend, const char *uuid,
                                       GCancellable *cancellable, GError **error)
{
  GVirtNetworkConfig *config = NULL;

  run_network_op (backend, uuid, FALSE, op_network_get_config, &config, cancellable, error);
  return config;
}

/* ---- GObject and module ----------------------------------------------------------- */

static void
gvirt_test_backend_finalize (GObject *object)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (object);

  g_queue_clear_full (&self->events, pending_event_free);
  clear_node (self);
  g_ptr_array_unref (self->domain_order);
  g_ptr_array_unref (self->network_order);
  g_hash_table_unref (self->domain_names);
  g_hash_table_unref (self->network_names);
  g_hash_table_unref (self->domains);
  g_hash_table_unref (self->networks);
  g_hash_table_unref (self->saved);
  g_free (self->uri);
  g_cond_clear (&self->emitted_cond);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (gvirt_test_backend_parent_class)->finalize (object);
}

static void
gvirt_test_backend_init (GVirtTestBackend *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->emitted_cond);
  g_queue_init (&self->events);
  self->domains = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, test_domain_free);
  self->domain_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->domain_order = g_ptr_array_new ();
  self->networks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, test_network_free);
  self->network_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->network_order = g_ptr_array_new ();
  self->saved = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) _gvirt_test_definition_unref);
  self->next_id = 1;
}

static void
gvirt_test_backend_class_init (GVirtTestBackendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gvirt_test_backend_finalize;
}

static void
gvirt_test_backend_class_finalize (GVirtTestBackendClass *klass)
{
}

static void
gvirt_test_backend_iface_init (GVirtBackendInterface *iface)
{
  iface->open = gvirt_test_backend_open;
  iface->close = gvirt_test_backend_close;
  iface->get_hostname = gvirt_test_backend_get_hostname;
  iface->get_capabilities = gvirt_test_backend_get_capabilities;
  iface->get_node_info = gvirt_test_backend_get_node_info;
  iface->list_domains = gvirt_test_backend_list_domains;
  iface->list_networks = gvirt_test_backend_list_networks;
  iface->define_domain = gvirt_test_backend_define_domain;
  iface->create_domain = gvirt_test_backend_create_domain;
  iface->restore_domain = gvirt_test_backend_restore_domain;
  iface->domain_start = gvirt_test_backend_domain_start;
  iface->domain_shutdown = gvirt_test_backend_domain_shutdown;
  iface->domain_reboot = gvirt_test_backend_domain_reboot;
  iface->domain_destroy = gvirt_test_backend_domain_destroy;
  iface->domain_suspend = gvirt_test_backend_domain_suspend;
  iface->domain_resume = gvirt_test_backend_domain_resume;
  iface->domain_save = gvirt_test_backend_domain_save;
  iface->domain_core_dump = gvirt_test_backend_domain_core_dump;
  iface->domain_undefine = gvirt_test_backend_domain_undefine;
  iface->domain_set_memory = gvirt_test_backend_domain_set_memory;
  iface->domain_set_max_memory = gvirt_test_backend_domain_set_max_memory;
  iface->domain_set_vcpus = gvirt_test_backend_domain_set_vcpus;
  iface->domain_pin_vcpu = gvirt_test_backend_domain_pin_vcpu;
  iface->domain_get_vcpu_info = gvirt_test_backend_domain_get_vcpu_info;
  iface->domain_get_info = gvirt_test_backend_domain_get_info;
  iface->domain_get_config = gvirt_test_backend_domain_get_config;
  iface->domain_get_xml = gvirt_test_backend_domain_get_xml;
  iface->domain_set_autostart = gvirt_test_backend_domain_set_autostart;
  iface->define_network = gvirt_test_backend_define_network;
  iface->create_network = gvirt_test_backend_create_network;
  iface->network_start = gvirt_test_backend_network_start;
  iface->network_destroy = gvirt_test_backend_network_destroy;
  iface->network_undefine = gvirt_test_backend_network_undefine;
  iface->network_get_config = gvirt_test_backend_network_get_config;
  iface->network_set_autostart = gvirt_test_backend_network_set_autostart;
}

/* The embedded files (default node, capabilities); see gvirt-test.gresource.xml. */
void gvirt_test_register_resource (void);
void gvirt_test_unregister_resource (void);

G_MODULE_EXPORT void
g_io_module_load (GIOModule *module)
{
  gvirt_test_register_resource ();
  gvirt_test_backend_register_type (G_TYPE_MODULE (module));
  g_io_extension_point_implement (GVIRT_BACKEND_EXTENSION_POINT_NAME,
                                  GVIRT_TYPE_TEST_BACKEND, "test", 0);
}

G_MODULE_EXPORT void
g_io_module_unload (GIOModule *module)
{
  gvirt_test_unregister_resource ();
}

G_MODULE_EXPORT char **
g_io_module_query (void)
{
  char *eps[] = { (char *) GVIRT_BACKEND_EXTENSION_POINT_NAME, NULL };

  return g_strdupv (eps);
}
