/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Safe XML parsing and the shared node-backed field machinery of the config model. */
#pragma once

#include <string.h>
#include <glib-object.h>
#include <libxml/tree.h>

#include "libvirt-gobject/config/gvirt-xml-parse-private.h"

G_BEGIN_DECLS

/* ---- gvirt-xml.c: parsing, shared documents, Relax-NG ---------------------- */

xmlDocPtr _gvirt_xml_parse_file (const char *path,
                                 GError    **error);

/* A reference-counted libxml2 document shared by the objects that view its nodes. */
typedef struct _GVirtXmlDoc GVirtXmlDoc;

GVirtXmlDoc *_gvirt_xml_doc_new           (xmlDocPtr    doc);
GVirtXmlDoc *_gvirt_xml_doc_new_with_root (const char  *root_name,
                                           xmlNodePtr  *root);
GVirtXmlDoc *_gvirt_xml_doc_new_copy      (xmlNodePtr   node,
                                           xmlNodePtr  *copy);
GVirtXmlDoc *_gvirt_xml_doc_ref           (GVirtXmlDoc *doc);
/* The document as _gvirt_xml_to_string() writes it, kept until it changes;
 * _unkept() writes it without keeping it (a caller's configuration). */
char        *_gvirt_xml_doc_to_string        (GVirtXmlDoc *doc);
char        *_gvirt_xml_doc_to_string_unkept (GVirtXmlDoc *doc);
/* The quote written around the attribute values of the GVirtXmlDoc a
 * libxml2 document belongs to: ' or ", the one of the first attribute of
 * the text it was parsed from, " for documents built in memory (and for a
 * libxml2 document of no GVirtXmlDoc); copies keep it. */
char         _gvirt_xml_quote_of             (xmlDocPtr    doc);
/* Whether the values passed the parse-time checks since the last change. */
gboolean     _gvirt_xml_doc_is_checked       (GVirtXmlDoc *doc);
void         _gvirt_xml_doc_set_checked      (GVirtXmlDoc *doc);
/* To call on every change of a tree of a GVirtXmlDoc. */
void         _gvirt_xml_node_changed         (xmlNodePtr   node);
void         _gvirt_xml_doc_unref         (GVirtXmlDoc *doc);
xmlDocPtr    _gvirt_xml_doc_get           (GVirtXmlDoc *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtXmlDoc, _gvirt_xml_doc_unref)

void      _gvirt_xml_node_attach (GVirtXmlDoc **owner,
                                  xmlNodePtr    node,
                                  GVirtXmlDoc  *dest,
                                  xmlNodePtr    dest_parent);
void      _gvirt_xml_node_detach (GVirtXmlDoc **owner,
                                  xmlNodePtr    node);

gboolean  _gvirt_xml_check_root (xmlNodePtr  node,
                                 const char *name,
                                 GError    **error);

GVirtXmlDoc *_gvirt_xml_doc_from_string (const char *xml,
                                         const char *root_name,
                                         GError    **error);
GVirtXmlDoc *_gvirt_xml_doc_from_node   (xmlNodePtr  node,
                                         const char *root_name,
                                         GError    **error);
GVirtXmlDoc *_gvirt_xml_doc_copy        (GVirtXmlDoc *doc);
xmlNodePtr   _gvirt_xml_doc_root        (GVirtXmlDoc *doc);

gboolean  _gvirt_xml_validate  (xmlDocPtr   doc,
                                const char *schema_name,
                                GError    **error);

/* ---- gvirt-xml-node.c: node helpers, <metadata>, comparison ---------------- */

/* An element without a namespace, named @name unless that is NULL; inline
 * because every walk over children asks it of each node. */
static inline gboolean
_gvirt_xml_is_element (xmlNodePtr  node,
                       const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
         (name == NULL || strcmp ((const char *) node->name, name) == 0);
}

xmlNodePtr  _gvirt_xml_child        (xmlNodePtr  node,
                                     const char *name);
xmlNodePtr  _gvirt_xml_next_sibling (xmlNodePtr  node,
                                     const char *name);
xmlNodePtr  _gvirt_xml_new_child    (xmlNodePtr  parent,
                                     const char *name);
xmlNodePtr  _gvirt_xml_lookup       (xmlNodePtr  node,
                                     const char *path,
                                     gboolean    create);
void        _gvirt_xml_prune        (xmlNodePtr  node,
                                     xmlNodePtr  stop);
const char *_gvirt_xml_text         (xmlNodePtr  node);
const char *_gvirt_xml_attr         (xmlNodePtr  node,
                                     const char *name);
void        _gvirt_xml_set_text     (xmlNodePtr  node,
                                     const char *text);
char      **_gvirt_xml_collect      (xmlNodePtr  parent,
                                     const char *name,
                                     const char *attr);
char      **_gvirt_xml_child_names  (xmlNodePtr  parent);
void        _gvirt_xml_replace_list (xmlNodePtr          parent,
                                     const char         *name,
                                     const char         *attr,
                                     const char * const *values);

guint       _gvirt_xml_count        (xmlNodePtr          parent,
                                     const char         *name);
xmlNodePtr  _gvirt_xml_nth          (xmlNodePtr          parent,
                                     const char         *name,
                                     guint               index);
xmlNodePtr  _gvirt_xml_add_with_attrs (xmlNodePtr        parent,
                                       const char       *name,
                                       const char *const *attrs);
void        _gvirt_xml_remove_all   (xmlNodePtr          parent,
                                     const char         *name,
                                     xmlNodePtr          stop);

char     *_gvirt_xml_get_metadata (xmlNodePtr  node,
                                   const char *uri);
gboolean  _gvirt_xml_set_metadata (xmlNodePtr  node,
                                   const char *uri,
                                   const char *prefix,
                                   const char *xml,
                                   GError    **error);

#define GVIRT_DEFINE_METADATA_ACCESSORS(Type, type)                                 \
  char *                                                                          \
  type##_get_metadata (Type *self, const char *uri)                               \
  {                                                                               \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type##_get_type ()), NULL); \
    g_return_val_if_fail (uri != NULL, NULL);                                     \
    return _gvirt_xml_get_metadata (self->node, uri);                             \
  }                                                                               \
  gboolean                                                                        \
  type##_set_metadata (Type *self, const char *uri, const char *prefix,           \
                       const char *xml, GError **error)                           \
  {                                                                               \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type##_get_type ()), FALSE); \
    g_return_val_if_fail (uri != NULL, FALSE);                                    \
    g_return_val_if_fail (prefix != NULL &&                                       \
                          xmlValidateNCName ((const xmlChar *) prefix, 0) == 0, FALSE); \
    g_return_val_if_fail (error == NULL || *error == NULL, FALSE);                \
    return _gvirt_xml_set_metadata (self->node, uri, prefix, xml, error);         \
  }

gboolean  _gvirt_xml_node_equal (xmlNodePtr a,
                                 xmlNodePtr b);

/* ---- gvirt-xml-writer.c: documents and subtrees as text -------------------- */

/* In the quote of the GVirtXmlDoc the document belongs to, if any
 * (_gvirt_xml_quote_of()), else in double quotes as libxml2. */
char     *_gvirt_xml_to_string (xmlDocPtr  doc);
char     *_gvirt_xml_node_to_string (xmlNodePtr node);
char     *_gvirt_xml_to_string_quoted (xmlDocPtr doc,
                                       char      quote);
/* The same through libxml2's serialiser, which the two above reproduce. */
char     *_gvirt_xml_to_string_libxml2      (xmlDocPtr  doc);
char     *_gvirt_xml_node_to_string_libxml2 (xmlNodePtr node);
gboolean  _gvirt_xml_write_node (GString    *out,
                                 xmlNodePtr  node,
                                 char        quote);

/* ---- gvirt-xml-fields.c: values and field tables --------------------------- */

/* UUIDs: canonical lowercase 8-4-4-4-12; also accepts 32 hex digits. */
gboolean  _gvirt_uuid_canonicalize (const char *in,
                                    char        out[37]);

/* CPU sets: "0-3,^2,8", libvirt's syntax. */
gboolean  _gvirt_cpuset_is_valid (const char *text);

/* Scaled sizes: value with libvirt's unit= suffixes, result in KiB. */
gboolean  _gvirt_parse_scaled_kib (const char *text,
                                   const char *unit,
                                   guint64    *kib);

/* ---- Field descriptors ------------------------------------------------------
 * Each config type describes its properties in a table of GVirtField, indexed
 * by property id. The object keeps no copy of the values: getters read the
 * node, setters write it, so unknown content stays in place.
 */
typedef enum {
  GVIRT_FIELD_STRING,
  GVIRT_FIELD_UUID,
  GVIRT_FIELD_CPUSET,
  GVIRT_FIELD_INT,
  GVIRT_FIELD_UINT,
  GVIRT_FIELD_UINT64,
  GVIRT_FIELD_SCALED,
  GVIRT_FIELD_PRESENT,
  /* booleans: both read yes/no/on/off, YESNO writes yes/no, ONOFF on/off
   * (each attribute takes the pair libvirt's schema allows for it) */
  GVIRT_FIELD_YESNO,
  GVIRT_FIELD_ONOFF,
  GVIRT_FIELD_ENUM,
} GVirtFieldKind;

typedef enum {
  GVIRT_FIELD_FLAG_NONE = 0,
  /* writing the default value removes the attribute or element */
  GVIRT_FIELD_FLAG_REMOVE_DEFAULT = 1 << 0,
  /* read-only property */
  GVIRT_FIELD_FLAG_READ_ONLY = 1 << 1,
} GVirtFieldFlags;

typedef struct {
  const char     *name;       /* property name */
  const char     *path;       /* element path below the object's node, NULL for the node */
  const char     *attr;       /* attribute, NULL for the element's text */
  GVirtFieldKind  kind;
  gint64          def;        /* value when absent */
  GType         (*enum_type) (void);
  const char     *blurb;
  GVirtFieldFlags flags;
} GVirtField;

const char *_gvirt_field_get_string (xmlNodePtr        node,
                                     const GVirtField *field);
gboolean    _gvirt_field_set_string (xmlNodePtr        node,
                                     const GVirtField *field,
                                     const char       *value);
guint64     _gvirt_field_get_uint64 (xmlNodePtr        node,
                                     const GVirtField *field);
gboolean    _gvirt_field_set_uint64 (xmlNodePtr        node,
                                     const GVirtField *field,
                                     guint64           value);
gint        _gvirt_field_get_int    (xmlNodePtr        node,
                                     const GVirtField *field);
gboolean    _gvirt_field_set_int    (xmlNodePtr        node,
                                     const GVirtField *field,
                                     gint              value);

void        _gvirt_fields_install      (GObjectClass     *klass,
                                        const GVirtField *fields,
                                        guint             n_props,
                                        GParamSpec      **properties);
gboolean    _gvirt_fields_get_property (xmlNodePtr        node,
                                        const GVirtField *fields,
                                        guint             n_props,
                                        guint             prop_id,
                                        GValue           *value);
gboolean    _gvirt_fields_set_property (GObject          *object,
                                        xmlNodePtr        node,
                                        const GVirtField *fields,
                                        GParamSpec      **properties,
                                        guint             n_props,
                                        guint             prop_id,
                                        const GValue     *value);
gboolean    _gvirt_fields_check        (xmlNodePtr        node,
                                        const GVirtField *fields,
                                        guint             n_props,
                                        GError          **error);

/* Accessor generators: each config .c file defines `fields`,
 * `properties` and a static `type##_node (self)` returning the node. */
#define GVIRT_DEFINE_ACCESSORS(Type, type, prop, PROP, CType, getfn, setfn)        \
  CType                                                                           \
  type##_get_##prop (Type *self)                                                  \
  {                                                                               \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type##_get_type ()),  \
                          (CType) 0);                                             \
    return (CType) getfn (type##_node (self), &fields[PROP]);              \
  }                                                                               \
  void                                                                            \
  type##_set_##prop (Type *self, CType value)                                     \
  {                                                                               \
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type##_get_type ()));     \
    if (setfn (type##_node (self), &fields[PROP], value))                  \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);        \
  }

#define GVIRT_DEFINE_VALIDATE_WITH_SCHEMA(Type, type)                              \
  gboolean                                                                        \
  type##_validate_with_schema (Type *self, const char *schema_file, GError **error) \
  {                                                                               \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type##_get_type ()), FALSE); \
    g_return_val_if_fail (schema_file != NULL, FALSE);                            \
    g_return_val_if_fail (error == NULL || *error == NULL, FALSE);                \
    return _gvirt_xml_validate (_gvirt_xml_doc_get (self->doc), schema_file, error); \
  }

#define GVIRT_DEFINE_STRING_ACCESSORS(Type, type, prop, PROP)                      \
  GVIRT_DEFINE_ACCESSORS (Type, type, prop, PROP, const char *,                   \
                          _gvirt_field_get_string, _gvirt_field_set_string)
#define GVIRT_DEFINE_UINT64_ACCESSORS(Type, type, prop, PROP, CType)               \
  GVIRT_DEFINE_ACCESSORS (Type, type, prop, PROP, CType,                          \
                          _gvirt_field_get_uint64, _gvirt_field_set_uint64)
#define GVIRT_DEFINE_INT_ACCESSORS(Type, type, prop, PROP)                         \
  GVIRT_DEFINE_ACCESSORS (Type, type, prop, PROP, gint,                           \
                          _gvirt_field_get_int, _gvirt_field_set_int)

/* The common get/set_property bodies of a node-backed type. */
static inline gboolean
_gvirt_no_special_property (gpointer self, guint prop_id, GValue *value)
{
  return FALSE;
}

#define GVIRT_DEFINE_PROPERTY_FUNCS(Type, type, special)                           \
  static void                                                                     \
  type##_get_property (GObject *object, guint prop_id, GValue *value,             \
                       GParamSpec *pspec)                                         \
  {                                                                               \
    if (!special ((gpointer) object, prop_id, value) &&                           \
        !_gvirt_fields_get_property (type##_node ((Type *) object), fields, \
                                     N_PROPS, prop_id, value))                    \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                 \
  }                                                                               \
  static void                                                                     \
  type##_set_property (GObject *object, guint prop_id, const GValue *value,       \
                       GParamSpec *pspec)                                         \
  {                                                                               \
    if (!_gvirt_fields_set_property (object, type##_node ((Type *) object),      \
                                     fields, properties, N_PROPS,  \
                                     prop_id, value))                             \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                 \
  }

G_END_DECLS
