/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtCapabilities: what a host is and which guests it can run. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-capabilities-guest.h"
#include "libvirt-gobject/gvirt-node-info.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_CAPABILITIES (gvirt_capabilities_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtCapabilities, gvirt_capabilities, GVIRT, CAPABILITIES, GObject)

GVIRT_AVAILABLE_IN_ALL
GVirtCapabilities *gvirt_capabilities_new          (void);
GVIRT_AVAILABLE_IN_ALL
GVirtCapabilities *gvirt_capabilities_new_from_xml (const char        *xml,
                                                    GError           **error);
GVIRT_AVAILABLE_IN_ALL
char              *gvirt_capabilities_to_xml       (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
GVirtCapabilities *gvirt_capabilities_copy         (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_capabilities_equal        (GVirtCapabilities *a,
                                                    GVirtCapabilities *b);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_capabilities_validate     (GVirtCapabilities *self,
                                                    GError           **error);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_capabilities_validate_with_schema (GVirtCapabilities *self,
                                                      const char *schema_file,
                                                      GError **error);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_capabilities_get_host_uuid (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_set_host_uuid (GVirtCapabilities *self,
                                      const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_capabilities_get_host_arch (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_set_host_arch (GVirtCapabilities *self,
                                      const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_capabilities_get_host_cpu_model (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_set_host_cpu_model (GVirtCapabilities *self,
                                           const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_capabilities_get_host_cpu_vendor (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_set_host_cpu_vendor (GVirtCapabilities *self,
                                            const char *value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_capabilities_get_sockets (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_set_sockets (GVirtCapabilities *self,
                                    guint value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_capabilities_get_dies (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_set_dies (GVirtCapabilities *self,
                                 guint value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_capabilities_get_cores (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_set_cores (GVirtCapabilities *self,
                                  guint value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_capabilities_get_threads (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_set_threads (GVirtCapabilities *self,
                                    guint value);
GVIRT_AVAILABLE_IN_ALL
char **gvirt_capabilities_get_host_cpu_features (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_add_host_cpu_feature (GVirtCapabilities *self,
                                              const char        *feature);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_set_host_topology (GVirtCapabilities   *self,
                                           const GVirtNodeInfo *info);
GVIRT_AVAILABLE_IN_ALL
GPtrArray *gvirt_capabilities_get_guests (GVirtCapabilities *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_add_guest (GVirtCapabilities      *self,
                                   GVirtCapabilitiesGuest *guest);
GVIRT_AVAILABLE_IN_ALL
void gvirt_capabilities_remove_guest (GVirtCapabilities      *self,
                                      GVirtCapabilitiesGuest *guest);

G_END_DECLS
