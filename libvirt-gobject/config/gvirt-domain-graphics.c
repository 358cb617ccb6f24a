/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainGraphics: the graphical display of a domain. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-domain-graphics.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtDomainGraphics:
 *
 * A `<graphics>` device: a VNC, SPICE, SDL… display with its port, listen
 * address, keymap and password.
 */
struct _GVirtDomainGraphics
{
  GVirtDomainDevice parent_instance;
};

enum {
  PROP_0,
  PROP_GRAPHICS_TYPE,
  PROP_PORT,
  PROP_AUTOPORT,
  PROP_TLS_PORT,
  PROP_LISTEN,
  PROP_KEYMAP,
  PROP_PASSWD,
  PROP_DISPLAY,
  PROP_XAUTH,
  PROP_FULLSCREEN,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
  [PROP_GRAPHICS_TYPE] = { "graphics-type", NULL, "type", GVIRT_FIELD_ENUM, GVIRT_DOMAIN_GRAPHICS_TYPE_VNC, gvirt_domain_graphics_type_get_type,
      N_("display kind"), GVIRT_FIELD_FLAG_NONE },
  [PROP_PORT] = { "port", NULL, "port", GVIRT_FIELD_INT, -1, NULL,
      N_("TCP port; -1 asks for one to be allocated"), GVIRT_FIELD_FLAG_NONE },
  [PROP_AUTOPORT] = { "autoport", NULL, "autoport", GVIRT_FIELD_YESNO, FALSE, NULL,
      N_("whether the port is allocated automatically"), GVIRT_FIELD_FLAG_NONE },
  [PROP_TLS_PORT] = { "tls-port", NULL, "tlsPort", GVIRT_FIELD_INT, -1, NULL,
      N_("TLS port of a SPICE server"), GVIRT_FIELD_FLAG_NONE },
  [PROP_LISTEN] = { "listen", NULL, "listen", GVIRT_FIELD_STRING, 0, NULL,
      N_("address the server listens on"), GVIRT_FIELD_FLAG_NONE },
  [PROP_KEYMAP] = { "keymap", NULL, "keymap", GVIRT_FIELD_STRING, 0, NULL,
      N_("keyboard map"), GVIRT_FIELD_FLAG_NONE },
  [PROP_PASSWD] = { "passwd", NULL, "passwd", GVIRT_FIELD_STRING, 0, NULL,
      N_("password clients must give"), GVIRT_FIELD_FLAG_NONE },
  [PROP_DISPLAY] = { "display", NULL, "display", GVIRT_FIELD_STRING, 0, NULL,
      N_("X display of an SDL window"), GVIRT_FIELD_FLAG_NONE },
  [PROP_XAUTH] = { "xauth", NULL, "xauth", GVIRT_FIELD_STRING, 0, NULL,
      N_("X authority file of an SDL window"), GVIRT_FIELD_FLAG_NONE },
  [PROP_FULLSCREEN] = { "fullscreen", NULL, "fullscreen", GVIRT_FIELD_YESNO, FALSE, NULL,
      N_("whether the window is full screen"), GVIRT_FIELD_FLAG_NONE },
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_domain_graphics_node (GVirtDomainGraphics *self)
{
  return GVIRT_DEVICE_NODE (self);
}

G_DEFINE_FINAL_TYPE (GVirtDomainGraphics, gvirt_domain_graphics, GVIRT_TYPE_DOMAIN_DEVICE)

/**
 * gvirt_domain_graphics_get_graphics_type:
 * @self: a #GVirtDomainGraphics
 *
 * Gets the display kind, from the `type` attribute.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_graphics_set_graphics_type:
 * @self: a #GVirtDomainGraphics
 * @value: the new value
 *
 * Sets the display kind (the `type` attribute) and notifies
 * #GVirtDomainGraphics:graphics-type on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainGraphics, gvirt_domain_graphics, graphics_type, PROP_GRAPHICS_TYPE, GVirtDomainGraphicsType)

/**
 * gvirt_domain_graphics_get_port:
 * @self: a #GVirtDomainGraphics
 *
 * Gets the TCP port; -1 asks for one to be allocated, from the `port`
 * attribute.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_graphics_set_port:
 * @self: a #GVirtDomainGraphics
 * @value: the new value: -1, or a TCP port from 0 to 65535
 *
 * Sets the TCP port; -1 asks for one to be allocated (the `port`
 * attribute) and notifies #GVirtDomainGraphics:port on a change.
 */
GVIRT_DEFINE_INT_ACCESSORS (GVirtDomainGraphics, gvirt_domain_graphics, port, PROP_PORT)

/**
 * gvirt_domain_graphics_get_autoport:
 * @self: a #GVirtDomainGraphics
 *
 * Gets the whether the port is allocated automatically, from the
 * `autoport` attribute.
 *
 * Returns: whether it is on
 */
/**
 * gvirt_domain_graphics_set_autoport:
 * @self: a #GVirtDomainGraphics
 * @value: the new value
 *
 * Sets the whether the port is allocated automatically (the `autoport`
 * attribute) and notifies #GVirtDomainGraphics:autoport on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainGraphics, gvirt_domain_graphics, autoport, PROP_AUTOPORT, gboolean)

/**
 * gvirt_domain_graphics_get_tls_port:
 * @self: a #GVirtDomainGraphics
 *
 * Gets the TLS port of a SPICE server, from the `tlsPort` attribute.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_graphics_set_tls_port:
 * @self: a #GVirtDomainGraphics
 * @value: the new value: -1, or a TCP port from 0 to 65535
 *
 * Sets the TLS port of a SPICE server (the `tlsPort` attribute) and
 * notifies #GVirtDomainGraphics:tls-port on a change.
 */
GVIRT_DEFINE_INT_ACCESSORS (GVirtDomainGraphics, gvirt_domain_graphics, tls_port, PROP_TLS_PORT)

/**
 * gvirt_domain_graphics_get_listen:
 * @self: a #GVirtDomainGraphics
 *
 * Gets the address the server listens on, from the `listen` attribute.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_graphics_set_listen:
 * @self: a #GVirtDomainGraphics
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the address the server listens on (the `listen` attribute) and
 * notifies #GVirtDomainGraphics:listen on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainGraphics, gvirt_domain_graphics, listen, PROP_LISTEN)

/**
 * gvirt_domain_graphics_get_keymap:
 * @self: a #GVirtDomainGraphics
 *
 * Gets the keyboard map, from the `keymap` attribute.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_graphics_set_keymap:
 * @self: a #GVirtDomainGraphics
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the keyboard map (the `keymap` attribute) and notifies
 * #GVirtDomainGraphics:keymap on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainGraphics, gvirt_domain_graphics, keymap, PROP_KEYMAP)

/**
 * gvirt_domain_graphics_get_passwd:
 * @self: a #GVirtDomainGraphics
 *
 * Gets the password clients must give, from the `passwd` attribute.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_graphics_set_passwd:
 * @self: a #GVirtDomainGraphics
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the password clients must give (the `passwd` attribute) and
 * notifies #GVirtDomainGraphics:passwd on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainGraphics, gvirt_domain_graphics, passwd, PROP_PASSWD)

/**
 * gvirt_domain_graphics_get_display:
 * @self: a #GVirtDomainGraphics
 *
 * Gets the X display of an SDL window, from the `display` attribute.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_graphics_set_display:
 * @self: a #GVirtDomainGraphics
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the X display of an SDL window (the `display` attribute) and
 * notifies #GVirtDomainGraphics:display on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainGraphics, gvirt_domain_graphics, display, PROP_DISPLAY)

/**
 * gvirt_domain_graphics_get_xauth:
 * @self: a #GVirtDomainGraphics
 *
 * Gets the X authority file of an SDL window, from the `xauth` attribute.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_graphics_set_xauth:
 * @self: a #GVirtDomainGraphics
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the X authority file of an SDL window (the `xauth` attribute) and
 * notifies #GVirtDomainGraphics:xauth on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainGraphics, gvirt_domain_graphics, xauth, PROP_XAUTH)

/**
 * gvirt_domain_graphics_get_fullscreen:
 * @self: a #GVirtDomainGraphics
 *
 * Gets the whether the window is full screen, from the `fullscreen`
 * attribute.
 *
 * Returns: whether it is on
 */
/**
 * gvirt_domain_graphics_set_fullscreen:
 * @self: a #GVirtDomainGraphics
 * @value: the new value
 *
 * Sets the whether the window is full screen (the `fullscreen` attribute)
 * and notifies #GVirtDomainGraphics:fullscreen on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainGraphics, gvirt_domain_graphics, fullscreen, PROP_FULLSCREEN, gboolean)

/**
 * gvirt_domain_graphics_new:
 *
 * Creates a new `<graphics>` device that belongs to no configuration yet; add it
 * with [method@GVirt.DomainConfig.add_device].
 *
 * Returns: (transfer full): the new device
 */
GVirtDomainGraphics *
gvirt_domain_graphics_new (void)
{
  return _gvirt_domain_device_new_standalone (GVIRT_TYPE_DOMAIN_GRAPHICS, "graphics");
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtDomainGraphics, gvirt_domain_graphics, _gvirt_no_special_property)

static void
gvirt_domain_graphics_class_init (GVirtDomainGraphicsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvirt_domain_graphics_get_property;
  object_class->set_property = gvirt_domain_graphics_set_property;

  /**
   * GVirtDomainGraphics:graphics-type:
   *
   * The display kind, from the `type` attribute.
   */
  /**
   * GVirtDomainGraphics:port:
   *
   * The TCP port; -1 asks for one to be allocated, from the `port` attribute.
   */
  /**
   * GVirtDomainGraphics:autoport:
   *
   * The whether the port is allocated automatically, from the `autoport` attribute.
   */
  /**
   * GVirtDomainGraphics:tls-port:
   *
   * The TLS port of a SPICE server, from the `tlsPort` attribute.
   */
  /**
   * GVirtDomainGraphics:listen:
   *
   * The address the server listens on, from the `listen` attribute.
   */
  /**
   * GVirtDomainGraphics:keymap:
   *
   * The keyboard map, from the `keymap` attribute.
   */
  /**
   * GVirtDomainGraphics:passwd:
   *
   * The password clients must give, from the `passwd` attribute.
   */
  /**
   * GVirtDomainGraphics:display:
   *
   * The X display of an SDL window, from the `display` attribute.
   */
  /**
   * GVirtDomainGraphics:xauth:
   *
   * The X authority file of an SDL window, from the `xauth` attribute.
   */
  /**
   * GVirtDomainGraphics:fullscreen:
   *
   * The whether the window is full screen, from the `fullscreen` attribute.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
  _gvirt_domain_device_class_set_fields (G_TYPE_FROM_CLASS (klass), fields, N_PROPS);
}

static void
gvirt_domain_graphics_init (GVirtDomainGraphics *self)
{
}
