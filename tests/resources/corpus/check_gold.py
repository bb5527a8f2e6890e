"""Check gold.json against the sample corpus (standard library only).

    python3 tests/resources/corpus/check_gold.py

Reads every article of src/newstrace/samples/corpus (.txt, .html, feed.rss items, wire.jsonl
lines), then checks that gold.json names each article exactly once, that every evidence string
is an exact substring of its article's text, that every key it uses exists, and that the corpus
keeps the properties it was written for (article, story and outlet counts). Exits 1 on a problem.
"""

from __future__ import annotations

import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
CORPUS = ROOT / "src" / "newstrace" / "samples" / "corpus"
GOLD = HERE / "gold.json"

CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}encoded"
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


class _Paragraphs(HTMLParser):
    """The text of the <p> elements inside <article> (or of a fragment without <article>)."""

    def __init__(self, need_article: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.need_article = need_article
        self.in_article = not need_article
        self.in_p = False
        self.parts: list[str] = []
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article = True
        elif tag == "p" and self.in_article:
            self.in_p, self.parts = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.need_article:
            self.in_article = False
        elif tag == "p" and self.in_p:
            self.in_p = False
            self.paragraphs.append(re.sub(r"\s+", " ", "".join(self.parts)).strip())

    def handle_data(self, data: str) -> None:
        if self.in_p:
            self.parts.append(data)


def paragraphs(markup: str, need_article: bool) -> str:
    parser = _Paragraphs(need_article)
    parser.feed(markup)
    return "\n".join(parser.paragraphs)


def load_corpus() -> dict[str, str]:
    """Article key -> text. Keys: file name, or file#index (0-based) for feed and jsonl items."""
    texts: dict[str, str] = {}
    for path in sorted(CORPUS.iterdir()):
        raw = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        if path.suffix == ".txt":
            texts[path.name] = raw
        elif path.suffix == ".html":
            texts[path.name] = paragraphs(raw, need_article=True)
        elif path.suffix == ".rss":
            for i, item in enumerate(ET.fromstring(raw).iter("item")):
                body = item.findtext(CONTENT_NS) or item.findtext("description") or ""
                texts[f"{path.name}#{i}"] = html.unescape(paragraphs(body, need_article=False))
        elif path.suffix == ".jsonl":
            for i, line in enumerate(l for l in raw.splitlines() if l.strip()):
                texts[f"{path.name}#{i}"] = json.loads(line)["text"]
    return texts


def main() -> int:
    texts = load_corpus()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    problems: list[str] = []

    def need(cond: bool, msg: str) -> None:
        if not cond:
            problems.append(msg)

    def evidence(key: str, text: str, where: str) -> None:
        need(key in texts, f"{where}: unknown article {key!r}")
        if key in texts:
            need(bool(text) and text in texts[key], f"{where}: evidence not in {key}: {text!r}")
            if text and text in texts[key]:
                need(texts[key].count(text) == 1, f"{where}: evidence not unique in {key}: {text!r}")

    articles = gold["articles"]
    need(set(articles) == set(texts),
         f"article keys differ: missing {sorted(set(texts) - set(articles))}, "
         f"extra {sorted(set(articles) - set(texts))}")
    for key, meta in articles.items():
        need(bool(meta.get("outlet")), f"{key}: no outlet")
        need(bool(re.fullmatch(r"2025-09-\d\d", meta.get("published", ""))), f"{key}: bad date")
        need(bool(meta.get("story")), f"{key}: no story")

    stories: dict[str, int] = {}
    for meta in articles.values():
        stories[meta["story"]] = stories.get(meta["story"], 0) + 1
    need(len(articles) >= 34, f"only {len(articles)} articles")
    need(len(stories) >= 5 and min(stories.values()) >= 5, f"stories: {stories}")
    need(len({m["outlet"] for m in articles.values()}) >= 12, "fewer than 12 outlets")

    clusters = {c["id"]: c for c in gold["clusters"]}
    need(len(clusters) == len(gold["clusters"]), "duplicate cluster ids")
    seen_members: dict[tuple[str, str], str] = {}
    for c in gold["clusters"]:
        cid = c["id"]
        need(c["plover_type"] in PLOVER, f"{cid}: type {c['plover_type']}")
        need(c["story"] in stories, f"{cid}: unknown story")
        keys = [m["article"] for m in c["members"]]
        polar = [(m["article"], bool(m.get("negated"))) for m in c["members"]]
        need(len(polar) == len(set(polar)), f"{cid}: an article listed twice with one polarity")
        for m in c["members"]:
            evidence(m["article"], m["evidence"], cid)
            if m["article"] in articles:
                need(articles[m["article"]]["story"] == c["story"], f"{cid}: {m['article']} other story")
            span = (m["article"], m["evidence"])
            need(span not in seen_members, f"{cid}: same evidence as {seen_members.get(span)}")
            seen_members[span] = cid
        need(c["first_report"] in keys, f"{cid}: first_report not a member")
        first = min(articles[k]["published"] for k in keys if k in articles)
        need(articles.get(c["first_report"], {}).get("published") == first,
             f"{cid}: first_report is not the earliest")
        ties = sorted(k for k in keys if articles.get(k, {}).get("published") == first)
        need(sorted(c.get("first_report_ties", [c["first_report"]])) == ties, f"{cid}: ties {ties}")
        need(c["independent_origins"] == len(c["origins"]), f"{cid}: origins count")

    for s in gold["syndication"]:
        need(all(k in texts for k in s["articles"]), f"syndication: unknown key in {s['articles']}")
        need(s["original"] in s["articles"], "syndication: original not among the copies")
    for circ in gold["circular"]:
        need(circ["claim_cluster"] in clusters, f"circular: unknown cluster {circ['claim_cluster']}")
        members = {m["article"] for m in clusters.get(circ["claim_cluster"], {"members": []})["members"]}
        need(set(circ["articles"]) <= members, f"circular: articles outside {circ['claim_cluster']}")
    for con in gold["contradictions"]:
        need(con["cluster"] in clusters, f"contradiction: unknown cluster {con['cluster']}")
        members = {m["article"] for m in clusters.get(con["cluster"], {"members": []})["members"]}
        values = set()
        for a in con["assertions"]:
            evidence(a["article"], a["evidence"], f"contradiction {con['cluster']}/{con['field']}")
            need(a["article"] in members, f"contradiction {con['cluster']}: {a['article']} not a member")
            values.add(json.dumps(a["value"]))
        need(len(values) >= 2, f"contradiction {con['cluster']}/{con['field']}: one value only")

    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(articles)} articles, {len(stories)} stories {stories}, "
          f"{len({m['outlet'] for m in articles.values()})} outlets, {len(clusters)} clusters, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
