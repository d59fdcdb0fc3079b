/* error.c: the cc_err message builder. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>

#include "core/error.h"

int
cc_err_set (cc_err *err, int status, const char *file, long line, long col,
            const char *fmt, ...)
{
  va_list ap;
  size_t n = 0;
  int k;
  char *p;

  if (err == NULL)
    return status;
  err->status = status;
  err->msg[0] = '\0';
  if (file != NULL)
    {
      if (line > 0 && col > 0)
        k = snprintf (err->msg, sizeof err->msg, "%s:%ld:%ld: ", file, line, col);
      else if (line > 0)
        k = snprintf (err->msg, sizeof err->msg, "%s:%ld: ", file, line);
      else
        k = snprintf (err->msg, sizeof err->msg, "%s: ", file);
      if (k > 0)
        n = (size_t) k < sizeof err->msg ? (size_t) k : sizeof err->msg - 1;
    }
  va_start (ap, fmt);
  vsnprintf (err->msg + n, sizeof err->msg - n, fmt, ap);
  va_end (ap);
  /* Messages quote file contents: no control character (an escape
     sequence) reaches the terminal. */
  for (p = err->msg; *p != '\0'; p++)
    if ((unsigned char) *p < 0x20 || *p == 0x7f)
      *p = '?';
  return status;
}

void
cc_err_clear (cc_err *err)
{
  if (err != NULL)
    {
      err->status = CC_OK;
      err->msg[0] = '\0';
    }
}

const char *
cc_strstatus (int status)
{
  switch (status)
    {
    case CC_OK: return "success";
    case CC_EUSAGE: return "usage error";
    case CC_EDATA: return "bad input data";
    case CC_ENOINPUT: return "cannot open input";
    case CC_EUNAVAIL: return "gnuplot unavailable or failed";
    case CC_ESOFTWARE: return "internal error";
    case CC_ECANTCREAT: return "cannot create output";
    case CC_EIO: return "input/output error";
    default: return "unknown status";
    }
}
