/* cmd_scenario.c: cloudcast scenario new [--from NAME] FILE (a commented
 * starting point, never written over an existing file) and cloudcast
 * scenario check FILE (load and validate without running). */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "core/datapath.h"
#include "core/output.h"
#include "core/timeutil.h"
#include "value/valuecase.h"

typedef struct
{
  const char *from;       /* the shipped scenario's path */
  const char *name;       /* as the user named it */
  char *text;
  size_t len;
} template_arg;

static int
write_template (FILE *fp, const void *arg)
{
  const template_arg *t = arg;
  fprintf (fp, "; A scenario started from '%s' by cloudcast scenario new.\n"
           "; Edit any value, check it with `cloudcast scenario check "
           "FILE`,\n; then run it with `cloudcast value FILE`.\n"
           "; Price books and data are named (aws, "
           "reported/azure-storage-2025) or given\n"
           "; as paths; a name is looked for in this file's folder, "
           "$CLOUDCAST_DATA,\n"
           "; $XDG_DATA_HOME/cloudcast, then the installed data "
           "directory.\n;\n", t->name);
  return fwrite (t->text, 1, t->len, fp) != t->len;
}

/* The text of PATH into T. */
static int
read_all (const char *path, template_arg *t, cc_err *err)
{
  FILE *fp = fopen (path, "rb");
  size_t cap = 65536;
  if (fp == NULL)
    return cc_err_set (err, CC_ENOINPUT, path, 0, 0, "cannot open: %s",
                       strerror (errno));
  t->text = malloc (cap);
  if (t->text == NULL)
    {
      fclose (fp);
      return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
    }
  t->len = fread (t->text, 1, cap, fp);
  if (ferror (fp) || !feof (fp))
    {
      int bad = ferror (fp);
      fclose (fp);
      return cc_err_set (err, CC_EIO, path, 0, 0, bad ? "read error"
                         : "longer than 64 KiB (the cap)");
    }
  fclose (fp);
  return CC_OK;
}

int
cc_cmd_scenario_new (int argc, char **argv)
{
  cc_opts go;
  const char *from = "default", *file;
  template_arg t;
  struct stat st;
  char *src = NULL;
  cc_err err;
  int c, rc;

  cc_opts_init (&go, "scenario new");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    if (c == 'h')
      return cc_opts_help (&go);
    else if (c == 'F')
      from = optarg;
    else
      return cc_cli_usage ("scenario new: bad option");
  if (argc - optind != 1)
    return cc_cli_usage ("scenario new: give one FILE to write");
  file = argv[optind];
  if (lstat (file, &st) == 0)
    {
      cc_cli_warn ("%s: already exists; not overwritten (choose another "
                   "name)", file);
      return CC_ECANTCREAT;
    }
  cc_err_clear (&err);
  memset (&t, 0, sizeof t);
  {
    /* A bare name is a shipped scenario: scenarios/NAME.ini. */
    char buf[512];
    int bare = strstr (from, ".ini") == NULL;
    snprintf (buf, sizeof buf, bare ? "%s.ini" : "%s", from);
    rc = cc_datapath_find ("", buf, "scenarios", &src, &err);
  }
  if (rc == CC_OK)
    {
      t.from = src;
      t.name = from;
      rc = read_all (src, &t, &err);
    }
  if (rc == CC_OK)
    rc = cc_output_write (file, write_template, &t, &err);
  free (t.text);
  free (src);
  if (rc != CC_OK)
    return cc_cli_fail (&err);
  printf ("wrote %s from %s; check it with: cloudcast scenario check %s\n",
          file, from, file);
  return CC_OK;
}

int
cc_cmd_scenario_check (int argc, char **argv)
{
  cc_opts go;
  cc_valuecase *vc = NULL;
  char start[16];
  cc_err err;
  size_t i;
  int c, rc, quiet = 0;

  cc_opts_init (&go, "scenario check");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    if (c == 'h')
      return cc_opts_help (&go);
    else if (c == 'q')
      quiet = 1;
    else
      return cc_cli_usage ("scenario check: bad option");
  if (argc - optind != 1)
    return cc_cli_usage ("scenario check: give one SCENARIO.ini");
  cc_err_clear (&err);
  rc = cc_valuecase_load (argv[optind], &vc, &err);
  if (rc != CC_OK)
    {
      cc_valuecase_free (vc);
      return cc_cli_fail (&err);
    }
  if (quiet)
    {
      cc_valuecase_free (vc);
      return CC_OK;
    }
  cc_month_format (vc->model.start_month, start, sizeof start);
  printf ("%s: ok: '%s', %d months from %s, %zu draws, %zu input files; "
          "providers", argv[optind], vc->title, vc->model.months, start,
          vc->model.draws, vc->ninputs);
  for (i = 0; i < vc->model.nprovider; i++)
    printf ("%s %s", i ? "," : "", vc->model.provider[i]);
  printf ("; drivers");
  for (i = 0; i < vc->model.ndriver; i++)
    printf ("%s %s", i ? "," : "", vc->model.driver[i].name);
  printf ("\n");
  cc_valuecase_free (vc);
  return CC_OK;
}
