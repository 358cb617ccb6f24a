/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Where the config tests find libvirt's own Relax-NG schemas. */
#pragma once

#include <glib-object.h>

/* libvirt's schema @name from the corpus or Debian's libvirt0, or NULL. */
static inline char *
config_test_libvirt_schema (const char *name)
{
  const char *corpus = g_getenv ("GVIRT_CORPUS_DIR");
  char *path;

  if (corpus != NULL)
    {
      path = g_build_filename (corpus, "schemas", name, NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
  path = g_build_filename ("/usr/share/libvirt/schemas", name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  g_free (path);
  return NULL;
}

/* Records the name of every property of @object that notifies, in @names
 * (a set of static strings), so that a test can show it set them all. */
static inline void
config_test_notify_cb (GObject    *object,
                       GParamSpec *pspec,
                       gpointer    names)
{
  g_hash_table_add (names, (gpointer) g_param_spec_get_name (pspec));
}

static inline void
config_test_track_notify (gpointer    object,
                          GHashTable *names)
{
  g_signal_connect (object, "notify", G_CALLBACK (config_test_notify_cb), names);
}

/* Fails naming each writable property of @type that is not in @names. */
static inline void
config_test_assert_all_set (GType       type,
                            GHashTable *names)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n, i;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);

  for (i = 0; i < n; i++)
    if ((pspecs[i]->flags & G_PARAM_WRITABLE) != 0 &&
        !g_hash_table_contains (names, g_param_spec_get_name (pspecs[i])))
      g_string_append_printf (missing, " %s", g_param_spec_get_name (pspecs[i]));
  if (missing->len > 0)
    g_error ("%s: properties the test never set:%s", g_type_name (type), missing->str);
}

/* Fails, with @what, the schema's message and the document, unless @valid. */
static inline void
config_test_assert_valid (const char *what,
                          const char *schema,
                          gboolean    valid,
                          GError     *error,
                          const char *xml)
{
  if (!valid)
    g_error ("%s: %s: %s\n%s", what, schema, error != NULL ? error->message : "(no message)", xml);
}
