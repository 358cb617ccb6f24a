/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Atomic replacement of a backend's files (temp file + rename) and cleanup of crashed writes. */
#include "config.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-atomic-file-private.h"

static gboolean
write_all (int fd, const char *data, gsize length)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      done += n;
    }
  return TRUE;
}

/* Best effort: some file systems refuse fsync() on a directory, and the
 * file itself is in place by then. */
static void
sync_parent (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  if (fsync (fd) < 0)
    g_debug ("fsync (“%s”): %s", dir, g_strerror (errno));
  close (fd);
}

gboolean
_gvirt_backend_write_file (const char        *path,
                           const char        *data,
                           gssize             length,
                           int                mode,
                           GVirtBackendSync   sync,
                           GError           **error)
{
  g_autofree char *tmp = NULL;
  int fd, saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = strlen (data);
  tmp = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0)
    goto fail;
  if (!write_all (fd, data, length) ||
      (sync >= GVIRT_BACKEND_SYNC_FILE && fsync (fd) < 0))
    {
      saved_errno = errno;
      close (fd);
      goto fail_unlink;
    }
  if (close (fd) < 0 || g_rename (tmp, path) < 0)
    {
      saved_errno = errno;
      goto fail_unlink;
    }
  if (sync >= GVIRT_BACKEND_SYNC_DURABLE)
    sync_parent (path);
  return TRUE;

fail_unlink:
  g_unlink (tmp);
  errno = saved_errno;
fail:
  saved_errno = errno;
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
is_temp_char (char c)
{
  return g_ascii_isalnum (c);
}

gboolean
_gvirt_backend_is_temp_name (const char *basename,
                             const char *suffix)
{
  gsize len, suffix_len;
  const char *tail;

  g_return_val_if_fail (basename != NULL, FALSE);

  if (suffix == NULL)
    suffix = "";
  len = strlen (basename);
  suffix_len = strlen (suffix);
  if (strchr (basename, '/') != NULL || len <= suffix_len + GVIRT_BACKEND_TEMP_SUFFIX_LEN)
    return FALSE;
  tail = basename + len - GVIRT_BACKEND_TEMP_SUFFIX_LEN;
  if (tail[0] != '.')
    return FALSE;
  for (int i = 1; i < GVIRT_BACKEND_TEMP_SUFFIX_LEN; i++)
    if (!is_temp_char (tail[i]))
      return FALSE;
  return memcmp (tail - suffix_len, suffix, suffix_len) == 0;
}

guint
_gvirt_backend_remove_stale_temp_files (const char  *dir,
                                        const char  *suffix,
                                        guint        min_age_seconds,
                                        GError     **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  struct dirent *entry;
  guint removed = 0;
  DIR *d;

  g_return_val_if_fail (dir != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  d = opendir (dir);
  if (d == NULL)
    {
      if (errno != ENOENT)
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                     _("Cannot read the directory “%s”: %s"), dir, g_strerror (errno));
      return 0;
    }
  while ((entry = readdir (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!_gvirt_backend_is_temp_name (entry->d_name, suffix))
        continue;
      path = g_build_filename (dir, entry->d_name, NULL);
      if (g_lstat (path, &st) < 0 || !S_ISREG (st.st_mode))
        continue;
      if ((gint64) st.st_mtime > now - (gint64) min_age_seconds)
        continue;
      if (g_unlink (path) == 0)
        removed++;
      else
        g_debug ("Cannot remove the stale temp file “%s”: %s", path, g_strerror (errno));
    }
  closedir (d);
  return removed;
}
