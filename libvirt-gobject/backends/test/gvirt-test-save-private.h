/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The test backend's saved-domain and core-dump file formats. */
#pragma once

#include <gio/gio.h>
#include "libvirt-gobject/gvirt-domain-state.h"

G_BEGIN_DECLS

/* The first line of every saved-domain image. */
#define GVIRT_TEST_SAVE_MAGIC "GVirtTestSave1"

gboolean _gvirt_test_save_write (const char        *path,
                                 const char        *domain_xml,
                                 GVirtDomainState   state,
                                 GError           **error);
gboolean _gvirt_test_save_read  (const char        *path,
                                 char             **domain_xml,
                                 GVirtDomainState  *state,
                                 GError           **error);

G_END_DECLS
