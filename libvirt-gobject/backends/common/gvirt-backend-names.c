/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The checks of domain and network names and UUIDs every backend makes. */
#include "config.h"

#include <limits.h>
#include <string.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-atomic-file-private.h"
#include "gvirt-backend-names-private.h"

/* NAME.xml.XXXXXX, the longest file name a name makes, fits in a directory entry. */
G_STATIC_ASSERT (GVIRT_BACKEND_NAME_MAX + sizeof ".xml" - 1 + GVIRT_BACKEND_TEMP_SUFFIX_LEN <= NAME_MAX);

static gboolean
name_is_valid (const char *name)
{
  return name[0] != '.' && strchr (name, '/') == NULL &&
         strlen (name) <= GVIRT_BACKEND_NAME_MAX;
}

gboolean
_gvirt_backend_check_name (const char  *name,
                           GError     **error)
{
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("A domain needs a name."));
      return FALSE;
    }
  if (!name_is_valid (name))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a valid domain name."), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
_gvirt_backend_check_network_name (const char  *name,
                                   GError     **error)
{
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("A network needs a name."));
      return FALSE;
    }
  if (!name_is_valid (name))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a valid network name."), name);
      return FALSE;
    }
  return TRUE;
}

/* The same rules as _gvirt_uuid_canonicalize() in libvirt-gobject/config/gvirt-xml-fields.c,
 * which the backends cannot call once the library hides its private symbols. */
gboolean
_gvirt_backend_uuid_parse (const char *text,
                           char        out[GVIRT_BACKEND_UUID_LEN + 1])
{
  static const guint dash_after[] = { 8, 12, 16, 20 };
  char hex[32];
  guint n = 0, o = 0, d = 0;

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isxdigit (*p))
        {
          if (n == 32)
            return FALSE;
          hex[n++] = g_ascii_tolower (*p);
        }
      else if (*p == '-' && (n == 8 || n == 12 || n == 16 || n == 20) && p[1] != '-')
        continue;
      else if (!g_ascii_isspace (*p) || (n != 0 && n != 32))
        return FALSE;
    }
  if (n != 32)
    return FALSE;
  for (guint i = 0; i < 32; i++)
    {
      if (d < G_N_ELEMENTS (dash_after) && i == dash_after[d])
        {
          out[o++] = '-';
          d++;
        }
      out[o++] = hex[i];
    }
  out[o] = '\0';
  return TRUE;
}

char *
_gvirt_backend_uuid_canonical (const char *text)
{
  char out[GVIRT_BACKEND_UUID_LEN + 1];

  if (!_gvirt_backend_uuid_parse (text, out))
    return NULL;
  return g_strdup (out);
}

char *
_gvirt_backend_uuid_random (void)
{
  return g_uuid_string_random ();
}

char *
_gvirt_backend_domain_uuid (const char  *given,
                            const char  *name,
                            GError     **error)
{
  char *uuid;

  if (given == NULL || *given == '\0')
    return _gvirt_backend_uuid_random ();
  uuid = _gvirt_backend_uuid_canonical (given);
  if (uuid == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                 _("The UUID “%s” of domain “%s” is not valid."), given, name);
  return uuid;
}

char *
_gvirt_backend_network_uuid (const char  *given,
                             const char  *name,
                             GError     **error)
{
  char *uuid;

  if (given == NULL || *given == '\0')
    return _gvirt_backend_uuid_random ();
  uuid = _gvirt_backend_uuid_canonical (given);
  if (uuid == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                 _("The UUID “%s” of network “%s” is not valid."), given, name);
  return uuid;
}
