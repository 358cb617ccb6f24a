/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtNetworkRecord: what a backend reports of one network's identity and state. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>

G_BEGIN_DECLS

#define GVIRT_TYPE_NETWORK_RECORD (gvirt_network_record_get_type ())

/**
 * GVirtNetworkRecord:
 * @uuid: the canonical UUID, lower-case 8-4-4-4-12; the key of the network
 * @name: the name
 * @bridge: (nullable): the host bridge device
 * @active: whether the network is running
 * @persistent: whether a configuration outlives a stop
 * @autostart: whether the network starts with the host
 *
 * The part of a network that the connection mirrors as #GVirtNetwork
 * properties. Backends fill it in; applications never see it.
 */
typedef struct {
  char     *uuid;
  char     *name;
  char     *bridge;
  gboolean  active;
  gboolean  persistent;
  gboolean  autostart;
} GVirtNetworkRecord;

GVIRT_AVAILABLE_IN_ALL
GType               gvirt_network_record_get_type (void) G_GNUC_CONST;
GVIRT_AVAILABLE_IN_ALL
GVirtNetworkRecord *gvirt_network_record_new      (const char *uuid,
                                                   const char *name);
GVIRT_AVAILABLE_IN_ALL
GVirtNetworkRecord *gvirt_network_record_copy     (const GVirtNetworkRecord *record);
GVIRT_AVAILABLE_IN_ALL
void                gvirt_network_record_free     (GVirtNetworkRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtNetworkRecord, gvirt_network_record_free)

G_END_DECLS
