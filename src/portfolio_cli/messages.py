"""The one message catalogue: every label a person reads, in English and French.

Code asks for a key (`message("segment.satisfied", lang)`), never writes a user-facing label
inline; a test walks every key and fails when a translation is missing. Column values and JSON
keys are not translated: `satisfied` stays `satisfied` in a CSV whatever the language.
"""

from __future__ import annotations

import os

LANGUAGES = ("en", "fr")

CATALOGUE: dict[str, dict[str, str]] = {
    "en": {
        "segment.satisfied": "Satisfied",
        "segment.easy_to_satisfy": "Easy to satisfy",
        "segment.unrecoverable": "Unrecoverable",
        "summary.quality": "Portfolio quality",
        "summary.customers": "{count} customers",
        "summary.as_of": "as of {date}",
        "summary.nps": "NPS",
        "summary.answers": "{count} answers",
        "summary.because": "Unrecoverable because",
        "summary.no_criterion_met": "no criterion met",
        "summary.unjudged": "Unjudged (a value was missing, counted as not met)",
        "summary.what_to_do": "What to do",
        "step.1": "Define satisfaction",
        "step.2": "Listen to customers",
        "step.3": "Keep three criteria",
        "step.4": "Define problems",
        "step.5": "Act",
    },
    "fr": {
        "segment.satisfied": "Satisfait",
        "segment.easy_to_satisfy": "Facile à satisfaire",
        "segment.unrecoverable": "Irrécupérable",
        "summary.quality": "Qualité du portefeuille",
        "summary.customers": "{count} clients",
        "summary.as_of": "au {date}",
        "summary.nps": "NPS",
        "summary.answers": "{count} réponses",
        "summary.because": "Irrécupérables parce que",
        "summary.no_criterion_met": "aucun critère rempli",
        "summary.unjudged": "Non jugés (valeur manquante, comptée comme non remplie)",
        "summary.what_to_do": "Que faire",
        "step.1": "Définir la satisfaction",
        "step.2": "Écouter les clients",
        "step.3": "Retenir trois critères",
        "step.4": "Définir les problèmes",
        "step.5": "Agir",
    },
}


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
