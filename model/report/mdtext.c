/* mdtext.c: data strings escaped for Markdown and HTML; cloudcast's own
 * Markdown rendered as HTML. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

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

void
cc_md_text (FILE *fp, const char *s)
{
  size_t n = strlen (s), i, k;
  unsigned long cp;
  int bidi = cc_has_bidi (s);

  if (bidi)
    fputs (FSI, fp);
  for (i = 0; i < n; i += k)
    {
      if (!next_char (s, n, i, &cp, &k))
        fputs (REPLACEMENT, fp);
      else if (is_control (cp))
        putc (' ', fp);
      else if (is_isolate (cp))
        ;                       /* ours alone, so they stay balanced */
      else if (cp < 0x80 && strchr ("\\`*_[]<>|!&~#", (int) cp) != NULL)
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
  size_t run = 0, longest = 0, fence, i, n = strlen (text);
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
  fputs (text, fp);
  if (n > 0 && text[n - 1] != '\n')
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

void
cc_html_text (FILE *fp, const char *s)
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

/* Markdown inline text (ours, with data escaped by cc_md_text) as HTML:
   backslash escapes undone, FSI/PDI as <bdi>, the rest escaped. */
static void
inline_html (FILE *fp, const char *s, size_t n)
{
  size_t i, k;
  unsigned long cp;
  for (i = 0; i < n; i += k)
    {
      if (s[i] == '\\' && i + 1 < n && strchr ("\\`*_[]<>|!&~#", s[i + 1])
          && s[i + 1] != '\0')
        {
          html_char (fp, s + i + 1, 1, (unsigned char) s[i + 1]);
          k = 2;
        }
      else if (!next_char (s, n, i, &cp, &k))
        fputs (REPLACEMENT, fp);
      else if (cp == 0x2068)
        fputs ("<bdi>", fp);
      else if (cp == 0x2069)
        fputs ("</bdi>", fp);
      else
        html_char (fp, s + i, k, cp);
    }
}

/* A table row "| a | b \| c |": cells end at a '|' that is not escaped. */
static void
table_row (FILE *fp, cc_md_html *st, const char *line)
{
  const char *p = line + 1, *q;
  fputs ("<tr>", fp);
  for (;;)
    {
      for (q = p; *q && *q != '|'; q++)
        if (*q == '\\' && q[1] != '\0')
          q++;
      if (*q == '\0')
        break;
      while (p < q && *p == ' ')
        p++;
      {
        const char *e = q;
        while (e > p && e[-1] == ' ')
          e--;
        fputs (st->header ? "<th>" : "<td>", fp);
        inline_html (fp, p, (size_t) (e - p));
        fputs (st->header ? "</th>" : "</td>", fp);
      }
      p = q + 1;
    }
  fputs ("</tr>\n", fp);
  st->header = 0;
}

static size_t
fence_of (const char *line)
{
  size_t n = 0;
  while (line[n] == '`')
    n++;
  return n >= 3 && line[n] == '\0' ? n : 0;
}

static void
element (FILE *fp, const char *tag, const char *text, const char *open)
{
  fputs (open ? open : "<", fp);
  if (open == NULL)
    fprintf (fp, "%s>", tag);
  inline_html (fp, text, strlen (text));
  fprintf (fp, "</%s>\n", tag);
}

int
cc_md_html_line (FILE *fp, cc_md_html *st, char *line)
{
  size_t n = strlen (line), f;
  while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
    line[--n] = '\0';
  f = fence_of (line);
  if (st->fence > 0)
    {
      if (f >= st->fence)
        {
          fputs ("</pre>\n", fp);
          st->fence = 0;
        }
      else
        {
          cc_html_text (fp, line);
          putc ('\n', fp);
        }
      return CC_MD_OTHER;
    }
  if (line[0] == '>' && (line[1] == ' ' || line[1] == '\0'))
    {
      if (st->in_table)
        fputs ("</table></div>\n", fp);
      st->in_table = 0;
      if (!st->quote)
        fputs ("<section class=\"summary\">\n", fp);
      st->quote = 1;
      if (line[1] != '\0' && line[2] != '\0')
        element (fp, "p", line + 2, NULL);
      return CC_MD_OTHER;
    }
  if (st->quote)
    {
      fputs ("</section>\n", fp);
      st->quote = 0;
    }
  if (line[0] == '|')
    {
      if (strncmp (line, "|---", 4) == 0)
        return CC_MD_OTHER;    /* the separator row */
      if (!st->in_table)
        {
          fputs ("<div class=\"wrap\"><table>\n", fp);
          st->in_table = 1;
          st->header = 1;
        }
      table_row (fp, st, line);
      return CC_MD_OTHER;
    }
  if (st->in_table)
    {
      fputs ("</table></div>\n", fp);
      st->in_table = 0;
    }
  if (f > 0)
    {
      fputs ("<pre>", fp);
      st->fence = f;
      return CC_MD_OTHER;
    }
  if (line[0] == '\0' || line[0] == '!')
    return CC_MD_OTHER;        /* blank lines; images are placed apart */
  if (strncmp (line, "## ", 3) == 0)
    {
      if (st->details)
        fputs ("</details>\n", fp);
      st->details = st->collapse != NULL && strcmp (line + 3, st->collapse) == 0;
      if (st->details)
        {
          fputs ("<details>\n<summary>", fp);
          element (fp, "h2", line + 3, NULL);
          fputs ("</summary>\n", fp);
        }
      else
        element (fp, "h2", line + 3, NULL);
      return CC_MD_H2;
    }
  if (strncmp (line, "# ", 2) == 0)
    {
      element (fp, "h1", line + 2, NULL);
      return CC_MD_H1;
    }
  if (strncmp (line, "- ", 2) == 0)
    element (fp, "p", line + 2, "<p class=\"li\">&bull; ");
  else
    element (fp, "p", line, NULL);
  return CC_MD_OTHER;
}

void
cc_md_html_end (FILE *fp, cc_md_html *st)
{
  if (st->in_table)
    fputs ("</table></div>\n", fp);
  if (st->fence > 0)
    fputs ("</pre>\n", fp);
  if (st->quote)
    fputs ("</section>\n", fp);
  if (st->details)
    fputs ("</details>\n", fp);
  st->quote = 0;
  st->details = 0;
  st->in_table = 0;
  st->fence = 0;
}

void
cc_html_page_head (FILE *fp, const char *title)
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
         "img{max-width:100%;height:auto}\n.li{margin:0.2em 0}\n"
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

void
cc_html_page_end (FILE *fp, const char *note)
{
  fprintf (fp, "<p><small>Made with cloudcast " PACKAGE_VERSION "%s%s."
           "</small></p>\n</body>\n</html>\n", note[0] ? " " : "", note);
}

int
cc_md_html_page (FILE *fp, const char *title, char *md)
{
  char *line, *save = NULL;
  cc_md_html st = { 0 };
  cc_html_page_head (fp, title);
  for (line = strtok_r (md, "\n", &save); line != NULL;
       line = strtok_r (NULL, "\n", &save))
    cc_md_html_line (fp, &st, line);
  cc_md_html_end (fp, &st);
  cc_html_page_end (fp, "");
  return ferror (fp) ? -1 : 0;
}
