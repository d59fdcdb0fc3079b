/* chart_crosscloud.c: the same usage priced on each provider
 * (crosscloud.svg). */
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
cc_chart_cross_draw (cc_gp *gp, const cc_chart_frame *fr,
                     const cc_chart_cross *c)
{
  FILE *fp = cc_gp_stream (gp);
  size_t i;
  char axis[160];
  double max = 0, div;

  for (i = 0; i < c->nprovider; i++)
    max = fmax (max, c->total[i]);
  div = cc_chart_money_axis (max, c->currency,
                             "term total at median assumptions", axis,
                             sizeof axis);
  {
    const char *lbl[CC_MAX_PROVIDERS + 2];
    for (i = 0; i < c->nprovider && i < CC_MAX_PROVIDERS; i++)
      lbl[i] = c->provider[i];
    lbl[i] = c->note[0] ? c->note[0] : "";
    lbl[i + 1] = c->note[1] ? c->note[1] : "";
    cc_chart_labels (gp, fr, axis, lbl, i + 2);
  }
  fputs ("$DATA << EOD\n", fp);
  for (i = 0; i < c->nprovider; i++)
    fprintf (fp, " %zu %.17g %ld\n", i, c->total[i] / div,
             strtol (cc_palette_colour (CC_PALETTE_VALUE, i) + 1, NULL, 16));
  fputs ("EOD\n", fp);
  cc_gp_guard (gp);
  cc_chart_setup (fp);
  fputs ("set style fill solid 0.85 noborder\nset boxwidth 0.6\n"
         "unset key\nset yrange [0:*]\nset offsets 0, 0, graph 0.12, 0\n", fp);
  fprintf (fp, "set label 93 $LBL[%zu][2:] at graph 0.01, graph 0.97 left "
           "font ',10'\nset label 94 $LBL[%zu][2:] at graph 0.01, graph 0.92 "
           "left font ',10' tc rgb '" CC_RGB_NOTE "'\n", 9 + c->nprovider,
           10 + c->nprovider);
  fprintf (fp, "set xrange [-0.6:%zu.6]\nset xtics (", c->nprovider - 1);
  for (i = 0; i < c->nprovider; i++)
    fprintf (fp, "%s$LBL[%zu][2:] %zu", i ? ", " : "", 9 + i, i);
  fputs (")\n", fp);
  cc_gp_render (gp,
                "plot $DATA using 1:2:3 with boxes lc rgb variable, "
                "$DATA using 1:2:(sprintf(\"%.3g\", $2)) with labels "
                "offset 0,1 font ',10'", &fr->out);
}

/* ---- the registered kind ---------------------------------------------- */

typedef struct
{
  cc_chart_text text;
  const char *provider[CC_MAX_PROVIDERS];
  char label[CC_MAX_PROVIDERS][160];    /* "gcp (us-east4)" */
  char note[2][400];
  cc_chart_cross cr;
} cross_state;

static void
cross_free (void *state)
{
  free (state);
}

/* "Compared: storage, video" into COMPARED and "Not priced: aws vms,
   seats; gcp vms" (or "Every provider prices every driver") into
   MISSING, N bytes each. */
static void
cross_notes (const cc_valuecase *c, const cc_value_result *r, char *compared,
             char *missing, size_t n)
{
  char list[512];
  size_t p, k, len;
  cc_valuecase_priced_list (c, 0, 1, 1, list, sizeof list);
  cc_label_printf (compared, n, "Compared: %s", list);
  cc_label_printf (missing, n, "Every provider prices every driver");
  for (p = 0, k = 0; p < c->model.nprovider; p++)
    if (r->cross_missing[p] > 0)
      {
        len = k ? strlen (missing) : 0;
        cc_valuecase_priced_list (c, p, 0, 1, list, sizeof list);
        cc_label_printf (missing + len, n - len, "%s %s: %s",
                         k++ ? ";" : "Not priced on",
                         cc_provider_label (c->model.provider[p]), list);
      }
}

static int
cross_prepare (const cc_chart_data *d, void **state, int *draw, cc_err *err)
{
  const cc_valuecase *c = d->vc;
  const cc_value_result *r = d->vr;
  cross_state *s;
  size_t i;

  if ((s = calloc (1, sizeof *s)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  *state = s;
  /* Each bar names the regions its provider is priced in. */
  for (i = 0; i < c->model.nprovider; i++)
    {
      char regions[128];
      cc_valuecase_regions (c, i, 0, regions, sizeof regions);
      cc_label_printf (s->label[i], sizeof s->label[i], "%s (%s)",
                       cc_provider_label (c->model.provider[i]), regions);
      s->provider[i] = s->label[i];
    }
  cc_label_printf (s->text.title, sizeof s->text.title,
            "%s: the same usage on each provider", c->title);
  cc_label_printf (s->text.subtitle, sizeof s->text.subtitle,
            "%d-month total at median assumptions, only the %zu drivers "
            "every provider prices", r->months, r->ncommon);
  cross_notes (c, r, s->note[0], s->note[1], sizeof s->note[0]);
  s->cr.note[0] = s->note[0];
  s->cr.note[1] = s->note[1];
  cc_chart_value_source (c, &s->text);
  s->cr.nprovider = c->model.nprovider;
  s->cr.provider = s->provider;
  s->cr.total = r->cross_common;
  s->cr.currency = c->currency;
  *draw = 1;
  return CC_OK;
}

static void
cross_draw (cc_gp *gp, const void *state, const cc_gp_outputs *o)
{
  const cross_state *s = state;
  cc_chart_frame fr = cc_chart_frame_of (&s->text, o);
  cc_chart_cross_draw (gp, &fr, &s->cr);
}

static void
cross_alt (const cc_chart_data *d, const void *state, FILE *fp)
{
  const cc_valuecase *vc = d->vc;
  const cc_value_result *r = d->vr;
  const cross_state *s = state;
  size_t p;
  char a[64];

  fprintf (fp, "Bar chart: the same usage, at median assumptions, over the "
           "%zu drivers every provider prices (%s; %s):", r->ncommon,
           s->note[0], s->note[1]);
  for (p = 0; p < vc->model.nprovider; p++)
    {
      cc_amount_words (r->cross_common[p], a, sizeof a);
      fprintf (fp, "%s %s %s%s", p ? "," : "", s->label[p], a,
               p + 1 == vc->model.nprovider ? "." : "");
    }
}

const cc_chart_kind cc_chart_kind_crosscloud = {
  .stem = "crosscloud",
  .title = "The same usage on each provider",
  .group = CC_CHARTS_VALUE,
  .preview = 0,
  .prepare = cross_prepare,
  .draw = cross_draw,
  .alt = cross_alt,
  .free = cross_free
};
