"""`portfolio report`: what the monthly report holds, in HTML and Markdown, and cron behaviour."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import Markup, escape

from conftest import AS_OF, EXAMPLE, EXAMPLE_CRITERIA, ROOT, Run

EXAMPLE_PATH = EXAMPLE

MONTHS = {
    "2026-09-30": ROOT / "examples" / "months" / "2026-09.csv",
    "2026-10-31": ROOT / "examples" / "months" / "2026-10.csv",
    "2026-11-30": ROOT / "examples" / "months" / "2026-11.csv",
}
EX, CRIT = str(EXAMPLE), str(EXAMPLE_CRITERIA)
SEGMENTS = ("satisfied", "easy_to_satisfy", "unrecoverable")


def classified(run: Run, path: Path | str, day: str) -> dict[str, object]:
    result = run("classify", str(path), "-c", CRIT, "--as-of", day, "-f", "json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def section(html: str, key: str) -> str:
    """The HTML of one <section id=...>."""
    match = re.search(rf'<section id="{key}">(.*?)</section>', html, re.DOTALL)
    assert match, f"no section {key}"
    return match.group(1)


def cells(fragment: str) -> list[list[str]]:
    """Table rows of an HTML fragment as lists of cell texts (tags removed)."""
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", fragment, re.DOTALL):
        texts = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)
        rows.append([re.sub(r"<[^>]+>", "", t).strip() for t in texts])
    return rows


@pytest.fixture
def hostile(write: object, tmp_path: Path) -> Path:
    """The example with a customer named <script>alert(1)</script> and other markup."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    # C0002 is unrecoverable, C0114 easy to satisfy: both are listed in the report
    rows = [
        row.replace("Boulangerie Dubois", "<script>alert(1)</script>").replace(
            "Restaurant Vidal", "<img src=x onerror=alert(2)> **bold** | pipe"
        )
        for row in rows
    ]
    path = tmp_path / "hostile.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_html_report_of_the_example(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("report", EX, "-c", CRIT, "--as-of", AS_OF, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {out}" in result.stderr
    html = out.read_text(encoding="utf-8")
    plain = classified(run, EX, AS_OF)
    summary = plain["summary"]
    assert isinstance(summary, dict)
    headline = section(html, "headline")
    assert "75.0\u00a0%" in headline  # quality
    assert "+44.9" in headline  # NPS
    for name in SEGMENTS:
        assert f'<div class="big">{summary["segments"][name]}</div>' in headline
    assert "No history kept" in headline
    # the top priorities: the first easy-to-satisfy customers in rank order
    customers = plain["customers"]
    assert isinstance(customers, list)
    easy = [c for c in customers if c["segment"] == "easy_to_satisfy"]
    rows = cells(section(html, "priorities"))[1:]
    assert [int(r[0]) for r in rows] == [c["priority"] for c in easy[:25]]
    assert rows[0][1] == f"{escape(easy[0]['name'])} {easy[0]['customer_id']}"
    more = len(easy) - 25
    assert f"… and {more} more" in section(html, "priorities")
    # unrecoverable with the reason
    lost = [c for c in customers if c["segment"] == "unrecoverable"]
    rows = cells(section(html, "unrecoverable"))[1:]
    assert len(rows) == 25
    for row, customer in zip(rows, lost, strict=False):
        reasons = {"outside_area": "Outside our delivery area",
                   "chronic_complainer": "Complains constantly"}  # fmt: skip
        expected = ", ".join(reasons[p] for p in customer["problems"]) or "no criterion met"
        assert row[2] == expected
    # the checklist: five steps
    assert section(html, "checklist").count("<li class=") == 5


def test_report_is_self_contained(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run("report", EX, "-c", CRIT, "--as-of", AS_OF, "-o", str(out))
    html = out.read_text(encoding="utf-8")
    assert (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
    ) in html
    lowered = html.lower()
    for forbidden in ("<script", "<link", "@import", "url(", "<iframe", "<object", "@font-face"):
        assert forbidden not in lowered
    addresses = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert addresses == {"http://www.w3.org/2000/svg"}  # the SVG namespace, never fetched
    # the segments bar is SVG; criteria, problems and NPS are HTML bars (their labels wrap on a
    # phone); no trend without history
    assert html.count("<svg") == 1
    assert html.count('<div class="chart bars') == 2
    assert "@media print" in html
    assert "size: A4" in html
    assert 'name="viewport"' in html


def test_every_value_from_the_input_is_escaped(run: Run, tmp_path: Path, hostile: Path) -> None:
    out = tmp_path / "report.html"
    result = run("report", str(hostile), "-c", CRIT, "--as-of", AS_OF, "-o", str(out),
                 "--limit", "0")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    markdown = tmp_path / "report.md"
    run("report", str(hostile), "-c", CRIT, "--as-of", AS_OF, "-o", str(markdown), "--limit", "0")
    text = markdown.read_text(encoding="utf-8")
    assert "<script" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "\\*\\*bold\\*\\* \\| pipe" in text


def test_labels_from_the_criteria_file_are_escaped_too(
    run: Run, tmp_path: Path, write: object
) -> None:
    text = EXAMPLE_CRITERIA.read_text(encoding="utf-8").replace(
        "label: Buys regularly", 'label: "<svg onload=alert(3)>"'
    )
    criteria = tmp_path / "criteria.yaml"
    criteria.write_text(text, encoding="utf-8")
    out = tmp_path / "report.html"
    result = run("report", EX, "-c", str(criteria), "--as-of", AS_OF, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<svg onload" not in html
    assert "&lt;svg onload=alert(3)&gt;" in html


def test_markdown_report_has_the_same_content(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = run("report", EX, "-c", CRIT, "--as-of", AS_OF, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"# Customer portfolio — {AS_OF}\n")
    assert "| Portfolio quality | **75.0\u00a0%** |" in text
    assert "| Satisfied | 88 (29.3\u00a0%) |" in text
    for title in ("## Criteria met and problems found", "## NPS by segment", "## Trend",
                  "## Who moved",
                  "## Who to call first: the easy-to-satisfy customers, in priority order",
                  "## Unrecoverable customers and why", "## The five steps"):  # fmt: skip
        assert f"\n{title}\n" in text
    assert "- Satisfied: +100" in text


def test_french_report(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    result = run("report", EX, "-c", CRIT, "--as-of", AS_OF, "-o", str(out), "--lang", "fr")
    assert result.exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    assert "Portefeuille clients — 23 novembre 2026" in html
    assert "Qualité du portefeuille" in html
    assert "75,0\u00a0%" in html
    assert (
        "Qui appeler en premier : les clients faciles à satisfaire, par ordre de priorité" in html
    )
    assert "Faciles à satisfaire" in html
    assert "Définir la satisfaction" in html
    flat = re.sub(r"[ \n]+", " ", html)
    assert "Irrécupérables parce que\u00a0: aucun critère rempli 45" in flat
    checklist = section(html, "checklist")
    assert "dernière écoute le 15 juin 2026" in checklist  # the steps' own lines, in French too
    for english in ("Portfolio quality", "Who to call", "Who moved", "Easy to satisfy"):
        assert english not in html


def test_three_monthly_runs_give_trend_and_migration(run: Run, tmp_path: Path) -> None:
    history = tmp_path / "history.sqlite"
    plain = {day: classified(run, path, day) for day, path in MONTHS.items()}
    for day, path in MONTHS.items():
        out = tmp_path / f"report-{day}.html"
        result = run("report", str(path), "-c", CRIT, "--as-of", day, "--history", str(history),
                     "-o", str(out), "-q")  # fmt: skip
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    html = (tmp_path / "report-2026-11-30.html").read_text(encoding="utf-8")
    # trend: one row per month, as the plain runs say
    trend = cells(section(html, "trend"))[1:]
    assert [row[0] for row in trend] == list(MONTHS)
    for row, day in zip(trend, MONTHS, strict=True):
        summary = plain[day]["summary"]
        assert isinstance(summary, dict)
        assert int(row[1]) == summary["total"]
        assert [int(v) for v in row[2:5]] == [summary["segments"][s] for s in SEGMENTS]
        assert row[5] == f"{100 * summary['quality']:.1f}\u00a0%"
    assert section(html, "trend").count("<circle") == 3
    # migration from October to November, counted here customer by customer
    before = {c["customer_id"]: c["segment"] for c in plain["2026-10-31"]["customers"]}  # type: ignore[attr-defined]
    after = {c["customer_id"]: c["segment"] for c in plain["2026-11-30"]["customers"]}  # type: ignore[attr-defined]
    expected = {row: dict.fromkeys((*SEGMENTS, "lost"), 0) for row in (*SEGMENTS, "new")}
    for customer, segment in after.items():
        expected[before.get(customer, "new")][segment] += 1
    for customer, segment in before.items():
        if customer not in after:
            expected[segment]["lost"] += 1
    matrix = cells(section(html, "migration"))
    labels = {"Satisfied": "satisfied", "Easy to satisfy": "easy_to_satisfy",
              "Unrecoverable": "unrecoverable", "New": "new", "Lost": "lost"}  # fmt: skip
    header = [labels[h] for h in matrix[0][1:]]
    shown = {
        labels[row[0]]: dict(zip(header, map(int, row[1:6]), strict=True)) for row in matrix[1:5]
    }
    assert shown == expected
    # headline: change since the previous snapshot
    quality_change = 100 * (
        plain["2026-11-30"]["summary"]["quality"]  # type: ignore[index]
        - plain["2026-10-31"]["summary"]["quality"]
    )  # type: ignore[index]
    sign = "+" if quality_change > 0 else "−"
    # the date in a card never breaks at its hyphens (non-breaking hyphens)
    assert f"{sign}{abs(quality_change):.1f} points since 2026\u201110\u201131" in section(
        html, "headline"
    )
    # moved down: listed with their rank
    down = [
        c for c in after if c in before and SEGMENTS.index(after[c]) > SEGMENTS.index(before[c])
    ]
    listed = cells(section(html, "migration"))[6:]
    assert sorted(row[1] for row in listed) == sorted(down)


def test_extra_sections_come_before_the_checklist(run: Run) -> None:
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.engine import classify
    from portfolio_cli.readers import read_customers
    from portfolio_cli.writers.report import Section, render_report, report_context

    rules = load_criteria(CRIT)
    customers = read_customers(EX, rules.customers.id)
    day = dt.date.fromisoformat(AS_OF)
    context = report_context(classify(customers, rules, day), rules, as_of=day, source=EX)
    extra = Section("profile", "Segment profile", Markup("<p>{}</p>").format("<b>x</b>"), "x")
    html = render_report(context, "html", extra=[extra]).decode("utf-8")
    assert '<section id="profile">\n<h2>Segment profile</h2>\n<p>&lt;b&gt;x&lt;/b&gt;</p>' in html
    assert html.index('id="profile"') < html.index('id="checklist"')
    markdown = render_report(context, "markdown", extra=[extra]).decode("utf-8")
    assert "\n## Segment profile\n\nx\n" in markdown


def test_checklist_warnings_are_in_the_report(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    said = run("report", EX, "-c", CRIT, "--as-of", "2027-08-01", "-o", str(out))
    checklist = section(out.read_text(encoding="utf-8"), "checklist")
    assert '<li class="warning"><strong>2. Listen to customers</strong>' in checklist
    assert "warning: overdue since 2027-06-15 (47 days)" in checklist
    # and on standard error, where the monthly run's owner sees it (as `check` says it)
    assert said.exit_code == 0
    assert said.stderr.startswith(
        f"warning: {CRIT}:15 listening.last_done: overdue since 2027-06-15 (47 days): ask your "
        "customers again, then update listening.last_done\n"
    )
    quiet = run("report", EX, "-c", CRIT, "--as-of", "2027-08-01", "-o", str(out), "-q")
    assert (quiet.exit_code, quiet.stderr) == (0, "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "report.pdf"], "error: cannot tell the report format from 'report.pdf': use a "
         ".html or .md name, or pass --format html|markdown\n"),
        (["-o", "r.html", "-f", "pdf"],
         "error: unknown report format 'pdf': use html or markdown\n"),
    ],
)  # fmt: skip
def test_bad_report_format(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("report", EX, "-c", CRIT, *args)
    assert (result.exit_code, result.stderr) == (2, message)
    assert list(tmp_path.iterdir()) == []


def test_fail_under_exits_1_after_writing(run: Run, tmp_path: Path) -> None:
    out, history = tmp_path / "report.html", tmp_path / "h.sqlite"
    result = run("report", EX, "-c", CRIT, "-o", str(out), "--history", str(history),
                 "--fail-under", "80", "-q", "--as-of", AS_OF)  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr == "portfolio quality 75.0 % is below --fail-under 80 %\n"
    assert out.is_file()
    assert history.is_file()
    result = run("report", EX, "-c", CRIT, "-o", str(out), "--fail-under", "75", "-q")
    assert (result.exit_code, result.stderr) == (0, "")


def test_an_error_leaves_no_report(run: Run, tmp_path: Path, write: object) -> None:
    out = tmp_path / "report.html"
    bad = tmp_path / "bad.csv"
    bad.write_text("customer_id,orders_12m\nC1,3\nC1,4\n", encoding="utf-8")
    result = run("report", str(bad), "-c", CRIT, "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert not out.exists()


def _cron(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run as cron does: no terminal, standard input closed."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update({"TERM": "xterm-256color", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "portfolio_cli", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=full_env,
        check=False,
        timeout=120,
    )


def test_cron_quiet_run_prints_nothing(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = _cron("report", EX, "-c", CRIT, "-o", str(out), "-q",
                   "--history", str(tmp_path / "h.sqlite"))  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")
    assert out.stat().st_size > 10_000


def test_no_colour_off_a_terminal(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = _cron("report", EX, "-c", CRIT, "-o", str(out), "--fail-under", "90")
    assert result.returncode == 1
    assert b"Portfolio quality 75.0 %" in result.stderr
    assert b"\x1b[" not in result.stderr + result.stdout
    listing = _cron("history", str(tmp_path / "none.sqlite"), env={"NO_COLOR": "1"})
    assert listing.returncode == 2
    assert b"\x1b[" not in listing.stderr


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("- not a bullet", "\\- not a bullet"),
        ("12. not a list", "12\\. not a list"),
        ("# not a heading", "\\# not a heading"),
        ("a|b *c* [l](u) `x`", "a\\|b \\*c\\* \\[l\\](u) \\`x\\`"),
        ("<b>&amp;</b>", "&lt;b&gt;&amp;amp;&lt;/b&gt;"),
        ("two\nlines", "two lines"),
        ("Cave Rigaud", "Cave Rigaud"),
    ],
)
def test_markdown_values_are_shown_as_written(value: str, written: str) -> None:
    from portfolio_cli.writers.report import markdown_escape

    assert markdown_escape(value) == written


def segments_by_id(run: Run, path: Path | str) -> dict[str, str]:
    customers = classified(run, path, AS_OF)["customers"]
    assert isinstance(customers, list)
    return {row["customer_id"]: row["segment"] for row in customers}


def test_report_ends_with_what_sets_each_segment_apart(run: Run, tmp_path: Path) -> None:
    import csv
    import statistics

    out = tmp_path / "report.html"
    assert run("report", EX, "-c", CRIT, "--as-of", AS_OF, "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    profile = section(html, "profile")
    assert html.index('id="profile"') < html.index('id="checklist"')
    # Of the columns the criteria do not read, only total_spent is a usable number (city and
    # postal_code have too many values): computed here from the file and the segments.
    segment = segments_by_id(run, EX)
    with EXAMPLE_PATH.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    spent = [float(row["total_spent"]) for row in rows]
    satisfied = [float(r["total_spent"]) for r in rows if segment[r["customer_id"]] == "satisfied"]
    median, whole = statistics.median(satisfied), statistics.median(spent)
    score = abs(median - whole) / statistics.stdev(spent)
    assert f"<h3>Satisfied: {len(satisfied)} customers (29.3% of the portfolio)</h3>" in profile
    top = cells(profile)[1]  # the satisfied segment's first characteristic
    assert top == [
        "median total_spent",
        f"{median:,.0f}",
        f"{whole:,.0f}",
        f"×{median / whole:.2f}",
        f"{score:.2f}",
    ]
    assert top == ["median total_spent", "3,944", "2,787", "×1.42", "0.39"]
    assert "Columns left out: customer_id (id), name (name), city (too many values)" in profile

    markdown = tmp_path / "rapport.md"
    result = run("report", EX, "-c", CRIT, "--as-of", AS_OF, "-o", str(markdown), "--lang", "fr")
    assert result.exit_code == 0, result.stderr
    text = markdown.read_text(encoding="utf-8")
    assert "\n## Ce qui distingue chaque segment\n\n### Satisfaits : 88 clients (29,3 % du" in text
    assert "| médiane de total_spent | 3\u202f944 | 2\u202f787 | ×1,42 | 0,39 |" in text
    assert text.index("## Ce qui distingue") < text.index("## Les cinq étapes")


def test_profile_values_in_the_report_are_escaped(run: Run, tmp_path: Path) -> None:
    segment = segments_by_id(run, EX)
    lines = EXAMPLE_PATH.read_text(encoding="utf-8").splitlines()
    script = "<script>alert(1)</script>"
    rows = [lines[0] + ",channel"] + [
        line + "," + (script if segment[line.split(",")[0]] == "satisfied" else "web")
        for line in lines[1:]
    ]
    path = tmp_path / "channel.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out, markdown = tmp_path / "report.html", tmp_path / "report.md"
    for target in (out, markdown):
        result = run("report", str(path), "-c", CRIT, "--as-of", AS_OF, "-o", str(target))
        assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    top = cells(section(html, "profile"))[1]
    assert top[:4] == [
        "channel = &lt;script&gt;alert(1)&lt;/script&gt;",
        "100.0%",
        "29.3%",
        "×3.41",
    ]
    text = markdown.read_text(encoding="utf-8")
    assert "<script" not in text
    assert "| channel = &lt;script&gt;alert(1)&lt;/script&gt; | 100.0% | 29.3% | ×3.41 |" in text


def test_report_with_an_outcome_shows_it_per_segment_and_per_tenth(
    run: Run, tmp_path: Path
) -> None:
    # the example's customers, with an outcome: the first half of the ids left
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    half = (len(lines) - 1) // 2
    rows = [lines[0] + ",left"] + [
        f"{row},{'yes' if i < half else 'no'}" for i, row in enumerate(lines[1:])
    ]
    data = tmp_path / "with_outcome.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    args = ("report", str(data), "-c", CRIT, "--as-of", AS_OF, "--outcome", "left")
    result = run(*args, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    profile = section(out.read_text(encoding="utf-8"), "profile")
    assert "<h3>How often &#39;left&#39; happened, per segment</h3>" in profile
    assert "<h3>&#39;left&#39; per tenth of the call list (1: called first)</h3>" in profile
    chart = profile[profile.index('<svg class="chart" role="img" aria-label="&#39;left&#39; per') :]
    chart = chart[: chart.index("</svg>")]
    assert chart.count("<rect ") == 10
    whole = [row for row in cells(profile) if row and row[0] == "Whole portfolio"]
    assert whole == [
        [
            "Whole portfolio",
            str(len(rows) - 1),
            str(half),
            f"{100 * half / (len(rows) - 1):.1f}%",
            "×1.00",
        ]
    ]
    markdown = tmp_path / "report.md"
    assert run(*args, "-o", str(markdown)).exit_code == 0
    text = markdown.read_text(encoding="utf-8")
    assert "### 'left' per tenth of the call list (1: called first)" in text
    assert "| Tenth | Ranks | Customers | Rate | |" in text


def test_report_refuses_an_outcome_the_criteria_read(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("report", EX, "-c", CRIT, "--outcome", "orders_12m", "-o", str(out))
    assert result.exit_code == 2
    assert "orders_12m" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_dash_writes_the_report_to_standard_output(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)  # `-o -` must not leave a file named '-' here
    result = run("report", EX, "-c", CRIT, "--as-of", AS_OF, "-o", "-", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    start = "# Customer portfolio — " if fmt == "markdown" else "<!DOCTYPE html>"
    assert result.stdout.startswith(start)
    assert "Portfolio quality 75.0 %" in result.stderr  # the summary stays on standard error
    assert "wrote" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_dash_without_a_format_writes_html(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report's own format: `portfolio report x.csv -o - > report.html` just works."""
    monkeypatch.chdir(tmp_path)
    result = run("report", EX, "-c", CRIT, "--as-of", AS_OF, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert result.stdout.rstrip().endswith("</html>")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_nps_column_without_answers_is_not_called_unnamed(
    run: Run, tmp_path: Path, fmt: str
) -> None:
    header_only = tmp_path / "new.csv"
    header_only.write_text(EXAMPLE.read_text(encoding="utf-8").splitlines()[0] + "\n")
    out = tmp_path / f"report.{fmt}"
    result = run("report", str(header_only), "-c", CRIT, "--as-of", AS_OF, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "No NPS: no customer has answered in column 'recommend_score' (listening.nps)." in (
        text.replace("&#39;", "'")
    )
    assert "name the column of 0-10 answers" not in text
