"""What the hand-run benchmark scripts share: where their data goes, and a median timer."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def median_time(function: Callable[[], object], repeat: int = 3) -> float:
    """Median seconds of `repeat` calls, in this process."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
