"""The pipeline from Python: read → join → classify → write, without the command line."""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import AS_OF, CRIT, EX, Run, Write
from portfolio_cli import pipeline
from portfolio_cli.criteria import load_criteria
from portfolio_cli.errors import PortfolioError
from portfolio_cli.inputs import InputFlags
from portfolio_cli.writers.sink import OutputSink

DAY = dt.date.fromisoformat(AS_OF)


def _no_stdout(data: bytes) -> None:
    raise AssertionError("this run writes to a file")


def test_the_example_gives_segments_summary_and_warnings_as_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rules = load_criteria(CRIT)
    done = pipeline.classify(EX, rules, pipeline.Options(DAY))
    table = done.output()
    segments = table.column("segment").cast("string").to_pylist()
    assert done.summary.total == len(segments) == 300
    for key, count in done.summary.segments.items():
        assert segments.count(key) == count
    assert table.column("priority").to_pylist() == list(range(1, 301))
    assert done.source == EX
    assert done.warnings == ()
    assert done.delimiter == ","
    assert capsys.readouterr() == ("", "")  # a library: nothing printed


ORDER_BY_CODE = """\
version: 1
customers:
  id: id
criteria:
  - key: big
    when: spent > 10
policy:
  order_by: [code desc]
"""


def test_warnings_come_back_as_issues(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    rules = write("criteria.yaml", ORDER_BY_CODE)
    data = write("c.csv", "id,spent,code\nA,12,100\nB,3,99\nC,40,1O1\n")
    done = pipeline.classify(str(data), load_criteria(rules), pipeline.Options(DAY))
    assert [issue.code for issue in done.warnings] == ["input"]
    assert "'code' is read as text" in done.warnings[0].message
    assert "1O1" in done.warnings[0].message
    assert capsys.readouterr() == ("", "")


def test_an_error_carries_the_warnings_found_before_it(run: Run, write: Write) -> None:
    rules = write("criteria.yaml", ORDER_BY_CODE)
    data = write("c.csv", "id,spent,code\nA,12,100\nB,much,99\nC,40,1O1\n")
    with pytest.raises(PortfolioError) as raised:
        pipeline.classify(str(data), load_criteria(rules), pipeline.Options(DAY))
    assert "'spent'" in str(raised.value)
    assert [issue.code for issue in raised.value.warnings] == ["input"]
    # the command line shows the warning, then the error
    result = run("classify", str(data), "-c", str(rules), "-o", str(data.parent / "out.csv"))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("warning: policy.order_by: 'code' is read as text")
    assert lines[1].startswith("error: ")
    assert "'spent'" in lines[1]
    assert not (data.parent / "out.csv").exists()
    quiet = run("classify", str(data), "-c", str(rules), "-q", "-f", "csv")
    assert quiet.exit_code == 2
    assert quiet.stderr.startswith("error: ")


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown", "xlsx"])
def test_a_sink_writes_what_the_command_writes(run: Run, tmp_path: Path, fmt: str) -> None:
    suffix = {"csv": ".csv", "json": ".json", "markdown": ".md", "xlsx": ".xlsx"}[fmt]
    by_hand = tmp_path / f"cli{suffix}"
    result = run("classify", EX, "-c", CRIT, "--as-of", AS_OF, "-o", str(by_hand), "-q")
    assert result.exit_code == 0, result.stderr
    from_python = tmp_path / f"python{suffix}"
    sink = OutputSink(fmt, from_python, _no_stdout)
    done = pipeline.run(EX, load_criteria(CRIT), sink, pipeline.Options(DAY))
    assert done.summary.total == 300
    if fmt == "xlsx":  # a workbook holds its creation time: compare its sheet
        import zipfile

        sheet = "xl/worksheets/sheet1.xml"
        sheets = [zipfile.ZipFile(p).read(sheet) for p in (by_hand, from_python)]
        assert sheets[0] == sheets[1]
    else:
        assert from_python.read_bytes() == by_hand.read_bytes()


def test_the_plan_refuses_table_without_a_database() -> None:
    with pytest.raises(PortfolioError, match="--table"):
        pipeline.plan(EX, pipeline.Options(DAY, table="customers"))
    assert pipeline.plan(EX, pipeline.Options(DAY)).engine == "arrow"


# --- in parts or in memory: the same bytes and the same summary ---------------------------------

CRITERIA = """\
version: 1
customers:
  id: id
  name: name
listening:
  nps: score
criteria:
  - key: big
    when: spent >= 500
  - key: fan
    when: score >= 9
  - key: recent
    when: days_since(last) < 365
problems:
  - key: far
    when: region in ["Corse", "Guyane"]
  - key: noisy
    when: complaints > 2
    compensable: true
policy:
  compensate_with: 2
  order_by: [spent desc, last asc]
"""


def _customers(rng: random.Random, rows: int, french: bool, titles: bool) -> str:
    """A random list: blanks in every column, ties, names a spreadsheet would run, French
    decimal commas, thousands and day-first dates (`;`) or plain ones (`,`), title lines."""
    sep = ";" if french else ","
    lines = [sep.join(["id", "name", "spent", "score", "last", "region", "complaints"])]
    for number in rng.sample(range(100_000), rows):
        whole = rng.choice([0, 3, 500, 1234, 999])
        cents = rng.choice([0, 5, 25])
        if french:
            spent = f"{whole:,}".replace(",", "\u202f") + (f",{cents}" if cents else "")
            last = rng.choice(["05/11/2026", "31/01/2025", "01/12/2026"])
        else:
            spent = f"{whole}" + (f".{cents}" if cents else "")
            last = rng.choice(["2026-11-05", "2025-01-31", "2026-12-01"])
        cells = [
            f"K{number:05d}",
            rng.choice(["Alice", "=SUM(1)", "Élodie", "", "Bob; Jr."]),
            rng.choice([spent, spent, ""]),
            rng.choice(["", "3", "7", "9", "10"]),
            rng.choice([last, last, ""]),
            rng.choice(["Corse", "Var", "Guyane", ""]),
            rng.choice(["", "0", "1", "4"]),
        ]
        lines.append(sep.join(f'"{cell}"' if sep in cell else cell for cell in cells))
    title = f"Export clients{sep}{sep}\n{sep}{sep}\n" if titles else ""
    return title + "\n".join(lines) + "\n"


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.integers(0, 2**32 - 1),
    rows=st.integers(3, 60),
    chunk=st.integers(1, 9),
    french=st.booleans(),
    titles=st.booleans(),
    keep_columns=st.booleans(),
    segment=st.sampled_from([None, "satisfied", "easy_to_satisfy", "unrecoverable"]),
)
def test_in_parts_and_in_memory_give_the_same_bytes_and_summary(
    seed: int,
    rows: int,
    chunk: int,
    french: bool,
    titles: bool,
    keep_columns: bool,
    segment: str | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import portfolio_cli.chunked as chunked

    parts: list[int] = []
    classify = chunked.classify

    def counted(*args: Any, **kwargs: Any) -> Any:
        parts.append(1)
        return classify(*args, **kwargs)

    monkeypatch.setattr(chunked, "classify", counted)
    monkeypatch.setattr(chunked, "WRITE_ROWS", 4)  # the output written in several pieces too
    chunk = min(chunk, rows - 1)  # at least two parts
    rules = load_criteria_text(CRITERIA)
    text = _customers(random.Random(seed), rows, french, titles)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "customers.csv"
        data.write_text(text, encoding="utf-8")
        written: dict[str, bytes] = {}
        summaries: dict[str, str] = {}
        for name, size in (("whole", None), ("parts", chunk)):
            out = Path(folder) / f"{name}.csv"
            options = pipeline.Options(
                DAY, InputFlags(), chunk_rows=size, keep_columns=keep_columns, segment=segment
            )
            done = pipeline.run(str(data), rules, OutputSink("csv", out, _no_stdout), options)
            assert (done.result is None) == (name == "parts")  # really read in parts
            written[name] = out.read_bytes()
            summaries[name] = json.dumps(done.summary.to_dict(), sort_keys=True)
    assert written["parts"] == written["whole"]
    assert summaries["parts"] == summaries["whole"]
    assert len(parts) == -(-rows // chunk)  # one classification per part
    header = written["whole"].decode("utf-8-sig").splitlines()[0]
    assert header.startswith(("id,name,segment,priority", "id;name;segment;priority"))


def load_criteria_text(text: str) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "criteria.yaml"
        path.write_text(text, encoding="utf-8")
        return load_criteria(path)
