/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The node's event journal: appended under flock by backends and monitors, replayed in order by every connection. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gvirt-qemu-journal-private.h"

/*
 * Short runs and quick define;undefine loops leave nothing behind in the
 * files other processes watch (inotify coalesces, a VM may be gone before
 * anyone attaches), so every lifecycle event is also a line here, and every
 * connection emits exactly the lines after the point it opened at, in file
 * order — its own events included, so one order holds in every process.
 *
 * A writer takes flock on the file, checks that it still is the file at
 * PATH (a rotation may have replaced it), numbers its line one past the
 * last one and appends it. A generation over GVIRT_QEMU_JOURNAL_MAX_SIZE is
 * replaced, still under the lock, by a new file holding only the line just
 * written: a reader finishes the old generation through its descriptor,
 * then goes on in the new one, skipping the numbers it already has.
 */

#define TAIL_SIZE 65536   /* the lines looked back at, more than the longest line */

/* The last whole line of @fd whose member @uuid is @uuid, or the last
 * line when @uuid is %NULL; %NULL when there is none. */
static JsonObject *
last_line (int fd, goffset size, const char *uuid)
{
  g_autofree char *buf = g_malloc (TAIL_SIZE + 1);
  goffset start = MAX (0, size - TAIL_SIZE);
  ssize_t n = pread (fd, buf, size - start, start);
  char *end;

  if (n <= 0)
    return NULL;
  buf[n] = '\0';
  while ((end = strrchr (buf, '\n')) != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      char *line;
      JsonObject *o;

      *end = '\0';
      line = strrchr (buf, '\n');
      line = line != NULL ? line + 1 : buf;
      if (line == buf && start > 0)
        return NULL;   /* cut by the tail's start */
      if (!json_parser_load_from_data (parser, line, -1, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        continue;
      o = json_node_get_object (json_parser_get_root (parser));
      if (uuid == NULL || g_strcmp0 (json_object_get_string_member_with_default (o, GVIRT_QEMU_JOURNAL_UUID, NULL), uuid) == 0)
        return json_object_ref (o);
    }
  return NULL;
}

static gint64
last_seq (int fd, goffset size)
{
  g_autoptr(JsonObject) o = last_line (fd, size, NULL);

  return o != NULL ? json_object_get_int_member_with_default (o, GVIRT_QEMU_JOURNAL_SEQ, 0) : 0;
}

static char *
line_text (JsonObject *line)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_node_set_object (node, line);
  text = json_to_string (node, FALSE);
  return g_strconcat (text, "\n", NULL);
}

/* Opens PATH's current generation with the lock held. */
static int
lock_current (const char *path, GError **error)
{
  for (;;)
    {
      struct stat fst, pst;
      int fd = open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "Cannot open “%s”: %s", path, g_strerror (saved));
          return -1;
        }
      if (flock (fd, LOCK_EX) == 0 && fstat (fd, &fst) == 0 &&
          stat (path, &pst) == 0 && fst.st_ino == pst.st_ino && fst.st_dev == pst.st_dev)
        return fd;
      close (fd);   /* rotated meanwhile: the new generation */
    }
}

/* Numbers @line (its "seq" and "pid" members are set here) and appends
 * it; with @once, not when the domain's last line already is this event. */
static gboolean
append (const char  *path,
        JsonObject  *line,
        gboolean     once,
        GError     **error)
{
  g_autofree char *text = NULL;
  int rfd, fd = lock_current (path, error);
  struct stat st;
  gboolean ok;

  if (fd < 0)
    return FALSE;
  /* O_APPEND descriptors cannot be read from: the tail through another. */
  rfd = open (path, O_RDONLY | O_CLOEXEC);
  ok = fstat (fd, &st) == 0;
  if (once && rfd >= 0 && ok)
    {
      g_autoptr(JsonObject) last = last_line (rfd, st.st_size,
                                              json_object_get_string_member (line, GVIRT_QEMU_JOURNAL_UUID));
      if (last != NULL && g_strcmp0 (json_object_get_string_member_with_default (last, GVIRT_QEMU_JOURNAL_EVENT, NULL),
                                     json_object_get_string_member (line, GVIRT_QEMU_JOURNAL_EVENT)) == 0)
        {
          close (rfd);
          close (fd);
          return TRUE;
        }
    }
  json_object_set_int_member (line, GVIRT_QEMU_JOURNAL_SEQ, (rfd >= 0 && ok ? last_seq (rfd, st.st_size) : 0) + 1);
  json_object_set_int_member (line, GVIRT_QEMU_JOURNAL_PID, getpid ());
  if (rfd >= 0)
    close (rfd);
  text = line_text (line);
  ok = ok && write (fd, text, strlen (text)) == (ssize_t) strlen (text);
  if (!ok)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot append to “%s”: %s", path, g_strerror (saved));
    }
  else if (st.st_size + (goffset) strlen (text) > GVIRT_QEMU_JOURNAL_MAX_SIZE)
    /* a temp file renamed over PATH: readers see the new inode */
    g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
  close (fd);   /* releases the lock */
  return ok;
}

gboolean
_gvirt_qemu_journal_append (const char  *path,
                            JsonObject  *line,
                            GError     **error)
{
  return append (path, line, FALSE, error);
}

/* For an event several processes see and none owns (a monitor that was
 * killed, seen by each client attached to it): the first one writes it. */
gboolean
_gvirt_qemu_journal_append_once (const char  *path,
                                 JsonObject  *line,
                                 GError     **error)
{
  return append (path, line, TRUE, error);
}

/* Starts @journal at the end of PATH: a connection reports what comes after it opened. */
void
_gvirt_qemu_journal_open (GVirtQemuJournal *journal,
                          const char       *path)
{
  struct stat st;

  journal->path = g_strdup (path);
  journal->fd = open (path, O_RDONLY | O_CLOEXEC);
  journal->offset = 0;
  journal->seq = 0;
  if (journal->fd >= 0 && fstat (journal->fd, &st) == 0)
    {
      journal->seq = last_seq (journal->fd, st.st_size);
      journal->offset = st.st_size;
    }
}

/* Hands each whole line after @journal->offset, numbered past @journal->seq, to @func. */
static void
read_generation (GVirtQemuJournal     *journal,
                 GVirtQemuJournalFunc  func,
                 gpointer              user_data)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  char chunk[65536];
  ssize_t n;
  char *p, *nl;

  while ((n = pread (journal->fd, chunk, sizeof chunk, journal->offset + buf->len)) > 0)
    g_string_append_len (buf, chunk, n);
  for (p = buf->str; (nl = memchr (p, '\n', buf->str + buf->len - p)) != NULL; p = nl + 1)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *line;
      gint64 seq;

      if (!json_parser_load_from_data (parser, p, nl - p, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        continue;
      line = json_node_get_object (json_parser_get_root (parser));
      seq = json_object_get_int_member_with_default (line, GVIRT_QEMU_JOURNAL_SEQ, 0);
      if (seq <= journal->seq)
        continue;   /* the line a rotation carried over */
      journal->seq = seq;
      func (line, user_data);
    }
  journal->offset += p - buf->str;   /* a line being written is read next time */
}

void
_gvirt_qemu_journal_read (GVirtQemuJournal     *journal,
                          GVirtQemuJournalFunc  func,
                          gpointer              user_data)
{
  struct stat pst, fst;
  gboolean rotated;

  if (journal->path == NULL)
    return;
  /* PATH first: once it is another file, nothing more goes into ours. */
  rotated = stat (journal->path, &pst) == 0 &&
            (journal->fd < 0 || (fstat (journal->fd, &fst) == 0 &&
                                 (fst.st_ino != pst.st_ino || fst.st_dev != pst.st_dev)));
  if (journal->fd >= 0)
    read_generation (journal, func, user_data);
  if (!rotated)
    return;
  if (journal->fd >= 0)
    close (journal->fd);
  journal->fd = open (journal->path, O_RDONLY | O_CLOEXEC);
  journal->offset = 0;
  if (journal->fd >= 0)
    read_generation (journal, func, user_data);
}

void
_gvirt_qemu_journal_clear (GVirtQemuJournal *journal)
{
  if (journal->fd >= 0)
    close (journal->fd);
  journal->fd = -1;
  g_clear_pointer (&journal->path, g_free);
}
