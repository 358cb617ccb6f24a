/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtTestBackend: the in-memory test hypervisor behind test:/// URIs. */
#pragma once

#include "libvirt-gobject/gvirt-backend.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_TEST_BACKEND (gvirt_test_backend_get_type ())
G_DECLARE_FINAL_TYPE (GVirtTestBackend, gvirt_test_backend, GVIRT, TEST_BACKEND, GObject)

G_END_DECLS
