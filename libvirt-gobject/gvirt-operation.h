/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtOperation: every operation a connection, domain or network offers, and its rules. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"


#include <glib-object.h>
#include "libvirt-gobject/gvirt-domain-state.h"

G_BEGIN_DECLS

/**
 * GVirtOperation:
 * @GVIRT_OPERATION_GET_CAPABILITIES: gvirt_connection_get_capabilities_sync()
 * @GVIRT_OPERATION_GET_NODE_INFO: gvirt_connection_get_node_info_sync()
 * @GVIRT_OPERATION_DEFINE_DOMAIN: gvirt_connection_define_domain_sync()
 * @GVIRT_OPERATION_CREATE_DOMAIN: gvirt_connection_create_domain_sync()
 * @GVIRT_OPERATION_RESTORE_DOMAIN: gvirt_connection_restore_domain_sync()
 * @GVIRT_OPERATION_DEFINE_NETWORK: gvirt_connection_define_network_sync()
 * @GVIRT_OPERATION_CREATE_NETWORK: gvirt_connection_create_network_sync()
 * @GVIRT_OPERATION_DOMAIN_START: gvirt_domain_start_sync()
 * @GVIRT_OPERATION_DOMAIN_SHUTDOWN: gvirt_domain_shutdown_sync()
 * @GVIRT_OPERATION_DOMAIN_REBOOT: gvirt_domain_reboot_sync()
 * @GVIRT_OPERATION_DOMAIN_DESTROY: gvirt_domain_destroy_sync()
 * @GVIRT_OPERATION_DOMAIN_SUSPEND: gvirt_domain_suspend_sync()
 * @GVIRT_OPERATION_DOMAIN_RESUME: gvirt_domain_resume_sync()
 * @GVIRT_OPERATION_DOMAIN_SAVE: gvirt_domain_save_sync()
 * @GVIRT_OPERATION_DOMAIN_CORE_DUMP: gvirt_domain_core_dump_sync()
 * @GVIRT_OPERATION_DOMAIN_UNDEFINE: gvirt_domain_undefine_sync()
 * @GVIRT_OPERATION_DOMAIN_SET_MEMORY: gvirt_domain_set_memory_sync()
 * @GVIRT_OPERATION_DOMAIN_SET_MAX_MEMORY: gvirt_domain_set_max_memory_sync()
 * @GVIRT_OPERATION_DOMAIN_SET_VCPUS: gvirt_domain_set_vcpus_sync()
 * @GVIRT_OPERATION_DOMAIN_PIN_VCPU: gvirt_domain_pin_vcpu_sync()
 * @GVIRT_OPERATION_DOMAIN_SET_AUTOSTART: gvirt_domain_set_autostart_sync()
 * @GVIRT_OPERATION_DOMAIN_GET_INFO: gvirt_domain_get_info_sync()
 * @GVIRT_OPERATION_DOMAIN_GET_VCPU_INFO: gvirt_domain_get_vcpu_info_sync()
 * @GVIRT_OPERATION_DOMAIN_GET_CONFIG: gvirt_domain_get_config_sync()
 * @GVIRT_OPERATION_DOMAIN_GET_XML: gvirt_domain_get_xml_sync()
 * @GVIRT_OPERATION_NETWORK_START: gvirt_network_start_sync()
 * @GVIRT_OPERATION_NETWORK_DESTROY: gvirt_network_destroy_sync()
 * @GVIRT_OPERATION_NETWORK_UNDEFINE: gvirt_network_undefine_sync()
 * @GVIRT_OPERATION_NETWORK_SET_AUTOSTART: gvirt_network_set_autostart_sync()
 * @GVIRT_OPERATION_NETWORK_GET_CONFIG: gvirt_network_get_config_sync()
 * @GVIRT_OPERATION_NETWORK_GET_XML: gvirt_network_get_xml_sync()
 *
 * The operations of #GVirtConnection, #GVirtDomain and #GVirtNetwork, one
 * value per `_sync`/`_async` pair. An application asks
 * gvirt_connection_check_operation() whether one can be called at all
 * (to grey out a button, say), and gvirt_operation_allows_state() whether a
 * domain's state permits it; the library applies the same rules when the
 * call is made.
 */
typedef enum {
  GVIRT_OPERATION_GET_CAPABILITIES,
  GVIRT_OPERATION_GET_NODE_INFO,
  GVIRT_OPERATION_DEFINE_DOMAIN,
  GVIRT_OPERATION_CREATE_DOMAIN,
  GVIRT_OPERATION_RESTORE_DOMAIN,
  GVIRT_OPERATION_DEFINE_NETWORK,
  GVIRT_OPERATION_CREATE_NETWORK,
  GVIRT_OPERATION_DOMAIN_START,
  GVIRT_OPERATION_DOMAIN_SHUTDOWN,
  GVIRT_OPERATION_DOMAIN_REBOOT,
  GVIRT_OPERATION_DOMAIN_DESTROY,
  GVIRT_OPERATION_DOMAIN_SUSPEND,
  GVIRT_OPERATION_DOMAIN_RESUME,
  GVIRT_OPERATION_DOMAIN_SAVE,
  GVIRT_OPERATION_DOMAIN_CORE_DUMP,
  GVIRT_OPERATION_DOMAIN_UNDEFINE,
  GVIRT_OPERATION_DOMAIN_SET_MEMORY,
  GVIRT_OPERATION_DOMAIN_SET_MAX_MEMORY,
  GVIRT_OPERATION_DOMAIN_SET_VCPUS,
  GVIRT_OPERATION_DOMAIN_PIN_VCPU,
  GVIRT_OPERATION_DOMAIN_SET_AUTOSTART,
  GVIRT_OPERATION_DOMAIN_GET_INFO,
  GVIRT_OPERATION_DOMAIN_GET_VCPU_INFO,
  GVIRT_OPERATION_DOMAIN_GET_CONFIG,
  GVIRT_OPERATION_DOMAIN_GET_XML,
  GVIRT_OPERATION_NETWORK_START,
  GVIRT_OPERATION_NETWORK_DESTROY,
  GVIRT_OPERATION_NETWORK_UNDEFINE,
  GVIRT_OPERATION_NETWORK_SET_AUTOSTART,
  GVIRT_OPERATION_NETWORK_GET_CONFIG,
  GVIRT_OPERATION_NETWORK_GET_XML,
} GVirtOperation;

GVIRT_AVAILABLE_IN_ALL
const char *gvirt_operation_get_name          (GVirtOperation     operation);
GVIRT_AVAILABLE_IN_ALL
gboolean    gvirt_operation_changes_node      (GVirtOperation     operation);
GVIRT_AVAILABLE_IN_ALL
gboolean    gvirt_operation_allows_state      (GVirtOperation     operation,
                                               GVirtDomainState   state);
GVIRT_AVAILABLE_IN_ALL
gboolean    gvirt_operation_check_state       (GVirtOperation     operation,
                                               const char        *domain_name,
                                               GVirtDomainState   state,
                                               GError           **error);

G_END_DECLS
