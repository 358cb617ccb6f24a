/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomain: one virtual machine of a connection, its state and its actions. */
#include "config.h"

#include "gvirt-domain-private.h"
#include "gvirt-connection-private.h"
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
  self->persistent = record->persistent;
  self->autostart = record->autostart;
  return self;
}

/* Notifications go out one by one, in a fixed order (id before state), so
 * handlers of notify::state see the new id; frozen notifications would come
 * out in reverse. */
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

/* Operations: every public _sync/_async/_finish triple is one DomainOp run
 * by domain_call_func, in the caller's thread or in a worker thread. */

typedef enum {
  OP_START,
  OP_SHUTDOWN,
  OP_REBOOT,
  OP_DESTROY,
  OP_SUSPEND,
  OP_RESUME,
  OP_UNDEFINE,
  OP_SAVE,
  OP_CORE_DUMP,
  OP_SET_MEMORY,
  OP_SET_MAX_MEMORY,
  OP_SET_VCPUS,
  OP_PIN_VCPU,
  OP_SET_AUTOSTART,
  OP_GET_INFO,
  OP_GET_VCPU_INFO,
  OP_GET_CONFIG,
  OP_GET_XML,
} DomainOp;

typedef struct {
  DomainOp             op;
  char                *path;
  guint64              value;   /* KiB, vCPU count, vCPU index or boolean */
  guint               *cpus;
  gsize                n_cpus;
  GVirtDomainXmlFlags  flags;
} DomainCall;

/* The backend entry points that take only the UUID, by operation. */
static const gsize simple_ops[] = {
  [OP_START] = G_STRUCT_OFFSET (GVirtBackendInterface, domain_start),
  [OP_SHUTDOWN] = G_STRUCT_OFFSET (GVirtBackendInterface, domain_shutdown),
  [OP_REBOOT] = G_STRUCT_OFFSET (GVirtBackendInterface, domain_reboot),
  [OP_DESTROY] = G_STRUCT_OFFSET (GVirtBackendInterface, domain_destroy),
  [OP_SUSPEND] = G_STRUCT_OFFSET (GVirtBackendInterface, domain_suspend),
  [OP_RESUME] = G_STRUCT_OFFSET (GVirtBackendInterface, domain_resume),
  [OP_UNDEFINE] = G_STRUCT_OFFSET (GVirtBackendInterface, domain_undefine),
};

typedef gboolean (*SimpleOpFunc) (GVirtBackend *, const char *, GCancellable *, GError **);

static const char *
op_description (DomainOp op)
{
  switch (op)
    {
    case OP_START: return _("start domains");
    case OP_SHUTDOWN: return _("shut down domains");
    case OP_REBOOT: return _("reboot domains");
    case OP_DESTROY: return _("destroy domains");
    case OP_SUSPEND: return _("suspend domains");
    case OP_RESUME: return _("resume domains");
    case OP_UNDEFINE: return _("undefine domains");
    case OP_SAVE: return _("save domains");
    case OP_CORE_DUMP: return _("dump the core of domains");
    case OP_SET_MEMORY: return _("change the memory of domains");
    case OP_SET_MAX_MEMORY: return _("change the maximum memory of domains");
    case OP_SET_VCPUS: return _("change the vCPUs of domains");
    case OP_PIN_VCPU: return _("pin vCPUs");
    case OP_SET_AUTOSTART: return _("change autostart of domains");
    case OP_GET_INFO: return _("report domain information");
    case OP_GET_VCPU_INFO: return _("report vCPU information");
    case OP_GET_CONFIG:
    case OP_GET_XML:
    default: return _("describe domains");
    }
}

static gboolean
op_writes (DomainOp op)
{
  return op < OP_GET_INFO;
}

static GDestroyNotify
op_result_free (DomainOp op)
{
  switch (op)
    {
    case OP_GET_INFO: return (GDestroyNotify) gvirt_domain_info_free;
    case OP_GET_VCPU_INFO: return (GDestroyNotify) g_ptr_array_unref;
    case OP_GET_CONFIG: return g_object_unref;
    case OP_GET_XML: return g_free;
    default: return NULL;
    }
}

static void
domain_call_free (DomainCall *call)
{
  g_free (call->path);
  g_free (call->cpus);
  g_free (call);
}

/* The XML of a domain is its configuration written out. A backend type that
 * can write it without making a copy of the configuration for the caller
 * first (the test backend) sets a function of this type as its type's qdata
 * under "gvirt-backend-domain-get-xml"; private to the bundled backends, it
 * is no part of the GVirtBackend interface. */
typedef char *(*DomainGetXmlFunc) (GVirtBackend *backend, const char *uuid,
                                   GVirtDomainXmlFlags flags,
                                   GCancellable *cancellable, GError **error);

static GQuark
domain_get_xml_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("gvirt-backend-domain-get-xml");
  return quark;
}

/* Calls the backend entry point of @call->op; a missing one is reported as
 * unsupported. */
static gpointer
domain_call_func (gpointer       source,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  GVirtDomain *self = source;
  DomainCall *call = data;
  g_autoptr(GVirtConnection) connection = g_weak_ref_get (&self->connection);
  g_autoptr(GVirtBackend) backend = _gvirt_connection_ref_backend (connection, op_writes (call->op), error);
  GVirtBackendInterface *iface;
  g_autoptr(GVirtDomainConfig) config = NULL;
  DomainGetXmlFunc get_xml;
  gpointer entry;

  if (backend == NULL)
    return NULL;
  iface = GVIRT_BACKEND_GET_IFACE (backend);

  switch (call->op)
    {
    case OP_START:
    case OP_SHUTDOWN:
    case OP_REBOOT:
    case OP_DESTROY:
    case OP_SUSPEND:
    case OP_RESUME:
    case OP_UNDEFINE:
      entry = G_STRUCT_MEMBER (gpointer, iface, simple_ops[call->op]);
      break;
    case OP_SAVE: entry = iface->domain_save; break;
    case OP_CORE_DUMP: entry = iface->domain_core_dump; break;
    case OP_SET_MEMORY: entry = iface->domain_set_memory; break;
    case OP_SET_MAX_MEMORY: entry = iface->domain_set_max_memory; break;
    case OP_SET_VCPUS: entry = iface->domain_set_vcpus; break;
    case OP_PIN_VCPU: entry = iface->domain_pin_vcpu; break;
    case OP_SET_AUTOSTART: entry = iface->domain_set_autostart; break;
    case OP_GET_INFO: entry = iface->domain_get_info; break;
    case OP_GET_VCPU_INFO: entry = iface->domain_get_vcpu_info; break;
    case OP_GET_CONFIG:
    case OP_GET_XML:
    default: entry = iface->domain_get_config; break;
    }
  if (entry == NULL)
    return _gvirt_task_done_or_null (_gvirt_unsupported (connection, op_description (call->op), error));

  switch (call->op)
    {
    case OP_SAVE:
      return _gvirt_task_done_or_null (iface->domain_save (backend, self->uuid, call->path, cancellable, error));
    case OP_CORE_DUMP:
      return _gvirt_task_done_or_null (iface->domain_core_dump (backend, self->uuid, call->path, cancellable, error));
    case OP_SET_MEMORY:
      return _gvirt_task_done_or_null (iface->domain_set_memory (backend, self->uuid, call->value, cancellable, error));
    case OP_SET_MAX_MEMORY:
      return _gvirt_task_done_or_null (iface->domain_set_max_memory (backend, self->uuid, call->value, cancellable, error));
    case OP_SET_VCPUS:
      return _gvirt_task_done_or_null (iface->domain_set_vcpus (backend, self->uuid, call->value, cancellable, error));
    case OP_PIN_VCPU:
      return _gvirt_task_done_or_null (iface->domain_pin_vcpu (backend, self->uuid, call->value,
                                                   call->cpus, call->n_cpus, cancellable, error));
    case OP_SET_AUTOSTART:
      return _gvirt_task_done_or_null (iface->domain_set_autostart (backend, self->uuid, call->value != 0,
                                                        cancellable, error));
    case OP_GET_INFO:
      return iface->domain_get_info (backend, self->uuid, cancellable, error);
    case OP_GET_VCPU_INFO:
      return iface->domain_get_vcpu_info (backend, self->uuid, cancellable, error);
    case OP_GET_CONFIG:
      return iface->domain_get_config (backend, self->uuid, call->flags, cancellable, error);
    case OP_GET_XML:
      get_xml = g_type_get_qdata (G_OBJECT_TYPE (backend), domain_get_xml_quark ());
      if (get_xml != NULL)
        return get_xml (backend, self->uuid, call->flags, cancellable, error);
      config = iface->domain_get_config (backend, self->uuid, call->flags, cancellable, error);
      return config ? gvirt_domain_config_to_xml (config) : NULL;
    default:
      return _gvirt_task_done_or_null (((SimpleOpFunc) entry) (backend, self->uuid, cancellable, error));
    }
}

static gpointer
domain_call_sync (GVirtDomain   *self,
                  DomainCall     call,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GVirtConnection) connection = g_weak_ref_get (&self->connection);

  return _gvirt_connection_run_sync (connection, self, domain_call_func, &call, cancellable, error);
}

static void
domain_call_async (GVirtDomain         *self,
                   DomainCall           call,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data,
                   gpointer             source_tag)
{
  DomainCall *copy = g_memdup2 (&call, sizeof call);

  copy->path = g_strdup (call.path);
  copy->cpus = call.n_cpus ? g_memdup2 (call.cpus, call.n_cpus * sizeof (guint)) : NULL;
  _gvirt_task_run_async (self, domain_call_func, copy, (GDestroyNotify) domain_call_free,
                         op_result_free (call.op), cancellable, callback, user_data, source_tag);
}

#define CALL(...) ((DomainCall) { __VA_ARGS__ })

/* The public triples. Each documents its _sync form; the _async and _finish
 * forms behave the same without blocking. */

/**
 * gvirt_domain_start_sync:
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
  return domain_call_sync (self, CALL (.op = OP_START), cancellable, error) != NULL;
}

/**
 * gvirt_domain_start_async:
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
  domain_call_async (self, CALL (.op = OP_START), cancellable, callback, user_data,
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
 * gvirt_domain_shutdown_sync:
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
  return domain_call_sync (self, CALL (.op = OP_SHUTDOWN), cancellable, error) != NULL;
}

/**
 * gvirt_domain_shutdown_async:
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
  domain_call_async (self, CALL (.op = OP_SHUTDOWN), cancellable, callback, user_data,
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
 * gvirt_domain_reboot_sync:
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
  return domain_call_sync (self, CALL (.op = OP_REBOOT), cancellable, error) != NULL;
}

/**
 * gvirt_domain_reboot_async:
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
  domain_call_async (self, CALL (.op = OP_REBOOT), cancellable, callback, user_data,
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
 * gvirt_domain_destroy_sync:
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
  return domain_call_sync (self, CALL (.op = OP_DESTROY), cancellable, error) != NULL;
}

/**
 * gvirt_domain_destroy_async:
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
  domain_call_async (self, CALL (.op = OP_DESTROY), cancellable, callback, user_data,
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
 * gvirt_domain_suspend_sync:
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
  return domain_call_sync (self, CALL (.op = OP_SUSPEND), cancellable, error) != NULL;
}

/**
 * gvirt_domain_suspend_async:
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
  domain_call_async (self, CALL (.op = OP_SUSPEND), cancellable, callback, user_data,
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
 * gvirt_domain_resume_sync:
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
  return domain_call_sync (self, CALL (.op = OP_RESUME), cancellable, error) != NULL;
}

/**
 * gvirt_domain_resume_async:
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
  domain_call_async (self, CALL (.op = OP_RESUME), cancellable, callback, user_data,
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
 * gvirt_domain_save_sync:
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
  return domain_call_sync (self, CALL (.op = OP_SAVE, .path = (char *) path), cancellable, error) != NULL;
}

/**
 * gvirt_domain_save_async:
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
  domain_call_async (self, CALL (.op = OP_SAVE, .path = (char *) path), cancellable,
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
 * gvirt_domain_core_dump_sync:
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
  return domain_call_sync (self, CALL (.op = OP_CORE_DUMP, .path = (char *) path), cancellable, error) != NULL;
}

/**
 * gvirt_domain_core_dump_async:
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
  domain_call_async (self, CALL (.op = OP_CORE_DUMP, .path = (char *) path), cancellable,
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
 * gvirt_domain_undefine_sync:
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
  return domain_call_sync (self, CALL (.op = OP_UNDEFINE), cancellable, error) != NULL;
}

/**
 * gvirt_domain_undefine_async:
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
  domain_call_async (self, CALL (.op = OP_UNDEFINE), cancellable, callback, user_data,
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

/**
 * gvirt_domain_set_memory_sync:
 * @self: a #GVirtDomain
 * @kib: the new current memory, in KiB
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Changes the domain's current memory (ballooning when it runs).
 *
 * Returns: %TRUE on success, %FALSE with @error set, e.g.
 *   %GVIRT_ERROR_INVALID_ARGUMENT above the maximum memory
 */
gboolean
gvirt_domain_set_memory_sync (GVirtDomain *self, guint64 kib,
                              GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return domain_call_sync (self, CALL (.op = OP_SET_MEMORY, .value = kib), cancellable, error) != NULL;
}

/**
 * gvirt_domain_set_memory_async:
 * @self: a #GVirtDomain
 * @kib: the new current memory, in KiB
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_set_memory_sync().
 */
void
gvirt_domain_set_memory_async (GVirtDomain *self, guint64 kib, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  domain_call_async (self, CALL (.op = OP_SET_MEMORY, .value = kib), cancellable,
                     callback, user_data, gvirt_domain_set_memory_async);
}

/**
 * gvirt_domain_set_memory_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_set_memory_async(): tells whether the domain's
 * current memory was changed.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_memory_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_set_memory_async, error) != NULL;
}

/**
 * gvirt_domain_set_max_memory_sync:
 * @self: a #GVirtDomain
 * @kib: the new maximum memory, in KiB
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Changes the most memory the domain may have.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_max_memory_sync (GVirtDomain *self, guint64 kib,
                                  GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return domain_call_sync (self, CALL (.op = OP_SET_MAX_MEMORY, .value = kib), cancellable, error) != NULL;
}

/**
 * gvirt_domain_set_max_memory_async:
 * @self: a #GVirtDomain
 * @kib: the new maximum memory, in KiB
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_set_max_memory_sync().
 */
void
gvirt_domain_set_max_memory_async (GVirtDomain *self, guint64 kib, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  domain_call_async (self, CALL (.op = OP_SET_MAX_MEMORY, .value = kib), cancellable,
                     callback, user_data, gvirt_domain_set_max_memory_async);
}

/**
 * gvirt_domain_set_max_memory_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_set_max_memory_async(): tells whether the domain's
 * maximum memory was changed.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_max_memory_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_set_max_memory_async, error) != NULL;
}

/**
 * gvirt_domain_set_vcpus_sync:
 * @self: a #GVirtDomain
 * @n_vcpus: the new number of vCPUs
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Changes the number of virtual CPUs.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_vcpus_sync (GVirtDomain *self, guint n_vcpus,
                             GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return domain_call_sync (self, CALL (.op = OP_SET_VCPUS, .value = n_vcpus), cancellable, error) != NULL;
}

/**
 * gvirt_domain_set_vcpus_async:
 * @self: a #GVirtDomain
 * @n_vcpus: the new number of vCPUs
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_set_vcpus_sync().
 */
void
gvirt_domain_set_vcpus_async (GVirtDomain *self, guint n_vcpus, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  domain_call_async (self, CALL (.op = OP_SET_VCPUS, .value = n_vcpus), cancellable,
                     callback, user_data, gvirt_domain_set_vcpus_async);
}

/**
 * gvirt_domain_set_vcpus_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_set_vcpus_async(): tells whether the number of
 * vCPUs was changed.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_vcpus_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_set_vcpus_async, error) != NULL;
}

/**
 * gvirt_domain_pin_vcpu_sync:
 * @self: a #GVirtDomain
 * @vcpu: the vCPU's index
 * @cpus: (array length=n_cpus): the host CPUs it may run on
 * @n_cpus: the length of @cpus
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Restricts a vCPU to some host CPUs.
 *
 * Returns: %TRUE on success, %FALSE with @error set, e.g.
 *   %GVIRT_ERROR_INVALID_ARGUMENT for a CPU the node does not have
 */
gboolean
gvirt_domain_pin_vcpu_sync (GVirtDomain *self, guint vcpu, const guint *cpus, gsize n_cpus,
                            GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return domain_call_sync (self, CALL (.op = OP_PIN_VCPU, .value = vcpu,
                                       .cpus = (guint *) cpus, .n_cpus = n_cpus),
                           cancellable, error) != NULL;
}

/**
 * gvirt_domain_pin_vcpu_async:
 * @self: a #GVirtDomain
 * @vcpu: the vCPU's index
 * @cpus: (array length=n_cpus): the host CPUs it may run on
 * @n_cpus: the length of @cpus
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_pin_vcpu_sync().
 */
void
gvirt_domain_pin_vcpu_async (GVirtDomain *self, guint vcpu, const guint *cpus, gsize n_cpus,
                             GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  domain_call_async (self, CALL (.op = OP_PIN_VCPU, .value = vcpu,
                                 .cpus = (guint *) cpus, .n_cpus = n_cpus),
                     cancellable, callback, user_data, gvirt_domain_pin_vcpu_async);
}

/**
 * gvirt_domain_pin_vcpu_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_pin_vcpu_async(): tells whether the vCPU was
 * restricted to the host CPUs given.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_pin_vcpu_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_pin_vcpu_async, error) != NULL;
}

/**
 * gvirt_domain_set_autostart_sync:
 * @self: a #GVirtDomain
 * @autostart: whether the domain starts with the host
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Sets #GVirtDomain:autostart.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_autostart_sync (GVirtDomain *self, gboolean autostart,
                                 GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), FALSE);
  return domain_call_sync (self, CALL (.op = OP_SET_AUTOSTART, .value = autostart != FALSE),
                           cancellable, error) != NULL;
}

/**
 * gvirt_domain_set_autostart_async:
 * @self: a #GVirtDomain
 * @autostart: whether the domain starts with the host
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when done
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_set_autostart_sync().
 */
void
gvirt_domain_set_autostart_async (GVirtDomain *self, gboolean autostart, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  domain_call_async (self, CALL (.op = OP_SET_AUTOSTART, .value = autostart != FALSE),
                     cancellable, callback, user_data, gvirt_domain_set_autostart_async);
}

/**
 * gvirt_domain_set_autostart_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_set_autostart_async(): tells whether
 * #GVirtDomain:autostart was set.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
gvirt_domain_set_autostart_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_set_autostart_async, error) != NULL;
}

/**
 * gvirt_domain_get_info_sync:
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks for the domain's state, memory, vCPUs and CPU time.
 *
 * Returns: (transfer full): the info, or %NULL with @error set
 */
GVirtDomainInfo *
gvirt_domain_get_info_sync (GVirtDomain *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), NULL);
  return domain_call_sync (self, CALL (.op = OP_GET_INFO), cancellable, error);
}

/**
 * gvirt_domain_get_info_async:
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_get_info_sync().
 */
void
gvirt_domain_get_info_async (GVirtDomain *self, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  domain_call_async (self, CALL (.op = OP_GET_INFO), cancellable, callback, user_data,
                     gvirt_domain_get_info_async);
}

/**
 * gvirt_domain_get_info_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_get_info_async() and returns the domain's state,
 * memory, vCPUs and CPU time.
 *
 * Returns: (transfer full): the info, or %NULL with @error set
 */
GVirtDomainInfo *
gvirt_domain_get_info_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_get_info_async, error);
}

/**
 * gvirt_domain_get_vcpu_info_sync:
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks for the state, CPU time, placement and affinity of each vCPU.
 *
 * Returns: (transfer container) (element-type GVirtVcpuInfo): one info per
 *   vCPU, or %NULL with @error set
 */
GPtrArray *
gvirt_domain_get_vcpu_info_sync (GVirtDomain *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), NULL);
  return domain_call_sync (self, CALL (.op = OP_GET_VCPU_INFO), cancellable, error);
}

/**
 * gvirt_domain_get_vcpu_info_async:
 * @self: a #GVirtDomain
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_get_vcpu_info_sync().
 */
void
gvirt_domain_get_vcpu_info_async (GVirtDomain *self, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  domain_call_async (self, CALL (.op = OP_GET_VCPU_INFO), cancellable, callback, user_data,
                     gvirt_domain_get_vcpu_info_async);
}

/**
 * gvirt_domain_get_vcpu_info_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_get_vcpu_info_async() and returns the state, CPU
 * time, placement and affinity of each vCPU.
 *
 * Returns: (transfer container) (element-type GVirtVcpuInfo): one info per
 *   vCPU, or %NULL with @error set
 */
GPtrArray *
gvirt_domain_get_vcpu_info_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_get_vcpu_info_async, error);
}

/**
 * gvirt_domain_get_config_sync:
 * @self: a #GVirtDomain
 * @flags: #GVirtDomainXmlFlags
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks for the domain's configuration: the live one, or with
 * %GVIRT_DOMAIN_XML_INACTIVE the one the next start will use. The result
 * is a copy: changing it changes nothing until it is defined again.
 *
 * Returns: (transfer full): the configuration, or %NULL with @error set
 */
GVirtDomainConfig *
gvirt_domain_get_config_sync (GVirtDomain *self, GVirtDomainXmlFlags flags,
                              GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), NULL);
  return domain_call_sync (self, CALL (.op = OP_GET_CONFIG, .flags = flags), cancellable, error);
}

/**
 * gvirt_domain_get_config_async:
 * @self: a #GVirtDomain
 * @flags: #GVirtDomainXmlFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_get_config_sync().
 */
void
gvirt_domain_get_config_async (GVirtDomain *self, GVirtDomainXmlFlags flags,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  domain_call_async (self, CALL (.op = OP_GET_CONFIG, .flags = flags), cancellable,
                     callback, user_data, gvirt_domain_get_config_async);
}

/**
 * gvirt_domain_get_config_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_get_config_async() and returns a copy of the
 * configuration asked for.
 *
 * Returns: (transfer full): the configuration, or %NULL with @error set
 */
GVirtDomainConfig *
gvirt_domain_get_config_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_get_config_async, error);
}

/**
 * gvirt_domain_get_xml_sync:
 * @self: a #GVirtDomain
 * @flags: #GVirtDomainXmlFlags
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Asks for the domain's XML description; see gvirt_domain_get_config_sync().
 *
 * Returns: (transfer full): the XML, or %NULL with @error set
 */
char *
gvirt_domain_get_xml_sync (GVirtDomain *self, GVirtDomainXmlFlags flags,
                           GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN (self), NULL);
  return domain_call_sync (self, CALL (.op = OP_GET_XML, .flags = flags), cancellable, error);
}

/**
 * gvirt_domain_get_xml_async:
 * @self: a #GVirtDomain
 * @flags: #GVirtDomainXmlFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called with the result
 * @user_data: data for @callback
 *
 * The async form of gvirt_domain_get_xml_sync().
 */
void
gvirt_domain_get_xml_async (GVirtDomain *self, GVirtDomainXmlFlags flags,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (GVIRT_IS_DOMAIN (self));
  domain_call_async (self, CALL (.op = OP_GET_XML, .flags = flags), cancellable,
                     callback, user_data, gvirt_domain_get_xml_async);
}

/**
 * gvirt_domain_get_xml_finish:
 * @self: a #GVirtDomain
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Finishes gvirt_domain_get_xml_async() and returns the domain's XML
 * description.
 *
 * Returns: (transfer full): the XML, or %NULL with @error set
 */
char *
gvirt_domain_get_xml_finish (GVirtDomain *self, GAsyncResult *result, GError **error)
{
  return _gvirt_task_finish (self, result, gvirt_domain_get_xml_async, error);
}

#undef CALL

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
