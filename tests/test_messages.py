"""The message catalogue: every key has a French text, and placeholders agree."""

from __future__ import annotations

import string

import pytest

from portfolio_cli.messages import CATALOGUE, language, message


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE["en"]))
def test_every_key_has_a_french_text_with_the_same_placeholders(key: str) -> None:
    assert key in CATALOGUE["fr"], f"no French text for {key!r}"
    assert CATALOGUE["fr"][key].strip(), f"empty French text for {key!r}"
    assert _placeholders(CATALOGUE["fr"][key]) == _placeholders(CATALOGUE["en"][key])


def test_no_french_key_without_an_english_one() -> None:
    assert set(CATALOGUE["fr"]) <= set(CATALOGUE["en"])


def test_segment_names_in_french() -> None:
    assert message("segment.satisfied", "fr") == "Satisfait"
    assert message("segment.easy_to_satisfy", "fr") == "Facile à satisfaire"
    assert message("segment.unrecoverable", "fr") == "Irrécupérable"


@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        ("fr", {}, "fr"),
        ("en", {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, {"LANG": "fr_FR.UTF-8"}, "fr"),
        (None, {"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        (None, {"LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        (None, {}, "en"),
    ],
)
def test_language_from_option_then_environment(
    option: str | None, env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    assert language(option) == expected
