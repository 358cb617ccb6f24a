/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Parse + format of a typical 1.3 KB domain XML, against libxml2's own read + dump as the floor. */
#include <libxml/parser.h>
#include <libvirt-gobject/libvirt-gobject.h>
#include "bench-util.h"

typedef struct {
  const char *xml;
  gsize       length;
} Input;

static void
libxml2_read_dump (gpointer data)
{
  Input *input = data;
  xmlDocPtr doc = xmlReadMemory (input->xml, input->length, NULL, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  xmlChar *out = NULL;
  int size = 0;

  xmlDocDumpMemory (doc, &out, &size);
  xmlFree (out);
  xmlFreeDoc (doc);
}

static void
gvirt_parse_format (gpointer data)
{
  Input *input = data;
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new_from_xml (input->xml, NULL);
  g_autofree char *out = gvirt_domain_config_to_xml (config);
}

static void
gvirt_parse_only (gpointer data)
{
  Input *input = data;
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new_from_xml (input->xml, NULL);
}

int
main (int argc, char **argv)
{
  gboolean json = argc > 1 && g_str_equal (argv[1], "--json");
  g_autofree char *xml = bench_domain_xml (1);
  Input input = { xml, strlen (xml) };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainConfig) check = gvirt_domain_config_new_from_xml (xml, &error);
  double floor_us, parse_format_us, parse_us;

  if (check == NULL)
    {
      g_printerr ("bench input does not parse: %s\n", error->message);
      return 1;
    }

  floor_us = bench_median_us (libxml2_read_dump, &input, 2000, 15);
  parse_format_us = bench_median_us (gvirt_parse_format, &input, 2000, 15);
  parse_us = bench_median_us (gvirt_parse_only, &input, 2000, 15);

  if (json)
    g_print ("{\"document_bytes\": %zu, \"libxml2_read_dump_us\": %.2f, "
             "\"gvirt_parse_format_us\": %.2f, \"gvirt_parse_us\": %.2f, \"ratio\": %.2f}\n",
             input.length, floor_us, parse_format_us, parse_us, parse_format_us / floor_us);
  else
    {
      g_print ("domain XML of %zu bytes, median of 15 batches of 2000\n", input.length);
      g_print ("%-32s %10s %8s\n", "operation", "us/op", "ratio");
      g_print ("%-32s %10.2f %8s\n", "libxml2 read + dump (floor)", floor_us, "1.00");
      g_print ("%-32s %10.2f %8.2f\n", "GVirt parse + to_xml", parse_format_us, parse_format_us / floor_us);
      g_print ("%-32s %10.2f %8.2f\n", "GVirt parse only", parse_us, parse_us / floor_us);
      g_print ("target: GVirt parse + to_xml within 1.5x of the floor\n");
    }
  return 0;
}
