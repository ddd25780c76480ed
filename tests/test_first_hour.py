"""A French owner's first hour: a customer list with French column names, a criteria file
written by hand, and the mistakes people make on the way (issue 11, items 6-13)."""

from __future__ import annotations

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
