/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Finding and loading backend modules for a URI scheme, the way GIO loads its own modules. */
#include "config.h"

#include "gvirt-backend-loader-private.h"
#include "gvirt-error.h"
#include "gvirt-i18n-private.h"

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

static gpointer
load_modules_once (gpointer data)
{
  g_auto(GStrv) dirs = backend_directories ();
  GIOExtensionPoint *ep;

  ep = g_io_extension_point_register (GVIRT_BACKEND_EXTENSION_POINT_NAME);
  g_io_extension_point_set_required_type (ep, GVIRT_TYPE_BACKEND);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      GIOModuleScope *scope = g_io_module_scope_new (G_IO_MODULE_SCOPE_BLOCK_DUPLICATES);
      /* The modules stay loaded for the life of the process, as GIO's own. */
      GList *modules = g_io_modules_load_all_in_directory_with_scope (dirs[i], scope);

      g_list_free (modules);
      g_io_module_scope_free (scope);
    }
  return NULL;
}

GVirtBackend *
_gvirt_backend_new_for_scheme (const char  *scheme,
                               GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  GIOExtension *extension;

  g_once (&once, load_modules_once, NULL);

  extension = g_io_extension_point_get_extension_by_name (
      g_io_extension_point_lookup (GVIRT_BACKEND_EXTENSION_POINT_NAME), scheme);
  if (extension == NULL)
    {
      g_auto(GStrv) dirs = backend_directories ();
      g_autofree char *searched = g_strjoinv (", ", dirs);

      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_BACKEND,
                   _("No backend serves the URI scheme “%s” (searched %s; set GVIRT_BACKEND_PATH to change)."),
                   scheme, searched);
      return NULL;
    }

  return g_object_new (g_io_extension_get_type (extension), NULL);
}
