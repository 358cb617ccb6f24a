/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The save file's checksum: four multiply-rotate lanes over 32-byte stripes. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "gvirt-qemu-checksum-private.h"

#define P1 G_GUINT64_CONSTANT (0x9E3779B185EBCA87)
#define P2 G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)
#define P3 G_GUINT64_CONSTANT (0x165667B19E3779F9)
#define CHUNK (1024 * 1024)   /* a multiple of the 32-byte stripe */

static inline guint64
rotl (guint64 x, int r)
{
  return (x << r) | (x >> (64 - r));
}

static inline guint64
lane_round (guint64 acc, guint64 word)
{
  return rotl (acc + word * P2, 31) * P1;
}

static inline guint64
load64 (const guint8 *p)
{
  guint64 w;

  memcpy (&w, p, 8);
  return GUINT64_FROM_LE (w);
}

typedef struct {
  guint64 lane[4];
  guint64 total;
} Checksum;

static void
stripes (Checksum *c, const guint8 *p, gsize n)
{
  for (; n >= 32; p += 32, n -= 32)
    for (int i = 0; i < 4; i++)
      c->lane[i] = lane_round (c->lane[i], load64 (p + 8 * i));
}

static guint64
finish (Checksum *c, const guint8 *tail, gsize n)
{
  guint64 h = rotl (c->lane[0], 1) + rotl (c->lane[1], 7) + rotl (c->lane[2], 12) + rotl (c->lane[3], 18);

  h ^= c->total * P3;
  for (; n >= 8; tail += 8, n -= 8)
    h = rotl (h ^ lane_round (0, load64 (tail)), 27) * P1 + P3;
  for (; n > 0; tail++, n--)
    h = rotl (h ^ (*tail * P3), 11) * P1;
  h ^= h >> 33;
  h *= P2;
  h ^= h >> 29;
  h *= P3;
  h ^= h >> 32;
  return h != 0 ? h : 1;
}

gboolean
_gvirt_qemu_checksum_fd (int      fd,
                         gint64   offset,
                         guint64 *sum)
{
  g_autofree guint8 *buf = g_malloc (CHUNK);
  Checksum c = { { P1 + P2, P2, 0, (guint64) 0 - P1 }, 0 };
  gsize filled = 0;

  for (;;)
    {
      ssize_t n = pread (fd, buf + filled, CHUNK - filled, offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      offset += n;
      filled += n;
      c.total += n;
      if (filled == CHUNK)
        {
          stripes (&c, buf, CHUNK);
          filled = 0;
        }
    }
  stripes (&c, buf, filled - filled % 32);
  *sum = finish (&c, buf + filled - filled % 32, filled % 32);
  return TRUE;
}
