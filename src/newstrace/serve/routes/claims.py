"""``/api/claims``: attributed statements by full-text search, with their source chains."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...store.views import ClaimView
from ..deps import EngineDep, PagingDep
from ..queries.claims import find_claims
from ..schemas import Page

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get("", response_model=Page[ClaimView])
def get_claims(engine: EngineDep, page: PagingDep,
               q: Annotated[str, Query(min_length=1, max_length=500, description="words the claim holds")],
               ) -> Page[ClaimView]:
    data, count = find_claims(engine, q, limit=page.limit, offset=page.offset)
    return Page(data=data, count=count)
