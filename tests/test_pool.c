/* test_pool.c: the work pool: every item exactly once, worker indexes in
 * range, one worker in the calling thread, the same results on any number
 * of workers, ticks from the calling thread, and the worker count. */
#include <config.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "core/pool.h"
#include "tap.h"

#define NITEM 2000
#define MAXW 8

typedef struct
{
  atomic_int runs[NITEM];      /* how often each item ran */
  size_t worker[NITEM];        /* the worker that ran it */
  pthread_t thread[NITEM];     /* the thread that ran it */
  double result[NITEM];
  double scratch[MAXW];        /* per-worker workspace */
  size_t nworkers;
  atomic_int bad_worker;
  long sleep_us;               /* per item, for the ticking run */
} job;

static void
item_fn (size_t i, size_t w, void *ctx)
{
  job *j = ctx;
  double x = (double) i;
  int k;
  atomic_fetch_add (&j->runs[i], 1);
  j->worker[i] = w;
  j->thread[i] = pthread_self ();
  if (w >= j->nworkers)
    {
      atomic_fetch_add (&j->bad_worker, 1);
      return;
    }
  /* A result that uses the worker's scratch space but must not depend on
     which worker it is. */
  j->scratch[w] = 0;
  for (k = 0; k < 100; k++)
    j->scratch[w] += x / (k + 1);
  j->result[i] = j->scratch[w];
  if (j->sleep_us > 0)
    {
      struct timespec ts = { 0, j->sleep_us * 1000L };
      nanosleep (&ts, NULL);
    }
}

static job *
job_new (size_t nworkers)
{
  job *j = calloc (1, sizeof *j);
  size_t i;
  if (j == NULL)
    abort ();
  for (i = 0; i < NITEM; i++)
    atomic_init (&j->runs[i], 0);
  atomic_init (&j->bad_worker, 0);
  j->nworkers = nworkers;
  return j;
}

static int
all_once (const job *j, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    if (atomic_load (&j->runs[i]) != 1)
      return 0;
  for (; i < NITEM; i++)
    if (atomic_load (&j->runs[i]) != 0)
      return 0;
  return 1;
}

static size_t
distinct_workers (const job *j, size_t n)
{
  int seen[MAXW] = { 0 };
  size_t i, d = 0;
  for (i = 0; i < n; i++)
    if (j->worker[i] < MAXW && !seen[j->worker[i]]++)
      d++;
  return d;
}

typedef struct
{
  pthread_t caller;
  int ticks;                   /* ticks seen */
  int other_thread;            /* ticks from another thread */
} ticker;

static void
tick_fn (void *ctx)
{
  ticker *t = ctx;
  t->ticks++;
  if (!pthread_equal (t->caller, pthread_self ()))
    t->other_thread++;
}

int
main (void)
{
  job *one, *j;
  size_t nw, i;
  int same;

  /* One worker: every item in order, in the calling thread. */
  one = job_new (1);
  is_int (cc_pool_run (NITEM, 1, item_fn, one), 0, "1 worker: status 0");
  ok (all_once (one, NITEM), "1 worker: every item ran exactly once");
  ok (atomic_load (&one->bad_worker) == 0, "1 worker: worker index 0");
  same = 1;
  for (i = 0; i < NITEM; i++)
    same &= pthread_equal (one->thread[i], pthread_self ()) != 0;
  ok (same, "1 worker: every item ran in the calling thread");

  for (nw = 2; nw <= MAXW; nw *= 2)
    {
      j = job_new (nw);
      is_int (cc_pool_run (NITEM, nw, item_fn, j), 0, "%zu workers: status 0",
              nw);
      ok (all_once (j, NITEM), "%zu workers: every item ran exactly once", nw);
      is_int (atomic_load (&j->bad_worker), 0,
              "%zu workers: every worker index below %zu", nw, nw);
      ok (distinct_workers (j, NITEM) <= nw, "%zu workers: at most %zu used",
          nw, nw);
      ok (memcmp (j->result, one->result, sizeof one->result) == 0,
          "%zu workers: the results of 1 worker", nw);
      same = 1;
      for (i = 0; i < NITEM; i++)
        same &= (j->worker[i] == 0)
                == (pthread_equal (j->thread[i], pthread_self ()) != 0);
      ok (same, "%zu workers: worker 0 is the calling thread, and only it",
          nw);
      free (j);
    }

  /* Fewer items than workers, and none at all. */
  j = job_new (MAXW);
  is_int (cc_pool_run (3, MAXW, item_fn, j), 0, "3 items, 8 workers: status 0");
  ok (all_once (j, 3), "3 items, 8 workers: each once, no other item");
  ok (distinct_workers (j, 3) <= 3, "3 items use at most 3 workers");
  free (j);
  j = job_new (MAXW);
  is_int (cc_pool_run (0, MAXW, item_fn, j), 0, "no items: status 0");
  ok (all_once (j, 0), "no items: nothing ran");
  free (j);

  /* A ticking run: the work on other threads, ticks in the calling one. */
  {
    ticker t = { pthread_self (), 0, 0 };
    j = job_new (2);
    j->sleep_us = 100;   /* 2000 items x 0.1 ms on 2 workers: >= 0.1 s */
    is_int (cc_pool_run_ticking (NITEM, 2, item_fn, j, tick_fn, &t, 10), 0,
            "ticking: status 0");
    ok (all_once (j, NITEM), "ticking: every item ran exactly once");
    is_int (atomic_load (&j->bad_worker), 0, "ticking: worker indexes in range");
    same = 1;
    for (i = 0; i < NITEM; i++)
      same &= pthread_equal (j->thread[i], pthread_self ()) == 0;
    ok (same, "ticking: no item ran in the calling thread");
    ok (t.ticks >= 1, "ticking: ticked at least once (%d)", t.ticks);
    is_int (t.other_thread, 0, "ticking: every tick in the calling thread");
    ok (memcmp (j->result, one->result, sizeof one->result) == 0,
        "ticking: the results of 1 worker");
    free (j);
  }

  /* The worker count. */
  setenv ("CLOUDCAST_THREADS", "3", 1);
  is_int (cc_pool_workers (8), 3, "CLOUDCAST_THREADS=3: 3 workers");
  is_int (cc_pool_workers (2), 2, "CLOUDCAST_THREADS=3, at most 2: 2");
  setenv ("CLOUDCAST_THREADS", "0", 1);
  is_int (cc_pool_workers (64), cc_pool_cpus () < 64 ? cc_pool_cpus () : 64,
          "CLOUDCAST_THREADS=0: the online processors");
  setenv ("CLOUDCAST_THREADS", "2x", 1);
  is_int (cc_pool_workers (64), cc_pool_cpus () < 64 ? cc_pool_cpus () : 64,
          "CLOUDCAST_THREADS=2x is not a number: the online processors");
  unsetenv ("CLOUDCAST_THREADS");
  is_int (cc_pool_workers (1), 1, "at most 1: 1");
  ok (cc_pool_cpus () >= 1, "at least one processor");
  free (one);
  return done_testing ();
}
