"""Convert the public twitter-customer-care conversations into one brand pack per company.

The texts stay outside the repository: this module reads ``dev.json`` from wherever it lies
and writes packs to a folder the caller names (tests and benchmarks use temporary folders).
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from drafting.errors import InvalidInputError


@dataclass(frozen=True)
class Conversation:
    company: str
    turns: list[dict[str, Any]]
    reply: str
    reply_url: str
    reply_tweet_id: str

    @property
    def last_client_turn(self) -> dict[str, Any] | None:
        return next((t for t in reversed(self.turns) if "client" in t), None)


def read_conversations(dev_json: Path) -> list[Conversation]:
    try:
        data = json.loads(dev_json.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InvalidInputError(
            f"{dev_json} does not exist.",
            fix="Pass the dev.json of the twitter-customer-care data set "
            "(../shared/data/twitter-customer-care/dev.json).",
        ) from exc
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            f"{dev_json} is not valid JSON (line {exc.lineno}).",
            fix="Pass the data set's dev.json unchanged.",
        ) from exc
    if not isinstance(data, list):
        raise InvalidInputError(
            f"{dev_json} should hold a list of conversations.",
            fix="Pass the data set's dev.json unchanged.",
        )
    out = []
    for item in data:
        try:
            out.append(
                Conversation(
                    company=item["dialogHeader"]["company"],
                    turns=list(item["dialogContent"]),
                    reply=item["agentURL"]["url_utterance"],
                    reply_url=item["agentURL"]["url"],
                    reply_tweet_id=str(item["agentURL"]["tweet_ID"]),
                )
            )
        except (KeyError, TypeError) as exc:
            raise InvalidInputError(
                f"{dev_json}: a conversation lacks {exc}.",
                fix="Pass the data set's dev.json unchanged.",
            ) from exc
    return out


def tweet_text(text: str) -> str:
    """A tweet's text as its author wrote it: the data set keeps Twitter's HTML escapes
    ("cache &amp; cookies"), which a draft must not repeat."""
    return html.unescape(text)


def brand_id_for(company: str) -> str:
    return re.sub(r"[^a-z0-9_-]", "", company.lower())


def reply_domains(conversations: list[Conversation]) -> list[str]:
    """Hosts the agents link to (their help centres), for the pack's link allow-list."""
    hosts: set[str] = set()
    for conv in conversations:
        for url in re.findall(r"https?://\S+", conv.reply):
            host = urlparse(url.rstrip(".,)")).hostname
            if host:
                hosts.add(host)
    return sorted(hosts)


def import_twitter(dev_json: Path, out: Path) -> dict[str, int]:
    """Write one pack per company under ``out``; return the number of replies per brand."""
    from knowledge.policy import neutral_policy

    by_company: dict[str, list[Conversation]] = defaultdict(list)
    seen: set[str] = set()
    for conv in read_conversations(dev_json):
        if conv.reply_tweet_id in seen:  # the data set holds one conversation twice
            continue
        seen.add(conv.reply_tweet_id)
        by_company[conv.company].append(conv)
    counts = {}
    for company, convs in sorted(by_company.items()):
        brand_id = brand_id_for(company)
        folder = out / brand_id
        (folder / "guidelines").mkdir(parents=True, exist_ok=True)
        brand = {
            "id": brand_id,
            "name": company,
            "languages": ["en"],
            "channels": ["x"],
            "sign_off": {},
            "escalation_contacts": {},
            "description": f"Imported from public @{company} customer-care conversations (2020).",
        }
        (folder / "brand.yaml").write_text(
            yaml.safe_dump(brand, sort_keys=False, allow_unicode=True)
        )
        policy = neutral_policy(allowed_domains=reply_domains(convs))
        (folder / "policy.yaml").write_text(
            yaml.safe_dump(policy, sort_keys=False, allow_unicode=True)
        )
        (folder / "guidelines" / "imported.md").write_text(
            f"# @{company} customer care\n\n## Source\n\nThis pack was generated from {len(convs)} "
            f"public conversations between customers and @{company}. Its approved replies are the "
            "agents' real final replies; it has no written voice guidelines of its own.\n"
        )
        lines = []
        for conv in convs:
            turn = conv.last_client_turn
            if turn is None:
                continue
            lines.append(
                json.dumps(
                    {
                        "id": f"tw-{conv.reply_tweet_id}",
                        "post": {
                            "text": tweet_text(turn["message"]),
                            "channel": "x",
                            "author": "@" + turn["client"],
                        },
                        "reply": tweet_text(conv.reply),
                        "category": _category(turn["message"]),
                        "kind": "reply",
                        "language": "en",
                        "approved_at": turn["datetime"],
                        "approved_by": f"@{company}",
                        "incident_id": None,
                    },
                    ensure_ascii=False,
                )
            )
        (folder / "approved_replies.jsonl").write_text("\n".join(lines) + "\n")
        counts[brand_id] = len(lines)
    return counts


def _category(text: str) -> str:
    """Best-effort category from the rule-based triage (no model needed)."""
    try:
        from drafting.triage import categorize
    except ImportError:
        return "other"
    return categorize(text)
