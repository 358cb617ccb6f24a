/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: the domain lifecycle commands (define, create, start … undefine, save, restore, dump). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "gvirsh.h"
#include "gvirsh-domain.h"
#include "gvirsh-i18n.h"

/* create, define, undefine */

/* @create: for `create`, else for `define` (each has its own sentence) */
static GVirtDomainConfig *
read_config (GvirshArgs *args, gboolean create, GError **error)
{
  const char *file = gvirsh_args_get_string (args, "file");
  g_autofree char *xml = NULL;
  GVirtDomainConfig *config;

  if (!gvirsh_read_file (file, &xml, error))
    {
      if (create)
        gvirsh_rephrase_error (error, _("failed to read file '%s' to create a domain: %s"),
                               file, gvirsh_error_reason (error));
      else
        gvirsh_rephrase_error (error, _("failed to read file '%s' to define a domain: %s"),
                               file, gvirsh_error_reason (error));
      return NULL;
    }
  config = gvirt_domain_config_new_from_xml (xml, error);
  if (config == NULL)
    gvirsh_rephrase_error (error, _("'%s' is not a valid domain description: %s"),
                           file, gvirsh_error_reason (error));
  return config;
}

gboolean
gvirsh_cmd_define (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomainConfig) config = read_config (args, FALSE, error);
  g_autoptr(GVirtDomain) dom = NULL;

  if (config == NULL)
    return FALSE;
  dom = gvirt_connection_define_domain_sync (ctl->conn, config, NULL, error);
  if (dom == NULL)
    {
      gvirsh_rephrase_error (error, _("failed to define domain from %s: %s"),
                             gvirsh_args_get_string (args, "file"), gvirsh_error_reason (error));
      return FALSE;
    }
  gvirsh_print_info (ctl, _("Domain '%s' defined from %s"),
                     gvirt_domain_get_name (dom), gvirsh_args_get_string (args, "file"));
  return TRUE;
}

/* --paused of create and start: GVirt starts no domain paused, so it is
 * paused as soon as it runs. @failed: "… could not be paused: %s". */
static gboolean
pause_if_asked (GVirtDomain *dom, GvirshArgs *args, const char *failed, GError **error)
{
  if (!gvirsh_args_get_bool (args, "paused") || gvirt_domain_suspend_sync (dom, NULL, error))
    return TRUE;
  gvirsh_rephrase_error (error, failed, gvirt_domain_get_name (dom), gvirsh_error_reason (error));
  return FALSE;
}

gboolean
gvirsh_cmd_create (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomainConfig) config = read_config (args, TRUE, error);
  g_autoptr(GVirtDomain) dom = NULL;

  if (config == NULL)
    return FALSE;
  dom = gvirt_connection_create_domain_sync (ctl->conn, config, NULL, error);
  if (dom == NULL)
    {
      gvirsh_rephrase_error (error, _("failed to create domain from %s: %s"),
                             gvirsh_args_get_string (args, "file"), gvirsh_error_reason (error));
      return FALSE;
    }
  if (!pause_if_asked (dom, args, _("domain '%s' was created but could not be paused: %s"), error))
    return FALSE;
  gvirsh_print_info (ctl, _("Domain '%s' created from %s"),
                     gvirt_domain_get_name (dom), gvirsh_args_get_string (args, "file"));
  return TRUE;
}

/* The lifecycle commands: one handler, a table of calls and messages. */

typedef gboolean (*DomainAction) (GVirtDomain *, GCancellable *, GError **);
/* Refuses the options asking for a mode the library does not have. */
typedef gboolean (*ModeCheck) (GvirshArgs *, GError **);

/* virsh's shutdown modes; the library asks the guest through ACPI only */
static const char *const shutdown_modes[] = { "acpi", "agent", "initctl", "signal", "paravirt", NULL };

static gboolean
check_shutdown_mode (GvirshArgs *args, GError **error)
{
  const char *mode = gvirsh_args_get_string (args, "mode");
  g_auto(GStrv) modes = NULL;

  if (mode == NULL)
    return TRUE;
  /* as virsh, a list of the modes that may be used */
  modes = g_strsplit (mode, ",", -1);
  for (guint i = 0; modes[i] != NULL; i++)
    if (!g_strv_contains (shutdown_modes, modes[i]))
      {
        /* virsh's sentence */
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("Unknown mode %s value, expecting 'acpi', 'agent', 'initctl', 'signal', or 'paravirt'"),
                     modes[i]);
        return FALSE;
      }
  if (g_strv_contains ((const char *const *) modes, "acpi"))
    return TRUE;
  g_set_error (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
               _("shutdown mode '%s' is not supported: GVirt asks the guest to shut down through ACPI only (--mode acpi)"),
               mode);
  return FALSE;
}

static gboolean
check_destroy_mode (GvirshArgs *args, GError **error)
{
  if (!gvirsh_args_get_bool (args, "graceful"))
    return TRUE;
  g_set_error_literal (error, GVIRT_ERROR, GVIRT_ERROR_UNSUPPORTED,
                       _("destroy --graceful is not supported: GVirt's destroy always forces the domain off when it "
                         "does not stop at once; 'shutdown' asks the guest to stop"));
  return FALSE;
}

typedef struct {
  const char  *name;
  DomainAction action;
  ModeCheck    check;    /* or NULL */
  const char  *failed;   /* "failed to start domain '%s': %s", the name and the reason */
  const char  *done;     /* "Domain '%s' started" */
  const char  *paused;   /* with --paused: "… could not be paused: %s", or NULL */
} LifecycleAction;

/* In the "failed to …" messages, the last %s is the reason (the library's
 * message), as everywhere in gvirsh. */
static const LifecycleAction lifecycle_actions[] = {
  { "start", gvirt_domain_start_sync, NULL,
    N_("failed to start domain '%s': %s"), N_("Domain '%s' started"),
    N_("domain '%s' was started but could not be paused: %s") },
  { "shutdown", gvirt_domain_shutdown_sync, check_shutdown_mode,
    N_("failed to shutdown domain '%s': %s"), N_("Domain '%s' is being shutdown") },
  { "reboot", gvirt_domain_reboot_sync, NULL,
    N_("failed to reboot domain '%s': %s"), N_("Domain '%s' is being rebooted") },
  { "destroy", gvirt_domain_destroy_sync, check_destroy_mode,
    N_("failed to destroy domain '%s': %s"), N_("Domain '%s' destroyed") },
  { "suspend", gvirt_domain_suspend_sync, NULL,
    N_("failed to suspend domain '%s': %s"), N_("Domain '%s' suspended") },
  { "resume", gvirt_domain_resume_sync, NULL,
    N_("failed to resume domain '%s': %s"), N_("Domain '%s' resumed") },
  { "undefine", gvirt_domain_undefine_sync, NULL,
    N_("failed to undefine domain '%s': %s"), N_("Domain '%s' has been undefined") },
};

gboolean
gvirsh_cmd_lifecycle (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  const char *cmd = gvirsh_args_get_cmd (args)->name;
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
  g_autofree char *name = NULL;

  if (dom == NULL)
    return FALSE;
  name = g_strdup (gvirt_domain_get_name (dom));
  for (gsize i = 0; i < G_N_ELEMENTS (lifecycle_actions); i++)
    {
      const LifecycleAction *a = &lifecycle_actions[i];

      if (!g_str_equal (a->name, cmd))
        continue;
      /* the check's errors are whole sentences about the options */
      if (a->check != NULL && !a->check (args, error))
        return FALSE;
      if (!a->action (dom, NULL, error))
        {
          gvirsh_rephrase_error (error, _(a->failed), name, gvirsh_error_reason (error));
          return FALSE;
        }
      if (a->paused != NULL && !pause_if_asked (dom, args, _(a->paused), error))
        return FALSE;
      gvirsh_print_info (ctl, _(a->done), name);
      return TRUE;
    }
  g_assert_not_reached ();
}

gboolean
gvirsh_cmd_save (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
  const char *file = gvirsh_args_get_string (args, "file");

  if (dom == NULL)
    return FALSE;
  if (!gvirt_domain_save_sync (dom, file, NULL, error))
    {
      gvirsh_rephrase_error (error, _("failed to save domain '%s' to %s: %s"),
                             gvirt_domain_get_name (dom), file, gvirsh_error_reason (error));
      return FALSE;
    }
  gvirsh_print_info (ctl, _("Domain '%s' saved to %s"), gvirt_domain_get_name (dom), file);
  return TRUE;
}

gboolean
gvirsh_cmd_restore (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  const char *file = gvirsh_args_get_string (args, "file");
  g_autoptr(GVirtDomain) dom = gvirt_connection_restore_domain_sync (ctl->conn, file, NULL, error);

  if (dom == NULL)
    {
      gvirsh_rephrase_error (error, _("failed to restore domain from %s: %s"), file, gvirsh_error_reason (error));
      return FALSE;
    }
  gvirsh_print_info (ctl, _("Domain '%s' restored from %s"), gvirt_domain_get_name (dom), file);
  return TRUE;
}

gboolean
gvirsh_cmd_dump (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_autoptr(GVirtDomain) dom = gvirsh_get_domain (ctl, args, error);
  const char *file = gvirsh_args_get_string (args, "file");

  if (dom == NULL)
    return FALSE;
  if (!gvirt_domain_core_dump_sync (dom, file, NULL, error))
    {
      gvirsh_rephrase_error (error, _("failed to core dump domain '%s' to %s: %s"),
                             gvirt_domain_get_name (dom), file, gvirsh_error_reason (error));
      return FALSE;
    }
  gvirsh_print_info (ctl, _("Domain '%s' dumped to %s"), gvirt_domain_get_name (dom), file);
  return TRUE;
}

/* The options */

const GvirshOpt gvirsh_define_opts[] = { FILE_OPT (N_("file containing an XML domain description")), { NULL } };
const GvirshOpt gvirsh_create_opts[] = {
  FILE_OPT (N_("file containing an XML domain description")),
  { "paused", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("leave the guest paused after creation") },
  { NULL }
};
const GvirshOpt gvirsh_save_opts[] = { DOMAIN_OPT, FILE_OPT (N_("where to save the data")), { NULL } };
const GvirshOpt gvirsh_restore_opts[] = { FILE_OPT (N_("the state to restore")), { NULL } };
const GvirshOpt gvirsh_dump_opts[] = { DOMAIN_OPT, FILE_OPT (N_("where to dump the core")), { NULL } };
const GvirshOpt gvirsh_start_opts[] = {
  { "domain", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_REQUIRED | GVIRSH_OPT_FLAG_POSITIONAL,
    GVIRSH_COMPLETE_DOMAIN, N_("name of the inactive domain") },
  { "paused", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("leave the guest paused after creation") },
  { NULL }
};
const GvirshOpt gvirsh_shutdown_opts[] = {
  DOMAIN_OPT,
  { "mode", GVIRSH_OPT_STRING, 0, GVIRSH_COMPLETE_NONE,
    N_("shutdown mode: acpi|agent|initctl|signal|paravirt (GVirt: acpi)") },
  { NULL }
};
const GvirshOpt gvirsh_destroy_opts[] = {
  DOMAIN_OPT,
  { "graceful", GVIRSH_OPT_BOOL, 0, GVIRSH_COMPLETE_NONE, N_("terminate gracefully (not supported by GVirt)") },
  { NULL }
};
