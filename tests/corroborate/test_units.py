"""Unit tests of corroboration's pieces: words, intervals, union-find, graph cycles, casualty cues."""

from __future__ import annotations

import datetime

import pytest

from newstrace.corroborate.chains import Chain, Link, is_unnamed
from newstrace.corroborate.config import thresholds
from newstrace.corroborate.contradictions import casualty_kind
from newstrace.corroborate.features import interval
from newstrace.corroborate.graph import CitationGraph, chain_nodes
from newstrace.corroborate.members import Member
from newstrace.corroborate.syndication import shingles
from newstrace.corroborate.text import content_words
from newstrace.corroborate.unionfind import UnionFind

D = datetime.date


def test_text_content_words_are_stemmed_without_stop_words() -> None:
    words = content_words("The strikes killed 12 people, the ministry said; a strike was striking.")
    assert words["strik"] == 3 and "said" not in words and "the" not in words and "kill" in words


@pytest.mark.parametrize(("start", "end", "published", "expected"), [
    (D(2024, 3, 3), D(2024, 3, 3), D(2024, 3, 5), ((D(2024, 3, 3), D(2024, 3, 3)), True)),
    (D(2024, 1, 1), D(2024, 12, 31), D(2024, 3, 5), ((D(2024, 2, 29), D(2024, 3, 6)), False)),
    (None, None, D(2024, 3, 5), ((D(2024, 2, 29), D(2024, 3, 6)), False)),
    (None, None, None, (None, False)),
])
def test_features_interval_falls_back_to_the_publication_window(
        start: D | None, end: D | None, published: D | None, expected: object) -> None:
    assert interval(start, end, published, thresholds().time) == expected


def test_unionfind_representative_is_the_smallest() -> None:
    uf: UnionFind[int] = UnionFind()
    uf.union(7, 3)
    uf.union(9, 7)
    uf.add(12)
    assert uf.find(9) == 3 and uf.find(12) == 12 and sorted(uf.groups()[3]) == [3, 7, 9]


def test_syndication_shingles_are_word_trigrams() -> None:
    assert shingles("Shells hit the town", 3) == {b"shells hit the", b"hit the town"}
    assert shingles("Two words", 3) == {b"two words"}


@pytest.mark.parametrize(("name", "type_", "unnamed"), [
    ("officials", "anonymous", True), ("a Kremlin spokesman", "anonymous", True),
    ("Lebanon's health ministry", "anonymous", False), ("Reuters", "outlet", False),
    ("local media", "media_generic", True),
])
def test_chains_unnamed_sources(name: str, type_: str, unnamed: bool) -> None:
    assert is_unnamed(Link(name, type_)) is unnamed


def _chain(att: int, article: int, *links: tuple[str, str]) -> Chain:
    return Chain(att, article, tuple(Link(n, t) for n, t in links))


def test_graph_cycles_and_relays() -> None:
    graph = CitationGraph([
        _chain(1, 1, ("Middle East Eye", "outlet"), ("The Cradle", "publisher")),
        _chain(2, 2, ("sources", "anonymous"), ("The Cradle", "outlet"), ("Middle East Eye", "publisher")),
        _chain(3, 3, ("officials", "anonymous"), ("Reuters", "publisher")),
    ])
    assert graph.cycles() == [["cradle", "middle east eye"]]
    assert "sources via cradle" in graph.reach("middle east eye")
    assert graph.reach("officials via reuters") == {"officials via reuters"}
    assert [label for _, label in chain_nodes(_chain(4, 4, ("officials", "anonymous"), ("Reuters", "publisher")),
                                              "AP")] == ["officials via AP", "AP"]


@pytest.mark.parametrize(("evidence", "figure", "kind"), [
    ("An air strike killed 12 people and wounded 30 in the town.", "12", "killed"),
    ("An air strike killed 12 people and wounded 30 in the town.", "30", "wounded"),
    ("The ministry said 15 people were killed.", "15", "killed"),
    ("Police arrested 40 protesters.", "40", None),
])
def test_contradictions_casualty_kind_takes_the_nearest_cue(evidence: str, figure: str, kind: str | None) -> None:
    m = Member(1, 1, 1, "X", None, None, "ASSAULT", evidence, 100, None, None, {}, None)
    start = evidence.index(figure) + 100
    quantity = {"value": int(figure), "span": {"start": start, "end": start + len(figure)}}
    assert casualty_kind(m, quantity, thresholds().contradictions) == kind


def _reported(n: int, outlet: str, first: Link) -> Member:
    chain = Chain(n, n, (first, Link(outlet, "publisher")))
    return Member(n, 1, n, outlet, datetime.date(2024, 6, 3), None, "ASSAULT", "text", 0, None, None, {}, chain)


def test_origins_a_bare_state_organ_joins_its_state_in_the_cluster() -> None:
    from newstrace.corroborate.origins import analyse_origins

    named = _reported(1, "Wire A", Link("Norway's navy", "official", "military", "Norway", "Norway"))
    bare = _reported(2, "Paper B", Link("The Navy", "organization", None, None, "Navy"))
    assert analyse_origins([named, bare], [m.chain for m in (named, bare) if m.chain]).independent == 1
    other = _reported(3, "Paper C", Link("Sweden's navy", "official", "military", "Sweden", "Sweden"))
    # two states' navies in the cluster: the bare one cannot be placed
    assert analyse_origins([named, bare, other], [m.chain for m in (named, bare, other) if m.chain]).independent == 3
