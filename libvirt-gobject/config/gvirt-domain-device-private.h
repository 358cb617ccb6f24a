/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* What the domain configuration and the device subclasses share about device nodes. */
#pragma once

#include "libvirt-gobject/config/gvirt-domain-device.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

G_BEGIN_DECLS

gboolean           _gvirt_domain_device_check_node  (xmlNodePtr         node,
                                                      GError           **error);
GVirtDomainDevice *_gvirt_domain_device_new_for_node (GVirtXmlDoc       *doc,
                                                      xmlNodePtr         node);
gpointer           _gvirt_domain_device_new_standalone (GType             type,
                                                        const char       *element);
xmlNodePtr         _gvirt_domain_device_get_node    (GVirtDomainDevice *self);
gboolean           _gvirt_domain_device_is_attached (GVirtDomainDevice *self);
void               _gvirt_domain_device_attach      (GVirtDomainDevice *self,
                                                     GVirtXmlDoc       *doc,
                                                     xmlNodePtr         devices);
void               _gvirt_domain_device_detach      (GVirtDomainDevice *self);

void               _gvirt_domain_device_class_set_fields (GType             type,
                                                          const GVirtField *fields,
                                                          guint             n_props);

/* Shorthand for a subclass's node, used by the accessor macros. */
#define GVIRT_DEVICE_NODE(self) _gvirt_domain_device_get_node (GVIRT_DOMAIN_DEVICE (self))

G_END_DECLS
