/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainRecord: what a backend reports of one domain's identity and state. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/gvirt-domain-state.h"
#include "libvirt-gobject/gvirt-domain-state-reason.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_DOMAIN_RECORD (gvirt_domain_record_get_type ())

/**
 * GVirtDomainRecord:
 * @uuid: the canonical UUID, lower-case 8-4-4-4-12; the key of the domain
 * @name: the name
 * @id: the running id, -1 when inactive
 * @state: the state
 * @persistent: whether a configuration outlives a stop
 * @autostart: whether the domain starts with the host
 * @state_reason: why the domain is in @state, the same for every client of
 *   the node
 *
 * The part of a domain that the connection mirrors as #GVirtDomain
 * properties. Backends fill it in; applications never see it.
 */
typedef struct {
  char            *uuid;
  char            *name;
  gint             id;
  GVirtDomainState state;
  gboolean         persistent;
  gboolean         autostart;
  GVirtDomainStateReason state_reason;
} GVirtDomainRecord;

GVIRT_AVAILABLE_IN_ALL
GType              gvirt_domain_record_get_type (void) G_GNUC_CONST;
GVIRT_AVAILABLE_IN_ALL
GVirtDomainRecord *gvirt_domain_record_new      (const char *uuid,
                                                 const char *name);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainRecord *gvirt_domain_record_copy     (const GVirtDomainRecord *record);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_domain_record_free     (GVirtDomainRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtDomainRecord, gvirt_domain_record_free)

G_END_DECLS
