/* run.h: the run pipeline: a scenario file in; tables, charts and the
 * report documents out (`cloudcast run`), or the contract value's part of
 * it (`cloudcast value`).
 *
 *   scenario -> (reported storage -> facts -> named scenarios -> cost)
 *            -> (drivers -> Monte Carlo contract value)
 *            -> tables (model/run/tables.c)
 *            -> charts, all in one gnuplot process (plots/registry.h)
 *            -> alt text, report.md, report.html (model/run/documents.c)
 *
 * Every table is written before gnuplot is started, and the documents
 * are written whatever gnuplot does, so a failing chart never costs the
 * numbers.  Every file goes through the one atomic writer (core/output.h);
 * nothing here prints. */
#ifndef CC_RUN_H
#define CC_RUN_H

#include "core/error.h"
#include "core/output.h"
#include "plots/registry.h"
#include "reported/case.h"
#include "value/value.h"
#include "value/valuecase.h"

/* The scenario a run reads by default, relative to the data directory. */
#define CC_DEFAULT_SCENARIO "scenarios/default.ini"

typedef struct
{
  const char *scenario;         /* the scenario file */
  const char *dir;              /* output directory: created if missing,
                                   swept of stale temporaries */
  int months;                   /* storage story: months of scenarios; 0:
                                   the scenario's projection_horizon, else
                                   through the contract's last month */
  double photo_mib;             /* photo size for the facts */
  unsigned long draws;          /* Monte Carlo draws; 0: the scenario's */
  int set_seed;                 /* use SEED instead of the scenario's */
  unsigned long seed;
  int preview;                  /* keep the storage chart as text too */
  int verbose;                  /* -v: name every file written */
  int quiet;                    /* -q: print nothing but errors */
  cc_output_notify notify;      /* told of every file written; may be NULL */
  void *notify_ctx;
} cc_run_opts;

/* The defaults: cloudcast-out, months from the scenario, CC_DEFAULT_PHOTO_MIB,
 * the scenario's draws and seed, no preview, no notifier. */
void cc_run_opts_init (cc_run_opts *o, const char *scenario);

typedef struct
{
  cc_valuecase *vc;             /* the scenario, once loaded */
  cc_value_result *vr;          /* its contract value, once computed */
  int has_storage;              /* a driver grows from reported figures */
  size_t storage_driver;        /* the first such driver */
  cc_case storage;              /* its storage story */
  double *cost;                 /* storage scenario costs, nscn x months */
  unsigned char shown[16];      /* named scenarios the chart draws */
  const char *currency;         /* of COST */
  cc_chartset charts;           /* prepared, then drawn */
} cc_run_result;

/* The whole run into o->dir.  CC_OK; CC_EUNAVAIL when gnuplot is missing
 * or failed (the tables and documents are written all the same, and
 * report.md says why charts are missing); CC_EUSAGE when draws x months
 * is above CC_MAX_DRAW_MONTHS; otherwise the first error.  The text
 * preview, when asked for, is r->charts.preview.  Free R with cc_run_free
 * whatever this returns. */
int cc_run (const cc_run_opts *o, cc_run_result *r, cc_err *err);

/* The contract value only: its tables and its four charts in the
 * scenario's formats (`cloudcast value`); no storage story, facts or
 * documents.  Statuses as cc_run; R holds the results to print. */
int cc_run_value (const cc_run_opts *o, cc_run_result *r, cc_err *err);

void cc_run_free (cc_run_result *r);

/* ---- the steps, for the two pipelines and for tests ------------------- */

/* Load o->scenario with o's draws and seed, the storage story (with
 * STORAGE, for the first driver grown from reported figures) priced
 * through the storage driver's first provider, and run the value model. */
int cc_run_load (const cc_run_opts *o, int storage, cc_run_result *r,
                 cc_err *err);

/* What the charts of R are drawn from. */
void cc_run_chart_data (const cc_run_result *r, cc_chart_data *d);

/* Which tables a command writes (model/run/tables.c). */
enum
{
  CC_TABLES_FACTS = 1,          /* facts.txt */
  CC_TABLES_STORAGE = 2,        /* projection.csv, cost.csv, storage.json */
  CC_TABLES_VALUE = 4,          /* value-*.csv, tornado.csv, crosscloud.csv,
                                   value.json */
  CC_TABLES_ALL = 7
};

/* The name of table I (0-based) of any group, NULL past the last. */
const char *cc_run_table_name (size_t i);

/* Write the tables of GROUPS that R has into OUT. */
int cc_run_tables (const cc_run_result *r, unsigned groups,
                   const cc_output *out, cc_err *err);

/* Write every chart's alt text (STEM.alt.txt), report.md and report.html
 * into OUT; CHART_NOTE says why charts are missing (NULL: they are not). */
/* An alt text ARG (a string) and a newline: a cc_output_fn. */
int cc_run_write_alt (FILE *fp, const void *arg);

int cc_run_documents (const cc_run_result *r, const char *chart_note,
                      const cc_output *out, cc_err *err);

#endif
