/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Hashing for tables keyed by canonical UUID strings. */
#pragma once

#include <string.h>
#include <glib.h>

G_BEGIN_DECLS

/*
 * _gvirt_uuid_hash:
 *
 * A GHashFunc for UUID strings: a canonical UUID (36 characters) is mixed
 * eight bytes at a time, three times fewer steps than g_str_hash(), which
 * every lookup by UUID paid; anything else falls back to g_str_hash().
 * Use with g_str_equal().
 */
static inline guint
_gvirt_uuid_hash (gconstpointer key)
{
  const char *s = key;
  guint64 h = 0x9e3779b97f4a7c15ull;
  guint32 tail;

  if (strlen (s) != 36)
    return g_str_hash (key);
  for (int i = 0; i < 4; i++)
    {
      guint64 w;

      memcpy (&w, s + 8 * i, 8);
      h = (h ^ w) * 0xff51afd7ed558ccdull;
      h ^= h >> 29;
    }
  memcpy (&tail, s + 32, 4);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
  return (guint) (h ^ (h >> 32));
}

G_END_DECLS
