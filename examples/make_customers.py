"""Generate ``examples/customers.csv``, the bundled example customer file.

The data describe the 300 customers (shops, restaurants, wine merchants, a few private
buyers) of a small regional French food and wine producer. The file is UTF-8 without a BOM,
comma-delimited, with a header row, ``\\n`` line ends and ISO dates. Postal codes are
5-digit text, several with a leading zero, so a reader must keep them as text.

Columns: customer_id, name, city, region, postal_code, orders_12m, total_spent,
last_order_date, recommend_score (blank = not answered), complaints_12m,
late_payments (blank = unknown).

The output is deterministic (seeded ``random.Random(2026)``): rerunning the script gives the
same bytes. Rerun it from the repository root with::

    python examples/make_customers.py

After writing, the script reads the file back, sorts each customer with a small plain-Python
version of the example criteria, and prints one line with the count per segment:

* criteria: repeat_buyer ``orders_12m >= 3``; promoter ``recommend_score >= 9``;
  pays_on_time ``late_payments == 0``;
* problems: outside_area ``region in ["Corse", "Guyane"]``; chronic_complainer
  ``complaints_12m > 3``, compensated when the customer meets at least 2 criteria;
* segments: an active problem makes the customer unrecoverable; otherwise all 3 criteria
  and no problem give satisfied, at least 1 criterion gives easy_to_satisfy, and none gives
  unrecoverable. A comparison reading a blank is unknown and counts as not met.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from random import Random
from typing import TypeVar

SEED = 2026
OUTPUT = Path(__file__).resolve().parent / "customers.csv"
TODAY = dt.date(2026, 11, 20)  # the day the extract was taken: last day of the window
WINDOW_START = dt.date(2025, 1, 1)

T = TypeVar("T")

COLUMNS = (
    "customer_id",
    "name",
    "city",
    "region",
    "postal_code",
    "orders_12m",
    "total_spent",
    "last_order_date",
    "recommend_score",
    "complaints_12m",
    "late_payments",
)

OUTSIDE_REGIONS = ("Corse", "Guyane")

# region -> (city, postal code, weight); the codes are the cities' real main codes.
CITIES: dict[str, tuple[tuple[str, str, int], ...]] = {
    "Île-de-France": (
        ("Paris", "75011", 5),
        ("Paris", "75017", 3),
        ("Versailles", "78000", 2),
        ("Meaux", "77100", 1),
        ("Vincennes", "94300", 1),
    ),
    "Bretagne": (
        ("Rennes", "35000", 3),
        ("Saint-Malo", "35400", 2),
        ("Quimper", "29000", 2),
        ("Brest", "29200", 2),
        ("Vannes", "56000", 1),
    ),
    "Occitanie": (
        ("Toulouse", "31000", 4),
        ("Montpellier", "34000", 3),
        ("Nîmes", "30000", 2),
        ("Perpignan", "66000", 2),
        ("Albi", "81000", 1),
        ("Béziers", "34500", 1),
        ("Foix", "09000", 1),
    ),
    "Auvergne-Rhône-Alpes": (
        ("Lyon", "69002", 5),
        ("Grenoble", "38000", 2),
        ("Annecy", "74000", 2),
        ("Clermont-Ferrand", "63000", 2),
        ("Saint-Étienne", "42000", 1),
        ("Bourg-en-Bresse", "01000", 2),
        ("Montluçon", "03100", 1),
        ("Vichy", "03200", 1),
        ("Privas", "07000", 1),
    ),
    "Provence-Alpes-Côte d'Azur": (
        ("Marseille", "13001", 3),
        ("Aix-en-Provence", "13100", 2),
        ("Nice", "06000", 3),
        ("Antibes", "06600", 1),
        ("Avignon", "84000", 2),
        ("Toulon", "83000", 1),
        ("Digne-les-Bains", "04000", 1),
        ("Gap", "05000", 1),
    ),
    "Nouvelle-Aquitaine": (
        ("Bordeaux", "33000", 4),
        ("La Rochelle", "17000", 2),
        ("Biarritz", "64200", 2),
        ("Limoges", "87000", 1),
        ("Périgueux", "24000", 1),
    ),
    "Hauts-de-France": (
        ("Lille", "59000", 3),
        ("Amiens", "80000", 2),
        ("Arras", "62000", 1),
        ("Saint-Quentin", "02100", 1),
        ("Laon", "02000", 1),
    ),
    "Grand Est": (
        ("Strasbourg", "67000", 3),
        ("Reims", "51100", 2),
        ("Épernay", "51200", 1),
        ("Metz", "57000", 1),
        ("Colmar", "68000", 1),
        ("Charleville-Mézières", "08000", 1),
        ("Troyes", "10000", 1),
    ),
    "Normandie": (
        ("Rouen", "76000", 2),
        ("Caen", "14000", 2),
        ("Le Havre", "76600", 1),
        ("Honfleur", "14600", 1),
    ),
    "Pays de la Loire": (
        ("Nantes", "44000", 3),
        ("Angers", "49000", 2),
        ("Le Mans", "72000", 1),
        ("Saumur", "49400", 1),
    ),
    "Bourgogne-Franche-Comté": (
        ("Dijon", "21000", 3),
        ("Beaune", "21200", 2),
        ("Besançon", "25000", 1),
        ("Auxerre", "89000", 1),
    ),
    "Centre-Val de Loire": (
        ("Tours", "37000", 2),
        ("Orléans", "45000", 2),
        ("Blois", "41000", 1),
        ("Bourges", "18000", 1),
        ("Chartres", "28000", 1),
    ),
    "Corse": (
        ("Ajaccio", "20000", 2),
        ("Bastia", "20200", 2),
        ("Porto-Vecchio", "20137", 1),
        ("Calvi", "20260", 1),
    ),
    "Guyane": (
        ("Cayenne", "97300", 2),
        ("Kourou", "97310", 1),
        ("Saint-Laurent-du-Maroni", "97320", 1),
    ),
}

# Weights of the mainland regions: the producer sells most around home (Occitanie, Rhône).
MAINLAND_WEIGHTS: dict[str, int] = {
    "Île-de-France": 14,
    "Bretagne": 7,
    "Occitanie": 16,
    "Auvergne-Rhône-Alpes": 16,
    "Provence-Alpes-Côte d'Azur": 11,
    "Nouvelle-Aquitaine": 8,
    "Hauts-de-France": 5,
    "Grand Est": 6,
    "Normandie": 4,
    "Pays de la Loire": 5,
    "Bourgogne-Franche-Comté": 5,
    "Centre-Val de Loire": 4,
}

FIRST_NAMES = (
    "Émilie",
    "Élodie",
    "Anaïs",
    "Amélie",
    "Hélène",
    "Inès",
    "Océane",
    "Agnès",
    "François",
    "Françoise",
    "Benoît",
    "Loïc",
    "Gaëlle",
    "Jérôme",
    "Cécile",
    "Noémie",
    "Raphaël",
    "Joël",
    "Maïté",
    "Thérèse",
    "Léa",
    "Aurélie",
    "Mathieu",
    "Camille",
    "Julien",
    "Sophie",
    "Yannick",
    "Margaux",
    "Bastien",
    "Clémence",
    "Théo",
    "Zoé",
)

SURNAMES = (
    "Lefèvre",
    "Bérard",
    "Lemaître",
    "Barthélemy",
    "Ménard",
    "Rivière",
    "Chevalier",
    "Mercier",
    "Giraud",
    "Fontaine",
    "Dubois",
    "Rousseau",
    "Gauthier",
    "Lefrançois",
    "Garçon",
    "Delacroix",
    "Faure",
    "Fournier",
    "Le Goff",
    "Le Bihan",
    "Kerbrat",
    "Castaing",
    "Pagès",
    "Vidal",
    "Rigaud",
    "Benoît",
    "Noël",
    "Mallet",
    "Pinçon",
    "Brûlé",
    "Côté",
    "Héraud",
)

SHOP_TYPES = (
    "Épicerie",
    "Cave",
    "Restaurant",
    "Bistrot",
    "Fromagerie",
    "Boulangerie",
    "Traiteur",
    "Brasserie",
    "Auberge",
    "Crêperie",
    "Hôtel",
    "Comptoir",
)

PLACE_SUFFIXES = (
    "du Marché",
    "du Vieux Port",
    "des Halles",
    "de la Gare",
    "du Château",
    "des Coteaux",
    "de l'Église",
    "du Pont",
    "des Remparts",
    "de la Place",
    "du Moulin",
    "des Quatre Saisons",
)


@dataclass(frozen=True)
class Profile:
    """The kind of customer to draw: which criteria it meets and which problem it has."""

    repeat: bool
    promoter: bool
    on_time: bool
    chronic: bool = False
    outside: bool = False
    dormant: bool = False


def weighted(rng: Random, options: dict[T, float]) -> T:
    """Draw one key of ``options`` with probability proportional to its value."""
    keys = list(options)
    return rng.choices(keys, weights=[options[k] for k in keys])[0]


def make_profiles(rng: Random) -> list[Profile]:
    """Return 300 profiles in a shuffled order: about 30/45/25% per segment."""
    profiles: list[Profile] = []
    # satisfied: all three criteria, no problem
    profiles += [Profile(True, True, True) for _ in range(88)]
    # easy_to_satisfy with two criteria (the missing one is often a blank answer)
    for _ in range(62):
        missing = weighted(rng, {"promoter": 0.45, "on_time": 0.25, "repeat": 0.30})
        profiles.append(Profile(missing != "repeat", missing != "promoter", missing != "on_time"))
    # easy_to_satisfy with one criterion
    for _ in range(62):
        met = weighted(rng, {"repeat": 0.40, "promoter": 0.15, "on_time": 0.45})
        profiles.append(Profile(met == "repeat", met == "promoter", met == "on_time"))
    # chronic complainers compensated by >= 2 criteria -> easy_to_satisfy
    for _ in range(13):
        flags = weighted(
            rng, {(True, True, True): 4, (True, True, False): 5, (True, False, True): 4}
        )
        profiles.append(Profile(*flags, chronic=True))
    # chronic complainers not compensated (<= 1 criterion) -> unrecoverable
    for _ in range(18):
        flags = weighted(
            rng,
            {
                (False, False, False): 6,
                (True, False, False): 6,
                (False, False, True): 4,
                (False, True, False): 2,
            },
        )
        profiles.append(Profile(*flags, chronic=True))
    # outside the delivery area (Corse, Guyane) -> unrecoverable whatever the criteria
    for _ in range(12):
        profiles.append(
            Profile(rng.random() < 0.6, rng.random() < 0.4, rng.random() < 0.7, outside=True)
        )
    # no criterion met and no problem -> unrecoverable
    profiles += [Profile(False, False, False, dormant=True) for _ in range(45)]
    rng.shuffle(profiles)
    return profiles


def make_name(rng: Random, taken: set[str]) -> str:
    """Return a believable, not yet used, French customer name."""
    while True:
        first = rng.choice(FIRST_NAMES)
        last = rng.choice(SURNAMES)
        shop = rng.choice(SHOP_TYPES)
        pattern = weighted(
            rng,
            {
                "shop_place": 6,
                "shop_family": 5,
                "chez": 2,
                "atelier": 1.5,
                "table": 1.5,
                "person": 2,
                "maison": 1.5,
                "comma": 0.6,
            },
        )
        if pattern == "shop_place":
            name = f"{shop} {rng.choice(PLACE_SUFFIXES)}"
        elif pattern == "shop_family":
            name = f"{shop} {last}"
        elif pattern == "chez":
            name = f"Chez {first}"
        elif pattern == "atelier":
            elided = first[0] in "AEIOUÉÈÊ"
            name = f"L'Atelier d'{first}" if elided else f"L'Atelier de {first}"
        elif pattern == "table":
            name = f"La Table de {first}"
        elif pattern == "person":
            name = f"{first} {last}"
        elif pattern == "maison":
            name = f"Maison {last}"
        else:
            other = rng.choice(SURNAMES)
            name = rng.choice(
                (
                    f"{last}, Père et Fils",
                    f"{last}, {other} & Associés",
                    f"Maison {last}, Traiteur",
                    f"{shop} {last}, Fils & Cie",
                )
            )
        if name not in taken:
            taken.add(name)
            return name


def draw_orders(rng: Random, profile: Profile) -> int:
    """Orders over the last 12 months: promoters order more."""
    if profile.repeat:
        if profile.promoter:
            return 3 + round(rng.triangular(0, 17, 4))
        return 3 + round(rng.triangular(0, 9, 0))
    if profile.dormant:
        return weighted(rng, {0: 0.45, 1: 0.35, 2: 0.20})
    return weighted(rng, {0: 0.15, 1: 0.40, 2: 0.45})


def draw_score(rng: Random, profile: Profile) -> int | None:
    """Answer to "would you recommend us" (0-10), ``None`` when not answered."""
    if profile.promoter:
        return weighted(rng, {9: 0.45, 10: 0.55})
    if rng.random() < 0.34:
        return None
    if profile.dormant or profile.chronic:
        return weighted(rng, {0: 1, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 4, 7: 3, 8: 1})
    return weighted(rng, {4: 1, 5: 2, 6: 3, 7: 5, 8: 6})


def draw_late(rng: Random, profile: Profile) -> int | None:
    """Late payments, ``None`` when unknown: complainers pay late more often and more."""
    if profile.on_time:
        return 0
    if rng.random() < 0.09:
        return None
    if profile.chronic:
        return weighted(rng, {1: 2, 2: 3, 3: 3, 4: 2, 5: 1})
    return weighted(rng, {1: 6, 2: 3, 3: 2, 4: 1, 5: 0.5})


def draw_complaints(rng: Random, profile: Profile, late: int | None) -> int:
    """Complaints over the last 12 months; late payers complain a bit more."""
    if profile.chronic:
        return weighted(rng, {4: 5, 5: 4, 6: 2, 7: 1, 8: 1})
    if late:
        return weighted(rng, {0: 4, 1: 3, 2: 2, 3: 1.5})
    return weighted(rng, {0: 6, 1: 2.5, 2: 1.2, 3: 0.6})


def draw_last_order(rng: Random, orders: int) -> dt.date:
    """Date of the last order: recent for frequent buyers, over a year ago for none."""
    if orders == 0:
        return TODAY - dt.timedelta(days=rng.randint(366, (TODAY - WINDOW_START).days))
    spread = min(364, math.ceil(2 * 365 / (orders + 1)))
    return TODAY - dt.timedelta(days=rng.randint(0, spread))


def draw_spent(rng: Random, orders: int) -> float:
    """Lifetime spend in euros: an average basket times all orders, including older ones."""
    basket = rng.lognormvariate(math.log(260), 0.5)
    earlier_orders = rng.randint(1 if orders == 0 else 0, 12)
    return round(basket * (orders + earlier_orders), 2)


def make_rows(seed: int = SEED) -> list[dict[str, str]]:
    """Return the example customers as rows of text, in CSV column order."""
    rng = Random(seed)
    taken: set[str] = set()
    mainland = list(MAINLAND_WEIGHTS)
    rows: list[dict[str, str]] = []
    spent: list[float] = []
    for number, profile in enumerate(make_profiles(rng), start=1):
        if profile.outside:
            region = weighted(rng, {"Corse": 3, "Guyane": 2})
        else:
            region = rng.choices(mainland, weights=[MAINLAND_WEIGHTS[r] for r in mainland])[0]
        cities = CITIES[region]
        city, postal_code, _ = rng.choices(cities, weights=[c[2] for c in cities])[0]
        orders = draw_orders(rng, profile)
        score = draw_score(rng, profile)
        late = draw_late(rng, profile)
        complaints = draw_complaints(rng, profile, late)
        spent.append(draw_spent(rng, orders))
        rows.append(
            {
                "customer_id": f"C{number:04d}",
                "name": make_name(rng, taken),
                "city": city,
                "region": region,
                "postal_code": postal_code,
                "orders_12m": str(orders),
                "total_spent": "",
                "last_order_date": draw_last_order(rng, orders).isoformat(),
                "recommend_score": "" if score is None else str(score),
                "complaints_12m": str(complaints),
                "late_payments": "" if late is None else str(late),
            }
        )
    # A few customers with exactly the same spend, so sorts on total_spent meet ties.
    for group_size in (2, 2, 3, 2):
        first, *others = rng.sample(range(len(rows)), group_size)
        for index in others:
            spent[index] = spent[first]
    for row, amount in zip(rows, spent, strict=True):
        row["total_spent"] = f"{amount:.2f}"
    return rows


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    """Write ``rows`` as UTF-8 CSV (no BOM) with ``\\n`` line ends, quoting only as needed."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def number(text: str) -> float | None:
    """Read a CSV cell as a number, ``None`` when blank."""
    return float(text) if text.strip() else None


def segment(row: dict[str, str]) -> str:
    """Sort one customer with the example criteria (a blank comparison counts as not met)."""
    orders = number(row["orders_12m"])
    score = number(row["recommend_score"])
    late = number(row["late_payments"])
    complaints = number(row["complaints_12m"])
    met = sum(
        (
            orders is not None and orders >= 3,
            score is not None and score >= 9,
            late is not None and late == 0,
        )
    )
    outside = row["region"] in OUTSIDE_REGIONS
    chronic = complaints is not None and complaints > 3
    compensated = chronic and met >= 2
    if outside or (chronic and not compensated):
        return "unrecoverable"
    if met == 3 and not chronic:
        return "satisfied"
    return "easy_to_satisfy" if met >= 1 else "unrecoverable"


def main() -> None:
    """Write ``customers.csv`` next to this script and print the count per segment."""
    write_csv(OUTPUT, make_rows())
    with OUTPUT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    counts = Counter(segment(row) for row in rows)
    print(
        f"{OUTPUT.name}: {len(rows)} customers -> "
        + ", ".join(
            f"{name} {counts[name]}" for name in ("satisfied", "easy_to_satisfy", "unrecoverable")
        )
    )


if __name__ == "__main__":
    main()
