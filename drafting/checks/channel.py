"""channel.*: length, hashtags, emoji, links, mentions and language per channel."""

from __future__ import annotations

import re

from drafting.checks.checkrun import CheckRun
from drafting.checks.draft import HANDLE
from drafting.emoji import EMOJI
from drafting.language import RECOGNISED_LANGUAGES
from knowledge.taxonomy import CHANNEL_LIMITS, PUBLIC_CHANNELS

HASHTAG = re.compile(r"(?<![\w&/#])#(?=\w*[^\W\d_])\w+")
_LEADING_MENTIONS = re.compile(r"^(?:\s*@\w{1,30})+\s*")
X_URL_LENGTH = 23

# (r33) An e-mail domain written with its "@" ("addresses ending in @brand.example", "indirizzi
# che finiscono con @brand.it"): what real e-mails look like, not an account tagged. Read as
# a domain when the handle holds a dot and the words right before it name an address or its
# ending.
_DOMAIN_BEFORE = re.compile(
    r"(?i)\b(?:end(?:s|ing|ed)?|finisc\w*|termin\w*|domains?|dominio|domini|addresses|address|"
    r"indirizz[oi])(?: (?:in|with|con|per|a|the|il|lo))?\s{1,3}$"
)


def _is_domain(text: str, start: int, end: int) -> bool:
    return "." in text[start:end] and bool(_DOMAIN_BEFORE.search(text, max(0, start - 40), start))


def weighted_length(text: str, channel: str, links: list[tuple[int, int]]) -> int:
    """Length as the platform counts it (on X: links count 23, leading @replies nothing)."""
    if channel != "x":
        return len(text)
    length = len(text) - sum(max(0, (e - s) - X_URL_LENGTH) for s, e in links)
    lead = _LEADING_MENTIONS.match(text)
    if lead:
        length -= lead.end()
    return length + len(EMOJI.findall(text))


def _disclosure(run: CheckRun) -> None:
    """policy ``disclosure.public_line``: public replies say that AI helped draft them."""
    ctx = run.ctx
    line = run.policy.disclosure_line(ctx.channel, run.language)
    if not line or ctx.kind == "dm_followup" or ctx.channel not in PUBLIC_CHANNELS:
        return
    if not run.enabled("channel.disclosure"):
        return
    if " ".join(line.split()).lower() in " ".join(run.draft.text.split()).lower():
        run.ok("channel.disclosure", None, "Carries the brand's AI-assistance line.")
        return
    run.fail(
        "channel.disclosure",
        None,
        f"{ctx.channel} replies must say that AI helped draft them; this one lacks the line.",
        f'Add "{line}" before the sign-off.',
    )


def check(run: CheckRun) -> None:
    _disclosure(run)
    ctx, draft = run.ctx, run.draft
    rule = run.policy.channel_rule(ctx.channel)
    platform = CHANNEL_LIMITS.get(ctx.channel, 10_000)
    length = weighted_length(
        draft.text.strip(), ctx.channel, [(lk.start, lk.end) for lk in draft.links]
    )
    limit = run.policy.max_chars(ctx.channel)
    if length > limit and run.enabled("channel.length"):
        over_platform = length > platform
        run.fail(
            "channel.length",
            (min(limit, len(draft.text)), len(draft.text)),
            f"{length} characters; {ctx.channel} allows {limit}"
            + (
                " (the platform's own maximum)."
                if over_platform or limit == platform
                else " (the brand's limit)."
            ),
            f"Cut it to {limit} characters or fewer"
            + (
                ""
                if ctx.channel in ("email", "chat")
                else ", or move the details to a private message"
            )
            + ".",
            evidence=f"{length} characters",
            overridable=False if over_platform else None,
        )
    elif (
        rule.soft_max_chars and length > rule.soft_max_chars and run.enabled("channel.length_soft")
    ):
        run.fail(
            "channel.length_soft",
            None,
            f"{length} characters; the brand aims for at most {rule.soft_max_chars} on "
            f"{ctx.channel}.",
            "Shorten it: one idea per sentence, one next step.",
            evidence=f"{length} characters",
        )
    if rule.max_hashtags is not None and run.enabled("channel.hashtags"):
        tags = list(HASHTAG.finditer(draft.norm))
        if len(tags) > rule.max_hashtags:
            first = tags[rule.max_hashtags]
            run.fail(
                "channel.hashtags",
                first.span(),
                f"{len(tags)} hashtag(s); {ctx.channel} replies allow {rule.max_hashtags}.",
                "Remove the hashtags.",
            )
    _check_emoji(run)
    if (
        run.enabled("channel.links")
        and draft.links
        and (
            not rule.links_allowed
            or (rule.max_links is not None and len(draft.links) > rule.max_links)
        )
    ):
        allowed = 0 if not rule.links_allowed else rule.max_links or 0
        extra = draft.links[allowed]
        run.fail(
            "channel.links",
            (extra.start, extra.end),
            f"{len(draft.links)} link(s); {ctx.channel} replies allow {allowed}.",
            "Remove the extra links; point to the help centre or status page once.",
        )
    if rule.max_mentions is not None and run.enabled("channel.mentions"):
        author = (ctx.author or "").lstrip("@").lower()
        others = [
            m
            for m in HANDLE.finditer(draft.norm)
            if m.group(0)[1:].lower() != author and not _is_domain(draft.norm, *m.span())
        ]
        if len(others) > rule.max_mentions:
            m = others[rule.max_mentions]
            run.fail(
                "channel.mentions",
                m.span(),
                f"Tags {m.group(0)}; replies on {ctx.channel} may tag "
                f"{rule.max_mentions} account(s) besides the customer.",
                "Remove the tag; don't involve couriers, journalists or other customers.",
            )
    _check_language(run)


def _check_emoji(run: CheckRun) -> None:
    if not run.enabled("channel.emoji"):
        return
    rule = run.policy.channel_rule(run.ctx.channel)
    kinds = run.policy.voice.emoji_kinds
    allowed = rule.max_emoji
    if kinds is not None and run.ctx.kind not in kinds:
        allowed = 0
    if allowed is None:
        return
    found = list(EMOJI.finditer(run.draft.text))
    if len(found) > allowed:
        m = found[allowed]
        where = (
            f"{run.ctx.kind.replace('_', ' ')} drafts"
            if allowed == 0 and kinds is not None and run.ctx.kind not in kinds
            else f"{run.ctx.channel} replies"
        )
        run.fail(
            "channel.emoji",
            m.span(),
            f"{len(found)} emoji; {where} allow {allowed}.",
            "Remove the emoji.",
        )


def _check_language(run: CheckRun) -> None:
    if not run.enabled("channel.language") or run.language not in RECOGNISED_LANGUAGES:
        return
    rule = run.policy.channel_rule(run.ctx.channel)
    allowed = rule.languages or run.policy.languages or run.ctx.brand.languages
    if run.language not in allowed:
        run.fail(
            "channel.language",
            None,
            f"The draft is in {run.language!r}; {run.ctx.brand.name} answers in "
            f"{', '.join(allowed)} on {run.ctx.channel}.",
            f"Write it in {' or '.join(allowed)} (the customer's language if it is one of them).",
            evidence=run.language,
        )
