/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainConfig: the emulator, the list of device objects, and the rule of one disk per target. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include <string.h>
#include "libvirt-gobject/config/gvirt-domain-config-impl-private.h"
#include "libvirt-gobject/config/gvirt-domain-device-private.h"
#include "libvirt-gobject/gvirt-error.h"

/**
 * gvirt_domain_config_get_emulator:
 * @self: a #GVirtDomainConfig
 *
 * Gets the device model emulator binary, from the `<emulator>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_emulator:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the device model emulator binary (the `<emulator>` element) and
 * notifies #GVirtDomainConfig:emulator on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, emulator, PROP_EMULATOR)

static gboolean
is_device_element (xmlNodePtr node)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
         strcmp ((const char *) node->name, "emulator") != 0;
}

/* The first device element at or after @node. */
static xmlNodePtr
next_device_element (xmlNodePtr node)
{
  while (node != NULL && !is_device_element (node))
    node = node->next;
  return node;
}

static xmlNodePtr
first_device_element (GVirtDomainConfig *self)
{
  xmlNodePtr devices = _gvirt_xml_child (self->node, "devices");

  return devices != NULL ? next_device_element (devices->children) : NULL;
}

/* The target of a <disk> element, NULL for other devices. */
static const char *
disk_target (xmlNodePtr node)
{
  if (strcmp ((const char *) node->name, "disk") != 0)
    return NULL;
  return _gvirt_xml_attr (_gvirt_xml_child (node, "target"), "dev");
}

/* @code: INVALID_XML for a document, INVALID_ARGUMENT for a device added */
static gboolean
report_disk_target_twice (xmlNodePtr   node,
                          const char  *target,
                          GVirtError   code,
                          GError     **error)
{
  g_set_error (error, GVIRT_ERROR, code,
               _("line %d: <disk> target “%s” is used twice"),
               (int) xmlGetLineNo (node), target);
  return FALSE;
}

/* Fails when the disk element @node, about to join the devices of @self,
 * uses a target one of them has. */
static gboolean
check_disk_target (GVirtDomainConfig *self,
                   xmlNodePtr         node,
                   GError           **error)
{
  const char *target = disk_target (node);
  xmlNodePtr other;

  if (target == NULL)
    return TRUE;
  for (other = first_device_element (self); other != NULL;
       other = next_device_element (other->next))
    if (other != node && g_strcmp0 (disk_target (other), target) == 0)
      return report_disk_target_twice (node, target, GVIRT_ERROR_INVALID_ARGUMENT, error);
  return TRUE;
}

/* Checks the values of the devices of @self as parsing does, and that no
 * two disks share a target: the first error in document order. */
gboolean
_gvirt_domain_config_check_devices (GVirtDomainConfig  *self,
                                    GError            **error)
{
  g_autoptr(GHashTable) targets = NULL;
  const char *first_target = NULL;
  xmlNodePtr child;

  for (child = first_device_element (self); child != NULL;
       child = next_device_element (child->next))
    {
      const char *target;

      if (!_gvirt_domain_device_check_node (child, error))
        return FALSE;
      if ((target = disk_target (child)) == NULL)
        continue;
      /* most domains have a disk or two: a set only from the second */
      if (first_target == NULL)
        first_target = target;
      else
        {
          if (targets == NULL)
            {
              targets = g_hash_table_new (g_str_hash, g_str_equal);
              g_hash_table_add (targets, (gpointer) first_target);
            }
          if (!g_hash_table_add (targets, (gpointer) target))
            return report_disk_target_twice (child, target, GVIRT_ERROR_INVALID_XML, error);
        }
    }
  return TRUE;
}

/* The device objects, in document order: made the first time they are
 * needed, since most configurations are parsed, copied or written out
 * without anyone looking at one device. */
GListStore *
_gvirt_domain_config_devices (GVirtDomainConfig *self)
{
  g_autoptr(GPtrArray) items = NULL;
  xmlNodePtr child;

  if (self->devices != NULL)
    return self->devices;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (child = first_device_element (self); child != NULL;
       child = next_device_element (child->next))
    g_ptr_array_add (items, _gvirt_domain_device_new_for_node (self->doc, child));
  self->devices = g_list_store_new (GVIRT_TYPE_DOMAIN_DEVICE);
  g_list_store_splice (self->devices, 0, 0, items->pdata, items->len);
  return self->devices;
}

/**
 * gvirt_domain_config_get_devices:
 * @self: a #GVirtDomainConfig
 *
 * Gets the devices of the domain, in document order, as a list model of
 * #GVirtDomainDevice that changes with [method@GVirt.DomainConfig.add_device]
 * and [method@GVirt.DomainConfig.remove_device].
 *
 * Returns: (transfer none): the devices
 */
GListModel *
gvirt_domain_config_get_devices (GVirtDomainConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), NULL);

  return G_LIST_MODEL (_gvirt_domain_config_devices (self));
}

/**
 * gvirt_domain_config_add_device:
 * @self: a #GVirtDomainConfig
 * @device: a device that belongs to no configuration
 * @error: return location for a #GError
 *
 * Appends @device to `<devices>`. From then on @device is a view of its
 * element in @self. A disk whose target is already used fails with
 * %GVIRT_ERROR_INVALID_ARGUMENT. To add a device of another configuration,
 * add a [method@GVirt.DomainDevice.copy] of it.
 *
 * Returns: %TRUE if the device was added
 */
gboolean
gvirt_domain_config_add_device (GVirtDomainConfig *self,
                                GVirtDomainDevice *device,
                                GError           **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), FALSE);
  g_return_val_if_fail (GVIRT_IS_DOMAIN_DEVICE (device), FALSE);
  g_return_val_if_fail (!_gvirt_domain_device_is_attached (device), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_disk_target (self, _gvirt_domain_device_get_node (device), error))
    return FALSE;
  _gvirt_domain_config_devices (self);
  _gvirt_domain_device_attach (device, self->doc, _gvirt_xml_lookup (self->node, "devices", TRUE));
  g_list_store_append (self->devices, device);
  return TRUE;
}

/**
 * gvirt_domain_config_remove_device:
 * @self: a #GVirtDomainConfig
 * @device: one of the devices of @self
 *
 * Removes @device from the configuration. The object stays usable on its
 * own and can be added again.
 *
 * Returns: %TRUE if @device was a device of @self
 */
gboolean
gvirt_domain_config_remove_device (GVirtDomainConfig *self,
                                   GVirtDomainDevice *device)
{
  guint position;

  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), FALSE);
  g_return_val_if_fail (GVIRT_IS_DOMAIN_DEVICE (device), FALSE);

  /* no device object of @self exists before its list does */
  if (self->devices == NULL || !g_list_store_find (self->devices, device, &position))
    return FALSE;
  g_object_ref (device);
  g_list_store_remove (self->devices, position);
  _gvirt_domain_device_detach (device);
  g_object_unref (device);
  return TRUE;
}

/**
 * gvirt_domain_config_find_disk:
 * @self: a #GVirtDomainConfig
 * @target_dev: a target device name, such as `hda` or `vdb`
 *
 * Finds the disk the guest sees as @target_dev.
 *
 * Returns: (transfer none) (nullable): the disk, or %NULL
 */
GVirtDomainDisk *
gvirt_domain_config_find_disk (GVirtDomainConfig *self,
                               const char        *target_dev)
{
  GListModel *devices;
  guint i, n;

  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), NULL);
  g_return_val_if_fail (target_dev != NULL, NULL);

  devices = G_LIST_MODEL (_gvirt_domain_config_devices (self));
  n = g_list_model_get_n_items (devices);
  for (i = 0; i < n; i++)
    {
      GVirtDomainDevice *device = g_list_model_get_item (devices, i);

      /* the store keeps its own reference */
      g_object_unref (device);
      if (g_strcmp0 (disk_target (_gvirt_domain_device_get_node (device)), target_dev) == 0)
        return GVIRT_DOMAIN_DISK (device);
    }
  return NULL;
}
