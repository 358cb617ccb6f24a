/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainInput: an input device (mouse, tablet, keyboard) of a domain. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-domain-device.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_DOMAIN_INPUT (gvirt_domain_input_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtDomainInput, gvirt_domain_input, GVIRT, DOMAIN_INPUT, GVirtDomainDevice)

GVIRT_AVAILABLE_IN_ALL
GVirtDomainInput *gvirt_domain_input_new (void);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_input_get_input_type (GVirtDomainInput *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_input_set_input_type (GVirtDomainInput *self,
                                       const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_input_get_bus (GVirtDomainInput *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_input_set_bus (GVirtDomainInput *self,
                                const char *value);

G_END_DECLS
