/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Checks the backends' tests share on capabilities: the host they describe is the node's. */
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gvirt-test-caps.h"

static xmlNodePtr
child (xmlNodePtr node,
       const char *name)
{
  for (node = node != NULL ? node->children : NULL; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0)
      return node;
  return NULL;
}

static guint64
number (xmlNodePtr node,
        const char *attr)
{
  g_autofree char *text = (char *) (attr != NULL ? xmlGetProp (node, (const xmlChar *) attr)
                                                 : xmlNodeGetContent (node));

  g_assert_nonnull (text);
  return g_ascii_strtoull (text, NULL, 10);
}

/* @caps, as written, starts with its element (no comments of the data file
 * it came from), and its host <cpu><topology> and NUMA <topology><cells>
 * count what @info counts. */
void
gvirt_test_assert_caps_match_node (GVirtCapabilities   *caps,
                                   const GVirtNodeInfo *info)
{
  g_autofree char *xml = gvirt_capabilities_to_xml (caps);
  xmlDocPtr doc = xmlReadMemory (xml, (int) strlen (xml), NULL, NULL, XML_PARSE_NONET);
  xmlNodePtr cells, cell;
  guint64 memory = 0, cpus = 0, cpu_elements = 0, n_cells = 0;

  g_assert_true (g_str_has_prefix (xml, "<capabilities"));
  g_assert_cmpuint (gvirt_capabilities_get_sockets (caps), ==, info->sockets);
  g_assert_cmpuint (gvirt_capabilities_get_cores (caps), ==, info->cores);
  g_assert_cmpuint (gvirt_capabilities_get_threads (caps), ==, info->threads);

  g_assert_nonnull (doc);
  cells = child (child (child (xmlDocGetRootElement (doc), "host"), "topology"), "cells");
  g_assert_nonnull (cells);
  g_assert_cmpuint (number (cells, "num"), ==, info->nodes);
  for (cell = cells->children; cell != NULL; cell = cell->next)
    {
      xmlNodePtr list, cpu;

      if (cell->type != XML_ELEMENT_NODE)
        continue;
      n_cells++;
      memory += number (child (cell, "memory"), NULL);
      list = child (cell, "cpus");
      cpus += number (list, "num");
      for (cpu = list->children; cpu != NULL; cpu = cpu->next)
        if (cpu->type == XML_ELEMENT_NODE)
          cpu_elements++;
    }
  g_assert_cmpuint (n_cells, ==, info->nodes);
  g_assert_cmpuint (memory, ==, info->memory);
  g_assert_cmpuint (cpus, ==, info->cpus);
  g_assert_cmpuint (cpu_elements, ==, info->cpus);
  xmlFreeDoc (doc);
}
