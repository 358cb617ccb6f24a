/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Where a backend keeps a node's files: config, runtime and state directories. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The layout the qemu backend set (docs/qemu-backend.md), for SCHEME:
 *
 *                session (per user)          system             ?root=DIR
 *   config_dir   $XDG_CONFIG_HOME/gvirt/S    /etc/gvirt/S       DIR/config
 *   runtime_dir  $XDG_RUNTIME_DIR/gvirt/S    /run/gvirt/S       DIR/run
 *   state_dir    $XDG_CACHE_HOME/gvirt/S     /var/lib/gvirt/S   DIR/lib
 *
 * ($XDG_RUNTIME_DIR falls back to the cache directory when unset, as
 * g_get_user_runtime_dir() does.)
 */
typedef enum {
  GVIRT_BACKEND_NODE_SESSION,
  GVIRT_BACKEND_NODE_SYSTEM,
} GVirtBackendNodeKind;

typedef struct {
  char *config_dir;
  char *runtime_dir;
  char *state_dir;
} GVirtBackendDirs;

/* @root, when not NULL, is an absolute directory that replaces @kind's. */
void     _gvirt_backend_dirs_init   (GVirtBackendDirs     *dirs,
                                     const char           *scheme,
                                     GVirtBackendNodeKind  kind,
                                     const char           *root);
void     _gvirt_backend_dirs_clear  (GVirtBackendDirs     *dirs);

/* mkdir -p with mode 0700 for each missing directory (the node's files are
 * its owner's only); GVIRT_ERROR_FAILED “Cannot create the directory
 * “DIR”: REASON” naming the first that fails. */
gboolean _gvirt_backend_make_dir    (const char           *dir,
                                     GError              **error);
gboolean _gvirt_backend_dirs_make   (const GVirtBackendDirs *dirs,
                                     GError              **error);

/* DIR/NAMEEXT: _gvirt_backend_file_path (dirs.config_dir, "web", ".xml"). */
char    *_gvirt_backend_file_path   (const char           *dir,
                                     const char           *name,
                                     const char           *ext);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GVirtBackendDirs, _gvirt_backend_dirs_clear)

G_END_DECLS
