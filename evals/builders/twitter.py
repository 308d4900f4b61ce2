"""Cases from the public twitter-customer-care conversations, converted when the suite loads.

Each held-out conversation becomes a case: the customer's last message is the post, the
earlier turns are the thread, and the brand agent's real final reply is the reference. The
other conversations become the brands' packs (``knowledge.twitter_import``), so no case can
retrieve its own reference. Triage expectations come from hand labels keyed by tweet id.
The texts are read from ``../shared/data/...`` at load time and never copied into the repo.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafting.errors import InvalidInputError
from evals.builders import Built
from knowledge.twitter_import import tweet_text

DATASET = "IBM/twitter-customer-care-document-prediction (EMNLP 2020), Apache-2.0"
LABEL_FIELDS = ("category", "severity", "risk_flags", "action")


class TwitterOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    data: str = Field(description="dev.json, relative to the suite file.")
    labels: str | None = Field(
        default=None, description="JSONL of triage labels keyed by tweet_id."
    )
    holdout: int = Field(
        default=4, ge=2, description="One conversation in `holdout` becomes a case."
    )
    limit: int | None = Field(default=None, ge=1)
    label_fields: list[str] = Field(default_factory=lambda: list(LABEL_FIELDS))


def held_out(tweet_id: str, holdout: int) -> bool:
    return int(hashlib.sha256(tweet_id.encode()).hexdigest()[:8], 16) % holdout == 0


def build(options: dict[str, Any], *, suite_dir: Path, workspace: Path) -> Built:
    from knowledge.twitter_import import brand_id_for, import_twitter

    try:
        opts = TwitterOptions.model_validate(options)
    except ValidationError as exc:
        raise InvalidInputError(
            f"builder twitter: {exc.errors()[0]['msg']} "
            f"({'.'.join(map(str, exc.errors()[0]['loc']))}).",
            fix="Options: data, labels, holdout, limit, label_fields.",
        ) from None
    data_path = (suite_dir / opts.data).resolve()
    if not data_path.is_file():
        raise InvalidInputError(
            f"builder twitter: {data_path} does not exist.",
            fix="The shared data folder must sit beside the repository "
            "(../shared/data/twitter-customer-care/dev.json).",
        )
    conversations = json.loads(data_path.read_text(encoding="utf-8"))
    labels = _labels((suite_dir / opts.labels).resolve()) if opts.labels else {}

    cases_conv: list[dict[str, Any]] = []
    knowledge_conv: list[dict[str, Any]] = []
    seen: set[str] = set()
    for conv in conversations:
        tweet = str(conv["agentURL"]["tweet_ID"])
        if tweet in seen:  # dev.json holds one conversation twice; a pack refuses duplicate ids
            continue
        seen.add(tweet)
        (cases_conv if held_out(tweet, opts.holdout) else knowledge_conv).append(conv)
    workspace.mkdir(parents=True, exist_ok=True)
    knowledge = workspace / "knowledge.json"
    text = json.dumps(knowledge_conv, ensure_ascii=False)
    if not knowledge.is_file() or knowledge.read_text(encoding="utf-8") != text:
        knowledge.write_text(text, encoding="utf-8")
    packs_dir = workspace / "packs"
    counts = import_twitter(knowledge, packs_dir)
    packs = {brand: packs_dir / brand for brand, n in counts.items() if n}

    cases = []
    for conv in cases_conv:
        brand = brand_id_for(conv["dialogHeader"]["company"])
        turns = conv["dialogContent"]
        last = next((i for i in range(len(turns) - 1, -1, -1) if "client" in turns[i]), None)
        reply_id = str(conv["agentURL"]["tweet_ID"])
        if brand not in packs or last is None:
            continue  # no pack to draft from (every conversation of the brand was held out)
        post = turns[last]
        tweet_id = str(post["tweet_ID"])
        label = labels.get(tweet_id, {})
        expect = {k: label[k] for k in opts.label_fields if k in label and label[k] is not None}
        if "risk_flags" in expect and not expect["risk_flags"]:
            del expect["risk_flags"]
        exposed = personal_values(post["message"])
        if exposed:
            expect["personal_data"] = exposed
        cases.append(
            {
                "id": f"tw-{reply_id}",
                "brand": brand,
                "channel": "x",
                "kind": "reply",
                "post": tweet_text(post["message"]),
                "author": "@" + post["client"],
                "thread": [_thread_item(t) for t in turns[:last]],
                "reference": tweet_text(conv["agentURL"]["url_utterance"]),
                "expect": expect,
                "tags": [brand, "labelled" if label else "unlabelled"],
                "source": {
                    "dataset": DATASET,
                    "file": data_path.name,
                    "tweet_id": tweet_id,
                    "reply_tweet_id": reply_id,
                },
            }
        )
        if opts.limit and len(cases) >= opts.limit:
            break
    return Built(cases=cases, packs=packs)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*[A-Za-z]")
_NUMBER = re.compile(r"(?<![\w/])\+?\d[\d -]{6,}\d(?![\w/])")


def personal_values(text: str) -> list[str]:
    """E-mail addresses and long numbers (phones, order and account numbers) in a post."""
    return list(dict.fromkeys(_EMAIL.findall(text) + _NUMBER.findall(text)))


def _thread_item(turn: dict[str, Any]) -> dict[str, Any]:
    customer = turn.get("client") or turn.get("client1")  # client1: another customer joining
    text = tweet_text(turn["message"])
    if customer:
        return {"text": text, "author": "@" + customer, "from_brand": False}
    return {"text": text, "author": "@" + str(turn.get("agent", "")), "from_brand": True}


def _labels(path: Path) -> dict[str, dict[str, Any]]:
    if not path.is_file():
        raise InvalidInputError(
            f"builder twitter: labels file {path} does not exist.",
            fix="Point `labels` at a JSONL file keyed by tweet_id, or drop it.",
        )
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out[str(item["tweet_id"])] = item
    return out
