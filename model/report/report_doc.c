/* report_doc.c: report.md, report.html and the value facts. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textutil.h"
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
           "list prices less the scenario's discounts and every assumption "
           "range listed in the report.\n", c->name, r->months, a, c->currency,
           b, d, c->currency);
  if (r->nbar > 0)
    {
      cc_amount_words (r->bar[0].swing, a, sizeof a);
      fprintf (fp, "The assumption that moves it most is %s (%s): between "
               "its P10 and P90 the total moves by %s %s.\n",
               r->bar[0].assumption, r->bar[0].spec, a, c->currency);
    }
  if (c->model.nprovider > 1)
    {
      fprintf (fp, "The same usage priced on each provider (the %zu drivers "
               "all of them price, median assumptions):", r->ncommon);
      for (p = 0; p < c->model.nprovider; p++)
        {
          cc_amount_words (r->cross_common[p], a, sizeof a);
          fprintf (fp, "%s %s %s %s", p ? ";" : "", c->model.provider[p], a,
                   c->currency);
        }
      fputs (".\n", fp);
    }
  if (r->nunconfirmed > 0)
    fprintf (fp, "Caution: %zu of the prices used are marked UNCONFIRMED in "
             "the price books; check them before quoting.\n", r->nunconfirmed);
  return ferror (fp) ? -1 : 0;
}

/* ---- Markdown ---- */

/* A table cell: pipes and newlines would break the table. */
static void
md_cell (FILE *fp, const char *s)
{
  for (; *s; s++)
    {
      if (*s == '|')
        fputs ("\\|", fp);
      else if (*s == '\n' || *s == '\r')
        putc (' ', fp);
      else
        putc (*s, fp);
    }
}

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

  fprintf (fp, "| %s | P10 | P50 | P90 |\n|---|---:|---:|---:|\n",
           c->currency);
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
      fprintf (fp, "![%s](%s.png)\n\n", doc->chart[i].alt,
               doc->chart[i].name);
}

/* What moves the total, and the same usage on each provider. */
static void
md_tornado_cross (FILE *fp, const cc_valuecase *c, const cc_value_result *r)
{
  char a[64], b[64], e[64];
  size_t i;

  fputs ("## What moves the total\n\n| assumption | range | total at P10 "
         "| total at P90 | swing |\n|---|---|---:|---:|---:|\n", fp);
  for (i = 0; i < r->nbar; i++)
    {
      cc_group_digits (r->bar[i].total_low, 0, a, sizeof a);
      cc_group_digits (r->bar[i].total_high, 0, b, sizeof b);
      cc_group_digits (r->bar[i].swing, 0, e, sizeof e);
      fputs ("| ", fp);
      md_cell (fp, r->bar[i].assumption);
      fputs (" | ", fp);
      md_cell (fp, r->bar[i].spec);
      fprintf (fp, " | %s | %s | %s |\n", a, b, e);
    }

  fputs ("\n## The same usage on each provider\n\n| provider | all drivers "
         "it prices | drivers it cannot price | drivers every provider "
         "prices |\n|---|---:|---:|---:|\n", fp);
  for (i = 0; i < c->model.nprovider; i++)
    {
      cc_group_digits (r->cross[i], 0, a, sizeof a);
      cc_group_digits (r->cross_common[i], 0, b, sizeof b);
      fputs ("| ", fp);
      md_cell (fp, c->model.provider[i]);
      fprintf (fp, " | %s | %d | %s |\n", a, r->cross_missing[i], b);
    }
}

/* One driver's "what | quantity | factor | annual growth" cells. */
static void
md_driver_cells (FILE *fp, const cc_valuecase *c, const cc_driver *dr)
{
  char txt[160];

  if (dr->fit != NULL)
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
        fprintf (fp, "that of %s", c->model.driver[dr->link].name);
      else
        {
          dist_text (&dr->base, txt, sizeof txt);
          md_cell (fp, txt);
        }
      dist_text (&dr->factor, txt, sizeof txt);
      fprintf (fp, " | %s | ", txt);
      if (dr->link >= 0)
        fputs ("as linked", fp);
      else
        {
          dist_text (&dr->growth, txt, sizeof txt);
          fputs (txt, fp);
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
      md_cell (fp, dr->name);
      fprintf (fp, " | %s | ", dr->family);
      md_cell (fp, dr->label);
      fputs (" | ", fp);
      md_driver_cells (fp, c, dr);
      md_cell (fp, dr->source);
      fputs (" |\n", fp);
    }
}

static void
md_prices (FILE *fp, const cc_valuecase *c)
{
  size_t i;

  fputs ("\n## Prices used\n\n| provider | sku | region | term | unit | "
         "from | price | currency | effective | source | note |\n"
         "|---|---|---|---|---|---:|---:|---|---|---|---|\n", fp);
  for (i = 0; i < c->book->n; i++)
    {
      const cc_price_row *row = &c->book->row[i];
      if (!row_used (c, row))
        continue;
      fprintf (fp, "| %s | %s | %s | %s | %s | %.10g | %.10g | %s | %s | ",
               row->provider, row->sku, row->region, row->term, row->unit,
               row->tier_start, row->unit_price, row->currency,
               row->effective_date);
      md_cell (fp, row->source);
      fputs (" | ", fp);
      md_cell (fp, row->note);
      fputs (" |\n", fp);
    }
  for (i = 0; i < c->nconv; i++)
    fprintf (fp, "\nConverted: %s\n", c->conversion[i]);
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
  "- The range is a seeded Monte Carlo over every assumption's "
  "distribution (P10/P50/P90 of its draws); the tornado moves one "
  "assumption at a time to its P10 and P90 with the rest at their "
  "medians.\n"
  "- NPV discounts each month m by (1 + rate)^(-m/12).\n"
  "- Rows marked UNCONFIRMED in the price books are unverified and "
  "named wherever they are used.\n";

int
cc_report_md (FILE *fp, const cc_doc *doc)
{
  const cc_valuecase *c = doc->vc;
  const cc_value_result *r = doc->vr;

  fprintf (fp, "# %s\n\n", c ? c->title : "cloudcast report");
  if (c && c->source[0])
    fprintf (fp, "Sources: %s.\n\n", c->source);
  if (doc->chart_note)
    fprintf (fp, "> Charts are missing from this run: %s\n\n", doc->chart_note);

  if (doc->storage != NULL)
    {
      fputs ("## Reported storage and what it implies\n\n```\n", fp);
      cc_report_facts (fp, doc->storage);
      fputs ("```\n\n", fp);
    }
  md_charts (fp, doc, 1);

  if (c && r)
    {
      fputs ("## Contract value\n\n", fp);
      md_value_table (fp, c, r);
      md_charts (fp, doc, 0);
      md_tornado_cross (fp, c, r);
      md_assumptions (fp, c);
      md_prices (fp, c);
    }
  fputs (md_method, fp);
  return ferror (fp) ? -1 : 0;
}

/* ---- HTML ---- */

static void
html (FILE *fp, const char *s)
{
  for (; *s; s++)
    switch (*s)
      {
      case '&': fputs ("&amp;", fp); break;
      case '<': fputs ("&lt;", fp); break;
      case '>': fputs ("&gt;", fp); break;
      case '"': fputs ("&quot;", fp); break;
      case '\'': fputs ("&#39;", fp); break;
      default: putc (*s, fp);
      }
}

/* FILE's bytes as base64, for a data: URI (no request leaves the page). */
static int
base64_file (FILE *fp, const char *path)
{
  static const char tbl[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  FILE *in = fopen (path, "rb");
  unsigned char buf[3];
  size_t n;
  if (in == NULL)
    return -1;
  while ((n = fread (buf, 1, 3, in)) > 0)
    {
      unsigned v = (unsigned) buf[0] << 16
                   | (n > 1 ? (unsigned) buf[1] << 8 : 0)
                   | (n > 2 ? buf[2] : 0);
      putc (tbl[(v >> 18) & 63], fp);
      putc (tbl[(v >> 12) & 63], fp);
      putc (n > 1 ? tbl[(v >> 6) & 63] : '=', fp);
      putc (n > 2 ? tbl[v & 63] : '=', fp);
    }
  fclose (in);
  return 0;
}

/* Markdown table rows rendered as HTML: reuse the Markdown writer through
   a memory stream, then convert the tables and headings line by line. */
static void
md_line_to_html (FILE *fp, char *line, int *in_table, int *in_pre, int *header)
{
  size_t n = strlen (line);
  while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
    line[--n] = '\0';
  if (strncmp (line, "```", 3) == 0)
    {
      fputs (*in_pre ? "</pre>\n" : "<pre>", fp);
      *in_pre = !*in_pre;
      return;
    }
  if (*in_pre)
    {
      html (fp, line);
      putc ('\n', fp);
      return;
    }
  if (line[0] == '|')
    {
      char *cell, *p = line + 1;
      if (strstr (line, "|---") == line)
        return;           /* the separator row */
      if (!*in_table)
        {
          fputs ("<table>\n", fp);
          *in_table = 1;
          *header = 1;
        }
      fputs ("<tr>", fp);
      while ((cell = p) && *p)
        {
          /* Split at '|' not escaped as '\|'. */
          char *q = p;
          while (*q && !(*q == '|' && (q == p || q[-1] != '\\')))
            q++;
          if (*q == '\0')
            break;
          *q = '\0';
          while (*cell == ' ')
            cell++;
          {
            size_t m = strlen (cell);
            while (m > 0 && cell[m - 1] == ' ')
              cell[--m] = '\0';
          }
          fputs (*header ? "<th>" : "<td>", fp);
          for (; *cell; cell++)
            if (!(cell[0] == '\\' && cell[1] == '|'))
              {
                char one[2] = { *cell, 0 };
                html (fp, one);
              }
          fputs (*header ? "</th>" : "</td>", fp);
          p = q + 1;
        }
      fputs ("</tr>\n", fp);
      *header = 0;
      return;
    }
  if (*in_table)
    {
      fputs ("</table>\n", fp);
      *in_table = 0;
    }
  if (line[0] == '\0' || line[0] == '!')
    return;               /* blank lines; images are placed separately */
  if (strncmp (line, "## ", 3) == 0)
    {
      fputs ("<h2>", fp);
      html (fp, line + 3);
      fputs ("</h2>\n", fp);
    }
  else if (strncmp (line, "# ", 2) == 0)
    {
      fputs ("<h1>", fp);
      html (fp, line + 2);
      fputs ("</h1>\n", fp);
    }
  else if (strncmp (line, "- ", 2) == 0)
    {
      fputs ("<p class=\"li\">&bull; ", fp);
      html (fp, line + 2);
      fputs ("</p>\n", fp);
    }
  else
    {
      fputs ("<p>", fp);
      html (fp, line[0] == '>' ? line + 2 : line);
      fputs ("</p>\n", fp);
    }
}

int
cc_report_html (FILE *fp, const cc_doc *doc)
{
  char *md = NULL, *line, *save = NULL;
  size_t mdlen = 0, i;
  FILE *m = open_memstream (&md, &mdlen);
  int in_table = 0, in_pre = 0, header = 0;

  if (m == NULL)
    return -1;
  cc_report_md (m, doc);
  fclose (m);
  fputs ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>", fp);
  html (fp, doc->vc ? doc->vc->title : "cloudcast report");
  fputs ("</title>\n<style>\n"
         "body{font-family:'DejaVu Sans',sans-serif;max-width:1150px;margin:2em auto;"
         "padding:0 1em;color:#222;line-height:1.45}\n"
         "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}\n"
         "th,td{border:1px solid #ccc;padding:0.25em 0.5em;vertical-align:top}\n"
         "th{background:#f2f2f2}\n"
         "pre{background:#f7f7f7;padding:1em;white-space:pre-wrap}\n"
         "figure{margin:1.5em 0}figcaption{font-size:0.85em;color:#555}\n"
         "img{max-width:100%;height:auto}\n.li{margin:0.2em 0}\n"
         "</style>\n</head>\n<body>\n", fp);
  for (line = strtok_r (md, "\n", &save); line != NULL;
       line = strtok_r (NULL, "\n", &save))
    {
      md_line_to_html (fp, line, &in_table, &in_pre, &header);
      /* Charts go right after the section that introduces them. */
      if (strncmp (line, "## Contract value", 17) == 0
          || strncmp (line, "## Reported storage", 19) == 0)
        for (i = 0; i < doc->nchart; i++)
          {
            const cc_doc_chart *ch = &doc->chart[i];
            char *svg;
            if (!ch->drawn || ch->storage != (line[3] == 'R'))
              continue;
            svg = malloc (strlen (doc->dir) + strlen (ch->name) + 8);
            if (svg == NULL)
              continue;
            sprintf (svg, "%s/%s.svg", doc->dir, ch->name);
            fputs ("<figure><img alt=\"", fp);
            html (fp, ch->alt);
            fputs ("\" src=\"data:image/svg+xml;base64,", fp);
            base64_file (fp, svg);
            fputs ("\"><figcaption>", fp);
            html (fp, ch->alt);
            fputs ("</figcaption></figure>\n", fp);
            free (svg);
          }
    }
  if (in_table)
    fputs ("</table>\n", fp);
  if (in_pre)
    fputs ("</pre>\n", fp);
  fputs ("<p><small>Made with cloudcast " PACKAGE_VERSION ".</small></p>\n"
         "</body>\n</html>\n", fp);
  free (md);
  return ferror (fp) ? -1 : 0;
}
