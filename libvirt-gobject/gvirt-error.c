/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The GVIRT_ERROR quark. */
#include "config.h"

#include "gvirt-error.h"

/**
 * gvirt_error_quark:
 *
 * The quark of the %GVIRT_ERROR domain.
 *
 * Returns: the error domain quark
 */
G_DEFINE_QUARK (gvirt-error-quark, gvirt_error)
