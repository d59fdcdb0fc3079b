/* registry.c: the chart registry, and preparing, drawing and placing the
 * charts of one command. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/textutil.h"
#include "plots/registry.h"

/* Every chart kind, in report order: one line each.  Kind NAME is
 * cc_chart_kind_NAME, defined in plots/chart_NAME.c. */
#define CC_CHART_KINDS(X) \
  X (storage)             \
  X (spend)               \
  X (value)               \
  X (tornado)             \
  X (crosscloud)          \
  X (quantities)          \
  X (usage)               \
  X (models)              \
  X (compare)

#define DECLARE_KIND(name) extern const cc_chart_kind cc_chart_kind_##name;
CC_CHART_KINDS (DECLARE_KIND)
#define LIST_KIND(name) &cc_chart_kind_##name,
const cc_chart_kind *const cc_chart_registry[] = { CC_CHART_KINDS (LIST_KIND) };
const size_t cc_chart_nkind
  = sizeof cc_chart_registry / sizeof cc_chart_registry[0];

/* C's alt text, from its kind, into a string of its own. */
static int
chart_alt (cc_chart *c, const cc_chart_data *d, cc_err *err)
{
  size_t len = 0;
  FILE *fp = open_memstream (&c->alt, &len);
  if (fp == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  c->kind->alt (d, c->state, fp);
  if (fclose (fp) != 0 || c->alt == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  if ((fp = open_memstream (&c->svg_title, &len)) == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  if (d->vc != NULL)
    fprintf (fp, "%s: ", d->vc->title);
  fputs (c->kind->title, fp);
  if (fclose (fp) != 0 || c->svg_title == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  return CC_OK;
}

/* gnuplot titles every SVG "Gnuplot" (its 'name' takes only an
   identifier): put TITLE, escaped, in its place in the temporary open on
   FD (PATH names it in messages).  The file is read and rewritten through
   its descriptor, never reopened by name. */
static int
svg_retitle (int fd, const char *path, const char *title, cc_err *err)
{
  static const char gp[] = "<title>Gnuplot</title>";
  char *buf = NULL, *out = NULL, *at, chunk[65536];
  size_t len = 0, olen = 0, done;
  off_t off = 0;
  ssize_t n;
  FILE *mem = open_memstream (&buf, &len);
  int rc = CC_OK;

  if (mem == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  while ((n = pread (fd, chunk, sizeof chunk, off)) > 0)
    {
      fwrite (chunk, 1, (size_t) n, mem);
      off += n;
    }
  if (fclose (mem) != 0 || buf == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  if (n < 0)
    rc = cc_err_set (err, CC_EIO, path, 0, 0, "cannot read the chart");
  else if ((at = strstr (buf, gp)) != NULL)
    {
      if ((mem = open_memstream (&out, &olen)) == NULL)
        rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
      else
        {
          fwrite (buf, 1, (size_t) (at - buf), mem);
          fputs ("<title>", mem);
          cc_label_put_xml (mem, title);
          fputs ("</title>", mem);
          fputs (at + sizeof gp - 1, mem);
          if (fclose (mem) != 0 || out == NULL)
            rc = cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
        }
      for (done = 0; rc == CC_OK && done < olen; done += (size_t) n)
        if ((n = pwrite (fd, out + done, olen - done, (off_t) done)) <= 0)
          rc = cc_err_set (err, CC_EIO, path, 0, 0, "cannot write the chart");
      if (rc == CC_OK && ftruncate (fd, (off_t) olen) != 0)
        rc = cc_err_set (err, CC_EIO, path, 0, 0, "cannot write the chart");
    }
  free (out);
  free (buf);
  return rc;
}

int
cc_charts_prepare (cc_chartset *set, const cc_chart_data *d, unsigned groups,
                   cc_err *err)
{
  size_t k, f;
  int rc = CC_OK;

  memset (set, 0, sizeof *set);
  set->chart = calloc (cc_chart_nkind, sizeof *set->chart);
  if (set->chart == NULL)
    return cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0, "out of memory");
  for (k = 0; rc == CC_OK && k < cc_chart_nkind; k++)
    {
      const cc_chart_kind *kind = cc_chart_registry[k];
      cc_chart *c = &set->chart[set->n];
      void *state = NULL;
      int draw = 1;

      if ((kind->group & groups) == 0)
        continue;
      rc = kind->prepare (d, &state, &draw, err);
      if (state == NULL)
        continue;
      c->kind = kind;
      c->state = state;
      c->draw = draw;
      for (f = 0; f < CC_GP_NFMT; f++)
        c->file[f].fd = -1;
      set->n++;
      if (rc == CC_OK)
        rc = chart_alt (c, d, err);
    }
  return rc;
}

/* Reserve the temporaries of every chart with something to draw, in
 * OUT's open directory. */
static int
reserve_all (cc_chartset *set, const cc_output *out, const int *want,
             int preview, cc_err *err)
{
  char name[256];
  size_t i, f;
  int rc = CC_OK;

  for (i = 0; rc == CC_OK && i < set->n; i++)
    for (f = 0; rc == CC_OK && f < CC_GP_NFMT; f++)
      {
        cc_chart *c = &set->chart[i];
        int wanted = f == CC_GP_DUMB ? preview && c->kind->preview : want[f];
        if (!c->draw || !wanted)
          continue;
        snprintf (name, sizeof name, "%s.%s", c->kind->stem,
                  cc_gp_format_ext ((cc_gp_format) f));
        rc = cc_outfile_reserve (&c->file[f], out->dirfd, out->dir, name,
                                 err);
      }
  return rc;
}

/* The text rendering of the preview chart, read before it is removed. */
static char *
read_preview (const cc_chartset *set)
{
  size_t i, len = 0;
  char *text = NULL, buf[4096];
  ssize_t n;
  off_t at = 0;
  FILE *mem;

  for (i = 0; i < set->n; i++)
    if (set->chart[i].file[CC_GP_DUMB].tmp != NULL)
      {
        int fd = set->chart[i].file[CC_GP_DUMB].fd;
        if ((mem = open_memstream (&text, &len)) == NULL)
          return NULL;
        while ((n = pread (fd, buf, sizeof buf, at)) > 0)
          {
            fwrite (buf, 1, (size_t) n, mem);
            at += n;
          }
        fclose (mem);
        break;
      }
  return text;
}

/* Has gnuplot finished every file it was to write?  If not, CC_EIO
 * naming the first that is short. */
static int
check_all (const cc_chartset *set, cc_err *err)
{
  size_t i, f;
  for (i = 0; i < set->n; i++)
    for (f = 0; f < CC_GP_DUMB; f++)
      {
        const cc_outfile *o = &set->chart[i].file[f];
        if (o->tmp != NULL
            && !cc_gp_output_complete (o->fd, (cc_gp_format) f))
          return cc_err_set (err, CC_EIO, o->path, 0, 0,
                             "gnuplot left this chart incomplete (is the "
                             "disk full?); the previous file is kept");
      }
  return CC_OK;
}

/* STATUS is how drawing ended: on CC_OK, and when every file is
 * complete, put every file in place (telling OUT's notifier), otherwise
 * remove them all.  Text previews are never
 * kept.  Returns STATUS or the first error placing a file. */
static int
finish_all (cc_chartset *set, const cc_output *out, int status, cc_err *err)
{
  size_t i, f;
  if (status == CC_OK)
    status = check_all (set, err);
  for (i = 0; i < set->n; i++)
    {
      cc_chart *c = &set->chart[i];
      int placed = status == CC_OK && c->draw;
      for (f = 0; f < CC_GP_NFMT; f++)
        {
          cc_outfile *o = &c->file[f];
          if (o->tmp == NULL)
            continue;
          if (status != CC_OK || f == CC_GP_DUMB)
            {
              cc_outfile_abort (o);
              continue;
            }
          if (f == CC_GP_SVG && c->svg_title != NULL
              && (status = svg_retitle (o->fd, o->path, c->svg_title, err)) != CC_OK)
            {
              cc_outfile_abort (o);
              continue;
            }
          {
            char *path = strdup (o->path);
            status = cc_outfile_place (o, err);
            if (status == CC_OK && out->notify != NULL && path != NULL)
              out->notify (out->ctx, path);
            free (path);
          }
        }
      c->drawn = placed && status == CC_OK;
    }
  return status;
}

int
cc_charts_draw (cc_chartset *set, const cc_output *out, const int *want,
                int preview, cc_err *err)
{
  cc_gp *gp = NULL;
  cc_gp_outputs o;
  size_t i, f, nfd = 0;
  int *fds = calloc (set->n * CC_GP_NFMT + 1, sizeof *fds);
  int rc = fds == NULL ? cc_err_set (err, CC_ESOFTWARE, NULL, 0, 0,
                                     "out of memory")
                       : reserve_all (set, out, want, preview, err);

  for (i = 0; rc == CC_OK && i < set->n; i++)
    for (f = 0; f < CC_GP_NFMT; f++)
      if (set->chart[i].file[f].tmp != NULL)
        fds[nfd++] = set->chart[i].file[f].fd;
  if (rc == CC_OK)
    rc = cc_gp_open (&gp, fds, nfd, err);
  free (fds);
  if (rc == CC_OK)
    {
      for (i = 0; i < set->n; i++)
        if (set->chart[i].draw)
          {
            for (f = 0; f < CC_GP_NFMT; f++)
              o.fd[f] = set->chart[i].file[f].tmp != NULL
                          ? set->chart[i].file[f].fd : -1;
            set->chart[i].kind->draw (gp, set->chart[i].state, &o);
          }
      rc = cc_gp_close (gp, err);
    }
  if (rc == CC_OK && preview)
    set->preview = read_preview (set);
  return finish_all (set, out, rc, err);
}

void
cc_charts_free (cc_chartset *set)
{
  size_t i, f;
  for (i = 0; i < set->n; i++)
    {
      for (f = 0; f < CC_GP_NFMT; f++)
        if (set->chart[i].file[f].tmp != NULL)
          cc_outfile_abort (&set->chart[i].file[f]);
      set->chart[i].kind->free (set->chart[i].state);
      free (set->chart[i].alt);
      free (set->chart[i].svg_title);
    }
  free (set->chart);
  free (set->preview);
  memset (set, 0, sizeof *set);
}

cc_chart_frame
cc_chart_frame_of (const cc_chart_text *t, const cc_gp_outputs *o)
{
  cc_chart_frame fr;
  fr.title = t->title;
  fr.subtitle = t->subtitle;
  fr.source = t->source;
  fr.out = *o;
  return fr;
}

void
cc_chart_value_source (const cc_valuecase *c, cc_chart_text *t)
{
  cc_label_printf (t->source, sizeof t->source, "Source: %s. List prices from the "
            "price books named in the scenario. Chart: cloudcast.",
            c->source[0] ? c->source : c->name);
}

void
cc_chart_value_not_priced (const cc_valuecase *c, cc_chart_text *t)
{
  char list[512];
  size_t len = strlen (t->subtitle), d;
  for (d = 0; d < c->model.ndriver && c->model.driver[d].price[0].nsku > 0;
       d++)
    ;
  if (d == c->model.ndriver)
    return;
  cc_valuecase_priced_list (c, 0, 0, 1, list, sizeof list);
  cc_label_printf (t->subtitle + len, sizeof t->subtitle - len,
                   "; not priced: %s", list);
}

long
cc_chart_fitted_driver (const cc_valuecase *c)
{
  size_t d;
  for (d = 0; d < c->model.ndriver; d++)
    if (c->model.driver[d].fit != NULL)
      return (long) d;
  return -1;
}
