"""What a province's cycle really produced: its decisions of recognition (kết quả thực hiện).

A [`CycleResults`][ocop.plan.results.CycleResults] holds the products a province recognised for one
year's cycle, as its decisions list them
([`RecognisedProduct`][ocop.plan.results.RecognisedProduct]), what the published sources say around
them (how many products each level's council evaluated) and those sources. It gives a plan's
indicators as far as they are known
([`CycleResults.figures`][ocop.plan.results.CycleResults.figures]), each with its bounds
([`ocop.plan.Bounds`][ocop.plan.Bounds]) and its citations
([`ocop.plan.Citation`][ocop.plan.Citation]):

* a count is **exact** when the sources account for every product it could hold: the
  provincial counts (3★ or more, 4–5★, recognised) when a decision that lists every product
  the province recognised for the cycle is known *and* no product went on to the national
  council (a product the province rates for 5★ is recognised there, not on the province's
  decision); the national count when the sources say no product was evaluated nationally;
* otherwise it is a **lower bound**: "at least" what the decisions list. The economic
  organisations taking part (enterprises and cooperatives,
  [`ocop.subjects.SubjectKind`][ocop.subjects.SubjectKind]) are always a lower bound: a decision
  lists the recognised products only, not the subjects that registered or whose products were not
  recognised.

**Outcomes are counted for their cycle.** A decision of recognition often comes after the
year (Quảng Trị recognised its 2019 products on 15 January 2020): it counts for the plan of
its cycle, from the earlier of its own date and the cycle's last day. So the 2019 plan's
report on 31 December 2019 (its default date) shows the 19 products of the January 2020
decision; a report dated before the cycle's last day shows only decisions dated by then.

>>> from ocop.plan.results import quang_tri_2019_results
>>> results = quang_tri_2019_results()
>>> results.cycle, len(results.recognitions)
(2019, 19)
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from ocop.errors import OcopValueError
from ocop.plan.model import Bounds, Citation
from ocop.regimes import Level
from ocop.subjects import SubjectKind
from ocop.text import fold

__all__ = [
    "CycleResults",
    "KnownFigure",
    "Publication",
    "RecognisedProduct",
    "RecognitionDecision",
    "quang_tri_2019_results",
    "read_results",
]


@attrs.frozen(kw_only=True)
class Publication:
    """A published source of the results (nguồn công bố).

    Attributes:
        id: Its key in the results, e.g. ``"sonnptnt"``.
        title: Its title as printed.
        by: Who published it.
        where: Where it was read (a web site).
        on: Its date, when printed.
        gives: What the results take from it.
    """

    id: str
    title: str
    by: str = ""
    where: str = ""
    on: dt.date | None = None
    gives: str = ""

    def citation(self) -> Citation:
        """The publication as a figure's citation."""
        return Citation(
            kind="publication", ref=self.title, on=self.on, by=self.by, where=self.where
        )


@attrs.frozen(kw_only=True)
class RecognitionDecision:
    """A decision of recognition (quyết định công nhận).

    Attributes:
        number: Its number, e.g. ``"136/QĐ-UBND"``.
        on: Its date.
        by: Who issued it.
        level: The level whose recognitions it holds.
        complete: ``True`` when it lists every product that level recognised for the cycle.
        source: The publication it was read from (a `Publication.id`).
    """

    number: str
    on: dt.date
    by: str
    level: Level
    complete: bool
    source: str = ""

    def citation(self, where: str = "") -> Citation:
        """The decision as a figure's citation."""
        return Citation(kind="decision", ref=self.number, on=self.on, by=self.by, where=where)


@attrs.frozen(kw_only=True)
class RecognisedProduct:
    """One product recognised by a decision (sản phẩm được công nhận).

    Attributes:
        product: The product's name as the decision lists it.
        subject: Its subject (chủ thể), or ``None`` when the source does not give it.
        subject_kind: The subject's kind, or ``None`` when it is not known.
        stars: The stars recognised.
        level: The level that recognised it.
        decision: The number of its decision.
    """

    product: str
    subject: str | None
    subject_kind: SubjectKind | None
    stars: int
    level: Level
    decision: str


@attrs.frozen(kw_only=True)
class KnownFigure:
    """An indicator's figure as far as the results know it: its bounds and its sources."""

    bounds: Bounds
    sources: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class CycleResults:
    """The real results of one year's cycle in a province (see the module's rules).

    Attributes:
        province: The province.
        cycle: The year of the cycle.
        decisions: The decisions of recognition.
        recognitions: The products they recognise.
        evaluated: How many products each level's council evaluated in the cycle, where the
            sources say (``{Level.PROVINCE: 22, Level.NATIONAL: 0}``).
        evaluated_source: The publication that says so (a `Publication.id`).
        publications: The published sources.
        note: What the sources leave out, in words.
    """

    province: str
    cycle: int
    decisions: tuple[RecognitionDecision, ...]
    recognitions: tuple[RecognisedProduct, ...]
    evaluated: Mapping[Level, int] = attrs.field(factory=dict)
    evaluated_source: str = ""
    publications: tuple[Publication, ...] = ()
    note: str = ""

    @property
    def end(self) -> dt.date:
        """The cycle's last day."""
        return dt.date(self.cycle, 12, 31)

    def counts_from(self, decision: RecognitionDecision) -> dt.date:
        """The day a decision's recognitions count from: the earlier of its date and the
        cycle's last day (outcomes are counted for their cycle)."""
        return min(decision.on, self.end)

    def publication(self, id: str) -> Publication | None:
        """The publication ``id``, if the results have it."""
        for p in self.publications:
            if p.id == id:
                return p
        return None

    def _decision_citation(self, d: RecognitionDecision) -> Citation:
        pub = self.publication(d.source)
        return d.citation(pub.where if pub is not None else "")

    def figures(self, on: dt.date) -> dict[str, KnownFigure]:
        """The indicators of `ocop.plan.INDICATORS` these results give on ``on``.

        An indicator the results cannot speak to (registrations, upgraded or new products)
        is absent; so is every indicator before any decision counts.
        """
        known = [d for d in self.decisions if self.counts_from(d) <= on]
        if not known:
            return {}
        numbers = {d.number for d in known}
        recs = [r for r in self.recognitions if r.decision in numbers]
        closed = self.end <= on
        national_none = closed and self.evaluated.get(Level.NATIONAL) == 0
        evaluated = self.publication(self.evaluated_source)
        nat_cite = (evaluated.citation(),) if national_none and evaluated is not None else ()
        provincial = [d for d in known if d.level is Level.PROVINCE]
        national = [d for d in known if d.level is Level.NATIONAL]
        prov_cite = tuple(self._decision_citation(d) for d in provincial)
        all_cite = tuple(self._decision_citation(d) for d in known)
        prov_complete = any(d.complete for d in provincial)
        nat_complete = national_none or any(d.complete for d in national)

        def bounds(n: int, exact: bool) -> Bounds:
            return Bounds.exactly(n) if exact else Bounds.at_least(n)

        out: dict[str, KnownFigure] = {}
        prov = [r for r in recs if r.level is Level.PROVINCE]
        if provincial:
            exact = prov_complete and nat_complete
            cite = prov_cite + (nat_cite if exact else ())
            out["products_3star_plus_provincial"] = KnownFigure(
                bounds=bounds(sum(r.stars >= 3 for r in prov), exact), sources=cite
            )
            out["products_4to5star_provincial"] = KnownFigure(
                bounds=bounds(sum(r.stars >= 4 for r in prov), exact), sources=cite
            )
        if national_none and not national:
            out["products_4to5star_national"] = KnownFigure(
                bounds=Bounds.exactly(0), sources=nat_cite
            )
        elif national:
            nat = [r for r in recs if r.level is Level.NATIONAL]
            out["products_4to5star_national"] = KnownFigure(
                bounds=bounds(sum(r.stars >= 4 for r in nat), nat_complete),
                sources=tuple(self._decision_citation(d) for d in national),
            )
        exact_all = prov_complete and nat_complete
        out["products_recognized"] = KnownFigure(
            bounds=bounds(len(recs), exact_all), sources=all_cite + (nat_cite if exact_all else ())
        )
        organisations = {
            fold(r.subject)
            for r in recs
            if r.subject and r.subject_kind is not None and r.subject_kind.is_economic_organisation
        }
        out["economic_organisations_participating"] = KnownFigure(
            bounds=Bounds.at_least(len(organisations)), sources=all_cite
        )
        return out


def _date(value: Any, what: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise OcopValueError(f"{what}: not a date ({value!r})")


def read_results(text: str, *, name: str = "results") -> CycleResults:
    """Read a results document (TOML: ``province``, ``cycle``, ``[evaluated]``,
    ``[[publications]]``, ``[[decisions]]``, ``[[recognitions]]``).

    Raises:
        OcopValueError: The document is not one (what and where in the message).
    """
    try:
        data = tomllib.loads(text)
        publications = tuple(
            Publication(
                id=p["id"],
                title=p["title"],
                by=p.get("by", ""),
                where=p.get("where", ""),
                on=None if p.get("on") is None else _date(p["on"], f"{name}: publication"),
                gives=p.get("gives", ""),
            )
            for p in data.get("publications", [])
        )
        decisions = tuple(
            RecognitionDecision(
                number=d["number"],
                on=_date(d["on"], f"{name}: decision {d['number']}"),
                by=d["by"],
                level=Level.parse(d["level"]),
                complete=bool(d["complete"]),
                source=d.get("source", ""),
            )
            for d in data.get("decisions", [])
        )
        numbers = {d.number for d in decisions}
        recognitions = []
        for i, r in enumerate(data.get("recognitions", []), 1):
            if r["decision"] not in numbers:
                raise OcopValueError(
                    f"{name}: recognition {i}: no decision {r['decision']!r} in the document"
                )
            kind = r.get("subject_kind")
            recognitions.append(
                RecognisedProduct(
                    product=r["product"],
                    subject=r.get("subject"),
                    subject_kind=None if kind is None else SubjectKind.parse(kind),
                    stars=int(r["stars"]),
                    level=Level.parse(r["level"]),
                    decision=r["decision"],
                )
            )
        evaluated = data.get("evaluated", {})
        return CycleResults(
            province=data["province"],
            cycle=int(data["cycle"]),
            decisions=decisions,
            recognitions=tuple(recognitions),
            evaluated=MappingProxyType(
                {Level.parse(k): int(v) for k, v in evaluated.items() if k != "source"}
            ),
            evaluated_source=evaluated.get("source", ""),
            publications=publications,
            note=data.get("note", ""),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, OcopValueError):
            raise
        raise OcopValueError(f"{name}: not a results document ({exc})") from None


_BUILTIN = "quang-tri-2019/results-2019.toml"
_CACHE: dict[str, CycleResults] = {}


def quang_tri_2019_results() -> CycleResults:
    """The real results of Quảng Trị's 2019 cycle: the 19 products recognised by Decision
    136/QĐ-UBND of 15 January 2020 (2 at 4★, 17 at 3★), out of 22 evaluated; none was
    evaluated at national level. Shipped with the package, generated from the shared
    transcription by ``scripts/build_builtin_results.py``."""
    found = _CACHE.get(_BUILTIN)
    if found is None:
        text = resources.files("ocop.data").joinpath(_BUILTIN).read_text("utf-8")
        found = _CACHE[_BUILTIN] = read_results(text, name=_BUILTIN)
    return found
