/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* How capabilities, their guests and the guests' domain types share one document. */
#pragma once

#include "libvirt-gobject/config/gvirt-capabilities.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

G_BEGIN_DECLS

GVirtCapabilitiesDomain *_gvirt_capabilities_domain_new_for_node (GObject    *owner,
                                                                  xmlNodePtr  node);
GVirtCapabilitiesGuest  *_gvirt_capabilities_guest_new_for_node  (GVirtXmlDoc *doc,
                                                                  xmlNodePtr   node,
                                                                  GError     **error);
gboolean                 _gvirt_capabilities_guest_is_attached   (GVirtCapabilitiesGuest *self);
void                     _gvirt_capabilities_guest_attach        (GVirtCapabilitiesGuest *self,
                                                                  GVirtXmlDoc            *doc,
                                                                  xmlNodePtr              parent);
void                     _gvirt_capabilities_guest_detach        (GVirtCapabilitiesGuest *self);
GVirtCapabilities       *_gvirt_capabilities_new_from_xml_node   (xmlNodePtr  node,
                                                                  GError    **error);

G_END_DECLS
