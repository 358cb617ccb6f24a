/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The vCPU count rule every backend applies to a running domain. */
#include "config.h"

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-backend-vcpus-private.h"

gboolean
_gvirt_backend_check_live_vcpus (const char  *name,
                                 guint        n_vcpus,
                                 guint        maximum,
                                 GError     **error)
{
  if (n_vcpus <= maximum)
    return TRUE;
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
               _("Domain “%s” cannot have %u virtual CPUs while it runs: the maximum it was started with is %u."),
               name, n_vcpus, maximum);
  return FALSE;
}
