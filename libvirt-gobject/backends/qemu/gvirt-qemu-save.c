/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* QEMU backend: the save file (header + live XML + QEMU's migration stream), save and restore. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gvirt-qemu-backend-private.h"
#include "gvirt-qemu-checksum-private.h"

#define SAVE_MAGIC "GVirtQemuSave01"   /* 15 chars + NUL = 16 bytes */
#define SAVE_HEADER_SIZE 64
#define QEMU_STREAM_MAGIC "QEVM"

/* ---- Save file ----------------------------------------------------------------- */

/* Version 2 adds the checksum (of everything after the header: the XML and
 * QEMU's stream); version 1 files, which have none, still restore. All
 * numbers little-endian. */
typedef struct {
  char    magic[16];
  guint32 version;
  guint32 xml_len;
  guint64 stream_len;
  guint32 was_running;
  guint32 padding;
  guint64 checksum;     /* 0: none */
  guint8  reserved[SAVE_HEADER_SIZE - 48];
} SaveHeader;

G_STATIC_ASSERT (sizeof (SaveHeader) == SAVE_HEADER_SIZE);

/* A flipped byte in the RAM stream would restore a silently broken guest:
 * QEMU checks the stream's framing, not its pages. */
static gboolean
check_sum (int          fd,
           const char  *path,
           guint64      expected,
           GError     **error)
{
  guint64 sum;

  if (expected == 0)
    return TRUE;
  if (!_gvirt_qemu_checksum_fd (fd, SAVE_HEADER_SIZE, &sum))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Cannot read the saved domain “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  if (sum != expected)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The saved domain “%s” is damaged: its contents do not match its checksum."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_save_file (const char         *path,
                SaveHeader         *header,
                GVirtDomainConfig **config,
                GError            **error)
{
  g_autofree char *xml = NULL;
  struct stat st;
  char stream_magic[4];
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  gboolean ok = FALSE;

  if (fd < 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Cannot open the saved domain “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  if (fstat (fd, &st) < 0 || st.st_size < SAVE_HEADER_SIZE ||
      pread (fd, header, sizeof *header, 0) != sizeof *header ||
      memcmp (header->magic, SAVE_MAGIC, sizeof SAVE_MAGIC) != 0 ||
      (GUINT32_FROM_LE (header->version) != 1 && GUINT32_FROM_LE (header->version) != 2))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a domain saved by the GVirt qemu backend."), path);
      goto out;
    }
  header->xml_len = GUINT32_FROM_LE (header->xml_len);
  header->stream_len = GUINT64_FROM_LE (header->stream_len);
  if (header->xml_len == 0 || header->xml_len > 16 * 1024 * 1024 || header->stream_len == 0 ||
      (guint64) st.st_size != SAVE_HEADER_SIZE + (guint64) header->xml_len + header->stream_len)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The saved domain “%s” is truncated or incomplete (%" G_GINT64_FORMAT
                     " bytes, the header promises %" G_GUINT64_FORMAT ")."),
                   path, (gint64) st.st_size,
                   (guint64) SAVE_HEADER_SIZE + header->xml_len + header->stream_len);
      goto out;
    }
  xml = g_malloc0 (header->xml_len + 1);
  if (pread (fd, xml, header->xml_len, SAVE_HEADER_SIZE) != header->xml_len ||
      pread (fd, stream_magic, 4, SAVE_HEADER_SIZE + header->xml_len) != 4 ||
      memcmp (stream_magic, QEMU_STREAM_MAGIC, 4) != 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The saved domain “%s” does not hold a QEMU migration stream."), path);
      goto out;
    }
  if (!check_sum (fd, path, GUINT32_FROM_LE (header->version) >= 2 ? GUINT64_FROM_LE (header->checksum) : 0,
                  error))
    goto out;
  *config = gvirt_domain_config_new_from_xml (xml, error);
  ok = *config != NULL;
out:
  close (fd);
  return ok;
}

/* Has the VM's monitor open @path and hand it to QEMU as fd @fdname. */
static gboolean
add_fd (GVirtQemuMonitorClient  *mon,
        const char    *fdname,
        const char    *path,
        const char    *mode,
        gint64         offset,
        GError       **error)
{
  JsonObject *args = json_object_new ();
  g_autoptr(JsonNode) ret = NULL;

  json_object_set_string_member (args, "fdname", fdname);
  json_object_set_string_member (args, "path", path);
  json_object_set_string_member (args, "mode", mode);
  json_object_set_int_member (args, "offset", offset);
  ret = gvirt_qemu_monitor_client_command (mon, GVIRT_QEMU_CMD_ADD_FD, args, NULL, 5000, NULL, error);
  return ret != NULL;
}

/* Runs an incoming migration from @uri to its end and returns QEMU's final
 * status ("completed", "failed" ...), or %NULL with @error set: QMP
 * refused, or @cancellable fired. */
static char *
run_incoming_migration (GVirtQemuMonitorClient  *mon,
                        const char              *uri,
                        GCancellable            *cancellable,
                        GError                 **error)
{
  JsonObject *args;
  g_autoptr(JsonNode) r1 = NULL;
  g_autoptr(JsonNode) r2 = NULL;
  char *status;

  r1 = gvirt_qemu_monitor_client_command (mon, "migrate-set-capabilities", gvirt_qemu_migration_caps (),
                                          NULL, 5000, NULL, error);
  if (r1 == NULL)
    return NULL;
  gvirt_qemu_monitor_client_reset_migration (mon);
  args = json_object_new ();
  json_object_set_string_member (args, "uri", uri);
  r2 = gvirt_qemu_monitor_client_command (mon, "migrate-incoming", args, NULL, 5000, NULL, error);
  if (r2 == NULL)
    return NULL;
  status = gvirt_qemu_monitor_client_wait_migration (mon, 600 * 1000, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    g_clear_pointer (&status, g_free);
  return status;
}

/* The header and XML that go before QEMU's stream; stream_len and the
 * checksum stay 0 until the monitor writes them at the end (so a partial
 * file is refused). */
static GBytes *
save_file_prefix (const char *xml,
                  gboolean    was_running)
{
  SaveHeader header = { 0 };
  gsize xml_len = strlen (xml);
  guint8 *prefix = g_malloc (SAVE_HEADER_SIZE + xml_len);

  memcpy (header.magic, SAVE_MAGIC, sizeof SAVE_MAGIC);
  header.version = GUINT32_TO_LE (2);
  header.xml_len = GUINT32_TO_LE (xml_len);
  header.was_running = GUINT32_TO_LE (was_running);
  memcpy (prefix, &header, SAVE_HEADER_SIZE);
  memcpy (prefix + SAVE_HEADER_SIZE, xml, xml_len);
  return g_bytes_new_take (prefix, SAVE_HEADER_SIZE + xml_len);
}

/*
 * The VM's monitor does the whole save (gvirt-save): it creates the file,
 * has QEMU append the stream, seals the file and stops the VM, or removes
 * the file and runs the VM again. So a client that dies at any point
 * leaves a whole save file and a stopped VM, or no file and the VM as it was.
 */
static gboolean
gvirt_qemu_backend_domain_save (GVirtBackend  *backend,
                                const char    *uuid,
                                const char    *given_path,
                                GCancellable  *cancellable,
                                GError       **error)
{
  /* The monitor opens it, from another working directory. */
  g_autofree char *path = g_canonicalize_filename (given_path, NULL);
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = NULL;
  g_autoptr(GBytes) prefix = NULL;
  g_autoptr(JsonNode) ret = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *prefix64 = NULL;
  JsonObject *args;
  QemuDomain *dom;
  gboolean was_running;

  mon = _gvirt_qemu_active_mon (self, uuid, error);
  if (mon == NULL)
    return FALSE;
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom == NULL || dom->mon != mon)
    {
      g_mutex_unlock (&self->lock);
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE, _("The domain stopped."));
      return FALSE;
    }
  xml = gvirt_domain_config_to_xml (dom->live);
  was_running = dom->state == GVIRT_DOMAIN_STATE_RUNNING;
  dom->saving = TRUE;
  g_mutex_unlock (&self->lock);

  prefix = save_file_prefix (xml, was_running);
  prefix64 = g_base64_encode (g_bytes_get_data (prefix, NULL), g_bytes_get_size (prefix));
  args = json_object_new ();
  json_object_set_string_member (args, "path", path);
  json_object_set_string_member (args, "prefix", prefix64);
  json_object_set_int_member (args, "length-offset", G_STRUCT_OFFSET (SaveHeader, stream_len));
  json_object_set_int_member (args, "checksum-offset", G_STRUCT_OFFSET (SaveHeader, checksum));
  json_object_set_int_member (args, "checksum-from", SAVE_HEADER_SIZE);
  json_object_set_boolean_member (args, "was-running", was_running);
  ret = gvirt_qemu_monitor_client_job (mon, GVIRT_QEMU_CMD_SAVE, args, "migrate_cancel",
                                       600 * 1000, cancellable, &local);
  if (ret != NULL)
    {
      /* Saved: QEMU is quitting; the call returns with the domain shut off. */
      gvirt_qemu_monitor_client_wait_exit (mon, 10000, NULL, NULL);
      _gvirt_qemu_flush_events (self);
      return TRUE;
    }

  if (g_error_matches (local, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT))
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                 _("Cannot create “%s”: %s"), path, local->message);
  else if (g_error_matches (local, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR))
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                 _("Saving the domain to “%s” failed: %s"), path, local->message);
  else
    g_propagate_error (error, g_steal_pointer (&local));
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom != NULL)
    dom->saving = FALSE;
  g_mutex_unlock (&self->lock);
  return FALSE;
}

static GVirtDomainRecord *
gvirt_qemu_backend_restore_domain (GVirtBackend  *backend,
                                   const char    *given_path,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  /* The monitor opens it too, from another working directory. */
  g_autofree char *path = g_canonicalize_filename (given_path, NULL);
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtDomainConfig) config = NULL;
  g_autoptr(JsonNode) r3 = NULL;
  g_autofree char *status = NULL;
  GVirtDomainRecord *record;
  SaveHeader header;
  Launched l = GVIRT_QEMU_LAUNCHED_INIT;
  GVirtDomainState state = GVIRT_DOMAIN_STATE_RUNNING;
  QemuDomain *dom;
  char *uuid;
  gboolean created = FALSE, transient = FALSE;

  if (!read_save_file (path, &header, &config, error))
    return NULL;
  if (!_gvirt_qemu_prepare_config (config, error))
    return NULL;
  uuid = g_strdup (gvirt_domain_config_get_uuid (config));

  g_mutex_lock (&self->lock);
  created = g_hash_table_lookup (self->domains, uuid) == NULL;
  dom = _gvirt_qemu_add_transient (self, config, error);
  if (dom != NULL)
    {
      dom->busy = TRUE;
      transient = dom->config == NULL;
    }
  g_mutex_unlock (&self->lock);
  if (dom == NULL)
    {
      g_free (uuid);
      return NULL;
    }

  if (!_gvirt_qemu_launch (self, config, TRUE, &l, error))
    goto fail;
  if (!add_fd (l.mon, "gvirt-restore", path, "read", SAVE_HEADER_SIZE + header.xml_len, error))
    goto fail_vm;
  status = run_incoming_migration (l.mon, "fd:gvirt-restore", cancellable, error);
  if (status == NULL)
    goto fail_vm;
  if (!g_str_equal (status, "completed"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("Restoring the domain from “%s” failed (migration %s)."), path, status);
      goto fail_vm;
    }
  if (GUINT32_FROM_LE (header.was_running))
    {
      r3 = gvirt_qemu_monitor_client_command (l.mon, "cont", NULL, NULL, 5000, NULL, error);
      if (r3 == NULL)
        goto fail_vm;
    }
  state = GUINT32_FROM_LE (header.was_running) ? GVIRT_DOMAIN_STATE_RUNNING : GVIRT_DOMAIN_STATE_PAUSED;
  if (!_gvirt_qemu_announce_started (l.mon, GVIRT_DOMAIN_STARTED_RESTORED,
                                     state == GVIRT_DOMAIN_STATE_PAUSED, transient, error))
    goto fail_vm;

  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  _gvirt_qemu_attach (self, dom, &l, state, GVIRT_DOMAIN_STARTED_RESTORED, TRUE);
  record = _gvirt_qemu_domain_record (dom);
  _gvirt_qemu_launched_clear (&l);
  g_free (uuid);
  _gvirt_event_queue_unlock_and_emit (self->events);
  return record;

fail_vm:
  _gvirt_qemu_launched_destroy (&l);
fail:
  _gvirt_qemu_launched_clear (&l);
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom != NULL)
    {
      dom->busy = FALSE;
      if (created)
        _gvirt_qemu_remove_domain (self, dom);
    }
  g_mutex_unlock (&self->lock);
  g_free (uuid);
  return NULL;
}

void
_gvirt_qemu_save_iface_init (GVirtBackendInterface *iface)
{
  iface->restore_domain = gvirt_qemu_backend_restore_domain;
  iface->domain_save = gvirt_qemu_backend_domain_save;
}
