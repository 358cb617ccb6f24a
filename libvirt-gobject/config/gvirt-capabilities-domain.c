/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtCapabilitiesDomain: a <domain> element of a capabilities guest, viewed in place. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-capabilities-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-capabilities-domain.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtCapabilitiesDomain:
 *
 * A `<domain type=…>` element of a [class@GVirt.CapabilitiesGuest]: a
 * hypervisor type the guest architecture can run under, with its own emulator
 * and machine types when they differ from the architecture's.
 */

struct _GVirtCapabilitiesDomain
{
  GObject     parent_instance;

  GObject    *owner;
  xmlNodePtr  node;
};

enum {
  PROP_0,
  PROP_DOMAIN_TYPE,
  PROP_EMULATOR,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
  [PROP_DOMAIN_TYPE] = { "domain-type", NULL, "type", GVIRT_FIELD_STRING, 0, NULL,
      N_("hypervisor type (qemu, kvm, xen…)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_EMULATOR] = { "emulator", "emulator", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("emulator of this hypervisor type, when it has its own"), GVIRT_FIELD_FLAG_NONE },
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_capabilities_domain_node (GVirtCapabilitiesDomain *self)
{
  return self->node;
}

G_DEFINE_FINAL_TYPE (GVirtCapabilitiesDomain, gvirt_capabilities_domain, G_TYPE_OBJECT)

/**
 * gvirt_capabilities_domain_get_domain_type:
 * @self: a #GVirtCapabilitiesDomain
 *
 * Gets the hypervisor type (qemu, kvm, xen…), from the `type` attribute.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_capabilities_domain_set_domain_type:
 * @self: a #GVirtCapabilitiesDomain
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the hypervisor type (qemu, kvm, xen…) (the `type` attribute) and
 * notifies #GVirtCapabilitiesDomain:domain-type on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtCapabilitiesDomain, gvirt_capabilities_domain, domain_type, PROP_DOMAIN_TYPE)

/**
 * gvirt_capabilities_domain_get_emulator:
 * @self: a #GVirtCapabilitiesDomain
 *
 * Gets the emulator of this hypervisor type, when it has its own, from
 * the `<emulator>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_capabilities_domain_set_emulator:
 * @self: a #GVirtCapabilitiesDomain
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the emulator of this hypervisor type, when it has its own (the
 * `<emulator>` element) and notifies #GVirtCapabilitiesDomain:emulator on
 * a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtCapabilitiesDomain, gvirt_capabilities_domain, emulator, PROP_EMULATOR)

static void
gvirt_capabilities_domain_finalize (GObject *object)
{
  GVirtCapabilitiesDomain *self = GVIRT_CAPABILITIES_DOMAIN (object);

  g_clear_object (&self->owner);
  G_OBJECT_CLASS (gvirt_capabilities_domain_parent_class)->finalize (object);
}

/* A view of @node, which lives as long as @owner. */
GVirtCapabilitiesDomain *
_gvirt_capabilities_domain_new_for_node (GObject    *owner,
                                         xmlNodePtr  node)
{
  GVirtCapabilitiesDomain *self = g_object_new (GVIRT_TYPE_CAPABILITIES_DOMAIN, NULL);

  self->owner = g_object_ref (owner);
  self->node = node;
  return self;
}

/**
 * gvirt_capabilities_domain_get_machines:
 * @self: a #GVirtCapabilitiesDomain
 *
 * Gets the machine types of this hypervisor type, from its `<machine>`
 * elements.
 *
 * Returns: (transfer full) (array zero-terminated=1): the machine types
 */
char **
gvirt_capabilities_domain_get_machines (GVirtCapabilitiesDomain *self)
{
  g_return_val_if_fail (GVIRT_IS_CAPABILITIES_DOMAIN (self), NULL);

  return _gvirt_xml_collect (self->node, "machine", NULL);
}

/**
 * gvirt_capabilities_domain_set_machines:
 * @self: a #GVirtCapabilitiesDomain
 * @machines: (array zero-terminated=1) (nullable): the machine types
 *
 * Replaces the `<machine>` elements of this hypervisor type.
 */
void
gvirt_capabilities_domain_set_machines (GVirtCapabilitiesDomain *self,
                                        const char * const      *machines)
{
  g_return_if_fail (GVIRT_IS_CAPABILITIES_DOMAIN (self));

  _gvirt_xml_replace_list (self->node, "machine", NULL, machines);
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtCapabilitiesDomain, gvirt_capabilities_domain, _gvirt_no_special_property)

static void
gvirt_capabilities_domain_class_init (GVirtCapabilitiesDomainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gvirt_capabilities_domain_finalize;
  object_class->get_property = gvirt_capabilities_domain_get_property;
  object_class->set_property = gvirt_capabilities_domain_set_property;

  /**
   * GVirtCapabilitiesDomain:domain-type:
   *
   * The hypervisor type (qemu, kvm, xen…), from the `type` attribute.
   */
  /**
   * GVirtCapabilitiesDomain:emulator:
   *
   * The emulator of this hypervisor type, when it has its own, from the `<emulator>` element.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
}

static void
gvirt_capabilities_domain_init (GVirtCapabilitiesDomain *self)
{
}
