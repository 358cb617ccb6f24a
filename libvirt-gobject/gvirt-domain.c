/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomain: one virtual machine of a connection, its state and its actions. */
#include "config.h"

#include "gvirt-domain-private.h"
#include "gvirt-connection-private.h"
#include "gvirt-operation-private.h"
#include "gvirt-task-private.h"
#include "gvirt-enum-types.h"
#include "gvirt-error.h"
#include "gvirt-i18n-private.h"

/**
 * GVirtDomain:
 *
 * A virtual machine of a #GVirtConnection. There is one object per domain
 * per connection: every lookup of the same domain returns it.
 *
 * Its properties follow the node whoever changes it: `notify::state`, the
 * lifecycle signals (#GVirtDomain::started, #GVirtDomain::stopped, ...)
 * and `notify::id` arrive on the connection's main context, properties
 * first, then the signal.
 *
 * In C (the body of a `main()`), Python, and JavaScript (a GJS module,
 * `gjs -m`):
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirtConnection) conn =
 *   gvirt_connection_open_sync ("test:///default", GVIRT_CONNECTION_NONE, NULL, &error);
 * g_autoptr(GVirtDomain) dom = gvirt_connection_find_domain_by_name (conn, "test");
 *
 * if (!gvirt_domain_suspend_sync (dom, NULL, &error))
 *   g_printerr ("%s\n", error->message);
 * g_print ("%s (id %d) is %s\n", gvirt_domain_get_name (dom), gvirt_domain_get_id (dom),
 *          gvirt_domain_get_state (dom) == GVIRT_DOMAIN_STATE_PAUSED ? "paused" : "not paused");
 * ```
 *
 * ```python
 * import gi
 * gi.require_version("GVirt", "1.0")
 * from gi.repository import GVirt
 *
 * conn = GVirt.Connection.open_sync("test:///default", GVirt.ConnectionFlags.NONE, None)
 * dom = conn.find_domain_by_name("test")
 * dom.connect("notify::state", lambda dom, pspec: print("state:", dom.props.state.value_nick))
 * dom.suspend_sync(None)
 * dom.resume_sync(None)
 * info = dom.get_info_sync(None)
 * print(info.memory, "KiB,", info.n_vcpus, "vCPUs")
 * ```
 *
 * ```js
 * import Gio from 'gi://Gio';
 * import GVirt from 'gi://GVirt?version=1.0';
 * Gio._promisify(GVirt.Domain.prototype, 'suspend_async', 'suspend_finish');
 *
 * const conn = GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.NONE, null);
 * const dom = conn.find_domain_by_name('test');
 * dom.connect('suspended', d => print(`${d.name} paused`));
 * await dom.suspend_async(null);
 * ```
 */
struct _GVirtDomain
{
  GObject          parent_instance;

  GWeakRef         connection;
  char            *uuid;
  char            *name;
  gint             id;
  GVirtDomainState state;
  GVirtDomainStateReason state_reason;
  gboolean         persistent;
  gboolean         autostart;
};

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_NAME,
  PROP_UUID,
  PROP_ID,
  PROP_STATE,
  PROP_STATE_REASON,
  PROP_PERSISTENT,
  PROP_AUTOSTART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STARTED,
  SUSPENDED,
  RESUMED,
  STOPPED,
  CRASHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GVirtDomain, gvirt_domain, G_TYPE_OBJECT)

GVirtDomain *
_gvirt_domain_new (GVirtConnection         *connection,
                   const GVirtDomainRecord *record)
{
  GVirtDomain *self = g_object_new (GVIRT_TYPE_DOMAIN, NULL);

  g_weak_ref_set (&self->connection, connection);
  self->uuid = g_strdup (record->uuid);
  self->name = g_strdup (record->name);
  self->id = record->id;
  self->state = record->state;
  self->state_reason = record->state_reason;
  self->persistent = record->persistent;
  self->autostart = record->autostart;
  return self;
}

/* Notifications go out one by one, in a fixed order (id and state-reason
 * before state), so handlers of notify::state see the new id and reason;
 * frozen notifications would come out in reverse. */
#define UPDATE_FIELD(field, prop)                                             \
  G_STMT_START {                                                              \
    if (self->field != record->field)                                         \
      {                                                                       \
        self->field = record->field;                                          \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);        \
      }                                                                       \
  } G_STMT_END

void
_gvirt_domain_apply_record (GVirtDomain             *self,
                            const GVirtDomainRecord *record)
{
  UPDATE_FIELD (id, PROP_ID);
  UPDATE_FIELD (state_reason, PROP_STATE_REASON);
  UPDATE_FIELD (state, PROP_STATE);
  UPDATE_FIELD (persistent, PROP_PERSISTENT);
  UPDATE_FIELD (autostart, PROP_AUTOSTART);
}

#undef UPDATE_FIELD

void
_gvirt_domain_emit_event (GVirtDomain          *self,
                          GVirtDomainEventKind  kind,
                          gint                  reason)
{
  static const int signal_of_kind[] = {
    [GVIRT_DOMAIN_EVENT_STARTED] = STARTED,
    [GVIRT_DOMAIN_EVENT_SUSPENDED] = SUSPENDED,
    [GVIRT_DOMAIN_EVENT_RESUMED] = RESUMED,
    [GVIRT_DOMAIN_EVENT_STOPPED] = STOPPED,
    [GVIRT_DOMAIN_EVENT_CRASHED] = CRASHED,
  };

  switch (kind)
    {
    case GVIRT_DOMAIN_EVENT_STARTED:
    case GVIRT_DOMAIN_EVENT_SUSPENDED:
    case GVIRT_DOMAIN_EVENT_RESUMED:
    case GVIRT_DOMAIN_EVENT_STOPPED:
    case GVIRT_DOMAIN_EVENT_CRASHED:
      g_signal_emit (self, signals[signal_of_kind[kind]], 0, reason);
      break;
    case GVIRT_DOMAIN_EVENT_DEFINED:
    case GVIRT_DOMAIN_EVENT_UNDEFINED:
    case GVIRT_DOMAIN_EVENT_UPDATED:
    default:
      break;
    }
}

/* Operations: every public _sync/_async/_finish triple is one row of the
 * operation table (gvirt-operation.c), run on this domain's UUID. */

gpointer
_gvirt_domain_call_sync (GVirtDomain               *self,
                         GVirtOperation             operation,
                         const GVirtOperationArgs  *args,
                         GCancellable              *cancellable,
                         GError                   **error)
{
  g_autoptr(GVirtConnection) connection = g_weak_ref_get (&self->connection);

  return _gvirt_operation_call_sync (connection, self, operation, self->uuid, args,
                                     cancellable, error);
}

void
_gvirt_domain_call_async (GVirtDomain               *self,
                          GVirtOperation             operation,
                          const GVirtOperationArgs  *args,
                          GCancellable              *cancellable,
                          GAsyncReadyCallback        callback,
                          gpointer                   user_data,
                          gpointer                   source_tag)
{
  _gvirt_operation_call_async (self, operation, self->uuid, args, cancellable,
                               callback, user_data, source_tag);
}

/* Properties */

/**
 * gvirt_domain_get_connection:
 * @self: a #GVirtDomain
 *
 * Gets the connection the domain belongs to; the domain does not keep it
 * alive.
 *
 * Returns: (transfer full) (nullable): the domain's connection, or %NULL
 *   once the connection is finalized
 */
GVirtConnection *
gvirt_domain_get_connection (GVirtDomain *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), NULL);

  return g_weak_ref_get (&self->connection);
}

/**
 * gvirt_domain_get_name:
 * @self: a #GVirtDomain
 *
 * Gets the domain's name, the #GVirtDomain:name property.
 *
 * Returns: the domain's name
 */
const char *
gvirt_domain_get_name (GVirtDomain *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), NULL);

  return self->name;
}

/**
 * gvirt_domain_get_uuid:
 * @self: a #GVirtDomain
 *
 * Gets the domain's UUID, the key that identifies it on its node.
 *
 * Returns: the domain's UUID, lower-case 8-4-4-4-12
 */
const char *
gvirt_domain_get_uuid (GVirtDomain *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), NULL);

  return self->uuid;
}

/**
 * gvirt_domain_get_id:
 * @self: a #GVirtDomain
 *
 * Gets the id the node gave the domain when it last started, the
 * #GVirtDomain:id property.
 *
 * Returns: the running domain's id, or -1 when it is inactive
 */
gint
gvirt_domain_get_id (GVirtDomain *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), -1);

  return self->id;
}

/**
 * gvirt_domain_get_state:
 * @self: a #GVirtDomain
 *
 * Gets the domain's state as its node last reported it; `notify::state`
 * tells when it changes.
 *
 * Returns: the domain's state
 */
GVirtDomainState
gvirt_domain_get_state (GVirtDomain *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), GVIRT_DOMAIN_STATE_NOSTATE);

  return self->state;
}

/**
 * gvirt_domain_get_state_reason:
 * @self: a #GVirtDomain
 *
 * Gets why the domain is in its state (#GVirtDomain:state-reason): booted,
 * paused by a client, destroyed, saved, crashed ... It is the node's: every
 * connection to the node, in any process, reads the same reason, whoever
 * made the change. `notify::state-reason` tells when it changes, before
 * the `notify::state` of the same change.
 *
 * Returns: why the domain is in its state
 */
GVirtDomainStateReason
gvirt_domain_get_state_reason (GVirtDomain *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), GVIRT_DOMAIN_STATE_REASON_UNKNOWN);

  return self->state_reason;
}

/**
 * gvirt_domain_get_persistent:
 * @self: a #GVirtDomain
 *
 * Tells whether the domain has a persistent configuration, or is transient
 * and disappears when it stops.
 *
 * Returns: whether the domain's configuration outlives a stop
 */
gboolean
gvirt_domain_get_persistent (GVirtDomain *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);

  return self->persistent;
}

/**
 * gvirt_domain_get_autostart:
 * @self: a #GVirtDomain
 *
 * Tells whether the domain starts when its host does.
 *
 * Returns: whether the domain starts with the host
 */
gboolean
gvirt_domain_get_autostart (GVirtDomain *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);

  return self->autostart;
}

static void
gvirt_domain_finalize (GObject *object)
{
  GVirtDomain *self = GVIRT_DOMAIN (object);

  g_weak_ref_clear (&self->connection);
  g_free (self->uuid);
  g_free (self->name);

  G_OBJECT_CLASS (gvirt_domain_parent_class)->finalize (object);
}

static void
gvirt_domain_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GVirtDomain *self = GVIRT_DOMAIN (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_take_object (value, gvirt_domain_get_connection (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_ID:
      g_value_set_int (value, self->id);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_STATE_REASON:
      g_value_set_enum (value, self->state_reason);
      break;
    case PROP_PERSISTENT:
      g_value_set_boolean (value, self->persistent);
      break;
    case PROP_AUTOSTART:
      g_value_set_boolean (value, self->autostart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvirt_domain_class_init (GVirtDomainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = gvirt_domain_finalize;
  object_class->get_property = gvirt_domain_get_property;

  /**
   * GVirtDomain:connection:
   *
   * The connection the domain belongs to.
   */
  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, GVIRT_TYPE_CONNECTION, flags);

  /**
   * GVirtDomain:name:
   *
   * The domain's name, unique on its node.
   */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);

  /**
   * GVirtDomain:uuid:
   *
   * The domain's UUID, lower-case 8-4-4-4-12.
   */
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);

  /**
   * GVirtDomain:id:
   *
   * The running domain's id, -1 when inactive.
   */
  properties[PROP_ID] = g_param_spec_int ("id", NULL, NULL, -1, G_MAXINT, -1, flags);

  /**
   * GVirtDomain:state:
   *
   * The domain's state.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, GVIRT_TYPE_DOMAIN_STATE,
                       GVIRT_DOMAIN_STATE_NOSTATE, flags);

  /**
   * GVirtDomain:state-reason:
   *
   * Why the domain is in its #GVirtDomain:state, the same for every
   * connection to its node; see gvirt_domain_get_state_reason().
   */
  properties[PROP_STATE_REASON] =
    g_param_spec_enum ("state-reason", NULL, NULL, GVIRT_TYPE_DOMAIN_STATE_REASON,
                       GVIRT_DOMAIN_STATE_REASON_UNKNOWN, flags);

  /**
   * GVirtDomain:persistent:
   *
   * Whether the domain's configuration outlives a stop.
   */
  properties[PROP_PERSISTENT] = g_param_spec_boolean ("persistent", NULL, NULL, FALSE, flags);

  /**
   * GVirtDomain:autostart:
   *
   * Whether the domain starts with the host; change it with
   * gvirt_domain_set_autostart_sync().
   */
  properties[PROP_AUTOSTART] = g_param_spec_boolean ("autostart", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GVirtDomain::started:
   * @self: the domain
   * @reason: why it started
   *
   * The domain started, by any client's doing.
   */
  signals[STARTED] =
    g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_DOMAIN_STARTED_REASON);

  /**
   * GVirtDomain::suspended:
   * @self: the domain
   * @reason: why it was suspended
   *
   * The domain's vCPUs were paused.
   */
  signals[SUSPENDED] =
    g_signal_new ("suspended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_DOMAIN_SUSPENDED_REASON);

  /**
   * GVirtDomain::resumed:
   * @self: the domain
   * @reason: why it resumed
   *
   * The domain's vCPUs run again.
   */
  signals[RESUMED] =
    g_signal_new ("resumed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_DOMAIN_RESUMED_REASON);

  /**
   * GVirtDomain::stopped:
   * @self: the domain
   * @reason: why it stopped
   *
   * The domain stopped.
   */
  signals[STOPPED] =
    g_signal_new ("stopped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_DOMAIN_STOPPED_REASON);

  /**
   * GVirtDomain::crashed:
   * @self: the domain
   * @reason: why it crashed
   *
   * The guest crashed and the domain was kept in the crashed state.
   */
  signals[CRASHED] =
    g_signal_new ("crashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_DOMAIN_CRASHED_REASON);
}

static void
gvirt_domain_init (GVirtDomain *self)
{
  g_weak_ref_init (&self->connection, NULL);
  self->id = -1;
  self->state = GVIRT_DOMAIN_STATE_SHUTOFF;
}
