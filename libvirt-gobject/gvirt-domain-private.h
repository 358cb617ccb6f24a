/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* How a connection creates its domains and applies backend events to them. */
#pragma once

#include "gvirt-domain.h"
#include "gvirt-backend.h"
#include "gvirt-operation-private.h"

G_BEGIN_DECLS

GVirtDomain *_gvirt_domain_new          (GVirtConnection         *connection,
                                         const GVirtDomainRecord *record);
void         _gvirt_domain_apply_record (GVirtDomain             *self,
                                         const GVirtDomainRecord *record);
void         _gvirt_domain_emit_event   (GVirtDomain             *self,
                                         GVirtDomainEventKind     kind,
                                         gint                     reason);

/* Runs @operation on this domain (gvirt-domain-lifecycle.c and
 * gvirt-domain-resources.c hold the public triples that call these). */
gpointer     _gvirt_domain_call_sync    (GVirtDomain              *self,
                                         GVirtOperation            operation,
                                         const GVirtOperationArgs *args,
                                         GCancellable             *cancellable,
                                         GError                  **error);
void         _gvirt_domain_call_async   (GVirtDomain              *self,
                                         GVirtOperation            operation,
                                         const GVirtOperationArgs *args,
                                         GCancellable             *cancellable,
                                         GAsyncReadyCallback       callback,
                                         gpointer                  user_data,
                                         gpointer                  source_tag);

G_END_DECLS
