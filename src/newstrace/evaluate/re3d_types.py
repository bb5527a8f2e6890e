"""The type mapping between re3d, the analysis record and spaCy (``data/re3d_types.yaml``)."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import Errors, NewstraceError
from ..records import EntityType
from ..resources import read_yaml

DATA = "newstrace.evaluate.data"
NAME = "re3d_types.yaml"

RecordPart = Literal["entities", "places", "times", "quantities"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RecordMap(_Strict):
    entities: dict[EntityType, str | None]
    country_demonym: str
    country_people: str
    country_actor: str
    country_sector: str
    country_sector_person: str
    places: str
    times: str
    quantities: str
    priority: list[RecordPart] = Field(min_length=4, max_length=4)
    geocoded_over: list[EntityType] = Field(default_factory=list)


class SpacyMap(_Strict):
    labels: dict[str, str | None]
    norp_plural: str


class SpanRules(_Strict):
    determiners: list[str]
    determiner_types: list[str]
    title_types: list[str]
    titles: list[str]
    place_types: list[str]
    place_nouns: list[str]
    compass_words: list[str]


class TypeMap(_Strict):
    source: str = Field(min_length=3)
    scored: list[str]
    separate: list[str]
    alias_types: list[str]
    record: RecordMap
    spacy: SpacyMap
    spans: SpanRules

    @property
    def reported(self) -> list[str]:
        """Every re3d type that is scored, in the overall figures or on its own."""
        return [*self.scored, *self.separate]


@cache
def type_map() -> TypeMap:
    """The mapping shipped in the package, validated at load (E011 when invalid)."""
    try:
        return TypeMap.model_validate(read_yaml(DATA, NAME))
    except ValidationError as exc:
        raise NewstraceError(Errors.E011, input=f"{DATA}/{NAME}", detail=str(exc)) from exc
