/* timing.c: wall and processor time of a run's parts (timing.h). */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/timing.h"

typedef struct
{
  double wall, cpu;
} stamp;

static int on = -1;
static stamp first, last;

static double
seconds (clockid_t id)
{
  struct timespec ts;
  if (clock_gettime (id, &ts) != 0)
    return 0;
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static stamp
now (void)
{
  struct rusage ru;
  stamp s;
  s.wall = seconds (CLOCK_MONOTONIC);
  s.cpu = seconds (CLOCK_PROCESS_CPUTIME_ID);
  if (getrusage (RUSAGE_CHILDREN, &ru) == 0)
    s.cpu += (double) ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6
             + (double) ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
  return s;
}

static int
enabled (void)
{
  if (on < 0)
    {
      const char *e = getenv ("CLOUDCAST_TIMINGS");
      on = e != NULL && *e != '\0' && strcmp (e, "0") != 0;
    }
  return on;
}

/* Print the time since *FROM as PART; LAP: the next lap starts now. */
static void
report (const char *part, const stamp *from, int lap)
{
  stamp s;
  if (!enabled ())
    return;
  s = now ();
  fprintf (stderr, "cloudcast: timing: %s: %.3f s wall, %.3f s cpu\n", part,
           s.wall - from->wall, s.cpu - from->cpu);
  if (lap)
    last = s;
}

void
cc_timing_start (void)
{
  if (!enabled ())
    return;
  first = last = now ();
}

void
cc_timing_lap (const char *part)
{
  report (part, &last, 1);
}

void
cc_timing_total (const char *part)
{
  report (part, &first, 0);
}

void
cc_timing_note (const char *fmt, ...)
{
  va_list ap;
  if (!enabled ())
    return;
  fputs ("cloudcast: timing: ", stderr);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
}
