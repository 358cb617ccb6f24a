/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* All public headers of the config model (domain, network and capabilities XML). */
#pragma once

#include "libvirt-gobject/config/gvirt-capabilities.h"
#include "libvirt-gobject/config/gvirt-capabilities-domain.h"
#include "libvirt-gobject/config/gvirt-capabilities-guest.h"
#include "libvirt-gobject/config/gvirt-domain-chardev.h"
#include "libvirt-gobject/config/gvirt-domain-config.h"
#include "libvirt-gobject/config/gvirt-domain-device.h"
#include "libvirt-gobject/config/gvirt-domain-disk.h"
#include "libvirt-gobject/config/gvirt-domain-generic-device.h"
#include "libvirt-gobject/config/gvirt-domain-graphics.h"
#include "libvirt-gobject/config/gvirt-domain-input.h"
#include "libvirt-gobject/config/gvirt-domain-interface.h"
#include "libvirt-gobject/config/gvirt-domain-sound.h"
#include "libvirt-gobject/config/gvirt-domain-video.h"
#include "libvirt-gobject/config/gvirt-network-config.h"
