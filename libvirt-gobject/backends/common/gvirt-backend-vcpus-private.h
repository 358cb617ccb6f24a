/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The vCPU count rule every backend applies to a running domain. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * As libvirt (“requested vcpus is greater than max allowable vcpus for the
 * live domain”): a running domain's vCPU count changes within the maximum
 * it was started with, its definition's <vcpu>; only a shut-off domain's
 * maximum changes. FALSE with GVIRT_ERROR_INVALID_ARGUMENT “Domain “NAME”
 * cannot have N virtual CPUs while it runs: the maximum it was started
 * with is MAX.” when @n_vcpus > @maximum. Called before anything else, so
 * a backend that cannot change the count live (qemu) still says this first.
 */
gboolean _gvirt_backend_check_live_vcpus (const char  *name,
                                          guint        n_vcpus,
                                          guint        maximum,
                                          GError     **error);

G_END_DECLS
