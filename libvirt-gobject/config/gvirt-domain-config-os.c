/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainConfig: OS booting (type, kernel, loader, boot devices), hypervisor features and the clock. */
#include "libvirt-gobject/config/gvirt-domain-config-impl-private.h"

/**
 * gvirt_domain_config_get_os_type:
 * @self: a #GVirtDomainConfig
 *
 * Gets the OS type (linux, hvm, xen, exe), from the `<type>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_os_type:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the OS type (linux, hvm, xen, exe) (the `<type>` element) and
 * notifies #GVirtDomainConfig:os-type on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, os_type, PROP_OS_TYPE)

/**
 * gvirt_domain_config_get_arch:
 * @self: a #GVirtDomainConfig
 *
 * Gets the guest architecture, from the `arch` attribute of `<type>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_arch:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the guest architecture (the `arch` attribute of `<type>`) and
 * notifies #GVirtDomainConfig:arch on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, arch, PROP_ARCH)

/**
 * gvirt_domain_config_get_machine:
 * @self: a #GVirtDomainConfig
 *
 * Gets the machine type, from the `machine` attribute of `<type>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_machine:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the machine type (the `machine` attribute of `<type>`) and
 * notifies #GVirtDomainConfig:machine on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, machine, PROP_MACHINE)

/**
 * gvirt_domain_config_get_kernel:
 * @self: a #GVirtDomainConfig
 *
 * Gets the kernel to boot directly, from the `<kernel>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_kernel:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the kernel to boot directly (the `<kernel>` element) and notifies
 * #GVirtDomainConfig:kernel on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, kernel, PROP_KERNEL)

/**
 * gvirt_domain_config_get_initrd:
 * @self: a #GVirtDomainConfig
 *
 * Gets the initial ramdisk of a direct kernel boot, from the `<initrd>`
 * element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_initrd:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the initial ramdisk of a direct kernel boot (the `<initrd>`
 * element) and notifies #GVirtDomainConfig:initrd on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, initrd, PROP_INITRD)

/**
 * gvirt_domain_config_get_cmdline:
 * @self: a #GVirtDomainConfig
 *
 * Gets the kernel command line, from the `<cmdline>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_cmdline:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the kernel command line (the `<cmdline>` element) and notifies
 * #GVirtDomainConfig:cmdline on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, cmdline, PROP_CMDLINE)

/**
 * gvirt_domain_config_get_root:
 * @self: a #GVirtDomainConfig
 *
 * Gets the root device of a direct kernel boot, from the `<root>`
 * element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_root:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the root device of a direct kernel boot (the `<root>` element) and
 * notifies #GVirtDomainConfig:root on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, root, PROP_ROOT)

/**
 * gvirt_domain_config_get_loader:
 * @self: a #GVirtDomainConfig
 *
 * Gets the firmware loader, from the `<loader>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_loader:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the firmware loader (the `<loader>` element) and notifies
 * #GVirtDomainConfig:loader on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, loader, PROP_LOADER)

/**
 * gvirt_domain_config_get_bootloader:
 * @self: a #GVirtDomainConfig
 *
 * Gets the host-side boot loader of a Xen guest, from the `<bootloader>`
 * element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_bootloader:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host-side boot loader of a Xen guest (the `<bootloader>`
 * element) and notifies #GVirtDomainConfig:bootloader on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, bootloader, PROP_BOOTLOADER)

/**
 * gvirt_domain_config_get_bootloader_args:
 * @self: a #GVirtDomainConfig
 *
 * Gets the arguments of the boot loader, from the `<bootloader_args>`
 * element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_bootloader_args:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the arguments of the boot loader (the `<bootloader_args>` element)
 * and notifies #GVirtDomainConfig:bootloader-args on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, bootloader_args, PROP_BOOTLOADER_ARGS)

/**
 * gvirt_domain_config_get_pae:
 * @self: a #GVirtDomainConfig
 *
 * Gets the PAE feature, from the presence of `<pae/>`.
 *
 * Returns: whether it is on
 */
/**
 * gvirt_domain_config_set_pae:
 * @self: a #GVirtDomainConfig
 * @value: the new value
 *
 * Sets the PAE feature (the presence of `<pae/>`) and notifies
 * #GVirtDomainConfig:pae on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, pae, PROP_PAE, gboolean)

/**
 * gvirt_domain_config_get_acpi:
 * @self: a #GVirtDomainConfig
 *
 * Gets the ACPI feature, from the presence of `<acpi/>`.
 *
 * Returns: whether it is on
 */
/**
 * gvirt_domain_config_set_acpi:
 * @self: a #GVirtDomainConfig
 * @value: the new value
 *
 * Sets the ACPI feature (the presence of `<acpi/>`) and notifies
 * #GVirtDomainConfig:acpi on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, acpi, PROP_ACPI, gboolean)

/**
 * gvirt_domain_config_get_apic:
 * @self: a #GVirtDomainConfig
 *
 * Gets the APIC feature, from the presence of `<apic/>`.
 *
 * Returns: whether it is on
 */
/**
 * gvirt_domain_config_set_apic:
 * @self: a #GVirtDomainConfig
 * @value: the new value
 *
 * Sets the APIC feature (the presence of `<apic/>`) and notifies
 * #GVirtDomainConfig:apic on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, apic, PROP_APIC, gboolean)

/**
 * gvirt_domain_config_get_clock_offset:
 * @self: a #GVirtDomainConfig
 *
 * Gets the clock offset (utc, localtime…), from the `offset` attribute of
 * `<clock>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_clock_offset:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the clock offset (utc, localtime…) (the `offset` attribute of
 * `<clock>`) and notifies #GVirtDomainConfig:clock-offset on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, clock_offset, PROP_CLOCK_OFFSET)

/**
 * gvirt_domain_config_get_boot_devices:
 * @self: a #GVirtDomainConfig
 *
 * Gets the boot devices in order, from the `dev` attributes of the
 * `<boot>` elements of `<os>`: `hd`, `cdrom`, `fd` or `network`.
 *
 * Returns: (transfer full) (array zero-terminated=1): the boot devices
 */
char **
gvirt_domain_config_get_boot_devices (GVirtDomainConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), NULL);

  return _gvirt_xml_collect (_gvirt_xml_child (self->node, "os"), "boot", "dev");
}

/**
 * gvirt_domain_config_set_boot_devices:
 * @self: a #GVirtDomainConfig
 * @devices: (array zero-terminated=1) (nullable): the boot devices in order
 *
 * Replaces the `<boot>` elements of `<os>`.
 */
void
gvirt_domain_config_set_boot_devices (GVirtDomainConfig  *self,
                                      const char * const *devices)
{
  g_return_if_fail (GVIRT_IS_DOMAIN_CONFIG (self));

  _gvirt_xml_replace_list (_gvirt_xml_lookup (self->node, "os", TRUE), "boot", "dev", devices);
  _gvirt_xml_prune (_gvirt_xml_child (self->node, "os"), self->node);
}

/**
 * gvirt_domain_config_get_features:
 * @self: a #GVirtDomainConfig
 *
 * Gets the names of the features turned on in `<features>`, such as `pae`,
 * `acpi` and `apic`.
 *
 * Returns: (transfer full) (array zero-terminated=1): the feature names
 */
char **
gvirt_domain_config_get_features (GVirtDomainConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), NULL);

  return _gvirt_xml_child_names (_gvirt_xml_child (self->node, "features"));
}

/**
 * gvirt_domain_config_has_feature:
 * @self: a #GVirtDomainConfig
 * @feature: a feature name, such as `acpi`
 *
 * Checks whether `<features>` holds @feature.
 *
 * Returns: %TRUE if the feature is on
 */
gboolean
gvirt_domain_config_has_feature (GVirtDomainConfig *self,
                                 const char        *feature)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), FALSE);
  g_return_val_if_fail (feature != NULL, FALSE);

  return _gvirt_xml_child (_gvirt_xml_child (self->node, "features"), feature) != NULL;
}

/**
 * gvirt_domain_config_set_feature:
 * @self: a #GVirtDomainConfig
 * @feature: a feature name, such as `acpi`
 * @enabled: whether the feature is on
 *
 * Adds `<@feature/>` to `<features>` or removes it.
 */
void
gvirt_domain_config_set_feature (GVirtDomainConfig *self,
                                 const char        *feature,
                                 gboolean           enabled)
{
  g_autofree char *path = NULL;
  GVirtField field = { feature, NULL, NULL, GVIRT_FIELD_PRESENT, FALSE, NULL, NULL, 0 };
  guint i;

  g_return_if_fail (GVIRT_IS_DOMAIN_CONFIG (self));
  g_return_if_fail (feature != NULL && xmlValidateNCName ((const xmlChar *) feature, 0) == 0);

  path = g_strconcat ("features/", feature, NULL);
  field.path = path;
  if (!_gvirt_field_set_uint64 (self->node, &field, enabled))
    return;
  for (i = 1; i < N_PROPS; i++)
    if (g_strcmp0 (fields[i].path, path) == 0)
      g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}
