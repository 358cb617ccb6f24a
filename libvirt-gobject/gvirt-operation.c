/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The table of operations and the one dispatcher every public call goes through. */
#include "config.h"

#include "gvirt-operation-private.h"
#include "gvirt-connection-private.h"
#include "gvirt-domain.h"
#include "gvirt-network.h"
#include "gvirt-error.h"
#include "gvirt-i18n-private.h"
#include "gvirt-backend-names-private.h"
#include "config/gvirt-domain-config.h"
#include "config/gvirt-network-config.h"

/* Runners: each calls one shape of backend entry point. */

typedef gboolean (*UuidFunc)      (GVirtBackend *, const char *, GCancellable *, GError **);
typedef gboolean (*UuidPathFunc)  (GVirtBackend *, const char *, const char *, GCancellable *, GError **);
typedef gboolean (*UuidKibFunc)   (GVirtBackend *, const char *, guint64, GCancellable *, GError **);
typedef gboolean (*UuidUintFunc)  (GVirtBackend *, const char *, guint, GCancellable *, GError **);
typedef gboolean (*UuidBoolFunc)  (GVirtBackend *, const char *, gboolean, GCancellable *, GError **);
typedef gboolean (*PinFunc)       (GVirtBackend *, const char *, guint, const guint *, gsize,
                                   GCancellable *, GError **);
typedef gpointer (*UuidQueryFunc) (GVirtBackend *, const char *, GCancellable *, GError **);
typedef gpointer (*UuidFlagsFunc) (GVirtBackend *, const char *, GVirtDomainXmlFlags,
                                   GCancellable *, GError **);
typedef gpointer (*NodeQueryFunc) (GVirtBackend *, GCancellable *, GError **);
typedef gpointer (*ConfigFunc)    (GVirtBackend *, gpointer, GCancellable *, GError **);
typedef gpointer (*PathFunc)      (GVirtBackend *, const char *, GCancellable *, GError **);

#define RUNNER(name)                                                          \
  static gpointer name (const GVirtOperationInfo *info, gpointer entry,       \
                        GVirtBackend *backend, GVirtConnection *connection,   \
                        const char *uuid, const GVirtOperationArgs *args,     \
                        GCancellable *cancellable, GError **error)

RUNNER (run_uuid)
{
  return _gvirt_task_done_or_null (((UuidFunc) entry) (backend, uuid, cancellable, error));
}

RUNNER (run_uuid_path)
{
  return _gvirt_task_done_or_null (((UuidPathFunc) entry) (backend, uuid, args->path,
                                                           cancellable, error));
}

RUNNER (run_uuid_kib)
{
  return _gvirt_task_done_or_null (((UuidKibFunc) entry) (backend, uuid, args->value,
                                                          cancellable, error));
}

RUNNER (run_uuid_uint)
{
  return _gvirt_task_done_or_null (((UuidUintFunc) entry) (backend, uuid, (guint) args->value,
                                                           cancellable, error));
}

RUNNER (run_uuid_bool)
{
  return _gvirt_task_done_or_null (((UuidBoolFunc) entry) (backend, uuid, args->value != 0,
                                                           cancellable, error));
}

RUNNER (run_pin)
{
  return _gvirt_task_done_or_null (((PinFunc) entry) (backend, uuid, (guint) args->value,
                                                      args->cpus, args->n_cpus,
                                                      cancellable, error));
}

RUNNER (run_uuid_query)
{
  return ((UuidQueryFunc) entry) (backend, uuid, cancellable, error);
}

RUNNER (run_uuid_flags)
{
  return ((UuidFlagsFunc) entry) (backend, uuid, args->flags, cancellable, error);
}

/* The XML is the configuration written out, unless the backend has it at
 * hand already (domain_get_xml). */
RUNNER (run_domain_xml)
{
  g_autoptr(GVirtDomainConfig) config = NULL;

  if (entry == G_STRUCT_MEMBER (gpointer, GVIRT_BACKEND_GET_IFACE (backend), info->entry))
    return run_uuid_flags (info, entry, backend, connection, uuid, args, cancellable, error);
  config = ((UuidFlagsFunc) entry) (backend, uuid, args->flags, cancellable, error);
  return config != NULL ? gvirt_domain_config_to_xml (config) : NULL;
}

RUNNER (run_network_xml)
{
  g_autoptr(GVirtNetworkConfig) config = ((UuidQueryFunc) entry) (backend, uuid, cancellable, error);

  return config != NULL ? gvirt_network_config_to_xml (config) : NULL;
}

RUNNER (run_node_query)
{
  return ((NodeQueryFunc) entry) (backend, cancellable, error);
}

/* New domains and networks: the name rule of backends/common, once here for
 * every backend (the backends check again: they write files named so). */
RUNNER (run_new_domain)
{
  g_autoptr(GVirtDomainRecord) record = NULL;

  if (!_gvirt_backend_check_name (gvirt_domain_config_get_name (args->config), error))
    return NULL;
  record = ((ConfigFunc) entry) (backend, args->config, cancellable, error);
  return record != NULL ? _gvirt_connection_adopt_domain (connection, record) : NULL;
}

RUNNER (run_restore_domain)
{
  g_autoptr(GVirtDomainRecord) record = ((PathFunc) entry) (backend, args->path,
                                                            cancellable, error);

  return record != NULL ? _gvirt_connection_adopt_domain (connection, record) : NULL;
}

RUNNER (run_new_network)
{
  g_autoptr(GVirtNetworkRecord) record = NULL;

  if (!_gvirt_backend_check_network_name (gvirt_network_config_get_name (args->config), error))
    return NULL;
  record = ((ConfigFunc) entry) (backend, args->config, cancellable, error);
  return record != NULL ? _gvirt_connection_adopt_network (connection, record) : NULL;
}

#undef RUNNER

/* The table */

#define STATE(s) (1u << GVIRT_DOMAIN_STATE_##s)
#define ACTIVE   (~0u & ~STATE (SHUTOFF))
#define ENTRY(member) G_STRUCT_OFFSET (GVirtBackendInterface, member)

#define OP(id, ...) [GVIRT_OPERATION_##id] = { .operation = GVIRT_OPERATION_##id, __VA_ARGS__ }

static const GVirtOperationInfo operations[] = {
  OP (GET_CAPABILITIES, .name = "get-capabilities", .entry = ENTRY (get_capabilities),
      .unsupported = N_("The “%s” backend cannot report capabilities."),
      .run = run_node_query, .result_free = g_object_unref),
  OP (GET_NODE_INFO, .name = "get-node-info", .entry = ENTRY (get_node_info),
      .unsupported = N_("The “%s” backend cannot report node information."),
      .run = run_node_query, .result_free = (GDestroyNotify) gvirt_node_info_free),
  OP (DEFINE_DOMAIN, .name = "define-domain", .entry = ENTRY (define_domain),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot define domains."),
      .run = run_new_domain, .result_free = g_object_unref),
  OP (CREATE_DOMAIN, .name = "create-domain", .entry = ENTRY (create_domain),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot create domains."),
      .run = run_new_domain, .result_free = g_object_unref),
  OP (RESTORE_DOMAIN, .name = "restore-domain", .entry = ENTRY (restore_domain),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot restore domains."),
      .run = run_restore_domain, .result_free = g_object_unref),
  OP (DEFINE_NETWORK, .name = "define-network", .entry = ENTRY (define_network),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot define networks."),
      .run = run_new_network, .result_free = g_object_unref),
  OP (CREATE_NETWORK, .name = "create-network", .entry = ENTRY (create_network),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot create networks."),
      .run = run_new_network, .result_free = g_object_unref),

  OP (DOMAIN_START, .name = "domain-start", .entry = ENTRY (domain_start),
      .changes_node = TRUE, .states = STATE (SHUTOFF),
      .state_message = N_("Domain “%s” cannot be started: it is already %s."),
      .unsupported = N_("The “%s” backend cannot start domains."),
      .run = run_uuid),
  OP (DOMAIN_SHUTDOWN, .name = "domain-shutdown", .entry = ENTRY (domain_shutdown),
      .changes_node = TRUE, .states = ACTIVE,
      .state_message = N_("Domain “%s” cannot be shut down: it is %s."),
      .unsupported = N_("The “%s” backend cannot shut down domains."),
      .run = run_uuid),
  OP (DOMAIN_REBOOT, .name = "domain-reboot", .entry = ENTRY (domain_reboot),
      .changes_node = TRUE, .states = STATE (RUNNING),
      .state_message = N_("Domain “%s” cannot be rebooted: it is %s."),
      .unsupported = N_("The “%s” backend cannot reboot domains."),
      .run = run_uuid),
  OP (DOMAIN_DESTROY, .name = "domain-destroy", .entry = ENTRY (domain_destroy),
      .changes_node = TRUE, .states = ACTIVE,
      .state_message = N_("Domain “%s” cannot be destroyed: it is %s."),
      .unsupported = N_("The “%s” backend cannot destroy domains."),
      .run = run_uuid),
  OP (DOMAIN_SUSPEND, .name = "domain-suspend", .entry = ENTRY (domain_suspend),
      .changes_node = TRUE, .states = STATE (RUNNING),
      .state_message = N_("Domain “%s” cannot be suspended: it is %s."),
      .unsupported = N_("The “%s” backend cannot suspend domains."),
      .run = run_uuid),
  OP (DOMAIN_RESUME, .name = "domain-resume", .entry = ENTRY (domain_resume),
      .changes_node = TRUE, .states = STATE (PAUSED),
      .state_message = N_("Domain “%s” cannot be resumed: it is %s, not paused."),
      .unsupported = N_("The “%s” backend cannot resume domains."),
      .run = run_uuid),
  OP (DOMAIN_SAVE, .name = "domain-save", .entry = ENTRY (domain_save),
      .changes_node = TRUE, .states = ACTIVE,
      .state_message = N_("Domain “%s” cannot be saved: it is %s."),
      .unsupported = N_("The “%s” backend cannot save domains."),
      .run = run_uuid_path),
  OP (DOMAIN_CORE_DUMP, .name = "domain-core-dump", .entry = ENTRY (domain_core_dump),
      .changes_node = TRUE, .states = ACTIVE,
      .state_message = N_("Domain “%s” cannot be dumped: it is %s."),
      .unsupported = N_("The “%s” backend cannot dump the core of domains."),
      .run = run_uuid_path),
  OP (DOMAIN_UNDEFINE, .name = "domain-undefine", .entry = ENTRY (domain_undefine),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot undefine domains."),
      .run = run_uuid),
  OP (DOMAIN_SET_MEMORY, .name = "domain-set-memory", .entry = ENTRY (domain_set_memory),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot change the memory of domains."),
      .value_max = GVIRT_MEMORY_KIB_MAX,
      .range_message = N_("The memory of domain “%s” cannot be set to %" G_GUINT64_FORMAT
                          " KiB: it must be from 1 to %" G_GUINT64_FORMAT " KiB."),
      .run = run_uuid_kib),
  OP (DOMAIN_SET_MAX_MEMORY, .name = "domain-set-max-memory", .entry = ENTRY (domain_set_max_memory),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot change the maximum memory of domains."),
      .value_max = GVIRT_MEMORY_KIB_MAX,
      .range_message = N_("The maximum memory of domain “%s” cannot be set to %" G_GUINT64_FORMAT
                          " KiB: it must be from 1 to %" G_GUINT64_FORMAT " KiB."),
      .run = run_uuid_kib),
  OP (DOMAIN_SET_VCPUS, .name = "domain-set-vcpus", .entry = ENTRY (domain_set_vcpus),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot change the vCPUs of domains."),
      .run = run_uuid_uint),
  OP (DOMAIN_PIN_VCPU, .name = "domain-pin-vcpu", .entry = ENTRY (domain_pin_vcpu),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot pin vCPUs."),
      .run = run_pin),
  OP (DOMAIN_SET_AUTOSTART, .name = "domain-set-autostart", .entry = ENTRY (domain_set_autostart),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot change autostart of domains."),
      .run = run_uuid_bool),
  OP (DOMAIN_GET_INFO, .name = "domain-get-info", .entry = ENTRY (domain_get_info),
      .unsupported = N_("The “%s” backend cannot report domain information."),
      .run = run_uuid_query, .result_free = (GDestroyNotify) gvirt_domain_info_free),
  OP (DOMAIN_GET_VCPU_INFO, .name = "domain-get-vcpu-info", .entry = ENTRY (domain_get_vcpu_info),
      .unsupported = N_("The “%s” backend cannot report vCPU information."),
      .run = run_uuid_query, .result_free = (GDestroyNotify) g_ptr_array_unref),
  OP (DOMAIN_GET_CONFIG, .name = "domain-get-config", .entry = ENTRY (domain_get_config),
      .unsupported = N_("The “%s” backend cannot describe domains."),
      .run = run_uuid_flags, .result_free = g_object_unref),
  OP (DOMAIN_GET_XML, .name = "domain-get-xml", .entry = ENTRY (domain_get_xml),
      .fallback = ENTRY (domain_get_config),
      .unsupported = N_("The “%s” backend cannot describe domains."),
      .run = run_domain_xml, .result_free = g_free),

  OP (NETWORK_START, .name = "network-start", .entry = ENTRY (network_start),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot start networks."),
      .run = run_uuid),
  OP (NETWORK_DESTROY, .name = "network-destroy", .entry = ENTRY (network_destroy),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot destroy networks."),
      .run = run_uuid),
  OP (NETWORK_UNDEFINE, .name = "network-undefine", .entry = ENTRY (network_undefine),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot undefine networks."),
      .run = run_uuid),
  OP (NETWORK_SET_AUTOSTART, .name = "network-set-autostart", .entry = ENTRY (network_set_autostart),
      .changes_node = TRUE,
      .unsupported = N_("The “%s” backend cannot change autostart of networks."),
      .run = run_uuid_bool),
  OP (NETWORK_GET_CONFIG, .name = "network-get-config", .entry = ENTRY (network_get_config),
      .unsupported = N_("The “%s” backend cannot describe networks."),
      .run = run_uuid_query, .result_free = g_object_unref),
  OP (NETWORK_GET_XML, .name = "network-get-xml", .entry = ENTRY (network_get_config),
      .unsupported = N_("The “%s” backend cannot describe networks."),
      .run = run_network_xml, .result_free = g_free),
};

#undef OP
#undef ENTRY
#undef ACTIVE
#undef STATE

const GVirtOperationInfo *
_gvirt_operation_info (GVirtOperation operation)
{
  g_return_val_if_fail ((guint) operation < G_N_ELEMENTS (operations), NULL);

  return &operations[operation];
}

gpointer
_gvirt_operation_lookup_entry (const GVirtOperationInfo *info,
                               GVirtBackend             *backend)
{
  GVirtBackendInterface *iface = GVIRT_BACKEND_GET_IFACE (backend);
  gpointer entry = G_STRUCT_MEMBER (gpointer, iface, info->entry);

  if (entry == NULL && info->fallback != 0)
    entry = G_STRUCT_MEMBER (gpointer, iface, info->fallback);
  return entry;
}

/**
 * gvirt_operation_get_name:
 * @operation: a #GVirtOperation
 *
 * Gets the short name of @operation, such as "domain-suspend".
 *
 * Returns: (transfer none): the operation's name
 */
const char *
gvirt_operation_get_name (GVirtOperation operation)
{
  const GVirtOperationInfo *info = _gvirt_operation_info (operation);

  return info != NULL ? info->name : NULL;
}

/**
 * gvirt_operation_changes_node:
 * @operation: a #GVirtOperation
 *
 * Tells whether @operation changes the node (a domain's state, a
 * definition, ...): those are refused on a connection opened with
 * %GVIRT_CONNECTION_READ_ONLY.
 *
 * Returns: %TRUE when @operation changes the node
 */
gboolean
gvirt_operation_changes_node (GVirtOperation operation)
{
  const GVirtOperationInfo *info = _gvirt_operation_info (operation);

  return info != NULL && info->changes_node;
}

/**
 * gvirt_operation_allows_state:
 * @operation: a #GVirtOperation
 * @state: a domain's state
 *
 * Tells whether a domain in @state may take @operation: a shut-off domain
 * can be started, a running one suspended, a paused one resumed, and so
 * on. Operations that do not depend on the state allow every state.
 *
 * Returns: %TRUE when @state permits @operation
 */
gboolean
gvirt_operation_allows_state (GVirtOperation   operation,
                              GVirtDomainState state)
{
  const GVirtOperationInfo *info = _gvirt_operation_info (operation);

  if (info == NULL)
    return FALSE;
  return info->states == 0 || (info->states & (1u << state)) != 0;
}

/**
 * gvirt_operation_check_state:
 * @operation: a #GVirtOperation
 * @domain_name: the name of the domain, for the message
 * @state: the domain's state
 * @error: return location for a #GError
 *
 * Like gvirt_operation_allows_state(), with the error a refusal gives: a
 * backend calls this with the domain's state under its own lock, so that
 * every backend refuses the same states in the same words.
 *
 * Returns: %TRUE when @state permits @operation; %FALSE with
 *   %GVIRT_ERROR_INVALID_STATE otherwise
 */
gboolean
gvirt_operation_check_state (GVirtOperation     operation,
                             const char        *domain_name,
                             GVirtDomainState   state,
                             GError           **error)
{
  const GVirtOperationInfo *info = _gvirt_operation_info (operation);

  g_return_val_if_fail (info != NULL, FALSE);

  if (gvirt_operation_allows_state (operation, state))
    return TRUE;
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE, _(info->state_message),
               domain_name, gvirt_domain_state_get_label (state));
  return FALSE;
}

/* The dispatcher */

typedef struct {
  const GVirtOperationInfo *info;
  GVirtConnection          *connection;   /* sync: borrowed; async: found in the thread */
  char                     *uuid;
  GVirtOperationArgs        args;
} OperationCall;

/* The library's range of a value (GVIRT_MEMORY_KIB_MAX), the same for
 * every backend; a backend refuses what is outside its own narrower one. */
static gboolean
check_value (const GVirtOperationInfo  *info,
             gpointer                   source,
             const GVirtOperationArgs  *args,
             GError                   **error)
{
  if (info->value_max == 0 || (args->value >= 1 && args->value <= info->value_max))
    return TRUE;
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, _(info->range_message),
               gvirt_domain_get_name (source), args->value, info->value_max);
  return FALSE;
}

/* Checks the connection, the entry point and the value, then runs the operation. */
static gpointer
operation_call_func (gpointer       source,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  OperationCall *call = data;
  const GVirtOperationInfo *info = call->info;
  gpointer entry;
  g_autoptr(GVirtBackend) backend = _gvirt_connection_ref_backend (call->connection, info, &entry, error);

  if (backend == NULL || !check_value (info, source, &call->args, error))
    return NULL;
  return info->run (info, entry, backend, call->connection, call->uuid, &call->args,
                    cancellable, error);
}

gpointer
_gvirt_operation_call_sync (GVirtConnection           *connection,
                            gpointer                   source,
                            GVirtOperation             operation,
                            const char                *uuid,
                            const GVirtOperationArgs  *args,
                            GCancellable              *cancellable,
                            GError                   **error)
{
  static const GVirtOperationArgs no_args;
  OperationCall call = {
    .info = _gvirt_operation_info (operation),
    .connection = connection,
    .uuid = (char *) uuid,
    .args = args != NULL ? *args : no_args,
  };

  return _gvirt_connection_run_sync (connection, source, operation_call_func, &call,
                                     cancellable, error);
}

static void
operation_call_free (OperationCall *call)
{
  g_clear_object (&call->connection);
  g_free (call->uuid);
  g_free ((char *) call->args.path);
  g_free ((guint *) call->args.cpus);
  g_clear_object (&call->args.config);
  g_free (call);
}

/* In the worker thread: the connection of the call's source, if it still
 * exists (a domain or network does not keep its connection alive). */
static gpointer
operation_thread_func (gpointer       source,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  OperationCall *call = data;

  if (GVIRT_IS_CONNECTION (source))
    call->connection = g_object_ref (source);
  else if (GVIRT_IS_DOMAIN (source))
    call->connection = gvirt_domain_get_connection (source);
  else
    call->connection = gvirt_network_get_connection (source);
  return operation_call_func (source, call, cancellable, error);
}

void
_gvirt_operation_call_async (gpointer                   source,
                             GVirtOperation             operation,
                             const char                *uuid,
                             const GVirtOperationArgs  *args,
                             GCancellable              *cancellable,
                             GAsyncReadyCallback        callback,
                             gpointer                   user_data,
                             gpointer                   source_tag)
{
  OperationCall *call = g_new0 (OperationCall, 1);

  call->info = _gvirt_operation_info (operation);
  call->uuid = g_strdup (uuid);
  if (args != NULL)
    {
      call->args = *args;
      call->args.path = g_strdup (args->path);
      call->args.cpus = args->n_cpus ? g_memdup2 (args->cpus, args->n_cpus * sizeof (guint)) : NULL;
      call->args.config = args->config ? g_object_ref (args->config) : NULL;
    }
  _gvirt_task_run_async (source, operation_thread_func, call, (GDestroyNotify) operation_call_free,
                         call->info->result_free, cancellable, callback, user_data, source_tag);
}
