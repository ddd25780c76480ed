"""Keep the gettext catalogues in step with the English messages. Run from anywhere:

    python scripts/translations.py extract  # catalogue/*.py → locale/portfolio.pot, .po updated
    python scripts/translations.py compile  # each .po → its .mo (what `pip install -e .` does)
    python scripts/translations.py new de   # start locale/de/LC_MESSAGES/portfolio.po

The English text of each message lives in `src/portfolio_cli/catalogue/*.py` under its key. In a
catalogue a message is found by its key (msgctxt) and its English (msgid); a counted message
(`KEY.one` / `KEY.other` in Python) is one entry with msgid_plural and one msgstr per plural form
of the language. Typer's own words (`catalogue/click.py: TYPER`) have no msgctxt, since Typer
asks gettext for them by their English alone.

`extract` keeps every translation whose English is unchanged; a message whose English changed
keeps its old translation marked fuzzy (review it, then remove the flag); a new message is added
untranslated; a message no longer in Python is dropped. The tests fail until every entry is
translated and none is fuzzy.

`extract` also moves into the French catalogue any `FR = {...}` dict still found in a catalogue
module (messages written before the catalogues moved to gettext, brought in by a merge) and
deletes that dict from the module.

Needs Babel (`pip install -e '.[test]'` brings it); the installed tool does not.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import importlib
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src"
sys.path.insert(0, str(SOURCE))

from portfolio_cli import __version__, messages  # noqa: E402
from portfolio_cli.catalogue import click  # noqa: E402

LOCALE = SOURCE / "portfolio_cli" / "locale"
POT = LOCALE / f"{messages.DOMAIN}.pot"
PROJECT = "portfolio-cli"
PLURAL_FORMS = {"fr": "nplurals=2; plural=(n > 1);"}  # 0 and 1 take the singular
WIDTH = 100  # as the code: fewer wrapped lines, smaller diffs


def po_path(lang: str) -> Path:
    """Where the catalogue of `lang` lives."""
    return LOCALE / lang / "LC_MESSAGES" / f"{messages.DOMAIN}.po"


def _entry(msgid: str | tuple[str, str], context: str | None, where: str) -> Message:
    """One gettext entry; `python-brace-format` when it has `{placeholders}` (Poedit and
    msgfmt -c check them), never Babel's guess of `python-format` from a `%` in the text."""
    texts = [msgid] if isinstance(msgid, str) else list(msgid)
    parsed = [name for text in texts for _, name, _, _ in string.Formatter().parse(text)]
    entry = Message(msgid, context=context, locations=[(where, 0)])
    entry.flags.discard("python-format")
    if any(name is not None for name in parsed):
        entry.flags.add("python-brace-format")
    return entry


def _area_path(area: object) -> str:
    return Path(str(getattr(area, "__file__", ""))).relative_to(ROOT).as_posix()


def english() -> list[Message]:
    """Every message of the Python catalogue, in the areas' order, as gettext entries."""
    entries = [_entry(text, None, _area_path(click)) for text in click.TYPER]
    for area in messages.AREAS:
        where = _area_path(area)
        for key, text in area.EN.items():
            if key.endswith(".other") and f"{key[:-6]}.one" in area.EN:
                continue  # written with its `.one`
            if key.endswith(".one") and f"{key[:-4]}.other" in area.EN:
                other = area.EN[f"{key[:-4]}.other"]
                msgid: str | tuple[str, str] = (text, other)
                entries.append(_entry(msgid, key[:-4], where))
            else:
                entries.append(_entry(text, key, where))
    return entries


def _key(entry: Message) -> str:
    """What identifies an entry across changes of its English: its key, else its text."""
    msgid = entry.id[0] if isinstance(entry.id, (tuple, list)) else entry.id
    return entry.context or str(msgid)


def _read(path: Path, locale: str | None = None) -> Catalog | None:
    if not path.exists():
        return None
    with path.open("rb") as file:
        return read_po(file, locale=locale)


def _french_left_in_python() -> dict[str, str | tuple[str, str]]:
    """The `FR` dicts still in catalogue modules, as translations by entry key."""
    found: dict[str, str | tuple[str, str]] = {}
    for module in sorted((SOURCE / "portfolio_cli" / "catalogue").glob("*.py")):
        area = importlib.import_module(f"portfolio_cli.catalogue.{module.stem}")
        french = getattr(area, "FR", None)
        if not french:
            continue
        for key, text in french.items():
            if key.endswith(".one") and f"{key[:-4]}.other" in french:
                found[key[:-4]] = (text, french[f"{key[:-4]}.other"])
            elif key.endswith(".other") and f"{key[:-6]}.one" in french:
                continue
            elif key.startswith("click.") and key[6:] in click.TYPER:
                found[key[6:]] = text  # Typer's words were once keyed by their English
            else:
                found[key] = text
    return found


def _delete_french_dicts() -> list[Path]:
    """Remove `FR = {...}` from every catalogue module; the modules that changed."""
    changed = []
    for module in sorted((SOURCE / "portfolio_cli" / "catalogue").glob("*.py")):
        text = module.read_text(encoding="utf-8")
        for node in ast.parse(text).body:
            target = node.target if isinstance(node, ast.AnnAssign) else None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
            if isinstance(target, ast.Name) and target.id == "FR":
                lines = text.splitlines(keepends=True)
                kept = lines[: node.lineno - 1] + lines[node.end_lineno or node.lineno :]
                module.write_text("".join(kept).rstrip() + "\n", encoding="utf-8")
                changed.append(module)
                break
    return changed


def _same(one: Catalog | None, other: Catalog) -> bool:
    """Whether two catalogues say the same (dates and Babel's version aside)."""
    if one is None:
        return False

    def said(catalog: Catalog) -> list[tuple[object, ...]]:
        moving = {"POT-Creation-Date", "PO-Revision-Date", "Generated-By"}
        header = [(name, value) for name, value in catalog.mime_headers if name not in moving]
        entries = [
            (
                entry.context,
                tuple(entry.id) if isinstance(entry.id, (tuple, list)) else entry.id,
                tuple(entry.string)
                if isinstance(entry.string, (tuple, list))
                else entry.string or "",
                sorted(entry.flags - {"python-format"}),
            )
            for entry in catalog
            if entry.id
        ]
        return [header, *entries]

    return said(one) == said(other)


def _catalog(locale: str | None, previous: Catalog | None) -> Catalog:
    catalog = Catalog(
        locale=locale,
        domain=messages.DOMAIN,
        project=PROJECT,
        version=__version__,
        msgid_bugs_address="portfolio developers",
        last_translator="portfolio developers",
        language_team=f"{locale} (portfolio developers)" if locale else "",
        charset="utf-8",
        fuzzy=False,
        header_comment=(
            f"# {locale or 'Template of the'} messages of portfolio-cli.\n"
            "# How to translate: docs/architecture.md, How translation works."
        ),
    )
    if previous is not None:  # dates move only when the entries do (see _write)
        catalog.creation_date = previous.creation_date
        catalog.revision_date = previous.revision_date
    # The plural rule is the translator's: kept from the catalogue, else ours, else CLDR's
    # (Babel's French has a third form for millions, which our French never used).
    plural_forms = previous.plural_forms if previous is not None else PLURAL_FORMS.get(locale or "")
    if locale is not None and plural_forms:
        catalog.mime_headers = [("Plural-Forms", plural_forms)]
    return catalog


def _write(path: Path, catalog: Catalog, previous: Catalog | None) -> bool:
    """Write `catalog` at `path` when its entries changed; whether it did."""
    if _same(previous, catalog):
        return False
    now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    if catalog.locale is None:
        catalog.creation_date = now
    else:
        catalog.revision_date = now
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=WIDTH, include_lineno=False, omit_header=False)
    return True


def extract() -> int:
    """Write the template and bring every language's catalogue in step with it."""
    entries = english()
    previous = _read(POT)
    template = _catalog(None, previous)
    for entry in entries:  # in the areas' order
        template.add(entry.id, context=entry.context, flags=entry.flags, locations=entry.locations)
    wrote = _write(POT, template, previous)
    print(f"{POT.relative_to(ROOT)}: {len(entries)} messages{'' if wrote else ', unchanged'}")

    french = _french_left_in_python()
    languages = {path.name for path in LOCALE.iterdir() if (path / "LC_MESSAGES").is_dir()}
    if french:
        languages.add("fr")  # the French found in Python has somewhere to go before it is deleted
    for lang in sorted(languages):
        path = po_path(lang)
        old = _read(path, lang)
        known = {_key(entry): entry for entry in old or [] if entry.id}
        catalog = _catalog(lang, old)
        untranslated = fuzzy = 0
        for entry in entries:
            before = known.get(_key(entry))
            text: object = "" if isinstance(entry.id, str) else ("",) * catalog.num_plurals
            flags = set(entry.flags)
            if lang == "fr" and _key(entry) in french:
                text = french[_key(entry)]
            elif before is not None:
                text = before.string
                if before.id != entry.id or before.fuzzy:
                    flags.add("fuzzy")  # the English changed: review the translation
            if not all(text if isinstance(text, (tuple, list)) else [text]):
                untranslated += 1
            fuzzy += "fuzzy" in flags
            catalog.add(
                entry.id, text, context=entry.context, flags=flags, locations=entry.locations
            )
        wrote = _write(path, catalog, old)
        print(
            f"{path.relative_to(ROOT)}: {untranslated} untranslated, {fuzzy} fuzzy"
            f"{'' if wrote else ', unchanged'}"
        )
    if french:
        for module in _delete_french_dicts():
            print(f"{module.relative_to(ROOT)}: French moved to {po_path('fr').relative_to(ROOT)}")
    return 0


def compile_all() -> int:
    """Compile each catalogue to its .mo beside it (an editable install reads them there)."""
    for path in sorted(LOCALE.glob(f"*/LC_MESSAGES/{messages.DOMAIN}.po")):
        catalog = _read(path)
        with path.with_suffix(".mo").open("wb") as file:
            write_mo(file, catalog)
        print(f"{path.with_suffix('.mo').relative_to(ROOT)}")
    return 0


def new(lang: str) -> int:
    """Start the catalogue of a new language from the template."""
    path = po_path(lang)
    if path.exists():
        print(f"{path.relative_to(ROOT)} exists: run `extract` to update it", file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True)
    return extract()


def main() -> int:
    """The command line of this script."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("extract", help="update the .pot and every .po from the Python English")
    commands.add_parser("compile", help="compile every .po to its .mo")
    start = commands.add_parser("new", help="start the catalogue of a language")
    start.add_argument("lang")
    args = parser.parse_args()
    if args.command == "extract":
        return extract()
    if args.command == "compile":
        return compile_all()
    return new(args.lang)


if __name__ == "__main__":
    sys.exit(main())
