/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Parse + format of a typical 1.3 KB domain XML, against libxml2's own read + dump as the floor. */
#include <stdlib.h>
#include <libxml/parser.h>
#include <libvirt-gobject/libvirt-gobject.h>
#include "bench-util.h"

/*
 * Usage: bench-config [--json]     wall time, medians of batches
 *        bench-config --calls N    each step N times, for bench/callgrind-config.sh
 *
 * The steps are separate functions that are never inlined, so that
 * callgrind can give the instructions of each.
 */

typedef struct {
  const char *xml;
  gsize       length;
} Input;

G_GNUC_NO_INLINE xmlDocPtr
step_libxml2_read (const Input *input)
{
  return xmlReadMemory (input->xml, input->length, NULL, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOBLANKS);
}

G_GNUC_NO_INLINE void
step_libxml2_dump (xmlDocPtr doc)
{
  xmlChar *out = NULL;
  int size = 0;

  xmlDocDumpMemory (doc, &out, &size);
  xmlFree (out);
}

G_GNUC_NO_INLINE void
step_libxml2_free (xmlDocPtr doc)
{
  xmlFreeDoc (doc);
}

G_GNUC_NO_INLINE GVirtDomainConfig *
step_gvirt_parse (const Input *input)
{
  return gvirt_domain_config_new_from_xml (input->xml, NULL);
}

G_GNUC_NO_INLINE char *
step_gvirt_to_xml (GVirtDomainConfig *config)
{
  return gvirt_domain_config_to_xml (config);
}

G_GNUC_NO_INLINE char *
step_gvirt_to_xml_again (GVirtDomainConfig *config)
{
  return gvirt_domain_config_to_xml (config);
}

G_GNUC_NO_INLINE GVirtDomainConfig *
step_gvirt_copy (GVirtDomainConfig *config)
{
  return gvirt_domain_config_copy (config);
}

G_GNUC_NO_INLINE void
step_gvirt_free (GVirtDomainConfig *config)
{
  g_object_unref (config);
}

G_GNUC_NO_INLINE void
step_gvirt_free_copy (GVirtDomainConfig *config)
{
  g_object_unref (config);
}

G_GNUC_NO_INLINE guint
step_gvirt_devices (GVirtDomainConfig *config)
{
  return g_list_model_get_n_items (gvirt_domain_config_get_devices (config));
}

static void
libxml2_read_dump (gpointer data)
{
  xmlDocPtr doc = step_libxml2_read (data);

  step_libxml2_dump (doc);
  step_libxml2_free (doc);
}

static void
gvirt_parse_format (gpointer data)
{
  GVirtDomainConfig *config = step_gvirt_parse (data);

  g_free (step_gvirt_to_xml (config));
  step_gvirt_free (config);
}

static void
gvirt_parse_only (gpointer data)
{
  step_gvirt_free (step_gvirt_parse (data));
}

/* Every step @calls times; the figures are callgrind's. */
static void
run_steps (const Input *input, guint calls)
{
  for (guint i = 0; i < calls; i++)
    {
      GVirtDomainConfig *config, *copy;

      libxml2_read_dump ((gpointer) input);
      config = step_gvirt_parse (input);
      g_free (step_gvirt_to_xml (config));
      g_free (step_gvirt_to_xml_again (config));
      copy = step_gvirt_copy (config);
      step_gvirt_devices (copy);
      step_gvirt_free_copy (copy);
      step_gvirt_free (config);
    }
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
  if (argc > 2 && g_str_equal (argv[1], "--calls"))
    {
      run_steps (&input, (guint) atoi (argv[2]));
      return 0;
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
