/* fit_out.h: the tables of `cloudcast fit` (CSV or JSON, one row or
 * object per model tried) and of `cloudcast project` (CSV, one row per
 * month of each band or scenario).  Text fields are quoted by the one CSV
 * writer (core/csvwrite.h), JSON is built through core/json.h; numbers
 * keep 12 significant digits and are empty (CSV) or null (JSON) when not
 * finite. */
#ifndef CC_FIT_OUT_H
#define CC_FIT_OUT_H

#include <jansson.h>
#include <stdio.h>

#include "fit/compare.h"
#include "fit/forecast.h"

/* fit, CSV: the header for MAXSHOW parameter columns (cc_compare_maxshow)
 * and, with HOLDOUT, the backtest columns; then each series' rows. */
void cc_compare_csv_header (FILE *fp, size_t maxshow, int holdout);
void cc_compare_csv_rows (FILE *fp, const cc_compare *c, size_t maxshow);

/* fit, JSON: {"finops_benchmark_pct": 12, "series_fits": [...]}; add
 * each series, then write the document (0, or -1 on a write error). */
json_t *cc_compare_json_new (void);
void cc_compare_json_add (json_t *doc, const cc_compare *c);
int cc_compare_json_write (FILE *fp, const json_t *doc);

/* project, CSV: the header for the levels of O, then each series' rows
 * (what F has; a series that stopped early has its first parts). */
void cc_forecast_csv_header (FILE *fp, const cc_forecast_opts *o);
void cc_forecast_csv_rows (FILE *fp, const cc_forecast_opts *o,
                           const cc_forecast *f);

#endif
