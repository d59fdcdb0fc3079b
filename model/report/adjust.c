/* adjust.c: the list of adjustments to list prices. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/families.h"
#include "core/textutil.h"
#include "report/adjust.h"
#include "report/headline.h"

/* "FILE line N" for KEY of SECTION in the scenario, or the file alone. */
static void
where (const cc_valuecase *c, const char *section, const char *key,
       char *buf, size_t size)
{
  const cc_scnfile_section *s = cc_scnfile_section_find (c->file, section);
  long line = 0;
  if (s != NULL && cc_scnfile_get (s, key, &line) != NULL && line > 0)
    snprintf (buf, size, "%s line %ld", cc_scenario_basename (c), line);
  else
    snprintf (buf, size, "%s", cc_scenario_basename (c));
}

/* A new row at the end of *LIST (grown as needed), or NULL. */
static cc_adjustment *
add (cc_adjustment **list, size_t *n, size_t *cap, const char *kind)
{
  cc_adjustment *a;
  if (*n == *cap)
    {
      size_t nc = *cap ? 2 * *cap : 16;
      cc_adjustment *p = realloc (*list, nc * sizeof *p);
      if (p == NULL)
        return NULL;
      *list = p;
      *cap = nc;
    }
  a = &(*list)[(*n)++];
  memset (a, 0, sizeof *a);
  a->kind = kind;
  return a;
}

/* A fraction as a percentage with the digits it has: 0.2 -> "20". */
static void
percent (double f, char *buf, size_t size)
{
  snprintf (buf, size, "%.10g", 100 * f);
}

/* The driver-level adjustments of driver D on provider P. */
static void
driver_adjustments (const cc_valuecase *c, size_t d, size_t p,
                    cc_adjustment **list, size_t *n, size_t *cap)
{
  const cc_value_model *m = &c->model;
  const cc_driver *dr = &m->driver[d];
  const cc_driver_price *dp = &dr->price[p];
  char section[80], key[96], num[32];
  cc_adjustment *a;

  if (dp->nsku == 0)
    return;
  snprintf (section, sizeof section, "driver %s", dr->name);
  if (dp->discount >= 0 && (a = add (list, n, cap, "discount")) != NULL)
    {
      snprintf (a->provider, sizeof a->provider, "%s", m->provider[p]);
      snprintf (a->applies, sizeof a->applies, "%s", dr->title);
      a->value = dp->discount;
      percent (dp->discount, num, sizeof num);
      snprintf (a->text, sizeof a->text, "%s %% off list prices "
                "(instead of the provider's %.10g %%)", num,
                100 * m->discount[p]);
      snprintf (key, sizeof key, "%s.%s", m->provider[p], dr->name);
      where (c, "discounts", key, a->set_in, sizeof a->set_in);
    }
  if (strcmp (dp->term, "payg") != 0 && (a = add (list, n, cap, "term")))
    {
      snprintf (a->provider, sizeof a->provider, "%s", m->provider[p]);
      snprintf (a->applies, sizeof a->applies, "%s", dr->title);
      a->value = 1;
      snprintf (a->text, sizeof a->text, "list prices of the %s term, not "
                "pay-as-you-go", dp->term);
      snprintf (key, sizeof key, "term.%s", m->provider[p]);
      where (c, section, key, a->set_in, sizeof a->set_in);
    }
  if (dp->reserved_blocks > 0 && (a = add (list, n, cap, "reservation")))
    {
      snprintf (a->provider, sizeof a->provider, "%s", m->provider[p]);
      snprintf (a->applies, sizeof a->applies, "%s", dr->title);
      a->value = dp->reserved_blocks;
      snprintf (a->text, sizeof a->text, "%.10g blocks reserved on the %s "
                "term, paid whether used or not, usage beyond them at list "
                "prices", dp->reserved_blocks, dp->reserved_term);
      snprintf (key, sizeof key, "reserved_blocks.%s", m->provider[p]);
      where (c, section, key, a->set_in, sizeof a->set_in);
    }
}

size_t
cc_adjustments (const cc_valuecase *c, cc_adjustment **out)
{
  const cc_value_model *m = &c->model;
  cc_adjustment *list = NULL, *a;
  size_t n = 0, cap = 0, p, d, i;
  char num[32];

  for (p = 0; p < m->nprovider; p++)
    {
      if (m->discount[p] > 0 && (a = add (&list, &n, &cap, "discount")))
        {
          snprintf (a->provider, sizeof a->provider, "%s", m->provider[p]);
          snprintf (a->applies, sizeof a->applies, "every driver priced "
                    "there");
          a->value = m->discount[p];
          percent (m->discount[p], num, sizeof num);
          snprintf (a->text, sizeof a->text, "%s %% off list prices", num);
          where (c, "discounts", m->provider[p], a->set_in, sizeof a->set_in);
        }
      for (d = 0; d < m->ndriver; d++)
        driver_adjustments (c, d, p, &list, &n, &cap);
    }
  if (m->annual_change != 0
      && (a = add (&list, &n, &cap, "annual price change")) != NULL)
    {
      snprintf (a->applies, sizeof a->applies, "every price");
      a->value = m->annual_change;
      percent (m->annual_change, num, sizeof num);
      snprintf (a->text, sizeof a->text, "%s%s %% a year, compounded from "
                "the second contract year", m->annual_change > 0 ? "+" : "",
                num);
      where (c, "scenario", "annual_price_change", a->set_in,
             sizeof a->set_in);
    }
  for (i = 0; i < c->nconv; i++)
    if ((a = add (&list, &n, &cap, "currency rate")) != NULL)
      {
        snprintf (a->applies, sizeof a->applies, "prices in %s",
                  c->rate_used[i].from);
        a->value = c->rate_used[i].rate;
        snprintf (a->text, sizeof a->text, "1 %s = %.10g %s",
                  c->rate_used[i].from, c->rate_used[i].rate,
                  c->rate_used[i].to);
        where (c, "scenario", "rates", a->set_in, sizeof a->set_in);
        snprintf (a->source, sizeof a->source, "%s, %s",
                  c->rate_used[i].source, c->rate_used[i].date);
      }
  *out = list;
  return n;
}

void
cc_adjustments_words (FILE *fp, const cc_valuecase *c, cc_text_fn text)
{
  cc_adjustment *a = NULL;
  size_t n = cc_adjustments (c, &a), i;
  if (n == 0)
    fputs ("none (pay-as-you-go list prices, no discount, no price change, "
           "one currency)", fp);
  for (i = 0; i < n; i++)
    {
      fputs (i ? "; " : "", fp);
      text (fp, a[i].kind);
      if (a[i].provider[0])
        {
          fputs (" on ", fp);
          text (fp, cc_provider_label (a[i].provider));
        }
      fputs (" (", fp);
      text (fp, a[i].applies);
      fputs ("): ", fp);
      text (fp, a[i].text);
    }
  free (a);
}
