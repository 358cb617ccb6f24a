/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomain: one virtual machine of a connection, its state and its actions. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <gio/gio.h>
#include "libvirt-gobject/gvirt-domain-state.h"
#include "libvirt-gobject/gvirt-domain-state-reason.h"
#include "libvirt-gobject/gvirt-domain-info.h"
#include "libvirt-gobject/gvirt-vcpu-info.h"
#include "libvirt-gobject/config/gvirt-domain-config.h"

G_BEGIN_DECLS

typedef struct _GVirtConnection GVirtConnection;

#define GVIRT_TYPE_DOMAIN (gvirt_domain_get_type ())
GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtDomain, gvirt_domain, GVIRT, DOMAIN, GObject)

GVIRT_AVAILABLE_IN_ALL
GVirtConnection *gvirt_domain_get_connection (GVirtDomain *self);
GVIRT_AVAILABLE_IN_ALL
const char      *gvirt_domain_get_name       (GVirtDomain *self);
GVIRT_AVAILABLE_IN_ALL
const char      *gvirt_domain_get_uuid       (GVirtDomain *self);
GVIRT_AVAILABLE_IN_ALL
gint             gvirt_domain_get_id         (GVirtDomain *self);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainState gvirt_domain_get_state      (GVirtDomain *self);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainStateReason gvirt_domain_get_state_reason (GVirtDomain *self);
GVIRT_AVAILABLE_IN_ALL
gboolean         gvirt_domain_get_persistent (GVirtDomain *self);
GVIRT_AVAILABLE_IN_ALL
gboolean         gvirt_domain_get_autostart  (GVirtDomain *self);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_start_sync (GVirtDomain *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_start_async (GVirtDomain *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_start_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_shutdown_sync (GVirtDomain *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_shutdown_async (GVirtDomain *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_shutdown_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_reboot_sync (GVirtDomain *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_reboot_async (GVirtDomain *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_reboot_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_destroy_sync (GVirtDomain *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_destroy_async (GVirtDomain *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_destroy_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_suspend_sync (GVirtDomain *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_suspend_async (GVirtDomain *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_suspend_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_resume_sync (GVirtDomain *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_resume_async (GVirtDomain *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_resume_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_save_sync (GVirtDomain *self,
    const char *path,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_save_async (GVirtDomain *self,
    const char *path,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_save_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_core_dump_sync (GVirtDomain *self,
    const char *path,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_core_dump_async (GVirtDomain *self,
    const char *path,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_core_dump_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_undefine_sync (GVirtDomain *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_undefine_async (GVirtDomain *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_undefine_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_set_memory_sync (GVirtDomain *self,
    guint64 kib,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_set_memory_async (GVirtDomain *self,
    guint64 kib,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_set_memory_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_set_max_memory_sync (GVirtDomain *self,
    guint64 kib,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_set_max_memory_async (GVirtDomain *self,
    guint64 kib,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_set_max_memory_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_set_vcpus_sync (GVirtDomain *self,
    guint n_vcpus,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_set_vcpus_async (GVirtDomain *self,
    guint n_vcpus,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_set_vcpus_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_pin_vcpu_sync (GVirtDomain *self,
    guint vcpu,
    const guint *cpus,
    gsize n_cpus,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_pin_vcpu_async (GVirtDomain *self,
    guint vcpu,
    const guint *cpus,
    gsize n_cpus,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_pin_vcpu_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_set_autostart_sync (GVirtDomain *self,
    gboolean autostart,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_set_autostart_async (GVirtDomain *self,
    gboolean autostart,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_set_autostart_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
GVirtDomainInfo * gvirt_domain_get_info_sync (GVirtDomain *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_get_info_async (GVirtDomain *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainInfo * gvirt_domain_get_info_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
GPtrArray * gvirt_domain_get_vcpu_info_sync (GVirtDomain *self,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_get_vcpu_info_async (GVirtDomain *self,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
GPtrArray * gvirt_domain_get_vcpu_info_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
GVirtDomainConfig * gvirt_domain_get_config_sync (GVirtDomain *self,
    GVirtDomainXmlFlags flags,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_get_config_async (GVirtDomain *self,
    GVirtDomainXmlFlags flags,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainConfig * gvirt_domain_get_config_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

GVIRT_AVAILABLE_IN_ALL
char * gvirt_domain_get_xml_sync (GVirtDomain *self,
    GVirtDomainXmlFlags flags,
    GCancellable *cancellable,
    GError **error);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_get_xml_async (GVirtDomain *self,
    GVirtDomainXmlFlags flags,
    GCancellable *cancellable,
    GAsyncReadyCallback callback,
    gpointer user_data);
GVIRT_AVAILABLE_IN_ALL
char * gvirt_domain_get_xml_finish (GVirtDomain *self,
    GAsyncResult *result,
    GError **error);

G_END_DECLS
