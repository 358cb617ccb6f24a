/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: what the domain command files share. The one command table is in
 * gvirsh-domain.c (help lists it in its order); the other files give it
 * their handlers and options. */
#pragma once

#include "gvirsh.h"

G_BEGIN_DECLS

#define DOMAIN_OPT \
  { "domain", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_REQUIRED | GVIRSH_OPT_FLAG_POSITIONAL, \
    GVIRSH_COMPLETE_DOMAIN, N_("domain name, id or uuid") }
#define FILE_OPT(help) \
  { "file", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_REQUIRED | GVIRSH_OPT_FLAG_POSITIONAL, \
    GVIRSH_COMPLETE_FILE, help }
#define JSON_OPT \
  { "json", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("print JSON for scripts") }

/* The domain the command's --domain names. */
GVirtDomain *gvirsh_get_domain   (GvirshCtl   *ctl,
                                  GvirshArgs  *args,
                                  GError     **error);

/* gvirsh-domain.c */
extern const GvirshOpt gvirsh_domain_opts[];

/* gvirsh-domain-lifecycle.c */
extern const GvirshOpt gvirsh_define_opts[];
extern const GvirshOpt gvirsh_create_opts[];
extern const GvirshOpt gvirsh_save_opts[];
extern const GvirshOpt gvirsh_restore_opts[];
extern const GvirshOpt gvirsh_dump_opts[];
extern const GvirshOpt gvirsh_start_opts[];
extern const GvirshOpt gvirsh_shutdown_opts[];
extern const GvirshOpt gvirsh_destroy_opts[];
gboolean gvirsh_cmd_define    (GvirshCtl *ctl, GvirshArgs *args, GError **error);
gboolean gvirsh_cmd_create    (GvirshCtl *ctl, GvirshArgs *args, GError **error);
/* start, shutdown, reboot, destroy, suspend, resume, undefine */
gboolean gvirsh_cmd_lifecycle (GvirshCtl *ctl, GvirshArgs *args, GError **error);
gboolean gvirsh_cmd_save      (GvirshCtl *ctl, GvirshArgs *args, GError **error);
gboolean gvirsh_cmd_restore   (GvirshCtl *ctl, GvirshArgs *args, GError **error);
gboolean gvirsh_cmd_dump      (GvirshCtl *ctl, GvirshArgs *args, GError **error);

/* gvirsh-domain-resources.c */
extern const GvirshOpt gvirsh_setmem_opts[];
extern const GvirshOpt gvirsh_setvcpus_opts[];
extern const GvirshOpt gvirsh_vcpupin_opts[];
/* setmem and setmaxmem */
gboolean gvirsh_cmd_setmem    (GvirshCtl *ctl, GvirshArgs *args, GError **error);
gboolean gvirsh_cmd_setvcpus  (GvirshCtl *ctl, GvirshArgs *args, GError **error);
gboolean gvirsh_cmd_vcpuinfo  (GvirshCtl *ctl, GvirshArgs *args, GError **error);
gboolean gvirsh_cmd_vcpupin   (GvirshCtl *ctl, GvirshArgs *args, GError **error);

G_END_DECLS
