/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtVcpuInfo: one virtual CPU's state, time, placement and affinity, as a boxed value. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GVIRT_TYPE_VCPU_INFO (gvirt_vcpu_info_get_type ())

/**
 * GVirtVcpuState:
 * @GVIRT_VCPU_STATE_OFFLINE: the vCPU is offline
 * @GVIRT_VCPU_STATE_RUNNING: the vCPU is running
 * @GVIRT_VCPU_STATE_BLOCKED: the vCPU is blocked on a resource
 *
 * The state of a virtual CPU.
 */
typedef enum {
  GVIRT_VCPU_STATE_OFFLINE,
  GVIRT_VCPU_STATE_RUNNING,
  GVIRT_VCPU_STATE_BLOCKED,
} GVirtVcpuState;

typedef struct _GVirtVcpuInfo GVirtVcpuInfo;

GType          gvirt_vcpu_info_get_type     (void) G_GNUC_CONST;
GVirtVcpuInfo *gvirt_vcpu_info_new          (guint           number,
                                             GVirtVcpuState  state,
                                             guint64         cpu_time,
                                             gint            cpu,
                                             const guint    *affinity,
                                             gsize           n_affinity);
GVirtVcpuInfo *gvirt_vcpu_info_copy         (const GVirtVcpuInfo *info);
void           gvirt_vcpu_info_free         (GVirtVcpuInfo *info);
guint          gvirt_vcpu_info_get_number   (const GVirtVcpuInfo *info);
GVirtVcpuState gvirt_vcpu_info_get_state    (const GVirtVcpuInfo *info);
guint64        gvirt_vcpu_info_get_cpu_time (const GVirtVcpuInfo *info);
gint           gvirt_vcpu_info_get_cpu      (const GVirtVcpuInfo *info);
const guint   *gvirt_vcpu_info_get_affinity (const GVirtVcpuInfo *info,
                                             gsize               *n_cpus);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtVcpuInfo, gvirt_vcpu_info_free)

G_END_DECLS
