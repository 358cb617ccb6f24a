/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Inside gvirt-qemu-monitor: the VM's state, its reason and its memory, the one copy every client reads. */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>

#include "gvirt-qemu-journal-private.h"
#include "gvirt-qemu-monitor-private.h"
#include "gvirt-qemu-protocol-private.h"

/*
 * Every client of the VM, in any process, sees the same state and reason
 * because only this process decides them, from what it sees of QEMU (its
 * QMP events, the replies to commands it forwards, its exit) and from what
 * the starter said in gvirt-started. They go into the runtime state file
 * (for clients that attach later, through gvirt-info), into the "data" of
 * the QMP event that changed them (member GVIRT_QEMU_STATE_MEMBER), and,
 * for a change no QMP event carries (a balloon target), into a
 * GVIRT_QEMU_EVENT_STATE event of their own. When QEMU is gone, the
 * shut-off reason goes into RUNTIME/NAME.stopped, which outlives this
 * process. The reasons are GVirtDomainStateReason's nicks. Each lifecycle
 * event (started, suspended, resumed, stopped) is also a line of the node's
 * journal, written before any client hears of it (gvirt-qemu-journal.c).
 */

static struct {
  const char *state;         /* GVIRT_QEMU_VM_RUNNING, _PAUSED or _SHUTDOWN */
  const char *reason;        /* a GVirtDomainStateReason nick */
  const char *stop_reason;   /* what the next STOP is for: ioerror, watchdog */
  gint64      memory;        /* KiB; 0: as the live XML says */
  const char *lifecycle;     /* what the last QMP event was: suspended, resumed or NULL */
} st = { GVIRT_QEMU_VM_RUNNING, "booted", NULL, 0, NULL };

void
mon_state_started (const char *start_reason,
                   gboolean    paused)
{
  st.state = paused ? GVIRT_QEMU_VM_PAUSED : GVIRT_QEMU_VM_RUNNING;
  st.reason = g_strcmp0 (start_reason, "restored") == 0 ? "restored" : "booted";
}

gboolean
mon_state_qmp_event (const char *event,
                     JsonObject *data)
{
  const char *old_state = st.state, *old_reason = st.reason;
  gint64 old_memory = st.memory;
  const char *action = data != NULL ? json_object_get_string_member_with_default (data, "action", "") : "";

  st.lifecycle = NULL;
  if (g_str_equal (event, "STOP"))
    {
      st.state = GVIRT_QEMU_VM_PAUSED;
      st.reason = mon_save_running () ? "saving" : st.stop_reason != NULL ? st.stop_reason : "user";
      st.stop_reason = NULL;
      /* pausing for a save is no "suspended" (the backend's rule too) */
      if (!g_str_equal (old_state, GVIRT_QEMU_VM_PAUSED) && !g_str_equal (st.reason, "saving"))
        st.lifecycle = "suspended";
    }
  else if (g_str_equal (event, "RESUME"))
    {
      if (g_str_equal (old_state, GVIRT_QEMU_VM_PAUSED))
        st.lifecycle = "resumed";
      /* a save that failed runs the VM again */
      st.reason = g_str_equal (st.reason, "saving") ? "save-canceled" : "unpaused";
      st.state = GVIRT_QEMU_VM_RUNNING;
    }
  else if (g_str_equal (event, "POWERDOWN"))
    {
      st.state = GVIRT_QEMU_VM_SHUTDOWN;
      st.reason = "user";
    }
  else if (g_str_equal (event, "BLOCK_IO_ERROR") && g_str_equal (action, "stop"))
    st.stop_reason = "ioerror";
  else if (g_str_equal (event, "WATCHDOG") && g_str_equal (action, "pause"))
    st.stop_reason = "watchdog";
  else if (g_str_equal (event, "BALLOON_CHANGE") && data != NULL)
    {
      gint64 actual = json_object_get_int_member_with_default (data, "actual", 0);

      if (actual > 0)
        st.memory = actual / 1024;
    }
  return st.state != old_state || !g_str_equal (st.reason, old_reason) || st.memory != old_memory;
}

gboolean
mon_state_set_memory (gint64 kib)
{
  gboolean changed = kib > 0 && kib != st.memory;

  if (changed)
    st.memory = kib;
  return changed;
}

void
mon_state_add_members (JsonObject *o)
{
  json_object_set_string_member (o, GVIRT_QEMU_STATE_STATE, st.state);
  json_object_set_string_member (o, GVIRT_QEMU_STATE_REASON, st.reason);
  if (st.memory > 0)
    json_object_set_int_member (o, GVIRT_QEMU_STATE_MEMORY, st.memory);
}

JsonObject *
mon_state_object (void)
{
  JsonObject *o = json_object_new ();

  mon_state_add_members (o);
  return o;
}

/* QEMU is gone for @exit_reason (shutdown, destroyed, ...: the reason
 * nicks have the same words): written atomically, read by clients that
 * list the domain later. */
gboolean
mon_state_write_stopped (const char *path,
                         const char *uuid,
                         const char *exit_reason)
{
  g_autoptr(JsonObject) o = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  if (path == NULL)
    return TRUE;
  json_object_set_string_member (o, "uuid", uuid);
  json_object_set_string_member (o, GVIRT_QEMU_STATE_REASON, exit_reason);
  json_object_set_int_member (o, "stopped", g_get_real_time () / G_USEC_PER_SEC);
  json_node_set_object (node, o);
  text = json_to_string (node, FALSE);
  return g_file_set_contents (path, text, -1, NULL);
}

/* The lifecycle event of the last mon_state_qmp_event (), or %NULL. */
const char *
mon_state_lifecycle (void)
{
  return st.lifecycle;
}

/* One line of the node's journal; a failure loses the event for the
 * processes that were not attached, so it is logged, not fatal. */
void
mon_state_journal (const char *path,
                   const char *event,
                   const char *uuid,
                   const char *name,
                   const char *reason,
                   gint64      qemu_pid)
{
  g_autoptr(JsonObject) line = json_object_new ();
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_EVENT, event);
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_UUID, uuid);
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_NAME, name);
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_REASON, reason);
  if (qemu_pid > 0)
    json_object_set_int_member (line, GVIRT_QEMU_JOURNAL_ID, qemu_pid);
  if (g_str_equal (event, "started") && g_str_equal (st.state, GVIRT_QEMU_VM_PAUSED))
    json_object_set_boolean_member (line, GVIRT_QEMU_JOURNAL_PAUSED, TRUE);   /* a paused VM restored */
  if (!_gvirt_qemu_journal_append (path, line, &error))
    g_printerr ("gvirt-qemu-monitor: %s\n", error->message);
}
