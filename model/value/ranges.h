/* ranges.h: the mean and quantiles of many columns of draws, to the
 * last digit what gsl_stats_mean and cc_value_quantile (value.h) give,
 * in less time: the contract value summarises hundreds of columns of
 * 10,000 draws each. */
#ifndef CC_RANGES_H
#define CC_RANGES_H

#include <stddef.h>

/* The means of K columns of N numbers, column J at X + J * STRIDE, into
 * MEAN[0..K): each as gsl_stats_mean computes it (the recurrence m +=
 * (x - m) / (i + 1) in long double), the K recurrences run side by side
 * so that their divisions overlap. */
void cc_ranges_means (const double *x, size_t n, size_t k, size_t stride,
                      double *mean);

/* The NP quantiles P[0..NP) (ascending, each in [0, 1]) of X[0..N) into
 * Q, each equal to what cc_value_quantile gives (the order statistics
 * around P (N - 1), interpolated).  X is rearranged.  The order
 * statistics are found within windows about them, bounded by a sample
 * of X, that WORK (NP x N numbers) holds; a rank outside its window is
 * selected in the whole, and so is every rank when WORK is NULL. */
void cc_ranges_quantiles (double *x, size_t n, const double *p, size_t np,
                          double *q, double *work);

#endif
