/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* How a connection creates its domains and applies backend events to them. */
#pragma once

#include "gvirt-domain.h"
#include "gvirt-backend.h"

G_BEGIN_DECLS

GVirtDomain *_gvirt_domain_new          (GVirtConnection         *connection,
                                         const GVirtDomainRecord *record);
void         _gvirt_domain_apply_record (GVirtDomain             *self,
                                         const GVirtDomainRecord *record);
void         _gvirt_domain_emit_event   (GVirtDomain             *self,
                                         GVirtDomainEventKind     kind,
                                         gint                     reason);

G_END_DECLS
