/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* gvirsh: the command table, the shell state and helpers shared by the command files. */
#pragma once

#include <json-glib/json-glib.h>
#include <libvirt-gobject/libvirt-gobject.h>

G_BEGIN_DECLS

typedef enum {
  GVIRSH_OPT_BOOL,
  GVIRSH_OPT_STRING,
  GVIRSH_OPT_INT,
} GvirshOptType;

typedef enum {
  GVIRSH_OPT_FLAG_NONE       = 0,
  GVIRSH_OPT_FLAG_REQUIRED   = 1 << 0, /* must be given */
  GVIRSH_OPT_FLAG_POSITIONAL = 1 << 1, /* may be given without its --name, in order */
} GvirshOptFlags;

/* What a value of an option is, for completion. */
typedef enum {
  GVIRSH_COMPLETE_NONE,
  GVIRSH_COMPLETE_DOMAIN,
  GVIRSH_COMPLETE_NETWORK,
  GVIRSH_COMPLETE_FILE,
  GVIRSH_COMPLETE_COMMAND,
  GVIRSH_COMPLETE_EVENT,
} GvirshComplete;

typedef struct {
  const char     *name;      /* without the leading "--" */
  GvirshOptType   type;
  GvirshOptFlags  flags;
  GvirshComplete  complete;
  const char     *help;
} GvirshOpt;

typedef struct _GvirshCtl GvirshCtl;
typedef struct _GvirshArgs GvirshArgs;

typedef gboolean (*GvirshHandler) (GvirshCtl   *ctl,
                                   GvirshArgs  *args,
                                   GError     **error);

typedef enum {
  GVIRSH_CMD_FLAG_NONE       = 0,
  GVIRSH_CMD_FLAG_NO_CONNECT = 1 << 0, /* runs without a connection */
  GVIRSH_CMD_FLAG_HIDDEN     = 1 << 1, /* not listed by help nor the man page */
  GVIRSH_CMD_FLAG_NO_TRAILER = 1 << 2, /* no blank line after the output */
} GvirshCmdFlags;

typedef struct {
  const char      *name;
  const GvirshOpt *opts;         /* ends with a { NULL } entry */
  GvirshHandler    handler;
  const char      *summary;      /* one line, lower case, no period */
  const char      *description;  /* full sentences */
  GvirshCmdFlags   flags;
  /* The library operation the command performs, if it is one: the command
   * is refused before it reads its arguments' files when the connection
   * cannot make it (read-only, unsupported), as the library would. */
  gboolean         has_op;
  GVirtOperation   op;
} GvirshCmd;

#define GVIRSH_OP(id) .has_op = TRUE, .op = GVIRT_OPERATION_##id

typedef struct {
  const char      *name;     /* "Domain Management" */
  const char      *keyword;  /* "domain", for `help domain` */
  const GvirshCmd *cmds;     /* ends with a { NULL } entry */
} GvirshGroup;

extern const GvirshCmd gvirsh_domain_cmds[];
extern const GvirshCmd gvirsh_network_cmds[];
extern const GvirshCmd gvirsh_host_cmds[];
extern const GvirshCmd gvirsh_shell_cmds[];
extern const GvirshGroup gvirsh_groups[];

struct _GvirshCtl {
  char            *uri;          /* NULL: the default */
  gboolean         readonly;
  gboolean         quiet;        /* -q: no table headers, no informational messages */
  gboolean         interactive;  /* readline prompt on a terminal */
  gboolean         quit;
  GVirtConnection *conn;
  GMainLoop       *loop;         /* interactive mode's loop */
  gpointer         event_watch;  /* the `event` running in the background */
};

/* gvirsh.c */
/* "error: MESSAGE" on stderr, after what stdout holds. */
void             gvirsh_print_error      (const char  *message);
/* The error of a command that fails having said all it has to say (as
 * virsh's event that saw no event): the exit status, no error line. */
#define GVIRSH_SILENT_ERROR (gvirsh_silent_error_quark ())
GQuark           gvirsh_silent_error_quark (void);
const char      *gvirsh_default_uri      (const char **variable);
GVirtConnection *gvirsh_connection       (GvirshCtl   *ctl,
                                          GError     **error);
gboolean         gvirsh_connect          (GvirshCtl   *ctl,
                                          const char  *uri,
                                          gboolean     readonly,
                                          GError     **error);
const GvirshCmd *gvirsh_find_cmd         (const char  *name);
const GvirshGroup *gvirsh_find_group     (const char  *keyword);
gboolean         gvirsh_run_line         (GvirshCtl   *ctl,
                                          const char  *line);
char           **gvirsh_complete         (GvirshCtl   *ctl,
                                          char       **words,
                                          gboolean    *want_files);
/* Splits a command string at unquoted `;` into commands of words
 * (a GPtrArray of NULL-terminated GPtrArrays of strings). */
GPtrArray       *gvirsh_split_line       (const char  *line,
                                          GError     **error);

/* Parsed options of one command. */
gboolean         gvirsh_args_has         (GvirshArgs  *args,
                                          const char  *name);
gboolean         gvirsh_args_get_bool    (GvirshArgs  *args,
                                          const char  *name);
const char      *gvirsh_args_get_string  (GvirshArgs  *args,
                                          const char  *name);
gboolean         gvirsh_args_get_int     (GvirshArgs  *args,
                                          const char  *name,
                                          gint64       min,
                                          gint64       max,
                                          gint64      *value,
                                          GError     **error);
const GvirshCmd *gvirsh_args_get_cmd     (GvirshArgs  *args);

/* gvirsh-event.c */
/* Why an event watch ends: each has its own sentence. */
typedef enum {
  GVIRSH_EVENT_END_DONE,         /* enough events, or the shell quits */
  GVIRSH_EVENT_END_TIMED_OUT,
  GVIRSH_EVENT_END_INTERRUPTED,
} GvirshEventEnd;

extern const GvirshOpt gvirsh_event_opts[];
gboolean         gvirsh_cmd_event        (GvirshCtl   *ctl,
                                          GvirshArgs  *args,
                                          GError     **error);
void             gvirsh_event_stop       (GvirshCtl     *ctl,
                                          GvirshEventEnd why);

/* gvirsh-interactive.c */
int              gvirsh_interactive      (GvirshCtl   *ctl);
/* Prints a line while the prompt is shown, then redraws the prompt. */
void             gvirsh_print_async      (GvirshCtl   *ctl,
                                          const char  *text);

/* gvirsh-output.c */
typedef struct _GvirshTable GvirshTable;
GvirshTable     *gvirsh_table_new        (const char  *first_header,
                                          ...) G_GNUC_NULL_TERMINATED;
void             gvirsh_table_add_row    (GvirshTable *table,
                                          const char  *first_cell,
                                          ...) G_GNUC_NULL_TERMINATED;
/* The rows, under the header and its dashed line unless ctl->quiet. */
void             gvirsh_table_print      (GvirshCtl   *ctl,
                                          GvirshTable *table);
void             gvirsh_table_free       (GvirshTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GvirshTable, gvirsh_table_free)

/* "Label:         value": the label padded to 15 characters (not bytes:
 * translated labels may not be ASCII), or to @width. */
void             gvirsh_print_field      (const char  *label,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (2, 3);
void             gvirsh_print_field_width (guint       width,
                                          const char  *label,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (3, 4);
/* One informational line ("Domain 'test' suspended"), left out with -q as
 * virsh's vshPrintExtra(); the results a command was asked for use g_print(). */
void             gvirsh_print_info       (GvirshCtl   *ctl,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (2, 3);
const char      *gvirsh_domain_state_string (GVirtDomainState state);
const char      *gvirsh_domain_state_reason_string (GVirtDomainStateReason reason);
const char      *gvirsh_enum_nick        (GType        type,
                                          gint         value);

JsonBuilder     *gvirsh_json_begin       (void);
void             gvirsh_json_print       (JsonBuilder *builder);

/* Lookups with virsh's rules, and errors that say what to do. */
GVirtDomain     *gvirsh_lookup_domain    (GvirshCtl   *ctl,
                                          const char  *what,
                                          GError     **error);
GVirtNetwork    *gvirsh_lookup_network   (GvirshCtl   *ctl,
                                          const char  *what,
                                          GError     **error);
gboolean         gvirsh_parse_size_kib   (const char  *text,
                                          guint64     *kib,
                                          GError     **error);
gboolean         gvirsh_read_file        (const char  *path,
                                          char       **contents,
                                          GError     **error);
/* Errors as whole sentences: gvirsh_rephrase_error() replaces the message
 * of *error (keeping its domain and code) by @format, a whole sentence that
 * usually quotes the old message, given by gvirsh_error_reason(), as its
 * last placeholder: "failed to start domain '%s': %s". Never build a message
 * by gluing a prefix to the reason: translations need the whole sentence. */
const char      *gvirsh_error_reason     (GError     **error);
void             gvirsh_rephrase_error   (GError     **error,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
