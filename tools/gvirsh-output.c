/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: virsh's table and field layouts, JSON output, lookups and argument helpers. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gvirsh.h"
#include "gvirsh-i18n.h"

/* Tables, laid out as virsh's vsh-table: a leading space, columns three
 * spaces apart, a dashed line under the header, the last column unpadded. */

struct _GvirshTable {
  GPtrArray *rows;  /* of GStrv, the header first */
};

static GStrv
collect_cells (const char *first, va_list ap)
{
  GStrvBuilder *b = g_strv_builder_new ();
  GStrv cells;

  for (const char *c = first; c != NULL; c = va_arg (ap, const char *))
    g_strv_builder_add (b, c);
  cells = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return cells;
}

GvirshTable *
gvirsh_table_new (const char *first_header, ...)
{
  GvirshTable *table = g_new0 (GvirshTable, 1);
  va_list ap;

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  va_start (ap, first_header);
  g_ptr_array_add (table->rows, collect_cells (first_header, ap));
  va_end (ap);
  return table;
}

void
gvirsh_table_add_row (GvirshTable *table, const char *first_cell, ...)
{
  va_list ap;

  va_start (ap, first_cell);
  g_ptr_array_add (table->rows, collect_cells (first_cell, ap));
  va_end (ap);
}

void
gvirsh_table_print (GvirshCtl *ctl, GvirshTable *table)
{
  GStrv header = g_ptr_array_index (table->rows, 0);
  guint n_cols = g_strv_length (header);
  g_autofree gsize *widths = g_new0 (gsize, n_cols);
  g_autoptr(GString) out = g_string_new (NULL);
  /* with -q virsh leaves the header out, and out of the column widths too */
  guint first = ctl->quiet ? 1 : 0;
  gsize total = 0;

  for (guint r = first; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < n_cols && row[c] != NULL; c++)
        widths[c] = MAX (widths[c], (gsize) g_utf8_strlen (row[c], -1));
    }
  for (guint c = 0; c < n_cols; c++)
    total += widths[c] + (c > 0 ? 3 : 0);

  for (guint r = first; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      g_string_append_c (out, ' ');
      for (guint c = 0; c < n_cols && row[c] != NULL; c++)
        {
          if (c > 0)
            g_string_append (out, "   ");
          g_string_append (out, row[c]);
          if (c + 1 < n_cols)
            for (gsize pad = g_utf8_strlen (row[c], -1); pad < widths[c]; pad++)
              g_string_append_c (out, ' ');
        }
      g_string_append_c (out, '\n');
      if (r == 0)
        {
          for (gsize k = 0; k < total + 3; k++)
            g_string_append_c (out, '-');
          g_string_append_c (out, '\n');
        }
    }
  fputs (out->str, stdout);
}

void
gvirsh_table_free (GvirshTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table);
}

/* "Name:           value", as virsh's "%-15s %s", padding by characters */
static void
print_field_valist (guint width, const char *label, const char *format, va_list ap)
{
  g_autofree char *value = g_strdup_vprintf (format, ap);
  glong len = g_utf8_strlen (label, -1);

  g_print ("%s%*s %s\n", label, len < (glong) width ? (int) (width - len) : 0, "", value);
}

void
gvirsh_print_field (const char *label, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  print_field_valist (15, label, format, ap);
  va_end (ap);
}

void
gvirsh_print_field_width (guint width, const char *label, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  print_field_valist (width, label, format, ap);
  va_end (ap);
}

void
gvirsh_print_info (GvirshCtl *ctl, const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list ap;

  if (ctl->quiet)
    return;
  va_start (ap, format);
  text = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_print ("%s\n", text);
}

/* The words virsh prints for a state (virshDomainStateToString). Not
 * translated: scripts parse `list` and `domstate` for them. */
const char *
gvirsh_domain_state_string (GVirtDomainState state)
{
  switch (state)
    {
    case GVIRT_DOMAIN_STATE_NOSTATE:     return "no state";
    case GVIRT_DOMAIN_STATE_RUNNING:     return "running";
    case GVIRT_DOMAIN_STATE_BLOCKED:     return "idle";
    case GVIRT_DOMAIN_STATE_PAUSED:      return "paused";
    case GVIRT_DOMAIN_STATE_SHUTDOWN:    return "in shutdown";
    case GVIRT_DOMAIN_STATE_SHUTOFF:     return "shut off";
    case GVIRT_DOMAIN_STATE_CRASHED:     return "crashed";
    case GVIRT_DOMAIN_STATE_PMSUSPENDED: return "pmsuspended";
    default:                             return "unknown";
    }
}

/* The words virsh prints for a reason (virshDomain*ReasonToString), in
 * `domstate --reason`; not translated either. GVirt's one enumeration has the
 * words of libvirt's per-state ones. */
const char *
gvirsh_domain_state_reason_string (GVirtDomainStateReason reason)
{
  switch (reason)
    {
    case GVIRT_DOMAIN_STATE_REASON_BOOTED:        return "booted";
    case GVIRT_DOMAIN_STATE_REASON_MIGRATED:      return "migrated";
    case GVIRT_DOMAIN_STATE_REASON_RESTORED:      return "restored";
    case GVIRT_DOMAIN_STATE_REASON_UNPAUSED:      return "unpaused";
    case GVIRT_DOMAIN_STATE_REASON_SAVE_CANCELED: return "save canceled";
    case GVIRT_DOMAIN_STATE_REASON_WAKEUP:        return "event wakeup";
    case GVIRT_DOMAIN_STATE_REASON_USER:          return "user";
    case GVIRT_DOMAIN_STATE_REASON_SAVING:        return "saving";
    case GVIRT_DOMAIN_STATE_REASON_IOERROR:       return "I/O error";
    case GVIRT_DOMAIN_STATE_REASON_WATCHDOG:      return "watchdog";
    case GVIRT_DOMAIN_STATE_REASON_SHUTDOWN:      return "shutdown";
    case GVIRT_DOMAIN_STATE_REASON_DESTROYED:     return "destroyed";
    case GVIRT_DOMAIN_STATE_REASON_CRASHED:       return "crashed";
    case GVIRT_DOMAIN_STATE_REASON_SAVED:         return "saved";
    case GVIRT_DOMAIN_STATE_REASON_FAILED:        return "failed";
    case GVIRT_DOMAIN_STATE_REASON_PANICKED:      return "panicked";
    case GVIRT_DOMAIN_STATE_REASON_UNKNOWN:
    default:                                      return "unknown";
    }
}

const char *
gvirsh_enum_nick (GType type, gint value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);
  const char *nick = v != NULL ? v->value_nick : "unknown";

  g_type_class_unref (klass);  /* enum classes stay alive once made */
  return nick;
}

JsonBuilder *
gvirsh_json_begin (void)
{
  return json_builder_new ();
}

void
gvirsh_json_print (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
  g_object_unref (builder);
}

/* Lookups: an id first when the argument is a number, then a UUID, then a
 * name, as virsh does. */

static gboolean
looks_like_uuid (const char *s)
{
  gsize hex = 0;

  for (const char *p = s; *p != '\0'; p++)
    {
      if (g_ascii_isxdigit (*p))
        hex++;
      else if (*p != '-')
        return FALSE;
    }
  return hex == 32;
}

static char *
canonical_uuid (const char *s)
{
  GString *out = g_string_new (NULL);
  gsize hex = 0;

  for (const char *p = s; *p != '\0'; p++)
    if (g_ascii_isxdigit (*p))
      {
        if (hex == 8 || hex == 12 || hex == 16 || hex == 20)
          g_string_append_c (out, '-');
        g_string_append_c (out, g_ascii_tolower (*p));
        hex++;
      }
  return g_string_free (out, FALSE);
}

GVirtDomain *
gvirsh_lookup_domain (GvirshCtl *ctl, const char *what, GError **error)
{
  GVirtConnection *conn = gvirsh_connection (ctl, error);
  GVirtDomain *dom = NULL;
  gint64 id;

  if (conn == NULL)
    return NULL;
  if (g_ascii_string_to_signed (what, 10, 0, G_MAXINT, &id, NULL))
    dom = gvirt_connection_find_domain_by_id (conn, (gint) id);
  if (dom == NULL && looks_like_uuid (what))
    {
      g_autofree char *uuid = canonical_uuid (what);

      dom = gvirt_connection_find_domain_by_uuid (conn, uuid);
    }
  if (dom == NULL)
    dom = gvirt_connection_find_domain_by_name (conn, what);
  if (dom == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_DOMAIN,
                 _("failed to get domain '%s': no domain has this name, id or UUID on %s "
                   "(see 'list --all')"), what, gvirt_connection_get_uri (conn));
  return dom;
}

GVirtNetwork *
gvirsh_lookup_network (GvirshCtl *ctl, const char *what, GError **error)
{
  GVirtConnection *conn = gvirsh_connection (ctl, error);
  GVirtNetwork *net = NULL;

  if (conn == NULL)
    return NULL;
  if (looks_like_uuid (what))
    {
      g_autofree char *uuid = canonical_uuid (what);

      net = gvirt_connection_find_network_by_uuid (conn, uuid);
    }
  if (net == NULL)
    net = gvirt_connection_find_network_by_name (conn, what);
  if (net == NULL)
    g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_NO_NETWORK,
                 _("failed to get network '%s': no network has this name or UUID on %s "
                   "(see 'net-list --all')"), what, gvirt_connection_get_uri (conn));
  return net;
}

/* A size in KiB unless it has a unit, as virsh's scaled integers:
 * b, k/KiB, KB, M/MiB, MB, G/GiB, GB, T/TiB, TB. */
gboolean
gvirsh_parse_size_kib (const char *text, guint64 *kib, GError **error)
{
  static const struct { const char *suffix; guint64 bytes; } units[] = {
    { "", 1024 }, { "b", 1 }, { "bytes", 1 },
    { "k", 1024 }, { "kib", 1024 }, { "kb", 1000 },
    { "m", 1024 * 1024 }, { "mib", 1024 * 1024 }, { "mb", 1000 * 1000 },
    { "g", 1024ull * 1024 * 1024 }, { "gib", 1024ull * 1024 * 1024 }, { "gb", 1000ull * 1000 * 1000 },
    { "t", 1024ull * 1024 * 1024 * 1024 }, { "tib", 1024ull * 1024 * 1024 * 1024 },
    { "tb", 1000ull * 1000 * 1000 * 1000 },
  };
  char *end = NULL;
  guint64 n;

  if (text[0] >= '0' && text[0] <= '9')
    {
      errno = 0;
      n = g_ascii_strtoull (text, &end, 10);
      if (errno == 0)
        for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
          if (g_ascii_strcasecmp (end, units[i].suffix) == 0)
            {
              if (n > G_MAXUINT64 / units[i].bytes)
                break;
              *kib = (n * units[i].bytes + 1023) / 1024;
              return TRUE;
            }
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("invalid size '%s': give a whole number of KiB, or a number with a unit such as 512M or 2GiB"),
               text);
  return FALSE;
}

/* The caller says what the file was for, in a whole sentence (see
 * gvirsh_rephrase_error()). */
gboolean
gvirsh_read_file (const char *path, char **contents, GError **error)
{
  return g_file_get_contents (path, contents, NULL, error);
}

const char *
gvirsh_error_reason (GError **error)
{
  return error != NULL && *error != NULL ? (*error)->message : "";
}

void
gvirsh_rephrase_error (GError **error, const char *format, ...)
{
  char *message;
  va_list ap;

  if (error == NULL || *error == NULL)
    return;
  /* the arguments may hold the old message: format before freeing it */
  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_free ((*error)->message);
  (*error)->message = message;
}
