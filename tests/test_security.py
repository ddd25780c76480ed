"""A `when:` is parsed against an allow-list, never run: hostile conditions are refused, quickly.

Every hostile condition below would create a sentinel file if Python ever evaluated it; each test
asserts the sentinel is absent afterwards.
"""

from __future__ import annotations

import ast
import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from portfolio_cli.cli import app
from portfolio_cli.conditions.check import check_condition
from portfolio_cli.conditions.evaluate import Frame, compile_condition
from portfolio_cli.conditions.kinds import Kind
from portfolio_cli.conditions.parser import parse_condition
from portfolio_cli.conditions.tree import ExpressionError

SRC = Path(__file__).resolve().parents[1] / "src" / "portfolio_cli"

# SENTINEL is replaced by the path of a file that a successful injection would create.
TOUCH = "__import__('os').system('touch SENTINEL')"

HOSTILE = {
    # attributes and dunders
    "attribute": "x.__class__",
    "attribute-chain": "x.__class__.__bases__[0].__subclasses__()",
    "attribute-of-tuple": "().__class__.__mro__[1].__subclasses__()",
    "attribute-of-string": '"".join(x) == "a"',
    "attribute-of-call": "lower(x).__class__ == 1",
    "attribute-of-date": 'date("2026-01-01").year > 1',
    "attribute-of-backticks": "`x`.__class__",
    "dunder-import": TOUCH,
    "dunder-import-compared": f"{TOUCH} == 0",
    "dunder-import-in-and": f"x > 1 and {TOUCH}",
    "dunder-import-in-list": f"x in [{TOUCH}]",
    "dunder-import-as-argument": f"missing({TOUCH})",
    "dunder-import-in-date": f"date({TOUCH}) < x",
    "backticked-function": "`__import__`('os')",
    # calls of other names
    "eval": 'eval("1")',
    "eval-payload": f'eval("{TOUCH}")',
    "exec": "exec(\"open('SENTINEL', 'w')\")",
    "compile": 'compile("1", "<x>", "eval")',
    "open-passwd": 'open("/etc/passwd")',
    "open-write": 'open("SENTINEL", "w")',
    "getattr": 'getattr(x, "__class__")',
    "globals": "globals()",
    "vars": "vars()",
    "breakpoint": "breakpoint()",
    "input": "input()",
    "print": "print(1)",
    "type": "type(x)",
    "call-of-call": "missing(x)(1)",
    "fullwidth-eval": "ｅｖａｌ('1')",  # Python folds the name to `eval` (NFKC)
    # subscripts
    "subscript": "x[0] > 1",
    "subscript-string": 'x["a"] > 1',
    "slice": "x[1:2] > 1",
    # lambdas and comprehensions
    "lambda": "lambda: 1",
    "lambda-called": f"(lambda: {TOUCH})()",
    "list-comprehension": "[c for c in x]",
    "set-comprehension": "{c for c in x}",
    "dict-comprehension": "{c: 1 for c in x}",
    "generator": "(c for c in x)",
    "generator-argument": f"missing(c for c in [{TOUCH}])",
    # f-strings, walrus, conditional expressions
    "f-string": 'f"{x}" == "1"',
    "f-string-payload": f'f"{{{TOUCH}}}" == "0"',
    "walrus": "(y := 1) > 0",
    "walrus-payload": f"(y := {TOUCH}) > 0",
    "conditional": "1 if x else 2",
    "conditional-payload": f"x > 1 if {TOUCH} else x < 1",
    # operators outside + - * /
    "huge-power": "9**9**9**9",
    "power": "2 ** 100000000 > x",
    "modulo": "x % 2 == 0",
    "string-format": '"%s" % x == "1"',
    "floor-division": "x // 2 > 1",
    "bit-and": "x & 1",
    "bit-or": "x | 1",
    "bit-xor": "x ^ 1 > 0",
    "bit-invert": "~x > 0",
    "shift-left": "x << 100000000 > 0",
    "shift-right": "x >> 1 > 0",
    "matrix": "x @ x > 0",
    "is": "x is None",
    "is-not": "x is not 1",
    # starred and keyword arguments
    "starred-argument": "between(*[x, 1, 2])",
    "starred-in-list": "x in [*y]",
    "double-starred": 'lower(**{"x": 1}) == "a"',
    "keyword-argument": 'contains(x, text="a")',
    # tuples, sets, dicts
    "tuple": "(x, 1)",
    "tuple-after-in": "x in (1, 2)",
    "set": "{1, 2}",
    "set-after-in": "x in {1, 2}",
    "dict": '{"a": 1}',
    # statements, comments, odd literals
    "import": "import os",
    "semicolon": f"x > 1; {TOUCH}",
    "newline-statement": f"x > 1\n{TOUCH}",
    "comment": f"x > 1 # {TOUCH}",
    "line-continuation": "x > \\\n 1",
    "await": "await x",
    "yield": "(yield x)",
    "null-byte": "x > 1\x00",
    "bytes": "b'x' == x",
    "complex": "1j > x",
    "ellipsis": "... == x",
    # sizes
    "very-long": "x > 1 and " * 300 + "x > 1",
    "int-with-10000-digits": "1" * 10_000 + " > x",
    "int-too-large-for-a-float": "x > " + "9" * 1_990,
    "deep-parentheses": "(" * 500 + "x" + ")" * 500,
    "deep-not": "not (" * 150 + "x" + ")" * 150,
    "deep-negation": "-" * 1_900 + "x > 1",
    "deep-arithmetic": "x" + " + x" * 400 + " > 1",
    "deep-lists": "x in " + "[" * 300 + "1" + "]" * 300,
    "deep-calls": "lower(" * 300 + "x" + ")" * 300 + ' == "a"',
}


def hostile(name: str, sentinel: Path) -> str:
    return HOSTILE[name].replace("SENTINEL", str(sentinel))


@pytest.fixture
def sentinel(tmp_path: Path) -> Iterator[Path]:
    """A file that a successful injection would create; asserted absent after each test."""
    path = tmp_path / "pwned"
    yield path
    assert not path.exists(), "a condition ran code"


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_condition_is_refused_quickly(name: str, sentinel: Path) -> None:
    text = hostile(name, sentinel)
    # CPU time, not the wall clock: a runaway parse (exponential backtracking, a deep
    # recursion) takes seconds of CPU, while a loaded machine only stretches the wall clock
    started = time.process_time()
    with pytest.raises(ExpressionError) as info:
        parse_condition(text)
    assert time.process_time() - started < 1.0
    assert info.value.message
    assert info.value.code == "bad-condition"


@pytest.mark.parametrize(
    "text",
    [
        f"`{TOUCH}` > 1",
        "`__class__` > 1",
        "__builtins__ > 1",
        "__import__ == 1",
        "os > 1",
    ],
)
def test_names_are_only_column_names(text: str, sentinel: Path) -> None:
    # A name, even one that means something to Python, is looked up among the columns only.
    condition = parse_condition(text.replace("SENTINEL", str(sentinel)))
    with pytest.raises(ExpressionError) as info:
        check_condition(condition, {"x": Kind.NUMBER})
    assert info.value.code == "unknown-column"


def test_code_in_a_string_is_only_text(sentinel: Path) -> None:
    payload = TOUCH.replace("SENTINEL", str(sentinel)).replace("'", "\\'")
    condition = parse_condition(
        f"x == '{payload}' or contains(x, '{payload}') or lower(x) in ['{payload}']"
    )
    kinds = {"x": Kind.TEXT}
    check_condition(condition, kinds)
    frame = pd.DataFrame({"x": pd.Series(["a", None, payload.replace("\\'", "'")], dtype="str")})
    tri = compile_condition(condition)(Frame(frame, kinds, dt.date(2026, 1, 1)))
    assert tri.true.tolist() == [False, False, True]
    assert tri.false.tolist() == [True, False, False]


def test_arithmetic_on_text_is_refused_before_it_runs() -> None:
    # `"a" * 10**9` would build a huge string if it were ever computed
    with pytest.raises(ExpressionError) as info:
        check_condition(parse_condition('"a" * 1000000000 == x'), {"x": Kind.TEXT})
    assert info.value.code == "type-mismatch"


@pytest.mark.parametrize(
    "module", sorted(p.name for p in (SRC / "conditions").glob("*.py") if p.name != "__init__.py")
)
def test_the_condition_modules_never_evaluate_text(module: str) -> None:
    tree = ast.parse((SRC / "conditions" / module).read_text(encoding="utf-8"))
    called = {
        node.func.id if isinstance(node.func, ast.Name) else node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)
    }
    assert not called & {"eval", "exec", "__import__", "query", "import_module", "literal_eval"}
    assert "compile" not in {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }


# --- end to end: the CLI turns a hostile criteria file into one error, exit 2 --------------------

CSV = "customer_id,x,orders_12m\nC1,1,3\nC2,2,0\n"


def criteria_file(when: str) -> str:
    body = "\n".join(f"      {line}" for line in when.splitlines())
    return (
        "version: 1\n"
        "customers:\n"
        "  id: customer_id\n"
        "criteria:\n"
        "  - key: evil\n"
        "    label: Looks harmless\n"
        "    when: |\n"
        f"{body}\n"
        "problems:\n"
        "  - key: far\n"
        "    when: orders_12m > 100\n"
    )


def classify(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, criteria: str) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "customers.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "criteria.yaml").write_text(criteria, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["classify", "customers.csv", "-c", "criteria.yaml", "-o", "out.csv"]
    )
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr


def test_a_harmless_criteria_file_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sentinel: Path
) -> None:
    # the control: the same file with a plain condition is classified
    code, stderr = classify(tmp_path, monkeypatch, criteria_file("orders_12m >= 3"))
    assert (code, stderr.count("error:")) == (0, 0)
    assert (tmp_path / "out.csv").is_file()


CLI_HOSTILE = [
    "dunder-import",
    "eval-payload",
    "exec",
    "lambda-called",
    "f-string-payload",
    "attribute-chain",
    "walrus-payload",
    "huge-power",
    "newline-statement",
    "comment",
    "very-long",
]


@pytest.mark.parametrize("name", CLI_HOSTILE)
def test_cli_refuses_a_hostile_condition(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sentinel: Path
) -> None:
    code, stderr = classify(tmp_path, monkeypatch, criteria_file(hostile(name, sentinel)))
    assert code == 2
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    flat = " ".join(stderr.split())  # Rich wraps long lines on narrow terminals
    assert flat.startswith("error: criteria.yaml:7 criteria[0] (evil).when: ")
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    "yaml_text",
    [
        "    when: !!python/object/apply:os.system ['touch SENTINEL']\n",
        "    when: !!python/object/apply:subprocess.check_call [['touch', 'SENTINEL']]\n",
        "    when: !!python/object/new:os.system ['touch SENTINEL']\n",
        "    when: !!python/name:os.system\n",
        "    when: !shell touch SENTINEL\n",
        "    label: !!python/object/apply:os.system ['touch SENTINEL']\n    when: x > 1\n",
    ],
    ids=["apply-os-system", "apply-subprocess", "new-os-system", "name", "custom-tag", "on-label"],
)
def test_cli_refuses_yaml_tags(
    yaml_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sentinel: Path
) -> None:
    criteria = (
        "version: 1\n"
        "customers:\n"
        "  id: customer_id\n"
        "criteria:\n"
        "  - key: evil\n"
        f"{yaml_text.replace('SENTINEL', str(sentinel))}"
    )
    code, stderr = classify(tmp_path, monkeypatch, criteria)
    assert code == 2
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    flat = " ".join(stderr.split())
    assert flat.startswith("error: criteria.yaml:")
    assert "criteria[0]" in flat
    assert not (tmp_path / "out.csv").exists()


def test_cli_refuses_a_yaml_tag_at_the_top_level(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sentinel: Path
) -> None:
    criteria = f"!!python/object/apply:os.system ['touch {sentinel}']\n"
    code, stderr = classify(tmp_path, monkeypatch, criteria)
    assert code == 2
    assert stderr.startswith("error: criteria.yaml")
    assert not (tmp_path / "out.csv").exists()
