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



enum {
  PROP_0,
  PROP_URI,
  PROP_FLAGS,
  PROP_READ_ONLY,
  PROP_BACKEND_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint _gvirt_connection_signals[CONNECTION_N_SIGNALS];

static void gvirt_connection_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GVirtConnection, gvirt_connection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, gvirt_connection_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_ASYNC_INITABLE, NULL))

/* Opening */


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

  _gvirt_connection_listen (self, backend);

  if (!GVIRT_BACKEND_GET_IFACE (backend)->open (backend, uri, self->flags, cancellable, error))
    {
      _gvirt_connection_unlisten (self, backend);
      return FALSE;
    }

  self->backend = g_steal_pointer (&backend);
  if (!_gvirt_connection_list_objects (self, error))
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
 * gvirt_connection_open_sync: (async-func open_async)
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
 * gvirt_connection_open_async: (finish-func open_finish) (sync-func open_sync)
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
      _gvirt_connection_unlisten (self, backend);
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
 * %GVIRT_ERROR_CLOSED. Lookups (gvirt_connection_find_domain_by_name() …)
 * find nothing from then on, and gvirt_connection_get_domains() and
 * gvirt_connection_get_networks() become empty (one
 * #GListModel::items-changed each, on the connection's main context;
 * #GVirtConnection::domain-removed is not emitted, as the domains still
 * exist on the node). Domains and networks the caller holds stay valid
 * objects whose operations fail with %GVIRT_ERROR_CLOSED. Emits
 * #GVirtConnection::closed once. Closing twice does nothing.
 */
void
gvirt_connection_close (GVirtConnection *self)
{
  g_return_if_fail (GVIRT_IS_CONNECTION (self));

  if (self->closed)
    return;
  close_backend (self);
  _gvirt_connection_forget_objects (self);
  g_signal_emit (self, _gvirt_connection_signals[CONNECTION_CLOSED], 0);
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
_gvirt_connection_ref_backend (GVirtConnection           *self,
                               const GVirtOperationInfo  *info,
                               gpointer                  *entry,
                               GError                   **error)
{
  g_autoptr(GVirtBackend) backend = NULL;
  gpointer found;

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
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED,
                   _("The connection to “%s” is closed."), self->uri);
      return NULL;
    }
  if (info == NULL)
    return g_steal_pointer (&backend);
  if (info->changes_node && (self->flags & GVIRT_CONNECTION_READ_ONLY))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY,
                   _("The connection to “%s” is read-only; open it without the read-only flag to make changes."),
                   self->uri);
      return NULL;
    }
  found = _gvirt_operation_lookup_entry (info, backend);
  if (found == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED, _(info->unsupported),
                   self->backend_name);
      return NULL;
    }
  if (entry != NULL)
    *entry = found;
  return g_steal_pointer (&backend);
}

/**
 * gvirt_connection_check_operation:
 * @self: a #GVirtConnection
 * @operation: a #GVirtOperation
 * @error: return location for a #GError
 *
 * Tells whether @operation can be called on this connection at all: the
 * connection is open, its backend implements @operation, and a read-only
 * connection is asked for nothing that changes the node. This is the check
 * every call makes first; an application uses it to offer only what works,
 * gvirsh to refuse a command before it reads its files.
 *
 * Returns: %TRUE when @operation can be called; %FALSE with
 *   %GVIRT_ERROR_CLOSED, %GVIRT_ERROR_READ_ONLY or %GVIRT_ERROR_UNSUPPORTED
 */
gboolean
gvirt_connection_check_operation (GVirtConnection  *self,
                                  GVirtOperation    operation,
                                  GError          **error)
{
  g_autoptr(GVirtBackend) backend = NULL;

  g_return_val_if_fail (GVIRT_IS_CONNECTION (self), FALSE);
  g_return_val_if_fail (_gvirt_operation_info (operation) != NULL, FALSE);

  backend = _gvirt_connection_ref_backend (self, _gvirt_operation_info (operation), NULL, error);
  return backend != NULL;
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

  backend = _gvirt_connection_ref_backend (self, NULL, NULL, error);
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

  _gvirt_connection_objects_clear (self);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->thread, g_thread_unref);
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
  _gvirt_connection_signals[CONNECTION_DOMAIN_ADDED] =
    g_signal_new ("domain-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_DOMAIN);

  /**
   * GVirtConnection::domain-removed:
   * @self: the connection
   * @domain: the domain that is gone
   *
   * A domain left the node: undefined, or a transient domain that stopped.
   */
  _gvirt_connection_signals[CONNECTION_DOMAIN_REMOVED] =
    g_signal_new ("domain-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_DOMAIN);

  /**
   * GVirtConnection::network-added:
   * @self: the connection
   * @network: the new network
   *
   * A network appeared on the node.
   */
  _gvirt_connection_signals[CONNECTION_NETWORK_ADDED] =
    g_signal_new ("network-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_NETWORK);

  /**
   * GVirtConnection::network-removed:
   * @self: the connection
   * @network: the network that is gone
   *
   * A network left the node.
   */
  _gvirt_connection_signals[CONNECTION_NETWORK_REMOVED] =
    g_signal_new ("network-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GVIRT_TYPE_NETWORK);

  /**
   * GVirtConnection::closed:
   * @self: the connection
   *
   * The connection was closed with gvirt_connection_close().
   */
  _gvirt_connection_signals[CONNECTION_CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gvirt_connection_init (GVirtConnection *self)
{
  g_mutex_init (&self->lock);
  _gvirt_connection_objects_init (self);
}
