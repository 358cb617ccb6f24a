/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The words the QEMU backend and its per-VM monitor process share on the monitor socket. */
#pragma once

#include <json-glib/json-glib.h>

/* Commands the monitor answers itself (everything else goes to QMP). */
#define GVIRT_QEMU_CMD_INFO       "gvirt-info"       /* pids, start time, uuid, name */
#define GVIRT_QEMU_CMD_DESTROY    "gvirt-destroy"    /* SIGTERM, SIGKILL after 3 s; reason destroyed */
#define GVIRT_QEMU_CMD_SET_REASON "gvirt-set-reason" /* only records the reason member */
/* The starter is done (devices recorded, migration in, vCPUs running as
 * asked): the monitor writes the runtime state file, which is what other
 * clients attach on. Arguments "reason": booted or restored; "paused":
 * whether the vCPUs stay paused (a restore of a paused VM). */
#define GVIRT_QEMU_CMD_STARTED    "gvirt-started"
/* Whether the domain is gone when QEMU is ("transient": a boolean, also an
 * argument of gvirt-started): the monitor then journals its undefined. */
#define GVIRT_QEMU_CMD_TRANSIENT  "gvirt-transient"

/* Opens a file for QEMU and hands it over with QMP getfd, for "fd:NAME"
 * migration URIs. Arguments: "fdname", "path", "mode" ("append": write at
 * the end; "read": read from "offset"). The answer is getfd's. */
#define GVIRT_QEMU_CMD_ADD_FD     "gvirt-add-fd"

/* Saves the VM to a file and stops it (exit reason saved), or, when that
 * fails or "migrate_cancel" stops it, removes the file and runs the VM again
 * if it ran. The monitor runs the whole job, so it ends the same way when
 * the client goes away. Arguments: "path" (created or truncated), "prefix"
 * (base64: what goes before QEMU's stream), "length-offset" (where the
 * stream's length goes, 64-bit little-endian, once it is complete),
 * "was-running". The answer comes when the job is over. */
#define GVIRT_QEMU_CMD_SAVE       "gvirt-save"

/* The error class of the monitor's own refusals of an argument (a file it
 * cannot create): the "desc" is then only the reason (strerror). Its other
 * errors have the class GVIRT_QEMU_ERROR_FAILED. */
#define GVIRT_QEMU_ERROR_INVALID  "GVirtInvalidArgument"
#define GVIRT_QEMU_ERROR_FAILED   "GVirtFailed"

/* The runtime state file's members (besides uuid, name, socket, pids), also
 * gvirt-info's answer. "state" is one of the GVIRT_QEMU_VM_ words, the
 * reason a GVirtDomainStateReason nick, "memory" the current memory in KiB
 * when a balloon changed it (else the live XML's holds). */
#define GVIRT_QEMU_STATE_START_REASON "start-reason"
#define GVIRT_QEMU_STATE_STATE        "state"
#define GVIRT_QEMU_STATE_REASON       "state-reason"
#define GVIRT_QEMU_STATE_MEMORY       "memory"
#define GVIRT_QEMU_VM_RUNNING         "running"
#define GVIRT_QEMU_VM_PAUSED          "paused"
#define GVIRT_QEMU_VM_SHUTDOWN        "shutdown"

/* The "data" member of a QMP event that changed them: an object with the
 * same three members, as the monitor decided them. */
#define GVIRT_QEMU_STATE_MEMBER       "gvirt-state"
/* The monitor's event for a change no QMP event carries (a balloon
 * target): its data has the same three members. */
#define GVIRT_QEMU_EVENT_STATE        "GVIRT_STATE"

/* A member any command may carry: the exit reason to report if QEMU exits next. */
#define GVIRT_QEMU_REASON_MEMBER  "gvirt-reason"

/* The monitor's own last event, after QEMU was reaped and the runtime files removed. */
#define GVIRT_QEMU_EVENT_EXITED   "GVIRT_EXITED"

#define GVIRT_QEMU_EXIT_SHUTDOWN  "shutdown"
#define GVIRT_QEMU_EXIT_DESTROYED "destroyed"
#define GVIRT_QEMU_EXIT_CRASHED   "crashed"
#define GVIRT_QEMU_EXIT_SAVED     "saved"
#define GVIRT_QEMU_EXIT_FAILED    "failed"

/* The object one line (or file) of the protocol holds; %NULL when it is
 * empty, not JSON or not an object. The object belongs to @parser. */
static inline JsonObject *
gvirt_qemu_parse_object (JsonParser *parser,
                         const char *text,
                         gssize      length)
{
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* Member @name of @object if it is an object (array), else %NULL: what
 * comes from QEMU or a client is not trusted to have the right shape. */
static inline JsonObject *
gvirt_qemu_object_member (JsonObject *object,
                          const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static inline JsonArray *
gvirt_qemu_array_member (JsonObject *object,
                         const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* migrate-set-capabilities' arguments for one migration: MIGRATION events,
 * so its end is announced, not polled for. */
static inline JsonObject *
gvirt_qemu_migration_caps (void)
{
  JsonObject *args = json_object_new ();
  JsonArray *caps = json_array_new ();
  JsonObject *cap = json_object_new ();

  json_object_set_string_member (cap, "capability", "events");
  json_object_set_boolean_member (cap, "state", TRUE);
  json_array_add_object_element (caps, cap);
  json_object_set_array_member (args, "capabilities", caps);
  return args;
}

/* A migration status after which nothing more happens. */
static inline gboolean
gvirt_qemu_migration_final (const char *status)
{
  return status != NULL && (g_str_equal (status, "completed") || g_str_equal (status, "failed") ||
                            g_str_equal (status, "cancelled"));
}
