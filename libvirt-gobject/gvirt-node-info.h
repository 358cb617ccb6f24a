/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtNodeInfo: the host's CPU and memory figures, as a boxed value. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>

G_BEGIN_DECLS

#define GVIRT_TYPE_NODE_INFO (gvirt_node_info_get_type ())

/**
 * GVirtNodeInfo:
 * @model: (nullable): the CPU model, e.g. "x86_64"
 * @memory: memory size in KiB
 * @cpus: number of active CPUs
 * @mhz: expected CPU frequency in MHz
 * @nodes: number of NUMA nodes
 * @sockets: number of CPU sockets per node
 * @cores: number of cores per socket
 * @threads: number of threads per core
 *
 * What a node reports of its hardware.
 */
typedef struct {
  char    *model;
  guint64  memory;
  guint    cpus;
  guint    mhz;
  guint    nodes;
  guint    sockets;
  guint    cores;
  guint    threads;
} GVirtNodeInfo;

GVIRT_AVAILABLE_IN_ALL
GType          gvirt_node_info_get_type (void) G_GNUC_CONST;
GVIRT_AVAILABLE_IN_ALL
GVirtNodeInfo *gvirt_node_info_new      (void);
GVIRT_AVAILABLE_IN_ALL
GVirtNodeInfo *gvirt_node_info_copy     (const GVirtNodeInfo *info);
GVIRT_AVAILABLE_IN_ALL
void           gvirt_node_info_free     (GVirtNodeInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtNodeInfo, gvirt_node_info_free)

G_END_DECLS
