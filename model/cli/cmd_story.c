/* cmd_story.c: cloudcast story FIGURES.csv [-o DIR]: the reporter's path
 * from a reported-usage CSV alone (run/story.h). */
#include <config.h>

#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/usage.h"
#include "cli/cmd_case.h"
#include "price/price.h"
#include "reported/case.h"
#include "run/story.h"

int
cc_cmd_story (int argc, char **argv)
{
  cc_opts go;
  cc_story_opts o = { 0 };
  cc_price_book *book = NULL;
  char dir[4096], title[1024];
  int c, rc, verbose = 0, quiet = 0;
  cc_err err;

  o.months = CC_DEFAULT_MONTHS;
  o.photo_mib = CC_DEFAULT_PHOTO_MIB;
  o.dir = "story";
  cc_opts_init (&go, "story");
  while ((c = cc_opts_next (&go, argc, argv)) != -1)
    switch (c)
      {
      case 'h':
        return cc_opts_help (&go);
      case 'o':
        o.dir = optarg;
        break;
      case 'm':
        if ((rc = cc_case_parse_months ("story", optarg, &o.months)) != CC_OK)
          return rc;
        break;
      case 'M':
        o.metric = optarg;
        break;
      case 'k':
        o.sku = optarg;
        break;
      case 'r':
        o.region = optarg;
        break;
      case 'v':
        verbose = 1;
        quiet = 0;
        break;
      case 'q':
        quiet = 1;
        verbose = 0;
        break;
      default:
        return cc_cli_usage ("story: bad option");
      }
  if (argc - optind != 1)
    return cc_cli_usage ("story: give one reported-usage CSV");
  if (o.region != NULL && o.sku == NULL)
    return cc_cli_usage ("story: --region goes with --price");
  o.figures = argv[optind];
  o.notify = verbose ? cc_cli_wrote : NULL;
  cc_err_clear (&err);
  rc = CC_OK;
  if (o.sku != NULL)
    rc = cc_price_books_load (NULL, 0, cc_cli_datafile (dir, sizeof dir,
                                                        "prices"),
                              &book, &err);
  o.book = book;
  if (rc == CC_OK)
    rc = cc_story (&o, title, sizeof title, &err);
  cc_price_book_free (book);
  if (rc != CC_OK && rc != CC_EUNAVAIL)
    return cc_cli_fail (&err);
  if (!quiet)
    printf ("%s\nStory: %s/story.html, with facts.txt, projection.csv%s, "
            "storage.svg and storage.alt.txt beside it\n", title, o.dir,
            o.sku ? ", cost.csv" : "");
  return rc == CC_OK ? CC_OK : cc_cli_fail (&err);
}
