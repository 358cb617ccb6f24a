/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Node helpers in the formats' child order, <metadata> of applications, and comparison by meaning. */
#include <string.h>

#include "libvirt-gobject/config/gvirt-xml-private.h"

/* ---- Node helpers -------------------------------------------------------- */

xmlNodePtr
_gvirt_xml_next_sibling (xmlNodePtr  node,
                         const char *name)
{
  for (; node != NULL; node = node->next)
    if (_gvirt_xml_is_element (node, name))
      return node;
  return NULL;
}

xmlNodePtr
_gvirt_xml_child (xmlNodePtr  node,
                  const char *name)
{
  return node != NULL ? _gvirt_xml_next_sibling (node->children, name) : NULL;
}

/* Where new children go: the order of the formats (libvirt's schemas are
 * ordered for some elements, and the rest reads better the same way). */
static const struct {
  const char *parent;
  const char *within;   /* the parent's own parent, when the name alone is ambiguous */
  const char *children[40];
} child_orders[] = {
  /* a hypervisor type of a guest in the capabilities, not a domain */
  { "domain", "arch", { "emulator", "machine", NULL } },
  { "domain", NULL, { "name", "uuid", "genid", "title", "description", "metadata", "maxMemory",
                      "memory", "currentMemory", "blkiotune", "memtune", "memoryBacking", "vcpu",
                      "vcpus", "iothreads", "cputune", "numatune", "resource", "sysinfo",
                      "bootloader", "bootloader_args", "os", "idmap", "features", "cpu", "clock",
                      "on_poweroff", "on_reboot", "on_crash", "on_lockfailure", "pm", "perf",
                      "devices", "seclabel", NULL } },
  { "os", NULL, { "type", "firmware", "loader", "nvram", "kernel", "initrd", "root", "cmdline",
                  "dtb", "boot", "bootmenu", "smbios", "bios", NULL } },
  { "devices", NULL, { "emulator", NULL } },
  { "disk", NULL, { "driver", "source", "backingStore", "target", "iotune", "boot", "readonly",
                    "shareable", "transient", "serial", "wwn", "vendor", "product", "encryption",
                    "alias", "address", NULL } },
  { "interface", NULL, { "mac", "source", "ip", "script", "target", "model", "driver", "alias",
                         "address", NULL } },
  { "serial", NULL, { "source", "protocol", "target", "alias", "address", NULL } },
  { "console", NULL, { "source", "protocol", "target", "alias", "address", NULL } },
  { "network", NULL, { "name", "uuid", "metadata", "forward", "bridge", "mtu", "mac", "domain",
                       "dns", "ip", "route", NULL } },
  { "ip", NULL, { "tftp", "dhcp", NULL } },
  { "dhcp", NULL, { "range", "host", "bootp", NULL } },
  { "capabilities", NULL, { "host", "guest", NULL } },
  { "host", NULL, { "uuid", "cpu", "power_management", "iommu", "migration_features", "topology",
                    "cache", "memory_bandwidth", "secmodel", NULL } },
  { "cpu", NULL, { "arch", "features", "model", "vendor", "microcode", "signature", "counter",
                   "topology", "maxphysaddr", "feature", "pages", NULL } },
  /* the flags of the host CPU, in the order libvirt's schema wants them */
  { "features", "cpu", { "pae", "nonpae", "vmx", "svm", NULL } },
  { "guest", NULL, { "os_type", "arch", "features", NULL } },
  { "arch", NULL, { "wordsize", "emulator", "loader", "machine", "domain", NULL } },
};

static int
child_rank (const char *const *order,
            const char        *name)
{
  int i;

  for (i = 0; order[i] != NULL; i++)
    if (strcmp (order[i], name) == 0)
      return i;
  return -1;
}

/* Adds an empty <@name> to @parent before the first child the format puts after it. */
xmlNodePtr
_gvirt_xml_new_child (xmlNodePtr  parent,
                      const char *name)
{
  xmlNodePtr node = xmlNewDocNode (parent->doc, NULL, (const xmlChar *) name, NULL);
  const char *const *order = NULL;
  xmlNodePtr child;
  gsize i;
  int rank;

  _gvirt_xml_node_changed (parent);
  for (i = 0; i < G_N_ELEMENTS (child_orders) && order == NULL; i++)
    if (strcmp (child_orders[i].parent, (const char *) parent->name) == 0 &&
        (child_orders[i].within == NULL ||
         (parent->parent != NULL && parent->parent->type == XML_ELEMENT_NODE &&
          strcmp (child_orders[i].within, (const char *) parent->parent->name) == 0)))
      order = child_orders[i].children;
  rank = order != NULL ? child_rank (order, name) : -1;
  if (rank >= 0)
    for (child = _gvirt_xml_child (parent, NULL); child != NULL;
         child = _gvirt_xml_next_sibling (child->next, NULL))
      if (child_rank (order, (const char *) child->name) > rank)
        return xmlAddPrevSibling (child, node);
  return xmlAddChild (parent, node);
}

/* The first child element of @node without a namespace named by the @len
 * bytes at @name. */
static xmlNodePtr
child_named (xmlNodePtr  node,
             const char *name,
             gsize       len)
{
  xmlNodePtr child;

  for (child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && child->ns == NULL &&
        strncmp ((const char *) child->name, name, len) == 0 && child->name[len] == '\0')
      return child;
  return NULL;
}

xmlNodePtr
_gvirt_xml_lookup (xmlNodePtr  node,
                   const char *path,
                   gboolean    create)
{
  const char *p = path;

  while (node != NULL && p != NULL && *p != '\0')
    {
      const char *slash = strchr (p, '/');
      gsize len = slash != NULL ? (gsize) (slash - p) : strlen (p);
      xmlNodePtr child = child_named (node, p, len);

      if (child == NULL && create)
        {
          g_autofree char *name = g_strndup (p, len);

          child = _gvirt_xml_new_child (node, name);
        }
      node = child;
      p = slash ? slash + 1 : NULL;
    }
  return node;
}

/* Removes @node and its ancestors below @stop while they are empty. */
void
_gvirt_xml_prune (xmlNodePtr node,
                  xmlNodePtr stop)
{
  while (node != NULL && node != stop && node->children == NULL &&
         node->properties == NULL && node->nsDef == NULL)
    {
      xmlNodePtr parent = node->parent;

      _gvirt_xml_node_changed (node);
      xmlUnlinkNode (node);
      xmlFreeNode (node);
      node = parent;
    }
}

const char *
_gvirt_xml_text (xmlNodePtr node)
{
  xmlNodePtr child;

  if (node == NULL)
    return NULL;
  for (child = node->children; child != NULL; child = child->next)
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
      return (const char *) child->content;
  return "";
}

const char *
_gvirt_xml_attr (xmlNodePtr  node,
                 const char *name)
{
  xmlAttrPtr attr;

  if (node == NULL)
    return NULL;
  attr = xmlHasNsProp (node, (const xmlChar *) name, NULL);
  if (attr == NULL)
    return NULL;
  if (attr->children != NULL && attr->children->type == XML_TEXT_NODE &&
      attr->children->next == NULL)
    return (const char *) attr->children->content;
  /* an attribute split by entity references: merge it into one text node */
  if (attr->children != NULL)
    {
      g_autofree xmlChar *value = xmlNodeGetContent ((xmlNodePtr) attr);

      _gvirt_xml_node_changed (node);
      xmlSetProp (node, attr->name, value);
      return _gvirt_xml_attr (node, name);
    }
  return "";
}

void
_gvirt_xml_set_text (xmlNodePtr  node,
                     const char *text)
{
  xmlNodePtr child = node->children;

  _gvirt_xml_node_changed (node);
  while (child != NULL)
    {
      xmlNodePtr next = child->next;

      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE ||
          child->type == XML_ENTITY_REF_NODE)
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      child = next;
    }
  if (text != NULL && *text != '\0')
    {
      xmlNodePtr t = xmlNewDocText (node->doc, (const xmlChar *) text);

      if (node->children != NULL)
        xmlAddPrevSibling (node->children, t);
      else
        xmlAddChild (node, t);
    }
}

/* Values of @attr (or the text when NULL) of every <@name> child of @parent. */
char **
_gvirt_xml_collect (xmlNodePtr  parent,
                    const char *name,
                    const char *attr)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  xmlNodePtr child;

  for (child = _gvirt_xml_child (parent, name); child != NULL;
       child = _gvirt_xml_next_sibling (child->next, name))
    {
      const char *value = attr ? _gvirt_xml_attr (child, attr) : _gvirt_xml_text (child);

      if (value != NULL)
        g_strv_builder_add (builder, value);
    }
  return g_strv_builder_end (builder);
}

/* Names of the element children of @parent (feature flags and the like). */
char **
_gvirt_xml_child_names (xmlNodePtr parent)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  xmlNodePtr child;

  for (child = _gvirt_xml_child (parent, NULL); child != NULL;
       child = _gvirt_xml_next_sibling (child->next, NULL))
    g_strv_builder_add (builder, (const char *) child->name);
  return g_strv_builder_end (builder);
}

/* Replaces the <@name> children of @parent by one per value, where the old
 * ones were, or at the end. */
void
_gvirt_xml_replace_list (xmlNodePtr          parent,
                         const char         *name,
                         const char         *attr,
                         const char * const *values)
{
  xmlNodePtr child = _gvirt_xml_child (parent, name);
  gboolean in_place = child != NULL;
  xmlNodePtr anchor = child != NULL ? child->prev : NULL;
  guint i;

  _gvirt_xml_node_changed (parent);
  while (child != NULL)
    {
      xmlNodePtr next = _gvirt_xml_next_sibling (child->next, name);

      xmlUnlinkNode (child);
      xmlFreeNode (child);
      child = next;
    }

  for (i = 0; values != NULL && values[i] != NULL; i++)
    {
      xmlNodePtr node = xmlNewDocNode (parent->doc, NULL, (const xmlChar *) name, NULL);

      if (attr != NULL)
        xmlSetProp (node, (const xmlChar *) attr, (const xmlChar *) values[i]);
      else
        _gvirt_xml_set_text (node, values[i]);

      if (anchor != NULL)
        anchor = xmlAddNextSibling (anchor, node);
      else if (in_place && parent->children != NULL)
        anchor = xmlAddPrevSibling (parent->children, node);
      else
        {
          xmlNodePtr placed = _gvirt_xml_new_child (parent, name);

          xmlReplaceNode (placed, node);
          xmlFreeNode (placed);
          anchor = node;
        }
    }
}

guint
_gvirt_xml_count (xmlNodePtr  parent,
                  const char *name)
{
  xmlNodePtr child;
  guint n = 0;

  for (child = _gvirt_xml_child (parent, name); child != NULL;
       child = _gvirt_xml_next_sibling (child->next, name))
    n++;
  return n;
}

xmlNodePtr
_gvirt_xml_nth (xmlNodePtr  parent,
                const char *name,
                guint       index)
{
  xmlNodePtr child;

  for (child = _gvirt_xml_child (parent, name); child != NULL && index > 0;
       child = _gvirt_xml_next_sibling (child->next, name))
    index--;
  return child;
}

/* Appends <@name> with the attributes of @attrs (name, value pairs ending in
 * a NULL name; NULL values are skipped). */
xmlNodePtr
_gvirt_xml_add_with_attrs (xmlNodePtr         parent,
                           const char        *name,
                           const char *const *attrs)
{
  xmlNodePtr node = _gvirt_xml_new_child (parent, name);
  guint i;

  for (i = 0; attrs != NULL && attrs[i] != NULL; i += 2)
    if (attrs[i + 1] != NULL)
      xmlSetProp (node, (const xmlChar *) attrs[i], (const xmlChar *) attrs[i + 1]);
  return node;
}

/* Removes every <@name> child of @parent, then @parent and its ancestors
 * below @stop if that left them empty. */
void
_gvirt_xml_remove_all (xmlNodePtr  parent,
                       const char *name,
                       xmlNodePtr  stop)
{
  xmlNodePtr child;

  if (parent == NULL)
    return;
  _gvirt_xml_node_changed (parent);
  while ((child = _gvirt_xml_child (parent, name)) != NULL)
    {
      xmlUnlinkNode (child);
      xmlFreeNode (child);
    }
  _gvirt_xml_prune (parent, stop);
}

/* ---- <metadata> in applications' own namespaces ------------------------- */

static xmlNodePtr
metadata_element (xmlNodePtr  metadata,
                  const char *uri)
{
  xmlNodePtr child;

  for (child = metadata ? metadata->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && child->ns != NULL &&
        xmlStrEqual (child->ns->href, (const xmlChar *) uri))
      return child;
  return NULL;
}

char *
_gvirt_xml_get_metadata (xmlNodePtr  node,
                         const char *uri)
{
  xmlNodePtr element = metadata_element (_gvirt_xml_child (node, "metadata"), uri);
  g_autoptr(GVirtXmlDoc) copy = NULL;
  xmlNodePtr root;

  if (element == NULL)
    return NULL;
  /* a copy of its own declares the namespaces it inherited */
  copy = _gvirt_xml_doc_new_copy (element, &root);
  return _gvirt_xml_node_to_string (root);
}

static void
set_namespace (xmlNodePtr node,
               xmlNsPtr   ns)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      {
        if (node->ns == NULL)
          xmlSetNs (node, ns);
        set_namespace (node->children, ns);
      }
}

gboolean
_gvirt_xml_set_metadata (xmlNodePtr  node,
                         const char *uri,
                         const char *prefix,
                         const char *xml,
                         GError    **error)
{
  xmlNodePtr metadata, old, copy;
  xmlDocPtr fragment;
  xmlNsPtr ns;

  _gvirt_xml_node_changed (node);
  if (xml != NULL)
    {
      fragment = _gvirt_xml_parse (xml, -1, error);
      if (fragment == NULL)
        return FALSE;
      metadata = _gvirt_xml_lookup (node, "metadata", TRUE);
      copy = xmlDocCopyNode (xmlDocGetRootElement (fragment), node->doc, 1);
      xmlFreeDoc (fragment);
      ns = xmlNewNs (copy, (const xmlChar *) uri, (const xmlChar *) prefix);
      if (copy->ns == NULL)
        xmlSetNs (copy, ns);
      set_namespace (copy->children, ns);
      old = metadata_element (metadata, uri);
      if (old != NULL)
        {
          xmlReplaceNode (old, copy);
          xmlFreeNode (old);
        }
      else
        xmlAddChild (metadata, copy);
      xmlReconciliateNs (node->doc, copy);
      return TRUE;
    }

  metadata = _gvirt_xml_child (node, "metadata");
  while ((old = metadata_element (metadata, uri)) != NULL)
    {
      xmlUnlinkNode (old);
      xmlFreeNode (old);
    }
  if (metadata != NULL)
    _gvirt_xml_prune (metadata, node);
  return TRUE;
}

/* ---- Comparison ---------------------------------------------------------- */

static const xmlChar *
ns_href (xmlNsPtr ns)
{
  return ns != NULL ? ns->href : NULL;
}

static gboolean
same_name (xmlNodePtr a,
           xmlNodePtr b)
{
  return xmlStrcmp (a->name, b->name) == 0 && xmlStrcmp (ns_href (a->ns), ns_href (b->ns)) == 0;
}

static gboolean
attrs_subset (xmlNodePtr a,
              xmlNodePtr b)
{
  xmlAttrPtr attr;

  for (attr = a->properties; attr != NULL; attr = attr->next)
    {
      g_autofree xmlChar *va = xmlNodeGetContent ((xmlNodePtr) attr);
      g_autofree xmlChar *vb = xmlGetNsProp (b, attr->name, ns_href (attr->ns));

      if (vb == NULL || xmlStrcmp (va, vb) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The text of @node's own text children with whitespace collapsed (layout
 * inside mixed content means nothing in these formats), and how many element
 * children it has. */
static char *
own_text (xmlNodePtr node,
          guint     *n_elements)
{
  GString *text = g_string_new (NULL);
  gboolean space = FALSE;
  xmlNodePtr child;
  const char *p;

  *n_elements = 0;
  for (child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        {
          (*n_elements)++;
          space = TRUE;
          continue;
        }
      if (child->type != XML_TEXT_NODE && child->type != XML_CDATA_SECTION_NODE)
        continue;
      for (p = (const char *) child->content; *p != '\0'; p++)
        {
          if (g_ascii_isspace (*p))
            space = TRUE;
          else
            {
              if (space && text->len > 0)
                g_string_append_c (text, ' ');
              g_string_append_c (text, *p);
              space = FALSE;
            }
        }
      space = TRUE;
    }
  return g_string_free (text, FALSE);
}

/* The @index-th element child of @parent named like @like. */
static xmlNodePtr
nth_like (xmlNodePtr parent,
          xmlNodePtr like,
          guint      index)
{
  xmlNodePtr child;

  for (child = parent->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && same_name (child, like) && index-- == 0)
      return child;
  return NULL;
}

/* Same elements, attributes (as a set) and trimmed text; comments and layout
 * ignored. Elements of different names may come in any order, elements of
 * the same name (disks, boot devices) must keep theirs. */
gboolean
_gvirt_xml_node_equal (xmlNodePtr a,
                       xmlNodePtr b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  guint n_a, n_b;
  xmlNodePtr ca, prev;

  if (!same_name (a, b) || !attrs_subset (a, b) || !attrs_subset (b, a))
    return FALSE;
  text_a = own_text (a, &n_a);
  text_b = own_text (b, &n_b);
  if (n_a != n_b || strcmp (text_a, text_b) != 0)
    return FALSE;

  for (ca = a->children; ca != NULL; ca = ca->next)
    {
      guint index = 0;
      xmlNodePtr cb;

      if (ca->type != XML_ELEMENT_NODE)
        continue;
      for (prev = ca->prev; prev != NULL; prev = prev->prev)
        if (prev->type == XML_ELEMENT_NODE && same_name (prev, ca))
          index++;
      cb = nth_like (b, ca, index);
      if (cb == NULL || !_gvirt_xml_node_equal (ca, cb))
        return FALSE;
    }
  return TRUE;
}
