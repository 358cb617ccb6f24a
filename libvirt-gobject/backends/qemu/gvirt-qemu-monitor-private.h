/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Inside the gvirt-qemu-monitor process: what gvirt-qemu-monitor.c (clients,
 * QMP, QEMU's exit) shares with the jobs it runs on its own
 * (gvirt-qemu-monitor-save.c). */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

typedef struct Client Client;

/* The answer to a command the monitor sent to QMP for itself: the whole
 * reply object ("return" or "error"). */
typedef void (*MonReplyFunc) (JsonObject *reply,
                              gpointer    data);

void mon_reply_ok    (Client     *c,
                      JsonNode   *id);
void mon_reply_error (Client     *c,
                      JsonNode   *id,
                      const char *klass,
                      const char *desc);
/* Sends @execute (@args taken, may be NULL) to QMP, @pass_fd >= 0 with it;
 * @func gets the reply. Nothing is called if QEMU exits first. */
void mon_qmp_call    (const char  *execute,
                      JsonObject  *args,
                      int          pass_fd,
                      MonReplyFunc func,
                      gpointer     data);
/* The exit reason to report when QEMU exits next. */
void mon_set_exit_reason (const char *reason);

/* gvirt-qemu-monitor-save.c: the gvirt-save job. */
void mon_save_start        (Client     *c,
                            JsonNode   *id,
                            JsonObject *args);
void mon_save_cancel       (void);
void mon_save_migration    (const char *status);
void mon_save_client_gone  (Client     *c);
void mon_save_qemu_exited  (void);
/* Whether a save job is under way (its STOP pauses the VM for "saving"). */
gboolean mon_save_running  (void);

/* gvirt-qemu-monitor-state.c: the state, reason and memory every client reads. */
void        mon_state_started      (const char *start_reason,
                                    gboolean    paused);
/* Before QMP event @event goes out: TRUE when it changed what clients read. */
gboolean    mon_state_qmp_event    (const char *event,
                                    JsonObject *data);
/* A balloon target QEMU accepted; TRUE when it changed. */
gboolean    mon_state_set_memory   (gint64      kib);
/* The members "state", "state-reason" and "memory" (when known) into @o. */
void        mon_state_add_members  (JsonObject *o);
JsonObject *mon_state_object       (void);
const char *mon_state_lifecycle    (void);
void        mon_state_journal      (const char *path,
                                    const char *event,
                                    const char *uuid,
                                    const char *name,
                                    const char *reason,
                                    gint64      qemu_pid);
gboolean    mon_state_write_stopped (const char *path,
                                     const char *uuid,
                                     const char *exit_reason);
