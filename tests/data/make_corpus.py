"""Write the awkward input files the reader tests walk: `python tests/data/make_corpus.py`.

Each file under `corpus/` is a small export in a shape businesses really send (cp1252 with
semicolons, a BOM, tabs, a lone CR, decimal commas, day-first dates...) or a broken one; the
expected outcome of each is in tests/test_corpus.py. Also writes `customers-fr.csv`: the bundled
`examples/customers.csv` as French Excel saves it (semicolons, cp1252, CRLF, decimal commas with
non-breaking-space thousands, day-first dates), which must classify exactly as the original.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
NBSP = "\u00a0"
NNBSP = "\u202f"

CORPUS: dict[str, bytes] = {
    "utf8-bom-comma.csv": "\ufeffid,name,amount\nA1,Zoé,12.5\nA2,Gaël,7\n".encode(),
    "cp1252-semicolon-crlf.csv": (
        "id;nom;montant;date_commande\r\nA1;Lefèvre;1 234,56;31/01/2026\r\n"
        "A2;Cœur & Fils;12,5;01/02/2026\r\n"
    ).encode("cp1252"),
    "latin1-c1-byte.csv": b"id,name\nA1,Caf\xe9 \x81\nA2,Bar\n",
    "utf8-mojibake.csv": "id,name\nA1,LefÃ¨vre\nA2,Martin\n".encode(),
    "tab-separated.tsv": b"id\tname\tamount\nA1\tX\t3\nA2\tY\t4\n",
    "pipe-separated.csv": b"id|name|amount\nA1|X|3\nA2|Y|4\n",
    "lone-cr.csv": b"id,name,amount\rA1,X,3\rA2,Y,4\r",
    "thousands-narrow-nbsp.csv": (
        f'id,amount,ca\nA1,"1{NNBSP}234,5","1{NBSP}000{NBSP}000"\nA2,"12,25",7\n'.encode()
    ),
    "dot-thousands-comma-decimal.csv": b"id;amount\nA1;1.234,56\nA2;-12,5\n",
    "comma-thousands-dot-decimal.csv": b'id,amount\nA1,"1,234.56"\nA2,"1,000"\n',
    "leading-zeros.csv": b"id,postal_code,phone\n007,01000,0612345678\n008,75001,0712345678\n",
    "blank-and-whitespace.csv": b"id,score,city\nA1,  ,Lyon\nA2,7,   \nA3,,\n",
    "ambiguous-dates.csv": b"id,signed\nA1,01/02/2026\nA2,03/04/2026\n",
    "month-first-dates.csv": b"id,signed\nA1,12/31/2026\nA2,01/02/2026\n",
    "quoted-newline.csv": b'id,note\nA1,"line one\nline two"\nA2,plain\n',
    "utf16-bom.csv": "id;name\r\nA1;Zoé\r\n".encode("utf-16"),
    "ragged.csv": b"id,name\nA1,X\nA2,Y,extra\n",
    "binary.csv": b"\x00\x01\x02id\x00,name\n\x00\x00",
    "empty.csv": b"",
    "zip-named-csv.csv": b"PK\x03\x04\x14\x00\x06\x00rest of a workbook",
    "duplicate-ids.csv": b"id,name\nA1,X\nA2,Y\nA1,Z\n",
    "missing-id-column.csv": b"ident,name\nA1,X\n",
    "header-only.csv": b"id;name;amount\r\n",
}


def french_export(source: Path) -> bytes:
    """`examples/customers.csv` as French Excel saves it."""
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    names = list(rows[0])
    writer.writerow(names)
    for row in rows:
        spent = row["total_spent"]
        if spent:
            whole, _, cents = f"{float(spent):.2f}".partition(".")
            grouped = f"{int(whole):,}".replace(",", NBSP)
            row["total_spent"] = f"{grouped},{cents}"
        day = row["last_order_date"]
        if day:
            year, month, date = day.split("-")
            row["last_order_date"] = f"{date}/{month}/{year}"
        writer.writerow([row[name] for name in names])
    return out.getvalue().encode("cp1252")


def main() -> None:
    folder = HERE / "corpus"
    folder.mkdir(exist_ok=True)
    for name, content in CORPUS.items():
        (folder / name).write_bytes(content)
    (HERE / "customers-fr.csv").write_bytes(french_export(ROOT / "examples" / "customers.csv"))


if __name__ == "__main__":
    main()
