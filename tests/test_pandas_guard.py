"""`classify` to CSV works on Arrow and numpy arrays only: pandas is not even imported.

Each test runs the command in a fresh Python process (this one has pandas loaded already).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import CRIT, EX, Run

CLASSIFY = """
import json, sys
from portfolio_cli.cli import main
sys.argv = ["portfolio", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "pandas": "pandas" in sys.modules}))
"""


def _classify(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CLASSIFY, json.dumps(["classify", *args])],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return found


def test_classify_to_csv_does_not_import_pandas(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    found = _classify(EX, "-c", CRIT, "-o", str(out), "--as-of", "2026-12-01", "-q")
    assert found == {"code": 0, "pandas": False}
    # the same bytes as the same command run here, where pandas is loaded
    here = tmp_path / "here.csv"
    assert run("classify", EX, "-c", CRIT, "-o", str(here), "--as-of", "2026-12-01").exit_code == 0
    assert out.read_bytes() == here.read_bytes()
    assert out.read_bytes().startswith(b"customer_id,name,segment,priority,")


def test_classify_streamed_to_csv_does_not_import_pandas(tmp_path: Path) -> None:
    whole, streamed = tmp_path / "whole.csv", tmp_path / "streamed.csv"
    common = ("-c", CRIT, "--as-of", "2026-12-01", "-q", "--keep-columns")
    assert _classify(EX, "-o", str(whole), *common) == {"code": 0, "pandas": False}
    found = _classify(EX, "-o", str(streamed), "--chunk-rows", "70", *common)
    assert found == {"code": 0, "pandas": False}
    assert streamed.read_bytes() == whole.read_bytes()


def test_other_formats_still_get_pandas_when_they_need_it(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    found = _classify(EX, "-c", CRIT, "-o", str(out), "--history", str(tmp_path / "h.sqlite"))
    assert found == {"code": 0, "pandas": True}
    assert (tmp_path / "h.sqlite").exists()


AFTERWARDS = """
import sys
from portfolio_cli.cli import main
source, criteria, out = sys.argv[1:]
sys.argv = ["portfolio", "classify", source, "-c", criteria, "-o", out, "-q"]
try:
    main()
except SystemExit:
    pass
assert "pandas" not in sys.modules
import pandas as pd
import pyarrow as pa
from portfolio_cli.criteria import load_criteria
from portfolio_cli.engine import classify
from portfolio_cli.readers import read_customers
frame = classify(read_customers(source, "customer_id"), load_criteria(criteria)).customers
print(len(frame), frame["segment"].dtype, pa.array(pd.Categorical(["a"])).type)
"""


def test_pandas_works_again_after_the_command(tmp_path: Path) -> None:
    # pyarrow looked for pandas while it was kept out: it finds it on its next real need
    done = subprocess.run(
        [sys.executable, "-c", AFTERWARDS, EX, CRIT, str(tmp_path / "out.csv")],
        capture_output=True,
        text=True,
        check=True,
    )
    rows, dtype, arrow_type = done.stdout.split(maxsplit=2)
    assert (rows, dtype) == ("300", "category")
    assert arrow_type.startswith("dictionary<")  # a categorical is recognised as pandas again
