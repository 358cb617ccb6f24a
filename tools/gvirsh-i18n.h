/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gettext wrappers for gvirsh's user-visible messages.
 *
 * gvirsh has its own text domain, GVIRSH_GETTEXT_PACKAGE (set by
 * tools/meson.build), rather than the library's GETTEXT_PACKAGE: the library
 * binds its domain to LOCALEDIR when its first connection is made, which
 * would undo a GVIRSH_LOCALEDIR binding of a shared domain half-way through
 * a run. The library's own messages (the reasons in "failed to …: REASON")
 * still come from the library's catalogue.
 *
 * Translated messages are whole sentences, with placeholders for values
 * only: never glue translated fragments together. */
#pragma once

#include "config.h"

#include <glib/gi18n.h>

#ifndef GVIRSH_GETTEXT_PACKAGE
#error "GVIRSH_GETTEXT_PACKAGE must be defined (tools/meson.build does)"
#endif

/* setlocale(), then gvirsh's text domain, read from $GVIRSH_LOCALEDIR when
 * it is set (a build-dir catalogue, for the tests), else LOCALEDIR. */
void gvirsh_i18n_init (void);
