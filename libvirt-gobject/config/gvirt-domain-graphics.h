/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainGraphics: the graphical display of a domain. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include "libvirt-gobject/config/gvirt-domain-device.h"

G_BEGIN_DECLS

/**
 * GVirtDomainGraphicsType:
 * @GVIRT_DOMAIN_GRAPHICS_TYPE_VNC: a VNC server (`vnc`)
 * @GVIRT_DOMAIN_GRAPHICS_TYPE_SDL: a local SDL window (`sdl`)
 * @GVIRT_DOMAIN_GRAPHICS_TYPE_SPICE: a SPICE server (`spice`)
 * @GVIRT_DOMAIN_GRAPHICS_TYPE_RDP: an RDP server (`rdp`)
 * @GVIRT_DOMAIN_GRAPHICS_TYPE_DESKTOP: a desktop window (`desktop`)
 * @GVIRT_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS: headless OpenGL rendering (`egl-headless`)
 * @GVIRT_DOMAIN_GRAPHICS_TYPE_DBUS: a D-Bus display (`dbus`)
 * @GVIRT_DOMAIN_GRAPHICS_TYPE_OTHER: a type GVirt does not model; the attribute is kept as written
 *
 * The kind of display: the `type` attribute of `<graphics>`.
 */
typedef enum /*< underscore_name=gvirt_domain_graphics_type >*/ {
  GVIRT_DOMAIN_GRAPHICS_TYPE_VNC,
  GVIRT_DOMAIN_GRAPHICS_TYPE_SDL,
  GVIRT_DOMAIN_GRAPHICS_TYPE_SPICE,
  GVIRT_DOMAIN_GRAPHICS_TYPE_RDP,
  GVIRT_DOMAIN_GRAPHICS_TYPE_DESKTOP,
  GVIRT_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS,
  GVIRT_DOMAIN_GRAPHICS_TYPE_DBUS,
  GVIRT_DOMAIN_GRAPHICS_TYPE_OTHER,
} GVirtDomainGraphicsType;

#define GVIRT_TYPE_DOMAIN_GRAPHICS (gvirt_domain_graphics_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtDomainGraphics, gvirt_domain_graphics, GVIRT, DOMAIN_GRAPHICS, GVirtDomainDevice)

GVIRT_AVAILABLE_IN_ALL
GVirtDomainGraphics *gvirt_domain_graphics_new (void);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainGraphicsType gvirt_domain_graphics_get_graphics_type (GVirtDomainGraphics *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_graphics_set_graphics_type (GVirtDomainGraphics *self,
                                             GVirtDomainGraphicsType value);
GVIRT_AVAILABLE_IN_ALL
gint gvirt_domain_graphics_get_port (GVirtDomainGraphics *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_graphics_set_port (GVirtDomainGraphics *self,
                                    gint value);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_graphics_get_autoport (GVirtDomainGraphics *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_graphics_set_autoport (GVirtDomainGraphics *self,
                                        gboolean value);
GVIRT_AVAILABLE_IN_ALL
gint gvirt_domain_graphics_get_tls_port (GVirtDomainGraphics *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_graphics_set_tls_port (GVirtDomainGraphics *self,
                                        gint value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_graphics_get_listen (GVirtDomainGraphics *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_graphics_set_listen (GVirtDomainGraphics *self,
                                      const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_graphics_get_keymap (GVirtDomainGraphics *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_graphics_set_keymap (GVirtDomainGraphics *self,
                                      const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_graphics_get_passwd (GVirtDomainGraphics *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_graphics_set_passwd (GVirtDomainGraphics *self,
                                      const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_graphics_get_display (GVirtDomainGraphics *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_graphics_set_display (GVirtDomainGraphics *self,
                                       const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_graphics_get_xauth (GVirtDomainGraphics *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_graphics_set_xauth (GVirtDomainGraphics *self,
                                     const char *value);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_graphics_get_fullscreen (GVirtDomainGraphics *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_graphics_set_fullscreen (GVirtDomainGraphics *self,
                                          gboolean value);

G_END_DECLS
