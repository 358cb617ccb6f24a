/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVirtDomainConfig: the domain XML format as a GObject. */
#pragma once

#include "libvirt-gobject/gvirt-visibility.h"

#include <glib-object.h>
#include <gio/gio.h>
#include "libvirt-gobject/config/gvirt-domain-device.h"
#include "libvirt-gobject/config/gvirt-domain-disk.h"

G_BEGIN_DECLS

/**
 * GVirtLifecycleAction:
 * @GVIRT_LIFECYCLE_ACTION_DESTROY: stop the domain and free its resources (`destroy`)
 * @GVIRT_LIFECYCLE_ACTION_RESTART: start the domain again (`restart`)
 * @GVIRT_LIFECYCLE_ACTION_PRESERVE: keep the stopped domain for analysis (`preserve`)
 * @GVIRT_LIFECYCLE_ACTION_RENAME_RESTART: rename the old domain and start a new one (`rename-restart`)
 * @GVIRT_LIFECYCLE_ACTION_COREDUMP_DESTROY: dump the guest's core, then destroy (`coredump-destroy`)
 * @GVIRT_LIFECYCLE_ACTION_COREDUMP_RESTART: dump the guest's core, then restart (`coredump-restart`)
 *
 * What the hypervisor does when a guest powers off, reboots or crashes (`<on_poweroff>`, `<on_reboot>`, `<on_crash>`).
 */
typedef enum /*< underscore_name=gvirt_lifecycle_action >*/ {
  GVIRT_LIFECYCLE_ACTION_DESTROY,
  GVIRT_LIFECYCLE_ACTION_RESTART,
  GVIRT_LIFECYCLE_ACTION_PRESERVE,
  GVIRT_LIFECYCLE_ACTION_RENAME_RESTART,
  GVIRT_LIFECYCLE_ACTION_COREDUMP_DESTROY,
  GVIRT_LIFECYCLE_ACTION_COREDUMP_RESTART,
} GVirtLifecycleAction;

/**
 * GVIRT_MEMORY_KIB_MAX:
 *
 * The largest memory size GVirt accepts, in KiB: 2^53 - 1 KiB (just under
 * 8 EiB), libvirt's own limit (`VIR_DOMAIN_MEMORY_PARAM_UNLIMITED`), and the
 * largest whole number a JavaScript (GJS) number holds exactly. Memory
 * sizes are 1 to this: gvirt_domain_set_memory_sync() and
 * gvirt_domain_set_max_memory_sync() refuse others with
 * %GVIRT_ERROR_INVALID_ARGUMENT; a document whose `<memory>`,
 * `<currentMemory>` or `<maxMemory>` is larger is %GVIRT_ERROR_INVALID_XML,
 * whether it was parsed or made with setters (which write any value, see
 * gvirt_domain_config_check()).
 */
#define GVIRT_MEMORY_KIB_MAX G_GUINT64_CONSTANT (9007199254740991)

#define GVIRT_TYPE_DOMAIN_CONFIG (gvirt_domain_config_get_type ())

GVIRT_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirtDomainConfig, gvirt_domain_config, GVIRT, DOMAIN_CONFIG, GObject)

GVIRT_AVAILABLE_IN_ALL
GVirtDomainConfig *gvirt_domain_config_new            (void);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainConfig *gvirt_domain_config_new_from_xml   (const char        *xml,
                                                       GError           **error);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainConfig *gvirt_domain_config_new_kvm        (const char        *name,
                                                       guint64            memory_kib,
                                                       guint              vcpus,
                                                       const char        *disk_image);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainConfig *gvirt_domain_config_new_test       (const char        *name,
                                                       guint64            memory_kib);
GVIRT_AVAILABLE_IN_ALL
char              *gvirt_domain_config_to_xml         (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainConfig *gvirt_domain_config_copy           (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_domain_config_equal          (GVirtDomainConfig *a,
                                                       GVirtDomainConfig *b);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_domain_config_validate       (GVirtDomainConfig *self,
                                                       GError           **error);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_domain_config_check          (GVirtDomainConfig *self,
                                                       GError           **error);
GVIRT_AVAILABLE_IN_ALL
char *gvirt_domain_config_get_metadata (GVirtDomainConfig *self,
                                       const char *uri);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_config_set_metadata (GVirtDomainConfig *self,
                                           const char *uri,
                                           const char *prefix,
                                           const char *xml,
                                           GError **error);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_config_validate_with_schema (GVirtDomainConfig *self,
                                                       const char *schema_file,
                                                       GError **error);

GVIRT_AVAILABLE_IN_ALL
GListModel        *gvirt_domain_config_get_devices    (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_domain_config_add_device     (GVirtDomainConfig *self,
                                                       GVirtDomainDevice *device,
                                                       GError           **error);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_domain_config_remove_device  (GVirtDomainConfig *self,
                                                       GVirtDomainDevice *device);
GVIRT_AVAILABLE_IN_ALL
GVirtDomainDisk   *gvirt_domain_config_find_disk      (GVirtDomainConfig *self,
                                                       const char        *target_dev);

GVIRT_AVAILABLE_IN_ALL
char             **gvirt_domain_config_get_boot_devices (GVirtDomainConfig  *self);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_domain_config_set_boot_devices (GVirtDomainConfig  *self,
                                                         const char * const *devices);
GVIRT_AVAILABLE_IN_ALL
char             **gvirt_domain_config_get_features   (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
gboolean           gvirt_domain_config_has_feature    (GVirtDomainConfig *self,
                                                       const char        *feature);
GVIRT_AVAILABLE_IN_ALL
void               gvirt_domain_config_set_feature    (GVirtDomainConfig *self,
                                                       const char        *feature,
                                                       gboolean           enabled);

GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_domain_type (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_domain_type (GVirtDomainConfig *self,
                                         const char *value);
GVIRT_AVAILABLE_IN_ALL
gint gvirt_domain_config_get_id (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_id (GVirtDomainConfig *self,
                                gint value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_name (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_name (GVirtDomainConfig *self,
                                  const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_uuid (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_uuid (GVirtDomainConfig *self,
                                  const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_title (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_title (GVirtDomainConfig *self,
                                   const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_description (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_description (GVirtDomainConfig *self,
                                         const char *value);
GVIRT_AVAILABLE_IN_ALL
guint64 gvirt_domain_config_get_memory (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_memory (GVirtDomainConfig *self,
                                    guint64 value);
GVIRT_AVAILABLE_IN_ALL
guint64 gvirt_domain_config_get_current_memory (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_current_memory (GVirtDomainConfig *self,
                                            guint64 value);
GVIRT_AVAILABLE_IN_ALL
guint64 gvirt_domain_config_get_max_memory (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_max_memory (GVirtDomainConfig *self,
                                        guint64 value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_domain_config_get_max_memory_slots (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_max_memory_slots (GVirtDomainConfig *self,
                                              guint value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_domain_config_get_vcpus (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_vcpus (GVirtDomainConfig *self,
                                   guint value);
GVIRT_AVAILABLE_IN_ALL
guint gvirt_domain_config_get_current_vcpus (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_current_vcpus (GVirtDomainConfig *self,
                                           guint value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_cpuset (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_cpuset (GVirtDomainConfig *self,
                                    const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_os_type (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_os_type (GVirtDomainConfig *self,
                                     const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_arch (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_arch (GVirtDomainConfig *self,
                                  const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_machine (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_machine (GVirtDomainConfig *self,
                                     const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_kernel (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_kernel (GVirtDomainConfig *self,
                                    const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_initrd (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_initrd (GVirtDomainConfig *self,
                                    const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_cmdline (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_cmdline (GVirtDomainConfig *self,
                                     const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_root (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_root (GVirtDomainConfig *self,
                                  const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_loader (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_loader (GVirtDomainConfig *self,
                                    const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_bootloader (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_bootloader (GVirtDomainConfig *self,
                                        const char *value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_bootloader_args (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_bootloader_args (GVirtDomainConfig *self,
                                             const char *value);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_config_get_pae (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_pae (GVirtDomainConfig *self,
                                 gboolean value);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_config_get_acpi (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_acpi (GVirtDomainConfig *self,
                                  gboolean value);
GVIRT_AVAILABLE_IN_ALL
gboolean gvirt_domain_config_get_apic (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_apic (GVirtDomainConfig *self,
                                  gboolean value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_clock_offset (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_clock_offset (GVirtDomainConfig *self,
                                          const char *value);
GVIRT_AVAILABLE_IN_ALL
GVirtLifecycleAction gvirt_domain_config_get_on_poweroff (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_on_poweroff (GVirtDomainConfig *self,
                                         GVirtLifecycleAction value);
GVIRT_AVAILABLE_IN_ALL
GVirtLifecycleAction gvirt_domain_config_get_on_reboot (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_on_reboot (GVirtDomainConfig *self,
                                       GVirtLifecycleAction value);
GVIRT_AVAILABLE_IN_ALL
GVirtLifecycleAction gvirt_domain_config_get_on_crash (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_on_crash (GVirtDomainConfig *self,
                                      GVirtLifecycleAction value);
GVIRT_AVAILABLE_IN_ALL
const char *gvirt_domain_config_get_emulator (GVirtDomainConfig *self);
GVIRT_AVAILABLE_IN_ALL
void gvirt_domain_config_set_emulator (GVirtDomainConfig *self,
                                      const char *value);

G_END_DECLS
