/* compare.h: scenarios side by side (`cloudcast compare`).
 *
 * Every scenario is valued with the same seed and number of draws, so
 * draw b of one and draw b of another use the same random stream (common
 * random numbers): where two scenarios draw the same assumptions, their
 * difference carries no Monte Carlo noise from them.  Each row gives every
 * scenario's figure, then each later scenario minus the first with the
 * Monte Carlo standard error of that difference, by batch means: the
 * draws are cut into CC_CMP_BATCHES batches in draw order, the difference
 * computed in each, and the standard error is their standard deviation
 * over sqrt(CC_CMP_BATCHES).
 *
 * A second table names, for every driver and provider, the sku each
 * scenario priced it with, "not priced" when the provider has none for
 * it, or "not in this scenario". */
#ifndef CC_COMPARE_H
#define CC_COMPARE_H

#include <stddef.h>
#include <stdio.h>

#include "core/error.h"
#include "value/valuecase.h"

#define CC_CMP_MAX 8
#define CC_CMP_BATCHES 20

typedef struct
{
  char key[80];               /* "total.p50", "year.2.p50", "driver.vms.p50" */
  char label[200];            /* "Term value, P50" */
  double v[CC_CMP_MAX];       /* NAN: not in that scenario */
  double diff[CC_CMP_MAX];    /* scenario s minus the first ([0] unused) */
  double se[CC_CMP_MAX];      /* Monte Carlo standard error of diff */
} cc_cmp_row;

typedef struct
{
  char driver[48];
  char provider[16];
  char cell[CC_CMP_MAX][400]; /* sku (region), "not priced", ... */
} cc_cmp_sku;

typedef struct
{
  size_t n;                                 /* scenarios */
  char name[CC_CMP_MAX][128];               /* file names, as given */
  char title[CC_CMP_MAX][800];
  char valued[CC_CMP_MAX][16];              /* each one's first provider */
  unsigned long seed;
  size_t draws;
  char currency[8];
  size_t nrow, nsku;
  cc_cmp_row *row;
  cc_cmp_sku *sku;
} cc_compare;

/* Build the comparison of N valued scenarios (same seed and draws, which
 * the caller has set).  CC_EDATA when their currencies differ. */
int cc_compare_build (const cc_valuecase *const *vc,
                      const cc_value_result *const *vr, size_t n,
                      cc_compare *out, cc_err *err);
void cc_compare_free (cc_compare *c);

/* A scenario's file name without its folder, for column heads and keys. */
const char *cc_compare_short_name (const char *path);

/* The writers: 0 on success. */
int cc_compare_csv (FILE *fp, const void *c);
int cc_compare_skus_csv (FILE *fp, const void *c);
int cc_compare_json (FILE *fp, const void *c);
int cc_compare_md (FILE *fp, const void *c);
int cc_compare_html (FILE *fp, const void *c);

#endif
