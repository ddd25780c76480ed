"""The one message catalogue: every label a person reads, in English and French.

Code asks for a key (`message("segment.satisfied", lang)`), never writes a user-facing label
inline; a test walks every key and fails when a translation is missing. Column values and JSON
keys are not translated: `satisfied` stays `satisfied` in a CSV whatever the language.
"""

from __future__ import annotations

import os

from portfolio_cli.catalogue import core, inputs

# One module per area of the tool, each with an EN and a FR dict: add yours here.
AREAS = (core, inputs)

LANGUAGES = ("en", "fr")

CATALOGUE: dict[str, dict[str, str]] = {"en": {}, "fr": {}}
for _area in AREAS:
    for _lang, _texts in (("en", _area.EN), ("fr", _area.FR)):
        _clash = CATALOGUE[_lang].keys() & _texts.keys()
        if _clash:
            raise RuntimeError(f"message keys defined twice: {sorted(_clash)}")
        CATALOGUE[_lang].update(_texts)


def language(option: str | None = None) -> str:
    """`--lang` if given, else French when LC_ALL / LANG starts with `fr`, else English."""
    if option:
        return option.lower()[:2] if option.lower()[:2] in LANGUAGES else "en"
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def message(key: str, lang: str = "en", **values: object) -> str:
    """The text of `key` in `lang` (English when missing), with `{placeholders}` filled in."""
    text = CATALOGUE.get(lang, {}).get(key) or CATALOGUE["en"][key]
    return text.format(**values) if values else text
