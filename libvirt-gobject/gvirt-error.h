/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The GVIRT_ERROR domain: every failure GVirt reports outside G_IO_ERROR. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib.h>

G_BEGIN_DECLS

/**
 * GVIRT_ERROR:
 *
 * The error domain of GVirt; errors in it carry a #GVirtError code.
 * Cancellation is reported as %G_IO_ERROR_CANCELLED.
 */
#define GVIRT_ERROR (gvirt_error_quark ())

/**
 * GVirtError:
 * @GVIRT_ERROR_FAILED: a failure with no more specific code
 * @GVIRT_ERROR_INVALID_URI: the connection URI cannot be parsed or names no valid node
 * @GVIRT_ERROR_NO_BACKEND: no backend module serves the URI's scheme
 * @GVIRT_ERROR_NO_DOMAIN: no such domain
 * @GVIRT_ERROR_NO_NETWORK: no such network
 * @GVIRT_ERROR_ALREADY_EXISTS: a domain or network with that name or UUID exists
 * @GVIRT_ERROR_INVALID_XML: the XML is not well-formed or does not fit the format
 * @GVIRT_ERROR_INVALID_ARGUMENT: a value is out of range or malformed
 * @GVIRT_ERROR_INVALID_STATE: the object is not in a state that allows the operation
 * @GVIRT_ERROR_UNSUPPORTED: the backend does not support the operation
 * @GVIRT_ERROR_READ_ONLY: the connection is read-only
 * @GVIRT_ERROR_HYPERVISOR: the hypervisor or the backend failed
 * @GVIRT_ERROR_CLOSED: the connection was closed with gvirt_connection_close()
 *   (or, for a domain or network, no longer exists): every operation fails
 *   with it, and the connection's lookups and lists are empty
 *
 * Error codes of the %GVIRT_ERROR domain.
 */
typedef enum {
  GVIRT_ERROR_FAILED,
  GVIRT_ERROR_INVALID_URI,
  GVIRT_ERROR_NO_BACKEND,
  GVIRT_ERROR_NO_DOMAIN,
  GVIRT_ERROR_NO_NETWORK,
  GVIRT_ERROR_ALREADY_EXISTS,
  GVIRT_ERROR_INVALID_XML,
  GVIRT_ERROR_INVALID_ARGUMENT,
  GVIRT_ERROR_INVALID_STATE,
  GVIRT_ERROR_UNSUPPORTED,
  GVIRT_ERROR_READ_ONLY,
  GVIRT_ERROR_HYPERVISOR,
  GVIRT_ERROR_CLOSED,
} GVirtError;

GVIRT_AVAILABLE_IN_ALL
GQuark gvirt_error_quark (void);

G_END_DECLS
