"""The import contracts (`[tool.importlinter]` in pyproject.toml, docs/architecture.md "Layers"):
the real tree keeps them; a backward import breaks the layers, even one written inside a
function, and so does a library module that imports Typer.

Each case copies the package to a temporary folder, changes the copy, and runs `lint-imports`
with the project's own contract on that copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
BACKWARD = "portfolio_cli.readers.csv -> portfolio_cli.cli"


def lint_imports(src: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the project's contract over the package found in `src`."""
    assert LINT_IMPORTS.exists(), "import-linter is missing: pip install -e '.[test]'"
    # the copy comes first on the path, before the installed (editable) package
    env = {**os.environ, "PYTHONPATH": str(src), "COLUMNS": "200"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(PYPROJECT)],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of src/ whose package the test may change."""
    src = tmp_path / "src"
    shutil.copytree(
        ROOT / "src" / "portfolio_cli",
        src / "portfolio_cli",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return src


def append(src: Path, module: str, code: str) -> None:
    path = src / "portfolio_cli" / module
    path.write_text(path.read_text(encoding="utf-8") + code, encoding="utf-8")


def test_the_tree_keeps_the_layers() -> None:
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_the_unchanged_copy_keeps_the_layers(copy: Path) -> None:
    # the cases below break the copy, not something the copying did
    result = lint_imports(copy)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_backward_import_inside_a_function_breaks_the_layers(copy: Path) -> None:
    append(
        copy,
        "readers/csv.py",
        "\n\ndef _backward() -> None:\n    from portfolio_cli.cli import app  # noqa: F401\n",
    )
    result = lint_imports(copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Contracts: 1 kept, 1 broken." in result.stdout
    assert "portfolio_cli.readers is not allowed to import portfolio_cli.cli" in result.stdout
    assert f"- {BACKWARD} (l." in result.stdout
    # and the contract says how to mend it
    assert "Move the code it needs\ndown, or pass it in from above" in result.stdout


def test_the_library_importing_typer_breaks_the_contract(copy: Path) -> None:
    # the library raises PortfolioError; only the CLI turns it into an exit code
    append(
        copy, "engine.py", "\n\ndef _stop() -> None:\n    import typer\n\n    raise typer.Exit(2)\n"
    )
    result = lint_imports(copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Only the command line imports Typer BROKEN" in result.stdout
    assert "- portfolio_cli.engine -> typer (l." in result.stdout


def test_a_backward_import_for_annotations_only_is_allowed(copy: Path) -> None:
    append(
        copy,
        "readers/csv.py",
        "\n\nimport typing  # noqa: E402\n\nif typing.TYPE_CHECKING:\n"
        "    from portfolio_cli.cli import app  # noqa: F401\n",
    )
    result = lint_imports(copy)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_module_placed_in_no_layer_breaks_the_contract(copy: Path) -> None:
    (copy / "portfolio_cli" / "stray.py").write_text('"""Not in any layer."""\n')
    result = lint_imports(copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Contracts: 1 kept, 1 broken." in result.stdout
    assert "The following modules are not listed as layers:\n\n- portfolio_cli.stray" in (
        result.stdout
    )
