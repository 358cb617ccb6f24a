/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Finding and loading backend modules for a URI scheme, the way GIO loads its own modules. */
#include "config.h"

#include "gvirt-backend-loader-private.h"
#include "gvirt-error.h"
#include "gvirt-i18n-private.h"

/*
 * A backend is a GIO module implementing the extension point
 * "gvirt-backend" under its URI scheme. The module named for the scheme,
 * libgvirt-backend-SCHEME.so, is loaded alone: a test:/// connection does
 * not map QEMU's or Xen's module and their libraries. A scheme with no such
 * file makes every module of the search path load once (a third-party
 * module may be named otherwise). Modules stay loaded for the life of the
 * process, as GIO's own.
 */

static GMutex loader_lock;
static GPtrArray *loaded_by_name;   /* basenames of the modules loaded for their scheme */

/* GVIRT_BACKEND_PATH (a search path) replaces the installed directory, so an
 * uninstalled build and its tests load the modules they just built. */
static char **
backend_directories (void)
{
  const char *path = g_getenv ("GVIRT_BACKEND_PATH");

  if (path != NULL && *path != '\0')
    return g_strsplit (path, G_SEARCHPATH_SEPARATOR_S, -1);
  return g_strsplit (GVIRT_BACKEND_DIR, G_SEARCHPATH_SEPARATOR_S, -1);
}

static GIOExtensionPoint *
extension_point (void)
{
  GIOExtensionPoint *ep = g_io_extension_point_lookup (GVIRT_BACKEND_EXTENSION_POINT_NAME);

  if (ep == NULL)
    {
      ep = g_io_extension_point_register (GVIRT_BACKEND_EXTENSION_POINT_NAME);
      g_io_extension_point_set_required_type (ep, GVIRT_TYPE_BACKEND);
    }
  return ep;
}

/* URI schemes are letters, digits, "+", "-" and "."; anything else could
 * name a file outside the module directories. */
static gboolean
scheme_is_file_safe (const char *scheme)
{
  if (*scheme == '\0' || *scheme == '.')
    return FALSE;
  for (const char *p = scheme; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

/* Loader lock held: the first libgvirt-backend-SCHEME.so of the search path. */
static void
load_module_named_for (const char *scheme,
                       char      **dirs)
{
  g_autofree char *file = NULL;

  if (!scheme_is_file_safe (scheme))
    return;
  file = g_strdup_printf ("libgvirt-backend-%s.%s", scheme, G_MODULE_SUFFIX);
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], file, NULL);
      GIOModule *module;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      module = g_io_module_new (path);
      /* In use for good: its types stay registered. */
      if (!g_type_module_use (G_TYPE_MODULE (module)))
        {
          g_warning ("Cannot load the backend module “%s”.", path);
          return;
        }
      if (loaded_by_name == NULL)
        loaded_by_name = g_ptr_array_new ();
      g_ptr_array_add (loaded_by_name, g_steal_pointer (&file));
      return;
    }
}

/* Loader lock held: every module of the search path, each basename once
 * (the first directory wins, as in any search path). */
static void
load_all_modules (char **dirs)
{
  static gboolean done;
  GIOModuleScope *scope;

  if (done)
    return;
  done = TRUE;
  scope = g_io_module_scope_new (G_IO_MODULE_SCOPE_BLOCK_DUPLICATES);
  for (guint i = 0; loaded_by_name != NULL && i < loaded_by_name->len; i++)
    g_io_module_scope_block (scope, g_ptr_array_index (loaded_by_name, i));
  for (guint i = 0; dirs[i] != NULL; i++)
    g_list_free (g_io_modules_load_all_in_directory_with_scope (dirs[i], scope));
  g_io_module_scope_free (scope);
}

GVirtBackend *
_gvirt_backend_new_for_scheme (const char  *scheme,
                               GError     **error)
{
  g_auto(GStrv) dirs = backend_directories ();
  GIOExtensionPoint *ep;
  GIOExtension *extension;

  g_mutex_lock (&loader_lock);
  ep = extension_point ();
  extension = g_io_extension_point_get_extension_by_name (ep, scheme);
  if (extension == NULL)
    {
      load_module_named_for (scheme, dirs);
      extension = g_io_extension_point_get_extension_by_name (ep, scheme);
    }
  if (extension == NULL)
    {
      load_all_modules (dirs);
      extension = g_io_extension_point_get_extension_by_name (ep, scheme);
    }
  g_mutex_unlock (&loader_lock);

  if (extension == NULL)
    {
      g_autofree char *searched = g_strjoinv (", ", dirs);

      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_BACKEND,
                   _("No backend serves the URI scheme “%s” (searched %s; set GVIRT_BACKEND_PATH to change)."),
                   scheme, searched);
      return NULL;
    }

  return g_object_new (g_io_extension_get_type (extension), NULL);
}
