/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Lists the domains of a node: `list-domains [URI]`, test:///default by default. */
#include <locale.h>
#include <libvirt-gobject/libvirt-gobject.h>

int
main (int argc, char **argv)
{
  const char *uri = argc > 1 ? argv[1] : "test:///default";
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirtConnection) conn = NULL;
  GListModel *domains;
  GEnumClass *states;

  setlocale (LC_ALL, "");

  conn = gvirt_connection_open_sync (uri, GVIRT_CONNECTION_READ_ONLY, NULL, &error);
  if (conn == NULL)
    {
      g_printerr ("error: %s\n", error->message);
      return 1;
    }

  states = g_type_class_ref (GVIRT_TYPE_DOMAIN_STATE);
  domains = gvirt_connection_get_domains (conn);
  g_print (" %-4s %-20s %s\n", "Id", "Name", "State");
  g_print ("-----------------------------------------\n");
  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr(GVirtDomain) dom = g_list_model_get_item (domains, i);
      GEnumValue *state = g_enum_get_value (states, gvirt_domain_get_state (dom));
      gint id = gvirt_domain_get_id (dom);

      if (id >= 0)
        g_print (" %-4d %-20s %s\n", id, gvirt_domain_get_name (dom), state->value_nick);
      else
        g_print (" %-4s %-20s %s\n", "-", gvirt_domain_get_name (dom), state->value_nick);
    }
  g_type_class_unref (states);
  return 0;
}
