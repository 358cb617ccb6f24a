/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Network configurations built from a <network> element inside another document. */
#pragma once

#include <libxml/tree.h>

#include "libvirt-gobject/config/gvirt-network-config.h"

G_BEGIN_DECLS

GVirtNetworkConfig *_gvirt_network_config_new_from_xml_node (xmlNodePtr node,
                                                             GError   **error);

G_END_DECLS
