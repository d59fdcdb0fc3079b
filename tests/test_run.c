/* test_run.c: the run pipeline (model/run/run.h): every file it writes,
 * the storage scenarios' pricing, and which charts a scenario gets from
 * the registry (plots/registry.h). */
#include <config.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/output.h"
#include "plots/registry.h"
#include "reported/case.h"
#include "run/run.h"
#include "tap.h"

static const char *top;
static char tmp[512];

static const char *
src (const char *rel)
{
  static char buf[4][1024];
  static int k;
  k = (k + 1) % 4;
  snprintf (buf[k], sizeof buf[k], "%s/%s", top, rel);
  return buf[k];
}

static const char *
out (const char *rel)
{
  static char buf[4][1024];
  static int k;
  k = (k + 1) % 4;
  snprintf (buf[k], sizeof buf[k], "%s/%s", tmp, rel);
  return buf[k];
}

static int
nonempty (const char *path)
{
  struct stat st;
  return stat (path, &st) == 0 && st.st_size > 0;
}

/* Every entry of DIR, sorted, as "a b c". */
static void
listing (const char *dir, char *buf, size_t size)
{
  struct dirent **e;
  int n = scandir (dir, &e, NULL, alphasort), i;
  size_t o = 0;
  buf[0] = '\0';
  for (i = 0; i < n; i++)
    {
      if (strcmp (e[i]->d_name, ".") != 0 && strcmp (e[i]->d_name, "..") != 0
          && o < size)
        o += (size_t) snprintf (buf + o, size - o, "%s%s", o ? " " : "",
                                e[i]->d_name);
      free (e[i]);
    }
  if (n >= 0)
    free (e);
}

static int nwrote;

static void
count_wrote (void *ctx, const char *path)
{
  nwrote += nonempty (path);
}

/* The chart stems a prepared set holds, as "a b c". */
static void
stems (const cc_chartset *set, char *buf, size_t size)
{
  size_t i, o = 0;
  buf[0] = '\0';
  for (i = 0; i < set->n && o < size; i++)
    o += (size_t) snprintf (buf + o, size - o, "%s%s", i ? " " : "",
                            set->chart[i].kind->stem);
}

static void
test_pipeline (void)
{
  char got[2048], want[2048];
  cc_run_opts o;
  cc_run_result r;
  cc_err err;
  int rc;

  cc_run_opts_init (&o, src ("data/scenarios/default.ini"));
  o.dir = out ("run");
  o.draws = 200;
  o.notify = count_wrote;
  nwrote = 0;
  rc = cc_run (&o, &r, &err);
  cc_run_free (&r);
  if (rc == CC_EUNAVAIL)
    {
      skip ("gnuplot is not available");
      return;
    }
  is_int (rc, CC_OK, "cc_run on the default scenario");
  listing (out ("run"), got, sizeof got);
  /* Every file, sorted by name: charts and tables interleave. */
  {
    const char *all[] = { "cost.csv", "crosscloud-drivers.csv",
      "crosscloud.alt.txt", "crosscloud.csv", "crosscloud.png", "crosscloud.svg", "facts.txt", "projection.csv",
      "provenance.csv", "quantities.alt.txt", "quantities.csv",
      "quantities.png", "quantities.svg",
      "report.html", "report.md", "spend.alt.txt", "spend.png", "spend.svg",
      "storage.alt.txt", "storage.json", "storage.png", "storage.svg",
      "tornado.alt.txt", "tornado.csv", "tornado.png", "tornado.svg",
      "value-drivers-monthly.csv", "value-drivers.csv", "value-monthly.csv",
      "value-summary.csv", "value.alt.txt", "value.json", "value.png",
      "value.svg" };
    size_t i, o2 = 0;
    for (i = 0; i < sizeof all / sizeof all[0]; i++)
      o2 += (size_t) snprintf (want + o2, sizeof want - o2, "%s%s",
                               i ? " " : "", all[i]);
  }
  is_str (got, want, "the pipeline writes every table, chart (PNG, SVG, alt "
          "text) and document, and nothing else: no temporary");
  is_int (nwrote, 34, "the notifier hears of each file, written in full");
}

static void
test_no_gnuplot (void)
{
  char got[2048];
  cc_run_opts o;
  cc_run_result r;
  cc_err err;
  FILE *fp;
  char md[4096];
  size_t n;

  setenv ("CLOUDCAST_GNUPLOT", "/nonexistent/gnuplot", 1);
  cc_run_opts_init (&o, src ("data/scenarios/default.ini"));
  o.dir = out ("nogp");
  o.draws = 200;
  is_int (cc_run (&o, &r, &err), CC_EUNAVAIL, "without gnuplot: CC_EUNAVAIL");
  has_str (err.msg, "gnuplot not found", "saying gnuplot is missing");
  cc_run_free (&r);
  unsetenv ("CLOUDCAST_GNUPLOT");
  listing (out ("nogp"), got, sizeof got);
  is_str (got, "cost.csv crosscloud-drivers.csv crosscloud.alt.txt "
          "crosscloud.csv facts.txt "
          "projection.csv provenance.csv quantities.alt.txt quantities.csv "
          "report.html report.md spend.alt.txt "
          "storage.alt.txt "
          "storage.json tornado.alt.txt tornado.csv value-drivers-monthly.csv "
          "value-drivers.csv value-monthly.csv value-summary.csv "
          "value.alt.txt value.json",
          "the tables, alt text and documents are written all the same");
  fp = fopen (out ("nogp/report.md"), "r");
  n = fp ? fread (md, 1, sizeof md - 1, fp) : 0;
  md[n] = '\0';
  if (fp)
    fclose (fp);
  has_str (md, "Charts are missing from this run: gnuplot not found",
           "report.md says why the charts are missing");
}

static void
test_pricing (void)
{
  cc_price_book *book = NULL;
  const char *skus[2] = { "blob-hot-lrs", "blob-cool-lrs" };
  const double share1[1] = { 1 }, share2[2] = { 0.5, 0.5 };
  cc_scenario scn[2];
  double proj[2] = { 100, 1000 }, cost[2], q, want;
  const char *currency = NULL;
  cc_case_view v;
  cc_err err;

  is_int (cc_price_book_read (src ("data/prices/azure-blob.csv"), &book, &err),
          CC_OK, "the Azure blob price book loads");
  memset (&v, 0, sizeof v);
  memset (scn, 0, sizeof scn);
  v.unit = "TB";
  v.unit_bytes = 1e12;
  v.nscn = 2;
  v.scn = scn;
  v.months = 1;
  v.proj = proj;
  is_int (cc_case_cost (&v, book, skus, share1, 1, "eastus", cost, &currency,
                        &err), CC_OK, "price two scenarios of one month");
  is_str (currency, "USD", "in the sku's currency");
  /* 100 TB = 93,132 GiB: 51,200 GiB at 0.0208, the rest at 0.019968. */
  q = 100e12 / 1073741824.0;
  want = 51200 * 0.0208 + (q - 51200) * 0.019968;
  is_rel (cost[0], want, 1e-12, "100 TB of hot LRS is %.2f USD a month", want);
  /* 1000 TB crosses the third tier at 512,000 GiB. */
  q = 1000e12 / 1073741824.0;
  want = 51200 * 0.0208 + (512000 - 51200) * 0.019968 + (q - 512000) * 0.019136;
  is_rel (cost[1], want, 1e-12, "1000 TB through three tiers is %.2f USD",
          want);
  is_int (cc_case_cost (&v, book, skus, share2, 2, "eastus", cost, &currency,
                        &err), CC_OK, "a half hot, half cool mix");
  ok (cost[0] < 51200 * 0.0208 + (100e12 / 1073741824.0 - 51200) * 0.019968,
      "costs less than all hot");
  skus[0] = "no-such-sku";
  ok (cc_case_cost (&v, book, skus, share1, 1, "eastus", cost, &currency,
                    &err) != CC_OK, "an unknown sku is an error: %s", err.msg);
  cc_price_book_free (book);

  is_int (cc_price_book_read (src ("data/prices/azure-vm.csv"), &book, &err),
          CC_OK, "a book of hourly virtual machines");
  skus[0] = "vm-b1s-linux";
  is_int (cc_case_cost (&v, book, skus, share1, 1, "eastus", cost, &currency,
                        &err), CC_EDATA, "a sku priced per hour");
  has_str (err.msg, "not a capacity unit", "is refused by name");
  cc_price_book_free (book);
}

static void
test_case (void)
{
  cc_case cs;
  cc_err err;

  is_int (cc_case_load (&cs, src ("data/reported/azure-storage-2025.csv"),
                        NULL, 36, 3.0, &err), CC_OK,
          "the reported storage loads as a case");
  is_int (cs.view.nscn, 7, "seven named scenarios");
  is_int (cs.view.months, 36, "over 36 months");
  is_rel (cs.view.facts.multiple, 3.5, 1e-12, "400 TB to 1,400 TB: x3.5");
  is_str (cs.view.scn[cs.view.nscn - 1].name, "exponential",
          "the exponential scenario last");
  is_rel (cs.view.proj[(cs.view.nscn - 1) * 36 + 11], 17150, 1e-9,
          "exponential: 17,150 TB twelve months on");
  cc_case_free (&cs);
  is_int (cc_case_load (&cs, src ("data/reported/azure-storage-2025.csv"),
                        "no-such-metric", 36, 3.0, &err), CC_EDATA,
          "an unknown metric");
  has_str (err.msg, "no metric 'no-such-metric'", "is named");
  cc_case_free (&cs);
}

/* Prepare the charts of SCENARIO (GROUPS) and list their stems. */
static void
chart_list (const char *scenario, unsigned groups, const char *want,
            const char *what)
{
  cc_run_opts o;
  cc_run_result r;
  cc_chart_data d;
  char got[512];
  cc_err err;
  size_t i;
  int alt_ok = 1;

  cc_run_opts_init (&o, scenario);
  o.draws = 200;
  if (cc_run_load (&o, 1, &r, &err) != CC_OK)
    {
      ok (0, "%s: loads (%s)", what, err.msg);
      cc_run_free (&r);
      return;
    }
  cc_run_chart_data (&r, &d);
  is_int (cc_charts_prepare (&r.charts, &d, groups, &err), CC_OK,
          "%s: charts prepared", what);
  stems (&r.charts, got, sizeof got);
  is_str (got, want, "%s: charts %s", what, want);
  for (i = 0; i < r.charts.n; i++)
    alt_ok &= !r.charts.chart[i].draw || r.charts.chart[i].alt[0] != '\0';
  ok (alt_ok, "%s: every chart with something to draw has alt text", what);
  cc_run_free (&r);
}

static void
test_chart_lists (void)
{
  char ini[1024];
  FILE *fp;
  size_t i, j;
  int unique = 1;

  is_int (cc_chart_nkind, 9, "nine chart kinds registered");
  for (i = 0; i < cc_chart_nkind; i++)
    for (j = i + 1; j < cc_chart_nkind; j++)
      unique &= strcmp (cc_chart_registry[i]->stem,
                        cc_chart_registry[j]->stem) != 0;
  ok (unique, "each with its own file stem");
  is_str (cc_chart_registry[0]->stem, "storage", "the storage story first");

  chart_list (src ("data/scenarios/default.ini"), CC_CHARTS_ALL,
              "storage spend value tornado crosscloud quantities",
              "with storage");
  chart_list (src ("tests/data/scenarios/simple.ini"), CC_CHARTS_ALL,
              "spend value tornado crosscloud quantities", "without storage");
  chart_list (src ("tests/data/scenarios/fitted.ini"), CC_CHARTS_ALL,
              "spend value tornado crosscloud quantities usage models",
              "with a fitted driver");
  chart_list (src ("tests/data/scenarios/fitted.ini"), CC_CHARTS_VALUE,
              "spend value tornado crosscloud quantities",
              "the value command's charts of a fitted driver");

  /* No uncertain assumption: the tornado is listed with nothing to draw. */
  snprintf (ini, sizeof ini, "%s/constant.ini", tmp);
  fp = fopen (ini, "w");
  if (fp != NULL)
    {
      fprintf (fp, "[scenario]\nname = constant\nstart = 2026-02\n"
               "horizon = 12\ncurrency = USD\nseed = 1\ndraws = 100\n"
               "providers = test\nprice_books = %s\n\n[driver flat]\n"
               "family = storage\nquantity = 500\nsku.test = cool\n",
               src ("tests/data/prices/terms.csv"));
      fclose (fp);
    }
  {
    cc_run_opts o;
    cc_run_result r;
    cc_chart_data d;
    cc_err err;
    cc_run_opts_init (&o, ini);
    if (cc_run_load (&o, 1, &r, &err) == CC_OK)
      {
        cc_run_chart_data (&r, &d);
        cc_charts_prepare (&r.charts, &d, CC_CHARTS_ALL, &err);
        ok (r.charts.n == 5 && strcmp (r.charts.chart[2].kind->stem,
                                       "tornado") == 0
            && !r.charts.chart[2].draw && r.charts.chart[2].alt[0] == '\0'
            && r.charts.chart[1].draw,
            "constant assumptions: tornado listed, nothing to draw, no alt");
      }
    else
      ok (0, "constant.ini loads: %s", err.msg);
    cc_run_free (&r);
  }
}

int
main (void)
{
  char cmd[600];
  top = getenv ("top_srcdir");
  if (top == NULL)
    top = ".";
  snprintf (tmp, sizeof tmp, "%s/cc-run.XXXXXX",
            getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp");
  if (mkdtemp (tmp) == NULL)
    return 99;
  test_case ();
  test_pricing ();
  test_chart_lists ();
  test_pipeline ();
  test_no_gnuplot ();
  snprintf (cmd, sizeof cmd, "rm -rf '%s'", tmp);
  if (system (cmd) != 0)
    printf ("# could not remove %s\n", tmp);
  return done_testing ();
}
