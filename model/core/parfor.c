/* parfor.c: work sharing over a mutex-protected counter. */
#include <config.h>

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/parfor.h"

typedef struct
{
  pthread_mutex_t lock;
  size_t next, n;
  cc_parfor_fn fn;
  void *ctx;
} pool;

typedef struct
{
  pool *p;
  size_t worker;
} arg;

static void *
run (void *a_)
{
  arg *a = a_;
  pool *p = a->p;
  for (;;)
    {
      size_t i;
      pthread_mutex_lock (&p->lock);
      i = p->next++;
      pthread_mutex_unlock (&p->lock);
      if (i >= p->n)
        break;
      p->fn (i, a->worker, p->ctx);
    }
  return NULL;
}

int
cc_parfor (size_t n, size_t nworkers, cc_parfor_fn fn, void *ctx)
{
  pool p;
  pthread_t th[64];
  arg args[64];
  size_t started = 0, k;
  int rc = 0;

  if (nworkers > 64)
    nworkers = 64;
  if (nworkers > n)
    nworkers = n;
  p.next = 0;
  p.n = n;
  p.fn = fn;
  p.ctx = ctx;
  if (nworkers <= 1 || pthread_mutex_init (&p.lock, NULL) != 0)
    {
      for (k = 0; k < n; k++)
        fn (k, 0, ctx);
      return nworkers <= 1 ? 0 : -1;
    }
  /* Worker 0 is the calling thread. */
  for (k = 1; k < nworkers; k++)
    {
      args[k].p = &p;
      args[k].worker = k;
      if (pthread_create (&th[k], NULL, run, &args[k]) != 0)
        break;
      started++;
    }
  args[0].p = &p;
  args[0].worker = 0;
  run (&args[0]);
  for (k = 1; k <= started; k++)
    pthread_join (th[k], NULL);
  if (started + 1 < nworkers)
    rc = -1;
  pthread_mutex_destroy (&p.lock);
  return rc;
}

size_t
cc_parfor_workers (size_t max)
{
  const char *e = getenv ("CLOUDCAST_THREADS");
  long n = 0;
  if (e && *e)
    n = strtol (e, NULL, 10);
  if (n < 1)
    n = sysconf (_SC_NPROCESSORS_ONLN);
  if (n < 1)
    n = 1;
  if ((size_t) n > max)
    n = (long) max;
  return n < 1 ? 1 : (size_t) n;
}
