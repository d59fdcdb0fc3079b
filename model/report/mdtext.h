/* mdtext.h: data strings in Markdown and HTML, and the small Markdown to
 * HTML rendering report.html is made with.
 *
 * Data (titles, sources, metric, driver and provider names, gnuplot's
 * error text) never creates structure: in Markdown inline text, link text
 * and table cells every character Markdown gives a meaning to is escaped
 * with a backslash and line ends become spaces, so data can neither start
 * a line nor close a link, a cell or a code span; a multi-line block goes
 * in a fence longer than any run of backticks in it.  In HTML every data
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
 * than the longest run of backticks in TEXT. */
void cc_md_code_block (FILE *fp, const char *text);

/* S as HTML text; S as an HTML attribute value (between double quotes). */
void cc_html_text (FILE *fp, const char *s);
void cc_html_attr (FILE *fp, const char *s);

/* The rendering of cloudcast's own Markdown to HTML, one line at a time. */
typedef struct
{
  int in_table, header;
  size_t fence;        /* backticks of the open code fence, 0: none */
  int quote;           /* a block quote (the summary box) is open */
  const char *collapse;  /* the "## " heading whose section folds into
                            <details> (NULL: none) */
  int details;         /* that section is open */
} cc_md_html;

enum { CC_MD_OTHER, CC_MD_H1, CC_MD_H2 };

/* Render LINE (without its line end; changed in place).  Lines starting
 * "> " make one <section class="summary">, a paragraph each; a ">" line
 * alone separates them.  Each table sits in a <div class="wrap"> that
 * scrolls sideways rather than widen the page; the section under the
 * heading ST->collapse is a <details> whose <summary> is that heading.   Returns CC_MD_H1
 * or CC_MD_H2 for a heading (never one inside a code block), else
 * CC_MD_OTHER. */
int cc_md_html_line (FILE *fp, cc_md_html *st, char *line);

/* Close what is still open at the end. */
void cc_md_html_end (FILE *fp, cc_md_html *st);

/* Every cloudcast HTML page (report.html, compare.html, story.html): the
 * head with TITLE (escaped) and the one style sheet, up to <body>; and
 * the end, with the cloudcast version and NOTE (may be ""). */
void cc_html_page_head (FILE *fp, const char *title);
void cc_html_page_end (FILE *fp, const char *note);

/* MD (changed in place) as a whole page titled TITLE.  0, or -1 on a
 * write error. */
int cc_md_html_page (FILE *fp, const char *title, char *md);

#endif
