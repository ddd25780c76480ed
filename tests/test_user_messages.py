"""What a French user, a consultant and a cron job noticed when playing with the tool (QA pass):
each test pins one message exactly as the user reads it, in both languages where it applies."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import AS_OF, CRIT, EX, ONE_CRITERION, Run, Write
from test_init import EXAMPLE_ANSWERS, keys

ONE_RULE = ONE_CRITERION


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


def _init_in(lang: str, run: Run, tmp_path: Path) -> str:
    """`init --from` answered like the example, but criterion 1 is met by one customer
    (orders_12m >= 19) and problem 2 by none (complaints_12m > 8); what it said."""
    answers = list(EXAMPLE_ANSWERS)
    answers[9] = "19"
    answers[30] = "8"
    if lang == "fr":
        answers[27], answers[33] = "n", "o"
    target = tmp_path / "c.yaml"
    result = run(
        "init", str(target), "--from", EX, "--as-of", AS_OF, "--lang", lang, input=keys(answers)
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return result.stderr


def test_init_in_french_speaks_french_to_the_end(run: Run, tmp_path: Path) -> None:
    said = _init_in("fr", run, tmp_path)
    assert "   6. orders_12m  (nombre, par ex. 6)" in said
    assert "   4. region  (texte, par ex. Auvergne-Rhône-Alpes)" in said
    assert f"{EX} lu : 300 clients, 11 colonnes." in said
    # French puts a space before the colon that ends each question
    assert "Quelle colonne contient l’identifiant du client [1] : " in said
    assert "Pour vous, qu’est-ce qu’un client satisfait, en une phrase : " in said
    assert "  → orders_12m >= 19 : 1 client sur 300 le remplit." in said
    assert "  → late_payments == 0 : 178 clients sur 300 le remplissent." in said
    assert "  → complaints_12m > 8 : présent chez 0 client sur 300." in said
    assert (
        f"Sur {EX} : satisfaits 1, faciles à satisfaire 217, irrécupérables 82 "
        "(qualité du portefeuille 72,7 %)."
    ) in said


def test_init_in_english_is_unchanged(run: Run, tmp_path: Path) -> None:
    said = _init_in("en", run, tmp_path)
    assert "   6. orders_12m  (number, e.g. 6)" in said
    assert "Which column holds the customer id [1]: " in said
    assert "  → orders_12m >= 19: 1 of 300 customers meet it." in said
    assert "  → late_payments == 0: 178 of 300 customers meet it." in said
    assert "  → complaints_12m > 8: present for 0 of 300 customers." in said
    assert (
        f"On {EX}: satisfied 1, easy to satisfy 217, unrecoverable 82 (portfolio quality 72.7 %)."
    ) in said


CLICK_ERRORS = [
    (
        ("classify", EX, "--fail-under", "150"),
        "Usage: portfolio classify [OPTIONS] INPUT\nTry 'portfolio classify -h' for help.\n\n"
        "Error: Invalid value for '--fail-under': Input should be less than or equal to 100\n",
        "Utilisation : portfolio classify [OPTIONS] INPUT\n"
        "Essayez 'portfolio classify -h' pour l'aide.\n\n"
        "erreur : valeur invalide pour '--fail-under' : elle doit valoir au plus 100\n",
    ),
    (
        ("classify", EX, "--fail-under", "abc"),
        "Error: Invalid value for '--fail-under': Input should be a valid number, unable to "
        "parse string as a number\n",
        "erreur : valeur invalide pour '--fail-under' : un nombre est attendu\n",
    ),
    (
        ("batch", EX, "-o", "out", "-j", "0"),
        "Error: Invalid value for '--jobs' / '-j': Input should be greater than or equal to 1\n",
        "erreur : valeur invalide pour '--jobs' / '-j' : elle doit valoir au moins 1\n",
    ),
    (
        ("batch", EX, "-o", "out", "--chunk-rows", "1.5"),
        "Error: Invalid value for '--chunk-rows' (env var: 'PORTFOLIO_CHUNK_ROWS'): Input should "
        "be a valid integer, unable to parse string as an integer\n",
        "erreur : valeur invalide pour '--chunk-rows' (variable d'environnement "
        "'PORTFOLIO_CHUNK_ROWS') : un nombre entier est attendu\n",
    ),
    (
        ("classify", EX, "--bogus"),
        "Error: No such option: --bogus (Possible options: --verbose)\n",
        "erreur : option inconnue : --bogus (vouliez-vous dire --verbose ?)\n",
    ),
    (
        ("explain", EX),
        "Error: Missing argument 'ID'.\n",
        "erreur : argument manquant : 'ID'\n",
    ),
    (
        ("report", EX),
        "Error: Missing option '--output' / '-o'.\n",
        "erreur : option manquante : '--output' / '-o'\n",
    ),
    (
        ("classify", EX, "extra"),
        "Error: Got unexpected extra argument(s) (extra)\n",
        "erreur : en trop sur la ligne de commande : extra\n",
    ),
    (
        ("nosuchcommand",),
        "Error: No such command 'nosuchcommand'.\n",
        "erreur : commande inconnue 'nosuchcommand' : portfolio --help les liste\n",
    ),
]


@pytest.mark.parametrize(("args", "english", "french"), CLICK_ERRORS, ids=lambda v: str(v)[:40])
def test_usage_errors_from_click_are_french_too(
    run: Run, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], english: str, french: str
) -> None:
    said = run(*args)
    assert said.exit_code == 2
    assert said.stdout == ""
    assert said.stderr.endswith(english)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    dit = run(*args)
    assert dit.exit_code == 2
    assert dit.stdout == ""
    assert dit.stderr.endswith(french)
    if english.startswith("Usage: "):
        assert dit.stderr == french


def test_usage_line_of_the_help_in_french(run: Run) -> None:
    assert run("explain", "--help").stdout.startswith(
        "Usage: portfolio explain [OPTIONS] INPUT ID\n"
    )
    assert run("explain", "--lang", "fr", "--help").stdout.startswith(
        "Utilisation : portfolio explain [OPTIONS] INPUT ID\n"
    )


@pytest.mark.parametrize(
    ("who", "english", "french"),
    [
        ("you", "defined by: you", "définie par : vous"),
        ("customer", "defined by: customer", "définie par : le client"),
        (
            "implicit",
            "defined by: implicit",
            "définie par : personne en toutes lettres, c’est implicite",
        ),
        ("together", "defined by: together", "définie par : vous et le client, ensemble"),
    ],
)
def test_check_says_who_defined_satisfaction_in_words(
    run: Run, write: Write, who: str, english: str, french: str
) -> None:
    rules = write("c.yaml", ONE_RULE + f"satisfaction:\n  defined_by: {who}\n")
    for lang, expected in (("en", english), ("fr", french)):
        result = run("check", "-c", str(rules), "--lang", lang)
        assert result.exit_code == 0
        assert expected in [line.strip() for line in result.stdout.splitlines()]


def test_batch_counts_customers_with_the_right_plural(run: Run, write: Write) -> None:
    one = write("one.csv", "customer_id,orders_12m\nC1,4\n")
    none = write("none.csv", "customer_id,orders_12m\n")
    rules = write("c.yaml", ONE_RULE)
    out = one.parent / "out"
    for inputs, english, french in (
        ([one], "1 of 1 files classified, 1 customer; wrote", "1 fichier classé sur 1, 1 client ;"),
        (
            [none],
            "1 of 1 files classified, 0 customers; wrote",
            "1 fichier classé sur 1, 0 client ;",
        ),
        (
            [one, none],
            "2 of 2 files classified, 1 customer; wrote",
            "2 fichiers classés sur 2, 1 client ;",
        ),
    ):
        paths = [str(path) for path in inputs]
        said = run("batch", *paths, "-c", str(rules), "-o", str(out), "--lang", "en", "-j", "1")
        assert said.exit_code == 0, said.stderr
        assert english in said.stderr
        dit = run("batch", *paths, "-c", str(rules), "-o", str(out), "--lang", "fr", "-j", "1")
        assert french in dit.stderr


def test_history_without_a_file_tells_what_to_run(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "h.sqlite"
    said = run("history", str(missing))
    assert said.exit_code == 2
    assert said.stderr == (
        f"error: no history file at {missing}: run `portfolio classify` or `portfolio report` "
        "with --history FILE first\n"
    )
    dit = run("history", str(missing), "--lang", "fr")
    assert dit.exit_code == 2
    assert dit.stderr == (
        f"erreur : le fichier d’historique {missing} n’existe pas : lancez d’abord "
        "`portfolio classify` ou `portfolio report` avec --history FICHIER\n"
    )


def test_batch_lists_a_pattern_that_matched_nothing_in_summary_csv(
    run: Run, write: Write, tmp_path: Path
) -> None:
    one = write("one.csv", "customer_id,orders_12m\nC1,4\n")
    rules = write("c.yaml", ONE_RULE)
    pattern = str(tmp_path / "nothing*.csv")
    for lang, said in (
        ("en", f"no file matches {pattern}"),
        ("fr", f"aucun fichier ne correspond à {pattern}"),
    ):
        out = tmp_path / f"out-{lang}"
        result = run("batch", str(one), pattern, "-c", str(rules), "-o", str(out), "--lang", lang)
        assert result.exit_code == 3
        assert (
            result.stderr.splitlines()[-1]
            == {
                "en": "1 of 2 files failed (see summary.csv)",
                "fr": "1 fichier en échec sur 2 (voir summary.csv)",
            }[lang]
        )
        lines = (out / "summary.csv").read_text(encoding="utf-8").splitlines()
        assert lines[1:] == [
            f'"{one}",1,1,0,0,1,,0,"ok",""',
            f'"{pattern}",,,,,,,,"failed","{said}"',
        ]


@pytest.mark.parametrize("option", ["--from", "--to"])
def test_history_names_the_date_option_that_is_wrong(run: Run, tmp_path: Path, option: str) -> None:
    history = tmp_path / "h.sqlite"
    first = run("classify", EX, "-c", CRIT, "--as-of", AS_OF, "-q", "--history", str(history))
    assert first.exit_code == 0
    said = run("history", str(history), option, "2026-99-01")
    assert said.exit_code == 2
    assert said.stderr == f"error: {option} must be a date written YYYY-MM-DD (got '2026-99-01')\n"
    dit = run("history", str(history), option, "2026-99-01", "--lang", "fr")
    assert dit.stderr == (
        f"erreur : {option} doit être une date écrite AAAA-MM-JJ (reçu '2026-99-01')\n"
    )


def test_as_of_keeps_its_own_name_in_the_date_error(run: Run) -> None:
    said = run("classify", EX, "-c", CRIT, "--as-of", "31/12/2026")
    assert said.exit_code == 2
    assert said.stderr == "error: --as-of must be a date written YYYY-MM-DD (got '31/12/2026')\n"


def test_orders_and_surveys_counts_in_french(run: Run, order_files: dict[str, str]) -> None:
    args = (
        "classify",
        order_files["customers"],
        "-c",
        order_files["rules"],
        "--orders",
        order_files["orders"],
    )
    result = run(*args, "--surveys", order_files["surveys"], "-f", "json", "-v", "--lang", "fr")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert (
        f"avertissement : {order_files['orders']} : les commandes de clients absents de la liste "
        "ne sont pas comptées : 1 (de 1 identifiant, comme 'Z')"
    ) in lines
    assert (
        f"avertissement : {order_files['surveys']} : les réponses de personnes absentes de la "
        "liste ne sont pas utilisées : 1 (de 1 identifiant, comme 'Q')"
    ) in lines
    assert f"{order_files['orders']} : 5 commandes de 3 clients" in lines
    assert (
        f"{order_files['surveys']} : 4 réponses, la plus récente de 2 clients est retenue" in lines
    )


def test_a_surveys_file_without_its_date_column_says_what_it_needs(
    run: Run, order_files: dict[str, str], write: Write
) -> None:
    surveys = write("no-date.csv", "id,when,score\nA,2026-01-01,9\n")
    args = (
        "classify", order_files["customers"], "-c", order_files["rules"],
        "--orders", order_files["orders"],
        "--surveys", str(surveys),
    )  # fmt: skip
    said = run(*args)
    assert said.exit_code == 2
    assert said.stderr == (
        f"error: {surveys} has no column 'date': a surveys file holds the customer id column, a "
        "'date' column and the listening.nps column; its columns are: id, when, score\n"
    )
    dit = run(*args, "--lang", "fr")
    assert dit.exit_code == 2
    assert dit.stderr == (
        f"erreur : {surveys} n'a pas de colonne 'date' : un fichier d'enquêtes contient la "
        "colonne d'identifiant des clients, une colonne 'date' et la colonne de listening.nps ; "
        "ses colonnes sont : id, when, score\n"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "one.csv: 1 customer, 2 columns (csv, utf-8, delimiter ',')",
                "warning: overdue since 2026-06-15 (1 day): ask your customers again, then update "
                "listening.last_done",
                "Satisfied: 1 customer (100.0% of the portfolio)",
                "one.csv: csv, utf-8, delimiter ',', 1 row",
            ],
        ),
        (
            "fr",
            [
                "one.csv : 1 client, 2 colonnes (csv, utf-8, séparateur ',')",
                "avertissement : en retard depuis le 15 juin 2026 (1 jour) : interrogez de nouveau "
                "vos clients, puis mettez à jour listening.last_done",
                "Satisfait : 1 client (100,0 % du portefeuille)",
                "one.csv : csv, utf-8, séparateur ',', 1 ligne",
            ],
        ),
    ],
)
def test_one_customer_one_day_one_row_are_singular(
    run: Run, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
    expected: list[str],
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    write("one.csv", "customer_id,orders_12m\nA,10\n")
    rules = ONE_RULE.replace("criteria:", "listening:\n  last_done: 2025-06-15\ncriteria:", 1)
    write("c.yaml", rules)
    day = ("--as-of", "2026-06-16", "--lang", lang)
    checked = run("check", "one.csv", "-c", "c.yaml", *day)
    lines = [" ".join(line.split()) for line in checked.stdout.splitlines()]
    flat = " ".join(lines)
    assert expected[0] in lines
    assert expected[1] in flat
    profiled = run("profile", "one.csv", "-c", "c.yaml", *day)
    assert profiled.stdout.splitlines()[0] == expected[2]
    verbose = run("classify", "one.csv", "-c", "c.yaml", "-f", "csv", "-v", *day)
    assert verbose.stderr.splitlines()[0] == expected[3]
