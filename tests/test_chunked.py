"""Large files read in chunks: the output is byte for byte the in-memory output."""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import AS_OF, LOYAL_AND_FAN, Run, Write

CRITERIA = (
    LOYAL_AND_FAN
    + """\
  - key: recent
    when: days_since(last) < 365
problems:
  - key: far
    when: region in ["Corse", "Guyane"]
  - key: noisy
    when: complaints > 3
    compensable: true
  - key: coded
    when: late_code == "A12"
  - key: early
    when: early_blank > 4
    compensable: true
policy:
  compensate_with: 2
  order_by: [spent desc, last asc]
actions:
  unrecoverable: "=do not call"
"""
)


def customers(rows: int = 90, seed: int = 7) -> str:
    """Ties in `spent`, blanks everywhere, a column blank in the first rows only, a code
    column that is numeric until its last row, names that look like formulas."""
    rng = random.Random(seed)
    lines = ["id,name,orders,score,last,region,complaints,spent,late_code,early_blank"]
    ids = [f"K{n:04d}" for n in rng.sample(range(10_000), rows)]
    for i, customer in enumerate(ids):
        score = rng.choice(["", "3", "7", "8.5", "9", "10", "6.5"])
        last = rng.choice(["", "2026-01-15", "2025-03-01", "2026-11-01"])
        spent = rng.choice(["", "100", "100", "250.5", "-3", "1e3"])
        code = "A12" if i == rows - 1 else str(rng.randint(1, 99))
        early = "" if i < 20 else str(rng.randint(1, 5))
        name = rng.choice(["Alice", "=HYPERLINK(1)", "Bob, Jr.", "Élodie", "-", " Ann "])
        lines.append(
            f'{customer},"{name}",{rng.randint(0, 5)},{score},{last},'
            f"{rng.choice(['Corse', 'Var', 'Guyane', 'Bretagne', ''])},{rng.randint(0, 5)},"
            f"{spent},{code},{early}"
        )
    return "\n".join(lines) + "\n"


@pytest.fixture
def files(write: Write) -> tuple[Path, Path]:
    return write("customers.csv", customers()), write("criteria.yaml", CRITERIA)


@pytest.mark.parametrize("chunk", ["7", "1", "89"])
@pytest.mark.parametrize("extra", [[], ["--keep-columns"]])
def test_chunks_write_the_same_bytes(
    run: Run,
    files: tuple[Path, Path],
    chunk: str,
    extra: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import portfolio_cli.chunked as stream

    streamed: list[int] = []
    original = stream.classify_in_parts

    def spy(*args: Any, **kwargs: Any) -> Any:
        streamed.append(kwargs["chunk"])  # --chunk-rows
        return original(*args, **kwargs)

    monkeypatch.setattr(stream, "classify_in_parts", spy)
    data, rules = files
    folder = data.parent
    whole = run("classify", str(data), "-c", str(rules), "-o", str(folder / "whole.csv"),
                "--as-of", AS_OF, *extra)  # fmt: skip
    parts = run("classify", str(data), "-c", str(rules), "-o", str(folder / "parts.csv"),
                "--as-of", AS_OF, "--chunk-rows", chunk, *extra)  # fmt: skip
    assert whole.exit_code == parts.exit_code == 0, parts.stderr
    assert (folder / "parts.csv").read_bytes() == (folder / "whole.csv").read_bytes()
    assert parts.stderr.replace("parts.csv", "whole.csv") == whole.stderr  # same summary
    assert (folder / "whole.csv").read_text(encoding="utf-8").count("\n") == 91
    assert streamed == [int(chunk)]
    text = (folder / "whole.csv").read_text(encoding="utf-8")
    assert "coded" in text  # late_code is text for the whole file, A12 in its last row only
    assert "early" in text
    assert "'=HYPERLINK(1)" in text
    assert "'=do not call" in text


def test_standard_output_and_the_environment_variable(
    run: Run, files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, rules = files
    whole = run("classify", str(data), "-c", str(rules), "-f", "csv", "--as-of", AS_OF)
    monkeypatch.setenv("PORTFOLIO_CHUNK_ROWS", "10")
    parts = run("classify", str(data), "-c", str(rules), "-f", "csv", "--as-of", AS_OF)
    assert parts.stdout == whole.stdout
    assert parts.stdout.startswith("id,name,segment,priority,criteria_met,criteria,")


def test_batch_streams_large_files_too(
    run: Run, files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, rules = files
    folder = data.parent
    run("classify", str(data), "-c", str(rules), "-o", str(folder / "whole.csv"),
        "--as-of", AS_OF)  # fmt: skip
    result = run("batch", str(data), "-c", str(rules), "-o", str(folder / "out"),
                 "--as-of", AS_OF, "--chunk-rows", "5")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (folder / "out" / "customers.csv").read_bytes() == (folder / "whole.csv").read_bytes()


@pytest.mark.parametrize(
    ("row", "change"),
    [
        (60, lambda line: line.split(",", 1)[0] + "," + "x,1,,,,,,1,1"),  # nothing wrong
        (70, lambda line: "K9999" + line[5:]),  # an id seen in an earlier chunk
        (80, lambda line: " " + line[5:]),  # a blank id in a late chunk
        (85, lambda line: line + ",extra"),  # a ragged row in a late chunk
    ],
)
def test_errors_in_late_chunks_read_as_in_memory(
    run: Run, write: Write, row: int, change: Callable[[str], str]
) -> None:
    lines = customers().splitlines()
    lines[10] = "K9999" + lines[10][5:]
    lines[row] = change(lines[row])
    data = write("c.csv", "\n".join(lines) + "\n")
    rules = write("criteria.yaml", CRITERIA)
    folder = data.parent
    whole = run("classify", str(data), "-c", str(rules), "-o", str(folder / "w.csv"),
                "--as-of", AS_OF)  # fmt: skip
    parts = run("classify", str(data), "-c", str(rules), "-o", str(folder / "p.csv"),
                "--as-of", AS_OF, "--chunk-rows", "9")  # fmt: skip
    assert parts.exit_code == whole.exit_code
    if whole.exit_code:
        assert parts.stderr == whole.stderr
        assert not (folder / "p.csv").exists()
    else:
        assert (folder / "p.csv").read_bytes() == (folder / "w.csv").read_bytes()


def test_a_ragged_row_under_title_lines_is_named_by_its_row_in_the_file(
    run: Run, write: Write
) -> None:
    lines = customers().splitlines()
    lines[85] += ",extra"
    data = write("c.csv", "Export clients au 04/12/2026\n" + "\n".join(lines) + "\n")
    rules = write("criteria.yaml", CRITERIA)
    out = data.parent / "p.csv"
    parts = run("classify", str(data), "-c", str(rules), "-o", str(out), "--as-of", AS_OF,
                "--chunk-rows", "9")  # fmt: skip
    assert (parts.exit_code, parts.stderr) == (
        2,
        f"error: {data}: row 87 has 11 fields but the header has 10: quote values that "
        "contain ',', or pass --delimiter if the file uses another separator\n",
    )
    assert not out.exists()


def whole_and_parts(run: Run, data: Path, rules: Path, chunk: str, *options: str) -> bytes:
    """Classify `data` in memory and in parts of `chunk` rows; both must succeed with the same
    bytes, which are returned."""
    folder = data.parent
    whole = run("classify", str(data), "-c", str(rules), "-o", str(folder / "w.csv"), *options)
    parts = run("classify", str(data), "-c", str(rules), "-o", str(folder / "p.csv"), *options,
                "--chunk-rows", chunk)  # fmt: skip
    assert whole.exit_code == parts.exit_code == 0, parts.stderr
    assert (folder / "p.csv").read_bytes() == (folder / "w.csv").read_bytes()
    return (folder / "w.csv").read_bytes()


def test_a_cp1252_semicolon_file_streams_the_same(run: Run, write: Write) -> None:
    text = customers(60).replace(",", ";").replace('"Bob; Jr."', '"Bob, Jr."')
    data = write("c.csv", text.encode("cp1252"))
    rules = write("criteria.yaml", CRITERIA)
    options = ["--as-of", AS_OF, "--encoding", "cp1252", "--delimiter", ";"]
    output = whole_and_parts(run, data, rules, "8", *options)
    assert "Élodie" in output.decode("utf-8")


def test_a_file_with_a_byte_order_mark_streams_the_same(run: Run, write: Write) -> None:
    # the encoding found ("utf-8 (BOM)") was handed to Arrow as it is shown: LookupError
    data = write("c.csv", b"\xef\xbb\xbf" + customers(60).encode("utf-8"))
    rules = write("criteria.yaml", CRITERIA)
    assert whole_and_parts(run, data, rules, "8", "--as-of", AS_OF).startswith(b"id,")


def test_each_part_reads_numbers_and_dates_as_the_whole_file_does(run: Run, write: Write) -> None:
    """The first parts hold only `1,234` and `03/04/2026`, which read two ways; the last row
    settles both (`2,5` has a decimal comma, 25/04 is day-first): every part follows it."""
    rows = ["id,spent,seen,orders,score"]
    rows += [f'K{i:03d},"1,234",03/04/2026,{i % 5},{i % 11}' for i in range(40)]
    rows.append('K999,"2,5",25/04/2026,4,10')
    data = write("c.csv", "\n".join(rows) + "\n")
    rules = write(
        "criteria.yaml",
        "version: 1\ncustomers:\n  id: id\ncriteria:\n  - key: big\n    when: spent > 2\n"
        "  - key: recent\n    when: days_since(seen) < 250\n"
        "policy:\n  order_by: [spent desc, seen asc]\n",
    )
    output = whole_and_parts(run, data, rules, "6", "--as-of", AS_OF)
    first = output.decode("utf-8").splitlines()[1]
    assert first.startswith('"K999"')  # 2.5 is the largest amount; 1,234 is 1.234


@pytest.mark.parametrize("out", [[], ["--out-delimiter", "tab"]])
def test_chunks_of_a_semicolon_file_write_the_same_bytes(
    run: Run, files: tuple[Path, Path], out: list[str]
) -> None:
    """A `;` file streamed in parts: `;` out, one byte order mark, the same bytes as whole."""
    data, rules = files
    data.write_text(data.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    folder = data.parent
    whole = run("classify", str(data), "-c", str(rules), "-o", str(folder / "whole.csv"),
                "--as-of", AS_OF, *out)  # fmt: skip
    parts = run("classify", str(data), "-c", str(rules), "-o", str(folder / "parts.csv"),
                "--as-of", AS_OF, "--chunk-rows", "7", *out)  # fmt: skip
    assert whole.exit_code == parts.exit_code == 0, parts.stderr
    written = (folder / "parts.csv").read_bytes()
    assert written == (folder / "whole.csv").read_bytes()
    if out:
        assert written.startswith(b"id\tname\tsegment\tpriority\t")
    else:
        assert written.startswith(b"\xef\xbb\xbfid;name;segment;priority;")
        assert written.count(b"\xef\xbb\xbf") == 1


def test_a_row_longer_than_arrow_block_streams_as_in_memory(run: Run, write: Write) -> None:
    lines = customers().splitlines()
    name = "Alice " * 800_000 + "end"  # 4.8 MB in one cell: more than one block of Arrow's
    lines[50] = ",".join([lines[50].split(",", 1)[0], f'"{name}"', *lines[50].split(",")[-8:]])
    data = write("customers.csv", "\n".join(lines) + "\n")
    rules = write("criteria.yaml", CRITERIA)
    folder = data.parent
    whole = run("classify", str(data), "-c", str(rules), "-o", str(folder / "whole.csv"),
                "--as-of", AS_OF, "--keep-columns")  # fmt: skip
    parts = run("classify", str(data), "-c", str(rules), "-o", str(folder / "parts.csv"),
                "--as-of", AS_OF, "--keep-columns", "--chunk-rows", "7")  # fmt: skip
    assert whole.exit_code == parts.exit_code == 0, parts.stderr
    assert (folder / "parts.csv").read_bytes() == (folder / "whole.csv").read_bytes()
    assert name in (folder / "whole.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("segment", ["easy_to_satisfy", "unrecoverable"])
def test_one_segment_streams_as_in_memory(
    run: Run, files: tuple[Path, Path], segment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import portfolio_cli.chunked as stream

    monkeypatch.setattr(stream, "WRITE_ROWS", 10)  # several slices, each filtered
    data, rules = files
    everyone = run("classify", str(data), "-c", str(rules), "-f", "csv", "--as-of", AS_OF, "-q")
    whole = run("classify", str(data), "-c", str(rules), "-f", "csv", "--as-of", AS_OF,
                "--segment", segment)  # fmt: skip
    parts = run("classify", str(data), "-c", str(rules), "-f", "csv", "--as-of", AS_OF,
                "--segment", segment, "--chunk-rows", "7")  # fmt: skip
    assert whole.exit_code == parts.exit_code == 0, parts.stderr
    assert parts.stdout == whole.stdout
    assert parts.stderr == whole.stderr  # the whole portfolio's summary
    header, *rows = everyone.stdout.splitlines()
    parsed = list(csv.reader(rows))
    expected = [header] + [
        row for row, cells in zip(rows, parsed, strict=True) if cells[2] == segment
    ]
    assert whole.stdout.splitlines() == expected
    assert len(expected) > 2


def test_title_lines_stream_as_in_memory(run: Run, files: tuple[Path, Path]) -> None:
    data, rules = files
    data.write_text("Export clients au 04/12/2026,,\n,,\n" + data.read_text(encoding="utf-8"))
    folder = data.parent
    whole = run("classify", str(data), "-c", str(rules), "-o", str(folder / "whole.csv"),
                "--as-of", AS_OF)  # fmt: skip
    parts = run("classify", str(data), "-c", str(rules), "-o", str(folder / "parts.csv"),
                "--as-of", AS_OF, "--chunk-rows", "7")  # fmt: skip
    assert whole.exit_code == parts.exit_code == 0, parts.stderr
    assert (folder / "parts.csv").read_bytes() == (folder / "whole.csv").read_bytes()
    assert (folder / "whole.csv").read_text(encoding="utf-8").count("\n") == 91
