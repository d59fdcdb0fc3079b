/* report.c: facts.txt, projection.csv and cost.csv. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "core/csvwrite.h"
#include "core/json.h"
#include "core/timeutil.h"
#include "core/units.h"


static void
date_str (const cc_date *d, char *buf, size_t size)
{
  if (d->day > 0)
    snprintf (buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
  else
    snprintf (buf, size, "%04d-%02d", d->year, d->month);
}

/* The binary unit with the same prefix as a decimal one: TB -> TiB. */
static const cc_size_unit *
binary_twin (const cc_size_unit *u)
{
  char name[8];
  if (u->system == CC_UNIT_BINARY || strlen (u->name) != 2)
    return NULL;
  snprintf (name, sizeof name, "%ciB", u->name[0]);
  return cc_size_unit_find (name);
}

int
cc_report_facts (FILE *fp, const cc_case_view *v)
{
  const cc_reported_metric *m = v->metric;
  const cc_reported_point *p0 = &m->point[0], *p1 = &m->point[m->n - 1];
  const cc_growth_facts *f = &v->facts;
  const cc_size_unit *twin = binary_twin (m->unit);
  double photo = v->photo_mib * 1048576.0;
  char d0[40], d1[40], a[64], b[64], c[64];
  size_t i;

  date_str (&p0->date, d0, sizeof d0);
  date_str (&p1->date, d1, sizeof d1);
  cc_group_digits (f->y0, 0, a, sizeof a);
  cc_group_digits (f->y1, 0, b, sizeof b);
  {
    size_t len = strlen (m->metric) + 1;
    char *title = malloc (len);
    if (title == NULL)
      return -1;
    cc_reported_title (m->metric, NULL, title, len);
    fprintf (fp, "Growth facts: %s\n\n", title);
    free (title);
  }
  fprintf (fp, "Reported: %s %s (%s) and %s %s (%s), %.3g months apart.\n",
           a, v->unit, d0, b, v->unit, d1, f->dt);
  if (strcmp (p0->source, p1->source) == 0)
    fprintf (fp, "Source: %s\n", p0->source);
  else
    fprintf (fp, "Sources: %s (%s); %s (%s)\n", p0->source, d0, p1->source, d1);
  if (m->n > 2)
    fprintf (fp, "Note: the file has %zu figures; these facts use the first "
             "and the last.\n", m->n);

  fprintf (fp, "\nGrowth multiple: \u00d7%.3g in %.3g months.\n",
           f->multiple, f->dt);
  /* Prose to three significant figures (the precision policy). */
  cc_sig_number (100 * f->rate_disc, 3, a, sizeof a);
  cc_sig_number (f->rate_cont, 3, b, sizeof b);
  fprintf (fp, "Monthly growth rate: %s%% per month compounded "
           "(continuous rate %s per month).\n", a, b);
  cc_sig_number (f->annual_multiple, 3, b, sizeof b);
  cc_sig_number (100 * (f->annual_multiple - 1), 3, a, sizeof a);
  fprintf (fp, "Annualised: \u00d7%s per year if that rate held "
           "(%s%s%% a year).\n", b, f->annual_multiple >= 1 ? "+" : "", a);
  if (isfinite (f->doubling_months))
    {
      cc_sig_number (f->doubling_months, 3, a, sizeof a);
      fprintf (fp, "Doubling time: %s months at that rate.\n", a);
    }
  else
    fprintf (fp, "Doubling time: none (usage did not grow).\n");
  cc_sig_number (f->slope, 3, a, sizeof a);
  fprintf (fp, "Linear slope: %s %s per month (straight line through both "
           "figures).\n", a, v->unit);

  /* Photos: the assumption is the photo size and the meaning of "TB". */
  if (twin != NULL)
    {
      double bin = f->y1 * twin->bytes / photo;
      double dec = f->y1 * v->unit_bytes / photo;
      char nb[CC_GROUP_MAX], nd[CC_GROUP_MAX];
      cc_group_digits (f->y1, 0, a, sizeof a);
      cc_amount_words (bin, nb, sizeof nb);
      cc_amount_words (dec, nd, sizeof nd);
      fprintf (fp, "\nEquivalent to about %s photos, assuming %.3g MiB per "
               "photo and reading %s %s as %s %s (binary, %s = 2^%d bytes); "
               "read as decimal %s (10^%d bytes) it is about %s.\n",
               nb, v->photo_mib, a, v->unit, a, twin->name, twin->name,
               (int) lround (log2 (twin->bytes)), v->unit,
               (int) lround (log10 (v->unit_bytes)), nd);
    }
  else
    {
      cc_amount_words (f->y1 * v->unit_bytes / photo, a, sizeof a);
      fprintf (fp, "\nEquivalent to about %s photos, assuming %.3g MiB per "
               "photo.\n", a, v->photo_mib);
    }

  fprintf (fp, "\nWhat two figures cannot say: they fix one growth rate and "
           "nothing more. Every curve beyond %s is an assumption, shown as "
           "a named scenario, not a forecast with a statistical range.\n",
           d1);
  if (v->months >= 12)
    {
      cc_month_format (v->anchor_month + 12, c, sizeof c);
      fprintf (fp, "\nScenarios at +12 months (%s):\n", c);
      for (i = 0; i < v->nscn; i++)
        {
          cc_group_digits (v->proj[i * (size_t) v->months + 11], 0, a, sizeof a);
          fprintf (fp, "  %-44s %10s %s\n", v->scn[i].label, a, v->unit);
        }
    }
  return ferror (fp) ? -1 : 0;
}

/* One row per month of each of the N paths of SCN (values PROJ). */
static void
paths_csv (FILE *fp, const cc_case_view *v, const cc_scenario *scn,
           size_t n, const double *proj)
{
  size_t i;
  int h;
  char mon[16];
  for (i = 0; i < n; i++)
    for (h = 1; h <= v->months; h++)
      {
        cc_month_format (v->anchor_month + h, mon, sizeof mon);
        fprintf (fp, "%s,", mon);
        cc_csv_field (fp, scn[i].name);
        fprintf (fp, ",%.6f\n",
                 proj[i * (size_t) v->months + (size_t) (h - 1)]);
      }
}

int
cc_report_projection_csv (FILE *fp, const cc_case_view *v)
{
  fputs ("month,scenario,", fp);
  cc_csv_field (fp, v->unit);
  putc ('\n', fp);
  paths_csv (fp, v, v->scn, v->nscn, v->proj);
  paths_csv (fp, v, v->own, v->nown, v->own_proj);
  return ferror (fp) ? -1 : 0;
}

int
cc_report_cost_csv (FILE *fp, const cc_case_view *v, const double *cost,
                    const char *currency)
{
  size_t i;
  int h;
  char mon[16], cum_name[64];
  snprintf (cum_name, sizeof cum_name, "cumulative_%s", currency);
  fputs ("month,scenario,", fp);
  cc_csv_field (fp, currency);
  putc (',', fp);
  cc_csv_field (fp, cum_name);
  putc ('\n', fp);
  for (i = 0; i < v->nscn; i++)
    {
      double cum = 0;
      for (h = 1; h <= v->months; h++)
        {
          double c = cost[i * (size_t) v->months + (size_t) (h - 1)];
          cum += c;
          cc_month_format (v->anchor_month + h, mon, sizeof mon);
          fprintf (fp, "%s,", mon);
          cc_csv_field (fp, v->scn[i].name);
          fprintf (fp, ",%.2f,%.2f\n", c, cum);
        }
    }
  return ferror (fp) ? -1 : 0;
}

/* The two-point facts at the digits the facts are quoted with. */
static json_t *
json_facts (const cc_growth_facts *f)
{
  json_t *o = json_object ();
  cc_json_set (o, "months", cc_json_num (f->dt, 6));
  cc_json_set (o, "multiple", cc_json_num (f->multiple, 10));
  cc_json_set (o, "rate_continuous", cc_json_num (f->rate_cont, 10));
  cc_json_set (o, "rate_monthly", cc_json_num (f->rate_disc, 10));
  cc_json_set (o, "annual_multiple", cc_json_num (f->annual_multiple, 10));
  /* null when usage did not grow (no doubling time). */
  cc_json_set (o, "doubling_months", cc_json_num (f->doubling_months, 10));
  cc_json_set (o, "slope_per_month", cc_json_num (f->slope, 10));
  return o;
}

/* Scenario I's months: usage and, when COST is not NULL, cost and the
   running total. */
static json_t *
json_scenario_months (const cc_case_view *v, size_t i, const double *cost)
{
  json_t *a = json_array ();
  double cum = 0;
  char mon[16];
  int h;
  for (h = 1; h <= v->months; h++)
    {
      size_t k = i * (size_t) v->months + (size_t) (h - 1);
      json_t *o = json_object ();
      cc_month_format (v->anchor_month + h, mon, sizeof mon);
      cc_json_set (o, "month", cc_json_str (mon));
      cc_json_set (o, "usage", cc_json_fixed (v->proj[k], 6));
      if (cost != NULL)
        {
          cum += cost[k];
          cc_json_set (o, "cost", cc_json_fixed (cost[k], 2));
          cc_json_set (o, "cumulative_cost", cc_json_fixed (cum, 2));
        }
      cc_json_push (a, o);
    }
  return a;
}

int
cc_report_storage_json (FILE *fp, const cc_case_view *v, const double *cost,
                        const char *currency)
{
  json_t *root = json_object (), *scn = json_array ();
  size_t i;
  int rc;

  cc_json_set (root, "metric", cc_json_str (v->metric->metric));
  cc_json_set (root, "unit", cc_json_str (v->unit));
  cc_json_set (root, "facts", json_facts (&v->facts));
  cc_json_set (root, "currency", cc_json_str (currency ? currency : ""));
  for (i = 0; i < v->nscn; i++)
    {
      json_t *o = json_object ();
      cc_json_set (o, "name", cc_json_str (v->scn[i].name));
      cc_json_set (o, "label", cc_json_str (v->scn[i].label));
      cc_json_set (o, "months", json_scenario_months (v, i, cost));
      cc_json_push (scn, o);
    }
  cc_json_set (root, "scenarios", scn);
  rc = cc_json_dump (fp, root, 15);
  json_decref (root);
  return rc != 0 || ferror (fp) ? -1 : 0;
}
