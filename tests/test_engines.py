"""`--engine duckdb` gives what `--engine arrow` gives: the same bytes, the same summary.

A differential test: the example, the French fixture, every file of the corpus and random
frames with missing values under random conditions from the grammar (the strategies of
test_conditions_evaluate.py) go through both engines; any difference is a bug in one of them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import CRIT, EX, ONE_CRITERION, Run, Write
from portfolio_cli import engines
from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.criteria import parse_criteria, required_columns
from portfolio_cli.engine import classify as arrow_classify
from portfolio_cli.engines import duckdb as duck
from portfolio_cli.errors import InputError
from portfolio_cli.readers import CsvOptions, read_customers
from portfolio_cli.writers import formats
from test_conditions_evaluate import AS_OF as CONDITION_AS_OF
from test_conditions_evaluate import KINDS, conditions, frames

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
FRENCH = DATA / "customers-fr.csv"
AS_OF = "2026-11-23"


def both(run: Run, *args: str) -> tuple[object, object]:
    """The same command with each engine: (exit code, stdout, stderr) each."""
    outputs = []
    for engine in ("arrow", "duckdb"):
        result = run(*args, "--engine", engine)
        outputs.append((result.exit_code, result.stdout, result.stderr))
    return outputs[0], outputs[1]


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("source", [EX, str(FRENCH)], ids=["example", "french"])
def test_duckdb_writes_the_bytes_arrow_writes(run: Run, source: str, fmt: str) -> None:
    arrow, duckdb = both(run, "classify", source, "-c", CRIT, "-f", fmt, "--as-of", AS_OF)
    assert arrow == duckdb
    assert arrow[0] == 0


def test_keep_columns_segment_and_fail_under_behave_alike(run: Run) -> None:
    args = ("classify", EX, "-c", CRIT, "-f", "csv", "--as-of", AS_OF, "--keep-columns")
    arrow, duckdb = both(run, *args, "--fail-under", "90")
    assert arrow == duckdb
    assert arrow[0] == 1


def test_the_table_format_and_markdown_are_the_same(run: Run) -> None:
    for fmt in ("table", "markdown"):
        arrow, duckdb = both(run, "classify", EX, "-c", CRIT, "-f", fmt, "--as-of", AS_OF)
        assert arrow == duckdb


def _corpus_criteria(path: Path) -> str | None:
    """A criteria file that reads every column of a corpus file, by its kind."""
    try:
        customers = read_customers(path, "id", options=CsvOptions())
    except InputError:
        return None
    criteria, problems, order_by = [], [], []
    for name, kind in customers.kinds.items():
        if name == "id":
            continue
        quoted = f"`{name}`"
        if kind is Kind.NUMBER:
            criteria.append({"key": f"c{len(criteria)}", "when": f"{quoted} > 5"})
            order_by.append(f"{name} desc")
        elif kind is Kind.TEXT:
            criteria.append({"key": f"c{len(criteria)}", "when": f'contains({quoted}, "a")'})
            order_by.append(f"{name} asc")
        elif kind is Kind.DATE:
            criteria.append({"key": f"c{len(criteria)}", "when": f"days_since({quoted}) > 300"})
        problems.append({"key": f"p{len(problems)}", "when": f"missing({quoted})"})
    if not criteria:
        criteria.append({"key": "any", "when": 'id != ""'})
    document = {
        "version": 1,
        "customers": {"id": "id"},
        "criteria": criteria[:3],
        "problems": problems,
        "policy": {"order_by": order_by[:2]},
    }
    return yaml.safe_dump(document, allow_unicode=True)


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir()))
def test_every_corpus_file_gives_the_same_output_or_error(
    run: Run, write: Write, name: str
) -> None:
    path = CORPUS / name
    text = (
        _corpus_criteria(path)
        or 'version: 1\ncustomers:\n  id: id\ncriteria:\n  - key: a\n    when: id != ""\n'
    )
    criteria = write("c.yaml", text)
    for fmt, more in (("csv", ()), ("csv", ("--keep-columns",)), ("json", ())):
        arrow, duckdb = both(
            run, "classify", str(path), "-c", str(criteria), "-f", fmt, "--as-of", AS_OF, *more
        )
        assert arrow == duckdb, (fmt, more)


# --- random frames and conditions ----------------------------------------------------------------


def _document(
    texts: list[str],
    compensable: bool,
    order_by: list[str],
    name: str | None = None,
    nps: str | None = None,
) -> str:
    """A criteria file: two criteria and a problem from `texts`, on the columns of `frames()`."""
    document: dict[str, object] = {
        "version": 1,
        "customers": {"id": "id", **({"name": name} if name else {})},
        "criteria": [{"key": f"c{i}", "when": t} for i, t in enumerate(texts[:2])],
        "problems": [{"key": "p", "when": texts[2], "compensable": compensable}],
        "policy": {"order_by": order_by, "compensate_with": 1},
    }
    if nps:
        document["listening"] = {"nps": nps}
    return yaml.safe_dump(document, allow_unicode=True)


def _criteria(texts: list[str], compensable: bool, order_by: list[str]) -> object:
    return parse_criteria(_document(texts, compensable, order_by), "random.yaml")


ORDER_KEYS = ["n1 desc", "n2 asc", "t1 asc", "t2 desc", "d desc", "b asc", "e asc"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=frames(),
    texts=st.lists(conditions(), min_size=3, max_size=3),
    compensable=st.booleans(),
    order_by=st.lists(
        st.sampled_from(ORDER_KEYS),
        max_size=2,
        unique_by=lambda key: key.split()[0],
    ),
)
def test_random_frames_and_conditions_give_the_same_result(
    data: tuple[pd.DataFrame, list[dict[str, object]]],
    texts: list[str],
    compensable: bool,
    order_by: list[str],
) -> None:
    frame, _ = data
    frame = frame.reset_index(drop=True)
    frame.insert(0, "id", pd.Series([f"r{i % 7}{i}" for i in range(len(frame))], dtype="str"))
    criteria = _criteria(texts, compensable, order_by)
    arrow = arrow_classify(frame, criteria, CONDITION_AS_OF)  # type: ignore[arg-type]
    duckdb = duck.classify(frame, criteria, CONDITION_AS_OF)  # type: ignore[arg-type]
    assert formats.to_csv(formats.output_table(duckdb)) == formats.to_csv(
        formats.output_table(arrow)
    )
    assert duckdb.summary == arrow.summary
    for a, b in zip(arrow.results, duckdb.results, strict=True):
        assert (a.met == b.met).all()
        assert (a.unknown == b.unknown).all()


# --- random files through DuckDB's own scanners (`duck.scanned`), against the Arrow engine -------

# id prefixes: text the output writes quoted, neutralised or left alone (`-12` is a number)
ID_PREFIXES = ["r", "007", "=1+1", "-12", 'say "hi"', "a,b", "é", "x y", "@", "+1"]
NUMBER_STYLES = [repr, "{:g}".format]  # 1.0 and -2.0, or 1 and -2: both plain numbers
BOOL_STYLES = [("true", "false"), ("True", "False"), ("TRUE", "FALSE")]


@st.composite
def plain_files(draw: st.DrawFn) -> tuple[list[str], list[list[str]], str, str, bool]:
    """A frame of `frames()` (missing values included) as the cells of a plain UTF-8 CSV file:
    the header, the rows, the delimiter, the line ending and whether it starts with a BOM."""
    _, rows = draw(frames())
    number = draw(st.sampled_from(NUMBER_STYLES))
    yes, no = draw(st.sampled_from(BOOL_STYLES))
    prefix = draw(st.sampled_from(ID_PREFIXES))
    ids = draw(st.permutations(range(len(rows))))

    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return yes if value else no
        if isinstance(value, float):
            return number(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    header = ["id", *KINDS]
    cells = [
        [f"{prefix}{i}", *(cell(row[name]) for name in KINDS)]
        for i, row in zip(ids, rows, strict=True)
    ]
    delimiter = draw(st.sampled_from([",", "\t", "|"]))
    return header, cells, delimiter, draw(st.sampled_from(["\n", "\r\n"])), draw(st.booleans())


def _csv_text(header: list[str], rows: list[list[str]], delimiter: str, ending: str) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=ending)
    writer.writerows([header, *rows])
    return buffer.getvalue()


@st.composite
def random_rules(draw: st.DrawFn) -> tuple[list[str], bool, list[str], str | None, str | None]:
    """Conditions, compensable, order_by, the name column and the NPS column of a criteria file
    on the columns of `frames()`."""
    return (
        draw(st.lists(conditions(), min_size=3, max_size=3)),
        draw(st.booleans()),
        draw(st.lists(st.sampled_from(ORDER_KEYS), max_size=2, unique_by=lambda k: k.split()[0])),
        draw(st.sampled_from([None, None, "t1"])),
        draw(st.sampled_from([None, None, "n2"])),
    )


Outcome = tuple[int, str, str, bytes | None]


def _each_engine(
    run: Run, source: Path, criteria: Path, *more: str
) -> tuple[Outcome, Outcome, bool]:
    """`classify source` with each engine, `-o out.csv` when `more` is empty (else `more`):
    (exit code, stdout, stderr, the output file's bytes or None) each, and whether DuckDB's
    own scanner classified the file (its rows then never pass through Python for `-o`)."""
    taken: list[bool] = []
    original = duck._prepared

    @contextmanager
    def spied(*args: Any, **kwargs: Any) -> Iterator[duck.Prepared | None]:
        with original(*args, **kwargs) as found:
            taken.append(found is not None)
            yield found

    outcomes = []
    out = source.parent / "out.csv"  # the same name: the summary on stderr names it
    for engine in ("arrow", "duckdb"):
        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(duck, "_prepared", spied)
            if not more:
                patched.setattr(duck, "_numbered_tables", _not_called)
            result = run(
                "classify", str(source), "-c", str(criteria), "--as-of", str(CONDITION_AS_OF),
                "--engine", engine, *(more or ("-o", str(out))),
            )  # fmt: skip
        written = out.read_bytes() if out.exists() else None
        outcomes.append((result.exit_code, result.stdout, result.stderr, written))
        out.unlink(missing_ok=True)
    assert taken in ([], [False], [True])  # the arrow engine never reaches DuckDB
    return outcomes[0], outcomes[1], taken == [True]


def _text_kind(column: list[str], named: bool) -> bool:
    """Whether our reader types a column of `frames()` as text: the name column, or a text
    column with a cell that is not blank."""
    return named or any(column)


# the random-file tests of DuckDB's own scanners: files written per example, the `run` fixture
# shared by them
SCANNED_FILES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@SCANNED_FILES
@given(file=plain_files(), rules=random_rules())
def test_random_csv_files_through_duckdbs_scanner_give_the_arrow_engines_bytes(
    run: Run,
    file: tuple[list[str], list[list[str]], str, str, bool],
    rules: tuple[list[str], bool, list[str], str | None, str | None],
) -> None:
    import tempfile

    header, rows, delimiter, ending, bom = file
    texts, compensable, order_by, name, nps = rules
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "customers.csv"
        text = _csv_text(header, rows, delimiter, ending)
        source.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
        criteria = Path(folder) / "criteria.yaml"
        criteria.write_text(_document(texts, compensable, order_by, name, nps), encoding="utf-8")
        arrow, duckdb, taken = _each_engine(run, source, criteria)
        assert duckdb == arrow
        columns = {column: [row[i] for row in rows] for i, column in enumerate(header)}
        text_order = any(
            _text_kind(columns[key.split()[0]], key.split()[0] == name)
            for key in order_by
            if key.startswith("t")
        )
        # DuckDB's scanner reads every such file; our reader says what is wrong with the others
        assert taken is (arrow[0] != 2 and not text_order), arrow[2]
        event("read by DuckDB's scanner" if taken else "read by our reader")
        arrow, duckdb, _ = _each_engine(run, source, criteria, "-f", "json")
        assert duckdb == arrow
        if arrow[0] != 2:
            assert json.loads(duckdb[1])["summary"] == json.loads(arrow[1])["summary"]


@st.composite
def parquet_parts(draw: st.DrawFn) -> tuple[pa.Table, list[int]]:
    """A frame of `frames()` as a Parquet table (float64 with NaN or infinities, int64, bool,
    date32, text; integer or text ids) and where it is cut into files."""
    _, rows = draw(frames())
    size = len(rows)

    def values(name: str) -> list[Any]:
        return [row[name] for row in rows]

    def gap() -> float | None:
        return draw(st.sampled_from([None, float("nan")]))

    numbers = [gap() if v is None else v for v in values("n1")]
    if size and draw(st.booleans()):
        numbers[draw(st.integers(0, size - 1))] = draw(st.sampled_from([math.inf, -math.inf]))
    ids: pa.Array = pa.array(draw(st.permutations(range(size))), pa.int64())
    if draw(st.booleans()):
        ids = pa.array([f"{draw(st.sampled_from(ID_PREFIXES))}{i}" for i in ids.to_pylist()])
    table = pa.table(
        {
            "id": ids,
            "n1": pa.array(numbers, pa.float64()),
            "n2": pa.array([None if v is None else int(v) for v in values("n2")], pa.int64()),
            "t1": pa.array(values("t1"), pa.string()),
            "t2": pa.array(values("t2"), pa.string()),
            "d": pa.array(values("d"), pa.date32()),
            "b": pa.array(values("b"), pa.bool_()),
            "e": pa.array(values("e"), pa.string()),
        }
    )
    cuts = sorted(draw(st.lists(st.integers(0, size), max_size=2)))
    return table, cuts


def _blank(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


@SCANNED_FILES
@given(parts=parquet_parts(), rules=random_rules())
def test_random_parquet_files_through_duckdbs_scanner_give_the_arrow_engines_bytes(
    run: Run,
    parts: tuple[pa.Table, list[int]],
    rules: tuple[list[str], bool, list[str], str | None, str | None],
) -> None:
    import tempfile

    import pyarrow.parquet as pq

    table, cuts = parts
    texts, compensable, order_by, name, nps = rules
    document = _document(texts, compensable, order_by, name, nps)
    with tempfile.TemporaryDirectory() as folder:
        bounds = [0, *cuts, table.num_rows]
        for i, (start, end) in enumerate(itertools.pairwise(bounds)):
            pq.write_table(table.slice(start, end - start), Path(folder) / f"part-{i}.parquet")
        source = Path(folder) / "part-*.parquet"
        criteria = Path(folder) / "criteria.yaml"
        criteria.write_text(document, encoding="utf-8")
        arrow, duckdb, taken = _each_engine(run, source, criteria)
        assert duckdb == arrow
        # DuckDB reads the files when the first file's first rows give each needed column a
        # value (a column without one is of no kind DuckDB's types can say) and all is well
        first = table.slice(0, bounds[1])
        needed = required_columns(parse_criteria(document, "c.yaml"))
        valued = all(
            not all(_blank(v) for v in first.column(column).to_pylist())
            for column in needed
            if column not in ("id", name)
        )
        assert taken is (arrow[0] != 2 and first.num_rows > 0 and valued), arrow[2]
        event("read by DuckDB's scanner" if taken else "read by our reader")
        arrow, duckdb, _ = _each_engine(run, source, criteria, "-f", "json")
        assert duckdb == arrow


ODD_CELLS = {
    "n1": ["007", " 3", "3 ", "1e3", "+2", "-0", "5.", ".5", "1E+3", "n/a", "NaN", "inf", "1e400",
           "1_000", "1,5", "1 000", "0x10", "€3"],
    "d": ["31/12/2026", "2026-02-30", "2026-1-01", " 2026-01-01", "2026-01-01T00:00:00",
          "20260101", "0000-01-01", "2026-13-01"],
    "b": ["TRUE", "False", " true", "yes", "1", "vrai"],
    "t1": [" a", "a ", "\u00a0a", "a\t", "\u3000"],
    "e": ["x", "0", "true", "2026-01-01"],
}  # fmt: skip


@SCANNED_FILES
@given(file=plain_files(), rules=random_rules(), odd=st.data())
def test_odd_cells_past_the_first_rows_give_the_arrow_engines_bytes_or_error(
    run: Run,
    file: tuple[list[str], list[list[str]], str, str, bool],
    rules: tuple[list[str], bool, list[str], str | None, str | None],
    odd: st.DataObject,
) -> None:
    # DuckDB's scanner is told the kinds of the first two rows only: the odd cell further down
    # must be found by its checks of every cell (the file then goes to our reader)
    import tempfile

    from portfolio_cli.readers import csv as csv_reader

    header, rows, delimiter, ending, bom = file
    texts, compensable, order_by, name, nps = rules
    if len(rows) < 3:
        rows = [*rows, *([f"z{i}", *[""] * len(KINDS)] for i in range(3 - len(rows)))]
    row = odd.draw(st.integers(2, len(rows) - 1))
    column = odd.draw(st.sampled_from(["id", *ODD_CELLS]))
    if column == "id":
        rows[row][0] = odd.draw(st.sampled_from(["", rows[0][0], rows[1][0], " " + rows[0][0]]))
    else:
        rows[row][header.index(column)] = odd.draw(st.sampled_from(ODD_CELLS[column]))
    original = csv_reader.first_rows
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "customers.csv"
        data = _csv_text(header, rows, delimiter, ending).encode("utf-8")
        source.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
        head = len(_csv_text(header, rows[:2], delimiter, ending).encode()) + 3 * bom
        criteria = Path(folder) / "criteria.yaml"
        criteria.write_text(_document(texts, compensable, order_by, name, nps), encoding="utf-8")
        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(
                csv_reader,
                "first_rows",
                lambda path, options, size=head: original(path, options, size),
            )
            arrow, duckdb, taken = _each_engine(run, source, criteria)
            assert duckdb == arrow
            event("read by DuckDB's scanner" if taken else "read by our reader")
            arrow, duckdb, _ = _each_engine(run, source, criteria, "-f", "json")
            assert duckdb == arrow


# --- the options, globs and many files -----------------------------------------------------------


def test_an_unknown_engine_is_refused(run: Run) -> None:
    result = run("classify", EX, "-c", CRIT, "--engine", "spark2")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: --engine 'spark2' is not an engine: write auto, arrow, duckdb or spark"
    )


@pytest.mark.parametrize("command", ["classify", "report", "batch"])
def test_an_unknown_engine_from_the_environment_names_the_variable(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("PORTFOLIO_ENGINE", "gpu")
    out = tmp_path / ("out" if command == "batch" else "out.html")
    result = run(command, EX, "-c", CRIT, "-o", str(out))
    assert (result.exit_code, result.stderr) == (
        2,
        "error: --engine 'gpu' (env var: 'PORTFOLIO_ENGINE') is not an engine: set "
        "PORTFOLIO_ENGINE to auto, arrow, duckdb or spark\n",
    )
    assert not out.exists()
    typed = run(command, EX, "-c", CRIT, "-o", str(out), "--engine", "gpu2")
    assert typed.stderr == (  # the option wins over the variable, and is named alone
        "error: --engine 'gpu2' is not an engine: write auto, arrow, duckdb or spark\n"
    )


def test_an_unknown_engine_from_the_environment_in_french(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTFOLIO_ENGINE", "gpu")
    result = run("classify", EX, "-c", CRIT, "--lang", "fr")
    assert (result.exit_code, result.stderr) == (
        2,
        "erreur : --engine 'gpu' (variable d'environnement 'PORTFOLIO_ENGINE') n'est pas un "
        "moteur : donnez à PORTFOLIO_ENGINE la valeur auto, arrow, duckdb ou spark\n",
    )


def test_an_engine_from_the_environment_is_accepted_as_written(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTFOLIO_ENGINE", " DuckDB ")
    result = run("classify", EX, "-c", CRIT, "-f", "csv", "-q", "-v")
    assert result.exit_code == 0, result.stderr


def test_a_wrong_memory_limit_is_refused_before_anything_is_written(
    run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "out.csv"
    result = run(
        "classify", EX, "-c", CRIT, "-o", str(out), "--engine", "duckdb", "--memory-limit", "lots"
    )
    assert result.exit_code == 2
    assert "--memory-limit 'lots' is not a size: write e.g. 2GiB, 512MB or 40%" in result.stderr
    assert not out.exists()


def test_a_small_memory_limit_still_classifies(run: Run) -> None:
    args = ("classify", EX, "-c", CRIT, "-f", "csv", "--as-of", AS_OF)
    small = run(*args, "--engine", "duckdb", "--memory-limit", "64MiB")
    assert small.exit_code == 0
    assert small.stdout == run(*args, "--engine", "arrow").stdout


def test_memory_limits_read_as_duckdb_sizes() -> None:
    assert engines.memory_limit("2GiB") == "2048MiB"
    assert engines.memory_limit("1000") == "1000MiB"
    assert engines.memory_limit("512MB") == "488MiB"
    assert engines.memory_limit(None).endswith("MiB")
    assert engines.memory_limit("1048576B") == "1MiB"
    assert engines.memory_limit("2g") == "1907MiB"


@pytest.mark.parametrize("value", ["100%", "64TiB"])
def test_a_memory_limit_past_the_machines_memory_still_classifies(
    run: Run, tmp_path: Path, value: str
) -> None:
    # DuckDB takes such a limit, but not a block allocator that large: it goes without one
    out = tmp_path / "out.csv"
    result = run("classify", EX, "-c", CRIT, "-o", str(out), "--engine", "duckdb",
                 "--memory-limit", value, "--as-of", AS_OF, "-q")  # fmt: skip
    assert (result.exit_code, result.stderr) == (0, "")
    arrow = run("classify", EX, "-c", CRIT, "-f", "csv", "--engine", "arrow", "--as-of", AS_OF)
    assert out.read_text(encoding="utf-8") == arrow.stdout


@pytest.mark.parametrize("value", ["lots", "0", "-1", "-512MiB", "nan", "inf", "", "1,5GB", "0%"])
def test_a_memory_limit_that_is_not_a_size_is_one_line(run: Run, value: str) -> None:
    result = run("classify", EX, "-c", CRIT, "-f", "csv", "--memory-limit", value)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: --memory-limit {value!r} is not a size: write e.g. 2GiB, 512MB or 40%\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize("value", ["10KB", "1023KiB", "150%", "101%", "99999999TB", "2EiB"])
def test_a_memory_limit_out_of_range_is_one_line(run: Run, value: str, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run("classify", EX, "-c", CRIT, "-o", str(out), "--engine", "duckdb",
                 "--memory-limit", value)  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: --memory-limit {value!r} is out of range: write a size from 1MiB to 1EiB, or a "
        "share of this machine's memory up to 100% (e.g. 2GiB, 512MB or 40%)\n"
    )
    assert not out.exists()


def test_auto_keeps_arrow_for_small_files_and_picks_duckdb_for_large_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert engines.choose("auto", EX) == "arrow"
    assert engines.choose("auto", "-") == "arrow"
    monkeypatch.setattr(engines, "AUTO_BYTES", 1000)
    assert engines.choose("auto", EX) == "duckdb"
    assert engines.choose("arrow", EX) == "arrow"


def _split(tmp_path: Path, suffix: str) -> str:
    """The example cut in three files of one folder; the glob that reads them."""
    lines = Path(EX).read_text(encoding="utf-8").splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    folder = tmp_path / "exports"
    folder.mkdir()
    for index in range(3):
        part = rows[index * 100 : (index + 1) * 100]
        path = folder / f"part-{index}.csv"
        path.write_text(header + "".join(part), encoding="utf-8")
        if suffix == ".parquet":
            import pyarrow.csv as pa_csv
            import pyarrow.parquet as pq

            table = pa_csv.read_csv(
                path,
                convert_options=pa_csv.ConvertOptions(
                    column_types={"customer_id": pa.string(), "postal_code": pa.string()}
                ),
            )
            pq.write_table(table, folder / f"part-{index}.parquet")
            path.unlink()
    return str(folder / f"part-*{suffix}")


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@pytest.mark.parametrize("engine", ["arrow", "duckdb"])
def test_a_glob_reads_many_files_as_one_portfolio(
    run: Run, tmp_path: Path, suffix: str, engine: str
) -> None:
    pattern = _split(tmp_path, suffix)
    args = ("-c", CRIT, "-f", "csv", "--as-of", AS_OF, "--engine", engine)
    together = run("classify", pattern, *args)
    whole = run("classify", EX, *args)
    assert together.exit_code == 0, together.stderr
    if suffix == ".csv":
        assert together.stdout == whole.stdout
    else:  # Parquet numbers print as numbers; the rows, segments and ranks are the same
        assert [line.split(",")[:5] for line in together.stdout.splitlines()] == [
            line.split(",")[:5] for line in whole.stdout.splitlines()
        ]
    assert "300 customers" in together.stderr


def test_an_id_in_two_files_is_the_duplicate_error(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "a.csv").write_text("customer_id,orders_12m\nC1,3\nC2,1\n", encoding="utf-8")
    (folder / "b.csv").write_text("customer_id,orders_12m\nC3,3\nC1,4\n", encoding="utf-8")
    criteria = tmp_path / "c.yaml"
    criteria.write_text(
        "version: 1\ncustomers:\n  id: customer_id\ncriteria:\n"
        "  - key: a\n    when: orders_12m >= 3\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.csv"
    for engine in ("arrow", "duckdb"):
        result = run(
            "classify", str(folder / "*.csv"), "-c", str(criteria), "-o", str(output),
            "--engine", engine,
        )  # fmt: skip
        assert result.exit_code == 2
        # each row named in the file that holds it, not as a row of the files put end to end
        assert result.stderr == (
            f"error: {folder / '*.csv'}: customer_id 'C1' appears on rows 2 ({folder / 'a.csv'}), "
            f"3 ({folder / 'b.csv'}): each customer must appear once\n"
        )
        assert not output.exists()


def test_two_stars_match_files_at_every_depth(run: Run, tmp_path: Path) -> None:
    deep = tmp_path / "exports" / "2026" / "12"
    deep.mkdir(parents=True)
    (tmp_path / "exports" / "a.csv").write_text("customer_id,orders_12m\nC1,3\n")
    (deep / "b.csv").write_text("customer_id,orders_12m\nC2,1\n")
    criteria = tmp_path / "c.yaml"
    criteria.write_text(
        "version: 1\ncustomers:\n  id: customer_id\ncriteria:\n"
        "  - key: a\n    when: orders_12m >= 3\n",
        encoding="utf-8",
    )
    pattern = str(tmp_path / "exports" / "**" / "*.csv")
    for engine in ("arrow", "duckdb"):
        result = run("classify", pattern, "-c", str(criteria), "-f", "csv", "--engine", engine)
        assert result.exit_code == 0, result.stderr
        assert [line.split(",")[0] for line in result.stdout.splitlines()] == [
            "customer_id",
            '"C1"',
            '"C2"',
        ]
    out = tmp_path / "out"
    batch = run("batch", pattern, "-c", str(criteria), "-o", str(out))
    assert batch.exit_code == 0, batch.stderr
    assert sorted(path.name for path in out.iterdir()) == ["a.csv", "b.csv", "summary.csv"]


def test_a_glob_that_matches_nothing_is_an_error(run: Run, tmp_path: Path) -> None:
    result = run("classify", str(tmp_path / "*.parquet"), "-c", CRIT)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / '*.parquet'}: no file matches this pattern"


def test_files_with_other_columns_are_refused(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "a.csv").write_text("customer_id,orders_12m\nC1,3\n", encoding="utf-8")
    (folder / "b.csv").write_text("customer_id,orders\nC3,3\n", encoding="utf-8")
    result = run("classify", str(folder / "*.csv"), "-c", CRIT)
    assert result.exit_code == 2
    assert "its columns differ from" in result.stderr
    assert "(missing: orders_12m)" in result.stderr


def test_the_output_may_not_be_one_of_the_files_a_glob_reads(run: Run, tmp_path: Path) -> None:
    pattern = _split(tmp_path, ".csv")
    target = Path(pattern).parent / "part-1.csv"
    before = target.read_bytes()
    result = run("classify", pattern, "-c", CRIT, "-o", str(target))
    assert result.exit_code == 2
    assert target.read_bytes() == before


STARTUP = """
import json, sys
from portfolio_cli.cli import main
sys.argv = ["portfolio", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
heavy = ("duckdb", "sqlglot", "pandas", "pyarrow", "numpy")
print(json.dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def _imported(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", STARTUP, json.dumps(list(args))],
        capture_output=True,
        text=True,
        check=True,
    )
    found: list[str] = json.loads(done.stdout.splitlines()[-1])
    return found


def test_help_imports_neither_duckdb_nor_sqlglot() -> None:
    assert _imported("--help") == []
    assert _imported("sql", "--help") == []
    assert _imported("classify", "--help") == []


def test_auto_on_a_small_file_does_not_import_duckdb(tmp_path: Path) -> None:
    out = str(tmp_path / "out.csv")
    found = _imported("classify", EX, "-c", CRIT, "-o", out, "-q")
    assert "duckdb" not in found
    assert "sqlglot" not in found


def test_the_library_call_returns_the_arrow_engines_classification() -> None:
    customers = read_customers(EX, "customer_id", text_columns=["name"])
    criteria = parse_criteria(Path(CRIT).read_text(encoding="utf-8"), CRIT)
    day = dt.date(2026, 11, 23)
    arrow = engines.classify(customers, criteria, day, "arrow")
    duckdb = engines.classify(customers, criteria, day, "duckdb")
    assert (arrow.order == duckdb.order).all()
    assert (arrow.priority == duckdb.priority).all()
    assert arrow.summary == duckdb.summary
    assert arrow.customers.equals(duckdb.customers)
    json.dumps(duckdb.summary.to_dict())  # plain Python values


def test_infinities_and_timestamps_read_alike_in_both_engines(run: Run, write: Write) -> None:
    data = write(
        "c.csv",
        "id,v,seen\nA,inf,2026-11-20 14:05:00.5\nB,-Infinity,2026-11-22T23:30:00+01:00\n"
        "C,nan,2025-01-01 08:00 UTC\nD,5,\n",
    )
    criteria = write(
        "c.yaml",
        "version: 1\ncustomers:\n  id: id\ncriteria:\n"
        "  - key: big\n    when: v + 1 > 1\n  - key: half\n    when: v / 2 < 0\n"
        "  - key: recent\n    when: days_since(seen) <= 3\n"
        "policy:\n  order_by: [v desc, seen asc]\n",
    )
    arrow, duckdb = both(run, "classify", str(data), "-c", str(criteria), "-f", "csv", "-q",
                         "--as-of", AS_OF, "--keep-columns")  # fmt: skip
    assert arrow == duckdb
    assert arrow[0] == 0


def test_report_is_the_same_with_either_engine(run: Run, tmp_path: Path) -> None:
    written = []
    for engine in ("arrow", "duckdb"):
        out = tmp_path / f"{engine}.md"
        result = run(
            "report", EX, "-c", CRIT, "-o", str(out), "--as-of", AS_OF, "-q", "--engine", engine
        )
        assert result.exit_code == 0, result.stderr
        written.append(out.read_bytes())
    assert written[0] == written[1]


def test_batch_writes_the_same_files_with_either_engine(run: Run, tmp_path: Path) -> None:
    pattern = _split(tmp_path, ".csv")
    outputs = []
    for engine in ("arrow", "duckdb"):
        folder = tmp_path / engine
        result = run(
            "batch",
            pattern,
            "-c",
            CRIT,
            "-o",
            str(folder),
            "--as-of",
            AS_OF,
            "-q",
            "--engine",
            engine,
            "-j",
            "1",
        )
        assert result.exit_code == 0, result.stderr
        outputs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert outputs[0] == outputs[1]
    assert sorted(outputs[0]) == ["part-0.csv", "part-1.csv", "part-2.csv", "summary.csv"]


def test_batch_refuses_an_unknown_engine_before_writing(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    result = run("batch", EX, "-c", CRIT, "-o", str(folder), "--engine", "gpu")
    assert result.exit_code == 2
    assert "--engine 'gpu' is not an engine" in result.stderr
    assert not folder.exists()


@pytest.mark.parametrize("command", ["classify", "report", "batch"])
def test_spark_without_pyspark_is_one_line_and_writes_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)  # as if the extra were not installed
    target = tmp_path / {"classify": "out.csv", "report": "out.html", "batch": "out"}[command]
    result = run(command, EX, "-c", CRIT, "-o", str(target), "--engine", "spark")
    assert result.exit_code == 2
    assert (
        result.stderr == "error: --engine spark needs pyspark: pip install 'portfolio-cli[spark]'\n"
    )
    assert list(tmp_path.iterdir()) == []


# --- DuckDB's own CSV scanner, and when it hands the file back to our reader ---------------------


def _prepared(path: Path, criteria_path: str = CRIT) -> bool:
    from portfolio_cli.criteria import load_criteria

    rules = load_criteria(criteria_path)
    day = dt.date(2026, 11, 23)
    with duck.prepared_csv(path, rules, day, CsvOptions()) as prepared:
        return prepared is not None


def test_a_plain_csv_file_is_read_by_duckdbs_scanner() -> None:
    assert _prepared(Path(EX))


def test_a_french_export_takes_our_reader() -> None:
    assert not _prepared(FRENCH)


def _large(tmp_path: Path, last: str) -> Path:
    """The example repeated past the first MiB our reader types, then one row `last`."""
    lines = Path(EX).read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    body = []
    for copy in range(48):
        body += [f"X{copy:03d}{row}" for row in rows]
    path = tmp_path / "large.csv"
    path.write_text("\n".join([header, *body, last]) + "\n", encoding="utf-8")
    assert path.stat().st_size > 2**20
    return path


@pytest.mark.parametrize(
    ("last", "why"),
    [
        ("Z1,Late,Lyon,Corse,69002,abc,10,2026-11-05,10,1,5", "a text cell in a number column"),
        ("Z1,Late,Lyon,Corse,69002,007,10,2026-11-05,10,1,5", "a leading zero"),
        ('Z1,Late,Lyon,Corse,69002,3,"1,5",2026-11-05,10,1,5', "a decimal comma"),
        ("Z1, Late ,Lyon, Corse ,69002,3,10,2026-11-05,10,1,5", "spaces to trim"),
        ("Z1,Late,Lyon,Corse,69002,3,10,2026-11-05,11,1,5", "an NPS score of 11"),
        ("X000C0001,Late,Lyon,Corse,69002,3,10,2026-11-05,10,1,5", "an id seen before"),
        (",Late,Lyon,Corse,69002,3,10,2026-11-05,10,1,5", "a blank id"),
        ("Z1,Late,Lyon,Corse,69002,3,10,2026-11-05,10,1,5,extra", "a ragged row"),
        ("Z1,Late ,Lyon,Corse,69002,3,10,2026-11-05,10,1,5", "a name that ends with a space"),
        ("Z1,Late,Lyon,Corse\u00a0,69002,3,10,2026-11-05,10,1,5", "a no-break space after"),
        ("Z1,Late,Lyon,Corse,69002,3,1 000,2026-11-05,10,1,5", "a number grouped by a space"),
        ("Z1,Late,Lyon,Corse,69002,3,10,2026-11-05,10,1,5.5.5", "the last number twice pointed"),
        ("Z1,Late\x7f,Lyon,Corse,69002,3,10,2026-11-05,10,1,5", "a DEL, which joins the checks"),
        ("Z1,Late,Lyon,Corse\u3000,69002,3,10,2026-11-05,10,1,5", "an ideographic space after"),
        ("Z1,Late,Lyon,Corse,69002,3,10,2026-11-05,10,01,5", "a leading zero mid-row"),
    ],
)
def test_a_cell_past_the_first_rows_hands_the_file_to_our_reader(
    run: Run, tmp_path: Path, last: str, why: str
) -> None:
    path = _large(tmp_path, last)
    assert not _prepared(path), why
    arrow, duckdb = both(run, "classify", str(path), "-c", CRIT, "-f", "csv", "--as-of", AS_OF)
    assert arrow == duckdb, why


# orders and the last order's date read as numbers and dates
RECENT_BUYER = ONE_CRITERION + "  - key: recent\n    when: days_since(last_order_date) < 90\n"


@pytest.mark.parametrize(
    ("last", "scanned"),
    [
        ("Z1,Late,Lyon,Corse,69002,1e3,10,2026-11-05,10,1,5", True),  # 1000 to both readers
        ("Z1,Late,Lyon,Corse,69002,+2,10,2026-11-05,10,1,5", True),  # 2 to both readers
        ("Z1,Late,Lyon,Corse,69002,3,10,,10,1,5", True),  # a missing date
        ("Z1,Élodie Hervé,Lyon,Corse,69002,3,10,2026-11-05,10,1,5", True),  # letters, not spaces
        ('Z1,"Late\nnight",Lyon,Corse,69002,3,10,2026-11-05,10,1,5', True),  # a line break inside
        ("Z1,,Lyon,,69002,,,2026-11-05,,,", True),  # blank cells are missing values
        ("Z1,Late,Lyon,Corse,69002,n/a,10,2026-11-05,10,1,5", False),  # text: orders are text
        ("Z1,Late,Lyon,Corse,69002,3,10,31/12/2026,10,1,5", False),  # a date written otherwise
        ("Z1,Late,Lyon,Corse,69002,3,10,2026-02-30,10,1,5", False),  # no such day
    ],
)
def test_odd_cells_past_the_first_rows_give_the_arrow_engines_bytes(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, last: str, scanned: bool
) -> None:
    path = _large(tmp_path, last)
    criteria = tmp_path / "c.yaml"
    criteria.write_text(RECENT_BUYER, encoding="utf-8")
    assert _prepared(path, str(criteria)) is scanned
    out = tmp_path / "out.csv"
    outcomes = []
    for engine in ("arrow", "duckdb"):
        result = run(
            "classify", str(path), "-c", str(criteria), "-o", str(out), "--as-of", AS_OF,
            "--engine", engine,
        )  # fmt: skip
        outcomes.append(
            (result.exit_code, result.stderr, out.read_bytes() if out.exists() else b"")
        )
        out.unlink(missing_ok=True)
    assert outcomes[0] == outcomes[1]


def test_a_large_plain_file_gives_the_same_bytes_through_the_scanner(
    run: Run, tmp_path: Path
) -> None:
    path = _large(tmp_path, "Z1,Late,Lyon,Corse,69002,3,10,2026-11-05,,1,")
    assert _prepared(path)
    variants = ((), ("-o",), ("-o", "--out-delimiter", ";"), ("--out-delimiter", "tab"))
    for more in variants:
        written = []
        for engine in ("arrow", "duckdb"):
            out = tmp_path / f"{engine}.csv"
            args: list[str] = []
            for word in more:  # "-o" stands for "-o <this engine's file>"
                args += ["-o", str(out)] if word == "-o" else [word]
            result = run(
                "classify",
                str(path),
                "-c",
                CRIT,
                "-f",
                "csv",
                "--as-of",
                AS_OF,
                "--engine",
                engine,
                *args,
            )
            assert result.exit_code == 0, result.stderr
            written.append(out.read_bytes() if "-o" in more else result.stdout.encode())
        assert written[0] == written[1], more
        if ";" in more:
            assert written[0].startswith(b"\xef\xbb\xbfcustomer_id;name;")
        if "tab" in more:
            assert written[0].startswith(b"customer_id\tname\t")


def test_a_rule_unknown_on_every_row_is_read_as_not_met() -> None:
    # DuckDB types a rule that is NULL on every row (here: no row at all) as Arrow's null type
    frame = pd.DataFrame(
        {
            "id": pd.Series([], dtype="str"),
            "n1": pd.Series([], dtype=float),
            "b": pd.Series([], dtype="boolean"),
        }
    )
    criteria = _criteria(["n1 == -(-n1)", "n1 == n1", "b"], False, [])
    result = duck.classify(frame, criteria, CONDITION_AS_OF)  # type: ignore[arg-type]
    assert result.summary == arrow_classify(frame, criteria, CONDITION_AS_OF).summary  # type: ignore[arg-type]
    assert result.summary.total == 0


# --- the output file written by DuckDB itself (COPY) ---------------------------------------------


def _copied_and_written(
    run: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    source: Path | str,
    *more: str,
    criteria: str = CRIT,
) -> tuple[bytes, bytes]:
    """The -o file of each engine; DuckDB's must come from COPY (its Arrow writer is cut off)."""
    written = []
    for engine in ("arrow", "duckdb"):
        out = tmp_path / f"{engine}.csv"
        with monkeypatch.context() as patched:
            if engine == "duckdb":
                patched.setattr(duck, "_numbered_tables", _not_called)
            result = run(
                "classify", str(source), "-c", criteria, "-o", str(out), "--as-of", AS_OF,
                "--engine", engine, *more,
            )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        written.append(out.read_bytes())
    return written[0], written[1]


def _not_called(*args: object) -> None:
    raise AssertionError("the rows went through Python")


# --- DuckDB out of memory, or out of disk where it spills: one line, exit 2, nothing written ----


def test_duckdb_out_of_memory_is_one_line_and_leaves_the_output_as_it_was(
    run: Run, tmp_path: Path
) -> None:
    out = tmp_path / "out.csv"
    out.write_text("last month's\n", encoding="utf-8")
    for engine_args in (["--engine", "duckdb"], ["--engine", "duckdb", "--keep-columns"]):
        result = run(
            "classify", EX, "-c", CRIT, "-o", str(out), "--as-of", AS_OF, "-q",
            "--memory-limit", "1MiB", *engine_args,
        )  # fmt: skip
        assert result.exit_code == 2
        assert result.stderr == (
            "error: DuckDB needs more memory than --memory-limit 1MiB gives it: pass a larger "
            "one (e.g. --memory-limit 2GiB)\n"
        )
        assert out.read_text(encoding="utf-8") == "last month's\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.csv"]


def test_duckdb_out_of_disk_where_it_spills_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from portfolio_cli.errors import PortfolioError

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(duck.tempfile, "tempdir", None)  # read TMPDIR again
    sort = "SELECT i, md5(i::VARCHAR) AS t FROM range(2000000) r(i) ORDER BY t"

    def sort_on_a_full_disk() -> None:
        with duck.connection("16MiB") as con:
            con.execute("SET max_temp_directory_size = '1MiB'")  # a disk that is full
            con.sql(sort).fetchall()

    with pytest.raises(PortfolioError) as raised:
        sort_on_a_full_disk()
    assert str(raised.value) == (
        f"DuckDB ran out of disk space in {tmp_path}, where it sorts what does not fit in "
        "memory: free space there, set TMPDIR to a larger disk or pass a larger --memory-limit"
    )
    assert list(tmp_path.iterdir()) == []  # its private folder is gone


def test_duckdb_writes_the_output_file_itself_with_the_arrow_engines_bytes(
    run: Run, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    header, *rows = Path(EX).read_text(encoding="utf-8").splitlines()
    odd = [  # formulas, numbers that look like them, quotes, a line break, no name at all
        "=1+1,=HYPERLINK(x),Lyon,Corse,69002,3,10,2026-11-05,10,1,0",
        "-12,-12,Lyon,Corse,69002,3,11,2026-11-05,10,1,0",
        "+1 234,@SUM(A1),Lyon,Corse,69002,3,12,2026-11-05,10,1,0",
        '"quote""d","line\nbreak, and comma",Lyon,Bretagne,69002,3,13,2026-11-05,9,0,0',
        "no-name,,Lyon,Bretagne,69002,3,14,2026-11-05,9,0,0",
    ]
    source = write("odd.csv", "\n".join([header, *rows, *odd]) + "\n")
    assert _prepared(source)  # DuckDB's scanner reads it
    found = []
    for more in ((), ("--out-delimiter", ";"), ("--out-delimiter", "tab")):
        arrow, duckdb = _copied_and_written(run, tmp_path, monkeypatch, source, *more)
        assert arrow == duckdb, more
        found.append(duckdb)
    assert b'"\'=1+1","\'=HYPERLINK(x)"' in found[0]  # neutralised, the number -12 left alone
    assert b'"-12","-12"' in found[0]
    assert b'"line\nbreak, and comma"' in found[0]
    assert found[1].startswith(b"\xef\xbb\xbfcustomer_id;name;")


@pytest.mark.parametrize(
    ("kept", "problems"),
    [(1, 0), (3, 2), (2, 15), (3, 15)],
    ids=["one-criterion", "example-sized", "all-64-bits", "past-64-bits"],
)
def test_the_sorted_tables_packed_verdicts_give_the_arrow_engines_bytes(
    run: Run, tmp_path: Path, kept: int, problems: int
) -> None:
    # DuckDB's sorted table keeps each verdict (true, unknown) and each problem's state as a
    # bit of one integer: 2 criteria and 15 problems use all 64 bits, 3 and 15 need 66 (the
    # table then keeps them as columns); unknowns, compensated and active problems all occur
    rows = ["id,name,a,b,c"]
    for n in range(400):
        a = "" if n % 7 == 0 else str(n % 23)
        b = "" if n % 11 == 0 else str((n * 7) % 19)
        rows.append(f"K{n:04d},Name {n % 5},{a},{b},{n % 13}")
    data = tmp_path / "packed.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    criteria = ["version: 1", "customers:", "  id: id", "  name: name", "criteria:"]
    for i, rule in enumerate(["a > 4", "b < 12", "c != 3"][:kept]):
        criteria += [f"  - key: c{i}", f"    when: {rule}"]
    if problems:
        criteria.append("problems:")
    for j in range(problems):
        criteria += [f"  - key: p{j}", f"    when: a + b > {10 + 2 * j}"]
        criteria += ["    compensable: true"] if j % 2 else []
    criteria += ["policy:", "  compensate_with: 1", "  order_by: [c desc]"]
    path = tmp_path / "c.yaml"
    path.write_text("\n".join(criteria) + "\n", encoding="utf-8")
    assert _prepared(data, str(path))  # DuckDB's own scanner and its sorted table
    for name in ("out.csv", "out.json"):  # written by COPY, and from the table's Arrow batches
        out = tmp_path / name
        outcomes = []
        for engine in ("arrow", "duckdb"):
            result = run("classify", str(data), "-c", str(path), "-o", str(out), "--engine",
                         engine, "--as-of", AS_OF)  # fmt: skip
            outcomes.append((result.exit_code, result.stderr, out.read_bytes()))
            out.unlink()
        assert outcomes[0] == outcomes[1]  # the summary on stderr counts the unknowns too
    listed = run("classify", str(data), "-c", str(path), "-f", "json", "--as-of", AS_OF)
    summary = json.loads(listed.stdout)["summary"]
    assert summary["total"] == 400
    assert summary["unjudged"]["c0"] > 0
    if problems > 1:
        assert 0 < summary["problems"]["p1"] < 400


def test_a_blank_date_is_a_missing_date_to_duckdbs_scanner(
    run: Run, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a blank cell in a date column used to be taken for a date DuckDB could not read, so every
    # file with a missing date went to our reader
    header, *rows = Path(EX).read_text(encoding="utf-8").splitlines()
    blank = "Z1,Late,Lyon,Corse,69002,3,10,,10,1,5"
    source = write("blank-date.csv", "\n".join([header, *rows, blank]) + "\n")
    criteria = write("c.yaml", RECENT_BUYER)
    assert _prepared(source, str(criteria))
    arrow, duckdb = _copied_and_written(run, tmp_path, monkeypatch, source, criteria=str(criteria))
    assert arrow == duckdb
    assert b'\n"Z1","' in duckdb


def test_a_header_only_file_gives_the_header_only(
    run: Run, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    header = Path(EX).read_text(encoding="utf-8").splitlines()[0]
    source = write("empty.csv", header + "\n")
    assert _prepared(source)
    arrow, duckdb = _copied_and_written(run, tmp_path, monkeypatch, source)
    assert arrow == duckdb
    assert duckdb.count(b"\n") == 1


@pytest.mark.parametrize("limit", [(), ("--memory-limit", "48MiB")], ids=["memory", "spilled"])
def test_many_rows_come_out_in_priority_order_from_duckdbs_threads(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: tuple[str, ...]
) -> None:
    # enough rows for DuckDB to scan, sort and write in parallel parts (122,880 rows a part);
    # under 48 MiB the sort and the sorted table spill to disk and are read back in order
    header = Path(EX).read_text(encoding="utf-8").splitlines()[0]
    lines = [header]
    regions = ("Corse", "Bretagne", "Normandie", "Guyane")
    for i in range(300_000):
        spent = "" if i % 97 == 0 else str((i * 7919) % 5000)
        lines.append(
            f"K{(i * 104729) % 1_000_003:07d},N{i % 1000},Lyon,{regions[i % 4]},69002,"
            f"{i % 6},{spent},2026-11-05,{i % 11},{i % 5},{i % 3}"
        )
    source = tmp_path / "many.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _prepared(source)
    arrow, duckdb = _copied_and_written(run, tmp_path, monkeypatch, source, *limit)
    assert arrow == duckdb
    assert duckdb.count(b"\n") == 300_001


def test_many_problems_sort_as_the_arrow_engine_sorts_them_in_duckdbs_copy(
    run: Run, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the COPY packs criteria met, active and compensated problems into one sort key: with
    # nine problems it no longer fits a byte
    problems = [{"key": f"p{j}", "when": f"p{j} >= 1", "compensable": j % 2 == 0} for j in range(9)]
    criteria = write(
        "many.yaml",
        yaml.safe_dump(
            {
                "version": 1,
                "customers": {"id": "id"},
                "criteria": [{"key": k, "when": f"{k} >= 1"} for k in ("a", "b", "c")],
                "problems": problems,
                "policy": {"order_by": ["spent desc"], "compensate_with": 2},
            }
        ),
    )
    lines = ["id,a,b,c," + ",".join(f"p{j}" for j in range(9)) + ",spent"]
    for i in range(3000):
        flags = [str((i * (j + 3)) % 7 % 2) for j in range(12)]
        spent = "" if i % 13 == 0 else str((i * 37) % 50)
        lines.append(f"R{(i * 7919) % 3001:05d}," + ",".join(flags) + f",{spent}")
    source = write("many.csv", "\n".join(lines) + "\n")
    assert _prepared(source, str(criteria))
    arrow, duckdb = _copied_and_written(run, tmp_path, monkeypatch, source, criteria=str(criteria))
    assert arrow == duckdb
    active = {line.split(b",")[5].count(b"|") for line in duckdb.splitlines()[1:]}
    assert len(active) >= 4  # customers with many different counts of active problems


# --- NaN: no number at all is unknown, as in the Arrow engine ------------------------------------


def test_nan_from_arithmetic_is_unknown_in_both_engines(run: Run, write: Write) -> None:
    # inf - inf and 0 * inf are NaN: DuckDB alone would compare NaN as larger than any number
    source = write(
        "inf.csv",
        "id,a,b\nr1,inf,inf\nr2,inf,0\nr3,1,2\nr4,-inf,inf\nr5,,3\nr6,nan,1\n",
    )
    criteria = write(
        "c.yaml",
        "version: 1\ncustomers:\n  id: id\ncriteria:\n"
        "  - key: gap\n    when: a - b > 0\n"
        "  - key: not_gap\n    when: not (a - b > 0)\n"
        "  - key: scaled\n    when: (a * 0) + 1 >= 1 or a == b\n"
        "problems:\n  - key: negative\n    when: -(a - b) < 0\npolicy:\n  order_by: [a desc]\n",
    )
    arrow, duckdb = both(run, "classify", str(source), "-c", str(criteria), "-f", "json")
    assert arrow == duckdb
    summary = json.loads(str(duckdb[1]))["summary"]
    assert summary["unjudged"] == {"gap": 3, "not_gap": 3, "scaled": 4, "negative": 3}
    frame = pd.DataFrame({"id": ["r1", "r2"], "a": [float("inf")] * 2, "b": [float("inf"), 0.0]})
    rules = parse_criteria(Path(criteria).read_text(encoding="utf-8"), "c.yaml")
    library = duck.classify(frame, rules, dt.date(2026, 11, 23))
    assert library.summary == arrow_classify(frame, rules, dt.date(2026, 11, 23)).summary
    assert library.summary.unjudged["gap"] == 1


# --- Parquet read by DuckDB's own read_parquet ---------------------------------------------------

PARQUET_CRITERIA = """\
version: 1
customers:
  id: customer_id
  name: name
listening:
  nps: recommend_score
criteria:
  - key: repeat
    when: orders_12m >= 3
  - key: recent
    when: days_since(last_order_date) < 365
  - key: vip
    when: vip
problems:
  - key: far
    when: region in ["Corse", "Guyane"] or total_spent - total_spent != 0
    compensable: true
policy:
  order_by: [total_spent desc]
"""


def _parquet_parts(folder: Path, **changes: object) -> str:
    """The example as three Parquet files (integers, doubles with NaN and infinities, dates,
    booleans, text), columns replaced by `changes`; the glob that reads them."""
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    table = pa_csv.read_csv(
        EX,
        convert_options=pa_csv.ConvertOptions(
            column_types={"customer_id": pa.string(), "postal_code": pa.string()}
        ),
    )
    size = table.num_rows
    spent = table.column("total_spent").to_pylist()
    spent[3], spent[7], spent[11], spent[12] = float("nan"), float("inf"), None, float("-inf")
    table = table.set_column(
        table.column_names.index("total_spent"), "total_spent", pa.array(spent, pa.float64())
    )
    table = table.append_column(
        "vip", pa.array([None if i % 13 == 0 else i % 3 == 0 for i in range(size)])
    )
    for name, column in changes.items():
        index = table.column_names.index(name)
        table = table.set_column(index, name, column)  # type: ignore[arg-type]
    folder.mkdir()
    for part in range(3):
        pq.write_table(table.slice(part * 100, 100), folder / f"part-{part}.parquet")
    return str(folder / "part-*.parquet")


def _parquet_prepared(source: str, criteria: str) -> bool:
    rules = parse_criteria(criteria, "c.yaml")
    with duck.prepared_parquet(source, rules, dt.date(2026, 11, 23), CsvOptions()) as prepared:
        return prepared is not None


def test_parquet_files_read_by_duckdb_give_the_arrow_engines_bytes(
    run: Run, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    criteria = write("c.yaml", PARQUET_CRITERIA)
    numbered = pa.array(range(300), pa.int64())  # integer ids: our reader writes them as text
    for label, changes in (("text ids", {}), ("integer ids", {"customer_id": numbered})):
        source = _parquet_parts(tmp_path / label.replace(" ", "-"), **changes)
        assert _parquet_prepared(source, PARQUET_CRITERIA), label
        arrow, duckdb = _copied_and_written(
            run, tmp_path, monkeypatch, source, criteria=str(criteria)
        )
        assert arrow == duckdb, label
        arrow, duckdb = both(
            run, "classify", source, "-c", str(criteria), "-f", "json", "--as-of", AS_OF
        )
        assert arrow == duckdb, label


@pytest.mark.parametrize(
    ("column", "values", "why"),
    [
        ("total_spent", pa.array([1.5] * 100, pa.float32()), "float32: our reader reads 1.5 back"),
        ("orders_12m", pa.array(["3"] * 100), "numbers written as text: our reader types them"),
        ("region", pa.array([" Corse"] * 100), "text to trim"),
        ("customer_id", pa.array([f"Z{i % 50}" for i in range(100)]), "ids seen twice"),
    ],
)
def test_parquet_our_reader_reads_otherwise_takes_our_reader(
    run: Run, write: Write, tmp_path: Path, column: str, values: pa.Array, why: str
) -> None:
    import pyarrow.parquet as pq

    criteria = write("c.yaml", PARQUET_CRITERIA)
    source = _parquet_parts(tmp_path / "parts")
    last = Path(source).parent / "part-2.parquet"
    table = pq.read_table(last)
    table = table.set_column(table.column_names.index(column), column, values)
    if column == "total_spent" or column == "orders_12m":  # the same type in every file
        for part in Path(source).parent.glob("*.parquet"):
            other = pq.read_table(part)
            index = other.column_names.index(column)
            pq.write_table(other.set_column(index, column, values), part)
    else:
        pq.write_table(table, last)
    assert not _parquet_prepared(source, PARQUET_CRITERIA), why
    arrow, duckdb = both(
        run, "classify", source, "-c", str(criteria), "-f", "csv", "--as-of", AS_OF
    )
    assert arrow == duckdb, why


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            'IO Error: Async write failed for range [offset=4100116, size=2050047]: {"exception_'
            'type":"IO","exception_message":"Could not write file \\"/mnt/tiny/.out.csv.tmp\\": No '
            'space left on device","errno":"28"}',
            "no space left on device",
        ),
        ('IO Error: Cannot open file "/proc/x.csv": No such file or directory', None),
        ("IO Error: something DuckDB says", "something DuckDB says"),
    ],
)
def test_duckdbs_write_errors_are_worded_as_our_writers_word_them(
    text: str, reason: str | None
) -> None:
    import errno

    from portfolio_cli.messages import reason as system_reason

    expected = reason or system_reason(FileNotFoundError(errno.ENOENT, "No such file"))
    assert duck.io_reason(Exception(text)) == expected
