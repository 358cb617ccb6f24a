/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Finding and loading backend modules for a URI scheme. */
#pragma once

#include "gvirt-backend.h"

G_BEGIN_DECLS

GVirtBackend *_gvirt_backend_new_for_scheme (const char  *scheme,
                                             GError     **error);

G_END_DECLS
