/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtCapabilitiesGuest: a kind of guest a host can run. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-capabilities-domain.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_CAPABILITIES_GUEST (gvirt_capabilities_guest_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtCapabilitiesGuest, gvirt_capabilities_guest, GVIRT, CAPABILITIES_GUEST, GObject)

GVIRT_AVAILABLE_IN_ALL
GVirtCapabilitiesGuest *gvirt_capabilities_guest_new (void);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_capabilities_guest_get_os_type (GVirtCapabilitiesGuest *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_guest_set_os_type (GVirtCapabilitiesGuest *self,
                                          const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_capabilities_guest_get_arch (GVirtCapabilitiesGuest *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_guest_set_arch (GVirtCapabilitiesGuest *self,
                                       const char *value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_capabilities_guest_get_wordsize (GVirtCapabilitiesGuest *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_guest_set_wordsize (GVirtCapabilitiesGuest *self,
                                           guint value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_capabilities_guest_get_emulator (GVirtCapabilitiesGuest *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_guest_set_emulator (GVirtCapabilitiesGuest *self,
                                           const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_capabilities_guest_get_loader (GVirtCapabilitiesGuest *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_guest_set_loader (GVirtCapabilitiesGuest *self,
                                         const char *value);
GVIRT_AVAILABLE_IN_ALL
char **gvirt_capabilities_guest_get_machines (GVirtCapabilitiesGuest *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_guest_set_machines (GVirtCapabilitiesGuest *self,
                                            const char * const     *machines);
GVIRT_AVAILABLE_IN_ALL
char **gvirt_capabilities_guest_get_features (GVirtCapabilitiesGuest *self);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_capabilities_guest_has_feature (GVirtCapabilitiesGuest *self,
                                               const char             *feature);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_guest_add_feature (GVirtCapabilitiesGuest *self,
                                           const char             *feature);
GVIRT_AVAILABLE_IN_ALL
GPtrArray *gvirt_capabilities_guest_get_domains (GVirtCapabilitiesGuest *self);
GVIRT_AVAILABLE_IN_ALL
GVirtCapabilitiesDomain *gvirt_capabilities_guest_add_domain (GVirtCapabilitiesGuest *self,
                                                              const char             *domain_type);

G_END_DECLS
