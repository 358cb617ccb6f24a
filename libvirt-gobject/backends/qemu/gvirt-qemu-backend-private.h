/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The QEMU backend's state, shared by the files that implement one concern each:
 *   gvirt-qemu-backend.c      the type, the domain table, events, open/close, the node
 *   gvirt-qemu-definitions.c  config files: define, undefine, watching CONFIG
 *   gvirt-qemu-backend-journal.c  lifecycle events, from RUNTIME/events.journal
 *   gvirt-qemu-_gvirt_qemu_launch.c       spawning a VM's monitor + QEMU, attaching to running VMs
 *   gvirt-qemu-lifecycle.c    start, create, shutdown, reboot, suspend, resume, destroy, dump
 *   gvirt-qemu-save.c         the save file format, save and restore
 *   gvirt-qemu-resources.c    memory, vCPUs, info, config, autostart
 */
#pragma once

#include <sys/types.h>

#include <glib.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "libvirt-gobject/gvirt-operation.h"
#include "libvirt-gobject/config/gvirt-domain-chardev.h"
#include "libvirt-gobject/config/gvirt-domain-graphics.h"
#include "gvirt-qemu-backend.h"
#include "gvirt-qemu-caps-private.h"
#include "gvirt-qemu-command-private.h"
#include "gvirt-qemu-journal-private.h"
#include "gvirt-qemu-monitor-client-private.h"
#include "gvirt-qemu-protocol-private.h"
#include "gvirt-atomic-file-private.h"
#include "gvirt-backend-dirs-private.h"
#include "gvirt-backend-names-private.h"
#include "gvirt-event-queue-private.h"
#include "gvirt-state-reason-private.h"

G_BEGIN_DECLS

/* One domain of the node, in the table guarded by GVirtQemuBackend.lock. */
typedef struct {
  char              *uuid;
  char              *name;        /* fixed for the entry's life: a rename is a new domain */
  GVirtDomainConfig *config;      /* persistent definition, NULL when transient */
  GVirtDomainConfig *live;        /* while active */
  GVirtDomainState   state;
  GVirtDomainStateReason state_reason; /* the monitor's while active, else RUNTIME/NAME.stopped's */
  gint               id;          /* QEMU's pid while active, else -1 */
  gboolean           autostart;
  gboolean           busy;        /* being started or restored by this backend */
  gboolean           saving;      /* a save is stopping it: no "suspended" for that */
  gboolean           announced;   /* a DEFINED event went out (or it was listed) */
  gboolean           journaled;   /* its monitor journals its lifecycle (older ones do not) */
  GVirtQemuMonitorClient *mon;    /* while active */
} QemuDomain;

struct _GVirtQemuBackend
{
  GObject parent_instance;

  GMutex         lock;
  gboolean       is_open;
  gboolean       read_only;
  GVirtBackendDirs dirs;         /* config, runtime, state */
  char          *autostart_dir;
  char          *emulator;
  char          *monitor_path;
  gboolean       kvm;

  GHashTable    *domains;        /* uuid → QemuDomain (owned) */
  GHashTable    *names;          /* name → QemuDomain */
  GVirtEventQueue *events;       /* guarded by lock; emitted after it */
  GVirtCapabilities *caps;

  GMainContext  *context;
  gint           stopping;       /* atomic: the private thread is to end */
  GThread       *thread;
  GFileMonitor  *config_monitor;
  GFileMonitor  *runtime_monitor;
  GFileMonitor  *autostart_monitor;
  GThreadPool   *attach_pool;    /* one thread: attaches to VMs others started */
  GVirtQemuJournal journal;      /* RUNTIME/events.journal, read up to here; guarded by lock */
};

/* What launching a VM (start or restore) hands back to attach it. */
typedef struct {
  GVirtQemuMonitorClient *mon;
  GVirtDomainConfig      *live;
  pid_t                   qemu_pid;
  int                     status_fd;  /* the monitor's status pipe, open until the VM is announced */
  GVirtDomainStateReason  reason;     /* the monitor's, for a VM attached to; UNKNOWN: the start's */
  gboolean                journaled;  /* the monitor journals the VM's lifecycle */
} Launched;

#define GVIRT_QEMU_LAUNCHED_INIT { .status_fd = -1 }

/* gvirt-qemu-backend.c */
const char *_gvirt_qemu_domain_name (const QemuDomain *dom);
gboolean _gvirt_qemu_domain_active (const QemuDomain *dom);
GVirtDomainRecord *_gvirt_qemu_domain_record (const QemuDomain *dom);
void _gvirt_qemu_queue_event (GVirtQemuBackend *self, gint kind, gint reason, const QemuDomain *dom);
void _gvirt_qemu_flush_events (GVirtQemuBackend *self);
QemuDomain *_gvirt_qemu_add_domain (GVirtQemuBackend *self, const char *uuid, const char *name);
void _gvirt_qemu_remove_domain (GVirtQemuBackend *self, QemuDomain *dom);
QemuDomain *_gvirt_qemu_lookup_domain (GVirtQemuBackend *self, const char *uuid, GError **error);
QemuDomain *_gvirt_qemu_lock_entry (GVirtQemuBackend *self, const char *uuid, GError **error);
GVirtQemuMonitorClient *_gvirt_qemu_active_mon (GVirtQemuBackend *self, const char *uuid, GError **error);
void _gvirt_qemu_domain_stopped (GVirtQemuBackend *self, QemuDomain *dom, const char *reason, gboolean report);
void _gvirt_qemu_on_mon_event (GVirtQemuMonitorClient *mon, const char *event, JsonObject *data, gpointer user_data);
GVirtDomainState _gvirt_qemu_apply_mon_state (QemuDomain *dom, GVirtDomainConfig *live, JsonObject *state, GVirtDomainStateReason *reason);

/* gvirt-qemu-definitions.c */
/* A domain's files are named by its name, or by "@" and the name's SHA-256
 * when the name is too long for a file name (docs/qemu-backend.md). */
char *_gvirt_qemu_file_stem (const char *name);
gboolean _gvirt_qemu_name_has_stem (const char *name, const char *stem);
char *_gvirt_qemu_config_path (GVirtQemuBackend *self, const char *name);
char *_gvirt_qemu_autostart_path (GVirtQemuBackend *self, const char *name);
char *_gvirt_qemu_runtime_path (GVirtQemuBackend *self, const char *name, const char *ext);
char *_gvirt_qemu_socket_path (GVirtQemuBackend *self, const char *name);
GVirtDomainStateReason _gvirt_qemu_read_stopped_reason (GVirtQemuBackend *self, const char *name, const char *uuid);
GVirtDomainConfig *_gvirt_qemu_load_config_file (const char *path, GError **error);
void _gvirt_qemu_sync_config_file (GVirtQemuBackend *self, const char *path, gboolean emit);
void _gvirt_qemu_on_dir_changed (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event, gpointer user_data);
gboolean _gvirt_qemu_prepare_config (GVirtDomainConfig *config, GError **error);
gboolean _gvirt_qemu_check_name_free (GVirtQemuBackend *self, const char *name, const char *uuid, GError **error);
gboolean _gvirt_qemu_commit_config (GVirtQemuBackend *self, QemuDomain *dom, GVirtDomainConfig *changed, GError **error);

/* gvirt-qemu-backend-journal.c */
void _gvirt_qemu_journal_catch_up (GVirtQemuBackend *self);
void _gvirt_qemu_journal_event (GVirtQemuBackend *self, const char *word, const QemuDomain *dom);
void _gvirt_qemu_journal_set_transient (GVirtQemuMonitorClient *mon, gboolean transient);
gint _gvirt_qemu_journal_event_reason (GVirtDomainEventKind kind, GVirtDomainStateReason sr);

/* gvirt-qemu-launch.c */
char *_gvirt_qemu_find_monitor_binary (void);
gboolean _gvirt_qemu_unexpected_answer (const char *command, GError **error);
JsonObject *_gvirt_qemu_element_object (JsonArray *array, guint i);
gboolean _gvirt_qemu_launch (GVirtQemuBackend *self, GVirtDomainConfig *config, gboolean incoming, Launched *out, GError **error);
gboolean _gvirt_qemu_announce_started (GVirtQemuMonitorClient *mon, gint reason, gboolean paused, gboolean transient, GError **error);
void _gvirt_qemu_attach (GVirtQemuBackend *self, QemuDomain *dom, Launched *l, GVirtDomainState state, gint started_reason, gboolean report);
void _gvirt_qemu_launched_clear (Launched *l);
gboolean _gvirt_qemu_clean_if_stale (GVirtQemuBackend *self, const char *name);
void _gvirt_qemu_launched_destroy (Launched *l);
void _gvirt_qemu_journal_crash (GVirtQemuBackend *self, const char *uuid, const char *name);
void _gvirt_qemu_attach_running (GVirtQemuBackend *self, const char *json_path, gboolean emit);

/* gvirt-qemu-lifecycle.c */
gboolean _gvirt_qemu_start_domain (GVirtQemuBackend *self, const char *uuid, GVirtDomainConfig *boot, GCancellable *cancellable, GError **error);
QemuDomain *_gvirt_qemu_add_transient (GVirtQemuBackend *self, GVirtDomainConfig *config, GError **error);

/* Each file fills in the GVirtBackendInterface slots it implements. */
void _gvirt_qemu_definitions_iface_init (GVirtBackendInterface *iface);
void _gvirt_qemu_lifecycle_iface_init (GVirtBackendInterface *iface);
void _gvirt_qemu_save_iface_init (GVirtBackendInterface *iface);
void _gvirt_qemu_resources_iface_init (GVirtBackendInterface *iface);

G_END_DECLS
