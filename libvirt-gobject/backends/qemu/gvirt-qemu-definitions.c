/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* QEMU backend: file names, persistent definitions (CONFIG/NAME.xml), define, undefine, and other processes' changes to them. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gvirt-qemu-backend-private.h"
#include "gvirt-qemu-command-private.h"

/* ---- Files ------------------------------------------------------------------ */

/*
 * The longest name that is its own file stem: STEM.json.XXXXXX, the longest
 * file made from a stem (a runtime file's temporary copy), fits NAME_MAX.
 * Longer names (up to GVIRT_BACKEND_NAME_MAX, 255 bytes) use “@” and the
 * SHA-256 of the name instead: “@” is not allowed in names, so the two kinds
 * never meet, and a stem is its own stem.
 */
#define QEMU_STEM_MAX (NAME_MAX - sizeof ".json" + 1 - GVIRT_BACKEND_TEMP_SUFFIX_LEN)
G_STATIC_ASSERT (QEMU_STEM_MAX >= 1 + 64);

char *
_gvirt_qemu_file_stem (const char *name)
{
  g_autofree char *sum = NULL;

  if (strlen (name) <= QEMU_STEM_MAX)
    return g_strdup (name);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  return g_strconcat ("@", sum, NULL);
}

/* The stem of a file in one of our directories: its base name without @ext. */
static char *
stem_of_path (const char *path, const char *ext)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_strndup (base, strlen (base) - strlen (ext));
}

/* Lock held: the domain whose files have @stem. */
static QemuDomain *
lookup_by_stem (GVirtQemuBackend *self, const char *stem)
{
  GHashTableIter iter;
  gpointer key, value;

  if (stem[0] != '@')
    return g_hash_table_lookup (self->names, stem);
  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *other = _gvirt_qemu_file_stem (key);
      if (g_str_equal (other, stem))
        return value;
    }
  return NULL;
}

/* Whether @name (a definition's, a running VM's) is the one of the file with
 * @stem. Not the name rule: a definition an older version wrote under a name
 * the rule now refuses (“wébé”, 80 bytes and more) still loads, and can be
 * started or undefined. */
gboolean
_gvirt_qemu_name_has_stem (const char *name, const char *stem)
{
  g_autofree char *own = NULL;

  if (name == NULL || *name == '\0')
    return FALSE;
  own = _gvirt_qemu_file_stem (name);
  return g_str_equal (own, stem);
}

static char *
file_path (const char *dir, const char *name, const char *ext)
{
  g_autofree char *stem = _gvirt_qemu_file_stem (name);

  return _gvirt_backend_file_path (dir, stem, ext);
}

char *
_gvirt_qemu_config_path (GVirtQemuBackend *self, const char *name)
{
  return file_path (self->dirs.config_dir, name, ".xml");
}

char *
_gvirt_qemu_autostart_path (GVirtQemuBackend *self, const char *name)
{
  return file_path (self->autostart_dir, name, ".xml");
}

char *
_gvirt_qemu_runtime_path (GVirtQemuBackend *self, const char *name, const char *ext)
{
  return file_path (self->dirs.runtime_dir, name, ext);
}

/* The clients' socket: short whatever the name, so that its path fits
 * sun_path (108 bytes) whenever the runtime directory leaves 38 bytes. */
char *
_gvirt_qemu_socket_path (GVirtQemuBackend *self, const char *name)
{
  return gvirt_qemu_command_socket_path (self->dirs.runtime_dir, name, ".sock");
}

/* Why the inactive domain @name (@uuid) last stopped, as its monitor wrote
 * it in RUNTIME/NAME.stopped when QEMU went; UNKNOWN when it has not run
 * since the runtime directory was made (or the file is another domain's). */
GVirtDomainStateReason
_gvirt_qemu_read_stopped_reason (GVirtQemuBackend *self,
                                 const char       *name,
                                 const char       *uuid)
{
  g_autofree char *path = _gvirt_qemu_runtime_path (self, name, ".stopped");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  gsize len;
  JsonObject *o;

  if (!g_file_get_contents (path, &text, &len, NULL) ||
      (o = gvirt_qemu_parse_object (parser, text, len)) == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (o, "uuid", NULL), uuid) != 0)
    return GVIRT_DOMAIN_STATE_REASON_UNKNOWN;
  return _gvirt_state_reason_from_nick (json_object_get_string_member_with_default (o, GVIRT_QEMU_STATE_REASON, NULL));
}

/* Temp file + rename: a crash leaves the old or the new file, never a torn
 * one. @durable adds the fsync()s that make it survive a power cut too, for
 * definitions; runtime files die with the boot anyway. */
GVirtDomainConfig *
_gvirt_qemu_load_config_file (const char *path,
                              GError    **error)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  return gvirt_domain_config_new_from_xml (text, error);
}

/* ---- Config files ------------------------------------------------------------ */

/* A definition file appeared or changed (ours or another process's). */
void
_gvirt_qemu_sync_config_file (GVirtQemuBackend *self,
                              const char       *path,
                              gboolean          emit)
{
  g_autoptr(GVirtDomainConfig) config = NULL;
  g_autofree char *stem = stem_of_path (path, ".xml");
  g_autofree char *link = _gvirt_qemu_autostart_path (self, stem);
  QemuDomain *dom;
  const char *uuid, *name;

  /* Read under the lock: this backend writes definitions under it, so the
   * file then matches what it holds unless another process wrote it. Read
   * outside, an event for our own earlier write could bring back the
   * older content. */
  g_mutex_lock (&self->lock);
  config = _gvirt_qemu_load_config_file (path, NULL);
  uuid = config != NULL ? gvirt_domain_config_get_uuid (config) : NULL;
  name = config != NULL ? gvirt_domain_config_get_name (config) : NULL;
  if (uuid == NULL || name == NULL || !_gvirt_qemu_name_has_stem (name, stem))
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom == NULL)
    {
      QemuDomain *clash = g_hash_table_lookup (self->names, name);
      if (clash != NULL)
        {
          g_mutex_unlock (&self->lock);
          return;
        }
      dom = _gvirt_qemu_add_domain (self, uuid, name);
      dom->state_reason = _gvirt_qemu_read_stopped_reason (self, name, uuid);
      dom->config = g_steal_pointer (&config);
      dom->autostart = g_file_test (link, G_FILE_TEST_EXISTS);
      dom->announced = TRUE;   /* the definer's journal line reports it */
    }
  else if (g_str_equal (dom->name, name) &&
           (dom->config == NULL || !gvirt_domain_config_equal (dom->config, config)))
    {
      gboolean was_persistent = dom->config != NULL;

      g_set_object (&dom->config, config);
      if (emit && was_persistent)
        _gvirt_qemu_queue_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
    }
  _gvirt_event_queue_unlock_and_emit_nowait (self->events);
}

/* A definition file went away. */
static void
config_file_gone (GVirtQemuBackend *self,
                  const char       *path)
{
  g_autofree char *stem = stem_of_path (path, ".xml");
  QemuDomain *dom;

  g_mutex_lock (&self->lock);   /* as in _gvirt_qemu_sync_config_file () */
  dom = lookup_by_stem (self, stem);
  if (dom != NULL && dom->config != NULL && !g_file_test (path, G_FILE_TEST_EXISTS) &&
      _gvirt_qemu_name_has_stem (gvirt_domain_config_get_name (dom->config), stem))
    {
      g_clear_object (&dom->config);
      dom->autostart = FALSE;
      if (_gvirt_qemu_domain_active (dom))
        _gvirt_qemu_queue_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
      else
        _gvirt_qemu_remove_domain (self, dom);   /* the undefiner's journal line reports it */
    }
  _gvirt_event_queue_unlock_and_emit_nowait (self->events);
}

static void
sync_autostart (GVirtQemuBackend *self,
                const char       *path)
{
  g_autofree char *stem = stem_of_path (path, ".xml");
  gboolean on;
  QemuDomain *dom;

  g_mutex_lock (&self->lock);   /* as in _gvirt_qemu_sync_config_file () */
  on = g_file_test (path, G_FILE_TEST_EXISTS);
  dom = lookup_by_stem (self, stem);
  if (dom != NULL && dom->config != NULL && dom->autostart != on)
    {
      dom->autostart = on;
      _gvirt_qemu_queue_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
    }
  _gvirt_event_queue_unlock_and_emit_nowait (self->events);
}

/* RUNTIME/STEM.stopped was written: a VM this connection never attached to
 * (it stopped before the attach got to it) stopped; its inactive entry
 * takes the reason. */
static void
sync_stopped_reason (GVirtQemuBackend *self,
                     const char       *path)
{
  g_autofree char *stem = stem_of_path (path, ".stopped");
  QemuDomain *dom;

  g_mutex_lock (&self->lock);
  dom = lookup_by_stem (self, stem);
  if (dom != NULL && !dom->busy && !_gvirt_qemu_domain_active (dom))
    {
      GVirtDomainStateReason reason = _gvirt_qemu_read_stopped_reason (self, _gvirt_qemu_domain_name (dom), dom->uuid);

      if (reason != GVIRT_DOMAIN_STATE_REASON_UNKNOWN && reason != dom->state_reason)
        {
          dom->state_reason = reason;
          _gvirt_qemu_queue_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
        }
    }
  _gvirt_event_queue_unlock_and_emit_nowait (self->events);
}

void
_gvirt_qemu_on_dir_changed (GFileMonitor      *monitor,
                            GFile             *file,
                            GFile             *other,
                            GFileMonitorEvent  event,
                            gpointer           user_data)
{
  GVirtQemuBackend *self = user_data;
  GFile *files[2] = { file, other };
  g_autofree char *changed = g_file_get_basename (file);

  if (monitor == self->runtime_monitor && g_strcmp0 (changed, GVIRT_QEMU_JOURNAL_FILE) == 0)
    {
      g_mutex_lock (&self->lock);
      _gvirt_qemu_journal_catch_up (self);
      _gvirt_event_queue_unlock_and_emit_nowait (self->events);
      return;
    }
  if (event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT || event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = files[i] != NULL ? g_file_get_path (files[i]) : NULL;
      g_autofree char *base = path != NULL ? g_path_get_basename (path) : NULL;

      if (base == NULL || base[0] == '.')
        continue;
      if (monitor == self->runtime_monitor)
        {
          /* Not here: attaching asks the monitor over a socket that this
           * very thread reads. */
          if (g_str_has_suffix (base, ".json") && g_file_test (path, G_FILE_TEST_EXISTS))
            g_thread_pool_push (self->attach_pool, g_steal_pointer (&path), NULL);
          else if (g_str_has_suffix (base, ".stopped") && g_file_test (path, G_FILE_TEST_EXISTS))
            sync_stopped_reason (self, path);
        }
      else if (monitor == self->config_monitor)
        {
          if (!g_str_has_suffix (base, ".xml"))
            continue;
          if (g_file_test (path, G_FILE_TEST_EXISTS))
            _gvirt_qemu_sync_config_file (self, path, TRUE);
          else
            config_file_gone (self, path);
        }
      else if (monitor == self->autostart_monitor && g_str_has_suffix (base, ".xml"))
        sync_autostart (self, path);
    }
}

/* ---- Define / undefine -------------------------------------------------------- */

/* Gives the config a UUID if it has none and checks what QEMU needs. */
gboolean
_gvirt_qemu_prepare_config (GVirtDomainConfig *config,
                            GError           **error)
{
  const char *name = gvirt_domain_config_get_name (config);
  const char *type = gvirt_domain_config_get_domain_type (config);

  if (!_gvirt_backend_check_name (name, error))
    return FALSE;
  if (type != NULL && !g_str_equal (type, "qemu") && !g_str_equal (type, "kvm"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has type “%s”; the qemu backend runs “qemu” and “kvm”."), name, type);
      return FALSE;
    }
  if (gvirt_domain_config_get_uuid (config) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      gvirt_domain_config_set_uuid (config, uuid);
    }
  if (gvirt_domain_config_get_memory (config) == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has no memory size."), name);
      return FALSE;
    }
  /* Elements QEMU would not be told about are refused now; the argv builder
   * checks the values at start (the schema may not be installed). */
  if (!gvirt_qemu_command_check (config, error))
    return FALSE;
  return TRUE;
}

/* Lock held: another domain with this name? */
gboolean
_gvirt_qemu_check_name_free (GVirtQemuBackend *self,
                             const char       *name,
                             const char       *uuid,
                             GError          **error)
{
  QemuDomain *other = g_hash_table_lookup (self->names, name);

  if (other != NULL && g_strcmp0 (other->uuid, uuid) != 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("A domain named “%s” already exists."), name);
      return FALSE;
    }
  return TRUE;
}

/* Lock held: stores the persistent config of @dom on disk. */
static gboolean
save_config (GVirtQemuBackend  *self,
             GVirtDomainConfig *config,
             GError           **error)
{
  g_autofree char *xml = gvirt_domain_config_to_xml (config);
  g_autofree char *path = _gvirt_qemu_config_path (self, gvirt_domain_config_get_name (config));

  return _gvirt_backend_write_file (path, xml, -1, 0600, GVIRT_BACKEND_SYNC_DURABLE, error);
}

/* Lock held: stores @changed as the definition of @dom; on failure the
 * definition in memory and on disk stays the old one. */
gboolean
_gvirt_qemu_commit_config (GVirtQemuBackend  *self,
                           QemuDomain        *dom,
                           GVirtDomainConfig *changed,
                           GError           **error)
{
  if (!save_config (self, changed, error))
    return FALSE;
  g_set_object (&dom->config, changed);
  return TRUE;
}

static GVirtDomainRecord *
gvirt_qemu_backend_define_domain (GVirtBackend       *backend,
                                  GVirtDomainConfig  *in_config,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_copy (in_config);
  GVirtDomainRecord *record;
  GVirtQemuMonitorClient *now_persistent = NULL;
  QemuDomain *dom;
  const char *name;

  if (!_gvirt_qemu_prepare_config (config, error))
    return NULL;
  name = gvirt_domain_config_get_name (config);

  g_mutex_lock (&self->lock);
  if (!_gvirt_qemu_check_name_free (self, name, gvirt_domain_config_get_uuid (config), error))
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  dom = g_hash_table_lookup (self->domains, gvirt_domain_config_get_uuid (config));
  if (dom != NULL && g_strcmp0 (_gvirt_qemu_domain_name (dom), name) != 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_ALREADY_EXISTS,
                   _("The UUID %s already belongs to domain “%s”."), dom->uuid, _gvirt_qemu_domain_name (dom));
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  if (!save_config (self, config, error))
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  if (dom == NULL)
    {
      dom = _gvirt_qemu_add_domain (self, gvirt_domain_config_get_uuid (config), name);
      dom->config = g_object_ref (config);
      dom->announced = TRUE;
    }
  else
    {
      if (dom->config == NULL && dom->mon != NULL)
        now_persistent = gvirt_qemu_monitor_client_ref (dom->mon);
      g_set_object (&dom->config, config);
    }
  _gvirt_qemu_journal_event (self, "defined", dom);
  record = _gvirt_qemu_domain_record (dom);
  _gvirt_event_queue_unlock_and_emit (self->events);
  if (now_persistent != NULL)
    _gvirt_qemu_journal_set_transient (now_persistent, FALSE);
  return record;
}

static gboolean
gvirt_qemu_backend_domain_undefine (GVirtBackend  *backend,
                                    const char    *uuid,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autofree char *path = NULL;
  g_autofree char *link = NULL;
  GVirtQemuMonitorClient *now_transient = NULL;
  QemuDomain *dom;

  dom = _gvirt_qemu_lock_entry (self, uuid, error);
  if (dom == NULL)
    return FALSE;
  if (dom->config == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is transient; it has no definition to remove."), _gvirt_qemu_domain_name (dom));
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  path = _gvirt_qemu_config_path (self, gvirt_domain_config_get_name (dom->config));
  link = _gvirt_qemu_autostart_path (self, gvirt_domain_config_get_name (dom->config));
  g_unlink (link);
  if (g_unlink (path) < 0 && errno != ENOENT)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("Cannot remove “%s”: %s"), path, g_strerror (errno));
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  g_clear_object (&dom->config);
  dom->autostart = FALSE;
  if (_gvirt_qemu_domain_active (dom) || dom->busy)
    {
      _gvirt_qemu_queue_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
      if (dom->mon != NULL)
        now_transient = gvirt_qemu_monitor_client_ref (dom->mon);
    }
  else
    {
      g_autofree char *stopped = _gvirt_qemu_runtime_path (self, _gvirt_qemu_domain_name (dom), ".stopped");

      g_unlink (stopped);   /* a domain defined again later has no past */
      _gvirt_qemu_journal_event (self, "undefined", dom);
      _gvirt_qemu_remove_domain (self, dom);
    }
  _gvirt_event_queue_unlock_and_emit (self->events);
  if (now_transient != NULL)
    _gvirt_qemu_journal_set_transient (now_transient, TRUE);
  return TRUE;
}

void
_gvirt_qemu_definitions_iface_init (GVirtBackendInterface *iface)
{
  iface->define_domain = gvirt_qemu_backend_define_domain;
  iface->domain_undefine = gvirt_qemu_backend_domain_undefine;
}
