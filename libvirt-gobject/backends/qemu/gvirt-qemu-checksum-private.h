/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The save file's checksum, shared by the monitor (which writes it) and the backend (which checks it). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A 64-bit checksum of everything in @fd from @offset to its end, read with
 * pread() (the descriptor's offset does not move). It catches accidental
 * damage — flipped or lost bytes in a RAM stream of a hundred megabytes —
 * at memory speed (xxHash-style rounds over four lanes); it is not a
 * defence against someone who edits the file on purpose. Never 0, so 0 in
 * a header means "no checksum". %FALSE with errno set when a read fails.
 */
gboolean _gvirt_qemu_checksum_fd (int      fd,
                                  gint64   offset,
                                  guint64 *sum);

G_END_DECLS
