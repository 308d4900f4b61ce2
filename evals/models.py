"""What a suite file holds: defaults, cases, metric thresholds and gate limits.

A suite is one YAML file (``evals/suites/*.yaml``) checked against these models with
``extra="forbid"``: a misspelt key is an error that names the file, never a silent default.
Evaluator entries stay raw here (``EvaluatorSpec``) and are validated by
:func:`evals.evaluators.parse_evaluators`, which knows every evaluator's own parameters.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from knowledge.taxonomy import Action, Category, Channel, Kind, RiskFlag, Severity

#: One evaluator entry: a name (``checks``) or a one-key mapping
#: (``{similarity: {threshold: 0.6}}``).
EvaluatorSpec = str | dict[str, Any]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ThreadItem(_Model):
    text: str = Field(min_length=1)
    author: str | None = None
    from_brand: bool = Field(default=False, description="True for the brand's own earlier replies.")


class Expect(_Model):
    """What the right answer looks like for a case. Every field is optional."""

    category: Category | None = None
    severity: Severity | None = None
    min_severity: Severity | None = Field(default=None, description="Severity at least this high.")
    risk_flags: list[RiskFlag] = Field(
        default_factory=list, description="Flags triage must raise (others may be raised too)."
    )
    absent_flags: list[RiskFlag] = Field(
        default_factory=list, description="Flags triage must not raise."
    )
    action: Action | None = None
    escalate_to: str | None = Field(default=None, description="Escalation role, e.g. `safety`.")
    public_draft: bool | None = Field(
        default=None,
        description="false: the right answer is not to draft a public reply (escalate); "
        "true: a public reply is expected.",
    )
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    moves: list[str] | None = Field(
        default=None,
        description="Moves the draft must make; default: what the brand's policy requires.",
    )
    findings: list[str] = Field(
        default_factory=list,
        description="Check ids that must fire on this case (e.g. `escalation.public_draft`).",
    )
    personal_data: list[str] = Field(
        default_factory=list, description="Values in the post that a public draft must not repeat."
    )
    error: str | None = Field(
        default=None,
        description="The pipeline must refuse the case with a message containing this.",
    )


class Case(_Model):
    """One incoming post and what a good draft for it looks like."""

    id: str = Field(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9_.:-]+$")
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    brand: str | None = None
    channel: Channel | None = None
    kind: Kind | None = None
    model: str | None = None
    post: str = Field(min_length=1, description="The customer's post, as written.")
    author: str | None = Field(default=None, description="Public handle, e.g. @anna.")
    thread: list[ThreadItem] = Field(default_factory=list)
    facts: list[str] | None = Field(
        default=None, description="Incident facts; default from `defaults`."
    )
    incident_id: str | None = None
    language: str | None = Field(
        default=None, pattern=r"^[a-z]{2}$", description="Force the reply language."
    )
    reference: str | None = Field(
        default=None, description="A reply a human approved, to compare with."
    )
    expect: Expect = Field(default_factory=Expect)
    evaluators: list[EvaluatorSpec] = Field(
        default_factory=list, description="Added to the suite's default evaluators."
    )
    skip_evaluators: list[str] = Field(
        default_factory=list, description="Names of default evaluators not run on this case."
    )
    source: dict[str, Any] | None = Field(
        default=None,
        description="Where a generated case came from (package, file, index, licence).",
    )

    @field_validator("thread", mode="before")
    @classmethod
    def _thread_strings(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value


class Defaults(_Model):
    brand: str | None = None
    channel: Channel = "x"
    kind: Kind = "reply"
    model: str | None = Field(
        default=None, description="Any litellm model name; default: the service's."
    )
    author: str | None = None
    facts: list[str] = Field(default_factory=list)
    judge_model: str | None = Field(default=None, description="Model for `judge` evaluators.")
    evaluators: list[EvaluatorSpec] = Field(default_factory=list)


class MetricSpec(_Model):
    threshold: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Lowest pass rate (share of cases passing) the gate accepts.",
    )
    min_mean: float | None = Field(
        default=None, ge=0, le=1, description="Lowest mean score accepted."
    )
    description: str = ""


class Gate(_Model):
    max_regressions: int | None = Field(
        default=None,
        ge=0,
        description="Most cases that may go from pass to fail against the baseline.",
    )
    max_metric_drop: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Largest drop of any metric's pass rate against the baseline.",
    )


class RunConfig(_Model):
    concurrency: int = Field(
        default=4, ge=1, le=64, description="Cases drafted at once, in all workers together."
    )
    workers: int = Field(
        default=1,
        ge=1,
        le=16,
        description="Processes drafting in parallel (for large suites: each "
        "takes a few seconds to start, and uses one core).",
    )
    timeout_s: float = Field(default=60.0, gt=0, description="Per-case timeout.")


class CaseSource(_Model):
    """More cases: a JSONL or CSV file, or a builder that converts data at load time."""

    file: str | None = Field(
        default=None, description="JSONL or CSV file, relative to the suite file."
    )
    builder: str | None = Field(default=None, description="Name of a builder in `evals.builders`.")
    options: dict[str, Any] = Field(default_factory=dict, description="The builder's options.")


class Suite(_Model):
    schema_: str | None = Field(default=None, alias="$schema")
    name: str = Field(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9_.-]+$")
    description: str = ""
    defaults: Defaults = Field(default_factory=Defaults)
    metrics: dict[str, MetricSpec | float] = Field(
        default_factory=dict,
        description="Thresholds per metric name (e.g. Policy: 0.95); `Overall` is the case "
        "pass rate.",
    )
    gate: Gate = Field(default_factory=Gate)
    run: RunConfig = Field(default_factory=RunConfig)
    cases: list[Case] = Field(default_factory=list)
    cases_from: list[CaseSource] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def metric_spec(self, name: str) -> MetricSpec:
        spec = self.metrics.get(name)
        if spec is None:
            return MetricSpec()
        return spec if isinstance(spec, MetricSpec) else MetricSpec(threshold=spec)
