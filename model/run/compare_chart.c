/* compare_chart.c: the chart of `cloudcast compare` (compare_chart.h). */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textutil.h"
#include "plots/registry.h"
#include "run/compare_chart.h"
#include "run/run.h"

/* The row of CMP with KEY, or NULL. */
static const cc_cmp_row *
row_of (const cc_compare *cmp, const char *key)
{
  size_t r;
  for (r = 0; r < cmp->nrow; r++)
    if (strcmp (cmp->row[r].key, key) == 0)
      return &cmp->row[r];
  return NULL;
}

/* Add to panel PN the group LABEL from rows STEM.p10, STEM.p50 and
   STEM.p90; 0, or -1 when the panel is full or a row is missing. */
static int
add_group (const cc_compare *cmp, cc_chart_cmp_panel *pn, const char *stem,
           const char *label)
{
  static const char *const sfx[3] = { "p10", "p50", "p90" };
  const cc_cmp_row *w[3];
  char key[128];
  size_t s, q, g = pn->ngroup;
  if (g >= CC_CMP_CHART_GROUPS)
    return -1;
  for (q = 0; q < 3; q++)
    {
      snprintf (key, sizeof key, "%s.%s", stem, sfx[q]);
      if ((w[q] = row_of (cmp, key)) == NULL)
        return -1;
    }
  cc_label_printf (pn->group[g], sizeof pn->group[g], "%s", label);
  for (s = 0; s < cmp->n && s < CC_CMP_CHART_SCENARIOS; s++)
    {
      pn->p10[g][s] = w[0]->v[s];
      pn->p50[g][s] = w[1]->v[s];
      pn->p90[g][s] = w[2]->v[s];
    }
  pn->ngroup++;
  return 0;
}

/* The row label LABEL without its ", P50" and SUFFIX, into BUF. */
static void
trim_label (const char *label, const char *suffix, char *buf, size_t n)
{
  size_t len, k = strlen (suffix);
  snprintf (buf, n, "%s", label);
  len = strlen (buf);
  if (len >= 5 && strcmp (buf + len - 5, ", P50") == 0)
    buf[len -= 5] = '\0';
  if (len >= k && strcmp (buf + len - k, suffix) == 0)
    buf[len - k] = '\0';
}

/* S without its first WORDS. */
static void
cut_words (char *s, const char *words)
{
  char *p = strstr (s, words);
  if (p != NULL)
    memmove (p, p + strlen (words), strlen (p + strlen (words)) + 1);
}

/* The panels: value and NPV, the years, the drivers over the term, then
   each driver's usage in its own unit, as many as fit. */
static void
build (const cc_compare *cmp, cc_chart_compare *c)
{
  cc_chart_cmp_panel *pn;
  char stem[128], label[200];
  size_t r, s;

  c->n = cmp->n < CC_CMP_CHART_SCENARIOS ? cmp->n : CC_CMP_CHART_SCENARIOS;
  for (s = 0; s < c->n; s++)
    c->scenario[s] = cc_compare_short_name (cmp->name[s]);
  pn = &c->panel[c->npanel++];
  cc_label_printf (pn->title, sizeof pn->title, "Term value and NPV, %s",
                   cmp->currency);
  add_group (cmp, pn, "total", "Term value");
  add_group (cmp, pn, "npv", "Net present value");
  pn = &c->panel[c->npanel++];
  cc_label_printf (pn->title, sizeof pn->title, "Each contract year, %s",
                   cmp->currency);
  for (r = 1; r <= CC_CMP_CHART_GROUPS; r++)
    {
      snprintf (stem, sizeof stem, "year.%zu", r);
      snprintf (label, sizeof label, "Year %zu", r);
      if (add_group (cmp, pn, stem, label) != 0)
        break;
    }
  pn = &c->panel[c->npanel++];
  cc_label_printf (pn->title, sizeof pn->title, "Each driver over the "
                   "term, %s", cmp->currency);
  for (r = 0; r < cmp->nrow; r++)
    if (strncmp (cmp->row[r].key, "driver.", 7) == 0
        && strcmp (cmp->row[r].key + strlen (cmp->row[r].key) - 4, ".p50") == 0)
      {
        snprintf (stem, sizeof stem, "%.*s",
                  (int) (strlen (cmp->row[r].key) - 4), cmp->row[r].key);
        trim_label (cmp->row[r].label, " over the term", label, sizeof label);
        add_group (cmp, pn, stem, label);
      }
  for (r = 0; r < cmp->nrow && c->npanel < CC_CMP_CHART_PANELS; r++)
    if (strncmp (cmp->row[r].key, "quantity.", 9) == 0
        && strcmp (cmp->row[r].key + strlen (cmp->row[r].key) - 4, ".p50") == 0)
      {
        pn = &c->panel[c->npanel];
        snprintf (stem, sizeof stem, "%.*s",
                  (int) (strlen (cmp->row[r].key) - 4), cmp->row[r].key);
        trim_label (cmp->row[r].label, "", pn->title, sizeof pn->title);
        cut_words (pn->title, ", quantity in the last month");
        if (add_group (cmp, pn, stem, "") == 0)
          c->npanel++;
      }
}

int
cc_run_compare_chart (const cc_compare *cmp, const int *want,
                      const cc_output *out, cc_err *err)
{
  cc_chart_compare *c = calloc (1, sizeof *c);
  cc_chart_data d;
  cc_chartset set;
  int rc;

  if (c == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  build (cmp, c);
  cc_label_printf (c->title, sizeof c->title, "Scenarios compared: %s",
                   cmp->title[0]);
  cc_label_printf (c->subtitle, sizeof c->subtitle, "Bars P50, whiskers P10 "
                   "to P90; usage in the last month; seed %lu and %zu "
                   "draws for all", cmp->seed, cmp->draws);
  cc_label_printf (c->source, sizeof c->source, "Each scenario's own "
                   "sources and price books (compare.md). Chart: cloudcast.");
  memset (&d, 0, sizeof d);
  d.compare = c;
  rc = cc_charts_prepare (&set, &d, CC_CHARTS_COMPARE, err);
  if (rc == CC_OK)
    rc = cc_charts_draw (&set, out, want, 0, err);
  if (rc == CC_OK && set.n == 1 && set.chart[0].drawn)
    rc = cc_output_file (out, "compare.alt.txt", cc_run_write_alt,
                         set.chart[0].alt, err);
  cc_charts_free (&set);
  free (c);
  return rc;
}
