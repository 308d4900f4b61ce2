"""Schemathesis against the OpenAPI document, in process: generated requests must never get a
5xx or a response that breaks the documented schema."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from drafting.api.main import create_app
from drafting.storage.repository import Storage

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fuzz_app(demo_settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    data = tmp_path_factory.mktemp("fuzz")
    settings_ = demo_settings.model_copy(update={
        "database_url": f"sqlite:///{data / 'fuzz.db'}", "rate_limit_per_minute": 1_000_000})
    app = create_app(settings_)
    key, _ = Storage(settings_.resolved_database_url).create_key(name="fuzz", role="admin",
                                                                 brands=["*"])
    app.state.fuzz_key = key
    return app


@pytest.fixture(scope="module")
def api_schema(fuzz_app: Any) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=45, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_or_breaks_its_schema(case: Any, fuzz_app: Any) -> None:
    # PUT /v1/brands would replace the shared demo pack: exercised, but with a brand id
    # the fuzzer invents, which the pack's brand.yaml never matches (refused with a 4xx).
    if case.method == "PUT" and case.path_parameters.get("brand_id") == "demo":
        case.path_parameters["brand_id"] = "fuzzed"
    case.call_and_validate(headers={"Authorization": f"Bearer {fuzz_app.state.fuzz_key}"})
