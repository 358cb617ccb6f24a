/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainChardev: a console, serial, parallel or channel device of a domain. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-domain-chardev.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtDomainChardev:
 *
 * A character device: `<console>`, `<serial>`, `<parallel>` or `<channel>`
 * ([method@GVirt.DomainDevice.get_kind] tells which). gvirt_domain_chardev_new()
 * makes a `<console>`.
 */
struct _GVirtDomainChardev
{
  GVirtDomainDevice parent_instance;
};

enum {
  PROP_0,
  PROP_CHARDEV_TYPE,
  PROP_SOURCE_PATH,
  PROP_SOURCE_HOST,
  PROP_SOURCE_SERVICE,
  PROP_SOURCE_MODE,
  PROP_PROTOCOL,
  PROP_TARGET_TYPE,
  PROP_TARGET_PORT,
  PROP_TTY,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
  [PROP_CHARDEV_TYPE] = { "chardev-type", NULL, "type", GVIRT_FIELD_ENUM, GVIRT_DOMAIN_CHARDEV_TYPE_PTY, gvirt_domain_chardev_type_get_type,
      N_("kind of host side"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_PATH] = { "source-path", "source", "path", GVIRT_FIELD_STRING, 0, NULL,
      N_("host path (file, device, socket or pty)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_HOST] = { "source-host", "source", "host", GVIRT_FIELD_STRING, 0, NULL,
      N_("host of a TCP or UDP source"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_SERVICE] = { "source-service", "source", "service", GVIRT_FIELD_STRING, 0, NULL,
      N_("port of a TCP or UDP source"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_MODE] = { "source-mode", "source", "mode", GVIRT_FIELD_STRING, 0, NULL,
      N_("mode of a socket source (bind or connect)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_PROTOCOL] = { "protocol", "protocol", "type", GVIRT_FIELD_STRING, 0, NULL,
      N_("protocol of a TCP source (raw, telnet…)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_TARGET_TYPE] = { "target-type", "target", "type", GVIRT_FIELD_STRING, 0, NULL,
      N_("guest-side type (serial, virtio, xen…)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_TARGET_PORT] = { "target-port", "target", "port", GVIRT_FIELD_INT, -1, NULL,
      N_("guest-side port number, -1 when unset"), GVIRT_FIELD_FLAG_REMOVE_DEFAULT },
  [PROP_TTY] = { "tty", NULL, "tty", GVIRT_FIELD_STRING, 0, NULL,
      N_("pty a running domain was given"), GVIRT_FIELD_FLAG_NONE },
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_domain_chardev_node (GVirtDomainChardev *self)
{
  return GVIRT_DEVICE_NODE (self);
}

G_DEFINE_FINAL_TYPE (GVirtDomainChardev, gvirt_domain_chardev, GVIRT_TYPE_DOMAIN_DEVICE)

/**
 * gvirt_domain_chardev_get_chardev_type:
 * @self: a #GVirtDomainChardev
 *
 * Gets the kind of host side, from the `type` attribute.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_chardev_set_chardev_type:
 * @self: a #GVirtDomainChardev
 * @value: the new value
 *
 * Sets the kind of host side (the `type` attribute) and notifies
 * #GVirtDomainChardev:chardev-type on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainChardev, gvirt_domain_chardev, chardev_type, PROP_CHARDEV_TYPE, GVirtDomainChardevType)

/**
 * gvirt_domain_chardev_get_source_path:
 * @self: a #GVirtDomainChardev
 *
 * Gets the host path (file, device, socket or pty), from the `path`
 * attribute of `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_chardev_set_source_path:
 * @self: a #GVirtDomainChardev
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host path (file, device, socket or pty) (the `path` attribute
 * of `<source>`) and notifies #GVirtDomainChardev:source-path on a
 * change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainChardev, gvirt_domain_chardev, source_path, PROP_SOURCE_PATH)

/**
 * gvirt_domain_chardev_get_source_host:
 * @self: a #GVirtDomainChardev
 *
 * Gets the host of a TCP or UDP source, from the `host` attribute of
 * `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_chardev_set_source_host:
 * @self: a #GVirtDomainChardev
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host of a TCP or UDP source (the `host` attribute of
 * `<source>`) and notifies #GVirtDomainChardev:source-host on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainChardev, gvirt_domain_chardev, source_host, PROP_SOURCE_HOST)

/**
 * gvirt_domain_chardev_get_source_service:
 * @self: a #GVirtDomainChardev
 *
 * Gets the port of a TCP or UDP source, from the `service` attribute of
 * `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_chardev_set_source_service:
 * @self: a #GVirtDomainChardev
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the port of a TCP or UDP source (the `service` attribute of
 * `<source>`) and notifies #GVirtDomainChardev:source-service on a
 * change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainChardev, gvirt_domain_chardev, source_service, PROP_SOURCE_SERVICE)

/**
 * gvirt_domain_chardev_get_source_mode:
 * @self: a #GVirtDomainChardev
 *
 * Gets the mode of a socket source (bind or connect), from the `mode`
 * attribute of `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_chardev_set_source_mode:
 * @self: a #GVirtDomainChardev
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the mode of a socket source (bind or connect) (the `mode`
 * attribute of `<source>`) and notifies #GVirtDomainChardev:source-mode
 * on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainChardev, gvirt_domain_chardev, source_mode, PROP_SOURCE_MODE)

/**
 * gvirt_domain_chardev_get_protocol:
 * @self: a #GVirtDomainChardev
 *
 * Gets the protocol of a TCP source (raw, telnet…), from the `type`
 * attribute of `<protocol>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_chardev_set_protocol:
 * @self: a #GVirtDomainChardev
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the protocol of a TCP source (raw, telnet…) (the `type` attribute
 * of `<protocol>`) and notifies #GVirtDomainChardev:protocol on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainChardev, gvirt_domain_chardev, protocol, PROP_PROTOCOL)

/**
 * gvirt_domain_chardev_get_target_type:
 * @self: a #GVirtDomainChardev
 *
 * Gets the guest-side type (serial, virtio, xen…), from the `type`
 * attribute of `<target>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_chardev_set_target_type:
 * @self: a #GVirtDomainChardev
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the guest-side type (serial, virtio, xen…) (the `type` attribute
 * of `<target>`) and notifies #GVirtDomainChardev:target-type on a
 * change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainChardev, gvirt_domain_chardev, target_type, PROP_TARGET_TYPE)

/**
 * gvirt_domain_chardev_get_target_port:
 * @self: a #GVirtDomainChardev
 *
 * Gets the guest-side port number, -1 when unset, from the `port`
 * attribute of `<target>`.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_chardev_set_target_port:
 * @self: a #GVirtDomainChardev
 * @value: the new value
 *
 * Sets the guest-side port number, -1 when unset (the `port` attribute of
 * `<target>`) and notifies #GVirtDomainChardev:target-port on a change.
 */
GVIRT_DEFINE_INT_ACCESSORS (GVirtDomainChardev, gvirt_domain_chardev, target_port, PROP_TARGET_PORT)

/**
 * gvirt_domain_chardev_get_tty:
 * @self: a #GVirtDomainChardev
 *
 * Gets the pty a running domain was given, from the `tty` attribute.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_chardev_set_tty:
 * @self: a #GVirtDomainChardev
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the pty a running domain was given (the `tty` attribute) and
 * notifies #GVirtDomainChardev:tty on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainChardev, gvirt_domain_chardev, tty, PROP_TTY)

/**
 * gvirt_domain_chardev_new:
 *
 * Creates a new `<console>` device that belongs to no configuration yet; add it
 * with [method@GVirt.DomainConfig.add_device].
 *
 * Returns: (transfer full): the new device
 */
GVirtDomainChardev *
gvirt_domain_chardev_new (void)
{
  return _gvirt_domain_device_new_standalone (GVIRT_TYPE_DOMAIN_CHARDEV, "console");
}

/**
 * gvirt_domain_chardev_new_with_kind:
 * @kind: the element: `console`, `serial`, `parallel` or `channel`
 *
 * Creates a character device of the given kind that belongs to no
 * configuration yet.
 *
 * Returns: (transfer full): the new device
 */
GVirtDomainChardev *
gvirt_domain_chardev_new_with_kind (const char *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return _gvirt_domain_device_new_standalone (GVIRT_TYPE_DOMAIN_CHARDEV, kind);
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtDomainChardev, gvirt_domain_chardev, _gvirt_no_special_property)

static void
gvirt_domain_chardev_class_init (GVirtDomainChardevClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvirt_domain_chardev_get_property;
  object_class->set_property = gvirt_domain_chardev_set_property;

  /**
   * GVirtDomainChardev:chardev-type:
   *
   * The kind of host side, from the `type` attribute.
   */
  /**
   * GVirtDomainChardev:source-path:
   *
   * The host path (file, device, socket or pty), from the `path` attribute of `<source>`.
   */
  /**
   * GVirtDomainChardev:source-host:
   *
   * The host of a TCP or UDP source, from the `host` attribute of `<source>`.
   */
  /**
   * GVirtDomainChardev:source-service:
   *
   * The port of a TCP or UDP source, from the `service` attribute of `<source>`.
   */
  /**
   * GVirtDomainChardev:source-mode:
   *
   * The mode of a socket source (bind or connect), from the `mode` attribute of `<source>`.
   */
  /**
   * GVirtDomainChardev:protocol:
   *
   * The protocol of a TCP source (raw, telnet…), from the `type` attribute of `<protocol>`.
   */
  /**
   * GVirtDomainChardev:target-type:
   *
   * The guest-side type (serial, virtio, xen…), from the `type` attribute of `<target>`.
   */
  /**
   * GVirtDomainChardev:target-port:
   *
   * The guest-side port number, -1 when unset, from the `port` attribute of `<target>`.
   */
  /**
   * GVirtDomainChardev:tty:
   *
   * The pty a running domain was given, from the `tty` attribute.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
  _gvirt_domain_device_class_set_fields (G_TYPE_FROM_CLASS (klass), fields, N_PROPS);
}

static void
gvirt_domain_chardev_init (GVirtDomainChardev *self)
{
}
