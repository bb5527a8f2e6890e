"""Our side of the TempEval-3 task: the times of analysis records as :class:`Predicted` items,
typed through ``data/tempeval3_types.yaml``."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import Errors, NewstraceError
from ..records import Analysis, Time
from ..resources import read_yaml
from .tempeval3_score import Predicted

DATA = "newstrace.evaluate.data"
TYPES = "tempeval3_types.yaml"

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class TypeMap(BaseModel):
    """Rule name, else granularity -> TIMEX3 type."""

    model_config = ConfigDict(extra="forbid")
    source: str = Field(min_length=3)
    by_rule: dict[str, TimexType] = Field(default_factory=dict)
    by_value: dict[str, TimexType] = Field(default_factory=dict)
    by_granularity: dict[str, TimexType]

    def type_of(self, time: Time) -> str:
        """By rule, else by the first value pattern that matches, else by granularity."""
        found = self.by_rule.get(time.reason or "")
        if found is None:
            found = next((t for pattern, t in self.by_value.items() if re.search(pattern, time.value)), None)
        return found or self.by_granularity.get(time.granularity, "DATE")


@cache
def type_map() -> TypeMap:
    """The mapping in ``data/tempeval3_types.yaml`` (validated once)."""
    try:
        return TypeMap.model_validate(read_yaml(DATA, TYPES))
    except ValidationError as exc:
        raise NewstraceError(Errors.E011, input=f"{DATA}/{TYPES}", detail=str(exc)) from exc


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def predicted_times(record: Analysis) -> list[Predicted]:
    """The record's times, in text order."""
    types = type_map()
    return [Predicted(t.span.start, t.span.end, t.span.text, t.value, _date(t.start), _date(t.end),
                      types.type_of(t), t.reason)
            for t in sorted(record.times, key=lambda t: t.span.start)]
