/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libxml2's parse error messages as GVirt shows them to users. */
#pragma once

#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "libvirt-gobject/gvirt-i18n-private.h"

G_BEGIN_DECLS

/*
 * libxml2 tells the programmer calling it what to do ("Excessive depth in
 * document: 256 use XML_PARSE_HUGE option"); the user of GVirt cannot
 * pass parser options, and GVirt keeps the limits on purpose. This says
 * what is wrong with the document instead, and keeps the rest of the
 * message. Inline: libgvirt and the test backend module (which may only
 * use libgvirt's public symbols) both parse with libxml2.
 */
static inline char *
_gvirt_xml_parser_message (const char *message)
{
  static const char depth[] = "Excessive depth in document:";
  g_autofree char *text = g_strstrip (g_strdup (message != NULL ? message : ""));
  const char *p;
  char *advice;

  if ((p = strstr (text, depth)) != NULL)
    return g_strdup_printf (_("the elements are nested more than %d levels deep"),
                            atoi (p + strlen (depth)));
  advice = strstr (text, "XML_PARSE_HUGE");
  if (advice == NULL)
    return g_steal_pointer (&text);
  /* drop the advice ("… use XML_PARSE_HUGE option", "(use …)") and what follows */
  *advice = '\0';
  g_strchomp (text);
  if (g_str_has_suffix (text, "use"))
    text[strlen (text) - 3] = '\0';
  g_strchomp (text);
  while (*text != '\0' && strchr ("(,;:", text[strlen (text) - 1]) != NULL)
    text[strlen (text) - 1] = '\0';
  g_strchomp (text);
  if (*text == '\0')
    return g_strdup (_("a part of the document is larger than GVirt accepts"));
  return g_steal_pointer (&text);
}

G_END_DECLS
