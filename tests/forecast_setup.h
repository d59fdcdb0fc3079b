/* forecast_setup.h: the set-up the forecasting tests and benchmark share:
 * options for a model list, a series from an array, a band's coverage. */
#ifndef CC_TEST_FORECAST_SETUP_H
#define CC_TEST_FORECAST_SETUP_H

#include "fit/forecast.h"

/* Options O for MODELS ("auto", "logistic,damped", ...): METHOD's bands
 * with DRAWS draws (none for the delta method), MONTHS ahead, on SCALE,
 * constrained. */
static inline void
fc_opts (cc_forecast_opts *o, const char *models, cc_pi_method method,
         cc_scale scale, size_t months, size_t draws)
{
  cc_err err;
  cc_forecast_opts_init (o);
  o->po.method = method;
  o->po.draws = method == CC_PI_DELTA ? 0 : draws;
  o->months = months;
  o->fo.scale = scale;
  o->fo.constrain = 1;
  cc_model_list_parse (models, &o->models, &err);
}

/* The series KEY of the N values Y, monthly from month index FIRST
 * (months since year 0), x = 1, 2, ... */
static inline void
fc_series (cc_series *s, const char *key, long first, const double *y,
           size_t n)
{
  size_t i;
  cc_series_init (s, key);
  s->first = first;
  for (i = 0; i < n; i++)
    cc_series_push (s, (double) (i + 1), y[i], first + (long) i,
                    (long) i + 2);
}

/* Count into IN80, IN95 and NB the values of ACT[0..H-1] inside the 80 %
 * and 95 % bands of B (levels 0.8 and 0.95, in that order). */
static inline void
fc_cover (const cc_band *b, const double *act, size_t h, size_t *in80,
          size_t *in95, size_t *nb)
{
  size_t i;
  for (i = 0; i < h; i++)
    {
      *in80 += act[i] >= b->lo[2 * i] && act[i] <= b->hi[2 * i];
      *in95 += act[i] >= b->lo[2 * i + 1] && act[i] <= b->hi[2 * i + 1];
      (*nb)++;
    }
}

#endif
