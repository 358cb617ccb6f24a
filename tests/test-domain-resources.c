/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GTest suite for GVirtDomain's resources and state on disk: info, memory, vCPUs, autostart, undefine, config and XML, save/restore, core dump. */
#include <string.h>

#include "gvirt-test-util.h"

typedef GVirtTestDomainFixture Fixture;

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, gvirt_test_domain_fixture_setup, func, gvirt_test_domain_fixture_teardown)

/* Info, memory, vCPUs */

static void
test_get_info (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainInfo) info = gvirt_domain_get_info_sync (f->dom, NULL, &error);
  g_autoptr(GVirtDomainInfo) later = NULL;
  g_autoptr(GVirtDomainInfo) off_info = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (info->state, ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_cmpuint (info->max_memory, ==, 8388608);
  g_assert_cmpuint (info->memory, ==, 2097152);
  g_assert_cmpuint (info->n_vcpus, ==, 2);

  /* CPU time grows while running (2 vCPUs all the time). */
  g_usleep (20 * 1000);
  gvirt_domain_get_info_async (f->dom, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  later = gvirt_domain_get_info_finish (f->dom, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->cpu_time, >=, info->cpu_time + 2 * 20 * 1000 * 1000);

  off_info = gvirt_domain_get_info_sync (f->off, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (off_info->state, ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_cmpuint (off_info->cpu_time, ==, 0);
  g_assert_cmpuint (off_info->max_memory, ==, 131072);
  g_assert_cmpuint (off_info->n_vcpus, ==, 1);
}

static void
test_cpu_time_paused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainInfo) a = NULL;
  g_autoptr(GVirtDomainInfo) b = NULL;

  g_assert_true (gvirt_domain_suspend_sync (f->dom, NULL, &error));
  a = gvirt_domain_get_info_sync (f->dom, NULL, &error);
  g_usleep (15 * 1000);
  b = gvirt_domain_get_info_sync (f->dom, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (b->state, ==, GVIRT_DOMAIN_STATE_PAUSED);
  g_assert_cmpuint (a->cpu_time, ==, b->cpu_time);
}

static void
test_set_memory (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainInfo) info = NULL;
  g_autoptr(GVirtDomainConfig) live = NULL;
  g_autoptr(GVirtDomainConfig) persistent = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_true (gvirt_domain_set_memory_sync (f->dom, 1048576, NULL, &error));
  g_assert_no_error (error);
  info = gvirt_domain_get_info_sync (f->dom, NULL, &error);
  g_assert_cmpuint (info->memory, ==, 1048576);
  g_assert_cmpuint (info->max_memory, ==, 8388608);
  live = gvirt_domain_get_config_sync (f->dom, GVIRT_DOMAIN_XML_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gvirt_domain_config_get_current_memory (live), ==, 1048576);
  /* "current" rule: the persistent configuration is untouched while active. */
  persistent = gvirt_domain_get_config_sync (f->dom, GVIRT_DOMAIN_XML_INACTIVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gvirt_domain_config_get_current_memory (persistent), ==, 2097152);

  /* Exactly the maximum is fine; one more is not. */
  g_assert_true (gvirt_domain_set_memory_sync (f->dom, 8388608, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gvirt_domain_set_memory_sync (f->dom, 8388609, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (gvirt_domain_set_memory_sync (f->dom, 0, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  gvirt_domain_set_memory_async (f->dom, 524288, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_true (gvirt_domain_set_memory_finish (f->dom, result, &error));
  g_assert_no_error (error);
  g_clear_pointer (&info, gvirt_domain_info_free);
  info = gvirt_domain_get_info_sync (f->dom, NULL, &error);
  g_assert_cmpuint (info->memory, ==, 524288);
}

static void
test_set_max_memory (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainInfo) info = NULL;
  g_autoptr(GVirtDomainConfig) config = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  /* Refused while active. */
  g_assert_false (gvirt_domain_set_max_memory_sync (f->dom, 4194304, NULL, &error));
  gvirt_test_assert_error_contains (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE, "test");
  g_clear_error (&error);

  /* On an inactive domain: raises <memory>, and lowering clamps the current memory. */
  g_assert_true (gvirt_domain_set_max_memory_sync (f->off, 262144, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvirt_domain_set_memory_sync (f->off, 200000, NULL, &error));
  g_assert_no_error (error);
  info = gvirt_domain_get_info_sync (f->off, NULL, &error);
  g_assert_cmpuint (info->max_memory, ==, 262144);
  g_assert_cmpuint (info->memory, ==, 200000);

  gvirt_domain_set_max_memory_async (f->off, 100000, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_true (gvirt_domain_set_max_memory_finish (f->off, result, &error));
  g_assert_no_error (error);
  g_clear_pointer (&info, gvirt_domain_info_free);
  info = gvirt_domain_get_info_sync (f->off, NULL, &error);
  g_assert_cmpuint (info->max_memory, ==, 100000);
  g_assert_cmpuint (info->memory, ==, 100000);
  config = gvirt_domain_get_config_sync (f->off, GVIRT_DOMAIN_XML_INACTIVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gvirt_domain_config_get_memory (config), ==, 100000);
  g_assert_cmpuint (gvirt_domain_config_get_current_memory (config), ==, 100000);

  g_assert_false (gvirt_domain_set_max_memory_sync (f->off, 0, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
}

static void
test_set_vcpus (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainInfo) info = NULL;
  g_autoptr(GVirtDomainConfig) live = NULL;
  g_autoptr(GPtrArray) vcpus = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  /* Running: within the <vcpu>2</vcpu> it was started with (issue 12 item 11). */
  g_assert_false (gvirt_domain_set_vcpus_sync (f->dom, 4, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==,
                   "Domain “test” cannot have 4 virtual CPUs while it runs: the maximum it was started with is 2.");
  g_clear_error (&error);
  g_assert_true (gvirt_domain_set_vcpus_sync (f->dom, 1, NULL, &error));
  g_assert_no_error (error);
  info = gvirt_domain_get_info_sync (f->dom, NULL, &error);
  g_assert_cmpuint (info->n_vcpus, ==, 1);
  live = gvirt_domain_get_config_sync (f->dom, GVIRT_DOMAIN_XML_NONE, NULL, &error);
  g_assert_cmpuint (gvirt_domain_config_get_vcpus (live), ==, 2);
  g_assert_cmpuint (gvirt_domain_config_get_current_vcpus (live), ==, 1);
  vcpus = gvirt_domain_get_vcpu_info_sync (f->dom, NULL, &error);
  g_assert_cmpuint (vcpus->len, ==, 1);
  g_clear_object (&live);
  /* the persistent definition stays as it was */
  live = gvirt_domain_get_config_sync (f->dom, GVIRT_DOMAIN_XML_INACTIVE, NULL, &error);
  g_assert_cmpuint (gvirt_domain_config_get_vcpus (live), ==, 2);
  g_assert_cmpuint (gvirt_domain_config_get_current_vcpus (live), ==, 0);
  g_assert_true (gvirt_domain_set_vcpus_sync (f->dom, 2, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&info, gvirt_domain_info_free);
  info = gvirt_domain_get_info_sync (f->dom, NULL, &error);
  g_assert_cmpuint (info->n_vcpus, ==, 2);

  g_assert_false (gvirt_domain_set_vcpus_sync (f->dom, 0, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* Shut off: the definition's maximum changes; the node has 16 CPUs. */
  g_assert_true (gvirt_domain_set_vcpus_sync (f->off, 16, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gvirt_domain_set_vcpus_sync (f->off, 17, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  gvirt_domain_set_vcpus_async (f->off, 3, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_true (gvirt_domain_set_vcpus_finish (f->off, result, &error));
  g_assert_no_error (error);
  g_clear_object (&live);
  live = gvirt_domain_get_config_sync (f->off, GVIRT_DOMAIN_XML_INACTIVE, NULL, &error);
  g_assert_cmpuint (gvirt_domain_config_get_vcpus (live), ==, 3);
  /* started with 3, it may go up to 3 */
  g_assert_true (gvirt_domain_start_sync (f->off, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gvirt_domain_set_vcpus_sync (f->off, 4, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (gvirt_domain_set_vcpus_sync (f->off, 3, NULL, &error));
  g_assert_no_error (error);
}

static void
test_vcpu_info (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vcpus = gvirt_domain_get_vcpu_info_sync (f->dom, NULL, &error);
  g_autoptr(GPtrArray) paused = NULL;
  g_autoptr(GPtrArray) off = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (vcpus->len, ==, 2);
  for (guint i = 0; i < vcpus->len; i++)
    {
      GVirtVcpuInfo *v = vcpus->pdata[i];
      gsize n = 0;
      const guint *affinity = gvirt_vcpu_info_get_affinity (v, &n);

      g_assert_cmpuint (gvirt_vcpu_info_get_number (v), ==, i);
      g_assert_cmpint (gvirt_vcpu_info_get_state (v), ==, GVIRT_VCPU_STATE_RUNNING);
      /* Unpinned: every node CPU. */
      g_assert_cmpuint (n, ==, 16);
      for (guint c = 0; c < n; c++)
        g_assert_cmpuint (affinity[c], ==, c);
      g_assert_cmpint (gvirt_vcpu_info_get_cpu (v), >=, 0);
      g_assert_cmpint (gvirt_vcpu_info_get_cpu (v), <, 16);
    }

  g_assert_true (gvirt_domain_suspend_sync (f->dom, NULL, &error));
  gvirt_domain_get_vcpu_info_async (f->dom, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  paused = gvirt_domain_get_vcpu_info_finish (f->dom, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paused->len, ==, 2);
  g_assert_cmpint (gvirt_vcpu_info_get_state (paused->pdata[0]), ==, GVIRT_VCPU_STATE_BLOCKED);

  off = gvirt_domain_get_vcpu_info_sync (f->off, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (off->len, ==, 1);
  g_assert_cmpint (gvirt_vcpu_info_get_state (off->pdata[0]), ==, GVIRT_VCPU_STATE_OFFLINE);
  g_assert_cmpint (gvirt_vcpu_info_get_cpu (off->pdata[0]), ==, -1);
  g_assert_cmpuint (gvirt_vcpu_info_get_cpu_time (off->pdata[0]), ==, 0);
}

static void
test_pin_vcpu (Fixture *f, gconstpointer data)
{
  const guint pins[] = { 4, 2, 4 };
  const guint bad_cpu[] = { 3, 16 };
  const guint one[] = { 7 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vcpus = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const guint *affinity;
  gsize n = 0;

  g_assert_true (gvirt_domain_pin_vcpu_sync (f->dom, 1, pins, G_N_ELEMENTS (pins), NULL, &error));
  g_assert_no_error (error);
  vcpus = gvirt_domain_get_vcpu_info_sync (f->dom, NULL, &error);
  affinity = gvirt_vcpu_info_get_affinity (vcpus->pdata[1], &n);
  /* Duplicates dropped. */
  g_assert_cmpuint (n, ==, 2);
  g_assert_true ((affinity[0] == 2 && affinity[1] == 4) || (affinity[0] == 4 && affinity[1] == 2));
  g_assert_true (gvirt_vcpu_info_get_cpu (vcpus->pdata[1]) == 2 || gvirt_vcpu_info_get_cpu (vcpus->pdata[1]) == 4);
  /* vCPU 0 is untouched. */
  gvirt_vcpu_info_get_affinity (vcpus->pdata[0], &n);
  g_assert_cmpuint (n, ==, 16);

  g_assert_false (gvirt_domain_pin_vcpu_sync (f->dom, 0, bad_cpu, G_N_ELEMENTS (bad_cpu), NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (gvirt_domain_pin_vcpu_sync (f->dom, 2, one, 1, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (gvirt_domain_pin_vcpu_sync (f->dom, 0, NULL, 0, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Async, and pins survive a stop. */
  gvirt_domain_pin_vcpu_async (f->dom, 0, one, 1, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_true (gvirt_domain_pin_vcpu_finish (f->dom, result, &error));
  g_assert_no_error (error);
  g_assert_true (gvirt_domain_destroy_sync (f->dom, NULL, &error));
  g_assert_true (gvirt_domain_start_sync (f->dom, NULL, &error));
  g_clear_pointer (&vcpus, g_ptr_array_unref);
  vcpus = gvirt_domain_get_vcpu_info_sync (f->dom, NULL, &error);
  g_assert_no_error (error);
  affinity = gvirt_vcpu_info_get_affinity (vcpus->pdata[0], &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (affinity[0], ==, 7);
  g_assert_cmpint (gvirt_vcpu_info_get_cpu (vcpus->pdata[0]), ==, 7);
}

/* Autostart */

static void
test_autostart (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GVirtDomainConfig) config = gvirt_test_domain_config ("transient");
  g_autoptr(GVirtDomain) transient = NULL;

  gvirt_test_recorder_watch_domain (f->rec, f->off);
  g_assert_true (gvirt_domain_set_autostart_sync (f->off, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gvirt_domain_get_autostart (f->off));
  gvirt_test_assert_recorded (f->rec, "notify::autostart");

  /* No change, no notification. */
  g_assert_true (gvirt_domain_set_autostart_sync (f->off, TRUE, NULL, &error));
  gvirt_test_assert_recorded (f->rec, "notify::autostart");

  gvirt_domain_set_autostart_async (f->off, FALSE, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_true (gvirt_domain_set_autostart_finish (f->off, result, &error));
  g_assert_no_error (error);
  g_assert_false (gvirt_domain_get_autostart (f->off));

  transient = gvirt_connection_create_domain_sync (f->conn, config, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gvirt_domain_set_autostart_sync (transient, TRUE, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE);
}

/* Undefine */

static void
test_undefine_active (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  gvirt_test_recorder_watch_domain (f->rec, f->dom);
  gvirt_test_recorder_watch (f->rec, f->conn, "domain-removed");
  g_assert_true (gvirt_domain_undefine_sync (f->dom, NULL, &error));
  g_assert_no_error (error);
  /* Still running, now transient. */
  gvirt_test_assert_recorded (f->rec, "notify::persistent");
  g_assert_false (gvirt_domain_get_persistent (f->dom));
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_RUNNING);

  /* A transient domain cannot be undefined. */
  g_assert_false (gvirt_domain_undefine_sync (f->dom, NULL, &error));
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE);
  g_clear_error (&error);

  gvirt_test_recorder_clear (f->rec);
  g_assert_true (gvirt_domain_shutdown_sync (f->dom, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "stopped(0)"), ==, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "domain-removed(test)"), ==, 1);
  g_assert_null (gvirt_connection_find_domain_by_name (f->conn, "test"));
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (f->conn)), ==, 1);
}

/* Config and XML */

static void
test_xml (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *live = gvirt_domain_get_xml_sync (f->dom, GVIRT_DOMAIN_XML_NONE, NULL, &error);
  g_autofree char *inactive = NULL;
  g_autofree char *async_xml = NULL;
  g_autofree char *off_live = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GVirtDomainConfig) parsed = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (live, "id=\"1\"") ? strstr (live, "id=\"1\"") : strstr (live, "id='1'"));
  g_assert_nonnull (strstr (live, "<name>test</name>"));
  g_assert_nonnull (strstr (live, GVIRT_TEST_DOMAIN_UUID));

  inactive = gvirt_domain_get_xml_sync (f->dom, GVIRT_DOMAIN_XML_INACTIVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (inactive, " id="));
  g_assert_nonnull (strstr (inactive, "<name>test</name>"));

  parsed = gvirt_domain_config_new_from_xml (live, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gvirt_domain_config_get_id (parsed), ==, 1);
  g_assert_cmpuint (gvirt_domain_config_get_memory (parsed), ==, 8388608);

  gvirt_domain_get_xml_async (f->dom, GVIRT_DOMAIN_XML_INACTIVE, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  async_xml = gvirt_domain_get_xml_finish (f->dom, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (async_xml, ==, inactive);

  off_live = gvirt_domain_get_xml_sync (f->off, GVIRT_DOMAIN_XML_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (off_live, " id="));
}

static void
test_config (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainConfig) live = gvirt_domain_get_config_sync (f->dom, GVIRT_DOMAIN_XML_NONE, NULL, &error);
  g_autoptr(GVirtDomainConfig) inactive = NULL;
  g_autoptr(GVirtDomainConfig) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gvirt_domain_config_get_name (live), ==, "test");
  g_assert_cmpstr (gvirt_domain_config_get_uuid (live), ==, GVIRT_TEST_DOMAIN_UUID);
  g_assert_cmpint (gvirt_domain_config_get_id (live), ==, 1);
  g_assert_cmpuint (gvirt_domain_config_get_vcpus (live), ==, 2);
  g_assert_cmpuint (gvirt_domain_config_get_memory (live), ==, 8388608);
  g_assert_cmpuint (gvirt_domain_config_get_current_memory (live), ==, 2097152);

  gvirt_domain_get_config_async (f->dom, GVIRT_DOMAIN_XML_INACTIVE, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  inactive = gvirt_domain_get_config_finish (f->dom, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gvirt_domain_config_get_id (inactive), ==, -1);

  /* Every configuration handed out is a copy. */
  gvirt_domain_config_set_memory (live, 1);
  again = gvirt_domain_get_config_sync (f->dom, GVIRT_DOMAIN_XML_NONE, NULL, &error);
  g_assert_cmpuint (gvirt_domain_config_get_memory (again), ==, 8388608);
  g_assert_true (live != again);
}

/* Save, restore, core dump */

static void
test_save_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *path = gvirt_test_tmp_path ("domain-test.save");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) restored = NULL;
  g_autoptr(GVirtDomainInfo) info = NULL;

  gvirt_test_recorder_watch_domain (f->rec, f->dom);
  g_assert_true (gvirt_domain_set_memory_sync (f->dom, 1000000, NULL, &error));
  g_assert_true (gvirt_domain_save_sync (f->dom, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_cmpint (gvirt_domain_get_id (f->dom), ==, -1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "stopped(3)"), ==, 1);

  gvirt_test_recorder_clear (f->rec);
  restored = gvirt_connection_restore_domain_sync (f->conn, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (restored == f->dom);
  g_assert_cmpstr (gvirt_domain_get_uuid (restored), ==, GVIRT_TEST_DOMAIN_UUID);
  g_assert_cmpint (gvirt_domain_get_state (restored), ==, GVIRT_DOMAIN_STATE_RUNNING);
  g_assert_cmpint (gvirt_domain_get_id (restored), >, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "started(1)"), ==, 1);
  g_assert_true (gvirt_domain_get_persistent (restored));
  /* The live configuration came back. */
  info = gvirt_domain_get_info_sync (restored, NULL, &error);
  g_assert_cmpuint (info->memory, ==, 1000000);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (f->conn)), ==, 2);

  /* Restoring while it runs is refused. */
  g_clear_object (&restored);
  restored = gvirt_connection_restore_domain_sync (f->conn, path, NULL, &error);
  g_assert_null (restored);
  g_assert_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE);
}

static void
test_save_restore_async (Fixture *f, gconstpointer data)
{
  g_autofree char *path = gvirt_test_tmp_path ("domain-async.save");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) restored = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_true (gvirt_domain_suspend_sync (f->dom, NULL, &error));
  gvirt_domain_save_async (f->dom, path, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_true (gvirt_domain_save_finish (f->dom, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_SHUTOFF);

  g_clear_object (&result);
  gvirt_test_recorder_watch_domain (f->rec, f->dom);
  gvirt_connection_restore_domain_async (f->conn, path, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  restored = gvirt_connection_restore_domain_finish (f->conn, result, &error);
  g_assert_no_error (error);
  g_assert_true (restored == f->dom);
  /* Saved paused, restored paused. */
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_PAUSED);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "started(1)"), ==, 1);
  g_assert_cmpuint (gvirt_test_recorder_count (f->rec, "suspended(0)"), ==, 1);
}

static void
assert_restore_fails (Fixture *f, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomain) restored = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  restored = gvirt_connection_restore_domain_sync (f->conn, path, NULL, &error);
  g_assert_null (restored);
  g_assert_nonnull (error);
  g_assert_true (error->domain == GVIRT_ERROR);
  g_assert_true (error->code == GVIRT_ERROR_INVALID_ARGUMENT || error->code == GVIRT_ERROR_FAILED);
  if (strstr (error->message, basename) == NULL)
    g_error ("restore error “%s” does not name the file", error->message);
}

static void
test_restore_bad_files (Fixture *f, gconstpointer data)
{
  g_autofree char *good = gvirt_test_tmp_path ("good.save");
  g_autofree char *contents = NULL;
  g_autofree char *garbage = gvirt_test_write_tmp_file ("garbage.save", "\x01\x02garbage\xff\n", -1);
  g_autofree char *empty = gvirt_test_write_tmp_file ("empty.save", "", 0);
  g_autofree char *foreign = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *missing = gvirt_test_tmp_path ("missing.save");
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (gvirt_domain_save_sync (f->dom, good, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  truncated = gvirt_test_write_tmp_file ("truncated.save", contents, len / 2);
  xml = gvirt_domain_get_xml_sync (f->dom, GVIRT_DOMAIN_XML_INACTIVE, NULL, &error);
  foreign = gvirt_test_write_tmp_file ("foreign.save", xml, -1);

  gvirt_test_recorder_watch (f->rec, f->conn, "domain-added");
  gvirt_test_recorder_watch_domain (f->rec, f->dom);

  assert_restore_fails (f, garbage);
  assert_restore_fails (f, empty);
  assert_restore_fails (f, truncated);
  assert_restore_fails (f, foreign);
  assert_restore_fails (f, missing);
  assert_restore_fails (f, gvirt_test_tmpdir ());

  /* Nothing left behind. */
  gvirt_test_flush (NULL);
  gvirt_test_assert_recorded (f->rec, "");
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_SHUTOFF);
  g_assert_cmpuint (g_list_model_get_n_items (gvirt_connection_get_domains (f->conn)), ==, 2);
}

static void
test_core_dump (Fixture *f, gconstpointer data)
{
  g_autofree char *path = gvirt_test_tmp_path ("test.core");
  g_autofree char *path2 = gvirt_test_tmp_path ("test-async.core");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  gvirt_test_recorder_watch_domain (f->rec, f->dom);
  g_assert_true (gvirt_domain_core_dump_sync (f->dom, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "GVirtTestCoreDump1\n"));
  g_assert_nonnull (strstr (contents, GVIRT_TEST_DOMAIN_UUID));
  g_assert_cmpint (gvirt_domain_get_state (f->dom), ==, GVIRT_DOMAIN_STATE_RUNNING);
  gvirt_test_assert_recorded (f->rec, "");

  gvirt_domain_core_dump_async (f->dom, path2, NULL, gvirt_test_async_cb, &result);
  gvirt_test_await (NULL, &result);
  g_assert_true (gvirt_domain_core_dump_finish (f->dom, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path2, G_FILE_TEST_IS_REGULAR));
}

int
main (int argc, char *argv[])
{
  gvirt_test_init (&argc, &argv);

  FIXTURE_TEST ("/domain/info/get-info", test_get_info);
  FIXTURE_TEST ("/domain/info/cpu-time-paused", test_cpu_time_paused);
  FIXTURE_TEST ("/domain/resources/set-memory", test_set_memory);
  FIXTURE_TEST ("/domain/resources/set-max-memory", test_set_max_memory);
  FIXTURE_TEST ("/domain/resources/set-vcpus", test_set_vcpus);
  FIXTURE_TEST ("/domain/vcpu/info", test_vcpu_info);
  FIXTURE_TEST ("/domain/vcpu/pin", test_pin_vcpu);
  FIXTURE_TEST ("/domain/autostart", test_autostart);
  FIXTURE_TEST ("/domain/undefine/active", test_undefine_active);
  FIXTURE_TEST ("/domain/config/xml", test_xml);
  FIXTURE_TEST ("/domain/config/get-config", test_config);
  FIXTURE_TEST ("/domain/save/restore", test_save_restore);
  FIXTURE_TEST ("/domain/save/restore-async-paused", test_save_restore_async);
  FIXTURE_TEST ("/domain/save/restore-bad-files", test_restore_bad_files);
  FIXTURE_TEST ("/domain/core-dump", test_core_dump);

  return gvirt_test_run ();
}
