/* gnuplot.c: spawning gnuplot without a shell and capturing its errors. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/textutil.h"
#include "plots/gnuplot.h"

extern char **environ;

struct cc_gp
{
  pid_t pid;
  FILE *in;                 /* gnuplot's stdin */
  FILE *errf;               /* gnuplot's stderr, captured */
  struct sigaction old_pipe;
};

const char *
cc_gp_program (void)
{
  const char *p = getenv ("CLOUDCAST_GNUPLOT");
  return p != NULL && p[0] != '\0' ? p : GNUPLOT_PATH;
}

/* Let the N descriptors FDS pass to a child (INHERIT 1) or not (0). */
static void
set_inherit (const int *fds, size_t n, int inherit)
{
  size_t i;
  for (i = 0; i < n; i++)
    if (fds[i] >= 0)
      (void) fcntl (fds[i], F_SETFD, inherit ? 0 : FD_CLOEXEC);
}

int
cc_gp_open (cc_gp **out, const int *outfds, size_t nout, cc_err *err)
{
  const char *prog = cc_gp_program ();
  posix_spawn_file_actions_t fa;
  struct sigaction ign;
  char *argv[3];
  cc_gp *gp;
  int fds[2], rc;

  *out = NULL;
  if (strchr (prog, '/') != NULL && access (prog, X_OK) != 0)
    return cc_err_set (err, CC_EUNAVAIL, NULL, 0, 0,
                       "gnuplot not found at %s: install gnuplot-nox or set "
                       "CLOUDCAST_GNUPLOT", prog);
  gp = calloc (1, sizeof *gp);
  if (gp == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  gp->errf = tmpfile ();
  if (gp->errf == NULL || pipe (fds) != 0)
    {
      if (gp->errf)
        fclose (gp->errf);
      free (gp);
      return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                         "cannot set up the gnuplot pipe: %s", strerror (errno));
    }
  fcntl (fds[1], F_SETFD, FD_CLOEXEC);
  posix_spawn_file_actions_init (&fa);
  posix_spawn_file_actions_adddup2 (&fa, fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose (&fa, fds[0]);
  posix_spawn_file_actions_addopen (&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2 (&fa, fileno (gp->errf), STDERR_FILENO);
  argv[0] = (char *) prog;
  argv[1] = (char *) "-d";      /* never read ~/.gnuplot or other startup files */
  argv[2] = NULL;
  /* The output files: gnuplot writes them as /dev/fd/N. */
  set_inherit (outfds, nout, 1);
  rc = posix_spawnp (&gp->pid, prog, &fa, NULL, argv, environ);
  set_inherit (outfds, nout, 0);
  posix_spawn_file_actions_destroy (&fa);
  close (fds[0]);
  if (rc != 0)
    {
      close (fds[1]);
      fclose (gp->errf);
      free (gp);
      return cc_err_set (err, CC_EUNAVAIL, NULL, 0, 0,
                         "cannot run gnuplot (%s): %s; install gnuplot-nox or "
                         "set CLOUDCAST_GNUPLOT", prog, strerror (rc));
    }
  gp->in = fdopen (fds[1], "w");
  /* A gnuplot that dies early must give us EPIPE, not kill us. */
  memset (&ign, 0, sizeof ign);
  ign.sa_handler = SIG_IGN;
  sigaction (SIGPIPE, &ign, &gp->old_pipe);
  *out = gp;
  return CC_OK;
}

FILE *
cc_gp_stream (cc_gp *gp)
{
  return gp->in;
}

void
cc_gp_labels (cc_gp *gp, const char *name, const char *const *s, size_t n)
{
  size_t i;
  fprintf (gp->in, "%s << EOD\n", name);
  for (i = 0; i < n; i++)
    {
      putc (' ', gp->in);
      cc_label_put (gp->in, s[i] ? s[i] : "");
      putc ('\n', gp->in);
    }
  fputs ("EOD\n", gp->in);
}

void
cc_gp_guard (cc_gp *gp)
{
  fputs ("if (GPVAL_ERRNO != 0) { exit status 3 }\n", gp->in);
}

const char *
cc_gp_format_ext (cc_gp_format f)
{
  static const char *const ext[CC_GP_NFMT] = { "png", "svg", "pdf", "txt" };
  return f < CC_GP_NFMT ? ext[f] : "";
}

void
cc_gp_render (cc_gp *gp, const char *plot, const cc_gp_outputs *o)
{
  static const char *const term[CC_GP_NFMT] = {
    "pngcairo size 1100,680 noenhanced font 'DejaVu Sans,10'",
    "svg size 1100,680 dynamic noenhanced font 'DejaVu Sans,10' "
    "background rgb 'white'",
    "pdfcairo size 11in,6.8in noenhanced font 'DejaVu Sans,10'",
    "dumb size 100,32 noenhanced"
  };
  int f;
  for (f = 0; f < CC_GP_NFMT; f++)
    if (o->fd[f] >= 0)
      {
        fprintf (gp->in, "set terminal %s\nset output '/dev/fd/%d'\n%s\n"
                 "unset output\n", term[f], o->fd[f], plot);
        cc_gp_guard (gp);
      }
}

int
cc_gp_output_complete (int fd, cc_gp_format f)
{
  static const unsigned char iend[12] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D',
                                          0xAE, 0x42, 0x60, 0x82 };
  unsigned char tail[1024];
  struct stat st;
  off_t from;
  ssize_t n;

  if (fstat (fd, &st) != 0 || st.st_size == 0)
    return 0;
  from = st.st_size > (off_t) sizeof tail ? st.st_size - (off_t) sizeof tail : 0;
  n = pread (fd, tail, (size_t) (st.st_size - from), from);
  if (n != st.st_size - from)
    return 0;
  if (f == CC_GP_PNG)
    return n >= 12 && memcmp (tail + n - 12, iend, 12) == 0;
  while (n > 0 && (tail[n - 1] == '\n' || tail[n - 1] == '\r'
                   || tail[n - 1] == ' ' || tail[n - 1] == '\t'))
    n--;
  if (f == CC_GP_SVG)
    return n >= 6 && memcmp (tail + n - 6, "</svg>", 6) == 0;
  if (f == CC_GP_PDF)
    return n >= 5 && memcmp (tail + n - 5, "%%EOF", 5) == 0;
  return 1;
}

int
cc_gp_close (cc_gp *gp, cc_err *err)
{
  int status = 0, wrote_ok, rc = CC_OK;
  char msg[600];
  size_t n;
  pid_t w;

  fputs ("exit\n", gp->in);
  wrote_ok = fflush (gp->in) == 0 && !ferror (gp->in);
  fclose (gp->in);
  do
    w = waitpid (gp->pid, &status, 0);
  while (w < 0 && errno == EINTR);
  sigaction (SIGPIPE, &gp->old_pipe, NULL);

  if (w < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0 || !wrote_ok)
    {
      /* gnuplot's first error lines say what went wrong. */
      rewind (gp->errf);
      n = fread (msg, 1, sizeof msg - 1, gp->errf);
      msg[n] = '\0';
      while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
      if (w >= 0 && WIFEXITED (status) && WEXITSTATUS (status) == 127)
        rc = cc_err_set (err, CC_EUNAVAIL, NULL, 0, 0,
                         "gnuplot (%s) could not be run: install gnuplot-nox "
                         "or set CLOUDCAST_GNUPLOT", cc_gp_program ());
      else
        rc = cc_err_set (err, CC_EUNAVAIL, NULL, 0, 0,
                         "gnuplot (%s) failed (%s %d)%s%s", cc_gp_program (),
                         w >= 0 && WIFSIGNALED (status) ? "signal" : "status",
                         w >= 0 && WIFSIGNALED (status) ? WTERMSIG (status)
                                                        : WEXITSTATUS (status),
                         n ? ": " : "", msg);
    }
  fclose (gp->errf);
  free (gp);
  return rc;
}
