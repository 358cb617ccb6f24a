/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainGenericDevice: a device GVirt has no dedicated type for. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-domain-device.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_DOMAIN_GENERIC_DEVICE (gvirt_domain_generic_device_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtDomainGenericDevice, gvirt_domain_generic_device, GVIRT, DOMAIN_GENERIC_DEVICE, GVirtDomainDevice)


G_END_DECLS
