/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtQemuMon: one client connection to a VM's gvirt-qemu-monitor socket. */
#pragma once

#include <glib.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _GVirtQemuMon GVirtQemuMon;

/* Called on the reading context for every event, before waiters are woken. */
typedef void (*GVirtQemuMonEventFunc) (GVirtQemuMon *mon,
                                       const char   *event,
                                       JsonObject   *data,
                                       gpointer      user_data);

GVirtQemuMon *gvirt_qemu_mon_connect     (const char            *socket_path,
                                          const char            *uuid,
                                          GMainContext          *context,
                                          GVirtQemuMonEventFunc  func,
                                          gpointer               user_data,
                                          GError               **error);
GVirtQemuMon *gvirt_qemu_mon_ref         (GVirtQemuMon *mon);
void          gvirt_qemu_mon_unref       (GVirtQemuMon *mon);
/* Stops reading and closes the socket; no callback follows once it returns on the context. */
void          gvirt_qemu_mon_close       (GVirtQemuMon *mon);
const char   *gvirt_qemu_mon_get_uuid    (GVirtQemuMon *mon);

/* A QMP (or monitor) command; @args is taken; returns the "return" member. */
JsonNode     *gvirt_qemu_mon_command     (GVirtQemuMon *mon,
                                          const char   *execute,
                                          JsonObject   *args,
                                          const char   *exit_reason,
                                          gint64        timeout_ms,
                                          GError      **error);
/* Waits until the monitor reported QEMU's exit (and the event callback ran). */
gboolean      gvirt_qemu_mon_wait_exit   (GVirtQemuMon *mon,
                                          gint64        timeout_ms,
                                          char        **reason);
gboolean      gvirt_qemu_mon_has_exited  (GVirtQemuMon *mon,
                                          char        **reason);
/* Migration: forget the last status, then wait for a final one. */
void          gvirt_qemu_mon_reset_migration (GVirtQemuMon *mon);
/* The final status; "exited", "timeout" or, when @cancellable fired first, "cancelled". */
char         *gvirt_qemu_mon_wait_migration  (GVirtQemuMon *mon,
                                              gint64        timeout_ms,
                                              GCancellable *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtQemuMon, gvirt_qemu_mon_unref)

G_END_DECLS
