/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A domain definition the test node stores: its XML and the figures the node reports without parsing it. */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "libvirt-gobject/config/gvirt-xml-parse-private.h"
#include "gvirt-backend-names-private.h"
#include "gvirt-test-definition-private.h"
#include "gvirt-test-node-private.h"

/*
 * The node used to keep a GVirtDomainConfig per definition: an xmlDoc and
 * an object tree, some 20 KiB for a 1.3 KB domain. Most definitions are
 * only ever listed, started, stopped and written out, so the node keeps
 * the text and the few figures it reports, and parses the text again in
 * the rare calls that need a configuration object.
 */

/* No id="N" can be put in the XML (see scan_root_tag()). */
#define NO_ID_AT G_MAXSIZE

/* What a definition reports of its configuration. */
typedef struct {
  guint64 max_memory;
  guint64 memory;
  guint   vcpus;      /* <vcpu> */
  guint   online;     /* <vcpu current='n'>, else vcpus */
} Figures;

static void
read_figures (GVirtDomainConfig *config,
              Figures           *figures)
{
  guint current = gvirt_domain_config_get_current_vcpus (config);

  figures->max_memory = gvirt_domain_config_get_memory (config);
  figures->memory = gvirt_domain_config_get_current_memory (config);
  figures->vcpus = gvirt_domain_config_get_vcpus (config);
  figures->online = current != 0 ? current : figures->vcpus;
}

/*
 * Checks @config as a stored definition must be: a name, a valid UUID or
 * none, a memory size, a vCPU count the node can represent. *@uuid gets the
 * UUID the definition has (canonical, or a random one), @figures what it
 * reports. *@normal tells whether @config is a definition as it is: a
 * canonical UUID, no id, a current memory within the maximum.
 */
static gboolean
check_config (GVirtDomainConfig *config,
              char             **uuid,
              Figures           *figures,
              gboolean          *normal,
              GError           **error)
{
  const char *name = gvirt_domain_config_get_name (config);
  const char *given = gvirt_domain_config_get_uuid (config);

  if (!_gvirt_backend_check_name (name, error) ||
      (*uuid = _gvirt_backend_domain_uuid (given, name, error)) == NULL)
    return FALSE;

  read_figures (config, figures);
  if (figures->max_memory == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has no memory size."), name);
      g_clear_pointer (uuid, g_free);
      return FALSE;
    }

  if (figures->vcpus == 0 || figures->vcpus > GVIRT_TEST_MAX_CPUS)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” asks for %u virtual CPUs; the test hypervisor supports 1 to %u."),
                   name, figures->vcpus, GVIRT_TEST_MAX_CPUS);
      g_clear_pointer (uuid, g_free);
      return FALSE;
    }

  *normal = g_strcmp0 (given, *uuid) == 0 && gvirt_domain_config_get_id (config) == -1 &&
            figures->memory != 0 && figures->memory <= figures->max_memory;
  return TRUE;
}

/* Makes a checked @config a definition as it is, in place. */
static void
normalize_config (GVirtDomainConfig *config,
                  const char        *uuid,
                  Figures           *figures)
{
  if (g_strcmp0 (gvirt_domain_config_get_uuid (config), uuid) != 0)
    gvirt_domain_config_set_uuid (config, uuid);
  gvirt_domain_config_set_id (config, -1);
  /* As libvirt: a missing or excessive current memory is the maximum. */
  if (figures->memory == 0 || figures->memory > figures->max_memory)
    {
      gvirt_domain_config_set_current_memory (config, figures->max_memory);
      figures->memory = figures->max_memory;
    }
}

/*
 * Finds where the start tag of the <domain> element of @xml, as
 * gvirt_domain_config_to_xml() writes it, ends ('>' or '/>'): where the id
 * attribute of a running domain goes, after the others. *@has_id tells
 * whether the tag has one already. FALSE when @xml is not laid out so.
 */
static gboolean
scan_root_tag (const char *xml,
               gsize      *tag_end,
               gboolean   *has_id)
{
  const char *p = xml;

  /* comments and processing instructions before the root, one per line
   * (neither can hold its own end marker) */
  for (;;)
    {
      const char *end_marker = g_str_has_prefix (p, "<!--") ? "-->\n"
                             : g_str_has_prefix (p, "<?") ? "?>\n" : NULL;
      const char *end;

      if (end_marker == NULL)
        break;
      if ((end = strstr (p, end_marker)) == NULL)
        return FALSE;
      p = end + strlen (end_marker);
    }
  if (!g_str_has_prefix (p, "<domain"))
    return FALSE;
  p += strlen ("<domain");

  *has_id = FALSE;
  /* namespace declarations and attributes: name="value" or name='value' */
  while (*p == ' ')
    {
      const char *name = ++p;
      char quote;

      while (*p != '=' && *p != '\0')
        p++;
      if (*p != '=' || (p[1] != '"' && p[1] != '\''))
        return FALSE;
      if (p - name == 2 && strncmp (name, "id", 2) == 0)
        *has_id = TRUE;
      quote = p[1];
      p = strchr (p + 2, quote);
      if (p == NULL)
        return FALSE;
      p++;
    }
  if (*p != '>' && strncmp (p, "/>", 2) != 0)
    return FALSE;
  *tag_end = p - xml;
  return TRUE;
}

/*
 * Whether @xml is made of XML characters only, so that it parses back. Names
 * and values set through the API may hold control characters or bytes that
 * are not UTF-8; the writers copy them as they are.
 */
static gboolean
xml_chars_valid (const char *xml)
{
  const guchar *p;
  gboolean ascii = TRUE;

  for (p = (const guchar *) xml; *p != '\0'; p++)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
      ascii = ascii && *p < 0x80;
    }
  if (ascii)
    return TRUE;
  if (!g_utf8_validate (xml, -1, NULL))
    return FALSE;
  /* U+FFFE and U+FFFF, the two non-characters g_utf8_validate() lets by */
  return strstr (xml, "\xef\xbf\xbe") == NULL && strstr (xml, "\xef\xbf\xbf") == NULL;
}

/* One block for the figures and the strings. */
static GVirtTestDefinition *
definition_alloc (GVirtDomainConfig *config,
                  const char        *uuid,
                  const Figures     *figures,
                  const char        *xml,
                  gsize              id_at)
{
  const char *name = gvirt_domain_config_get_name (config);
  gsize name_len = strlen (name), uuid_len = strlen (uuid), xml_len = strlen (xml);
  GVirtTestDefinition *def = g_atomic_rc_box_alloc0 (sizeof (GVirtTestDefinition) +
                                                     name_len + uuid_len + xml_len + 3);
  char *strings = (char *) (def + 1);

  def->max_memory = figures->max_memory;
  def->memory = figures->memory;
  def->vcpus = figures->online;
  def->max_vcpus = figures->vcpus;
  def->name = memcpy (strings, name, name_len + 1);
  def->uuid = memcpy (strings + name_len + 1, uuid, uuid_len + 1);
  def->xml = memcpy (strings + name_len + uuid_len + 2, xml, xml_len + 1);
  def->id_at = id_at;
  def->quote = _gvirt_xml_detect_quote (xml, xml_len);
  if (!xml_chars_valid (xml))
    def->config = gvirt_domain_config_copy (config);
  return def;
}

/*
 * _gvirt_test_definition_new:
 * @config: a domain configuration, which stays as it is
 * @error: return location for a #GError
 *
 * Makes the definition @config gives, normalised: a name, a canonical UUID
 * (a random one when it has none), no id, a current memory within the
 * maximum. @config itself is not changed (it may keep the text it writes,
 * as gvirt_domain_config_to_xml() does), and may be read from any thread.
 *
 * Returns: (transfer full): the definition, or %NULL with @error set
 */
GVirtTestDefinition *
_gvirt_test_definition_new (GVirtDomainConfig  *config,
                            GError            **error)
{
  g_autoptr(GVirtDomainConfig) copy = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *xml = NULL;
  gboolean normal, has_id = FALSE;
  gsize id_at = NO_ID_AT;
  Figures figures;

  /* what the node keeps must parse back: no two disks on one target... */
  if (!gvirt_domain_config_check (config, error) ||
      !check_config (config, &uuid, &figures, &normal, error))
    return NULL;
  if (normal)
    {
      xml = gvirt_domain_config_to_xml (config);
      /* an id="-1" reads as no id */
      normal = !scan_root_tag (xml, &id_at, &has_id) || !has_id;
    }
  if (!normal)
    {
      copy = gvirt_domain_config_copy (config);
      normalize_config (copy, uuid, &figures);
      config = copy;
      g_free (xml);
      xml = gvirt_domain_config_to_xml (config);
      if (!scan_root_tag (xml, &id_at, &has_id) || has_id)
        id_at = NO_ID_AT;
    }
  return definition_alloc (config, uuid, &figures, xml, id_at);
}

GVirtTestDefinition *
_gvirt_test_definition_ref (GVirtTestDefinition *def)
{
  return g_atomic_rc_box_acquire (def);
}

static void
definition_clear (gpointer data)
{
  GVirtTestDefinition *def = data;

  g_clear_object (&def->config);
}

void
_gvirt_test_definition_unref (GVirtTestDefinition *def)
{
  g_atomic_rc_box_release_full (def, definition_clear);
}

/*
 * _gvirt_test_definition_to_config:
 * @def: a definition
 * @id: the id of the running domain it describes, or -1
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a new configuration of @def, with @id
 */
GVirtDomainConfig *
_gvirt_test_definition_to_config (const GVirtTestDefinition  *def,
                                  gint                        id,
                                  GError                    **error)
{
  g_autoptr(GError) local = NULL;
  GVirtDomainConfig *config;

  if (def->config != NULL)
    config = gvirt_domain_config_copy (def->config);
  /* else GVirt's writing of a configuration it checked, in XML
   * characters: this cannot fail, but would not abort if it did */
  else if ((config = gvirt_domain_config_new_from_xml (def->xml, &local)) == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("The definition of domain “%s” cannot be read back: %s"),
                   def->name, local->message);
      return NULL;
    }
  if (id >= 0)
    gvirt_domain_config_set_id (config, id);
  return config;
}

/*
 * _gvirt_test_definition_to_xml:
 * @def: a definition
 * @id: the id of the running domain it describes, or -1
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the XML of @def, with id="@id" in <domain>
 *   when @id is not -1, as gvirt_domain_config_set_id() would put it
 */
char *
_gvirt_test_definition_to_xml (const GVirtTestDefinition  *def,
                               gint                        id,
                               GError                    **error)
{
  g_autoptr(GVirtDomainConfig) config = NULL;

  if (id < 0)
    return g_strdup (def->xml);
  if (def->id_at != NO_ID_AT)
    return g_strdup_printf ("%.*s id=%c%d%c%s", (int) def->id_at, def->xml,
                            def->quote, id, def->quote, def->xml + def->id_at);
  config = _gvirt_test_definition_to_config (def, id, error);
  return config != NULL ? gvirt_domain_config_to_xml (config) : NULL;
}
