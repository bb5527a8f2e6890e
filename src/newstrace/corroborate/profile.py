"""A cluster as clustering sees it (the union of its members' features) and the score of an event
against it."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from .config import Score, TimeWindow
from .features import EventFeatures, Interval
from .text import DocFrequencies, TextProfile


@dataclass
class ClusterProfile:
    id: int | None                       # None until stored
    type: str
    members: list[EventFeatures] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    strong_targets: set[str] = field(default_factory=set)   # targets not named by a demonym only
    places: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    coords: set[tuple[float, float]] = field(default_factory=set)
    explicit: set[tuple[Interval, bool]] = field(default_factory=set)   # (interval, fine)
    windows: set[Interval] = field(default_factory=set)
    articles: set[int] = field(default_factory=set)
    text: TextProfile = field(default_factory=TextProfile)
    negated: int = 0                     # members that deny the event
    ongoing: int = 0                     # members that tell of a campaign or a habit

    @property
    def denial(self) -> bool:
        """Most members deny the event."""
        return 2 * self.negated > len(self.members)

    @property
    def campaign(self) -> bool:
        """Most members tell of a campaign or a habit, not of one incident."""
        return 2 * self.ongoing > len(self.members)

    def add(self, event: EventFeatures, df: DocFrequencies) -> None:
        self.members.append(event)
        self.negated += event.negated
        self.ongoing += event.ongoing
        self.actors |= event.actors
        self.targets |= event.targets
        self.strong_targets |= event.targets - event.weak_targets
        self.places |= event.places
        if event.country:
            self.countries.add(event.country)
        if event.coords and event.places:
            self.coords.add(event.coords)
        if event.interval is not None:
            if event.explicit:
                self.explicit.add((event.interval, event.fine))
            else:
                self.windows.add(event.interval)
        self.articles.add(event.article_id)
        self.text.add(df.weights(event.words))


def _gap(a: Interval, b: Interval) -> int:
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def time_score(ev: EventFeatures, cl: ClusterProfile, w: Score, t: TimeWindow) -> float | None:
    """Overlap scores, a short gap costs, a long one rules the pair out (None)."""
    if ev.interval is None:
        return 0.0
    span = ev.interval
    if ev.explicit and cl.explicit:
        gaps = [(_gap(span, iv), fine) for iv, fine in cl.explicit]
        if any(g == 0 and fine and ev.fine for g, fine in gaps):
            return w.time_explicit
        best = min(g for g, _ in gaps)
        return w.time_window if best == 0 else (-w.time_gap if best <= t.max_gap_days else None)
    spans = [iv for iv, _ in cl.explicit] + list(cl.windows)
    if not spans:
        return 0.0
    best = min(_gap(span, iv) for iv in spans)
    return w.time_window if best == 0 else (-w.time_gap if best <= t.max_gap_days else None)


def place_score(ev: EventFeatures, cl: ClusterProfile, w: Score) -> float | None:
    """Same place (by name or within ``near_km``) scores; another country or, short of coordinates,
    another name costs (a country taken from the article, not the event, costs as another name); a place beyond ``far_km`` of all the cluster's places rules it out (None)."""
    if ev.places & cl.places:
        return w.place_same
    near = [_km(ev.coords, c) for c in cl.coords] if ev.coords and ev.places else []
    if near and min(near) <= w.near_km:
        return w.place_same
    if ev.type in w.placeless_types:
        return 0.0
    if ev.country and cl.countries and ev.country not in cl.countries:
        return -w.place_country
    if near and min(near) > w.far_km:
        return None
    return -w.place_other if ev.places and cl.places else 0.0


def actor_score(ev: EventFeatures, cl: ClusterProfile, w: Score) -> float:
    """Shared canonical actors (targets) score; disjoint non-empty sides cost; an empty side is neutral.
    A target named only by a demonym ("a Liberian-flagged ship": Liberia) matches but never conflicts:
    the flag or the owner of what was hit, which outlets name differently ("Greek-managed")."""
    total = 0.0
    if ev.actors and cl.actors:
        total += w.actor_match if ev.actors & cl.actors else -w.actor_conflict
    if ev.targets & cl.targets:
        total += w.target_match
    elif ev.targets - ev.weak_targets and cl.strong_targets:
        total -= w.target_conflict
    return total


def score(ev: EventFeatures, cl: ClusterProfile, weights: dict[str, float], w: Score,
          t: TimeWindow) -> float | None:
    """How well ``ev`` fits ``cl`` (higher is better), or None when they cannot be one event."""
    if ev.type != cl.type or (cl.members and ev.ongoing != cl.campaign):
        return None
    timing = time_score(ev, cl, w, t)
    place = place_score(ev, cl, w)
    if timing is None or place is None:
        return None
    same = w.same_article if ev.article_id in cl.articles else 0.0
    # a report joins a cluster of denials only on strong other evidence; a denial is scored as the
    # event it denies (it names the accused for an actor, the denial's day for a time: see features)
    polarity = -w.polarity if cl.denial and not ev.negated else 0.0
    text = w.text * (cl.text.cosine(weights) - w.text_baseline)
    return timing + place + actor_score(ev, cl, w) + same + polarity + text


def _dominant(cl: ClusterProfile) -> set[str]:
    """The actors named by the most members (those that report the event, when any do)."""
    told = [m for m in cl.members if not m.negated] or cl.members
    counts = Counter(a for m in told for a in m.actors)
    top = max(counts.values(), default=0)
    return {a for a, c in counts.items() if c == top}


def conflict(a: ClusterProfile, b: ClusterProfile, near_km: float, placeless: Collection[str] = ()) -> bool:
    """Whether two clusters, taken whole, cannot be one event: another type, a campaign and an
    incident, reports and denials, different main actors ("Russia struck" / "Ukraine shot down"),
    different precise days, places with no name in common and none within ``near_km``; or neither
    a target nor a place in common."""
    if a.type != b.type or a.campaign != b.campaign or a.denial != b.denial:
        return True
    da, db = _dominant(a), _dominant(b)
    if da and db and not da & db:
        return True
    fa = [iv for iv, fine in a.explicit if fine]
    fb = [iv for iv, fine in b.explicit if fine]
    if fa and fb and not any(_gap(x, y) == 0 for x in fa for y in fb):
        return True
    if a.type in placeless:   # a statement: the places in its clause are what it is about
        return not (da & db) or bool(a.strong_targets and b.strong_targets and not a.strong_targets & b.strong_targets)
    if a.places and b.places and not a.places & b.places and not any(
            _km(x, y) <= near_km for x in a.coords for y in b.coords):
        return True
    # an actor and a week in common are not enough ("Israel struck" twice in a week)
    return not (a.strong_targets & b.strong_targets or a.places & b.places)
