/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The checks of domain and network names and UUIDs every backend makes. */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-backend-names-private.h"

/* The refusals, one set per kind of object, so each is a whole sentence to translate. */
typedef struct {
  const char *empty;
  const char *too_long;
  const char *bad_start;
  const char *bad_char;
} NameMessages;

static const NameMessages domain_messages = {
  N_("A domain needs a name."),
  N_("Domain names are at most %u bytes long; this one has %zu bytes."),
  N_("Domain names may not start with “.” or “-”, and “%s” does."),
  N_("Domain names may contain only letters, digits and “-_.+:”, and “%s” has other characters."),
};

static const NameMessages network_messages = {
  N_("A network needs a name."),
  N_("Network names are at most %u bytes long; this one has %zu bytes."),
  N_("Network names may not start with “.” or “-”, and “%s” does."),
  N_("Network names may contain only letters, digits and “-_.+:”, and “%s” has other characters."),
};

static gboolean
name_char_is_valid (char c)
{
  /* ASCII only: g_ascii_isalnum () is FALSE for every byte of a UTF-8 sequence. */
  return g_ascii_isalnum (c) || strchr ("-_.+:", c) != NULL;
}

static gboolean
check_name (const char          *name,
            const NameMessages  *msg,
            GError             **error)
{
  gsize len;

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, _(msg->empty));
      return FALSE;
    }
  len = strlen (name);
  if (len > GVIRT_BACKEND_NAME_MAX)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _(msg->too_long), (guint) GVIRT_BACKEND_NAME_MAX, len);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p++)
    if (!name_char_is_valid (*p))
      {
        /* Escaped, so a newline or a control character shows as \n, \001 … */
        g_autofree char *shown = g_strescape (name, NULL);
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, _(msg->bad_char), shown);
        return FALSE;
      }
  if (name[0] == '.' || name[0] == '-')
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, _(msg->bad_start), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
_gvirt_backend_check_name (const char  *name,
                           GError     **error)
{
  return check_name (name, &domain_messages, error);
}

gboolean
_gvirt_backend_check_network_name (const char  *name,
                                   GError     **error)
{
  return check_name (name, &network_messages, error);
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
