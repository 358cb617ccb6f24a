/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Relax-NG validation: schemas loaded without libxml2 printing, and errors naming the element that is wrong. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include <stdarg.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

#define RNG_NS "http://relaxng.org/ns/structure/1.0"

/* How many trial validations one error report may cost: each is a full
 * validation, and a document may hold many thousands of elements. */
#define MAX_PROBES 512

/* A loaded schema, with the names of the elements and attributes it
 * defines anywhere: an element whose name the schema never mentions "is not
 * allowed here"; one it mentions is in the wrong place or not valid. An
 * attribute an element declares inline is also kept as "ELEMENT/NAME":
 * there only its value can be wrong. */
typedef struct {
  xmlRelaxNGPtr  rng;
  GHashTable    *elements;
  GHashTable    *attributes;
} Schema;

static GMutex schema_lock;
static GHashTable *schemas;

/* ---- Quiet libxml2 ------------------------------------------------------- */

/* The first message libxml2 had, instead of its printing to stderr. */
typedef struct {
  char *message;
  int   line;
} Quiet;

static void
quiet_structured (void        *user_data,
                  xmlErrorPtr  err)
{
  Quiet *quiet = user_data;

  if (quiet != NULL && quiet->message == NULL && err != NULL && err->message != NULL)
    {
      quiet->message = g_strstrip (g_strdup (err->message));
      quiet->line = err->line;
    }
}

static void
quiet_generic (void       *ctx,
               const char *msg,
               ...)
{
}

typedef struct {
  xmlStructuredErrorFunc structured;
  void                  *structured_data;
  xmlGenericErrorFunc    generic;
  void                  *generic_data;
} SavedHandlers;

/* libxml2 reports what it meets while reading a file (a missing file, a
 * document that is not well-formed) through the thread's global handlers,
 * whose default prints: replace them for the time of a parse. */
static void
quiet_begin (SavedHandlers *saved,
             Quiet         *quiet)
{
  saved->structured = xmlStructuredError;
  saved->structured_data = xmlStructuredErrorContext;
  saved->generic = xmlGenericError;
  saved->generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (quiet, quiet_structured);
  xmlSetGenericErrorFunc (NULL, quiet_generic);
}

static void
quiet_end (SavedHandlers *saved)
{
  xmlSetStructuredErrorFunc (saved->structured_data, saved->structured);
  xmlSetGenericErrorFunc (saved->generic_data, saved->generic);
}

/* ---- Loading ------------------------------------------------------------- */

static char *
schema_path (const char *schema_name)
{
  const char *dir = g_getenv ("GVIRT_SCHEMA_DIR");

  if (g_path_is_absolute (schema_name))
    return g_strdup (schema_name);

  return g_build_filename (dir && *dir ? dir : GVIRT_DATADIR G_DIR_SEPARATOR_S "schemas",
                           schema_name, NULL);
}

static gboolean
is_rng (xmlNodePtr  node,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *) node->ns->href, RNG_NS) == 0 &&
         strcmp ((const char *) node->name, name) == 0;
}

static void collect_names (Schema *schema, const char *path, guint depth);

static void
add_name (GHashTable *into,
          const char *element,
          const char *name)
{
  g_autofree char *bare = g_strstrip (g_strdup (name));

  if (element != NULL)
    g_hash_table_add (into, g_strconcat (element, "/", bare, NULL));
  g_hash_table_add (into, g_steal_pointer (&bare));
}

/* The names an <element> or <attribute> pattern (or its name class) gives;
 * an attribute's also as "ELEMENT/NAME" when @element declares it. */
static void
collect_pattern_names (GHashTable *into,
                       const char *element,
                       xmlNodePtr  pattern)
{
  g_autofree char *name = (char *) xmlGetProp (pattern, (const xmlChar *) "name");
  xmlNodePtr class = pattern->children;

  if (name != NULL)
    {
      add_name (into, element, name);
      return;
    }
  while (class != NULL && class->type != XML_ELEMENT_NODE)
    class = class->next;
  if (class == NULL || !(is_rng (class, "name") || is_rng (class, "choice")))
    return;
  if (is_rng (class, "name"))
    {
      g_autofree char *text = (char *) xmlNodeGetContent (class);
      add_name (into, element, text);
      return;
    }
  for (class = class->children; class != NULL; class = class->next)
    if (is_rng (class, "name"))
      {
        g_autofree char *text = (char *) xmlNodeGetContent (class);
        add_name (into, element, text);
      }
}

/* @element: the name of the <element> pattern @node is in, NULL when it
 * has none (a name class) or @node is in a <define> of its own. */
static void
collect_node_names (Schema     *schema,
                    const char *dir,
                    xmlNodePtr  node,
                    const char *element,
                    guint       depth)
{
  for (; node != NULL; node = node->next)
    {
      g_autofree char *name = NULL;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_rng (node, "element"))
        {
          collect_pattern_names (schema->elements, NULL, node);
          name = (char *) xmlGetProp (node, (const xmlChar *) "name");
          collect_node_names (schema, dir, node->children, name, depth);
          continue;
        }
      if (is_rng (node, "attribute"))
        collect_pattern_names (schema->attributes, element, node);
      else if (is_rng (node, "include") || is_rng (node, "externalRef"))
        {
          g_autofree char *href = (char *) xmlGetProp (node, (const xmlChar *) "href");
          g_autofree char *path = NULL;

          if (href != NULL && strchr (href, ':') == NULL)
            {
              path = g_path_is_absolute (href) ? g_strdup (href) : g_build_filename (dir, href, NULL);
              collect_names (schema, path, depth + 1);
            }
        }
      collect_node_names (schema, dir, node->children, is_rng (node, "define") ? NULL : element, depth);
    }
}

static void
collect_names (Schema     *schema,
               const char *path,
               guint       depth)
{
  g_autofree char *dir = g_path_get_dirname (path);
  xmlDocPtr doc;

  if (depth > 16)
    return;
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return;
  collect_node_names (schema, dir, xmlDocGetRootElement (doc), NULL, depth);
  xmlFreeDoc (doc);
}

static Schema *
schema_new (const char *path,
            GError    **error)
{
  SavedHandlers saved;
  Quiet quiet = { NULL, 0 };
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr rng;
  Schema *schema;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("The Relax-NG schema “%s” does not exist."), path);
      return NULL;
    }

  quiet_begin (&saved, &quiet);
  pctxt = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNGSetParserErrors (pctxt, quiet_generic, quiet_generic, NULL);
  xmlRelaxNGSetParserStructuredErrors (pctxt, quiet_structured, &quiet);
  rng = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (rng == NULL)
    {
      quiet_end (&saved);
      if (quiet.message != NULL && quiet.line > 0)
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                     _("Could not load the Relax-NG schema “%s”: line %d: %s"),
                     path, quiet.line, quiet.message);
      else
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                     _("Could not load the Relax-NG schema “%s”: %s"),
                     path, quiet.message != NULL ? quiet.message : _("it is not a schema"));
      g_free (quiet.message);
      return NULL;
    }

  schema = g_new0 (Schema, 1);
  schema->rng = rng;
  schema->elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  schema->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  collect_names (schema, path, 0);
  quiet_end (&saved);
  g_free (quiet.message);
  return schema;
}

/* Schemas stay loaded for the life of the process, like libxml2's own
 * parsed schemas in libvirt. */
static Schema *
load_schema (const char *schema_name,
             GError    **error)
{
  g_autofree char *path = schema_path (schema_name);
  Schema *schema;

  g_mutex_lock (&schema_lock);
  if (schemas == NULL)
    schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  schema = g_hash_table_lookup (schemas, path);
  if (schema == NULL)
    {
      schema = schema_new (path, error);
      if (schema != NULL)
        g_hash_table_insert (schemas, g_strdup (path), schema);
    }
  g_mutex_unlock (&schema_lock);
  return schema;
}

/* ---- Validating ---------------------------------------------------------- */

/* libxml2's first error that names a node. */
typedef struct {
  xmlNodePtr node;
  int        code;
  int        line;
  char      *str1;
} Report;

static void
collect_report (void        *user_data,
                xmlErrorPtr  err)
{
  Report *report = user_data;

  xmlNodePtr node = err->node;
  int line = err->line;

  if (report->node != NULL || node == NULL)
    return;
  if (node->type != XML_ELEMENT_NODE)
    node = node->parent;
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return;
  /* "Element domain failed to validate attributes" comes on the first child
   * of <domain>: the element meant is the one the message names */
  if ((err->code == XML_RELAXNG_ERR_ATTRVALID || err->code == XML_RELAXNG_ERR_CONTENTVALID) &&
      err->str1 != NULL)
    {
      xmlNodePtr up;

      for (up = node; up != NULL && up->type == XML_ELEMENT_NODE; up = up->parent)
        if (strcmp ((const char *) up->name, err->str1) == 0)
          break;
      if (up != NULL && up->type == XML_ELEMENT_NODE && up != node)
        {
          node = up;
          line = (int) xmlGetLineNo (up);
        }
    }
  report->node = node;
  report->code = err->code;
  report->line = line;
  report->str1 = g_strdup (err->str1);
}

static void
ignore_report (void        *user_data,
               xmlErrorPtr  err)
{
}

typedef struct {
  Schema   *schema;
  xmlDocPtr doc;
  guint     probes;
} Probe;

static gboolean
accepts (Probe  *probe,
         Report *report)
{
  xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (probe->schema->rng);
  int ret;

  probe->probes++;
  xmlRelaxNGSetValidErrors (vctxt, quiet_generic, quiet_generic, NULL);
  xmlRelaxNGSetValidStructuredErrors (vctxt, report != NULL ? collect_report : ignore_report, report);
  ret = xmlRelaxNGValidateDoc (vctxt, probe->doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  return ret == 0;
}

/* Whether the schema accepts the document once @node (an element or an
 * attribute) is taken out of it; @node is put back, the copy being the
 * probe's own. */
static gboolean
accepts_without (Probe     *probe,
                 xmlNodePtr node)
{
  xmlNodePtr parent = node->parent;
  xmlNodePtr next = node->next;
  gboolean ok;

  if (probe->probes >= MAX_PROBES)
    return FALSE;
  xmlUnlinkNode (node);
  ok = accepts (probe, NULL);
  if (next != NULL && node->type != XML_ATTRIBUTE_NODE)
    xmlAddPrevSibling (next, node);
  else
    xmlAddChild (parent, node);
  return ok;
}

/* The deepest element, from the root down, that alone makes the document
 * invalid: taking it out makes the document valid. The root when there is
 * no such element (an error in the root itself, a missing element, errors
 * in several places). */
static xmlNodePtr
find_element (Probe *probe)
{
  xmlNodePtr node = xmlDocGetRootElement (probe->doc);

  for (;;)
    {
      xmlNodePtr child;

      for (child = node->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && accepts_without (probe, child))
          break;
      if (child == NULL)
        return node;
      node = child;
    }
}

static xmlAttrPtr
find_attribute (Probe     *probe,
                xmlNodePtr element)
{
  g_autoptr(GPtrArray) attrs = g_ptr_array_new ();
  xmlAttrPtr attr;
  guint i;

  /* each one taken out goes back last: list them first */
  for (attr = element->properties; attr != NULL; attr = attr->next)
    g_ptr_array_add (attrs, attr);
  for (i = 0; i < attrs->len; i++)
    if (accepts_without (probe, g_ptr_array_index (attrs, i)))
      return g_ptr_array_index (attrs, i);
  return NULL;
}

/* @error in GVIRT_ERROR_INVALID_XML: the sentence, after its line when the
 * element has one (an element made in memory has none). */
static void G_GNUC_PRINTF (3, 4)
set_invalid (GError    **error,
             int         line,
             const char *format,
             ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML, _("line %d: %s"), line, sentence);
  else
    g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML, sentence);
}

static void
set_element_error (GError    **error,
                   Schema     *schema,
                   xmlNodePtr  element,
                   int         line)
{
  const char *name = (const char *) element->name;

  if (!g_hash_table_contains (schema->elements, name))
    set_invalid (error, line, _("element “%s” is not allowed here."), name);
  else
    set_invalid (error, line,
                 _("element “%s” is not allowed here, or its attributes or content are not valid."),
                 name);
}

static void
set_attribute_error (GError    **error,
                     Schema     *schema,
                     xmlNodePtr  element,
                     const char *attribute,
                     int         line)
{
  g_autofree char *declared = g_strconcat ((const char *) element->name, "/", attribute, NULL);

  if (g_hash_table_contains (schema->attributes, declared))
    set_invalid (error, line, _("the value of attribute “%s” of element “%s” is not allowed."),
                 attribute, (const char *) element->name);
  else if (!g_hash_table_contains (schema->attributes, attribute))
    set_invalid (error, line, _("element “%s” does not allow attribute “%s”."),
                 (const char *) element->name, attribute);
  else
    set_invalid (error, line,
                 _("element “%s” does not allow attribute “%s”, or not with this value."),
                 (const char *) element->name, attribute);
}

/* What libxml2 said about @report's node, in a sentence of GVirt's. */
static void
set_report_error (GError    **error,
                  Schema     *schema,
                  Report     *report)
{
  xmlNodePtr node = report->node;
  int line = report->line > 0 ? report->line : (int) xmlGetLineNo (node);
  const char *name = (const char *) node->name;

  switch (report->code)
    {
    case XML_RELAXNG_ERR_INVALIDATTR:
      if (report->str1 != NULL)
        set_attribute_error (error, schema, node, report->str1, line);
      else
        set_invalid (error, line,
                     _("an attribute of element “%s” is missing or has a value that is not allowed."),
                     name);
      break;
    case XML_RELAXNG_ERR_ATTRVALID:
      set_invalid (error, line,
                   _("an attribute of element “%s” is missing or has a value that is not allowed."),
                   name);
      break;
    case XML_RELAXNG_ERR_EXTRACONTENT:
    case XML_RELAXNG_ERR_ELEMWRONG:
    case XML_RELAXNG_ERR_ELEMEXTRANS:
      set_element_error (error, schema, node, line);
      break;
    case XML_RELAXNG_ERR_NOELEM:
      if (report->str1 != NULL)
        {
          set_invalid (error, line, _("element “%s” lacks element “%s”."), name, report->str1);
          break;
        }
      G_GNUC_FALLTHROUGH;
    default:
      set_invalid (error, line, _("the content of element “%s” does not match the schema."),
                   name);
      break;
    }
}

static gboolean
is_within (xmlNodePtr node,
           xmlNodePtr ancestor)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

/* libxml2 names the element holding an <interleave> or <optional> that
 * failed, not the child that made it fail: find that child by taking
 * elements out of a copy of the document, then its attributes. */
static void
explain (Schema    *schema,
         xmlDocPtr  doc,
         GError   **error)
{
  Probe probe = { schema, xmlCopyDoc (doc, 1), 0 };
  Report report = { NULL, 0, 0, NULL };
  xmlNodePtr root = xmlDocGetRootElement (probe.doc);
  xmlNodePtr element;
  xmlAttrPtr attr;

  accepts (&probe, &report);
  element = find_element (&probe);
  attr = find_attribute (&probe, element);
  if (attr != NULL)
    set_attribute_error (error, schema, element, (const char *) attr->name, (int) xmlGetLineNo (element));
  else if (report.node != NULL && (element == root || is_within (report.node, element)))
    set_report_error (error, schema, &report);
  else if (element != root)
    set_element_error (error, schema, element, (int) xmlGetLineNo (element));
  else
    g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                         _("The document does not match the schema."));
  g_free (report.str1);
  xmlFreeDoc (probe.doc);
}

gboolean
_gvirt_xml_validate (xmlDocPtr   doc,
                     const char *schema_name,
                     GError    **error)
{
  Schema *schema = load_schema (schema_name, error);
  Probe probe = { schema, doc, 0 };

  if (schema == NULL)
    return FALSE;
  if (accepts (&probe, NULL))
    return TRUE;
  explain (schema, doc, error);
  return FALSE;
}
