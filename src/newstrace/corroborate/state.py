"""Bookkeeping kept between runs in ``corroboration_state`` (JSON values by key)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from ..store.models import CorroborationState
from .text import DocFrequencies

DF_KEY = "evidence_df"


def get(session: Session, key: str) -> Any:
    row = session.get(CorroborationState, key)
    return json.loads(row.value) if row is not None else None


def put(session: Session, key: str, value: Any) -> None:
    session.merge(CorroborationState(key=key, value=json.dumps(value, sort_keys=True)))


def load_df(session: Session) -> DocFrequencies:
    raw = get(session, DF_KEY) or {}
    return DocFrequencies(int(raw.get("n", 0)), dict(raw.get("df", {})))


def save_df(session: Session, df: DocFrequencies) -> None:
    put(session, DF_KEY, {"n": df.n, "df": df.df})
