#!/usr/bin/env python3
"""race.py DIR VICTIM STOP: another local user attacking cloudcast's
temporaries (tests/reliability.test runs it under a second uid).

Until the file STOP exists, watch DIR for hidden temporaries (cloudcast's
own .cloudcast-PID-XXXXXX.NAME, and the .NAME.tmp.XXXXXX of older
versions) and swap each for a symbolic link to VICTIM: the temporary is
renamed aside and the link planted under its name, so a writer that
reopens or renames the temporary by name would write VICTIM or put the
link in place of its output.  Prints how many temporaries were swapped."""
import os
import re
import sys
import time

TEMP = re.compile(r"^\.(cloudcast-[0-9]+-[A-Za-z0-9]{6}\..+|.+\.tmp\.[A-Za-z0-9]{6})$")


def main():
    d, victim, stop = sys.argv[1:4]
    swapped = 0
    seen = set()
    deadline = time.monotonic() + 300
    while not os.path.exists(stop) and time.monotonic() < deadline:
        try:
            names = os.listdir(d)
        except OSError:
            continue
        for name in names:
            if name in seen or not TEMP.match(name):
                continue
            p = os.path.join(d, name)
            try:
                os.rename(p, os.path.join(d, "stolen-%d" % swapped))
                os.symlink(victim, p)
            except OSError:
                continue
            seen.add(name)
            swapped += 1
    print(swapped)


if __name__ == "__main__":
    main()
