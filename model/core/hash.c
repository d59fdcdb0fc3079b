/* hash.c: FNV-1a over bytes and files. */
#include <config.h>

#include <stdio.h>

#include "core/hash.h"

uint64_t
cc_hash_bytes (uint64_t h, const void *buf, size_t n)
{
  const unsigned char *p = buf;
  size_t i;
  for (i = 0; i < n; i++)
    {
      h ^= p[i];
      h *= UINT64_C (0x100000001b3);
    }
  return h;
}

int
cc_hash_file (uint64_t *h, const char *path)
{
  unsigned char buf[65536];
  uint64_t v = *h;
  size_t n;
  FILE *fp = fopen (path, "rb");
  if (fp == NULL)
    return -1;
  while ((n = fread (buf, 1, sizeof buf, fp)) > 0)
    v = cc_hash_bytes (v, buf, n);
  if (ferror (fp))
    {
      fclose (fp);
      return -1;
    }
  fclose (fp);
  *h = v;
  return 0;
}
