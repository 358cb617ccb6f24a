/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Host probing for the QEMU backend: emulators on PATH, their machines over QMP, KVM, /proc and sysfs. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <linux/kvm.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "libvirt-gobject/gvirt-error.h"
#include "libvirt-gobject/gvirt-i18n-private.h"
#include "libvirt-gobject/config/gvirt-capabilities-guest.h"
#include "libvirt-gobject/config/gvirt-capabilities-domain.h"
#include "gvirt-qemu-caps-private.h"
#include "gvirt-qemu-protocol-private.h"

/* Every qemu-system-ARCH on PATH (first hit per name), sorted, x86_64 first. */
char **
gvirt_qemu_find_emulators (void)
{
  const char *path = g_getenv ("PATH");
  g_auto(GStrv) dirs = g_strsplit (path != NULL ? path : "/usr/bin:/bin", ":", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *out = g_ptr_array_new ();

  for (char **d = dirs; *d != NULL; d++)
    {
      g_autoptr(GDir) dir = g_dir_open (**d ? *d : ".", 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *full = NULL;

          if (!g_str_has_prefix (name, "qemu-system-") ||
              strchr (name + strlen ("qemu-system-"), '-') != NULL ||
              g_hash_table_contains (seen, name))
            continue;
          full = g_build_filename (*d, name, NULL);
          if (!g_file_test (full, G_FILE_TEST_IS_EXECUTABLE))
            continue;
          g_hash_table_add (seen, (gpointer) g_intern_string (name));
          if (g_str_equal (name, "qemu-system-x86_64"))
            g_ptr_array_insert (out, 0, g_steal_pointer (&full));
          else
            g_ptr_array_add (out, g_steal_pointer (&full));
        }
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* /dev/kvm opens and creates a VM (it does here: PVM; a bare device node is not enough). */
gboolean
gvirt_qemu_kvm_available (void)
{
  int fd = open ("/dev/kvm", O_RDWR | O_CLOEXEC);
  int vm;

  if (fd < 0)
    return FALSE;
  if (ioctl (fd, KVM_GET_API_VERSION, 0) != KVM_API_VERSION)
    {
      close (fd);
      return FALSE;
    }
  vm = ioctl (fd, KVM_CREATE_VM, 0);
  if (vm >= 0)
    close (vm);
  close (fd);
  return vm >= 0;
}

/* Machines of one emulator: QMP query-machines against a -machine none -S probe. */
static char **
probe_machines (const char *emulator,
                char      **default_machine,
                GError    **error)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *machines;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                           G_SUBPROCESS_FLAGS_STDERR_SILENCE, error,
                           emulator, "-machine", "none", "-S", "-nodefaults", "-no-user-config",
                           "-display", "none", "-qmp", "stdio", NULL);
  if (proc == NULL)
    return NULL;
  if (!g_subprocess_communicate_utf8 (proc,
                                      "{\"execute\":\"qmp_capabilities\"}\n"
                                      "{\"execute\":\"query-machines\",\"id\":\"m\"}\n"
                                      "{\"execute\":\"quit\"}\n",
                                      NULL, &out, NULL, error))
    return NULL;

  machines = g_ptr_array_new ();
  lines = g_strsplit (out != NULL ? out : "", "\n", -1);
  for (char **l = lines; *l != NULL; l++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *msg;
      JsonArray *arr;

      if ((msg = gvirt_qemu_parse_object (parser, *l, -1)) == NULL)
        continue;
      if (g_strcmp0 (json_object_get_string_member_with_default (msg, "id", ""), "m") != 0 ||
          (arr = gvirt_qemu_array_member (msg, "return")) == NULL)
        continue;
      for (guint i = 0; i < json_array_get_length (arr); i++)
        {
          JsonNode *node = json_array_get_element (arr, i);
          JsonObject *m = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *name = m != NULL ? json_object_get_string_member_with_default (m, "name", NULL) : NULL;

          if (name == NULL || g_str_equal (name, "none"))
            continue;
          if (json_object_get_boolean_member_with_default (m, "is-default", FALSE))
            {
              g_free (*default_machine);
              *default_machine = g_strdup (name);
              g_ptr_array_insert (machines, 0, g_strdup (name));
            }
          else
            g_ptr_array_add (machines, g_strdup (name));
        }
    }
  if (machines->len == 0)
    {
      g_ptr_array_free (machines, TRUE);
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("The emulator “%s” did not list its machine types."), emulator);
      return NULL;
    }
  g_ptr_array_add (machines, NULL);
  return (char **) g_ptr_array_free (machines, FALSE);
}

/* The machines of @emulator from the cache (keyed by path and mtime), probing on a miss. */
static char **
cached_machines (const char *cache_dir,
                 const char *emulator,
                 GError    **error)
{
  struct stat st;
  g_autofree char *key = NULL;
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *default_machine = NULL;
  g_autofree char *want = NULL;
  char **machines;

  if (stat (emulator, &st) < 0)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("Cannot read the emulator “%s”: %s"), emulator, g_strerror (errno));
      return NULL;
    }
  key = g_compute_checksum_for_string (G_CHECKSUM_SHA1, emulator, -1);
  file = g_build_filename (cache_dir, "capabilities", key, NULL);
  want = g_strdup_printf ("%s\n%" G_GINT64_FORMAT ".%ld\n", emulator,
                          (gint64) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  if (g_file_get_contents (file, &text, NULL, NULL) && g_str_has_prefix (text, want))
    {
      machines = g_strsplit (text + strlen (want), "\n", -1);
      if (machines[0] != NULL && *machines[0] != '\0')
        {
          /* drop the empty string after the last newline */
          guint n = g_strv_length (machines);
          if (n > 0 && *machines[n - 1] == '\0')
            g_clear_pointer (&machines[n - 1], g_free);
          return machines;
        }
      g_strfreev (machines);
    }

  machines = probe_machines (emulator, &default_machine, error);
  if (machines != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", machines);
      g_autofree char *content = g_strconcat (want, joined, "\n", NULL);
      g_autofree char *dir = g_path_get_dirname (file);

      if (g_mkdir_with_parents (dir, 0700) == 0)
        g_file_set_contents (file, content, -1, NULL);
    }
  return machines;
}

/* The kernel's name for the machine: x86_64, aarch64, ... */
static const char *
host_arch (void)
{
  static struct utsname uts;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      if (uname (&uts) < 0)
        g_strlcpy (uts.machine, "x86_64", sizeof uts.machine);
      g_once_init_leave (&done, 1);
    }
  return uts.machine;
}

static char *
cpuinfo_value (const char *cpuinfo,
               const char *key)
{
  g_auto(GStrv) lines = g_strsplit (cpuinfo, "\n", -1);

  for (char **l = lines; *l != NULL; l++)
    if (g_str_has_prefix (*l, key))
      {
        const char *colon = strchr (*l, ':');
        const char *rest = *l + strlen (key);

        while (*rest == ' ' || *rest == '\t')
          rest++;
        if (colon != NULL && rest == colon)
          return g_strstrip (g_strdup (colon + 1));
      }
  return NULL;
}

static void
host_topology (const char *cpuinfo, guint *sockets, guint *cores, guint *threads)
{
  g_autofree char *siblings = cpuinfo_value (cpuinfo, "siblings");
  g_autofree char *ncores = cpuinfo_value (cpuinfo, "cpu cores");
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = g_strsplit (cpuinfo, "\n", -1);
  guint c, s;

  for (char **l = lines; *l != NULL; l++)
    if (g_str_has_prefix (*l, "physical id"))
      g_hash_table_add (ids, g_strdup (*l));
  *sockets = MAX (1, g_hash_table_size (ids));
  c = ncores != NULL ? (guint) atoi (ncores) : 1u;
  s = siblings != NULL ? (guint) atoi (siblings) : c;
  *cores = MAX (1, c);
  *threads = MAX (1, c > 0 ? s / c : 1u);
}

GVirtCapabilities *
gvirt_qemu_probe_capabilities (const char *cache_dir,
                               GError    **error)
{
  g_autoptr(GVirtCapabilities) caps = gvirt_capabilities_new ();
  g_auto(GStrv) emulators = gvirt_qemu_find_emulators ();
  g_autofree char *cpuinfo = NULL;
  g_autofree char *flags = NULL;
  g_autofree char *vendor = NULL;
  g_autofree char *model = NULL;
  g_autofree char *host_uuid = NULL;
  g_autoptr(GVirtNodeInfo) node = NULL;
  gboolean kvm = gvirt_qemu_kvm_available ();

  if (emulators[0] == NULL)
    {
      g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_HYPERVISOR,
                   _("No QEMU emulator (qemu-system-*) was found on PATH."));
      return NULL;
    }

  g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL);
  if (cpuinfo == NULL)
    cpuinfo = g_strdup ("");
  gvirt_capabilities_set_host_arch (caps, host_arch ());
  if (g_file_get_contents ("/etc/machine-id", &host_uuid, NULL, NULL))
    {
      g_strstrip (host_uuid);
      if (strlen (host_uuid) == 32)
        {
          g_autofree char *u = g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", host_uuid,
                                                host_uuid + 8, host_uuid + 12,
                                                host_uuid + 16, host_uuid + 20);
          gvirt_capabilities_set_host_uuid (caps, u);
        }
    }
  vendor = cpuinfo_value (cpuinfo, "vendor_id");
  model = cpuinfo_value (cpuinfo, "model name");
  if (vendor != NULL)
    gvirt_capabilities_set_host_cpu_vendor (caps, vendor);
  if (model != NULL)
    gvirt_capabilities_set_host_cpu_model (caps, model);
  /* the host's processors and memory as the node info counts them */
  node = gvirt_qemu_node_info ();
  gvirt_capabilities_set_host_topology (caps, node);
  flags = cpuinfo_value (cpuinfo, "flags");
  if (flags != NULL)
    {
      g_auto(GStrv) list = g_strsplit (flags, " ", -1);
      for (char **f = list; *f != NULL; f++)
        if (**f != '\0')
          gvirt_capabilities_add_host_cpu_feature (caps, *f);
    }

  for (char **e = emulators; *e != NULL; e++)
    {
      g_autoptr(GVirtCapabilitiesGuest) guest = NULL;
      g_autoptr(GError) local = NULL;
      g_auto(GStrv) machines = cached_machines (cache_dir, *e, &local);
      g_autofree char *base = g_path_get_basename (*e);
      const char *arch = base + strlen ("qemu-system-");
      GVirtCapabilitiesDomain *dom;

      if (machines == NULL)
        {
          g_debug ("Skipping %s: %s", *e, local->message);
          continue;
        }
      guest = gvirt_capabilities_guest_new ();
      gvirt_capabilities_guest_set_os_type (guest, "hvm");
      gvirt_capabilities_guest_set_arch (guest, arch);
      gvirt_capabilities_guest_set_wordsize (guest, g_str_has_suffix (arch, "64") ? 64 : 32);
      gvirt_capabilities_guest_set_emulator (guest, *e);
      gvirt_capabilities_guest_set_machines (guest, (const char * const *) machines);
      gvirt_capabilities_guest_add_feature (guest, "acpi");
      gvirt_capabilities_guest_add_feature (guest, "apic");
      dom = gvirt_capabilities_guest_add_domain (guest, "qemu");
      gvirt_capabilities_domain_set_emulator (dom, *e);
      g_object_unref (dom);
      /* KVM runs the host's own arch (and i386 on x86_64 hosts). */
      if (kvm && (g_str_equal (arch, "x86_64") || g_str_equal (arch, "i386")))
        {
          dom = gvirt_capabilities_guest_add_domain (guest, "kvm");
          gvirt_capabilities_domain_set_emulator (dom, *e);
          g_object_unref (dom);
        }
      gvirt_capabilities_add_guest (caps, guest);
    }
  return g_steal_pointer (&caps);
}

GVirtNodeInfo *
gvirt_qemu_node_info (void)
{
  GVirtNodeInfo *info = gvirt_node_info_new ();
  g_autofree char *cpuinfo = NULL;
  g_autofree char *meminfo = NULL;
  g_autofree char *mhz = NULL;
  g_autoptr(GDir) nodes = NULL;
  const char *name;
  guint n_nodes = 0;

  info->model = g_strdup (host_arch ());
  info->cpus = MAX (1, sysconf (_SC_NPROCESSORS_ONLN));
  if (g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL))
    {
      const char *p = strstr (meminfo, "MemTotal:");
      if (p != NULL)
        info->memory = g_ascii_strtoull (p + strlen ("MemTotal:"), NULL, 10);
    }
  if (!g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    cpuinfo = g_strdup ("");
  mhz = cpuinfo_value (cpuinfo, "cpu MHz");
  info->mhz = mhz != NULL ? (guint) g_ascii_strtod (mhz, NULL) : 0;
  nodes = g_dir_open ("/sys/devices/system/node", 0, NULL);
  while (nodes != NULL && (name = g_dir_read_name (nodes)) != NULL)
    if (g_str_has_prefix (name, "node") && g_ascii_isdigit (name[4]))
      n_nodes++;
  info->nodes = MAX (1, n_nodes);
  host_topology (cpuinfo, &info->sockets, &info->cores, &info->threads);
  /* /proc/cpuinfo counts the sockets of the host; the node info, as
   * libvirt's, those of one NUMA node */
  info->sockets = MAX (1, info->sockets / info->nodes);
  return info;
}
