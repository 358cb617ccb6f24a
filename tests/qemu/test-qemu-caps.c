/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The QEMU backend's capabilities without a guest: a stand-in emulator answers the machine query. */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include <libvirt-gobject/libvirt-gobject.h>
#include "libvirt-gobject/backends/qemu/gvirt-qemu-caps-private.h"
#include "gvirt-test-caps.h"

/* Answers qmp_capabilities and query-machines the way QEMU does, one JSON
 * object a line. */
static const char fake_emulator[] =
  "#!/bin/sh\n"
  "while read -r line; do :; done\n"
  "echo '{\"QMP\": {\"version\": {}, \"capabilities\": []}}'\n"
  "echo '{\"return\": {}}'\n"
  "echo '{\"return\": [{\"name\": \"none\"}, {\"name\": \"pc-test\", \"is-default\": true}], \"id\": \"m\"}'\n"
  "echo '{\"return\": {}}'\n";

/* The host of the capabilities is the host of the node info: the same
 * sockets per NUMA node, cores, threads, cells, CPUs and memory. */
static void
test_topology (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gvirt-qemu-caps-XXXXXX", NULL);
  g_autofree char *bin = g_build_filename (dir, "bin", NULL);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *emulator = g_build_filename (bin, "qemu-system-x86_64", NULL);
  g_autofree char *old_path = g_strdup (g_getenv ("PATH"));
  g_autoptr(GVirtCapabilities) caps = NULL;
  g_autoptr(GVirtNodeInfo) info = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_file = NULL;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir (bin, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (cache, 0700), ==, 0);
  g_assert_true (g_file_set_contents (emulator, fake_emulator, -1, NULL));
  g_assert_cmpint (g_chmod (emulator, 0700), ==, 0);
  g_setenv ("PATH", bin, TRUE);

  caps = gvirt_qemu_probe_capabilities (cache, &error);
  g_setenv ("PATH", old_path, TRUE);
  g_assert_no_error (error);
  guests = gvirt_capabilities_get_guests (caps);
  g_assert_cmpuint (guests->len, ==, 1);
  info = gvirt_qemu_node_info ();
  gvirt_test_assert_caps_match_node (caps, info);
  g_assert_cmpuint (info->sockets * info->cores * info->threads * info->nodes, >=, 1);
  g_assert_true (gvirt_capabilities_validate (caps, &error));
  g_assert_no_error (error);

  /* the machine list is cached by the emulator's path and time */
  {
    g_autoptr(GDir) entries = NULL;
    g_autofree char *caps_dir = g_build_filename (cache, "capabilities", NULL);
    const char *name;

    entries = g_dir_open (caps_dir, 0, NULL);
    while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
      {
        g_free (cache_file);
        cache_file = g_build_filename (caps_dir, name, NULL);
        g_remove (cache_file);
      }
    g_rmdir (caps_dir);
  }
  g_remove (emulator);
  g_rmdir (bin);
  g_rmdir (cache);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/qemu/caps/topology", test_topology);
  return g_test_run ();
}
