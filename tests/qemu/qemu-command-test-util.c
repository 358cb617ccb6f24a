/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers shared by the QEMU argv builder's unit tests. */
#include <string.h>

#include "qemu-command-test-util.h"

char *
domain_xml (const char *type, const char *os_extra, const char *devices, const char *extra)
{
  return g_strdup_printf (
    "<domain type='%s'>\n"
    "  <name>gt</name>\n"
    "  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>\n"
    "  <memory unit='KiB'>131072</memory>\n"
    "  <vcpu>2</vcpu>\n"
    "  <os><type arch='x86_64' machine='pc'>hvm</type>%s</os>\n"
    "  <features><acpi/></features>\n"
    "%s"
    "  <devices>\n"
    "    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
    "%s"
    "  </devices>\n"
    "</domain>\n",
    type, os_extra ? os_extra : "", extra ? extra : "", devices ? devices : "");
}

GVirtQemuCommandContext
fake_ctx (void)
{
  GVirtQemuCommandContext ctx = {
    .emulator = "/usr/bin/qemu-system-x86_64",
    .qmp_fd = -1,
    .skip_file_checks = TRUE,
  };
  return ctx;
}

GVirtDomainConfig *
parse (const char *xml)
{
  g_autoptr(GError) error = NULL;
  GVirtDomainConfig *config = gvirt_domain_config_new_from_xml (xml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (config);
  return config;
}

GStrv
build_xml (const char *xml, const GVirtQemuCommandContext *ctx, GError **error)
{
  g_autoptr(GVirtDomainConfig) config = parse (xml);

  return gvirt_qemu_command_build (config, ctx, error);
}

GStrv
build_ok (const char *xml, const GVirtQemuCommandContext *ctx)
{
  g_autoptr(GError) error = NULL;
  GStrv argv = build_xml (xml, ctx, &error);

  g_assert_no_error (error);
  g_assert_nonnull (argv);
  return argv;
}

void
build_fails (const char *xml, const GVirtQemuCommandContext *ctx, gint code, const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = build_xml (xml, ctx, &error);

  g_assert_null (argv);
  g_assert_error (error, GVIRT_ERROR, code);
  g_test_message ("expected error: %s", error->message);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("error “%s” does not mention “%s”", error->message, needle);
  g_assert_nonnull (strstr (error->message, "gt"));   /* names the domain */
}

/* Whether @opt is followed by @value somewhere in @argv. */
gboolean
has_pair (GStrv argv, const char *opt, const char *value)
{
  for (guint i = 1; argv[i] != NULL && argv[i + 1] != NULL; i++)
    if (g_str_equal (argv[i], opt) && g_str_equal (argv[i + 1], value))
      return TRUE;
  return FALSE;
}

gboolean
has_arg (GStrv argv, const char *arg)
{
  return g_strv_contains ((const char * const *) argv, arg);
}

guint
count_opt (GStrv argv, const char *opt)
{
  guint n = 0;

  for (guint i = 1; argv[i] != NULL; i++)
    if (g_str_equal (argv[i], opt))
      n++;
  return n;
}
