/* test_fit_nist.c: the fitter against the NIST StRD nonlinear regression
 * sets (tests/data/nist, certified values in certified.csv).
 *
 * From each certified start vector, every parameter and the RSS must reach
 * a log relative error (LRE) of at least 6 and every standard deviation,
 * computed as sqrt(s^2 (J'J)^-1), at least 4. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "fit/fit.h"
#include "fit/series.h"
#include "tap.h"

#define MAXSET 16

typedef struct
{
  char name[32];
  size_t p;
  double val[CC_FIT_MAXP], sd[CC_FIT_MAXP], rss;
  double start[2][CC_FIT_MAXP];
} cert;

typedef struct
{
  cert c[MAXSET];
  size_t n;
} certs;

static int
cert_row (const cc_csv_row *row, void *ctx, cc_err *err)
{
  certs *cs = ctx;
  cert *c = NULL;
  size_t i;
  (void) err;
  if (row->record == 1)
    return CC_OK;
  for (i = 0; i < cs->n; i++)
    if (strcmp (cs->c[i].name, row->field[0]) == 0)
      c = &cs->c[i];
  if (c == NULL)
    {
      c = &cs->c[cs->n++];
      snprintf (c->name, sizeof c->name, "%s", row->field[0]);
    }
  c->val[c->p] = strtod (row->field[2], NULL);
  c->sd[c->p] = strtod (row->field[3], NULL);
  c->rss = strtod (row->field[4], NULL);
  c->start[0][c->p] = strtod (row->field[8], NULL);
  c->start[1][c->p] = strtod (row->field[9], NULL);
  c->p++;
  return CC_OK;
}

/* Log relative error: the number of correct significant digits. */
static double
lre (double got, double want)
{
  double r = fabs (got - want) / fabs (want);
  return r == 0 ? 15 : -log10 (r);
}

static const char *
model_for (const char *set)
{
  static const char *map[][2] = {
    { "Misra1a", "monomolecular" }, { "BoxBOD", "monomolecular" },
    { "Rat42", "logistic" }, { "Rat43", "richards" }, { "DanWood", "power" },
    { "Misra1b", "misra1b" }, { "Chwirut2", "chwirut2" },
    { "Eckerle4", "eckerle4" }, { "MGH09", "mgh09" },
    { "Thurber", "thurber" }, { "Bennett5", "bennett5" },
  };
  size_t i;
  for (i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strcmp (map[i][0], set) == 0)
      return map[i][1];
  return NULL;
}

int
main (void)
{
  const char *top = getenv ("top_srcdir");
  char path[4096];
  certs cs;
  cc_err err;
  size_t i, j, s;

  gsl_set_error_handler_off ();
  if (top == NULL)
    top = ".";
  memset (&cs, 0, sizeof cs);
  snprintf (path, sizeof path, "%s/tests/data/nist/certified.csv", top);
  if (!ok (cc_csv_read (path, cert_row, &cs, &err) == CC_OK,
           "read certified.csv"))
    return done_testing ();
  is_int (cs.n, 11, "11 certified sets");

  for (i = 0; i < cs.n; i++)
    {
      const cert *c = &cs.c[i];
      const cc_model *m = cc_model_find (model_for (c->name));
      cc_series_set *set = cc_series_set_alloc ();
      snprintf (path, sizeof path, "%s/tests/data/nist/%s.csv", top, c->name);
      if (!ok (m != NULL && cc_series_read_xy (path, set, &err) == CC_OK,
               "%s: read data, model %s", c->name, m ? m->name : "?"))
        {
          cc_series_set_free (set);
          continue;
        }
      cc_series *d = &set->s[0];
      cc_fit_ws *w = cc_fit_ws_alloc (d->n);
      for (s = 0; s < 2; s++)
        {
          cc_fit_opts o = { CC_SCALE_LEVEL, c->start[s], c->p, 0, 0 };
          cc_fit f;
          double minp = 99, minsd = 99;
          int rc = cc_fit_model (m, d->x, d->y, d->n, &o, w, &f, &err);
          if (!ok (rc == CC_OK && f.status == CC_FIT_OK,
                   "%s start %zu: converged (%zu of %zu runs agree)",
                   c->name, s + 1, f.agree, f.runs))
            {
              printf ("# %s %s\n", err.msg, f.note);
              continue;
            }
          for (j = 0; j < c->p; j++)
            {
              double l = lre (f.b[j], c->val[j]), ls = lre (f.se[j], c->sd[j]);
              if (l < minp)
                minp = l;
              if (ls < minsd)
                minsd = ls;
            }
          ok (minp >= 6, "%s start %zu: parameters LRE %.1f >= 6", c->name,
              s + 1, minp);
          ok (lre (f.rss, c->rss) >= 6, "%s start %zu: RSS LRE %.1f >= 6",
              c->name, s + 1, lre (f.rss, c->rss));
          ok (minsd >= 4, "%s start %zu: std. dev. LRE %.1f >= 4", c->name,
              s + 1, minsd);
        }
      cc_fit_ws_free (w);
      cc_series_set_free (set);
    }
  return done_testing ();
}
