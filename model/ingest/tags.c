/* tags.c: one tag's value out of a tags column, in the forms the
 * providers write: a JSON object (FOCUS Tags, Azure tags, CUR 2.0
 * resource_tags), the brace-less '"k": "v","k2": "v2"' of real Azure
 * exports, and a list of {key, value} objects (GCP labels, in JSON or
 * Python-literal quoting).  Keys match case-sensitively, as the providers
 * treat them. */
#include <config.h>

#include <stdio.h>

#include "ingest/formats/format.h"

typedef struct
{
  const char *s;      /* the token's text (inside quotes for a string) */
  size_t n;
  char kind;          /* 's' string or bare word, else the punctuation */
} token;

/* The next token at *P (before END); kind 0 at the end. */
static token
next_token (const char **p, const char *end)
{
  token t = { NULL, 0, 0 };
  const char *q = *p;
  while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
    q++;
  if (q == end)
    {
      *p = q;
      return t;
    }
  if (*q == '"' || *q == '\'')
    {
      char quote = *q++;
      t.s = q;
      while (q < end && *q != quote)
        q += *q == '\\' && q + 1 < end ? 2 : 1;
      t.n = (size_t) (q - t.s);
      t.kind = 's';
      *p = q < end ? q + 1 : q;
      return t;
    }
  if (strchr ("{}[],:", *q) != NULL)
    {
      t.kind = *q;
      *p = q + 1;
      return t;
    }
  t.s = q;
  while (q < end && strchr ("{}[],: \t\r\n", *q) == NULL)
    q++;
  t.n = (size_t) (q - t.s);
  t.kind = 's';
  *p = q;
  return t;
}

static int
token_is (const token *t, const char *word)
{
  return t->n == strlen (word) && memcmp (t->s, word, t->n) == 0;
}

/* A \uXXXX escape at S (the 4 hex digits) as UTF-8 in U; surrogates
 * become U+FFFD.  Returns the bytes written, 0 when S is not 4 hex
 * digits. */
static int
utf8_escape (const char *s, size_t n, char u[3])
{
  unsigned cp = 0;
  size_t k;
  if (n < 4)
    return 0;
  for (k = 0; k < 4; k++)
    {
      char c = s[k];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f'
        ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0)
        return 0;
      cp = cp * 16 + (unsigned) d;
    }
  if (cp >= 0xD800 && cp <= 0xDFFF)
    cp = 0xFFFD;
  if (cp < 0x80)
    return u[0] = (char) (cp ? cp : ' '), 1;
  if (cp < 0x800)
    return u[0] = (char) (0xC0 | cp >> 6), u[1] = (char) (0x80 | (cp & 63)), 2;
  u[0] = (char) (0xE0 | cp >> 12);
  u[1] = (char) (0x80 | ((cp >> 6) & 63));
  u[2] = (char) (0x80 | (cp & 63));
  return 3;
}

/* Copy a value token into OUT, with its escapes undone and JSON null or
 * Python None as empty.  Returns its length, or -2 when it does not fit. */
static long
copy_value (const token *t, char *out, size_t size)
{
  size_t i, j = 0;
  if (token_is (t, "null") || token_is (t, "None"))
    {
      out[0] = '\0';
      return 0;
    }
  for (i = 0; i < t->n; i++)
    {
      char c = t->s[i], u[3];
      int nu = 0;
      if (c == '\\' && i + 1 < t->n)
        {
          c = t->s[++i];
          if (c == 'u' && (nu = utf8_escape (t->s + i + 1, t->n - i - 1, u)))
            i += 4;
          c = c == 'n' || c == 't' || c == 'r' ? ' ' : c;
        }
      if (j + (nu ? (size_t) nu : 1) >= size)
        return -2;
      if (nu)
        memcpy (out + j, u, (size_t) nu), j += (size_t) nu;
      else
        out[j++] = c;
    }
  out[j] = '\0';
  return (long) j;
}

/* The value of KEY, as ingest_tag_value says, for one spelling of KEY. */
static long
find_key (const char *s, size_t n, const char *key, char *out, size_t size)
{
  const char *p = s, *end = s + n;
  token t, name = { NULL, 0, 0 }, kv_key = { NULL, 0, 0 },
    kv_value = { NULL, 0, 0 };
  int depth = 0, have_name = 0, after_colon = 0;

  while ((t = next_token (&p, end)).kind != 0)
    switch (t.kind)
      {
      case '{':
        depth++;
        have_name = after_colon = 0;
        kv_key.s = kv_value.s = NULL;
        break;
      case '}':
        /* A {key: K, value: V} object closes: the pair K, V. */
        if (kv_key.s != NULL && kv_value.s != NULL && token_is (&kv_key, key))
          return copy_value (&kv_value, out, size);
        depth--;
        have_name = after_colon = 0;
        kv_key.s = kv_value.s = NULL;
        break;
      case ':':
        after_colon = have_name;
        break;
      case 's':
        if (after_colon)
          {
            if (depth <= 1 && token_is (&name, key))
              return copy_value (&t, out, size);
            if (token_is (&name, "key"))
              kv_key = t;
            else if (token_is (&name, "value"))
              kv_value = t;
            have_name = after_colon = 0;
          }
        else
          name = t, have_name = 1;
        break;
      default:   /* ',', '[', ']' */
        have_name = after_colon = 0;
        break;
      }
  return -1;
}

long
ingest_tag_value (const char *s, size_t n, const char *key, int user_prefix,
                  char *out, size_t size)
{
  char k[CC_INGEST_MAX_TAG_KEY + 8];
  long v = find_key (s, n, key, out, size);
  if (v != -1 || !user_prefix)
    return v;
  snprintf (k, sizeof k, "user_%s", key);
  if ((v = find_key (s, n, k, out, size)) != -1)
    return v;
  snprintf (k, sizeof k, "user:%s", key);
  return find_key (s, n, k, out, size);
}

const char *
cc_ingest_charge_name (int charge)
{
  static const char *const names[CC_CHARGE_N] = {
    "usage", "purchase", "tax", "credit", "refund", "adjustment"
  };
  return charge >= 0 && charge < CC_CHARGE_N ? names[charge] : "?";
}

int
ingest_is_one_of (const char *s, size_t n, const char *words)
{
  const char *p = words;
  while (*p)
    {
      size_t len = strcspn (p, "|");
      if (len == n && strncasecmp (s, p, n) == 0)
        return 1;
      p += len + (p[len] == '|');
    }
  return 0;
}

/* The category a charge column's word names: FOCUS ChargeCategory (0.5:
 * ChargeType), Azure ChargeType, GCP cost_type.  Anything else that is
 * written is an adjustment; nothing written is usage. */
static int
charge_word (const char *s, size_t n)
{
  if (ingest_is_null (s, n)
      || ingest_is_one_of (s, n, "usage|regular|unusedreservation"
                           "|unusedsavingsplan"))
    return CC_CHARGE_USAGE;
  if (ingest_is_one_of (s, n, "purchase"))
    return CC_CHARGE_PURCHASE;
  if (ingest_is_one_of (s, n, "tax"))
    return CC_CHARGE_TAX;
  if (ingest_is_one_of (s, n, "credit"))
    return CC_CHARGE_CREDIT;
  if (ingest_is_one_of (s, n, "refund"))
    return CC_CHARGE_REFUND;
  return CC_CHARGE_ADJUSTMENT;
}

int
ingest_row_charge (worker *w)
{
  const filectx *fc = w->fc;
  size_t n;
  const char *s;
  int c;
  if (fc->format->charge != NULL)
    return fc->format->charge (w);
  if (fc->role_slot[R_CHARGE] < 0)
    return CC_CHARGE_USAGE;
  s = ingest_slot (w, R_CHARGE, &n);
  c = charge_word (s, n);
  if (fc->role_slot[R_CHARGESUB] >= 0)
    {
      /* FOCUS 0.5: Adjustment with the subcategory Refund or Credit. */
      const char *sub = ingest_slot (w, R_CHARGESUB, &n);
      if (ingest_is_one_of (sub, n, "refund"))
        return CC_CHARGE_REFUND;
      if (ingest_is_one_of (sub, n, "credit"))
        return CC_CHARGE_CREDIT;
    }
  if (fc->role_slot[R_CHARGECLASS] >= 0 && c != CC_CHARGE_CREDIT)
    {
      /* A correction of an earlier period's charge. */
      const char *cls = ingest_slot (w, R_CHARGECLASS, &n);
      if (ingest_is_one_of (cls, n, "correction"))
        return CC_CHARGE_ADJUSTMENT;
    }
  return c;
}
