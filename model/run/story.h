/* story.h: the reporter's path (`cloudcast story`): from a reported-usage
 * CSV alone, no scenario file, write the facts (facts.txt), the growth
 * scenarios (projection.csv), the storage chart (storage.svg and .png)
 * with its alt text (storage.alt.txt) and a small page (story.html); with
 * a sku, also what each scenario month costs (cost.csv). */
#ifndef CC_STORY_H
#define CC_STORY_H

#include <stddef.h>

#include "core/error.h"
#include "core/output.h"
#include "price/price.h"

typedef struct
{
  const char *figures;          /* the reported-usage CSV */
  const char *metric;           /* NULL: the first */
  int months;                   /* scenario months after the last figure */
  double photo_mib;
  const char *sku;              /* NULL: no prices */
  const char *region;           /* the sku's region, or NULL */
  const cc_price_book *book;    /* where SKU is priced */
  const char *dir;
  cc_output_notify notify;
  void *notify_ctx;
} cc_story_opts;

/* Write the story into o->dir; the title used goes into TITLE[SIZE].
 * CC_EUNAVAIL when gnuplot is missing or failed (the text files and the
 * page are written all the same). */
int cc_story (const cc_story_opts *o, char *title, size_t size, cc_err *err);

#endif
