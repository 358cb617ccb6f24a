/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtTestBackend: a complete in-memory hypervisor, loaded as the "test" GIO module. */
#include "config.h"

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "libvirt-gobject/gvirt-uuid-hash-private.h"
#include "gvirt-test-backend-private.h"
#include "gvirt-test-node-private.h"

/*
 * One instance is one node. A single mutex guards the whole node; every
 * entry point takes it, changes the node, queues the events its change
 * caused and, after unlocking, emits the queued events in order (see
 * _gvirt_test_unlock_and_emit()).
 */

static void gvirt_test_backend_iface_init (GVirtBackendInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (GVirtTestBackend, gvirt_test_backend, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (GVIRT_TYPE_BACKEND,
                                                               gvirt_test_backend_iface_init))

/* ---- Small helpers ------------------------------------------------------ */

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

/* ---- Entry and lookup ----------------------------------------------------- */

/* Locks the node for an operation; on failure the node is left unlocked. */
gboolean
_gvirt_test_enter (GVirtTestBackend  *self,
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
  /* Changes on a read-only connection never get here: the library's
   * operation table refuses them. */
  return TRUE;
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
      (self->capabilities_xml = _gvirt_test_default_capabilities (node->info, error)) == NULL)
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
      dom = _gvirt_test_new_domain (def, TRUE);
      dom->autostart = d->autostart;
      _gvirt_test_add_domain (self, dom);
      if (d->state != GVIRT_DOMAIN_STATE_SHUTOFF)
        _gvirt_test_boot_domain (self, dom, NULL, d->state);
    }

  for (guint i = 0; i < node->networks->len; i++)
    {
      GVirtTestNodeNetwork *n = g_ptr_array_index (node->networks, i);
      TestNetwork *net;

      /* Bridges are assigned once every explicit one is known. */
      if (!_gvirt_test_normalize_network_config (self, n->config, FALSE, &local))
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
      net = _gvirt_test_new_network (n->config, TRUE);
      net->autostart = n->autostart;
      if (n->active)
        net->live = gvirt_network_config_copy (net->config);
      _gvirt_test_add_network (self, net);
    }
  for (guint i = 0; i < self->network_order->len; i++)
    {
      TestNetwork *net = g_ptr_array_index (self->network_order, i);

      _gvirt_test_assign_bridge (self, net->config);
      if (net->live != NULL)
        _gvirt_test_assign_bridge (self, net->live);
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
  _gvirt_event_queue_drop (self->events);
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

  if (!_gvirt_test_enter (self, cancellable, error))
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

  if (!_gvirt_test_enter (self, cancellable, error))
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

  if (!_gvirt_test_enter (self, NULL, error))
    return NULL;
  list = g_ptr_array_new_full (self->domain_order->len,
                               (GDestroyNotify) gvirt_domain_record_free);
  for (guint i = 0; i < self->domain_order->len; i++)
    g_ptr_array_add (list, _gvirt_test_domain_record (g_ptr_array_index (self->domain_order, i)));
  g_mutex_unlock (&self->lock);
  return list;
}

static GPtrArray *
gvirt_test_backend_list_networks (GVirtBackend *backend, GError **error)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (backend);
  GPtrArray *list;

  if (!_gvirt_test_enter (self, NULL, error))
    return NULL;
  list = g_ptr_array_new_full (self->network_order->len,
                               (GDestroyNotify) gvirt_network_record_free);
  for (guint i = 0; i < self->network_order->len; i++)
    g_ptr_array_add (list, _gvirt_test_network_record (g_ptr_array_index (self->network_order, i)));
  g_mutex_unlock (&self->lock);
  return list;
}

/* ---- GObject and module ----------------------------------------------------------- */

static void
gvirt_test_backend_finalize (GObject *object)
{
  GVirtTestBackend *self = GVIRT_TEST_BACKEND (object);

  _gvirt_event_queue_free (self->events);
  clear_node (self);
  g_ptr_array_unref (self->domain_order);
  g_ptr_array_unref (self->network_order);
  g_hash_table_unref (self->domain_names);
  g_hash_table_unref (self->network_names);
  g_hash_table_unref (self->domains);
  g_hash_table_unref (self->networks);
  g_hash_table_unref (self->saved);
  g_free (self->uri);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (gvirt_test_backend_parent_class)->finalize (object);
}

static void
gvirt_test_backend_init (GVirtTestBackend *self)
{
  g_mutex_init (&self->lock);
  self->events = _gvirt_event_queue_new (GVIRT_BACKEND (self), &self->lock);
  self->domains = g_hash_table_new_full (_gvirt_uuid_hash, g_str_equal, NULL, test_domain_free);
  self->domain_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->domain_order = g_ptr_array_new ();
  self->networks = g_hash_table_new_full (_gvirt_uuid_hash, g_str_equal, NULL, test_network_free);
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
  _gvirt_test_domains_iface_init (iface);
  _gvirt_test_domain_resources_iface_init (iface);
  _gvirt_test_networks_iface_init (iface);
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
