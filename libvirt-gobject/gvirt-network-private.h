/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* How a connection creates its networks and applies backend events to them. */
#pragma once

#include "gvirt-network.h"
#include "gvirt-backend.h"

G_BEGIN_DECLS

GVirtNetwork *_gvirt_network_new          (GVirtConnection          *connection,
                                           const GVirtNetworkRecord *record);
void          _gvirt_network_apply_record (GVirtNetwork             *self,
                                           const GVirtNetworkRecord *record);
void          _gvirt_network_emit_event   (GVirtNetwork             *self,
                                           GVirtNetworkEventKind     kind);

G_END_DECLS
