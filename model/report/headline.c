/* headline.c: the value in words and what it rests on. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/num.h"
#include "core/textutil.h"
#include "report/headline.h"

void
cc_text_plain (FILE *fp, const char *s)
{
  fputs (s, fp);
}

cc_qty_source
cc_driver_source (const cc_driver *dr)
{
  if (dr->fit != NULL)
    return CC_SRC_FITTED;
  if (dr->facts != NULL)
    return CC_SRC_REPORTED;
  return CC_SRC_ASSUMED;
}

const char *
cc_qty_source_words (cc_qty_source s)
{
  static const char *const words[CC_NSRC] = {
    "reported figures", "fitted billing data", "assumptions"
  };
  return s < CC_NSRC ? words[s] : "?";
}

void
cc_source_shares (const cc_valuecase *c, const cc_value_result *r,
                  double share[CC_NSRC])
{
  size_t d;
  int s;
  for (s = 0; s < CC_NSRC; s++)
    share[s] = 0;
  for (d = 0; d < c->model.ndriver; d++)
    share[cc_driver_source (&c->model.driver[d])] += r->driver_p50_share[d];
}

/* The symbol written before an amount, or NULL (the code goes after). */
static const char *
currency_symbol (const char *currency)
{
  if (strcmp (currency, "USD") == 0)
    return "$";
  if (strcmp (currency, "EUR") == 0)
    return "€";
  if (strcmp (currency, "GBP") == 0)
    return "£";
  return NULL;
}

/* NUM (a figure already in words) with CURRENCY's symbol or code. */
static void
with_currency (const char *num, const char *currency, char *buf, size_t size)
{
  const char *sym = currency_symbol (currency);
  if (sym != NULL)
    snprintf (buf, size, "%s%s", sym, num);
  else
    snprintf (buf, size, "%s %s", num, currency);
}

void
cc_money_words (double v, const char *currency, char *buf, size_t size)
{
  char num[CC_GROUP_MAX + 16];
  cc_sig_words (v, 3, num, sizeof num);
  with_currency (num, currency, buf, size);
}

void
cc_range_words (const cc_range *x, const char *currency, char *buf,
                size_t size)
{
  char mid[CC_GROUP_MAX + 32], lo[CC_GROUP_MAX + 32], hi[CC_GROUP_MAX + 32];
  char num[CC_GROUP_MAX];
  const char *wlo, *whi;
  double slo = cc_sig_scale (x->p10, &wlo), shi = cc_sig_scale (x->p90, &whi);

  cc_money_words (x->p50, currency, mid, sizeof mid);
  cc_money_words (x->p90, currency, hi, sizeof hi);
  if (slo == shi && shi > 1 && currency_symbol (currency) != NULL)
    {
      /* One scale word for both ends: "between $88.6 and $158 million". */
      cc_sig_number (x->p10 / slo, 3, num, sizeof num);
      with_currency (num, currency, lo, sizeof lo);
    }
  else
    cc_money_words (x->p10, currency, lo, sizeof lo);
  snprintf (buf, size, "about %s (P50), between %s and %s (P10 to P90)",
            mid, lo, hi);
}

/* The drivers of source S with their shares, largest first. */
static void
named_drivers (FILE *fp, const cc_valuecase *c, const cc_value_result *r,
               cc_qty_source s, cc_text_fn text)
{
  size_t idx[CC_MAX_DRIVERS], n = 0, i, j;
  char num[64];
  for (i = 0; i < c->model.ndriver; i++)
    if (cc_driver_source (&c->model.driver[i]) == s)
      {
        for (j = n; j > 0 && r->driver_p50_share[idx[j - 1]]
                              < r->driver_p50_share[i]; j--)
          idx[j] = idx[j - 1];
        idx[j] = i;
        n++;
      }
  fputs (" (", fp);
  for (i = 0; i < n; i++)
    {
      cc_group_digits (100 * r->driver_p50_share[idx[i]], 1, num, sizeof num);
      fputs (i ? ", " : "", fp);
      text (fp, c->model.driver[idx[i]].title);
      fprintf (fp, " %s %%", num);
    }
  fputs (")", fp);
}

void
cc_rests_on (FILE *fp, const cc_valuecase *c, const cc_value_result *r,
             cc_text_fn text)
{
  double share[CC_NSRC];
  char num[64];
  int s;

  cc_source_shares (c, r, share);
  for (s = 0; s < CC_NSRC; s++)
    {
      fputs (s == 0 ? "" : s == CC_NSRC - 1 ? "; and " : "; ", fp);
      if (share[s] == 0)
        {
          fprintf (fp, "none on %s", cc_qty_source_words (s));
          continue;
        }
      cc_group_digits (100 * share[s], 1, num, sizeof num);
      fprintf (fp, "%s %% on %s", num, cc_qty_source_words (s));
      named_drivers (fp, c, r, s, text);
    }
}

void
cc_report_date (char *buf, size_t size)
{
  const char *env = getenv ("SOURCE_DATE_EPOCH");
  time_t t = time (NULL);
  struct tm tm;
  long v;
  if (env != NULL && cc_num_parse_long (env, 0, 253402300799L, &v) == 0)
    t = (time_t) v;
  if (gmtime_r (&t, &tm) == NULL || strftime (buf, size, "%Y-%m-%d", &tm) == 0)
    snprintf (buf, size, "unknown date");
}

const char *
cc_scenario_basename (const cc_valuecase *c)
{
  const char *slash = strrchr (c->file->path, '/');
  return slash != NULL ? slash + 1 : c->file->path;
}

/* Where KEY of driver DR's section is set: "FILE line N". */
static void
driver_line (const cc_valuecase *c, const cc_driver *dr, const char *key,
             char *buf, size_t size)
{
  char name[80];
  const cc_scnfile_section *s;
  long line = 0;
  snprintf (name, sizeof name, "driver %s", dr->name);
  s = cc_scnfile_section_find (c->file, name);
  if (s != NULL && cc_scnfile_get (s, key, &line) == NULL)
    line = s->line;
  snprintf (buf, size, "%s line %ld", cc_scenario_basename (c), line);
}

/* The reported points of driver D: "FILE line 2: 400 TB (2025-07)". */
static void
reported_basis (const cc_valuecase *c, size_t d, char *buf, size_t size)
{
  const cc_reported_metric *rm = c->metric[d];
  const char *path = c->reported[d]->path, *slash = strrchr (path, '/');
  size_t i, n;
  n = (size_t) snprintf (buf, size, "reported figures of %s", rm->metric);
  for (i = 0; i < rm->n && n < size; i++)
    {
      char num[CC_GROUP_MAX];
      const cc_reported_point *pt = &rm->point[i];
      cc_group_digits (pt->bytes / rm->unit->bytes, 0, num, sizeof num);
      n += (size_t) snprintf (buf + n, size - n, "%s %s line %ld: %s %s "
                              "(%04d-%02d)", i ? ";" : ":",
                              slash ? slash + 1 : path, pt->line, num,
                              rm->unit->name, pt->date.year, pt->date.month);
    }
}

void
cc_driver_basis (const cc_valuecase *c, size_t d, char *buf, size_t size,
                 char *set_in, size_t set_size)
{
  const cc_driver *dr = &c->model.driver[d];
  char a[160], b[160], g[160];
  const char *data;
  char name[80];
  snprintf (name, sizeof name, "driver %s", dr->name);
  data = cc_scnfile_get (cc_scnfile_section_find (c->file, name), "data",
                         NULL);
  if (dr->fit != NULL)
    {
      snprintf (buf, size, "fitted %s growth to %s (AICc weight %.2f, %zu "
                "points)", dr->fit->model->name, data ? data : "?",
                dr->fit->weight, dr->fit->n);
      driver_line (c, dr, "data", set_in, set_size);
      return;
    }
  if (dr->facts != NULL)
    {
      reported_basis (c, d, buf, size);
      driver_line (c, dr, "data", set_in, set_size);
      return;
    }
  cc_dist_format (&dr->factor, b, sizeof b);
  cc_dist_format (&dr->growth, g, sizeof g);
  if (dr->link >= 0)
    {
      snprintf (buf, size, "assumed: the quantity of %s x factor %s",
                c->model.driver[dr->link].title, b);
      driver_line (c, dr, "link", set_in, set_size);
      return;
    }
  cc_dist_format (&dr->base, a, sizeof a);
  snprintf (buf, size, "assumed: quantity %s x factor %s, annual growth %s",
            a, b, g);
  if (dr->growth_months > 0)
    {
      size_t n = strlen (buf);
      snprintf (buf + n, size - n, " for %d months", dr->growth_months);
    }
  driver_line (c, dr, "quantity", set_in, set_size);
}
