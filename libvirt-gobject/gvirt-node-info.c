/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtNodeInfo: the host's CPU and memory figures, as a boxed value. */
#include "config.h"

#include "gvirt-node-info.h"

G_DEFINE_BOXED_TYPE (GVirtNodeInfo, gvirt_node_info, gvirt_node_info_copy, gvirt_node_info_free)

/**
 * gvirt_node_info_new:
 *
 * Creates a new value with every field zero.
 *
 * Returns: (transfer full): a zeroed #GVirtNodeInfo
 */
GVirtNodeInfo *
gvirt_node_info_new (void)
{
  return g_new0 (GVirtNodeInfo, 1);
}

/**
 * gvirt_node_info_copy:
 * @info: a #GVirtNodeInfo
 *
 * Copies @info.
 *
 * Returns: (transfer full): a copy of @info
 */
GVirtNodeInfo *
gvirt_node_info_copy (const GVirtNodeInfo *info)
{
  GVirtNodeInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  copy->model = g_strdup (info->model);
  return copy;
}

/**
 * gvirt_node_info_free:
 * @info: (nullable): a #GVirtNodeInfo
 *
 * Frees @info.
 */
void
gvirt_node_info_free (GVirtNodeInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->model);
  g_free (info);
}
