/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtQemuBackend: real QEMU processes under QMP behind qemu:/// URIs. */
#pragma once

#include "libvirt-gobject/gvirt-backend.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_QEMU_BACKEND (gvirt_qemu_backend_get_type ())
G_DECLARE_FINAL_TYPE (GVirtQemuBackend, gvirt_qemu_backend, GVIRT, QEMU_BACKEND, GObject)

G_END_DECLS
