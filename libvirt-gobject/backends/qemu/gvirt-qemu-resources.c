/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* QEMU backend: memory, vCPUs (count, pinning, per-thread stats), info, config and autostart. */
#include "config.h"

#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gvirt-backend-vcpus-private.h"
#include "gvirt-qemu-backend-private.h"

/* ---- Resources ------------------------------------------------------------------ */

static gboolean
gvirt_qemu_backend_domain_set_memory (GVirtBackend *backend, const char *uuid, guint64 kib,
                                      GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = NULL;
  g_autoptr(JsonNode) ret = NULL;
  QemuDomain *dom;
  JsonObject *args;

  dom = _gvirt_qemu_lock_entry (self, uuid, error);
  if (dom == NULL)
    return FALSE;
  if (kib == 0 || kib > gvirt_domain_config_get_memory (dom->live != NULL ? dom->live : dom->config))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” cannot have %" G_GUINT64_FORMAT " KiB: its maximum is %" G_GUINT64_FORMAT " KiB."),
                   _gvirt_qemu_domain_name (dom), kib,
                   gvirt_domain_config_get_memory (dom->live != NULL ? dom->live : dom->config));
      goto out_err;
    }
  if (!_gvirt_qemu_domain_active (dom))
    {
      g_autoptr(GVirtDomainConfig) changed = gvirt_domain_config_copy (dom->config);

      gvirt_domain_config_set_current_memory (changed, kib);
      if (!_gvirt_qemu_commit_config (self, dom, changed, error))
        goto out_err;
      g_mutex_unlock (&self->lock);
      return TRUE;
    }
  mon = gvirt_qemu_monitor_client_ref (dom->mon);
  g_mutex_unlock (&self->lock);

  /* Needs a virtio balloon (<memballoon model='virtio'/>) and its guest driver. */
  args = json_object_new ();
  json_object_set_int_member (args, "value", (gint64) kib * 1024);
  ret = gvirt_qemu_monitor_client_command (mon, "balloon", args, NULL, 5000, cancellable, error);
  if (ret == NULL)
    return FALSE;
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  if (dom != NULL && dom->live != NULL)
    gvirt_domain_config_set_current_memory (dom->live, kib);
  g_mutex_unlock (&self->lock);
  return TRUE;

out_err:
  g_mutex_unlock (&self->lock);
  return FALSE;
}

static gboolean
gvirt_qemu_backend_domain_set_max_memory (GVirtBackend *backend, const char *uuid, guint64 kib,
                                          GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtDomainConfig) changed = NULL;
  QemuDomain *dom;
  gboolean ok = FALSE;

  dom = _gvirt_qemu_lock_entry (self, uuid, error);
  if (dom == NULL)
    return FALSE;
  if (dom->config == NULL)
    {
      /* QEMU cannot grow or shrink a running guest's RAM without hotplug DIMMs. */
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is transient and running: its maximum memory cannot change."),
                   _gvirt_qemu_domain_name (dom));
      goto out;
    }
  if (kib < 1024)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("%" G_GUINT64_FORMAT " KiB is too little memory for domain “%s”."), kib, _gvirt_qemu_domain_name (dom));
      goto out;
    }
  /* The persistent definition changes; a running domain sees it at its next start. */
  changed = gvirt_domain_config_copy (dom->config);
  gvirt_domain_config_set_memory (changed, kib);
  if (gvirt_domain_config_get_current_memory (changed) > kib)
    gvirt_domain_config_set_current_memory (changed, kib);
  ok = _gvirt_qemu_commit_config (self, dom, changed, error);
out:
  g_mutex_unlock (&self->lock);
  return ok;
}

static gboolean
gvirt_qemu_backend_domain_set_vcpus (GVirtBackend *backend, const char *uuid, guint n,
                                     GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtDomainConfig) changed = NULL;
  QemuDomain *dom;
  gboolean ok = FALSE;

  dom = _gvirt_qemu_lock_entry (self, uuid, error);
  if (dom == NULL)
    return FALSE;
  if (n == 0 || n > 255)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” cannot have %u vCPUs."), _gvirt_qemu_domain_name (dom), n);
      goto out;
    }
  if (_gvirt_qemu_domain_active (dom))
    {
      /* The libvirt rule first: within the <vcpu> maximum it booted with. */
      if (dom->live != NULL &&
          !_gvirt_backend_check_live_vcpus (_gvirt_qemu_domain_name (dom), n,
                                            gvirt_domain_config_get_vcpus (dom->live), error))
        goto out;
      /* vCPU hotplug (device_add of CPU objects) is not implemented. */
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s” is running; its vCPU count can change only while it is shut off."),
                   _gvirt_qemu_domain_name (dom));
      goto out;
    }
  changed = gvirt_domain_config_copy (dom->config);
  gvirt_domain_config_set_vcpus (changed, n);
  gvirt_domain_config_set_current_vcpus (changed, n);
  ok = _gvirt_qemu_commit_config (self, dom, changed, error);
out:
  g_mutex_unlock (&self->lock);
  return ok;
}

typedef struct {
  gint  index;
  pid_t tid;
} VcpuThread;

static GArray *
vcpu_threads (GVirtQemuMonitorClient *mon, GCancellable *cancellable, GError **error)
{
  g_autoptr(JsonNode) ret = gvirt_qemu_monitor_client_command (mon, "query-cpus-fast", NULL, NULL, 5000, cancellable, error);
  GArray *out;
  JsonArray *arr;

  if (ret == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (ret))
    return _gvirt_qemu_unexpected_answer ("query-cpus-fast", error), NULL;
  out = g_array_new (FALSE, FALSE, sizeof (VcpuThread));
  arr = json_node_get_array (ret);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = _gvirt_qemu_element_object (arr, i);
      VcpuThread t;

      if (o == NULL)
        continue;
      t.index = json_object_get_int_member_with_default (o, "cpu-index", i);
      t.tid = json_object_get_int_member_with_default (o, "thread-id", 0);
      g_array_append_val (out, t);
    }
  return out;
}

static gboolean
gvirt_qemu_backend_domain_pin_vcpu (GVirtBackend *backend, const char *uuid, guint vcpu,
                                    const guint *cpus, gsize n_cpus,
                                    GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = _gvirt_qemu_active_mon (self, uuid, error);
  g_autoptr(GArray) threads = NULL;
  long ncpu = sysconf (_SC_NPROCESSORS_CONF);
  cpu_set_t set;

  if (mon == NULL)
    return FALSE;
  if (n_cpus == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, _("No host CPU was given."));
      return FALSE;
    }
  CPU_ZERO (&set);
  for (gsize i = 0; i < n_cpus; i++)
    {
      if (cpus[i] >= (guint) ncpu)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("The host has no CPU %u (it has %ld)."), cpus[i], ncpu);
          return FALSE;
        }
      CPU_SET (cpus[i], &set);
    }
  threads = vcpu_threads (mon, cancellable, error);
  if (threads == NULL)
    return FALSE;
  for (guint i = 0; i < threads->len; i++)
    {
      VcpuThread *t = &g_array_index (threads, VcpuThread, i);
      if ((guint) t->index != vcpu)
        continue;
      if (sched_setaffinity (t->tid, sizeof set, &set) < 0)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                       _("Cannot pin vCPU %u (thread %d): %s"), vcpu, (int) t->tid, g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
               _("The domain has no vCPU %u."), vcpu);
  return FALSE;
}

/* utime+stime in ns and the last CPU, from /proc/PID[/task/TID]/stat. */
static gboolean
read_stat (pid_t pid, pid_t tid, guint64 *cpu_ns, gint *last_cpu)
{
  g_autofree char *path = tid > 0 ? g_strdup_printf ("/proc/%d/task/%d/stat", (int) pid, (int) tid)
                                  : g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *p;
  long hz = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents (path, &text, NULL, NULL) || (p = strrchr (text, ')')) == NULL)
    return FALSE;
  fields = g_strsplit (p + 2, " ", -1);   /* fields[0] is field 3 (state) */
  if (g_strv_length (fields) < 37)
    return FALSE;
  *cpu_ns = (g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10)) *
            (G_GUINT64_CONSTANT (1000000000) / (hz > 0 ? hz : 100));
  if (last_cpu != NULL)
    *last_cpu = atoi (fields[36]);
  return TRUE;
}

static GPtrArray *
gvirt_qemu_backend_domain_get_vcpu_info (GVirtBackend *backend, const char *uuid,
                                         GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autoptr(GVirtQemuMonitorClient) mon = _gvirt_qemu_active_mon (self, uuid, error);
  g_autoptr(GArray) threads = NULL;
  GPtrArray *out;
  pid_t pid;
  QemuDomain *dom;

  if (mon == NULL)
    return NULL;
  g_mutex_lock (&self->lock);
  dom = g_hash_table_lookup (self->domains, uuid);
  pid = dom != NULL ? dom->id : -1;
  g_mutex_unlock (&self->lock);
  threads = vcpu_threads (mon, cancellable, error);
  if (threads == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gvirt_vcpu_info_free);
  for (guint i = 0; i < threads->len; i++)
    {
      VcpuThread *t = &g_array_index (threads, VcpuThread, i);
      g_autoptr(GArray) affinity = g_array_new (FALSE, FALSE, sizeof (guint));
      guint64 ns = 0;
      gint cpu = -1;
      cpu_set_t set;

      read_stat (pid, t->tid, &ns, &cpu);
      if (sched_getaffinity (t->tid, sizeof set, &set) == 0)
        for (guint c = 0; c < CPU_SETSIZE; c++)
          if (CPU_ISSET (c, &set))
            g_array_append_val (affinity, c);
      g_ptr_array_add (out, gvirt_vcpu_info_new (t->index, GVIRT_VCPU_STATE_RUNNING, ns, cpu,
                                                 (const guint *) affinity->data, affinity->len));
    }
  return out;
}

static GVirtDomainInfo *
gvirt_qemu_backend_domain_get_info (GVirtBackend *backend, const char *uuid,
                                    GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  GVirtDomainInfo *info;
  GVirtDomainConfig *c;
  QemuDomain *dom;
  pid_t pid = -1;

  dom = _gvirt_qemu_lock_entry (self, uuid, error);
  if (dom == NULL)
    return NULL;
  c = dom->live != NULL ? dom->live : dom->config;
  info = gvirt_domain_info_new ();
  info->state = dom->state;
  info->max_memory = gvirt_domain_config_get_memory (c);
  info->memory = gvirt_domain_config_get_current_memory (c);
  if (info->memory == 0)
    info->memory = info->max_memory;
  info->n_vcpus = gvirt_domain_config_get_current_vcpus (c) != 0 ?
                  gvirt_domain_config_get_current_vcpus (c) : gvirt_domain_config_get_vcpus (c);
  if (info->n_vcpus == 0)
    info->n_vcpus = 1;
  if (_gvirt_qemu_domain_active (dom))
    pid = dom->id;
  g_mutex_unlock (&self->lock);
  if (pid > 0)
    read_stat (pid, 0, &info->cpu_time, NULL);
  return info;
}

static GVirtDomainConfig *
gvirt_qemu_backend_domain_get_config (GVirtBackend *backend, const char *uuid,
                                      GVirtDomainXmlFlags flags,
                                      GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  GVirtDomainConfig *out = NULL;
  QemuDomain *dom;

  dom = _gvirt_qemu_lock_entry (self, uuid, error);
  if (dom != NULL)
    {
      GVirtDomainConfig *c = ((flags & GVIRT_DOMAIN_XML_INACTIVE) && dom->config != NULL) || dom->live == NULL ?
                             dom->config : dom->live;
      out = gvirt_domain_config_copy (c);
      gvirt_domain_config_set_id (out, c == dom->live ? dom->id : -1);
      g_mutex_unlock (&self->lock);
    }
  return out;
}

static gboolean
gvirt_qemu_backend_domain_set_autostart (GVirtBackend *backend, const char *uuid, gboolean autostart,
                                         GCancellable *cancellable, GError **error)
{
  GVirtQemuBackend *self = GVIRT_QEMU_BACKEND (backend);
  g_autofree char *link = NULL;
  g_autofree char *target = NULL;
  QemuDomain *dom;

  dom = _gvirt_qemu_lock_entry (self, uuid, error);
  if (dom == NULL)
    return FALSE;
  if (dom->config == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("Domain “%s” is transient; only defined domains start with the host."),
                   _gvirt_qemu_domain_name (dom));
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  link = _gvirt_qemu_autostart_path (self, gvirt_domain_config_get_name (dom->config));
  target = _gvirt_qemu_config_path (self, gvirt_domain_config_get_name (dom->config));
  if (autostart && !g_file_test (link, G_FILE_TEST_IS_SYMLINK) && symlink (target, link) < 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_FAILED,
                   _("Cannot create “%s”: %s"), link, g_strerror (errno));
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  if (!autostart)
    g_unlink (link);
  if (dom->autostart != autostart)
    {
      dom->autostart = autostart;
      _gvirt_qemu_queue_event (self, GVIRT_DOMAIN_EVENT_UPDATED, 0, dom);
    }
  _gvirt_event_queue_unlock_and_emit (self->events);
  return TRUE;
}

void
_gvirt_qemu_resources_iface_init (GVirtBackendInterface *iface)
{
  iface->domain_set_memory = gvirt_qemu_backend_domain_set_memory;
  iface->domain_set_max_memory = gvirt_qemu_backend_domain_set_max_memory;
  iface->domain_set_vcpus = gvirt_qemu_backend_domain_set_vcpus;
  iface->domain_pin_vcpu = gvirt_qemu_backend_domain_pin_vcpu;
  iface->domain_get_vcpu_info = gvirt_qemu_backend_domain_get_vcpu_info;
  iface->domain_get_info = gvirt_qemu_backend_domain_get_info;
  iface->domain_get_config = gvirt_qemu_backend_domain_get_config;
  iface->domain_set_autostart = gvirt_qemu_backend_domain_set_autostart;
}
