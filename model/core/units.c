/* units.c: the table of storage size units. */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "core/units.h"

static const cc_size_unit size_units[] = {
  { "B", 1.0, CC_UNIT_DECIMAL },
  { "KB", 1e3, CC_UNIT_DECIMAL },
  { "MB", 1e6, CC_UNIT_DECIMAL },
  { "GB", 1e9, CC_UNIT_DECIMAL },
  { "TB", 1e12, CC_UNIT_DECIMAL },
  { "PB", 1e15, CC_UNIT_DECIMAL },
  { "EB", 1e18, CC_UNIT_DECIMAL },
  { "KiB", 1024.0, CC_UNIT_BINARY },
  { "MiB", 1048576.0, CC_UNIT_BINARY },
  { "GiB", 1073741824.0, CC_UNIT_BINARY },
  { "TiB", 1099511627776.0, CC_UNIT_BINARY },
  { "PiB", 1125899906842624.0, CC_UNIT_BINARY },
  { "EiB", 1152921504606846976.0, CC_UNIT_BINARY },
};

const cc_size_unit *
cc_size_unit_find (const char *name)
{
  size_t i;
  for (i = 0; i < sizeof size_units / sizeof size_units[0]; i++)
    if (strcmp (size_units[i].name, name) == 0)
      return &size_units[i];
  return NULL;
}

const cc_size_unit *
cc_size_unit_like (const char *name)
{
  size_t i;
  for (i = 0; i < sizeof size_units / sizeof size_units[0]; i++)
    if (strcasecmp (size_units[i].name, name) == 0)
      return &size_units[i];
  return NULL;
}

const char *
cc_size_unit_names (void)
{
  return "B, KB, MB, GB, TB, PB, EB (decimal) and KiB, MiB, GiB, TiB, PiB, "
         "EiB (binary)";
}
