/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GVIRT_AVAILABLE_IN_ALL: marks what libgvirt exports; everything else stays hidden. */
#pragma once

#include <glib.h>

/* The library is built with -fvisibility=hidden: only declarations marked
 * here are exported, so a test can check the exports against the public
 * headers. */
#if defined(GVIRT_COMPILATION) && defined(G_HAVE_GNUC_VISIBILITY)
#define _GVIRT_EXPORT __attribute__ ((visibility ("default"))) extern
#else
#define _GVIRT_EXPORT extern
#endif

/**
 * GVIRT_AVAILABLE_IN_ALL:
 *
 * Marks a function or type of the public API, exported by libgvirt.
 */
#define GVIRT_AVAILABLE_IN_ALL _GVIRT_EXPORT
