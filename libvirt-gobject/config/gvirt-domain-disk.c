/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainDisk: a disk, CD-ROM or floppy drive of a domain. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/config/gvirt-domain-disk.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtDomainDisk:
 *
 * A `<disk>` device: what backs it (`type`, `<source>`), how the guest sees
 * it (`device`, `<target>`), the driver and flags.
 */
struct _GVirtDomainDisk
{
  GVirtDomainDevice parent_instance;
};

enum {
  PROP_0,
  PROP_DISK_TYPE,
  PROP_DEVICE,
  PROP_DRIVER_NAME,
  PROP_DRIVER_TYPE,
  PROP_SOURCE_FILE,
  PROP_SOURCE_DEV,
  PROP_SOURCE_DIR,
  PROP_SOURCE_PROTOCOL,
  PROP_SOURCE_NAME,
  PROP_TARGET_DEV,
  PROP_TARGET_BUS,
  PROP_READONLY,
  PROP_SHAREABLE,
  PROP_SERIAL,
  N_PROPS
};

static const GVirtField fields[N_PROPS] = {
  [PROP_DISK_TYPE] = { "disk-type", NULL, "type", GVIRT_FIELD_ENUM, GVIRT_DOMAIN_DISK_TYPE_FILE, gvirt_domain_disk_type_get_type,
      N_("kind of storage behind the disk"), GVIRT_FIELD_FLAG_NONE },
  [PROP_DEVICE] = { "device", NULL, "device", GVIRT_FIELD_ENUM, GVIRT_DOMAIN_DISK_DEVICE_DISK, gvirt_domain_disk_device_get_type,
      N_("kind of drive the guest sees"), GVIRT_FIELD_FLAG_NONE },
  [PROP_DRIVER_NAME] = { "driver-name", "driver", "name", GVIRT_FIELD_STRING, 0, NULL,
      N_("driver name (qemu, tap, phy, file…)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_DRIVER_TYPE] = { "driver-type", "driver", "type", GVIRT_FIELD_STRING, 0, NULL,
      N_("image format (raw, qcow2…)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_FILE] = { "source-file", "source", "file", GVIRT_FIELD_STRING, 0, NULL,
      N_("host file of a file disk"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_DEV] = { "source-dev", "source", "dev", GVIRT_FIELD_STRING, 0, NULL,
      N_("host device of a block disk"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_DIR] = { "source-dir", "source", "dir", GVIRT_FIELD_STRING, 0, NULL,
      N_("host directory of a dir disk"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_PROTOCOL] = { "source-protocol", "source", "protocol", GVIRT_FIELD_STRING, 0, NULL,
      N_("protocol of a network disk"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SOURCE_NAME] = { "source-name", "source", "name", GVIRT_FIELD_STRING, 0, NULL,
      N_("volume or export name of a network disk"), GVIRT_FIELD_FLAG_NONE },
  [PROP_TARGET_DEV] = { "target-dev", "target", "dev", GVIRT_FIELD_STRING, 0, NULL,
      N_("device name in the guest (hda, vda, xvda…)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_TARGET_BUS] = { "target-bus", "target", "bus", GVIRT_FIELD_STRING, 0, NULL,
      N_("bus in the guest (ide, scsi, virtio, xen…)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_READONLY] = { "readonly", "readonly", NULL, GVIRT_FIELD_PRESENT, 0, NULL,
      N_("read-only flag"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SHAREABLE] = { "shareable", "shareable", NULL, GVIRT_FIELD_PRESENT, 0, NULL,
      N_("shareable flag"), GVIRT_FIELD_FLAG_NONE },
  [PROP_SERIAL] = { "serial", "serial", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("serial number shown to the guest"), GVIRT_FIELD_FLAG_NONE },
};

static GParamSpec *properties[N_PROPS];

static inline xmlNodePtr
gvirt_domain_disk_node (GVirtDomainDisk *self)
{
  return GVIRT_DEVICE_NODE (self);
}

G_DEFINE_FINAL_TYPE (GVirtDomainDisk, gvirt_domain_disk, GVIRT_TYPE_DOMAIN_DEVICE)

/**
 * gvirt_domain_disk_get_disk_type:
 * @self: a #GVirtDomainDisk
 *
 * Gets the kind of storage behind the disk, from the `type` attribute.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_disk_set_disk_type:
 * @self: a #GVirtDomainDisk
 * @value: the new value
 *
 * Sets the kind of storage behind the disk (the `type` attribute) and notifies
 * #GVirtDomainDisk:disk-type on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, disk_type, PROP_DISK_TYPE, GVirtDomainDiskType)

/**
 * gvirt_domain_disk_get_device:
 * @self: a #GVirtDomainDisk
 *
 * Gets the kind of drive the guest sees, from the `device` attribute.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_disk_set_device:
 * @self: a #GVirtDomainDisk
 * @value: the new value
 *
 * Sets the kind of drive the guest sees (the `device` attribute) and
 * notifies #GVirtDomainDisk:device on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, device, PROP_DEVICE, GVirtDomainDiskDevice)

/**
 * gvirt_domain_disk_get_driver_name:
 * @self: a #GVirtDomainDisk
 *
 * Gets the driver name (qemu, tap, phy, file…), from the `name` attribute
 * of `<driver>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_disk_set_driver_name:
 * @self: a #GVirtDomainDisk
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the driver name (qemu, tap, phy, file…) (the `name` attribute of
 * `<driver>`) and notifies #GVirtDomainDisk:driver-name on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, driver_name, PROP_DRIVER_NAME)

/**
 * gvirt_domain_disk_get_driver_type:
 * @self: a #GVirtDomainDisk
 *
 * Gets the image format (raw, qcow2…), from the `type` attribute of
 * `<driver>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_disk_set_driver_type:
 * @self: a #GVirtDomainDisk
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the image format (raw, qcow2…) (the `type` attribute of
 * `<driver>`) and notifies #GVirtDomainDisk:driver-type on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, driver_type, PROP_DRIVER_TYPE)

/**
 * gvirt_domain_disk_get_source_file:
 * @self: a #GVirtDomainDisk
 *
 * Gets the host file of a file disk, from the `file` attribute of
 * `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_disk_set_source_file:
 * @self: a #GVirtDomainDisk
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host file of a file disk (the `file` attribute of `<source>`)
 * and notifies #GVirtDomainDisk:source-file on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, source_file, PROP_SOURCE_FILE)

/**
 * gvirt_domain_disk_get_source_dev:
 * @self: a #GVirtDomainDisk
 *
 * Gets the host device of a block disk, from the `dev` attribute of
 * `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_disk_set_source_dev:
 * @self: a #GVirtDomainDisk
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host device of a block disk (the `dev` attribute of
 * `<source>`) and notifies #GVirtDomainDisk:source-dev on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, source_dev, PROP_SOURCE_DEV)

/**
 * gvirt_domain_disk_get_source_dir:
 * @self: a #GVirtDomainDisk
 *
 * Gets the host directory of a dir disk, from the `dir` attribute of
 * `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_disk_set_source_dir:
 * @self: a #GVirtDomainDisk
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host directory of a dir disk (the `dir` attribute of
 * `<source>`) and notifies #GVirtDomainDisk:source-dir on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, source_dir, PROP_SOURCE_DIR)

/**
 * gvirt_domain_disk_get_source_protocol:
 * @self: a #GVirtDomainDisk
 *
 * Gets the protocol of a network disk, from the `protocol` attribute of
 * `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_disk_set_source_protocol:
 * @self: a #GVirtDomainDisk
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the protocol of a network disk (the `protocol` attribute of
 * `<source>`) and notifies #GVirtDomainDisk:source-protocol on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, source_protocol, PROP_SOURCE_PROTOCOL)

/**
 * gvirt_domain_disk_get_source_name:
 * @self: a #GVirtDomainDisk
 *
 * Gets the volume or export name of a network disk, from the `name`
 * attribute of `<source>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_disk_set_source_name:
 * @self: a #GVirtDomainDisk
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the volume or export name of a network disk (the `name` attribute
 * of `<source>`) and notifies #GVirtDomainDisk:source-name on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, source_name, PROP_SOURCE_NAME)

/**
 * gvirt_domain_disk_get_target_dev:
 * @self: a #GVirtDomainDisk
 *
 * Gets the device name in the guest (hda, vda, xvda…), from the `dev`
 * attribute of `<target>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_disk_set_target_dev:
 * @self: a #GVirtDomainDisk
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the device name in the guest (hda, vda, xvda…) (the `dev`
 * attribute of `<target>`) and notifies #GVirtDomainDisk:target-dev on a
 * change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, target_dev, PROP_TARGET_DEV)

/**
 * gvirt_domain_disk_get_target_bus:
 * @self: a #GVirtDomainDisk
 *
 * Gets the bus in the guest (ide, scsi, virtio, xen…), from the `bus`
 * attribute of `<target>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_disk_set_target_bus:
 * @self: a #GVirtDomainDisk
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the bus in the guest (ide, scsi, virtio, xen…) (the `bus`
 * attribute of `<target>`) and notifies #GVirtDomainDisk:target-bus on a
 * change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, target_bus, PROP_TARGET_BUS)

/**
 * gvirt_domain_disk_get_readonly:
 * @self: a #GVirtDomainDisk
 *
 * Gets the read-only flag, from the presence of `<readonly/>`.
 *
 * Returns: whether it is on
 */
/**
 * gvirt_domain_disk_set_readonly:
 * @self: a #GVirtDomainDisk
 * @value: the new value
 *
 * Sets the read-only flag (the presence of `<readonly/>`) and notifies
 * #GVirtDomainDisk:readonly on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, readonly, PROP_READONLY, gboolean)

/**
 * gvirt_domain_disk_get_shareable:
 * @self: a #GVirtDomainDisk
 *
 * Gets the shareable flag, from the presence of `<shareable/>`.
 *
 * Returns: whether it is on
 */
/**
 * gvirt_domain_disk_set_shareable:
 * @self: a #GVirtDomainDisk
 * @value: the new value
 *
 * Sets the shareable flag (the presence of `<shareable/>`) and notifies
 * #GVirtDomainDisk:shareable on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, shareable, PROP_SHAREABLE, gboolean)

/**
 * gvirt_domain_disk_get_serial:
 * @self: a #GVirtDomainDisk
 *
 * Gets the serial number shown to the guest, from the `<serial>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_disk_set_serial:
 * @self: a #GVirtDomainDisk
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the serial number shown to the guest (the `<serial>` element) and
 * notifies #GVirtDomainDisk:serial on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainDisk, gvirt_domain_disk, serial, PROP_SERIAL)

/**
 * gvirt_domain_disk_new:
 *
 * Creates a new `<disk>` device that belongs to no configuration yet; add it
 * with [method@GVirt.DomainConfig.add_device].
 *
 * Returns: (transfer full): the new device
 */
GVirtDomainDisk *
gvirt_domain_disk_new (void)
{
  return _gvirt_domain_device_new_standalone (GVIRT_TYPE_DOMAIN_DISK, "disk");
}

/**
 * gvirt_domain_disk_get_source:
 * @self: a #GVirtDomainDisk
 *
 * Gets the source of the disk whatever its type: the file, device,
 * directory or network name.
 *
 * Returns: (nullable): the source, or %NULL
 */
const char *
gvirt_domain_disk_get_source (GVirtDomainDisk *self)
{
  static const char *const attrs[] = { "file", "dev", "dir", "name", "volume" };
  xmlNodePtr source;
  gsize i;

  g_return_val_if_fail (GVIRT_IS_DOMAIN_DISK (self), NULL);

  source = _gvirt_xml_child (gvirt_domain_disk_node (self), "source");
  for (i = 0; i < G_N_ELEMENTS (attrs); i++)
    if (_gvirt_xml_attr (source, attrs[i]) != NULL)
      return _gvirt_xml_attr (source, attrs[i]);
  return NULL;
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtDomainDisk, gvirt_domain_disk, _gvirt_no_special_property)

static void
gvirt_domain_disk_class_init (GVirtDomainDiskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvirt_domain_disk_get_property;
  object_class->set_property = gvirt_domain_disk_set_property;

  /**
   * GVirtDomainDisk:disk-type:
   *
   * The kind of storage behind the disk, from the `type` attribute.
   */
  /**
   * GVirtDomainDisk:device:
   *
   * The kind of drive the guest sees, from the `device` attribute.
   */
  /**
   * GVirtDomainDisk:driver-name:
   *
   * The driver name (qemu, tap, phy, file…), from the `name` attribute of `<driver>`.
   */
  /**
   * GVirtDomainDisk:driver-type:
   *
   * The image format (raw, qcow2…), from the `type` attribute of `<driver>`.
   */
  /**
   * GVirtDomainDisk:source-file:
   *
   * The host file of a file disk, from the `file` attribute of `<source>`.
   */
  /**
   * GVirtDomainDisk:source-dev:
   *
   * The host device of a block disk, from the `dev` attribute of `<source>`.
   */
  /**
   * GVirtDomainDisk:source-dir:
   *
   * The host directory of a dir disk, from the `dir` attribute of `<source>`.
   */
  /**
   * GVirtDomainDisk:source-protocol:
   *
   * The protocol of a network disk, from the `protocol` attribute of `<source>`.
   */
  /**
   * GVirtDomainDisk:source-name:
   *
   * The volume or export name of a network disk, from the `name` attribute of `<source>`.
   */
  /**
   * GVirtDomainDisk:target-dev:
   *
   * The device name in the guest (hda, vda, xvda…), from the `dev` attribute of `<target>`.
   */
  /**
   * GVirtDomainDisk:target-bus:
   *
   * The bus in the guest (ide, scsi, virtio, xen…), from the `bus` attribute of `<target>`.
   */
  /**
   * GVirtDomainDisk:readonly:
   *
   * The read-only flag, from the presence of `<readonly/>`.
   */
  /**
   * GVirtDomainDisk:shareable:
   *
   * The shareable flag, from the presence of `<shareable/>`.
   */
  /**
   * GVirtDomainDisk:serial:
   *
   * The serial number shown to the guest, from the `<serial>` element.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
  _gvirt_domain_device_class_set_fields (G_TYPE_FROM_CLASS (klass), fields, N_PROPS);
}

static void
gvirt_domain_disk_init (GVirtDomainDisk *self)
{
}
