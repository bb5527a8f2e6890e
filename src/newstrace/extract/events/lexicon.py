"""The events extractor's vocabulary: trigger patterns (``patterns.yaml``) and word classes
(``objects.yaml``), validated and loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ...resources import load_entries, read_yaml

DATA = "newstrace.extract.events.data"


class Pattern(BaseModel):
    """One trigger entry of ``patterns.yaml``."""

    model_config = ConfigDict(extra="forbid")
    type: str
    mode: str | None = None
    pos: str
    lemmas: list[str]
    object_role: str = "target"
    subject_role: str = "actor"
    by_object: dict[str, str] = Field(default_factory=dict)
    requires_object: list[str] = Field(default_factory=list)
    requires_subject: list[str] = Field(default_factory=list)
    requires_aux: list[str] = Field(default_factory=list)
    requires_complement: list[str] = Field(default_factory=list)
    objects: list[str] = Field(default_factory=list)
    excludes_object: list[str] = Field(default_factory=list)
    preps: list[str] = Field(default_factory=list)
    target_preps: list[str] = Field(default_factory=lambda: ["with", "against", "on", "into"])
    source_preps: list[str] = Field(default_factory=list)
    content_target: bool = False
    object_modifiers: bool = False
    reciprocal: bool = False
    negated_type: str | None = None
    only_intended: bool = False
    speaker_subject: bool = False
    source: str

    @property
    def specific(self) -> bool:
        return bool(self.preps or self.objects or self.requires_complement)


@dataclass(frozen=True)
class Intent:
    """How an intended or announced act is coded (``patterns.yaml`` ``intent``): the verbs whose
    infinitive names an intention ("wants to help X"), the verbs announcing one ("announced it
    would free"), the modals of intent, and the type the act takes: AGREE for cooperation,
    THREATEN (with a mode) for force, REJECT for a refusal ("would not give permission")."""

    governing_verbs: frozenset[str]
    announcing_verbs: frozenset[str]
    modals: frozenset[str]
    agree_types: frozenset[str]
    threaten_types: frozenset[str]
    threaten_modes: dict[str, str]
    refusal_type: str


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[Pattern]]
    nouns: dict[str, list[Pattern]]
    adjectives: dict[str, list[Pattern]]
    classes: dict[str, frozenset[str]]
    negators: frozenset[str]
    denial_verbs: frozenset[str]
    xcomp_target_types: frozenset[str]
    position_participles: frozenset[str]
    irrealis_markers: frozenset[str]
    response_types: frozenset[str]
    irrealis: frozenset[str]
    quantifiers: frozenset[str]
    affiliation_verbs: frozenset[str]
    light_verbs: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    mediation_verbs: frozenset[str]
    involvement_nouns: frozenset[str]
    involvement_verbs: frozenset[str]
    defence_verbs: frozenset[str]
    directed_types: frozenset[str]
    addressed_nouns: frozenset[str]
    addressee_preps: frozenset[str]
    time_anchor_preps: frozenset[str]
    modal_words: frozenset[str]
    modal_types: frozenset[str]
    generic_determiners: frozenset[str]
    charge_types: frozenset[str]
    holders: dict[str, frozenset[str]]
    gerund_governors: frozenset[str]
    gratitude: frozenset[str]
    described_types: frozenset[str]
    roles: dict[str, str]
    charge_preps: frozenset[str]
    intent: Intent
    lemma_repairs: dict[str, str]
    nonstate_sectors: frozenset[str]
    local_institutions: frozenset[str]
    publication_nouns: frozenset[str]
    publication_verbs: frozenset[str]
    operation_nouns: frozenset[str]
    denied_part_nouns: frozenset[str]
    denied_part_types: tuple[str, ...]
    retaliation_words: frozenset[str]
    casualty_nouns: frozenset[str]
    toll_nouns: frozenset[str]
    toll_verbs: frozenset[str]

    def classes_of(self, *words: str) -> set[str]:
        lowered = {w.lower() for w in words}
        return {name for name, members in self.classes.items() if lowered & members}


@cache
def lexicon() -> Lexicon:
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    adjectives: dict[str, list[Pattern]] = {}
    for p in load_entries(DATA, "patterns.yaml", Pattern, key="patterns"):
        target = verbs if p.pos == "verb" else adjectives if p.pos == "adj" else nouns
        for lemma in p.lemmas:
            target.setdefault(lemma.lower(), []).append(p)
    for table in (verbs, nouns):   # phrasal and verb-object entries before the bare verb
        for lemma, found in table.items():
            table[lemma] = sorted(found, key=lambda p: not p.specific)
    raw: Any = read_yaml(DATA, "patterns.yaml")
    objects: Any = read_yaml(DATA, "objects.yaml")
    classes = {k: frozenset(w.lower() for w in v["words"]) for k, v in objects["classes"].items()}
    return Lexicon(
        verbs=verbs, nouns=nouns, adjectives=adjectives, classes=classes,
        negators=frozenset(raw["negation"]["words"]),
        denial_verbs=frozenset(raw["negation"]["governing_verbs"]),
        xcomp_target_types=frozenset(raw["xcomp_targets"]["types"]),
        position_participles=frozenset(raw["background"]["position_participles"]),
        irrealis_markers=frozenset(raw["irrealis_markers"]["words"]),
        response_types=frozenset(raw["responses"]["types"]),
        irrealis=frozenset(raw["irrealis"]["governing_verbs"]),
        quantifiers=frozenset(w.lower() for w in objects["quantifiers"]["words"]),
        affiliation_verbs=frozenset(w.lower() for w in objects["affiliation_verbs"]["words"]),
        light_verbs=frozenset(w.lower() for w in objects["light_verbs"]["words"]),
        pronouns={k: frozenset(v["words"]) for k, v in objects["pronouns"].items() if k != "source"},
        mediation_verbs=frozenset(objects["mediation_verbs"]["words"]),
        involvement_nouns=frozenset(objects["involvement"]["nouns"]),
        involvement_verbs=frozenset(objects["involvement"]["verbs"]),
        defence_verbs=frozenset(objects["defence_verbs"]["words"]),
        directed_types=frozenset(raw["directed"]["types"]),
        addressed_nouns=frozenset(objects["addressed_nouns"]["words"]),
        addressee_preps=frozenset(objects["addressed_nouns"]["preps"]),
        time_anchor_preps=frozenset(raw["time_anchors"]["preps"]),
        modal_words=frozenset(raw["modal_future"]["words"]),
        modal_types=frozenset(raw["modal_future"]["stance_types"]),
        generic_determiners=frozenset(objects["generic_determiners"]["words"]),
        charge_types=frozenset(raw["charges"]["types"]),
        holders={k: frozenset(v) for k, v in objects["holders"].items() if k != "source"},
        gerund_governors=frozenset(objects["gerund_governors"]["words"]),
        gratitude=frozenset(objects["gratitude"]["words"]),
        described_types=frozenset(raw["described_participants"]["types"]),
        roles={k.lower(): v for k, v in objects["role_nouns"]["nouns"].items()},
        charge_preps=frozenset(raw["charges"]["preps"]),
        intent=Intent(
            governing_verbs=frozenset(raw["intent"]["governing_verbs"]),
            announcing_verbs=frozenset(raw["intent"]["announcing_verbs"]),
            modals=frozenset(raw["intent"]["modals"]),
            agree_types=frozenset(raw["intent"]["agree_types"]),
            threaten_types=frozenset(raw["intent"]["threaten_types"]),
            threaten_modes=dict(raw["intent"]["threaten_modes"]),
            refusal_type=raw["intent"]["refusal_type"],
        ),
        lemma_repairs={k.lower(): v for k, v in objects["lemma_repairs"]["words"].items()},
        nonstate_sectors=frozenset(objects["sides"]["nonstate_sectors"]),
        local_institutions=frozenset(w.lower() for w in objects["local_institutions"]["words"]),
        publication_nouns=frozenset(w.lower() for w in objects["publications"]["nouns"]),
        publication_verbs=frozenset(objects["publications"]["verbs"]),
        operation_nouns=frozenset(objects["operation_nouns"]["words"]),
        denied_part_nouns=frozenset(objects["denied_part"]["nouns"]),
        denied_part_types=tuple(objects["denied_part"]["types"]),
        retaliation_words=frozenset(objects["retaliation_words"]["words"]),
        casualty_nouns=frozenset(objects["casualty_nouns"]["words"]),
        toll_nouns=frozenset(objects["toll"]["nouns"]),
        toll_verbs=frozenset(objects["toll"]["verbs"]),
    )
