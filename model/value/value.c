/* value.c: Monte Carlo contract value, tornado and cross-cloud table. */
#include <config.h>

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "value/value.h"
#include "value/ranges.h"
#include "core/pool.h"
#include "core/timing.h"

/* Cap: effective dates of one sku the engine prices. */
#define MAX_DATES 16

/* A tier table as arrays, for the pricing loop: the tier starts and
   unit prices of book rows FIRST .. FIRST + COUNT - 1. */
typedef struct
{
  double *start, *price;
  size_t first, count;
} tier_table;

/* A driver's sku resolved to rows of the book once, before the loops:
   its tier tables by effective date, oldest first. */
typedef struct
{
  cc_price_table table[MAX_DATES];
  tier_table tier[MAX_DATES];     /* the same, as arrays */
  size_t ntable;
  double share;
  double rate;                    /* into the scenario's currency */
  cc_price_table res[MAX_DATES];  /* reservation tables, if any */
  size_t nres;
} sku_ref;

/* What one sku of a driver pays in one contract month: the tier table in
   force then, and the reservation's fixed cost and quantity. */
typedef struct
{
  const tier_table *tt;
  double res_cost, res_qty;
} sku_month;

typedef struct
{
  sku_ref ref[CC_MAX_MIX];
  size_t n;
  double unit_bytes;              /* capacity units only */
  double reserved_blocks;
  double discount;
  cc_price_lock lock;
  sku_month *month;               /* months x n, in contract order */
  double mul, div;                /* a quantity path into price units */
} driver_ref;

/* The table of T[0..N) in force in month index MONTH; a month before
   every table takes the earliest (the book knows no older price). */
static const cc_price_table *
in_force (const cc_price_table *t, size_t n, long month)
{
  long k = cc_price_table_pick (t, n, month);
  return &t[k < 0 ? 0 : k];
}

/* One set of assumption values: what a draw fixes. */
typedef struct
{
  double base, factor, growth, param;
  const cc_fit *fit;          /* a fitted driver's model in this draw */
  double b[CC_FIT_MAXP];      /* its parameters */
  double *noise;              /* its residual draw per month (NULL: none) */
} driver_theta;

/* What a fitted driver needs for its draws, prepared once: for each model
 * it draws from (driver mix, or the fit alone). */
typedef struct
{
  gsl_matrix *L[CC_DRIVER_MAXMIX];   /* Cholesky factor of the covariance */
  gsl_vector *mu[CC_DRIVER_MAXMIX], *draw[CC_DRIVER_MAXMIX];
  double sigma[CC_DRIVER_MAXMIX];    /* residual sd on the fitting scale */
} fit_sampler;

/* The models driver DR draws from: *N of them. */
static const cc_fit *const *
fit_members (const cc_driver *dr, size_t *n)
{
  *n = dr->nmix > 1 ? dr->nmix : 1;
  return dr->nmix > 1 ? dr->mix : &dr->fit;
}

enum { F_BASE = CC_FIELD_BASE, F_FACTOR = CC_FIELD_FACTOR,
       F_GROWTH = CC_FIELD_GROWTH, F_PARAM = CC_FIELD_PARAM,
       NFIELD = CC_NFIELD };
static const char *const field_name[NFIELD] = { "base", "factor", "growth",
                                                "param" };

static const cc_dist *
field_dist (const cc_driver *d, int f)
{
  switch (f)
    {
    case F_BASE: return &d->base;
    case F_FACTOR: return &d->factor;
    case F_GROWTH: return &d->growth;
    default: return &d->scn_param;
    }
}

static double *
theta_field (driver_theta *t, int f)
{
  switch (f)
    {
    case F_BASE: return &t->base;
    case F_FACTOR: return &t->factor;
    case F_GROWTH: return &t->growth;
    default: return &t->param;
    }
}

/* Does field F of driver D matter (is it used and uncertain)? */
static int
field_uncertain (const cc_driver *d, int f)
{
  if (f == F_PARAM)
    return d->facts != NULL && (d->scn_kind == CC_SCN_DECAY
                                || d->scn_kind == CC_SCN_LOGISTIC)
           && !cc_dist_is_const (&d->scn_param);
  if (d->facts != NULL || d->fit != NULL)
    return 0;
  if ((f == F_BASE || f == F_GROWTH) && d->link >= 0)
    return 0;     /* the linked driver carries this uncertainty */
  return !cc_dist_is_const (field_dist (d, f));
}

/* Remember S's sku when a row of any of its tables is unconfirmed. */
static void
note_unconfirmed (const cc_price_book *book, const sku_ref *s,
                  cc_value_result *res)
{
  size_t j, k, u;
  for (j = 0; j < s->ntable; j++)
    for (k = 0; k < s->table[j].count; k++)
      {
        const cc_price_row *row = &book->row[s->table[j].first + k];
        if (!cc_price_row_unconfirmed (row))
          continue;
        for (u = 0; u < res->nunconfirmed
                    && strcmp (res->unconfirmed[u], row->sku) != 0; u++)
          ;
        if (u == res->nunconfirmed && u < 64)
          snprintf (res->unconfirmed[res->nunconfirmed++],
                    sizeof res->unconfirmed[0], "%s", row->sku);
        return;
      }
}

/* Remember S's sku when the contract starts before its earliest table:
   those months pay the earliest price, which the book dates later. */
static void
note_early (const cc_value_model *m, const cc_price_book *book,
            const sku_ref *s, size_t p, cc_value_result *res)
{
  const cc_price_row *row = &book->row[s->table[0].first];
  char item[200];
  size_t u;
  if (s->table[0].month <= m->start_month)
    return;
  snprintf (item, sizeof item, "%s (%s, effective %s)", row->sku,
            m->provider[p], row->effective_date);
  for (u = 0; u < res->nearly && strcmp (res->early[u], item) != 0; u++)
    ;
  if (u == res->nearly && u < 16)
    snprintf (res->early[res->nearly++], sizeof res->early[0], "%s", item);
}

static int
resolve (const cc_value_model *m, const cc_price_book *book,
         driver_ref (*refs)[CC_MAX_PROVIDERS], cc_value_result *res,
         cc_err *err)
{
  size_t d, p, i, k;
  int rc;

  for (d = 0; d < m->ndriver; d++)
    for (p = 0; p < m->nprovider; p++)
      {
        const cc_driver *dr = &m->driver[d];
        const cc_driver_price *dp = &dr->price[p];
        driver_ref *r = &refs[d][p];
        const char *region = dp->region[0] ? dp->region : NULL;
        double sum = 0;

        memset (r, 0, sizeof *r);
        r->n = dp->nsku;
        r->reserved_blocks = dp->reserved_blocks;
        r->discount = dp->discount >= 0 ? dp->discount : m->discount[p];
        r->lock = dp->lock.kind != CC_LOCK_UNSET ? dp->lock : m->lock[p];
        for (i = 0; i < dp->nsku; i++)
          {
            sku_ref *s = &r->ref[i];
            const cc_price_row *row;
            if ((rc = cc_price_tables (book, dp->sku[i], region,
                                       dp->term[0] ? dp->term : "payg",
                                       s->table, MAX_DATES, &s->ntable,
                                       err)) != CC_OK)
              {
                cc_err e = *err;
                return cc_err_set (err, rc, NULL, 0, 0, "driver %s (%s): %s",
                                   dr->name, m->provider[p], e.msg);
              }
            row = &book->row[s->table[0].first];
            s->share = dp->nsku == 1 ? 1.0 : dp->share[i];
            s->rate = dp->rate[i] > 0 ? dp->rate[i] : 1.0;
            sum += s->share;
            if (dr->facts != NULL || (dr->fit != NULL && dr->unit_bytes > 0))
              {
                double ub = cc_price_unit_bytes (row->unit);
                if (ub <= 0)
                  return cc_err_set (err, CC_EDATA, row->file, row->line, 0,
                                     "driver %s is storage but sku '%s' is "
                                     "priced per '%s'", dr->name, row->sku,
                                     row->unit);
                if (r->unit_bytes > 0 && ub != r->unit_bytes)
                  return cc_err_set (err, CC_EDATA, row->file, row->line, 0,
                                     "driver %s mixes skus priced per %s and "
                                     "another size unit", dr->name, row->unit);
                r->unit_bytes = ub;
              }
            if (dp->reserved_blocks > 0)
              {
                if ((rc = cc_price_tables (book, dp->sku[i], region,
                                           dp->reserved_term, s->res,
                                           MAX_DATES, &s->nres, err)) != CC_OK)
                  return rc;
                for (k = 0; k < s->nres; k++)
                  if (!(book->row[s->res[k].first].min_quantity > 0))
                    return cc_err_set (err, CC_EDATA,
                                       book->row[s->res[k].first].file,
                                       book->row[s->res[k].first].line, 0,
                                       "reservation of '%s' has no "
                                       "min_quantity", dp->sku[i]);
              }
            note_unconfirmed (book, s, res);
            note_early (m, book, s, p, res);
          }
        if (dp->nsku > 1 && fabs (sum - 1) > 1e-9)
          return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                             "driver %s: mix shares on %s sum to %.12g, not 1",
                             dr->name, m->provider[p], sum);
      }
  /* Each driver's own unit: its figures' or series', else the unit of the
     first provider's price that it has. */
  for (d = 0; d < m->ndriver; d++)
    {
      const char *u = m->driver[d].unit;
      for (p = 0; !u[0] && p < m->nprovider; p++)
        if (refs[d][p].n > 0)
          u = book->row[refs[d][p].ref[0].table[0].first].unit;
      snprintf (res->quantity_unit[d], sizeof res->quantity_unit[d], "%s", u);
    }
  return CC_OK;
}

/* The tier tables of every sku as arrays, and what each driver's skus pay
   in each contract month on each provider (the table in force under the
   price lock, the reservation), and how a driver's quantity path turns
   into each provider's price units: all of it before the draws. */
static int
prepare_months (const cc_value_model *m, const cc_price_book *book,
                driver_ref (*refs)[CC_MAX_PROVIDERS], cc_err *err)
{
  size_t d, p, i, k, j;
  int mo;
  for (d = 0; d < m->ndriver; d++)
    for (p = 0; p < m->nprovider; p++)
      {
        const cc_driver *dr = &m->driver[d];
        driver_ref *r = &refs[d][p];
        r->mul = 1;
        r->div = 1;
        if (dr->fit != NULL)
          {
            int bytes = dr->unit_bytes > 0 && r->unit_bytes > 0;
            r->mul = bytes ? dr->unit_bytes : dr->fit_scale;
            r->div = bytes ? r->unit_bytes : 1;
          }
        else if (dr->facts != NULL)
          {
            r->mul = dr->unit_bytes;
            r->div = r->unit_bytes > 0 ? r->unit_bytes : 1;
          }
        if (r->n == 0)
          continue;
        for (i = 0; i < r->n; i++)
          for (k = 0; k < r->ref[i].ntable; k++)
            {
              tier_table *tt = &r->ref[i].tier[k];
              tt->first = r->ref[i].table[k].first;
              tt->count = r->ref[i].table[k].count;
              tt->start = malloc (2 * tt->count * sizeof *tt->start);
              if (tt->start == NULL)
                return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                                   "out of memory");
              tt->price = tt->start + tt->count;
              for (j = 0; j < tt->count; j++)
                {
                  tt->start[j] = book->row[tt->first + j].tier_start;
                  tt->price[j] = book->row[tt->first + j].unit_price;
                }
            }
        r->month = calloc ((size_t) m->months * r->n, sizeof *r->month);
        if (r->month == NULL)
          return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
        for (mo = 1; mo <= m->months; mo++)
          for (i = 0; i < r->n; i++)
            {
              const sku_ref *s = &r->ref[i];
              sku_month *sm = &r->month[(size_t) (mo - 1) * r->n + i];
              long pm = cc_price_lock_month (&r->lock, m->start_month, mo);
              sm->tt = &s->tier[in_force (s->table, s->ntable, pm) - s->table];
              if (r->reserved_blocks > 0)
                {
                  const cc_price_row *rr
                    = &book->row[in_force (s->res, s->nres, pm)->first];
                  sm->res_cost = r->reserved_blocks * rr->min_quantity
                                 * rr->unit_price;
                  sm->res_qty = r->reserved_blocks * rr->min_quantity;
                }
            }
      }
  return CC_OK;
}

static void
months_free (const cc_value_model *m, driver_ref (*refs)[CC_MAX_PROVIDERS])
{
  size_t d, p, i, k;
  for (d = 0; refs != NULL && d < m->ndriver; d++)
    for (p = 0; p < m->nprovider; p++)
      {
        for (i = 0; i < refs[d][p].n; i++)
          for (k = 0; k < refs[d][p].ref[i].ntable; k++)
            free (refs[d][p].ref[i].tier[k].start);
        free (refs[d][p].month);
      }
}

/* The cost of QUANTITY on tier table T, as cc_price_tiered gives it: 0,
   or -1 when the quantity or the cost is not a finite number (then
   cc_price_tiered says why). */
static int
tier_cost (const tier_table *t, double quantity, double *cost)
{
  size_t i, n = t->count;
  double total = 0;
  if (!(quantity >= 0) || !isfinite (quantity))
    return -1;
  for (i = 0; i < n; i++)
    {
      double from = t->start[i];
      double to = i + 1 < n ? t->start[i + 1] : INFINITY;
      /* fmin and fmax without the call: the quantity is a number. */
      double q = quantity > from ? (quantity < to ? quantity : to) - from
                                 : 0.0;
      total += q * t->price[i];
    }
  if (!isfinite (total))
    return -1;
  *cost = total;
  return 0;
}

/* The scenario a reported driver's draw follows. */
static void
facts_scenario (const cc_driver *dr, const driver_theta *t, cc_scenario *s)
{
  memset (s, 0, sizeof *s);
  s->kind = dr->scn_kind;
  s->param = t->param;
  snprintf (s->name, sizeof s->name, "%s", dr->name);
}

/* A reported driver's figure in contract month MO (1-based), at least 0. */
static int
facts_value (const cc_value_model *m, size_t d, const cc_scenario *s, int mo,
             double *v, cc_err *err)
{
  const cc_driver *dr = &m->driver[d];
  double y = 0, h = (double) (m->start_month + mo - 1 - dr->anchor_month);
  int rc = cc_scenario_value (s, dr->facts, h, &y, err);
  *v = y > 0.0 ? y : 0.0;    /* fmax (0.0, y), NaN too */
  return rc;
}

/* The quantity path of driver D under T, before it is turned into a
   provider's price units (driver_ref mul and div): RAW[0..months).  A
   linked driver reuses the growth factors POW of the driver it names
   (computed before it, with the same growth).  Returns how many months
   have their quantity: fewer when the next fails (facts_value says
   why). */
static int
driver_path (const cc_value_model *m, size_t d, const driver_theta *t,
             double *raw, double *pw, const double *pwlink)
{
  const cc_driver *dr = &m->driver[d];
  int mo, T = m->months;
  if (dr->fit != NULL)
    {
      const cc_fit *f = t->fit != NULL ? t->fit : dr->fit;
      for (mo = 1; mo <= T; mo++)
        {
          double x = (double) (m->start_month + mo - 1 - dr->fit_first + 1);
          double v = cc_fit_eval (f, t->b, x);
          if (t->noise != NULL)
            v += t->noise[mo - 1];
          if (f->scale == CC_SCALE_LOG)
            v = exp (v);
          raw[mo - 1] = isfinite (v) && v > 0 ? v : 0;
        }
      return T;
    }
  if (dr->facts != NULL)
    {
      cc_scenario s;
      cc_err e;
      facts_scenario (dr, t, &s);
      for (mo = 1; mo <= T; mo++)
        if (facts_value (m, d, &s, mo, &raw[mo - 1], &e) != CC_OK)
          return mo - 1;
      return T;
    }
  {
    int gm = dr->link >= 0 ? m->driver[dr->link].growth_months
                           : dr->growth_months;
    double bf = t->base * t->factor;
    if (pwlink == NULL)
      for (mo = 0; mo < T; mo++)
        pw[mo] = gm > 0 && mo > gm ? pw[gm] : pow (t->growth, mo / 12.0);
    for (mo = 0; mo < T; mo++)
      raw[mo] = bf * (pwlink != NULL ? pwlink : pw)[mo];
  }
  return T;
}

/* The quantity paths of every driver under T: RAW[d * months + mo - 1],
   OK[d] months of each (driver_path); POW, drivers x months, the growth
   factors. */
static void
paths (const cc_value_model *m, const driver_theta *t, double *raw,
       double *pw, int *ok)
{
  size_t d, T = (size_t) m->months;
  for (d = 0; d < m->ndriver; d++)
    {
      const cc_driver *dr = &m->driver[d];
      long l = dr->link;
      const double *pwlink = NULL;
      /* The same growth and the same cap: the same factors. */
      if (l >= 0 && (size_t) l < d && dr->fit == NULL && dr->facts == NULL
          && m->driver[l].link < 0 && m->driver[l].fit == NULL
          && m->driver[l].facts == NULL && t[d].growth == t[l].growth)
        pwlink = &pw[(size_t) l * T];
      ok[d] = driver_path (m, d, &t[d], &raw[d * T], &pw[d * T], pwlink);
    }
}

/* Why driver D has no quantity in month MO under T (the error of
   facts_value). */
static int
path_error (const cc_value_model *m, size_t d, const driver_theta *t, int mo,
            cc_err *err)
{
  cc_scenario s;
  double v;
  int rc;
  facts_scenario (&m->driver[d], t, &s);
  if ((rc = facts_value (m, d, &s, mo, &v, err)) == CC_OK)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                       "quantity of month %d failed once only", mo);
  return rc;
}

/* Driver D's cost on provider P in month MO (1-based) from quantity Q,
   into *COST. */
static int
month_cost (const cc_value_model *m, const cc_price_book *book,
            const driver_ref *r, const double *yf, int mo, double q,
            double *cost, cc_err *err)
{
  double total = 0, c;
  size_t i;
  int rc;
  for (i = 0; i < r->n; i++)
    {
      const sku_ref *s = &r->ref[i];
      const sku_month *sm = &r->month[(size_t) (mo - 1) * r->n + i];
      double qs = q * s->share, reserved = 0;
      if (r->reserved_blocks > 0)
        {
          reserved = sm->res_cost;
          qs = qs - sm->res_qty > 0.0 ? qs - sm->res_qty : 0.0;
        }
      if (tier_cost (sm->tt, qs, &c) != 0
          && (rc = cc_price_tiered (book, sm->tt->first, sm->tt->count, qs,
                                    &c, NULL, err)) != CC_OK)
        return rc;
      total += (reserved + c) * s->rate;
    }
  *cost = total * (1 - r->discount) * yf[(mo - 1) / 12];
  if (!isfinite (*cost))
    {
      const cc_price_row *row = &book->row[r->ref[0].table[0].first];
      return cc_err_set (err, CC_EDATA, row->file, row->line, 0,
                         "cost is beyond what a double can hold "
                         "(quantity %g, price row of sku '%s')", q, row->sku);
    }
  return CC_OK;
}

/* Monthly cost per driver for provider P from the quantity paths RAW
   (OK[d] months good, paths()) of assumptions T: COST[mo * ndriver + d].
   YF holds (1 + annual_change)^year for each year. */
static int
evaluate (const cc_value_model *m, const cc_price_book *book,
          driver_ref (*refs)[CC_MAX_PROVIDERS], const double *yf,
          const driver_theta *t, const double *raw, const int *ok, size_t p,
          double *cost, int *missing, cc_err *err)
{
  size_t d, T = (size_t) m->months;
  int mo = 0, rc;
  *missing = 0;
  for (d = 0; d < m->ndriver; d++)
    {
      const driver_ref *r = &refs[d][p];
      if (r->n == 0)
        {
          (*missing)++;
          for (mo = 0; mo < m->months; mo++)
            cost[(size_t) mo * m->ndriver + d] = 0;
          continue;
        }
      for (mo = 1; mo <= m->months; mo++)
        {
          if (mo > ok[d])
            {
              rc = path_error (m, d, &t[d], mo, err);
              goto where;
            }
          if ((rc = month_cost (m, book, r, yf, mo,
                                raw[d * T + (size_t) mo - 1] * r->mul / r->div,
                                &cost[(size_t) (mo - 1) * m->ndriver + d],
                                err)) != CC_OK)
            goto where;
        }
    }
  return CC_OK;

where:
  {
    cc_err e = *err;   /* say which driver, month and provider */
    return cc_err_set (err, rc, NULL, 0, 0, "[driver %s] month %d, provider "
                       "%s: %s", m->driver[d].name, mo, m->provider[p], e.msg);
  }
}

double
cc_value_npv (const double *x, int n, double annual_rate)
{
  double v = pow (1 + annual_rate, -1.0 / 12), f = 1, s = 0;
  int i;
  for (i = 0; i < n; i++)
    {
      f *= v;
      s += x[i] * f;
    }
  return s;
}

/* The P quantile of X[0..N), as gsl_stats_quantile_from_sorted_data gives
   it for the sorted data, found by selection (X is rearranged): the draws
   are many and only three quantiles are wanted, so a full sort is waste
   (test_value holds this against sorting, ties included). */
double
cc_value_quantile (double *x, size_t n, double p)
{
  double q;
  cc_ranges_quantiles (x, n, &p, 1, &q, NULL);
  return q;
}

/* A linked driver follows the quantity path of the driver it names. */
static void
apply_links (const cc_value_model *m, driver_theta *t)
{
  size_t d;
  for (d = 0; d < m->ndriver; d++)
    if (m->driver[d].link >= 0)
      {
        t[d].base = t[m->driver[d].link].base * m->driver[d].link_share;
        t[d].growth = t[m->driver[d].link].growth;
      }
}

static void
medians (const cc_value_model *m, driver_theta *t)
{
  size_t d;
  for (d = 0; d < m->ndriver; d++)
    {
      const cc_driver *dr = &m->driver[d];
      t[d].base = cc_dist_quantile (&dr->base, 0.5);
      t[d].factor = cc_dist_quantile (&dr->factor, 0.5);
      t[d].growth = cc_dist_quantile (&dr->growth, 0.5);
      t[d].param = cc_dist_quantile (&dr->scn_param, 0.5);
      t[d].fit = dr->fit;
      if (dr->fit != NULL)
        memcpy (t[d].b, dr->fit->b, sizeof t[d].b);
      t[d].noise = NULL;
    }
  apply_links (m, t);
}

/* Prepare the parameter draws of every fitted driver. */
static int
samplers_alloc (const cc_value_model *m, fit_sampler *fs, size_t months,
                double **noise, cc_err *err)
{
  size_t d, i, j, k, nm;
  for (d = 0; d < m->ndriver; d++)
    {
      const cc_fit *const *mem;
      if (m->driver[d].fit == NULL)
        continue;
      noise[d] = malloc (months * sizeof **noise);
      if (noise[d] == NULL)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      mem = fit_members (&m->driver[d], &nm);
      for (k = 0; k < nm; k++)
        {
          const cc_fit *f = mem[k];
          size_t p = f->p;
          if (!f->have_cov || f->status != CC_FIT_OK)
            return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                               "driver %s: the %s fit has no covariance, so "
                               "no range can be drawn from it",
                               m->driver[d].name, f->model->name);
          fs[d].L[k] = gsl_matrix_alloc (p, p);
          fs[d].mu[k] = gsl_vector_alloc (p);
          fs[d].draw[k] = gsl_vector_alloc (p);
          if (!fs[d].L[k] || !fs[d].mu[k] || !fs[d].draw[k])
            return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                               "out of memory");
          for (i = 0; i < p; i++)
            {
              gsl_vector_set (fs[d].mu[k], i, f->b[i]);
              for (j = 0; j < p; j++)
                gsl_matrix_set (fs[d].L[k], i, j, f->cov[i * p + j]);
            }
          if (gsl_linalg_cholesky_decomp1 (fs[d].L[k]) != GSL_SUCCESS)
            return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                               "driver %s: the %s fit's covariance is not "
                               "positive definite", m->driver[d].name,
                               f->model->name);
          fs[d].sigma[k] = sqrt (f->s2);
        }
    }
  return CC_OK;
}

static void
samplers_free (const cc_value_model *m, fit_sampler *fs, double **noise)
{
  size_t d, k;
  if (fs == NULL)
    return;
  for (d = 0; d < m->ndriver; d++)
    {
      for (k = 0; k < CC_DRIVER_MAXMIX; k++)
        {
          gsl_matrix_free (fs[d].L[k]);
          gsl_vector_free (fs[d].mu[k]);
          gsl_vector_free (fs[d].draw[k]);
        }
      free (noise[d]);
    }
}

/* One draw of a fitted driver: its model by Akaike weight when it draws
 * from several, parameters from N(b, C), redrawn while they break the
 * model's constraint (at most 100 times, then b itself), and the residual
 * noise of each month. */
static int
sample_fit (const cc_driver *dr, fit_sampler *fs, double *noise, int months,
            driver_theta *t, gsl_rng *rng)
{
  size_t nm, k = 0, i, tries;
  const cc_fit *const *mem = fit_members (dr, &nm);
  const cc_fit *f;
  int mo;
  if (nm > 1)
    {
      /* Only mixtures take this number: a single fit's stream is as
       * before. */
      double u = gsl_rng_uniform (rng), acc = dr->mixw[0];
      while (k + 1 < nm && u >= acc)
        acc += dr->mixw[++k];
    }
  f = mem[k];
  t->fit = f;
  for (tries = 0; tries < 100; tries++)
    {
      if (gsl_ran_multivariate_gaussian (rng, fs->mu[k], fs->L[k],
                                         fs->draw[k]) != GSL_SUCCESS)
        return -1;
      for (i = 0; i < f->p; i++)
        t->b[i] = gsl_vector_get (fs->draw[k], i);
      if (f->model->valid == NULL || f->model->valid (t->b, f->ymax))
        break;
    }
  if (tries == 100)
    memcpy (t->b, f->b, sizeof t->b);
  for (mo = 0; mo < months; mo++)
    noise[mo] = gsl_ran_gaussian (rng, fs->sigma[k]);
  t->noise = noise;
  return 0;
}

static double
sum_all (const double *cost, size_t n)
{
  double s = 0;
  size_t i;
  for (i = 0; i < n; i++)
    s += cost[i];
  return s;
}

/* Draws are drawn CHUNK at a time, in order, from the one generator, then
   priced BLOCK to a work-pool item: what a draw costs never depends on
   which worker priced it or when. */
enum { CHUNK = 1024, BLOCK = 64, NITEM = CHUNK / BLOCK };

/* One worker's scratch. */
typedef struct
{
  double *raw, *pw;           /* drivers x months: paths(), growth factors */
  double *cost;               /* months x drivers, one evaluation */
  double *month_total;        /* months */
  double *row;                /* one month's families */
  double *col, *work;         /* draws; 3 x draws (the quantiles) */
  int ok[CC_MAX_DRIVERS];
} worker_ws;

/* The working state of one cc_value_run. */
typedef struct
{
  const cc_value_model *m;
  const cc_price_book *book;
  size_t D, B;                /* drivers, draws */
  int T, Y;                   /* months, years */
  driver_ref (*refs)[CC_MAX_PROVIDERS];
  double *yf;                 /* (1 + annual_change)^year, each year */
  driver_theta *th;           /* a chunk's assumptions, CHUNK x drivers */
  driver_theta *t, *tm;       /* one set of assumptions; the medians */
  fit_sampler *fs;
  double **noise;             /* a fitted driver's noise, CHUNK x months */
  size_t nw;                  /* workers */
  worker_ws *ws;
  size_t c0, cn;              /* the chunk being priced: its draws */
  int item_rc[NITEM];         /* and how each of its items went */
  cc_err item_err[NITEM];
  /* Per draw, for the ranges, a column of draws each: */
  size_t F;                   /* families, all, then each driver */
  size_t fam_of[CC_MAX_DRIVERS];
  double *fam;                /* months x (F + 1: the cumulative) x draws */
  double *yr, *drv;           /* years x draws, drivers x draws */
  double *tot, *npv;          /* draws */
  double *qy;                 /* years x drivers x draws: each driver's
                                 quantity in its own unit at year end */
  gsl_rng *rng;
  size_t nfamily;
  cc_value_result *res;
} run_state;

/* The model's own limits, before anything is allocated. */
static int
check_model (const cc_value_model *m, cc_err *err)
{
  size_t D = m->ndriver, B = m->draws;
  int T = m->months;
  if (m->nprovider < 1 || D < 1)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "a value model needs a provider and a driver");
  if (T < 1 || T > 1200 || B < 1 || B > 1000000)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "horizon %d months or %zu draws out of range "
                       "(1-1200 months, 1-1000000 draws)", T, B);
  if ((double) B * T > CC_MAX_DRAW_MONTHS)
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "%zu draws x %d months is above the cap of %d "
                       "draw-months; lower draws or horizon", B, T,
                       CC_MAX_DRAW_MONTHS);
  if (!(m->discount_rate > -1))
    return cc_err_set (err, CC_EDATA, NULL, 0, 0,
                       "discount rate %g is not above -1", m->discount_rate);
  return CC_OK;
}

/* Each worker's scratch. */
static int
workers_alloc (run_state *st, cc_err *err)
{
  size_t DT = st->D * (size_t) st->T, i;
  st->nw = cc_pool_workers (NITEM);
  st->ws = calloc (st->nw, sizeof *st->ws);
  if (st->ws == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (i = 0; i < st->nw; i++)
    {
      worker_ws *w = &st->ws[i];
      w->raw = malloc (DT * sizeof *w->raw);
      w->pw = malloc (DT * sizeof *w->pw);
      w->cost = malloc (DT * sizeof *w->cost);
      w->month_total = malloc ((size_t) st->T * sizeof *w->month_total);
      w->row = malloc ((st->D + 16) * sizeof *w->row);
      w->col = malloc (st->B * sizeof *w->col);
      w->work = malloc (3 * st->B * sizeof *w->work);
      if (!w->raw || !w->pw || !w->cost || !w->month_total || !w->row
          || !w->col || !w->work)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
    }
  return CC_OK;
}

/* Resolve the skus, the months' prices and the fitted drivers' samplers. */
static int
run_prepare (run_state *st, cc_value_result *res, cc_err *err)
{
  size_t D = st->D;
  int rc, y;
  st->refs = calloc (D, sizeof *st->refs);
  st->t = calloc (D, sizeof *st->t);
  st->tm = calloc (D, sizeof *st->tm);
  st->th = calloc (CHUNK * D, sizeof *st->th);
  st->yf = malloc ((size_t) st->Y * sizeof *st->yf);
  if (!st->refs || !st->t || !st->tm || !st->th || !st->yf)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (y = 0; y < st->Y; y++)
    st->yf[y] = pow (1 + st->m->annual_change, y);
  res->months = st->T;
  res->nyears = st->Y;
  if ((rc = resolve (st->m, st->book, st->refs, res, err)) != CC_OK
      || (rc = prepare_months (st->m, st->book, st->refs, err)) != CC_OK
      || (rc = workers_alloc (st, err)) != CC_OK)
    return rc;
  st->fs = calloc (D, sizeof *st->fs);
  st->noise = calloc (D, sizeof *st->noise);
  if (st->fs == NULL || st->noise == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  return samplers_alloc (st->m, st->fs, CHUNK * (size_t) st->T, st->noise,
                         err);
}

/* Families, in the order drivers name them. */
static int
assign_families (run_state *st, cc_value_result *res, cc_err *err)
{
  const cc_value_model *m = st->m;
  size_t d, f;
  for (d = 0; d < st->D; d++)
    {
      for (f = 0; f < res->nfamily && strcmp (res->family[f], m->driver[d].family); f++)
        ;
      if (f == res->nfamily)
        {
          if (f == 8)
            return cc_err_set (err, CC_EDATA, NULL, 0, 0, "more than 8 families");
          snprintf (res->family[f], sizeof res->family[f], "%s", m->driver[d].family);
          res->nfamily++;
        }
      st->fam_of[d] = f;
    }
  st->F = res->nfamily + 1 + st->D;
  return CC_OK;
}

/* The per-draw tables, the result's ranges and the generator. */
static int
draws_alloc (run_state *st, cc_value_result *res, cc_err *err)
{
  size_t B = st->B, D = st->D, T = (size_t) st->T, Y = (size_t) st->Y;
  st->fam = malloc (B * T * (st->F + 1) * sizeof *st->fam);
  st->tot = malloc (B * sizeof *st->tot);
  st->npv = malloc (B * sizeof *st->npv);
  st->yr = malloc (B * Y * sizeof *st->yr);
  st->drv = malloc (B * D * sizeof *st->drv);
  st->qy = malloc (B * Y * D * sizeof *st->qy);
  res->driver_yearly_qty = calloc (Y * D, sizeof *res->driver_yearly_qty);
  res->cumulative = calloc (T, sizeof *res->cumulative);
  res->monthly = calloc (T * (res->nfamily + 1), sizeof *res->monthly);
  res->driver_monthly = calloc (T * D, sizeof *res->driver_monthly);
  res->yearly = calloc (Y, sizeof *res->yearly);
  res->driver_total = calloc (D, sizeof *res->driver_total);
  res->driver_p50_share = calloc (D, sizeof *res->driver_p50_share);
  st->rng = gsl_rng_alloc (gsl_rng_mt19937);
  if (!st->fam || !st->tot || !st->npv || !st->yr || !st->drv
      || !res->cumulative || !res->monthly || !res->yearly
      || !res->driver_total || !res->driver_monthly
      || !res->driver_p50_share || !st->rng || !st->qy
      || !res->driver_yearly_qty)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                       "out of memory for %zu draws x %d months", B, st->T);
  gsl_rng_set (st->rng, st->m->seed);
  st->nfamily = res->nfamily;
  st->res = res;
  return CC_OK;
}

/* Draw every driver's assumptions into T, the K-th draw of the chunk (in
 * a fixed order, so that a seed fixes every digit). */
static int
draw_theta (run_state *st, driver_theta *t, size_t k, cc_err *err)
{
  size_t d, T = (size_t) st->T;
  for (d = 0; d < st->D; d++)
    {
      const cc_driver *dr = &st->m->driver[d];
      t[d].base = cc_dist_sample (&dr->base, st->rng);
      t[d].factor = cc_dist_sample (&dr->factor, st->rng);
      t[d].growth = cc_dist_sample (&dr->growth, st->rng);
      t[d].param = cc_dist_sample (&dr->scn_param, st->rng);
      t[d].noise = NULL;
      t[d].fit = NULL;
      if (dr->fit != NULL
          && sample_fit (dr, &st->fs[d], st->noise[d] + k * T, st->T, &t[d],
                         st->rng) != 0)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                           "multivariate normal draw failed");
    }
  apply_links (st->m, t);
  return CC_OK;
}

/* Keep draw B's costs (W->cost) by family, driver, year and month. */
static void
keep_draw (run_state *st, worker_ws *w, size_t b)
{
  size_t D = st->D, F = st->F, B = st->B, Y = (size_t) st->Y;
  size_t d, f, i, nfamily = st->nfamily;
  double *row = w->row, cum = 0;
  int mo;
  for (i = 0; i < Y; i++)
    st->yr[i * B + b] = 0;
  for (d = 0; d < D; d++)
    st->drv[d * B + b] = 0;
  for (mo = 0; mo < st->T; mo++)
    {
      double *col = &st->fam[(size_t) mo * (F + 1) * B + b];
      for (f = 0; f < F; f++)
        row[f] = 0;
      for (d = 0; d < D; d++)
        {
          double c = w->cost[(size_t) mo * D + d];
          row[st->fam_of[d]] += c;
          row[nfamily] += c;
          row[nfamily + 1 + d] = c;
          st->drv[d * B + b] += c;
        }
      for (f = 0; f < F; f++)
        col[f * B] = row[f];
      w->month_total[mo] = row[nfamily];
      st->yr[(size_t) (mo / 12) * B + b] += w->month_total[mo];
      cum = w->month_total[mo] + (mo > 0 ? cum : 0);
      col[F * B] = cum;
    }
  st->tot[b] = sum_all (w->month_total, (size_t) st->T);
  st->npv[b] = cc_value_npv (w->month_total, st->T, st->m->discount_rate);
  for (i = 0; i < Y; i++)
    {
      int last = cc_value_year_end (st->T, (int) i);
      for (d = 0; d < D; d++)
        st->qy[(i * D + d) * B + b] = last < w->ok[d]
          ? w->raw[d * (size_t) st->T + (size_t) last] : 0;
    }
}

/* Price the draws of item ITEM of the chunk on the first provider. */
static void
price_block (size_t item, size_t worker, void *ctx)
{
  run_state *st = ctx;
  worker_ws *w = &st->ws[worker];
  size_t b = st->c0 + item * BLOCK, end = b + BLOCK;
  cc_err *err = &st->item_err[item];
  int missing, rc;
  if (end > st->c0 + st->cn)
    end = st->c0 + st->cn;
  for (; b < end; b++)
    {
      const driver_theta *t = &st->th[(b - st->c0) * st->D];
      paths (st->m, t, w->raw, w->pw, w->ok);
      if ((rc = evaluate (st->m, st->book, st->refs, st->yf, t, w->raw, w->ok,
                          0, w->cost, &missing, err)) != CC_OK)
        {
          st->item_rc[item] = rc;
          return;
        }
      keep_draw (st, w, b);
      if (!isfinite (st->tot[b]) || !isfinite (st->npv[b]))
        {
          st->item_rc[item]
            = cc_err_set (err, CC_EDATA, NULL, 0, 0, "draw %zu: the total "
                          "over %d months is beyond what a double can hold; "
                          "check the quantities and prices", b + 1, st->T);
          return;
        }
    }
}

/* The Monte Carlo: every draw priced on the first provider; the first
   draw that fails says why, whatever the workers. */
static int
monte_carlo (run_state *st, cc_err *err)
{
  size_t k, i, nitem;
  int rc = CC_OK;
  for (st->c0 = 0; rc == CC_OK && st->c0 < st->B; st->c0 += CHUNK)
    {
      st->cn = st->B - st->c0 < CHUNK ? st->B - st->c0 : CHUNK;
      for (k = 0; k < st->cn; k++)
        if ((rc = draw_theta (st, &st->th[k * st->D], k, err)) != CC_OK)
          {
            st->cn = k;
            break;
          }
      nitem = (st->cn + BLOCK - 1) / BLOCK;
      for (i = 0; i < nitem; i++)
        st->item_rc[i] = CC_OK;
      cc_pool_run (nitem, st->nw, price_block, st);
      for (i = 0; i < nitem; i++)
        if (st->item_rc[i] != CC_OK)
          {
            *err = st->item_err[i];
            return st->item_rc[i];
          }
    }
  return rc;
}

/* Copy the draws in order into RES (value.h: draw B's year I at
   draw_year[B * years + I], driver D at draw_driver[B * drivers + D])
   before the ranges rearrange them. */
static int
keep_draws (run_state *st, cc_value_result *res, cc_err *err)
{
  size_t B = st->B, Y = (size_t) st->Y, D = st->D, b, i;
  res->ndraws = B;
  res->draw_total = malloc (B * sizeof *res->draw_total);
  res->draw_npv = malloc (B * sizeof *res->draw_npv);
  res->draw_year = malloc (B * Y * sizeof *res->draw_year);
  res->draw_driver = malloc ((B * D + 1) * sizeof *res->draw_driver);
  res->draw_qty = malloc ((B * Y * D + 1) * sizeof *res->draw_qty);
  if (res->draw_total == NULL || res->draw_npv == NULL
      || res->draw_year == NULL || res->draw_driver == NULL
      || res->draw_qty == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  memcpy (res->draw_total, st->tot, B * sizeof *st->tot);
  memcpy (res->draw_npv, st->npv, B * sizeof *st->npv);
  for (b = 0; b < B; b++)
    {
      for (i = 0; i < Y; i++)
        res->draw_year[b * Y + i] = st->yr[i * B + b];
      for (i = 0; i < D; i++)
        res->draw_driver[b * D + i] = st->drv[i * B + b];
      for (i = 0; i < Y * D; i++)
        res->draw_qty[b * Y * D + i] = st->qy[i * B + b];
    }
  return CC_OK;
}

/* The standard error of the median total and each driver's share of
 * it (value.h), from the draws' totals before they are rearranged. */
static void
median_shares (run_state *st, cc_value_result *res)
{
  const double z = 1.959964;
  size_t B = st->B, D = st->D, b, d;
  double *col = st->ws[0].col, lo, hi, half, sum = 0;
  long klo, khi;
  memcpy (col, st->tot, B * sizeof *col);
  gsl_sort (col, 1, B);
  lo = gsl_stats_quantile_from_sorted_data (col, 1, B, 0.45);
  hi = gsl_stats_quantile_from_sorted_data (col, 1, B, 0.55);
  half = z * sqrt ((double) B) / 2;
  klo = (long) floor ((double) B / 2 - half);
  khi = (long) ceil ((double) B / 2 + half);
  if (klo < 0)
    klo = 0;
  if (khi > (long) B - 1)
    khi = (long) B - 1;
  res->total_p50_se = (col[khi] - col[klo]) / (2 * z);
  for (b = 0; b < B; b++)
    if (st->tot[b] >= lo && st->tot[b] <= hi)
      {
        for (d = 0; d < D; d++)
          res->driver_p50_share[d] += st->drv[d * B + b];
        sum += st->tot[b];
      }
  for (d = 0; d < D; d++)
    res->driver_p50_share[d] = sum > 0 ? res->driver_p50_share[d] / sum : 0;
}

/* The ranges of the K columns of draws at X (B apart), each rearranged,
   into OUT[0..K). */
static void
ranges (run_state *st, worker_ws *w, double *x, size_t k, cc_range *out)
{
  static const double p[3] = { 0.10, 0.50, 0.90 };
  double mean[64], q[3];
  size_t j, j0, n;
  for (j0 = 0; j0 < k; j0 += 64)
    {
      n = k - j0 < 64 ? k - j0 : 64;
      cc_ranges_means (x + j0 * st->B, st->B, n, st->B, mean);
      for (j = 0; j < n; j++)
        {
          cc_ranges_quantiles (x + (j0 + j) * st->B, st->B, p, 3, q, w->work);
          out[j0 + j].mean = mean[j];
          out[j0 + j].p10 = q[0];
          out[j0 + j].p50 = q[1];
          out[j0 + j].p90 = q[2];
        }
    }
}

/* Summary item ITEM: a month (its families and cumulative), the years,
   the drivers' totals, the term's total or its NPV. */
static void
summarise_item (size_t item, size_t worker, void *ctx)
{
  run_state *st = ctx;
  cc_value_result *res = st->res;
  worker_ws *w = &st->ws[worker];
  size_t T = (size_t) st->T, F = st->F, nf = st->nfamily, f;
  cc_range r[CC_MAX_DRIVERS + 16];
  if (item < T)
    {
      ranges (st, w, &st->fam[item * (F + 1) * st->B], F + 1, r);
      for (f = 0; f < F; f++)
        if (f <= nf)
          res->monthly[item * (nf + 1) + f] = r[f];
        else
          res->driver_monthly[item * st->D + (f - nf - 1)] = r[f];
      res->cumulative[item] = r[F];
    }
  else if (item == T)
    ranges (st, w, st->yr, (size_t) st->Y, res->yearly);
  else if (item == T + 1)
    ranges (st, w, st->drv, st->D, res->driver_total);
  else if (item == T + 4)
    ranges (st, w, st->qy, (size_t) st->Y * st->D, res->driver_yearly_qty);
  else
    ranges (st, w, item == T + 2 ? st->tot : st->npv, 1,
            item == T + 2 ? &res->total : &res->npv);
}

/* P10/P50/P90 of everything kept per draw, a work-pool item each
   month. */
static void
summarise (run_state *st, cc_value_result *res)
{
  median_shares (st, res);
  cc_pool_run ((size_t) st->T + 5, st->nw, summarise_item, st);
}

/* The term total under assumptions T on the first provider, into
   *TOTAL. */
static int
term_total (run_state *st, const driver_theta *t, double *total, cc_err *err)
{
  worker_ws *w = &st->ws[0];
  int missing, rc;
  paths (st->m, t, w->raw, w->pw, w->ok);
  if ((rc = evaluate (st->m, st->book, st->refs, st->yf, t, w->raw, w->ok, 0,
                      w->cost, &missing, err)) != CC_OK)
    return rc;
  *total = sum_all (w->cost, (size_t) st->T * st->D);
  return CC_OK;
}

/* The term total with field FLD of driver D at its P10 and P90 and every
 * other assumption at its median, into BAR. */
static int
tornado_bar (run_state *st, size_t d, int fld, cc_tornado_bar *bar,
             cc_err *err)
{
  const cc_driver *dr = &st->m->driver[d];
  const cc_dist *dist = field_dist (dr, fld);
  size_t k;
  double lo, hi;
  int rc;
  snprintf (bar->assumption, sizeof bar->assumption, "%s.%s", dr->name,
            dr->facts != NULL && fld == F_PARAM
              ? (dr->scn_kind == CC_SCN_DECAY ? "phi" : "cap")
              : field_name[fld]);
  bar->label = dr->field_label[fld] ? dr->field_label[fld] : bar->assumption;
  cc_dist_format (dist, bar->spec, sizeof bar->spec);
  lo = cc_dist_quantile (dist, 0.10);
  hi = cc_dist_quantile (dist, 0.90);
  bar->low_value = lo;
  bar->high_value = hi;
  for (k = 0; k < 2; k++)
    {
      double *v;
      memcpy (st->t, st->tm, st->D * sizeof *st->t);
      v = theta_field (&st->t[d], fld);
      *v = k == 0 ? lo : hi;
      apply_links (st->m, st->t);
      if ((rc = term_total (st, st->t, k == 0 ? &bar->total_low
                                              : &bar->total_high, err))
          != CC_OK)
        return rc;
    }
  bar->swing = fabs (bar->total_high - bar->total_low);
  return CC_OK;
}

/* Every assumption at its median; then each uncertain one at P10 and
 * P90, the bars sorted by swing. */
static int
tornado (run_state *st, cc_value_result *res, cc_err *err)
{
  size_t d, i;
  int fld, rc;
  medians (st->m, st->tm);
  if ((rc = term_total (st, st->tm, &res->median_total, err)) != CC_OK)
    return rc;
  for (d = 0; d < st->D; d++)
    for (fld = 0; fld < NFIELD; fld++)
      if (field_uncertain (&st->m->driver[d], fld)
          && (rc = tornado_bar (st, d, fld, &res->bar[res->nbar++], err))
             != CC_OK)
        return rc;
  /* Sort bars by swing, largest first (insertion sort: at most 96). */
  for (i = 1; i < res->nbar; i++)
    {
      cc_tornado_bar x = res->bar[i];
      size_t j = i;
      while (j > 0 && res->bar[j - 1].swing < x.swing)
        {
          res->bar[j] = res->bar[j - 1];
          j--;
        }
      res->bar[j] = x;
    }
  return CC_OK;
}

/* Does every provider price driver D? */
static int
priced_everywhere (const run_state *st, size_t d)
{
  size_t p;
  for (p = 0; p < st->m->nprovider && st->refs[d][p].n > 0; p++)
    ;
  return p == st->m->nprovider;
}

/* The same usage at median assumptions on every provider: in full, and
 * restricted to the drivers every provider prices (a fair comparison).
 * The quantity paths are the same on every provider. */
static int
cross_cloud (run_state *st, cc_value_result *res, cc_err *err)
{
  size_t D = st->D, d, i;
  worker_ws *w = &st->ws[0];
  int mo, rc, missing;
  for (d = 0; d < D; d++)
    res->ncommon += priced_everywhere (st, d);
  paths (st->m, st->tm, w->raw, w->pw, w->ok);
  for (i = 0; i < st->m->nprovider; i++)
    {
      if ((rc = evaluate (st->m, st->book, st->refs, st->yf, st->tm, w->raw,
                          w->ok, i, w->cost, &missing, err)) != CC_OK)
        return rc;
      res->cross[i] = sum_all (w->cost, (size_t) st->T * D);
      res->cross_missing[i] = missing;
      res->cross_common[i] = 0;
      for (d = 0; d < D; d++)
        {
          res->cross_driver[i][d] = 0;
          for (mo = 0; mo < st->T; mo++)
            res->cross_driver[i][d] += w->cost[(size_t) mo * D + d];
          if (priced_everywhere (st, d))
            res->cross_common[i] += res->cross_driver[i][d];
        }
    }
  return CC_OK;
}

static void
run_free (run_state *st)
{
  size_t i;
  if (st->noise != NULL)
    samplers_free (st->m, st->fs, st->noise);
  months_free (st->m, st->refs);
  for (i = 0; st->ws != NULL && i < st->nw; i++)
    {
      worker_ws *w = &st->ws[i];
      free (w->raw);
      free (w->pw);
      free (w->cost);
      free (w->month_total);
      free (w->row);
      free (w->col);
      free (w->work);
    }
  free (st->ws);
  free (st->fs);
  free (st->noise);
  gsl_rng_free (st->rng);
  free (st->refs);
  free (st->yf);
  free (st->th);
  free (st->t);
  free (st->tm);
  free (st->fam);
  free (st->tot);
  free (st->npv);
  free (st->yr);
  free (st->drv);
  free (st->qy);
}

int
cc_value_run (const cc_value_model *m, const cc_price_book *book,
              cc_value_result **out, cc_err *err)
{
  cc_value_result *res = NULL;
  run_state st;
  int rc;

  *out = NULL;
  if ((rc = check_model (m, err)) != CC_OK)
    return rc;
  memset (&st, 0, sizeof st);
  st.m = m;
  st.book = book;
  st.D = m->ndriver;
  st.B = m->draws;
  st.T = m->months;
  st.Y = (st.T + 11) / 12;
  res = calloc (1, sizeof *res);
  if (res == NULL)
    rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  if (rc == CC_OK)
    rc = run_prepare (&st, res, err);
  if (rc == CC_OK)
    rc = assign_families (&st, res, err);
  if (rc == CC_OK)
    rc = draws_alloc (&st, res, err);
  if (rc == CC_OK)
    rc = monte_carlo (&st, err);
  if (rc == CC_OK)
    rc = keep_draws (&st, res, err);
  if (rc == CC_OK)
    {
      summarise (&st, res);
      cc_timing_lap ("monte carlo");
    }
  if (rc == CC_OK)
    rc = tornado (&st, res, err);
  if (rc == CC_OK)
    rc = cross_cloud (&st, res, err);
  if (rc == CC_OK)
    cc_timing_lap ("tornado and cross-cloud");
  if (rc == CC_OK)
    {
      *out = res;
      res = NULL;
    }
  run_free (&st);
  cc_value_result_free (res);
  return rc;
}

int
cc_value_year_end (int months, int y)
{
  return (y + 1) * 12 < months ? (y + 1) * 12 - 1 : months - 1;
}

void
cc_value_result_free (cc_value_result *r)
{
  if (r == NULL)
    return;
  free (r->monthly);
  free (r->yearly);
  free (r->driver_total);
  free (r->driver_p50_share);
  free (r->cumulative);
  free (r->driver_monthly);
  free (r->draw_total);
  free (r->draw_npv);
  free (r->draw_year);
  free (r->draw_driver);
  free (r->draw_qty);
  free (r->driver_yearly_qty);
  free (r);
}
