/* report_value.c: contract-value tables as CSV and JSON. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "report/report_value.h"
#include "core/timeutil.h"

/* A CSV field: quoted when it holds a comma, quote or newline. */
static void
csv_field (FILE *fp, const char *s)
{
  if (strpbrk (s, ",\"\r\n") == NULL)
    {
      fputs (s, fp);
      return;
    }
  putc ('"', fp);
  for (; *s; s++)
    {
      if (*s == '"')
        putc ('"', fp);
      putc (*s, fp);
    }
  putc ('"', fp);
}

void
cc_report_json_str (FILE *fp, const char *s)
{
  putc ('"', fp);
  for (; *s; s++)
    {
      unsigned char ch = (unsigned char) *s;
      if (ch == '"' || ch == '\\')
        fprintf (fp, "\\%c", ch);
      else if (ch < 0x20)
        fprintf (fp, "\\u%04x", ch);
      else
        putc (ch, fp);
    }
  putc ('"', fp);
}

static void
json_range (FILE *fp, const cc_range *r)
{
  fprintf (fp, "{\"p10\": %.2f, \"p50\": %.2f, \"p90\": %.2f, \"mean\": %.2f}",
           r->p10, r->p50, r->p90, r->mean);
}

int
cc_report_value_summary_csv (FILE *fp, const cc_valuecase *c,
                             const cc_value_result *r)
{
  int y;
  fprintf (fp, "measure,%s_p10,%s_p50,%s_p90,%s_mean\n", c->currency,
           c->currency, c->currency, c->currency);
  fprintf (fp, "term_total,%.2f,%.2f,%.2f,%.2f\n", r->total.p10, r->total.p50,
           r->total.p90, r->total.mean);
  fprintf (fp, "npv_at_%g,%.2f,%.2f,%.2f,%.2f\n", c->model.discount_rate,
           r->npv.p10, r->npv.p50, r->npv.p90, r->npv.mean);
  for (y = 0; y < r->nyears; y++)
    fprintf (fp, "year_%d,%.2f,%.2f,%.2f,%.2f\n", y + 1, r->yearly[y].p10,
             r->yearly[y].p50, r->yearly[y].p90, r->yearly[y].mean);
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_monthly_csv (FILE *fp, const cc_valuecase *c,
                             const cc_value_result *r)
{
  size_t f, F = r->nfamily + 1;
  int mo;
  char mon[16];
  fprintf (fp, "month,family,%s_p10,%s_p50,%s_p90\n", c->currency,
           c->currency, c->currency);
  for (mo = 0; mo < r->months; mo++)
    {
      cc_month_format (c->model.start_month + mo, mon, sizeof mon);
      for (f = 0; f < F; f++)
        {
          const cc_range *x = &r->monthly[(size_t) mo * F + f];
          fprintf (fp, "%s,%s,%.2f,%.2f,%.2f\n", mon,
                   f < r->nfamily ? r->family[f] : "all", x->p10, x->p50, x->p90);
        }
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_drivers_csv (FILE *fp, const cc_valuecase *c,
                             const cc_value_result *r)
{
  size_t d, j;
  fprintf (fp, "driver,family,label,skus,source,%s_p10,%s_p50,%s_p90\n",
           c->currency, c->currency, c->currency);
  for (d = 0; d < c->model.ndriver; d++)
    {
      const cc_driver *dr = &c->model.driver[d];
      char skus[512] = "";
      for (j = 0; j < dr->price[0].nsku; j++)
        {
          size_t n = strlen (skus);
          snprintf (skus + n, sizeof skus - n, "%s%s", j ? " " : "",
                    dr->price[0].sku[j]);
        }
      fprintf (fp, "%s,%s,", dr->name, dr->family);
      csv_field (fp, dr->label);
      putc (',', fp);
      csv_field (fp, skus);
      putc (',', fp);
      csv_field (fp, dr->source);
      fprintf (fp, ",%.2f,%.2f,%.2f\n", r->driver_total[d].p10,
               r->driver_total[d].p50, r->driver_total[d].p90);
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_driver_monthly_csv (FILE *fp, const cc_valuecase *c,
                                    const cc_value_result *r)
{
  size_t d, D = c->model.ndriver;
  int mo;
  char mon[16];
  fprintf (fp, "month,driver,family,%s_p10,%s_p50,%s_p90\n", c->currency,
           c->currency, c->currency);
  for (mo = 0; mo < r->months; mo++)
    {
      cc_month_format (c->model.start_month + mo, mon, sizeof mon);
      for (d = 0; d < D; d++)
        {
          const cc_range *x = &r->driver_monthly[(size_t) mo * D + d];
          fprintf (fp, "%s,%s,%s,%.2f,%.2f,%.2f\n", mon,
                   c->model.driver[d].name, c->model.driver[d].family, x->p10,
                   x->p50, x->p90);
        }
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_tornado_csv (FILE *fp, const cc_valuecase *c,
                             const cc_value_result *r)
{
  size_t i;
  fprintf (fp, "assumption,distribution,value_at_p10,value_at_p90,"
           "total_at_p10_%s,total_at_p90_%s,swing_%s\n", c->currency,
           c->currency, c->currency);
  for (i = 0; i < r->nbar; i++)
    {
      const cc_tornado_bar *b = &r->bar[i];
      fprintf (fp, "%s,", b->assumption);
      csv_field (fp, b->spec);
      fprintf (fp, ",%.6g,%.6g,%.2f,%.2f,%.2f\n", b->low_value, b->high_value,
               b->total_low, b->total_high, b->swing);
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_cross_csv (FILE *fp, const cc_valuecase *c,
                           const cc_value_result *r)
{
  size_t p;
  fprintf (fp, "provider,term_total_%s_at_median_assumptions,drivers_not_priced,"
           "common_drivers_total_%s\n", c->currency, c->currency);
  for (p = 0; p < c->model.nprovider; p++)
    fprintf (fp, "%s,%.2f,%d,%.2f\n", c->model.provider[p], r->cross[p],
             r->cross_missing[p], r->cross_common[p]);
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_json (FILE *fp, const cc_valuecase *c, const cc_value_result *r)
{
  size_t i, f, F = r->nfamily + 1;
  int mo, y;
  char mon[16];

  fputs ("{\n  \"scenario\": ", fp);
  cc_report_json_str (fp, c->name);
  fputs (",\n  \"currency\": ", fp);
  cc_report_json_str (fp, c->currency);
  cc_month_format (c->model.start_month, mon, sizeof mon);
  fprintf (fp, ",\n  \"start\": \"%s\",\n  \"months\": %d,\n  \"draws\": %zu,\n"
           "  \"seed\": %lu,\n  \"discount_rate\": %g,\n", mon, r->months,
           c->model.draws, c->model.seed, c->model.discount_rate);
  fputs ("  \"term_total\": ", fp);
  json_range (fp, &r->total);
  fputs (",\n  \"npv\": ", fp);
  json_range (fp, &r->npv);
  fprintf (fp, ",\n  \"median_assumptions_total\": %.2f,\n  \"years\": [",
           r->median_total);
  for (y = 0; y < r->nyears; y++)
    {
      fputs (y ? ", " : "", fp);
      json_range (fp, &r->yearly[y]);
    }
  fputs ("],\n  \"drivers\": [", fp);
  for (i = 0; i < c->model.ndriver; i++)
    {
      const cc_driver *dr = &c->model.driver[i];
      fputs (i ? ",\n    {" : "\n    {", fp);
      fputs ("\"name\": ", fp);
      cc_report_json_str (fp, dr->name);
      fputs (", \"family\": ", fp);
      cc_report_json_str (fp, dr->family);
      fputs (", \"label\": ", fp);
      cc_report_json_str (fp, dr->label);
      fputs (", \"source\": ", fp);
      cc_report_json_str (fp, dr->source);
      fputs (", \"total\": ", fp);
      json_range (fp, &r->driver_total[i]);
      putc ('}', fp);
    }
  fputs ("\n  ],\n  \"tornado\": [", fp);
  for (i = 0; i < r->nbar; i++)
    {
      const cc_tornado_bar *b = &r->bar[i];
      fputs (i ? ",\n    {" : "\n    {", fp);
      fputs ("\"assumption\": ", fp);
      cc_report_json_str (fp, b->assumption);
      fputs (", \"distribution\": ", fp);
      cc_report_json_str (fp, b->spec);
      fprintf (fp, ", \"value_at_p10\": %.6g, \"value_at_p90\": %.6g, "
               "\"total_at_p10\": %.2f, \"total_at_p90\": %.2f, \"swing\": %.2f}",
               b->low_value, b->high_value, b->total_low, b->total_high, b->swing);
    }
  fputs ("\n  ],\n  \"cross_cloud\": [", fp);
  for (i = 0; i < c->model.nprovider; i++)
    {
      fputs (i ? ",\n    {" : "\n    {", fp);
      fputs ("\"provider\": ", fp);
      cc_report_json_str (fp, c->model.provider[i]);
      fprintf (fp, ", \"total_at_median_assumptions\": %.2f, "
               "\"drivers_not_priced\": %d, \"common_drivers_total\": %.2f}",
               r->cross[i], r->cross_missing[i], r->cross_common[i]);
    }
  fputs ("\n  ],\n  \"unconfirmed_prices\": [", fp);
  for (i = 0; i < r->nunconfirmed; i++)
    {
      fputs (i ? ", " : "", fp);
      cc_report_json_str (fp, r->unconfirmed[i]);
    }
  fputs ("],\n  \"currency_conversions\": [", fp);
  for (i = 0; i < c->nconv; i++)
    {
      fputs (i ? ", " : "", fp);
      cc_report_json_str (fp, c->conversion[i]);
    }
  fputs ("],\n  \"monthly\": [", fp);
  for (mo = 0; mo < r->months; mo++)
    {
      cc_month_format (c->model.start_month + mo, mon, sizeof mon);
      fprintf (fp, "%s\n    {\"month\": \"%s\"", mo ? "," : "", mon);
      for (f = 0; f < F; f++)
        {
          fprintf (fp, ", \"%s\": ", f < r->nfamily ? r->family[f] : "all");
          json_range (fp, &r->monthly[(size_t) mo * F + f]);
        }
      putc ('}', fp);
    }
  fputs ("\n  ]\n}\n", fp);
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_text (FILE *fp, const cc_valuecase *c, const cc_value_result *r)
{
  char a[64], b[64], d[64];
  size_t i;
  int y;

  fprintf (fp, "%s\n", c->title);
  cc_group_digits (r->total.p10, 0, a, sizeof a);
  cc_group_digits (r->total.p50, 0, b, sizeof b);
  cc_group_digits (r->total.p90, 0, d, sizeof d);
  fprintf (fp, "Contract value over %d months at list prices less discounts "
           "(%s): P10 %s, P50 %s, P90 %s.\n", r->months, c->currency, a, b, d);
  cc_group_digits (r->npv.p10, 0, a, sizeof a);
  cc_group_digits (r->npv.p50, 0, b, sizeof b);
  cc_group_digits (r->npv.p90, 0, d, sizeof d);
  fprintf (fp, "Net present value at %g%% a year: P10 %s, P50 %s, P90 %s.\n",
           100 * c->model.discount_rate, a, b, d);
  for (y = 0; y < r->nyears; y++)
    {
      cc_group_digits (r->yearly[y].p50, 0, a, sizeof a);
      fprintf (fp, "  year %d: P50 %s\n", y + 1, a);
    }
  if (r->nbar > 0)
    {
      fprintf (fp, "What moves it most (each assumption at its P10 and P90, "
               "the rest at their medians):\n");
      for (i = 0; i < r->nbar && i < 3; i++)
        {
          cc_group_digits (r->bar[i].swing, 0, a, sizeof a);
          fprintf (fp, "  %zu. %s = %s: swing %s\n", i + 1, r->bar[i].assumption,
                   r->bar[i].spec, a);
        }
    }
  fprintf (fp, "Same usage, median assumptions, by provider (all drivers "
           "it prices; the %zu drivers every provider prices):\n", r->ncommon);
  for (i = 0; i < c->model.nprovider; i++)
    {
      cc_group_digits (r->cross[i], 0, a, sizeof a);
      cc_group_digits (r->cross_common[i], 0, b, sizeof b);
      fprintf (fp, "  %-8s %14s  %14s%s\n", c->model.provider[i], a, b,
               r->cross_missing[i] ? "  (some drivers not priced here)" : "");
    }
  for (i = 0; i < c->nconv; i++)
    fprintf (fp, "Converted: %s\n", c->conversion[i]);
  if (r->nunconfirmed > 0)
    {
      fprintf (fp, "Priced from UNCONFIRMED rows (check before quoting):");
      for (i = 0; i < r->nunconfirmed; i++)
        fprintf (fp, " %s", r->unconfirmed[i]);
      fputc ('\n', fp);
    }
  return ferror (fp) ? -1 : 0;
}
