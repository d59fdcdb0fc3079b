/* reconcile.c: the workers' counts gathered into the file's report (in
 * file order, with absolute line numbers), their groups into the file's
 * table, and the check that the series holds every unit of cost read. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "ingest/ingest_priv.h"

/* Add worker W's counts to the report; its examples' lines are relative
 * to FIRST_LINE. */
static void
count_worker (const worker *w, long first_line, cc_ingest_report *rep)
{
  int k, r;
  rep->rows_read += w->rows_read;
  rep->bytes_fast += w->bytes_fast;
  rep->rows_used += w->rows_used;
  rep->rows_summary += w->rows_summary;
  rep->rows_short += w->rows_short;
  rep->rows_long += w->rows_long;
  rep->null_cost += w->null_cost;
  rep->null_quantity += w->null_qty;
  rep->negative_cost += w->neg_cost;
  if (w->not_utf8 > 0 && rep->not_utf8 == 0)
    rep->not_utf8_line = first_line + w->not_utf8_line;
  rep->not_utf8 += w->not_utf8;
  for (k = 0; k < CC_INGEST_MAX_DIMS; k++)
    rep->dim_empty[k] += w->dim_empty[k];
  for (r = 0; r < CC_SKIP_NREASONS; r++)
    {
      rep->skipped[r] += w->skipped[r];
      rep->rows_skipped += w->skipped[r];
      for (k = 0; k < w->nex[r] && rep->nexample[r] < CC_INGEST_EXAMPLES; k++)
        {
          rep->example_line[r][rep->nexample[r]] = first_line + w->ex[r][k].line;
          rep->example_col[r][rep->nexample[r]] = w->ex[r][k].col;
          if (rep->nexample[r] == 0)
            snprintf (rep->example_value[r], sizeof rep->example_value[r],
                      "%s", w->ex[r][k].value);
          rep->nexample[r]++;
        }
    }
}

/* Add worker W's currency totals to FC's.  Returns 0, or -1 when the file
 * has too many currencies. */
static int
merge_currencies (filectx *fc, const worker *w)
{
  int k, c;
  for (k = 0; k < w->ncur; k++)
    {
      curtot *t;
      for (c = 0; c < fc->ncur; c++)
        if (strcmp (fc->cur[c].code, w->cur[k].code) == 0)
          break;
      if (c == fc->ncur)
        {
          if (fc->ncur == INGEST_MAX_CURRENCIES)
            return -1;
          memset (&fc->cur[c], 0, sizeof fc->cur[c]);
          strcpy (fc->cur[c].code, w->cur[k].code);
          fc->ncur++;
        }
      t = &fc->cur[c];
      nmerge (&t->read, &w->cur[k].read);
      nmerge (&t->abs, &w->cur[k].abs);
      t->rows += w->cur[k].rows;
      nmerge (&t->skipped, &w->cur[k].skipped);
      nmerge (&t->skipped_abs, &w->cur[k].skipped_abs);
      t->skipped_rows += w->cur[k].skipped_rows;
    }
  return 0;
}

int
ingest_gather (filectx *fc, worker *w, int n, const long *first_line,
               table *tables, int ntables, cc_ingest_report *rep,
               cc_err *err)
{
  int i, stopped = -1, oom = 0, currencies = 0;

  /* Up to the first worker that stopped: later chunks may or may not
     have run by then (threads), so their counts would depend on timing. */
  for (i = 0; i < n && !oom && !currencies && stopped < 0; i++)
    {
      count_worker (&w[i], first_line[i], rep);
      if (ingest_table_merge (&fc->groups, &w[i].t) != 0)
        oom = 1;
      else if (merge_currencies (fc, &w[i]) != 0)
        currencies = 1;
      else if (w[i].stop && stopped < 0)
        stopped = i;
    }
  rep->counted = 1;
  for (i = 0; i < ntables && !oom && !currencies; i++)
    if (ingest_table_merge (&fc->groups, &tables[i]) != 0)
      oom = 1;
  ingest_table_rebase (&fc->groups, first_line);
  if (currencies)
    return cc_err_set (err, CC_EDATA, fc->path, 0, 0,
                       "more than %d currencies", INGEST_MAX_CURRENCIES);
  if (oom)
    return cc_err_set (err, CC_ESOFTWARE, fc->path, 0, 0, "out of memory");
  if (stopped >= 0)
    return ingest_worker_error (&w[stopped], fc, first_line[stopped], err);
  return CC_OK;
}

int
ingest_worker_error (const worker *w, const filectx *fc, long first_line,
                     cc_err *err)
{
  if (w->status == CC_EDATA && w->msg[0] == '\0')
    {
      const example *e = &w->strict_ex;
      const char *h = fc->role_header[e->role];
      return cc_err_set (err, CC_EDATA, fc->path, first_line + e->line, e->col,
                         "%s: '%s' in column %s (--strict stops at the first "
                         "bad row)", ingest_skip_text (e->reason), e->value,
                         h ? h : ingest_role_name[e->role]);
    }
  return cc_err_set (err, w->status, fc->path, first_line + w->hard_line,
                     w->hard_col, "%s", w->msg);
}

int
ingest_reconcile (cc_ingest_report *rep, const filectx *fc, cc_err *err)
{
  const table *ft = &fc->groups;
  nsum ser[INGEST_MAX_CURRENCIES], chg[INGEST_MAX_CURRENCIES][CC_CHARGE_N];
  long chg_rows[INGEST_MAX_CURRENCIES][CC_CHARGE_N];
  int c, k, nct = fc->ncur;
  size_t i;

  memset (ser, 0, sizeof ser);
  memset (chg, 0, sizeof chg);
  memset (chg_rows, 0, sizeof chg_rows);
  rep->currency = calloc ((size_t) nct + 1, sizeof *rep->currency);
  if (rep->currency == NULL)
    return cc_err_set (err, CC_ESOFTWARE, rep->path, 0, 0, "out of memory");
  for (i = 0; i < ft->cap; i++)
    if (ft->g[i].key != NULL)
      {
        const char *part[K_N];
        char *key = strdup (ft->g[i].key);
        if (key == NULL)
          return cc_err_set (err, CC_ESOFTWARE, rep->path, 0, 0,
                             "out of memory");
        ingest_key_split (key, part);
        for (c = 0; c < nct; c++)
          if (strcmp (fc->cur[c].code, part[K_CURRENCY]) == 0)
            break;
        for (k = 0; k < CC_CHARGE_N; k++)
          if (strcmp (cc_ingest_charge_name (k), part[K_CHARGE]) == 0)
            break;
        if (c == nct || k == CC_CHARGE_N)
          {
            int rc = cc_err_set (err, CC_ESOFTWARE, rep->path, 0, 0,
                                 "reconciliation: currency '%s' or charge "
                                 "'%s' in the series was never read",
                                 part[K_CURRENCY], part[K_CHARGE]);
            free (key);
            return rc;
          }
        free (key);
        nmerge (&ser[c], &ft->g[i].cost);
        nmerge (&chg[c][k], &ft->g[i].cost);
        chg_rows[c][k] += ft->g[i].rows;
      }
  rep->ncurrency = (size_t) nct;
  for (c = 0; c < nct; c++)
    {
      const curtot *t = &fc->cur[c];
      cc_ingest_currency *o = &rep->currency[c];
      strcpy (o->code, t->code);
      o->read = nval (&t->read);
      o->series = nval (&ser[c]);
      o->abs_read = nval (&t->abs);
      o->rows = t->rows;
      o->skipped = nval (&t->skipped);
      o->skipped_abs = nval (&t->skipped_abs);
      o->skipped_rows = t->skipped_rows;
      for (k = 0; k < CC_CHARGE_N; k++)
        {
          o->charge[k] = nval (&chg[c][k]);
          o->charge_rows[k] = chg_rows[c][k];
        }
      if (fabs (o->read - o->series) > 1e-9 * o->abs_read)
        return cc_err_set (err, CC_ESOFTWARE, rep->path, 0, 0,
                           "reconciliation failed for currency '%s': read "
                           "%.17g, series %.17g", o->code, o->read, o->series);
    }
  return CC_OK;
}
