"""Source chains read back from the store, and the graph node each link stands for."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import AttributionRow, ChainLinkRow, EntityRow
from .config import thresholds

CHUNK = 500
OUTLET_TYPES = frozenset({"publisher", "outlet", "state_media"})
AFFILIATED_TYPES = frozenset({"official", "anonymous", "organization", "media_generic"})


@dataclass(frozen=True)
class Link:
    name: str
    type: str
    role: str | None = None
    affiliation: str | None = None
    entity: str | None = None            # the canonical entity the link resolved to


@dataclass(frozen=True)
class Chain:
    attribution_id: int
    article_id: int
    links: tuple[Link, ...]          # origin first, the publisher last


def key(name: str) -> str:
    """A name compared loosely: case, spacing and a leading "the" do not count."""
    words = name.lower().replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def node(link: Link) -> tuple[str, str]:
    """The citation-graph node of ``link`` as (name, type): a journalist stands for the outlet."""
    roles = thresholds().origins.journalist_roles
    if link.type == "person" and link.affiliation and (link.role or "").lower() in roles:
        return link.affiliation, "outlet"
    return link.name, link.type


def is_unnamed(link: Link) -> bool:
    """An anonymous or generic source ("officials", "a spokesman") that names no one."""
    cfg = thresholds().origins
    words = key(link.name).split()
    if not words or link.type == "media_generic":
        return True
    if link.type != "anonymous":
        return False
    return words[0] in cfg.unnamed_determiners or words[-1] in cfg.unnamed_heads


def identity(link: Link) -> str | None:
    """Who ``link`` stands for when origins are counted: a journalist's outlet, an outlet, the entity
    it resolved to, or the affiliation of a state organ or a group's member (one state, one origin:
    "Syria's health ministry" and "Syrian security officials" are Syria); None for an unnamed source
    with no affiliation ("officials", "a resident")."""
    name, type_ = node(link)
    if type_ in OUTLET_TYPES:
        return link.entity or name
    if link.entity:
        return link.entity
    if link.affiliation and link.type in AFFILIATED_TYPES:
        return link.affiliation
    return None if is_unnamed(link) else link.name


def load_chains(session: Session, article_ids: Iterable[int]) -> dict[int, Chain]:
    """The chains of all attributions of ``article_ids``, by attribution id."""
    ids = sorted(set(article_ids))
    rows: dict[int, tuple[int, list[tuple[int, Link]]]] = {}
    for start in range(0, len(ids), CHUNK):
        stmt = (select(AttributionRow.id, AttributionRow.article_id, ChainLinkRow.position, ChainLinkRow.name,
                       ChainLinkRow.type, ChainLinkRow.role, ChainLinkRow.affiliation, EntityRow.name)
                .join(ChainLinkRow, ChainLinkRow.attribution_id == AttributionRow.id)
                .outerjoin(EntityRow, EntityRow.id == ChainLinkRow.entity_id)
                .where(AttributionRow.article_id.in_(ids[start : start + CHUNK])))
        for att, art, pos, name, type_, role, aff, canonical in session.execute(stmt):
            use = canonical if canonical and type_ in ("outlet", "state_media") else name
            rows.setdefault(att, (art, []))[1].append((pos, Link(use, type_, role, aff, canonical)))
    return {att: Chain(att, art, tuple(link for _, link in sorted(links, key=lambda p: p[0])))
            for att, (art, links) in rows.items()}
