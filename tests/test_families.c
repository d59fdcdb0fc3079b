/* test_families.c: the one list of service families (model/core/families.c)
 * and its two users, the service map and the scenario reader. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/families.h"
#include "ingest/servicemap.h"
#include "value/valuecase.h"
#include "tap.h"

static const char *const all =
  "storage, compute, ai, network, database, productivity, other";

/* Write TEXT to a new temporary file named with SUFFIX; returns its path
   (static buffer). */
static const char *
temp_file (const char *text, const char *suffix)
{
  static char path[64];
  int fd;
  FILE *fp;
  snprintf (path, sizeof path, "/tmp/cc-families-XXXXXX%s", suffix);
  fd = mkstemps (path, (int) strlen (suffix));
  if (fd < 0 || (fp = fdopen (fd, "w")) == NULL)
    return NULL;
  fputs (text, fp);
  fclose (fp);
  return path;
}

int
main (void)
{
  char list[128], small[12];
  cc_servicemap *m = NULL;
  cc_valuecase *vc = NULL;
  cc_err err;
  const char *path, *top;
  char ini[4096];
  size_t i;

  is_int (CC_NFAMILIES, 7, "seven families");
  is_str (cc_family_names[0], "storage", "storage comes first");
  is_str (cc_family_names[CC_NFAMILIES - 1], "other", "other comes last");
  for (i = 0; i < CC_NFAMILIES; i++)
    ok (cc_family_find (cc_family_names[i]) == cc_family_names[i]
        && cc_family_valid (cc_family_names[i]),
        "%s is a family, found as the list's own copy", cc_family_names[i]);
  ok (!cc_family_valid ("Storage"), "names match case");
  ok (!cc_family_valid ("storag") && !cc_family_valid ("storage "),
      "a prefix or a trailing blank is not a family");
  ok (!cc_family_valid ("") && cc_family_find ("gpu") == NULL,
      "empty and unknown names are not families");
  is_str (cc_family_list (list, sizeof list), all, "the list for messages");
  cc_family_list (small, sizeof small);
  is_str (small, "storage, co", "the list is cut to the buffer");

  /* The service map takes its families from the list ... */
  cc_err_clear (&err);
  path = temp_file ("provider,field,pattern,family\n"
                    "*,service,Blob*,storage\n*,service,GPU*,gpu\n", ".csv");
  ok (path != NULL, "service map written");
  is_int (cc_servicemap_load (path, &m, &err), CC_EDATA,
          "service map: an unknown family is bad data");
  has_str (err.msg, "unknown family 'gpu' (storage, compute, ai, network, "
           "database, productivity, other)", "service map names the families");
  unlink (path);
  cc_err_clear (&err);
  path = temp_file ("provider,field,pattern,family\n*,service,Blob*,storage\n",
                    ".csv");
  is_int (cc_servicemap_load (path, &m, &err), CC_OK, "service map loads");
  ok (m != NULL && cc_servicemap_family (m, "Azure", "Blob Storage", "", "")
      == cc_family_find ("storage"), "a rule's family is the list's copy");
  cc_servicemap_free (m);
  unlink (path);

  /* ... and so does the scenario reader. */
  cc_err_clear (&err);
  top = getenv ("top_srcdir");
  snprintf (ini, sizeof ini, "%s/tests/data/scenarios/bad-family.ini",
            top ? top : ".");
  is_int (cc_valuecase_load (ini, &vc, &err), CC_EDATA,
          "scenario: an unknown family is bad data");
  has_str (err.msg, "family 'hobbies' is not one of storage, compute, ai, "
           "network, database, productivity, other",
           "scenario names the families");
  cc_valuecase_free (vc);
  return done_testing ();
}
