/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainConfig: what the hypervisor does when the guest powers off, reboots or crashes. */
#include "libvirt-gobject/config/gvirt-domain-config-impl-private.h"

/**
 * gvirt_domain_config_get_on_poweroff:
 * @self: a #GVirtDomainConfig
 *
 * Gets the action when the guest powers off, from the `<on_poweroff>`
 * element.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_config_set_on_poweroff:
 * @self: a #GVirtDomainConfig
 * @value: the new value
 *
 * Sets the action when the guest powers off (the `<on_poweroff>` element)
 * and notifies #GVirtDomainConfig:on-poweroff on a change. The `coredump-*`
 * actions are for a crash alone: the format, and so validate(), refuses
 * them here.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, on_poweroff, PROP_ON_POWEROFF, GVirtLifecycleAction)

/**
 * gvirt_domain_config_get_on_reboot:
 * @self: a #GVirtDomainConfig
 *
 * Gets the action when the guest reboots, from the `<on_reboot>` element.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_config_set_on_reboot:
 * @self: a #GVirtDomainConfig
 * @value: the new value
 *
 * Sets the action when the guest reboots (the `<on_reboot>` element) and
 * notifies #GVirtDomainConfig:on-reboot on a change. The `coredump-*`
 * actions are for a crash alone: the format, and so validate(), refuses
 * them here.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, on_reboot, PROP_ON_REBOOT, GVirtLifecycleAction)

/**
 * gvirt_domain_config_get_on_crash:
 * @self: a #GVirtDomainConfig
 *
 * Gets the action when the guest crashes, from the `<on_crash>` element.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_config_set_on_crash:
 * @self: a #GVirtDomainConfig
 * @value: the new value
 *
 * Sets the action when the guest crashes (the `<on_crash>` element) and
 * notifies #GVirtDomainConfig:on-crash on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, on_crash, PROP_ON_CRASH, GVirtLifecycleAction)
