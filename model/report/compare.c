/* compare.c: scenarios side by side (compare.h). */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvwrite.h"
#include "core/json.h"
#include "core/textutil.h"
#include "report/compare.h"
#include "report/mdtext.h"

enum { M_TOTAL, M_NPV, M_YEAR, M_DRIVER, M_QTY };

typedef struct
{
  int kind;
  size_t year;                /* M_YEAR: 0-based */
  const char *driver;         /* M_DRIVER, M_QTY: its name */
  double p;                   /* quantile, or < 0 for the mean */
} measure;

typedef struct
{
  const cc_valuecase *const *vc;
  const cc_value_result *const *vr;
  size_t n, B;
  double *buf;
} cmp_ctx;

static long
driver_index (const cc_valuecase *vc, const char *name)
{
  size_t d;
  for (d = 0; d < vc->model.ndriver; d++)
    if (strcmp (vc->model.driver[d].name, name) == 0)
      return (long) d;
  return -1;
}

/* Draw B's figure for M in scenario S; NAN when S has none. */
static double
draw_of (const cmp_ctx *x, size_t s, const measure *m, size_t b)
{
  const cc_value_result *r = x->vr[s];
  long d;
  switch (m->kind)
    {
    case M_TOTAL:
      return r->draw_total[b];
    case M_NPV:
      return r->draw_npv[b];
    case M_YEAR:
      return m->year < (size_t) r->nyears
               ? r->draw_year[b * (size_t) r->nyears + m->year] : NAN;
    case M_QTY:     /* the quantity in the last month of the term */
      d = driver_index (x->vc[s], m->driver);
      return d < 0 || r->nyears < 1 ? NAN
        : r->draw_qty[((b + 1) * (size_t) r->nyears - 1)
                      * x->vc[s]->model.ndriver + (size_t) d];
    default:        /* NAN too where the valued provider does not price it */
      d = driver_index (x->vc[s], m->driver);
      return d < 0 || x->vc[s]->model.driver[d].price[0].nsku == 0 ? NAN
                   : r->draw_driver[b * x->vc[s]->model.ndriver + (size_t) d];
    }
}

/* M over draws [LO, HI) of scenario S. */
static double
stat (const cmp_ctx *x, size_t s, const measure *m, size_t lo, size_t hi)
{
  size_t b, k = 0;
  double sum = 0;
  for (b = lo; b < hi; b++)
    {
      double v = draw_of (x, s, m, b);
      if (isnan (v))
        return NAN;
      x->buf[k++] = v;
      sum += v;
    }
  if (k == 0)
    return NAN;
  return m->p < 0 ? sum / (double) k : cc_value_quantile (x->buf, k, m->p);
}

/* One row: every scenario's figure, the differences from the first and
   their batch-means standard errors. */
static void
fill_row (const cmp_ctx *x, const measure *m, cc_cmp_row *row)
{
  size_t s, k, K = CC_CMP_BATCHES;
  for (s = 0; s < x->n; s++)
    {
      double sum = 0, sq = 0;
      row->v[s] = stat (x, s, m, 0, x->B);
      row->diff[s] = s == 0 ? 0 : row->v[s] - row->v[0];
      row->se[s] = NAN;
      if (s == 0 || isnan (row->diff[s]) || x->B < 2 * K)
        continue;
      for (k = 0; k < K; k++)
        {
          size_t lo = k * x->B / K, hi = (k + 1) * x->B / K;
          double d = stat (x, s, m, lo, hi) - stat (x, 0, m, lo, hi);
          sum += d;
          sq += d * d;
        }
      sum /= (double) K;
      row->se[s] = sqrt (fmax (0, (sq / (double) K - sum * sum)
                               * (double) K / (double) (K - 1))
                         / (double) K);
    }
}

static cc_cmp_row *
add_row (cc_compare *c, size_t cap, const char *key, const char *label)
{
  cc_cmp_row *r;
  if (c->nrow >= cap)
    return NULL;
  r = &c->row[c->nrow++];
  snprintf (r->key, sizeof r->key, "%s", key);
  snprintf (r->label, sizeof r->label, "%s", label);
  return r;
}

/* The driver names of every scenario, each once, in order of appearance. */
static size_t
driver_union (const cmp_ctx *x, const cc_driver **out, size_t max)
{
  size_t s, d, i, n = 0;
  for (s = 0; s < x->n; s++)
    for (d = 0; d < x->vc[s]->model.ndriver; d++)
      {
        const cc_driver *dr = &x->vc[s]->model.driver[d];
        for (i = 0; i < n && strcmp (out[i]->name, dr->name) != 0; i++)
          ;
        if (i == n && n < max)
          out[n++] = dr;
      }
  return n;
}

/* The unit of driver NAME's quantity in the first scenario that has it. */
static const char *
quantity_unit (const cmp_ctx *x, const char *name)
{
  size_t s;
  long d;
  for (s = 0; s < x->n; s++)
    if ((d = driver_index (x->vc[s], name)) >= 0)
      return x->vr[s]->quantity_unit[d];
  return "";
}

static int
build_rows (const cmp_ctx *x, cc_compare *c, cc_err *err)
{
  static const struct { int kind; double p; const char *key, *label; } top[] = {
    { M_TOTAL, 0.10, "total.p10", "Term value, P10" },
    { M_TOTAL, 0.50, "total.p50", "Term value, P50" },
    { M_TOTAL, 0.90, "total.p90", "Term value, P90" },
    { M_TOTAL, -1, "total.mean", "Term value, mean" },
    { M_NPV, 0.10, "npv.p10", "Net present value, P10" },
    { M_NPV, 0.50, "npv.p50", "Net present value, P50" },
    { M_NPV, 0.90, "npv.p90", "Net present value, P90" },
  };
  static const double pq[3] = { 0.10, 0.50, 0.90 };
  static const int pn[3] = { 10, 50, 90 };
  const cc_driver *drv[CC_CMP_MAX * CC_MAX_DRIVERS];
  size_t i, s, q, ny = 0, nd = driver_union (x, drv, sizeof drv / sizeof *drv);
  size_t cap;
  char key[80], label[200];

  for (s = 0; s < x->n; s++)
    if ((size_t) x->vr[s]->nyears > ny)
      ny = (size_t) x->vr[s]->nyears;
  cap = sizeof top / sizeof *top + 3 * ny + 6 * nd;
  c->row = calloc (cap, sizeof *c->row);
  if (c->row == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (i = 0; i < sizeof top / sizeof *top; i++)
    {
      measure m = { top[i].kind, 0, NULL, top[i].p };
      fill_row (x, &m, add_row (c, cap, top[i].key, top[i].label));
    }
  for (i = 0; i < ny; i++)
    for (q = 0; q < 3; q++)
      {
        measure m = { M_YEAR, i, NULL, pq[q] };
        snprintf (key, sizeof key, "year.%zu.p%d", i + 1, pn[q]);
        snprintf (label, sizeof label, "Year %zu, P%d", i + 1, pn[q]);
        fill_row (x, &m, add_row (c, cap, key, label));
      }
  for (i = 0; i < nd; i++)
    for (q = 0; q < 3; q++)
      {
        measure m = { M_DRIVER, 0, drv[i]->name, pq[q] };
        snprintf (key, sizeof key, "driver.%s.p%d", drv[i]->name, pn[q]);
        cc_label_printf (label, sizeof label, "%s over the term, P%d",
                         drv[i]->title ? drv[i]->title : drv[i]->name,
                         pn[q]);
        fill_row (x, &m, add_row (c, cap, key, label));
      }
  for (i = 0; i < nd; i++)
    for (q = 0; q < 3; q++)
      {
        measure m = { M_QTY, 0, drv[i]->name, pq[q] };
        snprintf (key, sizeof key, "quantity.%s.p%d", drv[i]->name, pn[q]);
        cc_label_printf (label, sizeof label, "%s, quantity in the last "
                         "month (%s), P%d",
                         drv[i]->title ? drv[i]->title : drv[i]->name,
                         quantity_unit (x, drv[i]->name), pn[q]);
        fill_row (x, &m, add_row (c, cap, key, label));
      }
  return CC_OK;
}

/* What scenario VC priced DRIVER with on PROVIDER, into BUF. */
static void
sku_cell (const cc_valuecase *vc, const char *driver, const char *provider,
          char *buf, size_t size)
{
  long d = driver_index (vc, driver);
  size_t p;

  if (d < 0)
    {
      snprintf (buf, size, "not in this scenario");
      return;
    }
  for (p = 0; p < vc->model.nprovider
              && strcmp (vc->model.provider[p], provider) != 0; p++)
    ;
  if (p == vc->model.nprovider)
    snprintf (buf, size, "not priced (provider not compared)");
  else
    cc_valuecase_sku_cell (vc, (size_t) d, p, buf, size);
}

static int
build_skus (const cmp_ctx *x, cc_compare *c, cc_err *err)
{
  const cc_driver *drv[CC_CMP_MAX * CC_MAX_DRIVERS];
  char prov[CC_CMP_MAX * CC_MAX_PROVIDERS][16];
  size_t np = 0, nd = driver_union (x, drv, sizeof drv / sizeof *drv);
  size_t s, p, i, d;

  for (s = 0; s < x->n; s++)
    for (p = 0; p < x->vc[s]->model.nprovider; p++)
      {
        for (i = 0; i < np && strcmp (prov[i], x->vc[s]->model.provider[p]);
             i++)
          ;
        if (i == np)
          snprintf (prov[np++], sizeof prov[0], "%s",
                    x->vc[s]->model.provider[p]);
      }
  c->sku = calloc (nd * np + 1, sizeof *c->sku);
  if (c->sku == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (d = 0; d < nd; d++)
    for (p = 0; p < np; p++)
      {
        cc_cmp_sku *k = &c->sku[c->nsku++];
        snprintf (k->driver, sizeof k->driver, "%s", drv[d]->name);
        snprintf (k->provider, sizeof k->provider, "%s", prov[p]);
        for (s = 0; s < x->n; s++)
          sku_cell (x->vc[s], k->driver, k->provider, k->cell[s],
                    sizeof k->cell[s]);
      }
  return CC_OK;
}

int
cc_compare_build (const cc_valuecase *const *vc,
                  const cc_value_result *const *vr, size_t n,
                  cc_compare *out, cc_err *err)
{
  cmp_ctx x = { vc, vr, n, vr[0]->ndraws, NULL };
  size_t s;
  int rc;

  memset (out, 0, sizeof *out);
  out->n = n;
  out->seed = vc[0]->model.seed;
  out->draws = vr[0]->ndraws;
  snprintf (out->currency, sizeof out->currency, "%s", vc[0]->currency);
  for (s = 0; s < n; s++)
    {
      if (strcmp (vc[s]->currency, vc[0]->currency) != 0)
        return cc_err_set (err, CC_EDATA, vc[s]->file->path, 0, 0,
                           "currency %s differs from %s's %s: scenarios "
                           "compared must share one", vc[s]->currency,
                           vc[0]->file->path, vc[0]->currency);
      if (vr[s]->ndraws != x.B || vc[s]->model.seed != out->seed)
        return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "scenarios "
                           "compared with different seeds or draws");
      snprintf (out->name[s], sizeof out->name[s], "%s", vc[s]->file->path);
      snprintf (out->title[s], sizeof out->title[s], "%s", vc[s]->title);
      snprintf (out->valued[s], sizeof out->valued[s], "%s",
                vc[s]->model.provider[0]);
    }
  x.buf = malloc ((x.B + 1) * sizeof *x.buf);
  if (x.buf == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  rc = build_rows (&x, out, err);
  if (rc == CC_OK)
    rc = build_skus (&x, out, err);
  free (x.buf);
  return rc;
}

void
cc_compare_free (cc_compare *c)
{
  free (c->row);
  free (c->sku);
  c->row = NULL;
  c->sku = NULL;
}
