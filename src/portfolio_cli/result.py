"""The run's summary as a typed, frozen value: what every output of a run says about the whole
portfolio (counts per segment, quality, NPS, rules met and unjudged).

Every engine builds it through one constructor (`Summary.from_counts`) from counts; a file read
in parts merges its parts' summaries (`Summary.merge`), so quality and NPS are computed again
from the merged counts and equal the whole file's exactly. Every writer serialises it from here:
`to_dict` (JSON, history, Spark's summary.json) and `row` (batch's summary.csv).

Nothing heavy is imported here: `portfolio history` reads stored summaries without numpy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import reduce
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from portfolio_cli.criteria import SEGMENTS

if TYPE_CHECKING:
    from portfolio_cli.criteria import Criteria

NO_CRITERION = "no_criterion_met"


def nps_of_counts(promoters: int, detractors: int, answered: int) -> float | None:
    """NPS from the counts of promoters, detractors and answers (None: nobody answered)."""
    if not answered:
        return None
    # exact: machine formats carry it as computed; displays round it (rounding is for people)
    return float(100.0 * (promoters - detractors) / answered)


@dataclass(frozen=True)
class Answers:
    """The NPS answers of a group of customers: promoters (9-10), detractors (0-6), and every
    answer (passives included). Counts add up; the score is computed from them."""

    promoters: int = 0
    detractors: int = 0
    answered: int = 0

    def __add__(self, other: Answers) -> Answers:
        return Answers(
            self.promoters + other.promoters,
            self.detractors + other.detractors,
            self.answered + other.answered,
        )

    @property
    def score(self) -> float | None:
        """% promoters − % detractors among those who answered (None: nobody answered)."""
        return nps_of_counts(self.promoters, self.detractors, self.answered)


_COUNTED = ("segments", "criteria", "problems", "unjudged", "unrecoverable_reasons")


@dataclass(frozen=True)
class Summary:
    """What a run says about the whole portfolio. Frozen, its mappings read-only.

    Fields in the order of the JSON summary's keys before sorting: `segments` counts customers
    per segment (in `SEGMENTS` order); `criteria` and `problems` count the customers each rule
    holds for (problems before compensation); `unjudged` counts the customers for whom a rule's
    condition was unknown; `unrecoverable_reasons` counts the unrecoverable customers per active
    problem, and those with no criterion met and no problem (`NO_CRITERION`); `quality` is the
    share of satisfied and easy to satisfy customers (None: no customer); `nps` the whole list's
    NPS and `nps_by_segment` each segment's (None: nobody answered).

    `answers` holds the NPS counts per segment that `nps`, `nps_answers` and `nps_by_segment`
    are computed from, so two summaries merge exactly; a summary read back from a stored
    document has none (it is not stored) and cannot be merged. It takes no part in equality.
    """

    total: int
    segments: Mapping[str, int]
    quality: float | None
    criteria: Mapping[str, int]
    problems: Mapping[str, int]
    unjudged: Mapping[str, int]
    unrecoverable_reasons: Mapping[str, int]
    set_aside: tuple[str, ...]
    nps: float | None
    nps_by_segment: Mapping[str, float | None]
    nps_answers: int
    as_of: str
    criteria_file: str
    answers: Mapping[str, Answers] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # read-only views of private copies: no caller can change a summary after the fact
        for name in (*_COUNTED, "nps_by_segment"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        object.__setattr__(self, "set_aside", tuple(self.set_aside))
        if self.answers is not None:
            object.__setattr__(self, "answers", MappingProxyType(dict(self.answers)))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # read-only mappings do not pickle: a batch worker sends plain copies back (`_plain`
        # lists the fields in their order)
        answers = None if self.answers is None else dict(self.answers)
        return (Summary, (*self._plain().values(), answers))

    @classmethod
    def from_counts(
        cls,
        criteria: Criteria,
        as_of: dt.date,
        *,
        segments: Mapping[str, int],
        met: Mapping[str, int],
        problems: Mapping[str, int],
        unjudged: Mapping[str, int],
        unrecoverable_reasons: Mapping[str, int],
        answers: Mapping[str, Answers] | None = None,
    ) -> Summary:
        """The summary of a classification by `criteria` on `as_of`, from its counts: customers
        per segment, per kept criterion met (`met`) and per problem (`problems`, before
        compensation), per rule unjudged, unrecoverable customers per reason, and NPS answers
        per segment (None: the criteria file names no NPS column). Every engine builds its
        summary here."""
        return _computed(
            segments=segments,
            criteria=met,
            problems=problems,
            unjudged=unjudged,
            unrecoverable_reasons=unrecoverable_reasons,
            set_aside=tuple(r.key for r in criteria.set_aside),
            answers=answers,
            as_of=as_of.isoformat(),
            criteria_file=criteria.source,
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        """A summary read back from `to_dict`'s document (a history snapshot, summary.json):
        its figures as stored, without the NPS counts (see `answers`)."""
        return cls(
            total=int(data.get("total", 0)),
            segments={name: int(data.get("segments", {}).get(name, 0)) for name in SEGMENTS},
            quality=data.get("quality"),
            criteria=data.get("criteria", {}),
            problems=data.get("problems", {}),
            unjudged=data.get("unjudged", {}),
            unrecoverable_reasons=data.get("unrecoverable_reasons", {}),
            set_aside=tuple(data.get("set_aside", ())),
            nps=data.get("nps"),
            nps_by_segment=data.get("nps_by_segment", dict.fromkeys(SEGMENTS)),
            nps_answers=int(data.get("nps_answers", 0)),
            as_of=str(data.get("as_of", "")),
            criteria_file=str(data.get("criteria_file", "")),
        )

    def merge(self, other: Summary) -> Summary:
        """The summary of two parts of one list classified with the same criteria on the same
        day: counts add up; quality and NPS are computed again from the sums (never averaged),
        so merging every part's summary, in any grouping, gives the whole list's."""
        if self.answers is None or other.answers is None:
            raise ValueError("a summary read back from a document has no NPS counts to merge")
        same = ("as_of", "criteria_file", "set_aside")
        if any(getattr(self, name) != getattr(other, name) for name in same) or any(
            list(getattr(self, name)) != list(getattr(other, name)) for name in _COUNTED
        ):
            raise ValueError("only summaries of the same criteria on the same day merge")

        def added(name: str) -> dict[str, int]:
            mine, theirs = getattr(self, name), getattr(other, name)
            return {key: mine[key] + theirs[key] for key in mine}

        return _computed(
            segments=added("segments"),
            criteria=added("criteria"),
            problems=added("problems"),
            unjudged=added("unjudged"),
            unrecoverable_reasons=added("unrecoverable_reasons"),
            set_aside=self.set_aside,
            answers={name: self.answers[name] + other.answers[name] for name in SEGMENTS},
            as_of=self.as_of,
            criteria_file=self.criteria_file,
        )

    @staticmethod
    def merged(parts: Iterable[Summary]) -> Summary:
        """The summary of a list read in parts, from its parts' summaries (at least one)."""
        return reduce(Summary.merge, parts)

    def to_dict(self) -> dict[str, Any]:
        """Plain Python values (dicts, lists, numbers, text), keys in the order of the fields:
        what the JSON output, Spark's summary.json and a history snapshot store."""
        return self._plain()

    def row(self) -> dict[str, Any]:
        """The figures of batch's summary.csv row: customers, one count per segment, quality,
        NPS and the unjudged conditions added up."""
        return {
            "customers": self.total,
            **{name: self.segments[name] for name in SEGMENTS},
            "quality": self.quality,
            "nps": self.nps,
            "unjudged": sum(self.unjudged.values()),
        }

    def _plain(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "segments": dict(self.segments),
            "quality": self.quality,
            "criteria": dict(self.criteria),
            "problems": dict(self.problems),
            "unjudged": dict(self.unjudged),
            "unrecoverable_reasons": dict(self.unrecoverable_reasons),
            "set_aside": list(self.set_aside),
            "nps": self.nps,
            "nps_by_segment": dict(self.nps_by_segment),
            "nps_answers": self.nps_answers,
            "as_of": self.as_of,
            "criteria_file": self.criteria_file,
        }


def _computed(
    *,
    segments: Mapping[str, int],
    criteria: Mapping[str, int],
    problems: Mapping[str, int],
    unjudged: Mapping[str, int],
    unrecoverable_reasons: Mapping[str, int],
    set_aside: tuple[str, ...],
    answers: Mapping[str, Answers] | None,
    as_of: str,
    criteria_file: str,
) -> Summary:
    """The one place quality and NPS are computed from counts."""
    counts = {name: int(segments[name]) for name in SEGMENTS}

    def plain(values: Mapping[str, int]) -> dict[str, int]:
        return {key: int(value) for key, value in values.items()}

    total = sum(counts.values())
    by_segment = {name: (answers or {}).get(name, Answers()) for name in SEGMENTS}
    everyone = sum(by_segment.values(), Answers())
    return Summary(
        total=total,
        segments=counts,
        quality=(counts["satisfied"] + counts["easy_to_satisfy"]) / total if total else None,
        criteria=plain(criteria),
        problems=plain(problems),
        unjudged=plain(unjudged),
        unrecoverable_reasons=plain(unrecoverable_reasons),
        set_aside=set_aside,
        nps=everyone.score,
        nps_by_segment={name: tally.score for name, tally in by_segment.items()},
        nps_answers=everyone.answered,
        as_of=as_of,
        criteria_file=criteria_file,
        answers=by_segment,
    )
