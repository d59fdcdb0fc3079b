/* mdtext.h: data strings in Markdown and HTML, and cloudcast's Markdown
 * rendered as HTML pages through cmark-gfm.
 *
 * Data (titles, sources, metric, driver and provider names, gnuplot's
 * error text) never creates structure: in Markdown inline text, link text
 * and table cells every character Markdown gives a meaning to is escaped
 * with a backslash and line ends become spaces, so data can neither start
 * a line nor close a link, a cell or a code span; where it could open a
 * block at a line's start ("- ", "+ ", "1. ", an indent) that character
 * is escaped too, and a blank at either end is a character reference so
 * it is kept; a multi-line block goes in a fence longer than any run of
 * backticks in it.  In HTML every data
 * string is escaped for text or for an attribute.  Text holding
 * bidirectional controls is isolated: FSI ... PDI (U+2068 ... U+2069) in
 * Markdown, <bdi> ... </bdi> in HTML text, the controls dropped in
 * attributes. */
#ifndef CC_MDTEXT_H
#define CC_MDTEXT_H

#include <stddef.h>
#include <stdio.h>

/* S as Markdown inline text (also link text and a table cell). */
void cc_md_text (FILE *fp, const char *s);

/* TEXT (any number of lines) as a fenced code block; the fence is longer
 * than the longest run of backticks in TEXT.  Carriage returns at a
 * line's end are dropped, other control characters written as blanks. */
void cc_md_code_block (FILE *fp, const char *text);

/* S as an HTML attribute value (between double quotes). */
void cc_html_attr (FILE *fp, const char *s);

/* What an HTML page adds to cloudcast's own Markdown. */
typedef struct
{
  const char *collapse;  /* the "## " heading whose section folds into a
                            <details> with it as summary (NULL: none) */
  const char *dir;       /* an image NAME.png is a <figure> with DIR/NAME.svg
                            embedded as a data: URI and its alt text as
                            caption (NULL, or no such file: left out) */
} cc_md_html_opts;

/* MD (LEN bytes of Markdown made with the escaping above) rendered as
 * HTML by cmark-gfm with its tables extension, raw HTML never passed
 * through.  Block quotes make <section class="summary">; each table sits
 * in a <div class="wrap"> that scrolls sideways rather than widen the
 * page; text isolated with FSI ... PDI is in <bdi>, and so is each line
 * of a code block holding a bidi control.  O may be NULL.  0, or -1 on a
 * write error. */
int cc_md_html_body (FILE *fp, const char *md, size_t len,
                     const cc_md_html_opts *o);

/* The same as a whole page (report.html, compare.html, story.html): the
 * head with TITLE (escaped) and the one style sheet, and at the end the
 * cloudcast version and NOTE (may be ""). */
int cc_md_html_page (FILE *fp, const char *title, const char *md, size_t len,
                     const cc_md_html_opts *o, const char *note);

/* The same for the Markdown WRITE writes with ARG (0, or -1). */
int cc_md_html_page_of (FILE *fp, const char *title,
                        int (*write) (FILE *, const void *), const void *arg,
                        const cc_md_html_opts *o, const char *note);

#endif
