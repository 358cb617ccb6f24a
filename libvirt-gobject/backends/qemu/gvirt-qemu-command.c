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
#include "gvirt-qemu-builder-private.h"

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
 * - Every element the builder does not turn into arguments is refused
 *   (gvirt-qemu-command-check.c, GVIRT_ERROR_UNSUPPORTED naming it), at define too.
 * - CPU: custom → "-cpu MODEL,FEAT=on|off"; host-passthrough → "-cpu host", KVM only;
 *   host-model → "host" with KVM, "max" under TCG; maximum → "max"; <topology> in -smp.
 * - Timers: rtc → "-rtc base=…,clock=…,driftfix=slew"; pit with KVM →
 *   "-global kvm-pit.lost_tick_policy=…" (TCG: delay needs nothing, the rest refused);
 *   hpet present='no' → "-machine …,hpet=off".
 * - Channels: "-chardev …,id=charchannelN -device virtserialport,bus=virtio-serial0.0,nr=N+1,…",
 *   a virtio-serial-pci "virtio-serial0" added when no controller is given; a unix
 *   channel without a path listens at RUNTIME_DIR/@HASH.channelN. rng:
 *   "-object rng-random,id=objrngN -device virtio-rng-pci,rng=objrngN,id=rngN".
 * - Disk <driver cache= io= discard= detect_zeroes=> → -drive cache=, aio=, discard=, detect-zeroes=.
 * - VNC: "-vnc LISTEN:DISPLAY" with port ctx->vnc_port when autoport, listen
 *   127.0.0.1 by default; a passwd adds ",password=on" and the runtime must set it
 *   with QMP set_password. No graphics → "-display none".
 */


void
_gvirt_qemu_builder_add (GVirtQemuBuilder *b, const char *arg)
{
  g_ptr_array_add (b->argv, g_strdup (arg));
}

G_GNUC_PRINTF (2, 3) void
_gvirt_qemu_builder_addf (GVirtQemuBuilder *b, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  g_ptr_array_add (b->argv, g_strdup_vprintf (fmt, ap));
  va_end (ap);
}

/* QEMU's option syntax: a comma inside a value is written twice. */
char *
_gvirt_qemu_escape_commas (const char *s)
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

gboolean
_gvirt_qemu_is_identifier (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '-' && *s != '_' && *s != '.')
      return FALSE;
  return TRUE;
}

/* ---- XPath over the formatted configuration, for what the model does not type ---- */

char *
_gvirt_qemu_builder_xpath_string (GVirtQemuBuilder *b, xmlNodePtr node, const char *expr)
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

xmlXPathObjectPtr
_gvirt_qemu_builder_xpath_nodes (GVirtQemuBuilder *b, const char *expr)
{
  b->xpath->node = xmlDocGetRootElement (b->doc);
  return xmlXPathEvalExpression ((const xmlChar *) expr, b->xpath);
}

/* The n-th element @kind under <devices>: the model's device list keeps the
 * document order, so the index of a typed device among its kind finds its node. */
xmlNodePtr
_gvirt_qemu_builder_device_node (GVirtQemuBuilder *b, const char *kind, guint index)
{
  g_autofree char *expr = g_strdup_printf ("/domain/devices/%s[%u]", kind, index + 1);
  xmlXPathObjectPtr obj = _gvirt_qemu_builder_xpath_nodes (b, expr);
  xmlNodePtr node = NULL;

  if (obj != NULL && obj->nodesetval != NULL && obj->nodesetval->nodeNr > 0)
    node = obj->nodesetval->nodeTab[0];
  xmlXPathFreeObject (obj);
  return node;
}

gboolean
_gvirt_qemu_builder_check_file (GVirtQemuBuilder *b, const char *path, gboolean executable, const char *what, GError **error)
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

/* on|off of @attr on @node, appended as ",@qemu=on|off"; anything else is an error. */
gboolean
_gvirt_qemu_on_off_option (GVirtQemuBuilder *b, xmlNodePtr node, const char *attr, const char *qemu,
               const char *what, GString *out, GError **error)
{
  g_autofree char *expr = g_strdup_printf ("string(@%s)", attr);
  g_autofree char *v = _gvirt_qemu_builder_xpath_string (b, node, expr);

  if (v == NULL)
    return TRUE;
  if (!g_str_equal (v, "on") && !g_str_equal (v, "off"))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: %s has %s='%s'; it must be “on” or “off”."), b->name, what, attr, v);
      return FALSE;
    }
  g_string_append_printf (out, ",%s=%s", qemu, v);
  return TRUE;
}

/* <driver iommu= ats=> of a virtio device. */
gboolean
_gvirt_qemu_virtio_driver_options (GVirtQemuBuilder *b, xmlNodePtr dev, const char *what, GString *out, GError **error)
{
  xmlNodePtr driver = NULL;

  for (xmlNodePtr c = dev->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, (const xmlChar *) "driver"))
      driver = c;
  if (driver == NULL)
    return TRUE;
  return _gvirt_qemu_on_off_option (b, driver, "iommu", "iommu_platform", what, out, error) &&
         _gvirt_qemu_on_off_option (b, driver, "ats", "ats", what, out, error);
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
build_machine (GVirtQemuBuilder *b, GError **error)
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
      b->kvm = TRUE;
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

  if (!_gvirt_qemu_is_identifier (b->machine))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has an invalid machine type “%s” in <os><type>."),
                   b->name, b->machine);
      return FALSE;
    }

  g_string_append_printf (machine, "%s,accel=%s", b->machine, accel);
  {
    g_autofree char *hpet = _gvirt_qemu_builder_xpath_string (b, NULL, "string(/domain/clock/timer[@name='hpet']/@present)");
    xmlXPathObjectPtr n_hpet = _gvirt_qemu_builder_xpath_nodes (b, "count(/domain/clock/timer[@name='hpet'])");
    gboolean have_hpet = n_hpet != NULL && n_hpet->floatval > 0;

    xmlXPathFreeObject (n_hpet);
    if (have_hpet && (!b->x86 || b->isapc))
      {
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                     _("Domain “%s”: machine “%s” has no HPET to configure (<timer name='hpet'>)."),
                     b->name, b->machine);
        return FALSE;
      }
    if (g_strcmp0 (hpet, "no") == 0)
      g_string_append (machine, ",hpet=off");
    else if (hpet != NULL && !g_str_equal (hpet, "yes"))
      {
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                     _("Domain “%s”: <timer name='hpet'> has present='%s'; it must be “yes” or “no”."),
                     b->name, hpet);
        return FALSE;
      }
  }
  if (b->x86 && !b->isapc && !gvirt_domain_config_get_acpi (b->config))
    g_string_append (machine, ",acpi=off");
  if (g_str_equal (b->arch, "aarch64") && gvirt_domain_config_get_acpi (b->config))
    {
      g_autofree char *firmware = _gvirt_qemu_builder_xpath_string (b, NULL, "string(/domain/os/@firmware)");
      g_autofree char *loader_type = _gvirt_qemu_builder_xpath_string (b, NULL, "string(/domain/os/loader/@type)");

      if (g_strcmp0 (firmware, "efi") != 0 && g_strcmp0 (loader_type, "pflash") != 0)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: ACPI (<features><acpi/>) needs UEFI firmware on %s."),
                       b->name, b->arch);
          return FALSE;
        }
    }
  _gvirt_qemu_builder_add (b, "-machine");
  _gvirt_qemu_builder_add (b, machine->str);
  return TRUE;
}

/* <cpu><topology sockets= dies= cores= threads=/>: ",sockets=S,dies=D,cores=C,threads=T",
 * whose product must be the (maximum) vCPU count. */
static gboolean
cpu_topology (GVirtQemuBuilder *b, guint vcpus, GString *smp, GError **error)
{
  static const char *const attrs[] = { "sockets", "dies", "cores", "threads" };
  xmlXPathObjectPtr obj = _gvirt_qemu_builder_xpath_nodes (b, "count(/domain/cpu/topology)");
  gboolean have = obj != NULL && obj->floatval > 0;
  guint64 product = 1;

  xmlXPathFreeObject (obj);
  if (!have)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
    {
      g_autofree char *expr = g_strdup_printf ("string(/domain/cpu/topology/@%s)", attrs[i]);
      g_autofree char *v = _gvirt_qemu_builder_xpath_string (b, NULL, expr);
      guint64 n = 1;

      if (v == NULL && g_str_equal (attrs[i], "dies"))
        continue;
      if (v == NULL || !g_ascii_string_to_unsigned (v, 10, 1, 4096, &n, NULL))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s”: <cpu><topology> needs a %s count between 1 and 4096."), b->name, attrs[i]);
          return FALSE;
        }
      product *= n;
      g_string_append_printf (smp, ",%s=%" G_GUINT64_FORMAT, attrs[i], n);
    }
  if (product != vcpus)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: <cpu><topology> gives %" G_GUINT64_FORMAT " vCPUs, but <vcpu> is %u."),
                   b->name, product, vcpus);
      return FALSE;
    }
  return TRUE;
}

/* <cpu mode=…><model>…</model><feature policy= name=/></cpu> → "-cpu …".
 * custom: the named model; host-passthrough: "host", KVM only (as libvirt);
 * host-model: "host" with KVM, "max" under TCG (the most QEMU can emulate);
 * maximum: "max". Features: require/force → NAME=on, disable/forbid → NAME=off. */
static gboolean
build_cpu_model (GVirtQemuBuilder *b, GError **error)
{
  g_autofree char *mode = _gvirt_qemu_builder_xpath_string (b, NULL, "string(/domain/cpu/@mode)");
  g_autofree char *model = _gvirt_qemu_builder_xpath_string (b, NULL, "normalize-space(/domain/cpu/model)");
  xmlXPathObjectPtr features = _gvirt_qemu_builder_xpath_nodes (b, "/domain/cpu/feature");
  g_autoptr(GString) cpu = g_string_new (NULL);
  gboolean ok = TRUE;

  if (mode == NULL || g_str_equal (mode, "custom"))
    {
      if (model != NULL)
        {
          if (!_gvirt_qemu_is_identifier (model))
            {
              g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                           _("Domain “%s” has an invalid CPU model “%s”."), b->name, model);
              ok = FALSE;
              goto out;
            }
          g_string_append (cpu, model);
        }
    }
  else if (g_str_equal (mode, "host-passthrough"))
    {
      if (!b->kvm)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: <cpu mode='host-passthrough'> needs KVM (domain type “kvm”); "
                         "under emulation use mode “host-model” or “maximum”."), b->name);
          ok = FALSE;
          goto out;
        }
      g_string_append (cpu, "host");
    }
  else if (g_str_equal (mode, "host-model"))
    g_string_append (cpu, b->kvm ? "host" : "max");
  else if (g_str_equal (mode, "maximum"))
    g_string_append (cpu, "max");
  else
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s” has an unknown CPU mode “%s”."), b->name, mode);
      ok = FALSE;
      goto out;
    }
  if (model != NULL && (mode != NULL && !g_str_equal (mode, "custom")))
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                   _("Domain “%s”: a <cpu><model> is used only with mode “custom”, not “%s”."), b->name, mode);
      ok = FALSE;
      goto out;
    }

  for (int i = 0; features != NULL && features->nodesetval != NULL && i < features->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = features->nodesetval->nodeTab[i];
      g_autofree char *name = _gvirt_qemu_builder_xpath_string (b, node, "string(@name)");
      g_autofree char *policy = _gvirt_qemu_builder_xpath_string (b, node, "string(@policy)");
      const char *value;

      if (cpu->len == 0)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: CPU features need a <cpu><model> (or a mode other than “custom”)."), b->name);
          ok = FALSE;
          goto out;
        }
      if (name == NULL || !_gvirt_qemu_is_identifier (name))
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s” has a CPU <feature> with an invalid name “%s”."), b->name, name ? name : "");
          ok = FALSE;
          goto out;
        }
      if (policy == NULL || g_str_equal (policy, "require") || g_str_equal (policy, "force"))
        value = "on";
      else if (g_str_equal (policy, "disable") || g_str_equal (policy, "forbid"))
        value = "off";
      else
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("Domain “%s”: CPU feature “%s” has policy “%s”; the QEMU backend supports "
                         "require, force, disable and forbid."), b->name, name, policy);
          ok = FALSE;
          goto out;
        }
      g_string_append_printf (cpu, ",%s=%s", name, value);
    }
  if (cpu->len > 0)
    {
      _gvirt_qemu_builder_add (b, "-cpu");
      _gvirt_qemu_builder_add (b, cpu->str);
    }
out:
  xmlXPathFreeObject (features);
  return ok;
}

static gboolean
build_memory_cpus (GVirtQemuBuilder *b, GError **error)
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
      g_autofree char *slots = _gvirt_qemu_builder_xpath_string (b, NULL, "string(/domain/maxMemory/@slots)");
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
  _gvirt_qemu_builder_add (b, "-m");
  _gvirt_qemu_builder_add (b, mem->str);

  if (vcpus == 0)
    vcpus = 1;
  if (current_vcpus > vcpus)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                   _("Domain “%s”: <vcpu current='%u'> is more than the %u vCPUs."),
                   b->name, current_vcpus, vcpus);
      return FALSE;
    }
  {
    g_autoptr(GString) smp = g_string_new (NULL);

    if (current_vcpus > 0 && current_vcpus < vcpus)
      g_string_append_printf (smp, "%u,maxcpus=%u", current_vcpus, vcpus);
    else
      g_string_append_printf (smp, "%u", vcpus);
    if (!cpu_topology (b, vcpus, smp, error))
      return FALSE;
    _gvirt_qemu_builder_add (b, "-smp");
    _gvirt_qemu_builder_add (b, smp->str);
  }
  return build_cpu_model (b, error);
}

/* <clock offset=…> and its <timer>s: "-rtc base=utc|localtime[,clock=…][,driftfix=slew]";
 * pit: "-global kvm-pit.lost_tick_policy=delay|discard" with KVM. Under TCG
 * QEMU's own PIT has no lost-tick policy: its ticks follow the virtual clock,
 * which stops with the vCPUs, which is what "delay" means, so delay (or no
 * tickpolicy) needs no argument there and the other policies are refused.
 * hpet is in build_machine (",hpet=off"). */
static gboolean
build_clock (GVirtQemuBuilder *b, const char *clock, GError **error)
{
  xmlXPathObjectPtr timers = _gvirt_qemu_builder_xpath_nodes (b, "/domain/clock/timer");
  g_autoptr(GString) rtc = g_string_new (NULL);
  gboolean ok = TRUE;

  if (clock != NULL && !g_str_equal (clock, "utc") && !g_str_equal (clock, "localtime"))
    {
      if (g_str_equal (clock, "variable") || g_str_equal (clock, "timezone"))
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                     _("Domain “%s”: the QEMU backend cannot use <clock offset='%s'>; use “utc” or “localtime”."),
                     b->name, clock);
      else
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                     _("Domain “%s” has an unknown clock offset “%s”."), b->name, clock);
      ok = FALSE;
      goto out;
    }
  if (clock != NULL)
    g_string_append_printf (rtc, "base=%s", clock);

  for (int i = 0; timers != NULL && timers->nodesetval != NULL && i < timers->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = timers->nodesetval->nodeTab[i];
      g_autofree char *name = _gvirt_qemu_builder_xpath_string (b, node, "string(@name)");
      g_autofree char *present = _gvirt_qemu_builder_xpath_string (b, node, "string(@present)");
      g_autofree char *policy = _gvirt_qemu_builder_xpath_string (b, node, "string(@tickpolicy)");
      g_autofree char *track = _gvirt_qemu_builder_xpath_string (b, node, "string(@track)");

      if (g_strcmp0 (name, "hpet") == 0)
        {
          if (policy != NULL || track != NULL)
            goto unsupported;
          continue;
        }
      if (present != NULL && !g_str_equal (present, "yes"))
        goto unsupported;    /* neither the RTC nor the PIT of a PC can be removed */
      if (g_strcmp0 (name, "rtc") == 0)
        {
          if (!b->x86)
            goto unsupported;
          if (track != NULL)
            {
              if (rtc->len == 0)
                g_string_append (rtc, "base=utc");
              if (g_str_equal (track, "guest"))
                g_string_append (rtc, ",clock=vm");
              else if (g_str_equal (track, "wall"))
                g_string_append (rtc, ",clock=host");
              else if (g_str_equal (track, "realtime"))
                g_string_append (rtc, ",clock=rt");
              else
                goto unsupported;
            }
          if (policy != NULL)
            {
              if (rtc->len == 0)
                g_string_append (rtc, "base=utc");
              if (g_str_equal (policy, "catchup"))
                g_string_append (rtc, ",driftfix=slew");
              else if (!g_str_equal (policy, "delay"))   /* delay: QEMU's default */
                goto unsupported;
            }
        }
      else if (g_strcmp0 (name, "pit") == 0)
        {
          if (!b->x86 || track != NULL)
            goto unsupported;
          if (b->kvm && (policy == NULL || g_str_equal (policy, "delay") || g_str_equal (policy, "discard")))
            {
              _gvirt_qemu_builder_add (b, "-global");
              _gvirt_qemu_builder_addf (b, "kvm-pit.lost_tick_policy=%s", policy != NULL ? policy : "delay");
            }
          else if (b->kvm || (policy != NULL && !g_str_equal (policy, "delay")))
            goto unsupported;
        }
      continue;

    unsupported:
      {
        g_autoptr(GString) what = g_string_new (NULL);

        g_string_append_printf (what, "<timer name='%s'", name);
        if (present != NULL)
          g_string_append_printf (what, " present='%s'", present);
        if (policy != NULL)
          g_string_append_printf (what, " tickpolicy='%s'", policy);
        if (track != NULL)
          g_string_append_printf (what, " track='%s'", track);
        g_string_append (what, ">");
        g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                     b->kvm || g_strcmp0 (name, "pit") != 0 ?
                     _("Domain “%s”: the QEMU backend cannot use %s on machine “%s”.") :
                     _("Domain “%s”: the QEMU backend cannot use %s on machine “%s” without KVM."),
                     b->name, what->str, b->machine);
        ok = FALSE;
        goto out;
      }
    }
  if (rtc->len > 0)
    {
      _gvirt_qemu_builder_add (b, "-rtc");
      _gvirt_qemu_builder_add (b, rtc->str);
    }
out:
  xmlXPathFreeObject (timers);
  return ok;
}

static gboolean
build_os (GVirtQemuBuilder *b, GError **error)
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
      if (!_gvirt_qemu_builder_check_file (b, kernel, FALSE, "kernel", error))
        return FALSE;
      _gvirt_qemu_builder_add (b, "-kernel");
      _gvirt_qemu_builder_add (b, kernel);
    }
  if (initrd != NULL)
    {
      if (kernel == NULL)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s” has an <initrd> but no <kernel>."), b->name);
          return FALSE;
        }
      if (!_gvirt_qemu_builder_check_file (b, initrd, FALSE, "initrd", error))
        return FALSE;
      _gvirt_qemu_builder_add (b, "-initrd");
      _gvirt_qemu_builder_add (b, initrd);
    }
  if (cmdline != NULL)
    {
      if (kernel == NULL)
        {
          g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_INVALID_ARGUMENT,
                       _("Domain “%s” has a <cmdline> but no <kernel>."), b->name);
          return FALSE;
        }
      _gvirt_qemu_builder_add (b, "-append");
      _gvirt_qemu_builder_add (b, cmdline);
    }
  if (loader != NULL)
    {
      g_autofree char *loader_type = _gvirt_qemu_builder_xpath_string (b, NULL, "string(/domain/os/loader/@type)");

      if (!_gvirt_qemu_builder_check_file (b, loader, FALSE, "firmware loader", error))
        return FALSE;
      if (g_strcmp0 (loader_type, "pflash") == 0)
        {
          g_autofree char *esc = _gvirt_qemu_escape_commas (loader);
          _gvirt_qemu_builder_add (b, "-drive");
          _gvirt_qemu_builder_addf (b, "if=pflash,format=raw,unit=0,readonly=on,file=%s", esc);
        }
      else
        {
          _gvirt_qemu_builder_add (b, "-bios");
          _gvirt_qemu_builder_add (b, loader);
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
      _gvirt_qemu_builder_add (b, "-boot");
      _gvirt_qemu_builder_addf (b, "order=%s", order->str);
    }

  return build_clock (b, clock, error);
}

static gboolean
build_lifecycle (GVirtQemuBuilder *b, GError **error)
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
  _gvirt_qemu_builder_add (b, "-action");
  _gvirt_qemu_builder_addf (b, "reboot=%s,shutdown=%s,panic=%s", reboot, shutdown, panic);
  return TRUE;
}

static gboolean
build (GVirtQemuBuilder *b, GError **error)
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
  if (!_gvirt_qemu_builder_check_file (b, emulator, TRUE, "emulator", error))
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

  _gvirt_qemu_builder_add (b, emulator);
  name_esc = _gvirt_qemu_escape_commas (b->name);
  _gvirt_qemu_builder_add (b, "-name");
  _gvirt_qemu_builder_addf (b, "guest=%s,debug-threads=on", name_esc);
  if (uuid != NULL)
    {
      _gvirt_qemu_builder_add (b, "-uuid");
      _gvirt_qemu_builder_add (b, uuid);
    }
  _gvirt_qemu_builder_add (b, "-nodefaults");
  _gvirt_qemu_builder_add (b, "-no-user-config");
  if (!build_machine (b, error) || !build_memory_cpus (b, error) || !build_os (b, error) ||
      !build_lifecycle (b, error) || !_gvirt_qemu_check_elements (b->doc, b->name, error) ||
      !_gvirt_qemu_build_devices (b, error))
    return FALSE;

  if (b->ctx->qmp_fd >= 0)
    {
      _gvirt_qemu_builder_add (b, "-chardev");
      _gvirt_qemu_builder_addf (b, "socket,id=qmp,fd=%d,server=on,wait=off", b->ctx->qmp_fd);
    }
  else if (b->ctx->qmp_socket_path != NULL)
    {
      g_autofree char *esc = _gvirt_qemu_escape_commas (b->ctx->qmp_socket_path);
      _gvirt_qemu_builder_add (b, "-chardev");
      _gvirt_qemu_builder_addf (b, "socket,id=qmp,path=%s,server=on,wait=off", esc);
    }
  if (b->ctx->qmp_fd >= 0 || b->ctx->qmp_socket_path != NULL)
    {
      _gvirt_qemu_builder_add (b, "-mon");
      _gvirt_qemu_builder_add (b, "chardev=qmp,mode=control");
    }
  if (b->ctx->pid_file != NULL)
    {
      _gvirt_qemu_builder_add (b, "-pidfile");
      _gvirt_qemu_builder_add (b, b->ctx->pid_file);
    }
  else if (b->ctx->runtime_dir != NULL)
    {
      g_autofree char *pidfile = g_strdup_printf ("%s/%s.pid", b->ctx->runtime_dir, b->name);
      _gvirt_qemu_builder_add (b, "-pidfile");
      _gvirt_qemu_builder_add (b, pidfile);
    }
  if (b->ctx->start_paused)
    _gvirt_qemu_builder_add (b, "-S");
  if (b->ctx->incoming_defer)
    {
      _gvirt_qemu_builder_add (b, "-incoming");
      _gvirt_qemu_builder_add (b, "defer");
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
  GVirtQemuBuilder b = { 0 };
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
