/* tables.c: the tables a run writes, one line per file: its name, what
 * writes it (model/report/) and which command writes it. */
#include <config.h>

#include <stdio.h>

#include "report/report.h"
#include "report/report_doc.h"
#include "report/report_value.h"
#include "run/run.h"

static int
write_facts (FILE *fp, const cc_run_result *r)
{
  if (r->has_storage && cc_report_facts (fp, &r->storage.view) != 0)
    return -1;
  return cc_report_value_facts (fp, r->vc, r->vr);
}

static int
write_projection (FILE *fp, const cc_run_result *r)
{
  return cc_report_projection_csv (fp, &r->storage.view);
}

static int
write_cost (FILE *fp, const cc_run_result *r)
{
  return cc_report_cost_csv (fp, &r->storage.view, r->cost, r->currency);
}

static int
write_storage_json (FILE *fp, const cc_run_result *r)
{
  return cc_report_storage_json (fp, &r->storage.view, r->cost, r->currency);
}

typedef struct
{
  const char *name;
  unsigned group;               /* CC_TABLES_ */
  int (*run_fn) (FILE *, const cc_run_result *);
  int (*value_fn) (FILE *, const cc_valuecase *, const cc_value_result *);
} table;

static const table tables[] = {
  { "facts.txt", CC_TABLES_FACTS, write_facts, NULL },
  { "projection.csv", CC_TABLES_STORAGE, write_projection, NULL },
  { "cost.csv", CC_TABLES_STORAGE, write_cost, NULL },
  { "storage.json", CC_TABLES_STORAGE, write_storage_json, NULL },
  { "value-summary.csv", CC_TABLES_VALUE, NULL, cc_report_value_summary_csv },
  { "value-monthly.csv", CC_TABLES_VALUE, NULL, cc_report_value_monthly_csv },
  { "value-drivers.csv", CC_TABLES_VALUE, NULL, cc_report_value_drivers_csv },
  { "value-drivers-monthly.csv", CC_TABLES_VALUE, NULL,
    cc_report_value_driver_monthly_csv },
  { "quantities.csv", CC_TABLES_VALUE, NULL,
    cc_report_value_quantities_csv },
  { "provenance.csv", CC_TABLES_VALUE, NULL,
    cc_report_value_provenance_csv },
  { "tornado.csv", CC_TABLES_VALUE, NULL, cc_report_value_tornado_csv },
  { "crosscloud.csv", CC_TABLES_VALUE, NULL, cc_report_value_cross_csv },
  { "crosscloud-drivers.csv", CC_TABLES_VALUE, NULL,
    cc_report_value_cross_drivers_csv },
  { "value.json", CC_TABLES_VALUE, NULL, cc_report_value_json },
};

typedef struct
{
  const table *t;
  const cc_run_result *r;
} table_arg;

static int
write_table (FILE *fp, const void *arg)
{
  const table_arg *a = arg;
  return a->t->run_fn != NULL ? a->t->run_fn (fp, a->r)
                              : a->t->value_fn (fp, a->r->vc, a->r->vr);
}

const char *
cc_run_table_name (size_t i)
{
  return i < sizeof tables / sizeof tables[0] ? tables[i].name : NULL;
}

int
cc_run_tables (const cc_run_result *r, unsigned groups, const cc_output *out,
               cc_err *err)
{
  table_arg a;
  size_t i;
  int rc = CC_OK;

  if (!r->has_storage)
    groups &= ~(unsigned) CC_TABLES_STORAGE;
  a.r = r;
  for (i = 0; rc == CC_OK && i < sizeof tables / sizeof tables[0]; i++)
    if (tables[i].group & groups)
      {
        a.t = &tables[i];
        rc = cc_output_file (out, tables[i].name, write_table, &a, err);
      }
  return rc;
}
