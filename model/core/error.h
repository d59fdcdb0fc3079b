/* error.h: status codes and the one error-reporting type every stage uses.
 *
 * Library functions return an int status (CC_OK or one of the codes below,
 * which equal the <sysexits.h> values the CLI exits with) and, on failure,
 * fill a caller-owned cc_err with a message that already names the file,
 * line and column or key.  Nothing is printed by the library. */
#ifndef CC_ERROR_H
#define CC_ERROR_H

#include <stddef.h>

enum
{
  CC_OK = 0,
  CC_EUSAGE = 64,     /* EX_USAGE: bad command line */
  CC_EDATA = 65,      /* EX_DATAERR: bad input data */
  CC_ENOINPUT = 66,   /* EX_NOINPUT: cannot open an input file */
  CC_EUNAVAIL = 69,   /* EX_UNAVAILABLE: gnuplot missing or failing */
  CC_ESOFTWARE = 70,  /* EX_SOFTWARE: internal error (a bug) */
  CC_ECANTCREAT = 73, /* EX_CANTCREAT: cannot create an output file */
  CC_EIO = 74         /* EX_IOERR: read or write error */
};

typedef struct
{
  int status;
  char msg[1024];
} cc_err;

/* Set err (if not NULL) and return status.  A location prefix
 * "FILE:LINE:COL: " is added for the parts that are given (file non-NULL,
 * line > 0, col > 0). */
int cc_err_set (cc_err *err, int status, const char *file, long line,
                long col, const char *fmt, ...)
  __attribute__ ((format (printf, 6, 7)));

/* Clear err to CC_OK with an empty message. */
void cc_err_clear (cc_err *err);

/* The short name of a status, e.g. "bad data" for CC_EDATA. */
const char *cc_strstatus (int status);

#endif
