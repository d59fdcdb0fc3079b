/* report.c: facts.txt, projection.csv and cost.csv. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "report/report.h"
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
  fprintf (fp, "Growth facts: %s\n\n", m->metric);
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
  fprintf (fp, "Monthly growth rate: %.1f%% per month compounded "
           "(continuous rate %.4f per month).\n", 100 * f->rate_disc,
           f->rate_cont);
  cc_group_digits (100 * (f->annual_multiple - 1), 0, a, sizeof a);
  fprintf (fp, "Annualised: \u00d7%.2f per year if that rate held "
           "(+%s%% a year).\n", f->annual_multiple, a);
  if (isfinite (f->doubling_months))
    fprintf (fp, "Doubling time: %.2f months at that rate.\n",
             f->doubling_months);
  else
    fprintf (fp, "Doubling time: none (usage did not grow).\n");
  cc_group_digits (f->slope, 1, a, sizeof a);
  fprintf (fp, "Linear slope: %s %s per month (straight line through both "
           "figures).\n", a, v->unit);

  /* Photos: the assumption is the photo size and the meaning of "TB". */
  if (twin != NULL)
    {
      double bin = f->y1 * twin->bytes / photo;
      double dec = f->y1 * v->unit_bytes / photo;
      cc_group_digits (f->y1, 0, a, sizeof a);
      fprintf (fp, "\nEquivalent to about %.0f million photos, assuming "
               "%.3g MiB per photo and reading %s %s as %s %s (binary, "
               "%s = 2^%d bytes), which is how the reported \"about 490 "
               "million images\" comes out; read as decimal %s (10^%d "
               "bytes) it is about %.0f million.\n",
               bin / 1e6, v->photo_mib, a, v->unit, a, twin->name,
               twin->name, (int) lround (log2 (twin->bytes)), v->unit,
               (int) lround (log10 (v->unit_bytes)), dec / 1e6);
    }
  else
    fprintf (fp, "\nEquivalent to about %.0f million photos, assuming %.3g "
             "MiB per photo.\n", f->y1 * v->unit_bytes / photo / 1e6,
             v->photo_mib);

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

int
cc_report_projection_csv (FILE *fp, const cc_case_view *v)
{
  size_t i;
  int h;
  char mon[16];
  fprintf (fp, "month,scenario,%s\n", v->unit);
  for (i = 0; i < v->nscn; i++)
    for (h = 1; h <= v->months; h++)
      {
        cc_month_format (v->anchor_month + h, mon, sizeof mon);
        fprintf (fp, "%s,%s,%.6f\n", mon, v->scn[i].name,
                 v->proj[i * (size_t) v->months + (size_t) (h - 1)]);
      }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_cost_csv (FILE *fp, const cc_case_view *v, const double *cost,
                    const char *currency)
{
  size_t i;
  int h;
  char mon[16];
  fprintf (fp, "month,scenario,%s,cumulative_%s\n", currency, currency);
  for (i = 0; i < v->nscn; i++)
    {
      double cum = 0;
      for (h = 1; h <= v->months; h++)
        {
          double c = cost[i * (size_t) v->months + (size_t) (h - 1)];
          cum += c;
          cc_month_format (v->anchor_month + h, mon, sizeof mon);
          fprintf (fp, "%s,%s,%.2f,%.2f\n", mon, v->scn[i].name, c, cum);
        }
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_storage_json (FILE *fp, const cc_case_view *v, const double *cost,
                        const char *currency)
{
  const cc_growth_facts *f = &v->facts;
  size_t i;
  int h;
  char mon[16];

  fputs ("{\n  \"metric\": ", fp);
  cc_report_json_str (fp, v->metric->metric);
  fputs (",\n  \"unit\": ", fp);
  cc_report_json_str (fp, v->unit);
  fprintf (fp, ",\n  \"facts\": {\"months\": %.6g, \"multiple\": %.10g, "
           "\"rate_continuous\": %.10g, \"rate_monthly\": %.10g, "
           "\"annual_multiple\": %.10g, \"doubling_months\": %.10g, "
           "\"slope_per_month\": %.10g},\n  \"currency\": ",
           f->dt, f->multiple, f->rate_cont, f->rate_disc, f->annual_multiple,
           f->doubling_months, f->slope);
  cc_report_json_str (fp, currency ? currency : "");
  fputs (",\n  \"scenarios\": [", fp);
  for (i = 0; i < v->nscn; i++)
    {
      double cum = 0;
      fputs (i ? ",\n    {" : "\n    {", fp);
      fputs ("\"name\": ", fp);
      cc_report_json_str (fp, v->scn[i].name);
      fputs (", \"label\": ", fp);
      cc_report_json_str (fp, v->scn[i].label);
      fputs (", \"months\": [", fp);
      for (h = 1; h <= v->months; h++)
        {
          size_t k = i * (size_t) v->months + (size_t) (h - 1);
          cc_month_format (v->anchor_month + h, mon, sizeof mon);
          fprintf (fp, "%s{\"month\": \"%s\", \"usage\": %.6f", h > 1 ? ", " : "",
                   mon, v->proj[k]);
          if (cost != NULL)
            {
              cum += cost[k];
              fprintf (fp, ", \"cost\": %.2f, \"cumulative_cost\": %.2f",
                       cost[k], cum);
            }
          putc ('}', fp);
        }
      fputs ("]}", fp);
    }
  fputs ("\n  ]\n}\n", fp);
  return ferror (fp) ? -1 : 0;
}
