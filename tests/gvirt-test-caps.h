/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Checks the backends' tests share on capabilities: the host they describe is the node's. */
#pragma once

#include <libvirt-gobject/libvirt-gobject.h>

G_BEGIN_DECLS

void gvirt_test_assert_caps_match_node (GVirtCapabilities   *caps,
                                        const GVirtNodeInfo *info);

G_END_DECLS
