/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainGenericDevice: a device GVirt has no dedicated type for. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-domain-generic-device.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtDomainGenericDevice:
 *
 * Any device element without a dedicated type (`<controller>`, `<hostdev>`,
 * `<watchdog>`, `<memballoon>`…). It is kept exactly as written; create one
 * with [func@GVirt.DomainDevice.parse] and read it back with
 * [method@GVirt.DomainDevice.to_xml].
 */
struct _GVirtDomainGenericDevice
{
  GVirtDomainDevice parent_instance;
};

enum {
  PROP_0,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_domain_generic_device_node (GVirtDomainGenericDevice *self)
{
  return GVIRT_DEVICE_NODE (self);
}

G_DEFINE_FINAL_TYPE (GVirtDomainGenericDevice, gvirt_domain_generic_device, GVIRT_TYPE_DOMAIN_DEVICE)

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtDomainGenericDevice, gvirt_domain_generic_device, _gvirt_no_special_property)

static void
gvirt_domain_generic_device_class_init (GVirtDomainGenericDeviceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvirt_domain_generic_device_get_property;
  object_class->set_property = gvirt_domain_generic_device_set_property;

  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
  _gvirt_domain_device_class_set_fields (G_TYPE_FROM_CLASS (klass), fields, N_PROPS);
}

static void
gvirt_domain_generic_device_init (GVirtDomainGenericDevice *self)
{
}
