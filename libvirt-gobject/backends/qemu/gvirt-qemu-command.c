/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Builds the QEMU argv of a domain configuration: a pure function, no process is spawned. */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "libvirt-gobject/config/gvirt-config.h"
#include "gvirt-qemu-command-private.h"

/*
 * Choices made here (the runtime relies on them):
 *
 * - QMP: "-chardev socket,id=qmp,… -mon chardev=qmp,mode=control".
 * - Serial ports: "-chardev pty,id=charserialN -serial chardev:charserialN"; the pty
 *   path is read back with QMP query-chardev (label "charserialN", filename
 *   "pty:/dev/pts/M"). A <console> of target type serial (or none) is serial 0
 *   when a <serial> exists, else it becomes serial 0 itself; a virtio console is
 *   "charconsoleN" on a virtconsole.
 * - Disks: "-drive if=none,id=drive-TARGET,file=…,format=…" plus a "-device …,id=TARGET"
 *   by bus (virtio-blk-pci / ide-hd|ide-cd / scsi-hd|scsi-cd on one virtio-scsi-pci
 *   HBA per controller / ahci on i440fx, built-in on q35); floppies are
 *   "-drive if=floppy" on i440fx and an isa-fdc on q35. The format is always given
 *   (raw by default) so QEMU never probes it. <address> elements are checked, not passed.
 * - Interfaces: "-netdev TYPE,id=hostnetN" + "-device MODEL,netdev=hostnetN,id=netN,mac=…".
 *   type='network' and type='bridge' both use QEMU's bridge helper
 *   ("-netdev bridge,br=BRIDGE"): no tap device is created by GVirt, and the helper
 *   (setuid, /etc/qemu/bridge.conf "allow BRIDGE") works for qemu:///session too.
 *   A network name is resolved to its bridge through ctx->network_bridges.
 *   ethernet is "-netdev tap" with the XML script (or script=no). An interface with no
 *   <mac> gets 52:54:00:xx:xx:xx derived from the domain UUID and its index, so the
 *   argv stays a pure function; the runtime should write it back in the live XML.
 *   Default model: rtl8139 on x86 (as libvirt), virtio elsewhere.
 * - Memory: -m in MiB (KiB rounded up); <currentMemory> below <memory> is applied by
 *   the runtime through the balloon (virtio-balloon-pci "balloon0", always present
 *   unless <memballoon model='none'/>).
 * - Lifecycle: one "-action reboot=…,shutdown=…,panic=…". on_reboot=destroy is
 *   reboot=shutdown (what -no-reboot means). Every on_poweroff other than destroy,
 *   and on_reboot=preserve, needs shutdown=pause (-no-shutdown): QEMU then stops
 *   instead of exiting and the runtime applies the action on the SHUTDOWN event
 *   (reason guest-shutdown: restart = system_reset + cont, preserve = stay paused;
 *   destroy = quit). on_crash: destroy → panic=shutdown, restart → panic=none (the
 *   guest resets itself), preserve and coredump-* → panic=pause (the runtime dumps).
 * - x86 without <features><acpi/> gets acpi=off, as libvirt does: a guest that must
 *   power off on the ACPI button needs <acpi/> in its XML.
 * - VNC: "-vnc LISTEN:DISPLAY" with port ctx->vnc_port when autoport, listen
 *   127.0.0.1 by default; a passwd adds ",password=on" and the runtime must set it
 *   with QMP set_password. No graphics → "-display none".
 */

typedef struct {
  GVirtDomainConfig *config;
  const GVirtQemuCommandContext *ctx;
  GPtrArray *argv;
  xmlDocPtr doc;
  xmlXPathContextPtr xpath;
  const char *name;
  const char *arch;
  const char *machine;
  gboolean x86;
  gboolean q35;
  gboolean i440fx;
  gboolean isapc;
  gboolean s390;
  gboolean pseries;
  gboolean have_scsi_hba[8];
  gboolean have_ahci;
  gboolean have_virtio_serial;
  gboolean have_usb;
  guint n_serial;
  guint n_floppy;
  GHashTable *targets;
} Builder;

static void
add (Builder *b, const char *arg)
{
  g_ptr_array_add (b->argv, g_strdup (arg));
}

G_GNUC_PRINTF (2, 3) static void
addf (Builder *b, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  g_ptr_array_add (b->argv, g_strdup_vprintf (fmt, ap));
  va_end (ap);
}

/* QEMU's option syntax: a comma inside a value is written twice. */
static char *
escape_commas (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s; s++)
    {
      g_string_append_c (out, *s);
      if (*s == ',')
        g_string_append_c (out, ',');
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_identifier (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '-' && *s != '_' && *s != '.')
      return FALSE;
  return TRUE;
}

/* ---- XPath over the formatted configuration, for what the model does not type ---- */

static char *
xp_string_at (Builder *b, xmlNodePtr node, const char *expr)
{
  xmlXPathObjectPtr obj;
  char *ret = NULL;

  b->xpath->node = node != NULL ? node : xmlDocGetRootElement (b->doc);
  obj = xmlXPathEvalExpression ((const xmlChar *) expr, b->xpath);
  if (obj != NULL && obj->type == XPATH_STRING && obj->stringval != NULL && obj->stringval[0] != '\0')
    ret = g_strdup ((const char *) obj->stringval);
  xmlXPathFreeObject (obj);
  return ret;
}

static xmlXPathObjectPtr
xp_nodes (Builder *b, const char *expr)
{
  b->xpath->node = xmlDocGetRootElement (b->doc);
  return xmlXPathEvalExpression ((const xmlChar *) expr, b->xpath);
}

/* The n-th element @kind under <devices>: the model's device list keeps the
 * document order, so the index of a typed device among its kind finds its node. */
static xmlNodePtr
device_node (Builder *b, const char *kind, guint index)
{
  g_autofree char *expr = g_strdup_printf ("/domain/devices/%s[%u]", kind, index + 1);
  xmlXPathObjectPtr obj = xp_nodes (b, expr);
  xmlNodePtr node = NULL;

  if (obj != NULL && obj->nodesetval != NULL && obj->nodesetval->nodeNr > 0)
    node = obj->nodesetval->nodeTab[0];
  xmlXPathFreeObject (obj);
  return node;
}

static gboolean
check_file (Builder *b, const char *path, gboolean executable, const char *what, GError **error)
{
  if (b->ctx->skip_file_checks)
    return TRUE;
  if (!g_file_test (path, executable ? G_FILE_TEST_IS_EXECUTABLE : G_FILE_TEST_EXISTS))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   executable ? _("Domain “%s”: the %s “%s” does not exist or is not executable.")
                              : _("Domain “%s”: the %s “%s” does not exist."),
                   b->name, what, path);
      return FALSE;
    }
  return TRUE;
}

/* ---- machine, CPU, memory ---- */

static const char *
arch_from_emulator (const char *emulator)
{
  const char *base;

  if (emulator == NULL)
    return NULL;
  base = strrchr (emulator, '/');
  base = base != NULL ? base + 1 : emulator;
  if (g_str_has_prefix (base, "qemu-system-"))
    return base + strlen ("qemu-system-");
  return NULL;
}

static gboolean
arch_runs_on (const char *arch, const char *emulator_arch)
{
  if (emulator_arch == NULL || g_strcmp0 (arch, emulator_arch) == 0)
    return TRUE;
  if (g_str_equal (emulator_arch, "x86_64") && g_str_equal (arch, "i686"))
    return TRUE;
  if (g_str_equal (emulator_arch, "i386") && g_str_equal (arch, "i686"))
    return TRUE;
  if (g_str_equal (emulator_arch, "aarch64") && g_str_equal (arch, "armv7l"))
    return TRUE;
  if (g_str_equal (emulator_arch, "arm") && g_str_equal (arch, "armv7l"))
    return TRUE;
  if (g_str_equal (emulator_arch, "ppc64") && (g_str_equal (arch, "ppc") || g_str_equal (arch, "ppc64le")))
    return TRUE;
  return FALSE;
}

static const char *
default_machine (const char *arch)
{
  if (g_str_equal (arch, "x86_64") || g_str_equal (arch, "i686"))
    return "pc";
  if (g_str_equal (arch, "ppc64") || g_str_equal (arch, "ppc64le"))
    return "pseries";
  if (g_str_equal (arch, "ppc"))
    return "g3beige";
  if (g_str_equal (arch, "s390x"))
    return "s390-ccw-virtio";
  return "virt";
}

static gboolean
build_machine (Builder *b, GError **error)
{
  const char *type = gvirt_domain_config_get_domain_type (b->config);
  const char *os_type = gvirt_domain_config_get_os_type (b->config);
  const char *accel;
  g_autoptr(GString) machine = g_string_new (NULL);

  if (g_strcmp0 (type, "kvm") == 0)
    {
      if (!b->ctx->kvm_available)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s” has type “kvm”, but KVM is not available on this host; "
                         "use type “qemu” for emulation."), b->name);
          return FALSE;
        }
      accel = "kvm";
    }
  else if (type == NULL || g_str_equal (type, "qemu"))
    accel = "tcg";
  else
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s” has type “%s”; the QEMU driver runs types “qemu” and “kvm”."),
                   b->name, type);
      return FALSE;
    }

  if (os_type != NULL && !g_str_equal (os_type, "hvm"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s” has OS type “%s”; QEMU runs only “hvm” guests."),
                   b->name, os_type);
      return FALSE;
    }

  if (!is_identifier (b->machine))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has an invalid machine type “%s” in <os><type>."),
                   b->name, b->machine);
      return FALSE;
    }

  g_string_append_printf (machine, "%s,accel=%s", b->machine, accel);
  if (b->x86 && !b->isapc && !gvirt_domain_config_get_acpi (b->config))
    g_string_append (machine, ",acpi=off");
  if (g_str_equal (b->arch, "aarch64") && gvirt_domain_config_get_acpi (b->config))
    {
      g_autofree char *firmware = xp_string_at (b, NULL, "string(/domain/os/@firmware)");
      g_autofree char *loader_type = xp_string_at (b, NULL, "string(/domain/os/loader/@type)");

      if (g_strcmp0 (firmware, "efi") != 0 && g_strcmp0 (loader_type, "pflash") != 0)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: ACPI (<features><acpi/>) needs UEFI firmware on %s."),
                       b->name, b->arch);
          return FALSE;
        }
    }
  add (b, "-machine");
  add (b, machine->str);
  return TRUE;
}

static gboolean
build_memory_cpus (Builder *b, GError **error)
{
  guint64 memory = gvirt_domain_config_get_memory (b->config);
  guint64 current = gvirt_domain_config_get_current_memory (b->config);
  guint64 max_memory = gvirt_domain_config_get_max_memory (b->config);
  guint vcpus = gvirt_domain_config_get_vcpus (b->config);
  guint current_vcpus = gvirt_domain_config_get_current_vcpus (b->config);
  g_autoptr(GString) mem = g_string_new (NULL);
  guint64 mem_mib;

  if (memory == 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has no <memory> size."), b->name);
      return FALSE;
    }
  if (current > memory)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: <currentMemory> (%" G_GUINT64_FORMAT " KiB) is larger than <memory> (%" G_GUINT64_FORMAT " KiB)."),
                   b->name, current, memory);
      return FALSE;
    }
  mem_mib = (memory + 1023) / 1024;
  if (g_str_has_prefix (b->arch, "ppc64"))
    mem_mib = (mem_mib + 255) / 256 * 256;   /* PPC64 guests need 256 MiB multiples */
  g_string_append_printf (mem, "size=%" G_GUINT64_FORMAT "M", mem_mib);
  if (max_memory > 0)
    {
      g_autofree char *slots = xp_string_at (b, NULL, "string(/domain/maxMemory/@slots)");
      guint64 n_slots = 0;

      if (slots == NULL || !g_ascii_string_to_unsigned (slots, 10, 1, 255, &n_slots, NULL))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: <maxMemory> needs a slots count between 1 and 255."), b->name);
          return FALSE;
        }
      if (max_memory < memory)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: <maxMemory> is smaller than <memory>."), b->name);
          return FALSE;
        }
      g_string_append_printf (mem, ",slots=%" G_GUINT64_FORMAT ",maxmem=%" G_GUINT64_FORMAT "M",
                              n_slots, (max_memory + 1023) / 1024);
    }
  add (b, "-m");
  add (b, mem->str);

  if (vcpus == 0)
    vcpus = 1;
  if (current_vcpus > vcpus)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: <vcpu current='%u'> is more than the %u vCPUs."),
                   b->name, current_vcpus, vcpus);
      return FALSE;
    }
  add (b, "-smp");
  if (current_vcpus > 0 && current_vcpus < vcpus)
    addf (b, "%u,maxcpus=%u", current_vcpus, vcpus);
  else
    addf (b, "%u", vcpus);
  return TRUE;
}

static gboolean
build_os (Builder *b, GError **error)
{
  const char *kernel = gvirt_domain_config_get_kernel (b->config);
  const char *initrd = gvirt_domain_config_get_initrd (b->config);
  const char *cmdline = gvirt_domain_config_get_cmdline (b->config);
  const char *loader = gvirt_domain_config_get_loader (b->config);
  const char *clock = gvirt_domain_config_get_clock_offset (b->config);
  g_auto(GStrv) boot = gvirt_domain_config_get_boot_devices (b->config);
  g_autoptr(GString) order = g_string_new (NULL);

  if (gvirt_domain_config_get_bootloader (b->config) != NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s” has a <bootloader>; QEMU boots with <os><kernel> or the firmware."),
                   b->name);
      return FALSE;
    }
  if (kernel != NULL)
    {
      if (!check_file (b, kernel, FALSE, "kernel", error))
        return FALSE;
      add (b, "-kernel");
      add (b, kernel);
    }
  if (initrd != NULL)
    {
      if (kernel == NULL)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s” has an <initrd> but no <kernel>."), b->name);
          return FALSE;
        }
      if (!check_file (b, initrd, FALSE, "initrd", error))
        return FALSE;
      add (b, "-initrd");
      add (b, initrd);
    }
  if (cmdline != NULL)
    {
      if (kernel == NULL)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s” has a <cmdline> but no <kernel>."), b->name);
          return FALSE;
        }
      add (b, "-append");
      add (b, cmdline);
    }
  if (loader != NULL)
    {
      g_autofree char *loader_type = xp_string_at (b, NULL, "string(/domain/os/loader/@type)");

      if (!check_file (b, loader, FALSE, "firmware loader", error))
        return FALSE;
      if (g_strcmp0 (loader_type, "pflash") == 0)
        {
          g_autofree char *esc = escape_commas (loader);
          add (b, "-drive");
          addf (b, "if=pflash,format=raw,unit=0,readonly=on,file=%s", esc);
        }
      else
        {
          add (b, "-bios");
          add (b, loader);
        }
    }

  for (guint i = 0; boot != NULL && boot[i] != NULL; i++)
    {
      char c;

      if (g_str_equal (boot[i], "hd"))
        c = 'c';
      else if (g_str_equal (boot[i], "cdrom"))
        c = 'd';
      else if (g_str_equal (boot[i], "fd"))
        c = 'a';
      else if (g_str_equal (boot[i], "network"))
        c = 'n';
      else
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s” has an unknown boot device “%s” in <os><boot>."),
                       b->name, boot[i]);
          return FALSE;
        }
      if (strchr (order->str, c) == NULL)
        g_string_append_c (order, c);
    }
  if (order->len > 0 && kernel == NULL)
    {
      add (b, "-boot");
      addf (b, "order=%s", order->str);
    }

  if (clock != NULL)
    {
      if (g_str_equal (clock, "utc") || g_str_equal (clock, "localtime"))
        {
          add (b, "-rtc");
          addf (b, "base=%s", clock);
        }
      else if (!g_str_equal (clock, "variable") && !g_str_equal (clock, "timezone"))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s” has an unknown clock offset “%s”."), b->name, clock);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
build_lifecycle (Builder *b, GError **error)
{
  GVirtLifecycleAction on_poweroff = gvirt_domain_config_get_on_poweroff (b->config);
  GVirtLifecycleAction on_reboot = gvirt_domain_config_get_on_reboot (b->config);
  GVirtLifecycleAction on_crash = gvirt_domain_config_get_on_crash (b->config);
  const char *reboot, *shutdown, *panic;

  if (on_poweroff == GVIRT_LIFECYCLE_ACTION_COREDUMP_DESTROY ||
      on_poweroff == GVIRT_LIFECYCLE_ACTION_COREDUMP_RESTART ||
      on_reboot == GVIRT_LIFECYCLE_ACTION_COREDUMP_DESTROY ||
      on_reboot == GVIRT_LIFECYCLE_ACTION_COREDUMP_RESTART)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: coredump actions are valid only in <on_crash>."), b->name);
      return FALSE;
    }

  reboot = on_reboot == GVIRT_LIFECYCLE_ACTION_RESTART ? "reset" : "shutdown";
  shutdown = (on_poweroff == GVIRT_LIFECYCLE_ACTION_DESTROY &&
              on_reboot != GVIRT_LIFECYCLE_ACTION_PRESERVE) ? "poweroff" : "pause";
  switch (on_crash)
    {
    case GVIRT_LIFECYCLE_ACTION_DESTROY:
      panic = "shutdown";
      break;
    case GVIRT_LIFECYCLE_ACTION_RESTART:
    case GVIRT_LIFECYCLE_ACTION_RENAME_RESTART:
      panic = "none";
      break;
    default:
      panic = "pause";
      break;
    }
  add (b, "-action");
  addf (b, "reboot=%s,shutdown=%s,panic=%s", reboot, shutdown, panic);
  return TRUE;
}

/* ---- PCI addresses: checked, not passed on ---- */

static gboolean
check_addresses (Builder *b, GError **error)
{
  xmlXPathObjectPtr obj = xp_nodes (b, "/domain/devices/*/address[@type='pci']");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok = TRUE;

  for (int i = 0; ok && obj != NULL && obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = obj->nodesetval->nodeTab[i];
      const char *kind = (const char *) node->parent->name;
      guint64 v[4] = { 0, 0, 0, 0 };
      static const char *const attrs[4] = { "domain", "bus", "slot", "function" };
      char *key;

      for (guint k = 0; k < 4; k++)
        {
          xmlChar *s = xmlGetProp (node, (const xmlChar *) attrs[k]);

          if (s != NULL)
            v[k] = g_ascii_strtoull ((const char *) s, NULL, 0);
          xmlFree (s);
        }
      key = g_strdup_printf ("%04" G_GINT64_MODIFIER "x:%02" G_GINT64_MODIFIER "x:%02"
                             G_GINT64_MODIFIER "x.%" G_GINT64_MODIFIER "x", v[0], v[1], v[2], v[3]);
      if (g_hash_table_contains (seen, key) ||
          (b->i440fx && !g_str_equal (kind, "controller") && v[0] == 0 && v[1] == 0 &&
           (v[2] == 0 || (v[2] == 1 && v[3] != 2))))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: the <%s> device uses PCI address %s, which is already taken."),
                       b->name, kind, key);
          ok = FALSE;
        }
      g_hash_table_add (seen, key);
    }
  xmlXPathFreeObject (obj);
  return ok;
}

/* ---- controllers ---- */

static gboolean
need_pci (Builder *b, const char *what, GError **error)
{
  if (b->isapc)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: the %s needs a PCI bus, and machine “%s” has none."),
                   b->name, what, b->machine);
      return FALSE;
    }
  return TRUE;
}

static gboolean
build_controllers (Builder *b, GError **error)
{
  xmlXPathObjectPtr obj = xp_nodes (b, "/domain/devices/controller[@type='usb']");
  gboolean ok = TRUE;

  for (int i = 0; ok && obj != NULL && obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = obj->nodesetval->nodeTab[i];
      g_autofree char *model = xp_string_at (b, node, "string(@model)");
      g_autofree char *index = xp_string_at (b, node, "string(@index)");
      const char *driver = NULL;

      if (g_strcmp0 (model, "none") == 0)
        continue;
      if (!(ok = need_pci (b, "USB controller", error)))
        break;
      if (model == NULL)
        {
          if (!b->x86)
            continue;    /* the machine's own default; nothing to add */
          driver = b->q35 ? "qemu-xhci" : "piix3-usb-uhci";
        }
      else if (g_str_equal (model, "piix3-uhci"))
        driver = "piix3-usb-uhci";
      else if (g_str_equal (model, "piix4-uhci"))
        driver = "piix4-usb-uhci";
      else if (g_str_equal (model, "ehci"))
        driver = "usb-ehci";
      else if (g_str_equal (model, "ich9-ehci1"))
        driver = "ich9-usb-ehci1";
      else if (g_str_has_prefix (model, "ich9-uhci"))
        {
          g_autofree char *expr = g_strdup_printf ("count(/domain/devices/controller[@type='usb'][@index='%s'][@model='ich9-ehci1'])",
                                                   index != NULL ? index : "0");
          xmlXPathObjectPtr cnt = xp_nodes (b, expr);
          gboolean has_master = cnt != NULL && cnt->floatval > 0;

          xmlXPathFreeObject (cnt);
          if (!has_master)
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("Domain “%s”: USB companion controller “%s” has no ich9-ehci1 master controller."),
                           b->name, model);
              ok = FALSE;
              break;
            }
          continue;   /* the companions are added with their master below */
        }
      else if (g_str_equal (model, "nec-xhci"))
        driver = "nec-usb-xhci";
      else if (g_str_equal (model, "qemu-xhci"))
        driver = "qemu-xhci";
      else
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: USB controller model “%s” is not supported."), b->name, model);
          ok = FALSE;
          break;
        }
      add (b, "-device");
      if (!b->have_usb)
        addf (b, "%s,id=usb", driver);
      else
        addf (b, "%s,id=usb%s", driver, index != NULL ? index : "x");
      if (g_str_equal (driver, "ich9-usb-ehci1") && !b->have_usb)
        {
          for (guint k = 1; k <= 3; k++)
            {
              add (b, "-device");
              addf (b, "ich9-usb-uhci%u,masterbus=usb.0,firstport=%u", k, (k - 1) * 2);
            }
        }
      b->have_usb = TRUE;
    }
  xmlXPathFreeObject (obj);
  return ok;
}

/* ---- disks ---- */

static const char *
disk_bus_from_target (const char *target)
{
  if (g_str_has_prefix (target, "hd"))
    return "ide";
  if (g_str_has_prefix (target, "sd"))
    return "scsi";
  if (g_str_has_prefix (target, "vd"))
    return "virtio";
  if (g_str_has_prefix (target, "fd"))
    return "fdc";
  if (g_str_has_prefix (target, "xvd"))
    return "xen";
  return NULL;
}

/* "hda" → 0, "sdab" → 27: the index in the letters after the two-letter
 * (or "xvd") prefix. */
static gint
disk_index (const char *target)
{
  const char *p = target + (g_str_has_prefix (target, "xvd") ? 3 : 2);
  gint index = 0;

  if (strlen (target) <= (gsize) (p - target))
    return -1;
  for (; *p; p++)
    {
      if (*p < 'a' || *p > 'z')
        return -1;
      index = index * 26 + (*p - 'a' + 1);
      if (index > 100000)
        return -1;
    }
  return index - 1;
}

static const char *const supported_formats[] = {
  "raw", "qcow2", "qcow", "qed", "vmdk", "vdi", "vpc", "vhdx", "cloop", "dmg", "bochs", "parallels", NULL
};

static gboolean
build_disk (Builder *b, GVirtDomainDisk *disk, guint nth, GError **error)
{
  const char *target = gvirt_domain_disk_get_target_dev (disk);
  const char *bus = gvirt_domain_disk_get_target_bus (disk);
  const char *format = gvirt_domain_disk_get_driver_type (disk);
  const char *driver_name = gvirt_domain_disk_get_driver_name (disk);
  const char *serial = gvirt_domain_disk_get_serial (disk);
  GVirtDomainDiskDevice device = gvirt_domain_disk_get_device (disk);
  GVirtDomainDiskType type = gvirt_domain_disk_get_disk_type (disk);
  gboolean readonly = gvirt_domain_disk_get_readonly (disk);
  gboolean shareable = gvirt_domain_disk_get_shareable (disk);
  const char *source = NULL;
  xmlNodePtr node = device_node (b, "disk", nth);
  g_autofree char *addr_type = node != NULL ? xp_string_at (b, node, "string(address/@type)") : NULL;
  g_autofree char *ctrl = node != NULL ? xp_string_at (b, node, "string(address[@type='drive']/@controller)") : NULL;
  g_autoptr(GString) drive = g_string_new (NULL);
  gint index;

  if (target == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: a <disk> has no <target dev=…>."), b->name);
      return FALSE;
    }
  if (!is_identifier (target) || g_hash_table_contains (b->targets, target))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: disk target “%s” is invalid or used twice."), b->name, target);
      return FALSE;
    }
  g_hash_table_add (b->targets, g_strdup (target));
  if (bus == NULL)
    bus = disk_bus_from_target (target);
  if (bus == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: disk “%s” has no bus and none follows from its name."), b->name, target);
      return FALSE;
    }
  if (device == GVIRT_DOMAIN_DISK_DEVICE_FLOPPY)
    bus = "fdc";
  index = disk_index (target);
  if (index < 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: disk target “%s” does not end in a drive letter."), b->name, target);
      return FALSE;
    }

  if (device == GVIRT_DOMAIN_DISK_DEVICE_LUN || device == GVIRT_DOMAIN_DISK_DEVICE_OTHER)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” is neither a disk, a cdrom nor a floppy."), b->name, target);
      return FALSE;
    }
  if (driver_name != NULL && !g_str_equal (driver_name, "qemu"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” asks for driver “%s”; QEMU disks use driver “qemu”."),
                   b->name, target, driver_name);
      return FALSE;
    }
  if (format == NULL)
    format = "raw";
  if (!g_strv_contains (supported_formats, format))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” has storage format “%s”, which QEMU does not support (use “raw”)."),
                   b->name, target, format);
      return FALSE;
    }

  switch (type)
    {
    case GVIRT_DOMAIN_DISK_TYPE_FILE:
      source = gvirt_domain_disk_get_source_file (disk);
      break;
    case GVIRT_DOMAIN_DISK_TYPE_BLOCK:
      source = gvirt_domain_disk_get_source_dev (disk);
      break;
    default:
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” is not of type “file” or “block”."), b->name, target);
      return FALSE;
    }
  if (source == NULL && device == GVIRT_DOMAIN_DISK_DEVICE_DISK)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: disk “%s” has no <source>."), b->name, target);
      return FALSE;
    }
  if (source != NULL && !check_file (b, source, FALSE, "disk image", error))
    return FALSE;

  /* Where the disk plugs in. */
  if (g_str_equal (bus, "virtio"))
    {
      if (addr_type != NULL && !g_str_equal (addr_type, "pci") && !g_str_equal (addr_type, "ccw"))
        goto bad_address;
      if (device == GVIRT_DOMAIN_DISK_DEVICE_CDROM)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: CD-ROM “%s” cannot be on bus “virtio” (use “sata”, “scsi” or “ide”)."),
                       b->name, target);
          return FALSE;
        }
      if (!need_pci (b, "virtio disk", error))
        return FALSE;
    }
  else if (g_str_equal (bus, "ide") || g_str_equal (bus, "sata") || g_str_equal (bus, "scsi") ||
           g_str_equal (bus, "fdc"))
    {
      if (addr_type != NULL && !g_str_equal (addr_type, "drive"))
        goto bad_address;
      if (!b->x86 && !g_str_equal (bus, "scsi"))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: disk “%s” is on bus “%s”, which machine “%s” does not have."),
                       b->name, target, bus, b->machine);
          return FALSE;
        }
      if (g_str_equal (bus, "ide") && b->q35)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: disk “%s” is on bus “ide”, which q35 machines do not have (use “sata”)."),
                       b->name, target);
          return FALSE;
        }
      if (g_str_equal (bus, "ide") && index > 3)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: IDE disk “%s” is beyond the four IDE units (hda to hdd)."),
                       b->name, target);
          return FALSE;
        }
      if (g_str_equal (bus, "sata") && index > 5)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: SATA disk “%s” is beyond the six ports of the controller."),
                       b->name, target);
          return FALSE;
        }
      if (g_str_equal (bus, "fdc") && index > 1)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: floppy “%s” is beyond the two floppy units (fda, fdb)."),
                       b->name, target);
          return FALSE;
        }
      if ((g_str_equal (bus, "sata") || g_str_equal (bus, "scsi")) && !need_pci (b, "disk controller", error))
        return FALSE;
      if ((g_str_equal (bus, "ide") || g_str_equal (bus, "sata")) && readonly &&
          device == GVIRT_DOMAIN_DISK_DEVICE_DISK)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: disk “%s” is read-only, which QEMU's IDE and SATA disks cannot be "
                         "(use a cdrom, or bus “virtio” or “scsi”)."), b->name, target);
          return FALSE;
        }
    }
  else
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: disk “%s” is on bus “%s”; QEMU disks use virtio, ide, sata, scsi or fdc."),
                   b->name, target, bus);
      return FALSE;
    }

  /* The backend: -drive if=none (or if=floppy on i440fx). */
  if (source != NULL)
    {
      g_autofree char *esc = escape_commas (source);
      g_string_append_printf (drive, "file=%s,format=%s,", esc, format);
    }
  if (g_str_equal (bus, "fdc") && !b->q35)
    g_string_append_printf (drive, "if=floppy,index=%d", index);
  else
    g_string_append_printf (drive, "if=none,id=drive-%s", target);
  if (device == GVIRT_DOMAIN_DISK_DEVICE_CDROM)
    g_string_append (drive, ",media=cdrom");
  if (readonly || device == GVIRT_DOMAIN_DISK_DEVICE_CDROM)
    g_string_append (drive, ",readonly=on");
  if (shareable)
    g_string_append (drive, ",cache=none,file.locking=off");
  add (b, "-drive");
  add (b, drive->str);

  /* The frontend. */
  if (g_str_equal (bus, "fdc"))
    {
      if (b->q35)
        {
          if (b->n_floppy++ == 0)
            {
              add (b, "-device");
              add (b, "isa-fdc,id=fdc0");
            }
          add (b, "-device");
          addf (b, "floppy,unit=%d,drive=drive-%s,id=%s", index, target, target);
        }
      return TRUE;
    }

  {
    g_autoptr(GString) dev = g_string_new (NULL);
    gboolean cd = device == GVIRT_DOMAIN_DISK_DEVICE_CDROM;

    if (g_str_equal (bus, "virtio"))
      g_string_append (dev, b->s390 ? "virtio-blk-ccw" : "virtio-blk-pci");
    else if (g_str_equal (bus, "ide"))
      g_string_append_printf (dev, "%s,bus=ide.%d,unit=%d", cd ? "ide-cd" : "ide-hd", index / 2, index % 2);
    else if (g_str_equal (bus, "sata"))
      {
        if (!b->q35 && !b->have_ahci)
          {
            add (b, "-device");
            add (b, "ahci,id=sata0");
            b->have_ahci = TRUE;
          }
        g_string_append_printf (dev, "%s,bus=%s.%d", cd ? "ide-cd" : "ide-hd", b->q35 ? "ide" : "sata0", index);
      }
    else /* scsi */
      {
        guint64 c = 0;

        if (ctrl != NULL && (!g_ascii_string_to_unsigned (ctrl, 10, 0, G_N_ELEMENTS (b->have_scsi_hba) - 1, &c, NULL)))
          {
            g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                         _("Domain “%s”: disk “%s” names SCSI controller “%s”, which is out of range."),
                         b->name, target, ctrl);
            return FALSE;
          }
        if (!b->have_scsi_hba[c])
          {
            g_autofree char *expr = g_strdup_printf ("string(/domain/devices/controller[@type='scsi'][@index='%u']/@model)", (guint) c);
            g_autofree char *model = xp_string_at (b, NULL, expr);
            const char *hba;

            if (model == NULL || g_str_equal (model, "virtio-scsi"))
              hba = b->s390 ? "virtio-scsi-ccw" : "virtio-scsi-pci";
            else if (g_str_equal (model, "lsilogic"))
              hba = "lsi53c895a";
            else
              {
                g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                             _("Domain “%s”: SCSI controller model “%s” is not supported."), b->name, model);
                return FALSE;
              }
            add (b, "-device");
            addf (b, "%s,id=scsi%u", hba, (guint) c);
            b->have_scsi_hba[c] = TRUE;
          }
        g_string_append_printf (dev, "%s,bus=scsi%u.0,scsi-id=%d,lun=0", cd ? "scsi-cd" : "scsi-hd", (guint) c, index);
      }
    g_string_append_printf (dev, ",drive=drive-%s,id=%s", target, target);
    if (shareable)
      g_string_append (dev, ",share-rw=on");
    if (serial != NULL)
      {
        g_autofree char *esc = escape_commas (serial);
        g_string_append_printf (dev, ",serial=%s", esc);
      }
    add (b, "-device");
    add (b, dev->str);
  }
  return TRUE;

bad_address:
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
               _("Domain “%s”: disk “%s” on bus “%s” cannot have an address of type “%s”."),
               b->name, target, bus, addr_type);
  return FALSE;
}

/* ---- interfaces ---- */

static gboolean
valid_mac (const char *mac)
{
  guint8 bytes[6];

  if (strlen (mac) != 17)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    {
      int hi = g_ascii_xdigit_value (mac[i * 3]);
      int lo = g_ascii_xdigit_value (mac[i * 3 + 1]);

      if (hi < 0 || lo < 0 || (i < 5 && mac[i * 3 + 2] != ':'))
        return FALSE;
      bytes[i] = hi * 16 + lo;
    }
  return (bytes[0] & 1) == 0;   /* unicast */
}

static const char *
nic_model (Builder *b, const char *model)
{
  if (model == NULL)
    {
      if (b->x86)
        return "rtl8139";
      if (b->s390)
        return "virtio-net-ccw";
      if (b->pseries)
        return "spapr-vlan";
      return "virtio-net-pci";
    }
  if (g_str_equal (model, "virtio"))
    return b->s390 ? "virtio-net-ccw" : "virtio-net-pci";
  if (g_str_equal (model, "ne2k_isa"))
    return "ne2k_isa";
  if (g_str_equal (model, "pcnet"))
    return "pcnet";
  return model;
}

static gboolean
socket_endpoint (Builder *b, GVirtDomainInterface *iface, guint n, gboolean need_address,
                 char **out, GError **error)
{
  const char *address = gvirt_domain_interface_get_source_address (iface);
  guint port = gvirt_domain_interface_get_source_port (iface);

  if (port == 0 || port > 65535 || (need_address && address == NULL))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   need_address ? _("Domain “%s”: interface %u needs <source address=… port=…>.")
                                : _("Domain “%s”: interface %u needs <source port=…>."),
                   b->name, n);
      return FALSE;
    }
  if (address != NULL && strchr (address, ',') != NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: interface %u has an invalid source address “%s”."), b->name, n, address);
      return FALSE;
    }
  *out = g_strdup_printf ("%s:%u", address != NULL ? address : "", port);
  return TRUE;
}

static gboolean
build_interface (Builder *b, GVirtDomainInterface *iface, guint n, GError **error)
{
  GVirtDomainInterfaceType type = gvirt_domain_interface_get_interface_type (iface);
  const char *mac = gvirt_domain_interface_get_mac (iface);
  const char *model = gvirt_domain_interface_get_model (iface);
  g_autoptr(GString) netdev = g_string_new (NULL);
  g_autofree char *generated_mac = NULL;
  g_autofree char *endpoint = NULL;

  if (type != GVIRT_DOMAIN_INTERFACE_TYPE_MCAST && type != GVIRT_DOMAIN_INTERFACE_TYPE_SERVER &&
      type != GVIRT_DOMAIN_INTERFACE_TYPE_CLIENT && type != GVIRT_DOMAIN_INTERFACE_TYPE_USER &&
      !need_pci (b, "network interface", error))
    return FALSE;

  switch (type)
    {
    case GVIRT_DOMAIN_INTERFACE_TYPE_USER:
      g_string_append (netdev, "user");
      break;
    case GVIRT_DOMAIN_INTERFACE_TYPE_NETWORK:
    case GVIRT_DOMAIN_INTERFACE_TYPE_BRIDGE:
      {
        const char *bridge;

        if (type == GVIRT_DOMAIN_INTERFACE_TYPE_BRIDGE)
          bridge = gvirt_domain_interface_get_source_bridge (iface);
        else
          {
            const char *network = gvirt_domain_interface_get_source_network (iface);

            if (network == NULL)
              {
                g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                             _("Domain “%s”: interface %u has no <source network=…>."), b->name, n);
                return FALSE;
              }
            bridge = b->ctx->network_bridges != NULL ? g_hash_table_lookup (b->ctx->network_bridges, network) : NULL;
            if (bridge == NULL && b->ctx->skip_file_checks)
              bridge = network;
            if (bridge == NULL)
              {
                g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                             _("Domain “%s”: interface %u uses network “%s”, which is not active or has no bridge."),
                             b->name, n, network);
                return FALSE;
              }
          }
        if (bridge == NULL || !is_identifier (bridge))
          {
            g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                         _("Domain “%s”: interface %u has no valid <source bridge=…>."), b->name, n);
            return FALSE;
          }
        g_string_append_printf (netdev, "bridge,br=%s", bridge);
      }
      break;
    case GVIRT_DOMAIN_INTERFACE_TYPE_ETHERNET:
      {
        const char *script = gvirt_domain_interface_get_script (iface);
        const char *dev = gvirt_domain_interface_get_target_dev (iface);

        g_string_append (netdev, "tap");
        if (dev != NULL)
          {
            if (!is_identifier (dev) || strlen (dev) >= 16)
              {
                g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                             _("Domain “%s”: interface %u has an invalid target device “%s”."), b->name, n, dev);
                return FALSE;
              }
            g_string_append_printf (netdev, ",ifname=%s", dev);
          }
        if (script != NULL)
          {
            g_autofree char *esc = escape_commas (script);

            if (!check_file (b, script, TRUE, "interface script", error))
              return FALSE;
            g_string_append_printf (netdev, ",script=%s,downscript=no", esc);
          }
        else
          g_string_append (netdev, ",script=no,downscript=no");
      }
      break;
    case GVIRT_DOMAIN_INTERFACE_TYPE_MCAST:
      if (!socket_endpoint (b, iface, n, TRUE, &endpoint, error))
        return FALSE;
      g_string_append_printf (netdev, "socket,mcast=%s", endpoint);
      break;
    case GVIRT_DOMAIN_INTERFACE_TYPE_SERVER:
      if (!socket_endpoint (b, iface, n, FALSE, &endpoint, error))
        return FALSE;
      g_string_append_printf (netdev, "socket,listen=%s", endpoint);
      break;
    case GVIRT_DOMAIN_INTERFACE_TYPE_CLIENT:
      if (!socket_endpoint (b, iface, n, TRUE, &endpoint, error))
        return FALSE;
      g_string_append_printf (netdev, "socket,connect=%s", endpoint);
      break;
    default:
      {
        g_autofree char *xml = gvirt_domain_device_to_xml (GVIRT_DOMAIN_DEVICE (iface));
        g_autofree char *kind = NULL;
        g_autoptr(GRegex) re = g_regex_new ("type=['\"]([^'\"]*)", 0, 0, NULL);
        g_autoptr(GMatchInfo) mi = NULL;

        if (g_regex_match (re, xml, 0, &mi))
          kind = g_match_info_fetch (mi, 1);
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                     _("Domain “%s”: interface %u has type “%s”; the QEMU driver supports user, network, "
                       "bridge, ethernet, mcast, server and client."), b->name, n, kind ? kind : "?");
        return FALSE;
      }
    }
  g_string_append_printf (netdev, ",id=hostnet%u", n);

  if (mac == NULL)
    {
      g_autofree char *seed = g_strdup_printf ("%s/%u", gvirt_domain_config_get_uuid (b->config) ?: b->name, n);
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);

      generated_mac = g_strdup_printf ("52:54:00:%.2s:%.2s:%.2s", sum, sum + 2, sum + 4);
      mac = generated_mac;
    }
  if (!valid_mac (mac))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: interface %u has an invalid or multicast MAC address “%s”."), b->name, n, mac);
      return FALSE;
    }
  if (model != NULL && !is_identifier (model))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: interface %u has an invalid model “%s”."), b->name, n, model);
      return FALSE;
    }

  add (b, "-netdev");
  add (b, netdev->str);
  add (b, "-device");
  addf (b, "%s,netdev=hostnet%u,id=net%u,mac=%s", nic_model (b, model), n, n, mac);
  return TRUE;
}

/* ---- graphics and video ---- */

static gboolean
build_graphics (Builder *b, GVirtDomainGraphics *g, gboolean *have_graphics, GError **error)
{
  GVirtDomainGraphicsType type = gvirt_domain_graphics_get_graphics_type (g);

  if (*have_graphics)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s” has more than one <graphics>; QEMU shows one display."), b->name);
      return FALSE;
    }
  *have_graphics = TRUE;

  if (type == GVIRT_DOMAIN_GRAPHICS_TYPE_VNC)
    {
      const char *listen = gvirt_domain_graphics_get_listen (g);
      const char *keymap = gvirt_domain_graphics_get_keymap (g);
      gint port = gvirt_domain_graphics_get_port (g);
      g_autoptr(GString) vnc = g_string_new (NULL);

      if (gvirt_domain_graphics_get_autoport (g) || port <= 0)
        {
          if (b->ctx->vnc_port == 0 && b->ctx->skip_file_checks)
            port = 5900;
          else
            port = b->ctx->vnc_port;
        }
      if (port < 5900 || port > 65535)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       port == 0 ? _("Domain “%s”: no port was allocated for its VNC display (%d).")
                                 : _("Domain “%s”: VNC port %d is not between 5900 and 65535."),
                       b->name, port);
          return FALSE;
        }
      if (listen == NULL)
        listen = "127.0.0.1";
      if (strchr (listen, ',') != NULL)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: invalid VNC listen address “%s”."), b->name, listen);
          return FALSE;
        }
      if (strchr (listen, ':') != NULL && listen[0] != '[')
        g_string_append_printf (vnc, "[%s]:%d", listen, port - 5900);
      else
        g_string_append_printf (vnc, "%s:%d", listen, port - 5900);
      if (gvirt_domain_graphics_get_passwd (g) != NULL)
        g_string_append (vnc, ",password=on");
      add (b, "-vnc");
      add (b, vnc->str);
      if (keymap != NULL)
        {
          if (!is_identifier (keymap))
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("Domain “%s”: invalid VNC keymap “%s”."), b->name, keymap);
              return FALSE;
            }
          add (b, "-k");
          add (b, keymap);
        }
      return TRUE;
    }
  if (type == GVIRT_DOMAIN_GRAPHICS_TYPE_SDL)
    {
      const char *display = gvirt_domain_graphics_get_display (g);

      if (display == NULL)
        display = g_getenv ("DISPLAY");
      if (display == NULL || *display == '\0')
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s” asks for an SDL display, but no X display is set (DISPLAY)."), b->name);
          return FALSE;
        }
      add (b, "-display");
      add (b, "sdl");
      if (gvirt_domain_graphics_get_fullscreen (g))
        add (b, "-full-screen");
      return TRUE;
    }
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
               _("Domain “%s”: only VNC and SDL <graphics> are supported."), b->name);
  return FALSE;
}

static gboolean
build_video (Builder *b, GVirtDomainVideo *video, guint n, GError **error)
{
  const char *model = gvirt_domain_video_get_model (video);
  const char *driver;

  if (model == NULL || g_str_equal (model, "vga"))
    driver = b->isapc ? "isa-vga" : "VGA";
  else if (g_str_equal (model, "cirrus"))
    driver = "cirrus-vga";
  else if (g_str_equal (model, "qxl"))
    driver = n == 0 ? "qxl-vga" : "qxl";
  else if (g_str_equal (model, "virtio"))
    driver = n == 0 && b->x86 ? "virtio-vga" : "virtio-gpu-pci";
  else if (g_str_equal (model, "bochs"))
    driver = "bochs-display";
  else if (g_str_equal (model, "ramfb"))
    driver = "ramfb";
  else if (g_str_equal (model, "none"))
    return TRUE;
  else
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: video model “%s” is not supported."), b->name, model);
      return FALSE;
    }
  if (!g_str_equal (driver, "isa-vga") && !g_str_equal (driver, "ramfb") && !need_pci (b, "video card", error))
    return FALSE;
  add (b, "-device");
  addf (b, "%s,id=video%u", driver, n);
  return TRUE;
}

/* ---- serial ports and consoles ---- */

static gboolean
chardev_backend (Builder *b, GVirtDomainChardev *chr, const char *id, GString *out, GError **error)
{
  const char *path = gvirt_domain_chardev_get_source_path (chr);
  const char *host = gvirt_domain_chardev_get_source_host (chr);
  const char *service = gvirt_domain_chardev_get_source_service (chr);
  const char *mode = gvirt_domain_chardev_get_source_mode (chr);
  gboolean server = g_strcmp0 (mode, "bind") == 0;
  g_autofree char *esc = path != NULL ? escape_commas (path) : NULL;

  switch (gvirt_domain_chardev_get_chardev_type (chr))
    {
    case GVIRT_DOMAIN_CHARDEV_TYPE_PTY:
      g_string_append_printf (out, "pty,id=%s", id);
      return TRUE;
    case GVIRT_DOMAIN_CHARDEV_TYPE_NULL:
      g_string_append_printf (out, "null,id=%s", id);
      return TRUE;
    case GVIRT_DOMAIN_CHARDEV_TYPE_FILE:
      if (path == NULL)
        break;
      g_string_append_printf (out, "file,id=%s,path=%s", id, esc);
      return TRUE;
    case GVIRT_DOMAIN_CHARDEV_TYPE_UNIX:
      if (path == NULL)
        break;
      g_string_append_printf (out, "socket,id=%s,path=%s%s", id, esc, server ? ",server=on,wait=off" : "");
      return TRUE;
    case GVIRT_DOMAIN_CHARDEV_TYPE_TCP:
      if (service == NULL || !is_identifier (service) || (host != NULL && !is_identifier (host)))
        break;
      g_string_append_printf (out, "socket,id=%s,host=%s,port=%s%s", id, host ? host : "127.0.0.1", service,
                              server ? ",server=on,wait=off" : "");
      if (g_strcmp0 (gvirt_domain_chardev_get_protocol (chr), "telnet") == 0)
        g_string_append (out, ",telnet=on");
      return TRUE;
    case GVIRT_DOMAIN_CHARDEV_TYPE_DEV:
      if (path == NULL)
        break;
      g_string_append_printf (out, "tty,id=%s,path=%s", id, esc);
      return TRUE;
    default:
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: character device “%s” has a type the QEMU driver does not support "
                     "(pty, file, null, unix, tcp, dev)."), b->name, id);
      return FALSE;
    }
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
               _("Domain “%s”: character device “%s” has an incomplete or invalid <source>."), b->name, id);
  return FALSE;
}

static gboolean
build_chardev (Builder *b, GVirtDomainChardev *chr, guint nth_of_kind, guint n_serials, GError **error)
{
  const char *kind = gvirt_domain_device_get_kind (GVIRT_DOMAIN_DEVICE (chr));
  const char *target_type = gvirt_domain_chardev_get_target_type (chr);
  g_autoptr(GString) backend = g_string_new (NULL);
  g_autofree char *id = NULL;
  gboolean virtio_console = FALSE;

  if (g_str_equal (kind, "console"))
    {
      if (target_type == NULL || g_str_equal (target_type, "serial"))
        {
          if (n_serials > 0)
            return TRUE;   /* the console is serial 0 */
        }
      else if (g_str_equal (target_type, "virtio"))
        virtio_console = TRUE;
      else
        {
          if (!b->x86)
            return TRUE;   /* sclp, hvc…: the machine's own console */
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: console target type “%s” is not supported on %s."),
                       b->name, target_type, b->arch);
          return FALSE;
        }
      id = g_strdup_printf ("charconsole%u", nth_of_kind);
    }
  else if (g_str_equal (kind, "serial"))
    {
      xmlNodePtr node = device_node (b, "serial", nth_of_kind);
      g_autofree char *model = node ? xp_string_at (b, node, "string(target/model/@name)") : NULL;

      if (b->x86 && ((target_type != NULL && !g_str_equal (target_type, "isa-serial") &&
                      !g_str_equal (target_type, "serial")) ||
                     (model != NULL && !g_str_equal (model, "isa-serial"))))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: serial port %u (target type “%s”, model “%s”) does not fit machine “%s”."),
                       b->name, nth_of_kind, target_type ? target_type : "default", model ? model : "default",
                       b->machine);
          return FALSE;
        }
      id = g_strdup_printf ("charserial%u", b->n_serial);
    }
  else
    return TRUE;   /* parallel ports and channels: not part of the QEMU driver yet */

  if (!chardev_backend (b, chr, id, backend, error))
    return FALSE;
  add (b, "-chardev");
  add (b, backend->str);
  if (virtio_console)
    {
      if (!b->have_virtio_serial)
        {
          add (b, "-device");
          add (b, b->s390 ? "virtio-serial-ccw,id=virtio-serial0" : "virtio-serial-pci,id=virtio-serial0");
          b->have_virtio_serial = TRUE;
        }
      add (b, "-device");
      addf (b, "virtconsole,chardev=%s,id=console%u", id, nth_of_kind);
    }
  else
    {
      if (b->n_serial >= 4 && b->x86)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s” has more than four serial ports."), b->name);
          return FALSE;
        }
      add (b, "-serial");
      addf (b, "chardev:%s", id);
      b->n_serial++;
    }
  return TRUE;
}

/* ---- the whole command line ---- */

static gboolean
build_devices (Builder *b, GError **error)
{
  GListModel *devices = gvirt_domain_config_get_devices (b->config);
  guint n = g_list_model_get_n_items (devices);
  guint n_disks = 0, n_ifaces = 0, n_video = 0, n_serials = 0, n_consoles = 0, n_serial_seen = 0;
  gboolean have_graphics = FALSE;
  g_autofree char *balloon = xp_string_at (b, NULL, "string(/domain/devices/memballoon/@model)");
  xmlXPathObjectPtr count;

  count = xp_nodes (b, "count(/domain/devices/serial)");
  n_serials = count != NULL ? (guint) count->floatval : 0;
  xmlXPathFreeObject (count);

  if (!build_controllers (b, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVirtDomainDevice) dev = g_list_model_get_item (devices, i);
      gboolean ok = TRUE;

      if (GVIRT_IS_DOMAIN_DISK (dev))
        ok = build_disk (b, GVIRT_DOMAIN_DISK (dev), n_disks++, error);
      else if (GVIRT_IS_DOMAIN_INTERFACE (dev))
        ok = build_interface (b, GVIRT_DOMAIN_INTERFACE (dev), n_ifaces++, error);
      else if (GVIRT_IS_DOMAIN_GRAPHICS (dev))
        ok = build_graphics (b, GVIRT_DOMAIN_GRAPHICS (dev), &have_graphics, error);
      else if (GVIRT_IS_DOMAIN_CHARDEV (dev))
        {
          const char *kind = gvirt_domain_device_get_kind (dev);

          if (g_str_equal (kind, "serial"))
            ok = build_chardev (b, GVIRT_DOMAIN_CHARDEV (dev), n_serial_seen++, n_serials, error);
          else if (g_str_equal (kind, "console"))
            ok = build_chardev (b, GVIRT_DOMAIN_CHARDEV (dev), n_consoles++, n_serials, error);
        }
      if (!ok)
        return FALSE;
    }

  if (!check_addresses (b, error))
    return FALSE;

  /* Video after the disks and NICs: a display needs a card, -nodefaults gives none. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVirtDomainDevice) dev = g_list_model_get_item (devices, i);

      if (GVIRT_IS_DOMAIN_VIDEO (dev) && !build_video (b, GVIRT_DOMAIN_VIDEO (dev), n_video++, error))
        return FALSE;
    }
  if (have_graphics && n_video == 0 && (b->x86 || b->pseries))
    {
      add (b, "-device");
      add (b, b->isapc ? "isa-vga,id=video0" : "VGA,id=video0");
    }
  if (!have_graphics)
    {
      add (b, "-display");
      add (b, "none");
    }

  /* USB tablets and mice need a USB controller. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVirtDomainDevice) dev = g_list_model_get_item (devices, i);
      const char *type, *bus;

      if (!GVIRT_IS_DOMAIN_INPUT (dev))
        continue;
      type = gvirt_domain_input_get_input_type (GVIRT_DOMAIN_INPUT (dev));
      bus = gvirt_domain_input_get_bus (GVIRT_DOMAIN_INPUT (dev));
      if (g_strcmp0 (bus, "usb") != 0 && g_strcmp0 (type, "tablet") != 0)
        continue;   /* PS/2 comes with the machine */
      if (!b->have_usb)
        {
          if (!need_pci (b, "USB input device", error))
            return FALSE;
          add (b, "-device");
          add (b, "qemu-xhci,id=usb");
          b->have_usb = TRUE;
        }
      add (b, "-device");
      addf (b, "usb-%s,bus=usb.0", g_strcmp0 (type, "tablet") == 0 ? "tablet" : g_strcmp0 (type, "keyboard") == 0 ? "kbd" : "mouse");
    }

  /* The balloon: always, so that memory can be set live. */
  if (balloon == NULL || g_str_equal (balloon, "virtio"))
    {
      if (!b->isapc)
        {
          add (b, "-device");
          add (b, b->s390 ? "virtio-balloon-ccw,id=balloon0" : "virtio-balloon-pci,id=balloon0");
        }
      else if (balloon != NULL && !need_pci (b, "memory balloon", error))
        return FALSE;
    }
  else if (!g_str_equal (balloon, "none"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: memory balloon model “%s” is not supported."), b->name, balloon);
      return FALSE;
    }
  return TRUE;
}

static gboolean
build (Builder *b, GError **error)
{
  const char *uuid = gvirt_domain_config_get_uuid (b->config);
  const char *emulator = b->ctx->emulator;
  const char *emulator_arch;
  g_autofree char *name_esc = NULL;

  if (b->name == NULL || *b->name == '\0')
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT, _("The domain has no name."));
      return FALSE;
    }
  if (emulator == NULL)
    emulator = gvirt_domain_config_get_emulator (b->config);
  if (emulator == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has no <emulator> and no default emulator was found."), b->name);
      return FALSE;
    }
  if (!check_file (b, emulator, TRUE, "emulator", error))
    return FALSE;
  emulator_arch = arch_from_emulator (emulator);
  b->arch = gvirt_domain_config_get_arch (b->config);
  if (b->arch == NULL)
    b->arch = emulator_arch != NULL ? emulator_arch : "x86_64";
  if (!arch_runs_on (b->arch, emulator_arch))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” is for architecture “%s”, which emulator “%s” does not run."),
                   b->name, b->arch, emulator);
      return FALSE;
    }
  b->machine = gvirt_domain_config_get_machine (b->config);
  if (b->machine == NULL)
    b->machine = default_machine (b->arch);
  b->x86 = g_str_equal (b->arch, "x86_64") || g_str_equal (b->arch, "i686");
  b->q35 = b->x86 && (g_str_equal (b->machine, "q35") || g_str_has_prefix (b->machine, "pc-q35"));
  b->isapc = b->x86 && g_str_equal (b->machine, "isapc");
  b->i440fx = b->x86 && !b->q35 && !b->isapc;
  b->s390 = g_str_equal (b->arch, "s390x");
  b->pseries = g_str_has_prefix (b->machine, "pseries");
  if (uuid != NULL && !g_uuid_string_is_valid (uuid))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has an invalid <uuid> “%s”."), b->name, uuid);
      return FALSE;
    }

  add (b, emulator);
  name_esc = escape_commas (b->name);
  add (b, "-name");
  addf (b, "guest=%s,debug-threads=on", name_esc);
  if (uuid != NULL)
    {
      add (b, "-uuid");
      add (b, uuid);
    }
  add (b, "-nodefaults");
  add (b, "-no-user-config");
  if (!build_machine (b, error) || !build_memory_cpus (b, error) || !build_os (b, error) ||
      !build_lifecycle (b, error) || !build_devices (b, error))
    return FALSE;

  if (b->ctx->qmp_fd >= 0)
    {
      add (b, "-chardev");
      addf (b, "socket,id=qmp,fd=%d,server=on,wait=off", b->ctx->qmp_fd);
    }
  else if (b->ctx->qmp_socket_path != NULL)
    {
      g_autofree char *esc = escape_commas (b->ctx->qmp_socket_path);
      add (b, "-chardev");
      addf (b, "socket,id=qmp,path=%s,server=on,wait=off", esc);
    }
  if (b->ctx->qmp_fd >= 0 || b->ctx->qmp_socket_path != NULL)
    {
      add (b, "-mon");
      add (b, "chardev=qmp,mode=control");
    }
  if (b->ctx->runtime_dir != NULL)
    {
      g_autofree char *pidfile = g_strdup_printf ("%s/%s.pid", b->ctx->runtime_dir, b->name);
      add (b, "-pidfile");
      add (b, pidfile);
    }
  if (b->ctx->start_paused)
    add (b, "-S");
  if (b->ctx->incoming_defer)
    {
      add (b, "-incoming");
      add (b, "defer");
    }
  return TRUE;
}

/**
 * gvirt_qemu_command_build:
 * @config: the domain configuration
 * @ctx: what the backend knows beyond the XML
 * @error: return location for a #GError
 *
 * Turns @config into the argv of a QEMU process (argv[0] is the emulator).
 * Nothing is spawned and nothing but the existence of files is looked at.
 *
 * Returns: (transfer full): the argv, or %NULL with @error set
 *   (%GVIRT_ERROR_INVALID_ARGUMENT for a wrong or incomplete configuration,
 *   %GVIRT_ERROR_UNSUPPORTED for what QEMU or this host cannot do)
 */
GStrv
gvirt_qemu_command_build (GVirtDomainConfig             *config,
                          const GVirtQemuCommandContext *ctx,
                          GError                       **error)
{
  Builder b = { 0 };
  g_autofree char *xml = NULL;
  gboolean ok;

  g_return_val_if_fail (GVIRT_IS_DOMAIN_CONFIG (config), NULL);
  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  b.config = config;
  b.ctx = ctx;
  b.name = gvirt_domain_config_get_name (config);
  b.argv = g_ptr_array_new_with_free_func (g_free);
  b.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xml = gvirt_domain_config_to_xml (config);
  b.doc = xmlReadMemory (xml, strlen (xml), "domain.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (b.doc == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_XML,
                   _("Domain “%s”: the configuration could not be read back."), b.name ? b.name : "?");
      ok = FALSE;
    }
  else
    {
      b.xpath = xmlXPathNewContext (b.doc);
      ok = build (&b, error);
      xmlXPathFreeContext (b.xpath);
      xmlFreeDoc (b.doc);
    }
  g_hash_table_unref (b.targets);
  if (!ok)
    {
      g_ptr_array_unref (b.argv);
      return NULL;
    }
  g_ptr_array_add (b.argv, NULL);
  return (GStrv) g_ptr_array_free (b.argv, FALSE);
}
