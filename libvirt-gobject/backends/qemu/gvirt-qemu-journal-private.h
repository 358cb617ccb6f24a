/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The node's event journal, RUNTIME/events.journal: one JSON line per lifecycle event, appended by every process. */
#pragma once

#include <sys/types.h>

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define GVIRT_QEMU_JOURNAL_FILE      "events.journal"
/* A generation larger than this is replaced by one holding only its last line. */
#define GVIRT_QEMU_JOURNAL_MAX_SIZE  (1024 * 1024)

/* Members of a line. */
#define GVIRT_QEMU_JOURNAL_SEQ       "seq"
#define GVIRT_QEMU_JOURNAL_PID       "pid"
#define GVIRT_QEMU_JOURNAL_EVENT     "event"   /* defined, undefined, started, suspended, resumed, stopped */
#define GVIRT_QEMU_JOURNAL_UUID      "uuid"
#define GVIRT_QEMU_JOURNAL_NAME      "name"
#define GVIRT_QEMU_JOURNAL_REASON    "reason"  /* a GVirtDomainStateReason nick */
#define GVIRT_QEMU_JOURNAL_ID        "id"      /* QEMU's pid, for started */
#define GVIRT_QEMU_JOURNAL_PAUSED    "paused"  /* true: started with its vCPUs paused */

/* A reader: what one connection has consumed so far. */
typedef struct {
  char    *path;
  int      fd;        /* the generation being read, -1 before the file exists */
  goffset  offset;    /* end of the last whole line read */
  gint64   seq;       /* the last line consumed */
} GVirtQemuJournal;

typedef void (*GVirtQemuJournalFunc) (JsonObject *line, gpointer user_data);

gboolean _gvirt_qemu_journal_append (const char *path, JsonObject *line, GError **error);
gboolean _gvirt_qemu_journal_append_once (const char *path, JsonObject *line, GError **error);
void     _gvirt_qemu_journal_open   (GVirtQemuJournal *journal, const char *path);
void     _gvirt_qemu_journal_read   (GVirtQemuJournal *journal, GVirtQemuJournalFunc func, gpointer user_data);
void     _gvirt_qemu_journal_clear  (GVirtQemuJournal *journal);

G_END_DECLS
