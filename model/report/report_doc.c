/* report_doc.c: report.md, report.html and the value facts. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <inttypes.h>
#include <math.h>

#include "core/families.h"
#include "core/output.h"
#include "core/textutil.h"
#include "report/adjust.h"
#include "report/headline.h"
#include "report/mdtext.h"
#include "report/report_doc.h"

int
cc_report_value_facts (FILE *fp, const cc_valuecase *c, const cc_value_result *r)
{
  char a[64], b[64], d[64];
  size_t p;

  cc_amount_words (r->total.p50, a, sizeof a);
  cc_amount_words (r->total.p10, b, sizeof b);
  cc_amount_words (r->total.p90, d, sizeof d);
  fprintf (fp, "\nContract value (%s): over %d months the modelled spend is "
           "%s %s at the median, with an 80%% range of %s to %s %s. It assumes "
           "every assumption range listed in the report and list prices "
           "with these adjustments: ", c->name, r->months, a, c->currency,
           b, d, c->currency);
  cc_adjustments_words (fp, c, cc_text_plain);
  fputs (".\n", fp);
  if (r->cross_missing[0] > 0)
    {
      char missing[512];
      cc_valuecase_priced_list (c, 0, 0, 1, missing, sizeof missing);
      fprintf (fp, "Not priced on %s, so left out of that figure: %s.\n",
               cc_provider_label (c->model.provider[0]), missing);
    }
  fputs ("Before quoting it, say what it rests on: ", fp);
  cc_rests_on (fp, c, r, cc_text_plain);
  fputs (".\n", fp);
  if (r->nbar > 0)
    {
      cc_amount_words (r->bar[0].swing, a, sizeof a);
      fprintf (fp, "The assumption that moves it most is %s (%s): between "
               "its P10 and P90 the total moves by %s %s.\n",
               r->bar[0].label, r->bar[0].spec, a, c->currency);
    }
  if (c->model.nprovider > 1)
    {
      char common[512];
      cc_valuecase_priced_list (c, 0, 1, 1, common, sizeof common);
      fprintf (fp, "The same usage priced on each provider (only the %zu "
               "drivers all of them price: %s; median assumptions):",
               r->ncommon, common);
      for (p = 0; p < c->model.nprovider; p++)
        {
          cc_amount_words (r->cross_common[p], a, sizeof a);
          fprintf (fp, "%s %s %s %s", p ? ";" : "",
                   cc_provider_label (c->model.provider[p]), a, c->currency);
        }
      fputs (".\n", fp);
    }
  if (r->nunconfirmed > 0)
    fprintf (fp, "Caution: %zu of the prices used are marked UNCONFIRMED in "
             "the price books; check them before quoting.\n", r->nunconfirmed);
  return ferror (fp) ? -1 : 0;
}

/* ---- Markdown ---- */

/* A table cell: escaped like any inline text (report/mdtext.h). */
#define md_cell cc_md_text

static void
dist_text (const cc_dist *d, char *buf, size_t size)
{
  cc_dist_format (d, buf, size);
}

/* Each sku row the scenario uses, once. */
static int
row_used (const cc_valuecase *c, const cc_price_row *row)
{
  size_t d, p, j;
  for (d = 0; d < c->model.ndriver; d++)
    for (p = 0; p < c->model.nprovider; p++)
      {
        const cc_driver_price *dp = &c->model.driver[d].price[p];
        for (j = 0; j < dp->nsku; j++)
          if (strcmp (dp->sku[j], row->sku) == 0
              && (dp->region[0] == '\0' || strcmp (dp->region, row->region) == 0)
              && strcmp (dp->term[0] ? dp->term : "payg", row->term) == 0)
            return 1;
      }
  return 0;
}

/* The contract value's range: term total, NPV, each year. */
static void
md_value_table (FILE *fp, const cc_valuecase *c, const cc_value_result *r)
{
  char a[64], b[64], e[64];
  int y;

  fputs ("| ", fp);
  md_cell (fp, c->currency);
  fputs (" | P10 | P50 | P90 |\n|---|---:|---:|---:|\n", fp);
  cc_group_digits (r->total.p10, 0, a, sizeof a);
  cc_group_digits (r->total.p50, 0, b, sizeof b);
  cc_group_digits (r->total.p90, 0, e, sizeof e);
  fprintf (fp, "| term total (%d months) | %s | %s | %s |\n", r->months, a, b, e);
  cc_group_digits (r->npv.p10, 0, a, sizeof a);
  cc_group_digits (r->npv.p50, 0, b, sizeof b);
  cc_group_digits (r->npv.p90, 0, e, sizeof e);
  fprintf (fp, "| NPV at %g %% a year | %s | %s | %s |\n",
           100 * c->model.discount_rate, a, b, e);
  for (y = 0; y < r->nyears; y++)
    {
      cc_group_digits (r->yearly[y].p10, 0, a, sizeof a);
      cc_group_digits (r->yearly[y].p50, 0, b, sizeof b);
      cc_group_digits (r->yearly[y].p90, 0, e, sizeof e);
      fprintf (fp, "| year %d | %s | %s | %s |\n", y + 1, a, b, e);
    }
  fputs ("\n", fp);
}

/* The drawn charts of one section (STORAGE or the value's), as images. */
static void
md_charts (FILE *fp, const cc_doc *doc, int storage)
{
  size_t i;
  for (i = 0; i < doc->nchart; i++)
    if (doc->chart[i].drawn && doc->chart[i].storage == storage)
      {
        fputs ("![", fp);
        cc_md_text (fp, doc->chart[i].alt);
        fprintf (fp, "](%s.png)\n\n", doc->chart[i].name);
      }
}

/* Every adjustment to list prices (report/adjust.h), or a line saying
   there is none. */
static void
md_adjustments (FILE *fp, const cc_valuecase *c)
{
  cc_adjustment *a = NULL;
  size_t n = cc_adjustments (c, &a), i;

  fputs ("## Adjustments\n\n", fp);
  if (n == 0)
    fputs ("None: every price is the pay-as-you-go list price, with no "
           "discount, no annual price change and no currency conversion.\n\n",
           fp);
  else
    fputs ("| adjustment | provider | applies to | value | set in | source |\n"
           "|---|---|---|---|---|---|\n", fp);
  for (i = 0; i < n; i++)
    {
      const char *cell[6] = { a[i].kind, a[i].provider[0]
                                         ? cc_provider_label (a[i].provider)
                                         : "every provider",
                              a[i].applies, a[i].text, a[i].set_in,
                              a[i].source[0] ? a[i].source : "the scenario" };
      size_t k;
      for (k = 0; k < 6; k++)
        {
          fputs (k ? " | " : "| ", fp);
          md_cell (fp, cell[k]);
        }
      fputs (" |\n", fp);
    }
  if (n > 0)
    putc ('\n', fp);
  free (a);
}

/* What moves the total, and the same usage on each provider. */
static void
md_tornado_cross (FILE *fp, const cc_valuecase *c, const cc_value_result *r)
{
  char a[64], b[64], e[64], common[512];
  size_t i, d;

  fputs ("## What moves the total\n\n| assumption | range | total at P10 "
         "| total at P90 | swing |\n|---|---|---:|---:|---:|\n", fp);
  for (i = 0; i < r->nbar; i++)
    {
      cc_group_digits (r->bar[i].total_low, 0, a, sizeof a);
      cc_group_digits (r->bar[i].total_high, 0, b, sizeof b);
      cc_group_digits (r->bar[i].swing, 0, e, sizeof e);
      fputs ("| ", fp);
      md_cell (fp, r->bar[i].label);
      fputs (" | ", fp);
      md_cell (fp, r->bar[i].spec);
      fprintf (fp, " | %s | %s | %s |\n", a, b, e);
    }

  cc_valuecase_priced_list (c, 0, 1, 1, common, sizeof common);
  fputs ("\n## The same usage on each provider\n\n", fp);
  fputs ("Only the last column compares like with like: the drivers every "
         "provider prices (", fp);
  md_cell (fp, common);
  fputs ("). The full totals leave out what a provider does not price.\n\n"
         "| provider | all drivers it prices | drivers it cannot price | "
         "drivers every provider prices |\n|---|---:|---|---:|\n", fp);
  for (i = 0; i < c->model.nprovider; i++)
    {
      char missing[512];
      cc_group_digits (r->cross[i], 0, a, sizeof a);
      cc_group_digits (r->cross_common[i], 0, b, sizeof b);
      cc_valuecase_priced_list (c, i, 0, 1, missing, sizeof missing);
      fputs ("| ", fp);
      md_cell (fp, cc_provider_label (c->model.provider[i]));
      fprintf (fp, " | %s | %d: ", a, r->cross_missing[i]);
      md_cell (fp, missing);
      fprintf (fp, " | %s |\n", b);
    }
  fputs ("\n| driver |", fp);   /* each driver's sku on each provider */
  for (i = 0; i < c->model.nprovider; i++)
    {
      fputc (' ', fp);
      md_cell (fp, cc_provider_label (c->model.provider[i]));
      fputs (" |", fp);
    }
  fputs ("\n|---|", fp);
  for (i = 0; i < c->model.nprovider; i++)
    fputs ("---|", fp);
  fputc ('\n', fp);
  for (d = 0; d < c->model.ndriver; d++)
    {
      fputs ("| ", fp);
      md_cell (fp, c->model.driver[d].title ? c->model.driver[d].title
                                            : c->model.driver[d].name);
      for (i = 0; i < c->model.nprovider; i++)
        {
          char cell[512];
          cc_valuecase_sku_cell (c, d, i, cell, sizeof cell);
          fputs (" | ", fp);
          md_cell (fp, cell);
          if (c->model.driver[d].price[i].nsku > 0)
            {
              cc_group_digits (r->cross_driver[i][d], 0, a, sizeof a);
              fprintf (fp, ": %s", a);
            }
        }
      fputs (" |\n", fp);
    }
}

/* A quantity with thousands separators, to a tenth below 1,000 and to
   the hundredth below 10. */
static void
md_quantity (FILE *fp, double v)
{
  char buf[64];
  cc_group_digits (v, fabs (v) < 10 ? 2 : fabs (v) < 1000 ? 1 : 0, buf,
                   sizeof buf);
  fputs (buf, fp);
}

/* Usage: each driver's quantity at the end of each contract year. */
static void
md_usage (FILE *fp, const cc_valuecase *c, const cc_value_result *r)
{
  size_t d, D = c->model.ndriver;
  char mon[16];
  int y;

  fputs ("\n## Usage\n\nEach driver's quantity in its own unit in the "
         "last month of each contract year (quantities.csv).\n\n| driver "
         "| unit "
         "| year | P10 | P50 | P90 |\n|---|---|---|---:|---:|---:|\n", fp);
  for (d = 0; d < D; d++)
    for (y = 0; y < r->nyears; y++)
      {
        const cc_range *q = &r->driver_yearly_qty[(size_t) y * D + d];
        cc_month_format (c->model.start_month + cc_value_year_end (r->months,
                                                                   y),
                         mon, sizeof mon);
        fputs ("| ", fp);
        md_cell (fp, c->model.driver[d].title);
        fputs (" | ", fp);
        md_cell (fp, r->quantity_unit[d]);
        fprintf (fp, " | %d (%s) | ", y + 1, mon);
        md_quantity (fp, q->p10);
        fputs (" | ", fp);
        md_quantity (fp, q->p50);
        fputs (" | ", fp);
        md_quantity (fp, q->p90);
        fputs (" |\n", fp);
      }
  putc ('\n', fp);
}

/* One driver's "what | quantity | factor | annual growth" cells. */
static void
md_driver_cells (FILE *fp, const cc_valuecase *c, const cc_driver *dr)
{
  char txt[160];

  if (dr->fit != NULL && dr->nmix > 1)
    {
      size_t k;
      fputs ("fitted growth, each draw's model drawn by Akaike weight (", fp);
      for (k = 0; k < dr->nmix; k++)
        fprintf (fp, "%s%s %.2f", k ? ", " : "", dr->mix[k]->model->name,
                 dr->mixw[k]);
      fprintf (fp, "; %zu points; their parameter and residual "
               "uncertainty are in the range) | | | ", dr->fit->n);
    }
  else if (dr->fit != NULL)
    {
      fprintf (fp, "fitted %s growth (AICc weight %.2f, %zu points; "
               "its parameter and residual uncertainty are in the "
               "range) | | | ", dr->fit->model->name, dr->fit->weight,
               dr->fit->n);
    }
  else if (dr->facts != NULL)
    {
      dist_text (&dr->scn_param, txt, sizeof txt);
      fprintf (fp, "reported figures, %s growth%s%s", 
               dr->scn_kind == CC_SCN_DECAY ? "decay" :
               dr->scn_kind == CC_SCN_LOGISTIC ? "logistic" :
               dr->scn_kind == CC_SCN_LINEAR ? "linear" : "exponential",
               dr->scn_kind == CC_SCN_DECAY ? ", phi = " :
               dr->scn_kind == CC_SCN_LOGISTIC ? ", cap = " : "",
               dr->scn_kind == CC_SCN_DECAY
               || dr->scn_kind == CC_SCN_LOGISTIC ? txt : "");
      fputs (" | | | ", fp);
    }
  else
    {
      if (dr->link >= 0)
        {
          fputs ("that of ", fp);
          md_cell (fp, c->model.driver[dr->link].title);
        }
      else
        {
          dist_text (&dr->base, txt, sizeof txt);
          md_cell (fp, txt);
        }
      dist_text (&dr->factor, txt, sizeof txt);
      fputs (" | ", fp);
      md_cell (fp, txt);
      fputs (" | ", fp);
      if (dr->link >= 0)
        fputs ("as linked", fp);
      else
        {
          dist_text (&dr->growth, txt, sizeof txt);
          md_cell (fp, txt);
          if (dr->growth_months > 0)
            fprintf (fp, " for %d months", dr->growth_months);
        }
      fputs (" | ", fp);
    }
}

static void
md_assumptions (FILE *fp, const cc_valuecase *c)
{
  size_t d;

  fputs ("\n## Assumptions\n\n| driver | family | what | quantity | "
         "factor | annual growth | source |\n|---|---|---|---|---|---|---|\n",
         fp);
  for (d = 0; d < c->model.ndriver; d++)
    {
      const cc_driver *dr = &c->model.driver[d];
      fputs ("| ", fp);
      md_cell (fp, dr->title);
      fputs (" | ", fp);
      md_cell (fp, cc_family_label (dr->family));
      fputs (" | ", fp);
      md_cell (fp, dr->label);
      fputs (" | ", fp);
      md_driver_cells (fp, c, dr);
      md_cell (fp, dr->source);
      fputs (" |\n", fp);
    }
}

/* Each price used with where it came from: its status and, for a row
   imported from a catalog, the catalog, the provider's ids and the
   catalog's date (never the books' free-text source or note). */
static void
md_prices (FILE *fp, const cc_valuecase *c)
{
  size_t i, k;

  fputs ("\n## Prices used\n\n| provider | sku | region | term | unit | "
         "from | price | currency | status | catalog | catalog ids | "
         "catalog date |\n"
         "|---|---|---|---|---|---:|---:|---|---|---|---|---|\n", fp);
  for (i = 0; i < c->book->n; i++)
    {
      const cc_price_row *row = &c->book->row[i];
      if (!row_used (c, row))
        continue;
      const char *text[5] = { row->provider, row->sku, row->region,
                              row->term, row->unit };
      const char *prov[4] = { row->status, row->catalog, row->catalog_ids,
                              row->catalog_date };
      for (k = 0; k < 5; k++)
        {
          fputs ("| ", fp);
          md_cell (fp, text[k]);
          putc (' ', fp);
        }
      fprintf (fp, "| %.10g | %.10g | ", row->tier_start, row->unit_price);
      md_cell (fp, row->currency);
      for (k = 0; k < 4; k++)
        {
          fputs (" | ", fp);
          if (k > 0 && (prov[k] == NULL || prov[k][0] == '\0'))
            fputs (k == 1 ? "none: kept by hand" : "-", fp);
          else
            md_cell (fp, prov[k] ? prov[k] : "");
        }
      fputs (" |\n", fp);
    }
  for (i = 0; i < c->nconv; i++)
    {
      fputs ("\nConverted: ", fp);
      cc_md_text (fp, c->conversion[i]);
      putc ('\n', fp);
    }
}

/* The summary box: a block quote, one paragraph a line, first of all. */
static void
md_summary (FILE *fp, const cc_valuecase *c, const cc_value_result *r)
{
  char words[4 * CC_GROUP_MAX], se[CC_GROUP_MAX + 32], m0[16], m1[16];
  char date[32], draws[64];

  cc_month_format (c->model.start_month, m0, sizeof m0);
  cc_month_format (c->model.start_month + r->months - 1, m1, sizeof m1);
  fputs ("> Valued: ", fp);
  cc_md_text (fp, c->title);
  fprintf (fp, ", the modelled spend of %zu usage drivers over %d months "
           "(%s to %s) on ", c->model.ndriver, r->months, m0, m1);
  cc_md_text (fp, cc_provider_label (c->model.provider[0]));
  fputs (", at list prices with these adjustments: ", fp);
  cc_adjustments_words (fp, c, cc_md_text);
  fputs (".\n>\n", fp);
  if (r->cross_missing[0] > 0)
    {
      char missing[512];
      cc_valuecase_priced_list (c, 0, 0, 1, missing, sizeof missing);
      fputs ("> Not priced on ", fp);
      cc_md_text (fp, cc_provider_label (c->model.provider[0]));
      fputs (", so left out of this value: ", fp);
      cc_md_text (fp, missing);
      fputs (".\n>\n", fp);
    }
  cc_range_words (&r->total, c->currency, words, sizeof words);
  cc_money_words (r->total_p50_se, c->currency, se, sizeof se);
  cc_group_digits ((double) c->model.draws, 0, draws, sizeof draws);
  words[0] = (char) (words[0] - 'a' + 'A');
  fputs ("> ", fp);
  cc_md_text (fp, words);
  fprintf (fp, ". Monte Carlo standard error of the P50: %s (%s draws).\n>\n",
           se, draws);
  fputs ("> What the P50 rests on: ", fp);
  cc_rests_on (fp, c, r, cc_md_text);
  fputs (".\n>\n", fp);
  cc_report_date (date, sizeof date);
  fprintf (fp, "> Made %s with cloudcast %s from ", date, PACKAGE_VERSION);
  cc_md_text (fp, cc_scenario_basename (c));
  fprintf (fp, "; inputs fingerprint %016" PRIx64 " (FNV-1a, 64 bits, over "
           "the bytes of its %zu input files).\n\n", c->input_hash,
           c->ninputs);
}

static const char md_method[] =
  "\n## Method\n\n"
  "- Two reported figures fix one growth rate and nothing more: every "
  "storage curve beyond the last figure is a named assumption, not a "
  "statistical forecast.\n"
  "- Costs are list prices through graduated tiers (each unit at the "
  "price of the tier it falls in), less the scenario's discounts, with "
  "its annual price change; sizes are converted through bytes (Azure's "
  "GB is read as GiB, 2^30 bytes).\n"
  "- Each month is priced with the price rows in force under the "
  "scenario's price_lock (none: that month's; term: the start's; "
  "renewal:N: the last renewal's), as value.json lists.\n"
  "- The range is a seeded Monte Carlo over every assumption's "
  "distribution (P10/P50/P90 of its draws); the tornado moves one "
  "assumption at a time to its P10 and P90 with the rest at their "
  "medians.\n"
  "- NPV discounts each month m by (1 + rate)^(-m/12).\n"
  "- The standard error of the P50 comes from the order statistics of "
  "the draws' totals: the distribution-free 95 % interval of the median, "
  "ranks n/2 -+ 1.96 sqrt(n)/2, divided by 2 x 1.96.\n"
  "- What the P50 rests on: each driver's part of the total over the "
  "draws whose total lies between the P45 and the P55, summed by where "
  "its quantity comes from (reported figures, a fit to billing data, or "
  "an assumed range); the three shares sum to 100 %.\n"
  "- Prose rounds to three significant figures; tables keep every "
  "digit.\n"
  "- Rows marked UNCONFIRMED in the price books are unverified and "
  "named wherever they are used.\n";

int
cc_report_md (FILE *fp, const cc_doc *doc)
{
  const cc_valuecase *c = doc->vc;
  const cc_value_result *r = doc->vr;

  fputs ("# ", fp);
  cc_md_text (fp, c ? c->title : "cloudcast report");
  fputs ("\n\n", fp);
  if (c && r)
    md_summary (fp, c, r);
  if (c && c->source[0])
    {
      fputs ("Sources: ", fp);
      cc_md_text (fp, c->source);
      fputs (".\n\n", fp);
    }
  if (doc->chart_note)
    {
      fputs ("Charts are missing from this run: ", fp);
      cc_md_text (fp, doc->chart_note);
      fputs ("\n\n", fp);
    }

  if (doc->storage != NULL)
    {
      char *facts = NULL;
      size_t len = 0;
      FILE *m = open_memstream (&facts, &len);
      fputs ("## Reported storage and what it implies\n\n", fp);
      if (m != NULL)
        {
          cc_report_facts (m, doc->storage);
          fclose (m);
          cc_md_code_block (fp, facts);
        }
      free (facts);
      putc ('\n', fp);
    }
  md_charts (fp, doc, 1);

  if (c && r)
    {
      fputs ("## Contract value\n\n", fp);
      md_value_table (fp, c, r);
      md_charts (fp, doc, 0);
      md_adjustments (fp, c);
      md_tornado_cross (fp, c, r);
      md_usage (fp, c, r);
      md_assumptions (fp, c);
      md_prices (fp, c);
    }
  fputs (md_method, fp);
  return ferror (fp) ? -1 : 0;
}

/* ---- HTML ---- */

static int
report_md (FILE *fp, const void *doc)
{
  return cc_report_md (fp, doc);
}

int
cc_report_html (FILE *fp, const cc_doc *doc)
{
  cc_md_html_opts o = { "Prices used", doc->dir };
  return cc_md_html_page_of (fp, doc->vc ? doc->vc->title
                                         : "cloudcast report",
                             report_md, doc, &o, "");
}
