/* band.h: the prediction band of a fitted series out to a given month:
 * the median forecast with the bands of the narrowest and the widest
 * coverage level, by parametric Monte Carlo (interval.h).  The run's fan
 * chart (plots/chart_fan.c) draws it. */
#ifndef CC_BAND_H
#define CC_BAND_H

#include <stddef.h>

#include "core/error.h"
#include "fit/fit.h"
#include "fit/series.h"

/* Monte Carlo draws the run's fan chart uses. */
#define CC_FIT_BAND_DRAWS 2000

typedef struct
{
  size_t h;                   /* forecast months */
  long *month;                /* month index of each: the data's last + 1.. */
  double *median;
  double *lo_narrow, *hi_narrow;   /* the band at level_narrow */
  double *lo_wide, *hi_wide;       /* the band at level_wide */
  double level_narrow, level_wide; /* coverage, percent */
} cc_fitband;

/* The band of FIT, fitted to the monthly series S, from the month after
 * S's last point through END_MONTH (at least one month), at the lowest and
 * highest of LEVELS (percent; 1 to CC_PI_MAXLEVEL of them), from DRAWS
 * draws of a Mersenne Twister seeded with SEED: the same inputs give the
 * same band to the last digit.  CC_EDATA when the fit has no statistical
 * band (see cc_pi_compute).  Free B with cc_fitband_free whatever it
 * returns. */
int cc_fit_band (const cc_fit *fit, const cc_series *s, long end_month,
                 const double *levels, size_t nlevels, size_t draws,
                 unsigned long seed, cc_fitband *b, cc_err *err);

void cc_fitband_free (cc_fitband *b);

/* How many months a band of S through END_MONTH has: those after S's last
 * point, at least one. */
size_t cc_fit_band_months (const cc_series *s, long end_month);

#endif
