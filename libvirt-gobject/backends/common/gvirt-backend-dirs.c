/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A node's config, runtime and state directories, and the files in them. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-backend-dirs-private.h"

void
_gvirt_backend_dirs_init (GVirtBackendDirs     *dirs,
                          const char           *scheme,
                          GVirtBackendNodeKind  kind,
                          const char           *root)
{
  g_return_if_fail (dirs != NULL);
  g_return_if_fail (scheme != NULL && *scheme != '\0');
  g_return_if_fail (root == NULL || g_path_is_absolute (root));

  if (root != NULL)
    {
      dirs->config_dir = g_build_filename (root, "config", NULL);
      dirs->runtime_dir = g_build_filename (root, "run", NULL);
      dirs->state_dir = g_build_filename (root, "lib", NULL);
    }
  else if (kind == GVIRT_BACKEND_NODE_SYSTEM)
    {
      dirs->config_dir = g_build_filename ("/etc/gvirt", scheme, NULL);
      dirs->runtime_dir = g_build_filename ("/run/gvirt", scheme, NULL);
      dirs->state_dir = g_build_filename ("/var/lib/gvirt", scheme, NULL);
    }
  else
    {
      dirs->config_dir = g_build_filename (g_get_user_config_dir (), "gvirt", scheme, NULL);
      dirs->runtime_dir = g_build_filename (g_get_user_runtime_dir (), "gvirt", scheme, NULL);
      dirs->state_dir = g_build_filename (g_get_user_cache_dir (), "gvirt", scheme, NULL);
    }
}

void
_gvirt_backend_dirs_clear (GVirtBackendDirs *dirs)
{
  g_clear_pointer (&dirs->config_dir, g_free);
  g_clear_pointer (&dirs->runtime_dir, g_free);
  g_clear_pointer (&dirs->state_dir, g_free);
}

gboolean
_gvirt_backend_make_dir (const char  *dir,
                         GError     **error)
{
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("Cannot create the directory “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
_gvirt_backend_dirs_make (const GVirtBackendDirs  *dirs,
                          GError                 **error)
{
  g_return_val_if_fail (dirs != NULL, FALSE);

  return _gvirt_backend_make_dir (dirs->config_dir, error) &&
         _gvirt_backend_make_dir (dirs->runtime_dir, error) &&
         _gvirt_backend_make_dir (dirs->state_dir, error);
}

char *
_gvirt_backend_file_path (const char *dir,
                          const char *name,
                          const char *ext)
{
  g_autofree char *file = NULL;

  g_return_val_if_fail (dir != NULL && name != NULL, NULL);

  file = g_strconcat (name, ext, NULL);
  return g_build_filename (dir, file, NULL);
}
