/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The QEMU argv of a domain's controllers and disks (see gvirt-qemu-command.c for the choices made). */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-qemu-builder-private.h"

/* ---- PCI addresses: checked, not passed on ---- */

gboolean
_gvirt_qemu_check_addresses (GVirtQemuBuilder *b, GError **error)
{
  xmlXPathObjectPtr obj = _gvirt_qemu_builder_xpath_nodes (b, "/domain/devices/*/address[@type='pci']");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok = TRUE;

  for (int i = 0; ok && obj != NULL && obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = obj->nodesetval->nodeTab[i];
      const char *kind = (const char *) node->parent->name;
      guint64 v[4] = { 0, 0, 0, 0 };
      static const char *const attrs[4] = { "domain", "bus", "slot", "function" };
      char *key;

      for (guint k = 0; k < 4; k++)
        {
          xmlChar *s = xmlGetProp (node, (const xmlChar *) attrs[k]);

          if (s != NULL)
            v[k] = g_ascii_strtoull ((const char *) s, NULL, 0);
          xmlFree (s);
        }
      key = g_strdup_printf ("%04" G_GINT64_MODIFIER "x:%02" G_GINT64_MODIFIER "x:%02"
                             G_GINT64_MODIFIER "x.%" G_GINT64_MODIFIER "x", v[0], v[1], v[2], v[3]);
      if (g_hash_table_contains (seen, key) ||
          (b->i440fx && !g_str_equal (kind, "controller") && v[0] == 0 && v[1] == 0 &&
           (v[2] == 0 || (v[2] == 1 && v[3] != 2))))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: the <%s> device uses PCI address %s, which is already taken."),
                       b->name, kind, key);
          ok = FALSE;
        }
      g_hash_table_add (seen, key);
    }
  xmlXPathFreeObject (obj);
  return ok;
}

/* ---- controllers ---- */

gboolean
_gvirt_qemu_builder_need_pci (GVirtQemuBuilder *b, const char *what, GError **error)
{
  if (b->isapc)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: the %s needs a PCI bus, and machine “%s” has none."),
                   b->name, what, b->machine);
      return FALSE;
    }
  return TRUE;
}

/* <driver queues= cmd_per_lun= max_sectors= ioeventfd= iommu= ats=> of a virtio-scsi controller. */
static gboolean
scsi_driver_options (GVirtQemuBuilder *b, xmlNodePtr node, gboolean virtio, GString *dev, GError **error)
{
  static const char *const numbers[][2] = {
    { "queues", "num_queues" }, { "cmd_per_lun", "cmd_per_lun" }, { "max_sectors", "max_sectors" },
  };
  xmlNodePtr driver = NULL;

  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, (const xmlChar *) "driver"))
      driver = c;
  if (driver == NULL || driver->properties == NULL)
    return TRUE;
  if (!virtio)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: a <driver> of SCSI controller model lsilogic is not supported."), b->name);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *expr = g_strdup_printf ("string(driver/@%s)", numbers[i][0]);
      g_autofree char *v = _gvirt_qemu_builder_xpath_string (b, node, expr);
      guint64 n;

      if (v == NULL)
        continue;
      if (!g_ascii_string_to_unsigned (v, 10, 1, 65535, &n, NULL))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: the SCSI controller has an invalid <driver %s='%s'>."),
                       b->name, numbers[i][0], v);
          return FALSE;
        }
      g_string_append_printf (dev, ",%s=%" G_GUINT64_FORMAT, numbers[i][1], n);
    }
  if (!_gvirt_qemu_on_off_option (b, driver, "ioeventfd", "ioeventfd", "the SCSI controller", dev, error))
    return FALSE;
  return _gvirt_qemu_virtio_driver_options (b, node, "the SCSI controller", dev, error);
}

/* "-device virtio-scsi-pci,id=scsiN" (or lsi53c895a) for SCSI controller N, once. */
static gboolean
scsi_hba (GVirtQemuBuilder *b, guint c, GError **error)
{
  g_autofree char *expr = NULL;
  g_autofree char *model = NULL;
  const char *hba;

  if (b->have_scsi_hba[c])
    return TRUE;
  expr = g_strdup_printf ("string(/domain/devices/controller[@type='scsi'][@index='%u']/@model)", c);
  model = _gvirt_qemu_builder_xpath_string (b, NULL, expr);
  if (model == NULL || g_str_equal (model, "virtio-scsi"))
    hba = b->s390 ? "virtio-scsi-ccw" : "virtio-scsi-pci";
  else if (g_str_equal (model, "lsilogic"))
    hba = "lsi53c895a";
  else
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: SCSI controller model “%s” is not supported."), b->name, model);
      return FALSE;
    }
  if (!_gvirt_qemu_builder_need_pci (b, "disk controller", error))
    return FALSE;
  {
    g_autofree char *nexpr = g_strdup_printf ("/domain/devices/controller[@type='scsi'][@index='%u']", c);
    xmlXPathObjectPtr obj = _gvirt_qemu_builder_xpath_nodes (b, nexpr);
    xmlNodePtr node = obj != NULL && obj->nodesetval != NULL && obj->nodesetval->nodeNr > 0 ? obj->nodesetval->nodeTab[0] : NULL;
    g_autoptr(GString) dev = g_string_new (NULL);
    gboolean ok = TRUE;

    g_string_append_printf (dev, "%s,id=scsi%u", hba, c);
    if (node != NULL)
      ok = scsi_driver_options (b, node, g_str_has_prefix (hba, "virtio"), dev, error);
    xmlXPathFreeObject (obj);
    if (!ok)
      return FALSE;
    _gvirt_qemu_builder_add (b, "-device");
    _gvirt_qemu_builder_add (b, dev->str);
  }
  b->have_scsi_hba[c] = TRUE;
  return TRUE;
}

/* The controllers other than USB: virtio-serial and SCSI become devices, SATA
 * an ahci on i440fx; IDE, floppy and PCI root controllers are the machine's own. */
static gboolean
build_other_controllers (GVirtQemuBuilder *b, GError **error)
{
  xmlXPathObjectPtr obj = _gvirt_qemu_builder_xpath_nodes (b, "/domain/devices/controller[not(@type='usb')]");
  gboolean ok = TRUE;

  for (int i = 0; ok && obj != NULL && obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = obj->nodesetval->nodeTab[i];
      g_autofree char *type = _gvirt_qemu_builder_xpath_string (b, node, "string(@type)");
      g_autofree char *index = _gvirt_qemu_builder_xpath_string (b, node, "string(@index)");
      guint64 idx = 0;

      if (index != NULL && !g_ascii_string_to_unsigned (index, 10, 0, 255, &idx, NULL))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: a <controller type='%s'> has an invalid index “%s”."),
                       b->name, type ? type : "?", index);
          ok = FALSE;
          break;
        }
      if (g_strcmp0 (type, "virtio-serial") == 0)
        {
          g_autoptr(GString) dev = g_string_new (NULL);

          if (!(ok = _gvirt_qemu_builder_need_pci (b, "virtio-serial controller", error)))
            break;
          g_string_append_printf (dev, "%s,id=virtio-serial%u", b->s390 ? "virtio-serial-ccw" : "virtio-serial-pci", (guint) idx);
          for (xmlNodePtr c = node->children; ok && c != NULL; c = c->next)
            if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, (const xmlChar *) "driver"))
              ok = _gvirt_qemu_on_off_option (b, c, "ioeventfd", "ioeventfd", "the virtio-serial controller", dev, error);
          if (!ok || !(ok = _gvirt_qemu_virtio_driver_options (b, node, "the virtio-serial controller", dev, error)))
            break;
          _gvirt_qemu_builder_add (b, "-device");
          _gvirt_qemu_builder_add (b, dev->str);
          if (idx == 0)
            b->have_virtio_serial = TRUE;
        }
      else if (g_strcmp0 (type, "scsi") == 0)
        {
          if (idx >= G_N_ELEMENTS (b->have_scsi_hba))
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("Domain “%s”: SCSI controller %u is out of range."), b->name, (guint) idx);
              ok = FALSE;
              break;
            }
          ok = scsi_hba (b, idx, error);
        }
      else if (g_strcmp0 (type, "sata") == 0)
        {
          if (!b->x86 || idx != 0)
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                           _("Domain “%s”: SATA controller %u does not fit machine “%s”."),
                           b->name, (guint) idx, b->machine);
              ok = FALSE;
              break;
            }
          if (!(ok = _gvirt_qemu_builder_need_pci (b, "SATA controller", error)))
            break;
          if (!b->q35 && !b->have_ahci)
            {
              _gvirt_qemu_builder_add (b, "-device");
              _gvirt_qemu_builder_add (b, "ahci,id=sata0");
              b->have_ahci = TRUE;
            }
        }
      else if (g_strcmp0 (type, "ide") == 0 || g_strcmp0 (type, "fdc") == 0)
        {
          gboolean builtin = g_str_equal (type, "ide") ? (b->i440fx || b->isapc) && idx == 0 : b->x86 && idx == 0;

          if (!builtin)
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                           _("Domain “%s”: machine “%s” has no %s controller %u, and the QEMU backend adds none."),
                           b->name, b->machine, g_str_equal (type, "ide") ? "IDE" : "floppy", (guint) idx);
              ok = FALSE;
              break;
            }
        }
      else if (g_strcmp0 (type, "pci") == 0)
        {
          /* pci-root / pcie-root (the check refused other PCI models): the machine's root bus;
           * <target hotplug=…> of i440fx's is PIIX4_PM's acpi-root-pci-hotplug */
          g_autofree char *hotplug = _gvirt_qemu_builder_xpath_string (b, node, "string(target/@hotplug)");

          if (hotplug == NULL)
            continue;
          if (!b->i440fx || (!g_str_equal (hotplug, "on") && !g_str_equal (hotplug, "off")))
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                           _("Domain “%s”: the QEMU backend cannot use <target hotplug='%s'> of the PCI root "
                             "on machine “%s” (only “on” or “off” on i440fx)."), b->name, hotplug, b->machine);
              ok = FALSE;
              break;
            }
          _gvirt_qemu_builder_add (b, "-global");
          _gvirt_qemu_builder_addf (b, "PIIX4_PM.acpi-root-pci-hotplug=%s", hotplug);
        }
    }
  xmlXPathFreeObject (obj);
  return ok;
}

gboolean
_gvirt_qemu_build_controllers (GVirtQemuBuilder *b, GError **error)
{
  xmlXPathObjectPtr obj;
  gboolean ok = TRUE;

  if (!build_other_controllers (b, error))
    return FALSE;
  obj = _gvirt_qemu_builder_xpath_nodes (b, "/domain/devices/controller[@type='usb']");

  for (int i = 0; ok && obj != NULL && obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = obj->nodesetval->nodeTab[i];
      g_autofree char *model = _gvirt_qemu_builder_xpath_string (b, node, "string(@model)");
      g_autofree char *index = _gvirt_qemu_builder_xpath_string (b, node, "string(@index)");
      const char *driver = NULL;

      if (g_strcmp0 (model, "none") == 0)
        continue;
      if (!(ok = _gvirt_qemu_builder_need_pci (b, "USB controller", error)))
        break;
      if (model == NULL)
        {
          if (!b->x86)
            continue;    /* the machine's own default; nothing to _gvirt_qemu_builder_add */
          driver = b->q35 ? "qemu-xhci" : "piix3-usb-uhci";
        }
      else if (g_str_equal (model, "piix3-uhci"))
        driver = "piix3-usb-uhci";
      else if (g_str_equal (model, "piix4-uhci"))
        driver = "piix4-usb-uhci";
      else if (g_str_equal (model, "ehci"))
        driver = "usb-ehci";
      else if (g_str_equal (model, "ich9-ehci1"))
        driver = "ich9-usb-ehci1";
      else if (g_str_has_prefix (model, "ich9-uhci"))
        {
          g_autofree char *expr = g_strdup_printf ("count(/domain/devices/controller[@type='usb'][@index='%s'][@model='ich9-ehci1'])",
                                                   index != NULL ? index : "0");
          xmlXPathObjectPtr cnt = _gvirt_qemu_builder_xpath_nodes (b, expr);
          gboolean has_master = cnt != NULL && cnt->floatval > 0;

          xmlXPathFreeObject (cnt);
          if (!has_master)
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("Domain “%s”: USB companion controller “%s” has no ich9-ehci1 master controller."),
                           b->name, model);
              ok = FALSE;
              break;
            }
          continue;   /* the companions are added with their master below */
        }
      else if (g_str_equal (model, "nec-xhci"))
        driver = "nec-usb-xhci";
      else if (g_str_equal (model, "qemu-xhci"))
        driver = "qemu-xhci";
      else
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: USB controller model “%s” is not supported."), b->name, model);
          ok = FALSE;
          break;
        }
      _gvirt_qemu_builder_add (b, "-device");
      if (!b->have_usb)
        _gvirt_qemu_builder_addf (b, "%s,id=usb", driver);
      else
        _gvirt_qemu_builder_addf (b, "%s,id=usb%s", driver, index != NULL ? index : "x");
      if (g_str_equal (driver, "ich9-usb-ehci1") && !b->have_usb)
        {
          for (guint k = 1; k <= 3; k++)
            {
              _gvirt_qemu_builder_add (b, "-device");
              _gvirt_qemu_builder_addf (b, "ich9-usb-uhci%u,masterbus=usb.0,firstport=%u", k, (k - 1) * 2);
            }
        }
      b->have_usb = TRUE;
    }
  xmlXPathFreeObject (obj);
  return ok;
}

/* ---- disks ---- */

static const char *
disk_bus_from_target (const char *target)
{
  if (g_str_has_prefix (target, "hd"))
    return "ide";
  if (g_str_has_prefix (target, "sd"))
    return "scsi";
  if (g_str_has_prefix (target, "vd"))
    return "virtio";
  if (g_str_has_prefix (target, "fd"))
    return "fdc";
  if (g_str_has_prefix (target, "xvd"))
    return "xen";
  return NULL;
}

/* "hda" → 0, "sdab" → 27: the index in the letters after the two-letter
 * (or "xvd") prefix. */
static gint
disk_index (const char *target)
{
  const char *p = target + (g_str_has_prefix (target, "xvd") ? 3 : 2);
  gint index = 0;

  if (strlen (target) <= (gsize) (p - target))
    return -1;
  for (; *p; p++)
    {
      if (*p < 'a' || *p > 'z')
        return -1;
      index = index * 26 + (*p - 'a' + 1);
      if (index > 100000)
        return -1;
    }
  return index - 1;
}

static const char *const supported_formats[] = {
  "raw", "qcow2", "qcow", "qed", "vmdk", "vdi", "vpc", "vhdx", "cloop", "dmg", "bochs", "parallels", NULL
};

static const char *const cache_modes[] = { "none", "writeback", "writethrough", "directsync", "unsafe", NULL };
static const char *const io_modes[] = { "native", "threads", "io_uring", NULL };
static const char *const discard_modes[] = { "unmap", "ignore", NULL };
static const char *const detect_zeroes_modes[] = { "off", "on", "unmap", NULL };

/* <driver cache= io= discard= detect_zeroes=> as -drive options; a shareable
 * disk with no cache mode gets cache=none (QEMU's page cache is per host). */
static gboolean
disk_driver_options (GVirtQemuBuilder *b, xmlNodePtr node, const char *target, gboolean shareable,
                     GString *drive, GError **error)
{
  g_autofree char *cache = node != NULL ? _gvirt_qemu_builder_xpath_string (b, node, "string(driver/@cache)") : NULL;
  g_autofree char *io = node != NULL ? _gvirt_qemu_builder_xpath_string (b, node, "string(driver/@io)") : NULL;
  g_autofree char *discard = node != NULL ? _gvirt_qemu_builder_xpath_string (b, node, "string(driver/@discard)") : NULL;
  g_autofree char *zeroes = node != NULL ? _gvirt_qemu_builder_xpath_string (b, node, "string(driver/@detect_zeroes)") : NULL;
  const struct { const char *attr, *value; const char *const *allowed; } checks[] = {
    { "cache", cache, cache_modes }, { "io", io, io_modes },
    { "discard", discard, discard_modes }, { "detect_zeroes", zeroes, detect_zeroes_modes },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (checks[i].value != NULL && !g_strv_contains (checks[i].allowed, checks[i].value))
      {
        g_autofree char *list = g_strjoinv (", ", (char **) checks[i].allowed);

        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                     _("Domain “%s”: disk “%s” has <driver %s='%s'>; QEMU knows %s."),
                     b->name, target, checks[i].attr, checks[i].value, list);
        return FALSE;
      }
  if (cache == NULL && shareable)
    cache = g_strdup ("none");
  /* QEMU: "aio=native was specified, but it requires cache.direct=on" */
  if (g_strcmp0 (io, "native") == 0 && g_strcmp0 (cache, "none") != 0 && g_strcmp0 (cache, "directsync") != 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” has io='native', which QEMU allows only with cache='none' or cache='directsync'."),
                   b->name, target);
      return FALSE;
    }
  if (g_strcmp0 (zeroes, "unmap") == 0 && g_strcmp0 (discard, "unmap") != 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” has detect_zeroes='unmap', which needs discard='unmap'."),
                   b->name, target);
      return FALSE;
    }
  if (cache != NULL)
    g_string_append_printf (drive, ",cache=%s", cache);
  if (io != NULL)
    g_string_append_printf (drive, ",aio=%s", io);
  if (discard != NULL)
    g_string_append_printf (drive, ",discard=%s", discard);
  if (zeroes != NULL)
    g_string_append_printf (drive, ",detect-zeroes=%s", zeroes);
  return TRUE;
}

gboolean
_gvirt_qemu_build_disk (GVirtQemuBuilder *b, GVirtDomainDisk *disk, guint nth, GError **error)
{
  const char *target = gvirt_domain_disk_get_target_dev (disk);
  const char *bus = gvirt_domain_disk_get_target_bus (disk);
  const char *format = gvirt_domain_disk_get_driver_type (disk);
  const char *driver_name = gvirt_domain_disk_get_driver_name (disk);
  const char *serial = gvirt_domain_disk_get_serial (disk);
  GVirtDomainDiskDevice device = gvirt_domain_disk_get_device (disk);
  GVirtDomainDiskType type = gvirt_domain_disk_get_disk_type (disk);
  gboolean readonly = gvirt_domain_disk_get_readonly (disk);
  gboolean shareable = gvirt_domain_disk_get_shareable (disk);
  const char *source = NULL;
  xmlNodePtr node = _gvirt_qemu_builder_device_node (b, "disk", nth);
  g_autofree char *addr_type = node != NULL ? _gvirt_qemu_builder_xpath_string (b, node, "string(address/@type)") : NULL;
  g_autofree char *ctrl = node != NULL ? _gvirt_qemu_builder_xpath_string (b, node, "string(address[@type='drive']/@controller)") : NULL;
  g_autoptr(GString) drive = g_string_new (NULL);
  gint index;

  if (target == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: a <disk> has no <target dev=…>."), b->name);
      return FALSE;
    }
  if (!_gvirt_qemu_is_identifier (target) || g_hash_table_contains (b->targets, target))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: disk target “%s” is invalid or used twice."), b->name, target);
      return FALSE;
    }
  g_hash_table_add (b->targets, g_strdup (target));
  if (bus == NULL)
    bus = disk_bus_from_target (target);
  if (bus == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: disk “%s” has no bus and none follows from its name."), b->name, target);
      return FALSE;
    }
  if (device == GVIRT_DOMAIN_DISK_DEVICE_FLOPPY)
    bus = "fdc";
  index = disk_index (target);
  if (index < 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: disk target “%s” does not end in a drive letter."), b->name, target);
      return FALSE;
    }

  if (device == GVIRT_DOMAIN_DISK_DEVICE_LUN || device == GVIRT_DOMAIN_DISK_DEVICE_OTHER)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” is neither a disk, a cdrom nor a floppy."), b->name, target);
      return FALSE;
    }
  if (driver_name != NULL && !g_str_equal (driver_name, "qemu"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” asks for driver “%s”; QEMU disks use driver “qemu”."),
                   b->name, target, driver_name);
      return FALSE;
    }
  if (format == NULL)
    format = "raw";
  if (!g_strv_contains (supported_formats, format))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” has storage format “%s”, which QEMU does not support (use “raw”)."),
                   b->name, target, format);
      return FALSE;
    }

  switch (type)
    {
    case GVIRT_DOMAIN_DISK_TYPE_FILE:
      source = gvirt_domain_disk_get_source_file (disk);
      break;
    case GVIRT_DOMAIN_DISK_TYPE_BLOCK:
      source = gvirt_domain_disk_get_source_dev (disk);
      break;
    default:
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” is not of type “file” or “block”."), b->name, target);
      return FALSE;
    }
  if (source == NULL && device == GVIRT_DOMAIN_DISK_DEVICE_DISK)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: disk “%s” has no <source>."), b->name, target);
      return FALSE;
    }
  if (source != NULL && !_gvirt_qemu_builder_check_file (b, source, FALSE, "disk image", error))
    return FALSE;

  /* Where the disk plugs in. */
  if (g_str_equal (bus, "virtio"))
    {
      if (addr_type != NULL && !g_str_equal (addr_type, "pci") && !g_str_equal (addr_type, "ccw"))
        goto bad_address;
      if (device == GVIRT_DOMAIN_DISK_DEVICE_CDROM)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: CD-ROM “%s” cannot be on bus “virtio” (use “sata”, “scsi” or “ide”)."),
                       b->name, target);
          return FALSE;
        }
      if (!_gvirt_qemu_builder_need_pci (b, "virtio disk", error))
        return FALSE;
    }
  else if (g_str_equal (bus, "ide") || g_str_equal (bus, "sata") || g_str_equal (bus, "scsi") ||
           g_str_equal (bus, "fdc"))
    {
      if (addr_type != NULL && !g_str_equal (addr_type, "drive"))
        goto bad_address;
      if (!b->x86 && !g_str_equal (bus, "scsi"))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: disk “%s” is on bus “%s”, which machine “%s” does not have."),
                       b->name, target, bus, b->machine);
          return FALSE;
        }
      if (g_str_equal (bus, "ide") && b->q35)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: disk “%s” is on bus “ide”, which q35 machines do not have (use “sata”)."),
                       b->name, target);
          return FALSE;
        }
      if (g_str_equal (bus, "ide") && index > 3)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: IDE disk “%s” is beyond the four IDE units (hda to hdd)."),
                       b->name, target);
          return FALSE;
        }
      if (g_str_equal (bus, "sata") && index > 5)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: SATA disk “%s” is beyond the six ports of the controller."),
                       b->name, target);
          return FALSE;
        }
      if (g_str_equal (bus, "fdc") && index > 1)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: floppy “%s” is beyond the two floppy units (fda, fdb)."),
                       b->name, target);
          return FALSE;
        }
      if ((g_str_equal (bus, "sata") || g_str_equal (bus, "scsi")) && !_gvirt_qemu_builder_need_pci (b, "disk controller", error))
        return FALSE;
      if ((g_str_equal (bus, "ide") || g_str_equal (bus, "sata")) && readonly &&
          device == GVIRT_DOMAIN_DISK_DEVICE_DISK)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: disk “%s” is read-only, which QEMU's IDE and SATA disks cannot be "
                         "(use a cdrom, or bus “virtio” or “scsi”)."), b->name, target);
          return FALSE;
        }
    }
  else
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” is on bus “%s”; QEMU disks use virtio, ide, sata, scsi or fdc."),
                   b->name, target, bus);
      return FALSE;
    }

  /* The backend: -drive if=none (or if=floppy on i440fx). */
  if (source != NULL)
    {
      g_autofree char *esc = _gvirt_qemu_escape_commas (source);
      g_string_append_printf (drive, "file=%s,format=%s,", esc, format);
    }
  if (g_str_equal (bus, "fdc") && !b->q35)
    g_string_append_printf (drive, "if=floppy,index=%d", index);
  else
    g_string_append_printf (drive, "if=none,id=drive-%s", target);
  if (device == GVIRT_DOMAIN_DISK_DEVICE_CDROM)
    g_string_append (drive, ",media=cdrom");
  if (readonly || device == GVIRT_DOMAIN_DISK_DEVICE_CDROM)
    g_string_append (drive, ",readonly=on");
  if (!disk_driver_options (b, node, target, shareable, drive, error))
    return FALSE;
  if (shareable)
    g_string_append (drive, ",file.locking=off");
  _gvirt_qemu_builder_add (b, "-drive");
  _gvirt_qemu_builder_add (b, drive->str);

  /* The frontend. */
  if (g_str_equal (bus, "fdc"))
    {
      if (b->q35)
        {
          if (b->n_floppy++ == 0)
            {
              _gvirt_qemu_builder_add (b, "-device");
              _gvirt_qemu_builder_add (b, "isa-fdc,id=fdc0");
            }
          _gvirt_qemu_builder_add (b, "-device");
          _gvirt_qemu_builder_addf (b, "floppy,unit=%d,drive=drive-%s,id=%s", index, target, target);
        }
      return TRUE;
    }

  {
    g_autoptr(GString) dev = g_string_new (NULL);
    gboolean cd = device == GVIRT_DOMAIN_DISK_DEVICE_CDROM;

    if (g_str_equal (bus, "virtio"))
      g_string_append (dev, b->s390 ? "virtio-blk-ccw" : "virtio-blk-pci");
    else if (g_str_equal (bus, "ide"))
      g_string_append_printf (dev, "%s,bus=ide.%d,unit=%d", cd ? "ide-cd" : "ide-hd", index / 2, index % 2);
    else if (g_str_equal (bus, "sata"))
      {
        if (!b->q35 && !b->have_ahci)
          {
            _gvirt_qemu_builder_add (b, "-device");
            _gvirt_qemu_builder_add (b, "ahci,id=sata0");
            b->have_ahci = TRUE;
          }
        g_string_append_printf (dev, "%s,bus=%s.%d", cd ? "ide-cd" : "ide-hd", b->q35 ? "ide" : "sata0", index);
      }
    else /* scsi */
      {
        guint64 c = 0;

        if (ctrl != NULL && (!g_ascii_string_to_unsigned (ctrl, 10, 0, G_N_ELEMENTS (b->have_scsi_hba) - 1, &c, NULL)))
          {
            g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                         _("Domain “%s”: disk “%s” names SCSI controller “%s”, which is out of range."),
                         b->name, target, ctrl);
            return FALSE;
          }
        if (!scsi_hba (b, c, error))
          return FALSE;
        g_string_append_printf (dev, "%s,bus=scsi%u.0,scsi-id=%d,lun=0", cd ? "scsi-cd" : "scsi-hd", (guint) c, index);
      }
    g_string_append_printf (dev, ",drive=drive-%s,id=%s", target, target);
    if (shareable)
      g_string_append (dev, ",share-rw=on");
    if (serial != NULL)
      {
        g_autofree char *esc = _gvirt_qemu_escape_commas (serial);
        g_string_append_printf (dev, ",serial=%s", esc);
      }
    _gvirt_qemu_builder_add (b, "-device");
    _gvirt_qemu_builder_add (b, dev->str);
  }
  return TRUE;

bad_address:
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
               _("Domain “%s”: disk “%s” on bus “%s” cannot have an address of type “%s”."),
               b->name, target, bus, addr_type);
  return FALSE;
}
