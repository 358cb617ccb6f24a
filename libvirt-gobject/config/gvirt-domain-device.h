/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainDevice: the base class of the typed devices of a domain configuration. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>

G_BEGIN_DECLS

#define GVIRT_TYPE_DOMAIN_DEVICE (gvirt_domain_device_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirtDomainDevice, gvirt_domain_device, GVIRT, DOMAIN_DEVICE, GObject)

/**
 * GVirtDomainDeviceClass:
 * @parent_class: the parent class
 *
 * The class of #GVirtDomainDevice; the subclasses are GVirt's own.
 */
struct _GVirtDomainDeviceClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[8];
};

GVIRT_AVAILABLE_IN_ALL
GVirtDomainDevice *gvirt_domain_device_parse (const char        *xml,
                                                     GError           **error);
GVIRT_AVAILABLE_IN_ALL
const char        *gvirt_domain_device_get_kind     (GVirtDomainDevice *self);
GVIRT_AVAILABLE_IN_ALL
char              *gvirt_domain_device_to_xml       (GVirtDomainDevice *self);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainDevice *gvirt_domain_device_copy         (GVirtDomainDevice *self);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_domain_device_equal        (GVirtDomainDevice *a,
                                                     GVirtDomainDevice *b);
GVIRT_AVAILABLE_IN_ALL
const char        *gvirt_domain_device_get_alias    (GVirtDomainDevice *self);

G_END_DECLS
