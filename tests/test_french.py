"""The French interface: `--lang fr` or a French locale turns what people read into French,
and never what machines read (CSV, JSON)."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys

import pytest

from conftest import AS_OF, CRIT, EX, ONE_CRITERION, ROOT, Run, Write
from portfolio_cli import messages
from portfolio_cli.criteria import parse_criteria

NO_ACTIONS = ONE_CRITERION


@pytest.fixture(params=["option", "locale"])
def french(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """French asked for by `--lang fr`, or by LANG=fr_FR.UTF-8 alone: the extra arguments."""
    if request.param == "option":
        return ["--lang", "fr"]
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    return []


def test_classify_table_summary_in_french(run: Run, french: list[str]) -> None:
    result = run("classify", EX, "-c", CRIT, "--as-of", AS_OF, "--limit", "1", *french)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert f"{EX} — 300 clients, au {AS_OF}" in lines
    assert "Qualité du portefeuille 75,0 %" in lines
    assert (
        "Satisfaits 88 (29 %) · Faciles à satisfaire 137 (46 %) · Irrécupérables 75 (25 %)" in lines
    )
    assert (
        "NPS +44,9 (247 réponses) — satisfaits +100 · faciles à satisfaire +46,8 · "
        "irrécupérables -56" in lines
    )
    assert (
        "Irrécupérables parce que : aucun critère rempli 45 · outside_area 12 · "
        "chronic_complainer 18" in lines
    )
    assert "… 299 autres clients : --limit 0 les montre tous, -f csv les exporte" in lines
    assert "Que faire" in lines
    header = result.stdout.split("─")[0]  # the table's heading, above its rule
    assert "segment" in header
    assert "problèmes" in header


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--out-delimiter", "xx", "doit être un seul caractère : , ; | ou tab (reçu 'xx')"),
        ("--delimiter", "xx", "doit être un seul caractère : , ; | ou tab (reçu 'xx')"),
        ("--decimal", "x", "doit être , ou . (reçu 'x')"),
        ("--header-row", "0", "doit être un numéro de ligne à partir de 1 (reçu '0')"),
    ],
)
def test_a_bad_option_value_in_french(
    run: Run, french: list[str], option: str, value: str, said: str
) -> None:
    result = run("classify", EX, "-c", CRIT, option, value, *french)
    assert (result.exit_code, result.stderr) == (2, f"erreur : {option} {said}\n")


def test_the_option_wins_over_the_locale(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    result = run("classify", EX, "-c", CRIT, "--as-of", AS_OF, "--lang", "en", "--limit", "1")
    assert "Portfolio quality 75.0 %" in result.stdout.splitlines()


def test_an_unknown_language_is_a_usage_error(run: Run) -> None:
    result = run("classify", EX, "-c", CRIT, "--lang", "de")
    assert result.exit_code == 2
    assert "unknown language 'de': use en or fr" in result.stderr
    assert result.stdout == ""


def test_check_checklist_in_french(run: Run, french: list[str]) -> None:
    result = run("check", EX, "-c", CRIT, "--as-of", AS_OF, *french)
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert f"{CRIT} — les cinq étapes" in lines
    assert "✓ 1. Définir la satisfaction" in lines
    assert "« Buys again, recommends us, pays on time. »" in lines
    assert "définie par : le client" in lines
    assert "✓ 3. Retenir trois critères" in lines
    assert "1. repeat_buyer : Buys regularly — si orders_12m >= 3" in lines
    assert "critère promoter : rempli par 161, non jugé pour 53 (valeurs manquantes)" in lines
    assert "problème chronic_complainer : présent chez 31" in lines
    assert f"{CRIT} : utilisable" in lines


def test_check_warnings_in_french(run: Run, write: Write) -> None:
    rules = write("c.yaml", NO_ACTIONS)
    result = run("check", "-c", str(rules), "--lang", "fr")
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert (
        "avertissement : aucune définition : dites dans satisfaction.definition ce qu'est pour "
        "vous un client satisfait" in lines
    )
    assert f"{rules} : utilisable, 3 avertissements" in lines


def test_explain_in_french(run: Run, french: list[str]) -> None:
    result = run("explain", EX, "C0114", "-c", CRIT, "--as-of", AS_OF, *french)
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "Facile à satisfaire · priorité 159 sur 300 · 2 critères remplis sur 3" in lines
    assert "Critères" in lines
    assert "✗ pays_on_time : non rempli" in lines
    assert "~ chronic_complainer : présent, compensé (2 critères remplis ou plus)" in lines
    assert "si complaints_12m > 3   lu : complaints_12m = 4" in lines


def test_an_error_in_french_with_its_suggestion(run: Run, write: Write, french: list[str]) -> None:
    rules = write("c.yaml", NO_ACTIONS.replace("orders_12m >= 3", "order_12m >= 3"))
    result = run("classify", EX, "-c", str(rules), *french)
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {rules}:6 criteria[0] (repeat_buyer).when: colonne inconnue 'order_12m' "
        "(vouliez-vous dire 'orders_12m' ?)\n    order_12m >= 3\n    ^^^^^^^^^\n"
    )


def test_schema_and_type_errors_in_french(run: Run, write: Write) -> None:
    rules = write(
        "c.yaml",
        NO_ACTIONS.replace("orders_12m >= 3", "region > 3\n    compensable: yes"),
    )
    result = run("check", "-c", str(rules), "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {rules}:7 criteria[0].compensable: clé inconnue 'compensable' (seul un "
        "problème peut être compensable : déplacez cette règle sous problems:)\n"
    )
    rules = write("d.yaml", NO_ACTIONS.replace("orders_12m >= 3", "region > 3"))
    result = run("classify", EX, "-c", str(rules), "--lang", "fr")
    assert result.stderr == (
        f"erreur : {rules}:6 criteria[0] (repeat_buyer).when: `>` compare la colonne 'region' "
        "(texte) avec 3 (nombre) : un texte ne peut pas être ordonné par rapport à un nombre\n"
        "    region > 3\n    ^^^^^^^^^^\n"
    )


def test_machine_outputs_are_the_same_in_both_languages(run: Run) -> None:
    for fmt in ("csv", "json"):
        english = run("classify", EX, "-c", CRIT, "--as-of", AS_OF, "-f", fmt, "--lang", "en")
        french = run("classify", EX, "-c", CRIT, "--as-of", AS_OF, "-f", fmt, "--lang", "fr")
        assert english.exit_code == french.exit_code == 0
        assert english.stdout == french.stdout
        assert '"satisfied"' in french.stdout or ",satisfied," in french.stdout
        assert "Qualité du portefeuille 75,0 %" in french.stderr.splitlines()


def test_default_advice_is_french_when_the_file_gives_none(run: Run, write: Write) -> None:
    rules = str(write("c.yaml", NO_ACTIONS))
    table = run("classify", EX, "-c", rules, "--lang", "fr", "--limit", "1")
    assert (
        "  Satisfaits : Remerciez-les, récompensez leur fidélité, demandez-leur de vous "
        "recommander." in table.stdout.splitlines()
    )
    english = run("classify", EX, "-c", rules, "-f", "csv", "--lang", "en").stdout
    french = run("classify", EX, "-c", rules, "-f", "csv", "--lang", "fr").stdout
    # the advice is written for people, so it follows the language; the segment keys do not
    assert (
        english.replace(
            "Thank them, reward loyalty, ask for referrals.",
            "Remerciez-les, récompensez leur fidélité, demandez-leur de vous recommander.",
        ).replace("Do not spend your time here.", "N'y consacrez pas votre temps.")
        == french
    )
    assert '"satisfied"' in french


def test_help_in_french_in_process(run: Run) -> None:
    result = run("classify", "--lang", "fr", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Classe les clients en satisfaits, faciles à satisfaire et irrécupérables." in text
    assert "Fichier de critères. Par défaut" in text
    assert "[obligatoire]" in text


def _portfolio(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    return subprocess.run(
        [sys.executable, "-m", "portfolio_cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**clean, "NO_COLOR": "1", "COLUMNS": "100", **env},
        cwd=ROOT,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("classify", "--help"), {"LANG": "fr_FR.UTF-8"}),
        (("classify", "--help", "--lang=fr"), {}),
    ],
    ids=["locale", "lang-after-help"],
)
def test_help_in_french_from_the_command_line(args: tuple[str, ...], env: dict[str, str]) -> None:
    result = _portfolio(*args, env=env)
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "Classe les clients en satisfaits, faciles à satisfaire et irrécupérables." in text
    assert "Écrit dans ce fichier (en entier, ou pas du tout) ; - pour la sortie standard." in text
    assert "Exemple :" in text


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (
            "init",
            [
                "Écrit un fichier de critères en répondant à des questions sur les cinq étapes de "
                "la méthode.",
                "Remplace PATH s'il existe, sans demander.",
                "Aucune question : écrit un fichier de départ raisonnable (demande --from).",
            ],
        ),
        (
            "profile",
            [
                "Montre ce qui distingue les clients de chaque segment de l'ensemble du "
                "portefeuille.",
                "Caractéristiques montrées par segment.",
                "Examine aussi les colonnes lues par les critères (écartées par défaut).",
            ],
        ),
    ],
)
def test_init_and_profile_help_in_french(command: str, expected: list[str]) -> None:
    result = _portfolio(command, "--help", env={"LANG": "fr_FR.UTF-8"})
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for sentence in expected:
        assert sentence in text
    assert "Exemple :" in text
    english = " ".join(_portfolio(command, "--help", env={}).stdout.split())
    assert "Exemple :" not in english
    assert "Example:" in english


def test_root_help_in_french_lists_the_commands() -> None:
    result = _portfolio("--help", env={"LC_ALL": "fr_FR.UTF-8"})
    assert result.returncode == 0
    assert "Commandes\u00a0:" in result.stdout
    assert "Vérifie le fichier de critères" in result.stdout


def test_library_errors_follow_the_chosen_language() -> None:
    with messages.using("fr"), pytest.raises(Exception, match="la liste est vide : écrivez au"):
        parse_criteria("version: 1\ncustomers:\n  id: id\ncriteria: []\n")
    with pytest.raises(Exception, match="the list is empty: write at least one criterion"):
        parse_criteria("version: 1\ncustomers:\n  id: id\ncriteria: []\n")


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["classify", "x.csv", "--lang", "fr"], {}, "fr"),
        (["classify", "--lang=fr", "x.csv"], {"LANG": "en_GB.UTF-8"}, "fr"),
        (["classify", "--lang", "en"], {"LANG": "fr_FR.UTF-8"}, "en"),
        (["classify", "--lang", "de"], {"LANG": "fr_FR.UTF-8"}, "fr"),  # the option refuses it
        (["classify", "--", "--lang", "fr"], {}, "en"),
        (["classify"], {"LC_MESSAGES": "fr_BE"}, "fr"),
    ],
)
def test_language_read_before_parsing(argv: list[str], env: dict[str, str], expected: str) -> None:
    assert messages.requested_language(argv, env) == expected


def test_numbers_and_plurals() -> None:
    assert messages.decimal(75.04, 1, "fr") == "75,0"
    assert messages.decimal(-4.25, 1, "en", sign=True) == "-4.2"
    assert messages.plural("summary.nps", 1, "en", nps="+3") == "NPS +3 (1 answer)"
    assert messages.plural("summary.nps", 0, "fr", nps="—") == "NPS — (0 réponse)"
    assert messages.plural("summary.nps", 0, "en", nps="—") == "NPS — (0 answers)"


# --- no user-facing sentence written inline ----------------------------------------------------

CONVERTED = [
    "five_steps.py",
    "criteria.py",
    "engine.py",
    "explain.py",
    "conditions/kinds.py",
    "conditions/tree.py",
    "conditions/parser.py",
    "conditions/check.py",
    "readers/__init__.py",
    "readers/csv.py",
    "inputs.py",
    "writers/files.py",
    "writers/terminal.py",
    "cli/__init__.py",
    "cli/check.py",
    "cli/classify.py",
    "cli/options.py",
    "cli/console.py",
    "cli/boundary.py",
    "cli/help.py",
    "cli/explain.py",
    "history.py",
    "writers/report.py",
    "cli/history.py",
    "cli/report.py",
    "cli/init.py",
    "cli/profile.py",
    "traits.py",
    "writers/traits.py",
    "batch.py",
    "cli/batch.py",
    "writers/history.py",
    "writers/suggest.py",
    "writers/sql.py",
    "chunked.py",
]
# Calls whose text a person reads: an error, a warning, a printed line, a table cell or heading.
SHOWN = {
    "Issue", "ExpressionError", "CriteriaError", "InputError", "UsageError", "BadParameter",
    "Text", "print", "echo", "append", "error", "add_column", "Step", "_bad_option",
}  # fmt: skip
# Words for people: a space and a word of three letters or more, once placeholders are set aside
# ("{k} {v}" and codes such as "unknown-column" or style="bold" are not sentences).
SENTENCE = re.compile(r"(?=.* )(?=.*[A-Za-z]{3,})")
# Texts that are not words for people: where in the criteria file, the program's name, a style.
NOT_SENTENCES = {"{} listening.nps", "{} policy.order_by[{}]", "portfolio {}", "bold {}"}


def _text_of(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):  # f"wrote {path}" reads as "wrote {}"
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def _inline_sentences(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name not in SHOWN:
            continue
        pending: list[ast.AST] = [*node.args, *(k.value for k in node.keywords)]
        while pending:
            part = pending.pop()
            if isinstance(part, ast.Call):
                continue  # message(...) and other calls inside are fine
            text = _text_of(part)
            if text is not None:
                if text not in NOT_SENTENCES and SENTENCE.match(text.replace("{}", "")):
                    found.append(f"line {node.lineno}: {text!r}")
                continue
            pending.extend(ast.iter_child_nodes(part))
    return found


@pytest.mark.parametrize("module", CONVERTED)
def test_no_sentence_for_people_written_inline(module: str) -> None:
    source = (ROOT / "src" / "portfolio_cli" / module).read_text(encoding="utf-8")
    assert _inline_sentences(source) == [], f"{module}: use messages.message(key)"


def test_the_inline_sentence_check_can_fail() -> None:
    assert _inline_sentences('Text("Portfolio quality")') == ["line 1: 'Portfolio quality'"]
    assert _inline_sentences('err.print(f"wrote {path}")') == ["line 1: 'wrote {}'"]
    assert _inline_sentences('Text(f"{key} {value}", style="bold")') == []
    assert _inline_sentences('Text(message("summary.quality"))') == []
    assert _inline_sentences('_bad_option("--x", "one character", x, lang)') == [
        "line 1: 'one character'"
    ]


def test_the_root_takes_the_language_for_its_command(run: Run) -> None:
    result = run("--lang", "fr", "classify", EX, "-c", CRIT, "--as-of", AS_OF, "--limit", "1")
    assert "Qualité du portefeuille 75,0 %" in result.stdout.splitlines()


def test_french_help_does_not_load_pandas() -> None:
    code = (
        "import sys\n"
        "from portfolio_cli.cli import main\n"
        "sys.argv = ['portfolio', 'classify', '--help']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy') if m in sys.modules))\n"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**clean, "LANG": "fr_FR.UTF-8", "NO_COLOR": "1"},
        check=False,
    )
    assert "Affiche ce message et quitte." in result.stdout
    assert result.stdout.splitlines()[-1] == "[]"


def test_profile_errors_in_french(run: Run) -> None:
    result = run("profile", EX, "-c", CRIT, "--outcome", "region", "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {CRIT}:33 problems[0] (outside_area).when: les critères lisent "
        "'region', la colonne de --outcome : juger des critères sur un résultat qu'ils lisent "
        "déjà est circulaire ; retirez-la de cette règle ou choisissez une autre colonne pour "
        "--outcome\n"
    )
    result = run("profile", EX, "-c", CRIT, "-o", "profil.pdf", "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr == (
        "erreur : impossible de déduire le format de 'profil.pdf' : utilisez un nom en .json, "
        ".csv ou .txt, ou passez --format\n"
    )
