"""Syndication: near-duplicate and wire copies share ``articles.syndication_group``.

Each new article (``minhash`` still NULL) gets a MinHash signature of its word shingles, stored in
``articles.minhash``; the LSH index is rebuilt from the stored signatures, so old texts are never
read again. A new article joins the groups of the articles it nearly duplicates (union-find; the
group id is the lowest article id). Cost: O(N) to load the signatures, and O(new * candidates) to
query the index, which only returns articles that share an LSH band.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from datasketch import LeanMinHash, MinHash, MinHashLSH
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..store.models import ArticleRow
from .config import Syndication, thresholds
from .unionfind import UnionFind

_TOKEN = re.compile(r"\w+")
CHUNK = 200


@dataclass
class SyndicationResult:
    new_articles: list[int] = field(default_factory=list)
    regrouped: set[int] = field(default_factory=set)      # old articles whose group changed
    copies: int = 0                                        # new articles found to be copies


def shingles(text: str, k: int) -> set[bytes]:
    words = [w.lower() for w in _TOKEN.findall(text)]
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def signature(text: str, cfg: Syndication) -> tuple[list[int], bool]:
    """The MinHash hash values of ``text`` and whether it had any shingle."""
    grams = shingles(text, cfg.shingle)
    m = MinHash(num_perm=cfg.num_perm, seed=cfg.seed, scheme=cfg.scheme)
    if grams:
        m.update_batch(list(grams))
    return [int(v) for v in m.hashvalues], bool(grams)


def update_syndication(session: Session) -> SyndicationResult:
    """Sign the new articles, group them with their near-duplicates, store signatures and groups."""
    cfg = thresholds().syndication
    lsh = MinHashLSH(threshold=cfg.jaccard, num_perm=cfg.num_perm)
    sigs: dict[int, LeanMinHash] = {}
    groups: UnionFind[int] = UnionFind()
    old_group: dict[int, int] = {}
    empty = _empty(cfg)
    for aid, values, group in session.execute(select(
            ArticleRow.id, ArticleRow.minhash, ArticleRow.syndication_group).where(
            ArticleRow.minhash.is_not(None))):
        group = group if group is not None else aid
        groups.add(aid, group)
        old_group[group] = group
        if values and values != empty:
            sigs[aid] = LeanMinHash(seed=cfg.seed, hashvalues=values, scheme=cfg.scheme)
            lsh.insert(aid, sigs[aid])
    result = SyndicationResult()
    new_ids = list(session.scalars(select(ArticleRow.id).where(ArticleRow.minhash.is_(None))
                                   .order_by(ArticleRow.id)))
    signed: dict[int, list[int]] = {}
    for start in range(0, len(new_ids), CHUNK):
        chunk = new_ids[start : start + CHUNK]
        for aid, text in session.execute(select(ArticleRow.id, ArticleRow.text).where(
                ArticleRow.id.in_(chunk)).order_by(ArticleRow.id)):
            values, has_words = signature(text, cfg)
            signed[aid] = values
            groups.add(aid)
            if not has_words:
                continue
            mh = LeanMinHash(seed=cfg.seed, hashvalues=values, scheme=cfg.scheme)
            matches = [b for b in lsh.query(mh) if sigs[b].jaccard(mh) >= cfg.jaccard]
            for b in matches:
                groups.union(aid, b)
            result.copies += bool(matches)
            sigs[aid] = mh
            lsh.insert(aid, mh)
    for group in old_group:
        root = groups.find(group)
        if root != group:
            moved = session.scalars(select(ArticleRow.id).where(ArticleRow.syndication_group == group))
            result.regrouped.update(moved)
            session.execute(update(ArticleRow).where(ArticleRow.syndication_group == group)
                            .values(syndication_group=root))
    if new_ids:
        session.execute(update(ArticleRow), [{"id": aid, "minhash": signed[aid], "syndication_group": groups.find(aid)}
                                             for aid in new_ids])
    result.new_articles = new_ids
    return result


def _empty(cfg: Syndication) -> list[int]:
    return [int(v) for v in MinHash(num_perm=cfg.num_perm, seed=cfg.seed, scheme=cfg.scheme).hashvalues]
