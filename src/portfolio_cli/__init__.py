"""portfolio: which customers are satisfied, which are easy to satisfy, which are not worth it.

The library API (the CLI is a thin layer over it)::

    from portfolio_cli import load_criteria, read_customers, classify
    criteria = load_criteria("criteria.yaml")
    customers = read_customers("customers.csv", criteria.customers.id)
    result = classify(customers, criteria)
    result.summary.quality

Imports are lazy so that `portfolio --help` does not pay for pandas.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from portfolio_cli.criteria import load_criteria
    from portfolio_cli.engine import classify
    from portfolio_cli.readers import read_customers

__all__ = ["__version__", "classify", "load_criteria", "read_customers"]

_LAZY = {
    "load_criteria": "portfolio_cli.criteria",
    "classify": "portfolio_cli.engine",
    "read_customers": "portfolio_cli.readers",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'portfolio_cli' has no attribute {name!r}")
