/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Refuses the domain XML elements the QEMU argv builder does not turn into QEMU arguments. */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-qemu-builder-private.h"

/*
 * Every element the builder reads is listed here; anything else would be
 * dropped from the command line while the live XML still showed it, so it is
 * refused with GVIRT_ERROR_UNSUPPORTED naming it. This is a check of which
 * elements exist (and of a few attributes that select a different device);
 * the values are checked by the builder. docs/qemu-backend.md has the list.
 *
 * Elements accepted without an argument of their own, because nothing is
 * the right translation:
 *   <title>, <description>, <metadata>: for people and applications only;
 *   <seclabel type='none'>: no security driver is what GVirt does anyway;
 *   <os><bootmenu enable='no'>: QEMU's default;
 *   <features><pae/>, <apic/>: what QEMU's x86 machines always have;
 *   <controller type='pci' model='pci-root'|'pcie-root'>: the machine's own root bus;
 *   <controller type='ide'> on i440fx, <controller type='fdc'> on x86: built into the machine;
 *   <input type='mouse'|'keyboard' bus='ps2'>: the machine's PS/2 port;
 *   <timer name='hpet' present='yes'>: what pc and q35 have;
 *   <disk><backingStore/> (empty): "no backing file", which is what the builder passes;
 *   <address>, <alias> anywhere: addresses are checked, aliases are names of QEMU ids.
 */

static const char *const domain_children[] = {
  "name", "uuid", "title", "description", "metadata", "memory", "currentMemory", "maxMemory",
  "vcpu", "os", "features", "cpu", "clock", "on_poweroff", "on_reboot", "on_crash", "devices",
  "seclabel", NULL
};
static const char *const os_children[] = {
  "type", "loader", "kernel", "initrd", "cmdline", "boot", "bootmenu", NULL
};
static const char *const features_children[] = { "acpi", "pae", "apic", NULL };
static const char *const cpu_children[] = { "model", "topology", "feature", NULL };
static const char *const clock_children[] = { "timer", NULL };
static const char *const timer_names[] = { "rtc", "pit", "hpet", NULL };
static const char *const device_kinds[] = {
  "emulator", "disk", "interface", "graphics", "video", "serial", "console", "channel", "input",
  "memballoon", "controller", "rng", "audio", NULL
};
static const char *const disk_children[] = {
  "driver", "source", "target", "readonly", "shareable", "serial", "backingStore", "address", "alias", NULL
};
static const char *const disk_driver_attrs[] = {
  "name", "type", "cache", "io", "discard", "detect_zeroes", NULL
};
static const char *const controller_types[] = {
  "usb", "scsi", "virtio-serial", "pci", "ide", "fdc", "sata", NULL
};
static const char *const controller_children[] = { "driver", "master", "target", "address", "alias", NULL };
static const char *const scsi_driver_attrs[] = { "iommu", "ats", "ioeventfd", "queues", "cmd_per_lun", "max_sectors", NULL };
static const char *const serial_driver_attrs[] = { "iommu", "ats", "ioeventfd", NULL };
static const char *const no_attrs[] = { NULL };
static const char *const hotplug_attrs[] = { "hotplug", NULL };
static const char *const startport_attrs[] = { "startport", NULL };
static const char *const rng_children[] = { "backend", "rate", "address", "alias", NULL };
static const char *const interface_children[] = { "mac", "source", "model", "script", "target", "address", "alias", NULL };
static const char *const video_children[] = { "model", "address", "alias", NULL };
static const char *const chardev_children[] = { "source", "target", "protocol", "address", "alias", NULL };
static const char *const input_children[] = { "address", "alias", NULL };
static const char *const memballoon_children[] = { "driver", "address", "alias", NULL };
static const char *const virtio_driver_attrs[] = { "iommu", "ats", NULL };

static char *
prop (xmlNodePtr node, const char *name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  char *ret = v != NULL ? g_strdup ((const char *) v) : NULL;

  xmlFree (v);
  return ret;
}

/* "<sound model='ich9'>": the element with the attribute that tells what it is. */
static char *
describe (xmlNodePtr parent, xmlNodePtr node)
{
  static const char *const keys[] = { "model", "type", "name", "mode", "present", "enable", NULL };
  g_autoptr(GString) s = g_string_new (NULL);

  if (parent != NULL && !xmlStrEqual (parent->name, (const xmlChar *) "domain") &&
      !xmlStrEqual (parent->name, (const xmlChar *) "devices"))
    g_string_append_printf (s, "<%s>", (const char *) parent->name);
  g_string_append_printf (s, "<%s", (const char *) node->name);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *v = prop (node, keys[i]);

      if (v != NULL)
        {
          g_string_append_printf (s, " %s='%s'", keys[i], v);
          break;
        }
    }
  g_string_append_c (s, '>');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
refuse (const char *name, xmlNodePtr parent, xmlNodePtr node, GError **error)
{
  g_autofree char *what = describe (parent, node);

  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
               _("Domain “%s”: the QEMU backend cannot use %s."), name, what);
  return FALSE;
}

static gboolean
refuse_attr (const char *name, xmlNodePtr parent, xmlNodePtr node, const char *attr, GError **error)
{
  g_autofree char *what = describe (parent, node);
  g_autofree char *value = prop (node, attr);

  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
               _("Domain “%s”: the QEMU backend cannot use %s='%s' in %s."), name, attr, value, what);
  return FALSE;
}

static gboolean
is (xmlNodePtr node, const char *name)
{
  return xmlStrEqual (node->name, (const xmlChar *) name);
}

static gboolean
known (xmlNodePtr node, const char *const *names)
{
  return g_strv_contains (names, (const char *) node->name);
}

static gboolean
attr_is (xmlNodePtr node, const char *attr, const char *value)
{
  g_autofree char *v = prop (node, attr);

  return g_strcmp0 (v, value) == 0;
}

static gboolean
attr_in (xmlNodePtr node, const char *attr, const char *const *values, gboolean may_be_absent)
{
  g_autofree char *v = prop (node, attr);

  if (v == NULL)
    return may_be_absent;
  return g_strv_contains (values, v);
}

/* Only @allowed children (and no other elements). */
static gboolean
check_children (const char *name, xmlNodePtr parent, const char *const *allowed, GError **error)
{
  for (xmlNodePtr c = parent->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !known (c, allowed))
      return refuse (name, parent, c, error);
  return TRUE;
}

static gboolean
check_device (const char *name, xmlNodePtr devices, xmlNodePtr dev, GError **error)
{
  static const char *const ps2_types[] = { "mouse", "keyboard", "tablet", NULL };
  static const char *const input_buses[] = { "ps2", "usb", NULL };
  static const char *const virtio[] = { "virtio", NULL };
  static const char *const random[] = { "random", NULL };
  static const char *const none[] = { "none", NULL };
  static const char *const roots[] = { "pci-root", "pcie-root", NULL };

  if (!known (dev, device_kinds))
    return refuse (name, devices, dev, error);

  if (is (dev, "disk"))
    {
      if (!check_children (name, dev, disk_children, error))
        return FALSE;
      for (xmlNodePtr c = dev->children; c != NULL; c = c->next)
        {
          if (c->type != XML_ELEMENT_NODE)
            continue;
          if (is (c, "backingStore") && c->children != NULL)
            for (xmlNodePtr d = c->children; d != NULL; d = d->next)
              if (d->type == XML_ELEMENT_NODE)
                return refuse (name, dev, c, error);
          if (is (c, "driver"))
            for (xmlAttrPtr a = c->properties; a != NULL; a = a->next)
              if (!g_strv_contains (disk_driver_attrs, (const char *) a->name))
                return refuse_attr (name, dev, c, (const char *) a->name, error);
        }
    }
  else if (is (dev, "controller"))
    {
      if (!attr_in (dev, "type", controller_types, FALSE))
        return refuse (name, devices, dev, error);
      if (attr_is (dev, "type", "pci") && !attr_in (dev, "model", roots, FALSE))
        return refuse_attr (name, devices, dev, "model", error);
      if (!check_children (name, dev, controller_children, error))
        return FALSE;
      for (xmlNodePtr c = dev->children; c != NULL; c = c->next)
        {
          const char *const *allowed;

          if (c->type != XML_ELEMENT_NODE || is (c, "address") || is (c, "alias"))
            continue;
          if (is (c, "driver"))
            allowed = attr_is (dev, "type", "scsi") ? scsi_driver_attrs :
                      attr_is (dev, "type", "virtio-serial") ? serial_driver_attrs : no_attrs;
          else if (is (c, "target") && attr_is (dev, "model", "pci-root"))
            allowed = hotplug_attrs;
          else if (is (c, "master") && attr_is (dev, "type", "usb"))
            allowed = startport_attrs;
          else
            return refuse (name, dev, c, error);
          for (xmlAttrPtr a = c->properties; a != NULL; a = a->next)
            if (!g_strv_contains (allowed, (const char *) a->name))
              return refuse_attr (name, dev, c, (const char *) a->name, error);
        }
    }
  else if (is (dev, "interface"))
    return check_children (name, dev, interface_children, error);
  else if (is (dev, "video"))
    return check_children (name, dev, video_children, error);
  else if (is (dev, "serial") || is (dev, "console"))
    return check_children (name, dev, chardev_children, error);
  else if (is (dev, "input"))
    {
      if (!check_children (name, dev, input_children, error))
        return FALSE;
      if (!attr_in (dev, "type", ps2_types, FALSE))
        return refuse (name, devices, dev, error);
      if (!attr_in (dev, "bus", input_buses, TRUE))
        return refuse_attr (name, devices, dev, "bus", error);
    }
  else if (is (dev, "rng"))
    {
      if (!attr_in (dev, "model", virtio, FALSE))
        return refuse (name, devices, dev, error);
      if (!check_children (name, dev, rng_children, error))
        return FALSE;
      for (xmlNodePtr c = dev->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && is (c, "backend") && !attr_in (c, "model", random, FALSE))
          return refuse (name, dev, c, error);
    }
  else if (is (dev, "channel"))
    {
      if (!check_children (name, dev, chardev_children, error))
        return FALSE;
      for (xmlNodePtr c = dev->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && is (c, "target") && !attr_in (c, "type", virtio, FALSE))
          return refuse (name, dev, c, error);
    }
  else if (is (dev, "audio"))
    {
      if (!attr_in (dev, "type", none, FALSE))
        return refuse (name, devices, dev, error);
    }
  else if (is (dev, "memballoon"))
    {
      if (!check_children (name, dev, memballoon_children, error))
        return FALSE;
      for (xmlNodePtr c = dev->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && is (c, "driver"))
          for (xmlAttrPtr a = c->properties; a != NULL; a = a->next)
            if (!g_strv_contains (virtio_driver_attrs, (const char *) a->name))
              return refuse_attr (name, dev, c, (const char *) a->name, error);
    }
  return TRUE;
}

/* The whole document, from <domain>. */
gboolean
_gvirt_qemu_check_elements (xmlDocPtr doc, const char *name, GError **error)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return TRUE;
  for (xmlNodePtr top = root->children; top != NULL; top = top->next)
    {
      if (top->type != XML_ELEMENT_NODE)
        continue;
      if (!known (top, domain_children))
        return refuse (name, root, top, error);
      if (is (top, "seclabel") && !attr_is (top, "type", "none"))
        return refuse (name, root, top, error);
      if (is (top, "os"))
        {
          g_autofree char *firmware = prop (top, "firmware");

          /* firmware autoselection (libvirt's firmware descriptors) is not done: a
           * <loader> names the firmware, or QEMU's default BIOS runs */
          if (firmware != NULL)
            return refuse_attr (name, root, top, "firmware", error);
          if (!check_children (name, top, os_children, error))
            return FALSE;
          for (xmlNodePtr c = top->children; c != NULL; c = c->next)
            if (c->type == XML_ELEMENT_NODE && is (c, "bootmenu") && !attr_is (c, "enable", "no"))
              return refuse (name, top, c, error);
        }
      else if (is (top, "features") && !check_children (name, top, features_children, error))
        return FALSE;
      else if (is (top, "cpu") && !check_children (name, top, cpu_children, error))
        return FALSE;
      else if (is (top, "clock"))
        {
          if (!check_children (name, top, clock_children, error))
            return FALSE;
          for (xmlNodePtr c = top->children; c != NULL; c = c->next)
            if (c->type == XML_ELEMENT_NODE && !attr_in (c, "name", timer_names, FALSE))
              return refuse (name, top, c, error);
        }
      else if (is (top, "devices"))
        {
          for (xmlNodePtr d = top->children; d != NULL; d = d->next)
            if (d->type == XML_ELEMENT_NODE && !check_device (name, top, d, error))
              return FALSE;
        }
    }
  return TRUE;
}

/**
 * gvirt_qemu_command_check:
 * @config: a domain configuration
 * @error: return location for a #GError
 *
 * Checks, without a host, that every element of @config is one the argv
 * builder turns into QEMU arguments (or one it rightly has no argument for):
 * what `define` refuses. gvirt_qemu_command_build() makes the same check.
 *
 * Returns: %TRUE, or %FALSE with %GVIRT_ERROR_UNSUPPORTED naming the element
 */
gboolean
gvirt_qemu_command_check (GVirtDomainConfig *config,
                          GError           **error)
{
  g_autofree char *xml = gvirt_domain_config_to_xml (config);
  const char *name = gvirt_domain_config_get_name (config);
  xmlDocPtr doc = xmlReadMemory (xml, strlen (xml), "domain.xml", NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  gboolean ok;

  if (doc == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                   _("Domain “%s”: the configuration could not be read back."), name ? name : "?");
      return FALSE;
    }
  ok = _gvirt_qemu_check_elements (doc, name ? name : "?", error);
  xmlFreeDoc (doc);
  return ok;
}
