/* valuecase.c: scenario strings -> checked value model. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"
#include "core/csvread.h"
#include "core/datapath.h"
#include "core/hash.h"
#include "core/families.h"
#include "core/timeutil.h"
#include "core/textutil.h"
#include "fit/forecast.h"
#include "value/valuecase.h"
#include "price/region.h"

/* Parse a distribution value of KEY in S; a missing key gives DEF. */
static int
get_dist (const cc_valuecase *c, const cc_scnfile_section *s, const char *key,
          const char *def, cc_dist *d, cc_err *err)
{
  long line = s->line;
  const char *v = cc_scnfile_get (s, key, &line);
  char why[512];
  if (v == NULL)
    v = def;
  if (v == NULL)
    return cc_err_set (err, CC_EDATA, c->file->path, s->line, 0,
                       "[%s] needs '%s'", s->name, key);
  if (cc_dist_parse (v, d, why, sizeof why) != 0)
    return cc_err_set (err, CC_EDATA, c->file->path, line, 0, "%s: %s", key, why);
  if (cc_dist_quantile (d, 0) < 0)
    return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                       "%s: '%s' can be negative", key, v);
  return CC_OK;
}

/* [scenario] start, horizon, currency, rates, seed and draws. */
static int
scenario_numbers (cc_valuecase *c, const cc_scnfile_section *s, cc_err *err)
{
  cc_value_model *m = &c->model;
  const char *path = c->file->path, *v;
  cc_date d;
  double x;
  long line = s->line;

  if ((v = cc_scnfile_get (s, "start", &line)) == NULL
      || cc_date_parse_ym (v, &d) != 0 || d.day != 0)
    return cc_err_set (err, CC_EDATA, path, line, 0,
                       "start must be the first contract month as YYYY-MM%s%s",
                       v ? ", not " : "", v ? v : "");
  m->start_month = cc_month_index (d.year, d.month);
  m->months = 60;
  if ((v = cc_scnfile_get (s, "horizon", &line)) != NULL)
    {
      if (cc_num_parse (v, &x) != 0 || x != floor (x) || x < 1 || x > 1200)
        return cc_err_set (err, CC_EDATA, path, line, 0,
                           "horizon must be whole months from 1 to 1200, not '%s'", v);
      m->months = (int) x;
    }
  c->projection_months = 0;
  if ((v = cc_scnfile_get (s, "projection_horizon", &line)) != NULL)
    {
      if (cc_num_parse (v, &x) != 0 || x != floor (x) || x < 1 || x > 1200)
        return cc_err_set (err, CC_EDATA, path, line, 0,
                           "projection_horizon must be whole months from 1 "
                           "to 1200, not '%s'", v);
      c->projection_months = (int) x;
    }
  snprintf (c->currency, sizeof c->currency, "%s",
            (v = cc_scnfile_get (s, "currency", &line)) ? v : "USD");
  if (strlen (c->currency) != 3)
    return cc_err_set (err, CC_EDATA, path, line, 0,
                       "currency must be an ISO 4217 code such as USD");
  m->discount_rate = 0;
  if ((v = cc_scnfile_get (s, "discount_rate", &line)) != NULL
      && (cc_num_parse (v, &m->discount_rate) != 0 || m->discount_rate <= -1
          || m->discount_rate > 1))
    return cc_err_set (err, CC_EDATA, path, line, 0,
                       "discount_rate must be an annual fraction such as 0.05, not '%s'", v);
  if ((v = cc_scnfile_get (s, "annual_price_change", &line)) != NULL
      && (cc_num_parse (v, &m->annual_change) != 0 || m->annual_change <= -1
          || m->annual_change > 1))
    return cc_err_set (err, CC_EDATA, path, line, 0,
                       "annual_price_change must be a fraction such as -0.05, not '%s'", v);
  m->seed = 1;
  if ((v = cc_scnfile_get (s, "seed", &line)) != NULL)
    {
      if (cc_num_parse (v, &x) != 0 || x < 0 || x != floor (x) || x > 4294967295.0)
        return cc_err_set (err, CC_EDATA, path, line, 0,
                           "seed must be a whole number from 0 to 4294967295");
      m->seed = (unsigned long) x;
    }
  m->draws = 10000;
  if ((v = cc_scnfile_get (s, "draws", &line)) != NULL)
    {
      if (cc_num_parse (v, &x) != 0 || x < 1 || x > 1e6 || x != floor (x))
        return cc_err_set (err, CC_EDATA, path, line, 0,
                           "draws must be a whole number from 1 to 1000000");
      m->draws = (size_t) x;
    }
  if ((double) m->draws * m->months > CC_MAX_DRAW_MONTHS)
    return cc_err_set (err, CC_EDATA, path, line, 0,
                       "draws %zu x horizon %d months is above the cap of %d "
                       "draw-months; lower draws or horizon", m->draws,
                       m->months, CC_MAX_DRAW_MONTHS);
  return CC_OK;
}

/* [scenario] formats and levels of the charts. */
static int
scenario_outputs (cc_valuecase *c, const cc_scnfile_section *s, cc_err *err)
{
  const char *path = c->file->path, *v;
  double x;
  long line = s->line;

  c->formats[0] = c->formats[1] = 1;
  if ((v = cc_scnfile_get (s, "formats", &line)) != NULL)
    {
      static const char *const fmt[3] = { "png", "svg", "pdf" };
      char fv[256], *fitem[8];
      size_t k, nf, f;
      snprintf (fv, sizeof fv, "%s", v);
      nf = cc_scnfile_split (fv, fitem, 8);
      c->formats[0] = c->formats[1] = 0;
      for (k = 0; k < nf; k++)
        {
          for (f = 0; f < 3 && strcmp (fitem[k], fmt[f]) != 0; f++)
            ;
          if (f == 3)
            return cc_err_set (err, CC_EDATA, path, line, 0,
                               "format '%s' is not png, svg or pdf", fitem[k]);
          c->formats[f] = 1;
        }
      if (nf == 0)
        return cc_err_set (err, CC_EDATA, path, line, 0, "formats is empty");
    }
  c->levels[0] = 80;
  c->levels[1] = 95;
  c->nlevels = 2;
  if ((v = cc_scnfile_get (s, "levels", &line)) != NULL)
    {
      char lv[256], *lvl[8];
      size_t k, nl;
      snprintf (lv, sizeof lv, "%s", v);
      nl = cc_scnfile_split (lv, lvl, 8);
      for (k = 0; k < nl; k++)
        {
          if (cc_num_parse (lvl[k], &x) != 0 || !(x > 0 && x < 100))
            return cc_err_set (err, CC_EDATA, path, line, 0,
                               "levels are percentages between 0 and 100, "
                               "such as 80,95; not '%s'", lvl[k]);
          c->levels[k] = x;
        }
      c->nlevels = nl;
      if (nl == 0)
        return cc_err_set (err, CC_EDATA, path, line, 0, "levels is empty");
    }
  return CC_OK;
}

/* [scenario] providers: the first is the one valued. */
static int
scenario_providers (cc_valuecase *c, const cc_scnfile_section *s,
                    cc_err *err)
{
  cc_value_model *m = &c->model;
  const char *path = c->file->path, *v;
  char buf[1024], *items[CC_MAX_PROVIDERS + 1];
  long line = s->line;
  size_t i, n;

  if ((v = cc_scnfile_get (s, "providers", &line)) == NULL)
    return cc_err_set (err, CC_EDATA, path, s->line, 0,
                       "[scenario] needs 'providers', e.g. azure, aws, gcp");
  if (strlen (v) >= sizeof buf)
    return cc_err_set (err, CC_EDATA, path, line, 0, "providers longer than "
                       "%zu characters (the cap)", sizeof buf - 1);
  snprintf (buf, sizeof buf, "%s", v);
  n = cc_scnfile_split (buf, items, CC_MAX_PROVIDERS + 1);
  if (n < 1 || n > CC_MAX_PROVIDERS)
    return cc_err_set (err, CC_EDATA, path, line, 0,
                       "providers lists 1 to %d names", CC_MAX_PROVIDERS);
  for (i = 0; i < n; i++)
    {
      if (strlen (items[i]) >= sizeof m->provider[i])
        return cc_err_set (err, CC_EDATA, path, line, 0, "provider name '%s' "
                           "longer than %zu characters (the cap)", items[i],
                           sizeof m->provider[i] - 1);
      {
        /* Provider names are matched in any case: "Azure" is azure. */
        char *q;
        size_t k;
        snprintf (m->provider[i], sizeof m->provider[i], "%s", items[i]);
        for (q = m->provider[i]; *q; q++)
          *q = (char) tolower ((unsigned char) *q);
        for (k = 0; k < i; k++)
          if (strcmp (m->provider[k], m->provider[i]) == 0)
            return cc_err_set (err, CC_EDATA, path, line, 0, "providers "
                               "lists '%s' twice (names match in any case)",
                               items[i]);
      }
    }
  m->nprovider = n;
  return CC_OK;
}

/* Fold the input file PATH into the fingerprint of the inputs. */
static void
note_input (cc_valuecase *c, const char *path)
{
  if (cc_hash_file (&c->input_hash, path) == 0)
    c->ninputs++;
}

/* The input file named by VALUE of KEY (at LINE) in the scenario, found
   through the data search path (core/datapath.h; SUB: the kind folder, or
   NULL): *OUT newly allocated.  Not found: exit 66 naming the scenario's
   line and every folder looked in. */
static int
find_input (const cc_valuecase *c, const char *key, const char *value,
            const char *sub, long line, char **out, cc_err *err)
{
  int rc = cc_datapath_find (c->file->dir, value, sub, out, err);
  if (rc != CC_OK)
    {
      cc_err e = *err;
      return cc_err_set (err, rc, c->file->path, line, 0, "%s: %s", key,
                         e.msg);
    }
  return CC_OK;
}

/* [scenario] price_books, read into one book. */
static int
scenario_books (cc_valuecase *c, const cc_scnfile_section *s, cc_err *err)
{
  const char *path = c->file->path, *v;
  char list[2048], *books[33];
  long line = s->line;
  size_t i, nb;
  int rc;

  if ((v = cc_scnfile_get (s, "price_books", &line)) == NULL)
    return cc_err_set (err, CC_EDATA, path, s->line, 0,
                       "[scenario] needs 'price_books'");
  if (strlen (v) >= sizeof list)
    return cc_err_set (err, CC_EDATA, path, line, 0, "price_books longer "
                       "than %zu characters (the cap)", sizeof list - 1);
  snprintf (list, sizeof list, "%s", v);
  nb = cc_scnfile_split (list, books, 33);
  if (nb > 32)
    return cc_err_set (err, CC_EDATA, path, line, 0,
                       "more than 32 price books (the cap)");
  c->book = calloc (1, sizeof *c->book);
  if (c->book == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (i = 0; i < nb; i++)
    {
      char *p;
      if ((rc = find_input (c, "price_books", books[i], "prices", line, &p,
                            err)) != CC_OK)
        return rc;
      if (c->book->path == NULL)
        c->book->path = strdup (p);
      rc = cc_price_book_add (c->book, p, err);
      if (rc == CC_OK)
        note_input (c, p);
      free (p);
      if (rc != CC_OK)
        {
          cc_err e = *err;
          return cc_err_set (err, rc, path, line, 0, "price_books: %s",
                             e.msg);
        }
    }
  return CC_OK;
}

/* Copy text key KEY of S (or DFLT when absent) into DST[SIZE]: a value
   that does not fit is an error naming its line, never cut. */
static int
text_key (const cc_valuecase *c, const cc_scnfile_section *s,
          const char *key, const char *dflt, char *dst, size_t size,
          cc_err *err)
{
  long line = s ? s->line : 0;
  const char *v = cc_scnfile_get (s, key, &line);
  if (v == NULL)
    v = dflt;
  if (strlen (v) >= size)
    return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                       "'%s' is %zu characters (%zu bytes of UTF-8), longer "
                       "than the cap of %zu bytes", key, cc_utf8_chars (v),
                       strlen (v), size - 1);
  memcpy (dst, v, strlen (v) + 1);
  return CC_OK;
}

static int
scenario_section (cc_valuecase *c, cc_err *err)
{
  const cc_scnfile_section *s = cc_scnfile_section_find (c->file, "scenario");
  int rc;

  if ((rc = text_key (c, s, "name", "unnamed scenario", c->name,
                      sizeof c->name, err)) != CC_OK
      || (rc = text_key (c, s, "title", c->name, c->title, sizeof c->title,
                         err)) != CC_OK
      || (rc = text_key (c, s, "source", "", c->source, sizeof c->source,
                         err)) != CC_OK)
    return rc;
  if ((rc = scenario_numbers (c, s, err)) != CC_OK
      || (rc = scenario_outputs (c, s, err)) != CC_OK
      || (rc = scenario_providers (c, s, err)) != CC_OK)
    return rc;
  return scenario_books (c, s, err);
}

/* "sku" or "sku:share, sku:share" */
static int
parse_skus (cc_valuecase *c, const char *v, long line, cc_driver_price *dp,
            cc_err *err)
{
  char buf[1024], *items[CC_MAX_MIX + 1];
  size_t n, i;
  double sum = 0;

  if (strlen (v) >= sizeof buf)
    return cc_err_set (err, CC_EDATA, c->file->path, line, 0, "sku list "
                       "longer than %zu characters (the cap)", sizeof buf - 1);
  snprintf (buf, sizeof buf, "%s", v);
  n = cc_scnfile_split (buf, items, CC_MAX_MIX + 1);
  if (n < 1 || n > CC_MAX_MIX)
    return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                       "a sku or a mix of 1 to %d 'sku:share' items", CC_MAX_MIX);
  for (i = 0; i < n; i++)
    {
      char *colon = strchr (items[i], ':');
      if (colon != NULL)
        {
          *colon = '\0';
          if (cc_num_parse (colon + 1, &dp->share[i]) != 0 || dp->share[i] < 0)
            return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                               "mix share '%s' is not a number >= 0", colon + 1);
        }
      else if (n > 1)
        return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                           "a mix needs 'sku:share' for every sku ('%s')", items[i]);
      else
        dp->share[i] = 1;
      sum += dp->share[i];
      if (strlen (items[i]) >= sizeof dp->sku[i])
        return cc_err_set (err, CC_EDATA, c->file->path, line, 0, "sku '%s' "
                           "longer than %zu characters (the cap)", items[i],
                           sizeof dp->sku[i] - 1);
      snprintf (dp->sku[i], sizeof dp->sku[i], "%s", items[i]);
    }
  if (fabs (sum - 1) > 1e-9)
    return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                       "mix shares sum to %.12g, not 1", sum);
  dp->nsku = n;
  return CC_OK;
}

/* growth = fit with 'series = KEY': that series of the series CSV DP,
 * taken over into SER. */
static int
fit_series_data (const cc_scnfile_section *s, const char *dp,
                 const char *key, cc_series *ser, cc_err *err)
{
  cc_series_set *set = cc_series_set_alloc ();
  const char *measure = cc_scnfile_get (s, "measure", NULL);
  int rc;
  if (set == NULL)
    rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  else
    rc = cc_series_read (dp, key, measure && strcmp (measure, "cost") == 0
                                    ? CC_MEASURE_COST : CC_MEASURE_QUANTITY,
                         set, err);
  if (rc == CC_OK && set->n == 0)
    rc = cc_err_set (err, CC_EDATA, dp, 0, 0, "no series '%s'", key);
  if (rc == CC_OK)
    {
      /* Take the series over from the set. */
      *ser = set->s[0];
      set->n = 0;
      ser->path = NULL;
    }
  cc_series_set_free (set);
  return rc;
}

/* growth = fit on reported figures: the metric of file DP (named V at
 * LINE of the scenario) as a monthly series SER. */
static int
fit_reported_data (cc_valuecase *c, const cc_scnfile_section *s, size_t di,
                   const char *dp, const char *v, long line, cc_series *ser,
                   cc_err *err)
{
  cc_driver *dr = &c->model.driver[di];
  const cc_reported_metric *rm;
  int rc = cc_reported_read (dp, &c->reported[di], err);
  if (rc != CC_OK)
    return rc;
  rm = cc_reported_find (c->reported[di], cc_scnfile_get (s, "metric", NULL));
  if (rm == NULL)
    return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                       "data: no such metric in %s", v);
  rc = cc_series_from_reported (rm, ser, err);
  dr->unit_bytes = rm->unit->bytes;
  return rc;
}

/* "auto" as in project: the least-squares fits with a covariance and 2
 * residual degrees of freedom, re-anchored on the latest observation,
 * ranked by rolling-origin error (AICc breaking ties); *CHOSEN is left
 * alone when none can be scored.  DR then draws from the chosen fit and
 * the candidates whose error is within CC_FORECAST_MIX_CV of its error,
 * by Akaike weight, fits with the same curve in the data counted once. */
static void
choose_by_forecast (cc_fit *fits, size_t nfit, const cc_series *ser,
                    const cc_fit_opts *fo, cc_fit_ws *ws, long *chosen,
                    cc_driver *dr)
{
  double best = HUGE_VAL, e[CC_FIT_MAXMODEL], min, sum = 0;
  long pick = -1;
  size_t j, k;
  for (j = 0; j < nfit; j++)
    {
      cc_fit *f = &fits[j];
      e[j] = NAN;
      if (f->status != CC_FIT_OK || f->model->kind == CC_KIND_ETS
          || cc_fit_dof (f) < 2 || !f->have_cov)
        continue;
      cc_fit_anchor (f, ser->x, ser->y, ser->n);
      e[j] = cc_forecast_cv_error (f->model, fo, ser->x, ser->y, ser->n, 12,
                                   ws);
      if (isfinite (e[j])
          && (e[j] < best || (e[j] == best && pick >= 0
                              && f->aicc < fits[pick].aicc)))
        {
          best = e[j];
          pick = (long) j;
        }
    }
  if (pick < 0)
    return;
  *chosen = pick;
  dr->nmix = 1;
  dr->mix[0] = &fits[pick];
  if (!isfinite (fits[pick].aicc))
    return;
  for (j = 0; j < nfit && dr->nmix < CC_DRIVER_MAXMIX; j++)
    {
      if ((long) j == pick || !(e[j] <= CC_FORECAST_MIX_CV * best)
          || !isfinite (fits[j].aicc))
        continue;
      for (k = 0; k < dr->nmix; k++)
        if (cc_fit_same (dr->mix[k], &fits[j], ser->x, ser->n, NULL, 0))
          break;
      if (k == dr->nmix)
        dr->mix[dr->nmix++] = &fits[j];
    }
  min = dr->mix[0]->aicc;
  for (k = 1; k < dr->nmix; k++)
    min = fmin (min, dr->mix[k]->aicc);
  for (k = 0; k < dr->nmix; k++)
    sum += dr->mixw[k] = exp (-(dr->mix[k]->aicc - min) / 2);
  for (k = 0; k < dr->nmix; k++)
    dr->mixw[k] /= sum;
}

/* Fit the models the driver names (default auto) to its series SER and
 * keep the choice (auto: by rolling-origin error), which must support a
 * statistical range. */
static int
fit_models (cc_valuecase *c, const cc_scnfile_section *s, size_t di,
            const cc_series *ser, long gline, cc_err *err)
{
  const char *path = c->file->path, *spec;
  long line = s->line;
  cc_model_list list;
  cc_fit_opts fo;
  cc_fit_ws *ws;
  int rc;

  spec = cc_scnfile_get (s, "model", &line);
  if ((rc = cc_model_list_parse (spec ? spec : "auto", &list, err)) != CC_OK)
    {
      cc_err e = *err;
      return cc_err_set (err, CC_EDATA, path, line, 0, "model: %s", e.msg);
    }
  memset (&fo, 0, sizeof fo);
  fo.scale = CC_SCALE_LOG;
  fo.constrain = 1;
  c->fits[di] = calloc (CC_FIT_MAXMODEL, sizeof (cc_fit));
  ws = cc_fit_ws_alloc (ser->n);
  if (c->fits[di] == NULL || ws == NULL)
    {
      cc_fit_ws_free (ws);
      return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
    }
  rc = cc_fit_all (&list, ser->key, ser->x, ser->y, ser->n, &fo, ws,
                   c->fits[di], &c->nfits[di], &c->chosen[di], err);
  if (rc == CC_OK && list.autosel)
    choose_by_forecast (c->fits[di], c->nfits[di], ser, &fo, ws,
                        &c->chosen[di], &c->model.driver[di]);
  cc_fit_ws_free (ws);
  if (rc != CC_OK)
    {
      cc_err e = *err;
      return cc_err_set (err, CC_EDATA, path, gline, 0, "growth = fit: %s",
                         e.msg);
    }
  if (c->chosen[di] < 0
      || cc_fit_dof (&c->fits[di][c->chosen[di]]) < 2
      || !c->fits[di][c->chosen[di]].have_cov)
    return cc_err_set (err, CC_EDATA, path, gline, 0,
                       "growth = fit: no model fits %s's %zu points with 2 "
                       "residual degrees of freedom and a covariance, so no "
                       "statistical range exists; use growth = decay or "
                       "logistic with an assumed range", ser->key, ser->n);
  return CC_OK;
}

/* A driver whose quantity comes from data: base, factor and growth are
 * the constant 1 (nothing to draw). */
static void
unit_assumptions (cc_driver *dr)
{
  cc_dist_parse ("1", &dr->base, NULL, 0);
  cc_dist_parse ("1", &dr->factor, NULL, 0);
  cc_dist_parse ("1", &dr->growth, NULL, 0);
}

/* growth = fit: fit growth models to the driver's data (a series CSV with
   'series = KEY', or reported figures) and keep the AICc choice; its
   uncertainty then joins the value Monte Carlo. */
static int
fitted_driver (cc_valuecase *c, const cc_scnfile_section *s, size_t di,
               cc_err *err)
{
  cc_driver *dr = &c->model.driver[di];
  const char *path = c->file->path, *v, *key;
  long line = s->line, gline = s->line;
  cc_series *ser;
  char *dp;
  int rc;

  cc_scnfile_get (s, "growth", &gline);
  if ((v = cc_scnfile_get (s, "data", &line)) == NULL)
    return cc_err_set (err, CC_EDATA, path, gline, 0,
                       "growth = fit needs 'data' (a series CSV from "
                       "cloudcast ingest, or reported figures)");
  if ((rc = find_input (c, "data", v, NULL, line, &dp, err)) != CC_OK)
    return rc;
  ser = calloc (1, sizeof *ser);
  if (ser == NULL)
    {
      free (dp);
      free (ser);
      return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
    }
  c->fitdata[di] = ser;
  key = cc_scnfile_get (s, "series", NULL);
  if (key != NULL)
    rc = fit_series_data (s, dp, key, ser, err);
  else
    rc = fit_reported_data (c, s, di, dp, v, line, ser, err);
  if (rc == CC_OK)
    note_input (c, dp);
  free (dp);
  if (rc != CC_OK)
    {
      cc_err e = *err;
      return cc_err_set (err, rc == CC_ENOINPUT ? rc : CC_EDATA, path, line,
                         0, "data: %s", e.msg);
    }
  snprintf (dr->unit, sizeof dr->unit, "%s", ser->unit);
  if (dr->unit_bytes == 0)
    {
      /* Sizes convert through bytes.  The series from cloudcast ingest
         measure storage in billing gigabytes of 2^30 bytes, the GB the
         providers meter (data/units.csv), whatever the spelling says. */
      dr->unit_bytes = strcmp (ser->unit, "GB-month") == 0
                         ? 1073741824.0 : cc_price_unit_bytes (ser->unit);
    }
  if ((rc = cc_series_check (ser, 3, 1, err)) != CC_OK)
    {
      cc_err e = *err;
      return cc_err_set (err, CC_EDATA, path, gline, 0, "growth = fit: %s",
                         e.msg);
    }
  if ((rc = fit_models (c, s, di, ser, gline, err)) != CC_OK)
    return rc;
  dr->fit = &c->fits[di][c->chosen[di]];
  dr->fit_first = ser->first;
  dr->fit_scale = 1;
  if ((v = cc_scnfile_get (s, "factor", &line)) != NULL)
    {
      double x;
      if (cc_num_parse (v, &x) != 0 || !(x > 0))
        return cc_err_set (err, CC_EDATA, path, line, 0,
                           "factor of a fitted driver is a constant > 0");
      dr->fit_scale = x;
    }
  cc_dist_parse ("0", &dr->scn_param, NULL, 0);
  unit_assumptions (dr);
  return CC_OK;
}

/* Storage that grows from reported figures: DATA (V, at LINE) and a
 * named growth scenario. */
static int
reported_driver (cc_valuecase *c, const cc_scnfile_section *s, size_t di,
                 const char *v, long line, cc_err *err)
{
  cc_driver *dr = &c->model.driver[di];
  const char *path = c->file->path, *growth;
  const char *metric = cc_scnfile_get (s, "metric", NULL);
  char *dp;
  const cc_reported_metric *rm;
  int rc;

  if ((rc = find_input (c, "data", v, NULL, line, &dp, err)) != CC_OK)
    return rc;
  rc = cc_reported_read (dp, &c->reported[di], err);
  if (rc == CC_OK)
    note_input (c, dp);
  free (dp);
  if (rc != CC_OK)
    {
      cc_err e = *err;
      return cc_err_set (err, rc == CC_ENOINPUT ? rc : CC_EDATA, path, line,
                         0, "data: %s", e.msg);
    }
  rm = cc_reported_find (c->reported[di], metric);
  if (rm == NULL)
    return cc_err_set (err, CC_EDATA, path, line, 0,
                       "data: no metric '%s' in %s", metric, v);
  c->metric[di] = rm;
  dr->unit_bytes = rm->unit->bytes;
  snprintf (dr->unit, sizeof dr->unit, "%s", rm->unit->name);
  rc = cc_growth_facts_two_point (rm->point[0].months,
                                  rm->point[0].bytes / dr->unit_bytes,
                                  rm->point[rm->n - 1].months,
                                  rm->point[rm->n - 1].bytes / dr->unit_bytes,
                                  &c->facts[di], err);
  if (rc != CC_OK)
    return rc;
  dr->facts = &c->facts[di];
  dr->anchor_month = cc_month_index (rm->point[rm->n - 1].date.year,
                                     rm->point[rm->n - 1].date.month);
  growth = cc_scnfile_get (s, "growth", &line);
  if (growth == NULL)
    return cc_err_set (err, CC_EDATA, path, s->line, 0,
                       "[%s] with data needs 'growth' (linear, "
                       "exponential, decay, logistic or fit)", s->name);
  if (strcmp (growth, "linear") == 0)
    dr->scn_kind = CC_SCN_LINEAR;
  else if (strcmp (growth, "exponential") == 0)
    dr->scn_kind = CC_SCN_EXPONENTIAL;
  else if (strcmp (growth, "decay") == 0)
    dr->scn_kind = CC_SCN_DECAY;
  else if (strcmp (growth, "logistic") == 0)
    dr->scn_kind = CC_SCN_LOGISTIC;
  else
    return cc_err_set (err, CC_EDATA, path, line, 0,
                       "growth '%s' is not linear, exponential, decay, "
                       "logistic or fit", growth);
  if (dr->scn_kind == CC_SCN_DECAY)
    {
      if ((rc = get_dist (c, s, "phi", NULL, &dr->scn_param, err)) != CC_OK)
        return rc;
      if (!(cc_dist_quantile (&dr->scn_param, 0) > 0)
          || !(cc_dist_quantile (&dr->scn_param, 1) < 1))
        {
          cc_scnfile_get (s, "phi", &line);
          return cc_err_set (err, CC_EDATA, path, line, 0,
                             "phi must lie strictly between 0 and 1");
        }
    }
  else if (dr->scn_kind == CC_SCN_LOGISTIC)
    {
      if ((rc = get_dist (c, s, "cap", NULL, &dr->scn_param, err)) != CC_OK)
        return rc;
      if (!(cc_dist_quantile (&dr->scn_param, 0) > c->facts[di].y1))
        {
          cc_scnfile_get (s, "cap", &line);
          return cc_err_set (err, CC_EDATA, path, line, 0,
                             "cap must stay above the last figure (%g %s)",
                             c->facts[di].y1, rm->unit->name);
        }
    }
  else
    cc_dist_parse ("0", &dr->scn_param, NULL, 0);
  unit_assumptions (dr);
  return CC_OK;
}

/* A driver of assumed quantity and growth, or linked to an earlier
 * driver's quantity. */
static int
assumed_driver (cc_valuecase *c, const cc_scnfile_section *s, size_t di,
                cc_err *err)
{
  cc_value_model *m = &c->model;
  cc_driver *dr = &m->driver[di];
  const char *path = c->file->path, *v;
  const char *linked = cc_scnfile_get (s, "link", NULL);
  long line = s->line;
  size_t i;
  int rc;

  if (linked != NULL
      && (cc_scnfile_get (s, "quantity", &line) != NULL
          || cc_scnfile_get (s, "annual_growth", &line) != NULL
          || cc_scnfile_get (s, "growth_months", &line) != NULL))
    return cc_err_set (err, CC_EDATA, path, line, 0,
                       "a driver with 'link' follows the linked driver's "
                       "quantity and growth; use 'factor' for a share");
  if ((rc = get_dist (c, s, "quantity", linked ? "1" : NULL, &dr->base,
                      err)) != CC_OK
      || (rc = get_dist (c, s, "factor", "1", &dr->factor, err)) != CC_OK
      || (rc = get_dist (c, s, "annual_growth", "1", &dr->growth, err)) != CC_OK)
    return rc;
  cc_dist_parse ("0", &dr->scn_param, NULL, 0);
  if ((v = cc_scnfile_get (s, "growth_months", &line)) != NULL)
    {
      double g;
      if (cc_num_parse (v, &g) != 0 || g < 0 || g != floor (g) || g > 1200)
        return cc_err_set (err, CC_EDATA, path, line, 0,
                           "growth_months must be whole months from 0 to "
                           "1200, not '%s'", v);
      dr->growth_months = (int) g;
    }
  if ((v = cc_scnfile_get (s, "link", &line)) != NULL)
    {
      for (i = 0; i < di && strcmp (m->driver[i].name, v) != 0; i++)
        ;
      if (i == di || m->driver[i].facts != NULL)
        return cc_err_set (err, CC_EDATA, path, line, 0,
                           "link '%s' is not an earlier driver with a "
                           "quantity", v);
      dr->link = (int) i;
    }
  return CC_OK;
}

/* Are the skus of DPR priced with TERM in REGION (NULL: their one
   region)?  *WHERE gets the region of them all, or "" when they differ. */
static int
skus_priced (const cc_valuecase *c, const cc_driver_price *dpr,
             const char *region, const char *term, const char **where,
             cc_err *err)
{
  size_t j, first, count;
  int rc;
  *where = NULL;
  for (j = 0; j < dpr->nsku; j++)
    {
      if ((rc = cc_price_find_term (c->book, dpr->sku[j], region, term,
                                    &first, &count, err)) != CC_OK)
        return rc;
      if (*where == NULL)
        *where = c->book->row[first].region;
      else if (strcmp (*where, c->book->row[first].region) != 0)
        *where = "";
    }
  return CC_OK;
}

/* The valued provider's region that the nearest-region table knows: the
   driver being read's, else the first earlier driver's; NULL when none. */
static const char *
anchor_region (const cc_value_model *m)
{
  size_t d;
  const char *r = m->driver[m->ndriver].price[0].region;
  if (r[0] != '\0' && cc_region_nearest (m->provider[0], r, m->provider[0], 0))
    return r;
  for (d = 0; d < m->ndriver; d++)
    {
      r = m->driver[d].price[0].region;
      if (r[0] != '\0'
          && cc_region_nearest (m->provider[0], r, m->provider[0], 0))
        return r;
    }
  return NULL;
}

/* The region of the driver being read on provider P: the scenario's
   region.P; else, on a compared provider, the nearest region to the valued
   provider's that prices the skus (region.h); else the one region that
   prices them.  Sets region and region_from. */
static int
choose_region (cc_valuecase *c, size_t p, const char *term, cc_err *err)
{
  cc_value_model *m = &c->model;
  cc_driver_price *dpr = &m->driver[m->ndriver].price[p];
  const cc_region_site *site;
  const char *anchor, *where;
  size_t k;
  cc_err scratch;
  int rc;

  if (dpr->region[0] != '\0')
    {
      snprintf (dpr->region_from, sizeof dpr->region_from, "scenario");
      return skus_priced (c, dpr, dpr->region, term, &where, err);
    }
  if (p > 0 && (anchor = anchor_region (m)) != NULL)
    for (k = 0; (site = cc_region_nearest (m->provider[0], anchor,
                                           m->provider[p], k)) != NULL; k++)
      if (skus_priced (c, dpr, site->region, term, &where, &scratch) == CC_OK)
        {
          snprintf (dpr->region, sizeof dpr->region, "%s", site->region);
          char from[80];   /* ANCHOR lies in C too: build it apart */
          snprintf (from, sizeof from, "nearest to %.15s %.31s",
                    m->provider[0], anchor);
          memcpy (dpr->region_from, from, sizeof from);
          return CC_OK;
        }
  if ((rc = skus_priced (c, dpr, NULL, term, &where, err)) != CC_OK)
    return rc;
  if (where[0] != '\0' && strlen (where) < sizeof dpr->region)
    snprintf (dpr->region, sizeof dpr->region, "%s", where);
  snprintf (dpr->region_from, sizeof dpr->region_from,
            "the only region pricing the sku");
  return CC_OK;
}

/* What the driver says it needs (pick.h): vcpu and memory_gib numbers
   > 0, storage_tier, redundancy and feature words. */
static int
driver_needs (cc_valuecase *c, const cc_scnfile_section *s, cc_driver *dr,
              cc_err *err)
{
  static const char *const num_key[2] = { "vcpu", "memory_gib" };
  static const char *const word_key[3] = { "storage_tier", "redundancy",
                                            "feature" };
  cc_price_needs *n = &dr->needs;
  double *num[2];
  char *word[3];
  size_t size[3];
  const char *v;
  long line;
  int i;

  num[0] = &n->vcpu;
  num[1] = &n->memory_gib;
  word[0] = n->storage_tier;
  word[1] = n->redundancy;
  word[2] = n->feature;
  size[0] = sizeof n->storage_tier;
  size[1] = sizeof n->redundancy;
  size[2] = sizeof n->feature;
  for (i = 0; i < 2; i++)
    if ((v = cc_scnfile_get (s, num_key[i], &line)) != NULL
        && (cc_num_parse (v, num[i]) != 0 || !(*num[i] > 0)
            || *num[i] > CC_PRICE_MAX_QUANTITY))
      return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                         "%s must be a number > 0, not '%s'", num_key[i], v);
  for (i = 0; i < 3; i++)
    if ((v = cc_scnfile_get (s, word_key[i], &line)) != NULL)
      {
        if (v[0] == '\0' || strlen (v) >= size[i])
          return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                             "%s '%s' is empty or longer than %zu "
                             "characters (the cap)", word_key[i], v,
                             size[i] - 1);
        snprintf (word[i], size[i], "%s", v);
      }
  return CC_OK;
}

/* The driver being read names no sku on provider P but says what it
   needs: the cheapest sku there that meets it, in the scenario's
   region.P, else the region nearest the valued provider's that has one,
   else any region; none leaves the driver not priced on P. */
static void
pick_sku (cc_valuecase *c, size_t p, const char *term)
{
  cc_value_model *m = &c->model;
  cc_driver *dr = &m->driver[m->ndriver];
  cc_driver_price *dpr = &dr->price[p];
  const cc_region_site *site;
  const char *anchor;
  size_t k, row;
  int found;

  if (dpr->region[0] != '\0')
    found = cc_price_pick (c->book, m->provider[p], &dr->needs, dpr->region,
                           term, &row) == 0;
  else
    {
      found = 0;
      if (p > 0 && (anchor = anchor_region (m)) != NULL)
        for (k = 0; !found && (site = cc_region_nearest (m->provider[0],
                                                         anchor,
                                                         m->provider[p],
                                                         k)) != NULL; k++)
          found = cc_price_pick (c->book, m->provider[p], &dr->needs,
                                 site->region, term, &row) == 0;
      if (!found)
        found = cc_price_pick (c->book, m->provider[p], &dr->needs, NULL,
                               term, &row) == 0;
    }
  if (!found)
    return;
  snprintf (dpr->sku[0], sizeof dpr->sku[0], "%s", c->book->row[row].sku);
  dpr->share[0] = 1;
  dpr->nsku = 1;
  dpr->picked = 1;
}

/* A sku named for a driver that states needs must not contradict them
   where its book says what it is. */
static int
named_meets (cc_valuecase *c, const cc_driver *dr, const cc_driver_price *dpr,
             const char *term, long line, cc_err *err)
{
  size_t j, first, count;
  char needs[256];
  for (j = 0; j < dpr->nsku; j++)
    {
      cc_price_row r;
      if (cc_price_find_term (c->book, dpr->sku[j],
                              dpr->region[0] ? dpr->region : NULL, term,
                              &first, &count, err) != CC_OK)
        continue;         /* choose_region says why */
      r = c->book->row[first];
      /* Attributes the book leaves empty neither meet nor break a need. */
      if (r.vcpu == 0)
        r.vcpu = dr->needs.vcpu;
      if (r.memory_gib == 0)
        r.memory_gib = dr->needs.memory_gib;
      if (!r.storage_tier[0])
        r.storage_tier = (char *) dr->needs.storage_tier;
      if (!r.redundancy[0])
        r.redundancy = (char *) dr->needs.redundancy;
      if (!r.feature[0])
        r.feature = (char *) dr->needs.feature;
      if (!cc_price_meets (&r, &dr->needs))
        {
          cc_price_needs_format (&dr->needs, needs, sizeof needs);
          return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                             "sku '%s' does not meet the driver's needs (%s); "
                             "name a sku that does, or leave the sku out to "
                             "pick the cheapest that does", dpr->sku[j],
                             needs);
        }
    }
  return CC_OK;
}

void
cc_valuecase_regions (const cc_valuecase *c, size_t p, int why, char *buf,
                      size_t n)
{
  const cc_value_model *m = &c->model;
  size_t d, e, k = 0;
  buf[0] = '\0';
  for (d = 0; d < m->ndriver; d++)
    {
      const cc_driver_price *dp = &m->driver[d].price[p];
      if (dp->nsku == 0)
        continue;
      for (e = 0; e < d; e++)
        if (m->driver[e].price[p].nsku > 0
            && strcmp (m->driver[e].price[p].region, dp->region) == 0
            && (!why || strcmp (m->driver[e].price[p].region_from,
                                dp->region_from) == 0))
          break;
      if (e < d)
        continue;
      k += (size_t) snprintf (buf + k, k < n ? n - k : 0, "%s%s%s%s%s",
                              k ? "; " : "",
                              dp->region[0] ? dp->region : "several",
                              why ? " (" : "", why ? dp->region_from : "",
                              why ? ")" : "");
      if (k >= n)
        return;
    }
}

void
cc_valuecase_sku_cell (const cc_valuecase *c, size_t d, size_t p, char *buf,
                       size_t n)
{
  const cc_driver *dr = &c->model.driver[d];
  const cc_driver_price *pr = &dr->price[p];
  char needs[256];
  size_t i, len = 0;

  cc_price_needs_format (&dr->needs, needs, sizeof needs);
  if (pr->nsku == 0)
    {
      if (needs[0])
        snprintf (buf, n, "not priced: no sku with %s", needs);
      else
        snprintf (buf, n, "not priced");
      return;
    }
  buf[0] = '\0';
  for (i = 0; i < pr->nsku && len < n; i++)
    len += (size_t) snprintf (buf + len, n - len, pr->nsku > 1
                              ? "%s%s:%g" : "%s%s", i ? " + " : "",
                              pr->sku[i], pr->share[i]);
  if (len < n && (pr->region[0] != '\0' || pr->picked))
    snprintf (buf + len, n - len, " (%s%s%s%s)", pr->region,
              pr->region[0] && pr->picked ? "; " : "",
              pr->picked ? "cheapest with " : "", pr->picked ? needs : "");
}

void
cc_valuecase_priced_list (const cc_valuecase *c, size_t p, int on,
                          int titles, char *buf, size_t n)
{
  const cc_value_model *m = &c->model;
  size_t d, q, k = 0;
  buf[0] = '\0';
  for (d = 0; d < m->ndriver; d++)
    {
      int all = 1;
      for (q = 0; q < m->nprovider; q++)
        all = all && m->driver[d].price[q].nsku > 0;
      if (on ? !all : m->driver[d].price[p].nsku > 0)
        continue;
      k += (size_t) snprintf (buf + k, k < n ? n - k : 0, "%s%s",
                              k ? ", " : "",
                              titles && m->driver[d].title
                              ? m->driver[d].title : m->driver[d].name);
    }
  if (k == 0)
    snprintf (buf, n, "none");
}

/* The driver's sku, region, term and reservation on provider P. */
static int
driver_price (cc_valuecase *c, const cc_scnfile_section *s, cc_driver *dr,
              size_t p, cc_err *err)
{
  cc_value_model *m = &c->model;
  cc_driver_price *dpr = &dr->price[p];
  const char *path = c->file->path, *v, *term;
  long line = s->line;
  char key[64];
  int rc;

  dpr->discount = -1;     /* the provider's, unless [discounts] says */
  snprintf (key, sizeof key, "region.%s", m->provider[p]);
  if ((v = cc_scnfile_get (s, key, &line)) != NULL)
    {
      if (strlen (v) >= sizeof dpr->region)
        return cc_err_set (err, CC_EDATA, path, line, 0, "%s '%s' longer "
                           "than %zu characters (the cap)", key, v,
                           sizeof dpr->region - 1);
      snprintf (dpr->region, sizeof dpr->region, "%s", v);
    }
  snprintf (key, sizeof key, "term.%s", m->provider[p]);
  term = cc_scnfile_get (s, key, NULL);
  if (term == NULL)
    term = "payg";
  snprintf (key, sizeof key, "sku.%s", m->provider[p]);
  v = cc_scnfile_get (s, key, &line);
  if (v == NULL && cc_price_needs_stated (&dr->needs))
    pick_sku (c, p, term);
  if (v != NULL || dpr->nsku > 0)
    {
      if (v != NULL && ((rc = parse_skus (c, v, line, dpr, err)) != CC_OK
                        || (rc = named_meets (c, dr, dpr, term, line, err))
                        != CC_OK))
        return rc;
      if ((rc = choose_region (c, p, term, err)) != CC_OK)
        {
          cc_err e = *err;
          return cc_err_set (err, rc, path, line, 0, "%s",
                             strstr (e.msg, "no sku") ? strstr (e.msg, "no sku")
                                                      : e.msg);
        }
    }
  snprintf (key, sizeof key, "reserved_blocks.%s", m->provider[p]);
  if ((v = cc_scnfile_get (s, key, &line)) != NULL
      && (cc_num_parse (v, &dpr->reserved_blocks) != 0 || dpr->reserved_blocks < 0))
    return cc_err_set (err, CC_EDATA, path, line, 0,
                       "%s must be a number >= 0", key);
  snprintf (key, sizeof key, "term.%s", m->provider[p]);
  if ((v = cc_scnfile_get (s, key, &line)) != NULL
      && strlen (v) >= sizeof dpr->term)
    return cc_err_set (err, CC_EDATA, path, line, 0, "%s '%s' longer than "
                       "%zu characters (the cap)", key, v,
                       sizeof dpr->term - 1);
  snprintf (dpr->term, sizeof dpr->term, "%s", v ? v : "payg");
  snprintf (key, sizeof key, "reserved_term.%s", m->provider[p]);
  if ((v = cc_scnfile_get (s, key, &line)) != NULL
      && strlen (v) >= sizeof dpr->reserved_term)
    return cc_err_set (err, CC_EDATA, path, line, 0, "%s '%s' longer than "
                       "%zu characters (the cap)", key, v,
                       sizeof dpr->reserved_term - 1);
  snprintf (dpr->reserved_term, sizeof dpr->reserved_term, "%s",
            v ? v : "1y");
  return CC_OK;
}

/* A newly allocated "PREFIX" + "SUFFIX" (NULL when out of memory). */
static char *
join2 (const char *prefix, const char *suffix)
{
  size_t a = strlen (prefix), b = strlen (suffix);
  char *p = malloc (a + b + 1);
  if (p != NULL)
    {
      memcpy (p, prefix, a);
      memcpy (p + a, suffix, b + 1);
    }
  return p;
}

/* A reader's names for driver DI and its assumptions, whole at any
   length: the scenario's title and *_label keys, else defaults: the
   reported metric's name or the driver's name capitalised, and from it
   "Seats at start", "Seats growth, x/year", "Chatbot as a share of
   Seats". */
static int
driver_labels (cc_valuecase *c, const cc_scnfile_section *s, size_t di,
               cc_err *err)
{
  static const char *const key[CC_NFIELD] = { "quantity_label",
                                              "factor_label", "growth_label",
                                              "phi_label" };
  cc_driver *dr = &c->model.driver[di];
  const char *v = cc_scnfile_get (s, "title", NULL), *k;
  size_t i;
  int f;

  if (v != NULL)
    dr->title = strdup (v);
  else if (dr->facts != NULL)
    dr->title = strdup (c->metric[di]->metric);
  else if ((dr->title = strdup (dr->name)) != NULL)
    {
      /* The name, capitalised, its dashes and underscores as blanks. */
      for (i = 0; dr->title[i]; i++)
        if (dr->title[i] == '-' || dr->title[i] == '_')
          dr->title[i] = ' ';
      if (dr->title[0] >= 'a' && dr->title[0] <= 'z')
        dr->title[0] = (char) (dr->title[0] - 'a' + 'A');
    }
  if (dr->title == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (f = 0; f < CC_NFIELD; f++)
    {
      k = f == CC_FIELD_PARAM && dr->scn_kind == CC_SCN_LOGISTIC
            ? "cap_label" : key[f];
      if ((v = cc_scnfile_get (s, k, NULL)) != NULL)
        dr->field_label[f] = strdup (v);
      else if (f == CC_FIELD_FACTOR && dr->link >= 0)
        {
          char *share = join2 (dr->title, " as a share of ");
          dr->field_label[f] = share ? join2 (share,
                                              c->model.driver[dr->link].title)
                                     : NULL;
          free (share);
        }
      else
        dr->field_label[f]
          = join2 (dr->title,
                   f == CC_FIELD_BASE ? " at start"
                   : f == CC_FIELD_FACTOR ? ", factor"
                   : f == CC_FIELD_GROWTH ? " growth, \u00d7/year"
                   : dr->scn_kind == CC_SCN_LOGISTIC ? ", cap"
                   : ", monthly slowdown of growth (phi)");
      if (dr->field_label[f] == NULL)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
    }
  return CC_OK;
}

/* What a driver section must not leave out or get wrong once read. */
static int
driver_checks (cc_valuecase *c, const cc_scnfile_section *s, size_t di,
               cc_err *err)
{
  cc_value_model *m = &c->model;
  cc_driver *dr = &m->driver[di];
  const char *path = c->file->path;
  size_t i, p;

  /* A fitted series in a unit that is not a size must be in the price's
     unit, or say how to convert with 'factor'. */
  if (dr->fit != NULL && dr->unit_bytes == 0 && dr->price[0].nsku > 0
      && cc_scnfile_get (s, "factor", NULL) == NULL)
    {
      size_t first, count;
      const char *unit = c->fitdata[di]->unit;
      if (cc_price_find_term (c->book, dr->price[0].sku[0],
                              dr->price[0].region[0] ? dr->price[0].region : NULL,
                              dr->price[0].term, &first, &count, err) == CC_OK
          && strcmp (c->book->row[first].unit, unit) != 0)
        return cc_err_set (err, CC_EDATA, path, s->line, 0,
                           "[%s]: the series is in %s but sku '%s' is priced "
                           "per %s; give 'factor' (price units per series "
                           "unit)", s->name, unit, dr->price[0].sku[0],
                           c->book->row[first].unit);
    }
  /* Keys for providers the scenario does not list are mistakes. */
  for (i = 0; i < s->n; i++)
    {
      const char *k = s->kv[i].key, *dot = strchr (k, '.');
      if (dot == NULL)
        continue;
      for (p = 0; p < m->nprovider && strcmp (dot + 1, m->provider[p]) != 0; p++)
        ;
      if (p == m->nprovider)
        return cc_err_set (err, CC_EDATA, path, s->kv[i].line, 0,
                           "'%s' names provider '%s', which [scenario] "
                           "providers does not list", k, dot + 1);
    }
  if (dr->price[0].nsku == 0 && !cc_price_needs_stated (&dr->needs))
    return cc_err_set (err, CC_EDATA, path, s->line, 0,
                       "[%s] needs 'sku.%s' (the provider valued)", s->name,
                       m->provider[0]);
  return CC_OK;
}

/* link_sku: a linked driver follows only the part of the linked
   driver's quantity that the valued provider's mix puts in that sku
   (archive retrieval follows the archived data: none when the mix has no
   archive). */
static int
link_sku (cc_valuecase *c, const cc_scnfile_section *s, cc_driver *dr,
          cc_err *err)
{
  const cc_driver_price *lp;
  const char *v;
  long line;
  size_t j;

  if ((v = cc_scnfile_get (s, "link_sku", &line)) == NULL)
    return CC_OK;
  if (dr->link < 0)
    return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                       "link_sku needs 'link' (the driver whose mix it "
                       "names a sku of)");
  lp = &c->model.driver[dr->link].price[0];
  dr->link_share = 0;
  for (j = 0; j < lp->nsku; j++)
    if (strcmp (lp->sku[j], v) == 0)
      dr->link_share = lp->nsku == 1 ? 1.0 : lp->share[j];
  for (j = 0; j < c->book->n && strcmp (c->book->row[j].sku, v) != 0; j++)
    ;
  if (j == c->book->n)
    return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                       "link_sku '%s' is in no price book", v);
  return CC_OK;
}

/* The storage chart's keys, 'show' and 'scale': only on a driver grown
   from reported figures (the names in 'show' are checked against the
   named scenarios where the story is built, model/run/run.c). */
static int
chart_keys (cc_valuecase *c, const cc_scnfile_section *s, size_t di,
            cc_err *err)
{
  static const char *const key[2] = { "show", "scale" };
  const char *v;
  long line;
  int k;

  for (k = 0; k < 2; k++)
    if (cc_scnfile_get (s, key[k], &line) != NULL
        && c->model.driver[di].facts == NULL)
      return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                         "[%s]: '%s' is for a driver grown from reported "
                         "figures (its storage chart)", s->name, key[k]);
  c->show[di] = cc_scnfile_get (s, "show", &c->show_line[di]);
  c->chart_scale[di] = CC_AXIS_AUTO;
  if ((v = cc_scnfile_get (s, "scale", &line)) == NULL)
    return CC_OK;
  if (strcmp (v, "linear") == 0)
    c->chart_scale[di] = CC_AXIS_LINEAR;
  else if (strcmp (v, "log") == 0)
    c->chart_scale[di] = CC_AXIS_LOG;
  else
    return cc_err_set (err, CC_EDATA, c->file->path, line, 0,
                       "scale '%s' is not linear or log", v);
  return CC_OK;
}

static int
driver_section (cc_valuecase *c, const cc_scnfile_section *s, cc_err *err)
{
  cc_value_model *m = &c->model;
  size_t di = m->ndriver, p;
  cc_driver *dr = &m->driver[di];
  const char *path = c->file->path, *v;
  char fam[sizeof dr->family], *q;
  long line = s->line;
  int rc;

  if (di == CC_MAX_DRIVERS)
    return cc_err_set (err, CC_EDATA, path, s->line, 0,
                       "more than %d drivers", CC_MAX_DRIVERS);
  if (strlen (s->name + 7) >= sizeof dr->name)
    return cc_err_set (err, CC_EDATA, path, s->line, 0, "driver name '%s' "
                       "longer than %zu characters (the cap)", s->name + 7,
                       sizeof dr->name - 1);
  memset (dr, 0, sizeof *dr);
  dr->link = -1;
  dr->link_share = 1;
  snprintf (dr->name, sizeof dr->name, "%s", s->name + 7);
  if ((rc = text_key (c, s, "label", dr->name, dr->label, sizeof dr->label,
                      err)) != CC_OK
      || (rc = text_key (c, s, "source", "assumption", dr->source,
                         sizeof dr->source, err)) != CC_OK)
    return rc;
  if ((v = cc_scnfile_get (s, "family", &line)) == NULL)
    return cc_err_set (err, CC_EDATA, path, s->line, 0, "[%s] needs 'family'",
                       s->name);
  snprintf (fam, sizeof fam, "%s", v);
  for (q = fam; *q; q++)
    *q = (char) tolower ((unsigned char) *q);
  if (cc_family_valid (fam))
    v = fam;          /* family names match in any case */
  if (!cc_family_valid (v))
    {
      char list[128];
      return cc_err_set (err, CC_EDATA, path, line, 0,
                         "family '%s' is not one of %s", v,
                         cc_family_list (list, sizeof list));
    }
  snprintf (dr->family, sizeof dr->family, "%s", v);

  if ((v = cc_scnfile_get (s, "growth", &line)) != NULL
      && strcmp (v, "fit") == 0)
    rc = fitted_driver (c, s, di, err);
  else if ((v = cc_scnfile_get (s, "data", &line)) != NULL)
    rc = reported_driver (c, s, di, v, line, err);
  else
    rc = assumed_driver (c, s, di, err);
  if (rc != CC_OK || (rc = driver_needs (c, s, dr, err)) != CC_OK)
    return rc;
  for (p = 0; p < m->nprovider; p++)
    if ((rc = driver_price (c, s, dr, p, err)) != CC_OK)
      return rc;
  if ((rc = driver_checks (c, s, di, err)) != CC_OK
      || (rc = link_sku (c, s, dr, err)) != CC_OK)
    return rc;
  if ((rc = chart_keys (c, s, di, err)) != CC_OK)
    return rc;
  if ((rc = driver_labels (c, s, di, err)) != CC_OK)
    return rc;
  m->ndriver++;
  return CC_OK;
}

/* A [discounts] or [price_lock] key: PROVIDER, or PROVIDER.DRIVER for one
   driver only; *P and *K (K = ndriver: every driver) set. */
static int
provider_driver_key (cc_valuecase *c, const cc_scnfile_section *s, size_t i,
                     const char *what, size_t *p, size_t *k, cc_err *err)
{
  const cc_value_model *m = &c->model;
  char key[128], *dot;
  snprintf (key, sizeof key, "%s", s->kv[i].key);
  dot = strchr (key, '.');
  if (dot != NULL)
    *dot = '\0';
  for (*p = 0; *p < m->nprovider && strcmp (key, m->provider[*p]); (*p)++)
    ;
  if (*p == m->nprovider)
    return cc_err_set (err, CC_EDATA, c->file->path, s->kv[i].line, 0,
                       "%s for '%s', which [scenario] providers does not "
                       "list", what, key);
  *k = m->ndriver;
  if (dot != NULL)
    {
      for (*k = 0; *k < m->ndriver && strcmp (dot + 1, m->driver[*k].name);
           (*k)++)
        ;
      if (*k == m->ndriver)
        return cc_err_set (err, CC_EDATA, c->file->path, s->kv[i].line, 0,
                           "%s for driver '%s', which no [driver] section "
                           "defines", what, dot + 1);
    }
  return CC_OK;
}

static int
discounts_section (cc_valuecase *c, cc_err *err)
{
  const cc_scnfile_section *s = cc_scnfile_section_find (c->file, "discounts");
  cc_value_model *m = &c->model;
  size_t i, p, k;
  int rc;
  if (s == NULL)
    return CC_OK;
  for (i = 0; i < s->n; i++)
    {
      double d;
      if ((rc = provider_driver_key (c, s, i, "discount", &p, &k, err))
          != CC_OK)
        return rc;
      if (cc_num_parse (s->kv[i].value, &d) != 0 || d < 0 || d >= 1)
        return cc_err_set (err, CC_EDATA, c->file->path, s->kv[i].line, 0,
                           "discount must be a fraction from 0 to below 1, "
                           "not '%s'", s->kv[i].value);
      if (k < m->ndriver)
        m->driver[k].price[p].discount = d;
      else
        m->discount[p] = d;
    }
  return CC_OK;
}

/* [price_lock]: PROVIDER or PROVIDER.DRIVER = none | term |
   renewal:MONTHS.  Unstated: none. */
static int
price_lock_section (cc_valuecase *c, cc_err *err)
{
  const cc_scnfile_section *s = cc_scnfile_section_find (c->file,
                                                         "price_lock");
  cc_value_model *m = &c->model;
  size_t i, p, k;
  int rc;
  for (p = 0; p < m->nprovider; p++)
    if (m->lock[p].kind == CC_LOCK_UNSET)
      m->lock[p].kind = CC_LOCK_NONE;
  if (s == NULL)
    return CC_OK;
  for (i = 0; i < s->n; i++)
    {
      cc_price_lock l;
      if ((rc = provider_driver_key (c, s, i, "price_lock", &p, &k, err))
          != CC_OK)
        return rc;
      if (cc_price_lock_parse (s->kv[i].value, &l) != 0)
        return cc_err_set (err, CC_EDATA, c->file->path, s->kv[i].line, 0,
                           "price_lock must be none, term or renewal:MONTHS "
                           "(1 to 1200), not '%s'", s->kv[i].value);
      if (k < m->ndriver)
        m->driver[k].price[p].lock = l;
      else
        m->lock[p] = l;
    }
  return CC_OK;
}

/* Exchange rates: from,to,rate,source,date. */
typedef struct
{
  size_t n;
  char from[32][8], to[32][8], source[32][200], date[32][16];
  double rate[32];
  long col[5];
  const char *path;
} rate_table;

static int
on_rate (const cc_csv_row *row, void *ctx, cc_err *err)
{
  static const char *const names[5] = { "from", "to", "rate", "source", "date" };
  rate_table *t = ctx;
  size_t k;
  if (row->record == 1)
    {
      for (k = 0; k < 5; k++)
        if ((t->col[k] = cc_csv_column (row, names[k])) < 0)
          return cc_err_set (err, CC_EDATA, t->path, row->line, 0,
                             "rates header lacks '%s' (from,to,rate,source,date)",
                             names[k]);
      return CC_OK;
    }
  for (k = 0; k < 5; k++)
    if ((size_t) t->col[k] >= row->nfield)
      return cc_err_set (err, CC_EDATA, t->path, row->line, 0, "missing fields");
  if (t->n == 32)
    return cc_err_set (err, CC_EDATA, t->path, row->line, 0, "more than 32 rates");
  if (cc_num_parse (row->field[t->col[2]], &t->rate[t->n]) != 0 || !(t->rate[t->n] > 0))
    return cc_err_set (err, CC_EDATA, t->path, row->line, t->col[2] + 1,
                       "rate '%s' is not a positive number", row->field[t->col[2]]);
  if (row->field[t->col[3]][0] == '\0')
    return cc_err_set (err, CC_EDATA, t->path, row->line, t->col[3] + 1,
                       "a rate needs its source");
  {
    static const size_t cap[5] = { sizeof t->from[0], sizeof t->to[0], 0,
                                   sizeof t->source[0], sizeof t->date[0] };
    char *dst[5] = { t->from[t->n], t->to[t->n], NULL, t->source[t->n],
                     t->date[t->n] };
    for (k = 0; k < 5; k++)
      if (dst[k] != NULL)
        {
          if (row->len[t->col[k]] >= cap[k])
            return cc_err_set (err, CC_EDATA, t->path, row->line,
                               t->col[k] + 1, "%s is longer than %zu bytes "
                               "(the cap)", names[k], cap[k] - 1);
          memcpy (dst[k], row->field[t->col[k]], row->len[t->col[k]] + 1);
        }
  }
  t->n++;
  return CC_OK;
}

/* Every sku priced in another currency needs a rate, or the run stops:
   currencies are never mixed silently. */
static int
check_currencies (cc_valuecase *c, cc_err *err)
{
  const cc_scnfile_section *s = cc_scnfile_section_find (c->file, "scenario");
  cc_value_model *m = &c->model;
  rate_table t;
  size_t d, p, j, i, k;
  long line = s->line;
  const char *v = cc_scnfile_get (s, "rates", &line);
  int rc;

  memset (&t, 0, sizeof t);
  if (v != NULL)
    {
      char *rp;
      if ((rc = find_input (c, "rates", v, NULL, line, &rp, err)) != CC_OK)
        return rc;
      t.path = rp;
      rc = cc_csv_read (rp, on_rate, &t, err);
      if (rc == CC_OK)
        note_input (c, rp);
      free (rp);
      if (rc != CC_OK)
        {
          cc_err e = *err;
          return cc_err_set (err, CC_EDATA, c->file->path, line, 0, "rates: %s",
                             e.msg);
        }
    }
  for (d = 0; d < m->ndriver; d++)
    for (p = 0; p < m->nprovider; p++)
      {
        cc_driver_price *dp = &m->driver[d].price[p];
        for (j = 0; j < dp->nsku; j++)
          {
            const cc_price_row *row = NULL;
            for (i = 0; i < c->book->n && row == NULL; i++)
              if (strcmp (c->book->row[i].sku, dp->sku[j]) == 0)
                row = &c->book->row[i];
            dp->rate[j] = 1;
            if (row == NULL || strcmp (row->currency, c->currency) == 0)
              continue;
            for (k = 0; k < t.n && !(strcmp (t.from[k], row->currency) == 0
                                     && strcmp (t.to[k], c->currency) == 0); k++)
              ;
            if (k == t.n)
              return cc_err_set (err, CC_EDATA, row->file, row->line, 0,
                                 "sku '%s' is priced in %s but the scenario's "
                                 "currency is %s; cloudcast does not convert "
                                 "silently (give a 'rates' file with a %s to "
                                 "%s rate and its source)", dp->sku[j],
                                 row->currency, c->currency, row->currency,
                                 c->currency);
            dp->rate[j] = t.rate[k];
            for (i = 0; i < c->nconv && strncmp (c->conversion[i], row->currency, 3); i++)
              ;
            if (i == c->nconv && c->nconv < 8)
              {
                snprintf (c->rate_used[i].from, sizeof c->rate_used[i].from,
                          "%s", row->currency);
                snprintf (c->rate_used[i].to, sizeof c->rate_used[i].to,
                          "%s", c->currency);
                snprintf (c->rate_used[i].source,
                          sizeof c->rate_used[i].source, "%s", t.source[k]);
                snprintf (c->rate_used[i].date, sizeof c->rate_used[i].date,
                          "%s", t.date[k]);
                c->rate_used[i].rate = t.rate[k];
                snprintf (c->conversion[c->nconv++], sizeof c->conversion[0],
                          "%s->%s x %g (%s, %s)", row->currency, c->currency,
                          t.rate[k], t.source[k], t.date[k]);
              }
          }
      }
  return CC_OK;
}

int
cc_valuecase_load (const char *path, cc_valuecase **out, cc_err *err)
{
  cc_valuecase *c;
  size_t i;
  int rc;

  *out = NULL;
  c = calloc (1, sizeof *c);
  if (c == NULL)
    return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
  c->input_hash = CC_HASH_INIT;
  rc = cc_scnfile_read (path, &c->file, err);
  if (rc == CC_OK)
    {
      note_input (c, path);
      rc = scenario_section (c, err);
    }
  for (i = 0; rc == CC_OK && i < c->file->nsec; i++)
    if (strncmp (c->file->sec[i].name, "driver ", 7) == 0)
      rc = driver_section (c, &c->file->sec[i], err);
  if (rc == CC_OK)
    rc = discounts_section (c, err);
  if (rc == CC_OK)
    rc = price_lock_section (c, err);
  if (rc == CC_OK && c->model.ndriver == 0)
    rc = cc_err_set (err, CC_EDATA, path, 0, 0, "no [driver NAME] sections");
  if (rc == CC_OK)
    rc = check_currencies (c, err);
  if (rc != CC_OK)
    {
      cc_valuecase_free (c);
      return rc;
    }
  *out = c;
  return CC_OK;
}

void
cc_valuecase_free (cc_valuecase *c)
{
  size_t i;
  if (c == NULL)
    return;
  for (i = 0; i < CC_MAX_DRIVERS; i++)
    {
      int f;
      free (c->model.driver[i].title);
      for (f = 0; f < CC_NFIELD; f++)
        free (c->model.driver[i].field_label[f]);
      cc_reported_free (c->reported[i]);
      free (c->fits[i]);
      if (c->fitdata[i] != NULL)
        cc_series_clear (c->fitdata[i]);
      free (c->fitdata[i]);
    }
  cc_price_book_free (c->book);
  cc_scnfile_free (c->file);
  free (c);
}
