"""A French owner's first hour: a customer list with French column names, a criteria file
written by hand, and the mistakes people make on the way (issue 11, items 6-13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Run, Write

HEADER = (
    "Code client;Nom;Région;Nb commandes;Chiffre d'affaires;Réclamations;Retards paiement;"
    "Note recommandation\n"
)
CLIENTS = (
    HEADER
    + """\
C001;Maison Pagès;Occitanie;30;3 188,27;1;0;10
C002;Boulangerie Dubois;Corse;2;4 279,46;3;1;7
C003;Crêperie Noël;Bretagne;25;2 042,04;0;0;9
C004;Chez Raphaël;Auvergne;12;3 159,76;5;0;9
C005;Le Fournil;Normandie;0;120,00;0;2;3
C006;Épicerie Fine;Occitanie;40;9 999,00;0;0;10
C007;Bistrot Dupont;Bretagne;5;500,00;0;3;6
C008;Cave Martin;Corse;26;800,00;0;0;8
C009;La Table;Normandie;24;1 500,00;4;0;10
"""
)

CRITERES = """\
version: 1
customers:
  id: Code client
  name: Nom
satisfaction:
  definition: "Rachète, nous recommande, paie à l'heure."
  defined_by: customer
listening:
  last_done: 2026-06-15
  nps: Note recommandation
criteria:
  - key: fidele
    label: Achète régulièrement
    when: "`Nb commandes` >= 24"
  - key: promoteur
    label: Nous recommande
    when: "`Note recommandation` >= 9"
  - key: paie
    label: Paie à l'heure
    when: "`Retards paiement` == 0"
problems:
  - key: hors_zone
    label: Hors zone
    when: 'Région == "Corse"'
  - key: plaintif
    label: Se plaint beaucoup
    when: Réclamations > 3
    compensable: true
policy:
  compensate_with: 2
  order_by: ["`Chiffre d'affaires` desc"]
"""

AS_OF = "2026-12-05"


@pytest.fixture
def folder(write: Write) -> Path:
    """A folder holding clients.csv and criteres.yaml."""
    write("criteres.yaml", CRITERES)
    return write("clients.csv", CLIENTS).parent


# --- item 6: a decimal comma in a condition ----------------------------------------------------


def test_a_decimal_comma_says_write_a_dot(run: Run, folder: Path) -> None:
    rules = folder / "c.yaml"
    rules.write_text(CRITERES.replace(">= 24", "> 1000,5"), encoding="utf-8")
    result = run("check", "-c", str(rules), "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr == (
        f"erreur : {rules}:14 criteria[0] (fidele).when: écrivez les décimales avec un point : "
        "1000.5\n    `Nb commandes` > 1000,5\n                     ^^^^^^\n"
    )


# --- item 7: YAML mistakes in our own words ----------------------------------------------------


def test_an_unquoted_backtick_condition_says_to_quote_it(run: Run, folder: Path) -> None:
    rules = folder / "c.yaml"
    rules.write_text(CRITERES.replace('"`Nb commandes` >= 24"', "`Nb commandes` >= 24"), "utf-8")
    result = run("check", str(folder / "clients.csv"), "-c", str(rules), "--lang", "fr")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"erreur : {rules}:14: ce n'est pas du YAML valide (colonne 11) : une valeur qui "
        "commence par un accent grave (`) doit être entre guillemets : écrivez "
        'when: "`Nb commandes` >= 24"\n'
    )


def test_a_tab_says_yaml_does_not_allow_tabs(run: Run, folder: Path) -> None:
    rules = folder / "c.yaml"
    rules.write_text(CRITERES.replace("  name: Nom", "\tname: Nom"), "utf-8")
    result = run("classify", str(folder / "clients.csv"), "-c", str(rules))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {rules}:4: this is not valid YAML (column 1): YAML does not allow tabs: "
        "indent with spaces\n"
    )


# --- item 8: files given in each other's place -------------------------------------------------


def test_a_criteria_file_given_as_the_customer_list(run: Run, folder: Path) -> None:
    rules = str(folder / "criteres.yaml")
    result = run("classify", rules, "-c", rules)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {rules} looks like a criteria file, not a customer list: pass it with -c and "
        "give the customer list as INPUT\n"
    )


def test_a_criteria_file_under_another_name_on_standard_input(run: Run, folder: Path) -> None:
    result = run("check", "-", "-c", str(folder / "criteres.yaml"), "--lang", "fr", input=CRITERES)
    assert result.exit_code == 2
    assert result.stderr == (
        "erreur : <stdin> ressemble à un fichier de critères, pas à une liste de clients : "
        "passez-le avec -c et donnez la liste de clients en argument (INPUT)\n"
    )


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_a_customer_list_given_as_the_criteria_file(run: Run, folder: Path, encoding: str) -> None:
    clients = folder / "clients.csv"
    clients.write_bytes(CLIENTS.encode(encoding))
    result = run("classify", str(clients), "-c", str(clients), "-o", str(folder / "out.csv"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {clients} looks like a customer list, not a criteria file: give it as INPUT and "
        f"pass the criteria file with -c (`portfolio init --from {clients}` writes one)\n"
    )
    assert not (folder / "out.csv").exists()


def test_a_customer_list_with_another_suffix_given_as_criteria(run: Run, folder: Path) -> None:
    clients = folder / "export.txt"
    clients.write_text(CLIENTS, "utf-8")
    result = run("check", "-c", str(clients), "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"erreur : {clients} ressemble à une liste de clients, pas à un fichier de critères"
    )


# --- item 9: a typo in a file name, ids, criteria set aside -------------------------------------


@pytest.mark.parametrize(
    ("option", "given", "wanted", "expected"),
    [
        ("INPUT", "client.csv", "clients.csv", "file not found: {given} (did you mean {wanted}?)"),
        (
            "-c",
            "critere.yaml",
            "criteres.yaml",
            "criteria file not found: {given} (did you mean {wanted}?)",
        ),
        (
            "--surveys",
            "survey.csv",
            "surveys.csv",
            "file not found: {given} (did you mean {wanted}?)",
        ),
        ("INPUT", "Clients.CSV", "clients.csv", "file not found: {given} (did you mean {wanted}?)"),
        ("INPUT", "nothing-alike.csv", "", "file not found: {given}"),
    ],
)
def test_a_file_not_found_suggests_the_closest_file_in_its_folder(
    run: Run, folder: Path, option: str, given: str, wanted: str, expected: str
) -> None:
    (folder / "surveys.csv").write_text("Code client;date;Note recommandation\n", "utf-8")
    missing = str(folder / given)
    args = {"INPUT": str(folder / "clients.csv"), "-c": str(folder / "criteres.yaml")}
    if option == "--surveys":
        args["--surveys"] = missing
    else:
        args[option] = missing
    command = ["classify", args.pop("INPUT"), *[w for pair in args.items() for w in pair]]
    result = run(*command)
    assert result.exit_code == 2
    text = expected.format(given=missing, wanted=folder / wanted)
    assert result.stderr == f"error: {text}\n"


def test_a_file_not_found_in_french_suggests_too(run: Run, folder: Path) -> None:
    missing = folder / "client.csv"
    result = run("classify", str(missing), "-c", str(folder / "criteres.yaml"), "--lang", "fr")
    assert result.stderr == (
        f"erreur : fichier introuvable : {missing} (vouliez-vous dire {folder / 'clients.csv'} ?)\n"
    )


def test_a_blank_id_and_a_duplicate_id_are_reported_together(run: Run, folder: Path) -> None:
    clients = folder / "clients.csv"
    clients.write_text(CLIENTS.replace("\nC003;", "\n;").replace("\nC005;", "\nC001;"), "utf-8")
    result = run("classify", str(clients), "-c", str(folder / "criteres.yaml"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {clients}: Code client is blank on row 4: every customer needs an id\n"
        f"error: {clients}: Code client 'C001' appears on rows 2, 6: each customer must appear "
        "once\n"
    )


FOURTH = """\
  - key: livraison
    label: Accepte la livraison groupée
    when: Livraison == oui
problems:
"""


@pytest.mark.parametrize("command", ["check", "classify"])
def test_a_criterion_set_aside_is_checked_too(run: Run, folder: Path, command: str) -> None:
    rules = folder / "criteres.yaml"
    rules.write_text(CRITERES.replace("problems:\n", FOURTH), "utf-8")
    result = run(command, str(folder / "clients.csv"), "-c", str(rules), "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        f"error: {rules}:23 criteria[3] (livraison).when: unknown column 'Livraison' (the "
        "input's columns are: Code client, Nom, Région, Nb commandes, Chiffre d'affaires, "
        "Réclamations, Retards paiement, Note recommandation)\n    Livraison == oui\n"
        "    ^^^^^^^^^\n"
    ) in result.stderr


def test_a_valid_criterion_set_aside_still_only_warns(run: Run, folder: Path) -> None:
    rules = folder / "criteres.yaml"
    fourth = FOURTH.replace("Livraison == oui", "Réclamations == 0")
    rules.write_text(CRITERES.replace("problems:\n", fourth), "utf-8")
    result = run("check", str(folder / "clients.csv"), "-c", str(rules), "--as-of", AS_OF)
    assert result.exit_code == 0
    assert "so 'livraison' is set aside" in result.stdout


# --- item 11: who to call first -----------------------------------------------------------------


def test_classify_one_segment_keeps_whole_portfolio_ranks_and_summary(
    run: Run, folder: Path
) -> None:
    clients, rules = str(folder / "clients.csv"), str(folder / "criteres.yaml")
    result = run("classify", clients, "-c", rules, "--as-of", AS_OF, "--segment", "easy_to_satisfy")
    assert result.exit_code == 0
    rows = [line.split()[:2] for line in result.stdout.splitlines() if line[:1].isdigit()]
    assert rows == [["4", "C009"], ["5", "C004"]]
    assert "Satisfied 3 (33 %) · Easy to satisfy 2 (22 %) · Unrecoverable 4 (44 %)" in (
        result.stdout
    )


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown", "xlsx"])
def test_one_segment_in_every_format_written_with_o(run: Run, folder: Path, fmt: str) -> None:
    clients, rules = str(folder / "clients.csv"), str(folder / "criteres.yaml")
    suffix = {"markdown": "md"}.get(fmt, fmt)
    out = folder / f"out.{suffix}"
    result = run("classify", clients, "-c", rules, "--as-of", AS_OF, "--segment",
                 "unrecoverable", "-o", str(out), "--keep-columns")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    if fmt == "xlsx":
        import fastexcel

        sheet = fastexcel.read_excel(out).load_sheet(0).to_arrow()
        assert sheet.column(0).to_pylist() == ["C008", "C007", "C005", "C002"]
        assert sheet.column("priority").to_pylist() == [6, 7, 8, 9]
        return
    text = out.read_text(encoding="utf-8-sig")
    if fmt == "json":
        document = json.loads(text)
        assert [c["priority"] for c in document["customers"]] == [6, 7, 8, 9]
        assert document["summary"]["total"] == 9
        assert document["summary"]["segments"]["satisfied"] == 3
        return
    for present in ("C008", "C007", "C005", "C002", "Corse"):
        assert present in text
    for absent in ("C001", "C003", "C004", "C006", "C009"):
        assert absent not in text


def test_one_segment_with_limit_and_fail_under_of_the_whole_portfolio(
    run: Run, folder: Path
) -> None:
    clients, rules = str(folder / "clients.csv"), str(folder / "criteres.yaml")
    result = run("classify", clients, "-c", rules, "--as-of", AS_OF, "--segment", "satisfied",
                 "--limit", "2", "--fail-under", "60")  # fmt: skip
    assert result.exit_code == 1  # quality 55.6 % is the whole portfolio's, not 100 %
    rows = [line.split()[:2] for line in result.stdout.splitlines() if line[:1].isdigit()]
    assert rows == [["1", "C006"], ["2", "C001"]]
    assert "… 1 more customer: --limit 0 shows all, -f csv exports them" in result.stdout
    assert result.stderr == "portfolio quality 55.6 % is below --fail-under 60 %\n"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "easy",
            "unknown segment 'easy' for --segment (did you mean 'easy_to_satisfy'?): use "
            "satisfied, easy_to_satisfy, unrecoverable",
        ),
        (
            "satisfed",
            "unknown segment 'satisfed' for --segment (did you mean 'satisfied'?): use "
            "satisfied, easy_to_satisfy, unrecoverable",
        ),
        (
            "vip",
            "unknown segment 'vip' for --segment: use satisfied, easy_to_satisfy, unrecoverable",
        ),
    ],
)
def test_an_unknown_segment_is_a_usage_error(
    run: Run, folder: Path, given: str, expected: str
) -> None:
    out = folder / "out.csv"
    result = run("classify", str(folder / "clients.csv"), "-c", str(folder / "criteres.yaml"),
                 "--segment", given, "-o", str(out))  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == f"error: {expected}\n"
    assert not out.exists()


def test_an_unknown_segment_in_french(run: Run, folder: Path) -> None:
    result = run("classify", str(folder / "clients.csv"), "-c", str(folder / "criteres.yaml"),
                 "--segment", "facile", "--lang", "fr")  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        "erreur : segment inconnu 'facile' pour --segment (vouliez-vous dire 'easy_to_satisfy' "
        "?) : utilisez satisfied, easy_to_satisfy, unrecoverable\n"
    )


def test_a_segment_key_written_with_hyphens_or_capitals_is_accepted(run: Run, folder: Path) -> None:
    result = run("classify", str(folder / "clients.csv"), "-c", str(folder / "criteres.yaml"),
                 "--segment", "Easy-To-Satisfy", "-f", "csv", "-q")  # fmt: skip
    assert result.exit_code == 0
    assert [line.split(";")[0] for line in result.stdout.splitlines()[1:]] == [
        '"C009"',
        '"C004"',
    ]  # `;` in, `;` out


def test_the_report_call_list_is_the_easy_to_satisfy_customers(run: Run, folder: Path) -> None:
    out = folder / "rapport.md"
    result = run("report", str(folder / "clients.csv"), "-c", str(folder / "criteres.yaml"),
                 "--as-of", AS_OF, "-o", str(out), "--lang", "fr")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    call_list = text.split(
        "## Qui appeler en premier : les clients faciles à satisfaire, par ordre de priorité\n"
    )[1].split("\n## ")[0]
    rows = [line for line in call_list.splitlines() if line.startswith("| ") and "(C0" in line]
    assert [row.split("|")[1:3] for row in rows] == [
        [" 4 ", " La Table (C009) "],
        [" 5 ", " Chez Raphaël (C004) "],
    ]
    assert "portfolio classify --segment easy_to_satisfy" in call_list.replace("\\", "")


# --- item 13: small things ----------------------------------------------------------------------


def test_quiet_table_prints_the_table_alone(run: Run, folder: Path) -> None:
    result = run("classify", str(folder / "clients.csv"), "-c", str(folder / "criteres.yaml"),
                 "--as-of", AS_OF, "-q")  # fmt: skip
    assert result.exit_code == 0
    assert "C006" in result.stdout
    for absent in ("Portfolio quality", "What to do", "9 customers"):
        assert absent not in result.stdout
    assert result.stderr == ""


def test_help_usage_line_reads_as_a_man_page(run: Run) -> None:
    classify = run("classify", "--help").stdout
    assert classify.startswith("Usage: portfolio classify [OPTIONS] INPUT\n")
    assert "  INPUT  Customer list" in classify
    assert "<str>" not in classify
    assert "portfolio classify customers.csv --segment easy_to_satisfy" in classify
    assert run("init", "--help").stdout.startswith("Usage: portfolio init [OPTIONS] [PATH]\n")
    assert run("batch", "--help").stdout.startswith("Usage: portfolio batch [OPTIONS] INPUT...\n")


def test_french_help_headings_take_the_french_colon(run: Run) -> None:
    lines = run("explain", "--lang", "fr", "--help").stdout.splitlines()
    assert lines[0] == "Utilisation : portfolio explain [OPTIONS] INPUT ID"
    assert "Arguments\u00a0:" in lines
    assert "Options\u00a0:" in lines
    assert "Arguments:" not in lines


def test_french_summary_agrees_with_its_counts(run: Run, folder: Path, write: Write) -> None:
    result = run("classify", str(folder / "clients.csv"), "-c", str(folder / "criteres.yaml"),
                 "--as-of", AS_OF, "--lang", "fr")  # fmt: skip
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "Satisfaits 3 (33 %) · Faciles à satisfaire 2 (22 %) · Irrécupérables 4 (44 %)" in lines
    assert "Satisfaits : Remerciez-les, récompensez leur fidélité, demandez-leur de vous " \
        "recommander." in lines  # fmt: skip
    one = write("un.csv", HEADER + "C001;Maison Pagès;Occitanie;30;3 188,27;1;0;10\n")
    result = run("classify", str(one), "-c", str(folder / "criteres.yaml"), "--lang", "fr")
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "Satisfait 1 (100 %) · Facile à satisfaire 0 (0 %) · Irrécupérable 0 (0 %)" in lines


def test_french_checklist_dates_order_and_who_in_words(run: Run, folder: Path) -> None:
    rules = folder / "criteres.yaml"
    rules.write_text(CRITERES.replace("defined_by: customer", "defined_by: together"), "utf-8")
    result = run("check", "-c", str(rules), "--as-of", AS_OF, "--lang", "fr")
    text = " ".join(result.stdout.split())
    assert "définie par : vous et le client, ensemble" in text
    assert "(together)" not in text
    assert "dernière écoute le 15 juin 2026, à refaire après 12 mois : prochaine le 15 juin " \
        "2027" in text  # fmt: skip
    assert "puis Chiffre d'affaires décroissant" in text
    assert " desc" not in text


def test_french_report_dates_and_words(run: Run, folder: Path) -> None:
    history = folder / "history.sqlite"
    for day in ("2026-11-30", "2026-12-01"):
        out = folder / "rapport.md"
        clients, rules = str(folder / "clients.csv"), str(folder / "criteres.yaml")
        result = run("report", clients, "-c", rules, "--as-of", day, "--history",
                     str(history), "-o", str(out), "--lang", "fr")  # fmt: skip
        assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Portefeuille clients — 1er décembre 2026\n")
    assert "| Satisfaits | 3 (33,3\u00a0%) (+0 depuis le 30/11/2026) |" in text
    assert "| 30/11/2026 | 9 |" in text
    assert "au 1er décembre 2026." in text
    assert "2026-11-30" not in text
    assert "(customer)" not in text
    assert " desc" not in text


# --- item 10: init --from a French list --------------------------------------------------------


def test_init_yes_understands_french_column_names(run: Run, folder: Path) -> None:
    from portfolio_cli.criteria import load_criteria

    target = folder / "propose.yaml"
    result = run("init", str(target), "--from", str(folder / "clients.csv"), "--yes",
                 "--as-of", AS_OF, "--lang", "fr")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rules = load_criteria(target)
    assert [(r.key, r.when, r.compensable) for r in rules.problems] == [
        ("reclamations", "`Réclamations` > 3", True),
        ("retards_paiement", "`Retards paiement` > 1", True),
    ]
    assert [str(key) for key in rules.policy.order_by] == ["Chiffre d'affaires desc"]
    assert [r.key for r in rules.criteria] == ["promoter", "nb_commandes", "chiffre_d_affaires"]
    assert all(r.key.isascii() for r in rules.rules())
    check = run("check", str(folder / "clients.csv"), "-c", str(target), "--as-of", AS_OF)
    assert check.exit_code == 0, check.stderr


def test_init_yes_knows_the_other_french_words(run: Run, write: Write) -> None:
    from portfolio_cli.criteria import load_criteria

    source = write(
        "export.csv",
        "Réf client;Raison sociale;Code postal;CA;Litiges;Impayés;Date dernière commande\n"
        "A1;Alpha;75001;1 200;0;0;01/11/2026\n"
        "A2;Beta;13002;800;2;1;15/06/2026\n"
        "A3;Gamma;69003;4 500;0;0;20/11/2026\n"
        "A4;Delta;33000;300;5;3;02/01/2025\n"
        "A5;Epsilon;59000;2 250;1;0;30/09/2026\n",
    )
    target = source.parent / "propose.yaml"
    result = run("init", str(target), "--from", str(source), "--yes", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    rules = load_criteria(target)
    assert [(r.key, r.when) for r in rules.criteria] == [
        ("ca", "CA >= 1200"),
        ("date_derniere_commande", "days_since(`Date dernière commande`) <= 66"),
    ]
    assert [r.key for r in rules.problems] == ["litiges", "impayes"]
    assert [str(key) for key in rules.policy.order_by] == ["CA desc"]
    assert rules.customers.id == "Réf client"


def test_keys_are_ascii_snake_case_without_accents() -> None:
    from portfolio_cli.naming import make_key

    assert make_key("Réclamations", set()) == "reclamations"
    assert make_key("Chiffre d'affaires", set()) == "chiffre_d_affaires"
    assert make_key("Impayés (12 mois)", set()) == "impayes_12_mois"
    assert make_key("Réclamations", {"reclamations"}) == "reclamations_2"


# --- item 12: profile --------------------------------------------------------------------------


def test_profile_leaves_codes_and_coordinates_out(run: Run, write: Write) -> None:
    rows = ["id,ZipCode,Latitude,Longitude,Ref,spend,orders"]
    for n in range(40):
        rows.append(
            f"K{n:03d},{90001 + 37 * n},{33.9 + n / 100:.4f},{-118.2 - n / 100:.4f},"
            f"{100000 + 7919 * n},{100 + 13 * n},{n % 7}"
        )
    data = write("telco.csv", "\n".join(rows) + "\n")
    rules = write("c.yaml", "version: 1\ncustomers:\n  id: id\ncriteria:\n"
                  "  - key: loyal\n    when: orders >= 3\n")  # fmt: skip
    result = run("profile", str(data), "-c", str(rules), "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    skipped = {item["column"]: item["reason"] for item in document["skipped"]}
    for code in ("ZipCode", "Latitude", "Longitude", "Ref"):
        assert skipped[code] == "code"
    assert document["columns"] == ["spend"]
    table = run("profile", str(data), "-c", str(rules))
    assert "median ZipCode" not in table.stdout
    assert "ZipCode (a code or coordinates, not a quantity)" in " ".join(table.stdout.split())


def test_profile_says_a_small_segment_is_too_small_to_trust(run: Run, folder: Path) -> None:
    clients, rules = str(folder / "clients.csv"), str(folder / "criteres.yaml")
    result = run("profile", clients, "-c", rules, "--as-of", AS_OF)
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "Satisfied: 3 customers (33.3% of the portfolio)" in lines
    text = " ".join(result.stdout.split())
    assert "only 3 customers: too few to trust these differences (at least 30 are needed)" in text
    french = run("profile", clients, "-c", rules, "--as-of", AS_OF, "--lang", "fr")
    assert "seulement 4 clients : trop peu pour se fier à ces écarts (il en faut au moins 30)" in (
        " ".join(french.stdout.split())
    )
    document = run("profile", clients, "-c", rules, "--as-of", AS_OF, "-f", "json").stdout
    assert json.loads(document)["segments"]["unrecoverable"]["small"] is True
