/* chart_models.c: every growth model fitted to a driver's data
 * (models.svg), the one AICc chooses in bold, each curve drawn over the
 * data and on to the end of the contract. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fit/band.h"
#include "core/textutil.h"
#include "plots/charts.h"
#include "plots/palette.h"
#include "plots/registry.h"

/* $CURVE: one index per model, NaN where a curve is undefined. */
static void
put_curves (FILE *fp, const cc_chart_models *c)
{
  size_t i, k;
  fputs ("$CURVE << EOD\n", fp);
  for (k = 0; k < c->nmodel; k++)
    {
      if (k > 0)
        fputs ("\n\n", fp);
      for (i = 0; i < c->h; i++)
        {
          double v = c->curve[k * c->h + i];
          cc_chart_put_month (fp, c->cmonth[i]);
          if (isfinite (v))
            fprintf (fp, " %.17g\n", v);
          else
            fputs (" NaN\n", fp);
        }
    }
  fputs ("EOD\n", fp);
}

void
cc_chart_models_draw (cc_gp *gp, const cc_chart_frame *fr,
                      const cc_chart_models *c)
{
  FILE *fp = cc_gp_stream (gp);
  char plot[4096];
  size_t k, o = 0;

  cc_chart_labels_data (gp, fr, c->unit, c->label, c->nmodel);
  cc_chart_put_series (fp, "$HIST", c->n, c->month, c->y);
  put_curves (fp, c);
  cc_gp_guard (gp);
  cc_chart_setup_time (fp);
  if (c->ymax > 0)
    fprintf (fp, "set yrange [0:%.17g]\n", c->ymax);
  o += (size_t) snprintf (plot + o, sizeof plot - o,
                          "plot $HIST using 1:2 with points pt 7 ps 0.9 "
                          "lc rgb '" CC_RGB_BLACK "' title $LBL[9][2:]");
  for (k = 0; k < c->nmodel && o < sizeof plot; k++)
    o += (size_t) snprintf (plot + o, sizeof plot - o,
                            ", $CURVE index %zu using 1:2 with lines lw %s "
                            "lc rgb '%s' dt %d title $LBL[%zu][2:]", k,
                            (long) k == c->selected ? "3" : "1.6",
                            cc_palette_colour (CC_PALETTE_MODELS, k),
                            (long) k == c->selected ? 1 : 2, 10 + k);
  cc_gp_render (gp, plot, &fr->out);
}

/* ---- the registered kind ---------------------------------------------- */

typedef struct
{
  cc_chart_text text;
  const cc_series *s;
  const cc_fit *fit;
  const char *title;          /* the driver's, for readers */
  long *cmonth;               /* the data's months, then the contract's */
  double *curve;              /* nmodel x nc */
  const char **label;
  char (*label_buf)[96];
  cc_chart_models models;
} models_state;

static void
models_free (void *state)
{
  models_state *s = state;
  if (s != NULL)
    {
      free (s->cmonth);
      free (s->curve);
      free (s->label);
      free (s->label_buf);
    }
  free (s);
}

/* Every converged model's label and curve at the months cmonth[0..nc-1];
 * returns how many. */
static size_t
models_curves (models_state *ms, const cc_fit *fits, size_t nfit, size_t nc)
{
  const cc_series *s = ms->s;
  size_t k, i, nm = 0;

  ms->models.selected = -1;
  for (k = 0; k < nfit; k++)
    {
      const cc_fit *f = &fits[k];
      if (f->status != CC_FIT_OK)
        continue;
      if (f == ms->fit)
        ms->models.selected = (long) nm;
      cc_label_printf (ms->label_buf[nm], sizeof ms->label_buf[nm],
                isfinite (f->aicc) ? "%s (AICc %.1f, weight %.2f)" : "%s",
                f->model->name, f->aicc, f->weight);
      ms->label[nm] = ms->label_buf[nm];
      for (i = 0; i < nc; i++)
        /* The damped trend has no curve inside the data, only a forecast
           from its final state: leave those months undefined. */
        ms->curve[nm * nc + i]
          = f->model->kind == CC_KIND_ETS && i < s->n
              ? NAN
              : cc_fit_curve (f, (double) (ms->cmonth[i] - s->first + 1));
      nm++;
    }
  return nm;
}

static int
models_prepare (const cc_chart_data *d, void **state, int *draw, cc_err *err)
{
  const cc_valuecase *vc = d->vc;
  const cc_value_model *m = &vc->model;
  long k = cc_chart_fitted_driver (vc);
  size_t i, nc, nfit;
  models_state *ms;
  const cc_series *s;

  if (k < 0)
    return CC_OK;
  if ((ms = calloc (1, sizeof *ms)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  *state = ms;
  ms->fit = m->driver[k].fit;
  s = ms->s = vc->fitdata[k];
  nfit = vc->nfits[k];
  nc = s->n + cc_fit_band_months (s, m->start_month + m->months - 1);
  ms->cmonth = malloc (nc * sizeof *ms->cmonth);
  ms->curve = malloc (nfit * nc * sizeof *ms->curve);
  ms->label = malloc (nfit * sizeof *ms->label);
  ms->label_buf = malloc (nfit * sizeof *ms->label_buf);
  if (!ms->cmonth || !ms->curve || !ms->label || !ms->label_buf)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (i = 0; i < nc; i++)
    ms->cmonth[i] = i < s->n ? s->month[0] + (long) i
                             : s->month[s->n - 1] + 1 + (long) (i - s->n);
  ms->models.unit = s->unit;
  ms->models.n = s->n;
  ms->models.month = s->month;
  ms->models.y = s->y;
  ms->models.nmodel = models_curves (ms, vc->fits[k], nfit, nc);
  ms->models.label = ms->label;
  ms->models.h = nc;
  ms->models.cmonth = ms->cmonth;
  ms->models.curve = ms->curve;
  /* Room for the data and the chosen curve; a runaway model leaves the top. */
  ms->models.ymax = 0;
  for (i = 0; i < s->n; i++)
    ms->models.ymax = fmax (ms->models.ymax, s->y[i]);
  for (i = 0; ms->models.selected >= 0 && i < nc; i++)
    ms->models.ymax = fmax (ms->models.ymax,
                            ms->curve[(size_t) ms->models.selected * nc + i]);
  ms->models.ymax *= 1.6;
  ms->title = m->driver[k].title;
  cc_label_printf (ms->text.title, sizeof ms->text.title, "%s: every model fitted",
            m->driver[k].title);
  cc_label_printf (ms->text.subtitle, sizeof ms->text.subtitle,
            "Chosen by AICc: %s (bold); the others dashed",
            ms->fit->model->name);
  cc_label_printf (ms->text.source, sizeof ms->text.source,
            "Data: %s. Chart: cloudcast.", s->key);
  *draw = 1;
  return CC_OK;
}

static void
models_draw (cc_gp *gp, const void *state, const cc_gp_outputs *o)
{
  const models_state *ms = state;
  cc_chart_frame fr = cc_chart_frame_of (&ms->text, o);
  cc_chart_models_draw (gp, &fr, &ms->models);
}

static void
models_alt (const cc_chart_data *d, const void *state, FILE *fp)
{
  const models_state *ms = state;
  fprintf (fp, "Line chart of the %zu converged growth models fitted "
            "to %s; AICc chooses %s (Akaike weight %.2f).", ms->models.nmodel,
            ms->title, ms->fit->model->name, ms->fit->weight);
}

const cc_chart_kind cc_chart_kind_models = {
  .stem = "models",
  .title = "Every growth model fitted",
  .group = CC_CHARTS_FIT,
  .preview = 0,
  .prepare = models_prepare,
  .draw = models_draw,
  .alt = models_alt,
  .free = models_free
};
