/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libFuzzer target for one config parser, chosen at build time with -DFUZZ_DOMAIN, -DFUZZ_NETWORK or -DFUZZ_CAPABILITIES. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libvirt-gobject/config/gvirt-config.h>
#include "libvirt-gobject/config/gvirt-xml-private.h"

#if defined(FUZZ_DOMAIN)
# define FuzzType      GVirtDomainConfig
# define fuzz_parse    gvirt_domain_config_new_from_xml
# define fuzz_to_xml   gvirt_domain_config_to_xml
# define fuzz_copy     gvirt_domain_config_copy
# define fuzz_equal    gvirt_domain_config_equal
#elif defined(FUZZ_NETWORK)
# define FuzzType      GVirtNetworkConfig
# define fuzz_parse    gvirt_network_config_new_from_xml
# define fuzz_to_xml   gvirt_network_config_to_xml
# define fuzz_copy     gvirt_network_config_copy
# define fuzz_equal    gvirt_network_config_equal
#elif defined(FUZZ_CAPABILITIES)
# define FuzzType      GVirtCapabilities
# define fuzz_parse    gvirt_capabilities_new_from_xml
# define fuzz_to_xml   gvirt_capabilities_to_xml
# define fuzz_copy     gvirt_capabilities_copy
# define fuzz_equal    gvirt_capabilities_equal
#else
# error "define FUZZ_DOMAIN, FUZZ_NETWORK or FUZZ_CAPABILITIES"
#endif

/* Reads every readable property, as a binding listing the object would. */
static void
read_properties (GObject *object)
{
  guint n, i;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);

  for (i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
    }
}

static void
read_children (FuzzType *self)
{
#if defined(FUZZ_DOMAIN)
  GListModel *devices = gvirt_domain_config_get_devices (self);
  guint i;

  for (i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(GObject) device = g_list_model_get_item (devices, i);
      g_autofree char *xml = gvirt_domain_device_to_xml (GVIRT_DOMAIN_DEVICE (device));

      if (xml == NULL)
        abort ();
      read_properties (device);
    }
  g_strfreev (gvirt_domain_config_get_boot_devices (self));
  g_strfreev (gvirt_domain_config_get_features (self));
#elif defined(FUZZ_NETWORK)
  guint i;

  for (i = 0; i < gvirt_network_config_get_n_dhcp_ranges (self); i++)
    {
      g_autofree char *start = NULL, *end = NULL;

      gvirt_network_config_get_dhcp_range (self, i, &start, &end);
    }
#else
  g_autoptr(GPtrArray) guests = gvirt_capabilities_get_guests (self);
  guint i, j;

  g_strfreev (gvirt_capabilities_get_host_cpu_features (self));
  for (i = 0; i < guests->len; i++)
    {
      g_autoptr(GPtrArray) domains = gvirt_capabilities_guest_get_domains (g_ptr_array_index (guests, i));

      read_properties (g_ptr_array_index (guests, i));
      g_strfreev (gvirt_capabilities_guest_get_machines (g_ptr_array_index (guests, i)));
      for (j = 0; j < domains->len; j++)
        read_properties (g_ptr_array_index (domains, j));
    }
#endif
}

/* GVirt's XML writer gives libxml2's serialiser's bytes, whatever the tree. */
static void
compare_writers (const char *xml)
{
  xmlDocPtr doc = _gvirt_xml_parse (xml, -1, NULL);
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  if (doc == NULL)
    return;
  ours = _gvirt_xml_to_string (doc);
  theirs = _gvirt_xml_to_string_libxml2 (doc);
  if (strcmp (ours, theirs) != 0)
    {
      g_printerr ("the writers differ:\n--- libxml2\n%s--- GVirt\n%s", theirs, ours);
      abort ();
    }
  xmlFreeDoc (doc);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *xml = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(FuzzType) config = fuzz_parse (xml, &error);
  g_autoptr(FuzzType) again = NULL;
  g_autoptr(FuzzType) copy = NULL;
  g_autofree char *out = NULL;

  compare_writers (xml);
  if (config == NULL)
    {
      /* every failure is reported, never silent */
      if (error == NULL || error->message == NULL)
        abort ();
      return 0;
    }

  read_properties (G_OBJECT (config));
  read_children (config);

  /* what GVirt writes, GVirt reads back to the same meaning */
  out = fuzz_to_xml (config);
  again = fuzz_parse (out, &error);
  if (again == NULL || !fuzz_equal (config, again))
    {
      g_printerr ("round trip failed: %s\n%s\n", error ? error->message : "not equal", out);
      abort ();
    }
  copy = fuzz_copy (config);
  if (!fuzz_equal (copy, config))
    abort ();
  return 0;
}
