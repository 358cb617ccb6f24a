/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers shared by the QEMU argv builder's unit tests. */
#pragma once

#include <glib.h>

#include <libvirt-gobject/libvirt-gobject.h>
#include "libvirt-gobject/config/gvirt-config.h"
#include "libvirt-gobject/backends/qemu/gvirt-qemu-command-private.h"

char *domain_xml (const char *type, const char *os_extra, const char *devices, const char *extra);
GVirtQemuCommandContext fake_ctx (void);
GVirtDomainConfig *parse (const char *xml);
GStrv build_xml (const char *xml, const GVirtQemuCommandContext *ctx, GError **error);
GStrv build_ok (const char *xml, const GVirtQemuCommandContext *ctx);
void build_fails (const char *xml, const GVirtQemuCommandContext *ctx, gint code, const char *needle);
gboolean has_pair (GStrv argv, const char *opt, const char *value);
gboolean has_arg (GStrv argv, const char *arg);
guint count_opt (GStrv argv, const char *opt);

#define assert_pair(argv, opt, value) \
  G_STMT_START { \
    if (!has_pair ((argv), (opt), (value))) \
      { \
        g_autofree char *all = g_strjoinv (" ", (argv)); \
        g_error ("argv lacks %s %s: %s", (opt), (value), all); \
      } \
  } G_STMT_END
