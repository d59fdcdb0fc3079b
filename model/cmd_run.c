/* cmd_facts.c: cloudcast run (being written). */
#include <config.h>
#include "cli.h"
int
cc_cmd_run (int argc, char **argv)
{
  (void) argc; (void) argv;
  return cc_cli_usage ("run: not written yet");
}
