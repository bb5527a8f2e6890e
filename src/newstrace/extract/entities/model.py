"""The entity table a Doc carries: resolved entities and every mention of them."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ...records import Entity, EntityType, Span
from .gazetteer import Actor


@dataclass
class Mention:
    """A stretch of text that refers to an entity."""

    start: int                   # character offsets into text_of(doc)
    end: int
    text: str
    token_start: int             # token offsets into the Doc
    token_end: int
    entity_id: str = ""
    kind: str = "name"           # name|alias|former|capital|demonym|ner|learned|description|pronoun
    sector: str | None = None    # "military" for "the Ukrainian military"
    reason: str = ""
    antecedent: str | None = None   # for descriptions and pronouns: the text of the mention they refer to


@dataclass
class EntityInfo:
    """An entity of one article, with what is known about it."""

    id: str
    name: str
    type: EntityType
    actor: Actor | None = None
    mentions: list[Mention] = field(default_factory=list)
    learned_aliases: list[str] = field(default_factory=list)
    role: str | None = None          # "columnist", "Foreign Minister"
    affiliation: str | None = None   # entity id of the organisation or state the person speaks for

    def to_record(self) -> Entity:
        seen: list[str] = []
        for form in [m.text for m in self.mentions if m.kind not in ("description", "pronoun")] + self.learned_aliases:
            if form not in seen:
                seen.append(form)
        return Entity(
            id=self.id,
            name=self.name,
            type=self.type,
            aliases=seen,
            mentions=[Span(start=m.start, end=m.end, text=m.text) for m in self.mentions],
        )


class EntityTable:
    """Entities and mentions of a Doc, with lookups by token and by character range."""

    def __init__(self, entities: list[EntityInfo]) -> None:
        self.entities: dict[str, EntityInfo] = {e.id: e for e in entities}
        self.mentions: list[Mention] = sorted(
            (m for e in entities for m in e.mentions), key=lambda m: (m.start, -m.end)
        )
        self._token_index: dict[int, Mention] = {}
        for m in self.mentions:
            for i in range(m.token_start, m.token_end):
                current = self._token_index.get(i)
                if current is None or (current.end - current.start) < (m.end - m.start):
                    self._token_index[i] = m
        self._starts = [m.start for m in self.mentions]

    def get(self, entity_id: str | None) -> EntityInfo | None:
        return self.entities.get(entity_id) if entity_id else None

    def at_token(self, i: int) -> Mention | None:
        """The longest mention covering token ``i``."""
        return self._token_index.get(i)

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside the character range ``[start, end)``."""
        hi = bisect_right(self._starts, end)
        return [m for m in self.mentions[:hi] if m.start >= start and m.end <= end]

    def entity_at(self, start: int, end: int) -> str | None:
        """Id of the first entity mentioned inside ``[start, end)``, else of a mention covering it."""
        found = self.within(start, end)
        if found:
            return found[0].entity_id
        hi = bisect_right(self._starts, start)
        covering = [m for m in self.mentions[:hi] if m.start <= start and end <= m.end]
        return covering[-1].entity_id if covering else None

    def to_records(self) -> list[Entity]:
        return [e.to_record() for e in self.entities.values()]
