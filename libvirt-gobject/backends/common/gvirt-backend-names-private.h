/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Domain and network names and UUIDs, checked the same way by every backend. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A name becomes a file name (CONFIG/NAME.xml, its temp file
 * NAME.xml.XXXXXX, RUNTIME/NAME.sock …), so it is not empty, does not
 * start with '.' (no ".", "..", hidden files), has no '/', and is at most
 * GVIRT_BACKEND_NAME_MAX bytes: the qemu backend's limit, which keeps the
 * longest file made from it (NAME.xml.XXXXXX) well inside NAME_MAX and the
 * monitor socket's path inside sun_path for the usual runtime directories.
 *
 * Errors are GVIRT_ERROR_INVALID_ARGUMENT with the backends' messages:
 * “A domain needs a name.” (NULL or empty) and “NAME” is not a valid
 * domain name.” (the rest); the same with “network” for networks.
 */
#define GVIRT_BACKEND_NAME_MAX 79

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
