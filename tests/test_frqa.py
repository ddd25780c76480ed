"""What a French user, a consultant and a cron job noticed when playing with the tool (QA pass):
each test pins one message exactly as the user reads it, in both languages where it applies."""

from __future__ import annotations

import pytest

from conftest import AS_OF, CRIT, EX, Run


@pytest.mark.parametrize(
    ("lang", "customer", "expected"),
    [
        ("fr", "C0097", "Facile à satisfaire · priorité 172 sur 300 · 1 critère rempli sur 3"),
        ("fr", "C0019", "Irrécupérable · priorité 300 sur 300 · 0 critère rempli sur 3"),
        ("fr", "C0114", "Facile à satisfaire · priorité 159 sur 300 · 2 critères remplis sur 3"),
        ("en", "C0097", "Easy to satisfy · priority 172 of 300 · 1 of 3 criteria met"),
        ("en", "C0019", "Unrecoverable · priority 300 of 300 · 0 of 3 criteria met"),
    ],
)
def test_explain_counts_criteria_with_the_right_plural(
    run: Run, lang: str, customer: str, expected: str
) -> None:
    result = run("explain", EX, customer, "-c", CRIT, "--as-of", AS_OF, "--lang", lang)
    assert result.exit_code == 0
    assert expected in [line.strip() for line in result.stdout.splitlines()]
