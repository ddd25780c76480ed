"""The message catalogue: the English in Python, the French in its gettext catalogue (.po), the
compiled .mo that is installed, and the plural forms."""

from __future__ import annotations

import gettext
import io
import string

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from conftest import EXAMPLE_CRITERIA, Run
from portfolio_cli import messages
from portfolio_cli.catalogue import click
from portfolio_cli.messages import ENGLISH, language, message, plural

FRENCH_PO = messages.LOCALE_DIR / "fr" / "LC_MESSAGES" / f"{messages.DOMAIN}.po"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _french() -> Catalog:
    with FRENCH_PO.open("rb") as file:
        return read_po(file)


FRENCH = _french()
ENTRIES: dict[str, Message] = {entry.context or entry.id: entry for entry in FRENCH if entry.id}


def _expected() -> dict[str, str | tuple[str, str]]:
    """Every entry the Python English asks for: key (or Typer's text) → English."""
    expected: dict[str, str | tuple[str, str]] = {text: text for text in click.TYPER}
    for key, text in ENGLISH.items():
        if key.endswith(".one") and f"{key[:-4]}.other" in ENGLISH:
            expected[key[:-4]] = (text, ENGLISH[f"{key[:-4]}.other"])
        elif not (key.endswith(".other") and f"{key[:-6]}.one" in ENGLISH):
            expected[key] = text
    return expected


EXPECTED = _expected()


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_every_message_has_a_french_text_with_the_same_placeholders(key: str) -> None:
    assert key in ENTRIES, (
        f"{key!r} is not in {FRENCH_PO.name}: run scripts/translations.py extract"
    )
    entry = ENTRIES[key]
    english = EXPECTED[key]
    assert (tuple(entry.id) if isinstance(entry.id, (list, tuple)) else entry.id) == english, (
        f"the English of {key!r} changed since it was translated: run "
        "scripts/translations.py extract, then review the French"
    )
    french = list(entry.string) if isinstance(entry.string, (list, tuple)) else [entry.string]
    sources = list(english) if isinstance(english, tuple) else [english]
    assert len(french) == (FRENCH.num_plurals if isinstance(english, tuple) else 1)
    for text in french:
        assert text.strip(), f"no French text for {key!r}"
        # every plural form names what the English forms name ({count} may stay implicit in
        # none of them: both languages write the number)
        assert _placeholders(text) == set().union(*map(_placeholders, sources)), key


def test_the_french_catalogue_has_no_entry_python_does_not_ask_for() -> None:
    assert sorted(set(ENTRIES) - set(EXPECTED)) == []


def test_the_french_catalogue_has_nothing_fuzzy_or_obsolete() -> None:
    assert [entry.context or entry.id for entry in FRENCH if entry.id and entry.fuzzy] == []
    assert list(FRENCH.obsolete) == []
    assert not FRENCH.fuzzy  # the header itself


def test_french_plural_forms_count_zero_and_one_as_singular() -> None:
    assert FRENCH.plural_forms == "nplurals=2; plural=(n > 1);"
    assert plural("count.customers", 0, "fr") == "0 client"
    assert plural("count.customers", 1, "fr") == "1 client"
    assert plural("count.customers", 2, "fr") == "2 clients"
    assert plural("count.customers", 0, "en") == "0 customers"
    assert plural("count.customers", 1, "en") == "1 customer"


def test_the_installed_mo_is_the_compiled_po() -> None:
    """The .mo the package reads is what the .po compiles to (a stale one after editing the .po:
    `pip install -e .` or scripts/translations.py compile)."""
    compiled = io.BytesIO()
    write_mo(compiled, FRENCH)
    compiled.seek(0)
    installed = messages.LOCALE_DIR / "fr" / "LC_MESSAGES" / f"{messages.DOMAIN}.mo"
    with installed.open("rb") as file:
        assert gettext.GNUTranslations(file)._catalog == gettext.GNUTranslations(compiled)._catalog  # type: ignore[attr-defined]


def test_no_french_is_left_in_python() -> None:
    """French lives in the .po only: a `FR` dict brought back by a merge would be ignored."""
    left = [area.__name__ for area in messages.AREAS if hasattr(area, "FR")]
    assert left == [], "French goes in the .po: scripts/translations.py extract moves it there"


def test_typer_words_come_through_gettext_in_the_chosen_language() -> None:
    with messages.using("fr"):
        assert gettext.gettext("Commands") == "Commandes"
        assert gettext.gettext("required") == "obligatoire"
    assert gettext.gettext("Commands") == "Commands"


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
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    assert language(option) == expected


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANGUAGE": "fr", "LANG": "en_US.UTF-8"}, "fr"),  # before the locale, as in gettext
        ({"LANGUAGE": "fr_CA:fr:en", "LC_ALL": "en_GB.UTF-8"}, "fr"),
        ({"LANGUAGE": "de:fr:en", "LANG": "en_US.UTF-8"}, "fr"),  # the first one we speak
        ({"LANGUAGE": "en:fr", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANGUAGE": "de", "LANG": "fr_FR.UTF-8"}, "en"),  # none of ours: untranslated
        ({"LANGUAGE": "", "LANG": "fr_FR.UTF-8"}, "fr"),  # empty: not set
        ({"LANGUAGE": "fr", "LANG": "C.UTF-8"}, "fr"),  # C.UTF-8 is not the C locale
        ({"LANGUAGE": "fr"}, "fr"),  # no locale set at all: LANGUAGE alone says it
        ({"LANGUAGE": "fr", "LANG": "C"}, "en"),  # the C locale: ignored, as in gettext
        ({"LANGUAGE": "fr", "LC_ALL": "POSIX", "LANG": "fr_FR.UTF-8"}, "en"),
    ],
)
def test_language_variable_comes_first_unless_the_locale_is_c(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    assert language(None) == expected
    assert language("en") == "en"  # --lang wins over every variable


CRIT = str(EXAMPLE_CRITERIA)


def test_language_variable_on_the_command_line(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "fr:en")
    french = run("classify", "nope.csv", "-c", CRIT)
    assert (french.exit_code, french.stderr) == (2, "erreur : fichier introuvable : nope.csv\n")
    english = run("classify", "nope.csv", "-c", CRIT, "--lang", "en")
    assert english.stderr == "error: file not found: nope.csv\n"


def test_lang_fr_is_not_taken_for_the_users_language_variable(run: Run) -> None:
    """`use("fr")` puts LANGUAGE=fr in the environment for Typer; a later run of the same
    process reads the user's LANGUAGE (here none), not that."""
    assert run("classify", "nope.csv", "-c", CRIT, "--lang", "fr").stderr.startswith("erreur :")
    assert run("classify", "nope.csv", "-c", CRIT).stderr == "error: file not found: nope.csv\n"
