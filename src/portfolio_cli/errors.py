"""The one exception family of portfolio, and the `Issue` that each error or warning carries.

Errors are raised deep in the library and caught once, in the CLI, where they become lines on
standard error and exit code 2. Nothing here prints or exits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """One problem found in a criteria file, an input or an option.

    `code` is a stable kebab-case name (`unknown-column`, `bad-condition`); `where` says where
    (`criteria.yaml:14 criteria[1] (promoter).when`); `message` says what is wrong and how to fix
    it; `detail` holds extra lines shown beneath, such as the condition with a caret.
    """

    code: str
    message: str
    where: str = ""
    detail: str = ""

    def __str__(self) -> str:
        head = f"{self.where}: {self.message}" if self.where else self.message
        return f"{head}\n{self.detail}" if self.detail else head


class PortfolioError(Exception):
    """Base of every error a user can cause; the CLI turns it into exit code 2."""

    exit_code = 2
    # warnings found before the error (a garbled encoding that explains it): shown before it
    warnings: tuple[Issue, ...] = ()

    def __init__(self, issues: Issue | str | Iterable[Issue], code: str = "error") -> None:
        if isinstance(issues, str):
            found = [Issue(code, issues)]
        elif isinstance(issues, Issue):
            found = [issues]
        else:
            found = list(issues)
        self.issues: tuple[Issue, ...] = tuple(found)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(issue) for issue in self.issues)


class CriteriaError(PortfolioError):
    """The criteria file cannot be used: every problem found is in `issues`."""


class InputError(PortfolioError):
    """A customer list (or orders, surveys file) cannot be read as given."""


class UsageError(PortfolioError):
    """An option or argument is wrong (a bad date, an unknown format, no criteria file)."""


class OutputError(PortfolioError):
    """An output cannot be written: a full disk, a closed standard output, an I/O error."""
