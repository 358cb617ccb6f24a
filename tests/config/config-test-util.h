/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Where the config tests find libvirt's own Relax-NG schemas. */
#pragma once

#include <glib.h>

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
