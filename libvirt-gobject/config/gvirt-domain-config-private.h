/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Domain configurations built from a <domain> element inside another document; checks and XML for backends. */
#pragma once

#include <libxml/tree.h>

#include "libvirt-gobject/config/gvirt-domain-config.h"

G_BEGIN_DECLS

GVirtDomainConfig *_gvirt_domain_config_new_from_xml_node (xmlNodePtr node,
                                                           GError   **error);
gboolean           _gvirt_domain_config_check             (GVirtDomainConfig  *self,
                                                           GError            **error);
char              *_gvirt_domain_config_to_xml_unkept     (GVirtDomainConfig  *self);

G_END_DECLS
