/* headline.h: what a report opens with: the value in words, how sure the
 * simulation is of it, and what it rests on.
 *
 * What the P50 rests on: each driver's share of the median total
 * (value.h: its part of the total over the draws whose total lies
 * between the P45 and P55), summed by where the driver's quantity comes
 * from: reported figures (a driver grown from reported points), fitted
 * billing data (growth = fit) or assumptions (a quantity range written
 * in the scenario, or linked to one).  The three shares sum to 100 %. */
#ifndef CC_HEADLINE_H
#define CC_HEADLINE_H

#include <stdio.h>

#include "value/value.h"
#include "value/valuecase.h"

typedef enum
{
  CC_SRC_REPORTED,
  CC_SRC_FITTED,
  CC_SRC_ASSUMED,
  CC_NSRC
} cc_qty_source;

/* Where driver DR's quantity comes from. */
cc_qty_source cc_driver_source (const cc_driver *dr);

/* "reported figures", "fitted billing data", "assumptions". */
const char *cc_qty_source_words (cc_qty_source s);

/* The shares (0 to 1) of the median total by source. */
void cc_source_shares (const cc_valuecase *c, const cc_value_result *r,
                       double share[CC_NSRC]);

/* V in CURRENCY to three significant figures: "$121 million",
 * "€88.6 million", "12,300 CHF". */
void cc_money_words (double v, const char *currency, char *buf,
                     size_t size);

/* "about $121 million (P50), between $88.6 and $158 million (P10 to
 * P90)", each figure to three significant figures. */
void cc_range_words (const cc_range *x, const char *currency, char *buf,
                     size_t size);

/* How data strings (driver names) are written: as Markdown, or plain. */
typedef void (*cc_text_fn) (FILE *fp, const char *s);

/* S as it is: the cc_text_fn of plain text (facts.txt, stdout). */
void cc_text_plain (FILE *fp, const char *s);

/* "2.9 % on reported figures (storage 2.9 %); none on fitted billing
 * data; 97.1 % on assumptions (seats 60.2 %, ...)", data through TEXT. */
void cc_rests_on (FILE *fp, const cc_valuecase *c, const cc_value_result *r,
                  cc_text_fn text);

/* What driver D's quantity rests on, in words, into BUF: the reported
 * figures with their file, line, value and date; the fitted model with
 * its data file; or the assumed ranges.  *SET_IN gets where the
 * scenario sets it ("default.ini line 29"). */
void cc_driver_basis (const cc_valuecase *c, size_t d, char *buf,
                      size_t size, char *set_in, size_t set_size);

/* The date a report is made, YYYY-MM-DD in UTC: SOURCE_DATE_EPOCH when
 * set (reproducible builds), else now. */
void cc_report_date (char *buf, size_t size);

/* The scenario file's name without its folders. */
const char *cc_scenario_basename (const cc_valuecase *c);

#endif
