/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Reads test node descriptions: the built-in test:///default node and node files. */
#include "config.h"

#include <string.h>
#include <libxml/tree.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-test-node-private.h"
#include "libvirt-gobject/config/gvirt-capabilities.h"
#include "gvirt-test-xml-private.h"
#include "gvirt-test-resources.h"

#define RESOURCE_DIR "/org/gnome/GVirt/test/"

/* The node of libvirt's test:///default, used for what a node file leaves out. */
static const GVirtNodeInfo default_info = {
  (char *) "i686", 3 * 1024 * 1024, 16, 1400, 2, 2, 2, 2
};

static void
node_domain_free (gpointer data)
{
  GVirtTestNodeDomain *d = data;

  g_clear_object (&d->config);
  g_free (d);
}

static void
node_network_free (gpointer data)
{
  GVirtTestNodeNetwork *n = data;

  g_clear_object (&n->config);
  g_free (n);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtTestNodeDomain, node_domain_free)

void
_gvirt_test_node_free (GVirtTestNode *node)
{
  if (node == NULL)
    return;
  gvirt_node_info_free (node->info);
  g_free (node->capabilities_xml);
  g_ptr_array_unref (node->domains);
  g_ptr_array_unref (node->networks);
  g_free (node);
}

static GBytes *
lookup_resource (const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);

  return g_resource_lookup_data (gvirt_test_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/* The built-in capabilities, with the host's processors and memory as
 * @info counts them, and without the data file's SPDX and purpose
 * comments. A node file's own <capabilities> is reported as it is written. */
char *
_gvirt_test_default_capabilities (const GVirtNodeInfo *info,
                                  GError             **error)
{
  g_autoptr(GBytes) bytes = lookup_resource ("capabilities.xml", error);
  g_autoptr(GVirtCapabilities) caps = NULL;
  g_autofree char *element = NULL;
  gsize len;
  const char *data;
  xmlDocPtr doc;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  doc = _gvirt_xml_parse (data, (gssize) len, error);
  if (doc == NULL)
    return NULL;
  element = _gvirt_test_xml_node_to_string (xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
  caps = gvirt_capabilities_new_from_xml (element, error);
  if (caps == NULL)
    return NULL;
  gvirt_capabilities_set_host_topology (caps, info);
  return gvirt_capabilities_to_xml (caps);
}

/* The loading context: the file (for messages) and its directory (for file=). */
typedef struct {
  const char *label;
  const char *base_dir;   /* NULL: file references are refused */
  char        quote;      /* of the node file's attributes */
} LoadCtx;

static gboolean
fail_at (const LoadCtx *ctx, xmlNodePtr node, GError **error, const char *what)
{
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
               _("Test node file “%s”, line %ld: %s"),
               ctx->label, (long) xmlGetLineNo (node), what);
  return FALSE;
}

static gboolean
parse_uint (const LoadCtx *ctx, xmlNodePtr node, guint64 min, guint64 max,
            guint64 *out, GError **error)
{
  g_autofree char *raw = (char *) xmlNodeGetContent (node);
  g_autofree char *text = g_strstrip (g_strdup (raw != NULL ? raw : ""));

  if (!g_ascii_string_to_unsigned (text, 10, min, max, out, NULL))
    {
      g_autofree char *what =
        g_strdup_printf (_("The element <%s> must be a whole number from %" G_GUINT64_FORMAT
                           " to %" G_GUINT64_FORMAT ", not “%s”."),
                         (const char *) node->name, min, max, text);
      return fail_at (ctx, node, error, what);
    }
  return TRUE;
}

static gboolean
parse_cpu (const LoadCtx *ctx, xmlNodePtr cpu, GVirtNodeInfo *info, GError **error)
{
  for (xmlNodePtr c = cpu->children; c != NULL; c = c->next)
    {
      const char *name = (const char *) c->name;
      guint64 v;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal (name, "model"))
        {
          g_autofree char *raw = (char *) xmlNodeGetContent (c);
          g_autofree char *text = g_strstrip (g_strdup (raw != NULL ? raw : ""));

          if (*text == '\0')
            return fail_at (ctx, c, error, _("The CPU model is empty."));
          g_free (info->model);
          info->model = g_steal_pointer (&text);
          continue;
        }
      if (g_str_equal (name, "mhz"))
        {
          if (!parse_uint (ctx, c, 1, G_MAXUINT, &v, error))
            return FALSE;
          info->mhz = v;
        }
      else if (g_str_equal (name, "active"))
        {
          if (!parse_uint (ctx, c, 1, GVIRT_TEST_MAX_CPUS, &v, error))
            return FALSE;
          info->cpus = v;
        }
      else if (g_str_equal (name, "nodes") || g_str_equal (name, "sockets") ||
               g_str_equal (name, "cores") || g_str_equal (name, "threads"))
        {
          if (!parse_uint (ctx, c, 1, GVIRT_TEST_MAX_CPUS, &v, error))
            return FALSE;
          if (name[0] == 'n')
            info->nodes = v;
          else if (name[0] == 's')
            info->sockets = v;
          else if (name[0] == 'c')
            info->cores = v;
          else
            info->threads = v;
        }
      /* Other elements are ignored, as libvirt's test driver did. */
    }
  return TRUE;
}

/*
 * A size with libvirt's unit= (as the config model reads <memory>), in KiB
 * rounded up: none or k/KiB is KiB; b, byte, bytes; KB, MB… are powers of
 * 1000, k, M, MiB… of 1024, up to E. @text is stripped already.
 */
static gboolean
parse_scaled_kib (const char *text,
                  const char *unit,
                  guint64    *kib)
{
  static const char powers[] = "bkmgtpe";
  const char *p;
  guint64 value, base = 1024, scale = 1;
  guint power;

  if (text[0] == '\0' || text[0] == '-' || text[0] == '+' ||
      !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &value, NULL))
    return FALSE;
  if (unit == NULL || *unit == '\0')
    {
      *kib = value;
      return TRUE;
    }
  if (g_ascii_strcasecmp (unit, "bytes") == 0 || g_ascii_strcasecmp (unit, "byte") == 0)
    power = 0;
  else
    {
      p = strchr (powers, g_ascii_tolower (unit[0]));
      if (p == NULL)
        return FALSE;
      power = p - powers;
      if (unit[1] == '\0' || g_ascii_strcasecmp (unit + 1, "iB") == 0)
        base = 1024;
      else if (power > 0 && g_ascii_tolower (unit[1]) == 'b' && unit[2] == '\0')
        base = 1000;
      else
        return FALSE;
    }
  for (guint i = 0; i < power; i++)
    scale *= base;
  if (value != 0 && scale > G_MAXUINT64 / value)
    return FALSE;
  value *= scale;
  *kib = value / 1024 + (value % 1024 != 0);
  return TRUE;
}

static gboolean
parse_memory (const LoadCtx *ctx, xmlNodePtr mem, GVirtNodeInfo *info, GError **error)
{
  g_autofree char *raw = (char *) xmlNodeGetContent (mem);
  g_autofree char *text = g_strstrip (g_strdup (raw != NULL ? raw : ""));
  g_autofree char *unit = (char *) xmlGetProp (mem, (const xmlChar *) "unit");
  guint64 kib = 0;

  if (!parse_scaled_kib (text, unit, &kib) || kib == 0)
    {
      g_autofree char *what =
        g_strdup_printf (_("The node memory “%s” is not a positive size in KiB."), text);
      return fail_at (ctx, mem, error, what);
    }
  info->memory = kib;
  return TRUE;
}

/* Reads a yes/no (or enumerated) attribute of a node-file element. */
static gboolean
parse_choice (const LoadCtx *ctx, xmlNodePtr node, const char *attr,
              const char * const *choices, gint def, gint *out, GError **error)
{
  g_autofree char *value = (char *) xmlGetProp (node, (const xmlChar *) attr);

  *out = def;
  if (value == NULL)
    return TRUE;
  for (gint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (value, choices[i]))
      {
        *out = i;
        return TRUE;
      }
  {
    g_autofree char *allowed = g_strjoinv ("”, “", (char **) choices);
    g_autofree char *what =
      g_strdup_printf (_("The attribute %s=“%s” of <%s> must be one of “%s”."),
                       attr, value, (const char *) node->name, allowed);
    return fail_at (ctx, node, error, what);
  }
}

static const char * const yes_no[] = { "no", "yes", NULL };
static const char * const domain_states[] = { "running", "paused", "shutoff", NULL };

/*
 * Gives the element a domain or network is read from: the root of the
 * referenced file for <domain file=…/>, or a copy of the inline element
 * without the node-file attributes, in a document of its own (*owned);
 * *quote is that of the file it comes from.
 */
static xmlNodePtr
resolve_element (const LoadCtx *ctx, xmlNodePtr node, const char *kind,
                 xmlDocPtr *owned, char **path_out, char *quote, GError **error)
{
  g_autofree char *file = (char *) xmlGetProp (node, (const xmlChar *) "file");
  g_autoptr(GError) local = NULL;
  xmlNodePtr root;

  if (file != NULL)
    {
      g_autofree char *path = NULL;

      if (ctx->base_dir == NULL && !g_path_is_absolute (file))
        {
          fail_at (ctx, node, error, _("Relative file references are not allowed here."));
          return NULL;
        }
      path = g_path_is_absolute (file) ? g_strdup (file)
                                       : g_build_filename (ctx->base_dir, file, NULL);
      *owned = _gvirt_test_xml_parse_file (path, quote, &local);
      if (*owned == NULL)
        {
          if (local->domain != GVIRT_ERROR)
            /* Missing, unreadable, not a file, too large: the URI names no usable node. */
            g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI,
                         _("Test node file “%s”, line %ld, refers to the file “%s”, which cannot be read: %s"),
                         ctx->label, (long) xmlGetLineNo (node), path, local->message);
          else
            g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                        _("In the file referenced by test node file “%s”, line %ld: "),
                                        ctx->label, (long) xmlGetLineNo (node));
          return NULL;
        }
      root = xmlDocGetRootElement (*owned);
      if (root == NULL || !xmlStrEqual (root->name, (const xmlChar *) kind))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                       _("The file “%s” referenced by test node file “%s” is not a <%s> description."),
                       path, ctx->label, kind);
          return NULL;
        }
      *path_out = g_steal_pointer (&path);
      return root;
    }

  *quote = ctx->quote;
  *owned = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlDocCopyNode (node, *owned, 1);
  xmlDocSetRootElement (*owned, root);
  /* keep the namespace declarations the element inherited from the node file */
  xmlReconciliateNs (*owned, root);
  /* The node-file attributes are not part of the domain or network XML. */
  xmlUnsetProp (root, (const xmlChar *) "state");
  xmlUnsetProp (root, (const xmlChar *) "active");
  xmlUnsetProp (root, (const xmlChar *) "autostart");
  return root;
}

static gboolean
prefix_inline_error (const LoadCtx *ctx, xmlNodePtr node, const char *path,
                     GError **error)
{
  if (path != NULL)
    g_prefix_error (error, _("Cannot load “%s” referenced by test node file “%s”: "),
                    path, ctx->label);
  else
    g_prefix_error (error, _("Test node file “%s”, line %ld: "),
                    ctx->label, (long) xmlGetLineNo (node));
  return FALSE;
}

static gboolean
parse_domain (const LoadCtx *ctx, xmlNodePtr node, GVirtTestNode *out, GError **error)
{
  g_autoptr(GVirtTestNodeDomain) d = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  xmlDocPtr owned = NULL;
  char quote;
  xmlNodePtr root;
  gint state, autostart;
  GVirtDomainConfig *config;

  if (!parse_choice (ctx, node, "state", domain_states, 0, &state, error) ||
      !parse_choice (ctx, node, "autostart", yes_no, 0, &autostart, error))
    return FALSE;

  root = resolve_element (ctx, node, "domain", &owned, &path, &quote, error);
  if (root == NULL)
    {
      if (owned != NULL)
        xmlFreeDoc (owned);
      return FALSE;
    }
  xml = _gvirt_test_xml_element_to_string (root, quote);
  xmlFreeDoc (owned);
  config = gvirt_domain_config_new_from_xml (xml, error);
  if (config == NULL)
    return prefix_inline_error (ctx, node, path, error);

  d = g_new0 (GVirtTestNodeDomain, 1);
  d->config = config;
  d->state = state == 0 ? GVIRT_DOMAIN_STATE_RUNNING
           : state == 1 ? GVIRT_DOMAIN_STATE_PAUSED
           : GVIRT_DOMAIN_STATE_SHUTOFF;
  d->autostart = autostart;
  g_ptr_array_add (out->domains, g_steal_pointer (&d));
  return TRUE;
}

static gboolean
parse_network (const LoadCtx *ctx, xmlNodePtr node, GVirtTestNode *out, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  xmlDocPtr owned = NULL;
  char quote;
  xmlNodePtr root;
  gint active, autostart;
  GVirtNetworkConfig *config;
  GVirtTestNodeNetwork *n;

  if (!parse_choice (ctx, node, "active", yes_no, 1, &active, error) ||
      !parse_choice (ctx, node, "autostart", yes_no, 0, &autostart, error))
    return FALSE;

  root = resolve_element (ctx, node, "network", &owned, &path, &quote, error);
  if (root == NULL)
    {
      if (owned != NULL)
        xmlFreeDoc (owned);
      return FALSE;
    }
  xml = _gvirt_test_xml_element_to_string (root, quote);
  xmlFreeDoc (owned);
  config = gvirt_network_config_new_from_xml (xml, error);
  if (config == NULL)
    return prefix_inline_error (ctx, node, path, error);

  n = g_new0 (GVirtTestNodeNetwork, 1);
  n->config = config;
  n->active = active;
  n->autostart = autostart;
  g_ptr_array_add (out->networks, n);
  return TRUE;
}

static GVirtTestNode *
load_doc (const LoadCtx *ctx, xmlDocPtr doc, GError **error)
{
  g_autoptr(GVirtTestNode) node = g_new0 (GVirtTestNode, 1);
  xmlNodePtr root = xmlDocGetRootElement (doc);

  node->info = gvirt_node_info_copy (&default_info);
  node->domains = g_ptr_array_new_with_free_func (node_domain_free);
  node->networks = g_ptr_array_new_with_free_func (node_network_free);

  if (root == NULL || !xmlStrEqual (root->name, (const xmlChar *) "node"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                   _("Test node file “%s” does not describe a node: its root element must be <node>."),
                   ctx->label);
      return NULL;
    }

  for (xmlNodePtr c = root->children; c != NULL; c = c->next)
    {
      gboolean ok = TRUE;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (c->name, (const xmlChar *) "cpu"))
        ok = parse_cpu (ctx, c, node->info, error);
      else if (xmlStrEqual (c->name, (const xmlChar *) "memory"))
        ok = parse_memory (ctx, c, node->info, error);
      else if (xmlStrEqual (c->name, (const xmlChar *) "domain"))
        ok = parse_domain (ctx, c, node, error);
      else if (xmlStrEqual (c->name, (const xmlChar *) "network"))
        ok = parse_network (ctx, c, node, error);
      else if (xmlStrEqual (c->name, (const xmlChar *) "capabilities"))
        {
          g_free (node->capabilities_xml);
          node->capabilities_xml = _gvirt_test_xml_node_to_string (c);
        }
      /* Unknown elements are ignored, as libvirt's test driver did. */
      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&node);
}

GVirtTestNode *
_gvirt_test_node_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = lookup_resource ("default.xml", error);
  LoadCtx ctx = { "test:///default", NULL, '"' };
  GVirtTestNode *node;
  xmlDocPtr doc;
  gsize len;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  doc = _gvirt_xml_parse (data, len, error);
  if (doc == NULL)
    return NULL;
  ctx.quote = _gvirt_xml_detect_quote (data, len);
  node = load_doc (&ctx, doc, error);
  xmlFreeDoc (doc);
  return node;
}

GVirtTestNode *
_gvirt_test_node_load_file (const char *path,
                            GError    **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) local = NULL;
  GVirtTestNode *node;
  LoadCtx ctx;
  xmlDocPtr doc;

  doc = _gvirt_test_xml_parse_file (path, &ctx.quote, &local);
  if (doc == NULL)
    {
      if (local->domain != GVIRT_ERROR)
        {
          /* Missing, unreadable, not a file, too large: the URI names no usable node. */
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_URI,
                       _("Cannot read test node file “%s”: %s"), path, local->message);
          return NULL;
        }
      /* The parser's message names the file already, with the line. */
      if (strstr (local->message, path) != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                    _("Cannot load test node file “%s”: "), path);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  ctx.label = path;
  ctx.base_dir = dir;
  node = load_doc (&ctx, doc, error);
  xmlFreeDoc (doc);
  return node;
}
