/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: the domain command table, and the commands that show a domain (list, dominfo, XML, console). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "gvirsh.h"
#include "gvirsh-domain.h"
#include "gvirsh-i18n.h"

GVirtDomain *
gvirsh_get_domain (GvirshCtl *ctl, GvirshArgs *args, GError **error)
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

/* virsh's filters, as virConnectListAllDomains() applies them: each group of
 * options (active or inactive, persistent or transient, the states, autostart
 * or not) lets through what any of its options names, or every domain when
 * none is given, and a domain is listed when every group lets it through. */

/* Neither option given, or the one that @value matches. */
static gboolean
list_pair_passes (GvirshArgs *args, const char *yes, const char *no, gboolean value)
{
  gboolean y = gvirsh_args_get_bool (args, yes), n = gvirsh_args_get_bool (args, no);

  return (!y && !n) || (value ? y : n);
}

static gboolean
list_state_passes (GvirshArgs *args, GVirtDomainState state)
{
  gboolean running = gvirsh_args_get_bool (args, "state-running");
  gboolean paused = gvirsh_args_get_bool (args, "state-paused");
  gboolean shutoff = gvirsh_args_get_bool (args, "state-shutoff");
  gboolean other = gvirsh_args_get_bool (args, "state-other");

  if (!running && !paused && !shutoff && !other)
    return TRUE;
  switch (state)
    {
    case GVIRT_DOMAIN_STATE_RUNNING: return running;
    case GVIRT_DOMAIN_STATE_PAUSED:  return paused;
    case GVIRT_DOMAIN_STATE_SHUTOFF: return shutoff;
    default:                         return other;
    }
}

static gboolean
list_passes (GvirshArgs *args, GVirtDomain *dom)
{
  /* the active ones by default, the inactive ones instead with --inactive
   * or --state-shutoff, both with --all (which wins, as in virsh) */
  gboolean inactive = gvirsh_args_get_bool (args, "inactive") || gvirsh_args_get_bool (args, "state-shutoff");
  gboolean all = gvirsh_args_get_bool (args, "all");
  gboolean active = gvirt_domain_get_id (dom) >= 0;

  return (all || active != inactive) &&
         list_pair_passes (args, "persistent", "transient", gvirt_domain_get_persistent (dom)) &&
         list_pair_passes (args, "autostart", "no-autostart", gvirt_domain_get_autostart (dom)) &&
         list_state_passes (args, gvirt_domain_get_state (dom));
}

/* --uuid, --id, --name: those columns, in this order whichever option came
 * first, one space apart, as virsh; --id alone leaves out the inactive
 * domains, which have no id. */
static void
list_print_columns (GvirshArgs *args, GPtrArray *doms)
{
  gboolean uuids = gvirsh_args_get_bool (args, "uuid");
  gboolean ids = gvirsh_args_get_bool (args, "id");
  gboolean names = gvirsh_args_get_bool (args, "name");

  for (guint i = 0; i < doms->len; i++)
    {
      GVirtDomain *dom = g_ptr_array_index (doms, i);
      gint id = gvirt_domain_get_id (dom);
      g_autoptr(GString) line = g_string_new (NULL);

      if (ids && !uuids && !names && id < 0)
        continue;
      if (uuids)
        g_string_append (line, gvirt_domain_get_uuid (dom));
      if (ids && id >= 0)
        g_string_append_printf (line, "%s%d", line->len > 0 ? " " : "", id);
      else if (ids)
        g_string_append (line, line->len > 0 ? " -" : "-");
      if (names)
        g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", gvirt_domain_get_name (dom));
      g_print ("%s\n", line->str);
    }
}

static gboolean
cmd_list (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  static const char *const columns[] = { "name", "uuid", "id" };
  gboolean only_columns = FALSE;
  GListModel *model = gvirt_connection_get_domains (ctl->conn);
  g_autoptr(GPtrArray) doms = g_ptr_array_new_with_free_func (g_object_unref);

  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (!gvirsh_args_get_bool (args, columns[i]))
        continue;
      if (gvirsh_args_get_bool (args, "table"))
        {
          /* virsh's sentence */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Options --%s and --%s are mutually exclusive"), "table", columns[i]);
          return FALSE;
        }
      only_columns = TRUE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      GVirtDomain *dom = g_list_model_get_item (model, i);

      if (list_passes (args, dom))
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

  if (only_columns)
    {
      list_print_columns (args, doms);
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
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
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
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
  GVirtDomainState state;
  GVirtDomainStateReason reason;

  if (dom == NULL)
    return FALSE;
  state = gvirt_domain_get_state (dom);
  reason = gvirt_domain_get_state_reason (dom);
  if (gvirsh_args_get_bool (args, "json"))
    {
      JsonBuilder *b = gvirsh_json_begin ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, gvirsh_enum_nick (GVIRT_TYPE_DOMAIN_STATE, state));
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, gvirsh_enum_nick (GVIRT_TYPE_DOMAIN_STATE_REASON, reason));
      json_builder_end_object (b);
      gvirsh_json_print (b);
    }
  else if (gvirsh_args_get_bool (args, "reason"))
    /* machine-readable like the state, so not translated */
    g_print ("%s (%s)\n", gvirsh_domain_state_string (state), gvirsh_domain_state_reason_string (reason));
  else
    g_print ("%s\n", gvirsh_domain_state_string (state));
  return TRUE;
}

static gboolean
cmd_domid (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);

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
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);

  if (dom == NULL)
    return FALSE;
  g_print ("%s\n", gvirt_domain_get_name (dom));
  return TRUE;
}

static gboolean
cmd_domuuid (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);

  if (dom == NULL)
    return FALSE;
  g_print ("%s\n", gvirt_domain_get_uuid (dom));
  return TRUE;
}

static gboolean
cmd_dumpxml (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
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


static gboolean
cmd_autostart (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
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
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
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
  { "inactive", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list inactive domains") },
  { "all", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list inactive & active domains") },
  { "transient", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list transient domains") },
  { "persistent", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list persistent domains") },
  { "state-running", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list domains in running state") },
  { "state-paused", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list domains in paused state") },
  { "state-shutoff", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list domains in shutoff state") },
  { "state-other", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list domains in other states") },
  { "autostart", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list domains with autostart enabled") },
  { "no-autostart", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list domains with autostart disabled") },
  { "uuid", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list uuid's only") },
  { "name", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list domain names only") },
  { "id", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list domain IDs only") },
  { "table", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list table (default)") },
  JSON_OPT,
  { NULL }
};
const GvirshOpt gvirsh_domain_opts[] = { DOMAIN_OPT, { NULL } };
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
static const GvirshOpt autostart_opts[] = {
  DOMAIN_OPT,
  { "disable", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("disable autostarting") },
  { NULL }
};

const GvirshCmd gvirsh_domain_cmds[] = {
  { "autostart", autostart_opts, cmd_autostart, N_("autostart a domain"),
    N_("Configures a domain to be started automatically when the host boots; --disable undoes it."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SET_AUTOSTART) },
  { "create", gvirsh_create_opts, gvirsh_cmd_create, N_("create a domain from an XML file"),
    N_("Creates and starts a transient domain from an XML file; it disappears when it stops."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (CREATE_DOMAIN) },
  { "define", gvirsh_define_opts, gvirsh_cmd_define, N_("define (but don't start) a domain from an XML file"),
    N_("Defines a persistent domain from an XML file, or updates the domain with that name and UUID."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DEFINE_DOMAIN) },
  { "destroy", gvirsh_destroy_opts, gvirsh_cmd_lifecycle, N_("destroy (stop) a domain"),
    N_("Stops a running or paused domain at once, as pulling the power cord. --graceful (stop only if "
    "the domain's process ends on its own when asked) is refused: GVirt has no such destroy; use shutdown."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_DESTROY) },
  { "domid", gvirsh_domain_opts, cmd_domid, N_("convert a domain name or UUID to domain id"),
    N_("Prints the id of a domain, or - when it is not running.") },
  { "dominfo", domain_json_opts, cmd_dominfo, N_("domain information"),
    N_("Prints the id, name, UUID, OS type, state, vCPUs, CPU time, memory, persistence and autostart of a domain. "
    "As virsh, it leaves the CPU time out while it is 0, as it is for a shut off domain."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_GET_INFO) },
  { "domname", gvirsh_domain_opts, cmd_domname, N_("convert a domain id or UUID to domain name"),
    N_("Prints the name of a domain.") },
  { "domstate", domstate_opts, cmd_domstate, N_("domain state"),
    N_("Prints the state of a domain: running, idle, paused, in shutdown, shut off, crashed or pmsuspended. "
    "With --reason it adds why, in virsh's words: running (booted), paused (user), shut off (destroyed), "
    "shut off (saved) ...; every client of the node sees the same reason.") },
  { "domuuid", gvirsh_domain_opts, cmd_domuuid, N_("convert a domain name or id to domain UUID"),
    N_("Prints the UUID of a domain.") },
  { "dump", gvirsh_dump_opts, gvirsh_cmd_dump, N_("dump the core of a domain to a file for analysis"),
    N_("Writes a core dump of an active domain to a file; the domain keeps running."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_CORE_DUMP) },
  { "dumpxml", dumpxml_opts, cmd_dumpxml, N_("domain information in XML"),
    N_("Prints the domain XML: the live configuration of an active domain, or with --inactive the one of its next boot."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_GET_XML) },
  { "event", gvirsh_event_opts, gvirsh_cmd_event, N_("Domain Events"),
    N_("Prints lifecycle events of domains as they happen, whichever client causes them: one event "
    "with --all or --event lifecycle (one of them, or --loop, is required), or with --loop every "
    "event until --timeout seconds pass or Ctrl-C, then prints how many it saw; as in virsh, the command "
    "fails (status 1, no error line) when it saw none. In the interactive shell "
    "the command runs in the background and the prompt stays usable, so the changes made in the "
    "same session are reported too.") },
  { "list", list_opts, cmd_list, N_("list domains"),
    N_("Lists the running and paused domains, or with --inactive the inactive ones, or with --all every domain, "
    "active ones by id then inactive ones by name. The other options keep the domains they name, as in virsh: "
    "--persistent or --transient, --autostart or --no-autostart, and the --state-... options (running, paused, "
    "shutoff, other: --state-shutoff lists inactive domains without --all); options of one kind add up, "
    "options of different kinds narrow the list. --uuid, --id and --name print those columns, in this order, "
    "instead of the table; --id alone leaves out the inactive domains.") },
  { "reboot", gvirsh_domain_opts, gvirsh_cmd_lifecycle, N_("reboot a domain"),
    N_("Reboots a running domain; it keeps its id."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_REBOOT) },
  { "restore", gvirsh_restore_opts, gvirsh_cmd_restore, N_("restore a domain from a saved state in a file"),
    N_("Starts a domain again from a file written by save, in the state it was saved in."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (RESTORE_DOMAIN) },
  { "resume", gvirsh_domain_opts, gvirsh_cmd_lifecycle, N_("resume a domain"),
    N_("Resumes a paused domain."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_RESUME) },
  { "save", gvirsh_save_opts, gvirsh_cmd_save, N_("save a domain state to a file"),
    N_("Saves the memory and state of an active domain to a file and stops it; restore starts it again."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SAVE) },
  { "setmaxmem", gvirsh_setmem_opts, gvirsh_cmd_setmem, N_("change maximum memory limit"),
    N_("Changes the maximum memory of a domain for its next boot (default unit KiB; suffixes b, K, KiB, KB, "
    "M, MiB, MB, G, GiB, GB, T); the current memory shrinks to it. An active domain needs --config: "
    "GVirt has no memory hotplug, so --live (and --current, the default, on an active domain) is refused."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SET_MAX_MEMORY) },
  { "setmem", gvirsh_setmem_opts, gvirsh_cmd_setmem, N_("change memory allocation"),
    N_("Changes the current memory of a domain, up to its maximum (default unit KiB). As in virsh, "
    "--live changes the running domain until it stops, --config its configuration from its next boot, "
    "both together both; --current, the default, is --live on an active domain and --config on an inactive one. "
    "--config on an active domain edits its configuration and defines it again."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SET_MEMORY) },
  { "setvcpus", gvirsh_setvcpus_opts, gvirsh_cmd_setvcpus, N_("change number of virtual CPUs"),
    N_("Changes the number of vCPUs of a domain, from 1 to the host's CPU count: both its current and its "
    "maximum count, as GVirt counts vCPUs. --live, --config and --current choose as for setmem "
    "(QEMU changes the vCPUs of a shut off domain only). --maximum, with --config, changes the maximum "
    "alone, lowering the current count to it."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SET_VCPUS) },
  { "shutdown", gvirsh_shutdown_opts, gvirsh_cmd_lifecycle, N_("gracefully shutdown a domain"),
    N_("Asks a running or paused domain to shut down, through ACPI: --mode may list virsh's modes, "
    "separated by commas, and must include acpi, the one GVirt has (the guest agent, initctl, signals and "
    "paravirt are refused)."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SHUTDOWN) },
  { "start", gvirsh_start_opts, gvirsh_cmd_lifecycle, N_("start a (previously defined) inactive domain"),
    N_("Boots an inactive persistent domain. With --paused it is paused as soon as it runs "
    "(GVirt starts no domain paused, so its vCPUs may run for an instant)."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_START) },
  { "suspend", gvirsh_domain_opts, gvirsh_cmd_lifecycle, N_("suspend a domain"),
    N_("Pauses a running domain: it keeps its memory but its vCPUs stop."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_SUSPEND) },
  { "ttyconsole", gvirsh_domain_opts, cmd_ttyconsole, N_("tty console"),
    N_("Prints the pseudo-terminal of the domain's console (or first serial port).") },
  { "undefine", gvirsh_domain_opts, gvirsh_cmd_lifecycle, N_("undefine a domain"),
    N_("Removes the configuration of an inactive domain; an active one becomes transient and goes away when it stops."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_UNDEFINE) },
  { "vcpuinfo", domain_json_opts, gvirsh_cmd_vcpuinfo, N_("detailed domain vcpu information"),
    N_("Prints the number, host CPU, state, CPU time and affinity (y per usable host CPU) of each vCPU."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DOMAIN_GET_VCPU_INFO) },
  { "vcpupin", gvirsh_vcpupin_opts, gvirsh_cmd_vcpupin, N_("control or query domain vcpu affinity"),
    N_("Pins a vCPU to a list of host CPUs, or without a CPU list prints the affinity of each vCPU.") },
  { NULL }
};
