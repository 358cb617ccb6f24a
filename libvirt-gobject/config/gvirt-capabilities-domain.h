/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtCapabilitiesDomain: one hypervisor type a guest architecture can run under. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>

G_BEGIN_DECLS

#define GVIRT_TYPE_CAPABILITIES_DOMAIN (gvirt_capabilities_domain_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtCapabilitiesDomain, gvirt_capabilities_domain, GVIRT, CAPABILITIES_DOMAIN, GObject)

GVIRT_AVAILABLE_IN_ALL
const char *gvirt_capabilities_domain_get_domain_type (GVirtCapabilitiesDomain *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_domain_set_domain_type (GVirtCapabilitiesDomain *self,
                                               const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_capabilities_domain_get_emulator (GVirtCapabilitiesDomain *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_domain_set_emulator (GVirtCapabilitiesDomain *self,
                                            const char *value);
GVIRT_AVAILABLE_IN_ALL
char **gvirt_capabilities_domain_get_machines (GVirtCapabilitiesDomain *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_domain_set_machines (GVirtCapabilitiesDomain *self,
                                             const char * const      *machines);

G_END_DECLS
