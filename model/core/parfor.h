/* parfor.h: a small parallel for over independent items (POSIX threads).
 *
 * Items are handed out one at a time; FN gets the item index and the worker
 * number (0 .. nworkers-1) so that it can use that worker's workspace.
 * Results must not depend on which worker ran an item: every random
 * stream is seeded per item, never per worker. */
#ifndef CC_PARFOR_H
#define CC_PARFOR_H

#include <stddef.h>

typedef void (*cc_parfor_fn) (size_t item, size_t worker, void *ctx);

/* Run FN on items 0 .. n-1 with up to NWORKERS threads (1: in the calling
 * thread).  Returns 0, or -1 if no thread could be started (then every
 * item ran in the calling thread). */
int cc_parfor (size_t n, size_t nworkers, cc_parfor_fn fn, void *ctx);

/* Workers to use: $CLOUDCAST_THREADS if set (>= 1), else the online
 * processors, at most MAX and at least 1. */
size_t cc_parfor_workers (size_t max);

#endif
