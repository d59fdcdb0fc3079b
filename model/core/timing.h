/* timing.h: how long the parts of a run take, printed on stderr when the
 * environment variable CLOUDCAST_TIMINGS is set (to anything but "" or
 * "0"): one line a part,
 *
 *   cloudcast: timing: PART: W s wall, C s cpu
 *
 * where C is the processor time of every thread of cloudcast and of the
 * children it waited for (gnuplot) over the part.  make bench reads
 * these lines.  Only the main thread calls these. */
#ifndef CC_TIMING_H
#define CC_TIMING_H

/* Start the clock (at the start of a command); later laps count from
   here. */
void cc_timing_start (void);

/* Print the time since the previous lap (or the start) as PART, and
   start the next lap. */
void cc_timing_lap (const char *part);

/* Print the time since cc_timing_start as PART. */
void cc_timing_total (const char *part);

/* Print "cloudcast: timing: " and FMT's text, when timings are on (a
   count beside the times, such as the bytes each CSV parser took). */
void cc_timing_note (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2)));

#endif
