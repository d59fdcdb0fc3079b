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

const char *
cc_family_label (const char *name)
{
  static const char *const label[CC_NFAMILIES] = {
    "Storage", "Compute", "AI services", "Network", "Databases",
    "Productivity", "Other"
  };
  size_t i;
  for (i = 0; i < CC_NFAMILIES; i++)
    if (strcmp (name, cc_family_names[i]) == 0)
      return label[i];
  return name;
}

const char *
cc_provider_label (const char *key)
{
  static const char *const known[][2] = {
    { "azure", "Microsoft Azure" }, { "aws", "Amazon Web Services" },
    { "gcp", "Google Cloud" }, { "oci", "Oracle Cloud" }
  };
  size_t i;
  for (i = 0; i < sizeof known / sizeof known[0]; i++)
    if (strcmp (key, known[i][0]) == 0)
      return known[i][1];
  return key;
}
