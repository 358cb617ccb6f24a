/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Reading a file a user named, with a size limit checked before reading. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Reads the regular file @path, of at most @max_size bytes (a whole number
 * of MiB), into a NUL-terminated *@contents. A device, FIFO or directory is
 * refused before anything is read from it (/dev/zero never ends, a FIFO
 * blocks), and the size before any byte is read: the limit also holds for a
 * file that grows while it is read.
 *
 * @error is in G_FILE_ERROR and its message is a sentence that does not
 * name the file (“It is not a regular file.”, “It is larger than 16 MiB.”,
 * or the system's reason): the caller's message names it and says what the
 * file was for.
 */
gboolean _gvirt_backend_read_file (const char  *path,
                                   gsize        max_size,
                                   char       **contents,
                                   gsize       *length,
                                   GError     **error);

G_END_DECLS
