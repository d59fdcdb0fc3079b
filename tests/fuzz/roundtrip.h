/* roundtrip.h: render a data string through cloudcast's escaping, parse
 * the result back and compare the text.  Used by the fuzz target
 * fuzz_escape (libFuzzer) and by tests/test_escape (every seed of
 * tests/fuzz/corpus/escape and fixed cases, in make check).
 *
 * Each check returns NULL when the round trip holds, else what broke.
 * The only markup allowed in the HTML is the element the check expects
 * and <bdi>: any other tag, or a bare quote or '>', is injection. */
#ifndef CC_ROUNDTRIP_H
#define CC_ROUNDTRIP_H

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvwrite.h"
#include "core/num.h"
#include "core/textutil.h"
#include "report/mdtext.h"

/* What a reader sees of S in running text: invalid bytes as U+FFFD,
 * control characters as spaces, isolates dropped; with DROP_BIDI every
 * bidi control dropped (attributes).  Newly allocated. */
static char *
rt_expect (const char *s, int drop_bidi)
{
  size_t n = strlen (s), i = 0, o = 0, k;
  unsigned long cp;
  char *out = malloc (3 * n + 1);
  if (out == NULL)
    abort ();
  while (i < n)
    {
      if ((k = cc_utf8_decode (s + i, n - i, &cp)) == 0)
        {
          memcpy (out + o, "\xef\xbf\xbd", 3);
          o += 3;
          i++;
          continue;
        }
      if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
        out[o++] = ' ';
      else if (!((cp >= 0x2066 && cp <= 0x2069)
                 || (drop_bidi && cc_bidi_control (cp))))
        {
          memcpy (out + o, s + i, k);
          o += k;
        }
      i += k;
    }
  out[o] = '\0';
  return out;
}

/* HTML back to text: the tags in ALLOWED ("<h1>" ...) are removed (any
 * other tag is an error: *BAD set), the five entities undone. */
static char *
rt_unhtml (const char *h, const char *const *allowed, int *bad)
{
  size_t n = strlen (h), i = 0, o = 0, a;
  char *out = malloc (n + 1);
  if (out == NULL)
    abort ();
  *bad = 0;
  while (i < n)
    {
      if (h[i] == '<')
        {
          int hit = 0;
          for (a = 0; allowed[a] != NULL; a++)
            if (strncmp (h + i, allowed[a], strlen (allowed[a])) == 0)
              {
                i += strlen (allowed[a]);
                hit = 1;
                break;
              }
          if (!hit)
            {
              *bad = 1;
              out[o++] = h[i++];
            }
          continue;
        }
      if (h[i] == '>' || h[i] == '"')
        *bad = 1;
      if (h[i] == '&')
        {
          static const char *const ent[5][2] = {
            { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
            { "&quot;", "\"" }, { "&#39;", "'" } };
          for (a = 0; a < 5; a++)
            if (strncmp (h + i, ent[a][0], strlen (ent[a][0])) == 0)
              break;
          if (a == 5)
            *bad = 1;
          else
            {
              out[o++] = ent[a][1][0];
              i += strlen (ent[a][0]);
              continue;
            }
        }
      out[o++] = h[i++];
    }
  out[o] = '\0';
  return out;
}

/* Render one Markdown document as the pages do (cmark-gfm). */
static char *
rt_render (const char *md)
{
  char *html = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&html, &len);
  if (fp == NULL)
    abort ();
  cc_md_html_body (fp, md, strlen (md), NULL);
  fclose (fp);
  return html;
}

static char *
rt_md (void (*put) (FILE *, const char *), const char *pre, const char *s,
       const char *post)
{
  char *md = NULL;
  size_t len = 0;
  FILE *fp = open_memstream (&md, &len);
  if (fp == NULL)
    abort ();
  fputs (pre, fp);
  put (fp, s);
  fputs (post, fp);
  fclose (fp);
  return md;
}

static const char *
rt_compare (const char *html, const char *open, const char *close,
            const char *want, const char *what)
{
  static const char *const tags[] = { "<bdi>", "</bdi>", NULL };
  size_t no = strlen (open), nc = strlen (close), n = strlen (html);
  char *inner, *text;
  int bad;
  const char *why = NULL;
  if (n < no + nc || strncmp (html, open, no) != 0
      || strcmp (html + n - nc, close) != 0)
    return what;
  inner = strndup (html + no, n - no - nc);
  text = rt_unhtml (inner, tags, &bad);
  if (bad || strcmp (text, want) != 0)
    why = what;
  free (inner);
  free (text);
  return why;
}

/* S as a heading, a paragraph and a table cell in Markdown, rendered as
   HTML: one element each, and the text inside equal to S as a reader sees
   it, blanks at either end included. */
static const char *
rt_markdown (const char *s)
{
  char *want = rt_expect (s, 0), *md, *html, *cell;
  const char *why;

  md = rt_md (cc_md_text, "# ", s, "\n");
  html = rt_render (md);
  why = rt_compare (html, "<h1>", "</h1>\n", want, "heading");
  free (md);
  free (html);
  if (why == NULL)
    {
      /* At the start of a block (a summary box line, a list item), so
         nothing in S may open another block there. */
      md = rt_md (cc_md_text, "> ", s, ";end\n");
      html = rt_render (md);
      cell = malloc (strlen (want) + 8);
      sprintf (cell, "%s;end", want);
      why = rt_compare (html, "<section class=\"summary\">\n<p>",
                        "</p>\n</section>\n", cell, "paragraph");
      free (md);
      free (html);
      if (why == NULL)
        {
          md = rt_md (cc_md_text, "- ", s, ";end\n");
          html = rt_render (md);
          why = rt_compare (html, "<ul>\n<li>", "</li>\n</ul>\n", cell,
                            "list item");
          free (md);
          free (html);
        }
      free (cell);
    }
  if (why == NULL)
    {
      md = rt_md (cc_md_text, "| h |\n|---|\n| ", s, " |\n");
      html = rt_render (md);
      why = rt_compare (html, "<div class=\"wrap\">\n<table>\n<thead>\n"
                        "<tr>\n<th>h</th>\n</tr>\n</thead>\n<tbody>\n"
                        "<tr>\n<td>", "</td>\n</tr>\n</tbody>\n</table>\n"
                        "</div>\n", want, "table cell");
      free (md);
      free (html);
    }
  free (want);
  return why;
}

/* S as a fenced code block: one <pre>, no heading or other element, the
   lines back as written (a line's trailing CRs dropped). */
static const char *
rt_code_block (const char *s)
{
  char *md = rt_md (cc_md_code_block, "", s, "## after\n");
  char *html = rt_render (md), *body, *want, *w, *line, *nl, *copy;
  const char *why = NULL;
  size_t n = strlen (html), len = 0;
  FILE *fp;

  static const char head[] = "<pre><code>";
  static const char tail[] = "</code></pre>\n<h2>after</h2>\n";
  size_t nh = sizeof head - 1, nt = sizeof tail - 1;
  if (strncmp (html, head, nh) != 0 || n < nh + nt
      || strcmp (html + n - nt, tail) != 0)
    why = "code block shape";
  else
    {
      /* Expected: every line of S through rt_expect, each ending in \n. */
      copy = strdup (s);
      fp = open_memstream (&want, &len);
      for (line = copy; line != NULL; line = nl)
        {
          size_t k;
          nl = strchr (line, '\n');
          if (nl != NULL)
            *nl++ = '\0';
          if (nl == NULL && *line == '\0')
            break;
          k = strlen (line);
          while (k > 0 && line[k - 1] == '\r')
            line[--k] = '\0';
          w = rt_expect (line, 0);
          fprintf (fp, "%s\n", w);
          free (w);
        }
      fclose (fp);
      free (copy);
      body = strndup (html + nh, n - nh - nt);
      why = rt_compare (body, "", "", want, "code block text");
      free (body);
      free (want);
    }
  free (md);
  free (html);
  return why;
}

/* S as an HTML attribute: no quote or bracket, the text back. */
static const char *
rt_attr (const char *s)
{
  static const char *const none[] = { NULL };
  char *html = rt_md (cc_html_attr, "", s, ""), *text, *want;
  int bad;
  const char *why = NULL;
  text = rt_unhtml (html, none, &bad);
  want = rt_expect (s, 1);
  if (bad || strcmp (text, want) != 0)
    why = "attribute";
  free (html);
  free (text);
  free (want);
  return why;
}

typedef struct
{
  char *field[4];
  size_t n;
  int records;
} rt_csv_parsed;

static void
rt_csv_field (void *s, size_t len, void *data)
{
  rt_csv_parsed *p = data;
  if (p->n < 4)
    p->field[p->n] = strndup (s, len);
  p->n++;
}

static void
rt_csv_record (int c, void *data)
{
  (void) c;
  ((rt_csv_parsed *) data)->records++;
}

/* S as a CSV field between two others, read back with libcsv: three
   fields, the middle one S (with the apostrophe the spreadsheet rule
   adds), and a formula-looking text never starts the cell. */
static const char *
rt_csv (const char *s)
{
  char *buf = NULL, *want;
  size_t len = 0, i;
  FILE *fp = open_memstream (&buf, &len);
  struct csv_parser p;
  rt_csv_parsed r;
  const char *why = NULL;
  const char *fields[3] = { "a", s, "b" };

  if (fp == NULL)
    abort ();
  cc_csv_record (fp, fields, 3);
  fclose (fp);
  memset (&r, 0, sizeof r);
  csv_init (&p, CSV_STRICT | CSV_STRICT_FINI);
  if (csv_parse (&p, buf, len, rt_csv_field, rt_csv_record, &r) != len
      || csv_fini (&p, rt_csv_field, rt_csv_record, &r) != 0)
    why = "csv parse";
  csv_free (&p);
  {
    char *clean = cc_utf8_clean (s);
    want = malloc (strlen (clean) + 2);
    sprintf (want, "%s%s", cc_csv_formula_risk (clean) ? "'" : "", clean);
    free (clean);
  }
  if (why == NULL && (r.records != 1 || r.n != 3 || strcmp (r.field[1], want)))
    why = "csv field";
  if (why == NULL && strchr ("=+-@\t\r", r.field[1][0]) != NULL
      && r.field[1][0] != '\0')
    {
      double v;
      if (cc_num_parse (r.field[1], &v) != 0)
        why = "csv formula";
    }
  for (i = 0; i < r.n && i < 4; i++)
    free (r.field[i]);
  free (want);
  free (buf);
  return why;
}

/* Every check on S. */
static const char *
rt_all (const char *s)
{
  const char *why;
  if ((why = rt_markdown (s)) == NULL && (why = rt_code_block (s)) == NULL
      && (why = rt_attr (s)) == NULL)
    why = rt_csv (s);
  return why;
}

#endif
