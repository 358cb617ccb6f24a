/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The node's event journal (gvirt-qemu-journal.c, compiled in): order, numbering, rotation, append-once. */
#include "config.h"

#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "gvirt-qemu-journal-private.h"

typedef struct {
  char   *dir;
  char   *path;
  GArray *seen;   /* gint64 "id" members, in the order read */
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("gvirt-journal-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, GVIRT_QEMU_JOURNAL_FILE, NULL);
  f->seen = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
  g_array_unref (f->seen);
}

static void
append (Fixture *f, const char *event, const char *uuid, gint64 id, gboolean once)
{
  g_autoptr(JsonObject) line = json_object_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_EVENT, event);
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_UUID, uuid);
  json_object_set_string_member (line, GVIRT_QEMU_JOURNAL_NAME, "a-name-long-enough-to-fill-the-journal-sooner");
  json_object_set_int_member (line, GVIRT_QEMU_JOURNAL_ID, id);
  g_assert_true (once ? _gvirt_qemu_journal_append_once (f->path, line, &error)
                      : _gvirt_qemu_journal_append (f->path, line, &error));
  g_assert_no_error (error);
}

static void
collect (JsonObject *line, gpointer user_data)
{
  Fixture *f = user_data;
  gint64 id = json_object_get_int_member (line, GVIRT_QEMU_JOURNAL_ID);

  g_assert_cmpint (json_object_get_int_member (line, GVIRT_QEMU_JOURNAL_SEQ), ==, id);
  g_array_append_val (f->seen, id);
}

static void
assert_seen (Fixture *f, gint64 from, gint64 to)
{
  g_assert_cmpuint (f->seen->len, ==, to - from + 1);
  for (guint i = 0; i < f->seen->len; i++)
    g_assert_cmpint (g_array_index (f->seen, gint64, i), ==, from + i);
}

/* A reader opened before the file exists reads it all; one opened later
 * only what comes after. */
static void
test_journal_opened_late (Fixture *f, gconstpointer data)
{
  GVirtQemuJournal early = { 0 }, late = { 0 };

  _gvirt_qemu_journal_open (&early, f->path);
  append (f, "defined", "u1", 1, FALSE);
  append (f, "undefined", "u1", 2, FALSE);
  _gvirt_qemu_journal_open (&late, f->path);
  append (f, "defined", "u1", 3, FALSE);
  _gvirt_qemu_journal_read (&early, collect, f);
  assert_seen (f, 1, 3);
  g_array_set_size (f->seen, 0);
  _gvirt_qemu_journal_read (&late, collect, f);
  assert_seen (f, 3, 3);
  _gvirt_qemu_journal_clear (&early);
  _gvirt_qemu_journal_clear (&late);
}

/* Past the size bound the file is replaced; a reader loses nothing and
 * reads nothing twice, and the file stays small. */
static void
test_journal_rotation (Fixture *f, gconstpointer data)
{
  GVirtQemuJournal reader = { 0 };
  struct stat st;
  gint64 n = 0;
  ino_t first;

  append (f, "defined", "u1", ++n, FALSE);
  _gvirt_qemu_journal_open (&reader, f->path);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  first = st.st_ino;
  g_array_set_size (f->seen, 0);
  for (guint round = 0; round < 3; round++)
    {
      /* more than a generation between two reads */
      while (g_stat (f->path, &st) == 0 && st.st_ino == first)
        append (f, "started", "u1", ++n, FALSE);
      first = st.st_ino;
      for (guint i = 0; i < 10; i++)
        append (f, "stopped", "u1", ++n, FALSE);
      _gvirt_qemu_journal_read (&reader, collect, f);
    }
  assert_seen (f, 2, n);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, <=, GVIRT_QEMU_JOURNAL_MAX_SIZE);
  _gvirt_qemu_journal_clear (&reader);
}

/* The crash of a killed monitor, seen by every attached client, is one line. */
static void
test_journal_append_once (Fixture *f, gconstpointer data)
{
  GVirtQemuJournal reader = { 0 };

  _gvirt_qemu_journal_open (&reader, f->path);
  append (f, "started", "u1", 1, FALSE);
  append (f, "started", "u2", 2, FALSE);
  append (f, "stopped", "u1", 3, TRUE);
  append (f, "stopped", "u2", 4, TRUE);
  append (f, "stopped", "u1", 5, TRUE);   /* not written: its seq would be 5 */
  append (f, "started", "u1", 5, FALSE);
  _gvirt_qemu_journal_read (&reader, collect, f);
  assert_seen (f, 1, 5);
  _gvirt_qemu_journal_clear (&reader);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/qemu/journal/opened-late", Fixture, NULL, fixture_setup, test_journal_opened_late, fixture_teardown);
  g_test_add ("/qemu/journal/rotation", Fixture, NULL, fixture_setup, test_journal_rotation, fixture_teardown);
  g_test_add ("/qemu/journal/append-once", Fixture, NULL, fixture_setup, test_journal_append_once, fixture_teardown);
  return g_test_run ();
}
