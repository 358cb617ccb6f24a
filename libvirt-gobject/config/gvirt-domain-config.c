/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainConfig: parses, edits and writes the domain XML format in place. */
#include "libvirt-gobject/gvirt-i18n-private.h"

#include "libvirt-gobject/config/gvirt-domain-config-private.h"
#include "libvirt-gobject/config/gvirt-domain-config-impl-private.h"
#include "libvirt-gobject/config/gvirt-domain-chardev.h"
#include "libvirt-gobject/config/gvirt-domain-graphics.h"
#include "libvirt-gobject/config/gvirt-domain-interface.h"
#include "libvirt-gobject/gvirt-enum-types.h"
#include "libvirt-gobject/config/gvirt-domain-config.h"
#include "libvirt-gobject/config/gvirt-xml-private.h"

/**
 * GVirtDomainConfig:
 *
 * The configuration of a domain, in the domain XML format of the libvirt
 * documentation.
 *
 * Every element and attribute of the format has a property: hypervisor
 * type, id, name, UUID, memory, vCPUs, the `<os>` block (type, kernel, boot
 * devices…), features, clock, lifecycle actions and the emulator. Devices
 * are typed objects in the list model of
 * [method@GVirt.DomainConfig.get_devices].
 *
 * The object is a view of its XML tree: reading a property reads the tree,
 * setting one edits it, so whatever GVirt does not model (unknown elements
 * and attributes, `<metadata>` in foreign namespaces) stays where it was and
 * is written back by [method@GVirt.DomainConfig.to_xml].
 *
 * A configuration and its devices share one tree: use them from one thread
 * at a time, and hand another thread a [method@GVirt.DomainConfig.copy].
 *
 * In C (the body of a `main()`), Python, and JavaScript (a GJS module,
 * `gjs -m`):
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirtConnection) conn =
 *   gvirt_connection_open_sync ("test:///default", GVIRT_CONNECTION_NONE, NULL, &error);
 * g_autoptr(GVirtDomainConfig) config = gvirt_domain_config_new_test ("web", 512 * 1024);
 * gvirt_domain_config_set_vcpus (config, 2);
 * gvirt_domain_config_set_on_crash (config, GVIRT_LIFECYCLE_ACTION_RESTART);
 *
 * g_autoptr(GVirtDomain) dom = gvirt_connection_define_domain_sync (conn, config, NULL, &error);
 * if (dom == NULL || !gvirt_domain_start_sync (dom, NULL, &error))
 *   g_printerr ("%s\n", error->message);
 * g_autofree char *xml = gvirt_domain_config_to_xml (config);
 * g_print ("%s", xml);
 * ```
 *
 * ```python
 * import gi
 * gi.require_version("GVirt", "1.0")
 * from gi.repository import GVirt
 *
 * cfg = GVirt.DomainConfig.new_kvm("web", 1024 * 1024, 2, "/var/lib/images/web.qcow2")
 * cfg.props.title = "Web server"
 * for device in cfg.get_devices():
 *     print(type(device).__name__)
 * print(cfg.to_xml())
 * ```
 *
 * ```js
 * import GVirt from 'gi://GVirt?version=1.0';
 *
 * const conn = GVirt.Connection.open_sync('test:///default', GVirt.ConnectionFlags.NONE, null);
 * const dom = conn.find_domain_by_name('test');
 * const config = dom.get_config_sync(GVirt.DomainXmlFlags.INACTIVE, null);
 * print(config.name, config.memory, 'KiB', config.vcpus, 'vCPUs');
 * config.vcpus = 4;   // from the next boot on
 * conn.define_domain_sync(config, null);
 * print(dom.get_config_sync(GVirt.DomainXmlFlags.INACTIVE, null).vcpus, 'vCPUs at the next boot');
 * ```
 */

const GVirtField _gvirt_domain_config_fields[N_PROPS] = {
  [PROP_DOMAIN_TYPE] = { "domain-type", NULL, "type", GVIRT_FIELD_STRING, 0, NULL,
      N_("hypervisor type (test, qemu, kvm, xen)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_ID] = { "id", NULL, "id", GVIRT_FIELD_INT, -1, NULL,
      N_("id of a running domain, -1 when none"), GVIRT_FIELD_FLAG_REMOVE_DEFAULT },
  [PROP_NAME] = { "name", "name", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("name of the domain"), GVIRT_FIELD_FLAG_NONE },
  [PROP_UUID] = { "uuid", "uuid", NULL, GVIRT_FIELD_UUID, 0, NULL,
      N_("UUID of the domain, canonical lowercase 8-4-4-4-12"), GVIRT_FIELD_FLAG_NONE },
  [PROP_TITLE] = { "title", "title", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("short title"), GVIRT_FIELD_FLAG_NONE },
  [PROP_DESCRIPTION] = { "description", "description", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("human-readable description"), GVIRT_FIELD_FLAG_NONE },
  [PROP_MEMORY] = { "memory", "memory", NULL, GVIRT_FIELD_SCALED, 0, NULL,
      N_("maximum memory at boot in KiB"), GVIRT_FIELD_FLAG_NONE },
  [PROP_CURRENT_MEMORY] = { "current-memory", "currentMemory", NULL, GVIRT_FIELD_SCALED, 0, NULL,
      N_("memory currently allocated in KiB"), GVIRT_FIELD_FLAG_REMOVE_DEFAULT },
  [PROP_MAX_MEMORY] = { "max-memory", "maxMemory", NULL, GVIRT_FIELD_SCALED, 0, NULL,
      N_("memory hotplug limit in KiB, 0 when unset"), GVIRT_FIELD_FLAG_REMOVE_DEFAULT },
  [PROP_MAX_MEMORY_SLOTS] = { "max-memory-slots", "maxMemory", "slots", GVIRT_FIELD_UINT, 0, NULL,
      N_("memory hotplug slots, 0 when unset"), GVIRT_FIELD_FLAG_REMOVE_DEFAULT },
  [PROP_VCPUS] = { "vcpus", "vcpu", NULL, GVIRT_FIELD_UINT, 1, NULL,
      N_("number of virtual CPUs"), GVIRT_FIELD_FLAG_NONE },
  [PROP_CURRENT_VCPUS] = { "current-vcpus", "vcpu", "current", GVIRT_FIELD_UINT, 0, NULL,
      N_("number of virtual CPUs online, 0 when all are"), GVIRT_FIELD_FLAG_REMOVE_DEFAULT },
  [PROP_CPUSET] = { "cpuset", "vcpu", "cpuset", GVIRT_FIELD_CPUSET, 0, NULL,
      N_("host CPUs the virtual CPUs may run on"), GVIRT_FIELD_FLAG_NONE },
  [PROP_OS_TYPE] = { "os-type", "os/type", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("OS type (linux, hvm, xen, exe)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_ARCH] = { "arch", "os/type", "arch", GVIRT_FIELD_STRING, 0, NULL,
      N_("guest architecture"), GVIRT_FIELD_FLAG_NONE },
  [PROP_MACHINE] = { "machine", "os/type", "machine", GVIRT_FIELD_STRING, 0, NULL,
      N_("machine type"), GVIRT_FIELD_FLAG_NONE },
  [PROP_KERNEL] = { "kernel", "os/kernel", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("kernel to boot directly"), GVIRT_FIELD_FLAG_NONE },
  [PROP_INITRD] = { "initrd", "os/initrd", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("initial ramdisk of a direct kernel boot"), GVIRT_FIELD_FLAG_NONE },
  [PROP_CMDLINE] = { "cmdline", "os/cmdline", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("kernel command line"), GVIRT_FIELD_FLAG_NONE },
  [PROP_ROOT] = { "root", "os/root", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("root device of a direct kernel boot"), GVIRT_FIELD_FLAG_NONE },
  [PROP_LOADER] = { "loader", "os/loader", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("firmware loader"), GVIRT_FIELD_FLAG_NONE },
  [PROP_BOOTLOADER] = { "bootloader", "bootloader", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("host-side boot loader of a Xen guest"), GVIRT_FIELD_FLAG_NONE },
  [PROP_BOOTLOADER_ARGS] = { "bootloader-args", "bootloader_args", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("arguments of the boot loader"), GVIRT_FIELD_FLAG_NONE },
  [PROP_PAE] = { "pae", "features/pae", NULL, GVIRT_FIELD_PRESENT, FALSE, NULL,
      N_("PAE feature"), GVIRT_FIELD_FLAG_NONE },
  [PROP_ACPI] = { "acpi", "features/acpi", NULL, GVIRT_FIELD_PRESENT, FALSE, NULL,
      N_("ACPI feature"), GVIRT_FIELD_FLAG_NONE },
  [PROP_APIC] = { "apic", "features/apic", NULL, GVIRT_FIELD_PRESENT, FALSE, NULL,
      N_("APIC feature"), GVIRT_FIELD_FLAG_NONE },
  [PROP_CLOCK_OFFSET] = { "clock-offset", "clock", "offset", GVIRT_FIELD_STRING, 0, NULL,
      N_("clock offset (utc, localtime…)"), GVIRT_FIELD_FLAG_NONE },
  [PROP_ON_POWEROFF] = { "on-poweroff", "on_poweroff", NULL, GVIRT_FIELD_ENUM, GVIRT_LIFECYCLE_ACTION_DESTROY, gvirt_lifecycle_action_get_type,
      N_("action when the guest powers off"), GVIRT_FIELD_FLAG_NONE },
  [PROP_ON_REBOOT] = { "on-reboot", "on_reboot", NULL, GVIRT_FIELD_ENUM, GVIRT_LIFECYCLE_ACTION_RESTART, gvirt_lifecycle_action_get_type,
      N_("action when the guest reboots"), GVIRT_FIELD_FLAG_NONE },
  [PROP_ON_CRASH] = { "on-crash", "on_crash", NULL, GVIRT_FIELD_ENUM, GVIRT_LIFECYCLE_ACTION_DESTROY, gvirt_lifecycle_action_get_type,
      N_("action when the guest crashes"), GVIRT_FIELD_FLAG_NONE },
  [PROP_EMULATOR] = { "emulator", "devices/emulator", NULL, GVIRT_FIELD_STRING, 0, NULL,
      N_("device model emulator binary"), GVIRT_FIELD_FLAG_NONE },
};

GParamSpec *_gvirt_domain_config_properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GVirtDomainConfig, gvirt_domain_config, G_TYPE_OBJECT)

/**
 * gvirt_domain_config_get_domain_type:
 * @self: a #GVirtDomainConfig
 *
 * Gets the hypervisor type (test, qemu, kvm, xen), from the `type`
 * attribute.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_domain_type:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the hypervisor type (test, qemu, kvm, xen) (the `type` attribute)
 * and notifies #GVirtDomainConfig:domain-type on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, domain_type, PROP_DOMAIN_TYPE)

/**
 * gvirt_domain_config_get_id:
 * @self: a #GVirtDomainConfig
 *
 * Gets the id of a running domain, -1 when none, from the `id` attribute.
 *
 * Returns: the value
 */
/**
 * gvirt_domain_config_set_id:
 * @self: a #GVirtDomainConfig
 * @value: the new value
 *
 * Sets the id of a running domain, -1 when none (the `id` attribute) and
 * notifies #GVirtDomainConfig:id on a change.
 */
GVIRT_DEFINE_INT_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, id, PROP_ID)

/**
 * gvirt_domain_config_get_name:
 * @self: a #GVirtDomainConfig
 *
 * Gets the name of the domain, from the `<name>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_name:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the name of the domain (the `<name>` element) and notifies
 * #GVirtDomainConfig:name on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, name, PROP_NAME)

/**
 * gvirt_domain_config_get_uuid:
 * @self: a #GVirtDomainConfig
 *
 * Gets the UUID of the domain, canonical lowercase 8-4-4-4-12, from the
 * `<uuid>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_uuid:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the UUID of the domain, canonical lowercase 8-4-4-4-12 (the
 * `<uuid>` element) and notifies #GVirtDomainConfig:uuid on a change.
 *
 * @value must be a UUID: 32 hexadecimal digits, with or without the dashes
 * of the 8-4-4-4-12 form, in either case; it is stored in canonical
 * lowercase 8-4-4-4-12. Anything else is a programming error and is ignored
 * with a critical warning; to check text from a user, parse it with
 * g_uuid_string_is_valid() first.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, uuid, PROP_UUID)

/**
 * gvirt_domain_config_get_title:
 * @self: a #GVirtDomainConfig
 *
 * Gets the short title, from the `<title>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_title:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the short title (the `<title>` element) and notifies
 * #GVirtDomainConfig:title on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, title, PROP_TITLE)

/**
 * gvirt_domain_config_get_description:
 * @self: a #GVirtDomainConfig
 *
 * Gets the human-readable description, from the `<description>` element.
 *
 * Returns: (nullable): the value, or %NULL when it is not set
 */
/**
 * gvirt_domain_config_set_description:
 * @self: a #GVirtDomainConfig
 * @value: (nullable): the new value, or %NULL to remove it
 *
 * Sets the human-readable description (the `<description>` element) and
 * notifies #GVirtDomainConfig:description on a change.
 */
GVIRT_DEFINE_STRING_ACCESSORS (GVirtDomainConfig, gvirt_domain_config, description, PROP_DESCRIPTION)

static gboolean
domain_config_special_property (gpointer object,
                                guint    prop_id,
                                GValue  *value)
{
  if (prop_id != PROP_CURRENT_MEMORY)
    return FALSE;
  g_value_set_uint64 (value, gvirt_domain_config_get_current_memory (object));
  return TRUE;
}

static void
gvirt_domain_config_finalize (GObject *object)
{
  GVirtDomainConfig *self = GVIRT_DOMAIN_CONFIG (object);

  g_clear_object (&self->devices);
  g_clear_pointer (&self->doc, _gvirt_xml_doc_unref);
  G_OBJECT_CLASS (gvirt_domain_config_parent_class)->finalize (object);
}

/* Checks the values of the configuration and of its devices, as parsing
 * does: the first error in document order. */
static gboolean
domain_config_check (GVirtDomainConfig *self,
                     GError           **error)
{
  return _gvirt_fields_check (self->node, fields, N_PROPS, error) &&
         _gvirt_domain_config_check_devices (self, error);
}

/* Takes @doc; checks the values when @check (a copy of a configuration
 * needs no check: the original had one). */
static GVirtDomainConfig *
domain_config_new_for_doc (GVirtXmlDoc *doc,
                           gboolean     check,
                           GError     **error)
{
  g_autoptr(GVirtDomainConfig) self = g_object_new (GVIRT_TYPE_DOMAIN_CONFIG, NULL);

  self->doc = doc;
  self->node = _gvirt_xml_doc_root (doc);
  if (check)
    {
      if (!domain_config_check (self, error))
        return NULL;
      _gvirt_xml_doc_set_checked (doc);
    }
  return g_steal_pointer (&self);
}

/* Checks the values as parsing does, unless they were and nothing changed
 * since; FALSE with @error set as parsing would. */
gboolean
_gvirt_domain_config_check (GVirtDomainConfig  *self,
                            GError            **error)
{
  if (_gvirt_xml_doc_is_checked (self->doc))
    return TRUE;
  if (!domain_config_check (self, error))
    return FALSE;
  _gvirt_xml_doc_set_checked (self->doc);
  return TRUE;
}

/**
 * gvirt_domain_config_check:
 * @self: a #GVirtDomainConfig
 * @error: return location for a #GError
 *
 * Checks the values of the configuration and of its devices as
 * [ctor@GVirt.DomainConfig.new_from_xml] checks what it parses (a valid
 * UUID, numbers where numbers go, no two disks on one target), so that
 * the text [method@GVirt.DomainConfig.to_xml] writes parses back. Values
 * set through the API can break these rules; a backend that keeps a
 * configuration as its text checks it first. Unlike
 * [method@GVirt.DomainConfig.validate], no schema is involved.
 *
 * A configuration that was parsed or checked and has not changed since is
 * not checked again.
 *
 * Returns: %TRUE if the values are valid, else %FALSE with @error set as
 *   parsing would set it: the first error in document order
 */
gboolean
gvirt_domain_config_check (GVirtDomainConfig  *self,
                           GError            **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _gvirt_domain_config_check (self, error);
}

/* What gvirt_domain_config_to_xml() gives, without keeping the text in
 * @self when it was not kept already: for a configuration a caller lent. */
char *
_gvirt_domain_config_to_xml_unkept (GVirtDomainConfig *self)
{
  return _gvirt_xml_doc_to_string_unkept (self->doc);
}

/**
 * gvirt_domain_config_new:
 *
 * Creates an empty domain configuration, `<domain/>`; set at least the
 * domain type, name, memory and OS type before defining it.
 *
 * Returns: (transfer full): the new configuration
 */
GVirtDomainConfig *
gvirt_domain_config_new (void)
{
  xmlNodePtr root;

  return domain_config_new_for_doc (_gvirt_xml_doc_new_with_root ("domain", &root), FALSE, NULL);
}

/**
 * gvirt_domain_config_new_from_xml:
 * @xml: a domain XML document
 * @error: return location for a #GError
 *
 * Parses a domain XML document. Malformed XML, and values that make no
 * sense (a bad UUID, memory that is not a number or is above
 * %GVIRT_MEMORY_KIB_MAX, two disks on one target), fail with
 * %GVIRT_ERROR_INVALID_XML, naming the line.
 *
 * Returns: (transfer full): the configuration, or %NULL with @error set
 */
GVirtDomainConfig *
gvirt_domain_config_new_from_xml (const char *xml,
                                  GError    **error)
{
  GVirtXmlDoc *doc = _gvirt_xml_doc_from_string (xml, "domain", error);

  return doc != NULL ? domain_config_new_for_doc (doc, TRUE, error) : NULL;
}

GVirtDomainConfig *
_gvirt_domain_config_new_from_xml_node (xmlNodePtr node,
                                        GError   **error)
{
  GVirtXmlDoc *doc = _gvirt_xml_doc_from_node (node, "domain", error);

  return doc != NULL ? domain_config_new_for_doc (doc, TRUE, error) : NULL;
}

/**
 * gvirt_domain_config_to_xml:
 * @self: a #GVirtDomainConfig
 *
 * Formats the configuration as domain XML, indented, with everything it
 * was read with that GVirt does not model.
 *
 * The text is written once and kept until the configuration or one of its
 * devices changes, so calling this again costs a copy of the string.
 *
 * Returns: (transfer full): the XML document
 */
char *
gvirt_domain_config_to_xml (GVirtDomainConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), NULL);

  return _gvirt_xml_doc_to_string (self->doc);
}

/**
 * gvirt_domain_config_copy:
 * @self: a #GVirtDomainConfig
 *
 * Makes a deep copy: changing one does not change the other.
 *
 * Returns: (transfer full): the copy
 */
GVirtDomainConfig *
gvirt_domain_config_copy (GVirtDomainConfig *self)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), NULL);

  return domain_config_new_for_doc (_gvirt_xml_doc_copy (self->doc), FALSE, NULL);
}

/**
 * gvirt_domain_config_equal:
 * @a: a #GVirtDomainConfig
 * @b: another #GVirtDomainConfig
 *
 * Compares two configurations by meaning: the same elements with the same
 * attributes and text, whatever the layout, the comments, the order of the
 * attributes and the order of elements of different names. Elements of the
 * same name keep their order: two disks or two boot devices swapped make a
 * different domain.
 *
 * Returns: %TRUE if @a and @b describe the same domain
 */
gboolean
gvirt_domain_config_equal (GVirtDomainConfig *a,
                           GVirtDomainConfig *b)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (a), FALSE);
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (b), FALSE);

  return _gvirt_xml_node_equal (a->node, b->node);
}

/**
 * gvirt_domain_config_get_metadata:
 * @self: a #GVirtDomainConfig
 * @uri: the namespace URI of an application
 *
 * Gets the application's own element in `<metadata>`: the first child in
 * the namespace @uri, with its namespace declared.
 *
 * Returns: (transfer full) (nullable): the XML of the element, or %NULL
 */
/**
 * gvirt_domain_config_set_metadata:
 * @self: a #GVirtDomainConfig
 * @uri: the namespace URI of an application
 * @prefix: the prefix to declare for @uri, such as `app`
 * @xml: (nullable): one XML element, or %NULL to remove the application's element
 * @error: return location for a #GError
 *
 * Stores an application's data with the domain, the way libvirt's
 * `virDomainSetMetadata()` does: @xml goes into `<metadata>`, its elements
 * without a namespace in @uri, replacing what was there in that namespace.
 * Malformed @xml fails with %GVIRT_ERROR_INVALID_XML.
 *
 * Returns: %TRUE on success
 */
GVIRT_DEFINE_METADATA_ACCESSORS (GVirtDomainConfig, gvirt_domain_config)

/**
 * gvirt_domain_config_validate_with_schema:
 * @self: a #GVirtDomainConfig
 * @schema_file: (type filename): the path of a Relax-NG schema, such as
 *   libvirt's `/usr/share/libvirt/schemas/domain.rng`
 * @error: return location for a #GError
 *
 * Checks the configuration against another Relax-NG schema, for instance the one of
 * the libvirt version an application must stay compatible with. Failures
 * are reported as by [method@GVirt.DomainConfig.validate].
 *
 * Returns: %TRUE if the configuration is valid
 */
GVIRT_DEFINE_VALIDATE_WITH_SCHEMA (GVirtDomainConfig, gvirt_domain_config)

/**
 * gvirt_domain_config_validate:
 * @self: a #GVirtDomainConfig
 * @error: return location for a #GError
 *
 * Checks the configuration against GVirt's Relax-NG schema for domains
 * (`domain.rng` in the `schemas` directory of GVirt's data, or of
 * `$GVIRT_SCHEMA_DIR`), strictly: only the elements libvirt's schema allows
 * at each level are accepted. On failure @error, in %GVIRT_ERROR_INVALID_XML,
 * names the line of the element that is wrong and says why (“line 10: element
 * “nonsense” is not allowed here.”); a schema file that is missing or is not
 * a Relax-NG schema is %GVIRT_ERROR_FAILED. libxml2 prints nothing. The
 * messages are listed in [the domain XML format](domain-xml.html#validation).
 *
 * Returns: %TRUE if the configuration is valid
 */
gboolean
gvirt_domain_config_validate (GVirtDomainConfig *self,
                              GError           **error)
{
  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _gvirt_xml_validate (_gvirt_xml_doc_get (self->doc), "domain.rng", error);
}


static void
add_new_device (GVirtDomainConfig *self,
                gpointer           device)
{
  g_autoptr(GVirtDomainDevice) owned = device;

  gvirt_domain_config_add_device (self, owned, NULL);
}

/**
 * gvirt_domain_config_new_test:
 * @name: the domain name
 * @memory_kib: the memory in KiB, 1 to %GVIRT_MEMORY_KIB_MAX, as for
 *   gvirt_domain_config_set_memory()
 *
 * Creates the configuration of a guest of the `test` hypervisor: one vCPU,
 * `linux` OS type, a fresh random UUID.
 *
 * Returns: (transfer full): the new configuration
 */
GVirtDomainConfig *
gvirt_domain_config_new_test (const char *name,
                              guint64     memory_kib)
{
  GVirtDomainConfig *self;
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (name != NULL, NULL);

  self = gvirt_domain_config_new ();
  gvirt_domain_config_set_domain_type (self, "test");
  gvirt_domain_config_set_name (self, name);
  gvirt_domain_config_set_uuid (self, uuid);
  gvirt_domain_config_set_memory (self, memory_kib);
  gvirt_domain_config_set_vcpus (self, 1);
  gvirt_domain_config_set_os_type (self, "linux");
  return self;
}

/**
 * gvirt_domain_config_new_kvm:
 * @name: the domain name
 * @memory_kib: the memory in KiB, 1 to %GVIRT_MEMORY_KIB_MAX, as for
 *   gvirt_domain_config_set_memory()
 * @vcpus: the number of virtual CPUs, 1 to the backend's maximum (defining
 *   the configuration with another value fails with
 *   %GVIRT_ERROR_INVALID_ARGUMENT)
 * @disk_image: (nullable): a disk image for the first virtio disk, or %NULL
 *
 * Creates the configuration of a typical KVM guest: `hvm` on the host's
 * architecture, booting from @disk_image (qcow2 when the name ends in
 * `.qcow2`, raw otherwise) with ACPI and APIC, a user-mode virtio NIC, a VNC
 * display, a USB tablet and a serial console on a pty.
 *
 * Returns: (transfer full): the new configuration
 */
GVirtDomainConfig *
gvirt_domain_config_new_kvm (const char *name,
                             guint64     memory_kib,
                             guint       vcpus,
                             const char *disk_image)
{
  static const char *const boot[] = { "hd", NULL };
  GVirtDomainConfig *self;
  GVirtDomainInterface *nic;
  GVirtDomainGraphics *graphics;
  GVirtDomainChardev *serial;
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (name != NULL, NULL);

  self = gvirt_domain_config_new ();
  gvirt_domain_config_set_domain_type (self, "kvm");
  gvirt_domain_config_set_name (self, name);
  gvirt_domain_config_set_uuid (self, uuid);
  gvirt_domain_config_set_memory (self, memory_kib);
  gvirt_domain_config_set_vcpus (self, vcpus);
  gvirt_domain_config_set_os_type (self, "hvm");
  gvirt_domain_config_set_boot_devices (self, boot);
  gvirt_domain_config_set_acpi (self, TRUE);
  gvirt_domain_config_set_apic (self, TRUE);
  gvirt_domain_config_set_clock_offset (self, "utc");

  if (disk_image != NULL)
    {
      GVirtDomainDisk *disk = gvirt_domain_disk_new ();

      gvirt_domain_disk_set_disk_type (disk, GVIRT_DOMAIN_DISK_TYPE_FILE);
      gvirt_domain_disk_set_device (disk, GVIRT_DOMAIN_DISK_DEVICE_DISK);
      gvirt_domain_disk_set_driver_name (disk, "qemu");
      gvirt_domain_disk_set_driver_type (disk, g_str_has_suffix (disk_image, ".qcow2") ? "qcow2" : "raw");
      gvirt_domain_disk_set_source_file (disk, disk_image);
      gvirt_domain_disk_set_target_dev (disk, "vda");
      gvirt_domain_disk_set_target_bus (disk, "virtio");
      add_new_device (self, disk);
    }

  nic = gvirt_domain_interface_new ();
  gvirt_domain_interface_set_interface_type (nic, GVIRT_DOMAIN_INTERFACE_TYPE_USER);
  gvirt_domain_interface_set_model (nic, "virtio");
  add_new_device (self, nic);

  graphics = gvirt_domain_graphics_new ();
  gvirt_domain_graphics_set_graphics_type (graphics, GVIRT_DOMAIN_GRAPHICS_TYPE_VNC);
  gvirt_domain_graphics_set_autoport (graphics, TRUE);
  add_new_device (self, graphics);

  serial = gvirt_domain_chardev_new_with_kind ("serial");
  gvirt_domain_chardev_set_chardev_type (serial, GVIRT_DOMAIN_CHARDEV_TYPE_PTY);
  add_new_device (self, serial);
  return self;
}

GVIRT_DEFINE_PROPERTY_FUNCS (GVirtDomainConfig, gvirt_domain_config, domain_config_special_property)

/* max-memory through its setter, which notifies the slots it may remove */
static void
domain_config_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (prop_id == PROP_MAX_MEMORY)
    gvirt_domain_config_set_max_memory (GVIRT_DOMAIN_CONFIG (object), g_value_get_uint64 (value));
  else
    gvirt_domain_config_set_property (object, prop_id, value, pspec);
}

static void
gvirt_domain_config_class_init (GVirtDomainConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gvirt_domain_config_finalize;
  object_class->get_property = gvirt_domain_config_get_property;
  object_class->set_property = domain_config_set_property;

  /**
   * GVirtDomainConfig:domain-type:
   *
   * The hypervisor type (test, qemu, kvm, xen), from the `type` attribute.
   */
  /**
   * GVirtDomainConfig:id:
   *
   * The id of a running domain, -1 when none, from the `id` attribute.
   */
  /**
   * GVirtDomainConfig:name:
   *
   * The name of the domain, from the `<name>` element.
   */
  /**
   * GVirtDomainConfig:uuid:
   *
   * The UUID of the domain, canonical lowercase 8-4-4-4-12, from the `<uuid>` element.
   */
  /**
   * GVirtDomainConfig:title:
   *
   * The short title, from the `<title>` element.
   */
  /**
   * GVirtDomainConfig:description:
   *
   * The human-readable description, from the `<description>` element.
   */
  /**
   * GVirtDomainConfig:memory:
   *
   * The maximum memory at boot in KiB, from the `<memory>` element.
   */
  /**
   * GVirtDomainConfig:current-memory:
   *
   * The memory currently allocated in KiB, from the `<currentMemory>` element.
   */
  /**
   * GVirtDomainConfig:max-memory:
   *
   * The memory hotplug limit in KiB, 0 when unset, from the `<maxMemory>` element.
   */
  /**
   * GVirtDomainConfig:max-memory-slots:
   *
   * The number of memory hotplug slots, 0 when unset, from the `slots` attribute of `<maxMemory>`.
   */
  /**
   * GVirtDomainConfig:vcpus:
   *
   * The number of virtual CPUs, from the `<vcpu>` element.
   */
  /**
   * GVirtDomainConfig:current-vcpus:
   *
   * The number of virtual CPUs online, 0 when all are, from the `current` attribute of `<vcpu>`.
   */
  /**
   * GVirtDomainConfig:cpuset:
   *
   * The host CPUs the virtual CPUs may run on, from the `cpuset` attribute of `<vcpu>`.
   */
  /**
   * GVirtDomainConfig:os-type:
   *
   * The OS type (linux, hvm, xen, exe), from the `<type>` element.
   */
  /**
   * GVirtDomainConfig:arch:
   *
   * The guest architecture, from the `arch` attribute of `<type>`.
   */
  /**
   * GVirtDomainConfig:machine:
   *
   * The machine type, from the `machine` attribute of `<type>`.
   */
  /**
   * GVirtDomainConfig:kernel:
   *
   * The kernel to boot directly, from the `<kernel>` element.
   */
  /**
   * GVirtDomainConfig:initrd:
   *
   * The initial ramdisk of a direct kernel boot, from the `<initrd>` element.
   */
  /**
   * GVirtDomainConfig:cmdline:
   *
   * The kernel command line, from the `<cmdline>` element.
   */
  /**
   * GVirtDomainConfig:root:
   *
   * The root device of a direct kernel boot, from the `<root>` element.
   */
  /**
   * GVirtDomainConfig:loader:
   *
   * The firmware loader, from the `<loader>` element.
   */
  /**
   * GVirtDomainConfig:bootloader:
   *
   * The host-side boot loader of a Xen guest, from the `<bootloader>` element.
   */
  /**
   * GVirtDomainConfig:bootloader-args:
   *
   * The arguments of the boot loader, from the `<bootloader_args>` element.
   */
  /**
   * GVirtDomainConfig:pae:
   *
   * The PAE feature, from the presence of `<pae/>`.
   */
  /**
   * GVirtDomainConfig:acpi:
   *
   * The ACPI feature, from the presence of `<acpi/>`.
   */
  /**
   * GVirtDomainConfig:apic:
   *
   * The APIC feature, from the presence of `<apic/>`.
   */
  /**
   * GVirtDomainConfig:clock-offset:
   *
   * The clock offset (utc, localtime…), from the `offset` attribute of `<clock>`.
   */
  /**
   * GVirtDomainConfig:on-poweroff:
   *
   * The action when the guest powers off, from the `<on_poweroff>` element.
   */
  /**
   * GVirtDomainConfig:on-reboot:
   *
   * The action when the guest reboots, from the `<on_reboot>` element.
   */
  /**
   * GVirtDomainConfig:on-crash:
   *
   * The action when the guest crashes, from the `<on_crash>` element.
   */
  /**
   * GVirtDomainConfig:emulator:
   *
   * The device model emulator binary, from the `<emulator>` element.
   */
  _gvirt_fields_install (object_class, fields, N_PROPS, properties);
}

static void
gvirt_domain_config_init (GVirtDomainConfig *self)
{
}
