/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtCapabilities: what a host is and which guests it can run. */
#pragma once

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-capabilities-guest.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_CAPABILITIES (gvirt_capabilities_get_type ())

G_DECLARE_FINAL_TYPE (GVirtCapabilities, gvirt_capabilities, GVIRT, CAPABILITIES, GObject)

GVirtCapabilities *gvirt_capabilities_new          (void);
GVirtCapabilities *gvirt_capabilities_new_from_xml (const char        *xml,
                                                    GError           **error);
char              *gvirt_capabilities_to_xml       (GVirtCapabilities *self);
GVirtCapabilities *gvirt_capabilities_copy         (GVirtCapabilities *self);
gboolean           gvirt_capabilities_equal        (GVirtCapabilities *a,
                                                    GVirtCapabilities *b);
gboolean           gvirt_capabilities_validate     (GVirtCapabilities *self,
                                                    GError           **error);
gboolean gvirt_capabilities_validate_with_schema (GVirtCapabilities *self,
                                                      const char *schema_file,
                                                      GError **error);
const char *gvirt_capabilities_get_host_uuid (GVirtCapabilities *self);
void gvirt_capabilities_set_host_uuid (GVirtCapabilities *self,
                                      const char *value);
const char *gvirt_capabilities_get_host_arch (GVirtCapabilities *self);
void gvirt_capabilities_set_host_arch (GVirtCapabilities *self,
                                      const char *value);
const char *gvirt_capabilities_get_host_cpu_model (GVirtCapabilities *self);
void gvirt_capabilities_set_host_cpu_model (GVirtCapabilities *self,
                                           const char *value);
const char *gvirt_capabilities_get_host_cpu_vendor (GVirtCapabilities *self);
void gvirt_capabilities_set_host_cpu_vendor (GVirtCapabilities *self,
                                            const char *value);
guint gvirt_capabilities_get_sockets (GVirtCapabilities *self);
void gvirt_capabilities_set_sockets (GVirtCapabilities *self,
                                    guint value);
guint gvirt_capabilities_get_dies (GVirtCapabilities *self);
void gvirt_capabilities_set_dies (GVirtCapabilities *self,
                                 guint value);
guint gvirt_capabilities_get_cores (GVirtCapabilities *self);
void gvirt_capabilities_set_cores (GVirtCapabilities *self,
                                  guint value);
guint gvirt_capabilities_get_threads (GVirtCapabilities *self);
void gvirt_capabilities_set_threads (GVirtCapabilities *self,
                                    guint value);
char **gvirt_capabilities_get_host_cpu_features (GVirtCapabilities *self);
void gvirt_capabilities_add_host_cpu_feature (GVirtCapabilities *self,
                                              const char        *feature);
GPtrArray *gvirt_capabilities_get_guests (GVirtCapabilities *self);
void gvirt_capabilities_add_guest (GVirtCapabilities      *self,
                                   GVirtCapabilitiesGuest *guest);
void gvirt_capabilities_remove_guest (GVirtCapabilities      *self,
                                      GVirtCapabilitiesGuest *guest);

G_END_DECLS
