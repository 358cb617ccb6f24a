/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Tests of GVirtOperation: the one table of operations and the rules every call reads from it. */
#include <string.h>
#include <libvirt-gobject/gvirt-backend.h>

#include "gvirt-test-util.h"

/* ---- A backend with almost nothing: what is missing must be UNSUPPORTED --- */

#define GVIRT_TYPE_PARTIAL_BACKEND (gvirt_partial_backend_get_type ())
G_DECLARE_FINAL_TYPE (GVirtPartialBackend, gvirt_partial_backend, GVIRT, PARTIAL_BACKEND, GObject)

struct _GVirtPartialBackend
{
  GObject parent_instance;
};

static gboolean
partial_open (GVirtBackend *self, GUri *uri, GVirtConnectionFlags flags,
              GCancellable *cancellable, GError **error)
{
  return TRUE;
}

static void
gvirt_partial_backend_iface_init (GVirtBackendInterface *iface)
{
  iface->open = partial_open;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GVirtPartialBackend, gvirt_partial_backend, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GVIRT_TYPE_BACKEND,
                                                      gvirt_partial_backend_iface_init))

static void gvirt_partial_backend_class_init (GVirtPartialBackendClass *klass) {}
static void gvirt_partial_backend_init (GVirtPartialBackend *self) {}

static void
register_partial_backend (void)
{
  GIOExtensionPoint *ep = g_io_extension_point_register (GVIRT_BACKEND_EXTENSION_POINT_NAME);

  g_io_extension_point_set_required_type (ep, GVIRT_TYPE_BACKEND);
  g_io_extension_point_implement (GVIRT_BACKEND_EXTENSION_POINT_NAME,
                                  GVIRT_TYPE_PARTIAL_BACKEND, "partial", 0);
}

/* ---- The table itself --------------------------------------------------- */

/* Every value has a row, named as its enum nick. */
static void
test_table_every_operation_named (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (GVIRT_TYPE_OPERATION);

  g_assert_cmpuint (klass->n_values, ==, GVIRT_OPERATION_NETWORK_GET_XML + 1);
  for (guint i = 0; i < klass->n_values; i++)
    g_assert_cmpstr (gvirt_operation_get_name (klass->values[i].value), ==,
                     klass->values[i].value_nick);
}

/* What only reads (get-*) is allowed read-only; everything else changes the node. */
static void
test_table_read_only_rule (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (GVIRT_TYPE_OPERATION);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *name = gvirt_operation_get_name (klass->values[i].value);
      gboolean reads = g_str_has_prefix (name, "get-") || strstr (name, "-get-") != NULL;

      g_assert_cmpint (gvirt_operation_changes_node (klass->values[i].value), ==, !reads);
    }
}

static void
test_state_allows (void)
{
  g_assert_true (gvirt_operation_allows_state (GVIRT_OPERATION_DOMAIN_START, GVIRT_DOMAIN_STATE_SHUTOFF));
  g_assert_false (gvirt_operation_allows_state (GVIRT_OPERATION_DOMAIN_START, GVIRT_DOMAIN_STATE_RUNNING));
  g_assert_true (gvirt_operation_allows_state (GVIRT_OPERATION_DOMAIN_SUSPEND, GVIRT_DOMAIN_STATE_RUNNING));
  g_assert_false (gvirt_operation_allows_state (GVIRT_OPERATION_DOMAIN_SUSPEND, GVIRT_DOMAIN_STATE_PAUSED));
  g_assert_true (gvirt_operation_allows_state (GVIRT_OPERATION_DOMAIN_RESUME, GVIRT_DOMAIN_STATE_PAUSED));
  g_assert_false (gvirt_operation_allows_state (GVIRT_OPERATION_DOMAIN_RESUME, GVIRT_DOMAIN_STATE_RUNNING));
  g_assert_true (gvirt_operation_allows_state (GVIRT_OPERATION_DOMAIN_DESTROY, GVIRT_DOMAIN_STATE_PAUSED));
  g_assert_false (gvirt_operation_allows_state (GVIRT_OPERATION_DOMAIN_DESTROY, GVIRT_DOMAIN_STATE_SHUTOFF));
  /* No precondition: every state. */
  for (GVirtDomainState s = GVIRT_DOMAIN_STATE_NOSTATE; s <= GVIRT_DOMAIN_STATE_PMSUSPENDED; s++)
    g_assert_true (gvirt_operation_allows_state (GVIRT_OPERATION_DOMAIN_GET_INFO, s));
}

static void
test_state_check_message (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gvirt_operation_check_state (GVIRT_OPERATION_DOMAIN_SUSPEND, "web",
                                              GVIRT_DOMAIN_STATE_RUNNING, &error));
  g_assert_no_error (error);
  g_assert_false (gvirt_operation_check_state (GVIRT_OPERATION_DOMAIN_SUSPEND, "web",
                                               GVIRT_DOMAIN_STATE_SHUTOFF, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE);
  g_assert_cmpstr (error->message, ==, "Domain “web” cannot be suspended: it is shut off.");
}

/* The domain's own state is refused by the backend in the table's words. */
static void
test_state_refused_by_backend (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GVirtDomain) dom = gvirt_connection_find_domain_by_name (conn, "test");
  g_autoptr(GError) error = NULL;

  g_assert_false (gvirt_domain_resume_sync (dom, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE);
  g_assert_cmpstr (error->message, ==, "Domain “test” cannot be resumed: it is running, not paused.");
}

/* ---- The connection's check -------------------------------------------- */

static void
test_check_read_only (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open ("test:///default", GVIRT_CONNECTION_READ_ONLY);
  g_autoptr(GVirtDomain) dom = gvirt_connection_find_domain_by_name (conn, "test");
  g_autoptr(GEnumClass) klass = g_type_class_ref (GVIRT_TYPE_OPERATION);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < klass->n_values; i++)
    {
      GVirtOperation op = klass->values[i].value;
      gboolean ok = gvirt_connection_check_operation (conn, op, &error);

      g_assert_cmpint (ok, ==, !gvirt_operation_changes_node (op));
      if (ok)
        g_assert_no_error (error);
      else
        g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
      g_clear_error (&error);
    }

  /* The call itself gives the same answer and changes nothing. */
  g_assert_false (gvirt_domain_suspend_sync (dom, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_READ_ONLY);
  g_assert_cmpint (gvirt_domain_get_state (dom), ==, GVIRT_DOMAIN_STATE_RUNNING);
}

static void
test_check_closed (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gvirt_connection_check_operation (conn, GVIRT_OPERATION_DOMAIN_START, &error));
  g_assert_no_error (error);
  gvirt_connection_close (conn);
  g_assert_false (gvirt_connection_check_operation (conn, GVIRT_OPERATION_GET_NODE_INFO, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_CLOSED);
}

/* An entry point the backend lacks: UNSUPPORTED, in one whole sentence. */
static void
test_check_unsupported (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open ("partial:///", GVIRT_CONNECTION_NONE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtNodeInfo) info = NULL;

  g_assert_false (gvirt_connection_check_operation (conn, GVIRT_OPERATION_DOMAIN_SUSPEND, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==, "The “partial” backend cannot suspend domains.");
  g_clear_error (&error);

  /* get-xml has a fallback (get-config), and this backend has neither. */
  g_assert_false (gvirt_connection_check_operation (conn, GVIRT_OPERATION_DOMAIN_GET_XML, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  info = gvirt_connection_get_node_info_sync (conn, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==, "The “partial” backend cannot report node information.");
}

/* Memory sizes are 1 to GVIRT_MEMORY_KIB_MAX for every backend, refused
 * before the backend sees them: 2^63 KiB used to log a CRITICAL, return
 * TRUE and change nothing; 2^62 KiB used to be accepted. */
static void
test_check_memory_range (void)
{
  static const guint64 refused[] = {
    0, GVIRT_MEMORY_KIB_MAX + 1, G_GUINT64_CONSTANT (1) << 62,
    G_GUINT64_CONSTANT (1) << 63, G_MAXUINT64,
  };
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GVirtDomain) dom = gvirt_test_define (conn, "ranges");
  g_autoptr(GVirtDomainConfig) config = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (gvirt_domain_set_max_memory_sync (dom, refused[i], NULL, &error));
      gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                                        "it must be from 1 to 9007199254740991 KiB.");
      g_clear_error (&error);
      g_assert_false (gvirt_domain_set_memory_sync (dom, refused[i], NULL, &error));
      gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, "“ranges”");
      g_clear_error (&error);
    }
  gvirt_domain_set_max_memory_async (dom, G_GUINT64_CONSTANT (1) << 63, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_false (gvirt_domain_set_max_memory_finish (dom, result, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* the largest is a size like any other */
  g_assert_true (gvirt_domain_set_max_memory_sync (dom, GVIRT_MEMORY_KIB_MAX, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvirt_domain_set_memory_sync (dom, GVIRT_MEMORY_KIB_MAX, NULL, &error));
  g_assert_no_error (error);
  config = gvirt_domain_get_config_sync (dom, GVIRT_DOMAIN_XML_INACTIVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gvirt_domain_config_get_memory (config), ==, GVIRT_MEMORY_KIB_MAX);
  g_assert_cmpuint (gvirt_domain_config_get_current_memory (config), ==, GVIRT_MEMORY_KIB_MAX);
}

/* A configuration holds any value its setters are given (no CRITICAL);
 * defining it checks the document, as parsing would. */
static void
test_check_memory_in_definition (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GVirtDomainConfig) big = gvirt_domain_config_new_test ("big", G_GUINT64_CONSTANT (1) << 63);
  g_autoptr(GVirtDomainConfig) no_cpu = gvirt_domain_config_new_kvm ("no-cpu", 1024, 0, NULL);
  g_autoptr(GVirtDomain) dom = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (gvirt_domain_config_get_memory (big), ==, G_GUINT64_CONSTANT (1) << 63);
  dom = gvirt_connection_define_domain_sync (conn, big, NULL, &error);
  g_assert_null (dom);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                                    "“9223372036854775808” in <memory> is larger than 9007199254740991 KiB");
  g_clear_error (&error);

  dom = gvirt_connection_define_domain_sync (conn, no_cpu, NULL, &error);
  g_assert_null (dom);
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, "no-cpu");
}

int
main (int argc, char **argv)
{
  gvirt_test_init (&argc, &argv);
  register_partial_backend ();

  g_test_add_func ("/operation/table/every-operation-named", test_table_every_operation_named);
  g_test_add_func ("/operation/table/read-only-rule", test_table_read_only_rule);
  g_test_add_func ("/operation/state/allows", test_state_allows);
  g_test_add_func ("/operation/state/check-message", test_state_check_message);
  g_test_add_func ("/operation/state/refused-by-backend", test_state_refused_by_backend);
  g_test_add_func ("/operation/check/read-only", test_check_read_only);
  g_test_add_func ("/operation/check/closed", test_check_closed);
  g_test_add_func ("/operation/check/unsupported", test_check_unsupported);
  g_test_add_func ("/operation/check/memory-range", test_check_memory_range);
  g_test_add_func ("/operation/check/memory-in-definition", test_check_memory_in_definition);
  return gvirt_test_run ();
}
