/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Domain configuration → QEMU command line (an argv, never a shell string). */
#pragma once

#include <glib.h>

#include "libvirt-gobject/config/gvirt-domain-config.h"

G_BEGIN_DECLS

/**
 * GVirtQemuCommandContext:
 * @emulator: the resolved QEMU binary (from the XML's `<emulator>` or the
 *   capabilities default); %NULL uses the XML's `<emulator>`
 * @qmp_socket_path: path of the QMP UNIX socket QEMU listens on, used when
 *   @qmp_fd < 0 (%NULL and @qmp_fd < 0: no monitor at all)
 * @qmp_fd: >= 0: a listening socket already bound by the caller and inherited
 *   by QEMU as fd @qmp_fd (`-chardev socket,id=qmp,fd=N,server=on,wait=off
 *   -mon chardev=qmp,mode=control`)
 * @runtime_dir: directory for the pidfile (`RUNTIME_DIR/NAME.pid`) when
 *   @pid_file is %NULL; both %NULL: none
 * @kvm_available: whether `type='kvm'` domains may use `accel=kvm`
 * @vnc_port: the TCP port allocated for a VNC display with `autoport='yes'`
 *   (>= 5900); 0 = none allocated
 * @incoming_defer: restore: add `-incoming defer`
 * @start_paused: add `-S`
 * @skip_file_checks: do not check that the emulator, kernel, initrd, loader,
 *   disk images and interface scripts exist (unit tests over foreign XML)
 * @network_bridges: (nullable): `<interface type='network'>` support: maps a
 *   network name to the host bridge the network runs on; a network that is
 *   missing gives %GVIRT_ERROR_INVALID_ARGUMENT (with @skip_file_checks, the
 *   network name itself is used as the bridge name)
 * @pid_file: (nullable): the pidfile's path, when the caller names it (the
 *   backend does, since long domain names do not make file names)
 *
 * What the QEMU backend knows at start time and the XML does not say.
 * New fields go at the end only.
 */
typedef struct {
  const char *emulator;        /* resolved binary (from XML <emulator> or capabilities default) */
  const char *qmp_socket_path; /* used when qmp_fd < 0 */
  int         qmp_fd;          /* >= 0: -chardev socket,id=qmp,fd=N,server=on,wait=off -mon chardev=qmp,mode=control */
  const char *runtime_dir;     /* for pidfile, sockets */
  gboolean    kvm_available;
  guint       vnc_port;        /* allocated when autoport, 0 = none */
  gboolean    incoming_defer;  /* restore: -incoming defer */
  gboolean    start_paused;    /* -S */
  /* added after the first contract, at the end: */
  gboolean    skip_file_checks; /* unit tests: do not stat() kernel, disks, scripts, emulator */
  GHashTable *network_bridges;  /* (nullable) network name → bridge name, for type='network' */
  const char *pid_file;         /* (nullable) overrides runtime_dir/NAME.pid */
} GVirtQemuCommandContext;

GStrv gvirt_qemu_command_build (GVirtDomainConfig             *config,
                                const GVirtQemuCommandContext *ctx,
                                GError                       **error);

gboolean gvirt_qemu_command_check (GVirtDomainConfig *config,
                                   GError           **error);

char * gvirt_qemu_command_channel_path (const char *runtime_dir,
                                        const char *name,
                                        guint       n);
char * gvirt_qemu_command_socket_path  (const char *runtime_dir,
                                        const char *name,
                                        const char *suffix);

G_END_DECLS
