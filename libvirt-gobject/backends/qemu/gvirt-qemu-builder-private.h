/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The argv builder's state, shared by the files that build one part of the QEMU command line each. */
#pragma once

#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "libvirt-gobject/config/gvirt-config.h"
#include "gvirt-qemu-command-private.h"

G_BEGIN_DECLS

/* One command line being built: the config, its XML for XPath queries, and what earlier parts decided. */
typedef struct {
  GVirtDomainConfig *config;
  const GVirtQemuCommandContext *ctx;
  GPtrArray *argv;
  xmlDocPtr doc;
  xmlXPathContextPtr xpath;
  const char *name;
  const char *arch;
  const char *machine;
  gboolean x86;
  gboolean q35;
  gboolean i440fx;
  gboolean isapc;
  gboolean s390;
  gboolean pseries;
  gboolean kvm;
  gboolean have_scsi_hba[8];
  gboolean have_ahci;
  gboolean have_virtio_serial;
  gboolean have_usb;
  guint n_serial;
  guint n_floppy;
  guint n_channels;
  GHashTable *targets;
} GVirtQemuBuilder;

/* gvirt-qemu-command.c */
void _gvirt_qemu_builder_add (GVirtQemuBuilder *b, const char *arg);
G_GNUC_PRINTF (2, 3) void _gvirt_qemu_builder_addf (GVirtQemuBuilder *b, const char *fmt, ...);
char * _gvirt_qemu_escape_commas (const char *s);
gboolean _gvirt_qemu_is_identifier (const char *s);
char * _gvirt_qemu_builder_xpath_string (GVirtQemuBuilder *b, xmlNodePtr node, const char *expr);
xmlXPathObjectPtr _gvirt_qemu_builder_xpath_nodes (GVirtQemuBuilder *b, const char *expr);
xmlNodePtr _gvirt_qemu_builder_device_node (GVirtQemuBuilder *b, const char *kind, guint index);
gboolean _gvirt_qemu_on_off_option (GVirtQemuBuilder *b, xmlNodePtr node, const char *attr, const char *qemu,
                                    const char *what, GString *out, GError **error);
gboolean _gvirt_qemu_virtio_driver_options (GVirtQemuBuilder *b, xmlNodePtr dev, const char *what, GString *out, GError **error);
gboolean _gvirt_qemu_builder_check_file (GVirtQemuBuilder *b, const char *path, gboolean executable, const char *what, GError **error);

/* gvirt-qemu-command-check.c */
gboolean _gvirt_qemu_check_elements (xmlDocPtr doc, const char *name, GError **error);

/* gvirt-qemu-command-storage.c */
gboolean _gvirt_qemu_check_addresses (GVirtQemuBuilder *b, GError **error);
gboolean _gvirt_qemu_builder_need_pci (GVirtQemuBuilder *b, const char *what, GError **error);
gboolean _gvirt_qemu_build_controllers (GVirtQemuBuilder *b, GError **error);
gboolean _gvirt_qemu_build_disk (GVirtQemuBuilder *b, GVirtDomainDisk *disk, guint nth, GError **error);

/* gvirt-qemu-command-devices.c */
gboolean _gvirt_qemu_build_devices (GVirtQemuBuilder *b, GError **error);

G_END_DECLS
