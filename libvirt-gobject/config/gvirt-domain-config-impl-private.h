/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* What the files implementing GVirtDomainConfig share: its instance, property table and device list. */
#pragma once

#include <gio/gio.h>

#include "libvirt-gobject/config/gvirt-domain-config.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/*
 * GVirtDomainConfig is one type in several files, as GIO does with its
 * large types: gvirt-domain-config.c (the object, its properties, parsing
 * and writing, the constructors) and gvirt-domain-config-<concern>.c for
 * groups of accessors. Only they include this header; the rest of the
 * library uses gvirt-domain-config-private.h.
 */

G_BEGIN_DECLS

struct _GVirtDomainConfig
{
  GObject      parent_instance;

  GVirtXmlDoc *doc;
  xmlNodePtr   node;
  GListStore  *devices;   /* the device objects, made when first needed */
};

enum {
  PROP_0,
  PROP_DOMAIN_TYPE,
  PROP_ID,
  PROP_NAME,
  PROP_UUID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_MEMORY,
  PROP_CURRENT_MEMORY,
  PROP_MAX_MEMORY,
  PROP_MAX_MEMORY_SLOTS,
  PROP_VCPUS,
  PROP_CURRENT_VCPUS,
  PROP_CPUSET,
  PROP_OS_TYPE,
  PROP_ARCH,
  PROP_MACHINE,
  PROP_KERNEL,
  PROP_INITRD,
  PROP_CMDLINE,
  PROP_ROOT,
  PROP_LOADER,
  PROP_BOOTLOADER,
  PROP_BOOTLOADER_ARGS,
  PROP_PAE,
  PROP_ACPI,
  PROP_APIC,
  PROP_CLOCK_OFFSET,
  PROP_ON_POWEROFF,
  PROP_ON_REBOOT,
  PROP_ON_CRASH,
  PROP_EMULATOR,
  N_PROPS
};

/* Defined in gvirt-domain-config.c; hidden, so that every file reads them
 * as directly as that one does. */
G_GNUC_INTERNAL extern const GVirtField  _gvirt_domain_config_fields[N_PROPS];
G_GNUC_INTERNAL extern GParamSpec       *_gvirt_domain_config_properties[N_PROPS];

/* The names the accessor generators of gvirt-xml-private.h use. */
static const GVirtField *const fields = _gvirt_domain_config_fields;
static GParamSpec **const properties = _gvirt_domain_config_properties;

static inline xmlNodePtr
gvirt_domain_config_node (GVirtDomainConfig *self)
{
  return self->node;
}

/* gvirt-domain-config-devices.c */
GListStore *_gvirt_domain_config_devices       (GVirtDomainConfig  *self);
gboolean    _gvirt_domain_config_check_devices (GVirtDomainConfig  *self,
                                                GError            **error);

G_END_DECLS
