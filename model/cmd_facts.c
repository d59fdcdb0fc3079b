/* cmd_facts.c: cloudcast facts (being written). */
#include <config.h>
#include "cli.h"
int
cc_cmd_facts (int argc, char **argv)
{
  (void) argc; (void) argv;
  return cc_cli_usage ("facts: not written yet");
}
