/* chart_spend.c: median monthly spend stacked by family (spend.svg). */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/families.h"
#include "core/textutil.h"
#include "plots/charts.h"
#include "plots/palette.h"
#include "plots/registry.h"

void
cc_chart_spend_draw (cc_gp *gp, const cc_chart_frame *fr,
                     const cc_chart_spend *c)
{
  FILE *fp = cc_gp_stream (gp);
  char plot[4096], axis[128];
  size_t f, o = 0;
  int mo;
  double max = 0, div, run;

  for (mo = 0; mo < c->months; mo++)
    {
      for (f = 0, run = 0; f < c->nfamily; f++)
        run += c->p50[(size_t) mo * c->nfamily + f];
      max = fmax (max, fmax (run, c->total[mo]));
    }
  div = cc_chart_money_axis (max, c->currency, "per month (median)", axis,
                             sizeof axis);
  {
    const char *extra[9];
    for (f = 0; f < c->nfamily && f < 8; f++)
      extra[f] = c->family[f];
    extra[f] = "median total (the families' medians need not add up to it)";
    cc_chart_labels (gp, fr, axis, extra, f + 1);
  }
  /* Columns: date, then the running sum of families 1..k, so each family
     fills between its column and the one before. */
  fputs ("$DATA << EOD\n", fp);
  for (mo = 0; mo < c->months; mo++)
    {
      run = 0;
      cc_chart_put_month (fp, c->start_month + mo);
      fputs (" 0", fp);
      for (f = 0; f < c->nfamily; f++)
        {
          run += c->p50[(size_t) mo * c->nfamily + f];
          fprintf (fp, " %.17g", run / div);
        }
      fprintf (fp, " %.17g\n", c->total[mo] / div);
    }
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  cc_chart_setup_time (fp);
  fputs ("set style fill solid 0.85 noborder\n", fp);
  o += (size_t) snprintf (plot + o, sizeof plot - o, "plot");
  for (f = c->nfamily; f-- > 0;)
    o += (size_t) snprintf (plot + o, sizeof plot - o,
                            "%s $DATA using 1:%zu:%zu with filledcurves "
                            "lc rgb '%s' title $LBL[%zu][2:]",
                            f + 1 < c->nfamily ? "," : "", f + 2, f + 3,
                            cc_palette_colour (CC_PALETTE_VALUE, f), 9 + f);
  o += (size_t) snprintf (plot + o, sizeof plot - o, ", $DATA using 1:%zu "
                          "with lines lw 2.5 lc rgb '" CC_RGB_BLACK "' "
                          "title $LBL[%zu][2:]", c->nfamily + 3,
                          9 + c->nfamily);
  cc_gp_render (gp, plot, &fr->out);
}

/* ---- the registered kind ---------------------------------------------- */

typedef struct
{
  cc_chart_text text;
  const char *family[8];
  double *p50;              /* months x nfamily */
  double *total;            /* months */
  cc_chart_spend sp;
} spend_state;

static void
spend_free (void *state)
{
  spend_state *s = state;
  if (s != NULL)
    {
      free (s->p50);
      free (s->total);
    }
  free (s);
}

static int
spend_prepare (const cc_chart_data *d, void **state, int *draw, cc_err *err)
{
  const cc_valuecase *c = d->vc;
  const cc_value_result *r = d->vr;
  size_t F = r->nfamily + 1, f;
  spend_state *s;
  int mo;

  if ((s = calloc (1, sizeof *s)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  *state = s;
  s->p50 = malloc ((size_t) r->months * r->nfamily * sizeof *s->p50);
  s->total = malloc ((size_t) r->months * sizeof *s->total);
  if (s->p50 == NULL || s->total == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (mo = 0; mo < r->months; mo++)
    {
      for (f = 0; f < r->nfamily; f++)
        s->p50[(size_t) mo * r->nfamily + f]
          = r->monthly[(size_t) mo * F + f].p50;
      s->total[mo] = r->monthly[(size_t) mo * F + F - 1].p50;
    }
  for (f = 0; f < r->nfamily; f++)
    s->family[f] = cc_family_label (r->family[f]);
  cc_label_printf (s->text.title, sizeof s->text.title, "%s: monthly spend by family",
            c->title);
  cc_label_printf (s->text.subtitle, sizeof s->text.subtitle, "Median of %zu draws; "
            "%s, %s list prices with the scenario's adjustments",
            c->model.draws, c->currency,
            cc_provider_label (c->model.provider[0]));
  cc_chart_value_source (c, &s->text);
  cc_chart_value_not_priced (c, &s->text);
  s->sp.start_month = c->model.start_month;
  s->sp.months = r->months;
  s->sp.nfamily = r->nfamily;
  s->sp.family = s->family;
  s->sp.p50 = s->p50;
  s->sp.total = s->total;
  s->sp.currency = c->currency;
  *draw = 1;
  return CC_OK;
}

static void
spend_draw (cc_gp *gp, const void *state, const cc_gp_outputs *o)
{
  const spend_state *s = state;
  cc_chart_frame fr = cc_chart_frame_of (&s->text, o);
  cc_chart_spend_draw (gp, &fr, &s->sp);
}

static void
spend_alt (const cc_chart_data *d, const void *state, FILE *fp)
{
  const cc_value_result *r = d->vr;
  size_t F = r->nfamily + 1, f, top = 0;
  const cc_range *last = &r->monthly[(size_t) (r->months - 1) * F];
  char a[64], b[64];

  for (f = 1; f < r->nfamily; f++)
    if (last[f].p50 > last[top].p50)
      top = f;
  cc_amount_words (r->monthly[F - 1].p50, a, sizeof a);
  cc_amount_words (last[F - 1].p50, b, sizeof b);
  fprintf (fp,
            "Stacked area chart of median monthly spend by family (%zu "
            "families) with the median total as a line: the median total "
            "goes from %s %s in the first month to %s %s in the last; "
            "%s is the largest family at the end.", r->nfamily, a,
            d->vc->currency, b, d->vc->currency,
            cc_family_label (r->family[top]));
}

const cc_chart_kind cc_chart_kind_spend = {
  .stem = "spend",
  .title = "Monthly spend by family",
  .group = CC_CHARTS_VALUE,
  .preview = 0,
  .prepare = spend_prepare,
  .draw = spend_draw,
  .alt = spend_alt,
  .free = spend_free
};
