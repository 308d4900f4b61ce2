"""drafting.llm: what importing litellm through it sets up."""

from __future__ import annotations

import asyncio
import logging

from drafting.config import Settings
from drafting.llm import COMPOSER, DirectCall, answered_by, litellm_module, router_for

#: What the pipeline hands the composer, cut down to one approved reply.
CONTEXT = {
    "language": "en",
    "kind": "apology",
    "channel": "x",
    "max_chars": 280,
    "sign_off": "^Team Verdello",
    "sign_offs": ["^Team Verdello"],
    "required_moves": ["apologise"],
    "move_patterns": {"apologise": r"\bsorry\b"},
    "post": "The lid broke.",
    "replies": [{"id": "ar-1", "reply": "So sorry about the lid. ^Team Verdello"}],
}


def test_litellm_logs_warnings_not_a_line_per_call() -> None:
    litellm_module()
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        for name in ("LiteLLM", "LiteLLM Router"):
            assert logging.getLogger(name).getEffectiveLevel() == logging.WARNING
    assert litellm_module().suppress_debug_info is True


def test_the_composer_alone_is_called_directly_and_anything_else_through_a_router() -> None:
    settings = Settings(_env_file=None, fallback_models=[COMPOSER])  # type: ignore[call-arg]
    assert isinstance(router_for(COMPOSER, settings), DirectCall)
    litellm = litellm_module()
    assert isinstance(router_for("openai/gpt-4o-mini", settings), litellm.Router)
    # A composer with somewhere to fall back to keeps the Router.
    other = Settings(_env_file=None, fallback_models=["ollama/llama3"])  # type: ignore[call-arg]
    assert isinstance(router_for(COMPOSER, other), litellm.Router)


def test_a_direct_composer_call_answers_as_the_router_does() -> None:
    call = {
        "model": COMPOSER,
        "messages": [{"role": "user", "content": "The lid broke."}],
        "metadata": {"crisisdraft": CONTEXT},
        "include_fallback_errors": True,
    }
    alone = Settings(_env_file=None, fallback_models=[COMPOSER])  # type: ignore[call-arg]
    routed = Settings(_env_file=None, fallback_models=["ollama/llama3"])  # type: ignore[call-arg]
    direct = asyncio.run(router_for(COMPOSER, alone).acompletion(**call))
    via_router = asyncio.run(router_for(COMPOSER, routed).acompletion(**call))
    assert answered_by(direct, COMPOSER) == answered_by(via_router, COMPOSER) == COMPOSER
    assert direct.choices[0].message.content == via_router.choices[0].message.content
    assert "So sorry about the lid." in direct.choices[0].message.content


def test_the_composer_is_free_and_priced_without_a_search_of_litellms_cost_table() -> None:
    """The built-in composer costs nothing: its answers carry a cost of 0.0 (litellm then
    skips its cost calculation) and litellm's cost map knows the model by name."""
    litellm = litellm_module()
    response = asyncio.run(
        litellm.acompletion(
            model=COMPOSER,
            messages=[{"role": "user", "content": "The lid broke."}],
            metadata={"crisisdraft": CONTEXT},
        )
    )
    assert response._hidden_params["response_cost"] == 0.0
    info = litellm.get_model_info(COMPOSER)
    assert info["input_cost_per_token"] == info["output_cost_per_token"] == 0.0
