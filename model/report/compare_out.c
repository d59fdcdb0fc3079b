/* compare_out.c: the comparison as CSV, JSON, Markdown and HTML
 * (compare.h). */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvwrite.h"
#include "core/json.h"
#include "core/textutil.h"
#include "report/compare.h"
#include "report/mdtext.h"

const char *
cc_compare_short_name (const char *path)
{
  const char *slash = strrchr (path, '/');
  return slash ? slash + 1 : path;
}

static void
csv_num (FILE *fp, double v)
{
  fputc (',', fp);
  if (!isnan (v))
    fprintf (fp, "%.2f", v);
}

int
cc_compare_csv (FILE *fp, const void *arg)
{
  const cc_compare *c = arg;
  char head[512];
  size_t r, s;

  fputs ("key,label", fp);
  for (s = 0; s < c->n; s++)
    {
      fputc (',', fp);
      cc_csv_field (fp, cc_compare_short_name (c->name[s]));
    }
  for (s = 1; s < c->n; s++)
    {
      snprintf (head, sizeof head, "%s - %s", cc_compare_short_name (c->name[s]),
                cc_compare_short_name (c->name[0]));
      fputc (',', fp);
      cc_csv_field (fp, head);
      snprintf (head, sizeof head, "standard error of %s - %s",
                cc_compare_short_name (c->name[s]), cc_compare_short_name (c->name[0]));
      fputc (',', fp);
      cc_csv_field (fp, head);
    }
  fputc ('\n', fp);
  for (r = 0; r < c->nrow; r++)
    {
      const cc_cmp_row *w = &c->row[r];
      const char *f[2] = { w->key, w->label };
      cc_csv_fields (fp, f, 2);
      for (s = 0; s < c->n; s++)
        csv_num (fp, w->v[s]);
      for (s = 1; s < c->n; s++)
        {
          csv_num (fp, w->diff[s]);
          csv_num (fp, w->se[s]);
        }
      fputc ('\n', fp);
    }
  return ferror (fp) ? -1 : 0;
}

int
cc_compare_skus_csv (FILE *fp, const void *arg)
{
  const cc_compare *c = arg;
  size_t k, s;
  fputs ("driver,provider", fp);
  for (s = 0; s < c->n; s++)
    {
      fputc (',', fp);
      cc_csv_field (fp, cc_compare_short_name (c->name[s]));
    }
  fputc ('\n', fp);
  for (k = 0; k < c->nsku; k++)
    {
      const char *f[2] = { c->sku[k].driver, c->sku[k].provider };
      cc_csv_fields (fp, f, 2);
      for (s = 0; s < c->n; s++)
        {
          fputc (',', fp);
          cc_csv_field (fp, c->sku[k].cell[s]);
        }
      fputc ('\n', fp);
    }
  return ferror (fp) ? -1 : 0;
}

static const char paired[] =
  "every scenario drawn with the same seed and number of draws, draw b of "
  "each from the same random stream (common random numbers); the standard "
  "error of a difference is from batch means over 20 batches of draws";

static json_t *
json_rows (const cc_compare *c)
{
  json_t *a = json_array ();
  size_t r, s;
  for (r = 0; r < c->nrow; r++)
    {
      json_t *o = json_object (), *v = json_array (), *d = json_array ();
      cc_json_set (o, "key", cc_json_str (c->row[r].key));
      cc_json_set (o, "label", cc_json_str (c->row[r].label));
      for (s = 0; s < c->n; s++)
        cc_json_push (v, cc_json_fixed (c->row[r].v[s], 2));
      for (s = 1; s < c->n; s++)
        {
          json_t *e = json_object ();
          cc_json_set (e, "scenario", cc_json_str (c->name[s]));
          cc_json_set (e, "minus", cc_json_str (c->name[0]));
          cc_json_set (e, "difference", cc_json_fixed (c->row[r].diff[s], 2));
          cc_json_set (e, "standard_error", cc_json_fixed (c->row[r].se[s], 2));
          cc_json_push (d, e);
        }
      cc_json_set (o, "values", v);
      cc_json_set (o, "differences", d);
      cc_json_push (a, o);
    }
  return a;
}

int
cc_compare_json (FILE *fp, const void *arg)
{
  const cc_compare *c = arg;
  json_t *root = json_object (), *sc = json_array (), *sk = json_array ();
  size_t s, k;
  int rc;

  cc_json_set (root, "seed", json_integer ((json_int_t) c->seed));
  cc_json_set (root, "draws", json_integer ((json_int_t) c->draws));
  cc_json_set (root, "currency", cc_json_str (c->currency));
  cc_json_set (root, "paired_draws", cc_json_str (paired));
  for (s = 0; s < c->n; s++)
    {
      json_t *o = json_object ();
      cc_json_set (o, "file", cc_json_str (c->name[s]));
      cc_json_set (o, "title", cc_json_str (c->title[s]));
      cc_json_set (o, "valued_provider", cc_json_str (c->valued[s]));
      cc_json_push (sc, o);
    }
  cc_json_set (root, "scenarios", sc);
  cc_json_set (root, "rows", json_rows (c));
  for (k = 0; k < c->nsku; k++)
    {
      json_t *o = json_object (), *cells = json_array ();
      cc_json_set (o, "driver", cc_json_str (c->sku[k].driver));
      cc_json_set (o, "provider", cc_json_str (c->sku[k].provider));
      for (s = 0; s < c->n; s++)
        cc_json_push (cells, cc_json_str (c->sku[k].cell[s]));
      cc_json_set (o, "skus", cells);
      cc_json_push (sk, o);
    }
  cc_json_set (root, "skus", sk);
  rc = cc_json_dump (fp, root, 15);
  json_decref (root);
  return rc;
}

/* "1,234" or "n/a". */
static void
md_amount (FILE *fp, double v, int sign)
{
  char buf[CC_GROUP_MAX];
  if (isnan (v))
    {
      fputs ("n/a", fp);
      return;
    }
  cc_group_digits (fabs (v), 0, buf, sizeof buf);
  fprintf (fp, "%s%s", v < 0 ? "\xe2\x88\x92" : (sign && v > 0 ? "+" : ""),
           buf);
}

/* One Markdown column head a scenario. */
static void
md_names (FILE *fp, const cc_compare *c)
{
  size_t s;
  for (s = 0; s < c->n; s++)
    {
      fputc (' ', fp);
      cc_md_text (fp, cc_compare_short_name (c->name[s]));
      fputs (" |", fp);
    }
}

static void
md_values (FILE *fp, const cc_compare *c)
{
  size_t r, s;
  fputs ("| Figure |", fp);
  md_names (fp, c);
  for (s = 1; s < c->n; s++)
    {
      fputc (' ', fp);
      cc_md_text (fp, cc_compare_short_name (c->name[s]));
      fputs (" \xe2\x88\x92 ", fp);
      cc_md_text (fp, cc_compare_short_name (c->name[0]));
      fputs (" |", fp);
    }
  fputs ("\n|---|", fp);
  for (s = 1; s < 2 * c->n; s++)
    fputs ("---:|", fp);
  fputc ('\n', fp);
  for (r = 0; r < c->nrow; r++)
    {
      const cc_cmp_row *w = &c->row[r];
      fputs ("| ", fp);
      cc_md_text (fp, w->label);
      for (s = 0; s < c->n; s++)
        {
          fputs (" | ", fp);
          md_amount (fp, w->v[s], 0);
        }
      for (s = 1; s < c->n; s++)
        {
          fputs (" | ", fp);
          md_amount (fp, w->diff[s], 1);
          fputs (" \xc2\xb1 ", fp);
          md_amount (fp, w->se[s], 0);
        }
      fputs (" |\n", fp);
    }
}

static void
md_skus (FILE *fp, const cc_compare *c)
{
  size_t k, s;
  fputs ("| Driver | Provider |", fp);
  md_names (fp, c);
  fputs ("\n|---|---|", fp);
  for (s = 0; s < c->n; s++)
    fputs ("---|", fp);
  fputc ('\n', fp);
  for (k = 0; k < c->nsku; k++)
    {
      fputs ("| ", fp);
      cc_md_text (fp, c->sku[k].driver);
      fputs (" | ", fp);
      cc_md_text (fp, c->sku[k].provider);
      for (s = 0; s < c->n; s++)
        {
          fputs (" | ", fp);
          cc_md_text (fp, c->sku[k].cell[s]);
        }
      fputs (" |\n", fp);
    }
}

int
cc_compare_md (FILE *fp, const void *arg)
{
  const cc_compare *c = arg;
  size_t s;
  fputs ("# Scenarios compared\n\n", fp);
  for (s = 0; s < c->n; s++)
    {
      fputs ("- ", fp);
      cc_md_text (fp, cc_compare_short_name (c->name[s]));
      fputs (": ", fp);
      cc_md_text (fp, c->title[s]);
      fputs (", valued on ", fp);
      cc_md_text (fp, c->valued[s]);
      fputc ('\n', fp);
    }
  fputs ("\nAmounts in ", fp);
  cc_md_text (fp, c->currency);
  fprintf (fp, " over each scenario's term.  Same seed (%lu) "
           "and draws (%zu) for every scenario, draw b of each from the same "
           "random stream, so a difference is not Monte Carlo noise where "
           "the scenarios draw the same assumptions; \xc2\xb1 is the Monte "
           "Carlo standard error of each difference (batch means over %d "
           "batches of draws).  Usage is each driver's quantity in its own "
           "unit in the last month of the term.  n/a: not in that scenario, "
           "or a driver its valued provider does not price (see the skus "
           "below).  The chart compare.svg shows the same figures.\n\n"
           "## Value side by side\n\n", c->seed, c->draws, CC_CMP_BATCHES);
  md_values (fp, c);
  fputs ("\n## Skus by driver and provider\n\n", fp);
  md_skus (fp, c);
  return ferror (fp) ? -1 : 0;
}

int
cc_compare_html (FILE *fp, const void *arg)
{
  return cc_md_html_page_of (fp, "Scenarios compared", cc_compare_md, arg,
                             NULL, "");
}
