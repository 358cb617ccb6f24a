/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Bounded reads of regular files: node descriptions and images a user names. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-backend-read-private.h"

static gboolean
fail_errno (int saved_errno, GError **error)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

static gboolean
check_stat (const struct stat *st, gsize max_size, GError **error)
{
  if (!S_ISREG (st->st_mode))
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           _("It is not a regular file."));
      return FALSE;
    }
  if ((guint64) st->st_size > max_size)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("It is larger than %" G_GSIZE_FORMAT " MiB."), max_size / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

/* After the open: the file may have been replaced or may grow meanwhile. */
static gboolean
read_fd (int fd, gsize max_size, char **contents, gsize *length, GError **error)
{
  g_autofree char *buf = NULL;
  struct stat st;
  gsize size, done = 0;

  if (fstat (fd, &st) < 0)
    return fail_errno (errno, error);
  if (!check_stat (&st, max_size, error))
    return FALSE;

  /* one byte more than allowed tells a file that grew past the limit */
  size = MIN ((gsize) st.st_size, max_size) + 1;
  buf = g_malloc (size + 1);
  for (;;)
    {
      gssize n = read (fd, buf + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return fail_errno (errno, error);
      if (n == 0)
        break;
      done += n;
      if (done > max_size)
        {
          st.st_size = done;
          return check_stat (&st, max_size, error);
        }
      if (done == size)
        {
          size = MIN (size * 2, max_size + 1);
          buf = g_realloc (buf, size + 1);
        }
    }
  buf[done] = '\0';
  *contents = g_steal_pointer (&buf);
  if (length != NULL)
    *length = done;
  return TRUE;
}

gboolean
_gvirt_backend_read_file (const char  *path,
                          gsize        max_size,
                          char       **contents,
                          gsize       *length,
                          GError     **error)
{
  struct stat st;
  gboolean ok;
  int fd;

  /* stat first: a device is refused without opening it */
  if (stat (path, &st) < 0)
    return fail_errno (errno, error);
  if (!check_stat (&st, max_size, error))
    return FALSE;
  /* O_NONBLOCK: a FIFO put in its place meanwhile cannot block the open */
  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    return fail_errno (errno, error);
  ok = read_fd (fd, max_size, contents, length, error);
  close (fd);
  return ok;
}
