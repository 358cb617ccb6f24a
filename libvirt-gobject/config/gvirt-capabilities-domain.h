/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtCapabilitiesDomain: one hypervisor type a guest architecture can run under. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GVIRT_TYPE_CAPABILITIES_DOMAIN (gvirt_capabilities_domain_get_type ())

G_DECLARE_FINAL_TYPE (GVirtCapabilitiesDomain, gvirt_capabilities_domain, GVIRT, CAPABILITIES_DOMAIN, GObject)

const char *gvirt_capabilities_domain_get_domain_type (GVirtCapabilitiesDomain *self);
void gvirt_capabilities_domain_set_domain_type (GVirtCapabilitiesDomain *self,
                                               const char *value);
const char *gvirt_capabilities_domain_get_emulator (GVirtCapabilitiesDomain *self);
void gvirt_capabilities_domain_set_emulator (GVirtCapabilitiesDomain *self,
                                            const char *value);
char **gvirt_capabilities_domain_get_machines (GVirtCapabilitiesDomain *self);
void gvirt_capabilities_domain_set_machines (GVirtCapabilitiesDomain *self,
                                             const char * const      *machines);

G_END_DECLS
