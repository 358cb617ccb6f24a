/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The umbrella header of GVirt: include this one, not the parts. */
#pragma once

#define __LIBVIRT_GOBJECT_H_INSIDE__

#include "libvirt-gobject/gvirt-visibility.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-connection-flags.h"
#include "libvirt-gobject/gvirt-domain-state.h"
#include "libvirt-gobject/gvirt-domain-state-reason.h"
#include "libvirt-gobject/gvirt-node-info.h"
#include "libvirt-gobject/gvirt-domain-info.h"
#include "libvirt-gobject/gvirt-vcpu-info.h"
#include "libvirt-gobject/gvirt-operation.h"
#include "libvirt-gobject/gvirt-connection.h"
#include "libvirt-gobject/gvirt-domain.h"
#include "libvirt-gobject/gvirt-network.h"
#include "libvirt-gobject/config/gvirt-config.h"

#undef __LIBVIRT_GOBJECT_H_INSIDE__
