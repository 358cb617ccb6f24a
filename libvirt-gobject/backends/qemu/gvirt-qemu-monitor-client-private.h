/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtQemuMonitorClient: one client connection to a VM's gvirt-qemu-monitor socket.
 * The process on the other end is gvirt-qemu-monitor.c; QEMU's own QMP socket is only ever
 * spoken to by that process. */
#pragma once

#include <glib.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _GVirtQemuMonitorClient GVirtQemuMonitorClient;

/* Called on the reading context for every event, before waiters are woken. */
typedef void (*GVirtQemuMonitorClientEventFunc) (GVirtQemuMonitorClient *mon,
                                       const char   *event,
                                       JsonObject   *data,
                                       gpointer      user_data);

GVirtQemuMonitorClient *gvirt_qemu_monitor_client_connect     (const char            *socket_path,
                                          const char            *uuid,
                                          GMainContext          *context,
                                          GVirtQemuMonitorClientEventFunc  func,
                                          gpointer               user_data,
                                          GError               **error);
GVirtQemuMonitorClient *gvirt_qemu_monitor_client_ref         (GVirtQemuMonitorClient *mon);
void          gvirt_qemu_monitor_client_unref       (GVirtQemuMonitorClient *mon);
/* Stops reading and closes the socket; no callback follows once it returns on the context. */
void          gvirt_qemu_monitor_client_close       (GVirtQemuMonitorClient *mon);
const char   *gvirt_qemu_monitor_client_get_uuid    (GVirtQemuMonitorClient *mon);

/* A QMP (or monitor) command; @args is taken; returns the "return" member.
 * @cancellable cancelled before the command goes out: nothing is sent; while
 * waiting for the reply: G_IO_ERROR_CANCELLED at once, and the command may
 * still take effect in QEMU. */
JsonNode     *gvirt_qemu_monitor_client_command     (GVirtQemuMonitorClient *mon,
                                          const char   *execute,
                                          JsonObject   *args,
                                          const char   *exit_reason,
                                          gint64        timeout_ms,
                                          GCancellable *cancellable,
                                          GError      **error);
/* A job the monitor runs itself (gvirt-save), answered when it is over:
 * when @cancellable fires or @timeout_ms passes, @cancel_execute is sent
 * and the answer still awaited (30 s more), since the job may have ended
 * well meanwhile. A job that fails after that reports G_IO_ERROR_CANCELLED
 * if @cancellable fired. */
JsonNode     *gvirt_qemu_monitor_client_job         (GVirtQemuMonitorClient *mon,
                                          const char   *execute,
                                          JsonObject   *args,
                                          const char   *cancel_execute,
                                          gint64        timeout_ms,
                                          GCancellable *cancellable,
                                          GError      **error);
/* Waits until the monitor reported QEMU's exit (and the event callback ran);
 * FALSE after @timeout_ms or once @cancellable is cancelled. */
gboolean      gvirt_qemu_monitor_client_wait_exit   (GVirtQemuMonitorClient *mon,
                                          gint64        timeout_ms,
                                          GCancellable *cancellable,
                                          char        **reason);
gboolean      gvirt_qemu_monitor_client_has_exited  (GVirtQemuMonitorClient *mon,
                                          char        **reason);
/* Migration: forget the last status, then wait for a final one. */
void          gvirt_qemu_monitor_client_reset_migration (GVirtQemuMonitorClient *mon);
/* The final status; "exited", "timeout" or, when @cancellable fired first, "cancelled". */
char         *gvirt_qemu_monitor_client_wait_migration  (GVirtQemuMonitorClient *mon,
                                              gint64        timeout_ms,
                                              GCancellable *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtQemuMonitorClient, gvirt_qemu_monitor_client_unref)

G_END_DECLS
