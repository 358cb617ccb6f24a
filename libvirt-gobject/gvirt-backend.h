/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtBackend: the driver interface each hypervisor backend module implements. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <gio/gio.h>
#include "libvirt-gobject/gvirt-connection-flags.h"
#include "libvirt-gobject/gvirt-domain-state.h"
#include "libvirt-gobject/gvirt-domain-record.h"
#include "libvirt-gobject/gvirt-network-record.h"
#include "libvirt-gobject/gvirt-node-info.h"
#include "libvirt-gobject/gvirt-domain-info.h"
#include "libvirt-gobject/gvirt-vcpu-info.h"
#include "libvirt-gobject/config/gvirt-capabilities.h"
#include "libvirt-gobject/config/gvirt-domain-config.h"
#include "libvirt-gobject/config/gvirt-network-config.h"

G_BEGIN_DECLS

/**
 * GVIRT_BACKEND_EXTENSION_POINT_NAME:
 *
 * The GIO extension point backends implement; the extension name is the
 * URI scheme the backend serves ("test", "qemu", "xen").
 */
#define GVIRT_BACKEND_EXTENSION_POINT_NAME "gvirt-backend"

/**
 * GVirtDomainEventKind:
 * @GVIRT_DOMAIN_EVENT_DEFINED: the domain appeared (defined, created or found)
 * @GVIRT_DOMAIN_EVENT_UNDEFINED: the domain is gone
 * @GVIRT_DOMAIN_EVENT_STARTED: it started; reason is a #GVirtDomainStartedReason
 * @GVIRT_DOMAIN_EVENT_SUSPENDED: it paused; reason is a #GVirtDomainSuspendedReason
 * @GVIRT_DOMAIN_EVENT_RESUMED: it resumed; reason is a #GVirtDomainResumedReason
 * @GVIRT_DOMAIN_EVENT_STOPPED: it stopped; reason is a #GVirtDomainStoppedReason
 * @GVIRT_DOMAIN_EVENT_CRASHED: it crashed and was kept; reason is a #GVirtDomainCrashedReason
 * @GVIRT_DOMAIN_EVENT_UPDATED: some other part of the record changed
 *
 * What a backend reports about a domain.
 */
typedef enum {
  GVIRT_DOMAIN_EVENT_DEFINED,
  GVIRT_DOMAIN_EVENT_UNDEFINED,
  GVIRT_DOMAIN_EVENT_STARTED,
  GVIRT_DOMAIN_EVENT_SUSPENDED,
  GVIRT_DOMAIN_EVENT_RESUMED,
  GVIRT_DOMAIN_EVENT_STOPPED,
  GVIRT_DOMAIN_EVENT_CRASHED,
  GVIRT_DOMAIN_EVENT_UPDATED,
} GVirtDomainEventKind;

/**
 * GVirtNetworkEventKind:
 * @GVIRT_NETWORK_EVENT_DEFINED: the network appeared
 * @GVIRT_NETWORK_EVENT_UNDEFINED: the network is gone
 * @GVIRT_NETWORK_EVENT_STARTED: it started
 * @GVIRT_NETWORK_EVENT_STOPPED: it stopped
 * @GVIRT_NETWORK_EVENT_UPDATED: some other part of the record changed
 *
 * What a backend reports about a network.
 */
typedef enum {
  GVIRT_NETWORK_EVENT_DEFINED,
  GVIRT_NETWORK_EVENT_UNDEFINED,
  GVIRT_NETWORK_EVENT_STARTED,
  GVIRT_NETWORK_EVENT_STOPPED,
  GVIRT_NETWORK_EVENT_UPDATED,
} GVirtNetworkEventKind;

#define GVIRT_TYPE_BACKEND (gvirt_backend_get_type ())
GVIRT_AVAILABLE_IN_ALL
G_DECLARE_INTERFACE (GVirtBackend, gvirt_backend, GVIRT, BACKEND, GObject)

/**
 * GVirtBackendInterface:
 * @g_iface: the parent interface
 * @open: connect to the node the URI names; fail with a clear #GError when
 *   the hypervisor cannot serve here
 * @close: release the node; no event follows
 * @get_hostname: (nullable): the node's host name; %NULL means the local host
 * @get_capabilities: what the node can run
 * @get_node_info: the node's hardware
 * @list_domains: every domain as a #GVirtDomainRecord, for the initial view
 * @list_networks: every network as a #GVirtNetworkRecord
 * @define_domain: store a persistent domain; returns its record
 * @create_domain: start a transient domain at once; returns its record
 * @restore_domain: start a domain from a file written by @domain_save
 * @domain_start: boot a defined, inactive domain
 * @domain_shutdown: ask the guest to power off
 * @domain_reboot: ask the guest to reboot
 * @domain_destroy: stop the domain at once
 * @domain_suspend: pause the vCPUs
 * @domain_resume: continue paused vCPUs
 * @domain_save: write the running state to a file and stop
 * @domain_core_dump: write the guest memory to a file
 * @domain_undefine: forget the persistent configuration
 * @domain_set_memory: balloon to a new current memory, in KiB
 * @domain_set_max_memory: change the maximum memory, in KiB
 * @domain_set_vcpus: change the number of vCPUs
 * @domain_pin_vcpu: restrict a vCPU to some host CPUs
 * @domain_get_vcpu_info: per-vCPU info, an array of #GVirtVcpuInfo
 * @domain_get_info: the domain's resources
 * @domain_get_config: a copy of the live or inactive configuration
 * @domain_set_autostart: start the domain with the host, or not
 * @define_network: store a persistent network; returns its record
 * @create_network: start a transient network at once; returns its record
 * @network_start: start a defined network
 * @network_destroy: stop a network
 * @network_undefine: forget a network's configuration
 * @network_get_config: a copy of the network's configuration
 * @network_set_autostart: start the network with the host, or not
 * @domain_get_xml: (nullable): the XML of the live or inactive configuration,
 *   for a backend that has it at hand; without it the connection writes out
 *   what @domain_get_config returns
 *
 * The entry points of a hypervisor driver. Domains and networks are named
 * by UUID. Every function may be called from any thread at once and may
 * block; the connection runs them in worker threads for its async calls.
 * A %NULL entry point makes the operation fail with
 * %GVIRT_ERROR_UNSUPPORTED. Which entry point serves which public call,
 * and whether a read-only connection may make it, is one table: see
 * #GVirtOperation and docs/writing-a-backend.md.
 *
 * State changes, whoever caused them, are reported with
 * gvirt_backend_emit_domain_event() and gvirt_backend_emit_network_event(),
 * from any thread, with no backend lock held.
 */
struct _GVirtBackendInterface
{
  GTypeInterface g_iface;

  gboolean            (*open)                 (GVirtBackend          *self,
                                               GUri                  *uri,
                                               GVirtConnectionFlags   flags,
                                               GCancellable          *cancellable,
                                               GError               **error);
  void                (*close)                (GVirtBackend          *self);
  char               *(*get_hostname)         (GVirtBackend          *self,
                                               GError               **error);
  GVirtCapabilities  *(*get_capabilities)     (GVirtBackend          *self,
                                               GCancellable          *cancellable,
                                               GError               **error);
  GVirtNodeInfo      *(*get_node_info)        (GVirtBackend          *self,
                                               GCancellable          *cancellable,
                                               GError               **error);
  GPtrArray          *(*list_domains)         (GVirtBackend          *self,
                                               GError               **error);
  GPtrArray          *(*list_networks)        (GVirtBackend          *self,
                                               GError               **error);

  GVirtDomainRecord  *(*define_domain)        (GVirtBackend          *self,
                                               GVirtDomainConfig     *config,
                                               GCancellable          *cancellable,
                                               GError               **error);
  GVirtDomainRecord  *(*create_domain)        (GVirtBackend          *self,
                                               GVirtDomainConfig     *config,
                                               GCancellable          *cancellable,
                                               GError               **error);
  GVirtDomainRecord  *(*restore_domain)       (GVirtBackend          *self,
                                               const char            *path,
                                               GCancellable          *cancellable,
                                               GError               **error);

  gboolean            (*domain_start)         (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_shutdown)      (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_reboot)        (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_destroy)       (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_suspend)       (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_resume)        (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_save)          (GVirtBackend *self, const char *uuid,
                                               const char *path,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_core_dump)     (GVirtBackend *self, const char *uuid,
                                               const char *path,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_undefine)      (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_set_memory)    (GVirtBackend *self, const char *uuid,
                                               guint64 kib,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_set_max_memory)(GVirtBackend *self, const char *uuid,
                                               guint64 kib,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_set_vcpus)     (GVirtBackend *self, const char *uuid,
                                               guint n_vcpus,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_pin_vcpu)      (GVirtBackend *self, const char *uuid,
                                               guint vcpu, const guint *cpus, gsize n_cpus,
                                               GCancellable *cancellable, GError **error);
  GPtrArray          *(*domain_get_vcpu_info) (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  GVirtDomainInfo    *(*domain_get_info)      (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  GVirtDomainConfig  *(*domain_get_config)    (GVirtBackend *self, const char *uuid,
                                               GVirtDomainXmlFlags flags,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*domain_set_autostart) (GVirtBackend *self, const char *uuid,
                                               gboolean autostart,
                                               GCancellable *cancellable, GError **error);

  GVirtNetworkRecord *(*define_network)       (GVirtBackend *self, GVirtNetworkConfig *config,
                                               GCancellable *cancellable, GError **error);
  GVirtNetworkRecord *(*create_network)       (GVirtBackend *self, GVirtNetworkConfig *config,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*network_start)        (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*network_destroy)      (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*network_undefine)     (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  GVirtNetworkConfig *(*network_get_config)   (GVirtBackend *self, const char *uuid,
                                               GCancellable *cancellable, GError **error);
  gboolean            (*network_set_autostart)(GVirtBackend *self, const char *uuid,
                                               gboolean autostart,
                                               GCancellable *cancellable, GError **error);

  char               *(*domain_get_xml)       (GVirtBackend *self, const char *uuid,
                                               GVirtDomainXmlFlags flags,
                                               GCancellable *cancellable, GError **error);

  /*< private >*/
  gpointer padding[15];
};

GVIRT_AVAILABLE_IN_ALL
void gvirt_backend_emit_domain_event  (GVirtBackend             *self,
                                       GVirtDomainEventKind      kind,
                                       gint                      reason,
                                       const GVirtDomainRecord  *record);
GVIRT_AVAILABLE_IN_ALL
void gvirt_backend_emit_network_event (GVirtBackend             *self,
                                       GVirtNetworkEventKind     kind,
                                       const GVirtNetworkRecord *record);

G_END_DECLS
