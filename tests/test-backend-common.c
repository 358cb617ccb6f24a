/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Tests of libvirt-gobject/backends/common/: what the backend modules share. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <glib/gstdio.h>
#include <libvirt-gobject/gvirt-backend.h>

#include "gvirt-test-util.h"
#include "gvirt-event-queue-private.h"
#include "gvirt-atomic-file-private.h"
#include "gvirt-backend-names-private.h"
#include "gvirt-backend-dirs-private.h"
#include "gvirt-backend-read-private.h"
#include "gvirt-state-reason-private.h"

/* ---- A backend that only has a lock and an event queue -------------------- */

#define GVIRT_TYPE_QUEUE_BACKEND (gvirt_queue_backend_get_type ())
G_DECLARE_FINAL_TYPE (GVirtQueueBackend, gvirt_queue_backend, GVIRT, QUEUE_BACKEND, GObject)

struct _GVirtQueueBackend
{
  GObject          parent_instance;
  GMutex           lock;
  GVirtEventQueue *events;
};

static void gvirt_queue_backend_iface_init (GVirtBackendInterface *iface) {}

G_DEFINE_FINAL_TYPE_WITH_CODE (GVirtQueueBackend, gvirt_queue_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GVIRT_TYPE_BACKEND,
                                                      gvirt_queue_backend_iface_init))

static void
gvirt_queue_backend_finalize (GObject *object)
{
  GVirtQueueBackend *self = GVIRT_QUEUE_BACKEND (object);

  _gvirt_event_queue_free (self->events);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (gvirt_queue_backend_parent_class)->finalize (object);
}

static void
gvirt_queue_backend_class_init (GVirtQueueBackendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gvirt_queue_backend_finalize;
}

static void
gvirt_queue_backend_init (GVirtQueueBackend *self)
{
  g_mutex_init (&self->lock);
  self->events = _gvirt_event_queue_new (GVIRT_BACKEND (self), &self->lock);
}

/* What the handlers saw: "d<kind>.<reason>:<uuid>" or "n<kind>:<uuid>", in order. */
typedef struct {
  GVirtQueueBackend *backend;
  GMutex             log_lock;
  GPtrArray         *log;
  GPtrArray         *threads;          /* the thread each event was emitted on */
  gboolean           lock_was_held;    /* a handler found the backend lock taken */
  /* for the handler-driven tests */
  const char        *hook_uuid;        /* the event that runs hook() */
  void             (*hook) (gpointer fixture);
} Fixture;

static void
log_event (Fixture *f, char *entry)
{
  if (!g_mutex_trylock (&f->backend->lock))
    f->lock_was_held = TRUE;
  else
    g_mutex_unlock (&f->backend->lock);
  g_mutex_lock (&f->log_lock);
  g_ptr_array_add (f->log, entry);
  g_ptr_array_add (f->threads, g_thread_self ());
  g_mutex_unlock (&f->log_lock);
}

static void
on_domain_event (GVirtBackend *backend, GVirtDomainEventKind kind, gint reason,
                 GVirtDomainRecord *record, Fixture *f)
{
  log_event (f, g_strdup_printf ("d%d.%d:%s", kind, reason, record->uuid));
  if (f->hook != NULL && g_strcmp0 (record->uuid, f->hook_uuid) == 0)
    f->hook (f);
}

static void
on_network_event (GVirtBackend *backend, GVirtNetworkEventKind kind,
                  GVirtNetworkRecord *record, Fixture *f)
{
  log_event (f, g_strdup_printf ("n%d:%s", kind, record->uuid));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->backend = g_object_new (GVIRT_TYPE_QUEUE_BACKEND, NULL);
  g_mutex_init (&f->log_lock);
  f->log = g_ptr_array_new_with_free_func (g_free);
  f->threads = g_ptr_array_new ();
  g_signal_connect (f->backend, "domain-event", G_CALLBACK (on_domain_event), f);
  g_signal_connect (f->backend, "network-event", G_CALLBACK (on_network_event), f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_false (f->lock_was_held);
  g_clear_object (&f->backend);
  g_ptr_array_unref (f->log);
  g_ptr_array_unref (f->threads);
  g_mutex_clear (&f->log_lock);
}

static char *
log_dump (Fixture *f)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_mutex_lock (&f->log_lock);
  for (guint i = 0; i < f->log->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ";" : "", (char *) f->log->pdata[i]);
  g_mutex_unlock (&f->log_lock);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
log_length (Fixture *f)
{
  guint n;

  g_mutex_lock (&f->log_lock);
  n = f->log->len;
  g_mutex_unlock (&f->log_lock);
  return n;
}

#define assert_log(f, expected) G_STMT_START {      \
    g_autofree char *__dump = log_dump (f);         \
    g_assert_cmpstr (__dump, ==, (expected));       \
  } G_STMT_END

static void
add_domain (Fixture *f, GVirtDomainEventKind kind, gint reason, const char *uuid)
{
  _gvirt_event_queue_add_domain (f->backend->events, kind, reason,
                                 gvirt_domain_record_new (uuid, uuid));
}

static void
add_network (Fixture *f, GVirtNetworkEventKind kind, const char *uuid)
{
  _gvirt_event_queue_add_network (f->backend->events, kind,
                                  gvirt_network_record_new (uuid, uuid));
}

/* Nothing goes out under the lock; after it, everything, in the order queued. */
static void
test_queue_order_after_unlock (Fixture *f, gconstpointer data)
{
  g_mutex_lock (&f->backend->lock);
  add_domain (f, GVIRT_DOMAIN_EVENT_DEFINED, 0, "a");
  add_network (f, GVIRT_NETWORK_EVENT_STARTED, "n");
  add_domain (f, GVIRT_DOMAIN_EVENT_STARTED, GVIRT_DOMAIN_STARTED_BOOTED, "a");
  add_domain (f, GVIRT_DOMAIN_EVENT_SUSPENDED, GVIRT_DOMAIN_SUSPENDED_PAUSED, "b");
  g_assert_cmpuint (_gvirt_event_queue_get_length (f->backend->events), ==, 4);
  assert_log (f, "");

  _gvirt_event_queue_unlock_and_emit (f->backend->events);
  /* the handlers found the lock free (fixture_teardown), and so do we */
  g_assert_true (g_mutex_trylock (&f->backend->lock));
  g_assert_cmpuint (_gvirt_event_queue_get_length (f->backend->events), ==, 0);
  g_mutex_unlock (&f->backend->lock);
  assert_log (f, "d0.0:a;n2:n;d2.0:a;d3.0:b");

  /* an empty queue just unlocks */
  g_mutex_lock (&f->backend->lock);
  _gvirt_event_queue_unlock_and_emit (f->backend->events);
  g_assert_true (g_mutex_trylock (&f->backend->lock));
  g_mutex_unlock (&f->backend->lock);
  assert_log (f, "d0.0:a;n2:n;d2.0:a;d3.0:b");
}

/* A handler that calls back in: its events follow the ones already queued. */
static void
hook_reenter (gpointer data)
{
  Fixture *f = data;

  g_mutex_lock (&f->backend->lock);
  add_domain (f, GVIRT_DOMAIN_EVENT_UPDATED, 0, "c");
  _gvirt_event_queue_unlock_and_emit (f->backend->events);
  /* not yet: this thread is the one emitting, further up the stack */
  assert_log (f, "d0.0:a");
}

static void
test_queue_from_handler (Fixture *f, gconstpointer data)
{
  f->hook_uuid = "a";
  f->hook = hook_reenter;
  g_mutex_lock (&f->backend->lock);
  add_domain (f, GVIRT_DOMAIN_EVENT_DEFINED, 0, "a");
  add_domain (f, GVIRT_DOMAIN_EVENT_DEFINED, 0, "b");
  _gvirt_event_queue_unlock_and_emit (f->backend->events);
  assert_log (f, "d0.0:a;d0.0:b;d7.0:c");
}

/* Close: what was queued never goes out. */
static void
test_queue_drop (Fixture *f, gconstpointer data)
{
  g_mutex_lock (&f->backend->lock);
  add_domain (f, GVIRT_DOMAIN_EVENT_DEFINED, 0, "a");
  add_network (f, GVIRT_NETWORK_EVENT_DEFINED, "n");
  _gvirt_event_queue_drop (f->backend->events);
  g_assert_cmpuint (_gvirt_event_queue_get_length (f->backend->events), ==, 0);
  _gvirt_event_queue_unlock_and_emit (f->backend->events);
  assert_log (f, "");

  /* and the queue goes on working */
  g_mutex_lock (&f->backend->lock);
  add_domain (f, GVIRT_DOMAIN_EVENT_UNDEFINED, 0, "a");
  _gvirt_event_queue_unlock_and_emit (f->backend->events);
  assert_log (f, "d1.0:a");
}

/* Two threads: the second queues while the first is inside a handler. */
typedef struct {
  Fixture  *f;
  gboolean  nowait;
  GMutex    mutex;
  GCond     cond;
  gboolean  in_handler;      /* thread 1 is in the handler of "x" */
  gboolean  queued;          /* thread 2 added "y" */
  gboolean  returned;        /* thread 2's unlock_and_emit returned */
  guint     seen_at_return;  /* events emitted when it did */
  GThread  *emitter;         /* thread 1 */
} Race;

static Race *race;

static void
race_set (gboolean *flag)
{
  g_mutex_lock (&race->mutex);
  *flag = TRUE;
  g_cond_broadcast (&race->cond);
  g_mutex_unlock (&race->mutex);
}

static gboolean
race_wait (gboolean *flag)
{
  gint64 end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  gboolean ok = TRUE;

  g_mutex_lock (&race->mutex);
  while (!*flag && ok)
    ok = g_cond_wait_until (&race->cond, &race->mutex, end);
  ok = *flag;
  g_mutex_unlock (&race->mutex);
  return ok;
}

static void
hook_block (gpointer data)
{
  race_set (&race->in_handler);
  g_assert_true (race_wait (&race->queued));
  if (race->nowait)
    /* thread 2 must not wait for this handler */
    g_assert_true (race_wait (&race->returned));
  else
    /* let thread 2 reach its wait, if it is going to */
    g_usleep (20 * 1000);
}

static gpointer
race_thread_1 (gpointer data)
{
  Fixture *f = data;

  g_mutex_lock (&f->backend->lock);
  add_domain (f, GVIRT_DOMAIN_EVENT_STARTED, 0, "x");
  _gvirt_event_queue_unlock_and_emit (f->backend->events);
  return NULL;
}

static gpointer
race_thread_2 (gpointer data)
{
  Fixture *f = data;

  g_mutex_lock (&f->backend->lock);
  add_domain (f, GVIRT_DOMAIN_EVENT_STOPPED, 0, "y");
  race_set (&race->queued);
  if (race->nowait)
    _gvirt_event_queue_unlock_and_emit_nowait (f->backend->events);
  else
    _gvirt_event_queue_unlock_and_emit (f->backend->events);
  race->seen_at_return = log_length (f);
  race_set (&race->returned);
  return NULL;
}

static void
run_race (Fixture *f, gboolean nowait)
{
  Race r = { .f = f, .nowait = nowait };
  GThread *t1, *t2;

  race = &r;
  g_mutex_init (&r.mutex);
  g_cond_init (&r.cond);
  f->hook_uuid = "x";
  f->hook = hook_block;

  t1 = g_thread_new ("race-1", race_thread_1, f);
  g_assert_true (race_wait (&r.in_handler));
  t2 = g_thread_new ("race-2", race_thread_2, f);
  g_thread_join (t2);
  g_thread_join (t1);

  /* in order, both on the thread that was emitting */
  assert_log (f, "d2.0:x;d5.0:y");
  g_assert_true (f->threads->pdata[0] == t1);
  g_assert_true (f->threads->pdata[1] == t1);
  if (nowait)
    g_assert_cmpuint (r.seen_at_return, ==, 1);   /* left "y" to thread 1 */
  else
    g_assert_cmpuint (r.seen_at_return, ==, 2);   /* returned once "y" was out */

  g_mutex_clear (&r.mutex);
  g_cond_clear (&r.cond);
  race = NULL;
}

static void
test_queue_waits_for_other_emitter (Fixture *f, gconstpointer data)
{
  run_race (f, FALSE);
}

static void
test_queue_nowait (Fixture *f, gconstpointer data)
{
  run_race (f, TRUE);
}

/* ---- Atomic files ------------------------------------------------------- */

static char *
new_dir (const char *name)
{
  g_autofree char *dir = gvirt_test_tmp_path (name);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_steal_pointer (&dir);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The directory's entries, sorted, ";"-separated. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (";", (char **) names->pdata);
}

#define assert_dir(dir, expected) G_STMT_START {    \
    g_autofree char *__list = list_dir (dir);       \
    g_assert_cmpstr (__list, ==, (expected));       \
  } G_STMT_END

#define assert_contents(path, expected) G_STMT_START {                  \
    g_autofree char *__text = NULL;                                     \
    g_assert_true (g_file_get_contents ((path), &__text, NULL, NULL));  \
    g_assert_cmpstr (__text, ==, (expected));                           \
  } G_STMT_END

static void
test_atomic_replaces (void)
{
  g_autofree char *dir = new_dir ("atomic-replaces");
  g_autofree char *path = g_build_filename (dir, "web.xml", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  mode_t mask = umask (0);

  umask (mask);
  for (GVirtBackendSync sync = GVIRT_BACKEND_SYNC_NONE; sync <= GVIRT_BACKEND_SYNC_DURABLE; sync++)
    {
      g_autofree char *first = g_strdup_printf ("<domain>%d</domain>", sync);

      g_assert_true (_gvirt_backend_write_file (path, first, -1, 0600, sync, &error));
      g_assert_no_error (error);
      assert_contents (path, first);
      g_assert_true (_gvirt_backend_write_file (path, "<domain>new</domain>and more", 20,
                                                0600, sync, &error));
      g_assert_no_error (error);
      assert_contents (path, "<domain>new</domain>");
      assert_dir (dir, "web.xml");
      g_assert_cmpint (g_unlink (path), ==, 0);
    }

  /* a new file gets the mode (within the umask) */
  g_assert_true (_gvirt_backend_write_file (path, "", 0, 0600, GVIRT_BACKEND_SYNC_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600 & ~mask);
  assert_contents (path, "");
}

static void
set_age (const char *path, gint64 seconds)
{
  struct utimbuf times;

  times.actime = times.modtime = g_get_real_time () / G_USEC_PER_SEC - seconds;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static void
touch (const char *dir, const char *name, gint64 age)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, name, -1, NULL));
  set_age (path, age);
}

static void
test_atomic_temp_names (void)
{
  g_assert_true (_gvirt_backend_is_temp_name ("web.xml.AbC123", ".xml"));
  g_assert_true (_gvirt_backend_is_temp_name ("web.xml.AbC123", ""));
  g_assert_true (_gvirt_backend_is_temp_name ("web.xml.AbC123", NULL));
  g_assert_true (_gvirt_backend_is_temp_name ("boot-id.zzzzzz", ""));
  g_assert_true (_gvirt_backend_is_temp_name ("a.b.xml.000000", ".xml"));

  g_assert_false (_gvirt_backend_is_temp_name ("web.xml", ".xml"));
  g_assert_false (_gvirt_backend_is_temp_name ("web.xml.AbC12", ".xml"));      /* 5 */
  g_assert_false (_gvirt_backend_is_temp_name ("web.xml.AbC1234", ".xml"));    /* 7 */
  g_assert_false (_gvirt_backend_is_temp_name ("web.xml.AbC-12", ".xml"));
  g_assert_false (_gvirt_backend_is_temp_name ("web.json.AbC123", ".xml"));
  g_assert_false (_gvirt_backend_is_temp_name (".xml.AbC123", ".xml"));        /* no NAME */
  g_assert_false (_gvirt_backend_is_temp_name (".AbC123", ""));
  g_assert_false (_gvirt_backend_is_temp_name ("abcdef.xml", ".xml"));
  g_assert_false (_gvirt_backend_is_temp_name ("web.AbC123.xml", ".xml"));
}

/* A crash between the temp file and the rename leaves NAME.xml.XXXXXX. */
static void
test_atomic_stale_cleanup (void)
{
  g_autofree char *dir = new_dir ("atomic-stale");
  g_autofree char *subdir = g_build_filename (dir, "sub.xml.dddddd", NULL);
  g_autofree char *link = g_build_filename (dir, "link.xml.llllll", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autoptr(GError) error = NULL;

  touch (dir, "web.xml", 3600);
  touch (dir, "web.xml.AbC123", 3600);       /* stale */
  touch (dir, "db.xml.x1y2z3", 120);         /* stale */
  touch (dir, "new.xml.Fresh1", 0);          /* maybe another process's write */
  touch (dir, "web.json.AbC123", 3600);      /* another suffix */
  touch (dir, "web.xml.AbC12", 3600);        /* not mkstemp's */
  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  g_assert_cmpint (symlink ("web.xml", link), ==, 0);

  g_assert_cmpuint (_gvirt_backend_remove_stale_temp_files (dir, ".xml", 60, &error), ==, 2);
  g_assert_no_error (error);
  assert_dir (dir, "link.xml.llllll;new.xml.Fresh1;sub.xml.dddddd;web.json.AbC123;web.xml;web.xml.AbC12");
  assert_contents (link, "web.xml");

  /* with no minimum age, the fresh one goes too; then any suffix */
  g_assert_cmpuint (_gvirt_backend_remove_stale_temp_files (dir, ".xml", 0, &error), ==, 1);
  g_assert_cmpuint (_gvirt_backend_remove_stale_temp_files (dir, "", 0, &error), ==, 1);
  g_assert_no_error (error);
  assert_dir (dir, "link.xml.llllll;sub.xml.dddddd;web.xml;web.xml.AbC12");

  /* a node not made yet has none */
  g_assert_cmpuint (_gvirt_backend_remove_stale_temp_files (missing, ".xml", 0, &error), ==, 0);
  g_assert_no_error (error);

  /* a file where the directory should be: an error naming it */
  touch (dir, "not-a-dir", 0);
  g_clear_pointer (&missing, g_free);
  missing = g_build_filename (dir, "not-a-dir", NULL);
  g_assert_cmpuint (_gvirt_backend_remove_stale_temp_files (missing, ".xml", 0, &error), ==, 0);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_FAILED, missing);
}

/* The write fails half-way (RLIMIT_FSIZE, which holds for root too). */
static void
test_atomic_failure_keeps_old (void)
{
  g_autofree char *dir = new_dir ("atomic-failure");
  g_autofree char *path = g_build_filename (dir, "web.xml", NULL);
  g_autofree char *nodir = g_build_filename (dir, "missing", "web.xml", NULL);
  g_autofree char *big = g_strnfill (65536, 'x');
  g_autoptr(GError) error = NULL;
  struct rlimit saved, small;
  void (*old_handler) (int);
  gboolean ok;

  g_assert_true (_gvirt_backend_write_file (path, "old", -1, 0600, GVIRT_BACKEND_SYNC_FILE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 1024;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = _gvirt_backend_write_file (path, big, -1, 0600, GVIRT_BACKEND_SYNC_DURABLE, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (ok);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_FAILED, path);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_FAILED, g_strerror (EFBIG));
  assert_contents (path, "old");
  assert_dir (dir, "web.xml");
  g_clear_error (&error);

  /* no directory to write in */
  g_assert_false (_gvirt_backend_write_file (nodir, "new", -1, 0600, GVIRT_BACKEND_SYNC_NONE, &error));
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_FAILED, nodir);
  g_clear_error (&error);

  /* a directory where the file should be: the rename fails, nothing is left */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (_gvirt_backend_write_file (path, "new", -1, 0600, GVIRT_BACKEND_SYNC_NONE, &error));
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_FAILED, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  assert_dir (dir, "web.xml");
}

/* ---- Names and UUIDs ---------------------------------------------------- */

static void
assert_name_refused (gboolean (*check) (const char *, GError **), const char *name,
                     const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (check (name, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_names_check (void)
{
  g_autofree char *longest = g_strnfill (GVIRT_BACKEND_NAME_MAX, 'n');
  g_autofree char *too_long = g_strnfill (10000, 'n');
  const char *good[] = { "web", "a", "web.example.com", "db-1_2", "trailing.", "a..b",
                         "c++:2", "_x", "9", "Ab-Z", longest };
  const char *bad_char = "Domain names may contain only letters, digits and “-_.+:”, and “%s” has other characters.";
  const char *bad_start = "Domain names may not start with “.” or “-”, and “%s” does.";
  struct { const char *name, *shown; } bad_chars[] = {
    { "a/b", "a/b" }, { "/", "/" }, { "../../etc", "../../etc" }, { "a\nb", "a\\nb" },
    { "a b", "a b" }, { "wébé", "w\\303\\251b\\303\\251" }, { "a,b", "a,b" }, { "a'b", "a'b" },
    { "a\"b", "a\\\"b" }, { "a\\b", "a\\\\b" }, { "a*", "a*" }, { "a\tb", "a\\tb" },
  };
  const char *bad_starts[] = { ".", "..", ".hidden", "-rf", "-" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (_gvirt_backend_check_name (good[i], &error));
      g_assert_true (_gvirt_backend_check_network_name (good[i], &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (strlen (longest), ==, 255);

  assert_name_refused (_gvirt_backend_check_name, NULL, "A domain needs a name.");
  assert_name_refused (_gvirt_backend_check_name, "", "A domain needs a name.");
  for (guint i = 0; i < G_N_ELEMENTS (bad_chars); i++)
    {
      g_autofree char *msg = g_strdup_printf (bad_char, bad_chars[i].shown);
      assert_name_refused (_gvirt_backend_check_name, bad_chars[i].name, msg);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_starts); i++)
    {
      g_autofree char *msg = g_strdup_printf (bad_start, bad_starts[i]);
      assert_name_refused (_gvirt_backend_check_name, bad_starts[i], msg);
    }
  assert_name_refused (_gvirt_backend_check_name, too_long,
                       "Domain names are at most 255 bytes long; this one has 10000 bytes.");
  too_long[256] = '\0';
  assert_name_refused (_gvirt_backend_check_name, too_long,
                       "Domain names are at most 255 bytes long; this one has 256 bytes.");

  assert_name_refused (_gvirt_backend_check_network_name, NULL, "A network needs a name.");
  assert_name_refused (_gvirt_backend_check_network_name, "", "A network needs a name.");
  assert_name_refused (_gvirt_backend_check_network_name, "../x",
                       "Network names may contain only letters, digits and “-_.+:”, and “../x” has other characters.");
  assert_name_refused (_gvirt_backend_check_network_name, "a\nb",
                       "Network names may contain only letters, digits and “-_.+:”, and “a\\nb” has other characters.");
  assert_name_refused (_gvirt_backend_check_network_name, ".net",
                       "Network names may not start with “.” or “-”, and “.net” does.");
  assert_name_refused (_gvirt_backend_check_network_name, too_long,
                       "Network names are at most 255 bytes long; this one has 256 bytes.");

  /* NULL error is fine */
  g_assert_false (_gvirt_backend_check_name ("a/b", NULL));
}

#define UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"

static void
test_uuid_parse (void)
{
  const struct { const char *in, *out; } good[] = {
    { UUID, UUID },
    { "6695EB01-F6A4-8304-79AA-97F2502E193F", UUID },
    { "6695eb01f6a4830479aa97f2502e193f", UUID },
    { "  " UUID "\n", UUID },
    { "\t6695eb01f6a4830479aa97f2502e193f ", UUID },
    { "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000" },
  };
  const char *bad[] = {
    "", "   ", "xyz",
    "6695eb01-f6a4-8304-79aa-97f2502e193",      /* 31 digits */
    "6695eb01-f6a4-8304-79aa-97f2502e193f0",    /* 33 */
    "6695eb0-1f6a4-8304-79aa-97f2502e193f",     /* a dash in the wrong place */
    "6695eb01--f6a4-8304-79aa-97f2502e193f",
    "-6695eb01-f6a4-8304-79aa-97f2502e193f",
    "6695eb01-f6a4-8304-79aa-97f2502e193f-",
    "6695eb01 f6a4 8304 79aa 97f2502e193f",
    "6695eb01-f6a4-8304-79aa-97f2502e193g",
    UUID "x",
    "{" UUID "}",
  };
  char out[GVIRT_BACKEND_UUID_LEN + 1];

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *canonical = _gvirt_backend_uuid_canonical (good[i].in);

      g_assert_true (_gvirt_backend_uuid_parse (good[i].in, out));
      g_assert_cmpstr (out, ==, good[i].out);
      g_assert_cmpstr (canonical, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      strcpy (out, "untouched");
      if (_gvirt_backend_uuid_parse (bad[i], out))
        g_error ("“%s” was taken for a UUID", bad[i]);
      g_assert_cmpstr (out, ==, "untouched");
      g_assert_null (_gvirt_backend_uuid_canonical (bad[i]));
    }
  g_assert_false (_gvirt_backend_uuid_parse (NULL, out));
  g_assert_null (_gvirt_backend_uuid_canonical (NULL));
}

static void
test_uuid_random (void)
{
  g_autofree char *a = _gvirt_backend_uuid_random ();
  g_autofree char *b = _gvirt_backend_uuid_random ();
  g_autofree char *canonical = _gvirt_backend_uuid_canonical (a);

  g_assert_cmpuint (strlen (a), ==, GVIRT_BACKEND_UUID_LEN);
  g_assert_cmpstr (canonical, ==, a);      /* already canonical */
  g_assert_cmpint (a[14], ==, '4');        /* version 4 */
  g_assert_nonnull (strchr ("89ab", a[19]));
  g_assert_cmpstr (a, !=, b);
}

static void
test_uuid_for_definition (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *given = _gvirt_backend_domain_uuid ("6695EB01F6A4830479AA97F2502E193F", "web", &error);
  g_autofree char *none = _gvirt_backend_domain_uuid (NULL, "web", &error);
  g_autofree char *empty = _gvirt_backend_network_uuid ("", "lan", &error);
  g_autofree char *canonical = NULL;
  char *bad;

  g_assert_no_error (error);
  g_assert_cmpstr (given, ==, UUID);
  canonical = _gvirt_backend_uuid_canonical (none);
  g_assert_cmpstr (canonical, ==, none);
  g_clear_pointer (&canonical, g_free);
  canonical = _gvirt_backend_uuid_canonical (empty);
  g_assert_cmpstr (canonical, ==, empty);

  bad = _gvirt_backend_domain_uuid ("nope", "web", &error);
  g_assert_null (bad);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "The UUID “nope” of domain “web” is not valid.");
  g_clear_error (&error);
  bad = _gvirt_backend_network_uuid ("1234", "lan", &error);
  g_assert_null (bad);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "The UUID “1234” of network “lan” is not valid.");
}

/* ---- Node directories --------------------------------------------------- */

static void
test_dirs_layout (void)
{
  g_auto(GVirtBackendDirs) root = { 0 };
  g_auto(GVirtBackendDirs) system = { 0 };
  g_auto(GVirtBackendDirs) session = { 0 };
  g_autofree char *config = g_build_filename (g_get_user_config_dir (), "gvirt", "toy", NULL);
  g_autofree char *runtime = g_build_filename (g_get_user_runtime_dir (), "gvirt", "toy", NULL);
  g_autofree char *state = g_build_filename (g_get_user_cache_dir (), "gvirt", "toy", NULL);
  g_autofree char *file = NULL;

  _gvirt_backend_dirs_init (&root, "toy", GVIRT_BACKEND_NODE_SYSTEM, "/srv/node");
  g_assert_cmpstr (root.config_dir, ==, "/srv/node/config");
  g_assert_cmpstr (root.runtime_dir, ==, "/srv/node/run");
  g_assert_cmpstr (root.state_dir, ==, "/srv/node/lib");

  _gvirt_backend_dirs_init (&system, "toy", GVIRT_BACKEND_NODE_SYSTEM, NULL);
  g_assert_cmpstr (system.config_dir, ==, "/etc/gvirt/toy");
  g_assert_cmpstr (system.runtime_dir, ==, "/run/gvirt/toy");
  g_assert_cmpstr (system.state_dir, ==, "/var/lib/gvirt/toy");

  _gvirt_backend_dirs_init (&session, "toy", GVIRT_BACKEND_NODE_SESSION, NULL);
  g_assert_cmpstr (session.config_dir, ==, config);
  g_assert_cmpstr (session.runtime_dir, ==, runtime);
  g_assert_cmpstr (session.state_dir, ==, state);

  file = _gvirt_backend_file_path (root.config_dir, "web", ".xml");
  g_assert_cmpstr (file, ==, "/srv/node/config/web.xml");
  g_clear_pointer (&file, g_free);
  file = _gvirt_backend_file_path (root.runtime_dir, "boot-id", NULL);
  g_assert_cmpstr (file, ==, "/srv/node/run/boot-id");
}

static void
test_dirs_make (void)
{
  g_autofree char *base = gvirt_test_tmp_path ("dirs-make");
  g_autofree char *node = g_build_filename (base, "deep", "node", NULL);
  g_auto(GVirtBackendDirs) dirs = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const char *made[3];

  _gvirt_backend_dirs_init (&dirs, "toy", GVIRT_BACKEND_NODE_SESSION, node);
  g_assert_true (_gvirt_backend_dirs_make (&dirs, &error));
  g_assert_no_error (error);
  made[0] = dirs.config_dir;
  made[1] = dirs.runtime_dir;
  made[2] = dirs.state_dir;
  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      GStatBuf st;

      g_assert_cmpint (g_stat (made[i], &st), ==, 0);
      g_assert_true (S_ISDIR (st.st_mode));
      g_assert_cmpint (st.st_mode & 0777, ==, 0700);
    }
  /* again: already there is fine */
  g_assert_true (_gvirt_backend_dirs_make (&dirs, &error));
  g_assert_no_error (error);

  /* a file in the way: the error names the directory */
  g_assert_cmpint (g_rmdir (dirs.state_dir), ==, 0);
  g_assert_true (g_file_set_contents (dirs.state_dir, "", 0, NULL));
  g_assert_false (_gvirt_backend_dirs_make (&dirs, &error));
  expected = g_strdup_printf ("Cannot create the directory “%s”: ", dirs.state_dir);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_FAILED, expected);
}

/* ---- Bounded reads ---------------------------------------------------------- */

#define READ_MAX (1024 * 1024)

static void
assert_read_refused (const char *path, const char *needle)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_false (_gvirt_backend_read_file (path, READ_MAX, &contents, NULL, &error));
  g_assert_null (contents);
  gvirt_test_assert_error_contains (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, needle);
  /* the caller names the file */
  g_assert_null (strstr (error->message, path));
}

static void
test_read_bounded (void)
{
  g_autofree char *exact = gvirt_test_tmp_path ("exact.bin");
  g_autofree char *over = gvirt_test_tmp_path ("over.bin");
  g_autofree char *fifo = gvirt_test_tmp_path ("fifo");
  g_autofree char *missing = gvirt_test_tmp_path ("missing");
  g_autofree char *contents = NULL;
  char *none = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  /* exactly the limit is read; sparse files cost nothing */
  g_assert_true (g_file_set_contents (exact, "", 0, NULL));
  g_assert_no_errno (truncate (exact, READ_MAX));
  g_assert_true (_gvirt_backend_read_file (exact, READ_MAX, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, ==, READ_MAX);
  g_assert_cmpint (contents[len], ==, '\0');

  /* one byte over is refused before it is read */
  g_assert_true (g_file_set_contents (over, "", 0, NULL));
  g_assert_no_errno (truncate (over, READ_MAX + 1));
  assert_read_refused (over, "larger than 1 MiB");

  /* no end, or no writer: refused without reading, without blocking */
  assert_read_refused ("/dev/zero", "not a regular file");
  g_assert_no_errno (mkfifo (fifo, 0600));
  assert_read_refused (fifo, "not a regular file");
  assert_read_refused (gvirt_test_tmpdir (), "not a regular file");

  g_clear_error (&error);
  g_assert_false (_gvirt_backend_read_file (missing, READ_MAX, &none, NULL, &error));
  g_assert_null (none);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* ---- state reasons ---------------------------------------------------------- */

static void
test_state_reason_for_event (void)
{
  static const struct { GVirtDomainEventKind kind; gint reason; GVirtDomainStateReason expected; } cases[] = {
    { GVIRT_DOMAIN_EVENT_STARTED, GVIRT_DOMAIN_STARTED_BOOTED, GVIRT_DOMAIN_STATE_REASON_BOOTED },
    { GVIRT_DOMAIN_EVENT_STARTED, GVIRT_DOMAIN_STARTED_RESTORED, GVIRT_DOMAIN_STATE_REASON_RESTORED },
    { GVIRT_DOMAIN_EVENT_STARTED, GVIRT_DOMAIN_STARTED_WAKEUP, GVIRT_DOMAIN_STATE_REASON_WAKEUP },
    { GVIRT_DOMAIN_EVENT_SUSPENDED, GVIRT_DOMAIN_SUSPENDED_PAUSED, GVIRT_DOMAIN_STATE_REASON_USER },
    { GVIRT_DOMAIN_EVENT_SUSPENDED, GVIRT_DOMAIN_SUSPENDED_IOERROR, GVIRT_DOMAIN_STATE_REASON_IOERROR },
    { GVIRT_DOMAIN_EVENT_SUSPENDED, GVIRT_DOMAIN_SUSPENDED_WATCHDOG, GVIRT_DOMAIN_STATE_REASON_WATCHDOG },
    { GVIRT_DOMAIN_EVENT_RESUMED, GVIRT_DOMAIN_RESUMED_UNPAUSED, GVIRT_DOMAIN_STATE_REASON_UNPAUSED },
    { GVIRT_DOMAIN_EVENT_STOPPED, GVIRT_DOMAIN_STOPPED_SHUTDOWN, GVIRT_DOMAIN_STATE_REASON_SHUTDOWN },
    { GVIRT_DOMAIN_EVENT_STOPPED, GVIRT_DOMAIN_STOPPED_DESTROYED, GVIRT_DOMAIN_STATE_REASON_DESTROYED },
    { GVIRT_DOMAIN_EVENT_STOPPED, GVIRT_DOMAIN_STOPPED_CRASHED, GVIRT_DOMAIN_STATE_REASON_CRASHED },
    { GVIRT_DOMAIN_EVENT_STOPPED, GVIRT_DOMAIN_STOPPED_SAVED, GVIRT_DOMAIN_STATE_REASON_SAVED },
    { GVIRT_DOMAIN_EVENT_STOPPED, GVIRT_DOMAIN_STOPPED_FAILED, GVIRT_DOMAIN_STATE_REASON_FAILED },
    { GVIRT_DOMAIN_EVENT_CRASHED, GVIRT_DOMAIN_CRASHED_PANICKED, GVIRT_DOMAIN_STATE_REASON_PANICKED },
    /* no state change: the reason stays */
    { GVIRT_DOMAIN_EVENT_UPDATED, 0, GVIRT_DOMAIN_STATE_REASON_SAVING },
    { GVIRT_DOMAIN_EVENT_DEFINED, 0, GVIRT_DOMAIN_STATE_REASON_SAVING },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (_gvirt_state_reason_for_event (cases[i].kind, cases[i].reason,
                                                    GVIRT_DOMAIN_STATE_REASON_SAVING),
                     ==, cases[i].expected);
}

static void
test_state_reason_nicks (void)
{
  /* the words the qemu monitor writes are the nicks */
  g_assert_cmpstr (_gvirt_state_reason_to_nick (GVIRT_DOMAIN_STATE_REASON_DESTROYED), ==, "destroyed");
  g_assert_cmpstr (_gvirt_state_reason_to_nick (GVIRT_DOMAIN_STATE_REASON_SAVE_CANCELED), ==, "save-canceled");
  for (gint r = GVIRT_DOMAIN_STATE_REASON_UNKNOWN; r <= GVIRT_DOMAIN_STATE_REASON_PANICKED; r++)
    g_assert_cmpint (_gvirt_state_reason_from_nick (_gvirt_state_reason_to_nick (r)), ==, r);
  g_assert_cmpint (_gvirt_state_reason_from_nick (NULL), ==, GVIRT_DOMAIN_STATE_REASON_UNKNOWN);
  g_assert_cmpint (_gvirt_state_reason_from_nick ("no such reason"), ==, GVIRT_DOMAIN_STATE_REASON_UNKNOWN);
}

int
main (int argc, char **argv)
{
  gvirt_test_init (&argc, &argv);

#define QUEUE_TEST(path, func) \
  g_test_add ("/backend-common/event-queue/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  QUEUE_TEST ("order-after-unlock", test_queue_order_after_unlock);
  QUEUE_TEST ("from-handler", test_queue_from_handler);
  QUEUE_TEST ("drop", test_queue_drop);
  QUEUE_TEST ("waits-for-other-emitter", test_queue_waits_for_other_emitter);
  QUEUE_TEST ("nowait", test_queue_nowait);
#undef QUEUE_TEST

  g_test_add_func ("/backend-common/atomic-file/replaces", test_atomic_replaces);
  g_test_add_func ("/backend-common/atomic-file/temp-names", test_atomic_temp_names);
  g_test_add_func ("/backend-common/atomic-file/stale-cleanup", test_atomic_stale_cleanup);
  g_test_add_func ("/backend-common/atomic-file/failure-keeps-old", test_atomic_failure_keeps_old);

  g_test_add_func ("/backend-common/names/check", test_names_check);
  g_test_add_func ("/backend-common/uuid/parse", test_uuid_parse);
  g_test_add_func ("/backend-common/uuid/random", test_uuid_random);
  g_test_add_func ("/backend-common/uuid/for-definition", test_uuid_for_definition);

  g_test_add_func ("/backend-common/dirs/layout", test_dirs_layout);
  g_test_add_func ("/backend-common/dirs/make", test_dirs_make);

  g_test_add_func ("/backend-common/read/bounded", test_read_bounded);
  g_test_add_func ("/backend-common/state-reason/for-event", test_state_reason_for_event);
  g_test_add_func ("/backend-common/state-reason/nicks", test_state_reason_nicks);

  return gvirt_test_run ();
}
