/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: the virtual network commands (net-list, net-info, net-define …). */
#include "config.h"

#include "gvirsh.h"
#include "gvirsh-i18n.h"

#define NETWORK_OPT \
  { "network", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_REQUIRED | GVIRSH_OPT_FLAG_POSITIONAL, \
    GVIRSH_COMPLETE_NETWORK, N_("network name or uuid") }

static GVirtNetwork *
get_network (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  return gvirsh_lookup_network (ctl, gvirsh_args_get_string (args, "network"), error);
}

static gint
compare_networks (gconstpointer pa, gconstpointer pb)
{
  return g_strcmp0 (gvirt_network_get_name (*(GVirtNetwork **) pa),
                    gvirt_network_get_name (*(GVirtNetwork **) pb));
}

static void
add_network_json (JsonBuilder *b, GVirtNetwork *net)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, gvirt_network_get_name (net));
  json_builder_set_member_name (b, "uuid");
  json_builder_add_string_value (b, gvirt_network_get_uuid (net));
  json_builder_set_member_name (b, "active");
  json_builder_add_boolean_value (b, gvirt_network_get_active (net));
  json_builder_set_member_name (b, "persistent");
  json_builder_add_boolean_value (b, gvirt_network_get_persistent (net));
  json_builder_set_member_name (b, "autostart");
  json_builder_add_boolean_value (b, gvirt_network_get_autostart (net));
  json_builder_set_member_name (b, "bridge");
  json_builder_add_string_value (b, gvirt_network_get_bridge (net));
  json_builder_end_object (b);
}

static gboolean
cmd_net_list (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  gboolean all = gvirsh_args_get_bool (args, "all");
  gboolean inactive = gvirsh_args_get_bool (args, "inactive");
  GListModel *model = gvirt_connection_get_networks (ctl->conn);
  g_autoptr(GPtrArray) nets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GvirshTable) table = NULL;

  if (all && inactive)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("options --all and --inactive are mutually exclusive"));
      return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      GVirtNetwork *net = g_list_model_get_item (model, i);
      gboolean active = gvirt_network_get_active (net);

      if (all || (inactive ? !active : active))
        g_ptr_array_add (nets, net);
      else
        g_object_unref (net);
    }
  g_ptr_array_sort (nets, compare_networks);

  if (gvirsh_args_get_bool (args, "json"))
    {
      JsonBuilder *b = gvirsh_json_begin ();

      json_builder_begin_array (b);
      for (guint i = 0; i < nets->len; i++)
        add_network_json (b, g_ptr_array_index (nets, i));
      json_builder_end_array (b);
      gvirsh_json_print (b);
      return TRUE;
    }
  if (gvirsh_args_get_bool (args, "name") || gvirsh_args_get_bool (args, "uuid"))
    {
      for (guint i = 0; i < nets->len; i++)
        {
          GVirtNetwork *net = g_ptr_array_index (nets, i);

          g_print ("%s\n", gvirsh_args_get_bool (args, "uuid") ? gvirt_network_get_uuid (net)
                                                               : gvirt_network_get_name (net));
        }
      return TRUE;
    }

  /* the headings are translated, the cells are virsh's fixed words, which
   * scripts compare */
  table = gvirsh_table_new (_("Name"), _("State"), _("Autostart"), _("Persistent"), NULL);
  for (guint i = 0; i < nets->len; i++)
    {
      GVirtNetwork *net = g_ptr_array_index (nets, i);

      gvirsh_table_add_row (table, gvirt_network_get_name (net),
                            gvirt_network_get_active (net) ? "active" : "inactive",
                            gvirt_network_get_autostart (net) ? "yes" : "no",
                            gvirt_network_get_persistent (net) ? "yes" : "no", NULL);
    }
  gvirsh_table_print (ctl, table);
  return TRUE;
}

static gboolean
cmd_net_info (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtNetwork) net = get_network (ctl, args, error);
  const char *bridge;

  if (net == NULL)
    return FALSE;
  if (gvirsh_args_get_bool (args, "json"))
    {
      JsonBuilder *b = gvirsh_json_begin ();

      add_network_json (b, net);
      gvirsh_json_print (b);
      return TRUE;
    }
  bridge = gvirt_network_get_bridge (net);
  /* translated labels, virsh's fixed "yes"/"no" values (scripts compare them) */
  gvirsh_print_field (_("Name:"), "%s", gvirt_network_get_name (net));
  gvirsh_print_field (_("UUID:"), "%s", gvirt_network_get_uuid (net));
  gvirsh_print_field (_("Active:"), "%s", gvirt_network_get_active (net) ? "yes" : "no");
  gvirsh_print_field (_("Persistent:"), "%s", gvirt_network_get_persistent (net) ? "yes" : "no");
  gvirsh_print_field (_("Autostart:"), "%s", gvirt_network_get_autostart (net) ? "yes" : "no");
  if (bridge != NULL)
    gvirsh_print_field (_("Bridge:"), "%s", bridge);
  return TRUE;
}

static gboolean
cmd_net_dumpxml (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtNetwork) net = get_network (ctl, args, error);
  g_autofree char *xml = NULL;

  if (net == NULL)
    return FALSE;
  xml = gvirt_network_get_xml_sync (net, NULL, error);
  if (xml == NULL)
    {
      gvirsh_rephrase_error (error, _("failed to get the XML of network '%s': %s"),
                             gvirt_network_get_name (net), gvirsh_error_reason (error));
      return FALSE;
    }
  g_print ("%s%s", xml, g_str_has_suffix (xml, "\n") ? "" : "\n");
  return TRUE;
}

static gboolean
cmd_net_define (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  gboolean create = g_str_equal (gvirsh_args_get_cmd (args)->name, "net-create");
  const char *file = gvirsh_args_get_string (args, "file");
  g_autofree char *xml = NULL;
  g_autoptr(GVirtNetworkConfig) config = NULL;
  g_autoptr(GVirtNetwork) net = NULL;

  if (!gvirsh_read_file (file, &xml, error))
    {
      if (create)
        gvirsh_rephrase_error (error, _("failed to read file '%s' to create a network: %s"),
                               file, gvirsh_error_reason (error));
      else
        gvirsh_rephrase_error (error, _("failed to read file '%s' to define a network: %s"),
                               file, gvirsh_error_reason (error));
      return FALSE;
    }
  config = gvirt_network_config_new_from_xml (xml, error);
  if (config == NULL)
    {
      gvirsh_rephrase_error (error, _("'%s' is not a valid network description: %s"),
                             file, gvirsh_error_reason (error));
      return FALSE;
    }
  if (create)
    net = gvirt_connection_create_network_sync (ctl->conn, config, NULL, error);
  else
    net = gvirt_connection_define_network_sync (ctl->conn, config, NULL, error);
  if (net == NULL && create)
    gvirsh_rephrase_error (error, _("failed to create network from %s: %s"), file, gvirsh_error_reason (error));
  else if (net == NULL)
    gvirsh_rephrase_error (error, _("failed to define network from %s: %s"), file, gvirsh_error_reason (error));
  if (net == NULL)
    return FALSE;
  /* virsh writes network names without quotes in its messages */
  if (create)
    gvirsh_print_info (ctl, _("Network %s created from %s"), gvirt_network_get_name (net), file);
  else
    gvirsh_print_info (ctl, _("Network %s defined from %s"), gvirt_network_get_name (net), file);
  return TRUE;
}

typedef gboolean (*NetworkAction) (GVirtNetwork *, GCancellable *, GError **);

static const struct {
  const char   *name;
  NetworkAction action;
  const char   *failed;  /* the name and the reason */
  const char   *done;
} net_actions[] = {
  { "net-start", gvirt_network_start_sync,
    N_("failed to start network '%s': %s"), N_("Network %s started") },
  { "net-destroy", gvirt_network_destroy_sync,
    N_("failed to destroy network '%s': %s"), N_("Network %s destroyed") },
  { "net-undefine", gvirt_network_undefine_sync,
    N_("failed to undefine network '%s': %s"), N_("Network %s has been undefined") },
};

static gboolean
cmd_net_action (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  const char *cmd = gvirsh_args_get_cmd (args)->name;
  g_autoptr(GVirtNetwork) net = get_network (ctl, args, error);
  g_autofree char *name = NULL;

  if (net == NULL)
    return FALSE;
  name = g_strdup (gvirt_network_get_name (net));
  for (gsize i = 0; i < G_N_ELEMENTS (net_actions); i++)
    {
      if (!g_str_equal (net_actions[i].name, cmd))
        continue;
      if (!net_actions[i].action (net, NULL, error))
        {
          gvirsh_rephrase_error (error, _(net_actions[i].failed), name, gvirsh_error_reason (error));
          return FALSE;
        }
      gvirsh_print_info (ctl, _(net_actions[i].done), name);
      return TRUE;
    }
  g_assert_not_reached ();
}

static gboolean
cmd_net_autostart (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtNetwork) net = get_network (ctl, args, error);
  gboolean enable = !gvirsh_args_get_bool (args, "disable");

  if (net == NULL)
    return FALSE;
  if (!gvirt_network_set_autostart_sync (net, enable, NULL, error))
    {
      if (enable)
        gvirsh_rephrase_error (error, _("failed to mark network '%s' as autostarted: %s"),
                               gvirt_network_get_name (net), gvirsh_error_reason (error));
      else
        gvirsh_rephrase_error (error, _("failed to unmark network '%s' as autostarted: %s"),
                               gvirt_network_get_name (net), gvirsh_error_reason (error));
      return FALSE;
    }
  if (enable)
    gvirsh_print_info (ctl, _("Network %s marked as autostarted"), gvirt_network_get_name (net));
  else
    gvirsh_print_info (ctl, _("Network %s unmarked as autostarted"), gvirt_network_get_name (net));
  return TRUE;
}

static gboolean
cmd_net_uuid (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtNetwork) net = get_network (ctl, args, error);

  if (net == NULL)
    return FALSE;
  g_print ("%s\n", gvirt_network_get_uuid (net));
  return TRUE;
}

static gboolean
cmd_net_name (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtNetwork) net = get_network (ctl, args, error);

  if (net == NULL)
    return FALSE;
  g_print ("%s\n", gvirt_network_get_name (net));
  return TRUE;
}

static const GvirshOpt net_list_opts[] = {
  { "all", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list inactive & active networks") },
  { "inactive", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list inactive networks") },
  { "name", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list network names only") },
  { "uuid", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("list uuids only") },
  { "json", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("print JSON for scripts") },
  { NULL }
};
static const GvirshOpt network_opts[] = { NETWORK_OPT, { NULL } };
static const GvirshOpt net_info_opts[] = {
  NETWORK_OPT,
  { "json", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("print JSON for scripts") },
  { NULL }
};
static const GvirshOpt net_file_opts[] = {
  { "file", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_REQUIRED | GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_FILE,
    N_("file containing an XML network description") },
  { NULL }
};
static const GvirshOpt net_autostart_opts[] = {
  NETWORK_OPT,
  { "disable", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("disable autostarting") },
  { NULL }
};

const GvirshCmd gvirsh_network_cmds[] = {
  { "net-autostart", net_autostart_opts, cmd_net_autostart, N_("autostart a network"),
    N_("Configures a persistent network to be started when the host boots; --disable undoes it."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (NETWORK_SET_AUTOSTART) },
  { "net-create", net_file_opts, cmd_net_define, N_("create a network from an XML file"),
    N_("Creates and starts a transient network from an XML file; it disappears when destroyed."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (CREATE_NETWORK) },
  { "net-define", net_file_opts, cmd_net_define, N_("define an inactive persistent virtual network from an XML file"),
    N_("Defines a persistent network from an XML file, or updates the network with that name and UUID."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (DEFINE_NETWORK) },
  { "net-destroy", network_opts, cmd_net_action, N_("destroy (stop) a network"),
    N_("Stops an active network; a transient one goes away."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (NETWORK_DESTROY) },
  { "net-dumpxml", network_opts, cmd_net_dumpxml, N_("network information in XML"),
    N_("Prints the network XML."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (NETWORK_GET_XML) },
  { "net-info", net_info_opts, cmd_net_info, N_("network information"),
    N_("Prints the name, UUID, state, persistence, autostart and bridge of a network.") },
  { "net-list", net_list_opts, cmd_net_list, N_("list networks"),
    N_("Lists the active networks, or with --all every network, by name.") },
  { "net-name", network_opts, cmd_net_name, N_("convert a network UUID to network name"),
    N_("Prints the name of a network.") },
  { "net-start", network_opts, cmd_net_action, N_("start a (previously defined) inactive network"),
    N_("Starts an inactive persistent network."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (NETWORK_START) },
  { "net-undefine", network_opts, cmd_net_action, N_("undefine a persistent network"),
    N_("Removes the configuration of an inactive network; an active one becomes transient."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (NETWORK_UNDEFINE) },
  { "net-uuid", network_opts, cmd_net_uuid, N_("convert a network name to network UUID"),
    N_("Prints the UUID of a network.") },
  { NULL }
};
