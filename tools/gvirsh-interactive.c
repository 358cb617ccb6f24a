/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: the interactive shell, GNU readline driven by a GMainLoop. */
#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "gvirsh.h"
#include "gvirsh-i18n.h"

#define PROMPT "gvirsh # "

static GvirshCtl *the_ctl;
static gboolean line_handler_installed;
static gboolean running_command;  /* the prompt is not shown meanwhile */

void
gvirsh_print_async (GvirshCtl *ctl, const char *text)
{
  char *saved_line;
  int saved_point;

  if (!line_handler_installed || running_command)
    {
      g_print ("%s\n", text);
      fflush (stdout);
      return;
    }
  /* take the prompt and the pending input away, print, put them back */
  saved_point = rl_point;
  saved_line = rl_copy_text (0, rl_end);
  rl_save_prompt ();
  rl_replace_line ("", 0);
  rl_redisplay ();
  printf ("%s\n", text);
  fflush (stdout);
  rl_restore_prompt ();
  rl_replace_line (saved_line, 0);
  rl_point = saved_point;
  rl_forced_update_display ();
  free (saved_line);
}

static void
on_line (char *line)
{
  if (line == NULL)
    {
      /* end of input (Ctrl-D) */
      printf ("\n");
      the_ctl->quit = TRUE;
    }
  else
    {
      if (*g_strstrip (line) != '\0')
        {
          add_history (line);
          running_command = TRUE;
          gvirsh_run_line (the_ctl, line);
          running_command = FALSE;
        }
      free (line);
    }
  if (the_ctl->quit)
    {
      rl_callback_handler_remove ();
      line_handler_installed = FALSE;
      g_main_loop_quit (the_ctl->loop);
    }
}

static gboolean
on_stdin (gint fd, GIOCondition condition, gpointer data)
{
  rl_callback_read_char ();
  return G_SOURCE_CONTINUE;
}

static gboolean
on_sigint (gpointer data)
{
  GvirshCtl *ctl = data;

  if (ctl->event_watch != NULL)
    {
      gvirsh_event_stop (ctl, GVIRSH_EVENT_END_INTERRUPTED);
      return G_SOURCE_CONTINUE;
    }
  /* drop the line being typed, as a shell does */
  rl_replace_line ("", 0);
  printf ("\n");
  rl_on_new_line ();
  rl_redisplay ();
  return G_SOURCE_CONTINUE;
}

/* Readline completion through gvirsh_complete(). */

static char **matches;
static guint match_index;

static char *
match_generator (const char *text, int state)
{
  if (matches == NULL || matches[match_index] == NULL)
    return NULL;
  return strdup (matches[match_index++]);
}

static char **
attempted_completion (const char *text, int start, int end)
{
  g_autofree char *before = g_strndup (rl_line_buffer, start);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cmds = NULL;
  const char *last_segment = strrchr (before, ';');
  gboolean want_files = FALSE;

  cmds = gvirsh_split_line (last_segment != NULL ? last_segment + 1 : before, NULL);
  if (cmds != NULL && cmds->len > 0)
    {
      GPtrArray *cmd = g_ptr_array_index (cmds, cmds->len - 1);

      for (guint i = 0; i + 1 < cmd->len; i++)
        g_ptr_array_add (words, g_strdup (g_ptr_array_index (cmd, i)));
    }
  g_ptr_array_add (words, g_strdup (text));
  g_ptr_array_add (words, NULL);

  g_strfreev (matches);
  matches = gvirsh_complete (the_ctl, (char **) words->pdata, &want_files);
  match_index = 0;
  if (want_files)
    return NULL;  /* readline's own file name completion */
  rl_attempted_completion_over = 1;
  return rl_completion_matches (text, match_generator);
}

/* The prompt's history, kept across sessions as virsh keeps its own, in
 * $XDG_STATE_HOME/gvirt/history (~/.local/state/gvirt/history). */
#define HISTORY_SIZE 500

static char *
history_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "gvirt", "history", NULL);
}

static void
history_load (void)
{
  g_autofree char *path = history_path ();

  stifle_history (HISTORY_SIZE);
  /* none yet is no error */
  read_history (path);
}

static void
history_save (void)
{
  g_autofree char *path = history_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  int err = 0;

  if (g_mkdir_with_parents (dir, 0700) < 0)
    err = errno;
  else
    err = write_history (path);
  if (err != 0)
    {
      g_autofree char *message = g_strdup_printf (_("failed to save the command history to %s: %s"),
                                                  path, g_strerror (err));

      gvirsh_print_error (message);
    }
}

static int
run_stdin_script (GvirshCtl *ctl)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean ok = TRUE;
  int c;

  /* commands from a pipe or a file, one a line, no prompt */
  do
    {
      c = getchar ();
      if (c != EOF && c != '\n')
        {
          g_string_append_c (line, (char) c);
          continue;
        }
      if (line->len > 0 && !gvirsh_run_line (ctl, line->str))
        ok = FALSE;
      g_string_truncate (line, 0);
    }
  while (c != EOF && !ctl->quit);
  return ok ? 0 : 1;
}

int
gvirsh_interactive (GvirshCtl *ctl)
{
  guint stdin_id, sigint_id;
  g_autoptr(GError) error = NULL;

  if (!isatty (STDIN_FILENO))
    return run_stdin_script (ctl);

  the_ctl = ctl;
  ctl->interactive = TRUE;
  if (!ctl->quiet)
    g_print (_("Welcome to gvirsh, the virtualization interactive terminal.\n\n"
               "Type:  'help' for help with commands\n"
               "       'quit' to quit\n\n"));
  /* connect now, so that a bad URI is said at once; the shell still runs */
  if (gvirsh_connection (ctl, &error) == NULL)
    gvirsh_print_error (error->message);
  fflush (stdout);

  rl_readline_name = "gvirsh";
  rl_catch_signals = 0;
  rl_attempted_completion_function = attempted_completion;
  rl_basic_word_break_characters = (char *) " \t\n\"\\'`@$><=;|&{(";
  using_history ();
  history_load ();

  ctl->loop = g_main_loop_new (NULL, FALSE);
  rl_callback_handler_install (PROMPT, on_line);
  line_handler_installed = TRUE;
  stdin_id = g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin, NULL);
  sigint_id = g_unix_signal_add (SIGINT, on_sigint, ctl);

  g_main_loop_run (ctl->loop);

  if (line_handler_installed)
    rl_callback_handler_remove ();
  g_source_remove (stdin_id);
  g_source_remove (sigint_id);
  gvirsh_event_stop (ctl, GVIRSH_EVENT_END_DONE);
  history_save ();
  g_clear_pointer (&ctl->loop, g_main_loop_unref);
  g_clear_pointer (&matches, g_strfreev);
  return 0;
}
