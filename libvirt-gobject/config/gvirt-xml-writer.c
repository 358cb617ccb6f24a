/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Writes trees byte for byte as libxml2's indenting serialiser does, into one GString, or through libxml2 when it must. */
#include "libvirt-gobject/config/gvirt-xml-private.h"

#include <string.h>
#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlsave.h>

/*
 * xmlSaveTree() with XML_SAVE_FORMAT and UTF-8 output pays an output-buffer
 * call for every name, attribute and quote it writes, which makes writing a
 * 1.3 KB domain cost as much as parsing it. This writer produces the same
 * bytes for the trees the config model holds: elements, namespaces,
 * attributes, text, comments and processing instructions, indented by two
 * spaces per level (at most 30 levels, as libxml2) unless an element has
 * text among its children. It returns FALSE, leaving the job to libxml2,
 * for anything else (entity references, CDATA, DTD nodes, a namespace URI
 * with both quotes, text that is not valid UTF-8 in an attribute, or
 * libxml2's global layout settings changed), so the result never differs
 * from libxml2's but for the quotes below.
 *
 * libxml2 does not record which quote an attribute had in the input, and
 * writes double quotes. This writer writes the document's own quote
 * (_gvirt_xml_quote_of(): the one of the input's first attribute,
 * double quotes for documents built in memory); with single quotes, as
 * libvirt writes, a ' in a value is &apos; and a " stays &quot;, as
 * libvirt escapes both. What it leaves to libxml2 comes out with double
 * quotes whatever the document's quote.
 */

#define INDENT_SIZE 2
#define INDENT_MAX  30
#define DEPTH_MAX   1000

typedef struct {
  GString  *out;
  gboolean  attr_char_refs;   /* non-ASCII in attributes as &#x..; (no document encoding) */
  gboolean  format;           /* indenting, as libxml2's ctxt->format == 1 */
  guint     level;
  char      quote;            /* around attribute values: " or ' */
  char      opening[2];       /* = and the quote, written at once */
} Writer;

/* g_string_append_len() without the checks for overlap and insertion,
 * which cost more than the copy of the few bytes each call writes. */
static inline void
put (Writer     *w,
     const char *text,
     gsize       len)
{
  GString *out = w->out;

  if (G_UNLIKELY (out->len + len >= out->allocated_len))
    {
      gsize used = out->len;

      g_string_set_size (out, used + len);
      out->len = used;
    }
  memcpy (out->str + out->len, text, len);
  out->len += len;
  out->str[out->len] = '\0';
}

static inline void
put_str (Writer     *w,
         const char *text)
{
  put (w, text, strlen (text));
}

#define PUT_LITERAL(w, literal) put ((w), (literal), sizeof (literal) - 1)

static void
write_indent (Writer *w)
{
  static const char spaces[INDENT_SIZE * INDENT_MAX + 1] =
    "                                                            ";

  put (w, spaces, INDENT_SIZE * MIN (w->level, INDENT_MAX));
}

static void
write_qname (Writer     *w,
             xmlNsPtr    ns,
             const char *name)
{
  if (ns != NULL && ns->prefix != NULL)
    {
      put_str (w, (const char *) ns->prefix);
      PUT_LITERAL (w, ":");
    }
  put_str (w, name);
}

/* Text content, escaped as xmlEscapeContent() does. */
static void
write_text (Writer        *w,
            const xmlChar *text)
{
  const xmlChar *p, *run = text;

  for (p = text; *p != '\0'; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '&': entity = "&amp;"; break;
        case '\r': entity = "&#13;"; break;
        default: continue;
        }
      put (w, (const char *) run, p - run);
      put_str (w, entity);
      run = p + 1;
    }
  put (w, (const char *) run, p - run);
}

/* The code point of the UTF-8 sequence at @p and its length, as
 * xmlBufAttrSerializeTxtContent() reads it; 0 when libxml2 would report
 * an encoding error. */
static gunichar
utf8_char (const xmlChar *p,
           guint         *len)
{
  gunichar c;

  guint i;

  if (*p < 0xC0 || *p >= 0xF8)
    return 0;
  *len = *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
  /* (libxml2 would read on past the end of a truncated sequence) */
  for (i = 1; i < *len; i++)
    if ((p[i] & 0xC0) != 0x80)
      return 0;
  if (*p < 0xE0)
    {
      c = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    }
  else if (*p < 0xF0)
    {
      c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
  else
    {
      c = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
  /* xmlIsChar() above ASCII */
  if ((c >= 0x80 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
    return c;
  return 0;
}

/* An attribute value, escaped as xmlBufAttrSerializeTxtContent() does. */
static gboolean
write_attr_text (Writer        *w,
                 const xmlChar *text)
{
  const xmlChar *p = text, *run = text;

  while (*p != '\0')
    {
      const char *entity;
      gunichar c;
      guint len;

      switch (*p)
        {
        case '\n': entity = "&#10;"; break;
        case '\r': entity = "&#13;"; break;
        case '\t': entity = "&#9;"; break;
        case '"': entity = "&quot;"; break;
        case '\'':
          if (w->quote == '\'')
            {
              entity = "&apos;";
              break;
            }
          p++;
          continue;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '&': entity = "&amp;"; break;
        default:
          if (*p < 0x80 || !w->attr_char_refs)
            {
              p++;
              continue;
            }
          if ((c = utf8_char (p, &len)) == 0)
            return FALSE;
          put (w, (const char *) run, p - run);
          g_string_append_printf (w->out, "&#x%X;", c);
          p += len;
          run = p;
          continue;
        }
      put (w, (const char *) run, p - run);
      put_str (w, entity);
      run = ++p;
    }
  put (w, (const char *) run, p - run);
  return TRUE;
}

static gboolean
write_start_tag (Writer     *w,
                 xmlNodePtr  node)
{
  xmlAttrPtr attr;
  xmlNsPtr ns;

  PUT_LITERAL (w, "<");
  write_qname (w, node->ns, (const char *) node->name);
  for (ns = node->nsDef; ns != NULL; ns = ns->next)
    {
      char quote = w->quote;

      if (ns->type != XML_LOCAL_NAMESPACE || ns->href == NULL ||
          (ns->prefix != NULL && strcmp ((const char *) ns->prefix, "xml") == 0))
        continue;
      /* as libxml2, the other quote around a URI that holds this one (a
       * URI with both, which libxml2 escapes, is libxml2's to write) */
      if (strchr ((const char *) ns->href, quote) != NULL)
        {
          quote = quote == '"' ? '\'' : '"';
          if (strchr ((const char *) ns->href, quote) != NULL)
            return FALSE;
        }
      put_str (w, ns->prefix != NULL ? " xmlns:" : " xmlns=");
      if (ns->prefix != NULL)
        {
          put_str (w, (const char *) ns->prefix);
          PUT_LITERAL (w, "=");
        }
      put (w, &quote, 1);
      put_str (w, (const char *) ns->href);
      put (w, &quote, 1);
    }
  for (attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlNodePtr child;

      PUT_LITERAL (w, " ");
      write_qname (w, attr->ns, (const char *) attr->name);
      put (w, w->opening, 2);
      for (child = attr->children; child != NULL; child = child->next)
        if (child->type == XML_ENTITY_REF_NODE ||
            (child->type == XML_TEXT_NODE && child->content != NULL &&
             !write_attr_text (w, child->content)))
          return FALSE;
      put (w, &w->quote, 1);
    }
  return TRUE;
}

static gboolean write_node (Writer *w, xmlNodePtr node, gboolean top);

static gboolean
write_element (Writer     *w,
               xmlNodePtr  node,
               gboolean    top)
{
  gboolean format = w->format;
  xmlNodePtr child;

  if (!top && w->format)
    write_indent (w);
  if (!write_start_tag (w, node))
    return FALSE;
  if (node->children == NULL)
    {
      PUT_LITERAL (w, "/>");
      return TRUE;
    }

  /* text among the children: no layout inside this element */
  for (child = node->children; child != NULL && w->format; child = child->next)
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE ||
        child->type == XML_ENTITY_REF_NODE)
      w->format = FALSE;
  if (w->format)
    PUT_LITERAL (w, ">\n");
  else
    PUT_LITERAL (w, ">");

  if (++w->level > DEPTH_MAX)
    return FALSE;
  for (child = node->children; child != NULL; child = child->next)
    {
      if (!write_node (w, child, FALSE))
        return FALSE;
      if (w->format)
        PUT_LITERAL (w, "\n");
    }
  w->level--;

  if (w->format)
    write_indent (w);
  PUT_LITERAL (w, "</");
  write_qname (w, node->ns, (const char *) node->name);
  PUT_LITERAL (w, ">");
  w->format = format;
  return TRUE;
}

static gboolean
write_node (Writer     *w,
            xmlNodePtr  node,
            gboolean    top)
{
  switch (node->type)
    {
    case XML_ELEMENT_NODE:
      return write_element (w, node, top);

    case XML_TEXT_NODE:
      if (node->name == xmlStringTextNoenc)   /* written unescaped */
        return FALSE;
      if (node->content != NULL)
        write_text (w, node->content);
      return TRUE;

    case XML_COMMENT_NODE:
      if (!top && w->format)
        write_indent (w);
      if (node->content != NULL)
        {
          PUT_LITERAL (w, "<!--");
          put_str (w, (const char *) node->content);
          PUT_LITERAL (w, "-->");
        }
      return TRUE;

    case XML_PI_NODE:
      if (!top && w->format)
        write_indent (w);
      PUT_LITERAL (w, "<?");
      put_str (w, (const char *) node->name);
      if (node->content != NULL)
        {
          PUT_LITERAL (w, " ");
          put_str (w, (const char *) node->content);
        }
      PUT_LITERAL (w, "?>");
      return TRUE;

    default:
      return FALSE;
    }
}

/* Appends @node and its subtree to @out as xmlSaveTree() with
 * XML_SAVE_FORMAT and UTF-8 would, but with @quote around attribute
 * values; FALSE (and @out in an unspecified state) when the tree holds
 * something only libxml2 writes. */
gboolean
_gvirt_xml_write_node (GString    *out,
                       xmlNodePtr  node,
                       char        quote)
{
  Writer w = { out, TRUE, TRUE, 0, quote, { '=', quote } };

  g_return_val_if_fail (quote == '"' || quote == '\'', FALSE);

  /* libxml2's layout settings are global: only its defaults are ours */
  if (!xmlIndentTreeOutput || xmlSaveNoEmptyTags ||
      strcmp (xmlTreeIndentString, "  ") != 0)
    return FALSE;
  if (node->doc != NULL)
    {
      if (node->doc->type != XML_DOCUMENT_NODE)
        return FALSE;
      w.attr_char_refs = node->doc->encoding == NULL;
    }
  return write_node (&w, node, TRUE);
}

/* ---- Documents and subtrees as text ------------------------------------ */

/* @first followed by a newline; with @siblings (a document's first child)
 * the nodes after it too, each with its newline, but DTDs. */
static char *
nodes_to_string_libxml2 (xmlNodePtr first,
                         gboolean   siblings)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  xmlSaveCtxtPtr save = xmlSaveToBuffer (buf, "UTF-8",
                                         XML_SAVE_FORMAT | XML_SAVE_NO_DECL);
  xmlNodePtr node;
  char *out;

  for (node = first; node != NULL; node = siblings ? node->next : NULL)
    {
      if (siblings && node->type == XML_DTD_NODE)
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

/* The same through the writer above with @quote, or libxml2 for what it
 * does not write. */
static char *
nodes_to_string (xmlNodePtr first,
                 gboolean   siblings,
                 gsize      size,
                 char       quote)
{
  GString *out = g_string_sized_new (size);
  xmlNodePtr node;

  for (node = first; node != NULL; node = siblings ? node->next : NULL)
    {
      if (siblings && node->type == XML_DTD_NODE)
        continue;
      if (!_gvirt_xml_write_node (out, node, quote))
        {
          g_string_free (out, TRUE);
          return nodes_to_string_libxml2 (first, siblings);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

char *
_gvirt_xml_node_to_string_libxml2 (xmlNodePtr node)
{
  return nodes_to_string_libxml2 (node, FALSE);
}

char *
_gvirt_xml_to_string_libxml2 (xmlDocPtr doc)
{
  return nodes_to_string_libxml2 (doc->children, TRUE);
}

/* The node and its subtree, indented, with a final newline, in the
 * quote of its GVirtXmlDoc. */
char *
_gvirt_xml_node_to_string (xmlNodePtr node)
{
  return nodes_to_string (node, FALSE, 1024, _gvirt_xml_quote_of (node->doc));
}

/* The nodes of the document but its DTD, indented, each followed by a
 * newline, in the quote of its GVirtXmlDoc. */
char *
_gvirt_xml_to_string (xmlDocPtr doc)
{
  return _gvirt_xml_to_string_quoted (doc, _gvirt_xml_quote_of (doc));
}

char *
_gvirt_xml_to_string_quoted (xmlDocPtr doc,
                             char      quote)
{
  return nodes_to_string (doc->children, TRUE, 2048, quote);
}
