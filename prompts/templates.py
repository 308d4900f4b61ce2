"""Prompt templates: reviewable YAML files with a version, rendered by sandboxed Jinja.

A missing variable is an error (``StrictUndefined``), never a blank. The version of every
prompt used is stored on each draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafting.errors import InvalidInputError, SetupError

PROMPTS_DIR = Path(__file__).parent


class PromptTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = ""
    version: int = Field(ge=1)
    description: str = Field(min_length=1)
    system: str = Field(min_length=1)
    user: str = Field(min_length=1)

    @property
    def ref(self) -> str:
        return f"{self.name}@v{self.version}"


@dataclass(frozen=True)
class RenderedPrompt:
    ref: str
    system: str
    user: str

    def messages(self) -> list[dict[str, str]]:
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.user}]


_env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


@lru_cache(maxsize=128)
def _compiled(source: str) -> Template:
    """Compile each template text once (compiling costs far more than rendering)."""
    return _env.from_string(source)


@lru_cache(maxsize=64)
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> PromptTemplate:
    path = directory / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in directory.glob("*.yaml")))
        raise SetupError(
            f"No prompt named {name!r} in {directory} (have: {known}).",
            fix="Use one of the names listed, or add the YAML file.",
        )
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        template = PromptTemplate.model_validate({**data, "name": name})
        # Compile now so a syntax error names the file at load, not at the first draft.
        _compiled(template.system)
        _compiled(template.user)
    except (yaml.YAMLError, ValidationError, TemplateError, TypeError) as exc:
        raise SetupError(
            f"Prompt file {path} is invalid: {exc}",
            fix="Fix the file: it needs version, description, system and user.",
        ) from exc
    return template


def render(template: PromptTemplate, **variables: Any) -> RenderedPrompt:
    try:
        system = _compiled(template.system).render(**variables)
        user = _compiled(template.user).render(**variables)
    except TemplateError as exc:
        raise InvalidInputError(
            f"Prompt {template.ref} could not be rendered: {exc}",
            fix="Pass every variable the template uses.",
        ) from exc
    return RenderedPrompt(ref=template.ref, system=system.strip(), user=user.strip())


def fence(text: str) -> str:
    """Neutralise fence markers inside untrusted text so it cannot close its fence."""
    return text.replace("<<<", "‹‹‹").replace(">>>", "›››")
