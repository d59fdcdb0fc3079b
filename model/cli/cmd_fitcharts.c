/* cmd_fitcharts.c: bands and model curves of a fitted driver for charts. */
#include <config.h>

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd_fitcharts.h"
#include "fit/interval.h"
#include "report/report.h"
#include "core/timeutil.h"

int
cc_fitcharts_prepare (cc_fitcharts *fc, const cc_valuecase *vc, cc_err *err)
{
  const cc_value_model *m = &vc->model;
  const cc_series *s = NULL;
  const cc_fit *fit = NULL, *fits;
  cc_band *band = NULL;
  cc_pi_ws *pw = NULL;
  cc_pi_opts po;
  cc_fit_opts fo;
  gsl_rng *rng = NULL;
  double *xf = NULL, lmin, lmax;
  size_t d, i, k, h, nc, il = 0, ih = 0, nm = 0, nfit;
  long last, end;
  int rc = CC_OK;

  memset (fc, 0, sizeof *fc);
  for (d = 0; d < m->ndriver && fit == NULL; d++)
    if (m->driver[d].fit != NULL)
      {
        fit = m->driver[d].fit;
        s = vc->fitdata[d];
        fc->driver = d;
      }
  if (fit == NULL)
    return CC_OK;
  fits = vc->fits[fc->driver];
  nfit = vc->nfits[fc->driver];
  last = s->month[s->n - 1];
  end = m->start_month + m->months - 1;
  h = end > last ? (size_t) (end - last) : 1;
  nc = s->n + h;
  fc->month = malloc (s->n * sizeof *fc->month);
  fc->y = malloc (s->n * sizeof *fc->y);
  fc->fmonth = malloc (h * sizeof *fc->fmonth);
  fc->median = malloc (h * sizeof *fc->median);
  fc->lo_n = malloc (h * sizeof *fc->lo_n);
  fc->hi_n = malloc (h * sizeof *fc->hi_n);
  fc->lo_w = malloc (h * sizeof *fc->lo_w);
  fc->hi_w = malloc (h * sizeof *fc->hi_w);
  fc->cmonth = malloc (nc * sizeof *fc->cmonth);
  fc->curve = malloc (nfit * nc * sizeof *fc->curve);
  fc->label = malloc (nfit * sizeof *fc->label);
  fc->label_buf = malloc (nfit * sizeof *fc->label_buf);
  xf = malloc (h * sizeof *xf);
  band = cc_band_alloc (h, vc->nlevels);
  pw = cc_pi_ws_alloc (2000, h, s->n);
  rng = gsl_rng_alloc (gsl_rng_mt19937);
  if (!fc->month || !fc->y || !fc->fmonth || !fc->median || !fc->lo_n
      || !fc->hi_n || !fc->lo_w || !fc->hi_w || !fc->cmonth || !fc->curve
      || !fc->label || !fc->label_buf || !xf || !band || !pw || !rng)
    {
      rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      goto done;
    }
  for (i = 0; i < s->n; i++)
    {
      fc->month[i] = s->month[i];
      fc->y[i] = s->y[i];
      fc->cmonth[i] = s->month[0] + (long) i;
    }
  for (i = 0; i < h; i++)
    {
      fc->fmonth[i] = last + 1 + (long) i;
      xf[i] = (double) (fc->fmonth[i] - s->first + 1);
      fc->cmonth[s->n + i] = fc->fmonth[i];
    }

  /* The band at the narrowest and widest of the scenario's levels. */
  lmin = lmax = vc->levels[0];
  for (i = 1; i < vc->nlevels; i++)
    {
      if (vc->levels[i] < lmin)
        lmin = vc->levels[i], il = i;
      if (vc->levels[i] > lmax)
        lmax = vc->levels[i], ih = i;
    }
  memset (&po, 0, sizeof po);
  po.method = CC_PI_MC;
  po.draws = 2000;
  po.nlevel = vc->nlevels;
  memcpy (po.level, vc->levels, vc->nlevels * sizeof po.level[0]);
  gsl_rng_set (rng, m->seed);
  po.rng = rng;
  memset (&fo, 0, sizeof fo);
  fo.scale = fit->scale;
  fo.constrain = 1;
  if ((rc = cc_pi_compute (fit, &fo, s->x, s->y, s->n, xf, h, &po, pw, band,
                           err)) != CC_OK)
    goto done;
  for (i = 0; i < h; i++)
    {
      fc->median[i] = band->p50[i];
      fc->lo_n[i] = band->lo[i * vc->nlevels + il];
      fc->hi_n[i] = band->hi[i * vc->nlevels + il];
      fc->lo_w[i] = band->lo[i * vc->nlevels + ih];
      fc->hi_w[i] = band->hi[i * vc->nlevels + ih];
    }

  /* Every converged model, the chosen one drawn bold. */
  fc->models.selected = -1;
  for (k = 0; k < nfit; k++)
    {
      const cc_fit *f = &fits[k];
      if (f->status != CC_FIT_OK)
        continue;
      if (f == fit)
        fc->models.selected = (long) nm;
      snprintf (fc->label_buf[nm], sizeof fc->label_buf[nm],
                isfinite (f->aicc) ? "%s (AICc %.1f, weight %.2f)" : "%s",
                f->model->name, f->aicc, f->weight);
      fc->label[nm] = fc->label_buf[nm];
      for (i = 0; i < nc; i++)
        /* The damped trend has no curve inside the data, only a forecast
           from its final state: leave those months undefined. */
        fc->curve[nm * nc + i]
          = f->model->kind == CC_KIND_ETS && i < s->n
              ? NAN
              : cc_fit_curve (f, (double) (fc->cmonth[i] - s->first + 1));
      nm++;
    }

  fc->fan.unit = s->unit;
  fc->fan.n = s->n;
  fc->fan.month = fc->month;
  fc->fan.y = fc->y;
  fc->fan.h = h;
  fc->fan.fmonth = fc->fmonth;
  fc->fan.median = fc->median;
  fc->fan.lo_narrow = fc->lo_n;
  fc->fan.hi_narrow = fc->hi_n;
  fc->fan.lo_wide = fc->lo_w;
  fc->fan.hi_wide = fc->hi_w;
  fc->fan.level_lo = lmin;
  fc->fan.level_hi = lmax;
  fc->models.unit = s->unit;
  fc->models.n = s->n;
  fc->models.month = fc->month;
  fc->models.y = fc->y;
  fc->models.nmodel = nm;
  fc->models.label = fc->label;
  fc->models.h = nc;
  fc->models.cmonth = fc->cmonth;
  fc->models.curve = fc->curve;
  /* Room for the data and the chosen curve; a runaway model leaves the top. */
  fc->models.ymax = 0;
  for (i = 0; i < s->n; i++)
    fc->models.ymax = fmax (fc->models.ymax, s->y[i]);
  for (i = 0; fc->models.selected >= 0 && i < nc; i++)
    fc->models.ymax = fmax (fc->models.ymax,
                            fc->curve[(size_t) fc->models.selected * nc + i]);
  fc->models.ymax *= 1.6;

  {
    char m0[16], m1[16], a[64], b[64], c[64];
    cc_month_format (fc->fmonth[h - 1], m1, sizeof m1);
    cc_month_format (s->month[0], m0, sizeof m0);
    snprintf (fc->title[0], sizeof fc->title[0], "%s: fitted %s growth",
              m->driver[fc->driver].name, fit->model->name);
    snprintf (fc->sub[0], sizeof fc->sub[0],
              "%zu months of data; median with %g%% and %g%% prediction "
              "bands (parametric Monte Carlo)", s->n, lmin, lmax);
    snprintf (fc->title[1], sizeof fc->title[1], "%s: every model fitted",
              m->driver[fc->driver].name);
    snprintf (fc->sub[1], sizeof fc->sub[1],
              "Chosen by AICc: %s (bold); the others dashed", fit->model->name);
    snprintf (fc->source, sizeof fc->source, "Data: %s. Chart: cloudcast.",
              s->key);
    cc_group_digits (fc->median[h - 1], 0, a, sizeof a);
    cc_group_digits (fc->lo_w[h - 1], 0, b, sizeof b);
    cc_group_digits (fc->hi_w[h - 1], 0, c, sizeof c);
    snprintf (fc->alt[0], sizeof fc->alt[0],
              "Fan chart of %s: %zu monthly points from %s, then the fitted "
              "%s curve to %s with median %s %s and a %g%% band from %s to "
              "%s.", s->key, s->n, m0, fit->model->name, m1, a, s->unit, lmax,
              b, c);
    snprintf (fc->alt[1], sizeof fc->alt[1],
              "Line chart of the %zu converged growth models fitted to %s; "
              "AICc chooses %s (Akaike weight %.2f).", nm, s->key,
              fit->model->name, fit->weight);
  }
  fc->present = 1;

done:
  cc_band_free (band);
  cc_pi_ws_free (pw);
  gsl_rng_free (rng);
  free (xf);
  return rc;
}

void
cc_fitcharts_draw (cc_fitcharts *fc, cc_gp *gp, cc_cli_chartset *sets)
{
  cc_chart_frame fr;
  size_t i, f;
  for (i = 0; i < 2; i++)
    {
      memset (&fr, 0, sizeof fr);
      fr.title = fc->title[i];
      fr.subtitle = fc->sub[i];
      fr.source = fc->source;
      for (f = 0; f < CC_GP_NFMT; f++)
        fr.out.path[f] = sets[i].file[f].tmp;
      if (i == 0)
        cc_chart_fan_draw (gp, &fr, &fc->fan);
      else
        cc_chart_models_draw (gp, &fr, &fc->models);
    }
}

void
cc_fitcharts_free (cc_fitcharts *fc)
{
  free (fc->month);
  free (fc->y);
  free (fc->fmonth);
  free (fc->median);
  free (fc->lo_n);
  free (fc->hi_n);
  free (fc->lo_w);
  free (fc->hi_w);
  free (fc->cmonth);
  free (fc->curve);
  free (fc->label);
  free (fc->label_buf);
  memset (fc, 0, sizeof *fc);
}
