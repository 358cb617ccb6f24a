/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtCapabilitiesGuest: a <guest> element of the capabilities XML, viewed in place. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-capabilities-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-capabilities-guest.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtCapabilitiesGuest:
 *
 * A `<guest>` element of a [class@GVirt.Capabilities]: an OS type on an
 * architecture, with its word size, emulator, loader, machine types, the
 * hypervisor types that run it ([class@GVirt.CapabilitiesDomain]) and the
 * features it can have.
 */

struct _GVirtCapabilitiesGuest
{
  GObject      parent_instance;

  GVirtXmlDoc *doc;
  xmlNodePtr   node;
  gboolean     attached;
};

enum {
  PROP_0,
  PROP_OS_TYPE,
  PROP_ARCH,
  PROP_WORDSIZE,
  PROP_EMULATOR,
  PROP_LOADER,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
  [PROP_OS_TYPE] = { "os-type", "os_type", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("OS type of the guest (hvm, xen, linux…)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_ARCH] = { "arch", "arch", "name", GVIRT_FIELD_STRING, 0, NULL,
      N_("architecture name"), GVIRT_FIELD_FLAG_NONE },
  [PROP_WORDSIZE] = { "wordsize", "arch/wordsize", NULL, GVIRT_FIELD_UINT, 0, NULL,
      N_("word size in bits, 0 when unknown"), GVIRT_FIELD_FLAG_NONE },
  [PROP_EMULATOR] = { "emulator", "arch/emulator", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("default emulator of the architecture"), GVIRT_FIELD_FLAG_NONE },
  [PROP_LOADER] = { "loader", "arch/loader", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("firmware loader of the architecture"), GVIRT_FIELD_FLAG_NONE },
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_capabilities_guest_node (GVirtCapabilitiesGuest *self)
{
  return self->node;
}

G_DEFINE_FINAL_TYPE (GVirtCapabilitiesGuest, gvirt_capabilities_guest, G_TYPE_OBJECT)

/**
 * gvirt_capabilities_guest_get_os_type:
 * @self: a #GVirtCapabilitiesGuest
 *
 * Gets the OS type of the guest (hvm, xen, linux…), from the `<os_type>`
 * element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_capabilities_guest_set_os_type:
 * @self: a #GVirtCapabilitiesGuest
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the OS type of the guest (hvm, xen, linux…) (the `<os_type>`
 * element) and notifies #GVirtCapabilitiesGuest:os-type on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtCapabilitiesGuest, gvirt_capabilities_guest, os_type, PROP_OS_TYPE)

/**
 * gvirt_capabilities_guest_get_arch:
 * @self: a #GVirtCapabilitiesGuest
 *
 * Gets the architecture name, from the `name` attribute of `<arch>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_capabilities_guest_set_arch:
 * @self: a #GVirtCapabilitiesGuest
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the architecture name (the `name` attribute of `<arch>`) and
 * notifies #GVirtCapabilitiesGuest:arch on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtCapabilitiesGuest, gvirt_capabilities_guest, arch, PROP_ARCH)

/**
 * gvirt_capabilities_guest_get_wordsize:
 * @self: a #GVirtCapabilitiesGuest
 *
 * Gets the word size in bits, 0 when unknown, from the `<wordsize>`
 * element.
 *
 * Returns: the value
 */
/**
 * gvirt_capabilities_guest_set_wordsize:
 * @self: a #GVirtCapabilitiesGuest
 * @value: the new value
 *
 * Sets the word size in bits, 0 when unknown (the `<wordsize>` element)
 * and notifies #GVirtCapabilitiesGuest:wordsize on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtCapabilitiesGuest, gvirt_capabilities_guest, wordsize, PROP_WORDSIZE, guint)

/**
 * gvirt_capabilities_guest_get_emulator:
 * @self: a #GVirtCapabilitiesGuest
 *
 * Gets the default emulator of the architecture, from the `<emulator>`
 * element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_capabilities_guest_set_emulator:
 * @self: a #GVirtCapabilitiesGuest
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the default emulator of the architecture (the `<emulator>`
 * element) and notifies #GVirtCapabilitiesGuest:emulator on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtCapabilitiesGuest, gvirt_capabilities_guest, emulator, PROP_EMULATOR)

/**
 * gvirt_capabilities_guest_get_loader:
 * @self: a #GVirtCapabilitiesGuest
 *
 * Gets the firmware loader of the architecture, from the `<loader>`
 * element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_capabilities_guest_set_loader:
 * @self: a #GVirtCapabilitiesGuest
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the firmware loader of the architecture (the `<loader>` element)
 * and notifies #GVirtCapabilitiesGuest:loader on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtCapabilitiesGuest, gvirt_capabilities_guest, loader, PROP_LOADER)

static void
gvirt_capabilities_guest_finalize (GObject *object)
{
  GVirtCapabilitiesGuest *self = GVIRT_CAPABILITIES_GUEST (object);

  g_clear_pointer (&self->doc, _gvirt_xml_doc_unref);
  G_OBJECT_CLASS (gvirt_capabilities_guest_parent_class)->finalize (object);
}

GVirtCapabilitiesGuest *
_gvirt_capabilities_guest_new_for_node (GVirtXmlDoc *doc,
                                        xmlNodePtr   node,
                                        GError     **error)
{
  GVirtCapabilitiesGuest *self;

  if (!_gvirt_fields_check (node, fields, N_PROPS, error))
    return NULL;
  self = g_object_new (GVIRT_TYPE_CAPABILITIES_GUEST, NULL);
  self->doc = _gvirt_xml_doc_ref (doc);
  self->node = node;
  self->attached = TRUE;
  return self;
}

gboolean
_gvirt_capabilities_guest_is_attached (GVirtCapabilitiesGuest *self)
{
  return self->attached;
}

void
_gvirt_capabilities_guest_attach (GVirtCapabilitiesGuest *self,
                                  GVirtXmlDoc            *doc,
                                  xmlNodePtr              parent)
{
  _gvirt_xml_node_attach (&self->doc, self->node, doc, parent);
  self->attached = TRUE;
}

void
_gvirt_capabilities_guest_detach (GVirtCapabilitiesGuest *self)
{
  _gvirt_xml_node_detach (&self->doc, self->node);
  self->attached = FALSE;
}

/**
 * gvirt_capabilities_guest_new:
 *
 * Creates an empty `<guest>` that belongs to no capabilities yet; add it
 * with [method@GVirt.Capabilities.add_guest].
 *
 * Returns: (transfer full): the new guest
 */
GVirtCapabilitiesGuest *
gvirt_capabilities_guest_new (void)
{
  GVirtCapabilitiesGuest *self = g_object_new (GVIRT_TYPE_CAPABILITIES_GUEST, NULL);

  self->doc = _gvirt_xml_doc_new_with_root ("guest", &self->node);
  return self;
}

/**
 * gvirt_capabilities_guest_get_machines:
 * @self: a #GVirtCapabilitiesGuest
 *
 * Gets the machine types of the architecture, from the `<machine>` elements
 * of `<arch>`.
 *
 * Returns: (transfer full) (array zero-terminated=1): the machine types
 */
char **
gvirt_capabilities_guest_get_machines (GVirtCapabilitiesGuest *self)
{
  g_return_val_if_fail (GVIRT_IS_CAPABILITIES_GUEST (self), NULL);

  return _gvirt_xml_collect (_gvirt_xml_child (self->node, "arch"), "machine", NULL);
}

/**
 * gvirt_capabilities_guest_set_machines:
 * @self: a #GVirtCapabilitiesGuest
 * @machines: (array zero-terminated=1) (nullable): the machine types
 *
 * Replaces the `<machine>` elements of `<arch>`.
 */
void
gvirt_capabilities_guest_set_machines (GVirtCapabilitiesGuest *self,
                                       const char * const     *machines)
{
  g_return_if_fail (GVIRT_IS_CAPABILITIES_GUEST (self));

  _gvirt_xml_replace_list (_gvirt_xml_lookup (self->node, "arch", TRUE), "machine", NULL, machines);
}

/**
 * gvirt_capabilities_guest_get_features:
 * @self: a #GVirtCapabilitiesGuest
 *
 * Gets the names of the features the guest can have (`pae`, `nonpae`,
 * `acpi`, `apic`…), from `<features>`.
 *
 * Returns: (transfer full) (array zero-terminated=1): the feature names
 */
char **
gvirt_capabilities_guest_get_features (GVirtCapabilitiesGuest *self)
{
  g_return_val_if_fail (GVIRT_IS_CAPABILITIES_GUEST (self), NULL);

  return _gvirt_xml_child_names (_gvirt_xml_child (self->node, "features"));
}

/**
 * gvirt_capabilities_guest_has_feature:
 * @self: a #GVirtCapabilitiesGuest
 * @feature: a feature name
 *
 * Checks whether the guest can have @feature.
 *
 * Returns: %TRUE if `<features>` lists @feature
 */
gboolean
gvirt_capabilities_guest_has_feature (GVirtCapabilitiesGuest *self,
                                      const char             *feature)
{
  g_return_val_if_fail (GVIRT_IS_CAPABILITIES_GUEST (self), FALSE);
  g_return_val_if_fail (feature != NULL, FALSE);

  return _gvirt_xml_child (_gvirt_xml_child (self->node, "features"), feature) != NULL;
}

/**
 * gvirt_capabilities_guest_add_feature:
 * @self: a #GVirtCapabilitiesGuest
 * @feature: a feature name, such as `pae`
 *
 * Adds `<@feature/>` to `<features>` unless it is there. The features the
 * format gives a switch, `acpi`, `apic`, `disksnapshot` and `hap`, must say
 * whether it is on by default and whether it can be toggled: they are
 * added as on by default and toggleable, `<acpi default="on" toggle="yes"/>`.
 */
void
gvirt_capabilities_guest_add_feature (GVirtCapabilitiesGuest *self,
                                      const char             *feature)
{
  static const char *const toggled[] = { "acpi", "apic", "disksnapshot", "hap", NULL };
  xmlNodePtr features, node;

  g_return_if_fail (GVIRT_IS_CAPABILITIES_GUEST (self));
  g_return_if_fail (feature != NULL && xmlValidateNCName ((const xmlChar *) feature, 0) == 0);

  features = _gvirt_xml_lookup (self->node, "features", TRUE);
  if (_gvirt_xml_child (features, feature) != NULL)
    return;
  node = _gvirt_xml_new_child (features, feature);
  if (g_strv_contains (toggled, feature))
    {
      xmlSetProp (node, (const xmlChar *) "default", (const xmlChar *) "on");
      xmlSetProp (node, (const xmlChar *) "toggle", (const xmlChar *) "yes");
    }
}

/**
 * gvirt_capabilities_guest_get_domains:
 * @self: a #GVirtCapabilitiesGuest
 *
 * Gets the hypervisor types that run this guest, from the `<domain>`
 * elements of `<arch>`.
 *
 * Returns: (transfer container) (element-type GVirtCapabilitiesDomain): the domain types
 */
GPtrArray *
gvirt_capabilities_guest_get_domains (GVirtCapabilitiesGuest *self)
{
  GPtrArray *domains;
  xmlNodePtr node;

  g_return_val_if_fail (GVIRT_IS_CAPABILITIES_GUEST (self), NULL);

  domains = g_ptr_array_new_with_free_func (g_object_unref);
  for (node = _gvirt_xml_child (_gvirt_xml_child (self->node, "arch"), "domain"); node != NULL;
       node = _gvirt_xml_next_sibling (node->next, "domain"))
    g_ptr_array_add (domains, _gvirt_capabilities_domain_new_for_node (G_OBJECT (self), node));
  return domains;
}

/**
 * gvirt_capabilities_guest_add_domain:
 * @self: a #GVirtCapabilitiesGuest
 * @domain_type: a hypervisor type, such as `qemu` or `kvm`
 *
 * Adds a `<domain type=@domain_type>` element to `<arch>`.
 *
 * Returns: (transfer full): the new domain type, to set its emulator and machines
 */
GVirtCapabilitiesDomain *
gvirt_capabilities_guest_add_domain (GVirtCapabilitiesGuest *self,
                                     const char             *domain_type)
{
  const char *const attrs[] = { "type", domain_type, NULL };
  xmlNodePtr node;

  g_return_val_if_fail (GVIRT_IS_CAPABILITIES_GUEST (self), NULL);
  g_return_val_if_fail (domain_type != NULL, NULL);

  node = _gvirt_xml_add_with_attrs (_gvirt_xml_lookup (self->node, "arch", TRUE), "domain", attrs);
  return _gvirt_capabilities_domain_new_for_node (G_OBJECT (self), node);
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtCapabilitiesGuest, gvirt_capabilities_guest, _gvirt_no_special_property)

static void
gvirt_capabilities_guest_class_init (GVirtCapabilitiesGuestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gvirt_capabilities_guest_finalize;
  object_class->get_property = gvirt_capabilities_guest_get_property;
  object_class->set_property = gvirt_capabilities_guest_set_property;

  /**
   * GVirtCapabilitiesGuest:os-type:
   *
   * The OS type of the guest (hvm, xen, linux…), from the `<os_type>` element.
   */
  /**
   * GVirtCapabilitiesGuest:arch:
   *
   * The architecture name, from the `name` attribute of `<arch>`.
   */
  /**
   * GVirtCapabilitiesGuest:wordsize:
   *
   * The word size in bits, 0 when unknown, from the `<wordsize>` element.
   */
  /**
   * GVirtCapabilitiesGuest:emulator:
   *
   * The default emulator of the architecture, from the `<emulator>` element.
   */
  /**
   * GVirtCapabilitiesGuest:loader:
   *
   * The firmware loader of the architecture, from the `<loader>` element.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
}

static void
gvirt_capabilities_guest_init (GVirtCapabilitiesGuest *self)
{
}
