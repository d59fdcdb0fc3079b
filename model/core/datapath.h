/* datapath.h: bundled data found by name.
 *
 * A scenario names a price book or a data file either by a path or by a
 * name such as "aws" or "reported/azure-storage-2025".  A relative name is
 * looked for, in order, in the scenario's own folder, $CLOUDCAST_DATA,
 * $XDG_DATA_HOME/cloudcast (default ~/.local/share/cloudcast) and the
 * installed data directory; in each as written, with ".csv" added, and
 * under a kind folder ("prices") with and without ".csv". */
#ifndef CC_DATAPATH_H
#define CC_DATAPATH_H

#include <stddef.h>

#include "core/error.h"

/* The installed data directory, the last place looked (the program sets
 * it once; unset, $CLOUDCAST_DATADIR, the configured one, or before
 * installation the source tree's data/). */
void cc_datapath_set_installed (const char *dir);

/* The folders looked in for BASE (the scenario's folder, "" for the
 * current one), in order, joined by ", " into BUF[SIZE]. */
const char *cc_datapath_where (const char *base, char *buf, size_t size);

/* Find NAME as above (SUB, e.g. "prices", may be NULL): *OUT is a newly
 * allocated path to something that exists and is not a folder (the reader
 * refuses what it cannot read).  An absolute NAME is taken as
 * written.  Not found: CC_ENOINPUT and a message naming every folder
 * looked in. */
int cc_datapath_find (const char *base, const char *name, const char *sub,
                      char **out, cc_err *err);

#endif
