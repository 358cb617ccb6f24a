/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtConnection: one open connection to a hypervisor node through a backend. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <gio/gio.h>
#include "libvirt-gobject/gvirt-operation.h"
#include "libvirt-gobject/gvirt-connection-flags.h"
#include "libvirt-gobject/gvirt-node-info.h"
#include "libvirt-gobject/gvirt-domain.h"
#include "libvirt-gobject/gvirt-network.h"
#include "libvirt-gobject/config/gvirt-capabilities.h"
#include "libvirt-gobject/config/gvirt-domain-config.h"
#include "libvirt-gobject/config/gvirt-network-config.h"

G_BEGIN_DECLS

#define GVIRT_TYPE_CONNECTION (gvirt_connection_get_type ())
GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtConnection, gvirt_connection, GVIRT, CONNECTION, GObject)

GVIRT_AVAILABLE_IN_ALL
GVirtConnection   *gvirt_connection_open_sync              (const char           *uri,
                                                            GVirtConnectionFlags  flags,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_connection_open_async             (const char           *uri,
                                                            GVirtConnectionFlags  flags,
                                                            int                   io_priority,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GVIRT_AVAILABLE_IN_ALL
GVirtConnection   *gvirt_connection_open_finish            (GAsyncResult         *result,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_connection_close                  (GVirtConnection      *self);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_connection_is_closed              (GVirtConnection      *self);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_connection_check_operation        (GVirtConnection      *self,
                                                            GVirtOperation        operation,
                                                            GError              **error);

GVIRT_AVAILABLE_IN_ALL
const char        *gvirt_connection_get_uri                (GVirtConnection      *self);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_connection_get_read_only          (GVirtConnection      *self);
GVIRT_AVAILABLE_IN_ALL
const char        *gvirt_connection_get_backend_name       (GVirtConnection      *self);
GVIRT_AVAILABLE_IN_ALL
char              *gvirt_connection_get_hostname           (GVirtConnection      *self,
                                                            GError              **error);

GVIRT_AVAILABLE_IN_ALL
GVirtCapabilities *gvirt_connection_get_capabilities_sync  (GVirtConnection      *self,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_connection_get_capabilities_async (GVirtConnection      *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GVIRT_AVAILABLE_IN_ALL
GVirtCapabilities *gvirt_connection_get_capabilities_finish (GVirtConnection     *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

GVIRT_AVAILABLE_IN_ALL
GVirtNodeInfo     *gvirt_connection_get_node_info_sync     (GVirtConnection      *self,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_connection_get_node_info_async    (GVirtConnection      *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GVIRT_AVAILABLE_IN_ALL
GVirtNodeInfo     *gvirt_connection_get_node_info_finish   (GVirtConnection      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

GVIRT_AVAILABLE_IN_ALL
GListModel        *gvirt_connection_get_domains            (GVirtConnection      *self);
GVIRT_AVAILABLE_IN_ALL
GListModel        *gvirt_connection_get_networks           (GVirtConnection      *self);
GVIRT_AVAILABLE_IN_ALL
GVirtDomain       *gvirt_connection_find_domain_by_name    (GVirtConnection      *self,
                                                            const char           *name);
GVIRT_AVAILABLE_IN_ALL
GVirtDomain       *gvirt_connection_find_domain_by_uuid    (GVirtConnection      *self,
                                                            const char           *uuid);
GVIRT_AVAILABLE_IN_ALL
GVirtDomain       *gvirt_connection_find_domain_by_id      (GVirtConnection      *self,
                                                            gint                  id);
GVIRT_AVAILABLE_IN_ALL
GVirtNetwork      *gvirt_connection_find_network_by_name   (GVirtConnection      *self,
                                                            const char           *name);
GVIRT_AVAILABLE_IN_ALL
GVirtNetwork      *gvirt_connection_find_network_by_uuid   (GVirtConnection      *self,
                                                            const char           *uuid);

GVIRT_AVAILABLE_IN_ALL
GVirtDomain       *gvirt_connection_define_domain_sync     (GVirtConnection      *self,
                                                            GVirtDomainConfig    *config,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_connection_define_domain_async    (GVirtConnection      *self,
                                                            GVirtDomainConfig    *config,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GVIRT_AVAILABLE_IN_ALL
GVirtDomain       *gvirt_connection_define_domain_finish   (GVirtConnection      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
GVirtDomain       *gvirt_connection_create_domain_sync     (GVirtConnection      *self,
                                                            GVirtDomainConfig    *config,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_connection_create_domain_async    (GVirtConnection      *self,
                                                            GVirtDomainConfig    *config,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GVIRT_AVAILABLE_IN_ALL
GVirtDomain       *gvirt_connection_create_domain_finish   (GVirtConnection      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
GVirtDomain       *gvirt_connection_restore_domain_sync    (GVirtConnection      *self,
                                                            const char           *path,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_connection_restore_domain_async   (GVirtConnection      *self,
                                                            const char           *path,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GVIRT_AVAILABLE_IN_ALL
GVirtDomain       *gvirt_connection_restore_domain_finish  (GVirtConnection      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

GVIRT_AVAILABLE_IN_ALL
GVirtNetwork      *gvirt_connection_define_network_sync    (GVirtConnection      *self,
                                                            GVirtNetworkConfig   *config,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_connection_define_network_async   (GVirtConnection      *self,
                                                            GVirtNetworkConfig   *config,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GVIRT_AVAILABLE_IN_ALL
GVirtNetwork      *gvirt_connection_define_network_finish  (GVirtConnection      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
GVirtNetwork      *gvirt_connection_create_network_sync    (GVirtConnection      *self,
                                                            GVirtNetworkConfig   *config,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_connection_create_network_async   (GVirtConnection      *self,
                                                            GVirtNetworkConfig   *config,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GVIRT_AVAILABLE_IN_ALL
GVirtNetwork      *gvirt_connection_create_network_finish  (GVirtConnection      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
