/* pool.h: the one work pool (POSIX threads) for every parallel loop:
 * the per-series fits and projections, and ingest's file chunks.
 *
 * Items 0 .. n-1 are handed out one at a time, on demand, to the workers;
 * FN gets the item and the worker's index (0 .. nworkers-1) so that it
 * can use that worker's workspace (a buffer, a table, a random stream
 * generator).  Which worker runs an item depends on timing, so results
 * must not depend on it: seed random streams per item, never per worker,
 * and merge per-worker results in an order that does not matter. */
#ifndef CC_POOL_H
#define CC_POOL_H

#include <stddef.h>

/* Workers in one run at most. */
#define CC_POOL_MAX_WORKERS 64

typedef void (*cc_pool_fn) (size_t item, size_t worker, void *ctx);

/* Run FN on items 0 .. N-1 with up to NWORKERS workers (at most N and
 * CC_POOL_MAX_WORKERS).  The calling thread is worker 0, so one worker
 * runs every item in the calling thread.  Returns 0, or -1 when not every
 * thread could be started (the items all ran, on fewer workers). */
int cc_pool_run (size_t n, size_t nworkers, cc_pool_fn fn, void *ctx);

/* The same, but the calling thread only watches: every worker is a new
 * thread, and the calling thread calls TICK (TICK_CTX) every TICK_MS
 * milliseconds until the items are done (for progress reports).  When no
 * thread can be started, the items run in the calling thread and TICK is
 * not called. */
int cc_pool_run_ticking (size_t n, size_t nworkers, cc_pool_fn fn, void *ctx,
                         void (*tick) (void *tick_ctx), void *tick_ctx,
                         long tick_ms);

/* The online processors, at least 1. */
size_t cc_pool_cpus (void);

/* Workers to use: $CLOUDCAST_THREADS if set (>= 1), else the online
 * processors; at most MAX and at least 1. */
size_t cc_pool_workers (size_t max);

#endif
