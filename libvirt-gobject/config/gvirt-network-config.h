/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtNetworkConfig: the virtual network XML format as a GObject. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * GVirtNetworkForwardMode:
 * @GVIRT_NETWORK_FORWARD_MODE_NONE: an isolated network: no `<forward>` element
 * @GVIRT_NETWORK_FORWARD_MODE_NAT: address translation through the host (`nat`, the default of `<forward>`)
 * @GVIRT_NETWORK_FORWARD_MODE_ROUTE: plain routing (`route`)
 * @GVIRT_NETWORK_FORWARD_MODE_OPEN: routing without firewall rules (`open`)
 * @GVIRT_NETWORK_FORWARD_MODE_BRIDGE: an existing host bridge (`bridge`)
 * @GVIRT_NETWORK_FORWARD_MODE_PRIVATE: macvtap private mode (`private`)
 * @GVIRT_NETWORK_FORWARD_MODE_VEPA: macvtap VEPA mode (`vepa`)
 * @GVIRT_NETWORK_FORWARD_MODE_PASSTHROUGH: macvtap passthrough mode (`passthrough`)
 * @GVIRT_NETWORK_FORWARD_MODE_HOSTDEV: PCI device assignment (`hostdev`)
 * @GVIRT_NETWORK_FORWARD_MODE_OTHER: a mode GVirt does not model; the attribute is kept as written
 *
 * How a virtual network reaches the outside: the `mode` attribute of `<forward>`.
 */
typedef enum /*< underscore_name=gvirt_network_forward_mode >*/ {
  GVIRT_NETWORK_FORWARD_MODE_NONE,
  GVIRT_NETWORK_FORWARD_MODE_NAT,
  GVIRT_NETWORK_FORWARD_MODE_ROUTE,
  GVIRT_NETWORK_FORWARD_MODE_OPEN,
  GVIRT_NETWORK_FORWARD_MODE_BRIDGE,
  GVIRT_NETWORK_FORWARD_MODE_PRIVATE,
  GVIRT_NETWORK_FORWARD_MODE_VEPA,
  GVIRT_NETWORK_FORWARD_MODE_PASSTHROUGH,
  GVIRT_NETWORK_FORWARD_MODE_HOSTDEV,
  GVIRT_NETWORK_FORWARD_MODE_OTHER,
} GVirtNetworkForwardMode;

#define GVIRT_TYPE_NETWORK_CONFIG (gvirt_network_config_get_type ())

G_DECLARE_FINAL_TYPE (GVirtNetworkConfig, gvirt_network_config, GVIRT, NETWORK_CONFIG, GObject)

GVirtNetworkConfig *gvirt_network_config_new           (void);
GVirtNetworkConfig *gvirt_network_config_new_from_xml  (const char         *xml,
                                                        GError            **error);
GVirtNetworkConfig *gvirt_network_config_new_nat       (const char         *name,
                                                        const char         *bridge,
                                                        const char         *address,
                                                        const char         *netmask);
char               *gvirt_network_config_to_xml        (GVirtNetworkConfig *self);
GVirtNetworkConfig *gvirt_network_config_copy          (GVirtNetworkConfig *self);
gboolean            gvirt_network_config_equal         (GVirtNetworkConfig *a,
                                                        GVirtNetworkConfig *b);
gboolean            gvirt_network_config_validate      (GVirtNetworkConfig *self,
                                                        GError            **error);
char *gvirt_network_config_get_metadata (GVirtNetworkConfig *self,
                                        const char *uri);
gboolean gvirt_network_config_set_metadata (GVirtNetworkConfig *self,
                                            const char *uri,
                                            const char *prefix,
                                            const char *xml,
                                            GError **error);
gboolean gvirt_network_config_validate_with_schema (GVirtNetworkConfig *self,
                                                        const char *schema_file,
                                                        GError **error);

guint               gvirt_network_config_get_n_dhcp_ranges (GVirtNetworkConfig *self);
gboolean            gvirt_network_config_get_dhcp_range    (GVirtNetworkConfig *self,
                                                            guint               index,
                                                            char              **start,
                                                            char              **end);
void                gvirt_network_config_add_dhcp_range    (GVirtNetworkConfig *self,
                                                            const char         *start,
                                                            const char         *end);
void                gvirt_network_config_clear_dhcp_ranges (GVirtNetworkConfig *self);
guint               gvirt_network_config_get_n_dhcp_hosts  (GVirtNetworkConfig *self);
gboolean            gvirt_network_config_get_dhcp_host     (GVirtNetworkConfig *self,
                                                            guint               index,
                                                            char              **mac,
                                                            char              **name,
                                                            char              **ip);
void                gvirt_network_config_add_dhcp_host     (GVirtNetworkConfig *self,
                                                            const char         *mac,
                                                            const char         *name,
                                                            const char         *ip);
void                gvirt_network_config_clear_dhcp_hosts  (GVirtNetworkConfig *self);

const char *gvirt_network_config_get_name (GVirtNetworkConfig *self);
void gvirt_network_config_set_name (GVirtNetworkConfig *self,
                                   const char *value);
const char *gvirt_network_config_get_uuid (GVirtNetworkConfig *self);
void gvirt_network_config_set_uuid (GVirtNetworkConfig *self,
                                   const char *value);
const char *gvirt_network_config_get_bridge_name (GVirtNetworkConfig *self);
void gvirt_network_config_set_bridge_name (GVirtNetworkConfig *self,
                                          const char *value);
gboolean gvirt_network_config_get_stp (GVirtNetworkConfig *self);
void gvirt_network_config_set_stp (GVirtNetworkConfig *self,
                                  gboolean value);
guint gvirt_network_config_get_delay (GVirtNetworkConfig *self);
void gvirt_network_config_set_delay (GVirtNetworkConfig *self,
                                    guint value);
GVirtNetworkForwardMode gvirt_network_config_get_forward_mode (GVirtNetworkConfig *self);
void gvirt_network_config_set_forward_mode (GVirtNetworkConfig *self,
                                           GVirtNetworkForwardMode value);
const char *gvirt_network_config_get_forward_dev (GVirtNetworkConfig *self);
void gvirt_network_config_set_forward_dev (GVirtNetworkConfig *self,
                                          const char *value);
const char *gvirt_network_config_get_ip_address (GVirtNetworkConfig *self);
void gvirt_network_config_set_ip_address (GVirtNetworkConfig *self,
                                         const char *value);
const char *gvirt_network_config_get_ip_netmask (GVirtNetworkConfig *self);
void gvirt_network_config_set_ip_netmask (GVirtNetworkConfig *self,
                                         const char *value);
guint gvirt_network_config_get_ip_prefix (GVirtNetworkConfig *self);
void gvirt_network_config_set_ip_prefix (GVirtNetworkConfig *self,
                                        guint value);
const char *gvirt_network_config_get_domain_name (GVirtNetworkConfig *self);
void gvirt_network_config_set_domain_name (GVirtNetworkConfig *self,
                                          const char *value);
const char *gvirt_network_config_get_mac (GVirtNetworkConfig *self);
void gvirt_network_config_set_mac (GVirtNetworkConfig *self,
                                  const char *value);

G_END_DECLS
