/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The node workload (define, list, lookups, XML, info, lifecycle, save/restore, undefine) on GVirt, libvirt and libvirt-gobject side by side. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <libvirt-gobject/libvirt-gobject.h>
#ifdef HAVE_LIBVIRT
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#endif
#ifdef HAVE_LIBVIRT_GOBJECT
#include <libvirt-gobject-1.0/libvirt-gobject/libvirt-gobject.h>
#include <libvirt-gconfig-1.0/libvirt-gconfig/libvirt-gconfig.h>
#endif
#include "bench-util.h"

/*
 * Usage: bench-node [--json] [--n 1000,10000] [--runs R] [--lib gvirt,libvirt,gobject]
 *
 * The parent process runs each (library, N) pair in a child process of its
 * own (this program again, with --child), so that one library's heap does
 * not slow or bloat the next, and one more child per pair for the peak RSS
 * (--rss). Every figure is the median over the runs of (phase time / number
 * of calls in the phase); a phase includes dispatching the events its calls
 * queued on the main context.
 */

#define URI "test:///default"
#define LISTS 100          /* list-all repetitions per run */
#define SAVE_SAMPLE 100    /* domains saved and restored per run */

typedef enum {
  OP_OPEN,
  OP_DEFINE,
  OP_LIST,
  OP_LOOKUP_NAME,
  OP_LOOKUP_UUID,
  OP_XML,
  OP_INFO,
  OP_START,
  OP_SUSPEND,
  OP_RESUME,
  OP_DESTROY,
  OP_SAVE,
  OP_RESTORE,
  OP_UNDEFINE,
  N_OPS
} Op;

static const char *op_names[N_OPS] = {
  "open", "define", "list-all", "lookup-name", "lookup-uuid", "xml", "info",
  "start", "suspend", "resume", "destroy", "save", "restore", "undefine",
};

/* The workload's inputs, built before any timing. */
typedef struct {
  guint   n;
  char  **xml;
  char  **name;
  char  **uuid;
  char   *save_dir;
  guint   sample;
} Workload;

typedef struct {
  const char *id;      /* on the command line and in JSON */
  const char *label;   /* in the table */
  gboolean  (*run)   (const Workload *w, double us[N_OPS]);
  gboolean  (*define_only) (const Workload *w, gpointer *state);
} Library;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64 phase_start;

static void
begin (void)
{
  phase_start = g_get_monotonic_time ();
}

/* Ends a phase of @calls calls: µs per call, events included. */
static double
end (guint calls)
{
  drain ();
  return (double) (g_get_monotonic_time () - phase_start) / calls;
}

static char *
save_path (const Workload *w, guint i)
{
  return g_strdup_printf ("%s/%u.img", w->save_dir, i);
}

#define CHECK(cond, ...)                                                 \
  G_STMT_START {                                                         \
    if (!(cond))                                                         \
      {                                                                  \
        g_printerr (__VA_ARGS__);                                        \
        g_printerr ("\n");                                               \
        return FALSE;                                                    \
      }                                                                  \
  } G_STMT_END

/* ---- GVirt ------------------------------------------------------------- */

static gboolean
gvirt_define_all (const Workload *w, GVirtConnection *conn, GVirtDomain **doms)
{
  for (guint i = 0; i < w->n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new_from_xml (w->xml[i], &error);

      CHECK (config != NULL, "GVirt parse: %s", error->message);
      doms[i] = gvirt_connection_define_domain_sync (conn, config, NULL, &error);
      CHECK (doms[i] != NULL, "GVirt define: %s", error->message);
    }
  return TRUE;
}

#define GVIRT_EACH(op, call)                                             \
  G_STMT_START {                                                         \
    begin ();                                                            \
    for (guint i = 0; i < w->n; i++)                                     \
      CHECK (call, "GVirt %s: %s", op_names[op], error->message);        \
    us[op] = end (w->n);                                                 \
  } G_STMT_END

static gboolean
gvirt_run (const Workload *w, double us[N_OPS])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtConnection) conn = NULL;
  g_autofree GVirtDomain **doms = g_new0 (GVirtDomain *, w->n);
  GListModel *model;
  gsize name_bytes = 0;

  begin ();
  conn = gvirt_connection_open_sync (URI, GVIRT_CONNECTION_NONE, NULL, &error);
  us[OP_OPEN] = end (1);
  CHECK (conn != NULL, "GVirt open: %s", error->message);

  begin ();
  if (!gvirt_define_all (w, conn, doms))
    return FALSE;
  us[OP_DEFINE] = end (w->n);

  model = gvirt_connection_get_domains (conn);
  begin ();
  for (guint k = 0; k < LISTS; k++)
    {
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          GVirtDomain *dom = g_list_model_get_item (model, i);

          name_bytes += strlen (gvirt_domain_get_name (dom));
          g_object_unref (dom);
        }
    }
  us[OP_LIST] = end (LISTS);
  CHECK (g_list_model_get_n_items (model) == w->n + 1, "GVirt list: %u domains",
         g_list_model_get_n_items (model));

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      GVirtDomain *dom = gvirt_connection_find_domain_by_name (conn, w->name[i]);

      CHECK (dom == doms[i], "GVirt lookup-name %s", w->name[i]);
      g_object_unref (dom);
    }
  us[OP_LOOKUP_NAME] = end (w->n);

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      GVirtDomain *dom = gvirt_connection_find_domain_by_uuid (conn, w->uuid[i]);

      CHECK (dom == doms[i], "GVirt lookup-uuid %s", w->uuid[i]);
      g_object_unref (dom);
    }
  us[OP_LOOKUP_UUID] = end (w->n);

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      char *xml = gvirt_domain_get_xml_sync (doms[i], 0, NULL, &error);

      CHECK (xml != NULL, "GVirt xml: %s", error->message);
      g_free (xml);
    }
  us[OP_XML] = end (w->n);

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      GVirtDomainInfo *info = gvirt_domain_get_info_sync (doms[i], NULL, &error);

      CHECK (info != NULL, "GVirt info: %s", error->message);
      gvirt_domain_info_free (info);
    }
  us[OP_INFO] = end (w->n);

  GVIRT_EACH (OP_START, gvirt_domain_start_sync (doms[i], NULL, &error));
  GVIRT_EACH (OP_SUSPEND, gvirt_domain_suspend_sync (doms[i], NULL, &error));
  GVIRT_EACH (OP_RESUME, gvirt_domain_resume_sync (doms[i], NULL, &error));
  GVIRT_EACH (OP_DESTROY, gvirt_domain_destroy_sync (doms[i], NULL, &error));

  for (guint i = 0; i < w->sample; i++)
    CHECK (gvirt_domain_start_sync (doms[i], NULL, &error), "GVirt start: %s", error->message);
  drain ();
  begin ();
  for (guint i = 0; i < w->sample; i++)
    {
      g_autofree char *path = save_path (w, i);

      CHECK (gvirt_domain_save_sync (doms[i], path, NULL, &error), "GVirt save: %s", error->message);
    }
  us[OP_SAVE] = end (w->sample);
  begin ();
  for (guint i = 0; i < w->sample; i++)
    {
      g_autofree char *path = save_path (w, i);
      GVirtDomain *dom = gvirt_connection_restore_domain_sync (conn, path, NULL, &error);

      CHECK (dom != NULL, "GVirt restore: %s", error->message);
      g_object_unref (dom);
    }
  us[OP_RESTORE] = end (w->sample);
  for (guint i = 0; i < w->sample; i++)
    CHECK (gvirt_domain_destroy_sync (doms[i], NULL, &error), "GVirt destroy: %s", error->message);
  drain ();

  GVIRT_EACH (OP_UNDEFINE, gvirt_domain_undefine_sync (doms[i], NULL, &error));

  for (guint i = 0; i < w->n; i++)
    g_object_unref (doms[i]);
  gvirt_connection_close (conn);
  drain ();
  return name_bytes > 0;
}

static gboolean
gvirt_define_only (const Workload *w, gpointer *state)
{
  g_autoptr(GError) error = NULL;
  GVirtConnection *conn = gvirt_connection_open_sync (URI, GVIRT_CONNECTION_NONE, NULL, &error);
  GVirtDomain **doms = g_new0 (GVirtDomain *, w->n);

  CHECK (conn != NULL, "GVirt open: %s", error->message);
  drain ();
  bench_rss_mark ();
  if (!gvirt_define_all (w, conn, doms))
    return FALSE;
  drain ();
  state[0] = conn;
  state[1] = doms;
  return TRUE;
}

/* ---- libvirt ------------------------------------------------------------ */

#ifdef HAVE_LIBVIRT
static void
libvirt_quiet (void *data, virErrorPtr error)
{
}

static const char *
libvirt_message (void)
{
  virErrorPtr e = virGetLastError ();

  return e != NULL && e->message != NULL ? e->message : "unknown error";
}

#define LIBVIRT_EACH(op, call)                                           \
  G_STMT_START {                                                         \
    begin ();                                                            \
    for (guint i = 0; i < w->n; i++)                                     \
      CHECK ((call) == 0, "libvirt %s: %s", op_names[op], libvirt_message ()); \
    us[op] = end (w->n);                                                 \
  } G_STMT_END

static gboolean
libvirt_define_all (const Workload *w, virConnectPtr conn, virDomainPtr *doms)
{
  for (guint i = 0; i < w->n; i++)
    {
      doms[i] = virDomainDefineXML (conn, w->xml[i]);
      CHECK (doms[i] != NULL, "libvirt define: %s", libvirt_message ());
    }
  return TRUE;
}

static gboolean
libvirt_run (const Workload *w, double us[N_OPS])
{
  g_autofree virDomainPtr *doms = g_new0 (virDomainPtr, w->n);
  virConnectPtr conn;
  gsize name_bytes = 0;

  begin ();
  conn = virConnectOpen (URI);
  us[OP_OPEN] = end (1);
  CHECK (conn != NULL, "libvirt open: %s", libvirt_message ());

  begin ();
  if (!libvirt_define_all (w, conn, doms))
    return FALSE;
  us[OP_DEFINE] = end (w->n);

  begin ();
  for (guint k = 0; k < LISTS; k++)
    {
      virDomainPtr *all = NULL;
      int n = virConnectListAllDomains (conn, &all, 0);

      CHECK (n == (int) w->n + 1, "libvirt list: %d", n);
      for (int i = 0; i < n; i++)
        {
          name_bytes += strlen (virDomainGetName (all[i]));
          virDomainFree (all[i]);
        }
      free (all);
    }
  us[OP_LIST] = end (LISTS);

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      virDomainPtr dom = virDomainLookupByName (conn, w->name[i]);

      CHECK (dom != NULL, "libvirt lookup-name: %s", libvirt_message ());
      virDomainFree (dom);
    }
  us[OP_LOOKUP_NAME] = end (w->n);

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      virDomainPtr dom = virDomainLookupByUUIDString (conn, w->uuid[i]);

      CHECK (dom != NULL, "libvirt lookup-uuid: %s", libvirt_message ());
      virDomainFree (dom);
    }
  us[OP_LOOKUP_UUID] = end (w->n);

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      char *xml = virDomainGetXMLDesc (doms[i], 0);

      CHECK (xml != NULL, "libvirt xml: %s", libvirt_message ());
      free (xml);
    }
  us[OP_XML] = end (w->n);

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      virDomainInfo info;

      CHECK (virDomainGetInfo (doms[i], &info) == 0, "libvirt info: %s", libvirt_message ());
    }
  us[OP_INFO] = end (w->n);

  LIBVIRT_EACH (OP_START, virDomainCreate (doms[i]));
  LIBVIRT_EACH (OP_SUSPEND, virDomainSuspend (doms[i]));
  LIBVIRT_EACH (OP_RESUME, virDomainResume (doms[i]));
  LIBVIRT_EACH (OP_DESTROY, virDomainDestroy (doms[i]));

  for (guint i = 0; i < w->sample; i++)
    CHECK (virDomainCreate (doms[i]) == 0, "libvirt start: %s", libvirt_message ());
  drain ();
  begin ();
  for (guint i = 0; i < w->sample; i++)
    {
      g_autofree char *path = save_path (w, i);

      CHECK (virDomainSave (doms[i], path) == 0, "libvirt save: %s", libvirt_message ());
    }
  us[OP_SAVE] = end (w->sample);
  begin ();
  for (guint i = 0; i < w->sample; i++)
    {
      g_autofree char *path = save_path (w, i);

      CHECK (virDomainRestore (conn, path) == 0, "libvirt restore: %s", libvirt_message ());
    }
  us[OP_RESTORE] = end (w->sample);
  for (guint i = 0; i < w->sample; i++)
    CHECK (virDomainDestroy (doms[i]) == 0, "libvirt destroy: %s", libvirt_message ());
  drain ();

  LIBVIRT_EACH (OP_UNDEFINE, virDomainUndefine (doms[i]));

  for (guint i = 0; i < w->n; i++)
    virDomainFree (doms[i]);
  virConnectClose (conn);
  drain ();
  return name_bytes > 0;
}

static gboolean
libvirt_define_only (const Workload *w, gpointer *state)
{
  virConnectPtr conn = virConnectOpen (URI);
  virDomainPtr *doms = g_new0 (virDomainPtr, w->n);

  CHECK (conn != NULL, "libvirt open: %s", libvirt_message ());
  bench_rss_mark ();
  if (!libvirt_define_all (w, conn, doms))
    return FALSE;
  state[0] = conn;
  state[1] = doms;
  return TRUE;
}
#endif

/* ---- libvirt-gobject ------------------------------------------------------ */

#ifdef HAVE_LIBVIRT_GOBJECT
#define GOBJECT_EACH(op, call)                                           \
  G_STMT_START {                                                         \
    begin ();                                                            \
    for (guint i = 0; i < w->n; i++)                                     \
      CHECK (call, "libvirt-gobject %s: %s", op_names[op], error->message); \
    us[op] = end (w->n);                                                 \
  } G_STMT_END

static gboolean
gobject_define_all (const Workload *w, GVirConnection *conn, GVirDomain **doms)
{
  for (guint i = 0; i < w->n; i++)
    {
      g_autoptr(GError) error = NULL;
      GVirConfigDomain *config = gvir_config_domain_new_from_xml (w->xml[i], &error);

      CHECK (config != NULL, "libvirt-gobject parse: %s", error->message);
      doms[i] = gvir_connection_create_domain (conn, config, &error);
      g_object_unref (config);
      CHECK (doms[i] != NULL, "libvirt-gobject define: %s", error->message);
    }
  return TRUE;
}

static gboolean
gobject_run (const Workload *w, double us[N_OPS])
{
  g_autoptr(GError) error = NULL;
  g_autofree GVirDomain **doms = g_new0 (GVirDomain *, w->n);
  GVirConnection *conn;
  gsize name_bytes = 0;

  begin ();
  conn = gvir_connection_new (URI);
  CHECK (gvir_connection_open (conn, NULL, &error), "libvirt-gobject open: %s", error->message);
  us[OP_OPEN] = end (1);

  begin ();
  if (!gobject_define_all (w, conn, doms))
    return FALSE;
  us[OP_DEFINE] = end (w->n);

  begin ();
  for (guint k = 0; k < LISTS; k++)
    {
      GList *all;

      CHECK (gvir_connection_fetch_domains (conn, NULL, &error),
             "libvirt-gobject fetch: %s", error->message);
      all = gvir_connection_get_domains (conn);
      CHECK (g_list_length (all) == w->n + 1, "libvirt-gobject list: %u", g_list_length (all));
      for (GList *l = all; l != NULL; l = l->next)
        name_bytes += strlen (gvir_domain_get_name (l->data));
      g_list_free_full (all, g_object_unref);
    }
  us[OP_LIST] = end (LISTS);

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      GVirDomain *dom = gvir_connection_find_domain_by_name (conn, w->name[i]);

      CHECK (dom != NULL, "libvirt-gobject lookup-name %s", w->name[i]);
      g_object_unref (dom);
    }
  us[OP_LOOKUP_NAME] = end (w->n);

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      GVirDomain *dom = gvir_connection_get_domain (conn, w->uuid[i]);

      CHECK (dom != NULL, "libvirt-gobject lookup-uuid %s", w->uuid[i]);
      g_object_unref (dom);
    }
  us[OP_LOOKUP_UUID] = end (w->n);

  /* fetch_domains made new objects: use the connection's own from here on. */
  for (guint i = 0; i < w->n; i++)
    {
      g_object_unref (doms[i]);
      doms[i] = gvir_connection_get_domain (conn, w->uuid[i]);
    }

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      GVirConfigDomain *config = gvir_domain_get_config (doms[i], 0, &error);
      char *xml;

      CHECK (config != NULL, "libvirt-gobject xml: %s", error->message);
      xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (config));
      g_free (xml);
      g_object_unref (config);
    }
  us[OP_XML] = end (w->n);

  begin ();
  for (guint i = 0; i < w->n; i++)
    {
      GVirDomainInfo *info = gvir_domain_get_info (doms[i], &error);

      CHECK (info != NULL, "libvirt-gobject info: %s", error->message);
      g_boxed_free (GVIR_TYPE_DOMAIN_INFO, info);
    }
  us[OP_INFO] = end (w->n);

  GOBJECT_EACH (OP_START, gvir_domain_start (doms[i], 0, &error));
  GOBJECT_EACH (OP_SUSPEND, gvir_domain_suspend (doms[i], &error));
  GOBJECT_EACH (OP_RESUME, gvir_domain_resume (doms[i], &error));
  GOBJECT_EACH (OP_DESTROY, gvir_domain_stop (doms[i], 0, &error));

  for (guint i = 0; i < w->sample; i++)
    CHECK (gvir_domain_start (doms[i], 0, &error), "libvirt-gobject start: %s", error->message);
  drain ();
  begin ();
  for (guint i = 0; i < w->sample; i++)
    {
      g_autofree char *path = save_path (w, i);

      CHECK (gvir_domain_save_to_file (doms[i], path, NULL, 0, &error),
             "libvirt-gobject save: %s", error->message);
    }
  us[OP_SAVE] = end (w->sample);
  begin ();
  for (guint i = 0; i < w->sample; i++)
    {
      g_autofree char *path = save_path (w, i);

      CHECK (gvir_connection_restore_domain_from_file (conn, path, NULL, 0, &error),
             "libvirt-gobject restore: %s", error->message);
    }
  us[OP_RESTORE] = end (w->sample);
  for (guint i = 0; i < w->sample; i++)
    CHECK (gvir_domain_stop (doms[i], 0, &error), "libvirt-gobject destroy: %s", error->message);
  drain ();

  GOBJECT_EACH (OP_UNDEFINE, gvir_domain_delete (doms[i], 0, &error));

  for (guint i = 0; i < w->n; i++)
    g_object_unref (doms[i]);
  gvir_connection_close (conn);
  g_object_unref (conn);
  drain ();
  return name_bytes > 0;
}

static gboolean
gobject_define_only (const Workload *w, gpointer *state)
{
  g_autoptr(GError) error = NULL;
  GVirConnection *conn = gvir_connection_new (URI);
  GVirDomain **doms = g_new0 (GVirDomain *, w->n);

  CHECK (gvir_connection_open (conn, NULL, &error), "libvirt-gobject open: %s", error->message);
  drain ();
  bench_rss_mark ();
  if (!gobject_define_all (w, conn, doms))
    return FALSE;
  drain ();
  state[0] = conn;
  state[1] = doms;
  return TRUE;
}
#endif

static const Library libraries[] = {
  { "gvirt", "GVirt", gvirt_run, gvirt_define_only },
#ifdef HAVE_LIBVIRT
  { "libvirt", "libvirt", libvirt_run, libvirt_define_only },
#endif
#ifdef HAVE_LIBVIRT_GOBJECT
  { "gobject", "libvirt-gobject", gobject_run, gobject_define_only },
#endif
};

static const Library *
find_library (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (libraries); i++)
    if (g_str_equal (libraries[i].id, id))
      return &libraries[i];
  return NULL;
}

static void
workload_init (Workload *w, guint n)
{
  g_autoptr(GError) error = NULL;

  w->n = n;
  w->sample = MIN (n, SAVE_SAMPLE);
  w->xml = g_new0 (char *, n + 1);
  w->name = g_new0 (char *, n + 1);
  w->uuid = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      w->xml[i] = bench_domain_xml (i);
      w->name[i] = g_strdup_printf ("bench-%u", i);
      w->uuid[i] = g_strdup_printf ("%08x-1c2d-4e5f-8a9b-0c1d2e3f4a5b", i);
    }
  w->save_dir = g_dir_make_tmp ("bench-node-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
workload_clear (Workload *w)
{
  for (guint i = 0; i < w->sample; i++)
    {
      g_autofree char *path = save_path (w, i);

      g_unlink (path);
    }
  g_rmdir (w->save_dir);
  g_free (w->save_dir);
  g_strfreev (w->xml);
  g_strfreev (w->name);
  g_strfreev (w->uuid);
}

static void
child_init (const Library *lib)
{
#ifdef HAVE_LIBVIRT
  virSetErrorFunc (NULL, libvirt_quiet);
#endif
#ifdef HAVE_LIBVIRT_GOBJECT
  if (g_str_equal (lib->id, "gobject"))
    gvir_init_object (NULL, NULL);
#endif
}

/* --child LIB N RUNS: one line per operation, "name median_us". */
static int
child_time (const Library *lib, guint n, guint runs)
{
  Workload w;
  g_autofree double *samples = g_new0 (double, runs * N_OPS);

  child_init (lib);
  workload_init (&w, n);
  for (guint r = 0; r < runs; r++)
    {
      double us[N_OPS] = { 0 };

      if (!lib->run (&w, us))
        return 1;
      for (guint op = 0; op < N_OPS; op++)
        samples[op * runs + r] = us[op];
    }
  for (guint op = 0; op < N_OPS; op++)
    g_print ("%s %.3f\n", op_names[op], bench_median (samples + op * runs, runs));
  workload_clear (&w);
  return 0;
}

/* --rss LIB N: "rss_kib_per_domain X" from the peak RSS growth of one define of N. */
static int
child_rss (const Library *lib, guint n)
{
  Workload w;
  gpointer state[2] = { NULL, NULL };
  double kib;

  child_init (lib);
  workload_init (&w, n);
  if (!lib->define_only (&w, state))
    return 1;
  kib = bench_rss_growth_kib ();
  g_print ("rss_kib_per_domain %.3f\n", kib / n);
  workload_clear (&w);
  return 0;
}

typedef struct {
  double us[N_OPS];
  double rss_kib;
  gboolean ok;
} Result;

static gboolean
spawn_child (const char *self_path, const char * const *args, char **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) self_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_CHILD_INHERITS_STDERR,
                     NULL, NULL, out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s %s: %s\n", self_path, args[0], error->message);
      return FALSE;
    }
  return TRUE;
}

static void
parse_child (const char *out, Result *result)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char name[64];
      double value;

      if (sscanf (lines[i], "%63s %lf", name, &value) != 2)
        continue;
      for (guint op = 0; op < N_OPS; op++)
        if (g_str_equal (name, op_names[op]))
          result->us[op] = value;
      if (g_str_equal (name, "rss_kib_per_domain"))
        result->rss_kib = value;
    }
}

static void
print_ratio (double a, double b)
{
  if (b > 0)
    g_print (" %8.3f", a / b);
  else
    g_print (" %8s", "-");
}

int
main (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *n_list = g_strdup ("1000,10000");
  g_autofree char *lib_list = NULL;
  int runs = 0;
  const char *self_path = "/proc/self/exe";
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_auto(GStrv) ns = NULL;
  g_autoptr(GString) js = g_string_new ("{\"uri\": \"" URI "\", \"results\": [");
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { "n", 0, 0, G_OPTION_ARG_STRING, &n_list, "Domain counts, comma-separated", "N,..." },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per (library, N); default 5, 3 from N=5000", "R" },
    { "lib", 0, 0, G_OPTION_ARG_STRING, &lib_list, "Libraries: gvirt,libvirt,gobject", "L,..." },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("GVIRT_BACKEND_PATH") == NULL)
    g_setenv ("GVIRT_BACKEND_PATH", BENCH_BACKEND_DIR, TRUE);

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    {
      const Library *lib = find_library (argv[2]);

      return lib ? child_time (lib, atoi (argv[3]), atoi (argv[4])) : 2;
    }
  if (argc == 4 && g_str_equal (argv[1], "--rss"))
    {
      const Library *lib = find_library (argv[2]);

      return lib ? child_rss (lib, atoi (argv[3])) : 2;
    }

  context = g_option_context_new ("- the node workload on GVirt, libvirt and libvirt-gobject");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (exe != NULL)
    self_path = exe;

  ns = g_strsplit (n_list, ",", -1);
  for (guint k = 0; ns[k] != NULL; k++)
    {
      guint n = atoi (ns[k]);
      guint r = runs > 0 ? (guint) runs : n >= 5000 ? 3 : 5;
      g_autofree char *n_str = g_strdup_printf ("%u", n);
      g_autofree char *r_str = g_strdup_printf ("%u", r);
      Result results[G_N_ELEMENTS (libraries)] = { 0 };

      for (guint l = 0; l < G_N_ELEMENTS (libraries); l++)
        {
          const char *time_args[] = { "--child", libraries[l].id, n_str, r_str, NULL };
          const char *rss_args[] = { "--rss", libraries[l].id, n_str, NULL };
          g_autofree char *out = NULL;
          g_autofree char *rss_out = NULL;

          if (lib_list != NULL && strstr (lib_list, libraries[l].id) == NULL)
            continue;
          if (!json)
            g_printerr ("N=%u %s ...\n", n, libraries[l].label);
          fflush (stdout);
          if (!spawn_child (self_path, time_args, &out) ||
              !spawn_child (self_path, rss_args, &rss_out))
            continue;
          parse_child (out, &results[l]);
          parse_child (rss_out, &results[l]);
          results[l].ok = TRUE;
        }

      if (json)
        {
          for (guint l = 0; l < G_N_ELEMENTS (libraries); l++)
            {
              if (!results[l].ok)
                continue;
              g_string_append_printf (js, "%s{\"library\": \"%s\", \"n\": %u, \"runs\": %u, "
                                      "\"rss_kib_per_domain\": %.3f, \"us_per_op\": {",
                                      js->str[js->len - 1] == '[' ? "" : ", ",
                                      libraries[l].id, n, r, results[l].rss_kib);
              for (guint op = 0; op < N_OPS; op++)
                g_string_append_printf (js, "%s\"%s\": %.3f", op ? ", " : "",
                                        op_names[op], results[l].us[op]);
              g_string_append (js, "}");
              if (l > 0 && results[0].ok)
                {
                  g_string_append (js, ", \"gvirt_ratio\": {");
                  for (guint op = 0; op < N_OPS; op++)
                    g_string_append_printf (js, "%s\"%s\": %.4f", op ? ", " : "", op_names[op],
                                            results[l].us[op] > 0 ? results[0].us[op] / results[l].us[op] : 0);
                  g_string_append_printf (js, ", \"rss\": %.4f}",
                                          results[l].rss_kib > 0 ? results[0].rss_kib / results[l].rss_kib : 0);
                }
              g_string_append (js, "}");
            }
          continue;
        }

      g_print ("\nN = %u domains, %s, median of %u runs, us per operation "
               "(list-all: per full listing; save/restore: a sample of %u)\n",
               n, URI, r, MIN (n, SAVE_SAMPLE));
      g_print ("%-12s", "operation");
      for (guint l = 0; l < G_N_ELEMENTS (libraries); l++)
        if (results[l].ok)
          {
            g_print (" %15s", libraries[l].label);
            if (l > 0 && results[0].ok)
              g_print (" %8s", "ratio");
          }
      g_print ("\n");
      for (guint op = 0; op < N_OPS + 1; op++)
        {
          g_print ("%-12s", op < N_OPS ? op_names[op] : "RSS KiB/dom");
          for (guint l = 0; l < G_N_ELEMENTS (libraries); l++)
            {
              double v = op < N_OPS ? results[l].us[op] : results[l].rss_kib;

              if (!results[l].ok)
                continue;
              g_print (" %15.2f", v);
              if (l > 0 && results[0].ok)
                print_ratio (op < N_OPS ? results[0].us[op] : results[0].rss_kib, v);
            }
          g_print ("\n");
        }
      g_print ("ratio = GVirt / the library on its left\n");
    }
  if (json)
    g_print ("%s]}\n", js->str);
  return 0;
}
