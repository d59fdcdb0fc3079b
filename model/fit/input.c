/* input.c: reading and checking the input of fit and project. */
#include <config.h>

#include <string.h>

#include "fit/input.h"

int
cc_scale_parse (const char *s, cc_scale *scale)
{
  if (strcmp (s, "log") == 0)
    *scale = CC_SCALE_LOG;
  else if (strcmp (s, "level") == 0)
    *scale = CC_SCALE_LEVEL;
  else
    return CC_EUSAGE;
  return CC_OK;
}

int
cc_measure_parse (const char *s, cc_measure *m)
{
  if (strcmp (s, "quantity") == 0)
    *m = CC_MEASURE_QUANTITY;
  else if (strcmp (s, "cost") == 0)
    *m = CC_MEASURE_COST;
  else
    return CC_EUSAGE;
  return CC_OK;
}

int
cc_fit_input_load (cc_fit_input *in, cc_series_set **setp, cc_err *err)
{
  cc_series_set *set = cc_series_set_alloc ();
  size_t i;
  int rc;
  *setp = set;
  if (set == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  if (!in->scale_set)
    in->scale = in->xy ? CC_SCALE_LEVEL : CC_SCALE_LOG;
  if (!in->xy && cc_series_is_reported (in->path))
    {
      if (in->measure == CC_MEASURE_COST)
        return cc_err_set (err, CC_EDATA, in->path, 1, 0, "reported "
                           "figures have no cost column: model the quantity");
      rc = cc_series_read_reported (in->path, in->key, set, err);
    }
  else
    rc = in->xy ? cc_series_read_xy (in->path, set, err)
                : cc_series_read (in->path, in->key, in->measure, set, err);
  if (rc != CC_OK)
    return rc;
  for (i = 0; i < set->n; i++)
    if ((rc = cc_series_check (&set->s[i], 2, in->scale == CC_SCALE_LOG, err))
        != CC_OK)
      return rc;
  return CC_OK;
}
