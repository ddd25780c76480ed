"""The one build step pyproject.toml cannot declare: compiling the translations.

Each `src/portfolio_cli/locale/<language>/LC_MESSAGES/portfolio.po` becomes its `.mo`, the file
gettext reads at run time. The `.mo` files are generated, never committed: a wheel (`pip install
.`, `python -m build`) gets them in its build folder, an editable install (`pip install -e .`)
beside their `.po` in the source tree, where the package reads them. Babel compiles (a build
requirement only); its output depends on nothing but the `.po` and Babel's version, which
pyproject.toml pins, so every build gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import Command, setup
from setuptools.command.build import build

SOURCE = Path("src")
CATALOGUES = "portfolio_cli/locale/*/LC_MESSAGES/*.po"


class build_mo(Command):  # lower case: setuptools names its commands so
    """Compile the gettext catalogues (.po → .mo)."""

    description = "compile the gettext catalogues (.po to .mo)"
    user_options: list[tuple[str, str | None, str]] = []  # noqa: RUF012 (setuptools' protocol)

    def initialize_options(self) -> None:
        self.build_lib: str | None = None
        self.editable_mode = False

    def finalize_options(self) -> None:
        self.set_undefined_options("build_py", ("build_lib", "build_lib"))

    def _catalogues(self) -> list[tuple[Path, Path]]:
        target = SOURCE if self.editable_mode else Path(str(self.build_lib))
        return [
            (po, target / po.relative_to(SOURCE).with_suffix(".mo"))
            for po in sorted(SOURCE.glob(CATALOGUES))
        ]

    def run(self) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po, mo in self._catalogues():
            with po.open("rb") as file:
                catalog = read_po(file)
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.open("wb") as file:
                write_mo(file, catalog)  # fuzzy entries left out, as msgfmt does

    def get_outputs(self) -> list[str]:
        return [str(mo) for _, mo in self._catalogues()]

    def get_source_files(self) -> list[str]:
        return [str(po) for po, _ in self._catalogues()]

    def get_output_mapping(self) -> dict[str, str]:
        return {str(mo): str(po) for po, mo in self._catalogues()}


class build_with_catalogues(build):
    """`build`, with the catalogues compiled first."""

    sub_commands = [("build_mo", None), *build.sub_commands]  # noqa: RUF012


setup(cmdclass={"build": build_with_catalogues, "build_mo": build_mo})
