/* table.c: the group tables: open addressing on a key of joined strings
 * and a month, with compensated sums of cost and quantity per group. */
#include <config.h>

#include <stdlib.h>

#include "ingest/ingest_priv.h"

static uint64_t
hash_key (const char *k, size_t n, long month)
{
  /* Eight bytes per step with a multiply-xorshift mix: the key is hashed
     once per row, so this is on the hot path. */
  const uint64_t m = 0x9FB21C651E98DF25ULL;
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ ((uint64_t) month * m) ^ n, w;
  while (n >= 8)
    {
      memcpy (&w, k, 8);
      h = (h ^ w) * m;
      h ^= h >> 32;
      k += 8;
      n -= 8;
    }
  if (n > 0)
    {
      w = 0;
      memcpy (&w, k, n);
      h = (h ^ w) * m;
    }
  h ^= h >> 29;
  h *= m;
  return h ^ (h >> 32);
}

static int
table_grow (table *t)
{
  size_t cap = t->cap ? 2 * t->cap : 256, i;
  group *g = calloc (cap, sizeof *g);
  if (g == NULL)
    return -1;
  for (i = 0; i < t->cap; i++)
    if (t->g[i].key != NULL)
      {
        size_t j = t->g[i].hash & (cap - 1);
        while (g[j].key != NULL)
          j = (j + 1) & (cap - 1);
        g[j] = t->g[i];
      }
  free (t->g);
  t->g = g;
  t->cap = cap;
  return 0;
}

/* The slot of (key, month) in T: its group, or the empty slot where it
   would go. */
static size_t
slot_of (const table *t, uint64_t h, const char *key, size_t keylen,
         long month)
{
  size_t j = h & (t->cap - 1);
  while (t->g[j].key != NULL)
    {
      const group *g = &t->g[j];
      if (g->hash == h && g->month == month && g->keylen == keylen
          && memcmp (g->key, key, keylen) == 0)
        break;
      j = (j + 1) & (t->cap - 1);
    }
  return j;
}

group *
ingest_table_find (const table *t, const char *key, size_t keylen,
                   long month)
{
  size_t j;
  if (t->cap == 0)
    return NULL;
  j = slot_of (t, hash_key (key, keylen, month), key, keylen, month);
  return t->g[j].key != NULL ? &t->g[j] : NULL;
}

group *
ingest_table_get (table *t, const char *key, size_t keylen, long month)
{
  uint64_t h = hash_key (key, keylen, month);
  size_t j;

  if (2 * (t->n + 1) > t->cap && table_grow (t) != 0)
    return NULL;
  j = slot_of (t, h, key, keylen, month);
  if (t->g[j].key != NULL)
    return &t->g[j];
  t->g[j].key = malloc (keylen + 1);
  if (t->g[j].key == NULL)
    return NULL;
  memcpy (t->g[j].key, key, keylen);
  t->g[j].key[keylen] = '\0';
  t->g[j].keylen = keylen;
  t->g[j].hash = h;
  t->g[j].month = month;
  t->n++;
  return &t->g[j];
}

int
ingest_table_merge (table *dst, const table *src)
{
  size_t i;
  for (i = 0; i < src->cap; i++)
    {
      const group *s = &src->g[i];
      group *d;
      if (s->key == NULL)
        continue;
      d = ingest_table_get (dst, s->key, s->keylen, s->month);
      if (d == NULL)
        return -1;
      if (d->rows == 0 || s->chunk < d->chunk
          || (s->chunk == d->chunk && s->line < d->line))
        d->chunk = s->chunk, d->line = s->line;
      nmerge (&d->cost, &s->cost);
      nmerge (&d->qty, &s->qty);
      d->rows += s->rows;
    }
  return 0;
}

void
ingest_table_rebase (table *t, const long *first_line)
{
  size_t i;
  for (i = 0; i < t->cap; i++)
    if (t->g[i].key != NULL)
      {
        t->g[i].line += first_line[t->g[i].chunk];
        t->g[i].chunk = 0;
      }
}

void
ingest_table_clear (table *t)
{
  size_t i;
  for (i = 0; i < t->cap; i++)
    free (t->g[i].key);
  free (t->g);
  t->g = NULL;
  t->n = t->cap = 0;
}

void
ingest_key_split (char *key, const char *part[K_N])
{
  int i;
  char *p = key;
  for (i = 0; i < K_N; i++)
    {
      char *sep = strchr (p, '\x1f');
      part[i] = p;
      if (sep != NULL)
        {
          *sep = '\0';
          p = sep + 1;
        }
      else
        p += strlen (p);
    }
}
