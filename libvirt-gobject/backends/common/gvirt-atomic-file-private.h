/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Replacing a backend's files atomically, and cleaning up after a crash in the middle. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * _gvirt_backend_write_file() writes PATH.XXXXXX in PATH's directory (the
 * name g_file_set_contents() and the backends used before, so the stale
 * files of either are found by the same cleanup) and renames it over PATH:
 * readers see the old or the new file, never a torn one. On failure PATH is
 * untouched, the temp file is removed, and @error is GVIRT_ERROR_FAILED
 * “Cannot write “PATH”: REASON”.
 */
typedef enum {
  /* rename only: atomic while the system runs (runtime files, fake nodes) */
  GVIRT_BACKEND_SYNC_NONE,
  /* + fsync() of the new file before the rename: old or new after a power cut */
  GVIRT_BACKEND_SYNC_FILE,
  /* + fsync() of the directory after it: the new one after a power cut,
   * once the call returned (definitions) */
  GVIRT_BACKEND_SYNC_DURABLE,
} GVirtBackendSync;

/* The suffix of a temp file: "." and six letters or digits (mkstemp's). */
#define GVIRT_BACKEND_TEMP_SUFFIX_LEN 7

gboolean _gvirt_backend_write_file (const char        *path,
                                    const char        *data,
                                    gssize             length,   /* -1: NUL-terminated */
                                    int                mode,     /* for a new file, before umask */
                                    GVirtBackendSync   sync,
                                    GError           **error);

/* Whether @basename is a temp file of a file whose name ends in @suffix
 * (".xml"; "" for any): NAME@suffix.XXXXXX with NAME not empty. */
gboolean _gvirt_backend_is_temp_name (const char *basename,
                                      const char *suffix);

/*
 * Removes the temp files of _gvirt_backend_is_temp_name (NAME, @suffix) in
 * @dir (not below it) that are regular files last modified at least
 * @min_age_seconds ago: a younger one may be another process's write in
 * progress. Returns how many it removed; a missing @dir is none. @error
 * only when @dir cannot be read; files that cannot be removed are skipped.
 */
guint    _gvirt_backend_remove_stale_temp_files (const char  *dir,
                                                 const char  *suffix,
                                                 guint        min_age_seconds,
                                                 GError     **error);

G_END_DECLS
