/* report_value.c: contract-value tables as CSV and JSON. */
#include <config.h>

#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/adjust.h"
#include "report/headline.h"
#include "report/report_value.h"
#include "core/csvwrite.h"
#include "core/json.h"
#include "core/timeutil.h"

/* The keys of the quantity sources in the tables. */
static const char *const source_key[CC_NSRC] = { "reported", "fitted",
                                                 "assumed" };

/* The field PREFIX<currency>SUFFIX after a comma. */
static void
currency_field (FILE *fp, const char *prefix, const char *currency,
                const char *suffix)
{
  char name[128];
  snprintf (name, sizeof name, "%s%s%s", prefix, currency, suffix);
  putc (',', fp);
  cc_csv_field (fp, name);
}

/* LEAD (plain column names), then <currency>_p10, _p50, _p90 and, with
   MEAN, _mean. */
static void
money_header (FILE *fp, const char *lead, const char *currency, int mean)
{
  fputs (lead, fp);
  currency_field (fp, "", currency, "_p10");
  currency_field (fp, "", currency, "_p50");
  currency_field (fp, "", currency, "_p90");
  if (mean)
    currency_field (fp, "", currency, "_mean");
  putc ('\n', fp);
}

/* ",P10,P50,P90[,MEAN]\n" to the cent. */
static void
money_cells (FILE *fp, const cc_range *x, int mean)
{
  fprintf (fp, ",%.2f,%.2f,%.2f", x->p10, x->p50, x->p90);
  if (mean)
    fprintf (fp, ",%.2f", x->mean);
  putc ('\n', fp);
}

int
cc_report_value_summary_csv (FILE *fp, const cc_valuecase *c,
                             const cc_value_result *r)
{
  char label[64];
  int y;
  money_header (fp, "measure", c->currency, 1);
  fputs ("term_total", fp);
  money_cells (fp, &r->total, 1);
  snprintf (label, sizeof label, "npv_at_%g", c->model.discount_rate);
  fputs (label, fp);
  money_cells (fp, &r->npv, 1);
  for (y = 0; y < r->nyears; y++)
    {
      fprintf (fp, "year_%d", y + 1);
      money_cells (fp, &r->yearly[y], 1);
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_monthly_csv (FILE *fp, const cc_valuecase *c,
                             const cc_value_result *r)
{
  size_t f, F = r->nfamily + 1;
  int mo;
  char mon[16];
  money_header (fp, "month,family", c->currency, 0);
  for (mo = 0; mo < r->months; mo++)
    {
      cc_month_format (c->model.start_month + mo, mon, sizeof mon);
      for (f = 0; f < F; f++)
        {
          const char *field[2];
          field[0] = mon;
          field[1] = f < r->nfamily ? r->family[f] : "all";
          cc_csv_fields (fp, field, 2);
          money_cells (fp, &r->monthly[(size_t) mo * F + f], 0);
        }
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_drivers_csv (FILE *fp, const cc_valuecase *c,
                             const cc_value_result *r)
{
  size_t d, j;
  money_header (fp, "driver,family,label,skus,source", c->currency, 0);
  for (d = 0; d < c->model.ndriver; d++)
    {
      const cc_driver *dr = &c->model.driver[d];
      const char *field[5];
      char skus[512] = "";
      for (j = 0; j < dr->price[0].nsku; j++)
        {
          size_t n = strlen (skus);
          snprintf (skus + n, sizeof skus - n, "%s%s", j ? " " : "",
                    dr->price[0].sku[j]);
        }
      if (dr->price[0].nsku == 0)     /* "not priced: no sku with ..." */
        cc_valuecase_sku_cell (c, d, 0, skus, sizeof skus);
      field[0] = dr->name;
      field[1] = dr->family;
      field[2] = dr->label;
      field[3] = skus;
      field[4] = dr->source;
      cc_csv_fields (fp, field, 5);
      if (dr->price[0].nsku == 0)
        fputs (",,,\n", fp);         /* no cost: not 0, not priced */
      else
        money_cells (fp, &r->driver_total[d], 0);
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_provenance_csv (FILE *fp, const cc_valuecase *c,
                                const cc_value_result *r)
{
  static const char *const head[7] = { "driver", "family", "quantity_source",
                                       "what", "set_in", "source",
                                       "p50_share" };
  size_t d;
  cc_csv_record (fp, head, 7);
  for (d = 0; d < c->model.ndriver; d++)
    {
      const cc_driver *dr = &c->model.driver[d];
      char what[2048], set_in[160];
      const char *field[6];
      cc_driver_basis (c, d, what, sizeof what, set_in, sizeof set_in);
      field[0] = dr->name;
      field[1] = dr->family;
      field[2] = source_key[cc_driver_source (dr)];
      field[3] = what;
      field[4] = set_in;
      field[5] = dr->source[0] ? dr->source : "the scenario";
      cc_csv_fields (fp, field, 6);
      fprintf (fp, ",%.6f\n", r->driver_p50_share[d]);
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
  money_header (fp, "month,driver,family", c->currency, 0);
  for (mo = 0; mo < r->months; mo++)
    {
      cc_month_format (c->model.start_month + mo, mon, sizeof mon);
      for (d = 0; d < D; d++)
        {
          const char *field[3];
          field[0] = mon;
          field[1] = c->model.driver[d].name;
          field[2] = c->model.driver[d].family;
          cc_csv_fields (fp, field, 3);
          money_cells (fp, &r->driver_monthly[(size_t) mo * D + d], 0);
        }
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_quantities_csv (FILE *fp, const cc_valuecase *c,
                                const cc_value_result *r)
{
  static const char *const head[8] = { "driver", "title", "unit", "year",
                                       "month", "p10", "p50", "p90" };
  size_t d, D = c->model.ndriver;
  int y;
  char mon[16];
  cc_csv_record (fp, head, 8);
  for (d = 0; d < D; d++)
    for (y = 0; y < r->nyears; y++)
      {
        const cc_range *q = &r->driver_yearly_qty[(size_t) y * D + d];
        const char *field[3];
        field[0] = c->model.driver[d].name;
        field[1] = c->model.driver[d].title;
        field[2] = r->quantity_unit[d];
        cc_csv_fields (fp, field, 3);
        cc_month_format (c->model.start_month + cc_value_year_end (r->months, y),
                         mon, sizeof mon);
        fprintf (fp, ",%d,%s,%.15g,%.15g,%.15g\n", y + 1, mon, q->p10,
                 q->p50, q->p90);
      }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_tornado_csv (FILE *fp, const cc_valuecase *c,
                             const cc_value_result *r)
{
  size_t i;
  fputs ("assumption,distribution,value_at_p10,value_at_p90", fp);
  currency_field (fp, "total_at_p10_", c->currency, "");
  currency_field (fp, "total_at_p90_", c->currency, "");
  currency_field (fp, "swing_", c->currency, "");
  putc ('\n', fp);
  for (i = 0; i < r->nbar; i++)
    {
      const cc_tornado_bar *b = &r->bar[i];
      const char *field[2];
      field[0] = b->assumption;
      field[1] = b->spec;
      cc_csv_fields (fp, field, 2);
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
  fputs ("provider", fp);
  currency_field (fp, "term_total_", c->currency, "_at_median_assumptions");
  fputs (",drivers_not_priced", fp);
  currency_field (fp, "common_drivers_total_", c->currency, "");
  fputs (",regions,not_priced\n", fp);
  for (p = 0; p < c->model.nprovider; p++)
    {
      char regions[1024], missing[1024];
      cc_csv_field (fp, c->model.provider[p]);
      fprintf (fp, ",%.2f,%d,%.2f,", r->cross[p], r->cross_missing[p],
               r->cross_common[p]);
      cc_valuecase_regions (c, p, 1, regions, sizeof regions);
      cc_csv_field (fp, regions);
      putc (',', fp);
      cc_valuecase_priced_list (c, p, 0, 0, missing, sizeof missing);
      cc_csv_field (fp, missing);
      putc ('\n', fp);
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_report_value_cross_drivers_csv (FILE *fp, const cc_valuecase *c,
                                   const cc_value_result *r)
{
  size_t d, p;
  char cell[512];
  fputs ("driver,provider,sku,priced", fp);
  currency_field (fp, "term_total_", c->currency, "_at_median_assumptions");
  putc ('\n', fp);
  for (d = 0; d < c->model.ndriver; d++)
    for (p = 0; p < c->model.nprovider; p++)
      {
        int on = c->model.driver[d].price[p].nsku > 0;
        const char *field[3];
        cc_valuecase_sku_cell (c, d, p, cell, sizeof cell);
        field[0] = c->model.driver[d].name;
        field[1] = c->model.provider[p];
        field[2] = cell;
        cc_csv_fields (fp, field, 3);
        if (on)
          fprintf (fp, ",yes,%.2f\n", r->cross_driver[p][d]);
        else
          fputs (",no,\n", fp);
      }
  return ferror (fp) ? -1 : 0;
}

/* {"p10", "p50", "p90", "mean"} to the cent. */
static json_t *
json_range (const cc_range *r)
{
  json_t *o = json_object ();
  cc_json_set (o, "p10", cc_json_fixed (r->p10, 2));
  cc_json_set (o, "p50", cc_json_fixed (r->p50, 2));
  cc_json_set (o, "p90", cc_json_fixed (r->p90, 2));
  cc_json_set (o, "mean", cc_json_fixed (r->mean, 2));
  return o;
}

/* An array of N strings, each S bytes after the previous one. */
static json_t *
json_strings (const char *s, size_t stride, size_t n)
{
  json_t *a = json_array ();
  size_t i;
  for (i = 0; i < n; i++)
    cc_json_push (a, cc_json_str (s + i * stride));
  return a;
}

/* Driver D's usage at the end of each contract year. */
static json_t *
json_usage (const cc_valuecase *c, const cc_value_result *r, size_t d)
{
  json_t *a = json_array ();
  char mon[16];
  int y;
  for (y = 0; y < r->nyears; y++)
    {
      const cc_range *q = &r->driver_yearly_qty[(size_t) y * c->model.ndriver
                                                 + d];
      json_t *o = json_object ();
      cc_json_set (o, "year", json_integer (y + 1));
      cc_month_format (c->model.start_month + cc_value_year_end (r->months, y), mon,
                       sizeof mon);
      cc_json_set (o, "month", cc_json_str (mon));
      cc_json_set (o, "p10", cc_json_num (q->p10, 15));
      cc_json_set (o, "p50", cc_json_num (q->p50, 15));
      cc_json_set (o, "p90", cc_json_num (q->p90, 15));
      cc_json_push (a, o);
    }
  return a;
}

static json_t *
json_drivers (const cc_valuecase *c, const cc_value_result *r)
{
  json_t *a = json_array ();
  size_t i;
  for (i = 0; i < c->model.ndriver; i++)
    {
      const cc_driver *dr = &c->model.driver[i];
      json_t *o = json_object ();
      cc_json_set (o, "name", cc_json_str (dr->name));
      cc_json_set (o, "title", cc_json_str (dr->title));
      cc_json_set (o, "family", cc_json_str (dr->family));
      cc_json_set (o, "label", cc_json_str (dr->label));
      cc_json_set (o, "source", cc_json_str (dr->source));
      {
        char cell[512];   /* the valued provider's sku, or "not priced" */
        cc_valuecase_sku_cell (c, i, 0, cell, sizeof cell);
        cc_json_set (o, "sku", cc_json_str (cell));
        cc_json_set (o, "priced", json_boolean (dr->price[0].nsku > 0));
      }
      cc_json_set (o, "total", dr->price[0].nsku > 0
                               ? json_range (&r->driver_total[i])
                               : json_null ());
      cc_json_set (o, "quantity_source",
                   cc_json_str (source_key[cc_driver_source (dr)]));
      cc_json_set (o, "p50_share", cc_json_num (r->driver_p50_share[i], 6));
      cc_json_set (o, "unit", cc_json_str (r->quantity_unit[i]));
      cc_json_set (o, "usage", json_usage (c, r, i));
      cc_json_push (a, o);
    }
  return a;
}

/* The headline: the median's standard error, what it rests on, and
   the inputs it was made from (report/headline.h). */
static json_t *
json_headline (const cc_valuecase *c, const cc_value_result *r)
{
  json_t *o = json_object (), *rest = json_object ();
  double share[CC_NSRC];
  char hex[32];
  int s;
  cc_json_set (o, "p50_standard_error", cc_json_num (r->total_p50_se, 6));
  cc_source_shares (c, r, share);
  for (s = 0; s < CC_NSRC; s++)
    cc_json_set (rest, source_key[s], cc_json_num (share[s], 6));
  cc_json_set (o, "p50_rests_on", rest);
  cc_json_set (o, "scenario_file", cc_json_str (cc_scenario_basename (c)));
  snprintf (hex, sizeof hex, "%016" PRIx64, c->input_hash);
  cc_json_set (o, "inputs_fnv1a64", cc_json_str (hex));
  cc_json_set (o, "input_files", json_integer ((json_int_t) c->ninputs));
  return o;
}

static json_t *
json_adjustments (const cc_valuecase *c)
{
  json_t *arr = json_array ();
  cc_adjustment *a = NULL;
  size_t n = cc_adjustments (c, &a), i;
  for (i = 0; i < n; i++)
    {
      json_t *o = json_object ();
      cc_json_set (o, "kind", cc_json_str (a[i].kind));
      cc_json_set (o, "provider", a[i].provider[0]
                                    ? cc_json_str (a[i].provider) : NULL);
      cc_json_set (o, "applies_to", cc_json_str (a[i].applies));
      cc_json_set (o, "value", cc_json_num (a[i].value, 10));
      cc_json_set (o, "text", cc_json_str (a[i].text));
      cc_json_set (o, "set_in", cc_json_str (a[i].set_in));
      cc_json_set (o, "source", a[i].source[0] ? cc_json_str (a[i].source)
                                              : NULL);
      cc_json_push (arr, o);
    }
  free (a);
  return arr;
}

static json_t *
json_tornado (const cc_value_result *r)
{
  json_t *a = json_array ();
  size_t i;
  for (i = 0; i < r->nbar; i++)
    {
      const cc_tornado_bar *b = &r->bar[i];
      json_t *o = json_object ();
      cc_json_set (o, "assumption", cc_json_str (b->assumption));
      cc_json_set (o, "label", cc_json_str (b->label));
      cc_json_set (o, "distribution", cc_json_str (b->spec));
      cc_json_set (o, "value_at_p10", cc_json_num (b->low_value, 6));
      cc_json_set (o, "value_at_p90", cc_json_num (b->high_value, 6));
      cc_json_set (o, "total_at_p10", cc_json_fixed (b->total_low, 2));
      cc_json_set (o, "total_at_p90", cc_json_fixed (b->total_high, 2));
      cc_json_set (o, "swing", cc_json_fixed (b->swing, 2));
      cc_json_push (a, o);
    }
  return a;
}

/* Provider P's price of each driver: {"driver", "sku", "priced",
   "total_at_median_assumptions" (null when not priced)}. */
static json_t *
json_cross_drivers (const cc_valuecase *c, const cc_value_result *r, size_t p)
{
  json_t *a = json_array ();
  char cell[512];
  size_t d;
  for (d = 0; d < c->model.ndriver; d++)
    {
      json_t *o = json_object ();
      int on = c->model.driver[d].price[p].nsku > 0;
      cc_valuecase_sku_cell (c, d, p, cell, sizeof cell);
      cc_json_set (o, "driver", cc_json_str (c->model.driver[d].name));
      cc_json_set (o, "sku", cc_json_str (cell));
      cc_json_set (o, "priced", json_boolean (on));
      cc_json_set (o, "total_at_median_assumptions",
                   on ? cc_json_fixed (r->cross_driver[p][d], 2)
                      : json_null ());
      cc_json_push (a, o);
    }
  return a;
}

static json_t *
json_cross (const cc_valuecase *c, const cc_value_result *r)
{
  json_t *a = json_array ();
  char regions[1024];
  size_t i;
  for (i = 0; i < c->model.nprovider; i++)
    {
      json_t *o = json_object ();
      cc_json_set (o, "provider", cc_json_str (c->model.provider[i]));
      cc_json_set (o, "total_at_median_assumptions",
                   cc_json_fixed (r->cross[i], 2));
      cc_json_set (o, "drivers_not_priced", json_integer (r->cross_missing[i]));
      cc_json_set (o, "common_drivers_total",
                   cc_json_fixed (r->cross_common[i], 2));
      cc_valuecase_regions (c, i, 1, regions, sizeof regions);
      cc_json_set (o, "regions", cc_json_str (regions));
      cc_json_set (o, "drivers", json_cross_drivers (c, r, i));
      cc_json_push (a, o);
    }
  return a;
}

/* Each month: {"month", then each family's range and "all"}. */
static json_t *
json_monthly (const cc_valuecase *c, const cc_value_result *r)
{
  json_t *a = json_array ();
  size_t f, F = r->nfamily + 1;
  int mo;
  char mon[16];
  for (mo = 0; mo < r->months; mo++)
    {
      json_t *o = json_object ();
      cc_month_format (c->model.start_month + mo, mon, sizeof mon);
      cc_json_set (o, "month", cc_json_str (mon));
      for (f = 0; f < F; f++)
        cc_json_set (o, f < r->nfamily ? r->family[f] : "all",
                     json_range (&r->monthly[(size_t) mo * F + f]));
      cc_json_push (a, o);
    }
  return a;
}

/* Each provider's price lock, and each driver's that differs from it:
   {"azure": "renewal:12", "azure.seats": "term", ...}. */
static json_t *
json_locks (const cc_valuecase *c)
{
  json_t *o = json_object ();
  char key[96], buf[32];
  size_t p, d;
  for (p = 0; p < c->model.nprovider; p++)
    {
      cc_price_lock_format (&c->model.lock[p], buf, sizeof buf);
      cc_json_set (o, c->model.provider[p], cc_json_str (buf));
      for (d = 0; d < c->model.ndriver; d++)
        if (c->model.driver[d].price[p].lock.kind != CC_LOCK_UNSET)
          {
            cc_price_lock_format (&c->model.driver[d].price[p].lock, buf,
                                  sizeof buf);
            snprintf (key, sizeof key, "%s.%s", c->model.provider[p],
                      c->model.driver[d].name);
            cc_json_set (o, key, cc_json_str (buf));
          }
    }
  return o;
}

/* The price locks as text: "azure renewal:12 (seats term), aws none". */
static void
text_locks (FILE *fp, const cc_valuecase *c)
{
  char buf[32];
  size_t p, d, n;
  for (p = 0; p < c->model.nprovider; p++)
    {
      cc_price_lock_format (&c->model.lock[p], buf, sizeof buf);
      fprintf (fp, "%s%s %s", p ? ", " : "", c->model.provider[p], buf);
      for (d = 0, n = 0; d < c->model.ndriver; d++)
        if (c->model.driver[d].price[p].lock.kind != CC_LOCK_UNSET)
          {
            cc_price_lock_format (&c->model.driver[d].price[p].lock, buf,
                                  sizeof buf);
            fprintf (fp, "%s%s %s", n++ ? ", " : " (", c->model.driver[d].name,
                     buf);
          }
      if (n > 0)
        fputc (')', fp);
    }
}

int
cc_report_value_json (FILE *fp, const cc_valuecase *c, const cc_value_result *r)
{
  json_t *root = json_object (), *years = json_array ();
  char mon[16];
  int y, rc;

  cc_json_set (root, "scenario", cc_json_str (c->name));
  cc_json_set (root, "currency", cc_json_str (c->currency));
  cc_month_format (c->model.start_month, mon, sizeof mon);
  cc_json_set (root, "start", cc_json_str (mon));
  cc_json_set (root, "months", json_integer (r->months));
  cc_json_set (root, "draws", json_integer ((json_int_t) c->model.draws));
  /* A seed beyond LONG_MAX (only --seed can give one) as a
     number, not wrapped to a negative integer. */
  cc_json_set (root, "seed", c->model.seed <= (unsigned long) LONG_MAX
               ? json_integer ((json_int_t) c->model.seed)
               : cc_json_num ((double) c->model.seed, 17));
  cc_json_set (root, "discount_rate", cc_json_num (c->model.discount_rate, 6));
  cc_json_set (root, "annual_price_change",
               cc_json_num (c->model.annual_change, 6));
  cc_json_set (root, "price_lock", json_locks (c));
  cc_json_set (root, "term_total", json_range (&r->total));
  cc_json_set (root, "npv", json_range (&r->npv));
  cc_json_set (root, "headline", json_headline (c, r));
  cc_json_set (root, "median_assumptions_total",
               cc_json_fixed (r->median_total, 2));
  for (y = 0; y < r->nyears; y++)
    cc_json_push (years, json_range (&r->yearly[y]));
  cc_json_set (root, "years", years);
  cc_json_set (root, "drivers", json_drivers (c, r));
  cc_json_set (root, "tornado", json_tornado (r));
  cc_json_set (root, "cross_cloud", json_cross (c, r));
  cc_json_set (root, "unconfirmed_prices",
               json_strings (r->unconfirmed[0], sizeof r->unconfirmed[0],
                             r->nunconfirmed));
  cc_json_set (root, "adjustments", json_adjustments (c));
  cc_json_set (root, "priced_before_effective_date",
               json_strings (r->early[0], sizeof r->early[0], r->nearly));
  cc_json_set (root, "currency_conversions",
               json_strings (c->conversion[0], sizeof c->conversion[0],
                             c->nconv));
  cc_json_set (root, "monthly", json_monthly (c, r));
  rc = cc_json_dump (fp, root, 15);
  json_decref (root);
  return rc != 0 || ferror (fp) ? -1 : 0;
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
  fprintf (fp, "Contract value over %d months at list prices with the "
           "adjustments below (%s): P10 %s, P50 %s, P90 %s.\n", r->months, c->currency, a, b, d);
  if (r->cross_missing[0] > 0)
    {
      char missing[512];
      cc_valuecase_priced_list (c, 0, 0, 0, missing, sizeof missing);
      fprintf (fp, "Not priced on %s, so left out of that total: %s.\n",
               c->model.provider[0], missing);
    }
  fputs ("Adjustments to list prices: ", fp);
  cc_adjustments_words (fp, c, cc_text_plain);
  fputs (".\n", fp);
  cc_group_digits (r->npv.p10, 0, a, sizeof a);
  cc_group_digits (r->npv.p50, 0, b, sizeof b);
  cc_group_digits (r->npv.p90, 0, d, sizeof d);
  fprintf (fp, "Net present value at %g%% a year: P10 %s, P50 %s, P90 %s.\n",
           100 * c->model.discount_rate, a, b, d);
  fprintf (fp, "Prices: the rows in force each month under the price lock (");
  text_locks (fp, c);
  fprintf (fp, "), then %+g%% a year (annual_price_change).\n",
           100 * c->model.annual_change);
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
  cc_valuecase_priced_list (c, 0, 1, 0, d, sizeof d);
  fprintf (fp, "Same usage, median assumptions, by provider (all drivers "
           "it prices; the %zu drivers every provider prices: %s):\n",
           r->ncommon, d);
  for (i = 0; i < c->model.nprovider; i++)
    {
      char missing[512];
      cc_group_digits (r->cross[i], 0, a, sizeof a);
      cc_group_digits (r->cross_common[i], 0, b, sizeof b);
      cc_valuecase_regions (c, i, 0, d, sizeof d);
      cc_valuecase_priced_list (c, i, 0, 0, missing, sizeof missing);
      fprintf (fp, "  %-8s %14s  %14s  in %s%s%s\n", c->model.provider[i], a,
               b, d, r->cross_missing[i] ? "  not priced here: " : "",
               r->cross_missing[i] ? missing : "");
    }
  for (i = 0; i < c->nconv; i++)
    fprintf (fp, "Converted: %s\n", c->conversion[i]);
  if (r->nearly > 0)
    {
      fprintf (fp, "Priced before their effective date (no older price in "
               "the books):");
      for (i = 0; i < r->nearly; i++)
        fprintf (fp, "%s %s", i ? "," : "", r->early[i]);
      fputc ('\n', fp);
    }
  if (r->nunconfirmed > 0)
    {
      fprintf (fp, "Priced from UNCONFIRMED rows (check before quoting):");
      for (i = 0; i < r->nunconfirmed; i++)
        fprintf (fp, " %s", r->unconfirmed[i]);
      fputc ('\n', fp);
    }
  return ferror (fp) ? -1 : 0;
}
