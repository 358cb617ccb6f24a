/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtNetwork: one virtual network of a connection, its state and its actions. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <gio/gio.h>
#include "libvirt-gobject/config/gvirt-network-config.h"

G_BEGIN_DECLS

typedef struct _GVirtConnection GVirtConnection;

#define GVIRT_TYPE_NETWORK (gvirt_network_get_type ())
GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtNetwork, gvirt_network, GVIRT, NETWORK, GObject)

GVIRT_AVAILABLE_IN_ALL
GVirtConnection *gvirt_network_get_connection (GVirtNetwork *self);
GVIRT_AVAILABLE_IN_ALL
const char      *gvirt_network_get_name       (GVirtNetwork *self);
GVIRT_AVAILABLE_IN_ALL
const char      *gvirt_network_get_uuid       (GVirtNetwork *self);
GVIRT_AVAILABLE_IN_ALL
const char      *gvirt_network_get_bridge     (GVirtNetwork *self);
GVIRT_AVAILABLE_IN_ALL
gboolean         gvirt_network_get_active     (GVirtNetwork *self);
GVIRT_AVAILABLE_IN_ALL
gboolean         gvirt_network_get_persistent (GVirtNetwork *self);
GVIRT_AVAILABLE_IN_ALL
gboolean         gvirt_network_get_autostart  (GVirtNetwork *self);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_network_start_sync (GVirtNetwork *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_start_async (GVirtNetwork *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_network_start_finish (GVirtNetwork *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_network_destroy_sync (GVirtNetwork *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_destroy_async (GVirtNetwork *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_network_destroy_finish (GVirtNetwork *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_network_undefine_sync (GVirtNetwork *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_undefine_async (GVirtNetwork *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_network_undefine_finish (GVirtNetwork *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_network_set_autostart_sync (GVirtNetwork *self,
    gboolean autostart,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_set_autostart_async (GVirtNetwork *self,
    gboolean autostart,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_network_set_autostart_finish (GVirtNetwork *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
GVirtNetworkConfig * gvirt_network_get_config_sync (GVirtNetwork *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_get_config_async (GVirtNetwork *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
GVirtNetworkConfig * gvirt_network_get_config_finish (GVirtNetwork *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
char * gvirt_network_get_xml_sync (GVirtNetwork *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_network_get_xml_async (GVirtNetwork *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
char * gvirt_network_get_xml_finish (GVirtNetwork *self,
    GAsyncResult *result,
    GError **error);

G_END_DECLS
