"""The drafting pipeline: triage → retrieve → prompt → generate → check (→ revise once) → store."""

from __future__ import annotations

import asyncio
import time
import uuid
import weakref
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from drafting.access import Principal
from drafting.composer import reply_example
from drafting.config import Settings
from drafting.errors import DeadlineExceededError, InvalidInputError
from drafting.llm import (
    Generation,
    StreamInfo,
    check_model_name,
    generate,
    is_local,
    stream_tokens,
)
from drafting.moves import move_patterns
from drafting.schemas import (
    AlternativePublic,
    DisclosurePublic,
    DraftCreate,
    DraftPublic,
    EscalationPublic,
    SourcePublic,
    TimingsPublic,
    UsagePublic,
)
from drafting.storage.engine import database_errors
from drafting.storage.repository import Storage, utcnow
from knowledge.brandpack import BrandPack
from knowledge.registry import BrandRegistry
from knowledge.taxonomy import PUBLIC_CHANNELS
from knowledge.vectorstore import server_errors
from prompts.budget import Section, fit
from prompts.templates import RenderedPrompt, fence, load_prompt, render

if TYPE_CHECKING:
    from knowledge.retrieval import BrandKnowledge

LANGUAGE_NAMES = {
    "en": "English",
    "it": "Italian",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "pt": "Portuguese",
}
KIND_LABELS = {
    "reply": "first public reply",
    "apology": "apology",
    "holding_statement": "holding statement",
    "status_update": "status update",
    "resolution_update": "resolution update",
    "dm_followup": "private follow-up message",
}
# Shares of CRISISDRAFT_PROMPT_TOKENS per prompt section (the post has its own share).
BUDGET_SHARES = {"guidelines": 0.27, "replies": 0.37, "thread": 0.15, "post": 0.21}


@dataclass
class Prepared:
    """Everything generation needs, computed once per request."""

    request: DraftCreate
    pack: BrandPack
    triage: Any
    language: str
    model: str
    prompt: RenderedPrompt
    context: dict[str, Any]
    sources: list[SourcePublic]
    escalation: EscalationPublic | None
    notes: list[str]
    timings: TimingsPublic
    redacted: dict[str, int] = field(default_factory=dict)


def validate_request(req: DraftCreate, pack: BrandPack, settings: Settings) -> None:
    if len(req.post.text) > settings.max_post_chars:
        raise InvalidInputError(
            f"The post is {len(req.post.text):,} characters; "
            f"the limit is {settings.max_post_chars:,}.",
            fix="Send only the post being answered (CRISISDRAFT_MAX_POST_CHARS sets the limit).",
        )
    if not req.post.text.strip():
        raise InvalidInputError("The post is empty.", fix="Send the text of the post to answer.")
    if len(req.thread) > settings.max_thread_items:
        raise InvalidInputError(
            f"The thread has {len(req.thread)} messages; the limit is {settings.max_thread_items}.",
            fix="Send the most recent messages only.",
        )
    if req.n > settings.max_alternatives:
        raise InvalidInputError(
            f"n={req.n} alternatives asked; the limit is {settings.max_alternatives}.",
            fix="Ask for fewer alternatives.",
        )
    if req.channel not in pack.brand.channels:
        raise InvalidInputError(
            f"Brand {pack.brand.id!r} does not use channel {req.channel!r}.",
            fix=f"Use one of {pack.brand.channels}, or add the channel to brand.yaml.",
        )


def _escalation(tri: Any, pack: BrandPack) -> EscalationPublic | None:
    if tri.action != "escalate" or not tri.escalate_to:
        return None
    contact = pack.brand.escalation_contacts.get(tri.escalate_to)
    return EscalationPublic(
        role=tri.escalate_to,
        contact_name=contact.name if contact else None,
        contact=contact.contact if contact else None,
        reasons=list(tri.reasons),
    )


def prepare(req: DraftCreate, *, settings: Settings, registry: BrandRegistry) -> Prepared:
    from drafting.triage import triage
    from drafting.triage.lexicons import normalise
    from knowledge.retrieval import get_retriever

    timings = TimingsPublic()
    t0 = time.perf_counter()
    pack = registry.get(req.brand)
    validate_request(req, pack, settings)
    model = req.model or settings.draft_model
    check_model_name(model)
    retriever = get_retriever(settings)
    embedder = _query_embedder(retriever)  # the post is embedded once, then reused
    opened = time.perf_counter()
    with server_errors(settings.chroma_url):  # a Chroma server that went away: a typed 503
        # Opened before triage, whose category waits for the post's embedding (started
        # early): the collection's revision is read while that embedding runs.
        knowledge = retriever.brand(req.brand)
    open_ms = (time.perf_counter() - opened) * 1000
    tri = triage(
        req.post.text,
        thread=[m.text for m in req.thread if not m.from_brand],
        brand=pack.brand,
        embedder=embedder,
        supported_languages=pack.brand.languages,
    )
    t1 = time.perf_counter()
    timings.triage_ms = (t1 - t0) * 1000 - open_ms
    language = req.language or tri.language
    if language not in pack.brand.languages:
        names = ", ".join(LANGUAGE_NAMES.get(x, x) for x in pack.brand.languages)
        raise InvalidInputError(
            f"The post is in {LANGUAGE_NAMES.get(language, language)!s}, which {pack.brand.name} "
            f"does not answer in ({names}).",
            fix="Answer this post by hand, or add the language to brand.yaml with approved "
            "replies and guidelines in it. To answer in a supported language anyway, send "
            '"language": "en".',
            language=language,
        )
    notes: list[str] = []
    escalation = _escalation(tri, pack)
    holding_only = (not tri.public_draft_allowed) and not req.force_public_draft
    kind = "dm_followup" if tri.action == "dm_only" and req.kind == "reply" else req.kind
    if holding_only:
        notes.append(
            "Triage says not to draft a public reply: this is a holding line only"
            + (f"; escalate to {escalation.role}." if escalation else ".")
        )
    # As triage embeds it (typographic punctuation folded, HTML entities decoded): one
    # embedding serves both, and BM25 sees words rather than "&amp;".
    query = normalise(req.post.text)
    with server_errors(settings.chroma_url):
        replies = reply_pool(
            knowledge, query, language=language, category=tri.category, kind=kind, settings=settings
        )
        guidelines = knowledge.search(query, k=4, kinds=["guideline"])
    t2 = time.perf_counter()
    timings.retrieval_ms = (t2 - t1) * 1000 + open_ms

    policy = pack.policy
    required = list(policy.required_moves.get("holding_statement" if holding_only else kind, []))
    move_to_dm = tri.action in ("reply_public_then_dm", "escalate", "dm_only") or (
        "personal_data_public" in tri.risk_flags
    )
    sign_off = pack.brand.sign_off.get(language, "")
    public = req.channel in PUBLIC_CHANNELS and kind != "dm_followup"
    disclosure = policy.disclosure_line(req.channel, language) if public else ""
    # The brand's public AI-disclosure line is added after drafting: leave room for it.
    limit = policy.max_chars(req.channel) - (len(disclosure) + 1 if disclosure else 0)
    budgets = {k: int(v * settings.prompt_tokens) for k, v in BUDGET_SHARES.items()}
    fitted = fit(
        [
            Section("guidelines", [g.text for g in guidelines], budgets["guidelines"]),
            Section(
                "replies",
                [f"{r.text}\n{r.metadata.get('reply', '')}" for r in replies],
                budgets["replies"],
            ),
            Section("thread", [m.text for m in req.thread], budgets["thread"]),
        ],
        post=req.post.text,
        post_budget=budgets["post"],
    )
    if fitted.post_truncated:
        notes.extend(n for n in fitted.notes if n.startswith("The post"))
    kept_g = guidelines[: len(fitted.items["guidelines"])]
    fitted_replies = set(fitted.items["replies"])
    kept_r = [r for r in replies if f"{r.text}\n{r.metadata.get('reply', '')}" in fitted_replies]
    # Personal data never reaches a remote model: typed placeholders instead (local models and
    # the built-in composer see the text as it is).
    redactor = None if is_local(model, settings) else redactor_for(pack)
    red = redactor.redact if redactor is not None else _same
    variables = {
        "brand": {"name": pack.brand.name},
        "language": language,
        "language_name": LANGUAGE_NAMES.get(language, language),
        "channel": req.channel,
        "max_chars": limit,
        "sign_off": sign_off,
        "kind_label": KIND_LABELS[kind],
        "author": req.post.author if redactor is None else None,
        "triage": {"category": tri.category, "severity": tri.severity, "action": tri.action},
        "move_to_dm": move_to_dm,
        "required_moves": [m.replace("_", " ") for m in required],
        "facts": [red(f) for f in req.facts],
        "guidelines": [{"id": g.id, "text": fence(g.text)} for g in kept_g],
        "replies": [
            {
                "id": r.id,
                "post": fence(red(r.text)),
                "reply": fence(red(str(r.metadata.get("reply", "")))),
            }
            for r in kept_r
        ],
        "thread": [fence(red(t)) for t in fitted.items["thread"]],
        "post": fence(red(fitted.post)),
    }
    prompt = render(load_prompt("draft"), **variables)
    context = {
        "language": language,
        "kind": "holding_statement" if holding_only else kind,
        "category": tri.category,
        "channel": req.channel,
        "max_chars": limit,
        "author": req.post.author or "",
        "public": public,
        "sign_off": sign_off,
        "sign_offs": list(pack.brand.sign_off.values()),
        "move_to_dm": move_to_dm,
        "required_moves": required,
        "disclosure": disclosure,
        "facts": list(req.facts),
        "post": req.post.text,
        # The brand's first answer in this conversation: no "sorry again", no "thanks again".
        "first_contact": kind in ("reply", "apology", "holding_statement")
        and not any(m.from_brand for m in req.thread),
        **pack_words(pack),
        "move_patterns": move_patterns(policy, language),
        "allowed_hosts": list(policy.links.allowed_domains),
        "incident_id": req.incident_id,
        "replies": [
            reply_example(r.id, r.metadata, post=r.text, similarity=r.dense_score) for r in replies
        ],
    }
    sources = [
        SourcePublic(
            id=g.id,
            source="guideline",
            title=str(g.metadata.get("title", "")),
            snippet=g.text[:240],
            score=g.score,
        )
        for g in kept_g
    ]
    sources += [
        SourcePublic(
            id=r.id,
            source="approved_reply",
            title=f"{r.metadata.get('kind')} / {r.metadata.get('category')} "
            f"on {r.metadata.get('channel')}",
            snippet=str(r.metadata.get("reply", ""))[:240],
            score=r.score,
        )
        for r in replies
    ]
    sources += [
        SourcePublic(id=f"fact-{i + 1}", source="fact", title="incident fact", snippet=f[:240])
        for i, f in enumerate(req.facts)
    ]
    timings.prompt_ms = (time.perf_counter() - t2) * 1000
    if redactor is not None and redactor.counts:
        notes.append(
            "Personal data replaced before the model saw it: "
            + ", ".join(f"{n} {kind}" for kind, n in sorted(redactor.counts.items()))
        )
    return Prepared(
        redacted=dict(redactor.counts) if redactor is not None else {},
        request=req,
        pack=pack,
        triage=tri,
        language=language,
        model=model,
        prompt=prompt,
        context=context,
        sources=sources,
        escalation=escalation,
        notes=notes,
        timings=timings,
    )


def _same(text: str) -> str:
    return text


def redactor_for(pack: BrandPack) -> Any:
    from drafting.privacy import Redactor

    policy = pack.policy
    keep = [
        pack.brand.name,
        *pack.brand.sign_off.values(),
        *policy.personal_data.brand_contacts,
        *(c.contact for c in pack.brand.escalation_contacts.values()),
    ]
    return Redactor(
        order_number_pattern=policy.personal_data.order_number_pattern,
        keep=keep,
        keep_domains=policy.links.allowed_domains,
        languages=pack.brand.languages,
    )


class _QueryEmbedder:
    """Triage's embedder view of the retriever's query-vector cache (one per retriever, so
    triage's embedded exemplar phrases are cached with it)."""

    def __init__(self, retriever: Any) -> None:
        self.retriever = retriever

    def embed(self, texts: Any) -> Any:
        import numpy as np

        return np.stack([self.retriever.query_vector(t) for t in texts])


_query_embedders: weakref.WeakKeyDictionary[Any, _QueryEmbedder] = weakref.WeakKeyDictionary()


def _query_embedder(retriever: Any) -> _QueryEmbedder:
    embedder = _query_embedders.get(retriever)
    if embedder is None:
        embedder = _query_embedders.setdefault(retriever, _QueryEmbedder(retriever))
    return embedder


def reply_pool(
    brand: str | BrandKnowledge,
    query: str,
    *,
    language: str,
    category: str,
    kind: str,
    settings: Settings,
) -> list[Any]:
    """Similar approved replies in the post's language: same category first, then the rest."""
    from knowledge.retrieval import get_retriever

    knowledge = get_retriever(settings).brand(brand) if isinstance(brand, str) else brand
    hits = knowledge.search(
        query, k=settings.retrieval_k * 3, kinds=["approved_reply"], where={"language": language}
    )
    # A stable sort: the same category or kind first, each group in search order.
    return sorted(
        hits,
        key=lambda h: h.metadata.get("category") != category and h.metadata.get("kind") != kind,
    )


_pack_words: dict[str, dict[str, frozenset[str]]] = {}


def pack_words(pack: BrandPack) -> dict[str, frozenset[str]]:
    """What the composer reads from the brand's approved replies as a whole, as its context
    keys (cached per pack version): the words it uses in several replies (``vocabulary``:
    its recurring voice) and the stems in a tenth of them (``common_stems``: no one case's
    details)."""
    from drafting.composer import brand_vocabulary, common_stems

    cached = _pack_words.get(pack.content_hash)
    if cached is None:
        replies = pack.approved_replies
        cached = {
            "vocabulary": frozenset(brand_vocabulary([r.reply for r in replies])),
            "common_stems": common_stems([f"{r.post.text}\n{r.reply}" for r in replies]),
        }
        _pack_words[pack.content_hash] = cached
    return cached


def check(text: str, prep: Prepared, *, kind: str | None = None) -> Any:
    from drafting.checks import CheckContext, run_checks

    req = prep.request
    # An incident's updates are grounded in its facts only, never in past replies' claims; and
    # what a reply said during another incident (a refund, a status) grounds nothing here.
    facts_only = bool(prep.context.get("facts_only"))
    elsewhere = {
        r["id"]
        for r in prep.context.get("replies", [])
        if r.get("incident_id") and r.get("incident_id") != req.incident_id
    }
    ctx = CheckContext(
        brand=prep.pack.brand,
        policy=prep.pack.policy,
        channel=req.channel,
        kind=kind or prep.context["kind"],
        language=prep.language,
        post_text=req.post.text,
        thread=tuple(m.text for m in req.thread),
        facts=tuple(req.facts),
        sources=()
        if facts_only
        else tuple(
            s.snippet for s in prep.sources if s.source != "guideline" and s.id not in elsewhere
        )
        + tuple(s.snippet for s in prep.sources if s.source == "guideline"),
        system_prompt=prep.prompt.system,
        risk_flags=frozenset(prep.triage.risk_flags),
        author=req.post.author,
    )
    return run_checks(text, ctx)


def within_budget(
    req: DraftCreate, store: Storage, settings: Settings
) -> tuple[DraftCreate, str | None]:
    """Past the brand's daily model budget (``CRISISDRAFT_DAILY_BUDGET_USD``, summed from the
    database so every worker sees the same spend), a paid model is replaced by the built-in
    composer and the draft says so."""
    from drafting.llm import COMPOSER

    budget = settings.daily_budget_usd
    model = req.model or settings.draft_model
    if budget is None or is_local(model, settings):
        return req, None
    with database_errors():
        spent = store.spent_since(req.brand, utcnow() - timedelta(hours=24))
    if spent < budget:
        return req, None
    note = (
        f"BUDGET: {req.brand} spent ${spent:.2f} on models in the last 24 hours "
        f"(budget ${budget:.2f}); the built-in composer wrote this draft instead of {model}."
    )
    return req.model_copy(update={"model": COMPOSER}), note


def with_disclosure(text: str, prep: Prepared) -> str:
    """Add the brand's public AI-disclosure line (policy ``disclosure.public_line``) before the
    sign-off, once."""
    line = str(prep.context.get("disclosure") or "")
    if not line or line in text:
        return text
    sign_off = str(prep.pack.brand.sign_off.get(prep.language, ""))
    if sign_off and text.rstrip().endswith(sign_off):
        body = text.rstrip()[: -len(sign_off)].rstrip()
        return f"{body} {line} {sign_off}"
    return f"{text.rstrip()} {line}"


def disclosure_for(prep: Prepared, gen: Generation) -> DisclosurePublic | None:
    """The internal AI-assistance label kept on the record (policy ``disclosure``)."""
    rules = prep.pack.policy.disclosure
    if not rules.internal_label:
        return None
    return DisclosurePublic(
        ai_assisted=True,
        label=f"Drafted with AI assistance ({gen.model}, prompt {prep.prompt.ref}); a person "
        "reviews it before it is posted.",
        public_line=str(prep.context.get("disclosure") or "") or None,
    )


async def _one(
    prep: Prepared, alternative: int, settings: Settings
) -> tuple[Generation, Any, bool]:
    context = {**prep.context, "alternative": alternative}
    gen = await generate(
        prep.prompt.messages(), model=prep.model, settings=settings, context=context
    )
    gen.draft.text = with_disclosure(gen.draft.text, prep)
    started = time.perf_counter()
    report = check(gen.draft.text, prep)
    prep.timings.checks_ms += (time.perf_counter() - started) * 1000
    revised = False
    if report.blocking and alternative == 0:
        failures = [
            {"explanation": f.explanation, "suggestion": f.suggestion, "evidence": f.evidence}
            for f in report.blocking
        ]
        revise = render(
            load_prompt("revise"),
            draft_system=prep.prompt.system,
            draft_user=prep.prompt.user,
            previous=fence(gen.draft.text),
            failures=failures,
        )
        second = await generate(
            revise.messages(),
            model=prep.model,
            settings=settings,
            context={**context, "avoid": [f["evidence"] for f in failures if f["evidence"]]},
        )
        second.draft.text = with_disclosure(second.draft.text, prep)
        started = time.perf_counter()
        second_report = check(second.draft.text, prep)
        prep.timings.checks_ms += (time.perf_counter() - started) * 1000
        revised = True
        if len(second_report.blocking) <= len(report.blocking):
            second.prompt_tokens += gen.prompt_tokens
            second.completion_tokens += gen.completion_tokens
            second.cost_usd += gen.cost_usd
            second.attempts += gen.attempts
            second.model_ms += gen.model_ms
            gen, report = second, second_report
    return gen, report, revised


async def _grounded(
    req: DraftCreate, *, settings: Settings, registry: BrandRegistry, store: Storage
) -> Prepared:
    """The request grounded in its incident's facts, within the brand's model budget, and
    prepared (triage, retrieval, prompt): what drafting and streaming both start from."""
    from drafting.incidents.grounding import ground

    # The post's embedding (most of triage's time, run outside the GIL) starts now, beside
    # the incident lookup and triage's rules; triage and retrieval find it done or wait. It is
    # handed to a worker thread before the other steps' thread (a task would only submit it
    # once that thread already held the GIL, and the embedding then started a millisecond or
    # more late).
    early = asyncio.get_running_loop().run_in_executor(None, _embed_early, req.post.text, settings)

    def grounded() -> Prepared:  # one trip to a worker thread for the three blocking steps
        with database_errors():
            grounding = ground(req, store=store, registry=registry, settings=settings)
        request, over_budget = within_budget(grounding.request, store, settings)
        prep = prepare(request, settings=settings, registry=registry)
        grounding.apply(prep)
        if over_budget:
            prep.notes.append(over_budget)
        return prep

    try:
        return await asyncio.to_thread(grounded)
    finally:
        await early


def _embed_early(post: str, settings: Settings) -> None:
    from drafting.triage.lexicons import normalise
    from knowledge.retrieval import get_retriever

    try:
        get_retriever(settings).query_vector(normalise(post))
    except Exception:  # prepare() embeds it again and reports what went wrong
        return


async def create_draft(
    req: DraftCreate,
    *,
    settings: Settings,
    registry: BrandRegistry,
    store: Storage,
    actor: Principal | None = None,
) -> DraftPublic:
    """Run the whole pipeline within the request deadline, then store the draft in one go."""
    started = time.perf_counter()
    received_at = utcnow()
    prep = await _grounded(req, settings=settings, registry=registry, store=store)
    try:
        results = await asyncio.wait_for(
            asyncio.gather(*[_one(prep, i, settings) for i in range(req.n)]),
            timeout=max(0.1, settings.request_deadline_s - (time.perf_counter() - started)),
        )
    except TimeoutError as exc:
        raise DeadlineExceededError(
            f"No draft within the {settings.request_deadline_s:.0f} s deadline; "
            "nothing was stored.",
            fix="Retry, use a faster model, or raise CRISISDRAFT_REQUEST_DEADLINE_S.",
        ) from exc
    draft = finish(prep, results, started)
    await asyncio.to_thread(_save, store, draft, actor, received_at)
    return draft


def _save(store: Storage, draft: DraftPublic, actor: Principal | None, received_at: Any) -> None:
    """Store the draft in one transaction; a database that is down gives a typed 503."""
    with database_errors():
        store.save(draft, actor, received_at=received_at)


def used_sources(sources: list[SourcePublic], cited: list[str]) -> list[SourcePublic]:
    """The guidelines and facts given to the model, and the approved replies the draft used
    (the ones it cites; the five closest when a model cites none)."""
    replies = [s for s in sources if s.source == "approved_reply"]
    used = [s for s in replies if s.id in set(cited)] or replies[:5]
    return (
        [s for s in sources if s.source == "guideline"]
        + used
        + [s for s in sources if s.source == "fact"]
    )


def finish(
    prep: Prepared, results: list[tuple[Generation, Any, bool]], started: float
) -> DraftPublic:
    gen, report, revised = results[0]
    alternatives = [
        AlternativePublic(text=g.draft.text, verdict=r.verdict, checks=r.model_dump())
        for g, r, _ in results[1:]
    ]
    notes = list(prep.notes)
    for g, _, _ in results:
        notes.extend(n for n in [*g.notes, *g.draft.notes] if n not in notes)
    if gen.fallback:
        notes.append(f"FALLBACK: {prep.model} failed; this draft was written by {gen.model}.")
    if report.blocking:
        notes.append(
            f"{len(report.blocking)} blocking check(s) still fail after "
            f"{'one revision' if revised else 'drafting'}: see checks."
        )
    timings = prep.timings
    timings.total_ms = (time.perf_counter() - started) * 1000
    timings.generation_ms = sum(g.model_ms for g, _, _ in results)
    usage = UsagePublic(
        prompt_tokens=sum(g.prompt_tokens for g, _, _ in results),
        completion_tokens=sum(g.completion_tokens for g, _, _ in results),
        cost_usd=sum(g.cost_usd for g, _, _ in results),
        model_calls=sum(g.attempts for g, _, _ in results),
    )
    req = prep.request
    return DraftPublic(
        id=f"d_{uuid.uuid4().hex[:20]}",
        status="pending_review",
        created_at=utcnow(),
        brand=req.brand,
        channel=req.channel,
        kind=prep.context["kind"],
        language=prep.language,
        incident_id=req.incident_id,
        post=req.post,
        thread=req.thread,
        text=gen.draft.text,
        verdict=report.verdict,
        alternatives=alternatives,
        triage=prep.triage.model_dump(),
        checks=report.model_dump(),
        sources=used_sources(prep.sources, gen.draft.cited),
        escalation=prep.escalation,
        model=gen.model,
        requested_model=prep.model,
        fallback=gen.fallback,
        revised=revised,
        prompt_version=prep.prompt.ref,
        redacted=prep.redacted,
        usage=usage,
        timings=timings,
        notes=notes,
        disclosure=disclosure_for(prep, gen),
    )


async def stream_draft(
    req: DraftCreate,
    *,
    settings: Settings,
    registry: BrandRegistry,
    store: Storage,
    actor: Principal | None = None,
) -> AsyncIterator[tuple[str, Any]]:
    """Yield ("token", text) events as the model writes, then ("draft", DraftPublic)."""
    started = time.perf_counter()
    received_at = utcnow()
    prep = await _grounded(req, settings=settings, registry=registry, store=store)
    deadline = started + settings.request_deadline_s
    parts: list[str] = []
    info = StreamInfo()
    messages = prep.prompt.messages()
    context = {**prep.context, "alternative": 0}
    stream = stream_tokens(
        messages, model=prep.model, settings=settings, context=context, info=info
    )
    try:
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError
            try:
                token = await asyncio.wait_for(anext(stream), timeout=remaining)
            except StopAsyncIteration:
                break
            parts.append(token)
            yield "token", token
    except TimeoutError as exc:
        raise DeadlineExceededError(
            f"The model stream passed the {settings.request_deadline_s:.0f} s request deadline; "
            "nothing was stored.",
            fix="Retry, use a faster model, or raise CRISISDRAFT_REQUEST_DEADLINE_S.",
        ) from exc
    finally:
        await stream.aclose()  # close the provider's connection now, not at garbage collection
    from drafting.llm import COMPOSER, ModelDraft, parse_model_draft

    raw = "".join(parts)
    gen = Generation(
        draft=ModelDraft(text="(empty)"),
        model=info.model or prep.model,
        requested_model=prep.model,
        fallback=info.fallback,
        attempts=1,
        notes=list(info.notes),
    )
    try:
        gen.draft = parse_model_draft(raw)
    except ValueError as exc:
        if gen.model != COMPOSER and COMPOSER in settings.fallback_models:
            # Tokens already went out; the draft event that follows is the one that counts.
            remaining = deadline - time.perf_counter()
            try:
                gen = await asyncio.wait_for(
                    generate(messages, model=COMPOSER, settings=settings, context=context),
                    timeout=max(0.1, remaining),
                )
            except TimeoutError as timeout:
                raise DeadlineExceededError(
                    "No draft within the request deadline; nothing was stored.",
                    fix="Retry, use a faster model, or raise CRISISDRAFT_REQUEST_DEADLINE_S.",
                ) from timeout
            gen.requested_model, gen.fallback = prep.model, True
            gen.notes.append(
                f"{info.model or prep.model} streamed no valid structured answer "
                f"({str(exc)[:200]}); the built-in composer wrote this draft."
            )
        else:
            gen.draft = ModelDraft(text=raw.strip() or "(empty)")
            prep.notes.append(
                "The model did not answer in the structured format; its raw text is shown as "
                "the draft."
            )
    gen.draft.text = with_disclosure(gen.draft.text, prep)
    report = check(gen.draft.text, prep)
    draft = finish(prep, [(gen, report, False)], started)
    await asyncio.to_thread(_save, store, draft, actor, received_at)
    yield "draft", draft
