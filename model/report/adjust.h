/* adjust.h: every adjustment a scenario makes to list prices, as one
 * list the report, value.json and provenance.csv all write from:
 * negotiated discounts (per provider, or per driver on a provider), list
 * prices of a term other than pay-as-you-go, reservations, the annual
 * price change and currency rates.  Only what applies is listed: a
 * discount of 0 or a price change of 0 is no adjustment. */
#ifndef CC_ADJUST_H
#define CC_ADJUST_H

#include <stddef.h>
#include <stdio.h>

#include "report/headline.h"

#include "value/valuecase.h"

typedef struct
{
  const char *kind;        /* "discount", "term", "reservation",
                              "annual price change", "currency rate" */
  char provider[16];       /* "" when it applies to every provider */
  char applies[128];       /* "every driver", "driver seats", "EUR prices" */
  double value;            /* the fraction, blocks or rate */
  char text[200];          /* the value in words: "20 % off list prices" */
  char set_in[160];        /* where the scenario sets it: "default.ini line 87" */
  char source[320];        /* where its value comes from, when not the
                              scenario itself (a rate's source and date) */
} cc_adjustment;

/* The adjustments of C into a new array *OUT (free it); how many. */
size_t cc_adjustments (const cc_valuecase *c, cc_adjustment **out);

/* The adjustments in one line of prose ("discount on azure (every driver
 * priced there): 20 % off list prices; ..."), or "none (...)"; data
 * strings through TEXT. */
void cc_adjustments_words (FILE *fp, const cc_valuecase *c, cc_text_fn text);

#endif
