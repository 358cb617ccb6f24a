/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainInput: an input device (mouse, tablet, keyboard) of a domain. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-domain-input.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtDomainInput:
 *
 * An `<input>` device: a mouse, tablet or keyboard on a bus.
 */
struct _GVirtDomainInput
{
  GVirtDomainDevice parent_instance;
};

enum {
  PROP_0,
  PROP_INPUT_TYPE,
  PROP_BUS,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
  [PROP_INPUT_TYPE] = { "input-type", NULL, "type", GVIRT_FIELD_STRING, 0, NULL,
      N_("input kind (mouse, tablet, keyboard…)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_BUS] = { "bus", NULL, "bus", GVIRT_FIELD_STRING, 0, NULL,
      N_("bus (ps2, usb, xen, virtio…)"), GVIRT_FIELD_FLAG_NONE },
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_domain_input_node (GVirtDomainInput *self)
{
  return GVIRT_DEVICE_NODE (self);
}

G_DEFINE_FINAL_TYPE (GVirtDomainInput, gvirt_domain_input, GVIRT_TYPE_DOMAIN_DEVICE)

/**
 * gvirt_domain_input_get_input_type:
 * @self: a #GVirtDomainInput
 *
 * Gets the input kind (mouse, tablet, keyboard…), from the `type`
 * attribute.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_input_set_input_type:
 * @self: a #GVirtDomainInput
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the input kind (mouse, tablet, keyboard…) (the `type` attribute)
 * and notifies #GVirtDomainInput:input-type on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainInput, gvirt_domain_input, input_type, PROP_INPUT_TYPE)

/**
 * gvirt_domain_input_get_bus:
 * @self: a #GVirtDomainInput
 *
 * Gets the bus (ps2, usb, xen, virtio…), from the `bus` attribute.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_input_set_bus:
 * @self: a #GVirtDomainInput
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the bus (ps2, usb, xen, virtio…) (the `bus` attribute) and
 * notifies #GVirtDomainInput:bus on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainInput, gvirt_domain_input, bus, PROP_BUS)

/**
 * gvirt_domain_input_new:
 *
 * Creates a new `<input>` device that belongs to no configuration yet; add it
 * with [method@GVirt.DomainConfig.add_device].
 *
 * Returns: (transfer full): the new device
 */
GVirtDomainInput *
gvirt_domain_input_new (void)
{
  return _gvirt_domain_device_new_standalone (GVIRT_TYPE_DOMAIN_INPUT, "input");
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtDomainInput, gvirt_domain_input, _gvirt_no_special_property)

static void
gvirt_domain_input_class_init (GVirtDomainInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvirt_domain_input_get_property;
  object_class->set_property = gvirt_domain_input_set_property;

  /**
   * GVirtDomainInput:input-type:
   *
   * The input kind (mouse, tablet, keyboard…), from the `type` attribute.
   */
  /**
   * GVirtDomainInput:bus:
   *
   * The bus (ps2, usb, xen, virtio…), from the `bus` attribute.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
  _gvirt_domain_device_class_set_fields (G_TYPE_FROM_CLASS (klass), fields, N_PROPS);
}

static void
gvirt_domain_input_init (GVirtDomainInput *self)
{
}
