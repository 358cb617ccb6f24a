/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers shared by the GTest suites: connections, main-context spinning, signal recording, fixtures, temp files. */
#pragma once

#include <libvirt-gobject/libvirt-gobject.h>

G_BEGIN_DECLS

#define GVIRT_TEST_DEFAULT_URI   "test:///default"
#define GVIRT_TEST_DOMAIN_UUID   "6695eb01-f6a4-8304-79aa-97f2502e193f"
#define GVIRT_TEST_NETWORK_UUID  "dd8fe884-6c02-601e-7551-cca97df1c5df"
#define GVIRT_TEST_TIMEOUT_MS    5000

void             gvirt_test_init             (int *argc, char ***argv);
int              gvirt_test_run              (void);

GVirtConnection *gvirt_test_open             (const char *uri, GVirtConnectionFlags flags);
GVirtConnection *gvirt_test_open_default     (void);
GVirtDomainConfig *gvirt_test_domain_config  (const char *name);
GVirtDomain     *gvirt_test_define           (GVirtConnection *conn, const char *name);

/* Main contexts: NULL means the thread-default one. */
void             gvirt_test_flush            (GMainContext *context);
typedef gboolean (*GVirtTestCondition)       (gpointer data);
gboolean         gvirt_test_wait_for         (GMainContext *context,
                                              GVirtTestCondition condition,
                                              gpointer data,
                                              guint timeout_ms);

/* Async: pass gvirt_test_async_cb with a GAsyncResult** (initially NULL) as
 * user data, then gvirt_test_await() spins until the callback ran. */
void             gvirt_test_async_cb         (GObject *source, GAsyncResult *result, gpointer user_data);
GAsyncResult    *gvirt_test_await            (GMainContext *context, GAsyncResult **slot);

/* Signal recording: every emission becomes one entry, "name" or
 * "name(arg,arg)"; enums and ints are numbers, objects their "name". */
typedef struct _GVirtTestRecorder GVirtTestRecorder;
GVirtTestRecorder *gvirt_test_recorder_new   (void);
void             gvirt_test_recorder_watch   (GVirtTestRecorder *rec, gpointer instance, const char *detailed_signal);
void             gvirt_test_recorder_watch_domain  (GVirtTestRecorder *rec, GVirtDomain *domain);
void             gvirt_test_recorder_watch_network (GVirtTestRecorder *rec, GVirtNetwork *network);
void             gvirt_test_recorder_clear   (GVirtTestRecorder *rec);
char            *gvirt_test_recorder_dump    (GVirtTestRecorder *rec);  /* "a;b(1);c" */
guint            gvirt_test_recorder_count   (GVirtTestRecorder *rec, const char *entry);
void             gvirt_test_recorder_free    (GVirtTestRecorder *rec);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtTestRecorder, gvirt_test_recorder_free)

#define gvirt_test_assert_recorded(rec, expected) G_STMT_START {         \
    g_autofree char *__dump = gvirt_test_recorder_dump (rec);           \
    g_assert_cmpstr (__dump, ==, (expected));                           \
  } G_STMT_END

/* Fixtures shared by the suites split over two programs, for g_test_add ().
 * The connection's: test:///default and a recorder. */
typedef struct {
  GVirtConnection   *conn;
  GVirtTestRecorder *rec;
} GVirtTestConnectionFixture;
void             gvirt_test_connection_fixture_setup    (GVirtTestConnectionFixture *f, gconstpointer data);
void             gvirt_test_connection_fixture_teardown (GVirtTestConnectionFixture *f, gconstpointer data);

/* The domain's: test:///default, its two domains and a recorder. */
typedef struct {
  GVirtConnection   *conn;
  GVirtDomain       *dom;    /* "test", running, id 1 */
  GVirtDomain       *off;    /* "off", defined, shut off */
  GVirtTestRecorder *rec;
} GVirtTestDomainFixture;
void             gvirt_test_domain_fixture_setup        (GVirtTestDomainFixture *f, gconstpointer data);
void             gvirt_test_domain_fixture_teardown     (GVirtTestDomainFixture *f, gconstpointer data);

/* Temp files, in a directory removed when gvirt_test_run() returns. */
const char      *gvirt_test_tmpdir           (void);
char            *gvirt_test_tmp_path         (const char *basename);
char            *gvirt_test_write_tmp_file   (const char *basename, const char *contents, gssize length);
char            *gvirt_test_node_uri         (const char *basename, const char *node_xml);

#define gvirt_test_assert_error_contains(err, dom, code, needle) G_STMT_START { \
    g_assert_error ((err), (dom), (code));                                    \
    if (strstr ((err)->message, (needle)) == NULL)                            \
      g_error ("error message “%s” does not contain “%s”", (err)->message, (needle)); \
  } G_STMT_END

G_END_DECLS
