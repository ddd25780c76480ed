"""The `portfolio` command's entry point: Ctrl-C while the tool is still starting ends quietly.

Importing the command line takes a few tenths of a second; a Ctrl-C in that time would
otherwise print Python's traceback of the import. Once the command runs, each command handles
Ctrl-C itself (`portfolio init` says "Cancelled: nothing written.").
"""

from __future__ import annotations

import atexit
import gc
import sys

INTERRUPTED = 130  # what a shell reports for a command ended by Ctrl-C (128 + SIGINT)
_DEFAULT_THRESHOLDS = gc.get_threshold()


def main() -> None:
    """Import the command line, then run it; exit 130 without a traceback on Ctrl-C.

    The collector of reference cycles runs less often while the modules load (they make
    objects by the hundred thousand, and no garbage), and at exit every object left is set
    aside (`gc.freeze`): the interpreter's last collection does not walk through them all
    before the process ends. Together a tenth of a second of every run (bench/README.md)."""
    atexit.register(gc.freeze)  # runs before the interpreter's final collection
    gc.set_threshold(100_000, 50, 100)
    try:
        from portfolio_cli.cli import main as run
    except KeyboardInterrupt:
        sys.exit(INTERRUPTED)
    finally:
        gc.set_threshold(*_DEFAULT_THRESHOLDS)
    run()
