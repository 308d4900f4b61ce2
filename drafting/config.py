"""Settings: one class, read from ``CRISISDRAFT_*`` environment variables or ``.env``.

Reach them through :func:`get_settings` (a FastAPI dependency too), never a module global,
so tests can build their own ``Settings`` instead of patching.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

#: The "Draft reply" extension's origin (its manifest carries a fixed key, so the id is stable).
EXTENSION_ORIGIN = "chrome-extension://apkooboafeiigjeedgigbcnifaioofah"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CRISISDRAFT_", env_file=".env", extra="ignore")

    environment: Literal["development", "production"] = Field(
        "development",
        description="`production` refuses unsafe defaults (e.g. CORS open to every origin).",
    )
    data_dir: Path = Field(Path("./var"), description="All state lives under this directory.")
    models_dir: Path = Field(
        Path(""),  # empty: filled in from data_dir below
        description="Model files (embedding model, local GGUF); default `<data_dir>/models`.",
    )
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default `sqlite:///<data_dir>/crisisdraft.db`."
    )
    chroma_url: str | None = Field(
        None,
        description="`http://host:port` of a Chroma server; default: embedded Chroma "
        "in `<data_dir>/chroma` (one writer process only).",
    )
    draft_model: str = Field(
        "crisisdraft/composer", description="Any litellm model name; the default needs no model."
    )
    fallback_models: list[str] = Field(
        default_factory=lambda: ["crisisdraft/composer"],
        description="Models tried in order when the draft model fails (JSON list).",
    )
    local_models: list[str] = Field(
        default_factory=list,
        description="Model names that run on this machine (e.g. a local GGUF server) and may see "
        "personal data; every other non-built-in model gets placeholders (JSON list).",
    )
    llm_api_base: str | None = Field(None, description="`api_base` for OpenAI-compatible servers.")
    llm_api_bases: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Several `api_base`s serving the same model (comma-separated or JSON list): "
        "the litellm Router balances over them, retries on another, cools a failing one down, "
        "then falls back; overrides `CRISISDRAFT_LLM_API_BASE`.",
    )
    llm_timeout_s: float = Field(30.0, gt=0, description="Timeout of one model call.")
    llm_retries: int = Field(1, ge=0, le=5, description="Retries of a failed model call.")
    prompt_tokens: int = Field(
        3300,
        ge=300,
        description="Token budget of a draft prompt's data sections (guidelines, "
        "replies, thread, post); lower it for small local models.",
    )
    llm_max_tokens: int = Field(600, ge=16, description="Most tokens a model may write per draft.")
    llm_max_reasks: int = Field(
        1, ge=0, le=3, description="Re-asks when structured output is invalid."
    )
    request_deadline_s: float = Field(
        60.0, gt=0, description="No draft request is held longer than this."
    )
    max_post_chars: int = Field(5000, gt=0, description="Longest incoming post accepted.")
    max_thread_items: int = Field(30, ge=0, description="Most thread messages accepted.")
    max_alternatives: int = Field(
        5, ge=1, le=10, description="Most alternatives per draft request."
    )
    max_pack_file_bytes: int = Field(
        5_000_000, gt=0, description="Largest single file accepted in a brand pack."
    )
    embed_threads: int = Field(2, ge=1, description="Threads the embedding model may use.")
    embed_batch_size: int = Field(
        1,
        ge=1,
        description="Texts per embedding model call. 1: each text alone, no padding, and its "
        "vector does not depend on the texts embedded with it (the int8 model quantizes "
        "activations per call); 4-8 embed about 10% faster, short texts a little less exactly.",
    )
    chunk_tokens: int = Field(256, ge=32, description="Guideline chunk size in tokens.")
    retrieval_k: int = Field(8, ge=1, le=50, description="Knowledge items retrieved per draft.")
    knowledge_recheck_s: float = Field(
        1.0,
        ge=0,
        description="Seconds a brand's knowledge-base revision is trusted before it is read "
        "again: how long another process's change (a reply approved through another worker, "
        "a pack loaded by the CLI) may go unseen; this process's own changes are seen at once.",
    )
    rate_limit_per_minute: int = Field(600, ge=1, description="Requests per API key per minute.")
    max_request_bytes: int = Field(
        20_000_000, gt=0, description="Largest request body accepted (brand packs included)."
    )
    cors_origins: list[str] = Field(
        default_factory=lambda: [EXTENSION_ORIGIN],
        description="Origins allowed by CORS (JSON list); default: the bundled extension only.",
    )
    incident_update_minutes: int = Field(
        60,
        ge=5,
        le=1440,
        description="Default minutes between an incident's public updates (its cadence).",
    )
    mention_spike_threshold: int = Field(
        20, ge=1, description="Negative mentions of a brand within the window that raise an alert."
    )
    mention_window_minutes: int = Field(
        15, ge=1, le=1440, description="Window of the negative-mention spike alert, in minutes."
    )
    max_mentions_batch: int = Field(500, ge=1, description="Most mentions in one batch request.")
    mentions_secret: str | None = Field(
        None,
        description="HMAC-SHA256 key a listening tool signs POST /v1/mentions with "
        "(`X-Crisisdraft-Signature`, no API key needed); unset: API keys only.",
    )
    webhook_url: str | None = Field(
        None, description="Receives signed JSON events: crisis mode changes and spike alerts."
    )
    webhook_secret: str | None = Field(
        None, description="HMAC-SHA256 key that signs outgoing webhooks; required with the URL."
    )
    webhook_timeout_s: float = Field(5.0, gt=0, description="Timeout of one webhook delivery.")
    signature_tolerance_s: int = Field(
        300, ge=1, description="Oldest signed request accepted, in seconds (replay protection)."
    )
    daily_budget_usd: float | None = Field(
        None,
        ge=0,
        description="Most a brand may spend on remote models in 24 hours (USD, from the "
        "database, so shared by every worker); past it the built-in composer drafts, marked. "
        "Unset: no limit.",
    )
    manual_reply_minutes: float = Field(
        4.0,
        gt=0,
        le=120,
        description="Minutes an agent takes to write a reply by hand: the adoption analytics' "
        "time-saved estimate is based on it.",
    )
    log_level: str = Field("INFO", description="Python logging level.")

    @field_validator("llm_api_bases", mode="before")
    @classmethod
    def _split_api_bases(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @field_validator("models_dir", mode="after")
    @classmethod
    def _default_models_dir(cls, value: Path, info: ValidationInfo) -> Path:
        if value == Path(""):
            return Path(info.data.get("data_dir", Path("./var"))) / "models"
        return value

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.environment == "production" and "*" in self.cors_origins:
            raise ValueError(
                "CRISISDRAFT_CORS_ORIGINS may not contain '*' in production: "
                'list the extension origin, e.g. ["chrome-extension://<id>"].'
            )
        return self

    @model_validator(mode="after")
    def _webhooks_are_signed(self) -> Settings:
        if self.webhook_url and not self.webhook_secret:
            raise ValueError(
                "CRISISDRAFT_WEBHOOK_URL is set without CRISISDRAFT_WEBHOOK_SECRET: receivers "
                "could not tell our events from forged ones. Set a long random secret, e.g. "
                "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`."
            )
        return self

    # Derived locations: one data directory holds everything.
    @property
    def brands_dir(self) -> Path:
        return self.data_dir / "brands"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def api_bases(self) -> list[str]:
        """The OpenAI-compatible endpoints a non-built-in model is served from (may be none)."""
        return list(self.llm_api_bases) or ([self.llm_api_base] if self.llm_api_base else [])

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'crisisdraft.db'}"


@lru_cache
def get_settings() -> Settings:
    return Settings()


def settings_table() -> str:
    """The README's configuration table (``python -m drafting.config`` prints it)."""
    rows = ["| variable | default | meaning |", "| --- | --- | --- |"]
    for name, field in Settings.model_fields.items():
        default = field.default_factory() if field.default_factory else field.default  # type: ignore[call-arg]
        if name == "models_dir":
            default = "<data_dir>/models"
        shown = (
            "(unset)"
            if default is None
            else (default.as_posix() if isinstance(default, Path) else default)
        )
        rows.append(f"| `CRISISDRAFT_{name.upper()}` | `{shown}` | {field.description} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(settings_table())
