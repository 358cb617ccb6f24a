/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainDevice: the base class of the typed devices of a domain configuration. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GVIRT_TYPE_DOMAIN_DEVICE (gvirt_domain_device_get_type ())

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

GVirtDomainDevice *gvirt_domain_device_parse (const char        *xml,
                                                     GError           **error);
const char        *gvirt_domain_device_get_kind     (GVirtDomainDevice *self);
char              *gvirt_domain_device_to_xml       (GVirtDomainDevice *self);
GVirtDomainDevice *gvirt_domain_device_copy         (GVirtDomainDevice *self);
gboolean           gvirt_domain_device_equal        (GVirtDomainDevice *a,
                                                     GVirtDomainDevice *b);
const char        *gvirt_domain_device_get_alias    (GVirtDomainDevice *self);

G_END_DECLS
