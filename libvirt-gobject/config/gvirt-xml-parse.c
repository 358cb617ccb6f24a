/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The one safe libxml2 parse: no entity, no network, no DTD, bounded size,
 * clean messages; and which quote the text puts around attributes.
 * Compiled into libgvirt and into the test backend module, which may use
 * only libgvirt's public symbols. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-xml-parse-private.h"
#include "libvirt-gobject/config/gvirt-xml-message-private.h"

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
        msg = _gvirt_xml_parser_message (err->message);
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                   _("line %d: %s"), err != NULL ? err->line : 0,
                   msg != NULL ? msg : _("the document is empty"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* The quote around the value of the first attribute of the first start
 * tag that has one (the XML declaration, comments, processing instructions
 * and the DOCTYPE do not count), " when none has: most documents say it
 * in their first few bytes, and the rest cost one pass of memchr(). The
 * parser has checked the document is well-formed. */
char
_gvirt_xml_detect_quote (const char *xml,
                         gsize       length)
{
  const char *end = xml + length, *p = xml;

  while ((p = memchr (p, '<', end - p)) != NULL && ++p < end)
    {
      const char *close;

      if (*p == '?' || *p == '!')
        {
          /* skip it whole: comments, CDATA and PIs may hold quotes and '>' */
          char next = p + 1 < end ? p[1] : '\0';
          const char *stop = *p == '?' ? "?>" : next == '-' ? "-->" : next == '[' ? "]]>" : ">";

          close = g_strstr_len (p, end - p, stop);
          if (close == NULL)
            break;
          p = close;
          continue;
        }
      /* an element name cannot hold '=' nor '>': the first of them tells */
      for (; p < end && *p != '=' && *p != '>'; p++)
        ;
      if (p < end && *p == '=')
        {
          for (p++; p < end && g_ascii_isspace (*p); p++)
            ;
          return p < end && *p == '\'' ? '\'' : '"';
        }
    }
  return '"';
}
