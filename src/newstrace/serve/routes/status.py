"""``/api/status``: row counts of the store and its recorded failures."""

from __future__ import annotations

from fastapi import APIRouter

from ...store.status import StoreStatus, store_status
from ..deps import EngineDep

router = APIRouter(tags=["status"])


@router.get("/status", response_model=StoreStatus)
def get_status(engine: EngineDep) -> StoreStatus:
    return store_status(engine)
