/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtConnectionFlags: how a connection is opened; shared by connections and backends. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GVirtConnectionFlags:
 * @GVIRT_CONNECTION_NONE: a read-write connection
 * @GVIRT_CONNECTION_READ_ONLY: refuse every change with %GVIRT_ERROR_READ_ONLY
 *
 * Flags for opening a #GVirtConnection.
 */
typedef enum /*< flags >*/ {
  GVIRT_CONNECTION_NONE      = 0,
  GVIRT_CONNECTION_READ_ONLY = 1 << 0,
} GVirtConnectionFlags;

G_END_DECLS
