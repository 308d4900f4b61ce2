"""The built-in composer's pieces: sentences split where they end (not inside a link or a
price), and a draft assembled from the brand's own sentences within the channel's limit."""

from __future__ import annotations

from drafting.composer import compose, split_sentences


def test_sentences_end_at_a_mark_followed_by_a_space() -> None:
    text = (
        "Sorry about that. Go to verdello.example/help or reply to the e-mail, and we'll "
        "arrange it. It costs 3.50 EUR! Really?? Yes...\nA new line"
    )
    assert split_sentences(text) == [
        "Sorry about that.",
        "Go to verdello.example/help or reply to the e-mail, and we'll arrange it.",
        "It costs 3.50 EUR!",
        "Really??",
        "Yes...",
        "A new line",
    ]


def test_compose_keeps_a_link_whole_and_fits_the_limit() -> None:
    patterns = {
        "apologise": r"\bsorry\b",
        "next_step": r"\bwe'll\b",
    }
    ctx = {
        "language": "en",
        "kind": "apology",
        "category": "product_defect",
        "channel": "x",
        "max_chars": 140,
        "author": "@an",
        "sign_off": "^Team Verdello",
        "sign_offs": ["^Team Verdello"],
        "required_moves": ["apologise", "next_step"],
        "move_patterns": patterns,
        "allowed_hosts": ["verdello.example"],
        "post": "The lid broke.",
        "replies": [
            {
                "id": "ar-1",
                "reply": "So sorry about the lid. Go to verdello.example/help and we'll "
                "arrange a new one. ^Team Verdello",
                "language": "en",
                "kind": "apology",
                "category": "product_defect",
            }
        ],
    }
    out = compose(ctx)
    assert out["text"] == (
        "@an So sorry about the lid. Go to verdello.example/help and we'll arrange a new one. "
        "^Team Verdello"
    )
    assert len(out["text"]) <= 140 and out["cited"] == ["ar-1"]
