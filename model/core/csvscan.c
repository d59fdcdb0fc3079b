/* csvscan.c: record boundaries 64 bytes at a time (core/csvscan.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/csvscan.h"

/* One byte broadcast to all eight of a word. */
#define BCAST(c) (0x0101010101010101ULL * (unsigned char) (c))

/* 0x80 in each byte of X that is zero, exactly (no borrow between
   bytes), 0 elsewhere. */
static inline uint64_t
zero_bytes (uint64_t x)
{
  uint64_t t = (x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL;
  return ~(t | x | 0x7F7F7F7F7F7F7F7FULL);
}

uint64_t
cc_csvscan_mask_swar (const char *s)
{
  uint64_t m = 0;
  int k;
  for (k = 0; k < 8; k++)
    {
      uint64_t x, z;
      memcpy (&x, s + 8 * k, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
      x = __builtin_bswap64 (x);
#endif
      z = zero_bytes (x ^ BCAST (',')) | zero_bytes (x ^ BCAST ('"'))
        | zero_bytes (x ^ BCAST ('\n')) | zero_bytes (x ^ BCAST ('\r'));
      /* Gather the high bit of byte i into bit i. */
      m |= (((z >> 7) * 0x0102040810204080ULL) >> 56) << (8 * k);
    }
  return m;
}

uint64_t
cc_csvscan_mask (const char *s)
{
#ifdef __SSE2__
  const __m128i comma = _mm_set1_epi8 (','), quote = _mm_set1_epi8 ('"');
  const __m128i lf = _mm_set1_epi8 ('\n'), cr = _mm_set1_epi8 ('\r');
  uint64_t m = 0;
  int k;
  for (k = 0; k < 4; k++)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) (const void *) (s + 16 * k));
      __m128i e = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, comma),
                                              _mm_cmpeq_epi8 (v, quote)),
                                _mm_or_si128 (_mm_cmpeq_epi8 (v, lf),
                                              _mm_cmpeq_epi8 (v, cr)));
      m |= (uint64_t) (unsigned) _mm_movemask_epi8 (e) << (16 * k);
    }
  return m;
#else
  return cc_csvscan_mask_swar (s);
#endif
}

/* A window of 64 bytes from BASE with the mask of its special bytes. */
typedef struct
{
  const char *base, *end;
  uint64_t m;
} scan;

static void
load (scan *sc, const char *p)
{
  sc->base = p;
  if (sc->end - p >= 64)
    sc->m = cc_csvscan_mask (p);
  else
    {
      /* The tail: zeros after the end are not special. */
      char pad[64];
      memset (pad, 0, sizeof pad);
      memcpy (pad, p, (size_t) (sc->end - p));
      sc->m = cc_csvscan_mask (pad);
    }
}

/* The first special byte at or after P (which is at or after the
   window's base), or the end. */
static const char *
next_special (scan *sc, const char *p)
{
  while (p < sc->end)
    {
      size_t k = (size_t) (p - sc->base);
      uint64_t m;
      if (k >= 64)
        {
          load (sc, p);
          k = 0;
        }
      m = sc->m >> k;
      if (m)
        return p + __builtin_ctzll (m);
      p = sc->base + 64;
    }
  return sc->end;
}

/* The closing quote of the quoted field whose text starts at P, or NULL
   when the field holds CR or LF or runs to the end; *ESC says whether it
   holds "". */
static const char *
quoted_end (scan *sc, const char *p, int *esc)
{
  *esc = 0;
  for (;;)
    {
      const char *q = next_special (sc, p);
      if (q == sc->end || *q == '\n' || *q == '\r')
        return NULL;
      if (*q == '"')
        {
          if (q + 1 < sc->end && q[1] == '"')
            *esc = 1;
          else
            return q;
          q++;
        }
      p = q + 1;
    }
}

static inline int
blank (char c)
{
  return c == ' ' || c == '\t';
}

size_t
cc_csvscan_record (const char *s, size_t n, cc_csvscan_field *f,
                   size_t maxf, size_t *nf)
{
  const char *p = s, *end = s + n, *q;
  size_t i = 0;
  scan sc;

  /* A blank line, or blanks libcsv would skip: its business. */
  if (n == 0 || blank (*s) || *s == '\n' || *s == '\r')
    return 0;
  sc.end = end;
  load (&sc, s);
  for (;;)
    {
      if (i == maxf || p >= end || blank (*p))
        return 0;
      if (*p == '"')
        {
          if ((q = quoted_end (&sc, p + 1, &f[i].esc)) == NULL)
            return 0;
          f[i].p = p + 1;
          f[i].len = (size_t) (q - p - 1);
          q++;
        }
      else
        {
          q = next_special (&sc, p);
          /* A quote inside (libcsv's strict error) or trailing blanks
             (which libcsv drops): its business. */
          if (q == end || *q == '"' || (q > p && blank (q[-1])))
            return 0;
          f[i].p = p;
          f[i].len = (size_t) (q - p);
          f[i].esc = 0;
        }
      i++;
      if (q >= end)
        return 0;
      if (*q == ',')
        p = q + 1;
      else if (*q == '\n')
        {
          *nf = i;
          return (size_t) (q + 1 - s);
        }
      else if (*q == '\r' && q + 1 < end && q[1] == '\n')
        {
          *nf = i;
          return (size_t) (q + 2 - s);
        }
      else
        return 0;
    }
}

size_t
cc_csvscan_copy (char *dst, const cc_csvscan_field *f)
{
  size_t i, j = 0;
  if (!f->esc)
    {
      memcpy (dst, f->p, f->len);
      return f->len;
    }
  for (i = 0; i < f->len; i++)
    {
      dst[j++] = f->p[i];
      if (f->p[i] == '"')
        i++;   /* the second of "" */
    }
  return j;
}

int
cc_csvscan_enabled (void)
{
  const char *e = getenv ("CLOUDCAST_CSV");
  return e == NULL || strcasecmp (e, "libcsv") != 0;
}
