"""Property test of the whole API from its OpenAPI document: no generated request gets a 5xx.

Schemathesis generates up to :data:`EXAMPLES` requests per operation (valid and invalid parameters and
bodies) and sends them to the app in process (ASGI), over a private copy of the sample store.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from sqlalchemy import create_engine

from newstrace.serve import ServeSettings, create_app

from .stores import copy_of, sample_db

EXAMPLES = 20
OPERATIONS = sorted((path, method.upper()) for path, methods in
                    create_app(engine=create_engine("sqlite://")).openapi()["paths"].items() for method in methods)


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    db = copy_of(sample_db(), tmp_path_factory.mktemp("fuzz"))
    app = create_app(ServeSettings(db=str(db), max_body=64 * 1024))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_openapi_no_server_errors(api_schema: schemathesis.BaseSchema, path: str, method: str) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=[not_a_server_error])

    check()
