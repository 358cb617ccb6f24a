/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The GVIRT_ERROR quark. */
#include "config.h"

#include "gvirt-error.h"

G_DEFINE_QUARK (gvirt-error-quark, gvirt_error)
