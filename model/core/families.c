/* families.c: the one list of service families. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/families.h"

const char *const cc_family_names[CC_NFAMILIES] = {
  "storage", "compute", "ai", "network", "database", "productivity", "other"
};

const char *
cc_family_find (const char *name)
{
  size_t i;
  for (i = 0; i < CC_NFAMILIES; i++)
    if (strcmp (name, cc_family_names[i]) == 0)
      return cc_family_names[i];
  return NULL;
}

int
cc_family_valid (const char *name)
{
  return cc_family_find (name) != NULL;
}

char *
cc_family_list (char *buf, size_t size)
{
  size_t i, n = 0;
  if (size > 0)
    buf[0] = '\0';
  for (i = 0; i < CC_NFAMILIES && n < size; i++)
    n += (size_t) snprintf (buf + n, size - n, "%s%s", i ? ", " : "",
                            cc_family_names[i]);
  return buf;
}
