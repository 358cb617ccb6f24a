/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtVcpuInfo: one virtual CPU's state, time, placement and affinity, as a boxed value. */
#include "config.h"

#include "gvirt-vcpu-info.h"

/**
 * GVirtVcpuInfo:
 *
 * What a domain reports of one of its virtual CPUs: see
 * gvirt_domain_get_vcpu_info_sync().
 */
struct _GVirtVcpuInfo
{
  guint          number;
  GVirtVcpuState state;
  guint64        cpu_time;
  gint           cpu;
  guint         *affinity;
  gsize          n_affinity;
};

G_DEFINE_BOXED_TYPE (GVirtVcpuInfo, gvirt_vcpu_info, gvirt_vcpu_info_copy, gvirt_vcpu_info_free)

/**
 * gvirt_vcpu_info_new:
 * @number: the vCPU's index in the domain
 * @state: its state
 * @cpu_time: CPU time it used, in nanoseconds
 * @cpu: the host CPU it runs on now, or -1
 * @affinity: (array length=n_affinity) (nullable): the host CPUs it may run on
 * @n_affinity: the length of @affinity
 *
 * Creates a new value with every field zero.
 *
 * Returns: (transfer full): a new #GVirtVcpuInfo
 */
GVirtVcpuInfo *
gvirt_vcpu_info_new (guint           number,
                     GVirtVcpuState  state,
                     guint64         cpu_time,
                     gint            cpu,
                     const guint    *affinity,
                     gsize           n_affinity)
{
  GVirtVcpuInfo *info = g_new0 (GVirtVcpuInfo, 1);

  info->number = number;
  info->state = state;
  info->cpu_time = cpu_time;
  info->cpu = cpu;
  info->affinity = n_affinity ? g_memdup2 (affinity, n_affinity * sizeof (guint)) : NULL;
  info->n_affinity = n_affinity;
  return info;
}

/**
 * gvirt_vcpu_info_copy:
 * @info: a #GVirtVcpuInfo
 *
 * Copies @info.
 *
 * Returns: (transfer full): a copy of @info
 */
GVirtVcpuInfo *
gvirt_vcpu_info_copy (const GVirtVcpuInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return gvirt_vcpu_info_new (info->number, info->state, info->cpu_time,
                              info->cpu, info->affinity, info->n_affinity);
}

/**
 * gvirt_vcpu_info_free:
 * @info: (nullable): a #GVirtVcpuInfo
 *
 * Frees @info.
 */
void
gvirt_vcpu_info_free (GVirtVcpuInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->affinity);
  g_free (info);
}

/**
 * gvirt_vcpu_info_get_number:
 * @info: a #GVirtVcpuInfo
 *
 * Gets the vCPU's index in its domain.
 *
 * Returns: the vCPU's index in its domain
 */
guint
gvirt_vcpu_info_get_number (const GVirtVcpuInfo *info)
{
  return info->number;
}

/**
 * gvirt_vcpu_info_get_state:
 * @info: a #GVirtVcpuInfo
 *
 * Gets the vCPU's state.
 *
 * Returns: the vCPU's state
 */
GVirtVcpuState
gvirt_vcpu_info_get_state (const GVirtVcpuInfo *info)
{
  return info->state;
}

/**
 * gvirt_vcpu_info_get_cpu_time:
 * @info: a #GVirtVcpuInfo
 *
 * Gets the CPU time the vCPU used, in nanoseconds.
 *
 * Returns: the CPU time the vCPU used, in nanoseconds
 */
guint64
gvirt_vcpu_info_get_cpu_time (const GVirtVcpuInfo *info)
{
  return info->cpu_time;
}

/**
 * gvirt_vcpu_info_get_cpu:
 * @info: a #GVirtVcpuInfo
 *
 * Gets the host CPU the vCPU runs on, or -1 when it is not running.
 *
 * Returns: the host CPU the vCPU runs on, or -1 when it is not running
 */
gint
gvirt_vcpu_info_get_cpu (const GVirtVcpuInfo *info)
{
  return info->cpu;
}

/**
 * gvirt_vcpu_info_get_affinity:
 * @info: a #GVirtVcpuInfo
 * @n_cpus: (out): the number of host CPUs returned
 *
 * Gets the host CPUs the vCPU may run on.
 *
 * Returns: (array length=n_cpus) (transfer none): the host CPUs the vCPU may run on
 */
const guint *
gvirt_vcpu_info_get_affinity (const GVirtVcpuInfo *info,
                              gsize               *n_cpus)
{
  *n_cpus = info->n_affinity;
  return info->affinity;
}
