/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainVideo: a video adapter of a domain. */
#pragma once

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-domain-device.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_DOMAIN_VIDEO (gvirt_domain_video_get_type ())

G_DECLARE_FINAL_TYPE (GVirtDomainVideo, gvirt_domain_video, GVIRT, DOMAIN_VIDEO, GVirtDomainDevice)

GVirtDomainVideo *gvirt_domain_video_new (void);
const char *gvirt_domain_video_get_model (GVirtDomainVideo *self);
void gvirt_domain_video_set_model (GVirtDomainVideo *self,
                                  const char *value);
guint gvirt_domain_video_get_vram (GVirtDomainVideo *self);
void gvirt_domain_video_set_vram (GVirtDomainVideo *self,
                                 guint value);
guint gvirt_domain_video_get_heads (GVirtDomainVideo *self);
void gvirt_domain_video_set_heads (GVirtDomainVideo *self,
                                  guint value);

G_END_DECLS
