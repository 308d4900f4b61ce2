"""Brand packs: the folder a comms team keeps in git, loaded and validated as a whole.

A pack is ``brand.yaml``, ``guidelines/*.md``, ``policy.yaml`` and ``approved_replies.jsonl``.
:func:`load_pack` reads and validates every file before anything is returned, so a
malformed pack is refused as a whole with problems naming file, line and field.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from knowledge.policy import Policy, parse_policy
from knowledge.problems import BrandPackError, PackProblem
from knowledge.taxonomy import Category, Channel, Kind

BRAND_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,62}$"
LANGUAGE_PATTERN = r"^[a-z]{2}$"


class EscalationContact(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    contact: str = Field(min_length=1, description="E-mail, phone or on-call alias.")


class ResponseTargets(BaseModel):
    model_config = ConfigDict(extra="forbid")
    first_draft_minutes: int = Field(15, gt=0)
    approval_minutes: int = Field(30, gt=0)


class Brand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=BRAND_ID_PATTERN)
    name: str = Field(min_length=1)
    languages: list[str] = Field(min_length=1, description="ISO 639-1 codes the brand answers in.")
    channels: list[Channel] = Field(min_length=1)
    sign_off: dict[str, str] = Field(
        default_factory=dict, description="Sign-off per language, e.g. {en: '^Anna'}."
    )
    escalation_contacts: dict[str, EscalationContact] = Field(
        default_factory=dict, description="Named people by role (legal, safety, press, ...)."
    )
    response_targets: ResponseTargets = Field(default_factory=lambda: ResponseTargets())
    description: str = ""

    @field_validator("languages")
    @classmethod
    def _languages_are_codes(cls, value: list[str]) -> list[str]:
        bad = [v for v in value if not isinstance(v, str) or len(v) != 2 or not v.islower()]
        if bad:
            raise ValueError(f"use two-letter lower-case ISO 639-1 codes (got {bad})")
        return value


class PostIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1)
    channel: Channel
    author: str | None = None


class ApprovedReply(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=200)
    post: PostIn
    reply: str = Field(min_length=1)
    category: Category
    kind: Kind
    language: str = Field("en", pattern=LANGUAGE_PATTERN)
    approved_at: datetime
    approved_by: str = Field(min_length=1)
    incident_id: str | None = None
    draft_id: str | None = Field(
        None, description="Set when the reply came from a crisisdraft draft."
    )


@dataclass(frozen=True)
class Guideline:
    path: str  # relative to the pack, e.g. "guidelines/voice.md"
    title: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


@dataclass(frozen=True)
class BrandPack:
    brand: Brand
    policy: Policy
    guidelines: list[Guideline]
    approved_replies: list[ApprovedReply]
    files: dict[str, bytes] = field(default_factory=dict, repr=False)

    @cached_property
    def content_hash(self) -> str:
        """Of every file's name and bytes: computed once (drafting asks for it per draft)."""
        digest = hashlib.sha256()
        for name in sorted(self.files):
            digest.update(name.encode() + b"\0" + hashlib.sha256(self.files[name]).digest())
        return digest.hexdigest()


REQUIRED_FILES = ("brand.yaml", "policy.yaml", "approved_replies.jsonl")


def load_pack(root: Path, *, max_file_bytes: int = 5_000_000) -> BrandPack:
    """Read a pack folder; raise :class:`BrandPackError` listing every problem found."""
    if not root.is_dir():
        raise BrandPackError(
            [PackProblem(str(root), "is not a directory")],
            fix="Pass the folder that holds brand.yaml, policy.yaml, guidelines/ and "
            "approved_replies.jsonl.",
        )
    files: dict[str, bytes] = {}
    problems: list[PackProblem] = []
    for name in REQUIRED_FILES:
        if not (root / name).is_file():
            problems.append(PackProblem(name, "is missing"))
    guideline_paths = (
        sorted((root / "guidelines").glob("*.md")) if (root / "guidelines").is_dir() else []
    )
    if not guideline_paths:
        problems.append(PackProblem("guidelines/", "holds no *.md guideline documents"))
    for path in [root / n for n in REQUIRED_FILES if (root / n).is_file()] + guideline_paths:
        rel = path.relative_to(root).as_posix()
        size = path.stat().st_size
        if size > max_file_bytes:
            problems.append(
                PackProblem(
                    rel,
                    f"is {size:,} bytes; the limit is {max_file_bytes:,} "
                    "(CRISISDRAFT_MAX_PACK_FILE_BYTES)",
                )
            )
            continue
        files[rel] = path.read_bytes()
    if problems:
        raise BrandPackError(problems)
    return parse_pack(files)


def parse_pack(files: dict[str, bytes]) -> BrandPack:
    """Validate a pack given as ``{relative path: content}`` (used for uploads too)."""
    problems: list[PackProblem] = []
    for name in REQUIRED_FILES:
        if name not in files:
            problems.append(PackProblem(name, "is missing"))
    texts: dict[str, str] = {}
    for name, raw in files.items():
        try:
            texts[name] = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(PackProblem(name, f"is not UTF-8 text (byte {exc.start})"))
    brand = _parse_yaml_model(texts.get("brand.yaml"), "brand.yaml", Brand, problems)
    policy = None
    if "policy.yaml" in texts:
        data = _parse_yaml(texts["policy.yaml"], "policy.yaml", problems)
        if data is not None:
            try:
                policy = parse_policy(data, source="policy.yaml", text=texts["policy.yaml"])
            except BrandPackError as exc:
                problems.extend(exc.problems)
    replies = _parse_replies(texts.get("approved_replies.jsonl"), problems)
    guidelines = _parse_guidelines(texts, problems)
    if brand is not None and policy is not None:
        problems.extend(_cross_check(brand, replies))
    if problems or brand is None or policy is None:
        raise BrandPackError(problems)
    return BrandPack(
        brand=brand,
        policy=policy,
        guidelines=guidelines,
        approved_replies=replies,
        files=dict(files),
    )


def _parse_yaml(text: str | None, name: str, problems: list[PackProblem]) -> Any:
    if text is None:
        return None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(
            PackProblem(
                name,
                f"is not valid YAML: {getattr(exc, 'problem', exc)}",
                line=mark.line + 1 if mark else None,
            )
        )
        return None


def _parse_yaml_model(
    text: str | None, name: str, model: type[BaseModel], problems: list[PackProblem]
) -> Any:
    data = _parse_yaml(text, name, problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.append(PackProblem(name, "must be a mapping of fields (key: value)", line=1))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(validation_problems(exc, name, text or ""))
        return None


def validation_problems(
    exc: ValidationError, name: str, text: str, base_line: int | None = None
) -> list[PackProblem]:
    """Turn pydantic errors into problems with the YAML line of each field."""
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        line = base_line if base_line is not None else yaml_line(text, err["loc"])
        out.append(PackProblem(name, err["msg"], line=line, field=".".join(loc) or None))
    return out


def yaml_line(text: str, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the YAML node at ``loc`` (or its closest existing parent)."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(part)), None)
            key = next((k for k, v in node.value if k.value == str(part)), None)
            if match is None:
                break
            line = key.start_mark.line + 1 if key is not None else line
            node = match
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _parse_replies(text: str | None, problems: list[PackProblem]) -> list[ApprovedReply]:
    name = "approved_replies.jsonl"
    replies: list[ApprovedReply] = []
    if text is None:
        return replies
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(
                PackProblem(name, f"is not valid JSON ({exc.msg}, column {exc.colno})", line=number)
            )
            continue
        if not isinstance(data, dict):
            problems.append(PackProblem(name, "each line must be one JSON object", line=number))
            continue
        try:
            reply = ApprovedReply.model_validate(data)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, name, "", base_line=number))
            continue
        if reply.id in seen:
            problems.append(
                PackProblem(
                    name,
                    f"duplicate id {reply.id!r} (first on line {seen[reply.id]})",
                    line=number,
                    field="id",
                )
            )
            continue
        seen[reply.id] = number
        replies.append(reply)
    return replies


def _parse_guidelines(texts: dict[str, str], problems: list[PackProblem]) -> list[Guideline]:
    out = []
    names = sorted(n for n in texts if n.startswith("guidelines/") and n.endswith(".md"))
    if not names:
        problems.append(PackProblem("guidelines/", "holds no *.md guideline documents"))
    for name in names:
        text = texts[name]
        if not text.strip():
            problems.append(PackProblem(name, "is empty"))
            continue
        title = next(
            (ln.lstrip("# ").strip() for ln in text.splitlines() if ln.startswith("#")),
            Path(name).stem.replace("_", " ").replace("-", " "),
        )
        out.append(Guideline(path=name, title=title, text=text))
    return out


def _cross_check(brand: Brand, replies: list[ApprovedReply]) -> list[PackProblem]:
    problems = []
    for reply in replies:
        if reply.post.channel not in brand.channels:
            problems.append(
                PackProblem(
                    "approved_replies.jsonl",
                    f"reply {reply.id!r} is on channel {reply.post.channel!r}, which brand.yaml "
                    f"does not list in channels {brand.channels}",
                    field="post.channel",
                )
            )
        if reply.language not in brand.languages:
            problems.append(
                PackProblem(
                    "approved_replies.jsonl",
                    f"reply {reply.id!r} is in {reply.language!r}, which brand.yaml does not list "
                    f"in languages {brand.languages}",
                    field="language",
                )
            )
    return problems
