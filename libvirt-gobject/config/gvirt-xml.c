/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Safe libxml2 parsing, node helpers and the field tables shared by every config type. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include <errno.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlsave.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/* ---- Parsing ----------------------------------------------------------- */

typedef struct {
  const char *refused;
  int         line;
} ParseGuard;

static void
refuse (xmlParserCtxtPtr ctxt,
        const char      *what)
{
  ParseGuard *guard = ctxt->_private;

  if (guard->refused == NULL)
    {
      guard->refused = what;
      guard->line = ctxt->input != NULL ? ctxt->input->line : 0;
    }
  xmlStopParser (ctxt);
}

static void
refuse_entity_decl (void          *user_data,
                    const xmlChar *name,
                    int            type,
                    const xmlChar *public_id,
                    const xmlChar *system_id,
                    xmlChar       *content)
{
  refuse (user_data, N_("entity declarations are not allowed"));
}

static void
refuse_unparsed_entity_decl (void          *user_data,
                             const xmlChar *name,
                             const xmlChar *public_id,
                             const xmlChar *system_id,
                             const xmlChar *notation)
{
  refuse (user_data, N_("entity declarations are not allowed"));
}

static void
refuse_reference (void          *user_data,
                  const xmlChar *name)
{
  refuse (user_data, N_("undefined entity reference"));
}

xmlDocPtr
_gvirt_xml_parse (const char *xml,
                  gssize      length,
                  GError    **error)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  ParseGuard guard = { NULL, 0 };
  gsize len;

  g_return_val_if_fail (xml != NULL, NULL);

  len = length < 0 ? strlen (xml) : (gsize) length;
  if (len > GVIRT_XML_MAX_SIZE)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                   _("The document is larger than %u MiB."),
                   (guint) (GVIRT_XML_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                           _("Could not create an XML parser."));
      return NULL;
    }
  ctxt->_private = &guard;
  ctxt->sax->entityDecl = refuse_entity_decl;
  ctxt->sax->unparsedEntityDecl = refuse_unparsed_entity_decl;
  ctxt->sax->reference = refuse_reference;

  doc = xmlCtxtReadMemory (ctxt, xml, (int) len, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOBLANKS |
                           XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA);

  if (guard.refused != NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                   _("line %d: %s"), guard.line, _(guard.refused));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || !ctxt->wellFormed || xmlDocGetRootElement (doc) == NULL)
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      g_autofree char *msg = NULL;

      if (err != NULL && err->message != NULL)
        msg = g_strstrip (g_strdup (err->message));
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                   _("line %d: %s"), err != NULL ? err->line : 0,
                   msg != NULL ? msg : _("the document is empty"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);
  return doc;
}

xmlDocPtr
_gvirt_xml_parse_file (const char *path,
                       GError    **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  GError *local_error = NULL;
  xmlDocPtr doc;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  doc = _gvirt_xml_parse (contents, length, &local_error);
  if (doc == NULL)
    g_propagate_prefixed_error (error, local_error, "%s: ", path);
  else
    xmlNodeSetBase ((xmlNodePtr) doc, (const xmlChar *) path);
  return doc;
}

/* ---- Shared documents ---------------------------------------------------- */

/*
 * A document keeps what _gvirt_xml_doc_to_string() wrote of it, and
 * whether its values passed the parse-time checks, until the tree changes:
 * every function of the config model that changes a tree calls
 * _gvirt_xml_node_changed(), which finds the GVirtXmlDoc through the
 * libxml2 document's _private. Writing a tree while another thread changes
 * it was never allowed; several threads may read one at once, so both are
 * set and read atomically.
 */
struct _GVirtXmlDoc {
  xmlDocPtr  doc;
  char      *text;      /* GRefString, or NULL */
  gint       checked;   /* boolean */
};

static void
xml_doc_clear (gpointer data)
{
  GVirtXmlDoc *self = data;

  g_clear_pointer (&self->text, g_ref_string_release);
  if (self->doc != NULL)
    self->doc->_private = NULL;
  g_clear_pointer (&self->doc, xmlFreeDoc);
}

GVirtXmlDoc *
_gvirt_xml_doc_new (xmlDocPtr doc)
{
  GVirtXmlDoc *self = g_atomic_rc_box_new0 (GVirtXmlDoc);

  self->doc = doc;
  doc->_private = self;
  return self;
}

/* Forgets the text written of the document @node is in, if any: called
 * on every change of a tree. */
void
_gvirt_xml_node_changed (xmlNodePtr node)
{
  GVirtXmlDoc *owner;
  char *text;

  if (node == NULL || node->doc == NULL || (owner = node->doc->_private) == NULL)
    return;
  g_atomic_int_set (&owner->checked, FALSE);
  if (g_atomic_pointer_get (&owner->text) == NULL)
    return;
  text = g_atomic_pointer_exchange (&owner->text, NULL);
  if (text != NULL)
    g_ref_string_release (text);
}

/* The document as _gvirt_xml_to_string() writes it; written once until
 * the tree changes (when @keep; else only read from what was kept). */
static char *
xml_doc_write (GVirtXmlDoc *self,
               gboolean     keep)
{
  char *text = g_atomic_pointer_get (&self->text);
  char *out;

  if (text != NULL)
    return g_memdup2 (text, g_ref_string_length (text) + 1);
  out = _gvirt_xml_to_string (self->doc);
  if (keep)
    {
      text = g_ref_string_new (out);
      /* another thread may have kept its own meanwhile */
      if (!g_atomic_pointer_compare_and_exchange (&self->text, NULL, text))
        g_ref_string_release (text);
    }
  return out;
}

char *
_gvirt_xml_doc_to_string (GVirtXmlDoc *self)
{
  return xml_doc_write (self, TRUE);
}

char *
_gvirt_xml_doc_to_string_unkept (GVirtXmlDoc *self)
{
  return xml_doc_write (self, FALSE);
}

gboolean
_gvirt_xml_doc_is_checked (GVirtXmlDoc *self)
{
  return g_atomic_int_get (&self->checked);
}

void
_gvirt_xml_doc_set_checked (GVirtXmlDoc *self)
{
  g_atomic_int_set (&self->checked, TRUE);
}

GVirtXmlDoc *
_gvirt_xml_doc_new_with_root (const char *root_name,
                              xmlNodePtr *root)
{
  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNodePtr node = xmlNewDocNode (doc, NULL, (const xmlChar *) root_name, NULL);

  xmlDocSetRootElement (doc, node);
  *root = node;
  return _gvirt_xml_doc_new (doc);
}

GVirtXmlDoc *
_gvirt_xml_doc_new_copy (xmlNodePtr  node,
                         xmlNodePtr *copy)
{
  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNodePtr dup = xmlDocCopyNode (node, doc, 1);

  xmlDocSetRootElement (doc, dup);
  /* keep namespace declarations the copied subtree inherited */
  xmlReconciliateNs (doc, dup);
  *copy = dup;
  return _gvirt_xml_doc_new (doc);
}

GVirtXmlDoc *
_gvirt_xml_doc_ref (GVirtXmlDoc *doc)
{
  return g_atomic_rc_box_acquire (doc);
}

void
_gvirt_xml_doc_unref (GVirtXmlDoc *doc)
{
  g_atomic_rc_box_release_full (doc, xml_doc_clear);
}

xmlDocPtr
_gvirt_xml_doc_get (GVirtXmlDoc *doc)
{
  return doc->doc;
}

/* Moves @node (owned through *@owner) under @dest_parent of @dest. */
void
_gvirt_xml_node_attach (GVirtXmlDoc **owner,
                        xmlNodePtr    node,
                        GVirtXmlDoc  *dest,
                        xmlNodePtr    dest_parent)
{
  _gvirt_xml_node_changed (node);
  _gvirt_xml_node_changed (dest_parent);
  xmlUnlinkNode (node);
  xmlDOMWrapAdoptNode (NULL, (*owner)->doc, node, dest->doc, dest_parent, 0);
  xmlAddChild (dest_parent, node);
  _gvirt_xml_doc_unref (*owner);
  *owner = _gvirt_xml_doc_ref (dest);
}

/* Takes @node out of its document into a new one of its own. */
void
_gvirt_xml_node_detach (GVirtXmlDoc **owner,
                        xmlNodePtr    node)
{
  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");

  _gvirt_xml_node_changed (node);
  xmlUnlinkNode (node);
  xmlDOMWrapAdoptNode (NULL, (*owner)->doc, node, doc, NULL, 0);
  xmlDocSetRootElement (doc, node);
  _gvirt_xml_doc_unref (*owner);
  *owner = _gvirt_xml_doc_new (doc);
}

/* ---- Node helpers -------------------------------------------------------- */

static gboolean
is_element (xmlNodePtr node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
         (name == NULL || strcmp ((const char *) node->name, name) == 0);
}

xmlNodePtr
_gvirt_xml_next_sibling (xmlNodePtr  node,
                         const char *name)
{
  for (; node != NULL; node = node->next)
    if (is_element (node, name))
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

gboolean
_gvirt_xml_check_root (xmlNodePtr  node,
                       const char *name,
                       GError    **error)
{
  if (node != NULL && is_element (node, name))
    return TRUE;
  if (name == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                 _("line %d: <%s> is in a namespace GVirt does not know"),
                 node ? (int) xmlGetLineNo (node) : 0, node ? (const char *) node->name : "");
  else
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                 _("line %d: expected a <%s> element, found <%s>"),
                 node ? (int) xmlGetLineNo (node) : 0, name,
                 node ? (const char *) node->name : "");
  return FALSE;
}

GVirtXmlDoc *
_gvirt_xml_doc_from_string (const char *xml,
                            const char *root_name,
                            GError    **error)
{
  xmlDocPtr doc;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = _gvirt_xml_parse (xml, -1, error);
  if (doc == NULL)
    return NULL;
  if (!_gvirt_xml_check_root (xmlDocGetRootElement (doc), root_name, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  return _gvirt_xml_doc_new (doc);
}

GVirtXmlDoc *
_gvirt_xml_doc_from_node (xmlNodePtr  node,
                          const char *root_name,
                          GError    **error)
{
  xmlNodePtr copy;

  g_return_val_if_fail (node != NULL, NULL);
  if (!_gvirt_xml_check_root (node, root_name, error))
    return NULL;
  return _gvirt_xml_doc_new_copy (node, &copy);
}

/* A deep copy, which knows the text of the original if that was written,
 * and whether it was checked. */
GVirtXmlDoc *
_gvirt_xml_doc_copy (GVirtXmlDoc *doc)
{
  GVirtXmlDoc *copy = _gvirt_xml_doc_new (xmlCopyDoc (doc->doc, 1));
  char *text = g_atomic_pointer_get (&doc->text);

  if (text != NULL)
    copy->text = g_ref_string_acquire (text);
  copy->checked = g_atomic_int_get (&doc->checked);
  return copy;
}

xmlNodePtr
_gvirt_xml_doc_root (GVirtXmlDoc *doc)
{
  return xmlDocGetRootElement (doc->doc);
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

/* ---- Output and comparison ----------------------------------------------- */

char *
_gvirt_xml_node_to_string_libxml2 (xmlNodePtr node)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlSaveCtxtPtr save = xmlSaveToBuffer (buf, "UTF-8",
                                         XML_SAVE_FORMAT | XML_SAVE_NO_DECL);
  char *out;

  xmlSaveTree (save, node);
  xmlSaveClose (save);
  out = g_strconcat ((const char *) xmlBufferContent (buf), "\n", NULL);
  xmlBufferFree (buf);
  return out;
}

char *
_gvirt_xml_to_string_libxml2 (xmlDocPtr doc)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlSaveCtxtPtr save = xmlSaveToBuffer (buf, "UTF-8",
                                         XML_SAVE_FORMAT | XML_SAVE_NO_DECL);
  xmlNodePtr node;
  char *out;

  for (node = doc->children; node != NULL; node = node->next)
    {
      if (node->type == XML_DTD_NODE)
        continue;
      xmlSaveTree (save, node);
      xmlSaveFlush (save);
      xmlBufferCCat (buf, "\n");
    }
  xmlSaveClose (save);
  out = g_strdup ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  return out;
}

/* The node and its subtree, indented, with a final newline. */
char *
_gvirt_xml_node_to_string (xmlNodePtr node)
{
  GString *out = g_string_sized_new (1024);

  if (!_gvirt_xml_write_node (out, node))
    {
      g_string_free (out, TRUE);
      return _gvirt_xml_node_to_string_libxml2 (node);
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* The nodes of the document but its DTD, indented, each followed by a newline. */
char *
_gvirt_xml_to_string (xmlDocPtr doc)
{
  GString *out = g_string_sized_new (2048);
  xmlNodePtr node;

  for (node = doc->children; node != NULL; node = node->next)
    {
      if (node->type == XML_DTD_NODE)
        continue;
      if (!_gvirt_xml_write_node (out, node))
        {
          g_string_free (out, TRUE);
          return _gvirt_xml_to_string_libxml2 (doc);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

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

/* ---- Relax-NG ------------------------------------------------------------ */

static GMutex schema_lock;
static GHashTable *schemas;

static char *
schema_path (const char *schema_name)
{
  const char *dir = g_getenv ("GVIRT_SCHEMA_DIR");

  if (g_path_is_absolute (schema_name))
    return g_strdup (schema_name);

  return g_build_filename (dir && *dir ? dir : GVIRT_DATADIR G_DIR_SEPARATOR_S "schemas",
                           schema_name, NULL);
}

static xmlRelaxNGPtr
load_schema (const char *schema_name,
             GError    **error)
{
  g_autofree char *path = schema_path (schema_name);
  g_autofree char *key = g_strdup (path);
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr schema;

  g_mutex_lock (&schema_lock);
  if (schemas == NULL)
    schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  schema = g_hash_table_lookup (schemas, key);
  if (schema == NULL)
    {
      pctxt = xmlRelaxNGNewParserCtxt (path);
      xmlRelaxNGSetParserStructuredErrors (pctxt, NULL, NULL);
      xmlRelaxNGSetParserErrors (pctxt, NULL, NULL, NULL);
      schema = xmlRelaxNGParse (pctxt);
      xmlRelaxNGFreeParserCtxt (pctxt);
      if (schema != NULL)
        g_hash_table_insert (schemas, g_steal_pointer (&key), schema);
    }
  g_mutex_unlock (&schema_lock);

  if (schema == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                 _("Could not load the Relax-NG schema “%s”."), path);
  return schema;
}

typedef struct {
  int   line;
  char *element;
  char *message;
} ValidationFailure;

/* libxml2 sometimes reports a child while the message names its parent
 * ("Element domain failed to validate attributes" on <name>): use the
 * element the message names when it is an ancestor. */
static xmlNodePtr
named_ancestor (xmlNodePtr  node,
                const char *message)
{
  const char *p = strstr (message, "lement ");
  g_autofree char *name = NULL;
  xmlNodePtr up;
  gsize len;

  if (p == NULL)
    return node;
  p += strlen ("lement ");
  len = strcspn (p, " \t\n");
  name = g_strndup (p, len);
  for (up = node; up != NULL && up->type == XML_ELEMENT_NODE; up = up->parent)
    if (strcmp ((const char *) up->name, name) == 0)
      return up;
  return node;
}

/* libxml2 reports the most specific message first, often without a node;
 * the enclosing element comes with the next one. Keep both. */
static void
collect_validation_error (void        *user_data,
                          xmlErrorPtr  err)
{
  ValidationFailure *failure = user_data;

  if (failure->message == NULL)
    failure->message = g_strstrip (g_strdup (err->message ? err->message : ""));
  if (failure->element == NULL && err->node != NULL)
    {
      xmlNodePtr node = named_ancestor (err->node, failure->message);

      failure->element = g_strdup ((const char *) node->name);
      failure->line = node == err->node && err->line > 0 ? err->line : (int) xmlGetLineNo (node);
    }
}

static void
silent_error (void       *ctx,
              const char *msg,
              ...)
{
}

gboolean
_gvirt_xml_validate (xmlDocPtr   doc,
                     const char *schema_name,
                     GError    **error)
{
  xmlRelaxNGPtr schema = load_schema (schema_name, error);
  xmlRelaxNGValidCtxtPtr vctxt;
  ValidationFailure failure = { 0, NULL, NULL };
  int ret;

  if (schema == NULL)
    return FALSE;

  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidErrors (vctxt, silent_error, silent_error, NULL);
  xmlRelaxNGSetValidStructuredErrors (vctxt, collect_validation_error, &failure);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (ret != 0)
    {
      if (failure.line > 0)
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                     _("line %d: element <%s>: %s"), failure.line,
                     failure.element ? failure.element : "?",
                     failure.message ? failure.message : _("does not match the schema"));
      else
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                     _("element <%s>: %s"),
                     failure.element ? failure.element : "?",
                     failure.message ? failure.message : _("does not match the schema"));
    }
  g_free (failure.element);
  g_free (failure.message);
  return ret == 0;
}

/* ---- Values --------------------------------------------------------------- */

gboolean
_gvirt_uuid_canonicalize (const char *in,
                          char        out[37])
{
  static const int dash_after[] = { 8, 12, 16, 20 };
  char hex[33];
  guint n = 0, i, o = 0, d = 0;
  const char *p;

  if (in == NULL)
    return FALSE;
  for (p = in; *p != '\0'; p++)
    {
      if (g_ascii_isxdigit (*p))
        {
          if (n == 32)
            return FALSE;
          hex[n++] = g_ascii_tolower (*p);
        }
      else if (*p == '-' && (n == 8 || n == 12 || n == 16 || n == 20) &&
               p[1] != '-')
        continue;
      else if (!g_ascii_isspace (*p) || (n != 0 && n != 32))
        return FALSE;
    }
  if (n != 32)
    return FALSE;
  for (i = 0; i < 32; i++)
    {
      if (d < G_N_ELEMENTS (dash_after) && i == (guint) dash_after[d])
        {
          out[o++] = '-';
          d++;
        }
      out[o++] = hex[i];
    }
  out[o] = '\0';
  return TRUE;
}

gboolean
_gvirt_cpuset_is_valid (const char *text)
{
  const char *p = text;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  for (;;)
    {
      gboolean negated = *p == '^';

      if (negated)
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '-' && !negated)
        {
          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            p++;
        }
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        return TRUE;
      if (*p != ',')
        return FALSE;
      p++;
      while (g_ascii_isspace (*p))
        p++;
    }
}

/* @text without the white space around it: @text itself when it has none,
 * else a trimmed copy in *@copy. */
static const char *
trimmed (const char *text,
         char      **copy)
{
  gsize len = strlen (text);

  *copy = NULL;
  if (len == 0 || (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[len - 1])))
    return text;
  *copy = g_strstrip (g_strdup (text));
  return *copy;
}

static gboolean
parse_decimal (const char *text,
               guint64    *value)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  text = trimmed (text, &copy);
  return text[0] != '\0' && text[0] != '-' && text[0] != '+' &&
         g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, value, NULL);
}

gboolean
_gvirt_parse_scaled_kib (const char *text,
                         const char *unit,
                         guint64    *kib)
{
  static const char powers[] = "bkmgtpe";
  const char *p;
  guint64 value, base = 1024, scale = 1;
  guint i, power;

  if (!parse_decimal (text, &value))
    return FALSE;
  if (unit == NULL || *unit == '\0')
    {
      *kib = value;
      return TRUE;
    }
  /* libvirt's rules: b, bytes; k/KiB (1024), KB (1000); same for M G T P E */
  if (g_ascii_strcasecmp (unit, "bytes") == 0 || g_ascii_strcasecmp (unit, "byte") == 0)
    power = 0;
  else
    {
      p = strchr (powers, g_ascii_tolower (unit[0]));
      if (p == NULL || unit[0] == '\0')
        return FALSE;
      power = p - powers;
      if (unit[1] == '\0' || g_ascii_strcasecmp (unit + 1, "iB") == 0)
        base = 1024;
      else if (power > 0 && g_ascii_tolower (unit[1]) == 'b' && unit[2] == '\0')
        base = 1000;
      else
        return FALSE;
    }
  for (i = 0; i < power; i++)
    scale *= base;
  if (value != 0 && scale > G_MAXUINT64 / value)
    return FALSE;
  value *= scale;
  *kib = value / 1024 + (value % 1024 != 0);
  return TRUE;
}

/* ---- Fields --------------------------------------------------------------- */

static xmlNodePtr
field_node (xmlNodePtr        node,
            const GVirtField *field,
            gboolean          create)
{
  return field->path ? _gvirt_xml_lookup (node, field->path, create) : node;
}

/* The text of @field at @target, the field's element (not NULL). */
static const char *
field_text (xmlNodePtr        target,
            const GVirtField *field)
{
  if (field->kind == GVIRT_FIELD_PRESENT)
    return (const char *) target->name;
  return field->attr ? _gvirt_xml_attr (target, field->attr) : _gvirt_xml_text (target);
}

const char *
_gvirt_field_get_string (xmlNodePtr        node,
                         const GVirtField *field)
{
  xmlNodePtr target = field_node (node, field, FALSE);

  return target != NULL ? field_text (target, field) : NULL;
}

static void
field_remove (xmlNodePtr        node,
              const GVirtField *field)
{
  xmlNodePtr target = field_node (node, field, FALSE);

  if (target == NULL)
    return;
  _gvirt_xml_node_changed (node);
  if (field->attr != NULL)
    xmlUnsetProp (target, (const xmlChar *) field->attr);
  else if (target != node)
    {
      _gvirt_xml_set_text (target, NULL);
      if (field->kind == GVIRT_FIELD_PRESENT || target->children == NULL)
        {
          /* remove the element itself unless it carries more than the
           * value; the attributes of a scaled value (unit=, and slots= of
           * <maxMemory>) only qualify it and go with it */
          if (target->properties == NULL || field->kind == GVIRT_FIELD_PRESENT ||
              field->kind == GVIRT_FIELD_SCALED)
            {
              xmlNodePtr parent = target->parent;

              xmlUnlinkNode (target);
              xmlFreeNode (target);
              target = parent;
            }
        }
    }
  if (target != node)
    _gvirt_xml_prune (target, node);
}

static gboolean
field_write (xmlNodePtr        node,
             const GVirtField *field,
             const char       *value)
{
  const char *old = _gvirt_field_get_string (node, field);
  xmlNodePtr target;

  if (value == NULL)
    {
      if (old == NULL)
        return FALSE;
      field_remove (node, field);
      return TRUE;
    }
  if (old != NULL && strcmp (old, value) == 0)
    return FALSE;
  _gvirt_xml_node_changed (node);
  target = field_node (node, field, TRUE);
  if (field->attr != NULL)
    xmlSetProp (target, (const xmlChar *) field->attr, (const xmlChar *) value);
  else
    _gvirt_xml_set_text (target, value);
  return TRUE;
}

gboolean
_gvirt_field_set_string (xmlNodePtr        node,
                         const GVirtField *field,
                         const char       *value)
{
  char uuid[37];

  if (field->kind == GVIRT_FIELD_UUID && value != NULL)
    {
      g_return_val_if_fail (_gvirt_uuid_canonicalize (value, uuid), FALSE);
      value = uuid;
    }
  if (field->kind == GVIRT_FIELD_CPUSET && value != NULL)
    g_return_val_if_fail (_gvirt_cpuset_is_valid (value), FALSE);
  return field_write (node, field, value);
}

/* The class of an enum field's type. Enum classes of static types live as
 * long as the process: the reference taken the first time is kept. */
static GEnumClass *
field_enum_class (const GVirtField *field)
{
  GType type = field->enum_type ();
  gpointer klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

/* Parses @text, the value of @field found at @target (the field's element). */
static gboolean
field_parse (xmlNodePtr        target,
             const GVirtField *field,
             const char       *text,
             gint64           *out)
{
  guint64 u;

  switch (field->kind)
    {
    case GVIRT_FIELD_INT:
      {
        g_autofree char *copy = NULL;

        return g_ascii_string_to_signed (trimmed (text, &copy), 10, -1, G_MAXINT, out, NULL);
      }
    case GVIRT_FIELD_UINT:
      if (!parse_decimal (text, &u) || u > G_MAXUINT)
        return FALSE;
      *out = (gint64) u;
      return TRUE;
    case GVIRT_FIELD_UINT64:
      if (!parse_decimal (text, &u) || u > G_MAXINT64)
        return FALSE;
      *out = (gint64) u;
      return TRUE;
    case GVIRT_FIELD_SCALED:
      {
        const char *unit = field->attr ? NULL : _gvirt_xml_attr (target, "unit");

        if (!_gvirt_parse_scaled_kib (text, unit, &u) || u > G_MAXINT64)
          return FALSE;
        *out = (gint64) u;
        return TRUE;
      }
    case GVIRT_FIELD_PRESENT:
      *out = TRUE;
      return TRUE;
    case GVIRT_FIELD_YESNO:
    case GVIRT_FIELD_ONOFF:
      if (g_strcmp0 (text, "yes") == 0 || g_strcmp0 (text, "on") == 0)
        *out = TRUE;
      else if (g_strcmp0 (text, "no") == 0 || g_strcmp0 (text, "off") == 0)
        *out = FALSE;
      else
        return FALSE;
      return TRUE;
    case GVIRT_FIELD_ENUM:
      {
        GEnumClass *klass = field_enum_class (field);
        g_autofree char *copy = NULL;
        GEnumValue *v = g_enum_get_value_by_nick (klass, trimmed (text, &copy));

        if (v == NULL)
          v = g_enum_get_value_by_nick (klass, "other");
        if (v != NULL)
          *out = v->value;
        return v != NULL;
      }
    case GVIRT_FIELD_STRING:
    case GVIRT_FIELD_UUID:
    case GVIRT_FIELD_CPUSET:
    default:
      return FALSE;
    }
}

static gint64
field_get_number (xmlNodePtr        node,
                  const GVirtField *field)
{
  xmlNodePtr target = field_node (node, field, FALSE);
  const char *text = target != NULL ? field_text (target, field) : NULL;
  gint64 value;

  if (text == NULL || !field_parse (target, field, text, &value))
    return field->def;
  return value;
}

static gboolean
field_set_number (xmlNodePtr        node,
                  const GVirtField *field,
                  gint64            value)
{
  char buf[32];

  gint64 old = field_get_number (node, field);

  if ((field->flags & GVIRT_FIELD_FLAG_REMOVE_DEFAULT) && value == field->def)
    {
      field_write (node, field, NULL);
      return old != value;
    }
  if (_gvirt_field_get_string (node, field) != NULL && old == value)
    return FALSE;

  switch (field->kind)
    {
    case GVIRT_FIELD_PRESENT:
      if (!value)
        return field_write (node, field, NULL);
      field_node (node, field, TRUE);
      return TRUE;
    case GVIRT_FIELD_YESNO:
      return field_write (node, field, value ? "yes" : "no") && old != value;
    case GVIRT_FIELD_ONOFF:
      return field_write (node, field, value ? "on" : "off") && old != value;
    case GVIRT_FIELD_ENUM:
      {
        GEnumValue *v = g_enum_get_value (field_enum_class (field), (gint) value);

        if (v == NULL || strcmp (v->value_nick, "other") == 0)
          return FALSE;
        return field_write (node, field, v->value_nick) && old != value;
      }
    case GVIRT_FIELD_SCALED:
      {
        xmlNodePtr target;

        g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, (guint64) value);
        field_write (node, field, buf);
        target = field_node (node, field, FALSE);
        if (target != NULL && field->attr == NULL && _gvirt_xml_attr (target, "unit") != NULL)
          {
            /* the number may be the same in another unit */
            _gvirt_xml_node_changed (target);
            xmlSetProp (target, (const xmlChar *) "unit", (const xmlChar *) "KiB");
          }
        return old != value;
      }
    case GVIRT_FIELD_INT:
    case GVIRT_FIELD_UINT:
    case GVIRT_FIELD_UINT64:
      g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
      return field_write (node, field, buf) && old != value;
    case GVIRT_FIELD_STRING:
    case GVIRT_FIELD_UUID:
    case GVIRT_FIELD_CPUSET:
    default:
      g_return_val_if_reached (FALSE);
    }
}

guint64
_gvirt_field_get_uint64 (xmlNodePtr        node,
                         const GVirtField *field)
{
  return (guint64) field_get_number (node, field);
}

gboolean
_gvirt_field_set_uint64 (xmlNodePtr        node,
                         const GVirtField *field,
                         guint64           value)
{
  g_return_val_if_fail (value <= G_MAXINT64, FALSE);
  return field_set_number (node, field, (gint64) value);
}

gint
_gvirt_field_get_int (xmlNodePtr        node,
                      const GVirtField *field)
{
  return (gint) field_get_number (node, field);
}

gboolean
_gvirt_field_set_int (xmlNodePtr        node,
                      const GVirtField *field,
                      gint              value)
{
  return field_set_number (node, field, value);
}

void
_gvirt_fields_install (GObjectClass     *klass,
                       const GVirtField *fields,
                       guint             n_props,
                       GParamSpec      **properties)
{
  guint i;

  for (i = 1; i < n_props; i++)
    {
      const GVirtField *f = &fields[i];
      GParamFlags flags = G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY |
                          ((f->flags & GVIRT_FIELD_FLAG_READ_ONLY) ? G_PARAM_READABLE
                                                                  : G_PARAM_READWRITE);

      g_assert (f->name != NULL);
      switch (f->kind)
        {
        case GVIRT_FIELD_STRING:
        case GVIRT_FIELD_UUID:
        case GVIRT_FIELD_CPUSET:
          properties[i] = g_param_spec_string (f->name, NULL, f->blurb, NULL, flags);
          break;
        case GVIRT_FIELD_INT:
          properties[i] = g_param_spec_int (f->name, NULL, f->blurb, -1, G_MAXINT,
                                            (gint) f->def, flags);
          break;
        case GVIRT_FIELD_UINT:
          properties[i] = g_param_spec_uint (f->name, NULL, f->blurb, 0, G_MAXUINT,
                                             (guint) f->def, flags);
          break;
        case GVIRT_FIELD_UINT64:
        case GVIRT_FIELD_SCALED:
          properties[i] = g_param_spec_uint64 (f->name, NULL, f->blurb, 0, G_MAXINT64,
                                               (guint64) f->def, flags);
          break;
        case GVIRT_FIELD_PRESENT:
        case GVIRT_FIELD_YESNO:
        case GVIRT_FIELD_ONOFF:
          properties[i] = g_param_spec_boolean (f->name, NULL, f->blurb, f->def != 0, flags);
          break;
        case GVIRT_FIELD_ENUM:
          properties[i] = g_param_spec_enum (f->name, NULL, f->blurb, f->enum_type (),
                                             (gint) f->def, flags);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (n_props > 1)
    g_object_class_install_properties (klass, n_props, properties);
}

gboolean
_gvirt_fields_get_property (xmlNodePtr        node,
                            const GVirtField *fields,
                            guint             n_props,
                            guint             prop_id,
                            GValue           *value)
{
  const GVirtField *f;

  if (prop_id == 0 || prop_id >= n_props || fields[prop_id].name == NULL)
    return FALSE;
  f = &fields[prop_id];
  switch (f->kind)
    {
    case GVIRT_FIELD_STRING:
    case GVIRT_FIELD_UUID:
    case GVIRT_FIELD_CPUSET:
      g_value_set_string (value, _gvirt_field_get_string (node, f));
      break;
    case GVIRT_FIELD_INT:
      g_value_set_int (value, _gvirt_field_get_int (node, f));
      break;
    case GVIRT_FIELD_UINT:
      g_value_set_uint (value, (guint) _gvirt_field_get_uint64 (node, f));
      break;
    case GVIRT_FIELD_UINT64:
    case GVIRT_FIELD_SCALED:
      g_value_set_uint64 (value, _gvirt_field_get_uint64 (node, f));
      break;
    case GVIRT_FIELD_PRESENT:
    case GVIRT_FIELD_YESNO:
    case GVIRT_FIELD_ONOFF:
      g_value_set_boolean (value, _gvirt_field_get_uint64 (node, f) != 0);
      break;
    case GVIRT_FIELD_ENUM:
      g_value_set_enum (value, (gint) _gvirt_field_get_uint64 (node, f));
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

gboolean
_gvirt_fields_set_property (GObject          *object,
                            xmlNodePtr        node,
                            const GVirtField *fields,
                            GParamSpec      **properties,
                            guint             n_props,
                            guint             prop_id,
                            const GValue     *value)
{
  const GVirtField *f;
  gboolean changed;

  if (prop_id == 0 || prop_id >= n_props || fields[prop_id].name == NULL)
    return FALSE;
  f = &fields[prop_id];
  switch (f->kind)
    {
    case GVIRT_FIELD_STRING:
    case GVIRT_FIELD_UUID:
    case GVIRT_FIELD_CPUSET:
      changed = _gvirt_field_set_string (node, f, g_value_get_string (value));
      break;
    case GVIRT_FIELD_INT:
      changed = _gvirt_field_set_int (node, f, g_value_get_int (value));
      break;
    case GVIRT_FIELD_UINT:
      changed = _gvirt_field_set_uint64 (node, f, g_value_get_uint (value));
      break;
    case GVIRT_FIELD_UINT64:
    case GVIRT_FIELD_SCALED:
      changed = _gvirt_field_set_uint64 (node, f, g_value_get_uint64 (value));
      break;
    case GVIRT_FIELD_PRESENT:
    case GVIRT_FIELD_YESNO:
    case GVIRT_FIELD_ONOFF:
      changed = _gvirt_field_set_uint64 (node, f, g_value_get_boolean (value));
      break;
    case GVIRT_FIELD_ENUM:
      changed = _gvirt_field_set_uint64 (node, f, (guint64) g_value_get_enum (value));
      break;
    default:
      return FALSE;
    }
  if (changed)
    g_object_notify_by_pspec (object, properties[prop_id]);
  return TRUE;
}

/* Checks the values present under @node; canonicalises UUIDs in place. */
gboolean
_gvirt_fields_check (xmlNodePtr        node,
                     const GVirtField *fields,
                     guint             n_props,
                     GError          **error)
{
  guint i;

  for (i = 1; i < n_props; i++)
    {
      const GVirtField *f = &fields[i];
      const char *text;
      xmlNodePtr target;
      gint64 value;
      char uuid[37];
      gboolean ok;

      if (f->name == NULL || f->kind == GVIRT_FIELD_STRING || f->kind == GVIRT_FIELD_PRESENT)
        continue;
      target = field_node (node, f, FALSE);
      text = target != NULL ? field_text (target, f) : NULL;
      if (text == NULL)
        continue;
      if (f->kind == GVIRT_FIELD_UUID)
        {
          ok = _gvirt_uuid_canonicalize (text, uuid);
          if (ok && strcmp (uuid, text) != 0)
            field_write (node, f, uuid);
        }
      else if (f->kind == GVIRT_FIELD_CPUSET)
        ok = _gvirt_cpuset_is_valid (text);
      else
        ok = field_parse (target, f, text, &value);

      if (!ok && f->attr != NULL)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("line %d: invalid value “%s” for attribute “%s” of <%s>"),
                       (int) xmlGetLineNo (target), text, f->attr, (const char *) target->name);
          return FALSE;
        }
      else if (!ok)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("line %d: invalid value “%s” in <%s>"),
                       (int) xmlGetLineNo (target), text, (const char *) target->name);
          return FALSE;
        }
    }
  return TRUE;
}
