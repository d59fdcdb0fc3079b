/* palette.h: every colour the charts use, defined once.
 *
 * Series are drawn in the Okabe-Ito colours, which stay distinct for the
 * common forms of colour blindness; the furniture (grid, borders, notes)
 * in greys.  The macros are string literals, so plot commands can splice
 * them in: "lc rgb '" CC_RGB_BLUE "'". */
#ifndef CC_PALETTE_H
#define CC_PALETTE_H

#include <stddef.h>

/* The Okabe-Ito colours. */
#define CC_RGB_BLUE "#0072B2"
#define CC_RGB_ORANGE "#E69F00"
#define CC_RGB_GREEN "#009E73"
#define CC_RGB_PURPLE "#CC79A7"
#define CC_RGB_SKY "#56B4E9"
#define CC_RGB_VERMILION "#D55E00"
#define CC_RGB_YELLOW "#F0E442"
#define CC_RGB_BLACK "#000000"
#define CC_RGB_GREY "#999999"

/* Chart furniture. */
#define CC_RGB_GRID "#dddddd"
#define CC_RGB_KEYBOX "#cccccc"
#define CC_RGB_BORDER "#444444"
#define CC_RGB_NOTE "#555555"
#define CC_RGB_DIVIDER "#888888"

/* The order series take colours in, by chart family. */
typedef enum
{
  CC_PALETTE_VALUE,      /* spend families, providers */
  CC_PALETTE_MODELS,     /* fitted growth models */
  CC_PALETTE_SCENARIOS   /* the storage scenarios: linear, decay, decay,
                            logistic caps, exponential */
} cc_palette_order;

/* The colour ("#RRGGBB") of series I in ORDER; the order repeats. */
const char *cc_palette_colour (cc_palette_order order, size_t i);

#endif
