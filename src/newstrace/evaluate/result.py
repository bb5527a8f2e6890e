"""The typed result of one evaluation task, as printed by ``newstrace evaluate`` and pinned by the gate."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Comparison(BaseModel):
    """One headline metric set against a peer's score for the same metric in the same run."""

    metric: str = Field(description="our metric name, e.g. 'overall.exact.f1'")
    peer: str = Field(description="peer tool, e.g. 'spacy', 'textacy', 'dateparser'")
    ours: float
    theirs: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.theirs is None or self.theirs == 0:
            return None
        return self.ours / self.theirs


class TaskResult(BaseModel):
    """Scores of one task on one split of one dataset."""

    task: str
    dataset: str
    split: str
    documents: int = 0
    sampled: str | None = Field(default=None, description="how a large split was sampled, if it was")
    metrics: dict[str, float] = Field(default_factory=dict)
    gated: list[str] = Field(default_factory=list, description="metric names the quality gate pins")
    peers: dict[str, dict[str, float]] = Field(default_factory=dict)
    comparisons: list[Comparison] = Field(default_factory=list)
    digest: str = Field(default="", description="sha256 over the data files read")
    errors: dict[str, list[str]] = Field(
        default_factory=dict, description="error analysis: confusion or miss class -> examples")
    notes: list[str] = Field(default_factory=list)
    seconds: float = 0.0
