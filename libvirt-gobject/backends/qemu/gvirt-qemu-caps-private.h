/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Host probing for the QEMU backend: emulators, machine types, KVM, node info. */
#pragma once

#include "libvirt-gobject/gvirt-node-info.h"
#include "libvirt-gobject/config/gvirt-capabilities.h"

G_BEGIN_DECLS

char             **gvirt_qemu_find_emulators   (void);
gboolean           gvirt_qemu_kvm_available    (void);
GVirtCapabilities *gvirt_qemu_probe_capabilities (const char *cache_dir,
                                                  GError    **error);
GVirtNodeInfo     *gvirt_qemu_node_info        (void);

G_END_DECLS
