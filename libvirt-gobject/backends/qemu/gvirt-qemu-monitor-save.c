/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirt-qemu-monitor: the gvirt-save job, run by the monitor so that it ends
 * the same way whether or not the client that asked is still there. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gvirt-qemu-checksum-private.h"
#include "gvirt-qemu-monitor-private.h"
#include "gvirt-qemu-protocol-private.h"

/*
 * The file is the monitor's from its creation: it writes the client's
 * prefix (the save header and the XML), lets QEMU append its migration
 * stream, and at "completed" writes the stream's length, syncs the file and
 * quits QEMU with the reason saved. Any other end removes the file and runs
 * the VM again if it ran: what is left is a whole save file and a stopped
 * VM, or no file and the VM as it was.
 */

#define SAVE_FDNAME "gvirt-save"

typedef enum {
  JOB_NONE,
  JOB_SETUP,       /* getfd, migrate-set-capabilities */
  JOB_MIGRATING,   /* migrate sent: a MIGRATION event ends it */
  JOB_EXPLAINING,  /* it failed: query-migrate says why, then as failed */
  JOB_QUITTING,    /* the file is whole: QEMU is to exit */
  JOB_UNDOING,     /* failed, the file removed: waiting for cont before answering */
} JobPhase;

static struct {
  JobPhase  phase;
  guint     serial;       /* replies to an earlier job's commands are not this one's */
  Client   *client;       /* NULL once it went away */
  JsonNode *id;
  char     *path;
  int       fd;
  gint64    stream_offset;
  gint64    length_offset;
  gint64    checksum_offset;  /* where the checksum goes, or -1 */
  gint64    checksum_from;    /* what it covers: from here to the end */
  gboolean  was_running;
  gboolean  cancelled;    /* migrate_cancel came during the setup */
  char     *error;
} job = { .fd = -1 };

static void
job_answer (void)
{
  if (job.client != NULL)
    {
      if (job.error != NULL)
        mon_reply_error (job.client, job.id, GVIRT_QEMU_ERROR_FAILED, job.error);
      else
        mon_reply_ok (job.client, job.id);
    }
  g_clear_pointer (&job.id, json_node_unref);
  g_clear_pointer (&job.path, g_free);
  g_clear_pointer (&job.error, g_free);
  if (job.fd >= 0)
    close (job.fd);
  job.fd = -1;
  job.client = NULL;
  job.cancelled = FALSE;
  job.phase = JOB_NONE;
}

static gboolean
current (gpointer data)
{
  return job.phase != JOB_NONE && GPOINTER_TO_UINT (data) == job.serial;
}

static gpointer
job_tag (void)
{
  return GUINT_TO_POINTER (job.serial);
}

gboolean
mon_save_running (void)
{
  return job.phase != JOB_NONE;
}

static void
remove_file (void)
{
  if (job.fd >= 0)
    close (job.fd);
  job.fd = -1;
  unlink (job.path);
}

static void
cont_done (JsonObject *reply,
           gpointer    data)
{
  if (current (data) && job.phase == JOB_UNDOING)
    job_answer ();
}

/* Not saved: no file, and the VM runs again if it ran (a migration that
 * failed after stopping it need not restart it). */
static void
job_fail (const char *why)
{
  if (job.phase == JOB_UNDOING)
    return;
  g_free (job.error);
  job.error = g_strdup (why);
  remove_file ();
  if (!job.was_running)
    {
      job_answer ();
      return;
    }
  job.phase = JOB_UNDOING;
  mon_qmp_call ("cont", NULL, -1, cont_done, job_tag ());
}

/* QMP's "error" member's desc, or NULL when @reply succeeded. */
static const char *
qmp_error_desc (JsonObject *reply)
{
  JsonObject *err = gvirt_qemu_object_member (reply, "error");

  if (err == NULL && json_object_has_member (reply, "return"))
    return NULL;
  return err != NULL ? json_object_get_string_member_with_default (err, "desc", "QEMU refused")
                     : "QEMU refused";
}

static void
quit_done (JsonObject *reply,
           gpointer    data)
{
  if (current (data) && job.phase == JOB_QUITTING)
    job_answer ();
}

/* Reads back what QEMU wrote (from the page cache: ~50 ms per 100 MB) and
 * stores its checksum, for restore to check. */
static gboolean
write_checksum (void)
{
  guint64 sum;

  if (job.checksum_offset < 0)
    return TRUE;
  if (!_gvirt_qemu_checksum_fd (job.fd, job.checksum_from, &sum))
    return FALSE;
  sum = GUINT64_TO_LE (sum);
  return pwrite (job.fd, &sum, sizeof sum, job.checksum_offset) == sizeof sum;
}

/* The stream is whole: its length makes the file one restore accepts;
 * only then does QEMU go. */
static void
job_complete (void)
{
  struct stat st;
  guint64 len;

  if (fstat (job.fd, &st) < 0 || st.st_size <= job.stream_offset)
    {
      job_fail ("QEMU wrote no migration stream.");
      return;
    }
  len = GUINT64_TO_LE ((guint64) (st.st_size - job.stream_offset));
  if (pwrite (job.fd, &len, sizeof len, job.length_offset) != sizeof len ||
      !write_checksum () || fsync (job.fd) < 0)
    {
      g_autofree char *why = g_strdup_printf ("Cannot finish the file: %s", g_strerror (errno));

      job_fail (why);
      return;
    }
  close (job.fd);
  job.fd = -1;
  job.phase = JOB_QUITTING;
  mon_set_exit_reason (GVIRT_QEMU_EXIT_SAVED);
  mon_qmp_call ("quit", NULL, -1, quit_done, job_tag ());
}

static void
migrate_done (JsonObject *reply,
              gpointer    data)
{
  const char *why = qmp_error_desc (reply);

  /* On success the MIGRATION events carry on (they may even come first). */
  if (current (data) && job.phase == JOB_MIGRATING && why != NULL)
    job_fail (why);
}

static void
caps_done (JsonObject *reply,
           gpointer    data)
{
  const char *why = qmp_error_desc (reply);
  JsonObject *args;

  if (!current (data))
    return;
  if (why != NULL || job.cancelled)
    {
      job_fail (why != NULL ? why : "The save was cancelled.");
      return;
    }
  job.phase = JOB_MIGRATING;
  args = json_object_new ();
  json_object_set_string_member (args, "uri", "fd:" SAVE_FDNAME);
  mon_qmp_call ("migrate", args, -1, migrate_done, job_tag ());
}

static void
getfd_done (JsonObject *reply,
            gpointer    data)
{
  const char *why = qmp_error_desc (reply);

  if (!current (data))
    return;
  if (why != NULL || job.cancelled)
    {
      job_fail (why != NULL ? why : "The save was cancelled.");
      return;
    }
  mon_qmp_call ("migrate-set-capabilities", gvirt_qemu_migration_caps (), -1, caps_done, job_tag ());
}

static gboolean
write_all (int fd, const guint8 *data, gsize len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

void
mon_save_start (Client     *c,
                JsonNode   *id,
                JsonObject *args)
{
  const char *path = args ? json_object_get_string_member_with_default (args, "path", NULL) : NULL;
  const char *prefix64 = args ? json_object_get_string_member_with_default (args, "prefix", NULL) : NULL;
  gint64 length_offset = args ? json_object_get_int_member_with_default (args, "length-offset", -1) : -1;
  gint64 checksum_offset = args ? json_object_get_int_member_with_default (args, "checksum-offset", -1) : -1;
  gint64 checksum_from = args ? json_object_get_int_member_with_default (args, "checksum-from", 0) : 0;
  g_autofree guint8 *prefix = NULL;
  gsize prefix_len = 0;
  int fd, qemu_fd;

  if (job.phase != JOB_NONE)
    {
      mon_reply_error (c, id, GVIRT_QEMU_ERROR_FAILED, "Another save of this domain is running.");
      return;
    }
  if (prefix64 != NULL)
    prefix = g_base64_decode (prefix64, &prefix_len);
  if (path == NULL || !g_path_is_absolute (path) || length_offset < 0 ||
      (guint64) length_offset + 8 > prefix_len ||
      (checksum_offset >= 0 && ((guint64) checksum_offset + 8 > prefix_len || checksum_from < 0)))
    {
      mon_reply_error (c, id, GVIRT_QEMU_ERROR_FAILED,
                       "gvirt-save needs an absolute path, a prefix and a length-offset inside it.");
      return;
    }
  /* read too: the checksum reads back what QEMU wrote */
  fd = open (path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      mon_reply_error (c, id, GVIRT_QEMU_ERROR_INVALID, g_strerror (errno));
      return;
    }
  /* QEMU gets its own description, for appending: its writes go after
   * the prefix whatever this process does with its offset. */
  if (!write_all (fd, prefix, prefix_len) ||
      (qemu_fd = open (path, O_WRONLY | O_APPEND | O_CLOEXEC)) < 0)
    {
      g_autofree char *why = g_strdup_printf ("Cannot write the file: %s", g_strerror (errno));

      close (fd);
      unlink (path);
      mon_reply_error (c, id, GVIRT_QEMU_ERROR_FAILED, why);
      return;
    }

  job.phase = JOB_SETUP;
  job.serial++;
  job.client = c;
  job.id = id != NULL ? json_node_copy (id) : NULL;
  job.path = g_strdup (path);
  job.fd = fd;
  job.stream_offset = prefix_len;
  job.length_offset = length_offset;
  job.checksum_offset = checksum_offset;
  job.checksum_from = checksum_from;
  job.was_running = json_object_get_boolean_member_with_default (args, "was-running", FALSE);
  {
    JsonObject *getfd = json_object_new ();

    json_object_set_string_member (getfd, "fdname", SAVE_FDNAME);
    mon_qmp_call ("getfd", getfd, qemu_fd, getfd_done, job_tag ());
  }
  close (qemu_fd);   /* QEMU has its own copy now */
}

void
mon_save_cancel (void)
{
  if (job.phase == JOB_SETUP)
    job.cancelled = TRUE;
}

/* The MIGRATION event does not say why it failed; query-migrate's
 * error-desc does ("…: No space left on device"), and the user needs it. */
static void
why_failed_done (JsonObject *reply,
                 gpointer    data)
{
  JsonObject *ret = gvirt_qemu_object_member (reply, "return");
  const char *desc = ret != NULL ? json_object_get_string_member_with_default (ret, "error-desc", NULL) : NULL;
  g_autofree char *why = NULL;

  if (!current (data) || job.phase != JOB_EXPLAINING)
    return;
  why = desc != NULL ? g_strdup_printf ("The migration to the file failed: %s", desc)
                     : g_strdup ("The migration to the file failed.");
  job_fail (why);
}

void
mon_save_migration (const char *status)
{
  if (job.phase != JOB_MIGRATING || !gvirt_qemu_migration_final (status))
    return;
  if (g_str_equal (status, "completed"))
    job_complete ();
  else if (g_str_equal (status, "failed"))
    {
      job.phase = JOB_EXPLAINING;
      mon_qmp_call ("query-migrate", NULL, -1, why_failed_done, job_tag ());
    }
  else
    {
      g_autofree char *why = g_strdup_printf ("The migration to the file ended %s.", status);

      job_fail (why);
    }
}

/* The job goes on: only its answer has nobody to go to. */
void
mon_save_client_gone (Client *c)
{
  if (job.client == c)
    job.client = NULL;
}

/* QEMU is gone: after quit, the file is whole; before, it is not. */
void
mon_save_qemu_exited (void)
{
  if (job.phase == JOB_NONE)
    return;
  if (job.phase == JOB_SETUP || job.phase == JOB_MIGRATING || job.phase == JOB_EXPLAINING)
    {
      remove_file ();
      g_free (job.error);
      job.error = g_strdup ("QEMU exited during the save.");
    }
  job_answer ();
}
