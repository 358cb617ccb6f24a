/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtCapabilitiesGuest: a kind of guest a host can run. */
#pragma once

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-capabilities-domain.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_CAPABILITIES_GUEST (gvirt_capabilities_guest_get_type ())

G_DECLARE_FINAL_TYPE (GVirtCapabilitiesGuest, gvirt_capabilities_guest, GVIRT, CAPABILITIES_GUEST, GObject)

GVirtCapabilitiesGuest *gvirt_capabilities_guest_new (void);
const char *gvirt_capabilities_guest_get_os_type (GVirtCapabilitiesGuest *self);
void gvirt_capabilities_guest_set_os_type (GVirtCapabilitiesGuest *self,
                                          const char *value);
const char *gvirt_capabilities_guest_get_arch (GVirtCapabilitiesGuest *self);
void gvirt_capabilities_guest_set_arch (GVirtCapabilitiesGuest *self,
                                       const char *value);
guint gvirt_capabilities_guest_get_wordsize (GVirtCapabilitiesGuest *self);
void gvirt_capabilities_guest_set_wordsize (GVirtCapabilitiesGuest *self,
                                           guint value);
const char *gvirt_capabilities_guest_get_emulator (GVirtCapabilitiesGuest *self);
void gvirt_capabilities_guest_set_emulator (GVirtCapabilitiesGuest *self,
                                           const char *value);
const char *gvirt_capabilities_guest_get_loader (GVirtCapabilitiesGuest *self);
void gvirt_capabilities_guest_set_loader (GVirtCapabilitiesGuest *self,
                                         const char *value);
char **gvirt_capabilities_guest_get_machines (GVirtCapabilitiesGuest *self);
void gvirt_capabilities_guest_set_machines (GVirtCapabilitiesGuest *self,
                                            const char * const     *machines);
char **gvirt_capabilities_guest_get_features (GVirtCapabilitiesGuest *self);
gboolean gvirt_capabilities_guest_has_feature (GVirtCapabilitiesGuest *self,
                                               const char             *feature);
void gvirt_capabilities_guest_add_feature (GVirtCapabilitiesGuest *self,
                                           const char             *feature);
GPtrArray *gvirt_capabilities_guest_get_domains (GVirtCapabilitiesGuest *self);
GVirtCapabilitiesDomain *gvirt_capabilities_guest_add_domain (GVirtCapabilitiesGuest *self,
                                                              const char             *domain_type);

G_END_DECLS
