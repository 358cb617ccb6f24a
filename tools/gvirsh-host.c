/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: the host and connection commands (connect, uri, version, nodeinfo …). */
#include "config.h"

#include "gvirsh.h"
#include "gvirsh-i18n.h"

static gboolean
cmd_connect (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  const char *uri = gvirsh_args_get_string (args, "name");

  if (ctl->conn != NULL)
    {
      gvirt_connection_close (ctl->conn);
      g_clear_object (&ctl->conn);
    }
  return gvirsh_connect (ctl, uri != NULL ? uri : ctl->uri,
                         gvirsh_args_get_bool (args, "readonly"), error);
}

static gboolean
cmd_uri (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_print ("%s\n", gvirt_connection_get_uri (ctl->conn));
  return TRUE;
}

static gboolean
cmd_hostname (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = gvirt_connection_get_hostname (ctl->conn, &local_error);

  /* The library returns NULL with no error when the backend means "the
   * local host" (the test backend does): that is this machine. */
  if (name == NULL && local_error == NULL)
    name = g_strdup (g_get_host_name ());
  if (name == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      gvirsh_rephrase_error (error, _("failed to get hostname: %s"), gvirsh_error_reason (error));
      return FALSE;
    }
  g_print ("%s\n", name);
  return TRUE;
}

static gboolean
cmd_version (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  const char *backend = gvirt_connection_get_backend_name (ctl->conn);

  if (backend == NULL)
    backend = "unknown";  /* a value, as the backend names: not translated */
  g_print (_("Compiled against library: gvirt %s\n"), GVIRT_VERSION);
  /* GVirt has no run-time version call nor a hypervisor version: say what is known */
  g_print (_("Using library: gvirt %s\n"), GVIRT_VERSION);
  g_print (_("Using API: %s\n"), backend);
  g_print (_("Running hypervisor: %s (version unknown)\n"), backend);
  return TRUE;
}

static gboolean
cmd_nodeinfo (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtNodeInfo) info = gvirt_connection_get_node_info_sync (ctl->conn, NULL, error);

  if (info == NULL)
    {
      gvirsh_rephrase_error (error, _("failed to get node information: %s"), gvirsh_error_reason (error));
      return FALSE;
    }
  if (gvirsh_args_get_bool (args, "json"))
    {
      JsonBuilder *b = gvirsh_json_begin ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "cpu_model");
      json_builder_add_string_value (b, info->model);
      json_builder_set_member_name (b, "cpus");
      json_builder_add_int_value (b, info->cpus);
      json_builder_set_member_name (b, "mhz");
      json_builder_add_int_value (b, info->mhz);
      json_builder_set_member_name (b, "sockets");
      json_builder_add_int_value (b, info->sockets);
      json_builder_set_member_name (b, "cores");
      json_builder_add_int_value (b, info->cores);
      json_builder_set_member_name (b, "threads");
      json_builder_add_int_value (b, info->threads);
      json_builder_set_member_name (b, "numa_cells");
      json_builder_add_int_value (b, info->nodes);
      json_builder_set_member_name (b, "memory_kib");
      json_builder_add_int_value (b, (gint64) info->memory);
      json_builder_end_object (b);
      gvirsh_json_print (b);
      return TRUE;
    }
  /* virsh's layout: labels in a 20-character column */
  gvirsh_print_field_width (20, _("CPU model:"), "%s", info->model != NULL ? info->model : "unknown");
  gvirsh_print_field_width (20, _("CPU(s):"), "%u", info->cpus);
  gvirsh_print_field_width (20, _("CPU frequency:"), "%u MHz", info->mhz);
  gvirsh_print_field_width (20, _("CPU socket(s):"), "%u", info->sockets);
  gvirsh_print_field_width (20, _("Core(s) per socket:"), "%u", info->cores);
  gvirsh_print_field_width (20, _("Thread(s) per core:"), "%u", info->threads);
  gvirsh_print_field_width (20, _("NUMA cell(s):"), "%u", info->nodes);
  gvirsh_print_field_width (20, _("Memory size:"), "%" G_GUINT64_FORMAT " KiB", info->memory);
  return TRUE;
}

static gboolean
cmd_capabilities (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtCapabilities) caps = gvirt_connection_get_capabilities_sync (ctl->conn, NULL, error);
  g_autofree char *xml = NULL;

  if (caps == NULL)
    {
      gvirsh_rephrase_error (error, _("failed to get capabilities: %s"), gvirsh_error_reason (error));
      return FALSE;
    }
  xml = gvirt_capabilities_to_xml (caps);
  g_print ("%s%s", xml, g_str_has_suffix (xml, "\n") ? "" : "\n");
  return TRUE;
}

static const GvirshOpt connect_opts[] = {
  { "name", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_NONE,
    N_("hypervisor connection URI") },
  { "readonly", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("read-only connection") },
  { NULL }
};
static const GvirshOpt nodeinfo_opts[] = {
  { "json", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("print JSON for scripts") },
  { NULL }
};

const GvirshCmd gvirsh_host_cmds[] = {
  { "capabilities", NULL, cmd_capabilities, N_("capabilities"),
    N_("Prints the capabilities XML of the host: its CPU and the guests it can run."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (GET_CAPABILITIES) },
  { "connect", connect_opts, cmd_connect, N_("(re)connect to hypervisor"),
    N_("Closes the current connection and opens the given URI (or the current one again), "
    "read-only with --readonly."),
    GVIRSH_CMD_FLAG_NO_CONNECT },
  { "hostname", NULL, cmd_hostname, N_("print the hypervisor hostname"),
    N_("Prints the host name of the node.") },
  { "nodeinfo", nodeinfo_opts, cmd_nodeinfo, N_("node information"),
    N_("Prints the CPU model, CPU count, frequency, topology, NUMA cells and memory of the node."),
    GVIRSH_CMD_FLAG_NONE, GVIRSH_OP (GET_NODE_INFO) },
  { "uri", NULL, cmd_uri, N_("print the hypervisor canonical URI"),
    N_("Prints the URI of the connection.") },
  { "version", NULL, cmd_version, N_("show version"),
    N_("Prints the GVirt version and the backend serving the connection. GVirt does not report "
    "hypervisor versions, so that line says 'version unknown'.") },
  { NULL }
};
