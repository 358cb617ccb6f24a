/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Reading test node descriptions (the test:/// node file format) into plain data. */
#pragma once

#include <gio/gio.h>
#include "libvirt-gobject/gvirt-node-info.h"
#include "libvirt-gobject/gvirt-domain-state.h"
#include "libvirt-gobject/config/gvirt-domain-config.h"
#include "libvirt-gobject/config/gvirt-network-config.h"

G_BEGIN_DECLS

/* The largest CPU count a node file may declare: it bounds the affinity arrays. */
#define GVIRT_TEST_MAX_CPUS 4096

typedef struct {
  GVirtDomainConfig *config;
  GVirtDomainState   state;      /* running, paused or shutoff */
  gboolean           autostart;
} GVirtTestNodeDomain;

typedef struct {
  GVirtNetworkConfig *config;
  gboolean            active;
  gboolean            autostart;
} GVirtTestNodeNetwork;

typedef struct {
  GVirtNodeInfo *info;
  char          *capabilities_xml;  /* NULL: the built-in capabilities */
  GPtrArray     *domains;           /* of GVirtTestNodeDomain */
  GPtrArray     *networks;          /* of GVirtTestNodeNetwork */
} GVirtTestNode;

GVirtTestNode *_gvirt_test_node_load_default (GError **error);
GVirtTestNode *_gvirt_test_node_load_file    (const char *path,
                                              GError    **error);
void           _gvirt_test_node_free         (GVirtTestNode *node);

char          *_gvirt_test_default_capabilities (const GVirtNodeInfo *info,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirtTestNode, _gvirt_test_node_free)

G_END_DECLS
