/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Writes and checks the test backend's saved-domain images. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-atomic-file-private.h"
#include "gvirt-backend-read-private.h"
#include "gvirt-test-save-private.h"

/*
 * An image is text:
 *
 *   GVirtTestSave1\n
 *   sha256 <64 hex digits>\n        checksum of everything after this line
 *   state running|paused\n
 *   length <N>\n                    bytes of domain XML
 *   \n
 *   <N bytes of domain XML>
 */

/* Saved images are small; anything bigger is not one of ours. */
#define MAX_IMAGE_SIZE (32 * 1024 * 1024)

gboolean
_gvirt_test_save_write (const char        *path,
                        const char        *domain_xml,
                        GVirtDomainState   state,
                        GError           **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) image = g_string_new (NULL);
  g_autofree char *sum = NULL;

  g_string_append_printf (body, "state %s\nlength %" G_GSIZE_FORMAT "\n\n",
                          state == GVIRT_DOMAIN_STATE_PAUSED ? "paused" : "running",
                          strlen (domain_xml));
  g_string_append (body, domain_xml);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) body->str, body->len);

  g_string_append_printf (image, "%s\nsha256 %s\n", GVIRT_TEST_SAVE_MAGIC, sum);
  g_string_append_len (image, body->str, body->len);

  /* No fsync (), as libvirt's test driver: the node is a fake one, and
   * syncing made a save cost 0.9 ms instead of 0.1 in bench-node. */
  return _gvirt_backend_write_file (path, image->str, image->len, 0666, GVIRT_BACKEND_SYNC_NONE, error);
}

static gboolean
corrupt (const char *path, const char *why, GError **error)
{
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
               _("The saved domain image “%s” is damaged: %s"), path, why);
  return FALSE;
}

/* Takes one "\n"-terminated line from *cursor; NULL when there is none. */
static char *
take_line (const char **cursor, const char *end)
{
  const char *nl = memchr (*cursor, '\n', end - *cursor);
  char *line;

  if (nl == NULL)
    return NULL;
  line = g_strndup (*cursor, nl - *cursor);
  *cursor = nl + 1;
  return line;
}

gboolean
_gvirt_test_save_read (const char        *path,
                       char             **domain_xml,
                       GVirtDomainState  *state,
                       GError           **error)
{
  g_autofree char *data = NULL;
  g_autofree char *magic = NULL, *sum_line = NULL, *state_line = NULL, *len_line = NULL, *blank = NULL;
  g_autofree char *sum = NULL;
  g_autoptr(GError) local = NULL;
  const char *cursor, *end, *body;
  gsize len;
  guint64 xml_len;

  if (!_gvirt_backend_read_file (path, MAX_IMAGE_SIZE, &data, &len, &local))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Cannot read the saved domain image “%s”: %s"), path, local->message);
      return FALSE;
    }

  cursor = data;
  end = data + len;
  magic = take_line (&cursor, end);
  if (magic == NULL || !g_str_equal (magic, GVIRT_TEST_SAVE_MAGIC))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The file “%s” is not a saved domain image of the test hypervisor."), path);
      return FALSE;
    }

  sum_line = take_line (&cursor, end);
  if (sum_line == NULL || !g_str_has_prefix (sum_line, "sha256 ") || strlen (sum_line) != 7 + 64)
    return corrupt (path, _("its checksum line is missing or malformed."), error);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) cursor, end - cursor);
  if (g_ascii_strcasecmp (sum, sum_line + 7) != 0)
    return corrupt (path, _("its checksum does not match its content (truncated or modified)."), error);

  state_line = take_line (&cursor, end);
  len_line = take_line (&cursor, end);
  blank = take_line (&cursor, end);
  if (state_line == NULL || len_line == NULL || blank == NULL || *blank != '\0')
    return corrupt (path, _("its header is incomplete."), error);
  if (g_str_equal (state_line, "state running"))
    *state = GVIRT_DOMAIN_STATE_RUNNING;
  else if (g_str_equal (state_line, "state paused"))
    *state = GVIRT_DOMAIN_STATE_PAUSED;
  else
    return corrupt (path, _("it records an unknown domain state."), error);
  if (!g_str_has_prefix (len_line, "length ") ||
      !g_ascii_string_to_unsigned (len_line + 7, 10, 1, MAX_IMAGE_SIZE, &xml_len, NULL))
    return corrupt (path, _("its length field is malformed."), error);

  body = cursor;
  if ((guint64) (end - body) != xml_len || memchr (body, '\0', xml_len) != NULL)
    return corrupt (path, _("its domain description has the wrong length."), error);

  *domain_xml = g_strndup (body, xml_len);
  return TRUE;
}
