"""How good the checks are: precision and recall on the labelled set, and blocking findings on
real agent replies (used by ``tests/drafting/checks/test_quality.py`` and
``benchmarks/checks_quality.py``).

The labelled set (``tests/data/checks_labelled.jsonl``) holds short replies written for the
demo brand, each with the check ids that must fail. The real replies are the brands' own final
replies from the public twitter-customer-care data, read from ``../shared`` at run time and
checked with a neutral policy built from each brand's own help-site domains.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from pydantic import BaseModel, ConfigDict, Field

from drafting.checks.catalogue import CHECK_IDS, FAMILIES
from drafting.checks.compiled import compiled_policy
from drafting.checks.context import CheckContext
from drafting.checks.report import CheckReport
from drafting.checks.runner import run_checks
from knowledge.brandpack import ApprovedReply, Brand, BrandPack
from knowledge.policy import Policy, neutral_policy, parse_policy
from knowledge.taxonomy import Channel, Kind

if TYPE_CHECKING:
    from drafting.checks.reader.model import ReaderModel


class LabelledCase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    text: str
    channel: Channel
    kind: Kind
    language: str
    post: str = ""
    author: str | None = None
    facts: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    risk_flags: list[str] = Field(default_factory=list)
    system_prompt: str = ""
    expect_fail: list[str] = Field(default_factory=list)
    expect_pass_blocking: bool
    note: str = ""


def load_labelled(path: Path) -> list[LabelledCase]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                cases.append(LabelledCase.model_validate_json(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{number}: {exc}") from exc
    return cases


def load_demo(pack_dir: Path) -> tuple[Brand, Policy]:
    brand = Brand.model_validate(yaml.safe_load((pack_dir / "brand.yaml").read_text("utf-8")))
    text = (pack_dir / "policy.yaml").read_text("utf-8")
    return brand, parse_policy(yaml.safe_load(text), text=text)


def case_context(
    case: LabelledCase, brand: Brand, policy: Policy, reader: ReaderModel | None = None
) -> CheckContext:
    return CheckContext(
        brand=brand,
        policy=policy,
        channel=case.channel,
        kind=case.kind,
        language=None,
        post_text=case.post,
        facts=tuple(case.facts),
        sources=tuple(case.sources),
        system_prompt=case.system_prompt,
        risk_flags=frozenset(case.risk_flags),
        author=case.author,
        reader=reader,
    )


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class QualityReport:
    blocking: dict[str, Score] = field(default_factory=dict)  # per family, block severity only
    all_findings: dict[str, Score] = field(default_factory=dict)  # per family, any severity
    # Per check id, block severity only: which checks a comms lead can trust on this text.
    per_check: dict[str, Score] = field(default_factory=dict)
    # What a reviewer meets: good replies (no blocking mistake) that were blocked anyway, and
    # bad replies that were let through with none of their blocking mistakes found.
    good: int = 0
    good_blocked: int = 0
    bad: int = 0
    bad_passed: int = 0
    verdict_agreement: float = 0.0
    errors: list[str] = field(default_factory=list)  # case id: what differed

    def total(self, table: dict[str, Score]) -> Score:
        out = Score()
        for s in table.values():
            out.tp, out.fp, out.fn = out.tp + s.tp, out.fp + s.fp, out.fn + s.fn
        return out


def score_labelled(
    cases: list[LabelledCase], brand: Brand, policy: Policy, reader: ReaderModel | None = None
) -> QualityReport:
    """Compare each case's failures with its labels, per check family. ``reader`` is the learned
    reader's model to use (default: the shipped one; give one trained without these cases to
    measure it fairly)."""
    blocking: dict[str, Score] = defaultdict(Score)
    every: dict[str, Score] = defaultdict(Score)
    per_check: dict[str, Score] = defaultdict(Score)
    agree = good = good_blocked = bad = bad_passed = 0
    errors = []
    for case in cases:
        report = run_checks(case.text, case_context(case, brand, policy, reader))
        rules = compiled_policy(
            policy, report.language if report.language in ("en", "it") else "en"
        ).rules
        expected = set(case.expect_fail)
        unknown = expected - set(CHECK_IDS)
        if unknown:
            raise ValueError(f"case {case.id}: unknown check ids {sorted(unknown)}")
        got_all = {f.id for f in report.failures}
        got_block = {f.id for f in report.blocking}
        # With no facts or sources, grounding findings are warnings by design.
        evidence = bool(case.facts or case.sources)
        expected_block = {
            i
            for i in expected
            if rules[i].severity == "block" and (evidence or not i.startswith("grounding."))
        }
        _tally(every, expected, got_all)
        _tally(blocking, expected_block, got_block)
        _tally(per_check, expected_block, got_block, by_check=True)
        ok = (report.verdict == "ok") == case.expect_pass_blocking
        agree += ok
        if case.expect_pass_blocking:
            good += 1
            good_blocked += bool(report.blocking)
        else:
            bad += 1
            bad_passed += not report.blocking
        if expected != got_all or not ok:
            missing, extra = sorted(expected - got_all), sorted(got_all - expected)
            errors.append(f"{case.id}: missing {missing} extra {extra} verdict {report.verdict}")
    return QualityReport(
        blocking={f: blocking[f] for f in FAMILIES if f in blocking},
        all_findings={f: every[f] for f in FAMILIES if f in every},
        verdict_agreement=agree / len(cases) if cases else 1.0,
        errors=errors,
        per_check=dict(sorted(per_check.items())),
        good=good,
        good_blocked=good_blocked,
        bad=bad,
        bad_passed=bad_passed,
    )


def pooled(reports: list[QualityReport]) -> QualityReport:
    """Several sets' reports as one: scores summed per family and per check, verdicts counted
    over every case (a verdict is "ok" exactly when nothing blocks), errors joined."""
    out = QualityReport(
        good=sum(r.good for r in reports),
        good_blocked=sum(r.good_blocked for r in reports),
        bad=sum(r.bad for r in reports),
        bad_passed=sum(r.bad_passed for r in reports),
    )
    cases = out.good + out.bad
    agreed = cases - out.good_blocked - out.bad_passed
    out.verdict_agreement = agreed / cases if cases else 1.0
    for name in ("blocking", "all_findings", "per_check"):
        summed: dict[str, Score] = defaultdict(Score)
        for report in reports:
            for key, score in getattr(report, name).items():
                total = summed[key]
                total.tp, total.fp, total.fn = (
                    total.tp + score.tp,
                    total.fp + score.fp,
                    total.fn + score.fn,
                )
        order = FAMILIES if name != "per_check" else sorted(summed)
        setattr(out, name, {k: summed[k] for k in order if k in summed})
    out.errors = [e for r in reports for e in r.errors]
    return out


def _tally(
    table: dict[str, Score], expected: set[str], got: set[str], *, by_check: bool = False
) -> None:
    for check_id in expected | got:
        key = check_id if by_check else CHECK_IDS[check_id].family
        if check_id in expected and check_id in got:
            table[key].tp += 1
        elif check_id in got:
            table[key].fp += 1
        else:
            table[key].fn += 1


# --- real agent replies ---------------------------------------------------------------------


@dataclass(frozen=True)
class RealReply:
    tweet_id: str
    company: str
    reply: str
    post: str
    author: str | None
    thread: tuple[str, ...]


def load_real_replies(data_dir: Path) -> list[RealReply]:
    from knowledge.twitter_import import read_conversations

    out = []
    for conv in read_conversations(data_dir / "dev.json"):
        last = conv.last_client_turn
        earlier = tuple(t["message"] for t in conv.turns if t is not last)
        # The data set keeps Twitter's HTML escaping ("&amp;"); a reply shows the characters.
        out.append(
            RealReply(
                tweet_id=conv.reply_tweet_id,
                company=conv.company,
                reply=html.unescape(conv.reply),
                post=html.unescape(last["message"]) if last else "",
                author=f"@{last['client']}" if last else None,
                thread=tuple(html.unescape(t) for t in earlier),
            )
        )
    return out


_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[^/]+/", re.IGNORECASE)


@lru_cache(maxsize=4)
def company_domains(data_dir: Path) -> dict[str, tuple[str, ...]]:
    """The hosts of each company's help articles (the data set's document list per company)."""
    urls = {}
    for line in (data_dir / "docID_url.tsv").read_text("utf-8").splitlines():
        if "\t" in line:
            doc, url = line.split("\t", 1)
            urls[doc.strip()] = url.strip()
    out: dict[str, tuple[str, ...]] = {}
    for line in (data_dir / "company_docIDs.tsv").read_text("utf-8").splitlines():
        if "\t" not in line:
            continue
        company, ids = line.split("\t", 1)
        hosts = set()
        for doc in ids.split(","):
            url = _ARCHIVED.sub("", urls.get(doc.strip(), ""))
            host = re.sub(r"^https?://([^/:?#]+).*$", r"\1", url).lower()
            if host and "/" not in host:
                hosts.add(registrable_domain(host))
        hosts.add(own_domain(company.strip()))
        out[company.strip()] = tuple(sorted(hosts))
    return out


_HANDLE_WORDS = re.compile(r"^(ask|team)|(support|help|helps|care|cares|us)$")


def own_domain(handle: str) -> str:
    """The brand's own .com domain guessed from its handle: ``AskeBay`` -> ``ebay.com``."""
    name = re.sub(r"[^a-z0-9]", "", handle.lower())
    while True:
        shorter = _HANDLE_WORDS.sub("", name)
        if shorter == name or len(shorter) < 3:
            break
        name = shorter
    return f"{name}.com"


_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu"}


def registrable_domain(host: str) -> str:
    """``support.google.com`` -> ``google.com``; ``www.bbc.co.uk`` -> ``bbc.co.uk``."""
    labels = host.lower().strip(".").split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def with_reader(policy: Policy) -> Policy:
    """``policy`` with the learned reader turned on (its other reader settings kept)."""
    return policy.model_copy(update={"reader": policy.reader.model_copy(update={"enabled": True})})


def blocked_approved_replies(
    pack: BrandPack, *, reader: bool = False
) -> list[tuple[ApprovedReply, CheckReport]]:
    """The pack's approved replies that a blocking check of its own policy fails, each
    checked as what it was: a reply of its kind to its post, on its channel (with the learned
    reader on when ``reader``)."""
    policy = with_reader(pack.policy) if reader else pack.policy
    out = []
    for reply in pack.approved_replies:
        ctx = CheckContext(
            brand=pack.brand,
            policy=policy,
            channel=reply.post.channel,
            kind=reply.kind,
            language=reply.language,
            post_text=reply.post.text,
            author=reply.post.author,
        )
        report = run_checks(reply.reply, ctx)
        if report.blocking:
            out.append((reply, report))
    return out


def real_reply_context(reply: RealReply, data_dir: Path, *, reader: bool = False) -> CheckContext:
    from knowledge.twitter_import import brand_id_for

    policy = _neutral(reply.company, company_domains(data_dir).get(reply.company, ()))
    if reader:
        policy = with_reader(policy)
    brand = Brand(
        id=brand_id_for(reply.company) or "brand",
        name=reply.company,
        languages=["en"],
        channels=["x"],
    )
    return CheckContext(
        brand=brand,
        policy=policy,
        channel="x",
        kind="reply",
        post_text=reply.post,
        thread=reply.thread,
        author=reply.author,
    )


@lru_cache(maxsize=64)
def _neutral(company: str, domains: tuple[str, ...]) -> Policy:
    return parse_policy(
        neutral_policy(allowed_domains=list(domains), languages=["en"]),
        source=f"neutral policy for {company}",
    )


def check_real_replies(
    data_dir: Path, *, reader: bool = False
) -> list[tuple[RealReply, CheckReport]]:
    return [
        (r, run_checks(r.reply, real_reply_context(r, data_dir, reader=reader)))
        for r in load_real_replies(data_dir)
    ]


def load_debatable(path: Path) -> dict[str, str]:
    """``{tweet_id: why a blocking finding on this real reply is debatable}``."""
    if not path.exists():
        return {}
    return {str(k): str(v) for k, v in json.loads(path.read_text("utf-8")).items()}
