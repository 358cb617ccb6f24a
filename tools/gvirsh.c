/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: global options, the command-string parser, dispatch, help and completion. */
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "gvirsh.h"
#include "gvirsh-i18n.h"

const GvirshGroup gvirsh_groups[] = {
  { N_("Domain Management"), "domain", gvirsh_domain_cmds },
  { N_("Host and Hypervisor"), "host", gvirsh_host_cmds },
  { N_("Networking"), "network", gvirsh_network_cmds },
  { N_("Gvirsh itself"), "gvirsh", gvirsh_shell_cmds },
  { NULL },
};

/* Connection */

/* The URI without -c, chosen as virsh chooses it: gvirsh's own variable
 * (as VIRSH_DEFAULT_CONNECT_URI), then GVirt's, then libvirt's, whose local
 * URIs are GVirt's too; else the QEMU node libvirt picks, the system's for
 * root and the user's session for the others. */
const char *
gvirsh_default_uri (const char **variable)
{
  static const char *const variables[] = {
    "GVIRSH_DEFAULT_CONNECT_URI", "GVIRT_DEFAULT_URI", "LIBVIRT_DEFAULT_URI",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *uri = g_getenv (variables[i]);

      if (uri != NULL && *uri != '\0')
        {
          if (variable != NULL)
            *variable = variables[i];
          return uri;
        }
    }
  if (variable != NULL)
    *variable = NULL;
  return geteuid () == 0 ? "qemu:///system" : "qemu:///session";
}

gboolean
gvirsh_connect (GvirshCtl   *ctl,
                const char  *uri,
                gboolean     readonly,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *variable = NULL;
  GVirtConnection *conn;

  if (uri == NULL)
    uri = gvirsh_default_uri (&variable);
  conn = gvirt_connection_open_sync (uri,
                                     readonly ? GVIRT_CONNECTION_READ_ONLY : GVIRT_CONNECTION_NONE,
                                     NULL, &local_error);
  if (conn == NULL && variable != NULL)
    {
      /* a URI set for virsh may be one GVirt does not serve: say where it came from */
      g_set_error (error, GVIRT_ERROR, local_error->code,
                   _("failed to connect to the hypervisor at '%s' (from $%s; give another with -c): %s"),
                   uri, variable, local_error->message);
      return FALSE;
    }
  if (conn == NULL)
    {
      g_set_error (error, GVIRT_ERROR, local_error->code,
                   _("failed to connect to the hypervisor at '%s': %s"), uri, local_error->message);
      return FALSE;
    }
  g_clear_object (&ctl->conn);
  ctl->conn = conn;
  if (uri != ctl->uri)
    {
      g_free (ctl->uri);
      ctl->uri = g_strdup (uri);
    }
  ctl->readonly = readonly;
  return TRUE;
}

GVirtConnection *
gvirsh_connection (GvirshCtl *ctl, GError **error)
{
  if (ctl->conn == NULL && !gvirsh_connect (ctl, ctl->uri, ctl->readonly, error))
    return NULL;
  return ctl->conn;
}

/* The command table */

const GvirshCmd *
gvirsh_find_cmd (const char *name)
{
  for (const GvirshGroup *g = gvirsh_groups; g->name != NULL; g++)
    for (const GvirshCmd *c = g->cmds; c->name != NULL; c++)
      if (g_str_equal (c->name, name))
        return c;
  return NULL;
}

const GvirshGroup *
gvirsh_find_group (const char *keyword)
{
  for (const GvirshGroup *g = gvirsh_groups; g->name != NULL; g++)
    if (g_str_equal (g->keyword, keyword))
      return g;
  return NULL;
}

static const GvirshOpt *
find_opt (const GvirshCmd *cmd, const char *name)
{
  for (const GvirshOpt *o = cmd->opts; o != NULL && o->name != NULL; o++)
    if (g_str_equal (o->name, name))
      return o;
  return NULL;
}

/* Splitting a command string: whitespace separates words, '…' and "…" quote,
 * a backslash escapes the next character, an unquoted `;` ends a command. */
GPtrArray *
gvirsh_split_line (const char *line, GError **error)
{
  g_autoptr(GPtrArray) cmds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = NULL;
  const char *p = line;
  char quote = 0;

  for (;; p++)
    {
      char c = *p;

      if (quote != 0)
        {
          if (c == '\0')
            {
              if (quote == '"')
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("missing closing double quote in '%s'"), line);
              else
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("missing closing single quote in '%s'"), line);
              return NULL;
            }
          if (c == quote)
            quote = 0;
          else if (c == '\\' && quote == '"' && p[1] != '\0')
            g_string_append_c (word, *++p);
          else
            g_string_append_c (word, c);
          continue;
        }
      if (c == '\0' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';')
        {
          if (word != NULL)
            g_ptr_array_add (words, g_string_free (g_steal_pointer (&word), FALSE));
          if (c == ';' || c == '\0')
            {
              if (words->len > 0)
                {
                  g_ptr_array_add (words, NULL);
                  g_ptr_array_add (cmds, g_steal_pointer (&words));
                  words = g_ptr_array_new_with_free_func (g_free);
                }
              if (c == '\0')
                break;
            }
          continue;
        }
      if (c == '#' && word == NULL)
        {
          /* a comment runs to the end of the line */
          while (p[1] != '\0' && p[1] != '\n')
            p++;
          continue;
        }
      if (word == NULL)
        word = g_string_new (NULL);
      if (c == '\'' || c == '"')
        quote = c;
      else if (c == '\\' && p[1] != '\0')
        g_string_append_c (word, *++p);
      else
        g_string_append_c (word, c);
    }
  return g_steal_pointer (&cmds);
}

/* Parsed arguments */

struct _GvirshArgs {
  const GvirshCmd *cmd;
  GHashTable      *values;  /* option name → value ("" for a boolean) */
};

static void
gvirsh_args_free (GvirshArgs *args)
{
  g_hash_table_unref (args->values);
  g_free (args);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GvirshArgs, gvirsh_args_free)

gboolean
gvirsh_args_has (GvirshArgs *args, const char *name)
{
  return g_hash_table_contains (args->values, name);
}

gboolean
gvirsh_args_get_bool (GvirshArgs *args, const char *name)
{
  return gvirsh_args_has (args, name);
}

const char *
gvirsh_args_get_string (GvirshArgs *args, const char *name)
{
  return g_hash_table_lookup (args->values, name);
}

const GvirshCmd *
gvirsh_args_get_cmd (GvirshArgs *args)
{
  return args->cmd;
}

gboolean
gvirsh_args_get_int (GvirshArgs  *args,
                     const char  *name,
                     gint64       min,
                     gint64       max,
                     gint64      *value,
                     GError     **error)
{
  const char *text = gvirsh_args_get_string (args, name);

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, max, value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Numeric value '%s' for <%s> option is malformed or out of range (%" PRId64 "–%" PRId64 ")"),
                   text, name, (int64_t) min, (int64_t) max);
      return FALSE;
    }
  return TRUE;
}

static GvirshArgs *
parse_args (const GvirshCmd *cmd, char **words, GError **error)
{
  g_autoptr(GvirshArgs) args = g_new0 (GvirshArgs, 1);
  gboolean options_done = FALSE;

  args->cmd = cmd;
  args->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      const GvirshOpt *opt = NULL;

      if (!options_done && g_str_equal (w, "--"))
        {
          options_done = TRUE;
          continue;
        }
      if (!options_done && g_str_has_prefix (w, "--"))
        {
          g_autofree char *name = g_strdup (w + 2);
          char *eq = strchr (name, '=');
          const char *value = NULL;

          if (eq != NULL)
            {
              *eq = '\0';
              value = eq + 1;
            }
          opt = find_opt (cmd, name);
          if (opt == NULL)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
                           _("command '%s' doesn't support option --%s; see 'help %s'"),
                           cmd->name, name, cmd->name);
              return NULL;
            }
          if (opt->type == GVIRSH_OPT_BOOL)
            {
              if (value != NULL)
                {
                  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("option --%s of command '%s' takes no value"), opt->name, cmd->name);
                  return NULL;
                }
              value = "";
            }
          else if (value == NULL)
            {
              value = words[++i];
              if (value == NULL)
                {
                  /* the syntax is a value: as in the synopsis, not translated */
                  g_autofree char *syntax = g_strdup_printf ("--%s <%s>", opt->name,
                                                             opt->type == GVIRSH_OPT_INT ? "number" : "string");

                  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("expected syntax: %s"), syntax);
                  return NULL;
                }
            }
          if (g_hash_table_contains (args->values, opt->name))
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("option --%s already seen"), opt->name);
              return NULL;
            }
          g_hash_table_insert (args->values, (gpointer) opt->name, g_strdup (value));
          continue;
        }

      /* a positional value: the first positional option not yet given */
      for (const GvirshOpt *o = cmd->opts; o != NULL && o->name != NULL; o++)
        if ((o->flags & GVIRSH_OPT_FLAG_POSITIONAL) && !g_hash_table_contains (args->values, o->name))
          {
            opt = o;
            break;
          }
      if (opt == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("unexpected data '%s' for command '%s'; see 'help %s'"), w, cmd->name, cmd->name);
          return NULL;
        }
      g_hash_table_insert (args->values, (gpointer) opt->name, g_strdup (w));
    }

  for (const GvirshOpt *o = cmd->opts; o != NULL && o->name != NULL; o++)
    if ((o->flags & GVIRSH_OPT_FLAG_REQUIRED) && !g_hash_table_contains (args->values, o->name))
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                     _("command '%s' requires <%s> option; see 'help %s'"), cmd->name, o->name, cmd->name);
        return NULL;
      }
  return g_steal_pointer (&args);
}

G_DEFINE_QUARK (gvirsh-silent-error-quark, gvirsh_silent_error)

void
gvirsh_print_error (const char *message)
{
  fflush (stdout);
  /* TRANSLATORS: the %s is a whole sentence, the error itself */
  g_printerr (_("error: %s\n"), message);
}

/* Runs one command given as words; prints its error. */
static gboolean
run_cmd (GvirshCtl *ctl, char **words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GvirshArgs) args = NULL;
  const GvirshCmd *cmd = gvirsh_find_cmd (words[0]);
  gboolean ok;

  if (cmd == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command: '%s'; see 'help' for the list of commands"),
                                                  words[0]);

      gvirsh_print_error (message);
      return FALSE;
    }
  args = parse_args (cmd, words + 1, &error);
  ok = args != NULL;
  if (ok && !(cmd->flags & GVIRSH_CMD_FLAG_NO_CONNECT))
    ok = gvirsh_connection (ctl, &error) != NULL;
  if (ok && cmd->has_op)
    ok = gvirt_connection_check_operation (ctl->conn, cmd->op, &error);
  if (ok)
    ok = cmd->handler (ctl, args, &error);
  if (!ok)
    {
      if (error == NULL)
        g_set_error (&error, GVIRT_ERROR, GVIRT_ERROR_FAILED, _("command '%s' failed"), cmd->name);
      if (error->domain != GVIRSH_SILENT_ERROR)
        gvirsh_print_error (error->message);
    }
  /* virsh ends the output of every command with an empty line */
  if (!ctl->quiet && !(cmd->flags & GVIRSH_CMD_FLAG_NO_TRAILER))
    g_print ("\n");
  fflush (stdout);
  return ok;
}

static gboolean
run_cmds (GvirshCtl *ctl, GPtrArray *cmds)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < cmds->len && !ctl->quit; i++)
    {
      GPtrArray *words = g_ptr_array_index (cmds, i);

      if (!run_cmd (ctl, (char **) words->pdata))
        ok = FALSE;
    }
  return ok;
}

gboolean
gvirsh_run_line (GvirshCtl *ctl, const char *line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cmds = gvirsh_split_line (line, &error);

  if (cmds == NULL)
    {
      gvirsh_print_error (error->message);
      return FALSE;
    }
  return run_cmds (ctl, cmds);
}

/* Completion: one engine for readline and for the bash script. @words are
 * the words before the cursor, the last one being the word to complete
 * (possibly empty); global options may come first. */

static void
add_if_prefix (GPtrArray *out, const char *candidate, const char *prefix)
{
  if (g_str_has_prefix (candidate, prefix))
    g_ptr_array_add (out, g_strdup (candidate));
}

static void
complete_values (GvirshCtl      *ctl,
                 GvirshComplete  kind,
                 const char     *prefix,
                 GPtrArray      *out,
                 gboolean       *want_files)
{
  GListModel *model;

  switch (kind)
    {
    case GVIRSH_COMPLETE_COMMAND:
      for (const GvirshGroup *g = gvirsh_groups; g->name != NULL; g++)
        {
          add_if_prefix (out, g->keyword, prefix);
          for (const GvirshCmd *c = g->cmds; c->name != NULL; c++)
            if (!(c->flags & GVIRSH_CMD_FLAG_HIDDEN))
              add_if_prefix (out, c->name, prefix);
        }
      break;
    case GVIRSH_COMPLETE_EVENT:
      add_if_prefix (out, "lifecycle", prefix);
      break;
    case GVIRSH_COMPLETE_FILE:
      *want_files = TRUE;
      break;
    case GVIRSH_COMPLETE_DOMAIN:
    case GVIRSH_COMPLETE_NETWORK:
      if (gvirsh_connection (ctl, NULL) == NULL)
        break;
      if (kind == GVIRSH_COMPLETE_DOMAIN)
        model = gvirt_connection_get_domains (ctl->conn);
      else
        model = gvirt_connection_get_networks (ctl->conn);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          if (kind == GVIRSH_COMPLETE_DOMAIN)
            add_if_prefix (out, gvirt_domain_get_name (GVIRT_DOMAIN (item)), prefix);
          else
            add_if_prefix (out, gvirt_network_get_name (GVIRT_NETWORK (item)), prefix);
        }
      break;
    case GVIRSH_COMPLETE_NONE:
    default:
      break;
    }
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static const char *const global_opts[] = {
  "--connect", "--readonly", "--quiet", "--help", "--version", NULL
};

char **
gvirsh_complete (GvirshCtl *ctl, char **words, gboolean *want_files)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  guint n = g_strv_length (words);
  const char *prefix = n > 0 ? words[n - 1] : "";
  guint i = 0;
  const GvirshCmd *cmd;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const GvirshOpt *value_of = NULL;
  guint n_positional = 0;

  *want_files = FALSE;

  /* global options */
  while (i + 1 < n && words[i][0] == '-')
    {
      if (g_str_equal (words[i], "-c") || g_str_equal (words[i], "--connect"))
        {
          if (i + 2 >= n)
            goto done;  /* completing the URI itself: nothing to offer */
          g_free (ctl->uri);
          ctl->uri = g_strdup (words[i + 1]);
          i += 2;
        }
      else
        {
          if (g_str_has_prefix (words[i], "--connect="))
            {
              g_free (ctl->uri);
              ctl->uri = g_strdup (words[i] + strlen ("--connect="));
            }
          i++;
        }
    }

  if (i + 1 >= n)
    {
      /* completing the command name */
      if (prefix[0] == '-')
        for (guint k = 0; global_opts[k] != NULL; k++)
          add_if_prefix (out, global_opts[k], prefix);
      else
        complete_values (ctl, GVIRSH_COMPLETE_COMMAND, prefix, out, want_files);
      /* the command group keywords are for `help` only */
      for (const GvirshGroup *g = gvirsh_groups; g->name != NULL && prefix[0] != '-'; g++)
        for (guint k = 0; k < out->len; k++)
          if (g_str_equal (g_ptr_array_index (out, k), g->keyword) && gvirsh_find_cmd (g->keyword) == NULL)
            g_ptr_array_remove_index (out, k--);
      goto done;
    }

  cmd = gvirsh_find_cmd (words[i]);
  if (cmd == NULL)
    goto done;

  for (guint k = i + 1; k + 1 < n; k++)
    {
      const char *w = words[k];

      if (value_of != NULL)
        {
          value_of = NULL;
          continue;
        }
      if (g_str_has_prefix (w, "--"))
        {
          const GvirshOpt *o = find_opt (cmd, w + 2);

          if (o != NULL)
            {
              g_hash_table_add (seen, (gpointer) o->name);
              if (o->type != GVIRSH_OPT_BOOL && strchr (w, '=') == NULL)
                value_of = o;
            }
          continue;
        }
      /* a positional word */
      n_positional++;
    }

  if (value_of != NULL)
    {
      complete_values (ctl, value_of->complete, prefix, out, want_files);
      goto done;
    }

  if (prefix[0] == '-')
    {
      for (const GvirshOpt *o = cmd->opts; o != NULL && o->name != NULL; o++)
        if (!g_hash_table_contains (seen, o->name))
          {
            g_autofree char *flag = g_strconcat ("--", o->name, NULL);

            add_if_prefix (out, flag, prefix);
          }
      goto done;
    }

  /* the next positional option not given by name */
  for (const GvirshOpt *o = cmd->opts; o != NULL && o->name != NULL; o++)
    {
      if (!(o->flags & GVIRSH_OPT_FLAG_POSITIONAL) || g_hash_table_contains (seen, o->name))
        continue;
      if (n_positional > 0)
        {
          n_positional--;
          continue;
        }
      complete_values (ctl, o->complete, prefix, out, want_files);
      break;
    }

done:
  g_ptr_array_sort (out, compare_strings);
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/* The shell's own commands: help, quit, exit, and the hidden helpers for
 * the bash completion script and the man page. */

/* The synopsis and option labels are syntax ("--domain <string>"), the same
 * in every language: not translated. */
static void
print_synopsis (GString *s, const GvirshCmd *cmd)
{
  g_string_append (s, cmd->name);
  for (const GvirshOpt *o = cmd->opts; o != NULL && o->name != NULL; o++)
    {
      gboolean req = (o->flags & GVIRSH_OPT_FLAG_REQUIRED) != 0;
      gboolean pos = (o->flags & GVIRSH_OPT_FLAG_POSITIONAL) != 0;

      g_string_append_c (s, ' ');
      if (o->type == GVIRSH_OPT_BOOL)
        g_string_append_printf (s, "[--%s]", o->name);
      else if (pos)
        g_string_append_printf (s, req ? "[--%s] <%s>" : "[[--%s] <%s>]", o->name,
                                o->type == GVIRSH_OPT_INT ? "number" : "string");
      else
        g_string_append_printf (s, req ? "--%s <%s>" : "[--%s <%s>]", o->name,
                                o->type == GVIRSH_OPT_INT ? "number" : "string");
    }
}

static char *
opt_label (const GvirshOpt *o)
{
  const char *type = o->type == GVIRSH_OPT_INT ? "number" : "string";

  if (o->type == GVIRSH_OPT_BOOL)
    return g_strdup_printf ("--%s", o->name);
  if (o->flags & GVIRSH_OPT_FLAG_POSITIONAL)
    return g_strdup_printf ("[--%s] <%s>", o->name, type);
  return g_strdup_printf ("--%s <%s>", o->name, type);
}

static void
print_cmd_help (const GvirshCmd *cmd)
{
  g_autoptr(GString) synopsis = g_string_new (NULL);

  print_synopsis (synopsis, cmd);
  /* the headings of virsh's help, as in a man page */
  g_print ("  %s\n    %s - %s\n\n", _("NAME"), cmd->name, _(cmd->summary));
  g_print ("  %s\n    %s\n\n", _("SYNOPSIS"), synopsis->str);
  g_print ("  %s\n    %s\n", _("DESCRIPTION"), _(cmd->description));
  if (cmd->opts != NULL && cmd->opts[0].name != NULL)
    {
      g_print ("\n  %s\n", _("OPTIONS"));
      for (const GvirshOpt *o = cmd->opts; o->name != NULL; o++)
        {
          g_autofree char *label = opt_label (o);

          g_print ("    %-15s  %s\n", label, _(o->help));
        }
    }
}

static void
print_group (const GvirshGroup *g)
{
  /* TRANSLATORS: a command group's name (translated), its keyword (not) */
  g_autofree char *heading = g_strdup_printf (_("%s (help keyword '%s'):"), _(g->name), g->keyword);

  g_print (" %s\n", heading);
  for (const GvirshCmd *c = g->cmds; c->name != NULL; c++)
    if (!(c->flags & GVIRSH_CMD_FLAG_HIDDEN))
      g_print ("    %-30s %s\n", c->name, _(c->summary));
  g_print ("\n");
}

static gboolean
cmd_help (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  const char *what = gvirsh_args_get_string (args, "command");
  const GvirshCmd *cmd;
  const GvirshGroup *group;

  if (what == NULL)
    {
      g_print ("%s\n\n", _("Grouping of commands:"));
      for (const GvirshGroup *g = gvirsh_groups; g->name != NULL; g++)
        print_group (g);
      return TRUE;
    }
  if ((cmd = gvirsh_find_cmd (what)) != NULL)
    {
      print_cmd_help (cmd);
      return TRUE;
    }
  if ((group = gvirsh_find_group (what)) != NULL)
    {
      print_group (group);
      return TRUE;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("command or command group '%s' doesn't exist; 'help' lists them"), what);
  return FALSE;
}

static gboolean
cmd_quit (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  ctl->quit = TRUE;
  return TRUE;
}

static gboolean
cmd_complete (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) matches = NULL;
  const char *line = gvirsh_args_get_string (args, "words");
  gboolean want_files;

  /* the words arrive separated by newlines (see gvirsh.bash-completion) */
  words = g_strsplit (line != NULL ? line : "", "\n", -1);
  matches = gvirsh_complete (ctl, words, &want_files);
  for (guint i = 0; matches[i] != NULL; i++)
    g_print ("%s\n", matches[i]);
  if (want_files)
    {
      /* file names, as readline would offer them */
      const char *prefix = words[g_strv_length (words) - 1];
      const char *slash = strrchr (prefix, '/');
      g_autofree char *dir = slash != NULL ? g_strndup (prefix, slash - prefix + 1) : g_strdup ("");
      const char *base = slash != NULL ? slash + 1 : prefix;
      g_autoptr(GDir) d = g_dir_open (*dir != '\0' ? dir : ".", 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        if (g_str_has_prefix (name, base) && (name[0] != '.' || base[0] == '.'))
          g_print ("%s%s\n", dir, name);
    }
  return TRUE;
}

/* reST for docs/gvirsh.rst: the COMMANDS section, from this table. In
 * English whatever the locale: it regenerates the page in the source tree,
 * and tests/gvirsh compares the two. */
static gboolean
cmd_man (GvirshCtl *ctl, GvirshArgs *args, GError **error)
{
  for (const GvirshGroup *g = gvirsh_groups; g->name != NULL; g++)
    {
      g_autofree char *underline = g_strnfill (strlen (g->name), '-');

      g_print ("%s\n%s\n\n", g->name, underline);
      for (const GvirshCmd *c = g->cmds; c->name != NULL; c++)
        {
          g_autoptr(GString) synopsis = g_string_new (NULL);

          if (c->flags & GVIRSH_CMD_FLAG_HIDDEN)
            continue;
          print_synopsis (synopsis, c);
          g_print ("**%s** - %s\n\n::\n\n   %s\n\n%s\n\n", c->name, c->summary, synopsis->str, c->description);
          for (const GvirshOpt *o = c->opts; o != NULL && o->name != NULL; o++)
            {
              g_autofree char *label = opt_label (o);

              g_print ("``%s``\n   %s\n\n", label, o->help);
            }
        }
    }
  return TRUE;
}

static const GvirshOpt help_opts[] = {
  { "command", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_COMMAND,
    N_("a command or a command group keyword") },
  { NULL }
};

static const GvirshOpt complete_opts[] = {
  { "words", GVIRSH_OPT_STRING, GVIRSH_OPT_FLAG_POSITIONAL, GVIRSH_COMPLETE_NONE,
    N_("the words before the cursor, one a line, the last one partial") },
  { NULL }
};

const GvirshCmd gvirsh_shell_cmds[] = {
  { "help", help_opts, cmd_help, N_("print help"),
    N_("Prints the list of commands by group, or the help of one command or group."),
    GVIRSH_CMD_FLAG_NO_CONNECT },
  { "quit", NULL, cmd_quit, N_("quit this interactive terminal"),
    N_("Leaves the interactive shell; in a command chain, skips the commands after it."),
    GVIRSH_CMD_FLAG_NO_CONNECT | GVIRSH_CMD_FLAG_NO_TRAILER },
  { "exit", NULL, cmd_quit, N_("quit this interactive terminal"),
    N_("The same as quit."),
    GVIRSH_CMD_FLAG_NO_CONNECT | GVIRSH_CMD_FLAG_NO_TRAILER },
  { "complete", complete_opts, cmd_complete, N_("completion candidates"),
    N_("Prints the completions of a partial command line, for the bash completion script."),
    GVIRSH_CMD_FLAG_NO_CONNECT | GVIRSH_CMD_FLAG_HIDDEN | GVIRSH_CMD_FLAG_NO_TRAILER },
  { "_man", NULL, cmd_man, N_("man page commands"),
    N_("Prints the COMMANDS section of docs/gvirsh.rst in reStructuredText."),
    GVIRSH_CMD_FLAG_NO_CONNECT | GVIRSH_CMD_FLAG_HIDDEN | GVIRSH_CMD_FLAG_NO_TRAILER },
  { NULL }
};

/* main */

void
gvirsh_i18n_init (void)
{
  const char *dir = g_getenv ("GVIRSH_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GVIRSH_GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GVIRSH_GETTEXT_PACKAGE, "UTF-8");
  textdomain (GVIRSH_GETTEXT_PACKAGE);
}

static void
usage (FILE *out)
{
  fputs (_("\ngvirsh [options]... [<command_string>]\n"
           "gvirsh [options]... <command> [args...]\n\n"
           "  options:\n"
           "    -c | --connect=URI      hypervisor connection URI (default: $GVIRSH_DEFAULT_CONNECT_URI,\n"
           "                            $GVIRT_DEFAULT_URI, $LIBVIRT_DEFAULT_URI, then qemu:///system\n"
           "                            for root, qemu:///session for other users)\n"
           "    -h | --help             this help\n"
           "    -q | --quiet            quiet mode: no table headers, no informational messages,\n"
           "                            no blank line after each command, no banner\n"
           "    -r | --readonly         connect readonly\n"
           "    -v | --version          program version\n\n"
           "  commands (non interactive mode):\n\n"), out);
  fflush (out);
  if (out == stdout)
    for (const GvirshGroup *g = gvirsh_groups; g->name != NULL; g++)
      print_group (g);
  fputs (_("  (specify help <group> for details about the commands in the group)\n\n"
           "  (specify help <command> for details about the command)\n\n"), out);
}

int
main (int argc, char **argv)
{
  GvirshCtl ctl = { 0 };
  int i;
  int status;

  gvirsh_i18n_init ();

  for (i = 1; i < argc; i++)
    {
      const char *a = argv[i];

      if (g_str_equal (a, "-c") || g_str_equal (a, "--connect"))
        {
          if (i + 1 >= argc)
            {
              g_autofree char *message = g_strdup_printf (_("option %s needs a URI, e.g. -c test:///default"), a);

              gvirsh_print_error (message);
              return 1;
            }
          g_free (ctl.uri);
          ctl.uri = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (a, "--connect="))
        {
          g_free (ctl.uri);
          ctl.uri = g_strdup (a + strlen ("--connect="));
        }
      else if (g_str_equal (a, "-r") || g_str_equal (a, "--readonly"))
        ctl.readonly = TRUE;
      else if (g_str_equal (a, "-q") || g_str_equal (a, "--quiet"))
        ctl.quiet = TRUE;
      else if (g_str_equal (a, "-h") || g_str_equal (a, "--help"))
        {
          usage (stdout);
          return 0;
        }
      else if (g_str_equal (a, "-v") || g_str_equal (a, "--version"))
        {
          g_print ("%s\n", GVIRT_VERSION);
          return 0;
        }
      else if (g_str_equal (a, "--"))
        {
          i++;
          break;
        }
      else if (a[0] == '-' && a[1] != '\0')
        {
          g_autofree char *message = g_strdup_printf (_("unsupported option '%s'. See --help."), a);

          gvirsh_print_error (message);
          return 1;
        }
      else
        break;
    }

  if (i >= argc)
    status = gvirsh_interactive (&ctl);
  else if (i + 1 == argc)
    /* one argument: a command string, as virsh does, with `;` chaining */
    status = gvirsh_run_line (&ctl, argv[i]) ? 0 : 1;
  else
    {
      /* several arguments: taken literally, a lone ";" separates commands */
      g_autoptr(GPtrArray) cmds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      GPtrArray *words = NULL;

      for (; i < argc; i++)
        {
          if (g_str_equal (argv[i], ";"))
            {
              if (words != NULL)
                {
                  g_ptr_array_add (words, NULL);
                  g_ptr_array_add (cmds, words);
                  words = NULL;
                }
              continue;
            }
          if (words == NULL)
            words = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (words, g_strdup (argv[i]));
        }
      if (words != NULL)
        {
          g_ptr_array_add (words, NULL);
          g_ptr_array_add (cmds, words);
        }
      status = run_cmds (&ctl, cmds) ? 0 : 1;
    }

  if (ctl.conn != NULL)
    gvirt_connection_close (ctl.conn);
  g_clear_object (&ctl.conn);
  g_free (ctl.uri);
  return status;
}
