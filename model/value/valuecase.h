/* valuecase.h: a scenario file turned into a value model.
 *
 * Reads the scenario (scnfile.h), the reported figures its storage drivers
 * name (reported.h) and its price books (price.h), and checks every value,
 * reporting "SCENARIO:LINE: what is wrong". */
#ifndef CC_VALUECASE_H
#define CC_VALUECASE_H

#include <stdint.h>

#include "price/price.h"
#include "reported/reported.h"
#include "value/scnfile.h"
#include "fit/series.h"
#include "value/value.h"

typedef struct
{
  cc_scnfile *file;
  cc_value_model model;
  cc_price_book *book;
  cc_reported *reported[CC_MAX_DRIVERS];
  cc_growth_facts facts[CC_MAX_DRIVERS];
  const cc_reported_metric *metric[CC_MAX_DRIVERS];
  /* Fitted drivers: every model tried (for the model-comparison table),
   * the data it was fitted to, and which fit was chosen. */
  cc_fit *fits[CC_MAX_DRIVERS];
  size_t nfits[CC_MAX_DRIVERS];
  long chosen[CC_MAX_DRIVERS];
  cc_series *fitdata[CC_MAX_DRIVERS];
  /* A driver grown from reported figures: which named scenarios its
   * storage chart draws ('show', a comma list as written, NULL: all; its
   * line) and its y axis ('scale': CC_AXIS_AUTO, _LINEAR or _LOG). */
  const char *show[CC_MAX_DRIVERS];
  long show_line[CC_MAX_DRIVERS];
  int chart_scale[CC_MAX_DRIVERS];
  /* [scenario] projection_horizon: months of the storage projection after
   * the last reported figure; 0: through the contract's last month. */
  int projection_months;
  char name[800], title[800], currency[8], source[2048];
  int formats[4];             /* chart formats wanted: png, svg, pdf */
  double levels[8];           /* interval levels, percent (default 80, 95) */
  size_t nlevels;
  size_t nconv;
  char conversion[8][320];    /* "EUR->USD x 1.08 (source, date)" used */
  struct
  {
    char from[8], to[8], source[200], date[16];
    double rate;
  } rate_used[8];             /* the same conversions, field by field */
  /* A fingerprint (core/hash.h) of every input file's bytes, in the
   * order read: the scenario, its price books, reported figures, fitted
   * series and rates. */
  uint64_t input_hash;
  size_t ninputs;
} cc_valuecase;

enum { CC_AXIS_AUTO, CC_AXIS_LINEAR, CC_AXIS_LOG };

int cc_valuecase_load (const char *path, cc_valuecase **out, cc_err *err);
void cc_valuecase_free (cc_valuecase *c);

/* The regions provider P is priced in, each once, "; "-separated (with
 * how each was chosen when WHY), into BUF (N bytes). */
void cc_valuecase_regions (const cc_valuecase *c, size_t p, int why,
                           char *buf, size_t n);

/* What driver D is priced with on provider P, into BUF (N bytes):
 * "sku (region)", a mix "a:0.5 + b:0.5 (region)", with "; cheapest with
 * 4 vCPU" inside the brackets when the driver's needs picked it, or "not
 * priced" ("not priced: no sku with 4 vCPU" when it states needs). */
void cc_valuecase_sku_cell (const cc_valuecase *c, size_t d, size_t p,
                            char *buf, size_t n);

/* The drivers provider P does not price (ON = 0) or, with ON = 1, those
 * every provider prices, by name (or, with TITLES, by their titles),
 * ", "-separated ("none" when there are none), into BUF (N bytes). */
void cc_valuecase_priced_list (const cc_valuecase *c, size_t p, int on,
                               int titles, char *buf, size_t n);

#endif
