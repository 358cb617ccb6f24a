/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainInfo: a domain's state, memory, vCPUs and CPU time, as a boxed value. */
#include "config.h"

#include "gvirt-domain-info.h"

G_DEFINE_BOXED_TYPE (GVirtDomainInfo, gvirt_domain_info, gvirt_domain_info_copy, gvirt_domain_info_free)

/**
 * gvirt_domain_info_new:
 *
 * Creates a new value with every field zero.
 *
 * Returns: (transfer full): a zeroed #GVirtDomainInfo
 */
GVirtDomainInfo *
gvirt_domain_info_new (void)
{
  return g_new0 (GVirtDomainInfo, 1);
}

/**
 * gvirt_domain_info_copy:
 * @info: a #GVirtDomainInfo
 *
 * Copies @info.
 *
 * Returns: (transfer full): a copy of @info
 */
GVirtDomainInfo *
gvirt_domain_info_copy (const GVirtDomainInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return g_memdup2 (info, sizeof *info);
}

/**
 * gvirt_domain_info_free:
 * @info: (nullable): a #GVirtDomainInfo
 *
 * Frees @info.
 */
void
gvirt_domain_info_free (GVirtDomainInfo *info)
{
  g_free (info);
}
