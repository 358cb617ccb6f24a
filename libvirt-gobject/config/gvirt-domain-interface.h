/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainInterface: a network interface of a domain. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-domain-device.h"

G_BEGIN_DECLS

/**
 * GVirtDomainInterfaceType:
 * @GVIRT_DOMAIN_INTERFACE_TYPE_BRIDGE: to a host bridge (`bridge`)
 * @GVIRT_DOMAIN_INTERFACE_TYPE_NETWORK: to a virtual network (`network`)
 * @GVIRT_DOMAIN_INTERFACE_TYPE_USER: through user-mode networking (`user`)
 * @GVIRT_DOMAIN_INTERFACE_TYPE_ETHERNET: to a tap device set up by a script (`ethernet`)
 * @GVIRT_DOMAIN_INTERFACE_TYPE_MCAST: to a multicast group (`mcast`)
 * @GVIRT_DOMAIN_INTERFACE_TYPE_SERVER: as a TCP server for another guest (`server`)
 * @GVIRT_DOMAIN_INTERFACE_TYPE_CLIENT: as a TCP client of another guest (`client`)
 * @GVIRT_DOMAIN_INTERFACE_TYPE_DIRECT: to a host NIC through macvtap (`direct`)
 * @GVIRT_DOMAIN_INTERFACE_TYPE_HOSTDEV: by passing a host PCI NIC through (`hostdev`)
 * @GVIRT_DOMAIN_INTERFACE_TYPE_VHOSTUSER: to a vhost-user socket (`vhostuser`)
 * @GVIRT_DOMAIN_INTERFACE_TYPE_UDP: through UDP tunnels (`udp`)
 * @GVIRT_DOMAIN_INTERFACE_TYPE_OTHER: a type GVirt does not model; the attribute is kept as written
 *
 * How a network interface is connected: the `type` attribute of `<interface>`.
 */
typedef enum /*< underscore_name=gvirt_domain_interface_type >*/ {
  GVIRT_DOMAIN_INTERFACE_TYPE_BRIDGE,
  GVIRT_DOMAIN_INTERFACE_TYPE_NETWORK,
  GVIRT_DOMAIN_INTERFACE_TYPE_USER,
  GVIRT_DOMAIN_INTERFACE_TYPE_ETHERNET,
  GVIRT_DOMAIN_INTERFACE_TYPE_MCAST,
  GVIRT_DOMAIN_INTERFACE_TYPE_SERVER,
  GVIRT_DOMAIN_INTERFACE_TYPE_CLIENT,
  GVIRT_DOMAIN_INTERFACE_TYPE_DIRECT,
  GVIRT_DOMAIN_INTERFACE_TYPE_HOSTDEV,
  GVIRT_DOMAIN_INTERFACE_TYPE_VHOSTUSER,
  GVIRT_DOMAIN_INTERFACE_TYPE_UDP,
  GVIRT_DOMAIN_INTERFACE_TYPE_OTHER,
} GVirtDomainInterfaceType;

#define GVIRT_TYPE_DOMAIN_INTERFACE (gvirt_domain_interface_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtDomainInterface, gvirt_domain_interface, GVIRT, DOMAIN_INTERFACE, GVirtDomainDevice)

GVIRT_AVAILABLE_IN_ALL
GVirtDomainInterface *gvirt_domain_interface_new (void);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainInterfaceType gvirt_domain_interface_get_interface_type (GVirtDomainInterface *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_interface_set_interface_type (GVirtDomainInterface *self,
                                               GVirtDomainInterfaceType value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_interface_get_source_bridge (GVirtDomainInterface *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_interface_set_source_bridge (GVirtDomainInterface *self,
                                              const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_interface_get_source_network (GVirtDomainInterface *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_interface_set_source_network (GVirtDomainInterface *self,
                                               const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_interface_get_source_dev (GVirtDomainInterface *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_interface_set_source_dev (GVirtDomainInterface *self,
                                           const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_interface_get_source_address (GVirtDomainInterface *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_interface_set_source_address (GVirtDomainInterface *self,
                                               const char *value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_domain_interface_get_source_port (GVirtDomainInterface *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_interface_set_source_port (GVirtDomainInterface *self,
                                            guint value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_interface_get_mac (GVirtDomainInterface *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_interface_set_mac (GVirtDomainInterface *self,
                                    const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_interface_get_ip (GVirtDomainInterface *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_interface_set_ip (GVirtDomainInterface *self,
                                   const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_interface_get_script (GVirtDomainInterface *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_interface_set_script (GVirtDomainInterface *self,
                                       const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_interface_get_target_dev (GVirtDomainInterface *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_interface_set_target_dev (GVirtDomainInterface *self,
                                           const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_interface_get_model (GVirtDomainInterface *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_interface_set_model (GVirtDomainInterface *self,
                                      const char *value);

G_END_DECLS
