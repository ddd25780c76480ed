"""The `portfolio` command's entry point: Ctrl-C while the tool is still starting ends quietly.

Importing the command line takes a few tenths of a second; a Ctrl-C in that time would
otherwise print Python's traceback of the import. Once the command runs, each command handles
Ctrl-C itself (`portfolio init` says "Cancelled: nothing written.").
"""

from __future__ import annotations

import gc
import sys

INTERRUPTED = 130  # what a shell reports for a command ended by Ctrl-C (128 + SIGINT)


def main() -> None:
    """Import the command line, then run it; exit 130 without a traceback on Ctrl-C.

    The collector of reference cycles is off while the modules load (they make objects by the
    hundred thousand, and no garbage), and what they made is then set aside for good
    (`gc.freeze`): neither the imports nor the exit walk through it again. A tenth of a
    second of every run, measured in bench/README.md."""
    gc.disable()
    try:
        from portfolio_cli.cli import main as run
    except KeyboardInterrupt:
        sys.exit(INTERRUPTED)
    finally:
        gc.freeze()
        gc.enable()
    run()
