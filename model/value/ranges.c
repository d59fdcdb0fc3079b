/* ranges.c: means and quantiles of columns of draws (ranges.h). */
#include <config.h>

#include <math.h>
#include <string.h>

#include "value/ranges.h"

void
cc_ranges_means (const double *x, size_t n, size_t k, size_t stride,
                 double *mean)
{
  enum { W = 8 };
  size_t j0, j, i;
  for (j0 = 0; j0 < k; j0 += W)
    {
      long double m[W] = { 0 };
      size_t w = k - j0 < W ? k - j0 : W;
      for (i = 0; i < n; i++)
        for (j = 0; j < w; j++)
          m[j] += (x[(j0 + j) * stride + i] - m[j]) / (i + 1);
      for (j = 0; j < w; j++)
        mean[j0 + j] = (double) m[j];
    }
}

/* Move the values of X[LO..HI] below PIVOT (BELOW nonzero) or not above
   it (BELOW zero) to the front, without branches on the values: how many
   there are. */
static size_t
partition (double *x, size_t lo, size_t hi, double pivot, int below)
{
  size_t i = lo, j;
  for (j = lo; j <= hi; j++)
    {
      double v = x[j];
      x[j] = x[i];
      x[i] = v;
      i += below ? v < pivot : v <= pivot;
    }
  return i - lo;
}

static double
median3 (double a, double b, double c)
{
  if (a > b)
    {
      double t = a;
      a = b;
      b = t;
    }
  return c < a ? a : c > b ? b : c;
}

/* The K-th smallest of X[0..N) (K from 0), X left partitioned about it
   (none after K is smaller, none before is larger): a quickselect with
   three-way partitions that do not branch on the values, which are
   random, so that a branch on them would be mispredicted half the
   time. */
static double
select_k (double *x, size_t n, size_t k)
{
  size_t lo = 0, hi = n - 1, i, j;
  while (hi - lo > 16)
    {
      double p = median3 (x[lo], x[lo + (hi - lo) / 2], x[hi]);
      size_t lt = partition (x, lo, hi, p, 1);
      size_t le = lt + partition (x, lo + lt, hi, p, 0);
      if (k < lo + lt)
        hi = lo + lt - 1;
      else if (k < lo + le)
        return p;
      else
        lo += le;
    }
  for (i = lo + 1; i <= hi; i++)
    {
      double v = x[i];
      for (j = i; j > lo && x[j - 1] > v; j--)
        x[j] = x[j - 1];
      x[j] = v;
    }
  return x[k];
}

/* The least of X[LO..HI). */
static double
least (const double *x, size_t lo, size_t hi)
{
  double v = x[lo];
  size_t i;
  for (i = lo + 1; i < hi; i++)
    if (x[i] < v)
      v = x[i];
  return v;
}

/* The P quantile of X[0..N) by selection in the whole (X rearranged):
   select_k leaves X partitioned about the element it selects, so the
   next order statistic is the least of those after it. */
static double
quantile_whole (double *x, size_t n, double p)
{
  double index = p * (double) (n - 1), delta, lo;
  size_t lhs = (size_t) index;
  delta = index - (double) lhs;
  lo = select_k (x, n, lhs);
  if (lhs == n - 1 || delta == 0)
    return lo;
  return (1 - delta) * lo + delta * least (x, lhs + 1, n);
}

enum { SAMPLE = 256, MIN_WINDOWED = 2048, MAX_Q = 8 };

/* A window about one rank: the values in [lo, hi], and how many are
   below lo. */
typedef struct
{
  double lo, hi;
  size_t below, count;
  double *v;
} window;

/* Bounds of the window about fraction F of the values, from the sorted
   sample S: about 2.5 standard deviations of a sample rank either side. */
static void
window_bounds (const double *s, double f, window *w)
{
  double g = 2.5 * sqrt (SAMPLE * f * (1 - f)) + 2;
  double a = floor (f * SAMPLE - g), b = ceil (f * SAMPLE + g);
  w->lo = a < 0 ? -INFINITY : s[(size_t) a];
  w->hi = b > SAMPLE - 1 ? INFINITY : s[(size_t) b];
}

/* Fill window W from X[0..N), one pass with its bounds in registers; 0,
   or -1 when a value is not comparable (NaN). */
static int
fill_window (const double *x, size_t n, window *w)
{
  const double lo = w->lo, hi = w->hi;
  double *v = w->v;
  size_t i, below = 0, count = 0, above = 0;
  for (i = 0; i < n; i++)
    {
      double y = x[i];
      below += y < lo;
      above += y > hi;
      v[count] = y;
      count += (y >= lo) & (y <= hi);
    }
  w->below = below;
  w->count = count;
  return below + count + above == n ? 0 : -1;
}

/* The same for three windows in one pass: X is read once. */
static int
fill_windows3 (const double *x, size_t n, window *w)
{
  const double l0 = w[0].lo, h0 = w[0].hi, l1 = w[1].lo, h1 = w[1].hi;
  const double l2 = w[2].lo, h2 = w[2].hi;
  double *v0 = w[0].v, *v1 = w[1].v, *v2 = w[2].v;
  size_t i, b0 = 0, b1 = 0, b2 = 0, c0 = 0, c1 = 0, c2 = 0, a2 = 0;
  for (i = 0; i < n; i++)
    {
      double y = x[i];
      b0 += y < l0;
      b1 += y < l1;
      b2 += y < l2;
      a2 += y > h2;
      v0[c0] = y;
      v1[c1] = y;
      v2[c2] = y;
      c0 += (y >= l0) & (y <= h0);
      c1 += (y >= l1) & (y <= h1);
      c2 += (y >= l2) & (y <= h2);
    }
  w[0].below = b0;
  w[0].count = c0;
  w[1].below = b1;
  w[1].count = c1;
  w[2].below = b2;
  w[2].count = c2;
  return b2 + c2 + a2 == n ? 0 : -1;
}

/* Order statistic R of the whole, when window W holds it: 0 and *V. */
static int
in_window (window *w, size_t r, double *v, int *selected)
{
  if (r < w->below || r >= w->below + w->count)
    return -1;
  if (!*selected)
    {
      *v = select_k (w->v, w->count, r - w->below);
      *selected = 1;
    }
  return 0;
}

/* The quantile P from its window W, as quantile_whole gives it; 0, or -1
   when the window does not hold the order statistics it needs. */
static int
quantile_window (window *w, size_t n, double p, double *q)
{
  double index = p * (double) (n - 1), delta, lo;
  size_t lhs = (size_t) index, k;
  int sel = 0;
  delta = index - (double) lhs;
  if (in_window (w, lhs, &lo, &sel) != 0)
    return -1;
  if (lhs == n - 1 || delta == 0)
    {
      *q = lo;
      return 0;
    }
  k = lhs - w->below;    /* the window is partitioned about k */
  if (k + 1 >= w->count)
    return -1;
  *q = (1 - delta) * lo + delta * least (w->v, k + 1, w->count);
  return 0;
}

/* Sort the N numbers of S (a small sample) in place. */
static void
sort_small (double *s, size_t n)
{
  size_t i, j;
  for (i = 1; i < n; i++)
    {
      double v = s[i];
      for (j = i; j > 0 && s[j - 1] > v; j--)
        s[j] = s[j - 1];
      s[j] = v;
    }
}

void
cc_ranges_quantiles (double *x, size_t n, const double *p, size_t np,
                     double *q, double *work)
{
  double s[SAMPLE];
  window w[MAX_Q];
  int ok[MAX_Q];
  size_t i, j;

  if (n < MIN_WINDOWED || np > MAX_Q || work == NULL)
    {
      for (j = 0; j < np; j++)
        q[j] = quantile_whole (x, n, p[j]);
      return;
    }
  for (i = 0; i < SAMPLE; i++)
    s[i] = x[i * n / SAMPLE];
  sort_small (s, SAMPLE);
  for (j = 0; j < np; j++)
    {
      window_bounds (s, floor (p[j] * (double) (n - 1)) / (double) n, &w[j]);
      w[j].v = work + j * n;
    }
  if (np == 3)
    {
      int nan = fill_windows3 (x, n, w);
      for (j = 0; j < np; j++)
        ok[j] = nan != 0 ? -1 : quantile_window (&w[j], n, p[j], &q[j]);
    }
  else
    for (j = 0; j < np; j++)
      ok[j] = fill_window (x, n, &w[j]) != 0
              ? -1 : quantile_window (&w[j], n, p[j], &q[j]);
  for (j = 0; j < np; j++)
    if (ok[j] != 0)
      q[j] = quantile_whole (x, n, p[j]);
}
