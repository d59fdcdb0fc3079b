/* scnfile.c: reading scenario files with inih, with lines and checks. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "value/scnfile.h"
#include "core/textutil.h"

static const char *const scenario_keys[] = {
  "name", "title", "start", "horizon", "currency", "discount_rate", "seed",
  "draws", "levels", "providers", "price_books", "annual_price_change",
  "source", "note", "rates", "formats", "projection_horizon", NULL
};
static const char *const driver_keys[] = {
  "family", "label", "source", "unit", "data", "metric", "growth", "phi",
  "cap", "quantity", "factor", "annual_growth", "growth_months", "link",
  "model", "series", "measure", "title", "quantity_label", "factor_label",
  "growth_label", "phi_label", "cap_label", "show", "scale", "vcpu",
  "memory_gib", "storage_tier", "redundancy", "feature", "link_sku", NULL
};
static const char *const driver_prefixes[] = {
  "sku.", "region.", "term.", "reserved_blocks.", "reserved_term.", NULL
};

typedef struct
{
  cc_scnfile *f;
  FILE *fp;
  long line;           /* line most recently read */
  int cont;            /* that line starts with blanks: a continuation */
  int too_long;
  cc_err *err;
  int status;
} read_ctx;



static const char *
closest (const char *name, const char *const *set)
{
  size_t best = (size_t) -1, d;
  const char *pick = NULL;
  for (; *set != NULL; set++)
    if ((d = cc_edit_distance (name, *set)) < best)
      {
        best = d;
        pick = *set;
      }
  return pick;
}

/* fgets that counts lines and notices lines inih would cut short. */
static char *
reader (char *buf, int size, void *stream)
{
  read_ctx *ctx = stream;
  char *s = fgets (buf, size, ctx->fp);
  size_t n;
  if (s == NULL)
    return NULL;
  ctx->line++;
  ctx->cont = s[0] == ' ' || s[0] == '\t';
  n = strlen (s);
  {
    const char *cr = memchr (s, '\r', n);
    const char *why = NULL;
    size_t bad = cc_utf8_invalid_at (s, n);
    if (n + 1 < (size_t) size && (n == 0 || s[n - 1] != '\n')
        && !feof (ctx->fp))
      why = "NUL byte in the line (a binary file?)";
    else if (bad != (size_t) -1 && (bad + 4 < n || s[n - 1] == '\n'
                                     || feof (ctx->fp)))
      {
        char keep = s[bad];
        s[bad] = '\0';
        if (ctx->status == CC_OK)
          ctx->status = cc_err_set (ctx->err, CC_EDATA, ctx->f->path,
                                    ctx->line, (long) cc_utf8_chars (s) + 1,
                                    "byte 0x%02x is not UTF-8; save the "
                                    "file as UTF-8", (unsigned char) keep);
        return NULL;
      }
    else if (s[n - 1] == '\n'
             && cc_utf8_chars (s) - 1 - (n > 1 && s[n - 2] == '\r')
                > CC_SCNFILE_MAX_LINE)
      why = "line longer than " CC_STR (CC_SCNFILE_MAX_LINE) " characters";
    else if (cr != NULL && cr + 1 < s + n && cr[1] != '\n')
      why = "bare carriage return (CR) in the line; save the file with LF "
            "or CRLF line ends";
    else if (!ctx->cont && s[0] == '[' && strchr (s, ']') != NULL
             && strchr (s, ']') - s - 1 > CC_SCNFILE_MAX_NAME)
      why = "section name longer than " CC_STR (CC_SCNFILE_MAX_NAME)
            " characters (the cap)";
    else if (!ctx->cont && s[0] != '[' && s[0] != ';' && s[0] != '#')
      {
        /* inih cuts longer names silently: "sku.a-long-name" would
           become another key. */
        size_t k = strcspn (s, "=:");
        while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
          k--;
        if (s[strcspn (s, "=:")] != '\0' && k > CC_SCNFILE_MAX_NAME)
          why = "key longer than " CC_STR (CC_SCNFILE_MAX_NAME)
                " characters (the cap)";
      }
    if (why != NULL)
      {
        if (ctx->status == CC_OK)
          ctx->status = cc_err_set (ctx->err, CC_EDATA, ctx->f->path,
                                    ctx->line, 0, "%s", why);
        return NULL;   /* stop reading */
      }
  }
  if (n > 0 && s[n - 1] != '\n' && !feof (ctx->fp) && !ctx->too_long)
    {
      ctx->too_long = 1;
      if (ctx->status == CC_OK)
        ctx->status = cc_err_set (ctx->err, CC_EDATA, ctx->f->path, ctx->line,
                                  0, "line longer than %d characters",
                                  CC_SCNFILE_MAX_LINE);
      /* Skip the rest of the long line. */
      int c;
      while ((c = fgetc (ctx->fp)) != EOF && c != '\n')
        ;
      buf[0] = '\n';
      buf[1] = '\0';
      return buf;
    }
  return s;
}

static int fail (read_ctx *ctx, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

/* Keep the first error (inih goes on parsing); returning 0 tells inih. */
static int
fail (read_ctx *ctx, const char *fmt, ...)
{
  char msg[512];
  va_list ap;
  if (ctx->status == CC_OK)
    {
      va_start (ap, fmt);
      vsnprintf (msg, sizeof msg, fmt, ap);
      va_end (ap);
      ctx->status = cc_err_set (ctx->err, CC_EDATA, ctx->f->path, ctx->line,
                                0, "%s", msg);
    }
  return 0;
}

static int
check_key (read_ctx *ctx, const char *section, const char *key)
{
  const char *const *p;
  size_t i;
  if (strcmp (section, "scenario") == 0)
    {
      for (i = 0; scenario_keys[i]; i++)
        if (strcmp (key, scenario_keys[i]) == 0)
          return 1;
      return fail (ctx, "unknown key '%s' in [scenario]; closest valid key: %s",
                   key, closest (key, scenario_keys));
    }
  if (strncmp (section, "driver ", 7) == 0)
    {
      for (i = 0; driver_keys[i]; i++)
        if (strcmp (key, driver_keys[i]) == 0)
          return 1;
      for (p = driver_prefixes; *p; p++)
        if (strncmp (key, *p, strlen (*p)) == 0 && key[strlen (*p)] != '\0')
          return 1;
      return fail (ctx, "unknown key '%s' in a driver section; closest valid "
                   "key: %s (or sku.PROVIDER, region.PROVIDER, term.PROVIDER, "
                   "reserved_blocks.PROVIDER, reserved_term.PROVIDER)",
                   key, closest (key, driver_keys));
    }
  return 1;   /* [discounts], [price_lock]: any provider name */
}

/* KEY with its provider part in lower case, as provider names match in
   any case: the PROVIDER of a driver's sku.PROVIDER (and the other
   prefixes), and of a [discounts] or [price_lock] key PROVIDER[.DRIVER].
   Into BUF[SIZE]. */
static const char *
key_norm (const char *section, const char *key, char *buf, size_t size)
{
  const char *const *p;
  size_t from = 0, to = 0, i;
  snprintf (buf, size, "%s", key);
  if (strncmp (section, "driver ", 7) == 0)
    {
      for (p = driver_prefixes; *p; p++)
        if (strncmp (key, *p, strlen (*p)) == 0)
          {
            from = strlen (*p);
            to = strlen (buf);
          }
    }
  else if (strcmp (section, "discounts") == 0
           || strcmp (section, "price_lock") == 0)
    to = strcspn (buf, ".");
  for (i = from; i < to; i++)
    buf[i] = (char) tolower ((unsigned char) buf[i]);
  return buf;
}

static int
on_kv (void *user, const char *section, const char *key_in, const char *value)
{
  read_ctx *ctx = user;
  char keybuf[CC_SCNFILE_MAX_NAME + 16];
  const char *key = key_norm (section, key_in, keybuf, sizeof keybuf);
  cc_scnfile *f = ctx->f;
  cc_scnfile_section *s;
  cc_scnfile_kv *kv;
  size_t i;
  static const char *const sections[] = { "scenario", "driver NAME",
                                          "discounts", "price_lock", NULL };

  if (section[0] == '\0')
    return fail (ctx, "key '%s' outside any section; start with [scenario]",
                 key);
  if (strcmp (section, "scenario") != 0 && strcmp (section, "discounts") != 0
      && strcmp (section, "price_lock") != 0
      && !(strncmp (section, "driver ", 7) == 0 && section[7] != '\0'
           && strchr (section + 7, ' ') == NULL))
    return fail (ctx, "unknown section [%s]; closest valid section: [%s]",
                 section, closest (section, sections));
  if (!check_key (ctx, section, key))
    return 0;

  /* inih calls us per key; a new section starts when the name changes. */
  s = f->nsec ? &f->sec[f->nsec - 1] : NULL;
  if (s == NULL || strcmp (s->name, section) != 0)
    {
      for (i = 0; i < f->nsec; i++)
        if (strcmp (f->sec[i].name, section) == 0)
          return fail (ctx, "section [%s] appears twice (first on line %ld)",
                       section, f->sec[i].line);
      if (f->nsec >= CC_SCNFILE_MAX_SECTIONS)
        return fail (ctx, "more than %d sections (the cap)",
                     CC_SCNFILE_MAX_SECTIONS);
      s = realloc (f->sec, (f->nsec + 1) * sizeof *s);
      if (s == NULL)
        return fail (ctx, "out of memory");
      f->sec = s;
      s = &f->sec[f->nsec];
      memset (s, 0, sizeof *s);
      s->name = strdup (section);
      s->line = ctx->line;
      if (s->name == NULL)
        return fail (ctx, "out of memory");
      f->nsec++;
    }
  /* An indented line continues the previous key's value (inih repeats
     the key): join with a space. */
  if (ctx->cont && s->n > 0 && strcmp (s->kv[s->n - 1].key, key) == 0)
    {
      cc_scnfile_kv *last = &s->kv[s->n - 1];
      size_t a = strlen (last->value), b = strlen (value);
      char *joined;
      if (a + b + 1 > CC_SCNFILE_MAX_VALUE)
        return fail (ctx, "value of '%s' longer than %d characters (the cap)",
                     key, CC_SCNFILE_MAX_VALUE);
      joined = realloc (last->value, a + b + 2);
      if (joined == NULL)
        return fail (ctx, "out of memory");
      joined[a] = ' ';
      memcpy (joined + a + 1, value, b + 1);
      last->value = joined;
      return 1;
    }
  for (i = 0; i < s->n; i++)
    if (strcmp (s->kv[i].key, key) == 0)
      return fail (ctx, "key '%s' set twice in [%s]", key, section);
  if (s->n >= CC_SCNFILE_MAX_KEYS)
    return fail (ctx, "more than %d keys in [%s] (the cap)",
                 CC_SCNFILE_MAX_KEYS, section);
  kv = realloc (s->kv, (s->n + 1) * sizeof *kv);
  if (kv == NULL)
    return fail (ctx, "out of memory");
  s->kv = kv;
  kv = &s->kv[s->n];
  kv->key = strdup (key);
  kv->value = strdup (value);
  kv->line = ctx->line;
  if (kv->key == NULL || kv->value == NULL)
    return fail (ctx, "out of memory");
  s->n++;
  return 1;
}

int
cc_scnfile_read (const char *path, cc_scnfile **out, cc_err *err)
{
  read_ctx ctx;
  cc_scnfile *f;
  const char *slash;
  int rc;

  *out = NULL;
  f = calloc (1, sizeof *f);
  if (f == NULL)
    return cc_err_set (err, CC_ESOFTWARE, path, 0, 0, "out of memory");
  f->path = strdup (path);
  slash = strrchr (path, '/');
  f->dir = slash ? strndup (path, (size_t) (slash - path + 1)) : strdup ("");
  memset (&ctx, 0, sizeof ctx);
  ctx.f = f;
  ctx.err = err;
  ctx.fp = fopen (path, "r");
  if (ctx.fp == NULL)
    {
      rc = cc_err_set (err, CC_ENOINPUT, path, 0, 0, "cannot open: %s",
                       strerror (errno));
      cc_scnfile_free (f);
      return rc;
    }
  /* A line of CC_SCNFILE_MAX_LINE characters may be four bytes each: a
     heap buffer that holds that many (the reader counts characters). */
  ini_use_stack = 0;
  ini_allow_realloc = 0;
  ini_max_line = ini_initial_alloc = 4 * CC_SCNFILE_MAX_LINE + 3;
  rc = ini_parse_stream (reader, &ctx, on_kv, &ctx);
  fclose (ctx.fp);
  if (ctx.status == CC_OK && rc != 0)
    ctx.status = cc_err_set (err, CC_EDATA, path, rc > 0 ? rc : 0, 0,
                             "not a valid INI line (expected [section] or "
                             "key = value)");
  if (ctx.status == CC_OK && cc_scnfile_section_find (f, "scenario") == NULL)
    ctx.status = cc_err_set (err, CC_EDATA, path, 0, 0,
                             "no [scenario] section");
  if (ctx.status != CC_OK)
    {
      cc_scnfile_free (f);
      return ctx.status;
    }
  *out = f;
  return CC_OK;
}

void
cc_scnfile_free (cc_scnfile *f)
{
  size_t i, j;
  if (f == NULL)
    return;
  for (i = 0; i < f->nsec; i++)
    {
      for (j = 0; j < f->sec[i].n; j++)
        {
          free (f->sec[i].kv[j].key);
          free (f->sec[i].kv[j].value);
        }
      free (f->sec[i].kv);
      free (f->sec[i].name);
    }
  free (f->sec);
  free (f->path);
  free (f->dir);
  free (f);
}

const cc_scnfile_section *
cc_scnfile_section_find (const cc_scnfile *f, const char *name)
{
  size_t i;
  for (i = 0; i < f->nsec; i++)
    if (strcmp (f->sec[i].name, name) == 0)
      return &f->sec[i];
  return NULL;
}

const char *
cc_scnfile_get (const cc_scnfile_section *s, const char *key, long *line)
{
  size_t i;
  if (s == NULL)
    return NULL;
  for (i = 0; i < s->n; i++)
    if (strcmp (s->kv[i].key, key) == 0)
      {
        if (line)
          *line = s->kv[i].line;
        return s->kv[i].value;
      }
  return NULL;
}

size_t
cc_scnfile_split (char *list, char **items, size_t max)
{
  size_t n = 0;
  char *s = list, *end;
  while (s != NULL && n < max)
    {
      char *comma = strchr (s, ',');
      if (comma)
        *comma = '\0';
      while (isspace ((unsigned char) *s))
        s++;
      end = s + strlen (s);
      while (end > s && isspace ((unsigned char) end[-1]))
        *--end = '\0';
      if (*s != '\0')
        items[n++] = s;
      s = comma ? comma + 1 : NULL;
    }
  return n;
}
