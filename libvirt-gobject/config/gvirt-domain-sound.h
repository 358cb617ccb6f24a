/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainSound: a sound card of a domain. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-domain-device.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_DOMAIN_SOUND (gvirt_domain_sound_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtDomainSound, gvirt_domain_sound, GVIRT, DOMAIN_SOUND, GVirtDomainDevice)

GVIRT_AVAILABLE_IN_ALL
GVirtDomainSound *gvirt_domain_sound_new (void);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_sound_get_model (GVirtDomainSound *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_sound_set_model (GVirtDomainSound *self,
                                  const char *value);

G_END_DECLS
