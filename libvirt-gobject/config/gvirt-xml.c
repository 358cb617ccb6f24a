/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Safe libxml2 parsing and the shared reference-counted documents. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

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
  char       quote;     /* around attribute values, set before the document is shared */
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
  self->quote = '"';
  doc->_private = self;
  return self;
}

char
_gvirt_xml_quote_of (xmlDocPtr doc)
{
  GVirtXmlDoc *owner = doc != NULL ? doc->_private : NULL;

  return owner != NULL ? owner->quote : '"';
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
  GVirtXmlDoc *self;

  xmlDocSetRootElement (doc, dup);
  /* keep namespace declarations the copied subtree inherited */
  xmlReconciliateNs (doc, dup);
  *copy = dup;
  self = _gvirt_xml_doc_new (doc);
  self->quote = _gvirt_xml_quote_of (node->doc);
  return self;
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
  char quote;

  _gvirt_xml_node_changed (node);
  xmlUnlinkNode (node);
  xmlDOMWrapAdoptNode (NULL, (*owner)->doc, node, doc, NULL, 0);
  xmlDocSetRootElement (doc, node);
  quote = (*owner)->quote;
  _gvirt_xml_doc_unref (*owner);
  *owner = _gvirt_xml_doc_new (doc);
  (*owner)->quote = quote;
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
  GVirtXmlDoc *self;
  gsize length;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  length = strlen (xml);
  doc = _gvirt_xml_parse (xml, length, error);
  if (doc == NULL)
    return NULL;
  if (!_gvirt_xml_check_root (xmlDocGetRootElement (doc), root_name, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  self = _gvirt_xml_doc_new (doc);
  self->quote = _gvirt_xml_detect_quote (xml, length);
  return self;
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
  copy->quote = doc->quote;
  return copy;
}

xmlNodePtr
_gvirt_xml_doc_root (GVirtXmlDoc *doc)
{
  return xmlDocGetRootElement (doc->doc);
}
