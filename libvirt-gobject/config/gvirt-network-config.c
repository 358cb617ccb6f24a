/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtNetworkConfig: parses, edits and writes the network XML format in place. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include <gio/gio.h>
#include "libvirt-gobject/config/gvirt-network-config-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-network-config.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtNetworkConfig:
 *
 * The configuration of a virtual network, in the network XML format of the
 * libvirt documentation: name, UUID, bridge, forwarding, the host's address
 * with the DHCP ranges and static hosts served on it, DNS domain and MAC.
 *
 * Like [class@GVirt.DomainConfig], it is a view of its XML tree: what GVirt
 * does not model is kept and written back in place.
 *
 * In C (the body of a `main()`), Python, and JavaScript (a GJS module,
 * `gjs -m`):
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirtConnection) conn =
 *   gvirt_connection_open_sync ("test:///default", GVIRT_CONNECTION_NONE, NULL, &error);
 * g_autoptr(GVirtNetworkConfig) config =
 *   gvirt_network_config_new_nat ("lab", "virbr5", "192.168.150.1", "255.255.255.0");
 * gvirt_network_config_set_domain_name (config, "lab.example");
 *
 * g_autoptr(GVirtNetwork) net = gvirt_connection_define_network_sync (conn, config, NULL, &error);
 * if (net == NULL || !gvirt_network_start_sync (net, NULL, &error))
 *   g_printerr ("%s\n", error->message);
 * g_autofree char *xml = gvirt_network_config_to_xml (config);
 * g_print ("%s", xml);
 * ```
 *
 * ```python
 * import gi
 * gi.require_version("GVirt", "1.0")
 * from gi.repository import GVirt
 *
 * config = GVirt.NetworkConfig.new_from_xml("""
 * <network>
 *   <name>lab</name>
 *   <bridge name="virbr5"/>
 *   <ip address="192.168.150.1" netmask="255.255.255.0">
 *     <dhcp><range start="192.168.150.100" end="192.168.150.199"/></dhcp>
 *   </ip>
 * </network>""")
 * found, start, end = config.get_dhcp_range(0)
 * print(config.props.name, config.props.bridge_name, start, end)
 * config.set_domain_name("lab.example")
 * print(config.to_xml())
 * ```
 *
 * ```js
 * import GVirt from 'gi://GVirt?version=1.0';
 *
 * const config = GVirt.NetworkConfig.new_nat('lab', 'virbr5', '192.168.150.1', '255.255.255.0');
 * config.domain_name = 'lab.example';
 * const conn = GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.NONE, null);
 * const net = conn.create_network_sync(config, null);
 * print(net.name, net.bridge, net.active, net.persistent);
 * ```
 */

struct _GVirtNetworkConfig
{
  GObject      parent_instance;

  GVirtXmlDoc *doc;
  xmlNodePtr   node;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_UUID,
  PROP_BRIDGE_NAME,
  PROP_STP,
  PROP_DELAY,
  PROP_FORWARD_MODE,
  PROP_FORWARD_DEV,
  PROP_IP_ADDRESS,
  PROP_IP_NETMASK,
  PROP_IP_PREFIX,
  PROP_DOMAIN_NAME,
  PROP_MAC,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
  [PROP_NAME] = { "name", "name", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("name of the network"), GVIRT_FIELD_FLAG_NONE },
  [PROP_UUID] = { "uuid", "uuid", NULL, GVIRT_FIELD_UUID, 0, NULL,
      N_("UUID of the network, canonical lowercase 8-4-4-4-12"), GVIRT_FIELD_FLAG_NONE },
  [PROP_BRIDGE_NAME] = { "bridge-name", "bridge", "name", GVIRT_FIELD_STRING, 0, NULL,
      N_("host bridge device"), GVIRT_FIELD_FLAG_NONE },
  [PROP_STP] = { "stp", "bridge", "stp", GVIRT_FIELD_ONOFF, TRUE, NULL,
      N_("whether the bridge runs the spanning tree protocol"), GVIRT_FIELD_FLAG_NONE },
  [PROP_DELAY] = { "delay", "bridge", "delay", GVIRT_FIELD_UINT, 0, NULL,
      N_("forward delay of the bridge in seconds"), GVIRT_FIELD_FLAG_NONE },
  [PROP_FORWARD_MODE] = { "forward-mode", "forward", "mode", GVIRT_FIELD_ENUM, GVIRT_NETWORK_FORWARD_MODE_NAT, gvirt_network_forward_mode_get_type,
      N_("forwarding mode"), GVIRT_FIELD_FLAG_NONE },
  [PROP_FORWARD_DEV] = { "forward-dev", "forward", "dev", GVIRT_FIELD_STRING, 0, NULL,
      N_("host device traffic is forwarded to"), GVIRT_FIELD_FLAG_NONE },
  [PROP_IP_ADDRESS] = { "ip-address", "ip", "address", GVIRT_FIELD_STRING, 0, NULL,
      N_("address of the host on the network"), GVIRT_FIELD_FLAG_NONE },
  [PROP_IP_NETMASK] = { "ip-netmask", "ip", "netmask", GVIRT_FIELD_STRING, 0, NULL,
      N_("netmask of the network"), GVIRT_FIELD_FLAG_NONE },
  [PROP_IP_PREFIX] = { "ip-prefix", "ip", "prefix", GVIRT_FIELD_UINT, 0, NULL,
      N_("prefix length of the network, 0 when unset"), GVIRT_FIELD_FLAG_REMOVE_DEFAULT },
  [PROP_DOMAIN_NAME] = { "domain-name", "domain", "name", GVIRT_FIELD_STRING, 0, NULL,
      N_("DNS domain of the network"), GVIRT_FIELD_FLAG_NONE },
  [PROP_MAC] = { "mac", "mac", "address", GVIRT_FIELD_STRING, 0, NULL,
      N_("MAC address of the bridge"), GVIRT_FIELD_FLAG_NONE },
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_network_config_node (GVirtNetworkConfig *self)
{
  return self->node;
}

G_DEFINE_FINAL_TYPE (GVirtNetworkConfig, gvirt_network_config, G_TYPE_OBJECT)

/**
 * gvirt_network_config_get_name:
 * @self: a #GVirtNetworkConfig
 *
 * Gets the name of the network, from the `<name>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_network_config_set_name:
 * @self: a #GVirtNetworkConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the name of the network (the `<name>` element) and notifies
 * #GVirtNetworkConfig:name on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtNetworkConfig, gvirt_network_config, name, PROP_NAME)

/**
 * gvirt_network_config_get_uuid:
 * @self: a #GVirtNetworkConfig
 *
 * Gets the UUID of the network, canonical lowercase 8-4-4-4-12, from the
 * `<uuid>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_network_config_set_uuid:
 * @self: a #GVirtNetworkConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the UUID of the network, canonical lowercase 8-4-4-4-12 (the
 * `<uuid>` element) and notifies #GVirtNetworkConfig:uuid on a change.
 *
 * @value must be a UUID: 32 hexadecimal digits, with or without the dashes
 * of the 8-4-4-4-12 form, in either case; it is stored in canonical
 * lowercase 8-4-4-4-12. Anything else is a programming error and is ignored
 * with a critical warning; to check text from a user, parse it with
 * g_uuid_string_is_valid() first.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtNetworkConfig, gvirt_network_config, uuid, PROP_UUID)

/**
 * gvirt_network_config_get_bridge_name:
 * @self: a #GVirtNetworkConfig
 *
 * Gets the host bridge device, from the `name` attribute of `<bridge>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_network_config_set_bridge_name:
 * @self: a #GVirtNetworkConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host bridge device (the `name` attribute of `<bridge>`) and
 * notifies #GVirtNetworkConfig:bridge-name on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtNetworkConfig, gvirt_network_config, bridge_name, PROP_BRIDGE_NAME)

/**
 * gvirt_network_config_get_stp:
 * @self: a #GVirtNetworkConfig
 *
 * Gets whether the bridge runs the spanning tree protocol, from the
 * `stp` attribute of `<bridge>`: `on` or `off` (`yes` and `no` are read
 * too); on when the attribute is absent.
 *
 * Returns: whether it is on
 */
/**
 * gvirt_network_config_set_stp:
 * @self: a #GVirtNetworkConfig
 * @value: the new value
 *
 * Sets whether the bridge runs the spanning tree protocol (the `stp`
 * attribute of `<bridge>`, written as `on` or `off`, the values libvirt's
 * schema allows) and notifies #GVirtNetworkConfig:stp on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtNetworkConfig, gvirt_network_config, stp, PROP_STP, gboolean)

/**
 * gvirt_network_config_get_delay:
 * @self: a #GVirtNetworkConfig
 *
 * Gets the forward delay of the bridge in seconds, from the `delay`
 * attribute of `<bridge>`.
 *
 * Returns: the value
 */
/**
 * gvirt_network_config_set_delay:
 * @self: a #GVirtNetworkConfig
 * @value: the new value, in seconds (any #guint)
 *
 * Sets the forward delay of the bridge in seconds (the `delay` attribute
 * of `<bridge>`) and notifies #GVirtNetworkConfig:delay on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtNetworkConfig, gvirt_network_config, delay, PROP_DELAY, guint)

/**
 * gvirt_network_config_get_forward_dev:
 * @self: a #GVirtNetworkConfig
 *
 * Gets the host device traffic is forwarded to, from the `dev` attribute
 * of `<forward>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_network_config_set_forward_dev:
 * @self: a #GVirtNetworkConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host device traffic is forwarded to (the `dev` attribute of
 * `<forward>`) and notifies #GVirtNetworkConfig:forward-dev on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtNetworkConfig, gvirt_network_config, forward_dev, PROP_FORWARD_DEV)

/**
 * gvirt_network_config_get_ip_address:
 * @self: a #GVirtNetworkConfig
 *
 * Gets the address of the host on the network, from the `address`
 * attribute of `<ip>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_network_config_set_ip_address:
 * @self: a #GVirtNetworkConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the address of the host on the network (the `address` attribute of
 * `<ip>`) and notifies #GVirtNetworkConfig:ip-address on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtNetworkConfig, gvirt_network_config, ip_address, PROP_IP_ADDRESS)

/**
 * gvirt_network_config_get_ip_netmask:
 * @self: a #GVirtNetworkConfig
 *
 * Gets the netmask of the network, from the `netmask` attribute of
 * `<ip>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_network_config_set_ip_netmask:
 * @self: a #GVirtNetworkConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the netmask of the network (the `netmask` attribute of `<ip>`) and
 * notifies #GVirtNetworkConfig:ip-netmask on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtNetworkConfig, gvirt_network_config, ip_netmask, PROP_IP_NETMASK)

/**
 * gvirt_network_config_get_ip_prefix:
 * @self: a #GVirtNetworkConfig
 *
 * Gets the prefix length of the network, 0 when unset, from the `prefix`
 * attribute of `<ip>`.
 *
 * Returns: the value
 */
/**
 * gvirt_network_config_set_ip_prefix:
 * @self: a #GVirtNetworkConfig
 * @value: the new value: 0 (unset), 1 to 32 for IPv4, 1 to 128 for IPv6
 *
 * Sets the prefix length of the network, 0 when unset (the `prefix`
 * attribute of `<ip>`) and notifies #GVirtNetworkConfig:ip-prefix on a
 * change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtNetworkConfig, gvirt_network_config, ip_prefix, PROP_IP_PREFIX, guint)

/**
 * gvirt_network_config_get_domain_name:
 * @self: a #GVirtNetworkConfig
 *
 * Gets the DNS domain of the network, from the `name` attribute of
 * `<domain>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_network_config_set_domain_name:
 * @self: a #GVirtNetworkConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the DNS domain of the network (the `name` attribute of `<domain>`)
 * and notifies #GVirtNetworkConfig:domain-name on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtNetworkConfig, gvirt_network_config, domain_name, PROP_DOMAIN_NAME)

/**
 * gvirt_network_config_get_mac:
 * @self: a #GVirtNetworkConfig
 *
 * Gets the MAC address of the bridge, from the `address` attribute of
 * `<mac>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_network_config_set_mac:
 * @self: a #GVirtNetworkConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the MAC address of the bridge (the `address` attribute of `<mac>`)
 * and notifies #GVirtNetworkConfig:mac on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtNetworkConfig, gvirt_network_config, mac, PROP_MAC)

/**
 * gvirt_network_config_get_forward_mode:
 * @self: a #GVirtNetworkConfig
 *
 * Gets how the network reaches the outside: %GVIRT_NETWORK_FORWARD_MODE_NONE
 * when there is no `<forward>` element, %GVIRT_NETWORK_FORWARD_MODE_NAT for
 * `<forward>` without a mode, the `mode` attribute otherwise.
 *
 * Returns: the forwarding mode
 */
GVirtNetworkForwardMode
gvirt_network_config_get_forward_mode (GVirtNetworkConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (self), GVIRT_NETWORK_FORWARD_MODE_NONE);

  if (_gvirt_xml_child (self->node, "forward") == NULL)
    return GVIRT_NETWORK_FORWARD_MODE_NONE;
  return _gvirt_field_get_uint64 (self->node, &fields[PROP_FORWARD_MODE]);
}

/**
 * gvirt_network_config_set_forward_mode:
 * @self: a #GVirtNetworkConfig
 * @value: the new mode; %GVIRT_NETWORK_FORWARD_MODE_NONE removes `<forward>`
 *
 * Sets how the network reaches the outside. Removing `<forward>` removes
 * its device too, and notifies #GVirtNetworkConfig:forward-dev if there
 * was one.
 */
void
gvirt_network_config_set_forward_mode (GVirtNetworkConfig     *self,
                                       GVirtNetworkForwardMode value)
{
  GVirtNetworkForwardMode old;
  xmlNodePtr forward;
  gboolean had_dev = FALSE;

  g_return_if_fail (GVIRT_IS_NETWORK_CONFIG (self));
  g_return_if_fail (value != GVIRT_NETWORK_FORWARD_MODE_OTHER);

  old = gvirt_network_config_get_forward_mode (self);
  if (old == value)
    return;
  forward = _gvirt_xml_child (self->node, "forward");
  if (value == GVIRT_NETWORK_FORWARD_MODE_NONE)
    {
      /* the device goes with the element */
      had_dev = _gvirt_xml_attr (forward, "dev") != NULL;
      _gvirt_xml_node_changed (forward);
      xmlUnlinkNode (forward);
      xmlFreeNode (forward);
    }
  else
    _gvirt_field_set_uint64 (self->node, &fields[PROP_FORWARD_MODE], value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORWARD_MODE]);
  if (had_dev)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORWARD_DEV]);
}

static gboolean
network_config_special_property (gpointer object,
                                 guint    prop_id,
                                 GValue  *value)
{
  if (prop_id != PROP_FORWARD_MODE)
    return FALSE;
  g_value_set_enum (value, gvirt_network_config_get_forward_mode (object));
  return TRUE;
}

static void
gvirt_network_config_finalize (GObject *object)
{
  GVirtNetworkConfig *self = GVIRT_NETWORK_CONFIG (object);

  g_clear_pointer (&self->doc, _gvirt_xml_doc_unref);
  G_OBJECT_CLASS (gvirt_network_config_parent_class)->finalize (object);
}

/* Takes @doc and checks its values. */
static GVirtNetworkConfig *
network_config_new_for_doc (GVirtXmlDoc *doc,
                            GError     **error)
{
  g_autoptr(GVirtNetworkConfig) self = g_object_new (GVIRT_TYPE_NETWORK_CONFIG, NULL);

  self->doc = doc;
  self->node = _gvirt_xml_doc_root (doc);
  if (!_gvirt_fields_check (self->node, fields, N_PROPS, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * gvirt_network_config_new:
 *
 * Creates an empty network configuration, `<network/>`.
 *
 * Returns: (transfer full): the new configuration
 */
GVirtNetworkConfig *
gvirt_network_config_new (void)
{
  xmlNodePtr root;

  return network_config_new_for_doc (_gvirt_xml_doc_new_with_root ("network", &root), NULL);
}

/**
 * gvirt_network_config_new_from_xml:
 * @xml: a network XML document
 * @error: return location for a #GError
 *
 * Parses a network XML document; errors are as for
 * [ctor@GVirt.DomainConfig.new_from_xml].
 *
 * Returns: (transfer full): the configuration, or %NULL with @error set
 */
GVirtNetworkConfig *
gvirt_network_config_new_from_xml (const char *xml,
                                   GError    **error)
{
  GVirtXmlDoc *doc = _gvirt_xml_doc_from_string (xml, "network", error);

  return doc != NULL ? network_config_new_for_doc (doc, error) : NULL;
}

GVirtNetworkConfig *
_gvirt_network_config_new_from_xml_node (xmlNodePtr node,
                                         GError   **error)
{
  GVirtXmlDoc *doc = _gvirt_xml_doc_from_node (node, "network", error);

  return doc != NULL ? network_config_new_for_doc (doc, error) : NULL;
}

/**
 * gvirt_network_config_new_nat:
 * @name: the network name
 * @bridge: the host bridge to create, such as `virbr1`
 * @address: the host's IPv4 address on the network
 * @netmask: the netmask
 *
 * Creates the configuration of a NAT network with a fresh UUID whose DHCP
 * server hands out the upper half of the addresses above @address.
 *
 * Returns: (transfer full): the new configuration
 */
GVirtNetworkConfig *
gvirt_network_config_new_nat (const char *name,
                              const char *bridge,
                              const char *address,
                              const char *netmask)
{
  g_autoptr(GInetAddress) addr = NULL;
  g_autoptr(GInetAddress) start = NULL;
  g_autoptr(GInetAddress) end = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  GVirtNetworkConfig *self;

  g_return_val_if_fail (name != NULL && bridge != NULL, NULL);
  g_return_val_if_fail (address != NULL && netmask != NULL, NULL);

  self = gvirt_network_config_new ();
  gvirt_network_config_set_name (self, name);
  gvirt_network_config_set_uuid (self, uuid);
  gvirt_network_config_set_forward_mode (self, GVIRT_NETWORK_FORWARD_MODE_NAT);
  gvirt_network_config_set_bridge_name (self, bridge);
  gvirt_network_config_set_ip_address (self, address);
  gvirt_network_config_set_ip_netmask (self, netmask);

  addr = g_inet_address_new_from_string (address);
  if (addr != NULL && g_inet_address_get_family (addr) == G_SOCKET_FAMILY_IPV4)
    {
      const guint8 *b = g_inet_address_to_bytes (addr);
      guint8 s[4] = { b[0], b[1], b[2], 128 }, e[4] = { b[0], b[1], b[2], 254 };
      g_autofree char *start_s = NULL, *end_s = NULL;

      start = g_inet_address_new_from_bytes (s, G_SOCKET_FAMILY_IPV4);
      end = g_inet_address_new_from_bytes (e, G_SOCKET_FAMILY_IPV4);
      start_s = g_inet_address_to_string (start);
      end_s = g_inet_address_to_string (end);
      gvirt_network_config_add_dhcp_range (self, start_s, end_s);
    }
  return self;
}

/**
 * gvirt_network_config_to_xml:
 * @self: a #GVirtNetworkConfig
 *
 * Formats the configuration as network XML.
 *
 * Returns: (transfer full): the XML document
 */
char *
gvirt_network_config_to_xml (GVirtNetworkConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (self), NULL);

  return _gvirt_xml_doc_to_string (self->doc);
}

/**
 * gvirt_network_config_copy:
 * @self: a #GVirtNetworkConfig
 *
 * Makes a deep copy.
 *
 * Returns: (transfer full): the copy
 */
GVirtNetworkConfig *
gvirt_network_config_copy (GVirtNetworkConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (self), NULL);

  return network_config_new_for_doc (_gvirt_xml_doc_copy (self->doc), NULL);
}

/**
 * gvirt_network_config_equal:
 * @a: a #GVirtNetworkConfig
 * @b: another #GVirtNetworkConfig
 *
 * Compares two configurations by meaning, as
 * [method@GVirt.DomainConfig.equal] does.
 *
 * Returns: %TRUE if @a and @b describe the same network
 */
gboolean
gvirt_network_config_equal (GVirtNetworkConfig *a,
                            GVirtNetworkConfig *b)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (a), FALSE);
  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (b), FALSE);

  return _gvirt_xml_node_equal (a->node, b->node);
}

/**
 * gvirt_network_config_get_metadata:
 * @self: a #GVirtNetworkConfig
 * @uri: the namespace URI of an application
 *
 * Gets the application's own element in `<metadata>`: the first child in
 * the namespace @uri, with its namespace declared.
 *
 * Returns: (transfer full) (nullable): the XML of the element, or %NULL
 */
/**
 * gvirt_network_config_set_metadata:
 * @self: a #GVirtNetworkConfig
 * @uri: the namespace URI of an application
 * @prefix: the prefix to declare for @uri, such as `app`
 * @xml: (nullable): one XML element, or %NULL to remove the application's element
 * @error: return location for a #GError
 *
 * Stores an application's data with the network, the way libvirt's
 * `virDomainSetMetadata()` does: @xml goes into `<metadata>`, its elements
 * without a namespace in @uri, replacing what was there in that namespace.
 * Malformed @xml fails with %GVIRT_ERROR_INVALID_XML.
 *
 * Returns: %TRUE on success
 */
GVIRT_DEFINE_METADATA_ACCESSORS (GVirtNetworkConfig, gvirt_network_config)

/**
 * gvirt_network_config_validate_with_schema:
 * @self: a #GVirtNetworkConfig
 * @schema_file: (type filename): the path of a Relax-NG schema, such as
 *   libvirt's `/usr/share/libvirt/schemas/network.rng`
 * @error: return location for a #GError
 *
 * Checks the configuration against another Relax-NG schema, for instance the one of
 * the libvirt version an application must stay compatible with. Failures
 * are reported as by [method@GVirt.NetworkConfig.validate].
 *
 * Returns: %TRUE if the configuration is valid
 */
GVIRT_DEFINE_VALIDATE_WITH_SCHEMA (GVirtNetworkConfig, gvirt_network_config)

/**
 * gvirt_network_config_validate:
 * @self: a #GVirtNetworkConfig
 * @error: return location for a #GError
 *
 * Checks the configuration against GVirt's Relax-NG schema for networks,
 * `network.rng`; see [method@GVirt.DomainConfig.validate].
 *
 * Returns: %TRUE if the configuration is valid
 */
gboolean
gvirt_network_config_validate (GVirtNetworkConfig *self,
                               GError            **error)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _gvirt_xml_validate (_gvirt_xml_doc_get (self->doc), "network.rng", error);
}

static xmlNodePtr
dhcp_node (GVirtNetworkConfig *self,
           gboolean            create)
{
  return _gvirt_xml_lookup (self->node, "ip/dhcp", create);
}

/**
 * gvirt_network_config_get_n_dhcp_ranges:
 * @self: a #GVirtNetworkConfig
 *
 * Counts the `<range>` elements of the DHCP server.
 *
 * Returns: the number of DHCP ranges
 */
guint
gvirt_network_config_get_n_dhcp_ranges (GVirtNetworkConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (self), 0);

  return _gvirt_xml_count (dhcp_node (self, FALSE), "range");
}

/**
 * gvirt_network_config_get_dhcp_range:
 * @self: a #GVirtNetworkConfig
 * @index: the index of the range, from 0
 * @start: (out) (optional) (transfer full): return location for the first address
 * @end: (out) (optional) (transfer full): return location for the last address
 *
 * Gets one range of addresses the DHCP server hands out.
 *
 * Returns: %TRUE if there is such a range
 */
gboolean
gvirt_network_config_get_dhcp_range (GVirtNetworkConfig *self,
                                     guint               index,
                                     char              **start,
                                     char              **end)
{
  xmlNodePtr range;

  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (self), FALSE);

  range = _gvirt_xml_nth (dhcp_node (self, FALSE), "range", index);
  if (start != NULL)
    *start = g_strdup (_gvirt_xml_attr (range, "start"));
  if (end != NULL)
    *end = g_strdup (_gvirt_xml_attr (range, "end"));
  return range != NULL;
}

/**
 * gvirt_network_config_add_dhcp_range:
 * @self: a #GVirtNetworkConfig
 * @start: the first address
 * @end: the last address
 *
 * Adds a range of addresses to the DHCP server of the first `<ip>`.
 */
void
gvirt_network_config_add_dhcp_range (GVirtNetworkConfig *self,
                                     const char         *start,
                                     const char         *end)
{
  const char *const attrs[] = { "start", start, "end", end, NULL };

  g_return_if_fail (GVIRT_IS_NETWORK_CONFIG (self));
  g_return_if_fail (start != NULL && end != NULL);

  _gvirt_xml_add_with_attrs (dhcp_node (self, TRUE), "range", attrs);
}

/**
 * gvirt_network_config_clear_dhcp_ranges:
 * @self: a #GVirtNetworkConfig
 *
 * Removes every range from the DHCP server.
 */
void
gvirt_network_config_clear_dhcp_ranges (GVirtNetworkConfig *self)
{
  g_return_if_fail (GVIRT_IS_NETWORK_CONFIG (self));

  _gvirt_xml_remove_all (dhcp_node (self, FALSE), "range", self->node);
}

/**
 * gvirt_network_config_get_n_dhcp_hosts:
 * @self: a #GVirtNetworkConfig
 *
 * Counts the static `<host>` entries of the DHCP server.
 *
 * Returns: the number of static hosts
 */
guint
gvirt_network_config_get_n_dhcp_hosts (GVirtNetworkConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (self), 0);

  return _gvirt_xml_count (dhcp_node (self, FALSE), "host");
}

/**
 * gvirt_network_config_get_dhcp_host:
 * @self: a #GVirtNetworkConfig
 * @index: the index of the host, from 0
 * @mac: (out) (optional) (nullable) (transfer full): return location for the MAC address
 * @name: (out) (optional) (nullable) (transfer full): return location for the host name
 * @ip: (out) (optional) (nullable) (transfer full): return location for the IP address
 *
 * Gets one static host of the DHCP server.
 *
 * Returns: %TRUE if there is such a host
 */
gboolean
gvirt_network_config_get_dhcp_host (GVirtNetworkConfig *self,
                                    guint               index,
                                    char              **mac,
                                    char              **name,
                                    char              **ip)
{
  xmlNodePtr host;

  g_return_val_if_fail (GVIRT_IS_NETWORK_CONFIG (self), FALSE);

  host = _gvirt_xml_nth (dhcp_node (self, FALSE), "host", index);
  if (mac != NULL)
    *mac = g_strdup (_gvirt_xml_attr (host, "mac"));
  if (name != NULL)
    *name = g_strdup (_gvirt_xml_attr (host, "name"));
  if (ip != NULL)
    *ip = g_strdup (_gvirt_xml_attr (host, "ip"));
  return host != NULL;
}

/**
 * gvirt_network_config_add_dhcp_host:
 * @self: a #GVirtNetworkConfig
 * @mac: (nullable): the MAC address of the guest, or %NULL
 * @name: (nullable): the host name, or %NULL
 * @ip: the address to give it
 *
 * Adds a static host to the DHCP server of the first `<ip>`.
 */
void
gvirt_network_config_add_dhcp_host (GVirtNetworkConfig *self,
                                    const char         *mac,
                                    const char         *name,
                                    const char         *ip)
{
  const char *const attrs[] = { "mac", mac, "name", name, "ip", ip, NULL };

  g_return_if_fail (GVIRT_IS_NETWORK_CONFIG (self));
  g_return_if_fail (ip != NULL && (mac != NULL || name != NULL));

  _gvirt_xml_add_with_attrs (dhcp_node (self, TRUE), "host", attrs);
}

/**
 * gvirt_network_config_clear_dhcp_hosts:
 * @self: a #GVirtNetworkConfig
 *
 * Removes every static host from the DHCP server.
 */
void
gvirt_network_config_clear_dhcp_hosts (GVirtNetworkConfig *self)
{
  g_return_if_fail (GVIRT_IS_NETWORK_CONFIG (self));

  _gvirt_xml_remove_all (dhcp_node (self, FALSE), "host", self->node);
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtNetworkConfig, gvirt_network_config, network_config_special_property)

static void
gvirt_network_config_class_init (GVirtNetworkConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gvirt_network_config_finalize;
  object_class->get_property = gvirt_network_config_get_property;
  object_class->set_property = gvirt_network_config_set_property;

  /**
   * GVirtNetworkConfig:name:
   *
   * The name of the network, from the `<name>` element.
   */
  /**
   * GVirtNetworkConfig:uuid:
   *
   * The UUID of the network, canonical lowercase 8-4-4-4-12, from the `<uuid>` element.
   */
  /**
   * GVirtNetworkConfig:bridge-name:
   *
   * The host bridge device, from the `name` attribute of `<bridge>`.
   */
  /**
   * GVirtNetworkConfig:stp:
   *
   * Whether the bridge runs the spanning tree protocol, from the `stp`
   * attribute of `<bridge>`: `on` or `off`, written that way; `yes` and
   * `no` are read too.
   */
  /**
   * GVirtNetworkConfig:delay:
   *
   * The forward delay of the bridge in seconds, from the `delay` attribute of `<bridge>`.
   */
  /**
   * GVirtNetworkConfig:forward-mode:
   *
   * The forwarding mode, from the `mode` attribute of `<forward>`.
   */
  /**
   * GVirtNetworkConfig:forward-dev:
   *
   * The host device traffic is forwarded to, from the `dev` attribute of `<forward>`.
   */
  /**
   * GVirtNetworkConfig:ip-address:
   *
   * The address of the host on the network, from the `address` attribute of `<ip>`.
   */
  /**
   * GVirtNetworkConfig:ip-netmask:
   *
   * The netmask of the network, from the `netmask` attribute of `<ip>`.
   */
  /**
   * GVirtNetworkConfig:ip-prefix:
   *
   * The prefix length of the network, 0 when unset, from the `prefix` attribute of `<ip>`.
   */
  /**
   * GVirtNetworkConfig:domain-name:
   *
   * The DNS domain of the network, from the `name` attribute of `<domain>`.
   */
  /**
   * GVirtNetworkConfig:mac:
   *
   * The MAC address of the bridge, from the `address` attribute of `<mac>`.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
}

static void
gvirt_network_config_init (GVirtNetworkConfig *self)
{
}
