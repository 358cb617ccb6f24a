/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtVcpuInfo: one virtual CPU's state, time, placement and affinity, as a boxed value. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

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

GVIRT_AVAILABLE_IN_ALL
GType          gvirt_vcpu_info_get_type     (void) G_GNUC_CONST;
GVIRT_AVAILABLE_IN_ALL
GVirtVcpuInfo *gvirt_vcpu_info_new          (guint           number,
                                             GVirtVcpuState  state,
                                             guint64         cpu_time,
                                             gint            cpu,
                                             const guint    *affinity,
                                             gsize           n_affinity);
GVIRT_AVAILABLE_IN_ALL
GVirtVcpuInfo *gvirt_vcpu_info_copy         (const GVirtVcpuInfo *info);
GVIRT_AVAILABLE_IN_ALL
void           gvirt_vcpu_info_free         (GVirtVcpuInfo *info);
GVIRT_AVAILABLE_IN_ALL
guint          gvirt_vcpu_info_get_number   (const GVirtVcpuInfo *info);
GVIRT_AVAILABLE_IN_ALL
GVirtVcpuState gvirt_vcpu_info_get_state    (const GVirtVcpuInfo *info);
GVIRT_AVAILABLE_IN_ALL
guint64        gvirt_vcpu_info_get_cpu_time (const GVirtVcpuInfo *info);
GVIRT_AVAILABLE_IN_ALL
gint           gvirt_vcpu_info_get_cpu      (const GVirtVcpuInfo *info);
GVIRT_AVAILABLE_IN_ALL
const guint   *gvirt_vcpu_info_get_affinity (const GVirtVcpuInfo *info,
                                             gsize               *n_cpus);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtVcpuInfo, gvirt_vcpu_info_free)

G_END_DECLS
