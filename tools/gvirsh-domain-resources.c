/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: the domain resource commands (memory, vCPUs and their pinning). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "gvirsh.h"
#include "gvirsh-domain.h"
#include "gvirsh-i18n.h"

/* memory and vCPUs: virsh's --current, --live and --config */

/* Where a change applies. */
typedef enum {
  APPLY_LIVE   = 1 << 0,   /* the running domain, until it stops */
  APPLY_CONFIG = 1 << 1,   /* its configuration, from its next boot */
} ApplyTo;

/* As virsh: --current (the default) is the running domain when it is
 * active, else its configuration; --live and --config may come together. */
static gboolean
get_apply_to (GvirshArgs *args, GVirtDomain *dom, ApplyTo *apply, GError **error)
{
  gboolean live = gvirsh_args_get_bool (args, "live");
  gboolean config = gvirsh_args_get_bool (args, "config");
  gboolean active = gvirt_domain_get_id (dom) >= 0;

  /* virsh's sentences for the combinations of options */
  if (gvirsh_args_get_bool (args, "current") && (live || config))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Options --%s and --%s are mutually exclusive"), "current", live ? "live" : "config");
      return FALSE;
    }
  if (gvirsh_args_get_bool (args, "maximum") && (!config || live))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "%s",
                   !config ? _("Option --config is required by option --maximum")
                           : _("--maximum changes the configuration only: GVirt cannot change the vCPU maximum of a running domain"));
      return FALSE;
    }
  if (live && !active)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("domain '%s' is not running: --live changes a running domain"), gvirt_domain_get_name (dom));
      return FALSE;
    }
  if (config && !gvirt_domain_get_persistent (dom))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_STATE,
                   _("domain '%s' is transient: it has no configuration for --config to change"),
                   gvirt_domain_get_name (dom));
      return FALSE;
    }
  if (!live && !config)
    *apply = active ? APPLY_LIVE : APPLY_CONFIG;
  else
    *apply = (live ? APPLY_LIVE : 0) | (config ? APPLY_CONFIG : 0);
  return TRUE;
}

/* The library changes the running domain when it is active, the
 * configuration when it is not; an active domain's configuration is edited
 * by gvirsh and defined again, which it keeps for its next boot. */
typedef gboolean (*ResourceCall) (GVirtDomain *dom, guint64 value, GError **error);
typedef gboolean (*ResourceEdit) (GVirtDomainConfig *config, guint64 value, GError **error);

typedef struct {
  ResourceCall call;   /* NULL: only the configuration edit can make it */
  ResourceEdit edit;   /* the same change, to a configuration */
} ResourceChange;

static gboolean
edit_and_define (GvirshCtl *ctl, GVirtDomain *dom, ResourceEdit edit, guint64 value, GError **error)
{
  /* with its secrets (passwords), which a definition without them would lose */
  g_autoptr(GVirtDomainConfig) config = gvirt_domain_get_config_sync (
      dom, GVIRT_DOMAIN_XML_INACTIVE | GVIRT_DOMAIN_XML_SECURE, NULL, error);
  g_autoptr(GVirtDomain) defined = NULL;

  if (config == NULL || !edit (config, value, error))
    return FALSE;
  defined = gvirt_connection_define_domain_sync (ctl->conn, config, NULL, error);
  return defined != NULL;
}

static gboolean
apply_change (GvirshCtl *ctl, GVirtDomain *dom, ApplyTo apply, const ResourceChange *change,
              guint64 value, GError **error)
{
  gboolean active = gvirt_domain_get_id (dom) >= 0;
  gboolean call = change->call != NULL && ((apply & APPLY_LIVE) || !active);

  if (call && !change->call (dom, value, error))
    return FALSE;
  if ((apply & APPLY_CONFIG) && (active || !call))
    return edit_and_define (ctl, dom, change->edit, value, error);
  return TRUE;
}

static gboolean
call_set_memory (GVirtDomain *dom, guint64 kib, GError **error)
{
  return gvirt_domain_set_memory_sync (dom, kib, NULL, error);
}

static gboolean
edit_memory (GVirtDomainConfig *config, guint64 kib, GError **error)
{
  guint64 max = gvirt_domain_config_get_memory (config);

  if (kib == 0 || kib > max)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("its configuration allows 1 to %" PRIu64 " KiB"), (uint64_t) max);
      return FALSE;
    }
  gvirt_domain_config_set_current_memory (config, kib);
  return TRUE;
}

static gboolean
call_set_max_memory (GVirtDomain *dom, guint64 kib, GError **error)
{
  return gvirt_domain_set_max_memory_sync (dom, kib, NULL, error);
}

static gboolean
edit_max_memory (GVirtDomainConfig *config, guint64 kib, GError **error)
{
  if (kib == 0)
    {
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, _("a domain needs some memory"));
      return FALSE;
    }
  gvirt_domain_config_set_memory (config, kib);
  /* as the library: the current memory shrinks with the maximum */
  if (gvirt_domain_config_get_current_memory (config) > kib)
    gvirt_domain_config_set_current_memory (config, kib);
  return TRUE;
}

static gboolean
call_set_vcpus (GVirtDomain *dom, guint64 n, GError **error)
{
  return gvirt_domain_set_vcpus_sync (dom, (guint) n, NULL, error);
}

/* as the library: the count is both the maximum and the current one */
static gboolean
edit_vcpus (GVirtDomainConfig *config, guint64 n, GError **error)
{
  gvirt_domain_config_set_vcpus (config, (guint) n);
  gvirt_domain_config_set_current_vcpus (config, 0);
  return TRUE;
}

/* --maximum: the maximum alone, the current count lowered to it */
static gboolean
edit_max_vcpus (GVirtDomainConfig *config, guint64 n, GError **error)
{
  guint current = gvirt_domain_config_get_current_vcpus (config);

  if (current == 0)
    current = gvirt_domain_config_get_vcpus (config);
  gvirt_domain_config_set_vcpus (config, (guint) n);
  gvirt_domain_config_set_current_vcpus (config, current < n ? current : 0);
  return TRUE;
}

static const ResourceChange memory_change = { call_set_memory, edit_memory };
static const ResourceChange max_memory_change = { call_set_max_memory, edit_max_memory };
static const ResourceChange vcpus_change = { call_set_vcpus, edit_vcpus };
static const ResourceChange max_vcpus_change = { NULL, edit_max_vcpus };

gboolean
gvirsh_cmd_setmem (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
  gboolean max = g_str_equal (gvirsh_args_get_cmd (args)->name, "setmaxmem");
  ApplyTo apply;
  guint64 kib;
  gboolean ok;

  if (dom == NULL || !gvirsh_parse_size_kib (gvirsh_args_get_string (args, "size"), &kib, error) ||
      !get_apply_to (args, dom, &apply, error))
    return FALSE;
  if (max && (apply & APPLY_LIVE))
    {
      /* rather than a backend changing the configuration instead */
      g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                           _("the maximum memory of a running domain cannot change (GVirt has no memory "
                             "hotplug); --config changes it for the next boot"));
      ok = FALSE;
    }
  else
    ok = apply_change (ctl, dom, apply, max ? &max_memory_change : &memory_change, kib, error);
  if (!ok && max)
    gvirsh_rephrase_error (error, _("failed to set the maximum memory of domain '%s' to %" PRIu64 " KiB: %s"),
                           gvirt_domain_get_name (dom), (uint64_t) kib, gvirsh_error_reason (error));
  else if (!ok)
    gvirsh_rephrase_error (error, _("failed to set the memory of domain '%s' to %" PRIu64 " KiB: %s"),
                           gvirt_domain_get_name (dom), (uint64_t) kib, gvirsh_error_reason (error));
  return ok;
}

gboolean
gvirsh_cmd_setvcpus (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
  gboolean maximum = gvirsh_args_get_bool (args, "maximum");
  gint64 count = 0;
  ApplyTo apply;

  if (dom == NULL || !gvirsh_args_get_int (args, "count", 1, G_MAXUINT, &count, error) ||
      !get_apply_to (args, dom, &apply, error))
    return FALSE;
  if (!apply_change (ctl, dom, apply, maximum ? &max_vcpus_change : &vcpus_change, (guint64) count, error))
    {
      gvirsh_rephrase_error (error, ngettext ("failed to set %" PRId64 " vCPU on domain '%s': %s",
                                              "failed to set %" PRId64 " vCPUs on domain '%s': %s",
                                              (gulong) count),
                             (int64_t) count, gvirt_domain_get_name (dom), gvirsh_error_reason (error));
      return FALSE;
    }
  return TRUE;
}

/* "0-3,5" from a sorted list of CPUs */
static char *
format_cpulist (const guint *cpus, gsize n)
{
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < n; i++)
    {
      gsize j = i;

      while (j + 1 < n && cpus[j + 1] == cpus[j] + 1)
        j++;
      if (s->len > 0)
        g_string_append_c (s, ',');
      if (j > i)
        g_string_append_printf (s, "%u-%u", cpus[i], cpus[j]);
      else
        g_string_append_printf (s, "%u", cpus[i]);
      i = j;
    }
  return g_string_free (s, FALSE);
}

static gint
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* virsh's cpulist: "0-3,^2,5" */
static GArray *
parse_cpulist (const char *text, GError **error)
{
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) excluded = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *p = g_strstrip (parts[i]);
      gboolean exclude = p[0] == '^';
      g_auto(GStrv) range = g_strsplit (exclude ? p + 1 : p, "-", 2);
      guint64 lo, hi;

      if (!g_ascii_string_to_unsigned (range[0], 10, 0, 65535, &lo, NULL) ||
          (range[1] != NULL && !g_ascii_string_to_unsigned (range[1], 10, lo, 65535, &hi, NULL)))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("invalid CPU list '%s': write CPUs like 0-3,^2,5"), text);
          return NULL;
        }
      if (range[1] == NULL)
        hi = lo;
      for (guint c = lo; c <= hi; c++)
        g_array_append_val (exclude ? excluded : cpus, c);
    }
  for (guint i = 0; i < excluded->len; i++)
    for (guint k = 0; k < cpus->len; k++)
      if (g_array_index (cpus, guint, k) == g_array_index (excluded, guint, i))
        g_array_remove_index (cpus, k--);
  if (cpus->len == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("CPU list '%s' names no CPU"), text);
      return NULL;
    }
  g_array_sort (cpus, compare_uint);
  return g_steal_pointer (&cpus);
}

static GPtrArray *
get_vcpu_info (GVirtDomain *dom, GError **error)
{
  GPtrArray *infos = gvirt_domain_get_vcpu_info_sync (dom, NULL, error);

  if (infos == NULL)
    gvirsh_rephrase_error (error, _("failed to get the vCPUs of domain '%s': %s"),
                           gvirt_domain_get_name (dom), gvirsh_error_reason (error));
  return infos;
}

/* virsh's fixed words, which scripts compare: not translated */
static const char *
vcpu_state_string (GVirtVcpuState state)
{
  switch (state)
    {
    case GVIRT_VCPU_STATE_OFFLINE: return "offline";
    case GVIRT_VCPU_STATE_RUNNING: return "running";
    case GVIRT_VCPU_STATE_BLOCKED: return "blocked";
    default:                       return "no state";
    }
}

gboolean
gvirsh_cmd_vcpuinfo (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GVirtNodeInfo) node = NULL;
  gboolean json = gvirsh_args_get_bool (args, "json");
  JsonBuilder *b = NULL;

  if (dom == NULL || (infos = get_vcpu_info (dom, error)) == NULL)
    return FALSE;
  node = gvirt_connection_get_node_info_sync (ctl->conn, NULL, error);
  if (node == NULL)
    return FALSE;

  if (json)
    {
      b = gvirsh_json_begin ();
      json_builder_begin_array (b);
    }
  for (guint i = 0; i < infos->len; i++)
    {
      GVirtVcpuInfo *info = g_ptr_array_index (infos, i);
      gsize n_aff = 0;
      const guint *aff = gvirt_vcpu_info_get_affinity (info, &n_aff);
      gint cpu = gvirt_vcpu_info_get_cpu (info);

      if (json)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "vcpu");
          json_builder_add_int_value (b, gvirt_vcpu_info_get_number (info));
          json_builder_set_member_name (b, "cpu");
          if (cpu >= 0)
            json_builder_add_int_value (b, cpu);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "state");
          json_builder_add_string_value (b, vcpu_state_string (gvirt_vcpu_info_get_state (info)));
          json_builder_set_member_name (b, "cpu_time_ns");
          json_builder_add_int_value (b, (gint64) gvirt_vcpu_info_get_cpu_time (info));
          json_builder_set_member_name (b, "affinity");
          json_builder_begin_array (b);
          for (gsize k = 0; k < n_aff; k++)
            json_builder_add_int_value (b, aff[k]);
          json_builder_end_array (b);
          json_builder_end_object (b);
          continue;
        }

      {
        g_autofree char *map = g_strnfill (node->cpus, '-');

        for (gsize k = 0; k < n_aff; k++)
          if (aff[k] < node->cpus)
            map[aff[k]] = 'y';
        if (i > 0)
          g_print ("\n");
        gvirsh_print_field (_("VCPU:"), "%u", gvirt_vcpu_info_get_number (info));
        if (cpu >= 0)
          gvirsh_print_field (_("CPU:"), "%d", cpu);
        else
          gvirsh_print_field (_("CPU:"), "-");
        gvirsh_print_field (_("State:"), "%s", vcpu_state_string (gvirt_vcpu_info_get_state (info)));
        gvirsh_print_field (_("CPU time:"), "%.1lfs", gvirt_vcpu_info_get_cpu_time (info) / 1e9);
        gvirsh_print_field (_("CPU Affinity:"), "%s", map);
      }
    }
  if (json)
    {
      json_builder_end_array (b);
      gvirsh_json_print (b);
    }
  return TRUE;
}

gboolean
gvirsh_cmd_vcpupin (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
  const char *cpulist = gvirsh_args_get_string (args, "cpulist");
  gint64 vcpu = -1;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GvirshTable) table = NULL;
  g_autoptr(GArray) cpus = NULL;

  if (dom == NULL || !gvirsh_args_get_int (args, "vcpu", 0, G_MAXUINT, &vcpu, error))
    return FALSE;

  if (cpulist != NULL)
    {
      if (vcpu < 0)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("a CPU list needs the vCPU it applies to: vcpupin DOMAIN VCPU CPULIST"));
          return FALSE;
        }
      cpus = parse_cpulist (cpulist, error);
      if (cpus == NULL)
        return FALSE;
      if (!gvirt_domain_pin_vcpu_sync (dom, (guint) vcpu, (const guint *) cpus->data, cpus->len, NULL, error))
        {
          gvirsh_rephrase_error (error, _("failed to pin vCPU %" PRId64 " of domain '%s': %s"),
                                 (int64_t) vcpu, gvirt_domain_get_name (dom), gvirsh_error_reason (error));
          return FALSE;
        }
      return TRUE;
    }

  /* no CPU list: show the pinning */
  infos = get_vcpu_info (dom, error);
  if (infos == NULL)
    return FALSE;
  if (vcpu >= infos->len)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   ngettext ("domain '%s' has no vCPU %" PRId64 " (it has %u)",
                             "domain '%s' has no vCPU %" PRId64 " (it has %u)", infos->len),
                   gvirt_domain_get_name (dom), (int64_t) vcpu, infos->len);
      return FALSE;
    }
  table = gvirsh_table_new (_("VCPU"), _("CPU Affinity"), NULL);
  for (guint i = 0; i < infos->len; i++)
    {
      GVirtVcpuInfo *info = g_ptr_array_index (infos, i);
      gsize n_aff = 0;
      const guint *aff = gvirt_vcpu_info_get_affinity (info, &n_aff);
      g_autofree guint *sorted = g_memdup2 (aff, n_aff * sizeof (guint));
      g_autofree char *num = g_strdup_printf ("%u", gvirt_vcpu_info_get_number (info));
      g_autofree char *list = NULL;

      if (vcpu >= 0 && gvirt_vcpu_info_get_number (info) != vcpu)
        continue;
      qsort (sorted, n_aff, sizeof (guint), compare_uint);
      list = format_cpulist (sorted, n_aff);
      gvirsh_table_add_row (table, num, list, NULL);
    }
  gvirsh_table_print (ctl, table);
  return TRUE;
}

/* The options */

#define APPLY_OPTS \
  { "config", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("affect next boot") }, \
  { "live", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("affect running domain") }, \
  { "current", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("affect current domain") }

const GvirshOpt gvirsh_setmem_opts[] = {
  DOMAIN_OPT,
  { "size", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_REQUIRED | GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_NONE,
    N_("new memory size, as scaled integer (default KiB)") },
  APPLY_OPTS,
  { NULL }
};
const GvirshOpt gvirsh_setvcpus_opts[] = {
  DOMAIN_OPT,
  { "count", GVIRSH_OPT_INT, GVIRSH_OPT_FLAG_REQUIRED | GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_NONE,
    N_("number of virtual CPUs") },
  { "maximum", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("set maximum limit on next boot") },
  APPLY_OPTS,
  { NULL }
};
const GvirshOpt gvirsh_vcpupin_opts[] = {
  DOMAIN_OPT,
  { "vcpu", GVIRSH_OPT_INT, GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_NONE, N_("vcpu number") },
  { "cpulist", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_NONE,
    N_("host cpu number(s) to set, e.g. 0-3,^2,5; omit to query") },
  { NULL }
};
