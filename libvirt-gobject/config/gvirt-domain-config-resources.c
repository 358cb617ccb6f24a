/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainConfig: memory (boot, current, hotplug limit and slots) and virtual CPUs. */
#include "libvirt-gobject/config/gvirt-domain-config-impl-private.h"

/**
 * gvirt_domain_config_get_memory:
 * @self: a #GVirtDomainConfig
 *
 * Gets the maximum memory at boot in KiB, from the `<memory>` element.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_config_set_memory:
 * @self: a #GVirtDomainConfig
 * @value: the new value, 1 to %GVIRT_MEMORY_KIB_MAX (any value is written;
 *   gvirt_domain_config_check(), and so defining the domain, refuses a
 *   larger one with %GVIRT_ERROR_INVALID_XML, a backend refuses 0 with
 *   %GVIRT_ERROR_INVALID_ARGUMENT)
 *
 * Sets the maximum memory at boot in KiB (the `<memory>` element) and
 * notifies #GVirtDomainConfig:memory on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, memory, PROP_MEMORY, guint64)

/**
 * gvirt_domain_config_get_max_memory:
 * @self: a #GVirtDomainConfig
 *
 * Gets the memory hotplug limit in KiB, 0 when unset, from the
 * `<maxMemory>` element.
 *
 * Returns: the value
 */
guint64
gvirt_domain_config_get_max_memory (GVirtDomainConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), 0);

  return _gvirt_field_get_uint64 (self->node, &fields[PROP_MAX_MEMORY]);
}

/**
 * gvirt_domain_config_set_max_memory:
 * @self: a #GVirtDomainConfig
 * @value: the new value, 0 to %GVIRT_MEMORY_KIB_MAX (any value is written;
 *   gvirt_domain_config_check() refuses a larger one with
 *   %GVIRT_ERROR_INVALID_XML)
 *
 * Sets the memory hotplug limit in KiB, 0 when unset (the `<maxMemory>`
 * element) and notifies #GVirtDomainConfig:max-memory on a change.
 * Removing the limit removes its #GVirtDomainConfig:max-memory-slots too.
 */
void
gvirt_domain_config_set_max_memory (GVirtDomainConfig *self,
                                    guint64            value)
{
  guint slots;

  g_return_if_fail (GVIRT_IS_DOMAIN_CONFIG (self));

  slots = gvirt_domain_config_get_max_memory_slots (self);
  if (_gvirt_field_set_uint64 (self->node, &fields[PROP_MAX_MEMORY], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MEMORY]);
  if (slots != gvirt_domain_config_get_max_memory_slots (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MEMORY_SLOTS]);
}

/**
 * gvirt_domain_config_get_max_memory_slots:
 * @self: a #GVirtDomainConfig
 *
 * Gets the number of memory hotplug slots, 0 when unset, from the `slots`
 * attribute of `<maxMemory>`.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_config_set_max_memory_slots:
 * @self: a #GVirtDomainConfig
 * @value: the new value
 *
 * Sets the number of memory hotplug slots, 0 when unset (the `slots`
 * attribute of `<maxMemory>`), and notifies
 * #GVirtDomainConfig:max-memory-slots on a change. The schema of
 * libvirt 9.0 requires it with every #GVirtDomainConfig:max-memory (that of
 * 10.7 no longer does).
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, max_memory_slots, PROP_MAX_MEMORY_SLOTS, guint)

/**
 * gvirt_domain_config_get_vcpus:
 * @self: a #GVirtDomainConfig
 *
 * Gets the number of virtual CPUs, from the `<vcpu>` element.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_config_set_vcpus:
 * @self: a #GVirtDomainConfig
 * @value: the new value, 1 to the backend's maximum (any value is written;
 *   defining a domain with another fails with %GVIRT_ERROR_INVALID_ARGUMENT)
 *
 * Sets the number of virtual CPUs (the `<vcpu>` element) and notifies
 * #GVirtDomainConfig:vcpus on a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, vcpus, PROP_VCPUS, guint)

/**
 * gvirt_domain_config_get_current_vcpus:
 * @self: a #GVirtDomainConfig
 *
 * Gets the number of virtual CPUs online, 0 when all are, from the
 * `current` attribute of `<vcpu>`.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_config_set_current_vcpus:
 * @self: a #GVirtDomainConfig
 * @value: the new value, 0 to #GVirtDomainConfig:vcpus
 *
 * Sets the number of virtual CPUs online, 0 when all are (the `current`
 * attribute of `<vcpu>`) and notifies #GVirtDomainConfig:current-vcpus on
 * a change.
 */
GVIRT_DEFINE_UINT64_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, current_vcpus, PROP_CURRENT_VCPUS, guint)

/**
 * gvirt_domain_config_get_cpuset:
 * @self: a #GVirtDomainConfig
 *
 * Gets the host CPUs the virtual CPUs may run on, from the `cpuset`
 * attribute of `<vcpu>`.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_cpuset:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the host CPUs the virtual CPUs may run on (the `cpuset` attribute
 * of `<vcpu>`) and notifies #GVirtDomainConfig:cpuset on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, cpuset, PROP_CPUSET)

/**
 * gvirt_domain_config_get_current_memory:
 * @self: a #GVirtDomainConfig
 *
 * Gets the memory currently allocated to the domain in KiB, from the
 * `<currentMemory>` element; when there is none, that is all of
 * [method@GVirt.DomainConfig.get_memory].
 *
 * Returns: the current memory in KiB
 */
guint64
gvirt_domain_config_get_current_memory (GVirtDomainConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), 0);

  if (_gvirt_xml_child (self->node, "currentMemory") == NULL)
    return gvirt_domain_config_get_memory (self);
  return _gvirt_field_get_uint64 (self->node, &fields[PROP_CURRENT_MEMORY]);
}

/**
 * gvirt_domain_config_set_current_memory:
 * @self: a #GVirtDomainConfig
 * @value: the current memory in KiB, 1 to %GVIRT_MEMORY_KIB_MAX, or 0 to
 *   remove `<currentMemory>` (any value is written; a backend makes one
 *   above #GVirtDomainConfig:memory that value, as libvirt)
 *
 * Sets the memory currently allocated to the domain, in KiB.
 */
void
gvirt_domain_config_set_current_memory (GVirtDomainConfig *self,
                                        guint64            value)
{
  guint64 old;

  g_return_if_fail (GVIRT_IS_DOMAIN_CONFIG (self));

  old = gvirt_domain_config_get_current_memory (self);
  _gvirt_field_set_uint64 (self->node, &fields[PROP_CURRENT_MEMORY], value);
  if (old != gvirt_domain_config_get_current_memory (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MEMORY]);
}
