/* chart_value.c: the cumulative contract value, its median and the P10 to
 * P90 band (value.svg). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textutil.h"
#include "core/timeutil.h"
#include "plots/charts.h"
#include "plots/palette.h"
#include "plots/registry.h"

void
cc_chart_cumulative_draw (cc_gp *gp, const cc_chart_frame *fr,
                          const cc_chart_cumulative *c)
{
  FILE *fp = cc_gp_stream (gp);
  static const char *const extra[] = { "P10 to P90", "median (P50)" };
  char axis[128];
  int mo;
  double div = cc_chart_money_axis (c->months ? c->p90[c->months - 1] : 0,
                                    c->currency, "cumulative", axis,
                                    sizeof axis);

  cc_chart_labels (gp, fr, axis, extra, 2);
  fputs ("$DATA << EOD\n", fp);
  for (mo = 0; mo < c->months; mo++)
    {
      cc_chart_put_month (fp, c->start_month + mo);
      fprintf (fp, " %.17g %.17g %.17g\n", c->p10[mo] / div,
               c->p50[mo] / div, c->p90[mo] / div);
    }
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  cc_chart_setup_time (fp);
  fputs ("set style fill transparent solid 0.35 noborder\n", fp);
  cc_gp_render (gp,
                "plot $DATA using 1:2:4 with filledcurves lc rgb '"
                CC_RGB_SKY "' title $LBL[9][2:], $DATA using 1:3 with lines "
                "lw 2.5 lc rgb '" CC_RGB_BLUE "' title $LBL[10][2:]", &fr->out);
}

/* ---- the registered kind ---------------------------------------------- */

typedef struct
{
  cc_chart_text text;
  double *p10, *p50, *p90;
  cc_chart_cumulative cu;
} value_state;

static void
value_free (void *state)
{
  value_state *s = state;
  if (s != NULL)
    {
      free (s->p10);
      free (s->p50);
      free (s->p90);
    }
  free (s);
}

static int
value_prepare (const cc_chart_data *d, void **state, int *draw, cc_err *err)
{
  const cc_valuecase *c = d->vc;
  const cc_value_result *r = d->vr;
  char a[64], b[64], e[64];
  value_state *s;
  int mo;

  if ((s = calloc (1, sizeof *s)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  *state = s;
  s->p10 = malloc ((size_t) r->months * sizeof *s->p10);
  s->p50 = malloc ((size_t) r->months * sizeof *s->p50);
  s->p90 = malloc ((size_t) r->months * sizeof *s->p90);
  if (!s->p10 || !s->p50 || !s->p90)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (mo = 0; mo < r->months; mo++)
    {
      s->p10[mo] = r->cumulative[mo].p10;
      s->p50[mo] = r->cumulative[mo].p50;
      s->p90[mo] = r->cumulative[mo].p90;
    }
  cc_amount_words (r->total.p10, a, sizeof a);
  cc_amount_words (r->total.p50, b, sizeof b);
  cc_amount_words (r->total.p90, e, sizeof e);
  cc_label_printf (s->text.title, sizeof s->text.title,
            "%s: cumulative contract value", c->title);
  cc_label_printf (s->text.subtitle, sizeof s->text.subtitle,
            "%d months: P10 %s, P50 %s, P90 %s %s", r->months, a, b, e,
            c->currency);
  cc_chart_value_source (c, &s->text);
  cc_chart_value_not_priced (c, &s->text);
  s->cu.start_month = c->model.start_month;
  s->cu.months = r->months;
  s->cu.p10 = s->p10;
  s->cu.p50 = s->p50;
  s->cu.p90 = s->p90;
  s->cu.currency = c->currency;
  *draw = 1;
  return CC_OK;
}

static void
value_draw (cc_gp *gp, const void *state, const cc_gp_outputs *o)
{
  const value_state *s = state;
  cc_chart_frame fr = cc_chart_frame_of (&s->text, o);
  cc_chart_cumulative_draw (gp, &fr, &s->cu);
}

static void
value_alt (const cc_chart_data *d, const void *state, FILE *fp)
{
  const cc_valuecase *vc = d->vc;
  const cc_value_result *r = d->vr;
  char a[64], b[64], c[64], m0[16], m1[16];

  cc_amount_words (r->total.p50, a, sizeof a);
  cc_amount_words (r->total.p10, b, sizeof b);
  cc_amount_words (r->total.p90, c, sizeof c);
  cc_month_format (vc->model.start_month, m0, sizeof m0);
  cc_month_format (vc->model.start_month + r->months - 1, m1, sizeof m1);
  fprintf (fp,
            "Area chart of cumulative contract value from %s to %s: median "
            "%s %s at the end, with an 80%% band from %s to %s %s.", m0, m1,
            a, vc->currency, b, c, vc->currency);
}

const cc_chart_kind cc_chart_kind_value = {
  .stem = "value",
  .title = "Cumulative contract value",
  .group = CC_CHARTS_VALUE,
  .preview = 0,
  .prepare = value_prepare,
  .draw = value_draw,
  .alt = value_alt,
  .free = value_free
};
