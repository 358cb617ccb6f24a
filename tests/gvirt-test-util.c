/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers shared by the GTest suites: connections, main-context spinning, signal recording, fixtures, temp files. */
#include <string.h>
#include <glib/gstdio.h>

#include "gvirt-test-util.h"

static char *tmpdir;

void
gvirt_test_init (int *argc, char ***argv)
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks its per-test user dirs under valgrind. */
  g_test_init (argc, argv, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

int
gvirt_test_run (void)
{
  int ret = g_test_run ();

  if (tmpdir != NULL)
    remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
  return ret;
}

GVirtConnection *
gvirt_test_open (const char *uri, GVirtConnectionFlags flags)
{
  g_autoptr(GError) error = NULL;
  GVirtConnection *conn = gvirt_connection_open_sync (uri, flags, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (GVIRT_IS_CONNECTION (conn));
  return conn;
}

GVirtConnection *
gvirt_test_open_default (void)
{
  return gvirt_test_open (GVIRT_TEST_DEFAULT_URI, GVIRT_CONNECTION_NONE);
}

GVirtDomainConfig *
gvirt_test_domain_config (const char *name)
{
  GVirtDomainConfig *config = gvirt_domain_config_new_test (name, 131072);

  g_assert_nonnull (config);
  return config;
}

GVirtDomain *
gvirt_test_define (GVirtConnection *conn, const char *name)
{
  g_autoptr(GVirtDomainConfig) config = gvirt_test_domain_config (name);
  g_autoptr(GError) error = NULL;
  GVirtDomain *domain = gvirt_connection_define_domain_sync (conn, config, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (GVIRT_IS_DOMAIN (domain));
  return domain;
}

/* Main contexts */

static GMainContext *
context_or_default (GMainContext *context)
{
  return context != NULL ? context : g_main_context_get_thread_default ();
}

void
gvirt_test_flush (GMainContext *context)
{
  context = context_or_default (context);
  while (g_main_context_iteration (context, FALSE))
    ;
}

gboolean
gvirt_test_wait_for (GMainContext       *context,
                     GVirtTestCondition  condition,
                     gpointer            data,
                     guint               timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  context = context_or_default (context);
  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (context, FALSE))
        g_usleep (500);
    }
  return TRUE;
}

void
gvirt_test_async_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
slot_filled (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

GAsyncResult *
gvirt_test_await (GMainContext *context, GAsyncResult **slot)
{
  if (!gvirt_test_wait_for (context, slot_filled, slot, GVIRT_TEST_TIMEOUT_MS))
    g_error ("async call did not complete within %d ms", GVIRT_TEST_TIMEOUT_MS);
  return *slot;
}

/* Signal recording */

struct _GVirtTestRecorder
{
  GMutex     lock;
  GPtrArray *entries;   /* char* */
  GPtrArray *handlers;  /* Handler* */
};

typedef struct {
  GObject *instance;   /* weak */
  gulong   id;
} Handler;

typedef struct {
  GClosure           closure;
  GVirtTestRecorder *rec;
  char              *name;
} RecordClosure;

static void
append_value (GString *out, const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (G_VALUE_HOLDS_ENUM (value))
    g_string_append_printf (out, "%d", g_value_get_enum (value));
  else if (G_VALUE_HOLDS_FLAGS (value))
    g_string_append_printf (out, "%u", g_value_get_flags (value));
  else if (type == G_TYPE_INT)
    g_string_append_printf (out, "%d", g_value_get_int (value));
  else if (type == G_TYPE_UINT)
    g_string_append_printf (out, "%u", g_value_get_uint (value));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, g_value_get_boolean (value) ? "true" : "false");
  else if (type == G_TYPE_STRING)
    g_string_append (out, g_value_get_string (value) ? g_value_get_string (value) : "(null)");
  else if (G_VALUE_HOLDS_OBJECT (value))
    {
      GObject *object = g_value_get_object (value);
      if (object == NULL)
        g_string_append (out, "(null)");
      else if (g_object_class_find_property (G_OBJECT_GET_CLASS (object), "name") != NULL)
        {
          g_autofree char *name = NULL;
          g_object_get (object, "name", &name, NULL);
          g_string_append (out, name ? name : "(null)");
        }
      else
        g_string_append (out, G_OBJECT_TYPE_NAME (object));
    }
  else
    g_string_append (out, g_type_name (type));
}

static void
record_marshal (GClosure     *closure,
                GValue       *return_value,
                guint         n_param_values,
                const GValue *param_values,
                gpointer      invocation_hint,
                gpointer      marshal_data)
{
  RecordClosure *rc = (RecordClosure *) closure;
  GString *entry = g_string_new (rc->name);
  gboolean is_notify = g_str_has_prefix (rc->name, "notify");

  /* param_values[0] is the instance; a notify's GParamSpec is in the name. */
  if (n_param_values > 1 && !is_notify)
    {
      g_string_append_c (entry, '(');
      for (guint i = 1; i < n_param_values; i++)
        {
          if (i > 1)
            g_string_append_c (entry, ',');
          append_value (entry, &param_values[i]);
        }
      g_string_append_c (entry, ')');
    }

  g_mutex_lock (&rc->rec->lock);
  g_ptr_array_add (rc->rec->entries, g_string_free (entry, FALSE));
  g_mutex_unlock (&rc->rec->lock);
}

static void
record_closure_finalize (gpointer data, GClosure *closure)
{
  g_free (((RecordClosure *) closure)->name);
}

GVirtTestRecorder *
gvirt_test_recorder_new (void)
{
  GVirtTestRecorder *rec = g_new0 (GVirtTestRecorder, 1);

  g_mutex_init (&rec->lock);
  rec->entries = g_ptr_array_new_with_free_func (g_free);
  rec->handlers = g_ptr_array_new ();
  return rec;
}

void
gvirt_test_recorder_watch (GVirtTestRecorder *rec,
                           gpointer           instance,
                           const char        *detailed_signal)
{
  GClosure *closure = g_closure_new_simple (sizeof (RecordClosure), NULL);
  RecordClosure *rc = (RecordClosure *) closure;
  Handler *handler = g_new0 (Handler, 1);

  rc->rec = rec;
  rc->name = g_strdup (detailed_signal);
  g_closure_set_marshal (closure, record_marshal);
  g_closure_add_finalize_notifier (closure, NULL, record_closure_finalize);

  handler->instance = instance;
  g_object_add_weak_pointer (instance, (gpointer *) &handler->instance);
  handler->id = g_signal_connect_closure (instance, detailed_signal, closure, FALSE);
  g_assert_cmpuint (handler->id, >, 0);
  g_ptr_array_add (rec->handlers, handler);
}

void
gvirt_test_recorder_watch_domain (GVirtTestRecorder *rec, GVirtDomain *domain)
{
  static const char *const names[] = {
    "notify::id", "notify::state", "notify::persistent", "notify::autostart",
    "started", "suspended", "resumed", "stopped", "crashed",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    gvirt_test_recorder_watch (rec, domain, names[i]);
}

void
gvirt_test_recorder_watch_network (GVirtTestRecorder *rec, GVirtNetwork *network)
{
  static const char *const names[] = {
    "notify::active", "notify::persistent", "notify::autostart", "notify::bridge",
    "started", "stopped",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    gvirt_test_recorder_watch (rec, network, names[i]);
}

void
gvirt_test_recorder_clear (GVirtTestRecorder *rec)
{
  g_mutex_lock (&rec->lock);
  g_ptr_array_set_size (rec->entries, 0);
  g_mutex_unlock (&rec->lock);
}

char *
gvirt_test_recorder_dump (GVirtTestRecorder *rec)
{
  GString *out = g_string_new (NULL);

  g_mutex_lock (&rec->lock);
  for (guint i = 0; i < rec->entries->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      g_string_append (out, rec->entries->pdata[i]);
    }
  g_mutex_unlock (&rec->lock);
  return g_string_free (out, FALSE);
}

guint
gvirt_test_recorder_count (GVirtTestRecorder *rec, const char *entry)
{
  guint n = 0;

  g_mutex_lock (&rec->lock);
  for (guint i = 0; i < rec->entries->len; i++)
    if (g_str_equal (rec->entries->pdata[i], entry))
      n++;
  g_mutex_unlock (&rec->lock);
  return n;
}

void
gvirt_test_recorder_free (GVirtTestRecorder *rec)
{
  for (guint i = 0; i < rec->handlers->len; i++)
    {
      Handler *handler = rec->handlers->pdata[i];
      if (handler->instance != NULL)
        {
          g_signal_handler_disconnect (handler->instance, handler->id);
          g_object_remove_weak_pointer (handler->instance, (gpointer *) &handler->instance);
        }
      g_free (handler);
    }
  g_ptr_array_unref (rec->handlers);
  g_ptr_array_unref (rec->entries);
  g_mutex_clear (&rec->lock);
  g_free (rec);
}

/* Temp files */

const char *
gvirt_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;
      tmpdir = g_dir_make_tmp ("gvirt-test-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return tmpdir;
}

char *
gvirt_test_tmp_path (const char *basename)
{
  return g_build_filename (gvirt_test_tmpdir (), basename, NULL);
}

char *
gvirt_test_write_tmp_file (const char *basename, const char *contents, gssize length)
{
  g_autoptr(GError) error = NULL;
  char *path = gvirt_test_tmp_path (basename);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
gvirt_test_node_uri (const char *basename, const char *node_xml)
{
  g_autofree char *path = gvirt_test_write_tmp_file (basename, node_xml, -1);

  return g_strconcat ("test://", path, NULL);
}

/* Fixtures */

void
gvirt_test_connection_fixture_setup (GVirtTestConnectionFixture *f, gconstpointer data)
{
  f->conn = gvirt_test_open_default ();
  f->rec = gvirt_test_recorder_new ();
}

void
gvirt_test_connection_fixture_teardown (GVirtTestConnectionFixture *f, gconstpointer data)
{
  gvirt_test_recorder_free (f->rec);
  g_clear_object (&f->conn);
}

void
gvirt_test_domain_fixture_setup (GVirtTestDomainFixture *f, gconstpointer data)
{
  f->conn = gvirt_test_open_default ();
  f->dom = gvirt_connection_find_domain_by_name (f->conn, "test");
  g_assert_nonnull (f->dom);
  f->off = gvirt_test_define (f->conn, "off");
  f->rec = gvirt_test_recorder_new ();
}

void
gvirt_test_domain_fixture_teardown (GVirtTestDomainFixture *f, gconstpointer data)
{
  gvirt_test_recorder_free (f->rec);
  g_clear_object (&f->dom);
  g_clear_object (&f->off);
  g_clear_object (&f->conn);
}
