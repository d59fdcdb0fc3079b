/* mdtext.c: data strings escaped for Markdown and HTML; cloudcast's own
 * Markdown rendered as HTML. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "core/output.h"
#include "core/textutil.h"
#include "report/mdtext.h"

#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"
#define REPLACEMENT "\xef\xbf\xbd"

/* The character at S + *I (N bytes in all): its code point in *CP and its
 * bytes in *K; an invalid byte reads as U+FFFD, one byte long.  Returns 0
 * for an invalid byte, 1 otherwise. */
static int
next_char (const char *s, size_t n, size_t i, unsigned long *cp, size_t *k)
{
  if ((*k = cc_utf8_decode (s + i, n - i, cp)) == 0)
    {
      *k = 1;
      *cp = 0xfffd;
      return 0;
    }
  return 1;
}

static int
is_control (unsigned long cp)
{
  return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

static int
is_isolate (unsigned long cp)
{
  return cp >= 0x2066 && cp <= 0x2069;
}

/* A blank, a control (written as a blank) or the end. */
static int
ends_marker (char ch)
{
  return ch == '\0' || ch == ' ' || (unsigned char) ch < 0x20 || ch == 0x7f;
}

/* Where S starts a line (after "- " or "> "), its first characters could
   open a block: a list item ("- ", "+ ", "12. ", "12) "), a thematic break
   ("---") or indented code (blanks, written as references).  Returns the
   index + 1 of the byte of S to escape for that (0: none). */
static size_t
block_opener (const char *s)
{
  size_t i = 0;
  if ((s[0] == '-' || s[0] == '+') && (ends_marker (s[1]) || s[1] == '-'))
    return 1;
  while (i < 9 && s[i] >= '0' && s[i] <= '9')
    i++;
  return i > 0 && (s[i] == '.' || s[i] == ')') && ends_marker (s[i + 1])
         ? i + 1 : 0;
}

void
cc_md_text (FILE *fp, const char *s)
{
  size_t n = strlen (s), i, k, opener = block_opener (s);
  unsigned long cp;
  int bidi = cc_has_bidi (s);

  if (bidi)
    fputs (FSI, fp);
  for (i = 0; i < n; i += k)
    {
      if (!next_char (s, n, i, &cp, &k))
        fputs (REPLACEMENT, fp);
      else if (is_control (cp) || cp == ' ')
        /* A blank at either end would be trimmed from its block, and one
           at the start could indent it: those are character references. */
        fputs (!bidi && (i == 0 || i + k == n) ? "&#32;" : " ", fp);
      else if (is_isolate (cp))
        ;                       /* ours alone, so they stay balanced */
      else if (i + 1 == opener
               || (cp < 0x80 && strchr ("\\`*_[]<>|!&~#", (int) cp) != NULL))
        {
          putc ('\\', fp);
          putc ((int) cp, fp);
        }
      else
        fwrite (s + i, 1, k, fp);
    }
  if (bidi)
    fputs (PDI, fp);
}

void
cc_md_code_block (FILE *fp, const char *text)
{
  size_t run = 0, longest = 0, fence, i, k, n = strlen (text);
  unsigned long cp;
  int last = '\n';
  for (i = 0; i < n; i++)
    {
      run = text[i] == '`' ? run + 1 : 0;
      if (run > longest)
        longest = run;
    }
  fence = longest < 3 ? 3 : longest + 1;
  for (i = 0; i < fence; i++)
    putc ('`', fp);
  putc ('\n', fp);
  /* The text as a reader sees it: carriage returns at a line's end
     dropped, other controls as blanks, invalid bytes as U+FFFD. */
  for (i = 0; i < n; i += k)
    {
      if (!next_char (text, n, i, &cp, &k))
        fputs (REPLACEMENT, fp);
      else if (cp == '\r')
        {
          size_t j = i, m;
          while (text[j] == '\r')
            j++;
          k = j - i;
          if (text[j] == '\0')
            last = '\r';        /* a last line of its own, empty */
          else if (text[j] != '\n')
            for (last = ' ', m = i; m < j; m++)
              putc (' ', fp);
          continue;
        }
      else if (cp != '\n' && is_control (cp))
        putc (' ', fp);
      else
        fwrite (text + i, 1, k, fp);
      last = (int) cp;
    }
  if (last != '\n')
    putc ('\n', fp);
  for (i = 0; i < fence; i++)
    putc ('`', fp);
  putc ('\n', fp);
}

/* One character of HTML text or attribute. */
static void
html_char (FILE *fp, const char *s, size_t k, unsigned long cp)
{
  switch (cp)
    {
    case '&': fputs ("&amp;", fp); break;
    case '<': fputs ("&lt;", fp); break;
    case '>': fputs ("&gt;", fp); break;
    case '"': fputs ("&quot;", fp); break;
    case '\'': fputs ("&#39;", fp); break;
    default: fwrite (s, 1, k, fp);
    }
}

/* S escaped; KEEP_BIDI: keep bidi controls other than isolates (they are
   inside a <bdi>). */
static void
html_escaped (FILE *fp, const char *s, int keep_bidi)
{
  size_t n = strlen (s), i, k;
  unsigned long cp;
  for (i = 0; i < n; i += k)
    {
      if (!next_char (s, n, i, &cp, &k))
        fputs (REPLACEMENT, fp);
      else if (is_control (cp))
        putc (' ', fp);
      else if (cc_bidi_control (cp) && (!keep_bidi || is_isolate (cp)))
        ;
      else
        html_char (fp, s + i, k, cp);
    }
}

/* S as HTML text, in <bdi> when it holds a bidi control. */
static void
html_text (FILE *fp, const char *s)
{
  int bidi = cc_has_bidi (s);
  if (bidi)
    fputs ("<bdi>", fp);
  html_escaped (fp, s, 1);
  if (bidi)
    fputs ("</bdi>", fp);
}

void
cc_html_attr (FILE *fp, const char *s)
{
  html_escaped (fp, s, 0);
}

/* ---- cloudcast's own Markdown as HTML, through cmark-gfm ----

   cmark-gfm parses and renders; what the page adds to plain Markdown (the
   summary box, tables that scroll in their own box, the folding section,
   embedded charts) goes in as custom nodes whose HTML is written here, by
   us, and text isolated with FSI ... PDI becomes <bdi>.  Raw HTML in the Markdown itself is never
   passed through (no CMARK_OPT_UNSAFE): data cannot reach the page as
   markup even if it escaped cc_md_text. */

/* A custom block (BLOCK) or inline node around nothing, writing ENTER and
   EXIT as they are. */
static cmark_node *
custom (int block, const char *enter, const char *exit)
{
  cmark_node *n = cmark_node_new (block ? CMARK_NODE_CUSTOM_BLOCK
                                        : CMARK_NODE_CUSTOM_INLINE);
  cmark_node_set_on_enter (n, enter);
  cmark_node_set_on_exit (n, exit);
  return n;
}

/* What FN writes to a stream, as a new string (NULL: out of memory). */
static char *
written (void (*fn) (FILE *, const void *), const void *arg)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  if (m == NULL)
    return NULL;
  fn (m, arg);
  if (fclose (m) != 0)
    {
      free (buf);
      return NULL;
    }
  return buf;
}

/* FILE's bytes as base64, for a data: URI (no request leaves the page). */
static int
base64_file (FILE *fp, const char *path)
{
  static const char tbl[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  FILE *in = fopen (path, "rb");
  unsigned char buf[3];
  size_t n;
  if (in == NULL)
    return -1;
  while ((n = fread (buf, 1, 3, in)) > 0)
    {
      unsigned v = (unsigned) buf[0] << 16
                   | (n > 1 ? (unsigned) buf[1] << 8 : 0)
                   | (n > 2 ? buf[2] : 0);
      putc (tbl[(v >> 18) & 63], fp);
      putc (tbl[(v >> 12) & 63], fp);
      putc (n > 1 ? tbl[(v >> 6) & 63] : '=', fp);
      putc (n > 2 ? tbl[v & 63] : '=', fp);
    }
  fclose (in);
  return 0;
}

typedef struct
{
  const char *svg;              /* the file to embed */
  char *alt;
} figure_arg;

static void
put_figure (FILE *fp, const void *arg)
{
  const figure_arg *f = arg;
  fputs ("<figure><img alt=\"", fp);
  cc_html_attr (fp, f->alt);
  fputs ("\" src=\"data:image/svg+xml;base64,", fp);
  base64_file (fp, f->svg);
  fputs ("\"><figcaption>", fp);
  html_text (fp, f->alt);
  fputs ("</figcaption></figure>", fp);
}

/* The text of NODE's descendants (an image's alt text). */
static void
put_plain (FILE *fp, const void *arg)
{
  cmark_iter *it = cmark_iter_new ((cmark_node *) arg);
  cmark_event_type ev;
  while ((ev = cmark_iter_next (it)) != CMARK_EVENT_DONE)
    {
      cmark_node *n = cmark_iter_get_node (it);
      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type (n) == CMARK_NODE_TEXT)
        fputs (cmark_node_get_literal (n), fp);
    }
  cmark_iter_free (it);
}

/* A paragraph that is one image NAME.png: a figure with DIR/NAME.svg
   embedded and the alt text as its caption, or nothing when that file
   cannot be read (a page never points at a file beside it). */
static void
figure (cmark_node *para, const char *dir)
{
  cmark_node *img = cmark_node_first_child (para), *fig = NULL;
  const char *url = cmark_node_get_url (img), *dot = strrchr (url, '.');
  char *name = NULL, *svg = NULL, *html = NULL;
  figure_arg f = { NULL, NULL };

  if (dir != NULL && dot != NULL
      && (name = malloc ((size_t) (dot - url) + 5)) != NULL
      && sprintf (name, "%.*s.svg", (int) (dot - url), url) > 0
      && (svg = cc_path_join (dir, name)) != NULL && access (svg, R_OK) == 0
      && (f.alt = written (put_plain, img)) != NULL)
    {
      f.svg = svg;
      if ((html = written (put_figure, &f)) != NULL)
        fig = custom (1, html, "");
    }
  if (fig != NULL)
    cmark_node_insert_before (para, fig);
  cmark_node_free (para);
  free (name);
  free (svg);
  free (f.alt);
  free (html);
}

static void
put_code (FILE *fp, const void *arg)
{
  char *copy = strdup ((const char *) arg), *line, *nl;
  fputs ("<pre><code>", fp);
  for (line = copy; line != NULL && *line != '\0'; line = nl)
    {
      if ((nl = strchr (line, '\n')) != NULL)
        *nl++ = '\0';
      html_text (fp, line);
      putc ('\n', fp);
    }
  fputs ("</code></pre>", fp);
  free (copy);
}

/* A code block holding bidi controls: each line isolated in <bdi>, so it
   cannot reorder the lines around it. */
static void
code_bidi (cmark_node *code)
{
  const char *text = cmark_node_get_literal (code);
  char *html;
  if (!cc_has_bidi (text) || (html = written (put_code, text)) == NULL)
    return;
  cmark_node_insert_before (code, custom (1, html, ""));
  cmark_node_free (code);
  free (html);
}

/* HTML from cmark-gfm, with FSI ... PDI (cc_md_text's isolation, found
   only in text: alt text and code blocks with bidi controls are written
   here, without them) as <bdi> ... </bdi>. */
static void
put_isolated (FILE *fp, const char *html)
{
  const char *p;
  while ((p = strstr (html, "\xe2\x81")) != NULL)
    {
      fwrite (html, 1, (size_t) (p - html), fp);
      if (p[2] == '\0')
        break;
      if (p[2] == '\xa8' || p[2] == '\xa9')
        fputs (p[2] == '\xa8' ? "<bdi>" : "</bdi>", fp);
      else
        fwrite (p, 1, 3, fp);
      html = p + 3;
    }
  fputs (p != NULL ? p : html, fp);
}

static void
put_details (FILE *fp, const void *arg)
{
  fputs ("<details>\n<summary><h2>", fp);
  html_text (fp, (const char *) arg);
  fputs ("</h2></summary>", fp);
}

/* The heading's text is COLLAPSE. */
static int
is_collapse (cmark_node *h, const char *collapse)
{
  cmark_node *t = cmark_node_first_child (h);
  return collapse != NULL && cmark_node_get_heading_level (h) == 2
         && t != NULL && cmark_node_next (t) == NULL
         && cmark_node_get_type (t) == CMARK_NODE_TEXT
         && strcmp (cmark_node_get_literal (t), collapse) == 0;
}

/* The page's blocks: block quotes as the summary box, tables in a box of
   their own, the COLLAPSE section folded, images as figures. */
static void
page_blocks (cmark_node *root, const cc_md_html_opts *o)
{
  cmark_node *n = cmark_node_first_child (root), *next, *c;
  int details = 0;
  for (; n != NULL; n = next)
    {
      const char *ty = cmark_node_get_type_string (n);
      next = cmark_node_next (n);
      if (cmark_node_get_type (n) == CMARK_NODE_BLOCK_QUOTE)
        {
          cmark_node_insert_before (n, custom (1, "<section class=\"summary\">", ""));
          while ((c = cmark_node_first_child (n)) != NULL)
            cmark_node_insert_before (n, c);
          cmark_node_insert_before (n, custom (1, "</section>", ""));
          cmark_node_free (n);
        }
      else if (strcmp (ty, "table") == 0)
        {
          cmark_node_insert_before (n, custom (1, "<div class=\"wrap\">", ""));
          cmark_node_insert_after (n, custom (1, "</div>", ""));
        }
      else if (cmark_node_get_type (n) == CMARK_NODE_HEADING
               && cmark_node_get_heading_level (n) <= 2)
        {
          if (details)
            cmark_node_insert_before (n, custom (1, "</details>", ""));
          if ((details = is_collapse (n, o->collapse)))
            {
              char *html = written (put_details, o->collapse);
              cmark_node_insert_before (n, custom (1, html ? html : "<details>", ""));
              cmark_node_free (n);
              free (html);
            }
        }
      else if (cmark_node_get_type (n) == CMARK_NODE_PARAGRAPH
               && (c = cmark_node_first_child (n)) != NULL
               && cmark_node_get_type (c) == CMARK_NODE_IMAGE
               && cmark_node_next (c) == NULL)
        figure (n, o->dir);
      else if (cmark_node_get_type (n) == CMARK_NODE_CODE_BLOCK)
        code_bidi (n);
    }
  if (details)
    cmark_node_append_child (root, custom (1, "</details>", ""));
}

int
cc_md_html_body (FILE *fp, const char *md, size_t len,
                 const cc_md_html_opts *o)
{
  static const cc_md_html_opts none = { NULL, NULL };
  const int opt = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
  cmark_parser *parser;
  cmark_node *root;
  char *html;

  cmark_gfm_core_extensions_ensure_registered ();
  if ((parser = cmark_parser_new (opt)) == NULL)
    return -1;
  cmark_parser_attach_syntax_extension (parser,
                                        cmark_find_syntax_extension ("table"));
  cmark_parser_feed (parser, md, len);
  root = cmark_parser_finish (parser);
  if (root != NULL)
    {
      page_blocks (root, o ? o : &none);
      html = cmark_render_html (root, opt,
                                cmark_parser_get_syntax_extensions (parser));
      if (html != NULL)
        put_isolated (fp, html);
      free (html);
      cmark_node_free (root);
    }
  cmark_parser_free (parser);
  return root == NULL || ferror (fp) ? -1 : 0;
}

/* The head of every page, with TITLE (escaped) and the one style sheet, up
   to <body>. */
static void
page_head (FILE *fp, const char *title)
{
  fputs ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>", fp);
  /* Attribute escaping: <title> holds text only, so bidi controls are
     dropped rather than isolated in <bdi>. */
  cc_html_attr (fp, title);
  fputs ("</title>\n<style>\n"
         "body{font-family:'DejaVu Sans',sans-serif;max-width:1150px;margin:2em auto;"
         "padding:0 1em;color:#222;line-height:1.45}\n"
         "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}\n"
         "th,td{border:1px solid #ccc;padding:0.25em 0.5em;vertical-align:top}\n"
         "th{background:#f2f2f2}\n"
         "pre{background:#f7f7f7;padding:1em;white-space:pre-wrap}\n"
         "figure{margin:1.5em 0}figcaption{font-size:0.85em;color:#555}\n"
         "img{max-width:100%;height:auto}\n"
         "pre code{display:block;overflow-wrap:anywhere}\n"
         ".summary{border:2px solid #4a7;background:#f3faf5;padding:0.2em 1em;"
         "margin:1em 0}\n"
         /* Nothing wider than the window: long words break, and a wide
            table scrolls inside its own box. */
         "body{overflow-wrap:break-word}\n"
         ".wrap{max-width:100%;overflow-x:auto;margin:1em 0}\n"
         ".wrap table{margin:0}\n"
         "details{margin:1em 0}summary{cursor:pointer}\n"
         "summary h2{display:inline}\n"
         "@media (max-width:600px){body{margin:1em auto;padding:0 0.5em}"
         "table{font-size:0.8em}}\n"
         "@media print{body{max-width:none;margin:0;padding:0;"
         "font-size:10pt}.wrap{overflow:visible}"
         "table{font-size:8pt}figure,tr,.summary{break-inside:avoid}"
         "h2{break-after:avoid}summary{list-style:none}}\n"
         "</style>\n</head>\n<body>\n", fp);
}

/* The end of every page: the cloudcast version and NOTE (may be ""). */
static void
page_end (FILE *fp, const char *note)
{
  fprintf (fp, "<p><small>Made with cloudcast " PACKAGE_VERSION "%s%s."
           "</small></p>\n</body>\n</html>\n", note[0] ? " " : "", note);
}

int
cc_md_html_page (FILE *fp, const char *title, const char *md, size_t len,
                 const cc_md_html_opts *o, const char *note)
{
  page_head (fp, title);
  if (cc_md_html_body (fp, md, len, o) != 0)
    return -1;
  page_end (fp, note);
  return ferror (fp) ? -1 : 0;
}

int
cc_md_html_page_of (FILE *fp, const char *title,
                    int (*write) (FILE *, const void *), const void *arg,
                    const cc_md_html_opts *o, const char *note)
{
  char *md = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&md, &len);
  int rc;

  if (m == NULL)
    return -1;
  rc = write (m, arg);
  if (fclose (m) != 0 || md == NULL)
    rc = -1;
  if (rc == 0)
    rc = cc_md_html_page (fp, title, md, len, o, note);
  free (md);
  return rc;
}
