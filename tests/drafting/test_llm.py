"""drafting.llm: what importing litellm through it sets up."""

from __future__ import annotations

import logging

from drafting.llm import litellm_module


def test_litellm_logs_warnings_not_a_line_per_call() -> None:
    litellm_module()
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        for name in ("LiteLLM", "LiteLLM Router"):
            assert logging.getLogger(name).getEffectiveLevel() == logging.WARNING
    assert litellm_module().suppress_debug_info is True
