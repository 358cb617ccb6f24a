/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The one safe libxml2 parse, shared by the config model and the test backend. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Documents bigger than this are refused before libxml2 sees them. */
#define GVIRT_XML_MAX_SIZE (16 * 1024 * 1024)

/* A document, or %NULL with GVIRT_ERROR_INVALID_XML ("line N: …"). */
xmlDocPtr _gvirt_xml_parse (const char *xml,
                            gssize      length,
                            GError    **error);

/* The quote (' or ") around the first attribute value of the
 * well-formed document @xml, " when it has none. */
char      _gvirt_xml_detect_quote (const char *xml,
                                   gsize       length);

G_END_DECLS
