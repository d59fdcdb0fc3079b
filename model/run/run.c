/* run.c: the run pipeline: load, price, value, then tables, charts and
 * documents. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/run.h"
#include "core/timeutil.h"
#include "core/timing.h"

void
cc_run_opts_init (cc_run_opts *o, const char *scenario)
{
  memset (o, 0, sizeof *o);
  o->scenario = scenario;
  o->dir = "cloudcast-out";
  o->months = 0;
  o->photo_mib = CC_DEFAULT_PHOTO_MIB;
}

/* Which named scenarios of the story the storage chart draws: the
 * scenario file's 'show' list for driver D (every one without it, none
 * for "none"), each name checked. */
static int
storage_shown (const cc_valuecase *vc, size_t d, cc_run_result *r,
               cc_err *err)
{
  const cc_case_view *v = &r->storage.view;
  const char *p = vc->show[d];
  size_t i;

  for (i = 0; i < v->nscn && i < sizeof r->shown; i++)
    r->shown[i] = p == NULL;
  if (p == NULL)
    return CC_OK;
  while (*p != '\0')
    {
      size_t n;
      p += strspn (p, " \t,");
      n = strcspn (p, ",");
      while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
        n--;
      if (n == 0)
        break;
      for (i = 0; i < v->nscn && !(strlen (v->scn[i].name) == n
                                   && strncmp (v->scn[i].name, p, n) == 0);
           i++)
        ;
      if (i < v->nscn)
        r->shown[i] = 1;
      else if (!(n == 4 && strncmp (p, "none", 4) == 0))
        {
          char list[16 * 34] = "";
          size_t k;
          for (k = 0; k < v->nscn; k++)
            snprintf (list + strlen (list), sizeof list - strlen (list),
                      "%s%s", k ? ", " : "", v->scn[k].name);
          return cc_err_set (err, CC_EDATA, vc->file->path, vc->show_line[d],
                             0, "show: no named scenario '%.*s' (one of: "
                             "%s; or none)", (int) n, p, list);
        }
      p += n;
    }
  return CC_OK;
}

/* Months of the storage story of driver D after its last reported
 * figure: --months, else the scenario's projection_horizon, else through
 * the contract's last month (CC_DEFAULT_MONTHS when the contract ends
 * before the figures do). */
static int
storage_months (const cc_run_opts *o, const cc_valuecase *vc, size_t d)
{
  const cc_reported_metric *m = vc->metric[d];
  long last, end;
  if (o->months > 0)
    return o->months;
  if (vc->projection_months > 0)
    return vc->projection_months;
  last = cc_month_index (m->point[m->n - 1].date.year,
                         m->point[m->n - 1].date.month);
  end = vc->model.start_month + vc->model.months - 1;
  if (end <= last)
    return CC_DEFAULT_MONTHS;
  return end - last > CC_MAX_MONTHS ? CC_MAX_MONTHS : (int) (end - last);
}

/* The storage story of driver D: its reported metric's scenarios, priced
 * through the driver's first provider. */
static int
load_storage (const cc_run_opts *o, size_t d, cc_run_result *r, cc_err *err)
{
  const cc_valuecase *vc = r->vc;
  const cc_driver_price *dp = &vc->model.driver[d].price[0];
  const char *skus[CC_MAX_MIX];
  size_t i;
  int rc, months = storage_months (o, vc, d);

  r->has_storage = 1;
  r->storage_driver = d;
  rc = cc_case_load (&r->storage, vc->reported[d]->path,
                     vc->metric[d]->metric, months, o->photo_mib, err);
  if (rc != CC_OK)
    return rc;
  {
    /* The scenario's own growth of this storage, at the P10, P50 and
       P90 of its parameter. */
    const cc_driver *dr = &vc->model.driver[d];
    double q[3];
    size_t nq = 0;
    if (dr->scn_kind == CC_SCN_DECAY || dr->scn_kind == CC_SCN_LOGISTIC)
      for (nq = 0; nq < 3; nq++)
        q[nq] = cc_dist_quantile (&dr->scn_param, 0.1 + 0.4 * (double) nq);
    if ((rc = cc_case_own (&r->storage, dr->scn_kind, q, nq, err)) != CC_OK)
      return rc;
  }
  if ((rc = storage_shown (vc, d, r, err)) != CC_OK)
    return rc;
  r->cost = malloc (r->storage.view.nscn * (size_t) months
                    * sizeof *r->cost);
  if (r->cost == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (i = 0; i < dp->nsku; i++)
    skus[i] = dp->sku[i];
  return cc_case_cost (&r->storage.view, vc->book, skus, dp->share, dp->nsku,
                       dp->region[0] ? dp->region : NULL, r->cost,
                       &r->currency, err);
}

int
cc_run_load (const cc_run_opts *o, int storage, cc_run_result *r,
             cc_err *err)
{
  cc_value_model *m;
  size_t d;
  int rc;

  memset (r, 0, sizeof *r);
  r->currency = "USD";
  if ((rc = cc_valuecase_load (o->scenario, &r->vc, err)) != CC_OK)
    return rc;
  m = &r->vc->model;
  if (o->draws > 0)
    {
      /* The per-draw tables hold draws x months numbers. */
      if ((double) o->draws * m->months > CC_MAX_DRAW_MONTHS)
        return cc_err_set (err, CC_EUSAGE, NULL, 0, 0,
                           "--draws %lu x horizon %d months is above the "
                           "cap of %d draw-months", o->draws, m->months,
                           CC_MAX_DRAW_MONTHS);
      m->draws = o->draws;
    }
  if (o->set_seed)
    m->seed = o->seed;
  /* The first driver grown from reported figures gets the storage story. */
  for (d = 0; storage && d < m->ndriver; d++)
    if (m->driver[d].facts != NULL)
      {
        if ((rc = load_storage (o, d, r, err)) != CC_OK)
          return rc;
        break;
      }
  cc_timing_lap ("scenario load");
  if ((rc = cc_value_run (m, r->vc->book, &r->vr, err)) != CC_OK)
    {
      cc_err e = *err;   /* the model knows drivers, not files */
      return cc_err_set (err, rc, r->vc->file->path, 0, 0, "%s", e.msg);
    }
  return CC_OK;
}

void
cc_run_chart_data (const cc_run_result *r, cc_chart_data *d)
{
  memset (d, 0, sizeof *d);
  d->storage = r->has_storage ? &r->storage.view : NULL;
  d->storage_price = r->has_storage
                       ? &r->vc->model.driver[r->storage_driver].price[0]
                       : NULL;
  d->storage_title = r->has_storage
                       ? r->vc->model.driver[r->storage_driver].title : NULL;
  if (r->has_storage)
    {
      d->storage_shown = r->shown;
      d->storage_scale = r->vc->chart_scale[r->storage_driver];
    }
  d->vc = r->vc;
  d->vr = r->vr;
}

/* Every file a run may write into o->dir, joined to it, into NAMES (N of
 * them at most); how many. */
static size_t
output_paths (const cc_run_opts *o, char **names, size_t n)
{
  static const char *const ext[] = { "png", "svg", "pdf", "alt.txt" };
  char name[256];
  const char *t;
  size_t i, k = 0, e;

  for (i = 0; k < n && (t = cc_run_table_name (i)) != NULL; i++)
    names[k++] = cc_path_join (o->dir, t);
  if (k < n)
    names[k++] = cc_path_join (o->dir, "report.md");
  if (k < n)
    names[k++] = cc_path_join (o->dir, "report.html");
  for (i = 0; i < cc_chart_nkind; i++)
    for (e = 0; k < n && e < sizeof ext / sizeof ext[0]; e++)
      {
        snprintf (name, sizeof name, "%s.%s", cc_chart_registry[i]->stem,
                  ext[e]);
        names[k++] = cc_path_join (o->dir, name);
      }
  return k;
}

/* Every file the run reads, into IN (N at most): the scenario, and once
 * it is loaded (R not NULL) the files it named. */
static size_t
input_paths (const cc_run_opts *o, const cc_run_result *r, const char **in,
             size_t n)
{
  const cc_valuecase *vc = r != NULL ? r->vc : NULL;
  size_t k = 0, i;

  in[k++] = o->scenario;
  if (vc == NULL)
    return k;
  for (i = 0; vc->book != NULL && i < vc->book->nfile && k < n; i++)
    in[k++] = vc->book->file[i];
  for (i = 0; i < vc->model.ndriver && k < n; i++)
    {
      if (vc->reported[i] != NULL)
        in[k++] = vc->reported[i]->path;
      if (vc->fitdata[i] != NULL && k < n)
        in[k++] = vc->fitdata[i]->path;
    }
  return k;
}

/* No output of the run may be one of its inputs (CC_EUSAGE): the
 * scenario before anything is read (R NULL), the rest once it is loaded,
 * before anything is written. */
static int
check_outputs (const cc_run_opts *o, const cc_run_result *r, cc_err *err)
{
  enum { MAX_PATHS = 256 };
  char *out[MAX_PATHS];
  const char *in[MAX_PATHS];
  size_t nout = output_paths (o, out, MAX_PATHS);
  size_t nin = input_paths (o, r, in, MAX_PATHS), i;
  int rc = CC_OK;

  for (i = 0; i < nout; i++)
    if (out[i] == NULL)
      rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  if (rc == CC_OK)
    rc = cc_outputs_check ((const char *const *) out, nout, in, nin, err);
  for (i = 0; i < nout; i++)
    free (out[i]);
  return rc;
}

/* Load, prepare the charts of GROUPS, check that no output is an input,
 * open the directory and write the tables of TABLES: everything before
 * gnuplot. */
static int
run_to_tables (const cc_run_opts *o, int storage, unsigned groups,
               unsigned tables, cc_output *out, cc_run_result *r,
               cc_err *err)
{
  cc_chart_data d;
  int rc = check_outputs (o, NULL, err);
  if (rc == CC_OK)
    rc = cc_run_load (o, storage, r, err);
  else
    memset (r, 0, sizeof *r);
  if (rc == CC_OK)
    {
      cc_run_chart_data (r, &d);
      rc = cc_charts_prepare (&r->charts, &d, groups, err);
    }
  if (rc == CC_OK)
    rc = check_outputs (o, r, err);
  /* A preview deletes nothing: no sweep. */
  if (rc == CC_OK)
    rc = cc_outdir_open (out, !o->preview, err);
  if (rc == CC_OK)
    rc = cc_run_tables (r, tables, out, err);
  cc_timing_lap ("tables");
  return rc;
}

int
cc_run (const cc_run_opts *o, cc_run_result *r, cc_err *err)
{
  cc_output out = { o->dir, o->notify, o->notify_ctx, -1 };
  int want[CC_GP_NFMT], rc, chart_rc;
  cc_err cerr;

  rc = run_to_tables (o, 1, CC_CHARTS_ALL, CC_TABLES_ALL, &out, r, err);
  if (rc != CC_OK)
    {
      cc_outdir_close (&out);
      return rc;
    }
  /* SVG is always drawn: the HTML report embeds it. */
  memcpy (want, r->vc->formats, sizeof want);
  want[CC_GP_SVG] = 1;
  want[CC_GP_DUMB] = 0;
  cc_err_clear (&cerr);
  chart_rc = cc_charts_draw (&r->charts, &out, want, o->preview, &cerr);
  cc_timing_lap ("charts");
  rc = cc_run_documents (r, chart_rc == CC_OK ? NULL : cerr.msg, &out, err);
  cc_timing_lap ("report");
  cc_outdir_close (&out);
  if (rc == CC_OK && chart_rc != CC_OK)
    {
      *err = cerr;
      rc = chart_rc;
    }
  return rc;
}

int
cc_run_value (const cc_run_opts *o, cc_run_result *r, cc_err *err)
{
  cc_output out = { o->dir, o->notify, o->notify_ctx, -1 };
  int rc = run_to_tables (o, 0, CC_CHARTS_VALUE, CC_TABLES_VALUE, &out, r,
                          err);
  if (rc == CC_OK)
    rc = cc_charts_draw (&r->charts, &out, r->vc->formats, 0, err);
  if (rc == CC_OK)
    cc_timing_lap ("charts");
  cc_outdir_close (&out);
  return rc;
}

void
cc_run_free (cc_run_result *r)
{
  cc_charts_free (&r->charts);
  free (r->cost);
  cc_case_free (&r->storage);
  cc_value_result_free (r->vr);
  cc_valuecase_free (r->vc);
  memset (r, 0, sizeof *r);
}
