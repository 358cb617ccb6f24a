/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Values (UUIDs, CPU sets, scaled sizes) and the field tables that read and write them in place. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include <string.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"
#include "libvirt-gobject/config/gvirt-domain-config.h"

/* ---- Values --------------------------------------------------------------- */

gboolean
_gvirt_uuid_canonicalize (const char *in,
                          char        out[37])
{
  static const int dash_after[] = { 8, 12, 16, 20 };
  char hex[33];
  guint n = 0, i, o = 0, d = 0;
  const char *p;

  if (in == NULL)
    return FALSE;
  for (p = in; *p != '\0'; p++)
    {
      if (g_ascii_isxdigit (*p))
        {
          if (n == 32)
            return FALSE;
          hex[n++] = g_ascii_tolower (*p);
        }
      else if (*p == '-' && (n == 8 || n == 12 || n == 16 || n == 20) &&
               p[1] != '-')
        continue;
      else if (!g_ascii_isspace (*p) || (n != 0 && n != 32))
        return FALSE;
    }
  if (n != 32)
    return FALSE;
  for (i = 0; i < 32; i++)
    {
      if (d < G_N_ELEMENTS (dash_after) && i == (guint) dash_after[d])
        {
          out[o++] = '-';
          d++;
        }
      out[o++] = hex[i];
    }
  out[o] = '\0';
  return TRUE;
}

gboolean
_gvirt_cpuset_is_valid (const char *text)
{
  const char *p = text;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  for (;;)
    {
      gboolean negated = *p == '^';

      if (negated)
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '-' && !negated)
        {
          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            p++;
        }
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        return TRUE;
      if (*p != ',')
        return FALSE;
      p++;
      while (g_ascii_isspace (*p))
        p++;
    }
}

/* @text without the white space around it: @text itself when it has none,
 * else a trimmed copy in *@copy. */
static const char *
trimmed (const char *text,
         char      **copy)
{
  gsize len = strlen (text);

  *copy = NULL;
  if (len == 0 || (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[len - 1])))
    return text;
  *copy = g_strstrip (g_strdup (text));
  return *copy;
}

static gboolean
parse_decimal (const char *text,
               guint64    *value)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  text = trimmed (text, &copy);
  return text[0] != '\0' && text[0] != '-' && text[0] != '+' &&
         g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, value, NULL);
}

/* The number of bytes one @unit stands for, by libvirt's rules: b, bytes;
 * k/KiB (1024), KB (1000); the same for M G T P E. */
static gboolean
unit_scale (const char *unit,
            guint64    *scale)
{
  static const char powers[] = "bkmgtpe";
  const char *p;
  guint64 base = 1024;
  guint i, power;

  if (g_ascii_strcasecmp (unit, "bytes") == 0 || g_ascii_strcasecmp (unit, "byte") == 0)
    power = 0;
  else
    {
      p = strchr (powers, g_ascii_tolower (unit[0]));
      if (p == NULL || unit[0] == '\0')
        return FALSE;
      power = p - powers;
      if (unit[1] == '\0' || g_ascii_strcasecmp (unit + 1, "iB") == 0)
        base = 1024;
      else if (power > 0 && g_ascii_tolower (unit[1]) == 'b' && unit[2] == '\0')
        base = 1000;
      else
        return FALSE;
    }
  *scale = 1;
  for (i = 0; i < power; i++)
    *scale *= base;
  return TRUE;
}

gboolean
_gvirt_parse_scaled_kib (const char *text,
                         const char *unit,
                         guint64    *kib)
{
  guint64 value, scale;

  if (!parse_decimal (text, &value))
    return FALSE;
  if (unit == NULL || *unit == '\0')
    {
      *kib = value;
      return TRUE;
    }
  if (!unit_scale (unit, &scale))
    return FALSE;
  if (value != 0 && scale > G_MAXUINT64 / value)
    return FALSE;
  value *= scale;
  *kib = value / 1024 + (value % 1024 != 0);
  return TRUE;
}

/* The number and the unit= that write @kib: the element's own @unit when
 * the value is a whole number of it (so <memory unit='GiB'>2</memory> set
 * to 3 GiB reads 3 GiB), else the largest of KiB, MiB … EiB that holds it
 * whole (1.5 GiB is 1536 MiB). The unit comes back NULL when @unit is kept
 * as it is written. */
static void
scaled_in_unit (guint64      kib,
                const char  *unit,
                guint64     *number,
                const char **new_unit)
{
  static const char *const binary[] = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
  guint64 scale;
  guint i;

  if (unit_scale (unit, &scale) && kib <= G_MAXUINT64 / 1024 && (kib * 1024) % scale == 0)
    {
      *number = kib * 1024 / scale;
      *new_unit = NULL;
      return;
    }
  for (i = 0; i + 1 < G_N_ELEMENTS (binary) && kib != 0 && kib % 1024 == 0; i++)
    kib /= 1024;
  *number = kib;
  *new_unit = binary[i];
}

/* ---- Fields --------------------------------------------------------------- */

static xmlNodePtr
field_node (xmlNodePtr        node,
            const GVirtField *field,
            gboolean          create)
{
  return field->path ? _gvirt_xml_lookup (node, field->path, create) : node;
}

/* The text of @field at @target, the field's element (not NULL). */
static const char *
field_text (xmlNodePtr        target,
            const GVirtField *field)
{
  if (field->kind == GVIRT_FIELD_PRESENT)
    return (const char *) target->name;
  return field->attr ? _gvirt_xml_attr (target, field->attr) : _gvirt_xml_text (target);
}

const char *
_gvirt_field_get_string (xmlNodePtr        node,
                         const GVirtField *field)
{
  xmlNodePtr target = field_node (node, field, FALSE);

  return target != NULL ? field_text (target, field) : NULL;
}

static void
field_remove (xmlNodePtr        node,
              const GVirtField *field)
{
  xmlNodePtr target = field_node (node, field, FALSE);

  if (target == NULL)
    return;
  _gvirt_xml_node_changed (node);
  if (field->attr != NULL)
    xmlUnsetProp (target, (const xmlChar *) field->attr);
  else if (target != node)
    {
      _gvirt_xml_set_text (target, NULL);
      if (field->kind == GVIRT_FIELD_PRESENT || target->children == NULL)
        {
          /* remove the element itself unless it carries more than the
           * value; the attributes of a scaled value (unit=, and slots= of
           * <maxMemory>) only qualify it and go with it */
          if (target->properties == NULL || field->kind == GVIRT_FIELD_PRESENT ||
              field->kind == GVIRT_FIELD_SCALED)
            {
              xmlNodePtr parent = target->parent;

              xmlUnlinkNode (target);
              xmlFreeNode (target);
              target = parent;
            }
        }
    }
  if (target != node)
    _gvirt_xml_prune (target, node);
}

static gboolean
field_write (xmlNodePtr        node,
             const GVirtField *field,
             const char       *value)
{
  const char *old = _gvirt_field_get_string (node, field);
  xmlNodePtr target;

  if (value == NULL)
    {
      if (old == NULL)
        return FALSE;
      field_remove (node, field);
      return TRUE;
    }
  if (old != NULL && strcmp (old, value) == 0)
    return FALSE;
  _gvirt_xml_node_changed (node);
  target = field_node (node, field, TRUE);
  if (field->attr != NULL)
    xmlSetProp (target, (const xmlChar *) field->attr, (const xmlChar *) value);
  else
    _gvirt_xml_set_text (target, value);
  return TRUE;
}

gboolean
_gvirt_field_set_string (xmlNodePtr        node,
                         const GVirtField *field,
                         const char       *value)
{
  char uuid[37];

  if (field->kind == GVIRT_FIELD_UUID && value != NULL)
    {
      g_return_val_if_fail (_gvirt_uuid_canonicalize (value, uuid), FALSE);
      value = uuid;
    }
  if (field->kind == GVIRT_FIELD_CPUSET && value != NULL)
    g_return_val_if_fail (_gvirt_cpuset_is_valid (value), FALSE);
  return field_write (node, field, value);
}

/* The class of an enum field's type. Enum classes of static types live as
 * long as the process: the reference taken the first time is kept. */
static GEnumClass *
field_enum_class (const GVirtField *field)
{
  GType type = field->enum_type ();
  gpointer klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

/* Parses @text, the value of @field found at @target (the field's element). */
static gboolean
field_parse (xmlNodePtr        target,
             const GVirtField *field,
             const char       *text,
             gint64           *out)
{
  guint64 u;

  switch (field->kind)
    {
    case GVIRT_FIELD_INT:
      {
        g_autofree char *copy = NULL;

        return g_ascii_string_to_signed (trimmed (text, &copy), 10, -1, G_MAXINT, out, NULL);
      }
    case GVIRT_FIELD_UINT:
      if (!parse_decimal (text, &u) || u > G_MAXUINT)
        return FALSE;
      *out = (gint64) u;
      return TRUE;
    /* the guint64 in the gint64's bits: _gvirt_field_get_uint64() casts back */
    case GVIRT_FIELD_UINT64:
      if (!parse_decimal (text, &u))
        return FALSE;
      *out = (gint64) u;
      return TRUE;
    case GVIRT_FIELD_SCALED:
      {
        const char *unit = field->attr ? NULL : _gvirt_xml_attr (target, "unit");

        if (!_gvirt_parse_scaled_kib (text, unit, &u))
          return FALSE;
        *out = (gint64) u;
        return TRUE;
      }
    case GVIRT_FIELD_PRESENT:
      *out = TRUE;
      return TRUE;
    case GVIRT_FIELD_YESNO:
    case GVIRT_FIELD_ONOFF:
      if (g_strcmp0 (text, "yes") == 0 || g_strcmp0 (text, "on") == 0)
        *out = TRUE;
      else if (g_strcmp0 (text, "no") == 0 || g_strcmp0 (text, "off") == 0)
        *out = FALSE;
      else
        return FALSE;
      return TRUE;
    case GVIRT_FIELD_ENUM:
      {
        GEnumClass *klass = field_enum_class (field);
        g_autofree char *copy = NULL;
        GEnumValue *v = g_enum_get_value_by_nick (klass, trimmed (text, &copy));

        if (v == NULL)
          v = g_enum_get_value_by_nick (klass, "other");
        if (v != NULL)
          *out = v->value;
        return v != NULL;
      }
    case GVIRT_FIELD_STRING:
    case GVIRT_FIELD_UUID:
    case GVIRT_FIELD_CPUSET:
    default:
      return FALSE;
    }
}

static gint64
field_get_number (xmlNodePtr        node,
                  const GVirtField *field)
{
  xmlNodePtr target = field_node (node, field, FALSE);
  const char *text = target != NULL ? field_text (target, field) : NULL;
  gint64 value;

  if (text == NULL || !field_parse (target, field, text, &value))
    return field->def;
  return value;
}

static gboolean
field_set_number (xmlNodePtr        node,
                  const GVirtField *field,
                  gint64            value)
{
  char buf[32];

  gint64 old = field_get_number (node, field);

  if ((field->flags & GVIRT_FIELD_FLAG_REMOVE_DEFAULT) && value == field->def)
    {
      field_write (node, field, NULL);
      return old != value;
    }
  if (_gvirt_field_get_string (node, field) != NULL && old == value)
    return FALSE;

  switch (field->kind)
    {
    case GVIRT_FIELD_PRESENT:
      if (!value)
        return field_write (node, field, NULL);
      field_node (node, field, TRUE);
      return TRUE;
    case GVIRT_FIELD_YESNO:
      return field_write (node, field, value ? "yes" : "no") && old != value;
    case GVIRT_FIELD_ONOFF:
      return field_write (node, field, value ? "on" : "off") && old != value;
    case GVIRT_FIELD_ENUM:
      {
        GEnumValue *v = g_enum_get_value (field_enum_class (field), (gint) value);

        if (v == NULL || strcmp (v->value_nick, "other") == 0)
          return FALSE;
        return field_write (node, field, v->value_nick) && old != value;
      }
    case GVIRT_FIELD_SCALED:
      {
        xmlNodePtr target;
        const char *unit = NULL;
        guint64 number = (guint64) value;

        target = field_node (node, field, FALSE);
        if (target != NULL && field->attr == NULL)
          unit = _gvirt_xml_attr (target, "unit");
        if (unit != NULL)
          scaled_in_unit (number, unit, &number, &unit);
        g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, number);
        field_write (node, field, buf);
        if (unit != NULL)
          {
            _gvirt_xml_node_changed (target);
            xmlSetProp (target, (const xmlChar *) "unit", (const xmlChar *) unit);
          }
        return old != value;
      }
    case GVIRT_FIELD_UINT64:
      g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, (guint64) value);
      return field_write (node, field, buf) && old != value;
    case GVIRT_FIELD_INT:
    case GVIRT_FIELD_UINT:
      g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
      return field_write (node, field, buf) && old != value;
    case GVIRT_FIELD_STRING:
    case GVIRT_FIELD_UUID:
    case GVIRT_FIELD_CPUSET:
    default:
      g_return_val_if_reached (FALSE);
    }
}

guint64
_gvirt_field_get_uint64 (xmlNodePtr        node,
                         const GVirtField *field)
{
  return (guint64) field_get_number (node, field);
}

gboolean
_gvirt_field_set_uint64 (xmlNodePtr        node,
                         const GVirtField *field,
                         guint64           value)
{
  /* any value is written as it is: the document, not the setter, is
   * checked (_gvirt_fields_check, a backend's define) */
  return field_set_number (node, field, (gint64) value);
}

gint
_gvirt_field_get_int (xmlNodePtr        node,
                      const GVirtField *field)
{
  return (gint) field_get_number (node, field);
}

gboolean
_gvirt_field_set_int (xmlNodePtr        node,
                      const GVirtField *field,
                      gint              value)
{
  return field_set_number (node, field, value);
}

void
_gvirt_fields_install (GObjectClass     *klass,
                       const GVirtField *fields,
                       guint             n_props,
                       GParamSpec      **properties)
{
  guint i;

  for (i = 1; i < n_props; i++)
    {
      const GVirtField *f = &fields[i];
      GParamFlags flags = G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY |
                          ((f->flags & GVIRT_FIELD_FLAG_READ_ONLY) ? G_PARAM_READABLE
                                                                  : G_PARAM_READWRITE);

      g_assert (f->name != NULL);
      switch (f->kind)
        {
        case GVIRT_FIELD_STRING:
        case GVIRT_FIELD_UUID:
        case GVIRT_FIELD_CPUSET:
          properties[i] = g_param_spec_string (f->name, NULL, f->blurb, NULL, flags);
          break;
        case GVIRT_FIELD_INT:
          properties[i] = g_param_spec_int (f->name, NULL, f->blurb, -1, G_MAXINT,
                                            (gint) f->def, flags);
          break;
        case GVIRT_FIELD_UINT:
          properties[i] = g_param_spec_uint (f->name, NULL, f->blurb, 0, G_MAXUINT,
                                             (guint) f->def, flags);
          break;
        case GVIRT_FIELD_UINT64:
        case GVIRT_FIELD_SCALED:
          properties[i] = g_param_spec_uint64 (f->name, NULL, f->blurb, 0, G_MAXUINT64,
                                               (guint64) f->def, flags);
          break;
        case GVIRT_FIELD_PRESENT:
        case GVIRT_FIELD_YESNO:
        case GVIRT_FIELD_ONOFF:
          properties[i] = g_param_spec_boolean (f->name, NULL, f->blurb, f->def != 0, flags);
          break;
        case GVIRT_FIELD_ENUM:
          properties[i] = g_param_spec_enum (f->name, NULL, f->blurb, f->enum_type (),
                                             (gint) f->def, flags);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (n_props > 1)
    g_object_class_install_properties (klass, n_props, properties);
}

gboolean
_gvirt_fields_get_property (xmlNodePtr        node,
                            const GVirtField *fields,
                            guint             n_props,
                            guint             prop_id,
                            GValue           *value)
{
  const GVirtField *f;

  if (prop_id == 0 || prop_id >= n_props || fields[prop_id].name == NULL)
    return FALSE;
  f = &fields[prop_id];
  switch (f->kind)
    {
    case GVIRT_FIELD_STRING:
    case GVIRT_FIELD_UUID:
    case GVIRT_FIELD_CPUSET:
      g_value_set_string (value, _gvirt_field_get_string (node, f));
      break;
    case GVIRT_FIELD_INT:
      g_value_set_int (value, _gvirt_field_get_int (node, f));
      break;
    case GVIRT_FIELD_UINT:
      g_value_set_uint (value, (guint) _gvirt_field_get_uint64 (node, f));
      break;
    case GVIRT_FIELD_UINT64:
    case GVIRT_FIELD_SCALED:
      g_value_set_uint64 (value, _gvirt_field_get_uint64 (node, f));
      break;
    case GVIRT_FIELD_PRESENT:
    case GVIRT_FIELD_YESNO:
    case GVIRT_FIELD_ONOFF:
      g_value_set_boolean (value, _gvirt_field_get_uint64 (node, f) != 0);
      break;
    case GVIRT_FIELD_ENUM:
      g_value_set_enum (value, (gint) _gvirt_field_get_uint64 (node, f));
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

gboolean
_gvirt_fields_set_property (GObject          *object,
                            xmlNodePtr        node,
                            const GVirtField *fields,
                            GParamSpec      **properties,
                            guint             n_props,
                            guint             prop_id,
                            const GValue     *value)
{
  const GVirtField *f;
  gboolean changed;

  if (prop_id == 0 || prop_id >= n_props || fields[prop_id].name == NULL)
    return FALSE;
  f = &fields[prop_id];
  switch (f->kind)
    {
    case GVIRT_FIELD_STRING:
    case GVIRT_FIELD_UUID:
    case GVIRT_FIELD_CPUSET:
      changed = _gvirt_field_set_string (node, f, g_value_get_string (value));
      break;
    case GVIRT_FIELD_INT:
      changed = _gvirt_field_set_int (node, f, g_value_get_int (value));
      break;
    case GVIRT_FIELD_UINT:
      changed = _gvirt_field_set_uint64 (node, f, g_value_get_uint (value));
      break;
    case GVIRT_FIELD_UINT64:
    case GVIRT_FIELD_SCALED:
      changed = _gvirt_field_set_uint64 (node, f, g_value_get_uint64 (value));
      break;
    case GVIRT_FIELD_PRESENT:
    case GVIRT_FIELD_YESNO:
    case GVIRT_FIELD_ONOFF:
      changed = _gvirt_field_set_uint64 (node, f, g_value_get_boolean (value));
      break;
    case GVIRT_FIELD_ENUM:
      changed = _gvirt_field_set_uint64 (node, f, (guint64) g_value_get_enum (value));
      break;
    default:
      return FALSE;
    }
  if (changed)
    g_object_notify_by_pspec (object, properties[prop_id]);
  return TRUE;
}

/* Checks the values present under @node; canonicalises UUIDs in place. */
gboolean
_gvirt_fields_check (xmlNodePtr        node,
                     const GVirtField *fields,
                     guint             n_props,
                     GError          **error)
{
  guint i;

  for (i = 1; i < n_props; i++)
    {
      const GVirtField *f = &fields[i];
      const char *text;
      xmlNodePtr target;
      gint64 value;
      char uuid[37];
      gboolean ok;

      if (f->name == NULL || f->kind == GVIRT_FIELD_STRING || f->kind == GVIRT_FIELD_PRESENT)
        continue;
      target = field_node (node, f, FALSE);
      text = target != NULL ? field_text (target, f) : NULL;
      if (text == NULL)
        continue;
      if (f->kind == GVIRT_FIELD_UUID)
        {
          ok = _gvirt_uuid_canonicalize (text, uuid);
          if (ok && strcmp (uuid, text) != 0)
            field_write (node, f, uuid);
        }
      else if (f->kind == GVIRT_FIELD_CPUSET)
        ok = _gvirt_cpuset_is_valid (text);
      else
        ok = field_parse (target, f, text, &value);

      /* sizes are memory sizes (the only scaled fields): see GVIRT_MEMORY_KIB_MAX */
      if (ok && f->kind == GVIRT_FIELD_SCALED && (guint64) value > GVIRT_MEMORY_KIB_MAX)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                       _("line %d: the size “%s” in <%s> is larger than %" G_GUINT64_FORMAT " KiB"),
                       (int) xmlGetLineNo (target), text, (const char *) target->name,
                       GVIRT_MEMORY_KIB_MAX);
          return FALSE;
        }
      /* a value in a document: the document is wrong (a setter writes any value) */
      if (!ok && f->attr != NULL)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                       _("line %d: invalid value “%s” for attribute “%s” of <%s>"),
                       (int) xmlGetLineNo (target), text, f->attr, (const char *) target->name);
          return FALSE;
        }
      else if (!ok)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                       _("line %d: invalid value “%s” in <%s>"),
                       (int) xmlGetLineNo (target), text, (const char *) target->name);
          return FALSE;
        }
    }
  return TRUE;
}
