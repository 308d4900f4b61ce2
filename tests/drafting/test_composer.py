"""The built-in composer's pieces: sentences split where they end (not inside a link or a
price), and a draft assembled from the brand's own sentences within the channel's limit."""

from __future__ import annotations

import pytest

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


def test_sentences_specific_to_another_case_are_not_reused() -> None:
    from drafting.composer import candidate_sentences

    reply = (
        "Sorry for the wait. "  # reusable
        "Your parcel arrives tomorrow. "  # a date not in this case's facts
        "DM us on Instagram and we'll check. "  # another platform than this channel (x)
        "Details are at https://other.example/help and we'll check. "  # link off the allow-list
        "Details are at https://help.verdello.example/orders and we'll check. "  # allowed
        "We're sorry your wife was hurt. "  # words the brand does not use: another story
        "That shouldn't happen at 40 °C and we'll check. "  # another case's measurement
        "The warehouse restarts at 14:00 and we'll check."  # supported by the facts
    )
    ctx = {
        "language": "en",
        "channel": "x",
        "allowed_hosts": ["verdello.example"],
        "facts": ["The warehouse restarts at 14:00."],
        "vocabulary": ["sorry", "wait", "parcel", "arrives", "details", "check", "help"],
        "post": "Where is my order?",
        "move_patterns": {"apologise": r"\bsorry\b", "next_step": r"\bwe'll\b"},
        "replies": [{"id": "ar-9", "reply": reply, "language": "en"}],
    }
    kept = [s.text for s in candidate_sentences(ctx)]
    assert kept == [
        "Sorry for the wait.",
        "Details are at https://help.verdello.example/orders and we'll check.",
        "The warehouse restarts at 14:00 and we'll check.",
    ]


def test_the_incident_facts_state_the_status_even_when_a_reply_sentence_reads_as_one() -> None:
    # The approved sentence acknowledges *and* reads as a status ("refunds are on their way"):
    # in an incident the facts still say where things stand.
    patterns = {
        "acknowledge": r"\brefunds?\b",
        "state_status": r"\bare on their way\b",
        "apologise": r"\bsorry\b",
    }
    ctx = {
        "language": "en",
        "kind": "holding_statement",
        "category": "billing",
        "channel": "x",
        "max_chars": 280,
        "sign_off": "^Team Verdello",
        "sign_offs": ["^Team Verdello"],
        "required_moves": ["acknowledge", "state_status", "apologise"],
        "move_patterns": patterns,
        "post": "My refund never came.",
        "facts": ["Card payments at checkout are failing since 09:10 CET."],
        "replies": [
            {
                "id": "ar-7",
                "reply": "Your refunds are on their way. So sorry. ^Team Verdello",
                "language": "en",
                "kind": "holding_statement",
                "category": "billing",
            }
        ],
    }
    out = compose(ctx)
    assert "Card payments at checkout are failing since 09:10 CET." in out["text"]
    assert "facts" in out["cited"]


@pytest.mark.parametrize(
    ("incident_id", "kept"),
    [
        # A post about nothing in particular: the incident's reply lends its apology only.
        (None, ["Sorry for the wait."]),
        # Another incident: the same.
        ("INC-2026-07", ["Sorry for the wait."]),
        # The same incident: its status, promise and next update hold.
        (
            "INC-2025-03",
            [
                "Your order is safe and you don't need to do anything.",
                "Shipping on every delayed order will be refunded.",
                "Sorry for the wait.",
                "Next update by 09:00 CET.",
            ],
        ),
    ],
)
def test_a_reply_from_an_incident_lends_its_status_and_promises_to_that_incident_only(
    incident_id: str | None, kept: list[str]
) -> None:
    from drafting.composer import candidate_sentences

    reply = (
        "Your order is safe and you don't need to do anything. "
        "Shipping on every delayed order will be refunded. "
        "Sorry for the wait. Next update by 09:00 CET."
    )
    ctx = {
        "language": "en",
        "channel": "x",
        "incident_id": incident_id,
        "facts": ["Next update by 09:00 CET."] if incident_id == "INC-2025-03" else [],
        "post": "My order is five days late.",
        "move_patterns": {
            "state_status": r"\bis safe\b",
            "next_step": r"\b(will be refunded|don't need to do)\b",
            "apologise": r"\bsorry\b",
            "next_update": r"\bnext update\b",
        },
        "replies": [{"id": "ar-1", "reply": reply, "language": "en", "incident_id": "INC-2025-03"}],
    }
    assert [s.text for s in candidate_sentences(ctx)] == kept


def test_a_step_naming_another_complaint_gives_way_to_one_that_fits() -> None:
    """A late parcel is not answered with "send us the date of the charge" while a step that
    names no other complaint is there, however well its reply ranked."""
    ctx = {
        "language": "en",
        "kind": "reply",
        "category": "delivery",
        "channel": "x",
        "max_chars": 280,
        "required_moves": ["move_to_dm"],
        "move_to_dm": True,
        "move_patterns": {"move_to_dm": r"\bDM\b"},
        "post": "Ordered a lamp two weeks ago and still nothing.",
        "replies": [
            {
                "id": "ar-24",
                "reply": "Could you send us a DM with the date of the charge?",
                "category": "billing",
            },
            {
                "id": "ar-30",
                "reply": "If there's an order we can help with, send us a DM.",
                "category": "question",
            },
        ],
    }
    assert compose(ctx)["text"] == "If there's an order we can help with, send us a DM."
    assert compose({**ctx, "category": "billing"})["text"] == (
        "Could you send us a DM with the date of the charge?"
    )


def test_a_prohibition_is_the_last_choice_of_next_step() -> None:
    ctx = {
        "language": "en",
        "kind": "dm_followup",
        "category": "billing",
        "channel": "chat",
        "max_chars": 500,
        "required_moves": ["next_step"],
        "move_patterns": {"next_step": r"\b(send|check)\b"},
        "post": "There's a charge I don't recognise.",
        "replies": [
            {"id": "ar-24", "reply": "Please don't send card numbers.", "category": "billing"},
            {
                "id": "ar-25",
                "reply": "We'll check the charge and write back.",
                "category": "billing",
            },
        ],
    }
    assert compose(ctx)["text"] == "We'll check the charge and write back."


def test_a_line_without_a_closing_mark_is_a_sentence_and_a_link_ending_it_stays_whole() -> None:
    text = (
        "Dear Claire,\nWe've restored your balance\nDetails at https://verdello.example/help/"
        "gift-cards\n\n^Team Verdello"
    )
    assert split_sentences(text) == [
        "Dear Claire,",
        "We've restored your balance",
        "Details at https://verdello.example/help/gift-cards",
        "^Team Verdello",
    ]


@pytest.mark.parametrize(
    ("first_contact", "expected"),
    [
        (True, ["Sorry, and thanks for your patience.", "Grazie per la pazienza."]),
        (False, ["Sorry again, and thanks for your patience.", "Grazie ancora per la pazienza."]),
    ],
)
def test_a_first_answer_says_no_sorry_again(first_contact: bool, expected: list[str]) -> None:
    from drafting.composer import candidate_sentences

    ctx = {
        "channel": "x",
        "first_contact": first_contact,
        "move_patterns": {"apologise": r"\bsorry\b", "thank": r"\b(thanks|grazie)\b"},
        "replies": [
            {"id": "ar-1", "reply": "Sorry again, and thanks for your patience.", "language": "en"},
            {"id": "ar-2", "reply": "Grazie ancora per la pazienza.", "language": "en"},
        ],
    }
    assert [s.text for s in candidate_sentences(ctx)] == expected


# --- which case a sentence belongs to ------------------------------------------------------
# Each approved reply below answered its own customer's post ("post"); "similarity" is that
# post's cosine to the new one, as the pipeline's search measured it.

_APOLOGY = {"apologise": r"\bsorry\b", "thank": r"\bthank", "next_step": r"\b(?:we'll|use)\b"}


def _reply(reply_id: str, reply: str, post: str, similarity: float | None) -> dict[str, object]:
    from drafting.composer import reply_example

    return reply_example(reply_id, {"reply": reply}, post=post, similarity=similarity)


def test_a_sentence_repeating_a_detail_of_its_own_customers_post_answers_that_post_only() -> None:
    from drafting.composer import candidate_sentences

    reply = "Sorry for the lost hour. Sorry about that. We'll check your order."
    ctx = {
        "channel": "x",
        "move_patterns": _APOLOGY,
        "common_stems": ["order"],  # the brand's everyday word: no case owns it
        "replies": [_reply("ar-34", reply, "Been refreshing your order page for an hour", 0.5)],
    }
    elsewhere = [s.text for s in candidate_sentences({**ctx, "post": "The app logs me out"})]
    assert elsewhere == ["Sorry about that.", "We'll check your order."]
    same = [s.text for s in candidate_sentences({**ctx, "post": "Lost an hour on your site"})]
    assert same == ["Sorry for the lost hour.", "Sorry about that.", "We'll check your order."]


def test_a_near_case_lends_sentences_in_its_own_words_a_far_one_only_the_brands() -> None:
    from drafting.composer import candidate_sentences

    reply = "Thanks for telling us. Use 'Forgot password' to sign out every other session."
    post = "I got an e-mail saying my password was changed!"
    ctx = {
        "channel": "chat",
        "post": "My password was changed and it wasn't me",
        "vocabulary": ["thanks", "telling"],  # "session", "forgot": this reply's own words
        "move_patterns": _APOLOGY,
    }
    near = candidate_sentences({**ctx, "replies": [_reply("ar-74", reply, post, 0.93)]})
    far = candidate_sentences({**ctx, "replies": [_reply("ar-74", reply, post, 0.4)]})
    assert [s.text for s in near] == [
        "Thanks for telling us.",
        "Use 'Forgot password' to sign out every other session.",
    ]
    assert [s.text for s in far] == ["Thanks for telling us."]


def test_the_closest_case_speaks_first() -> None:
    ctx = {
        "kind": "reply",
        "category": "product_defect",
        "channel": "x",
        "post": "My fan rattles after a week",
        "move_patterns": _APOLOGY,
        "replies": [
            _reply("ar-1", "Sorry to hear that.", "Where is my parcel?", 0.35),
            _reply("ar-2", "Sorry, a new fan shouldn't do that.", "The fan is noisy", 0.82),
        ],
    }
    assert compose(ctx)["text"] == "Sorry, a new fan shouldn't do that."


def test_a_question_asked_before_is_answered_as_it_was() -> None:
    """A sentence that makes no move is the content of its answer: it answers a post asking
    the same question, never a far one, and never a complaint."""
    reply = "Thank you for asking. Yes, every Pietra pan works on induction hobs."
    ctx = {
        "kind": "reply",
        "category": "question",
        "channel": "x",
        "post": "Do Pietra pans work on induction?",
        "move_patterns": _APOLOGY,
    }
    asked = "Can I use the Pietra pans on induction?"
    assert compose({**ctx, "replies": [_reply("ar-95", reply, asked, 0.9)]})["text"] == reply
    assert compose({**ctx, "replies": [_reply("ar-95", reply, asked, 0.5)]})["text"] == (
        "Thank you for asking."
    )
    # Asked during an incident, answered for that incident only.
    during = {**_reply("ar-95", reply, asked, 0.9), "incident_id": "INC-2026-02"}
    assert compose({**ctx, "replies": [during]})["text"] == "Thank you for asking."
    assert compose({**ctx, "incident_id": "INC-2026-02", "replies": [during]})["text"] == reply
    complaint = {**ctx, "category": "product_defect"}
    assert (
        "induction"
        not in compose({**complaint, "replies": [_reply("x", reply, asked, 0.9)]})["text"]
    )


@pytest.mark.parametrize(
    "opening", ["Yes, as long as", "No, only if", "Sì, purché", "No: only when", "Yes - if"]
)
def test_a_yes_or_no_answers_its_own_question_whatever_moves_its_words_make(opening: str) -> None:
    """ "Yes, as long as it hasn't been dispatched" reads as an acknowledgement ("hasn't been
    dispatched"); lent to a late parcel it answers a question nobody asked."""
    from drafting.composer import candidate_sentences

    reply = f"{opening} it hasn't been dispatched, sorry. Thanks for asking."
    ctx = {
        "kind": "reply",
        "channel": "chat",
        "post": "Can I still change the address on my order?",
        "move_patterns": {**_APOLOGY, "acknowledge": r"hasn't been dispatched"},
        "replies": [_reply("ar-98", reply, "Can I change my delivery address?", 0.9)],
    }
    asked = [s.text for s in candidate_sentences({**ctx, "category": "question"})]
    late = [s.text for s in candidate_sentences({**ctx, "category": "delivery"})]
    far = [
        s.text
        for s in candidate_sentences(
            {**ctx, "category": "question", "replies": [{**ctx["replies"][0], "similarity": 0.4}]}
        )
    ]
    assert asked == [f"{opening} it hasn't been dispatched, sorry.", "Thanks for asking."]
    assert late == far == ["Thanks for asking."]


def test_praise_is_thanked_without_an_apology_and_a_review_answered_on_its_channel() -> None:
    ctx = {
        "kind": "reply",
        "category": "praise",
        "channel": "x",
        "post": "Love my new lamp",
        "move_patterns": _APOLOGY,
        "replies": [
            _reply("ar-1", "Thank you, and sorry for the wait.", "Lamp came late", 0.6),
            _reply("ar-2", "Thank you for the kind words.", "Great sofa", 0.3),
        ],
    }
    assert compose(ctx)["text"] == "Thank you for the kind words."
    review = "We'll pass your review to the product team."
    ctx = {**ctx, "replies": [_reply("ar-58", review, "2 stars, the pan peeled", 0.6)]}
    assert compose(ctx)["text"] == ""
    assert compose({**ctx, "channel": "reviews"})["text"] == review


def test_a_courtesy_is_no_complaint_topic() -> None:
    """ "Thanks for telling us" carries praise's cue ("thanks"): it still answers a late parcel."""
    ctx = {
        "kind": "reply",
        "category": "delivery",
        "channel": "x",
        "post": "My parcel is a week late",
        "move_patterns": {"acknowledge": r"\btelling us\b"},
        "common_stems": ["telli", "strai", "away"],  # the brand says it to every complaint
        "replies": [_reply("ar-1", "Thanks for telling us straight away.", "Parcel lost", 0.4)],
    }
    assert compose(ctx)["text"] == "Thanks for telling us straight away."


def test_with_no_sentence_making_a_wanted_move_the_best_courtesy_starts_the_draft() -> None:
    """A brand whose replies never thank or answer still gets its closest courtesy, and a note
    saying a reviewer must complete it, rather than an empty draft."""
    ctx = {
        "kind": "reply",
        "category": "question",
        "channel": "x",
        "post": "How can I annotate my screen?",
        "move_patterns": _APOLOGY,
        "replies": [
            _reply("r-1", "Hi there, sorry for this!", "Audio keeps dropping", 0.5),
            _reply("r-2", "Sorry about that.", "Cannot log in", 0.3),
        ],
    }
    out = compose(ctx)
    assert out["text"] == "Hi there, sorry for this!"
    assert out["cited"] == ["r-1"] and "a reviewer must complete it" in out["notes"][0]


def test_an_acknowledgement_in_words_of_another_incident_is_not_lent() -> None:
    """ "Sorry for the lost morning" acknowledged a sale-day outage; to a smoking air fryer it
    names the wrong trouble. Outside any incident, or during this one, it may be used."""
    from drafting.composer import candidate_sentences

    reply = _reply("ar-9", "We're sorry for the lost morning.", "Is the sale still on?", 0.5)
    ctx = {
        "kind": "reply",
        "channel": "facebook",
        "category": "product_defect",
        "post": "My air fryer started smoking",
        "move_patterns": {"acknowledge": r"\bsorry for the\b"},
        "common_stems": ["sorry"],
        "replies": [{**reply, "incident_id": "INC-9"}],
    }
    assert candidate_sentences(ctx) == []
    assert [s.text for s in candidate_sentences({**ctx, "incident_id": "INC-9"})] == [
        "We're sorry for the lost morning."
    ]
    # An acknowledgement in the brand's everyday words names nothing of its own incident.
    generic = {**reply, "reply": "Thanks for telling us.", "incident_id": "INC-9"}
    everyday = {
        **ctx,
        "move_patterns": {"acknowledge": r"\btelling us\b"},
        "common_stems": ["thank", "telli"],
        "replies": [generic],
    }
    assert [s.text for s in candidate_sentences(everyday)] == ["Thanks for telling us."]
