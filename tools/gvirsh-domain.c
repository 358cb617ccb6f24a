/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: the domain commands (list, dominfo, lifecycle, memory, vCPUs, XML). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "gvirsh.h"
#include "gvirsh-i18n.h"

#define DOMAIN_OPT \
  { "domain", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_REQUIRED | GVIRSH_OPT_FLAG_POSITIONAL, \
    GVIRSH_COMPLETE_DOMAIN, N_("domain name, id or uuid") }
#define FILE_OPT(help) \
  { "file", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_REQUIRED | GVIRSH_OPT_FLAG_POSITIONAL, \
    GVIRSH_COMPLETE_FILE, help }
#define JSON_OPT \
  { "json", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("print JSON for scripts") }

static GVirtDomain *
get_domain (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  return gvirsh_lookup_domain (ctl, gvirsh_args_get_string (args, "domain"), error);
}

/* list */

static gint
compare_domains (gconstpointer pa, gconstpointer pb)
{
  GVirtDomain *a = *(GVirtDomain **) pa, *b = *(GVirtDomain **) pb;
  gint ia = gvirt_domain_get_id (a), ib = gvirt_domain_get_id (b);

  /* active domains by id, then inactive ones by name, as virsh */
  if (ia >= 0 && ib >= 0)
    return ia - ib;
  if (ia >= 0 || ib >= 0)
    return ia >= 0 ? -1 : 1;
  return g_strcmp0 (gvirt_domain_get_name (a), gvirt_domain_get_name (b));
}

static gboolean
cmd_list (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  gboolean all = gvirsh_args_get_bool (args, "all");
  gboolean inactive = gvirsh_args_get_bool (args, "inactive");
  gboolean names = gvirsh_args_get_bool (args, "name");
  gboolean uuids = gvirsh_args_get_bool (args, "uuid");
  GListModel *model = gvirt_connection_get_domains (ctl->conn);
  g_autoptr(GPtrArray) doms = g_ptr_array_new_with_free_func (g_object_unref);

  if (all && inactive)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("options --all and --inactive are mutually exclusive"));
      return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      GVirtDomain *dom = g_list_model_get_item (model, i);
      gboolean active = gvirt_domain_get_id (dom) >= 0;

      if (all || (inactive ? !active : active))
        g_ptr_array_add (doms, dom);
      else
        g_object_unref (dom);
    }
  g_ptr_array_sort (doms, compare_domains);

  if (gvirsh_args_get_bool (args, "json"))
    {
      JsonBuilder *b = gvirsh_json_begin ();

      json_builder_begin_array (b);
      for (guint i = 0; i < doms->len; i++)
        {
          GVirtDomain *dom = g_ptr_array_index (doms, i);
          gint id = gvirt_domain_get_id (dom);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          if (id >= 0)
            json_builder_add_int_value (b, id);
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, gvirt_domain_get_name (dom));
          json_builder_set_member_name (b, "uuid");
          json_builder_add_string_value (b, gvirt_domain_get_uuid (dom));
          json_builder_set_member_name (b, "state");
          json_builder_add_string_value (b, gvirsh_enum_nick (GVIRT_TYPE_DOMAIN_STATE,
                                                              gvirt_domain_get_state (dom)));
          json_builder_set_member_name (b, "persistent");
          json_builder_add_boolean_value (b, gvirt_domain_get_persistent (dom));
          json_builder_set_member_name (b, "autostart");
          json_builder_add_boolean_value (b, gvirt_domain_get_autostart (dom));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      gvirsh_json_print (b);
      return TRUE;
    }

  if (names || uuids)
    {
      for (guint i = 0; i < doms->len; i++)
        {
          GVirtDomain *dom = g_ptr_array_index (doms, i);

          /* virsh: the UUID, one space, the name, whichever option came first */
          if (names && uuids)
            g_print ("%s %s\n", gvirt_domain_get_uuid (dom), gvirt_domain_get_name (dom));
          else
            g_print ("%s\n", names ? gvirt_domain_get_name (dom) : gvirt_domain_get_uuid (dom));
        }
      return TRUE;
    }

  {
    g_autoptr(GvirshTable) table = gvirsh_table_new (_("Id"), _("Name"), _("State"), NULL);

    for (guint i = 0; i < doms->len; i++)
      {
        GVirtDomain *dom = g_ptr_array_index (doms, i);
        gint id = gvirt_domain_get_id (dom);
        g_autofree char *ids = id >= 0 ? g_strdup_printf ("%d", id) : g_strdup ("-");

        gvirsh_table_add_row (table, ids, gvirt_domain_get_name (dom),
                              gvirsh_domain_state_string (gvirt_domain_get_state (dom)), NULL);
      }
    gvirsh_table_print (ctl, table);
  }
  return TRUE;
}

/* dominfo, domstate, domid, domname, domuuid */

static gboolean
cmd_dominfo (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
  g_autoptr(GVirtDomainInfo) info = NULL;
  g_autoptr(GVirtDomainConfig) config = NULL;
  const char *os_type;
  gint id;

  if (dom == NULL)
    return FALSE;
  info = gvirt_domain_get_info_sync (dom, NULL, error);
  if (info == NULL)
    {
      gvirsh_rephrase_error (error, _("failed to get information of domain '%s': %s"),
                             gvirt_domain_get_name (dom), gvirsh_error_reason (error));
      return FALSE;
    }
  config = gvirt_domain_get_config_sync (dom, GVIRT_DOMAIN_XML_NONE, NULL, NULL);
  os_type = config != NULL ? gvirt_domain_config_get_os_type (config) : NULL;
  id = gvirt_domain_get_id (dom);

  if (gvirsh_args_get_bool (args, "json"))
    {
      JsonBuilder *b = gvirsh_json_begin ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      if (id >= 0)
        json_builder_add_int_value (b, id);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, gvirt_domain_get_name (dom));
      json_builder_set_member_name (b, "uuid");
      json_builder_add_string_value (b, gvirt_domain_get_uuid (dom));
      json_builder_set_member_name (b, "os_type");
      json_builder_add_string_value (b, os_type);
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, gvirsh_enum_nick (GVIRT_TYPE_DOMAIN_STATE, info->state));
      json_builder_set_member_name (b, "vcpus");
      json_builder_add_int_value (b, info->n_vcpus);
      json_builder_set_member_name (b, "cpu_time_ns");
      json_builder_add_int_value (b, (gint64) info->cpu_time);
      json_builder_set_member_name (b, "max_memory_kib");
      json_builder_add_int_value (b, (gint64) info->max_memory);
      json_builder_set_member_name (b, "memory_kib");
      json_builder_add_int_value (b, (gint64) info->memory);
      json_builder_set_member_name (b, "persistent");
      json_builder_add_boolean_value (b, gvirt_domain_get_persistent (dom));
      json_builder_set_member_name (b, "autostart");
      json_builder_add_boolean_value (b, gvirt_domain_get_autostart (dom));
      json_builder_end_object (b);
      gvirsh_json_print (b);
      return TRUE;
    }

  if (id >= 0)
    gvirsh_print_field (_("Id:"), "%d", id);
  else
    gvirsh_print_field (_("Id:"), "-");
  gvirsh_print_field (_("Name:"), "%s", gvirt_domain_get_name (dom));
  gvirsh_print_field (_("UUID:"), "%s", gvirt_domain_get_uuid (dom));
  /* The values of these fields (states, "yes"/"no", "enable"/"disable", the
   * OS type) are virsh's fixed words, which scripts compare: not translated. */
  gvirsh_print_field (_("OS Type:"), "%s", os_type != NULL ? os_type : "unknown");
  gvirsh_print_field (_("State:"), "%s", gvirsh_domain_state_string (info->state));
  gvirsh_print_field (_("CPU(s):"), "%u", info->n_vcpus);
  if (info->cpu_time != 0)
    gvirsh_print_field (_("CPU time:"), "%.1lfs", info->cpu_time / 1e9);
  if (info->max_memory != 0)
    gvirsh_print_field (_("Max memory:"), "%" G_GUINT64_FORMAT " KiB", info->max_memory);
  else
    gvirsh_print_field (_("Max memory:"), "%s", _("no limit"));
  gvirsh_print_field (_("Used memory:"), "%" G_GUINT64_FORMAT " KiB", info->memory);
  gvirsh_print_field (_("Persistent:"), "%s", gvirt_domain_get_persistent (dom) ? "yes" : "no");
  gvirsh_print_field (_("Autostart:"), "%s", gvirt_domain_get_autostart (dom) ? "enable" : "disable");
  return TRUE;
}

static gboolean
cmd_domstate (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
  GVirtDomainState state;

  if (dom == NULL)
    return FALSE;
  state = gvirt_domain_get_state (dom);
  if (gvirsh_args_get_bool (args, "json"))
    {
      JsonBuilder *b = gvirsh_json_begin ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, gvirsh_enum_nick (GVIRT_TYPE_DOMAIN_STATE, state));
      json_builder_set_member_name (b, "reason");
      json_builder_add_null_value (b);
      json_builder_end_object (b);
      gvirsh_json_print (b);
    }
  else if (gvirsh_args_get_bool (args, "reason"))
    /* GVirt does not keep the reason of the current state: virsh's word for
     * that; machine-readable like the state, so not translated */
    g_print ("%s (unknown)\n", gvirsh_domain_state_string (state));
  else
    g_print ("%s\n", gvirsh_domain_state_string (state));
  return TRUE;
}

static gboolean
cmd_domid (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);

  if (dom == NULL)
    return FALSE;
  if (gvirt_domain_get_id (dom) >= 0)
    g_print ("%d\n", gvirt_domain_get_id (dom));
  else
    g_print ("-\n");
  return TRUE;
}

static gboolean
cmd_domname (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);

  if (dom == NULL)
    return FALSE;
  g_print ("%s\n", gvirt_domain_get_name (dom));
  return TRUE;
}

static gboolean
cmd_domuuid (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);

  if (dom == NULL)
    return FALSE;
  g_print ("%s\n", gvirt_domain_get_uuid (dom));
  return TRUE;
}

static gboolean
cmd_dumpxml (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
  g_autofree char *xml = NULL;
  GVirtDomainXmlFlags flags = GVIRT_DOMAIN_XML_NONE;

  if (dom == NULL)
    return FALSE;
  if (gvirsh_args_get_bool (args, "inactive"))
    flags |= GVIRT_DOMAIN_XML_INACTIVE;
  if (gvirsh_args_get_bool (args, "security-info"))
    flags |= GVIRT_DOMAIN_XML_SECURE;
  xml = gvirt_domain_get_xml_sync (dom, flags, NULL, error);
  if (xml == NULL)
    {
      gvirsh_rephrase_error (error, _("failed to get the XML of domain '%s': %s"),
                             gvirt_domain_get_name (dom), gvirsh_error_reason (error));
      return FALSE;
    }
  g_print ("%s%s", xml, g_str_has_suffix (xml, "\n") ? "" : "\n");
  return TRUE;
}

/* create, define, undefine */

/* @create: for `create`, else for `define` (each has its own sentence) */
static GVirtDomainConfig *
read_config (GvirshArgs *args, gboolean create, GError **error)
{
  const char *file = gvirsh_args_get_string (args, "file");
  g_autofree char *xml = NULL;
  GVirtDomainConfig *config;

  if (!gvirsh_read_file (file, &xml, error))
    {
      if (create)
        gvirsh_rephrase_error (error, _("failed to read file '%s' to create a domain: %s"),
                               file, gvirsh_error_reason (error));
      else
        gvirsh_rephrase_error (error, _("failed to read file '%s' to define a domain: %s"),
                               file, gvirsh_error_reason (error));
      return NULL;
    }
  config = gvirt_domain_config_new_from_xml (xml, error);
  if (config == NULL)
    gvirsh_rephrase_error (error, _("'%s' is not a valid domain description: %s"),
                           file, gvirsh_error_reason (error));
  return config;
}

static gboolean
cmd_define (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomainConfig) config = read_config (args, FALSE, error);
  g_autoptr(GVirtDomain) dom = NULL;

  if (config == NULL)
    return FALSE;
  dom = gvirt_connection_define_domain_sync (ctl->conn, config, NULL, error);
  if (dom == NULL)
    {
      gvirsh_rephrase_error (error, _("failed to define domain from %s: %s"),
                             gvirsh_args_get_string (args, "file"), gvirsh_error_reason (error));
      return FALSE;
    }
  gvirsh_print_info (ctl, _("Domain '%s' defined from %s"),
                     gvirt_domain_get_name (dom), gvirsh_args_get_string (args, "file"));
  return TRUE;
}

static gboolean
cmd_create (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomainConfig) config = read_config (args, TRUE, error);
  g_autoptr(GVirtDomain) dom = NULL;

  if (config == NULL)
    return FALSE;
  dom = gvirt_connection_create_domain_sync (ctl->conn, config, NULL, error);
  if (dom == NULL)
    {
      gvirsh_rephrase_error (error, _("failed to create domain from %s: %s"),
                             gvirsh_args_get_string (args, "file"), gvirsh_error_reason (error));
      return FALSE;
    }
  if (gvirsh_args_get_bool (args, "paused") && !gvirt_domain_suspend_sync (dom, NULL, error))
    {
      gvirsh_rephrase_error (error, _("domain '%s' was created but could not be paused: %s"),
                             gvirt_domain_get_name (dom), gvirsh_error_reason (error));
      return FALSE;
    }
  gvirsh_print_info (ctl, _("Domain '%s' created from %s"),
                     gvirt_domain_get_name (dom), gvirsh_args_get_string (args, "file"));
  return TRUE;
}

/* The lifecycle commands: one handler, a table of calls and messages. */

typedef gboolean (*DomainAction) (GVirtDomain *, GCancellable *, GError **);

typedef struct {
  const char  *name;
  DomainAction action;
  const char  *failed;   /* "failed to start domain '%s': %s", the name and the reason */
  const char  *done;     /* "Domain '%s' started" */
} LifecycleAction;

/* In the "failed to …" messages, the last %s is the reason (the library's
 * message), as everywhere in gvirsh. */
static const LifecycleAction lifecycle_actions[] = {
  { "start", gvirt_domain_start_sync,
    N_("failed to start domain '%s': %s"), N_("Domain '%s' started") },
  { "shutdown", gvirt_domain_shutdown_sync,
    N_("failed to shutdown domain '%s': %s"), N_("Domain '%s' is being shutdown") },
  { "reboot", gvirt_domain_reboot_sync,
    N_("failed to reboot domain '%s': %s"), N_("Domain '%s' is being rebooted") },
  { "destroy", gvirt_domain_destroy_sync,
    N_("failed to destroy domain '%s': %s"), N_("Domain '%s' destroyed") },
  { "suspend", gvirt_domain_suspend_sync,
    N_("failed to suspend domain '%s': %s"), N_("Domain '%s' suspended") },
  { "resume", gvirt_domain_resume_sync,
    N_("failed to resume domain '%s': %s"), N_("Domain '%s' resumed") },
  { "undefine", gvirt_domain_undefine_sync,
    N_("failed to undefine domain '%s': %s"), N_("Domain '%s' has been undefined") },
};

static gboolean
cmd_lifecycle (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  const char *cmd = gvirsh_args_get_cmd (args)->name;
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
  g_autofree char *name = NULL;

  if (dom == NULL)
    return FALSE;
  name = g_strdup (gvirt_domain_get_name (dom));
  for (gsize i = 0; i < G_N_ELEMENTS (lifecycle_actions); i++)
    {
      const LifecycleAction *a = &lifecycle_actions[i];

      if (!g_str_equal (a->name, cmd))
        continue;
      if (!a->action (dom, NULL, error))
        {
          gvirsh_rephrase_error (error, _(a->failed), name, gvirsh_error_reason (error));
          return FALSE;
        }
      gvirsh_print_info (ctl, _(a->done), name);
      return TRUE;
    }
  g_assert_not_reached ();
}

static gboolean
cmd_save (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
  const char *file = gvirsh_args_get_string (args, "file");

  if (dom == NULL)
    return FALSE;
  if (!gvirt_domain_save_sync (dom, file, NULL, error))
    {
      gvirsh_rephrase_error (error, _("failed to save domain '%s' to %s: %s"),
                             gvirt_domain_get_name (dom), file, gvirsh_error_reason (error));
      return FALSE;
    }
  gvirsh_print_info (ctl, _("Domain '%s' saved to %s"), gvirt_domain_get_name (dom), file);
  return TRUE;
}

static gboolean
cmd_restore (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  const char *file = gvirsh_args_get_string (args, "file");
  g_autoptr(GVirtDomain) dom = gvirt_connection_restore_domain_sync (ctl->conn, file, NULL, error);

  if (dom == NULL)
    {
      gvirsh_rephrase_error (error, _("failed to restore domain from %s: %s"), file, gvirsh_error_reason (error));
      return FALSE;
    }
  gvirsh_print_info (ctl, _("Domain '%s' restored from %s"), gvirt_domain_get_name (dom), file);
  return TRUE;
}

static gboolean
cmd_dump (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
  const char *file = gvirsh_args_get_string (args, "file");

  if (dom == NULL)
    return FALSE;
  if (!gvirt_domain_core_dump_sync (dom, file, NULL, error))
    {
      gvirsh_rephrase_error (error, _("failed to core dump domain '%s' to %s: %s"),
                             gvirt_domain_get_name (dom), file, gvirsh_error_reason (error));
      return FALSE;
    }
  gvirsh_print_info (ctl, _("Domain '%s' dumped to %s"), gvirt_domain_get_name (dom), file);
  return TRUE;
}

/* memory and vCPUs */

static gboolean
cmd_setmem (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
  gboolean max = g_str_equal (gvirsh_args_get_cmd (args)->name, "setmaxmem");
  guint64 kib;
  gboolean ok;

  if (dom == NULL || !gvirsh_parse_size_kib (gvirsh_args_get_string (args, "size"), &kib, error))
    return FALSE;
  if (max)
    ok = gvirt_domain_set_max_memory_sync (dom, kib, NULL, error);
  else
    ok = gvirt_domain_set_memory_sync (dom, kib, NULL, error);
  if (!ok && max)
    gvirsh_rephrase_error (error, _("failed to set the maximum memory of domain '%s' to %" PRIu64 " KiB: %s"),
                           gvirt_domain_get_name (dom), (uint64_t) kib, gvirsh_error_reason (error));
  else if (!ok)
    gvirsh_rephrase_error (error, _("failed to set the memory of domain '%s' to %" PRIu64 " KiB: %s"),
                           gvirt_domain_get_name (dom), (uint64_t) kib, gvirsh_error_reason (error));
  return ok;
}

static gboolean
cmd_setvcpus (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
  gint64 count = 0;

  if (dom == NULL || !gvirsh_args_get_int (args, "count", 1, G_MAXUINT, &count, error))
    return FALSE;
  if (!gvirt_domain_set_vcpus_sync (dom, (guint) count, NULL, error))
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

static gboolean
cmd_vcpuinfo (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
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

static gboolean
cmd_vcpupin (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
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

static gboolean
cmd_autostart (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
  gboolean enable = !gvirsh_args_get_bool (args, "disable");

  if (dom == NULL)
    return FALSE;
  if (!gvirt_domain_set_autostart_sync (dom, enable, NULL, error))
    {
      if (enable)
        gvirsh_rephrase_error (error, _("failed to mark domain '%s' as autostarted: %s"),
                               gvirt_domain_get_name (dom), gvirsh_error_reason (error));
      else
        gvirsh_rephrase_error (error, _("failed to unmark domain '%s' as autostarted: %s"),
                               gvirt_domain_get_name (dom), gvirsh_error_reason (error));
      return FALSE;
    }
  if (enable)
    gvirsh_print_info (ctl, _("Domain '%s' marked as autostarted"), gvirt_domain_get_name (dom));
  else
    gvirsh_print_info (ctl, _("Domain '%s' unmarked as autostarted"), gvirt_domain_get_name (dom));
  return TRUE;
}

static gboolean
cmd_ttyconsole (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = get_domain (ctl, args, error);
  g_autoptr(GVirtDomainConfig) config = NULL;
  GListModel *devices;
  const char *tty = NULL;

  if (dom == NULL)
    return FALSE;
  config = gvirt_domain_get_config_sync (dom, GVIRT_DOMAIN_XML_NONE, NULL, error);
  if (config == NULL)
    return FALSE;
  devices = gvirt_domain_config_get_devices (config);
  /* the console first, then a serial port, as the console of a guest */
  for (int pass = 0; pass < 2 && tty == NULL; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (devices) && tty == NULL; i++)
      {
        g_autoptr(GObject) dev = g_list_model_get_item (devices, i);

        if (!GVIRT_IS_DOMAIN_CHARDEV (dev) ||
            g_strcmp0 (gvirt_domain_device_get_kind (GVIRT_DOMAIN_DEVICE (dev)),
                       pass == 0 ? "console" : "serial") != 0)
          continue;
        tty = gvirt_domain_chardev_get_tty (GVIRT_DOMAIN_CHARDEV (dev));
        if (tty != NULL)
          {
            g_print ("%s\n", tty);
            return TRUE;
          }
      }
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
               _("domain '%s' has no console on a pseudo-terminal (no <console tty=…> in 'dumpxml %s')"),
               gvirt_domain_get_name (dom), gvirt_domain_get_name (dom));
  return FALSE;
}

/* The tables */

static const GvirshOpt list_opts[] = {
  { "all", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list inactive & active domains") },
  { "inactive", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list inactive domains") },
  { "name", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list domain names only") },
  { "uuid", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list uuid's only") },
  JSON_OPT,
  { NULL }
};
static const GvirshOpt domain_opts[] = { DOMAIN_OPT, { NULL } };
static const GvirshOpt domain_json_opts[] = { DOMAIN_OPT, JSON_OPT, { NULL } };
static const GvirshOpt domstate_opts[] = {
  DOMAIN_OPT,
  { "reason", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("also print reason for the state") },
  JSON_OPT,
  { NULL }
};
static const GvirshOpt dumpxml_opts[] = {
  DOMAIN_OPT,
  { "inactive", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("show inactive defined XML") },
  { "security-info", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("include security sensitive information in XML dump") },
  { NULL }
};
static const GvirshOpt define_opts[] = { FILE_OPT (N_("file containing an XML domain description")), { NULL } };
static const GvirshOpt create_opts[] = {
  FILE_OPT (N_("file containing an XML domain description")),
  { "paused", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("leave the guest paused after creation") },
  { NULL }
};
static const GvirshOpt save_opts[] = { DOMAIN_OPT, FILE_OPT (N_("where to save the data")), { NULL } };
static const GvirshOpt restore_opts[] = { FILE_OPT (N_("the state to restore")), { NULL } };
static const GvirshOpt dump_opts[] = { DOMAIN_OPT, FILE_OPT (N_("where to dump the core")), { NULL } };
static const GvirshOpt setmem_opts[] = {
  DOMAIN_OPT,
  { "size", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_REQUIRED | GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_NONE,
    N_("new memory size, as scaled integer (default KiB)") },
  { NULL }
};
static const GvirshOpt setvcpus_opts[] = {
  DOMAIN_OPT,
  { "count", GVIRSH_OPT_INT, GVIRSH_OPT_FLAG_REQUIRED | GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_NONE,
    N_("number of virtual CPUs") },
  { NULL }
};
static const GvirshOpt vcpupin_opts[] = {
  DOMAIN_OPT,
  { "vcpu", GVIRSH_OPT_INT, GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_NONE, N_("vcpu number") },
  { "cpulist", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_NONE,
    N_("host cpu number(s) to set, e.g. 0-3,^2,5; omit to query") },
  { NULL }
};
static const GvirshOpt autostart_opts[] = {
  DOMAIN_OPT,
  { "disable", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("disable autostarting") },
  { NULL }
};

const GvirshCmd gvirsh_domain_cmds[] = {
  { "autostart", autostart_opts, cmd_autostart, N_("autostart a domain"),
    N_("Configures a domain to be started automatically when the host boots; --disable undoes it."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SET_AUTOSTART) },
  { "create", create_opts, cmd_create, N_("create a domain from an XML file"),
    N_("Creates and starts a transient domain from an XML file; it disappears when it stops."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (CREATE_DOMAIN) },
  { "define", define_opts, cmd_define, N_("define (but don't start) a domain from an XML file"),
    N_("Defines a persistent domain from an XML file, or updates the domain with that name and UUID."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DEFINE_DOMAIN) },
  { "destroy", domain_opts, cmd_lifecycle, N_("destroy (stop) a domain"),
    N_("Stops a running or paused domain at once, as pulling the power cord."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_DESTROY) },
  { "domid", domain_opts, cmd_domid, N_("convert a domain name or UUID to domain id"),
    N_("Prints the id of a domain, or - when it is not running.") },
  { "dominfo", domain_json_opts, cmd_dominfo, N_("domain information"),
    N_("Prints the id, name, UUID, OS type, state, vCPUs, CPU time, memory, persistence and autostart of a domain."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_GET_INFO) },
  { "domname", domain_opts, cmd_domname, N_("convert a domain id or UUID to domain name"),
    N_("Prints the name of a domain.") },
  { "domstate", domstate_opts, cmd_domstate, N_("domain state"),
    N_("Prints the state of a domain: running, idle, paused, in shutdown, shut off, crashed or pmsuspended. "
    "GVirt does not record why a domain is in its state, so --reason prints (unknown).") },
  { "domuuid", domain_opts, cmd_domuuid, N_("convert a domain name or id to domain UUID"),
    N_("Prints the UUID of a domain.") },
  { "dump", dump_opts, cmd_dump, N_("dump the core of a domain to a file for analysis"),
    N_("Writes a core dump of an active domain to a file; the domain keeps running."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_CORE_DUMP) },
  { "dumpxml", dumpxml_opts, cmd_dumpxml, N_("domain information in XML"),
    N_("Prints the domain XML: the live configuration of an active domain, or with --inactive the one of its next boot."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_GET_XML) },
  { "event", gvirsh_event_opts, gvirsh_cmd_event, N_("Domain Events"),
    N_("Prints lifecycle events of domains as they happen, whichever client causes them: one event "
    "with --all or --event lifecycle (one of them, or --loop, is required), or with --loop every "
    "event until --timeout seconds pass or Ctrl-C. In the interactive shell "
    "the command runs in the background and the prompt stays usable, so the changes made in the "
    "same session are reported too.") },
  { "list", list_opts, cmd_list, N_("list domains"),
    N_("Lists the running and paused domains, or with --all every domain, active ones by id then inactive ones by name.") },
  { "reboot", domain_opts, cmd_lifecycle, N_("reboot a domain"),
    N_("Reboots a running domain; it keeps its id."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_REBOOT) },
  { "restore", restore_opts, cmd_restore, N_("restore a domain from a saved state in a file"),
    N_("Starts a domain again from a file written by save, in the state it was saved in."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (RESTORE_DOMAIN) },
  { "resume", domain_opts, cmd_lifecycle, N_("resume a domain"),
    N_("Resumes a paused domain."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_RESUME) },
  { "save", save_opts, cmd_save, N_("save a domain state to a file"),
    N_("Saves the memory and state of an active domain to a file and stops it; restore starts it again."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SAVE) },
  { "setmaxmem", setmem_opts, cmd_setmem, N_("change maximum memory limit"),
    N_("Changes the maximum memory of an inactive domain (default unit KiB; suffixes b, K, KiB, KB, M, MiB, MB, G, GiB, GB, T)."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SET_MAX_MEMORY) },
  { "setmem", setmem_opts, cmd_setmem, N_("change memory allocation"),
    N_("Changes the current memory of a domain, up to its maximum (default unit KiB). "
    "On an active domain the change applies until it stops."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SET_MEMORY) },
  { "setvcpus", setvcpus_opts, cmd_setvcpus, N_("change number of virtual CPUs"),
    N_("Changes the number of vCPUs of a domain, from 1 to the host's CPU count."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SET_VCPUS) },
  { "shutdown", domain_opts, cmd_lifecycle, N_("gracefully shutdown a domain"),
    N_("Asks a running or paused domain to shut down."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SHUTDOWN) },
  { "start", domain_opts, cmd_lifecycle, N_("start a (previously defined) inactive domain"),
    N_("Boots an inactive persistent domain."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_START) },
  { "suspend", domain_opts, cmd_lifecycle, N_("suspend a domain"),
    N_("Pauses a running domain: it keeps its memory but its vCPUs stop."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SUSPEND) },
  { "ttyconsole", domain_opts, cmd_ttyconsole, N_("tty console"),
    N_("Prints the pseudo-terminal of the domain's console (or first serial port).") },
  { "undefine", domain_opts, cmd_lifecycle, N_("undefine a domain"),
    N_("Removes the configuration of an inactive domain; an active one becomes transient and goes away when it stops."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_UNDEFINE) },
  { "vcpuinfo", domain_json_opts, cmd_vcpuinfo, N_("detailed domain vcpu information"),
    N_("Prints the number, host CPU, state, CPU time and affinity (y per usable host CPU) of each vCPU."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_GET_VCPU_INFO) },
  { "vcpupin", vcpupin_opts, cmd_vcpupin, N_("control or query domain vcpu affinity"),
    N_("Pins a vCPU to a list of host CPUs, or without a CPU list prints the affinity of each vCPU.") },
  { NULL }
};
