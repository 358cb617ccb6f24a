/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainInfo: a domain's state, memory, vCPUs and CPU time, as a boxed value. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/gvirt-domain-state.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_DOMAIN_INFO (gvirt_domain_info_get_type ())

/**
 * GVirtDomainInfo:
 * @state: the domain's state
 * @max_memory: the most memory the domain may have, in KiB
 * @memory: the memory the domain has now, in KiB
 * @n_vcpus: the number of virtual CPUs
 * @cpu_time: CPU time used, in nanoseconds
 *
 * A snapshot of a domain's resources.
 */
typedef struct {
  GVirtDomainState state;
  guint64          max_memory;
  guint64          memory;
  guint            n_vcpus;
  guint64          cpu_time;
} GVirtDomainInfo;

GVIRT_AVAILABLE_IN_ALL
GType            gvirt_domain_info_get_type (void) G_GNUC_CONST;
GVIRT_AVAILABLE_IN_ALL
GVirtDomainInfo *gvirt_domain_info_new      (void);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainInfo *gvirt_domain_info_copy     (const GVirtDomainInfo *info);
GVIRT_AVAILABLE_IN_ALL
void             gvirt_domain_info_free     (GVirtDomainInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtDomainInfo, gvirt_domain_info_free)

G_END_DECLS
