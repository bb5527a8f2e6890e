"""Corroboration thresholds, read once from ``data/thresholds.yaml`` and validated."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import Errors, NewstraceError
from ..resources import read_yaml

DATA = "newstrace.corroborate.data"
FILE = "thresholds.yaml"


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str


class Syndication(_Group):
    shingle: int
    num_perm: int
    seed: int
    scheme: Literal["affine32", "affine64"]
    jaccard: float


class TimeWindow(_Group):
    before_days: int
    after_days: int
    max_span_days: int
    max_gap_days: int
    bucket_days: int
    block_words: int
    ongoing_words: list[str]
    ongoing_counts: list[str]
    ongoing_objects: list[str]
    aggregate_counts: list[str] = []
    ongoing_before: int
    ongoing_after: int


class Score(_Group):
    join: float
    merge: float
    text_baseline: float
    text: float
    actor_match: float
    actor_conflict: float
    target_match: float
    target_conflict: float
    polarity: float
    place_same: float
    place_other: float
    place_country: float
    near_km: float
    far_km: float
    time_explicit: float
    time_window: float
    time_gap: float
    same_article: float
    placeless_types: list[str] = []


class Contradictions(_Group):
    killed: list[str]
    wounded: list[str]
    perpetrator_types: list[str]
    window_chars: int


class Origins(_Group):
    unnamed_heads: list[str]
    unnamed_determiners: list[str]
    circular_min_outlets: int
    journalist_roles: list[str]


class Text(_Group):
    extra_stopwords: list[str]


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    syndication: Syndication
    time: TimeWindow
    score: Score
    contradictions: Contradictions
    origins: Origins
    text: Text


@cache
def thresholds() -> Thresholds:
    """The shipped thresholds (E011 if the data file is invalid)."""
    try:
        return Thresholds.model_validate(read_yaml(DATA, FILE))
    except ValidationError as exc:
        raise NewstraceError(Errors.E011, input=f"{DATA}/{FILE}", detail=str(exc)) from exc
