/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Proof on libvirt's own XML test data: parse, write back, compare by meaning, validate. */
#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libvirt-gobject/config/gvirt-config.h>
#include <libvirt-gobject/gvirt-error.h>

typedef enum {
  KIND_DOMAIN,
  KIND_NETWORK,
  KIND_CAPABILITIES,
  N_KINDS
} Kind;

static const char *const kind_roots[N_KINDS] = { "domain", "network", "capabilities" };
static const char *const kind_schemas[N_KINDS] = { "domain.rng", "network.rng", "capability.rng" };

/* Files meant to be valid whose input libvirt's own schema (the corpus's,
 * libvirt 10.7) rejects, with the reason. They are exceptions to one check
 * alone, that what GVirt writes validates against libvirt's schema: GVirt
 * must still parse them, write them back meaning the same, and the schema
 * must reject what it wrote for the same reasons as the input, no other.
 * The test prints each with the schema's messages; a valid file the schema
 * rejects that is not listed here fails, and so does an entry no file
 * matched. */
#define URI_TRANSPORT "<uri_transport>xenmigr</uri_transport>: the schema allows vpxmigr, tcp, rdma and vzmigr"
#define IA64_EMULATOR "<emulator> after <domain> in <arch>: the schema wants wordsize, emulator, loader, machines, then domains"
#define NET_ROUTED "<interface type='ethernet'> with <source dev=...>: an ethernet interface's <source> holds only <ip> and <route> now"
static const struct { const char *path; const char *reason; } exceptions[] = {
  { "v0.2.2/tests/xencapsdata/xen-ia64-be-hvm.xml", IA64_EMULATOR },
  { "v0.2.2/tests/xencapsdata/xen-ia64-hvm.xml", IA64_EMULATOR },
  { "v0.3.3/tests/xencapsdata/xen-i686-pae.xml", URI_TRANSPORT },
  { "v0.3.3/tests/xencapsdata/xen-i686.xml", URI_TRANSPORT },
  { "v0.3.3/tests/xencapsdata/xen-ia64-be-hvm.xml", URI_TRANSPORT "; " IA64_EMULATOR },
  { "v0.3.3/tests/xencapsdata/xen-ia64-hvm.xml", URI_TRANSPORT "; " IA64_EMULATOR },
  { "v0.3.3/tests/xencapsdata/xen-ia64.xml", URI_TRANSPORT },
  { "xencapsdata/xen-i686-pae.xml", URI_TRANSPORT },
  { "xencapsdata/xen-i686.xml", URI_TRANSPORT },
  { "xencapsdata/xen-ia64-be-hvm.xml", URI_TRANSPORT },
  { "xencapsdata/xen-ia64-hvm.xml", URI_TRANSPORT },
  { "xencapsdata/xen-ia64.xml", URI_TRANSPORT },
  { "v0.2.2/tests/xml2sexprdata/xml2sexpr-net-routed.xml", NET_ROUTED },
  { "v0.3.3/tests/xml2sexprdata/xml2sexpr-net-routed.xml", NET_ROUTED },
};
#undef URI_TRANSPORT
#undef IA64_EMULATOR
#undef NET_ROUTED

typedef struct {
  guint files;          /* domain, network or capabilities documents */
  guint valid;          /* meant to be accepted */
  guint parsed;         /* ... and GVirt parsed */
  guint same;           /* ... and what GVirt wrote means the same */
  guint libvirt_valid;  /* ... and validates against libvirt's schema */
  guint gvirt_valid;    /* ... and against GVirt's own */
  guint input_invalid;  /* valid files libvirt's schema rejects as they are */
  guint invalid;        /* meant to be rejected */
  guint rejected;       /* ... and GVirt's parser refused */
  guint reported;       /* ... or GVirt's validate() or validate_with_schema() (libvirt's schema) reported */
  guint schema_invalid; /* invalid files libvirt's schema rejects */
  guint schema_caught;  /* ... of which GVirt rejected or reported */
} Counts;

typedef struct {
  char         *dir;
  xmlRelaxNGPtr libvirt[N_KINDS];
  GHashTable   *by_dir;   /* relative directory -> Counts */
  GHashTable   *by_path;  /* relative path -> "ok" or failure reason */
  GPtrArray    *failures;
  GPtrArray    *excepted;  /* each valid input libvirt's schema rejects, with why */
  GHashTable   *excepted_seen;  /* paths of exceptions[] that matched a file */
  Counts        total;
} Corpus;

static Corpus corpus;

/* ---- Canonical form: element, namespace, sorted attributes, trimmed text, children in order ---- */

static void canonical_append (GString *out, xmlNodePtr node);

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static char *
canonical_uuid (const char *text)
{
  GString *hex = g_string_new (NULL);
  const char *p;

  for (p = text; *p; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (hex, g_ascii_tolower (*p));
  if (hex->len == 32)
    {
      g_string_insert_c (hex, 20, '-');
      g_string_insert_c (hex, 16, '-');
      g_string_insert_c (hex, 12, '-');
      g_string_insert_c (hex, 8, '-');
    }
  return g_string_free (hex, FALSE);
}

static void
canonical_append (GString   *out,
                  xmlNodePtr node)
{
  g_autoptr(GPtrArray) attrs = g_ptr_array_new_with_free_func (g_free);
  xmlAttrPtr attr;
  xmlNodePtr child;
  guint i;

  g_string_append_printf (out, "<%s%s%s", node->ns ? (const char *) node->ns->href : "",
                          node->ns ? ":" : "", node->name);
  for (attr = node->properties; attr != NULL; attr = attr->next)
    {
      g_autofree xmlChar *value = xmlNodeGetContent ((xmlNodePtr) attr);

      g_ptr_array_add (attrs, g_strdup_printf ("%s%s%s=%s", attr->ns ? (const char *) attr->ns->href : "",
                                               attr->ns ? ":" : "", attr->name, value));
    }
  g_ptr_array_sort (attrs, compare_strings);
  for (i = 0; i < attrs->len; i++)
    g_string_append_printf (out, " %s", (const char *) g_ptr_array_index (attrs, i));
  g_string_append_c (out, '>');

  for (child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        canonical_append (out, child);
      else if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          g_autofree char *text = g_strstrip (g_strdup ((const char *) child->content));

          if (*text == '\0')
            continue;
          if (node->ns == NULL && strcmp ((const char *) node->name, "uuid") == 0)
            {
              g_autofree char *uuid = canonical_uuid (text);

              g_string_append (out, uuid);
            }
          else
            g_string_append (out, text);
        }
    }
  g_string_append (out, "</>");
}

static char *
canonical (xmlDocPtr doc)
{
  GString *out = g_string_new (NULL);

  canonical_append (out, xmlDocGetRootElement (doc));
  return g_string_free (out, FALSE);
}

/* ---- Helpers ---- */

static xmlDocPtr
read_raw (const char *data,
          gsize       length)
{
  return xmlReadMemory (data, (int) length, NULL, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static void
silent_error (void       *ctx,
              const char *msg,
              ...)
{
}

static void
silent_structured_error (void        *ctx,
                         xmlErrorPtr  error)
{
}

static void
collect_structured_error (void        *ctx,
                          xmlErrorPtr  error)
{
  GPtrArray *messages = ctx;
  g_autofree char *message = g_strstrip (g_strdup (error->message ? error->message : "?"));
  xmlNodePtr node = error->node;

  if (node != NULL && node->type == XML_ELEMENT_NODE)
    g_ptr_array_add (messages, g_strdup_printf ("line %d: element <%s>: %s", error->line,
                                                (const char *) node->name, message));
  else
    g_ptr_array_add (messages, g_steal_pointer (&message));
}

/* Whether @schema accepts @doc; its messages go to @messages when given. */
static gboolean
schema_accepts_why (xmlRelaxNGPtr schema,
                    xmlDocPtr     doc,
                    GPtrArray    *messages)
{
  xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt (schema);
  int ret;

  if (messages != NULL)
    xmlRelaxNGSetValidStructuredErrors (ctxt, collect_structured_error, messages);
  else
    xmlRelaxNGSetValidStructuredErrors (ctxt, silent_structured_error, NULL);
  ret = xmlRelaxNGValidateDoc (ctxt, doc);
  xmlRelaxNGFreeValidCtxt (ctxt);
  return ret == 0;
}

static gboolean
schema_accepts (xmlRelaxNGPtr schema,
                xmlDocPtr     doc)
{
  return schema_accepts_why (schema, doc, NULL);
}

/* The schema's messages without their line numbers, sorted, one string:
 * what a document is rejected for, wherever its elements are. */
static char *
reasons_without_lines (GPtrArray *messages)
{
  g_autoptr(GPtrArray) stripped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  guint i;

  for (i = 0; i < messages->len; i++)
    {
      const char *m = g_ptr_array_index (messages, i);

      if (g_str_has_prefix (m, "line ") && strstr (m, ": ") != NULL)
        m = strstr (m, ": ") + 2;
      g_ptr_array_add (stripped, g_strdup (m));
    }
  g_ptr_array_sort (stripped, compare_strings);
  for (i = 0; i < stripped->len; i++)
    if (i == 0 || strcmp (g_ptr_array_index (stripped, i), g_ptr_array_index (stripped, i - 1)) != 0)
      g_string_append_printf (out, "%s%s", out->len ? "; " : "", (const char *) g_ptr_array_index (stripped, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_messages (GPtrArray *messages)
{
  g_ptr_array_add (messages, NULL);
  return g_strjoinv ("; ", (char **) messages->pdata);
}

static gboolean
expected_invalid (const char *dir,
                  const char *name,
                  GHashTable *dir_entries)
{
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".xml"));
  g_autofree char *prefix = g_strconcat (stem, ".", NULL);
  GHashTableIter iter;
  gpointer key;

  if (strstr (name, "-invalid") != NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, dir_entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, prefix) && g_str_has_suffix (key, ".err"))
      return TRUE;
  return FALSE;
}

/* Parses @data with GVirt and writes it back; validates when asked. */
static char *
gvirt_roundtrip (Kind          kind,
                 const char   *data,
                 gboolean     *gvirt_valid,
                 gboolean     *libvirt_valid,
                 GError      **error)
{
  g_autofree char *libvirt_schema = g_build_filename (corpus.dir, "schemas", kind_schemas[kind], NULL);
  char *out = NULL;

  switch (kind)
    {
    case KIND_DOMAIN:
      {
        g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new_from_xml (data, error);

        if (config != NULL)
          {
            out = gvirt_domain_config_to_xml (config);
            if (gvirt_valid != NULL)
              *gvirt_valid = gvirt_domain_config_validate (config, NULL);
            if (libvirt_valid != NULL)
              *libvirt_valid = gvirt_domain_config_validate_with_schema (config, libvirt_schema, NULL);
          }
        break;
      }
    case KIND_NETWORK:
      {
        g_autoptr(GVirtNetworkConfig) config = gvirt_network_config_new_from_xml (data, error);

        if (config != NULL)
          {
            out = gvirt_network_config_to_xml (config);
            if (gvirt_valid != NULL)
              *gvirt_valid = gvirt_network_config_validate (config, NULL);
            if (libvirt_valid != NULL)
              *libvirt_valid = gvirt_network_config_validate_with_schema (config, libvirt_schema, NULL);
          }
        break;
      }
    case KIND_CAPABILITIES:
      {
        g_autoptr(GVirtCapabilities) caps = gvirt_capabilities_new_from_xml (data, error);

        if (caps != NULL)
          {
            out = gvirt_capabilities_to_xml (caps);
            if (gvirt_valid != NULL)
              *gvirt_valid = gvirt_capabilities_validate (caps, NULL);
            if (libvirt_valid != NULL)
              *libvirt_valid = gvirt_capabilities_validate_with_schema (caps, libvirt_schema, NULL);
          }
        break;
      }
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
  return out;
}

static const char *
exception_for (const char *rel)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (exceptions); i++)
    if (exceptions[i].path != NULL && strcmp (exceptions[i].path, rel) == 0)
      return exceptions[i].reason;
  return NULL;
}

static void
fail (const char *rel,
      const char *what)
{
  g_hash_table_replace (corpus.by_path, g_strdup (rel), g_strdup (what));
  g_ptr_array_add (corpus.failures, g_strdup_printf ("%s: %s", rel, what));
}

/* A valid file whose input libvirt's schema rejects (@input_messages): it
 * must be a listed exception, and what GVirt wrote (@out) must be rejected
 * for the same reasons alone. */
static void
check_exception (const char    *rel,
                 Kind           kind,
                 GPtrArray     *input_messages,
                 xmlDocPtr      out)
{
  const char *reason = exception_for (rel);
  g_autoptr(GPtrArray) out_messages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *in_reasons = reasons_without_lines (input_messages);
  g_autofree char *out_reasons = NULL;
  g_autofree char *schema_says = NULL;

  if (reason == NULL)
    {
      g_autofree char *what = g_strdup_printf ("libvirt's schema rejects the input and it is not a "
                                               "known exception: %s", in_reasons);

      fail (rel, what);
      return;
    }
  g_hash_table_add (corpus.excepted_seen, g_strdup (rel));
  if (out != NULL && !schema_accepts_why (corpus.libvirt[kind], out, out_messages))
    {
      out_reasons = reasons_without_lines (out_messages);
      if (strcmp (in_reasons, out_reasons) != 0)
        {
          g_autofree char *what = g_strdup_printf ("libvirt's schema rejects what GVirt wrote for "
                                                   "other reasons than the input: %s", out_reasons);

          fail (rel, what);
        }
    }
  schema_says = join_messages (input_messages);
  g_ptr_array_add (corpus.excepted, g_strdup_printf ("%s: %s\n      libvirt's schema: %s",
                                                     rel, reason, schema_says));
}

static void
count (Counts *c,
       gsize   offset)
{
  (*(guint *) G_STRUCT_MEMBER_P (c, offset))++;
  (*(guint *) G_STRUCT_MEMBER_P (&corpus.total, offset))++;
}

#define COUNT(c, field) count ((c), G_STRUCT_OFFSET (Counts, field))

static void
check_file (const char *rel_dir,
            const char *name,
            const char *path,
            GHashTable *dir_entries)
{
  g_autofree char *data = NULL;
  g_autofree char *rel = g_build_filename (rel_dir, name, NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  xmlDocPtr raw;
  xmlNodePtr root;
  Counts *c;
  Kind kind;
  gboolean invalid, input_ok, gvirt_valid = FALSE, libvirt_valid = FALSE;
  g_autoptr(GPtrArray) input_messages = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (path, &data, &length, NULL))
    return;
  raw = read_raw (data, length);
  if (raw == NULL)
    return;
  root = xmlDocGetRootElement (raw);
  for (kind = 0; kind < N_KINDS; kind++)
    if (root != NULL && strcmp ((const char *) root->name, kind_roots[kind]) == 0)
      break;
  if (kind == N_KINDS)
    {
      xmlFreeDoc (raw);
      return;
    }

  c = g_hash_table_lookup (corpus.by_dir, rel_dir);
  if (c == NULL)
    {
      c = g_new0 (Counts, 1);
      g_hash_table_insert (corpus.by_dir, g_strdup (rel_dir), c);
    }
  COUNT (c, files);
  invalid = expected_invalid (rel_dir, name, dir_entries);
  input_ok = schema_accepts_why (corpus.libvirt[kind], raw, input_messages);
  written = gvirt_roundtrip (kind, data, &gvirt_valid, &libvirt_valid, &error);

  if (invalid)
    {
      COUNT (c, invalid);
      if (written == NULL)
        COUNT (c, rejected);
      else if (!gvirt_valid || !libvirt_valid)
        COUNT (c, reported);
      if (!input_ok)
        {
          COUNT (c, schema_invalid);
          if (written == NULL || !gvirt_valid || !libvirt_valid)
            COUNT (c, schema_caught);
          else
            fail (rel, "libvirt's schema rejects it, GVirt neither rejected nor reported it");
        }
      g_hash_table_replace (corpus.by_path, g_strdup (rel), g_strdup ("invalid"));
      xmlFreeDoc (raw);
      return;
    }

  COUNT (c, valid);
  if (!input_ok)
    COUNT (c, input_invalid);
  if (written == NULL)
    {
      fail (rel, error->message);
      if (!input_ok)
        check_exception (rel, kind, input_messages, NULL);
    }
  else
    {
      xmlDocPtr out = read_raw (written, strlen (written));
      g_autofree char *a = canonical (raw);
      g_autofree char *b = out ? canonical (out) : NULL;
      g_autofree char *again = gvirt_roundtrip (kind, written, NULL, NULL, NULL);

      COUNT (c, parsed);
      if (g_strcmp0 (a, b) == 0)
        COUNT (c, same);
      else
        fail (rel, "what GVirt wrote means something else");
      if (g_strcmp0 (written, again) != 0)
        fail (rel, "writing what GVirt wrote again gives other bytes");
      if (!input_ok)
        check_exception (rel, kind, input_messages, out);
      else if (out != NULL && schema_accepts (corpus.libvirt[kind], out))
        COUNT (c, libvirt_valid);
      else
        fail (rel, "what GVirt wrote does not validate against libvirt's schema");
      if (gvirt_valid)
        COUNT (c, gvirt_valid);
      else
        fail (rel, "GVirt's own schema rejects it");
      g_clear_pointer (&out, xmlFreeDoc);
      if (!g_hash_table_contains (corpus.by_path, rel))
        g_hash_table_insert (corpus.by_path, g_strdup (rel), g_strdup ("ok"));
    }
  xmlFreeDoc (raw);
}

static void
walk (const char *rel_dir)
{
  g_autofree char *abs = g_build_filename (corpus.dir, rel_dir, NULL);
  g_autoptr(GDir) dir = g_dir_open (abs, 0, NULL);
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint i;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_hash_table_add (entries, g_strdup (name));
      g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_strings);
  for (i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (abs, entry, NULL);
      g_autofree char *rel = *rel_dir ? g_build_filename (rel_dir, entry, NULL) : g_strdup (entry);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (strcmp (rel, "schemas") != 0)
            walk (rel);
        }
      else if (g_str_has_suffix (entry, ".xml"))
        check_file (*rel_dir ? rel_dir : ".", entry, path, entries);
    }
}

static gboolean
corpus_load (void)
{
  const char *dir = g_getenv ("GVIRT_CORPUS_DIR");
  Kind kind;

  if (corpus.by_dir != NULL)
    return corpus.dir != NULL;
  corpus.by_dir = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  corpus.by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  corpus.failures = g_ptr_array_new_with_free_func (g_free);
  corpus.excepted = g_ptr_array_new_with_free_func (g_free);
  corpus.excepted_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return FALSE;
  corpus.dir = g_strdup (dir);

  for (kind = 0; kind < N_KINDS; kind++)
    {
      g_autofree char *path = g_build_filename (dir, "schemas", kind_schemas[kind], NULL);
      xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt (path);

      xmlRelaxNGSetParserErrors (pctxt, silent_error, silent_error, NULL);
      corpus.libvirt[kind] = xmlRelaxNGParse (pctxt);
      xmlRelaxNGFreeParserCtxt (pctxt);
      g_assert_nonnull (corpus.libvirt[kind]);
    }
  walk ("");
  return TRUE;
}

static void
skip_without_corpus (void)
{
  g_test_skip_printf ("libvirt's test data is not there: GVIRT_CORPUS_DIR=“%s” "
                      "(expected ../shared/corpus/libvirt beside the source tree)",
                      g_getenv ("GVIRT_CORPUS_DIR") ? g_getenv ("GVIRT_CORPUS_DIR") : "");
}

static void
print_row (const char   *dir,
           const Counts *c)
{
  g_test_message ("%-36s %5u %5u %6u %5u %7u %6u %6u | %7u %8u %8u %6u %6u",
                  dir, c->files, c->valid, c->parsed, c->same, c->libvirt_valid, c->gvirt_valid,
                  c->input_invalid, c->invalid, c->rejected, c->reported,
                  c->schema_invalid, c->schema_caught);
}

static void
test_corpus_table (void)
{
  g_autoptr(GList) dirs = NULL;
  GList *l;
  guint i;

  if (!corpus_load ())
    {
      skip_without_corpus ();
      return;
    }

  g_test_message ("%-36s %5s %5s %6s %5s %7s %6s %6s | %7s %8s %8s %6s %6s",
                  "directory", "files", "valid", "parsed", "same", "libvirt", "gvirt", "in-bad",
                  "invalid", "rejected", "reported", "schema", "caught");
  dirs = g_list_sort (g_hash_table_get_keys (corpus.by_dir), (GCompareFunc) strcmp);
  for (l = dirs; l != NULL; l = l->next)
    print_row (l->data, g_hash_table_lookup (corpus.by_dir, l->data));
  print_row ("total", &corpus.total);

  /* the exceptions[] entries no file matched are stale */
  for (i = 0; i < G_N_ELEMENTS (exceptions); i++)
    if (!g_hash_table_contains (corpus.excepted_seen, exceptions[i].path))
      g_ptr_array_add (corpus.failures,
                       g_strdup_printf ("%s: listed as an exception, but no valid file there "
                                        "has an input libvirt's schema rejects", exceptions[i].path));

  g_test_message ("%u valid files whose input libvirt's own schema rejects (the in-bad column); "
                  "GVirt parses them and writes them back meaning the same, and libvirt's schema "
                  "rejects what it wrote for the same reasons alone:", corpus.excepted->len);
  for (i = 0; i < corpus.excepted->len; i++)
    g_test_message ("  known exception: %s", (const char *) g_ptr_array_index (corpus.excepted, i));
  for (i = 0; i < corpus.failures->len; i++)
    g_test_message ("FAILED: %s", (const char *) g_ptr_array_index (corpus.failures, i));

  g_assert_cmpuint (corpus.total.files, >, 0);
  g_assert_cmpuint (corpus.failures->len, ==, 0);
}

static void
test_corpus_invalid (void)
{
  if (!corpus_load ())
    {
      skip_without_corpus ();
      return;
    }
  /* every invalid file libvirt's own schema refuses, GVirt refuses or reports too */
  g_assert_cmpuint (corpus.total.schema_caught, ==, corpus.total.schema_invalid);
}

static void
test_seed_subset (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) tiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint i, missing = 0;

  if (!corpus_load ())
    {
      skip_without_corpus ();
      return;
    }
  path = g_build_filename (corpus.dir, "SEED-SUBSET.tsv", NULL);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_test_skip ("SEED-SUBSET.tsv is missing from the corpus");
      return;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      guint *row;
      const char *result;

      if (g_strv_length (fields) < 4)
        continue;
      row = g_hash_table_lookup (tiers, fields[0]);
      if (row == NULL)
        {
          row = g_new0 (guint, 3);
          g_hash_table_insert (tiers, g_strdup (fields[0]), row);
        }
      result = g_hash_table_lookup (corpus.by_path, fields[3]);
      row[0]++;
      if (g_strcmp0 (result, "ok") == 0)
        row[1]++;
      else if (g_strcmp0 (result, "invalid") == 0)
        row[2]++;
      else if (result == NULL)
        missing++;
    }
  {
    const char *order[] = { "strict", "lenient", "tolerant" };

    g_test_message ("%-10s %6s %6s %8s", "tier", "files", "ok", "invalid");
    for (i = 0; i < G_N_ELEMENTS (order); i++)
      {
        guint *row = g_hash_table_lookup (tiers, order[i]);

        if (row != NULL)
          g_test_message ("%-10s %6u %6u %8u", order[i], row[0], row[1], row[2]);
        if (row != NULL)
          g_assert_cmpuint (row[1] + row[2], ==, row[0]);
      }
  }
  g_assert_cmpuint (missing, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int ret;
  Kind kind;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("GVIRT_SCHEMA_DIR", GVIRT_TEST_SCHEMA_DIR, FALSE);

  g_test_add_func ("/corpus/valid-files", test_corpus_table);
  g_test_add_func ("/corpus/invalid-files", test_corpus_invalid);
  g_test_add_func ("/corpus/seed-subset", test_seed_subset);
  ret = g_test_run ();

  for (kind = 0; kind < N_KINDS; kind++)
    g_clear_pointer (&corpus.libvirt[kind], xmlRelaxNGFree);
  g_clear_pointer (&corpus.by_dir, g_hash_table_unref);
  g_clear_pointer (&corpus.by_path, g_hash_table_unref);
  g_clear_pointer (&corpus.failures, g_ptr_array_unref);
  g_clear_pointer (&corpus.excepted, g_ptr_array_unref);
  g_clear_pointer (&corpus.excepted_seen, g_hash_table_unref);
  g_clear_pointer (&corpus.dir, g_free);
  return ret;
}
