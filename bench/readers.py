"""Reading benchmarks: `python bench/readers.py [ROWS]` (default 1,000,000). Run by hand.

1. A ROWS-row semicolon/cp1252/CRLF export (decimal commas with non-breaking-space thousands,
   day-first dates, leading-zero postal codes) written to bench/data/ (gitignored), then read by
   `read_customers`: every column typed, and only the columns a criteria file needs.
2. Sniffing the separator on ~50 lines: csv.Sniffer restricted to , ; tab | against clevercsv
   (if installed), accuracy and time on a few shapes.
3. Encoding: the fixed order (BOM, UTF-8, cp1252, latin-1) against charset-normalizer (if
   installed) on short French cp1252 files.
Timings are medians (reads: of 5 alternated runs) in one process; compare ratios, the
machine is shared.
"""

from __future__ import annotations

import random
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from timing import DATA, median_time

from portfolio_cli.readers import read_customers
from portfolio_cli.readers.sniff import guess_delimiter, guess_encoding

NAMES = ["Lefèvre", "Gaëlle", "Noël", "Thérèse", "Cœur", "Œuvre", "Zoé", "Hélène", "Françoise"]
CITIES = ["Besançon", "Nîmes", "Orléans", "Saint-Étienne", "Périgueux", "Sète"]


def french_export(rows: int) -> Path:
    """A semicolon/cp1252 export like French Excel's, written once per size."""
    path = DATA / f"customers-fr-{rows}.csv"
    if path.exists():
        return path
    DATA.mkdir(exist_ok=True)
    rng = random.Random(3)
    header = "id;nom;ville;code_postal;commandes;ca;derniere_commande;note;reclamations;retards"
    with path.open("w", encoding="cp1252", newline="") as out:
        out.write(header + "\r\n")
        for i in range(rows):
            spent = (
                f"{rng.randint(0, 99_999):,}".replace(",", "\u00a0") + f",{rng.randint(0, 99):02d}"
            )
            day = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2020, 2026)}"
            score = "" if rng.random() < 0.1 else str(rng.randint(0, 10))
            postal = f"{rng.randint(1000, 95999):05d}"
            out.write(
                f"C{i:07d};{rng.choice(NAMES)} {i};{rng.choice(CITIES)};{postal};"
                f"{rng.randint(0, 30)};{spent};{day};{score};{rng.randint(0, 5)};"
                f"{rng.randint(0, 3)}\r\n"
            )
    return path


def bench_read(rows: int) -> None:
    path = french_export(rows)
    size = path.stat().st_size / 1e6
    needed = ["commandes", "ca", "note", "retards"]
    every_times, some_times = [], []
    for _ in range(5):  # alternated, so that a busy moment of the machine hits both
        every_times.append(median_time(lambda: read_customers(path, "id"), repeat=1))
        some_times.append(median_time(lambda: read_customers(path, "id", columns=needed), repeat=1))
    every, some = statistics.median(every_times), statistics.median(some_times)
    customers = read_customers(path, "id", columns=needed)
    print(
        f"read {rows:,} rows ({size:.0f} MB, {customers.info.encoding}, "
        f"delimiter {customers.info.delimiter!r}):"
    )
    print(f"  every column typed:     {every:.2f} s (best {min(every_times):.2f} s)")
    print(f"  5 needed columns typed: {some:.2f} s (best {min(some_times):.2f} s)")
    print(f"  kinds: {', '.join(f'{k}={v.value}' for k, v in customers.kinds.items())}")


SHAPES = {
    ",": 'id,name,amount,city\nA1,"Dupont, Jean",12.5,Lyon\n',
    ";": "id;nom;montant;ville\nA1;Dupont, Jean;12,5;Lyon\n",
    "\t": "id\tname\tamount\tcity\nA1\tDupont; Jean\t12.5\tLyon\n",
    "|": "id|name|amount|city\nA1|Dupont, Jean|12.5|Lyon\n",
}


def _sniff_score(guess: Callable[[str], str], samples: list[tuple[str, str]]) -> tuple[float, int]:
    """Seconds for 25 rounds over the samples, and how many separators it got right."""
    seconds = median_time(lambda: [guess(s) for _, s in samples * 25], repeat=5)
    return seconds, sum(guess(s) == d for d, s in samples)


def bench_sniff() -> None:
    samples = [
        (d, body.split("\n", 1)[0] + "\n" + body.split("\n", 1)[1] * 60)
        for d, body in SHAPES.items()
    ]
    ours, right = _sniff_score(guess_delimiter, samples)
    print(
        f"separator, {len(samples)} shapes x 25: csv.Sniffer restricted {ours * 1000:.0f} ms, "
        f"{right}/{len(samples)} right"
    )
    try:
        import clevercsv
    except ImportError:
        print("  (clevercsv not installed: pip install clevercsv to compare)")
        return

    def clever(sample: str) -> str:
        return str(
            clevercsv.Sniffer()
            .sniff("\n".join(sample.splitlines()[:50]), delimiters=list(",;\t|"))
            .delimiter
        )

    theirs, right = _sniff_score(clever, samples)
    print(
        f"  clevercsv {theirs * 1000:.0f} ms, {right}/{len(samples)} right "
        f"({theirs / ours:.1f}x the time)"
    )


FRENCH = [
    "id;nom;ville\r\n1;Lefèvre;Besançon\r\n2;Gaëlle Noël;Orléans\r\n",
    "id;nom\r\n1;Thérèse Lefèvre\r\n",
    "client;remarque\r\nA;très déçu, livré en retard\r\nB;à revoir\r\n",
    "id;nom;montant\r\n1;Cœur de Lyon;12,5 €\r\n2;Œuvres Françoise;3\r\n",
    "nom\r\nHélène\r\n",
]


def bench_encoding() -> None:
    files = [text.encode("cp1252") for text in FRENCH]
    ours = sum(
        guess_encoding(data, True) == "cp1252" and data.decode("cp1252") == text
        for data, text in zip(files, FRENCH, strict=True)
    )
    print(f"encoding of {len(files)} short French cp1252 files: fixed order right on {ours}")
    try:
        import charset_normalizer
    except ImportError:
        print("  (charset-normalizer not installed)")
        return
    right = 0
    for data, text in zip(files, FRENCH, strict=True):
        best = charset_normalizer.from_bytes(data).best()
        decoded = str(best) if best is not None else ""
        right += decoded == text
        if decoded != text and best is not None:
            print(f"  charset-normalizer: {best.encoding}: {decoded.splitlines()[1]!r}")
    print(f"  charset-normalizer right on {right}")


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    bench_encoding()
    bench_sniff()
    bench_read(rows)


if __name__ == "__main__":
    main()
