/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GTest suite for the boxed value types GVirtNodeInfo, GVirtDomainInfo and GVirtVcpuInfo. */
#include <string.h>

#include "gvirt-test-util.h"

static void
test_node_info_boxed (void)
{
  g_autoptr(GVirtNodeInfo) info = gvirt_node_info_new ();
  g_autoptr(GVirtNodeInfo) copy = NULL;
  GVirtNodeInfo *boxed;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_true (G_TYPE_IS_BOXED (GVIRT_TYPE_NODE_INFO));
  g_assert_null (info->model);
  g_assert_cmpuint (info->cpus, ==, 0);

  info->model = g_strdup ("i986");
  info->memory = 8192000;
  info->cpus = 50;
  info->mhz = 6000;
  info->nodes = 4;
  info->sockets = 4;
  info->cores = 4;
  info->threads = 2;

  copy = gvirt_node_info_copy (info);
  g_assert_true (copy != info);
  /* A deep copy: the model string is its own. */
  g_assert_true (copy->model != info->model);
  g_assert_cmpstr (copy->model, ==, "i986");
  g_assert_cmpuint (copy->memory, ==, 8192000);
  g_assert_cmpuint (copy->cpus, ==, 50);
  g_assert_cmpuint (copy->mhz, ==, 6000);
  g_assert_cmpuint (copy->nodes, ==, 4);
  g_assert_cmpuint (copy->sockets, ==, 4);
  g_assert_cmpuint (copy->cores, ==, 4);
  g_assert_cmpuint (copy->threads, ==, 2);

  g_value_init (&value, GVIRT_TYPE_NODE_INFO);
  g_value_set_boxed (&value, info);
  boxed = g_value_get_boxed (&value);
  g_assert_true (boxed != info);
  g_assert_cmpstr (boxed->model, ==, "i986");
  g_assert_cmpuint (boxed->cpus, ==, 50);

  boxed = g_boxed_copy (GVIRT_TYPE_NODE_INFO, info);
  g_assert_cmpuint (boxed->threads, ==, 2);
  g_boxed_free (GVIRT_TYPE_NODE_INFO, boxed);

  /* A NULL model copies as NULL. */
  g_clear_pointer (&info->model, g_free);
  g_clear_pointer (&copy, gvirt_node_info_free);
  copy = gvirt_node_info_copy (info);
  g_assert_null (copy->model);
}

static void
test_domain_info_boxed (void)
{
  g_autoptr(GVirtDomainInfo) info = gvirt_domain_info_new ();
  g_autoptr(GVirtDomainInfo) copy = NULL;
  GVirtDomainInfo *boxed;

  g_assert_true (G_TYPE_IS_BOXED (GVIRT_TYPE_DOMAIN_INFO));
  info->state = GVIRT_DOMAIN_STATE_PAUSED;
  info->max_memory = 8388608;
  info->memory = 2097152;
  info->n_vcpus = 2;
  info->cpu_time = G_GUINT64_CONSTANT (123456789012);

  copy = gvirt_domain_info_copy (info);
  g_assert_true (copy != info);
  g_assert_cmpint (copy->state, ==, GVIRT_DOMAIN_STATE_PAUSED);
  g_assert_cmpuint (copy->max_memory, ==, 8388608);
  g_assert_cmpuint (copy->memory, ==, 2097152);
  g_assert_cmpuint (copy->n_vcpus, ==, 2);
  g_assert_cmpuint (copy->cpu_time, ==, G_GUINT64_CONSTANT (123456789012));

  boxed = g_boxed_copy (GVIRT_TYPE_DOMAIN_INFO, info);
  g_assert_cmpuint (boxed->cpu_time, ==, info->cpu_time);
  g_boxed_free (GVIRT_TYPE_DOMAIN_INFO, boxed);
}

static void
test_vcpu_info_boxed (void)
{
  const guint affinity[] = { 1, 3, 5 };
  g_autoptr(GVirtVcpuInfo) info = gvirt_vcpu_info_new (2, GVIRT_VCPU_STATE_RUNNING,
                                                      G_GUINT64_CONSTANT (5000000000), 3,
                                                      affinity, G_N_ELEMENTS (affinity));
  g_autoptr(GVirtVcpuInfo) copy = NULL;
  g_autoptr(GVirtVcpuInfo) offline = NULL;
  const guint *got, *got_copy;
  gsize n = 0, n_copy = 0;
  GVirtVcpuInfo *boxed;

  g_assert_true (G_TYPE_IS_BOXED (GVIRT_TYPE_VCPU_INFO));
  g_assert_cmpuint (gvirt_vcpu_info_get_number (info), ==, 2);
  g_assert_cmpint (gvirt_vcpu_info_get_state (info), ==, GVIRT_VCPU_STATE_RUNNING);
  g_assert_cmpuint (gvirt_vcpu_info_get_cpu_time (info), ==, G_GUINT64_CONSTANT (5000000000));
  g_assert_cmpint (gvirt_vcpu_info_get_cpu (info), ==, 3);
  got = gvirt_vcpu_info_get_affinity (info, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (got != affinity);
  g_assert_cmpmem (got, n * sizeof (guint), affinity, sizeof affinity);

  copy = gvirt_vcpu_info_copy (info);
  got_copy = gvirt_vcpu_info_get_affinity (copy, &n_copy);
  g_assert_cmpuint (n_copy, ==, 3);
  g_assert_true (got_copy != got);
  g_assert_cmpmem (got_copy, n_copy * sizeof (guint), affinity, sizeof affinity);
  g_assert_cmpuint (gvirt_vcpu_info_get_number (copy), ==, 2);
  g_assert_cmpint (gvirt_vcpu_info_get_cpu (copy), ==, 3);

  boxed = g_boxed_copy (GVIRT_TYPE_VCPU_INFO, info);
  g_assert_cmpuint (gvirt_vcpu_info_get_number (boxed), ==, 2);
  g_boxed_free (GVIRT_TYPE_VCPU_INFO, boxed);

  offline = gvirt_vcpu_info_new (0, GVIRT_VCPU_STATE_OFFLINE, 0, -1, NULL, 0);
  g_assert_cmpint (gvirt_vcpu_info_get_cpu (offline), ==, -1);
  n = 99;
  got = gvirt_vcpu_info_get_affinity (offline, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (got);
}

static void
test_node_info_from_node_file (void)
{
  g_autofree char *uri = gvirt_test_node_uri ("info-node.xml",
      "<node>\n"
      "  <cpu><mhz>3000</mhz><model>x86_64</model><active>8</active>\n"
      "       <nodes>1</nodes><sockets>1</sockets><cores>4</cores><threads>2</threads></cpu>\n"
      "  <memory>4194304</memory>\n"
      "</node>\n");
  g_autoptr(GVirtConnection) conn = gvirt_test_open (uri, GVIRT_CONNECTION_NONE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtNodeInfo) info = gvirt_connection_get_node_info_sync (conn, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (info->model, ==, "x86_64");
  g_assert_cmpuint (info->mhz, ==, 3000);
  g_assert_cmpuint (info->cpus, ==, 8);
  g_assert_cmpuint (info->nodes, ==, 1);
  g_assert_cmpuint (info->sockets, ==, 1);
  g_assert_cmpuint (info->cores, ==, 4);
  g_assert_cmpuint (info->threads, ==, 2);
  g_assert_cmpuint (info->memory, ==, 4194304);
}

static void
test_domain_info_from_domain (void)
{
  g_autoptr(GVirtConnection) conn = gvirt_test_open_default ();
  g_autoptr(GVirtDomain) dom = gvirt_connection_find_domain_by_name (conn, "test");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtDomainInfo) info = gvirt_domain_get_info_sync (dom, NULL, &error);
  g_autoptr(GPtrArray) vcpus = NULL;
  guint64 sum = 0;

  g_assert_no_error (error);
  g_assert_cmpint (info->state, ==, GVIRT_DOMAIN_STATE_RUNNING);
  vcpus = gvirt_domain_get_vcpu_info_sync (dom, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vcpus->len, ==, info->n_vcpus);
  /* The array owns its elements. */
  for (guint i = 0; i < vcpus->len; i++)
    {
      g_assert_cmpuint (gvirt_vcpu_info_get_number (vcpus->pdata[i]), ==, i);
      sum += gvirt_vcpu_info_get_cpu_time (vcpus->pdata[i]);
    }
  /* Each vCPU's time is the domain's divided among them, so the sum is close to it (and later). */
  g_assert_cmpuint (sum, >=, info->cpu_time - info->n_vcpus);
}

int
main (int argc, char *argv[])
{
  gvirt_test_init (&argc, &argv);

  g_test_add_func ("/node-info/boxed", test_node_info_boxed);
  g_test_add_func ("/node-info/from-node-file", test_node_info_from_node_file);
  g_test_add_func ("/domain-info/boxed", test_domain_info_boxed);
  g_test_add_func ("/domain-info/from-domain", test_domain_info_from_domain);
  g_test_add_func ("/vcpu-info/boxed", test_vcpu_info_boxed);

  return gvirt_test_run ();
}
