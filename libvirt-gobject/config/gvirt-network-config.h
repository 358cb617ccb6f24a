/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtNetworkConfig: the virtual network XML format as a GObject. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

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

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtNetworkConfig, gvirt_network_config, GVIRT, NETWORK_CONFIG, GObject)

GVIRT_AVAILABLE_IN_ALL
GVirtNetworkConfig *gvirt_network_config_new           (void);
GVIRT_AVAILABLE_IN_ALL
GVirtNetworkConfig *gvirt_network_config_new_from_xml  (const char         *xml,
                                                        GError            **error);
GVIRT_AVAILABLE_IN_ALL
GVirtNetworkConfig *gvirt_network_config_new_nat       (const char         *name,
                                                        const char         *bridge,
                                                        const char         *address,
                                                        const char         *netmask);
GVIRT_AVAILABLE_IN_ALL
char               *gvirt_network_config_to_xml        (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
GVirtNetworkConfig *gvirt_network_config_copy          (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
gboolean            gvirt_network_config_equal         (GVirtNetworkConfig *a,
                                                        GVirtNetworkConfig *b);
GVIRT_AVAILABLE_IN_ALL
gboolean            gvirt_network_config_validate      (GVirtNetworkConfig *self,
                                                        GError            **error);
GVIRT_AVAILABLE_IN_ALL
char *gvirt_network_config_get_metadata (GVirtNetworkConfig *self,
                                        const char *uri);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_network_config_set_metadata (GVirtNetworkConfig *self,
                                            const char *uri,
                                            const char *prefix,
                                            const char *xml,
                                            GError **error);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_network_config_validate_with_schema (GVirtNetworkConfig *self,
                                                        const char *schema_file,
                                                        GError **error);

GVIRT_AVAILABLE_IN_ALL
guint               gvirt_network_config_get_n_dhcp_ranges (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
gboolean            gvirt_network_config_get_dhcp_range    (GVirtNetworkConfig *self,
                                                            guint               index,
                                                            char              **start,
                                                            char              **end);
GVIRT_AVAILABLE_IN_ALL
void                gvirt_network_config_add_dhcp_range    (GVirtNetworkConfig *self,
                                                            const char         *start,
                                                            const char         *end);
GVIRT_AVAILABLE_IN_ALL
void                gvirt_network_config_clear_dhcp_ranges (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
guint               gvirt_network_config_get_n_dhcp_hosts  (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
gboolean            gvirt_network_config_get_dhcp_host     (GVirtNetworkConfig *self,
                                                            guint               index,
                                                            char              **mac,
                                                            char              **name,
                                                            char              **ip);
GVIRT_AVAILABLE_IN_ALL
void                gvirt_network_config_add_dhcp_host     (GVirtNetworkConfig *self,
                                                            const char         *mac,
                                                            const char         *name,
                                                            const char         *ip);
GVIRT_AVAILABLE_IN_ALL
void                gvirt_network_config_clear_dhcp_hosts  (GVirtNetworkConfig *self);

GVIRT_AVAILABLE_IN_ALL
const char *gvirt_network_config_get_name (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_name (GVirtNetworkConfig *self,
                                   const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_network_config_get_uuid (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_uuid (GVirtNetworkConfig *self,
                                   const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_network_config_get_bridge_name (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_bridge_name (GVirtNetworkConfig *self,
                                          const char *value);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_network_config_get_stp (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_stp (GVirtNetworkConfig *self,
                                  gboolean value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_network_config_get_delay (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_delay (GVirtNetworkConfig *self,
                                    guint value);
GVIRT_AVAILABLE_IN_ALL
GVirtNetworkForwardMode gvirt_network_config_get_forward_mode (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_forward_mode (GVirtNetworkConfig *self,
                                           GVirtNetworkForwardMode value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_network_config_get_forward_dev (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_forward_dev (GVirtNetworkConfig *self,
                                          const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_network_config_get_ip_address (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_ip_address (GVirtNetworkConfig *self,
                                         const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_network_config_get_ip_netmask (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_ip_netmask (GVirtNetworkConfig *self,
                                         const char *value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_network_config_get_ip_prefix (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_ip_prefix (GVirtNetworkConfig *self,
                                        guint value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_network_config_get_domain_name (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_domain_name (GVirtNetworkConfig *self,
                                          const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_network_config_get_mac (GVirtNetworkConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_config_set_mac (GVirtNetworkConfig *self,
                                  const char *value);

G_END_DECLS
