/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainChardev: a console, serial, parallel or channel device of a domain. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-domain-device.h"

G_BEGIN_DECLS

/**
 * GVirtDomainChardevType:
 * @GVIRT_DOMAIN_CHARDEV_TYPE_PTY: a pseudo-terminal (`pty`)
 * @GVIRT_DOMAIN_CHARDEV_TYPE_FILE: a file (`file`)
 * @GVIRT_DOMAIN_CHARDEV_TYPE_TCP: a TCP socket (`tcp`)
 * @GVIRT_DOMAIN_CHARDEV_TYPE_UDP: a UDP socket (`udp`)
 * @GVIRT_DOMAIN_CHARDEV_TYPE_UNIX: a UNIX socket (`unix`)
 * @GVIRT_DOMAIN_CHARDEV_TYPE_NULL: nothing (`null`)
 * @GVIRT_DOMAIN_CHARDEV_TYPE_VC: a virtual console (`vc`)
 * @GVIRT_DOMAIN_CHARDEV_TYPE_STDIO: the emulator's standard I/O (`stdio`)
 * @GVIRT_DOMAIN_CHARDEV_TYPE_PIPE: a named pipe (`pipe`)
 * @GVIRT_DOMAIN_CHARDEV_TYPE_DEV: a host device (`dev`)
 * @GVIRT_DOMAIN_CHARDEV_TYPE_SPICEVMC: a SPICE channel (`spicevmc`)
 * @GVIRT_DOMAIN_CHARDEV_TYPE_OTHER: a type GVirt does not model; the attribute is kept as written
 *
 * What the host side of a character device is: the `type` attribute.
 */
typedef enum /*< underscore_name=gvirt_domain_chardev_type >*/ {
  GVIRT_DOMAIN_CHARDEV_TYPE_PTY,
  GVIRT_DOMAIN_CHARDEV_TYPE_FILE,
  GVIRT_DOMAIN_CHARDEV_TYPE_TCP,
  GVIRT_DOMAIN_CHARDEV_TYPE_UDP,
  GVIRT_DOMAIN_CHARDEV_TYPE_UNIX,
  GVIRT_DOMAIN_CHARDEV_TYPE_NULL,
  GVIRT_DOMAIN_CHARDEV_TYPE_VC,
  GVIRT_DOMAIN_CHARDEV_TYPE_STDIO,
  GVIRT_DOMAIN_CHARDEV_TYPE_PIPE,
  GVIRT_DOMAIN_CHARDEV_TYPE_DEV,
  GVIRT_DOMAIN_CHARDEV_TYPE_SPICEVMC,
  GVIRT_DOMAIN_CHARDEV_TYPE_OTHER,
} GVirtDomainChardevType;

#define GVIRT_TYPE_DOMAIN_CHARDEV (gvirt_domain_chardev_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtDomainChardev, gvirt_domain_chardev, GVIRT, DOMAIN_CHARDEV, GVirtDomainDevice)

GVIRT_AVAILABLE_IN_ALL
GVirtDomainChardev *gvirt_domain_chardev_new (void);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainChardev *gvirt_domain_chardev_new_with_kind (const char *kind);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainChardevType gvirt_domain_chardev_get_chardev_type (GVirtDomainChardev *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_chardev_set_chardev_type (GVirtDomainChardev *self,
                                           GVirtDomainChardevType value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_chardev_get_source_path (GVirtDomainChardev *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_chardev_set_source_path (GVirtDomainChardev *self,
                                          const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_chardev_get_source_host (GVirtDomainChardev *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_chardev_set_source_host (GVirtDomainChardev *self,
                                          const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_chardev_get_source_service (GVirtDomainChardev *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_chardev_set_source_service (GVirtDomainChardev *self,
                                             const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_chardev_get_source_mode (GVirtDomainChardev *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_chardev_set_source_mode (GVirtDomainChardev *self,
                                          const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_chardev_get_protocol (GVirtDomainChardev *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_chardev_set_protocol (GVirtDomainChardev *self,
                                       const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_chardev_get_target_type (GVirtDomainChardev *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_chardev_set_target_type (GVirtDomainChardev *self,
                                          const char *value);
GVIRT_AVAILABLE_IN_ALL
gint gvirt_domain_chardev_get_target_port (GVirtDomainChardev *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_chardev_set_target_port (GVirtDomainChardev *self,
                                          gint value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_chardev_get_tty (GVirtDomainChardev *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_chardev_set_tty (GVirtDomainChardev *self,
                                  const char *value);

G_END_DECLS
