/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libxml2 for the test node files: safe parsing, and elements back to text for the config model. */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-backend-read-private.h"
#include "gvirt-test-xml-private.h"
#include "libvirt-gobject/config/gvirt-xml-message-private.h"

/*
 * A node file is split into its elements here; the domains and networks
 * in it are handed to the config model as text, which it parses as it
 * parses any document, with the config model's own parser
 * (config/gvirt-xml-parse.c, compiled into this module too).
 */

/* ---- Parsing ----------------------------------------------------------- */

/* Fails in G_FILE_ERROR when the file cannot be read, is not a regular file or
 * is over GVIRT_XML_MAX_SIZE (the message does not name it), else as
 * _gvirt_xml_parse() with the path before the message. *@quote is the one
 * of the file's attributes (_gvirt_xml_detect_quote()). */
xmlDocPtr
_gvirt_test_xml_parse_file (const char *path,
                            char       *quote,
                            GError    **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  GError *local_error = NULL;
  xmlDocPtr doc;

  if (!_gvirt_backend_read_file (path, GVIRT_XML_MAX_SIZE, &contents, &length, error))
    return NULL;

  doc = _gvirt_xml_parse (contents, length, &local_error);
  if (doc == NULL)
    g_propagate_prefixed_error (error, local_error, "%s: ", path);
  else
    {
      xmlNodeSetBase ((xmlNodePtr) doc, (const xmlChar *) path);
      *quote = _gvirt_xml_detect_quote (contents, length);
    }
  return doc;
}

/* ---- Elements as text, on their lines ---------------------------------- */

/*
 * The config model names the line of what it refuses. An element of a node
 * file goes to it as text in which every element starts on the line it had
 * in the file: blank lines go before a start tag where the parser drops
 * them again (XML_PARSE_NOBLANKS, outside mixed content), so the config is
 * the one the element's own tree would give.
 */
typedef struct {
  GString *out;
  long     line;   /* the line the text written so far ends on */
  char     quote;  /* around attribute values, the file's: the config model keeps it */
} Writer;

static void
write_raw (Writer     *w,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      w->line++;
  g_string_append (w->out, text);
}

static void
write_escaped (Writer        *w,
               const xmlChar *text,
               gboolean       attr)
{
  if (text == NULL)
    return;
  for (const char *p = (const char *) text; *p != '\0'; p++)
    switch (*p)
      {
      case '&':
        g_string_append (w->out, "&amp;");
        break;
      case '<':
        g_string_append (w->out, "&lt;");
        break;
      case '>':
        g_string_append (w->out, attr ? ">" : "&gt;");
        break;
      case '"':
        g_string_append (w->out, attr ? "&quot;" : "\"");
        break;
      case '\'':
        g_string_append (w->out, attr && w->quote == '\'' ? "&apos;" : "'");
        break;
      case '\r':
        g_string_append (w->out, "&#13;");
        break;
      case '\n':
        if (attr)
          g_string_append (w->out, "&#10;");
        else
          {
            g_string_append_c (w->out, '\n');
            w->line++;
          }
        break;
      case '\t':
        g_string_append (w->out, attr ? "&#9;" : "\t");
        break;
      default:
        g_string_append_c (w->out, *p);
      }
}

static void
write_name (Writer        *w,
            xmlNsPtr       ns,
            const xmlChar *name)
{
  if (ns != NULL && ns->prefix != NULL)
    {
      g_string_append (w->out, (const char *) ns->prefix);
      g_string_append_c (w->out, ':');
    }
  g_string_append (w->out, (const char *) name);
}

/* Whether blanks written before a child of @parent, after @prev, are dropped by the parser. */
static gboolean
blanks_dropped (xmlNodePtr parent,
                xmlNodePtr prev)
{
  return (prev == NULL || prev->type != XML_TEXT_NODE) &&
         (parent->children == NULL || parent->children->type != XML_TEXT_NODE) &&
         xmlNodeGetSpacePreserve (parent) != 1;
}

static void
write_node (Writer     *w,
            xmlNodePtr  node,
            gboolean    pad)
{
  switch (node->type)
    {
    case XML_ELEMENT_NODE:
      {
        long line = xmlGetLineNo (node);

        if (pad)
          for (; w->line < line; w->line++)
            g_string_append_c (w->out, '\n');
        g_string_append_c (w->out, '<');
        write_name (w, node->ns, node->name);
        for (xmlNsPtr ns = node->nsDef; ns != NULL; ns = ns->next)
          {
            g_string_append (w->out, " xmlns");
            if (ns->prefix != NULL)
              {
                g_string_append_c (w->out, ':');
                g_string_append (w->out, (const char *) ns->prefix);
              }
            g_string_append_c (w->out, '=');
            g_string_append_c (w->out, w->quote);
            write_escaped (w, ns->href, TRUE);
            g_string_append_c (w->out, w->quote);
          }
        for (xmlAttrPtr a = node->properties; a != NULL; a = a->next)
          {
            g_autofree xmlChar *value = xmlNodeGetContent ((xmlNodePtr) a);

            g_string_append_c (w->out, ' ');
            write_name (w, a->ns, a->name);
            g_string_append_c (w->out, '=');
            g_string_append_c (w->out, w->quote);
            write_escaped (w, value, TRUE);
            g_string_append_c (w->out, w->quote);
          }
        if (node->children == NULL)
          {
            g_string_append (w->out, "/>");
            break;
          }
        g_string_append_c (w->out, '>');
        for (xmlNodePtr c = node->children; c != NULL; c = c->next)
          write_node (w, c, blanks_dropped (node, c->prev));
        g_string_append (w->out, "</");
        write_name (w, node->ns, node->name);
        g_string_append_c (w->out, '>');
        break;
      }
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      write_escaped (w, node->content, FALSE);
      break;
    case XML_COMMENT_NODE:
      g_string_append (w->out, "<!--");
      write_raw (w, (const char *) node->content);
      g_string_append (w->out, "-->");
      break;
    case XML_PI_NODE:
      g_string_append (w->out, "<?");
      g_string_append (w->out, (const char *) node->name);
      if (node->content != NULL)
        {
          g_string_append_c (w->out, ' ');
          write_raw (w, (const char *) node->content);
        }
      g_string_append (w->out, "?>");
      break;
    default:
      /* entity references cannot be: the parser refuses them */
      break;
    }
}

/*
 * _gvirt_test_xml_element_to_string:
 * @element: an element whose namespaces are declared on it or below
 *   (xmlReconciliateNs() for a copied element)
 * @quote: the quote to write around attribute values, the one of the file
 *   @element was read from
 *
 * Returns: (transfer full): @element as a document, each element on the line
 *   it was read from
 */
char *
_gvirt_test_xml_element_to_string (xmlNodePtr element,
                                   char       quote)
{
  Writer w = { g_string_sized_new (1024), 1, quote };

  write_node (&w, element, TRUE);
  g_string_append_c (w.out, '\n');
  return g_string_free (w.out, FALSE);
}

/*
 * _gvirt_test_xml_node_to_string:
 * @node: a node
 *
 * Returns: (transfer full): @node and its subtree, indented as the config
 *   model writes XML, with a final newline
 */
char *
_gvirt_test_xml_node_to_string (xmlNodePtr node)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlSaveCtxtPtr save = xmlSaveToBuffer (buf, "UTF-8", XML_SAVE_FORMAT | XML_SAVE_NO_DECL);
  char *out;

  xmlSaveTree (save, node);
  xmlSaveFlush (save);
  xmlBufferCCat (buf, "\n");
  xmlSaveClose (save);
  out = g_strdup ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  return out;
}
