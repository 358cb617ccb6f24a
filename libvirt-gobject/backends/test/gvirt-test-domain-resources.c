/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The test node's domain resources (memory, vCPUs, pinning) and queries (info, XML). */
#include "config.h"

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "gvirt-backend-vcpus-private.h"
#include "gvirt-test-backend-private.h"

/* Replaces the current definition with that of @config, a changed copy of it. */
static gboolean
domain_replace_current_config (TestDomain *dom, GVirtDomainConfig *config, GError **error)
{
  g_autoptr(GVirtTestDefinition) def = _gvirt_test_definition_new (config, error);

  if (def == NULL)
    return FALSE;
  _gvirt_test_domain_replace_current (dom, def);
  return TRUE;
}

static gboolean
op_set_memory (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  guint64 kib = *(const guint64 *) data;
  guint64 max = _gvirt_test_domain_current (dom)->max_memory;
  g_autoptr(GVirtDomainConfig) config = NULL;

  if (kib == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The memory of domain “%s” cannot be set to 0 KiB."), _gvirt_test_domain_name (dom));
      return FALSE;
    }
  if (kib > max)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The memory of domain “%s” cannot be set to %" G_GUINT64_FORMAT
                     " KiB: its maximum is %" G_GUINT64_FORMAT " KiB."),
                   _gvirt_test_domain_name (dom), kib, max);
      return FALSE;
    }
  config = _gvirt_test_definition_to_config (_gvirt_test_domain_current (dom), -1, error);
  if (config == NULL)
    return FALSE;
  gvirt_domain_config_set_current_memory (config, kib);
  return domain_replace_current_config (dom, config, error);
}

static gboolean
op_set_max_memory (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  guint64 kib = *(const guint64 *) data;
  g_autoptr(GVirtDomainConfig) config = NULL;

  if (kib == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("The maximum memory of domain “%s” cannot be set to 0 KiB."),
                   _gvirt_test_domain_name (dom));
      return FALSE;
    }
  if (_gvirt_test_domain_is_active (dom))
    return _gvirt_test_invalid_state (dom,
                                      _("The maximum memory of domain “%s” cannot change while it is %s."),
                                      error);
  config = _gvirt_test_definition_to_config (dom->config, -1, error);
  if (config == NULL)
    return FALSE;
  gvirt_domain_config_set_memory (config, kib);
  /* As libvirt: the current memory shrinks with the maximum. */
  if (gvirt_domain_config_get_current_memory (config) > kib)
    gvirt_domain_config_set_current_memory (config, kib);
  return domain_replace_current_config (dom, config, error);
}

/*
 * As libvirt: a running domain's count changes within the <vcpu> maximum it
 * was started with (the live definition's current='N'); a shut-off
 * domain's definition gets N as its maximum and count.
 */
static gboolean
op_set_vcpus (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  guint n = *(const guint *) data;
  const GVirtTestDefinition *current = _gvirt_test_domain_current (dom);
  gboolean active = _gvirt_test_domain_is_active (dom);
  g_autoptr(GVirtDomainConfig) config = NULL;

  if (active && !_gvirt_backend_check_live_vcpus (_gvirt_test_domain_name (dom), n, current->max_vcpus, error))
    return FALSE;
  if (n == 0 || n > self->info->cpus)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” cannot have %u virtual CPUs: the node allows 1 to %u."),
                   _gvirt_test_domain_name (dom), n, self->info->cpus);
      return FALSE;
    }
  config = _gvirt_test_definition_to_config (current, -1, error);
  if (config == NULL)
    return FALSE;
  if (active)
    gvirt_domain_config_set_current_vcpus (config, n == current->max_vcpus ? 0 : n);
  else
    {
      gvirt_domain_config_set_vcpus (config, n);
      gvirt_domain_config_set_current_vcpus (config, 0);
    }
  _gvirt_test_fold_cpu_time (dom, dom->running_since != 0);
  if (!domain_replace_current_config (dom, config, error))
    return FALSE;
  if (dom->pins->len > n)
    g_ptr_array_set_size (dom->pins, n);
  return TRUE;
}

typedef struct {
  guint        vcpu;
  const guint *cpus;
  gsize        n_cpus;
} PinArgs;

static gint
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static gboolean
op_pin_vcpu (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  const PinArgs *args = data;
  guint vcpus = _gvirt_test_domain_vcpus (dom);
  GArray *set;

  if (args->vcpu >= vcpus)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has no virtual CPU %u: it has %u."),
                   _gvirt_test_domain_name (dom), args->vcpu, vcpus);
      return FALSE;
    }
  if (args->cpus == NULL || args->n_cpus == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Virtual CPU %u of domain “%s” cannot be pinned to no host CPU."),
                   args->vcpu, _gvirt_test_domain_name (dom));
      return FALSE;
    }
  for (gsize i = 0; i < args->n_cpus; i++)
    if (args->cpus[i] >= self->info->cpus)
      {
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                     _("Virtual CPU %u of domain “%s” cannot be pinned to host CPU %u: the node has %u CPUs."),
                     args->vcpu, _gvirt_test_domain_name (dom), args->cpus[i], self->info->cpus);
        return FALSE;
      }

  set = g_array_sized_new (FALSE, FALSE, sizeof (guint), args->n_cpus);
  g_array_append_vals (set, args->cpus, args->n_cpus);
  g_array_sort (set, compare_uint);
  for (guint i = 1; i < set->len; )
    if (g_array_index (set, guint, i) == g_array_index (set, guint, i - 1))
      g_array_remove_index (set, i);
    else
      i++;

  if (dom->pins->len <= args->vcpu)
    g_ptr_array_set_size (dom->pins, args->vcpu + 1);
  g_clear_pointer (&g_ptr_array_index (dom->pins, args->vcpu), g_array_unref);
  g_ptr_array_index (dom->pins, args->vcpu) = set;
  return TRUE;
}

static gboolean
gvirt_test_backend_domain_set_memory (GVirtBackend *backend, const char *uuid, guint64 kib,
                                      GCancellable *cancellable, GError **error)
{
  return _gvirt_test_run_domain_op (backend, uuid, op_set_memory, &kib, cancellable, error);
}

static gboolean
gvirt_test_backend_domain_set_max_memory (GVirtBackend *backend, const char *uuid, guint64 kib,
                                          GCancellable *cancellable, GError **error)
{
  return _gvirt_test_run_domain_op (backend, uuid, op_set_max_memory, &kib, cancellable, error);
}

static gboolean
gvirt_test_backend_domain_set_vcpus (GVirtBackend *backend, const char *uuid, guint n_vcpus,
                                     GCancellable *cancellable, GError **error)
{
  return _gvirt_test_run_domain_op (backend, uuid, op_set_vcpus, &n_vcpus, cancellable, error);
}

static gboolean
gvirt_test_backend_domain_pin_vcpu (GVirtBackend *backend, const char *uuid, guint vcpu,
                                    const guint *cpus, gsize n_cpus,
                                    GCancellable *cancellable, GError **error)
{
  PinArgs args = { vcpu, cpus, n_cpus };

  return _gvirt_test_run_domain_op (backend, uuid, op_pin_vcpu, &args, cancellable, error);
}

/* Queries: the result goes out through the data pointer. */

static gboolean
op_get_vcpu_info (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  GPtrArray **out = (GPtrArray **) data;
  guint vcpus = _gvirt_test_domain_vcpus (dom);
  gboolean active = _gvirt_test_domain_is_active (dom);
  guint64 per_vcpu = active ? _gvirt_test_domain_cpu_time (dom) / vcpus : 0;
  g_autofree guint *all = g_new (guint, self->info->cpus);
  GPtrArray *list = g_ptr_array_new_full (vcpus, (GDestroyNotify) gvirt_vcpu_info_free);

  for (guint c = 0; c < self->info->cpus; c++)
    all[c] = c;

  for (guint v = 0; v < vcpus; v++)
    {
      GArray *pin = v < dom->pins->len ? g_ptr_array_index (dom->pins, v) : NULL;
      const guint *affinity = pin != NULL ? (const guint *) pin->data : all;
      gsize n_affinity = pin != NULL ? pin->len : self->info->cpus;
      GVirtVcpuState state = dom->state == GVIRT_DOMAIN_STATE_RUNNING ? GVIRT_VCPU_STATE_RUNNING
                           : dom->state == GVIRT_DOMAIN_STATE_PAUSED ? GVIRT_VCPU_STATE_BLOCKED
                           : GVIRT_VCPU_STATE_OFFLINE;
      gint cpu = active ? (gint) affinity[v % n_affinity] : -1;

      g_ptr_array_add (list, gvirt_vcpu_info_new (v, state, per_vcpu, cpu, affinity, n_affinity));
    }
  *out = list;
  return TRUE;
}

static GPtrArray *
gvirt_test_backend_domain_get_vcpu_info (GVirtBackend *backend, const char *uuid,
                                         GCancellable *cancellable, GError **error)
{
  GPtrArray *list = NULL;

  _gvirt_test_run_domain_op (backend, uuid, op_get_vcpu_info, &list, cancellable, error);
  return list;
}

static gboolean
op_get_info (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  GVirtDomainInfo **out = (GVirtDomainInfo **) data;
  GVirtDomainInfo *info = gvirt_domain_info_new ();

  info->state = dom->state;
  info->max_memory = _gvirt_test_domain_current (dom)->max_memory;
  info->memory = _gvirt_test_domain_current (dom)->memory;
  info->n_vcpus = _gvirt_test_domain_vcpus (dom);
  info->cpu_time = _gvirt_test_domain_is_active (dom) ? _gvirt_test_domain_cpu_time (dom) : 0;
  *out = info;
  return TRUE;
}

static GVirtDomainInfo *
gvirt_test_backend_domain_get_info (GVirtBackend *backend, const char *uuid,
                                    GCancellable *cancellable, GError **error)
{
  GVirtDomainInfo *info = NULL;

  _gvirt_test_run_domain_op (backend, uuid, op_get_info, &info, cancellable, error);
  return info;
}

typedef struct {
  GVirtDomainXmlFlags  flags;
  GVirtDomainConfig   *result;
} GetConfigArgs;

static gboolean
op_get_config (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  GetConfigArgs *args = (GetConfigArgs *) data;

  if (args->flags & GVIRT_DOMAIN_XML_INACTIVE)
    args->result = _gvirt_test_definition_to_config (dom->config, -1, error);
  else
    args->result = _gvirt_test_definition_to_config (_gvirt_test_domain_current (dom),
                                                     _gvirt_test_domain_is_active (dom) ? dom->id : -1,
                                                     error);
  return args->result != NULL;
}

static GVirtDomainConfig *
gvirt_test_backend_domain_get_config (GVirtBackend *backend, const char *uuid,
                                      GVirtDomainXmlFlags flags,
                                      GCancellable *cancellable, GError **error)
{
  GetConfigArgs args = { flags, NULL };

  _gvirt_test_run_domain_op (backend, uuid, op_get_config, &args, cancellable, error);
  return args.result;
}

typedef struct {
  GVirtDomainXmlFlags  flags;
  char                *result;
} GetXmlArgs;

static gboolean
op_get_xml (GVirtTestBackend *self, TestDomain *dom, gconstpointer data, GError **error)
{
  GetXmlArgs *args = (GetXmlArgs *) data;

  if (args->flags & GVIRT_DOMAIN_XML_INACTIVE)
    args->result = _gvirt_test_definition_to_xml (dom->config, -1, error);
  else
    args->result = _gvirt_test_definition_to_xml (_gvirt_test_domain_current (dom),
                                                  _gvirt_test_domain_is_active (dom) ? dom->id : -1,
                                                  error);
  return args->result != NULL;
}

static char *
gvirt_test_backend_domain_get_xml (GVirtBackend *backend, const char *uuid,
                                   GVirtDomainXmlFlags flags,
                                   GCancellable *cancellable, GError **error)
{
  GetXmlArgs args = { flags, NULL };

  _gvirt_test_run_domain_op (backend, uuid, op_get_xml, &args, cancellable, error);
  return args.result;
}

void
_gvirt_test_domain_resources_iface_init (GVirtBackendInterface *iface)
{
  iface->domain_set_memory = gvirt_test_backend_domain_set_memory;
  iface->domain_set_max_memory = gvirt_test_backend_domain_set_max_memory;
  iface->domain_set_vcpus = gvirt_test_backend_domain_set_vcpus;
  iface->domain_pin_vcpu = gvirt_test_backend_domain_pin_vcpu;
  iface->domain_get_vcpu_info = gvirt_test_backend_domain_get_vcpu_info;
  iface->domain_get_info = gvirt_test_backend_domain_get_info;
  iface->domain_get_config = gvirt_test_backend_domain_get_config;
  iface->domain_get_xml = gvirt_test_backend_domain_get_xml;
}
