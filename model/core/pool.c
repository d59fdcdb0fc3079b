/* pool.c: items handed out through an atomic counter to threads that one
 * run starts and joins. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "core/num.h"
#include "core/pool.h"

typedef struct
{
  atomic_size_t next;        /* the next item to hand out */
  size_t n;
  cc_pool_fn fn;
  void *ctx;
  /* A ticking run: the threads still working, under LOCK. */
  int ticking;
  pthread_mutex_t lock;
  pthread_cond_t done;
  size_t running;
} pool;

typedef struct
{
  pool *p;
  size_t worker;
} worker_arg;

static void
work (pool *p, size_t worker)
{
  size_t i;
  while ((i = atomic_fetch_add (&p->next, 1)) < p->n)
    p->fn (i, worker, p->ctx);
}

static void *
thread_main (void *arg)
{
  worker_arg *a = arg;
  pool *p = a->p;
  work (p, a->worker);
  if (p->ticking)
    {
      pthread_mutex_lock (&p->lock);
      p->running--;
      pthread_cond_signal (&p->done);
      pthread_mutex_unlock (&p->lock);
    }
  return NULL;
}

/* Start threads for workers FIRST .. NWORKERS-1, stopping at the first
 * that cannot be started.  Returns how many started. */
static size_t
start_threads (pool *p, pthread_t *tid, worker_arg *arg, size_t first,
               size_t nworkers)
{
  size_t k;
  for (k = first; k < nworkers; k++)
    {
      arg[k].p = p;
      arg[k].worker = k;
      if (pthread_create (&tid[k], NULL, thread_main, &arg[k]) != 0)
        break;
    }
  return k - first;
}

static void
deadline (struct timespec *at, long ms)
{
  clock_gettime (CLOCK_MONOTONIC, at);
  at->tv_sec += ms / 1000;
  at->tv_nsec += (ms % 1000) * 1000000L;
  if (at->tv_nsec >= 1000000000L)
    {
      at->tv_sec++;
      at->tv_nsec -= 1000000000L;
    }
}

/* Tick every TICK_MS until no thread is running. */
static void
watch (pool *p, void (*tick) (void *), void *tick_ctx, long tick_ms)
{
  struct timespec at;
  deadline (&at, tick_ms);
  pthread_mutex_lock (&p->lock);
  while (p->running > 0)
    if (pthread_cond_timedwait (&p->done, &p->lock, &at) == ETIMEDOUT)
      {
        if (p->running > 0)
          {
            pthread_mutex_unlock (&p->lock);
            tick (tick_ctx);
            pthread_mutex_lock (&p->lock);
          }
        deadline (&at, tick_ms);
      }
  pthread_mutex_unlock (&p->lock);
}

static int
ticking_init (pool *p)
{
  pthread_condattr_t ca;
  int ok;
  if (pthread_mutex_init (&p->lock, NULL) != 0)
    return -1;
  ok = pthread_condattr_init (&ca) == 0;
  if (ok)
    {
      ok = pthread_condattr_setclock (&ca, CLOCK_MONOTONIC) == 0
           && pthread_cond_init (&p->done, &ca) == 0;
      pthread_condattr_destroy (&ca);
    }
  if (!ok)
    pthread_mutex_destroy (&p->lock);
  return ok ? 0 : -1;
}

int
cc_pool_run_ticking (size_t n, size_t nworkers, cc_pool_fn fn, void *ctx,
                     void (*tick) (void *tick_ctx), void *tick_ctx,
                     long tick_ms)
{
  pool p;
  pthread_t tid[CC_POOL_MAX_WORKERS];
  worker_arg arg[CC_POOL_MAX_WORKERS];
  size_t started, k;

  if (nworkers > CC_POOL_MAX_WORKERS)
    nworkers = CC_POOL_MAX_WORKERS;
  if (nworkers > n)
    nworkers = n;
  if (nworkers == 0)
    return 0;
  atomic_init (&p.next, 0);
  p.n = n;
  p.fn = fn;
  p.ctx = ctx;
  p.ticking = 1;
  p.running = nworkers;
  if (ticking_init (&p) != 0)
    {
      work (&p, 0);
      return -1;
    }
  started = start_threads (&p, tid, arg, 0, nworkers);
  if (started == 0)
    work (&p, 0);
  else
    {
      pthread_mutex_lock (&p.lock);
      p.running -= nworkers - started;
      pthread_mutex_unlock (&p.lock);
      watch (&p, tick, tick_ctx, tick_ms);
      for (k = 0; k < started; k++)
        pthread_join (tid[k], NULL);
    }
  pthread_cond_destroy (&p.done);
  pthread_mutex_destroy (&p.lock);
  return started < nworkers ? -1 : 0;
}

int
cc_pool_run (size_t n, size_t nworkers, cc_pool_fn fn, void *ctx)
{
  pool p;
  pthread_t tid[CC_POOL_MAX_WORKERS];
  worker_arg arg[CC_POOL_MAX_WORKERS];
  size_t started = 0, k;

  if (nworkers > CC_POOL_MAX_WORKERS)
    nworkers = CC_POOL_MAX_WORKERS;
  if (nworkers > n)
    nworkers = n;
  atomic_init (&p.next, 0);
  p.n = n;
  p.fn = fn;
  p.ctx = ctx;
  p.ticking = 0;
  /* Worker 0 is the calling thread. */
  if (nworkers > 1)
    started = start_threads (&p, tid, arg, 1, nworkers);
  work (&p, 0);
  for (k = 1; k <= started; k++)
    pthread_join (tid[k], NULL);
  return nworkers > 1 && started + 1 < nworkers ? -1 : 0;
}

size_t
cc_pool_cpus (void)
{
  long n = sysconf (_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : (size_t) n;
}

size_t
cc_pool_workers (size_t max)
{
  const char *e = getenv ("CLOUDCAST_THREADS");
  long v;
  size_t n = e != NULL && cc_num_parse_long (e, 1, LONG_MAX, &v) == 0
    ? (size_t) v : cc_pool_cpus ();
  if (n > max)
    n = max;
  return n < 1 ? 1 : n;
}
