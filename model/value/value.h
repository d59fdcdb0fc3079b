/* value.h: contract value with a range.
 *
 * A model is a set of usage drivers (storage from reported figures, VM
 * hours, video minutes, transactions, characters, seats, tokens), each
 * priced by a sku per provider.  Every driver's quantity in contract month
 * m (1-based) is
 *
 *   base x factor x growth^(min(m - 1, G) / 12)      (an assumed driver;
 *                                                     G = growth_months)
 *   y(h) x bytes-per-unit / bytes-per-price-unit      (storage from figures)
 *   f(x; b) x scale                                   (a fitted growth model)
 *
 * (the month convention: contract month m = 1 is the start month; growth
 * counts from it, so month 1 has g^0; prices are the tier tables in force
 * in the month cc_price_lock_month gives, times (1 + annual_change)^
 * floor((m - 1) / 12) less the discount; the NPV discounts month m by
 * (1 + rate)^(-m/12), as if each month were paid at its end),
 * where base, factor, growth (an annual multiple) and the scenario
 * parameter (phi or cap K) are constants or distributions (dist.h), and
 * y(h) is a named scenario (project.h) h months after the last figure.
 * A Monte Carlo over the distributions gives P10/P50/P90 of monthly spend
 * by family, of each year's and the whole term's total and of its NPV; a
 * one-at-a-time sweep gives the tornado; the same usage at median
 * assumptions is priced on every provider for the cross-cloud table. */
#ifndef CC_VALUE_H
#define CC_VALUE_H

#include <stddef.h>

#include "value/dist.h"
#include "core/error.h"
#include "fit/fit.h"
#include "reported/growth.h"
#include "price/price.h"
#include "price/pick.h"
#include "reported/project.h"

#define CC_MAX_PROVIDERS 4
#define CC_MAX_MIX 4
#define CC_MAX_DRIVERS 32
/* Cap: draws x horizon months, the size of the per-draw monthly
 * tables (the default 10000 draws fit a 1200-month horizon). */
#define CC_MAX_DRAW_MONTHS 12000000

typedef struct
{
  char sku[CC_MAX_MIX][128];  /* one sku, or a storage mix */
  double share[CC_MAX_MIX];   /* shares of the mix, summing to 1 */
  size_t nsku;                /* 0: not priced on this provider */
  int picked;                 /* the sku was picked by the driver's needs */
  char region[32];            /* "" = any */
  char region_from[80];       /* how the region was chosen, for reports */
  char term[16];              /* term of the list price: "payg" or "1y" ... */
  double rate[CC_MAX_MIX];    /* currency conversion of each sku (1: none) */
  double discount;            /* this driver's discount here; < 0: provider's */
  double reserved_blocks;
  char reserved_term[16];     /* term of the reservation */
  cc_price_lock lock;         /* price protection; unset: provider's */
} cc_driver_price;

/* The fields of a driver's assumptions, in the order bars and labels
   use them: quantity at start, factor, annual growth, phi or cap. */
enum { CC_FIELD_BASE, CC_FIELD_FACTOR, CC_FIELD_GROWTH, CC_FIELD_PARAM,
       CC_NFIELD };

typedef struct
{
  char name[48];
  /* A reader's name for it ("Productivity seats") and for each of its
     assumptions ("Seats at start"), whole at any length; owned by
     whoever loaded the model (value/valuecase.h). */
  char *title;
  char *field_label[CC_NFIELD];
  char label[800];            /* what it is and the assumption, for reports */
  char family[16];            /* storage, compute, ai, network, productivity, ... */
  char unit[64];              /* unit of its own quantity: the reported
                                 figures' or fitted series' ("TB"); "":
                                 its price's unit (seats, hours, ...) */
  char source[1024];          /* where the figure or assumption comes from */
  cc_price_needs needs;       /* what it needs, when it says (pick.h) */
  cc_dist base, factor, growth;
  int growth_months;          /* growth stops after this many months (0: never) */
  int link;                   /* -1, or the driver whose base draw is reused */
  double link_share;          /* the part of the linked driver's quantity
                                 followed: 1, or with link_sku the share
                                 the valued provider's mix puts in that sku
                                 (0 when its mix has none) */
  /* Storage from reported figures (facts != NULL): */
  const cc_growth_facts *facts;
  cc_scenario_kind scn_kind;
  cc_dist scn_param;          /* phi or K; ignored for linear/exponential */
  double unit_bytes;          /* bytes per unit of the facts' y */
  long anchor_month;          /* month index of the last figure */
  /* Fitted growth (growth = fit): the draws add the fit's own
   * uncertainty, parameters ~ N(b, s^2 (J'J)^-1) and the residual noise,
   * to the same Monte Carlo as every other assumption. */
  const cc_fit *fit;
  /* growth = fit with model = auto: each draw first draws its model from
   * mix[0..nmix-1] (mix[0] is fit) by the Akaike weights mixw, then that
   * model's parameters and noise.  nmix 0 or 1: fit alone. */
#define CC_DRIVER_MAXMIX 8
  const cc_fit *mix[CC_DRIVER_MAXMIX];
  double mixw[CC_DRIVER_MAXMIX];
  size_t nmix;
  long fit_first;             /* month index where the fit's x = 1 */
  double fit_scale;           /* price units per unit of the fitted y */
  cc_driver_price price[CC_MAX_PROVIDERS];
} cc_driver;

typedef struct
{
  char provider[CC_MAX_PROVIDERS][16];  /* provider 0 is the one valued */
  size_t nprovider;
  double discount[CC_MAX_PROVIDERS];    /* negotiated, per provider */
  cc_price_lock lock[CC_MAX_PROVIDERS]; /* price protection, per provider */
  double annual_change;                 /* list-price change per year */
  long start_month;                     /* month index of contract month 1 */
  int months;
  double discount_rate;                 /* annual, for NPV */
  unsigned long seed;
  size_t draws;
  size_t ndriver;
  cc_driver driver[CC_MAX_DRIVERS];
} cc_value_model;

/* P10/P50/P90 of one quantity. */
typedef struct
{
  double p10, p50, p90, mean;
} cc_range;

typedef struct
{
  char assumption[80];        /* "driver.field" */
  const char *label;          /* the reader's name for it: the driver's
                                 field_label, valid while the model is */
  char spec[96];              /* the distribution as written */
  double low_value, high_value;   /* the assumption at its P10 and P90 */
  double total_low, total_high;   /* term total with it at P10 / P90 */
  double swing;                   /* |total_high - total_low| */
} cc_tornado_bar;

typedef struct
{
  int months, nyears;
  size_t nfamily;
  char family[8][16];
  cc_range *monthly;          /* months x (nfamily + 1); last = all */
  cc_range *yearly;           /* nyears */
  cc_range *cumulative;       /* months: spend to the end of each month */
  cc_range total, npv;
  /* Monte Carlo standard error of total.p50: the distribution-free
   * 95 % interval of the median from the order statistics
   * n/2 -+ 1.96 sqrt(n)/2 of the draws' totals, divided by 2 x 1.96. */
  double total_p50_se;
  /* What the median total rests on: each driver's part of the total
   * over the draws whose total lies between its P45 and P55 (ndriver,
   * summing to 1 when the total is not zero). */
  double *driver_p50_share;
  cc_range *driver_total;     /* ndriver */
  cc_range *driver_monthly;   /* months x ndriver */
  /* Usage: each driver's quantity in its own unit (quantity_unit) in the
   * last month of each contract year, nyears x ndriver. */
  cc_range *driver_yearly_qty;
  char quantity_unit[CC_MAX_DRIVERS][64];
  double median_total;        /* every assumption at its median */
  size_t nbar;
  cc_tornado_bar bar[3 * CC_MAX_DRIVERS];   /* sorted by swing */
  double cross[CC_MAX_PROVIDERS];           /* median usage, each provider */
  int cross_missing[CC_MAX_PROVIDERS];      /* drivers with no sku there */
  double cross_common[CC_MAX_PROVIDERS];    /* only drivers priced everywhere */
  /* Each driver's term total at median usage on each provider (0 where
     the provider does not price it: see the model's nsku). */
  double cross_driver[CC_MAX_PROVIDERS][CC_MAX_DRIVERS];
  size_t ncommon;                           /* how many drivers that is */
  size_t nunconfirmed;
  char unconfirmed[64][128];  /* skus priced from UNCONFIRMED rows */
  /* Every draw in draw order, for comparisons that pair draw b of one
   * scenario with draw b of another (same seed): the term total, the NPV,
   * each contract year (draws x nyears) and each driver's term total
   * (draws x ndriver). */
  size_t ndraws;
  double *draw_total, *draw_npv, *draw_year, *draw_driver;
  /* Each driver's quantity (quantity_unit) in the last month of each
     contract year, draw by draw: draws x nyears x ndriver, draw b's year
     y driver d at draw_qty[(b * nyears + y) * ndriver + d]. */
  double *draw_qty;
  size_t nearly;
  char early[16][200];        /* skus priced before their earliest
                                 effective_date: "sku (provider, effective
                                 YYYY-MM-DD)" */
} cc_value_result;

/* Run the model.  Deterministic for a given seed. */
int cc_value_run (const cc_value_model *m, const cc_price_book *book,
                  cc_value_result **out, cc_err *err);

/* The month (0-based, from contract month 1) that ends contract year Y
 * (0-based) of a MONTHS-month contract: the year's twelfth month, or the
 * contract's last. */
int cc_value_year_end (int months, int y);

void cc_value_result_free (cc_value_result *r);

/* Net present value of monthly amounts X[0..n-1] (month 1 = X[0]) at an
 * annual discount rate, each month discounted by (1 + rate)^(-m/12). */
double cc_value_npv (const double *x, int n, double annual_rate);

/* The P quantile (0 <= P <= 1) of X[0..N), N > 0, by GSL's definition for
 * sorted data (linear between order statistics), found by selection:
 * X is rearranged. */
double cc_value_quantile (double *x, size_t n, double p);

#endif
