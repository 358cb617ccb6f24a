/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The config model's XML writer gives libxml2's serialiser's bytes: on libvirt's test data and on odd trees. */
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "libvirt-gobject/config/gvirt-xml-private.h"

/* Whether GVirt's writer does the root element itself. */
static gboolean
written_by_gvirt (xmlDocPtr doc)
{
  g_autoptr(GString) out = g_string_new (NULL);

  return _gvirt_xml_write_node (out, xmlDocGetRootElement (doc), '"');
}

/* Whether @single is @dbl with single quotes: a " of @dbl may be a ' of
 * @single (a delimiter), a ' of @dbl (in a value) &apos;, and the rest is
 * the same. */
static gboolean
same_but_quotes (const char *dbl,
                 const char *single)
{
  while (*dbl != '\0')
    {
      if (*dbl == *single || (*dbl == '"' && *single == '\''))
        single++;
      else if (*dbl == '\'' && g_str_has_prefix (single, "&apos;"))
        single += strlen ("&apos;");
      else
        return FALSE;
      dbl++;
    }
  return *single == '\0';
}

/* @text parsed again and written by libxml2, or NULL when it does not
 * parse (as a tree an API built with control characters). */
static char *
reparsed (const char *text)
{
  xmlDocPtr doc = _gvirt_xml_parse (text, -1, NULL);
  char *out;

  if (doc == NULL)
    return NULL;
  out = _gvirt_xml_to_string_libxml2 (doc);
  xmlFreeDoc (doc);
  return out;
}

/* With single quotes, GVirt's writer changes only the quotes, and the
 * text reads back as the same tree. */
static void
assert_single_quoted (xmlDocPtr   doc,
                      const char *dbl,
                      const char *what)
{
  g_autofree char *single = _gvirt_xml_to_string_quoted (doc, '\'');
  g_autofree char *single_back = NULL;
  g_autofree char *dbl_back = NULL;

  if (!same_but_quotes (dbl, single))
    g_error ("%s: single quotes change more than quotes:\n--- double\n%s--- single\n%s",
             what, dbl, single);
  dbl_back = reparsed (dbl);
  single_back = reparsed (single);
  if (g_strcmp0 (single_back, dbl_back) != 0)
    g_error ("%s: single quotes read back differently:\n--- double\n%s--- single\n%s",
             what, dbl_back, single_back);
}

/* Both writers agree on the document and on every element of it; with
 * single quotes, GVirt's writer agrees but for the quotes. */
static void
assert_same_output (xmlDocPtr   doc,
                    const char *what)
{
  g_autofree char *ours = _gvirt_xml_to_string (doc);
  g_autofree char *theirs = _gvirt_xml_to_string_libxml2 (doc);
  xmlNodePtr node = xmlDocGetRootElement (doc);

  if (g_strcmp0 (ours, theirs) != 0)
    g_error ("%s: the document is written differently:\n--- libxml2\n%s--- GVirt\n%s",
             what, theirs, ours);
  assert_single_quoted (doc, ours, what);
  /* each subtree, as a device's or metadata's to_xml writes it */
  while (node != NULL)
    {
      g_autofree char *node_ours = _gvirt_xml_node_to_string (node);
      g_autofree char *node_theirs = _gvirt_xml_node_to_string_libxml2 (node);

      if (g_strcmp0 (node_ours, node_theirs) != 0)
        g_error ("%s: <%s> line %ld is written differently:\n--- libxml2\n%s--- GVirt\n%s",
                 what, node->name, xmlGetLineNo (node), node_theirs, node_ours);
      /* depth first through the elements */
      if (node->children != NULL)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent != (xmlNodePtr) doc ? node->parent : NULL;
          if (node != NULL)
            node = node->next;
        }
    }
}

static guint
check_corpus_dir (const char *path,
                  guint      *n_gvirt)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      xmlDocPtr doc;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          n += check_corpus_dir (child, n_gvirt);
          continue;
        }
      if (!g_str_has_suffix (name, ".xml") && !g_str_has_suffix (name, ".rng"))
        continue;
      doc = _gvirt_xml_parse_file (child, NULL);
      if (doc == NULL)
        continue;
      assert_same_output (doc, child);
      if (written_by_gvirt (doc))
        (*n_gvirt)++;
      xmlFreeDoc (doc);
      n++;
    }
  return n;
}

static void
test_corpus (void)
{
  const char *dir = g_getenv ("GVIRT_CORPUS_DIR");
  guint n, n_gvirt = 0;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip_printf ("libvirt's test data is not there: GVIRT_CORPUS_DIR=“%s”",
                          dir != NULL ? dir : "");
      return;
    }
  n = check_corpus_dir (dir, &n_gvirt);
  g_test_message ("%u documents written alike, %u of them by GVirt's writer", n, n_gvirt);
  g_assert_cmpuint (n, >, 100);
  /* the rest have CDATA sections or entity references */
  g_assert_cmpuint (n_gvirt, >=, n * 9 / 10);
}

/* Documents that exercise every rule of the layout and the escaping; the
 * last ones GVirt's writer leaves to libxml2. */
#define N_LEFT_TO_LIBXML2 1
static const char *const documents[] = {
  "<domain type='kvm'><name>a</name><devices><disk/></devices></domain>",
  /* text among elements: no layout inside, and back to layout after */
  "<domain><description>one <b>two</b> three</description><os><type>hvm</type></os></domain>",
  "<a><b>x<c><d/></c></b><e><f/></e></a>",
  "<a><b></b><c> </c></a>",
  /* escaping in text and attributes, control characters, non-ASCII */
  "<a x='&lt;&gt;&amp;&quot;&apos;' y='tab&#9;nl&#10;cr&#13;'>&lt;&gt;&amp;\"'&#13;&#9;</a>",
  "<a x='café 🎉 \xe2\x82\xac' y='ok'>café 🎉 \xe2\x82\xac</a>",
  "<?xml version='1.0' encoding='UTF-8'?><a x='café'>café</a>",
  "<?xml version='1.0' encoding='ISO-8859-1'?><a x='caf\xe9'>caf\xe9</a>",
  /* comments and processing instructions, in and out of the root */
  "<!-- before --><?pi data?><a><!-- in --><?target?><?target with data?><b/>"
  "<!----></a><!-- after -->",
  "<a>text<!-- c --><?p q?></a>",
  /* namespaces: declarations, prefixes on elements and attributes, the xml prefix */
  "<domain xmlns:q='http://example.org/q' xmlns:r=\"http://example.org/'r'\">"
  "<q:commandline><q:arg value='-x' q:extra='y'/></q:commandline>"
  "<metadata><app:data xmlns:app='urn:app' xml:lang='fr'><app:x>1</app:x></app:data></metadata>"
  "</domain>",
  "<a xmlns='urn:default'><b xmlns=''/></a>",
  "<a xmlns:gt='urn:a&gt;b'><gt:b/></a>",
  /* parsed CDATA is text */
  "<a><![CDATA[ <raw> ]]></a>",
  /* libxml2 quotes this URI with single quotes */
  "<a xmlns:q='urn:&quot;quoted&quot;'><q:b/></a>",
  /* and escapes the double quotes of one with both */
  "<a xmlns:q='urn:&quot;both&apos;'><q:b/></a>",
};

static void
test_documents (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      xmlDocPtr doc = _gvirt_xml_parse (documents[i], -1, &error);

      g_assert_no_error (error);
      assert_same_output (doc, documents[i]);
      g_assert_cmpint (written_by_gvirt (doc), ==, i < G_N_ELEMENTS (documents) - N_LEFT_TO_LIBXML2);
      xmlFreeDoc (doc);
    }
}

/* Deeper than libxml2 indents (30 levels), and wide. */
static void
test_deep (void)
{
  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNodePtr node = xmlNewDocNode (doc, NULL, (const xmlChar *) "root", NULL);
  guint i;

  xmlDocSetRootElement (doc, node);
  for (i = 0; i < 45; i++)
    {
      xmlNewChild (node, NULL, (const xmlChar *) "leaf", NULL);
      node = xmlNewChild (node, NULL, (const xmlChar *) "level", NULL);
    }
  xmlNodeSetContent (node, (const xmlChar *) "bottom");
  assert_same_output (doc, "45 levels");
  g_assert_true (written_by_gvirt (doc));
  xmlFreeDoc (doc);
}

/* Trees only an API makes: empty and split text, odd attribute values. */
static void
test_built (void)
{
  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNodePtr root = xmlNewDocNode (doc, NULL, (const xmlChar *) "domain", NULL);
  xmlNodePtr node;
  xmlAttrPtr attr;

  xmlDocSetRootElement (doc, root);
  node = xmlNewChild (root, NULL, (const xmlChar *) "empty-text", NULL);
  xmlAddChild (node, xmlNewDocText (doc, (const xmlChar *) ""));
  node = xmlNewChild (root, NULL, (const xmlChar *) "split", NULL);
  xmlAddChild (node, xmlNewDocText (doc, (const xmlChar *) "one "));
  xmlAddChild (node, xmlNewDocNode (doc, NULL, (const xmlChar *) "mid", NULL));
  xmlAddChild (node, xmlNewDocText (doc, (const xmlChar *) " two"));
  node = xmlNewChild (root, NULL, (const xmlChar *) "attrs", NULL);
  xmlSetProp (node, (const xmlChar *) "empty", (const xmlChar *) "");
  attr = xmlSetProp (node, (const xmlChar *) "none", NULL);
  g_assert_nonnull (attr);
  xmlSetProp (node, (const xmlChar *) "ctl", (const xmlChar *) "\x01\x7f");
  xmlNewChild (root, NULL, (const xmlChar *) "pi-less", NULL);
  xmlAddChild (root, xmlNewDocComment (doc, NULL));
  xmlAddChild (root, xmlNewDocPI (doc, (const xmlChar *) "bare", NULL));
  assert_same_output (doc, "built tree");
  g_assert_true (written_by_gvirt (doc));

  /* not UTF-8 in an attribute: libxml2 writes it (some versions then take
   * the document for ISO-8859-1, hence a first round) */
  xmlSetProp (node, (const xmlChar *) "latin1", (const xmlChar *) "caf\xe9");
  g_free (_gvirt_xml_to_string (doc));
  assert_same_output (doc, "built tree with Latin-1 bytes");
  g_assert_false (written_by_gvirt (doc));
  xmlFreeDoc (doc);

  /* CDATA sections and entity references are libxml2's to write */
  doc = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewDocNode (doc, NULL, (const xmlChar *) "domain", NULL);
  xmlDocSetRootElement (doc, root);
  node = xmlNewChild (root, NULL, (const xmlChar *) "cdata", NULL);
  xmlAddChild (node, xmlNewCDataBlock (doc, (const xmlChar *) "a]]>b", 5));
  node = xmlNewChild (root, NULL, (const xmlChar *) "ref", NULL);
  xmlAddChild (node, xmlNewReference (doc, (const xmlChar *) "&custom;"));
  assert_same_output (doc, "CDATA and an entity reference");
  g_assert_false (written_by_gvirt (doc));
  xmlFreeDoc (doc);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xml-writer/corpus", test_corpus);
  g_test_add_func ("/xml-writer/documents", test_documents);
  g_test_add_func ("/xml-writer/deep", test_deep);
  g_test_add_func ("/xml-writer/built", test_built);
  return g_test_run ();
}
