"""``crisisdraft/composer``: the built-in drafter that needs no model download and no network.

It composes a reply from the sentences of the brand's own approved replies (closest first)
and the incident's current facts, following the moves the brand's policy requires for the
draft kind. It never writes a sentence that no approved reply or fact supports: sentences
carrying specifics (amounts, dates, order numbers, e-mail addresses) are used only when the
facts contain them. It is registered as a litellm custom provider, so it runs through the
same Router as any model and can be a fallback.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from drafting.checks.draft import HANDLE
from drafting.moves import moves_for, moves_of
from drafting.numerals import number_words_pattern
from knowledge.lexical import STOPWORDS

#: A reply whose customer's post is at least this close to the new post (cosine of their
#: embeddings) answered the same kind of case: its sentences may use its own words
#: ("use 'Forgot password' ... that signs out every other session" for another "my password
#: was changed"), not only the brand's recurring ones. Real near-duplicates score 0.75-1.0;
#: posts merely on the same subject 0.4-0.65.
NEAR = 0.7
#: Share of the brand's replies a word must appear in to count as everyday vocabulary.
COMMON_SHARE = 0.1

#: A sentence ends at . ! ? followed by a space or the end: "verdello.example/help" and
#: "3.50" stay whole.
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))+(?:[.!?]+|(?=\n)|$)")
#: A spaced en or em dash joins two sentences in a short reply ("Sorry to hear that – have
#: you tried these steps: <link>"): each is a sentence of its own to the composer. (Not a
#: hyphen: "Mon - Fri" and "09:00 - 17:00" are one sentence.)
_DASH = re.compile(r"\s+[–—]\s+(?=\S)")
_SPECIFIC = re.compile(
    rf"\b(?:a few|several|{number_words_pattern(min_length=3)})"
    r"[\s-]+(?:minute|hour|day|week|month|minut|or[ae]|giorn|settiman|mes)\w*"
    r"|\b(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening|week)|"
    r"oggi|stasera|domani|ieri|stamattina|entro)\b"
    r"|[\w.+-]+@[\w-]+\.[\w.]+|\b\d[\d\s-]{4,}\d\b|[€$£]\s?\d|\d+(?:[.,]\d+)?\s?(?:€|EUR|eur|euro|%)"
    r"|\b\d{1,2}(?::\d{2})\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec|gen|mag|giu|lug|ago|set|ott|dic)\w*|\b(?:19|20)\d{2}\b"
    # measurements: "at 40 °C", "a 2 m cable", "500 ml"
    r"|\b\d+(?:[.,]\d+)?\s?(?:°\s?[cf]?|cm|mm|kg|ml|km|mph|gb|mb|[gmlwv])(?!\w)",
    re.I,
)
_URL = re.compile(r"https?://\S+")
_SIGNOFF = re.compile(r"^\s*(?:\^\s*\w+|[-–—]\s*\w[\w\s]{0,30})\s*$")
_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
# "Sorry again", "thanks again", "scusaci ancora": said once the brand has already answered,
# wrong in a first reply ("again" alone is fine: "it's working again").
_REPEATED_COURTESY = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|thanks|thank you)\b[^.!?\n]{0,30}\bagain\b"
    r"|\bagain,?\s+(?:sorry|thanks|thank you|our apologies)\b"
    r"|\b(?:scus\w*|grazie|ci dispiace)\s+(?:ancora|di nuovo)\b"
    r"|\b(?:ancora|di nuovo)\s+(?:scus\w*|grazie)\b",
    re.IGNORECASE,
)


def _first_time(sentence: str) -> str:
    """The sentence said as a first answer: "Sorry again, and thanks for your patience." ->
    "Sorry, and thanks for your patience."; "Grazie ancora" -> "Grazie"."""
    m = _REPEATED_COURTESY.search(sentence)
    if m is None:
        return sentence
    said = re.sub(r"\s*\b(?:again|ancora|di nuovo)\b,?", "", m.group(0), flags=re.IGNORECASE)
    if m.start() == 0:
        said = said.lstrip(" ,")
        said = said[:1].upper() + said[1:]
    return sentence[: m.start()] + said + sentence[m.end() :]


# "Please don't send card numbers": a caveat to the sentence before it in its reply, a poor
# next step on its own ("don't hesitate to ...", "non esitare a ..." are invitations).
_PROHIBITION = re.compile(
    r"^(?:please,?\s+|per favore,?\s+)?(?:don't|do not|never|non|mai)\s+"
    r"(?!hesitate|worry|esitare|preoccup|dev|dovete|serve|c'è)",
    re.IGNORECASE,
)


def words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def stems(text: str) -> frozenset[str]:
    """The text's content words of four letters or more, each cut to five so that "charged"
    meets "charge" and "rimborsi" meets "rimborso"."""
    return _content_stems(words(text))


def _content_stems(found: Iterable[str]) -> frozenset[str]:
    return frozenset(w[:5] for w in found if w not in STOPWORDS)


@lru_cache(maxsize=32768)
def _post_stems(text: str) -> frozenset[str]:
    return stems(text)


def common_stems(replies: list[str], share: float = COMMON_SHARE) -> frozenset[str]:
    """Stems in at least ``share`` of the brand's replies (and at least three): its everyday
    words ("order", "e-mail", "team"), which no single case owns."""
    counts: dict[str, int] = {}
    for reply in replies:
        for stem in stems(reply):
            counts[stem] = counts.get(stem, 0) + 1
    floor = max(3, math.ceil(share * len(replies)))
    return frozenset(s for s, n in counts.items() if n >= floor)


def brand_vocabulary(replies: list[str], min_replies: int = 2) -> set[str]:
    """Words the brand uses in several replies: its recurring voice, not one case's details."""
    counts: dict[str, int] = {}
    for reply in replies:
        for word in words(reply):
            counts[word] = counts.get(word, 0) + 1
    return {w for w, n in counts.items() if n >= min_replies}


@dataclass(frozen=True)
class Sentence:
    text: str
    source: str
    moves: frozenset[str]
    weight: float
    same_category: bool = False


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def _clean(sentence: str, sign_offs: list[str]) -> str:
    out = HANDLE.sub("", sentence).strip()
    for sign in sign_offs:
        if sign and out.endswith(sign):
            out = out[: -len(sign)].strip()
    out = re.sub(r"\s{2,}", " ", out).strip(" ,;:")
    return out


#: Sentences naming another platform's private channel don't fit this channel's reply.
_PLATFORM = {
    "messenger": "facebook",
    "facebook": "facebook",
    "instagram": "instagram",
    "tiktok": "tiktok",
    "linkedin": "linkedin",
    "whatsapp": "whatsapp",
}
_PLATFORM_RX = re.compile(r"\b(" + "|".join(_PLATFORM) + r")\b", re.I)
#: "We've passed your review to our product team" answers a review, not a post on X.
_REVIEW_RX = re.compile(
    r"\b(?:your|this|the|detailed|lovely|honest|kind)\s+review\b"
    r"|\b(?:sua|tua|questa|la)\s+recensione\b",
    re.I,
)


@dataclass(frozen=True)
class _Parts:
    """What the support tests read from a sentence (cached: the same replies come back)."""

    words: frozenset[str]  # URLs left out
    specifics: tuple[str, ...]  # lower-cased dates, amounts, durations, contacts
    hosts: tuple[str, ...]  # of its links
    platforms: frozenset[str]  # channels it names ("DM us on Instagram")


@lru_cache(maxsize=16384)
def _parts(sentence: str) -> _Parts:
    return _Parts(
        words=frozenset(words(_URL.sub("", sentence))),
        specifics=tuple(m.group(0).strip().lower() for m in _SPECIFIC.finditer(sentence)),
        hosts=tuple(
            re.sub(r"^https?://", "", url).split("/")[0].lower() for url in _URL.findall(sentence)
        ),
        platforms=frozenset(_PLATFORM[m.group(1).lower()] for m in _PLATFORM_RX.finditer(sentence))
        | ({"reviews"} if _REVIEW_RX.search(sentence) else frozenset()),
    )


def _other_platform(sentence: str, channel: str) -> bool:
    return any(p != channel for p in _parts(sentence).platforms)


def _supported(
    sentence: str,
    facts_text: str,
    allowed_hosts: tuple[str, ...],
    known: tuple[frozenset[str], set[str]] | None = None,
) -> bool:
    """True when nothing in the sentence is specific to another customer's case; ``known``
    holds the brand's vocabulary and the words of this post, its facts and sign-offs."""
    parts = _parts(sentence)
    if known is not None and parts.words - known[0] - known[1]:
        return False  # e.g. "sorry your wife was hurt" answering a late parcel
    if any(specific not in facts_text for specific in parts.specifics):
        return False
    return not allowed_hosts or all(
        any(host == h or host.endswith("." + h) for h in allowed_hosts) for host in parts.hosts
    )


@lru_cache(maxsize=16384)  # a brand's approved replies: a bounded set (a few MB at most)
def _tagged(
    reply: str, sign_offs: tuple[str, ...], patterns: tuple[tuple[str, str], ...]
) -> tuple[tuple[str, frozenset[str]], ...]:
    """The cleaned sentences of one approved reply with their moves, none for a sentence that
    makes no move (cached: replies repeat)."""
    out = []
    table = dict(patterns)
    for raw in (c for s in split_sentences(reply) for c in _DASH.split(s)):
        if _SIGNOFF.match(raw) or any(raw.strip() == s for s in sign_offs):
            continue
        text = _clean(raw, list(sign_offs))
        if len(text) < 8:
            continue
        out.append((text, moves_of(text, table)))
    return tuple(out)


ANSWER = frozenset({"answer"})
_YES_OR_NO = re.compile(r"(?:yes|no|sì|si)\s*[,.!:;–—-]\s", re.IGNORECASE)
#: What a sentence of an incident's reply says about that incident only ("your order is safe",
#: "the shipping on every delayed order will be refunded", "next update by 09:00", an answer
#: such as "other Aria kettles aren't affected").
INCIDENT_MOVES = (
    frozenset({"next_step", "state_status", "state_resolution", "next_update"}) | ANSWER
)
COURTESY_MOVES = frozenset({"acknowledge", "apologise", "thank"})


def reply_example(
    item_id: str, metadata: dict[str, Any], *, post: str = "", similarity: float | None = None
) -> dict[str, Any]:
    """A retrieved approved reply as the composer reads it from its context: ``post_stems``
    are the content stems of the customer's post it answered (``post``; the post itself is
    not carried: the context goes wherever the model call's metadata goes), ``similarity``
    that post's cosine to the new one."""
    keys = ("kind", "category", "channel", "language", "incident_id")
    return {
        "id": item_id,
        "reply": metadata.get("reply", ""),
        "post_stems": sorted(_post_stems(post)),
        "similarity": similarity,
        **{k: metadata.get(k) for k in keys},
    }


def _echoes(
    sentence: str, own_post: Iterable[str], here: frozenset[str], common: frozenset[str]
) -> bool:
    """True when the sentence repeats a detail of the post it answered (``own_post``, its
    stems) that the new post and facts don't share: "Sorry for the lost hour" answered "been
    refreshing for an hour", "I'll check and update the address" answered "can I change the
    delivery address"."""
    said = _content_stems(_parts(sentence).words) - common - here
    return bool(said and not said.isdisjoint(own_post))


def candidate_sentences(ctx: dict[str, Any]) -> list[Sentence]:
    """Sentences of the retrieved approved replies, tagged with the moves they make, weighted
    by how close each reply's customer post is to this one.

    A reply written during another incident (or during one when this post has none) lends its
    apology and thanks, never its status, promises or next steps: those were true of that
    incident only. Nor does it lend an acknowledgement in words of its own ("sorry for the
    lost morning"), which names that incident's trouble. A sentence repeating a detail of its
    own customer's post (:func:`_echoes`) answers that customer only."""
    language = ctx.get("language", "en")
    facts_text = " ".join(ctx.get("facts", [])).lower()
    sign_offs = tuple(s for s in ctx.get("sign_offs", []) if s)
    hosts = tuple(ctx.get("allowed_hosts", ()))
    avoid = [a.lower() for a in ctx.get("avoid", []) if a]
    vocabulary = ctx.get("vocabulary")
    # The brand's vocabulary (thousands of words) is looked up as it is, never copied: a
    # frozenset from the pipeline is used directly, a list (a test, JSON) becomes one.
    known = (
        (
            frozenset(vocabulary),
            words(ctx.get("post", "")) | words(facts_text) | words(" ".join(sign_offs)),
        )
        if vocabulary is not None
        else None
    )
    common = frozenset(ctx.get("common_stems") or ())
    here = stems(ctx.get("post", "")) | stems(facts_text)
    patterns = tuple(sorted(ctx.get("move_patterns", {}).items()))
    incident = ctx.get("incident_id")
    first_contact = bool(ctx.get("first_contact"))
    out: list[Sentence] = []
    for rank, reply in enumerate(ctx.get("replies", [])):
        if (reply.get("language") or language) != language:
            continue
        similarity = reply.get("similarity")
        # Closeness of the case first; the search rank where the reply had no dense score.
        weight = max(float(similarity), 0.05) ** 2 if similarity is not None else 0.25 / (1 + rank)
        if reply.get("kind") == ctx.get("kind"):
            weight *= 1.6
        if reply.get("category") == ctx.get("category"):
            weight *= 1.3
        if reply.get("channel") == ctx.get("channel"):
            weight *= 1.1
        near = similarity is not None and similarity >= NEAR
        elsewhere = bool(reply.get("incident_id")) and reply.get("incident_id") != incident
        own_post = reply.get("post_stems") or ()
        for text, made in _tagged(reply.get("reply", ""), sign_offs, patterns):
            # A sentence making no move is the content of that answer: it answers this post
            # too when the post asks the same question ("do the Pietra pans work on
            # induction?"), never otherwise.
            answers_this = near and ctx.get("category") == "question"
            moves = made or (ANSWER if answers_this else made)
            if not moves or (_YES_OR_NO.match(text) and not answers_this):
                # "Yes, as long as it hasn't been dispatched" answers its own customer's
                # question, whatever else its words do: said to a late parcel it is nonsense.
                continue
            if _other_platform(text, ctx.get("channel", "")) or (
                elsewhere and moves & INCIDENT_MOVES
            ):
                continue
            if "acknowledge" in moves and elsewhere and stems(text) - common - here:
                # It names what happened during that incident in words of its own ("sorry
                # for the lost morning" after a sale-day outage): said to anything else it
                # names the wrong trouble. "Thanks for telling us" names nothing.
                continue
            if first_contact:
                text = _first_time(text)  # "Sorry again" to someone not answered yet
            if (
                not _supported(text, facts_text, hosts, None if near else known)
                or (own_post and _echoes(text, own_post, here, common))
                or any(a in text.lower() for a in avoid)
            ):
                continue  # specific to another case, or a check flagged it: use another
            out.append(
                Sentence(
                    text=text,
                    source=str(reply.get("id")),
                    moves=moves,
                    weight=weight,
                    same_category=reply.get("category") == ctx.get("category"),
                )
            )
    return out


def compose(ctx: dict[str, Any]) -> dict[str, Any]:
    """Assemble a draft; returns ``{"text", "language", "cited", "notes"}``."""
    language = ctx.get("language", "en")
    kind = ctx.get("kind", "reply")
    limit = int(ctx.get("max_chars", 280))
    alternative = int(ctx.get("alternative", 0))
    wanted = [
        m
        for m in moves_for(kind, ctx.get("category", "other"))
        if m != "move_to_dm" or ctx.get("move_to_dm")
    ]
    for move in ctx.get("required_moves", []):
        if move not in wanted:
            wanted.append(move)
    if ctx.get("move_to_dm") and "move_to_dm" not in wanted:
        wanted.append("move_to_dm")
    required = set(ctx.get("required_moves", [])) | (
        {"move_to_dm"} if ctx.get("move_to_dm") else set()
    )
    # Praise is never answered with an apology while anything else will do; a question
    # rather not ("where is my order?" is a question too, and may deserve one).
    unasked = {"apologise"} - set(wanted)
    unwelcome = unasked if ctx.get("category") == "praise" else set()
    candidates = candidate_sentences(ctx)
    facts = [f.strip() for f in ctx.get("facts", []) if f.strip()]
    chosen: list[tuple[str, str, str]] = []  # (move, text, source)
    used: set[str] = set()
    covered: set[str] = set()
    notes: list[str] = []
    post_words = words(ctx.get("post", ""))
    for move in wanted:
        if move in {"state_status", "state_resolution"} and facts:
            # The incident's facts are the status, even when an earlier sentence reads as one.
            chosen.append((move, " ".join(sentence_case(f) for f in facts[:3]), "facts"))
            continue
        if move in covered:
            continue  # an earlier sentence made this move too ("Sorry, please DM us")
        if (
            move == "next_update"
            and facts
            and any("next_update" in moves_of(f, ctx.get("move_patterns", {})) for f in facts)
        ):
            continue  # the facts already say when the next update comes
        # The closest case's sentences first, those sharing the post's words before others,
        # one repeating a move already made after one that doesn't ("Thanks for telling us"
        # then "Thank you for telling us, and we're sorry") or apologising unasked; an
        # apology to praise after any other option; a prohibition last ("please don't send
        # card numbers" is no next step on its own).
        options = sorted(
            (s for s in candidates if move in s.moves and s.text not in used),
            key=lambda s: (
                _PROHIBITION.match(s.text) is not None,
                bool(s.moves & unwelcome),
                -s.weight
                * (1 + len(words(s.text) & post_words))
                / (1 + len(s.moves & covered) + len(s.moves & unasked)),
                len(s.text),
            ),
        )
        if not options:
            if move in required:
                notes.append(
                    f"no approved reply or fact supports the move '{move}'; a reviewer must add it"
                )
            continue
        pick = _pick(options, str(ctx.get("category", "other")), alternative)
        chosen.append((move, pick.text, pick.source))
        used.add(pick.text)
        covered |= pick.moves
    if not chosen and candidates:
        # None of the brand's sentences makes a move this reply wants ("Hi there, sorry for
        # this!" to a question): its best courtesy is a better start than an empty draft.
        courtesy = [c for c in candidates if c.moves & COURTESY_MOVES] or candidates
        pick = max(courtesy, key=lambda c: c.weight)
        chosen.append((min(pick.moves), pick.text, pick.source))
        notes.append(
            "no approved sentence makes the moves this reply needs; a reviewer must complete it"
        )
    text = _assemble(chosen, ctx, limit, required)
    cited = list(dict.fromkeys(src for _, _, src in chosen if src != "facts"))
    if any(src == "facts" for _, _, src in chosen):
        cited.append("facts")
    return {"text": text, "language": language, "cited": cited, "notes": notes}


def _pick(options: list[Sentence], category: str, alternative: int) -> Sentence:
    """The ``alternative``-th option that fits the post's category: from a reply of that
    category, or naming no other complaint ("Could you DM us the date of the charge?" does
    not answer a late parcel). When none fits, the options as they come."""
    fitting: list[Sentence] = []
    for option in options:
        topics = frozenset() if option.same_category else _topics(option.text)
        if option.same_category or not topics or category in topics:
            fitting.append(option)
            if len(fitting) > alternative:
                return fitting[alternative]
    pool = fitting or options
    return pool[min(alternative, len(pool) - 1)]


#: Categories that name no complaint: "thanks" and "could you ...?" are their cues, and every
#: reply says them.
_NO_COMPLAINT = frozenset({"praise", "question", "other"})


@lru_cache(maxsize=16384)
def _topics(sentence: str) -> frozenset[str]:
    """The complaint categories a sentence's own words clearly point to (triage's cues)."""
    from drafting.triage.categories import score_categories

    return frozenset(
        c for c, v in score_categories(sentence).scores.items() if v >= 2 and c not in _NO_COMPLAINT
    )


def sentence_case(text: str) -> str:
    """Capital first letter, closing mark at the end."""
    text = text.strip()
    text = text[0].upper() + text[1:] if text else text
    return text if text.endswith((".", "!", "?")) else text + "."


def _assemble(
    chosen: list[tuple[str, str, str]], ctx: dict[str, Any], limit: int, required: set[str]
) -> str:
    author = ctx.get("author") or ""
    prefix = f"{author} " if author.startswith("@") and ctx.get("public", True) else ""
    sign_off = ctx.get("sign_off") or ""
    parts = [(sentence_case(text), move) for move, text, _ in chosen]
    seen: set[str] = set()
    parts = [(t, m) for t, m in parts if not (t in seen or seen.add(t))]  # type: ignore[func-returns-value]

    def render(items: list[tuple[str, str]]) -> str:
        body = " ".join(t for t, _ in items)
        return f"{prefix}{body}{(' ' + sign_off) if sign_off else ''}".strip()

    # Over the channel's limit: drop optional moves first, then the longest optional sentence.
    while len(render(parts)) > limit and parts:
        optional = [i for i, (_, m) in enumerate(parts) if m not in required]
        victim = (
            max(optional, key=lambda i: len(parts[i][0]))
            if optional
            else max(range(len(parts)), key=lambda i: len(parts[i][0]))
        )
        parts.pop(victim)
    return render(parts)


# --- litellm custom provider -------------------------------------------------------------


def _context(kwargs: dict[str, Any]) -> dict[str, Any]:
    params = kwargs.get("litellm_params") or {}
    metadata = params.get("metadata") or {}
    ctx = metadata.get("crisisdraft")
    if not isinstance(ctx, dict):
        raise ValueError(
            "crisisdraft/composer composes from retrieved knowledge and needs the drafting "
            "pipeline's context (metadata['crisisdraft']); call it through crisisdraft."
        )
    return ctx


def _handler_class(litellm: Any) -> type:
    from litellm import CustomLLM
    from litellm.types.utils import GenericStreamingChunk

    class ComposerLLM(CustomLLM):
        def completion(self, *args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            result = compose(_context(kwargs))
            response = kwargs["model_response"]
            response.choices[0].message.content = json.dumps(result, ensure_ascii=False)
            response.model = "crisisdraft/composer"
            response._hidden_params["composer_ms"] = (time.perf_counter() - started) * 1000
            response._hidden_params["response_cost"] = 0.0  # free: litellm needs not price it
            return response

        async def acompletion(self, *args: Any, **kwargs: Any) -> Any:
            return self.completion(*args, **kwargs)

        def streaming(self, *args: Any, **kwargs: Any) -> Iterator[GenericStreamingChunk]:
            content = json.dumps(compose(_context(kwargs)), ensure_ascii=False)
            pieces = re.findall(r".{1,24}", content, re.S)
            for i, piece in enumerate(pieces):
                last = i == len(pieces) - 1
                yield {
                    "text": piece,
                    "is_finished": last,
                    "finish_reason": "stop" if last else "",
                    "usage": None,
                    "index": 0,
                    "tool_use": None,
                }

        # litellm declares astreaming as a coroutine returning an iterator but calls it as an
        # async generator (as here); its own stub is what disagrees.
        async def astreaming(  # type: ignore[override]
            self, *args: Any, **kwargs: Any
        ) -> AsyncIterator[GenericStreamingChunk]:
            for chunk in self.streaming(*args, **kwargs):
                yield chunk

    return ComposerLLM


_registered: set[int] = set()


def register(litellm: Any) -> None:
    """Register ``crisisdraft/*`` with litellm (idempotent)."""
    if id(litellm) in _registered:
        return
    handler = _handler_class(litellm)()
    litellm.custom_provider_map = [
        *[p for p in litellm.custom_provider_map if p.get("provider") != "crisisdraft"],
        {"provider": "crisisdraft", "custom_handler": handler},
    ]
    from litellm.utils import custom_llm_setup

    custom_llm_setup()
    # Priced at zero in litellm's cost map: with no entry, litellm tries every model-name rule
    # of its cost table (about a thousand regex searches) on each call before giving up.
    free = {"input_cost_per_token": 0.0, "output_cost_per_token": 0.0}
    free |= {"cache_creation_input_token_cost": 0.0, "cache_read_input_token_cost": 0.0}
    litellm.register_model(
        {"crisisdraft/composer": {**free, "litellm_provider": "crisisdraft", "mode": "chat"}}
    )
    _registered.add(id(litellm))
