/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The QEMU backend's side of the node's event journal: what it appends, and the events it reports from it. */
#include "config.h"

#include "gvirt-qemu-backend-private.h"

/*
 * Lifecycle events (defined, undefined, started, suspended, resumed,
 * stopped) reach the application only from here: each is a line of
 * RUNTIME/events.journal (gvirt-qemu-journal.c), written by whoever caused
 * it — this backend for a define or undefine, the VM's monitor for what
 * QEMU does — and every connection, this one included, reports the lines
 * in file order. The rest of the backend keeps the domain table (state,
 * memory, persistence) up to date and reports only UPDATED itself, and
 * the events of VMs whose monitor is older than the journal.
 */

/* The event's own reason, from the line's state reason. */
gint
_gvirt_qemu_journal_event_reason (GVirtDomainEventKind kind, GVirtDomainStateReason sr)
{
  switch (kind)
    {
    case GVIRT_DOMAIN_EVENT_STARTED:
      return sr == GVIRT_DOMAIN_STATE_REASON_RESTORED ? GVIRT_DOMAIN_STARTED_RESTORED : GVIRT_DOMAIN_STARTED_BOOTED;
    case GVIRT_DOMAIN_EVENT_SUSPENDED:
      return sr == GVIRT_DOMAIN_STATE_REASON_IOERROR ? GVIRT_DOMAIN_SUSPENDED_IOERROR
           : sr == GVIRT_DOMAIN_STATE_REASON_WATCHDOG ? GVIRT_DOMAIN_SUSPENDED_WATCHDOG
           : GVIRT_DOMAIN_SUSPENDED_PAUSED;
    case GVIRT_DOMAIN_EVENT_STOPPED:
      return sr == GVIRT_DOMAIN_STATE_REASON_SHUTDOWN ? GVIRT_DOMAIN_STOPPED_SHUTDOWN
           : sr == GVIRT_DOMAIN_STATE_REASON_DESTROYED ? GVIRT_DOMAIN_STOPPED_DESTROYED
           : sr == GVIRT_DOMAIN_STATE_REASON_SAVED ? GVIRT_DOMAIN_STOPPED_SAVED
           : sr == GVIRT_DOMAIN_STATE_REASON_FAILED ? GVIRT_DOMAIN_STOPPED_FAILED
           : GVIRT_DOMAIN_STOPPED_CRASHED;
    default:
      return 0;
    }
}

static const struct {
  const char          *word;
  GVirtDomainEventKind kind;
  GVirtDomainState     state;   /* after it; SHUTOFF for the definitions: the table's */
} kinds[] = {
  { "defined",   GVIRT_DOMAIN_EVENT_DEFINED,   GVIRT_DOMAIN_STATE_SHUTOFF },
  { "undefined", GVIRT_DOMAIN_EVENT_UNDEFINED, GVIRT_DOMAIN_STATE_SHUTOFF },
  { "started",   GVIRT_DOMAIN_EVENT_STARTED,   GVIRT_DOMAIN_STATE_RUNNING },
  { "suspended", GVIRT_DOMAIN_EVENT_SUSPENDED, GVIRT_DOMAIN_STATE_PAUSED },
  { "resumed",   GVIRT_DOMAIN_EVENT_RESUMED,   GVIRT_DOMAIN_STATE_RUNNING },
  { "stopped",   GVIRT_DOMAIN_EVENT_STOPPED,   GVIRT_DOMAIN_STATE_SHUTOFF },
};

/* Lock held: one line becomes one event. Its record is the table's entry
 * as the line leaves it; a domain this process never saw (defined and
 * undefined, or started and stopped, between two reads) gets one from the
 * line alone. */
static void
report_line (JsonObject *line,
             gpointer    user_data)
{
  GVirtQemuBackend *self = user_data;
  const char *word = json_object_get_string_member_with_default (line, GVIRT_QEMU_JOURNAL_EVENT, "");
  const char *uuid = json_object_get_string_member_with_default (line, GVIRT_QEMU_JOURNAL_UUID, NULL);
  const char *name = json_object_get_string_member_with_default (line, GVIRT_QEMU_JOURNAL_NAME, NULL);
  GVirtDomainStateReason sr = _gvirt_state_reason_from_nick (
      json_object_get_string_member_with_default (line, GVIRT_QEMU_JOURNAL_REASON, NULL));
  QemuDomain *dom;
  GVirtDomainRecord *r;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (kinds) && !g_str_equal (kinds[i].word, word); i++)
    ;
  if (i == G_N_ELEMENTS (kinds) || uuid == NULL || name == NULL)
    return;   /* a later version's event: not ours to report */
  dom = g_hash_table_lookup (self->domains, uuid);
  r = dom != NULL && g_str_equal (dom->name, name) ? _gvirt_qemu_domain_record (dom)
                                                    : gvirt_domain_record_new (uuid, name);
  if (kinds[i].kind != GVIRT_DOMAIN_EVENT_DEFINED && kinds[i].kind != GVIRT_DOMAIN_EVENT_UNDEFINED)
    {
      r->state = json_object_get_boolean_member_with_default (line, GVIRT_QEMU_JOURNAL_PAUSED, FALSE)
                 ? GVIRT_DOMAIN_STATE_PAUSED : kinds[i].state;
      r->state_reason = sr;
      r->id = r->state == GVIRT_DOMAIN_STATE_SHUTOFF ? -1
            : json_object_get_int_member_with_default (line, GVIRT_QEMU_JOURNAL_ID, r->id);
    }
  _gvirt_event_queue_add_domain (self->events, kinds[i].kind, _gvirt_qemu_journal_event_reason (kinds[i].kind, sr), r);
}

/* Lock held: queues the events of the lines not reported yet. */
void
_gvirt_qemu_journal_catch_up (GVirtQemuBackend *self)
{
  _gvirt_qemu_journal_read (&self->journal, report_line, self);
}

/* Lock held: journals @word ("defined", "undefined") for @dom, then
 * reports it with whatever came before it. */
void
_gvirt_qemu_journal_event (GVirtQemuBackend *self,
                           const char       *word,
                           const QemuDomain *dom)
{
  g_autoptr(JsonObject) line = json_object_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_EVENT, word);
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_UUID, dom->uuid);
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_NAME, dom->name);
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_REASON, _gvirt_state_reason_to_nick (dom->state_reason));
  if (!_gvirt_qemu_journal_append (self->journal.path, line, &error))
    g_warning ("Domain “%s” %s, but other connections may not hear of it: %s", dom->name, word, error->message);
  _gvirt_qemu_journal_catch_up (self);
}

/* Without the lock: a running domain's monitor journals its undefined at
 * the end only if it is transient then, so a define or undefine while it
 * runs tells it. Takes @mon. */
void
_gvirt_qemu_journal_set_transient (GVirtQemuMonitorClient *mon,
                                   gboolean                transient)
{
  JsonObject *args = json_object_new ();
  g_autoptr(JsonNode) ret = NULL;

  json_object_set_boolean_member (args, "transient", transient);
  ret = gvirt_qemu_monitor_client_command (mon, GVIRT_QEMU_CMD_TRANSIENT, args, NULL, 5000, NULL, NULL);
  gvirt_qemu_monitor_client_unref (mon);
}
