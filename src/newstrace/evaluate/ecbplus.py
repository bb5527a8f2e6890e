"""The ``ecbplus`` task: cross-document event coreference on ECB+ (Cybulska & Vossen 2014).

Splits (the conventional one of Cybulska & Vossen 2015, as used by Barhom et al. 2019): ``dev`` =
topics 2 5 12 18 21 23 34 35, ``train`` = the other topics present, ``all`` = every topic present
(topics 36-45 are the held-out test and are not expected here). Only the sentences listed in
``ECBplus_coreference_sentences.csv`` are scored.

Setting: **gold mentions**. The gold items are the ECB+ action mentions (``ACTION_*``,
``NEG_ACTION_*``) of the annotated sentences with their coreference chains (cross-document
instance, intra-document chain, else a singleton). Each whole document is analysed by our
pipeline; one SQLite corpus store per topic is filled with the records and corroborated (topics are
the evaluation unit: clusters never cross them). A gold mention is matched one to one, within its
document, by the event whose trigger span overlaps it most; its predicted cluster is that event's
corroboration cluster, and an unmatched gold mention is a predicted singleton. MUC, B3, CEAF-e and
CoNLL F1 are computed over all mentions of the split at once. ``mentions.*`` scores our triggers
(in annotated sentences) as mention detection against the gold action mentions; ``matched.*`` are the
coreference scores restricted to the gold mentions our triggers matched (a diagnostic of clustering
alone, not comparable to published figures).

Peer ``lemma_baseline``: gold mentions clustered by identical head lemma within a topic.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

from ..errors import Errors, NewstraceError
from .datasets import dataset_dir
from .digest import digest_files, stable_sample
from .ecbplus_metrics import clusters_of, conll
from .ecbplus_ours import PredictedEvent, analyse, corroborated_events
from .ecbplus_reader import SENTENCES_CSV, EcbDoc, GoldMention, read_doc, read_sentences
from .prf import PRF, match_pairs
from .result import Comparison, TaskResult

DEV_TOPICS = ("2", "5", "12", "18", "21", "23", "34", "35")
TEST_TOPICS = tuple(str(t) for t in range(36, 46))
SPLITS = ("dev", "train", "all")
PEER = "lemma_baseline"
GATED = ("conll.f1", "b3.f1")
COMPARED = ("conll.f1", "b3.f1", "muc.f1", "ceafe.f1", "matched.conll.f1")
EXAMPLES = 8
NOTES = [
    ("setting: gold mentions (ECB+ action mentions of the annotated sentences, chains from "
    "CROSS_DOC_COREF instances and INTRA_DOC_COREF chains, singletons otherwise); ours = corroboration "
    "clusters of the events whose trigger overlaps a gold mention (one to one per document), unmatched "
    "gold mentions = singletons; one store per topic; metrics over all mentions of the split"),
    ("published (ECB+ test topics 36-45, gold mentions, event CoNLL F1): Barhom et al. 2019 (ACL, "
    "'Revisiting Joint Modeling of Cross-document Entity and Event Coreference Resolution') joint model "
    "79.5. Our dev figures are not directly comparable (dev topics, not test; our baseline's head lemma "
    "comes from spaCy's parse of the mention's tokens)"),
    ("corpus: ECB+ 1.0, Cybulska & Vossen 2014 (LREC, 'Using a sledgehammer to crack a nut? Lexical "
    "diversity and event coreference resolution'); split of Cybulska & Vossen 2015"),
]


def topics_of(root: Path, split: str) -> list[str]:
    """The topic folders of ``split`` present under ``root/ECB+``, in numeric order."""
    if split not in SPLITS:
        raise NewstraceError(Errors.E016, input=split, detail=f"no split {split!r}; choose {', '.join(SPLITS)}")
    folder = root / "ECB+"
    if not folder.is_dir():
        raise NewstraceError(Errors.E016, input=str(folder), detail="the ECB+ topic folders are missing")
    present = sorted((p.name for p in folder.iterdir() if p.is_dir() and p.name.isdigit()), key=int)
    if split == "dev":
        return [t for t in present if t in DEV_TOPICS]
    if split == "train":
        return [t for t in present if t not in DEV_TOPICS and t not in TEST_TOPICS]
    return present


def load_docs(root: Path, split: str, limit: int | None) -> tuple[list[EcbDoc], list[Path], str | None]:
    """Documents of ``split`` that have annotated sentences (a stable sample of ``limit`` of them when
    fewer are asked for), the files read, and how the split was sampled."""
    sentences = read_sentences(root)
    files = [f for t in topics_of(root, split) for f in sorted((root / "ECB+" / t).glob("*.xml"))
             if f.name.removesuffix(".xml") in sentences]
    sampled = None
    if limit is not None and limit < len(files):
        keys = {f.relative_to(root).as_posix(): f for f in files}
        files = [keys[k] for k in stable_sample(keys, limit)]
        sampled = (f"stable_sample of {limit} of {len(keys)} documents with annotated sentences "
                   "(salt 'newstrace', sha1 order); clusters are scored within the sampled documents")
    docs = [read_doc(f, sentences[f.name.removesuffix(".xml")]) for f in files]
    return docs, [*files, root / SENTENCES_CSV], sampled


def match_doc(doc: EcbDoc, events: Sequence[PredictedEvent]) -> tuple[dict[str, PredictedEvent], list[PredictedEvent]]:
    """Gold mention key -> the event matched to it (largest trigger overlap, one to one), and our
    events inside annotated sentences (the mention-detection predictions)."""
    gold = doc.scored_mentions
    scored = [e for e in events if doc.sentence_at(e.start) in doc.annotated]
    pairs = match_pairs([(m.start, m.end, "") for m in gold], [(e.start, e.end, "") for e in scored],
                        mode="overlap", labelled=False)
    return {gold[i].key: scored[j] for i, j in pairs}, scored


def _pair_errors(mentions: Sequence[GoldMention], predicted: dict[str, str],
                 errors: dict[str, list[str]], counts: Counter[str]) -> None:
    """Count mention pairs of one topic split apart (same gold chain) or merged (different chains)."""
    by_doc = {m.key: m for m in mentions}
    keys = sorted(predicted)
    for a_i, a in enumerate(keys):
        for b in keys[a_i + 1:]:
            ma, mb = by_doc[a], by_doc[b]
            same_gold, same_ours = ma.chain == mb.chain, predicted[a] == predicted[b]
            if same_gold and not same_ours:
                kind = "split_pair"
            elif same_ours and not same_gold:
                kind = "merged_pair"
            else:
                continue
            counts[kind] += 1
            if len(errors[kind]) < EXAMPLES:
                errors[kind].append(f"{ma.doc} {ma.text!r} / {mb.doc} {mb.text!r}")


def run(data: Path | None = None, *, split: str = "dev", with_peers: bool = False,
        limit: int | None = None, nlp: Any = None) -> TaskResult:
    """Score our event clusters (and, with ``with_peers``, the same-lemma baseline) on one ECB+ split."""
    started = time.perf_counter()
    root = dataset_dir("ecbplus", data)
    docs, files, sampled = load_docs(root, split, limit)
    analysed = analyse(docs, nlp)
    notes = [f"skipped: {err}" for err in analysed.failures]
    by_topic: dict[str, list[EcbDoc]] = defaultdict(list)
    for d in docs:
        by_topic[d.topic].append(d)
    gold: dict[Hashable, Hashable] = {}
    ours: dict[Hashable, Hashable] = {}
    lemma: dict[Hashable, Hashable] = {}
    detection = PRF()
    errors: dict[str, list[str]] = defaultdict(list)
    counts: Counter[str] = Counter()
    missed_tags: Counter[str] = Counter()
    scored_docs = 0
    for topic in sorted(by_topic, key=int):
        tdocs = [d for d in by_topic[topic] if d.name in analysed.records]
        scored_docs += len(tdocs)
        events = corroborated_events(topic, {d.name: analysed.records[d.name] for d in tdocs})
        per_doc: dict[str, list[PredictedEvent]] = defaultdict(list)
        for e in events:
            per_doc[e.doc].append(e)
        topic_mentions: list[GoldMention] = []
        topic_pred: dict[str, str] = {}
        for d in tdocs:
            matched, scored = match_doc(d, per_doc[d.name])
            mentions = d.scored_mentions
            detection += PRF(len(matched), len(mentions), len(scored))
            used = {id(e) for e in matched.values()}
            for e in scored:
                if id(e) not in used:
                    counts["spurious_trigger"] += 1
                    if len(errors["spurious_trigger"]) < EXAMPLES:
                        errors["spurious_trigger"].append(f"{d.name} {e.trigger!r} ({e.type})")
            for m in mentions:
                topic_mentions.append(m)
                gold[m.key] = f"{topic}:{m.chain}"
                lemma[m.key] = f"{topic}:{analysed.lemmas.get(m.key, m.text.lower())}"
                event = matched.get(m.key)
                if event is None:
                    ours[m.key] = f"single:{m.key}"
                    missed_tags[m.tag] += 1
                    counts["missed_mention"] += 1
                    if len(errors["missed_mention"]) < EXAMPLES:
                        errors["missed_mention"].append(f"{d.name} {m.text!r} ({m.tag})")
                else:
                    ours[m.key] = event.cluster
                    topic_pred[m.key] = event.cluster
        _pair_errors(topic_mentions, topic_pred, errors, counts)
    key = clusters_of(gold)
    metrics = conll(key, clusters_of(ours))
    metrics |= {"mentions.recall": round(detection.recall, 4), "mentions.precision": round(detection.precision, 4),
                "mentions.f1": round(detection.f1, 4), "mentions.n_gold": float(detection.n_gold),
                "mentions.n_pred": float(detection.n_pred), "clusters.gold": float(len(key)),
                "clusters.gold_non_singleton": float(sum(1 for c in key if len(c) > 1))}
    # diagnostic: clustering quality on the gold mentions our triggers matched only
    hit = [k for k, v in ours.items() if not str(v).startswith("single:")]
    sub_key = clusters_of({k: gold[k] for k in hit})
    metrics |= {f"matched.{k}": v for k, v in conll(sub_key, clusters_of({k: ours[k] for k in hit})).items()
                if k.endswith("f1")}
    peers: dict[str, dict[str, float]] = {}
    if with_peers:
        peers[PEER] = conll(key, clusters_of(lemma))
        peers[PEER] |= {f"matched.{k}": v for k, v in conll(sub_key, clusters_of({k: lemma[k] for k in hit})).items()
                        if k.endswith("f1")}
    notes.append(f"split {split}: topics {' '.join(sorted(by_topic, key=int))}; {len(gold)} gold action mentions "
                 f"in {len(key)} chains")
    notes.append("error counts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
                 + "; missed mentions by tag: " + ", ".join(f"{k} {v}" for k, v in missed_tags.most_common()))
    notes += NOTES
    return TaskResult(
        task="ecbplus", dataset="ecbplus", split=split, documents=scored_docs, sampled=sampled,
        metrics=metrics, gated=list(GATED), peers=peers,
        comparisons=[Comparison(metric=m, peer=PEER, ours=metrics.get(m, 0.0),
                                theirs=peers[PEER].get(m) if peers else None) for m in COMPARED],
        digest=digest_files(files, root), errors=dict(errors), notes=notes,
        seconds=round(time.perf_counter() - started, 2),
    )
