/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainInterface: a network interface of a domain. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-domain-interface.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtDomainInterface:
 *
 * An `<interface>` device: how it is connected (`type`, `<source>`), its
 * MAC address, script, host-side target and model.
 */
struct _GVirtDomainInterface
{
  GVirtDomainDevice parent_instance;
};

enum {
  PROP_0,
  PROP_INTERFACE_TYPE,
  PROP_SOURCE_BRIDGE,
  PROP_SOURCE_NETWORK,
  PROP_SOURCE_DEV,
  PROP_SOURCE_ADDRESS,
  PROP_SOURCE_PORT,
  PROP_MAC,
  PROP_IP,
  PROP_SCRIPT,
  PROP_TARGET_DEV,
  PROP_MODEL,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
  [PROP_INTERFACE_TYPE] = { "interface-type", NULL, "type", GVIRT_FIELD_ENUM, GVIRT_DOMAIN_INTERFACE_TYPE_BRIDGE, gvirt_domain_interface_type_get_type,
      N_("connection type"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_BRIDGE] = { "source-bridge", "source", "bridge", GVIRT_FIELD_STRING, 0, NULL,
      N_("host bridge"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_NETWORK] = { "source-network", "source", "network", GVIRT_FIELD_STRING, 0, NULL,
      N_("virtual network"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_DEV] = { "source-dev", "source", "dev", GVIRT_FIELD_STRING, 0, NULL,
      N_("host device"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_ADDRESS] = { "source-address", "source", "address", GVIRT_FIELD_STRING, 0, NULL,
      N_("multicast or TCP address"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_PORT] = { "source-port", "source", "port", GVIRT_FIELD_UINT, 0, NULL,
      N_("multicast or TCP port"), GVIRT_FIELD_FLAG_REMOVE_DEFAULT },
  [PROP_MAC] = { "mac", "mac", "address", GVIRT_FIELD_STRING, 0, NULL,
      N_("MAC address"), GVIRT_FIELD_FLAG_NONE },
  [PROP_IP] = { "ip", "ip", "address", GVIRT_FIELD_STRING, 0, NULL,
      N_("IP address"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SCRIPT] = { "script", "script", "path", GVIRT_FIELD_STRING, 0, NULL,
      N_("script that sets the interface up"), GVIRT_FIELD_FLAG_NONE },
  [PROP_TARGET_DEV] = { "target-dev", "target", "dev", GVIRT_FIELD_STRING, 0, NULL,
      N_("host-side device name"), GVIRT_FIELD_FLAG_NONE },
  [PROP_MODEL] = { "model", "model", "type", GVIRT_FIELD_STRING, 0, NULL,
      N_("NIC model (virtio, e1000, rtl8139…)"), GVIRT_FIELD_FLAG_NONE },
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_domain_interface_node (GVirtDomainInterface *self)
{
  return GVIRT_DEVICE_NODE (self);
}

G_DEFINE_FINAL_TYPE (GVirtDomainInterface, gvirt_domain_interface, GVIRT_TYPE_DOMAIN_DEVICE)

/**
 * gvirt_domain_interface_get_interface_type:
 * @self: a #GVirtDomainInterface
 *
 * Gets the connection type, from the `type` attribute.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_interface_set_interface_type:
 * @self: a #GVirtDomainInterface
 * @value: the new value
 *
 * Sets the connection type (the `type` attribute) and notifies
 * #GVirtDomainInterface:interface-type on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainInterface, gvirt_domain_interface, interface_type, PROP_INTERFACE_TYPE, GVirtDomainInterfaceType)

/**
 * gvirt_domain_interface_get_source_bridge:
 * @self: a #GVirtDomainInterface
 *
 * Gets the host bridge, from the `bridge` attribute of `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_interface_set_source_bridge:
 * @self: a #GVirtDomainInterface
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host bridge (the `bridge` attribute of `<source>`) and
 * notifies #GVirtDomainInterface:source-bridge on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainInterface, gvirt_domain_interface, source_bridge, PROP_SOURCE_BRIDGE)

/**
 * gvirt_domain_interface_get_source_network:
 * @self: a #GVirtDomainInterface
 *
 * Gets the virtual network, from the `network` attribute of `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_interface_set_source_network:
 * @self: a #GVirtDomainInterface
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the virtual network (the `network` attribute of `<source>`) and
 * notifies #GVirtDomainInterface:source-network on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainInterface, gvirt_domain_interface, source_network, PROP_SOURCE_NETWORK)

/**
 * gvirt_domain_interface_get_source_dev:
 * @self: a #GVirtDomainInterface
 *
 * Gets the host device, from the `dev` attribute of `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_interface_set_source_dev:
 * @self: a #GVirtDomainInterface
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host device (the `dev` attribute of `<source>`) and notifies
 * #GVirtDomainInterface:source-dev on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainInterface, gvirt_domain_interface, source_dev, PROP_SOURCE_DEV)

/**
 * gvirt_domain_interface_get_source_address:
 * @self: a #GVirtDomainInterface
 *
 * Gets the multicast or TCP address, from the `address` attribute of
 * `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_interface_set_source_address:
 * @self: a #GVirtDomainInterface
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the multicast or TCP address (the `address` attribute of
 * `<source>`) and notifies #GVirtDomainInterface:source-address on a
 * change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainInterface, gvirt_domain_interface, source_address, PROP_SOURCE_ADDRESS)

/**
 * gvirt_domain_interface_get_source_port:
 * @self: a #GVirtDomainInterface
 *
 * Gets the multicast or TCP port, from the `port` attribute of
 * `<source>`.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_interface_set_source_port:
 * @self: a #GVirtDomainInterface
 * @value: the new value: 0 (unset), or a port from 1 to 65535
 *
 * Sets the multicast or TCP port (the `port` attribute of `<source>`) and
 * notifies #GVirtDomainInterface:source-port on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainInterface, gvirt_domain_interface, source_port, PROP_SOURCE_PORT, guint)

/**
 * gvirt_domain_interface_get_mac:
 * @self: a #GVirtDomainInterface
 *
 * Gets the MAC address, from the `address` attribute of `<mac>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_interface_set_mac:
 * @self: a #GVirtDomainInterface
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the MAC address (the `address` attribute of `<mac>`) and notifies
 * #GVirtDomainInterface:mac on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainInterface, gvirt_domain_interface, mac, PROP_MAC)

/**
 * gvirt_domain_interface_get_ip:
 * @self: a #GVirtDomainInterface
 *
 * Gets the IP address, from the `address` attribute of `<ip>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_interface_set_ip:
 * @self: a #GVirtDomainInterface
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the IP address (the `address` attribute of `<ip>`) and notifies
 * #GVirtDomainInterface:ip on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainInterface, gvirt_domain_interface, ip, PROP_IP)

/**
 * gvirt_domain_interface_get_script:
 * @self: a #GVirtDomainInterface
 *
 * Gets the script that sets the interface up, from the `path` attribute
 * of `<script>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_interface_set_script:
 * @self: a #GVirtDomainInterface
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the script that sets the interface up (the `path` attribute of
 * `<script>`) and notifies #GVirtDomainInterface:script on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainInterface, gvirt_domain_interface, script, PROP_SCRIPT)

/**
 * gvirt_domain_interface_get_target_dev:
 * @self: a #GVirtDomainInterface
 *
 * Gets the host-side device name, from the `dev` attribute of `<target>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_interface_set_target_dev:
 * @self: a #GVirtDomainInterface
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host-side device name (the `dev` attribute of `<target>`) and
 * notifies #GVirtDomainInterface:target-dev on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainInterface, gvirt_domain_interface, target_dev, PROP_TARGET_DEV)

/**
 * gvirt_domain_interface_get_model:
 * @self: a #GVirtDomainInterface
 *
 * Gets the NIC model (virtio, e1000, rtl8139…), from the `type` attribute
 * of `<model>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_interface_set_model:
 * @self: a #GVirtDomainInterface
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the NIC model (virtio, e1000, rtl8139…) (the `type` attribute of
 * `<model>`) and notifies #GVirtDomainInterface:model on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainInterface, gvirt_domain_interface, model, PROP_MODEL)

/**
 * gvirt_domain_interface_new:
 *
 * Creates a new `<interface>` device that belongs to no configuration yet; add it
 * with [method@GVirt.DomainConfig.add_device].
 *
 * Returns: (transfer full): the new device
 */
GVirtDomainInterface *
gvirt_domain_interface_new (void)
{
  return _gvirt_domain_device_new_standalone (GVIRT_TYPE_DOMAIN_INTERFACE, "interface");
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtDomainInterface, gvirt_domain_interface, _gvirt_no_special_property)

static void
gvirt_domain_interface_class_init (GVirtDomainInterfaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvirt_domain_interface_get_property;
  object_class->set_property = gvirt_domain_interface_set_property;

  /**
   * GVirtDomainInterface:interface-type:
   *
   * The connection type, from the `type` attribute.
   */
  /**
   * GVirtDomainInterface:source-bridge:
   *
   * The host bridge, from the `bridge` attribute of `<source>`.
   */
  /**
   * GVirtDomainInterface:source-network:
   *
   * The virtual network, from the `network` attribute of `<source>`.
   */
  /**
   * GVirtDomainInterface:source-dev:
   *
   * The host device, from the `dev` attribute of `<source>`.
   */
  /**
   * GVirtDomainInterface:source-address:
   *
   * The multicast or TCP address, from the `address` attribute of `<source>`.
   */
  /**
   * GVirtDomainInterface:source-port:
   *
   * The multicast or TCP port, from the `port` attribute of `<source>`.
   */
  /**
   * GVirtDomainInterface:mac:
   *
   * The MAC address, from the `address` attribute of `<mac>`.
   */
  /**
   * GVirtDomainInterface:ip:
   *
   * The IP address, from the `address` attribute of `<ip>`.
   */
  /**
   * GVirtDomainInterface:script:
   *
   * The script that sets the interface up, from the `path` attribute of `<script>`.
   */
  /**
   * GVirtDomainInterface:target-dev:
   *
   * The host-side device name, from the `dev` attribute of `<target>`.
   */
  /**
   * GVirtDomainInterface:model:
   *
   * The NIC model (virtio, e1000, rtl8139…), from the `type` attribute of `<model>`.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
  _gvirt_domain_device_class_set_fields (G_TYPE_FROM_CLASS (klass), fields, N_PROPS);
}

static void
gvirt_domain_interface_init (GVirtDomainInterface *self)
{
}
