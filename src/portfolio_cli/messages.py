"""The one message catalogue: every label a person reads, in English, and its translations.

Code asks for a key (`message("segment.satisfied")`), never writes a user-facing label inline.
The English text lives beside its key in the area modules (`catalogue/*.py`); the other
languages live in gettext catalogues (`locale/fr/LC_MESSAGES/portfolio.po`, compiled to a `.mo`
when the package is built), where each message is found by its key (msgctxt) and its English
(msgid). A message counted with `plural` is one gettext entry with its plural forms, chosen by
the language's `Plural-Forms` rule. Column values and JSON keys are not translated:
`satisfied` stays `satisfied` in a CSV whatever the language.

The language is chosen once per process: the CLI sets it (`use`) from `--lang` or the
environment before it does anything else, and every message raised deep in the library — a
criteria file's schema error, a condition's type error, a reader's complaint — is written in it
when the error is built. That keeps the library's signatures free of a `lang` parameter threaded
through every function, and errors stay plain text that tests can compare. A library caller that
never calls `use` gets English. `message(key, lang)` still takes an explicit language.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import gettext
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from portfolio_cli.catalogue import (
    batch,
    click,
    conditions,
    core,
    criteria,
    guide,
    init,
    inputs,
    options,
    postgres,
    profile,
    report,
    spark,
    sql,
    suggest,
    system,
)
from portfolio_cli.catalogue import help as help_texts

# One module per area of the tool, each with its English messages (`EN`): add yours here.
AREAS = (
    core,
    options,
    criteria,
    conditions,
    help_texts,
    click,
    init,
    inputs,
    profile,
    report,
    batch,
    guide,
    suggest,
    sql,
    spark,
    postgres,
    system,
)

LANGUAGES = ("en", "fr")
DOMAIN = "portfolio"  # the gettext domain: locale/<language>/LC_MESSAGES/portfolio.mo
LOCALE_DIR = Path(__file__).parent / "locale"

ENGLISH: dict[str, str] = {}  # key → English text; `KEY.one` / `KEY.other` for a counted one
for _area in AREAS:
    _clash = ENGLISH.keys() & _area.EN.keys()
    if _clash:
        raise RuntimeError(f"message keys defined twice: {sorted(_clash)}")
    ENGLISH.update(_area.EN)

_current = "en"
# `use` puts the language in LANGUAGE for Typer's gettext calls: `_held` is the value it put
# there (None: none), `_saved` the user's own value, put back when English is chosen again and
# read in its place by `language`.
_held: str | None = None
_saved: str | None = None
C_LOCALES = ("C", "POSIX")  # locales whose output POSIX fixes: no translation, as gettext does


def language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language of messages: `--lang` if given, else the environment as GNU gettext reads
    it.

    LANGUAGE, a list such as `fr_CA:fr:en`, comes first: its first language we speak wins (one
    we do not, such as `de`, is passed over; a list with none of ours gives English, the
    untranslated text). As in gettext it is ignored when the locale is set to C or POSIX (a
    script asking for stable output); unlike gettext it is read when no locale variable is set
    at all, since whoever set LANGUAGE alone asked for that language. Otherwise the first of
    LC_ALL / LC_MESSAGES / LANG that is set decides, as in POSIX: French when it starts with
    `fr`, else English.
    """
    if option:
        return option.lower()[:2] if option.lower()[:2] in LANGUAGES else "en"
    env = os.environ if environ is None else environ
    locale = next((env[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(v)), "")
    listed = _user_language(env) if locale not in C_LOCALES else ""
    entries = [entry.strip() for entry in listed.split(":") if entry.strip()]
    for entry in entries:
        if entry.lower()[:2] in LANGUAGES:
            return entry.lower()[:2]
    if entries:
        return "en"
    return locale.lower()[:2] if locale.lower()[:2] in LANGUAGES else "en"


def _user_language(env: Mapping[str, str]) -> str:
    """LANGUAGE as the user set it, not as `use` set it for Typer."""
    value = env.get("LANGUAGE", "")
    if env is os.environ and _held is not None and value == _held:
        return _saved or ""
    return value


def requested_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language a command line asks for, read before the options are parsed.

    Help texts are built when the CLI is imported, before Typer parses anything, so `--lang fr`
    or `--lang=fr` is looked for in the raw arguments; an unknown value is left for the option
    itself to refuse.
    """
    for index, word in enumerate(argv):
        if word == "--":
            break
        value = None
        if word == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif word.startswith("--lang="):
            value = word.split("=", 1)[1]
        if value is not None and value.lower() in LANGUAGES:
            return value.lower()
    return language(None, environ)


def use(lang: str) -> str:
    """Write every later message in `lang` (`en` or `fr`); returns it.

    Typer's own words ("Options", "[required]", "Missing command.") go through gettext's
    module-level functions, which read the default domain and the LANGUAGE variable: in a
    translated language both point at our catalogue, in English back at Python's default.
    """
    global _current, _held, _saved
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    _current = lang
    if lang == "en":
        gettext.textdomain("messages")  # Python's own default: no catalogue, Typer's English
        if _held is not None:  # the user's LANGUAGE back
            if _saved is None:
                os.environ.pop("LANGUAGE", None)
            else:
                os.environ["LANGUAGE"] = _saved
            _held = None
    else:
        gettext.bindtextdomain(DOMAIN, LOCALE_DIR)
        gettext.textdomain(DOMAIN)
        if _held is None or os.environ.get("LANGUAGE") != _held:
            _saved = os.environ.get("LANGUAGE")
        os.environ["LANGUAGE"] = _held = lang
    return lang


def current() -> str:
    """The language messages are written in now."""
    return _current


@contextmanager
def using(lang: str) -> Iterator[str]:
    """Write messages in `lang` inside a `with` block, then go back to the previous language."""
    previous = _current
    use(lang)
    try:
        yield lang
    finally:
        use(previous)


@functools.cache
def translation(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang`, read once (English, the source language, has none).

    A missing `.mo` (a source tree nobody built) gives English rather than a crash; the test
    suite checks that the installed catalogue is there and matches its `.po`.
    """
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def _chosen(lang: str | None, values: dict[str, object]) -> str:
    return lang or str(values.pop("lang", "") or "") or _current


def message(key: str, lang: str | None = None, /, **values: object) -> str:
    """The text of `key` in `lang` (default: the current language; English when missing),
    with `{placeholders}` filled in. `lang=` may also be given by name."""
    chosen = _chosen(lang, values)
    english = ENGLISH[key]
    text = english if chosen == "en" else translation(chosen).pgettext(key, english)
    return text.format(**values) if values else text


def plural(key: str, count: int, lang: str | None = None, /, **values: object) -> str:
    """The form of `key` that fits `count` (`KEY.one` / `KEY.other` in English; in French 0 and
    1 take the singular, as the catalogue's Plural-Forms says), with `{count}` filled in."""
    chosen = _chosen(lang, values)
    one, other = ENGLISH[f"{key}.one"], ENGLISH[f"{key}.other"]
    # gettext's plural rule wants an int: a numpy count would warn
    text = translation(chosen).npgettext(key, one, other, int(count))
    return text.format(count=count, **values)


def decimal(value: float, digits: int = 1, lang: str | None = None, sign: bool = False) -> str:
    """`75.0` in English, `75,0` in French; `sign` writes `+` before positive numbers."""
    text = f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"
    return text.replace(".", ",") if (lang or _current) == "fr" else text


def thousands(value: int, lang: str | None = None) -> str:
    """`1,048,575` in English, `1 048 575` (narrow no-break spaces) in French."""
    text = f"{value:,}"
    return text.replace(",", "\u202f") if (lang or _current) == "fr" else text


def reason(exc: OSError, lang: str | None = None) -> str:
    """Why the system refused, in the current language (`no space left on device`).

    Python words the reasons in English only; the usual ones are in the catalogue, and any
    other is given as the system wrote it, starting with a small letter like our messages.
    """
    name = errno.errorcode.get(exc.errno or 0, "")
    key = f"system.reason.{name}"
    if name and key in ENGLISH:
        return message(key, lang)
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]


_FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def _as_date(value: dt.date | str) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def long_date(value: dt.date | str, lang: str | None = None) -> str:
    """A date for a sentence: `2026-11-30` in English (as machines write it), `30 novembre
    2026` in French (`1er décembre 2026` on the first)."""
    day = _as_date(value)
    if day is None or (lang or _current) != "fr":
        return str(value) if day is None else day.isoformat()
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {_FRENCH_MONTHS[day.month - 1]} {day.year}"


def short_date(value: dt.date | str, lang: str | None = None) -> str:
    """A date for a table or a chart: `2026-11-30` in English, `30/11/2026` in French."""
    day = _as_date(value)
    if day is None or (lang or _current) != "fr":
        return str(value) if day is None else day.isoformat()
    return day.strftime("%d/%m/%Y")
