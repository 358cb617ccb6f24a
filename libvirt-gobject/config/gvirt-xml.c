/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Safe libxml2 parsing, the shared reference-counted documents and Relax-NG validation. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"
#include "libvirt-gobject/config/gvirt-xml-message-private.h"

/* ---- Parsing ----------------------------------------------------------- */

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

/* ---- Documents of one root element ----------------------------------- */

gboolean
_gvirt_xml_check_root (xmlNodePtr  node,
                       const char *name,
                       GError    **error)
{
  if (node != NULL && _gvirt_xml_is_element (node, name))
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
