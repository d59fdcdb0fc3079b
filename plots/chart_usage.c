/* chart_usage.c: a fitted driver's usage (usage.svg): the data, then the
 * chosen model's median forecast with its narrow and wide prediction bands
 * to the end of the contract (a fan chart). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textutil.h"
#include "core/timeutil.h"
#include "fit/band.h"
#include "plots/charts.h"
#include "plots/palette.h"
#include "plots/registry.h"

void
cc_chart_fan_draw (cc_gp *gp, const cc_chart_frame *fr, const cc_chart_fan *c)
{
  FILE *fp = cc_gp_stream (gp);
  char lvl[2][64];
  const char *extra[3];
  size_t i;

  cc_label_printf (lvl[0], sizeof lvl[0], "%g%% prediction band", c->level_hi);
  cc_label_printf (lvl[1], sizeof lvl[1], "%g%% prediction band", c->level_lo);
  extra[0] = lvl[0];
  extra[1] = lvl[1];
  extra[2] = "median";
  cc_chart_labels_data (gp, fr, c->unit, extra, 3);
  cc_chart_put_series (fp, "$HIST", c->n, c->month, c->y);
  fputs ("$FAN << EOD\n", fp);
  for (i = 0; i < c->h; i++)
    {
      cc_chart_put_month (fp, c->fmonth[i]);
      fprintf (fp, " %.17g %.17g %.17g %.17g %.17g\n", c->lo_wide[i],
               c->lo_narrow[i], c->median[i], c->hi_narrow[i], c->hi_wide[i]);
    }
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  cc_chart_setup_time (fp);
  fputs ("set style fill transparent solid 0.3 noborder\n", fp);
  cc_gp_render (gp,
                "plot $FAN using 1:2:6 with filledcurves lc rgb '" CC_RGB_SKY
                "' title $LBL[10][2:], $FAN using 1:3:5 with filledcurves "
                "lc rgb '" CC_RGB_BLUE "' title $LBL[11][2:], $FAN using 1:4 "
                "with lines lw 2.5 lc rgb '" CC_RGB_BLUE "' title "
                "$LBL[12][2:], $HIST using 1:2 with points pt 7 ps 0.9 "
                "lc rgb '" CC_RGB_BLACK "' title $LBL[9][2:]", &fr->out);
}

/* ---- the registered kind ---------------------------------------------- */

typedef struct
{
  cc_chart_text text;
  const cc_series *s;
  const cc_fit *fit;
  const char *title;          /* the driver's, for readers */
  cc_fitband band;
  cc_chart_fan fan;
} usage_state;

static void
usage_free (void *state)
{
  usage_state *s = state;
  if (s != NULL)
    cc_fitband_free (&s->band);
  free (s);
}

static int
usage_prepare (const cc_chart_data *d, void **state, int *draw, cc_err *err)
{
  const cc_valuecase *vc = d->vc;
  const cc_value_model *m = &vc->model;
  long k = cc_chart_fitted_driver (vc);
  usage_state *u;
  int rc;

  if (k < 0)
    return CC_OK;
  if ((u = calloc (1, sizeof *u)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  *state = u;
  u->fit = m->driver[k].fit;
  u->s = vc->fitdata[k];
  u->title = m->driver[k].title;
  /* The band reaches the end of the contract. */
  rc = cc_fit_band (u->fit, u->s, m->start_month + m->months - 1, vc->levels,
                    vc->nlevels, CC_FIT_BAND_DRAWS, m->seed, &u->band, err);
  if (rc != CC_OK)
    return rc;
  cc_label_printf (u->text.title, sizeof u->text.title, "%s: fitted %s growth",
            m->driver[k].title, u->fit->model->name);
  cc_label_printf (u->text.subtitle, sizeof u->text.subtitle,
            "%zu months of data; median with %g%% and %g%% prediction "
            "bands (parametric Monte Carlo)", u->s->n, u->band.level_narrow,
            u->band.level_wide);
  cc_label_printf (u->text.source, sizeof u->text.source,
            "Data: %s. Chart: cloudcast.", u->s->key);
  u->fan.unit = u->s->unit;
  u->fan.n = u->s->n;
  u->fan.month = u->s->month;
  u->fan.y = u->s->y;
  u->fan.h = u->band.h;
  u->fan.fmonth = u->band.month;
  u->fan.median = u->band.median;
  u->fan.lo_narrow = u->band.lo_narrow;
  u->fan.hi_narrow = u->band.hi_narrow;
  u->fan.lo_wide = u->band.lo_wide;
  u->fan.hi_wide = u->band.hi_wide;
  u->fan.level_lo = u->band.level_narrow;
  u->fan.level_hi = u->band.level_wide;
  *draw = 1;
  return CC_OK;
}

static void
usage_draw (cc_gp *gp, const void *state, const cc_gp_outputs *o)
{
  const usage_state *u = state;
  cc_chart_frame fr = cc_chart_frame_of (&u->text, o);
  cc_chart_fan_draw (gp, &fr, &u->fan);
}

static void
usage_alt (const cc_chart_data *d, const void *state, FILE *fp)
{
  const usage_state *u = state;
  const cc_fitband *b = &u->band;
  size_t h = b->h;
  char m0[16], m1[16], a[64], lo[64], hi[64];

  cc_month_format (b->month[h - 1], m1, sizeof m1);
  cc_month_format (u->s->month[0], m0, sizeof m0);
  cc_amount_words (b->median[h - 1], a, sizeof a);
  cc_amount_words (b->lo_wide[h - 1], lo, sizeof lo);
  cc_amount_words (b->hi_wide[h - 1], hi, sizeof hi);
  fprintf (fp,
            "Fan chart of %s: %zu monthly points from %s, then the fitted %s "
            "curve to %s with median %s %s and a %g%% band from %s to %s.",
            u->title, u->s->n, m0, u->fit->model->name, m1, a, u->s->unit,
            b->level_wide, lo, hi);
}

const cc_chart_kind cc_chart_kind_usage = {
  .stem = "usage",
  .title = "Fitted growth with prediction bands",
  .group = CC_CHARTS_FIT,
  .preview = 0,
  .prepare = usage_prepare,
  .draw = usage_draw,
  .alt = usage_alt,
  .free = usage_free
};
