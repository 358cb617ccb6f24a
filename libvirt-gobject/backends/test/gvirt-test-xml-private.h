/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libxml2 for the test node files: safe parsing, and elements back to text for the config model. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "libvirt-gobject/config/gvirt-xml-parse-private.h"

G_BEGIN_DECLS

xmlDocPtr _gvirt_test_xml_parse_file (const char *path,
                                      char       *quote,
                                      GError    **error);

char     *_gvirt_test_xml_element_to_string (xmlNodePtr element,
                                             char       quote);
char     *_gvirt_test_xml_node_to_string    (xmlNodePtr node);

G_END_DECLS
