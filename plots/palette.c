/* palette.c: the series colour orders over the one palette. */
#include <config.h>

#include "plots/palette.h"

static const char *const value_order[] = {
  CC_RGB_BLUE, CC_RGB_ORANGE, CC_RGB_GREEN, CC_RGB_PURPLE, CC_RGB_SKY,
  CC_RGB_VERMILION, CC_RGB_YELLOW, CC_RGB_BLACK
};

static const char *const models_order[] = {
  CC_RGB_BLUE, CC_RGB_ORANGE, CC_RGB_GREEN, CC_RGB_PURPLE, CC_RGB_SKY,
  CC_RGB_VERMILION, CC_RGB_BLACK, CC_RGB_GREY, CC_RGB_YELLOW
};

static const char *const scenarios_order[] = {
  CC_RGB_SKY, CC_RGB_GREEN, CC_RGB_BLUE, CC_RGB_ORANGE, CC_RGB_PURPLE,
  CC_RGB_VERMILION, CC_RGB_BLACK, CC_RGB_GREY
};

#define N(a) (sizeof (a) / sizeof (a)[0])

const char *
cc_palette_colour (cc_palette_order order, size_t i)
{
  switch (order)
    {
    case CC_PALETTE_MODELS:
      return models_order[i % N (models_order)];
    case CC_PALETTE_SCENARIOS:
      return scenarios_order[i % N (scenarios_order)];
    case CC_PALETTE_VALUE:
    default:
      return value_order[i % N (value_order)];
    }
}
