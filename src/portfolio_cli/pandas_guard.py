"""Keep pandas out of a command that does not need it.

pyarrow imports pandas, when it is installed, the first time it converts a Python object or
makes a numpy view of an array (its pandas integration is looked up then) — about 0.15 s and
30 MiB for `classify` to CSV, which works on Arrow and numpy arrays only. Inside
`without_pandas()` an import of pandas fails as if it were not installed: pyarrow then does
without it. Afterwards pyarrow imports pandas again on its first real need (`to_pandas`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType


class _NoPandas(MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if fullname.partition(".")[0] == "pandas":
            raise ModuleNotFoundError("pandas is not used by this command", name=fullname)
        return None


@contextmanager
def without_pandas(enabled: bool = True) -> Iterator[None]:
    """While inside, `import pandas` fails (unless pandas is imported already)."""
    if not enabled or "pandas" in sys.modules:
        yield
        return
    finder = _NoPandas()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
