/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainVideo: a video adapter of a domain. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-domain-device.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_DOMAIN_VIDEO (gvirt_domain_video_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtDomainVideo, gvirt_domain_video, GVIRT, DOMAIN_VIDEO, GVirtDomainDevice)

GVIRT_AVAILABLE_IN_ALL
GVirtDomainVideo *gvirt_domain_video_new (void);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_video_get_model (GVirtDomainVideo *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_video_set_model (GVirtDomainVideo *self,
                                  const char *value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_domain_video_get_vram (GVirtDomainVideo *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_video_set_vram (GVirtDomainVideo *self,
                                 guint value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_domain_video_get_heads (GVirtDomainVideo *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_video_set_heads (GVirtDomainVideo *self,
                                  guint value);

G_END_DECLS
