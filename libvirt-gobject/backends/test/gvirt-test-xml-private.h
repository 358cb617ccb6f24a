/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libxml2 for the test node files: safe parsing, and elements back to text for the config model. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Node files bigger than this are refused before libxml2 sees them, as
 * the config model refuses documents. */
#define GVIRT_TEST_XML_MAX_SIZE (16 * 1024 * 1024)

xmlDocPtr _gvirt_test_xml_parse      (const char *xml,
                                      gssize      length,
                                      GError    **error);
xmlDocPtr _gvirt_test_xml_parse_file (const char *path,
                                      GError    **error);

char     *_gvirt_test_xml_element_to_string (xmlNodePtr element);
char     *_gvirt_test_xml_node_to_string    (xmlNodePtr node);

G_END_DECLS
