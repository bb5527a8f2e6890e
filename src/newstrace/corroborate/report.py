"""What one corroboration run did."""

from __future__ import annotations

from pydantic import BaseModel


class CorroborationReport(BaseModel):
    new_articles: int = 0
    copies: int = 0                      # new articles found to be near-copies of others
    regrouped_articles: int = 0          # older articles whose syndication group grew
    citations: int = 0                   # citation edges added
    new_events: int = 0
    clusters_created: int = 0
    clusters_merged: int = 0             # stored clusters found to be one event with another, merged
    clusters_updated: int = 0            # clusters recomputed (created ones included)
    assertions: int = 0                  # assertion rows written for the recomputed clusters
    contradicted: int = 0
    circular: int = 0                    # recomputed clusters flagged circular
    seconds: float = 0.0
