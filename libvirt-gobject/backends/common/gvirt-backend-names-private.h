/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Domain and network names and UUIDs, checked the same way by every backend. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The one rule for domain and network names, on every backend: 1 to
 * GVIRT_BACKEND_NAME_MAX (255) bytes of ASCII letters, digits and “-_.+:”,
 * not starting with “.” or “-”. So a name is always a safe file name
 * component (no “/”, no “..”, no hidden file, no newline, nothing a shell or
 * QEMU's option parser treats specially) and prints the same everywhere.
 * Non-ASCII letters are refused on purpose: no Unicode normalization or
 * look-alike questions, and one byte per character. A backend whose file
 * names cannot hold 255 bytes plus a suffix maps long names to other file
 * names (the qemu backend: docs/qemu-backend.md).
 *
 * Errors are GVIRT_ERROR_INVALID_ARGUMENT, one sentence per fault:
 * “A domain needs a name.” (NULL or empty), “Domain names are at most 255
 * bytes long; …”, “Domain names may not start with “.” or “-” …” and
 * “Domain names may contain only letters, digits and “-_.+:” …” (the name
 * escaped as C does, so a newline shows as \n); the same with “network” for
 * networks.
 */
#define GVIRT_BACKEND_NAME_MAX 255

gboolean _gvirt_backend_check_name         (const char  *name,
                                            GError     **error);
gboolean _gvirt_backend_check_network_name (const char  *name,
                                            GError     **error);

/*
 * UUIDs: canonical is lowercase 8-4-4-4-12 hex. Accepted as input: the
 * same in either case, or the 32 digits without dashes, with blanks around
 * (the rules of the config model's <uuid> reader, so a UUID it read is
 * always one a backend accepts).
 */
#define GVIRT_BACKEND_UUID_LEN 36

/* Writes the canonical form of @text into @out; FALSE (and @out unchanged)
 * when @text is NULL or not a UUID. */
gboolean _gvirt_backend_uuid_parse     (const char *text,
                                        char        out[GVIRT_BACKEND_UUID_LEN + 1]);
/* The canonical form of @text, newly allocated, or NULL. */
char    *_gvirt_backend_uuid_canonical (const char *text);
/* A random (version 4) UUID, canonical. */
char    *_gvirt_backend_uuid_random    (void);

/*
 * The UUID a new definition named @name gets: @given made canonical, or a
 * random one when @given is NULL or empty. NULL with
 * GVIRT_ERROR_INVALID_ARGUMENT “The UUID “GIVEN” of domain “NAME” is not
 * valid.” (or “of network”) when @given is not a UUID.
 */
char    *_gvirt_backend_domain_uuid    (const char  *given,
                                        const char  *name,
                                        GError     **error);
char    *_gvirt_backend_network_uuid   (const char  *given,
                                        const char  *name,
                                        GError     **error);

G_END_DECLS
