/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainDisk: a disk, CD-ROM or floppy drive of a domain. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-domain-device.h"

G_BEGIN_DECLS

/**
 * GVirtDomainDiskType:
 * @GVIRT_DOMAIN_DISK_TYPE_FILE: a file on the host (`file`)
 * @GVIRT_DOMAIN_DISK_TYPE_BLOCK: a host block device (`block`)
 * @GVIRT_DOMAIN_DISK_TYPE_NETWORK: a network protocol such as NBD or iSCSI (`network`)
 * @GVIRT_DOMAIN_DISK_TYPE_DIR: a host directory (`dir`)
 * @GVIRT_DOMAIN_DISK_TYPE_VOLUME: a storage pool volume (`volume`)
 * @GVIRT_DOMAIN_DISK_TYPE_NVME: an NVMe disk (`nvme`)
 * @GVIRT_DOMAIN_DISK_TYPE_VHOSTUSER: a vhost-user socket (`vhostuser`)
 * @GVIRT_DOMAIN_DISK_TYPE_VHOSTVDPA: a vhost-vDPA device, `<source dev='/dev/vhost-vdpa-0'/>` (`vhostvdpa`)
 * @GVIRT_DOMAIN_DISK_TYPE_OTHER: a type GVirt does not model; the attribute is kept as written
 *
 * What backs a disk: the `type` attribute of `<disk>`.
 */
typedef enum /*< underscore_name=gvirt_domain_disk_type >*/ {
  GVIRT_DOMAIN_DISK_TYPE_FILE,
  GVIRT_DOMAIN_DISK_TYPE_BLOCK,
  GVIRT_DOMAIN_DISK_TYPE_NETWORK,
  GVIRT_DOMAIN_DISK_TYPE_DIR,
  GVIRT_DOMAIN_DISK_TYPE_VOLUME,
  GVIRT_DOMAIN_DISK_TYPE_NVME,
  GVIRT_DOMAIN_DISK_TYPE_VHOSTUSER,
  GVIRT_DOMAIN_DISK_TYPE_VHOSTVDPA,
  GVIRT_DOMAIN_DISK_TYPE_OTHER,
} GVirtDomainDiskType;

/**
 * GVirtDomainDiskDevice:
 * @GVIRT_DOMAIN_DISK_DEVICE_DISK: a hard disk (`disk`, the default)
 * @GVIRT_DOMAIN_DISK_DEVICE_CDROM: a CD-ROM drive (`cdrom`)
 * @GVIRT_DOMAIN_DISK_DEVICE_FLOPPY: a floppy drive (`floppy`)
 * @GVIRT_DOMAIN_DISK_DEVICE_LUN: a SCSI LUN passed through (`lun`)
 * @GVIRT_DOMAIN_DISK_DEVICE_OTHER: a device GVirt does not model; the attribute is kept as written
 *
 * How a disk appears to the guest: the `device` attribute of `<disk>`.
 */
typedef enum /*< underscore_name=gvirt_domain_disk_device >*/ {
  GVIRT_DOMAIN_DISK_DEVICE_DISK,
  GVIRT_DOMAIN_DISK_DEVICE_CDROM,
  GVIRT_DOMAIN_DISK_DEVICE_FLOPPY,
  GVIRT_DOMAIN_DISK_DEVICE_LUN,
  GVIRT_DOMAIN_DISK_DEVICE_OTHER,
} GVirtDomainDiskDevice;

#define GVIRT_TYPE_DOMAIN_DISK (gvirt_domain_disk_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtDomainDisk, gvirt_domain_disk, GVIRT, DOMAIN_DISK, GVirtDomainDevice)

GVIRT_AVAILABLE_IN_ALL
GVirtDomainDisk *gvirt_domain_disk_new (void);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_disk_get_source (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainDiskType gvirt_domain_disk_get_disk_type (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_disk_type (GVirtDomainDisk *self,
                                     GVirtDomainDiskType value);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainDiskDevice gvirt_domain_disk_get_device (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_device (GVirtDomainDisk *self,
                                  GVirtDomainDiskDevice value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_disk_get_driver_name (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_driver_name (GVirtDomainDisk *self,
                                       const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_disk_get_driver_type (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_driver_type (GVirtDomainDisk *self,
                                       const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_disk_get_source_file (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_source_file (GVirtDomainDisk *self,
                                       const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_disk_get_source_dev (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_source_dev (GVirtDomainDisk *self,
                                      const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_disk_get_source_dir (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_source_dir (GVirtDomainDisk *self,
                                      const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_disk_get_source_protocol (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_source_protocol (GVirtDomainDisk *self,
                                           const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_disk_get_source_name (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_source_name (GVirtDomainDisk *self,
                                       const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_disk_get_target_dev (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_target_dev (GVirtDomainDisk *self,
                                      const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_disk_get_target_bus (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_target_bus (GVirtDomainDisk *self,
                                      const char *value);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_disk_get_readonly (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_readonly (GVirtDomainDisk *self,
                                    gboolean value);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_disk_get_shareable (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_shareable (GVirtDomainDisk *self,
                                     gboolean value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_disk_get_serial (GVirtDomainDisk *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_disk_set_serial (GVirtDomainDisk *self,
                                  const char *value);

G_END_DECLS
