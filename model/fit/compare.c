/* compare.c: every model of a list fitted, ranked and backtested. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fit/compare.h"

int
cc_compare_run (const cc_model_list *l, const cc_fit_opts *fo,
                const cc_series *s, size_t holdout, cc_fit_ws *w,
                cc_compare *c, cc_err *err)
{
  size_t j;
  int rc;
  memset (c, 0, sizeof *c);
  c->s = s;
  c->holdout = holdout;
  rc = cc_fit_all (l, s->key, s->x, s->y, s->n, fo, w, c->fit, &c->nfit,
                   &c->sel, err);
  if (rc != CC_OK)
    return rc;
  for (j = 0; holdout && j < c->nfit; j++)
    {
      c->bt[j].holdout = holdout;
      if (c->fit[j].status != CC_FIT_OK)
        continue;
      rc = cc_backtest_run (c->fit[j].model, fo, s->x, s->y, s->n, holdout,
                            w, &c->bt[j], err);
      if (rc == CC_EUSAGE)
        {
          cc_err e = *err;   /* the message must not be its own argument */
          return cc_err_set (err, rc, NULL, 0, 0, "%s: %s", s->key, e.msg);
        }
      if (rc != CC_OK)
        return rc;
    }
  return CC_OK;
}

int
cc_compare_converged (const cc_compare *c)
{
  size_t j;
  for (j = 0; j < c->nfit; j++)
    if (c->fit[j].status == CC_FIT_OK)
      return 1;
  return 0;
}

/* With a hold-out, "auto" confirms the AICc choice: it should also have
 * the lowest hold-out MAPE among the converged models.  0 when there is
 * nothing to say. */
static int
confirm (const cc_compare *c, char *buf, size_t size)
{
  const cc_fit *f = c->fit;
  const cc_backtest *bt = c->bt;
  const char *key = c->s->key;
  long sel = c->sel;
  size_t i, best = c->nfit;
  for (i = 0; i < c->nfit; i++)
    if (f[i].status == CC_FIT_OK && bt[i].done && isfinite (bt[i].mape)
        && (best == c->nfit || bt[i].mape < bt[best].mape))
      best = i;
  if (sel < 0 || best == c->nfit)
    return 0;
  if (!bt[sel].done)
    snprintf (buf, size, "%s: AICc picks %s, whose hold-out fit failed; "
              "not confirmed", key, f[sel].model->name);
  else if ((long) best == sel)
    snprintf (buf, size, "%s: AICc picks %s; confirmed by the lowest "
              "hold-out MAPE (%.3g %%)", key, f[sel].model->name,
              bt[sel].mape);
  /* Within a tenth (or half a point) of the best is a tie, not a veto. */
  else if (bt[sel].mape <= 1.1 * bt[best].mape
           || bt[sel].mape <= bt[best].mape + 0.5)
    snprintf (buf, size, "%s: AICc picks %s; confirmed: its hold-out MAPE "
              "%.3g %% is within 10 %% of the lowest (%s, %.3g %%)", key,
              f[sel].model->name, bt[sel].mape, f[best].model->name,
              bt[best].mape);
  else
    snprintf (buf, size, "%s: AICc picks %s (hold-out MAPE %.3g %%); not "
              "confirmed: %s has %.3g %%", key, f[sel].model->name,
              bt[sel].mape, f[best].model->name, bt[best].mape);
  return 1;
}

/* Every converged fit has RSS = 0 (a constant or exactly linear series). */
static int
cc_compare_exact (const cc_compare *c)
{
  size_t j, nok = 0;
  for (j = 0; j < c->nfit; j++)
    if (c->fit[j].status == CC_FIT_OK)
      {
        if (!(c->fit[j].rss == 0))
          return 0;
        nok++;
      }
  return nok > 0;
}

size_t
cc_compare_notes (const cc_compare *c, int autosel,
                  char note[][CC_COMPARE_NOTE], size_t max)
{
  size_t n = 0;
  if (c->sel < 0 && n < max)
    {
      if (cc_compare_exact (c))
        snprintf (note[n++], CC_COMPARE_NOTE, "%s: the models fit these "
                  "%zu points exactly (RSS = 0, e.g. a constant series), so AICc is "
                  "undefined; nothing selected, and 'project' gives named "
                  "scenarios", c->s->key, c->s->n);
      else if (cc_compare_converged (c))
        snprintf (note[n++], CC_COMPARE_NOTE, "%s: %zu points are too "
                  "few for AICc to rank any model (it needs n > k + 1); nothing selected, "
                  "and 'project' gives named scenarios", c->s->key, c->s->n);
      else
        snprintf (note[n++], CC_COMPARE_NOTE, "%s: no model converged",
                  c->s->key);
    }
  if (c->holdout && autosel && n < max
      && confirm (c, note[n], CC_COMPARE_NOTE))
    n++;
  return n;
}

size_t
cc_compare_maxshow (const cc_model_list *l)
{
  size_t i, sh, maxshow = 0;
  for (i = 0; i < l->nmodel; i++)
    {
      sh = l->model[i]->p + (l->model[i]->kind == CC_KIND_PIECEWISE ? 2 : 0);
      if (sh > maxshow)
        maxshow = sh;
    }
  return maxshow;
}

const char *
cc_fit_param_name (const cc_fit *f, size_t j, char *buf, size_t size)
{
  if (j < f->p || f->model->kind == CC_KIND_ETS)
    return f->model->pname[j];
  snprintf (buf, size, "tau%zu", j - f->p + 1);
  return buf;
}
