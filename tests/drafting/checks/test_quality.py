"""The checks' quality bar (issue 4): precision and recall on the labelled set, regression floors
on the held-out sets, and no unexpected blocking finding on the real agent replies."""

from __future__ import annotations

from collections import Counter

import pytest

from drafting.checks import CHECK_IDS, FAMILIES
from drafting.checks.quality import (
    check_real_replies,
    load_debatable,
    load_labelled,
    pooled,
    score_labelled,
)
from knowledge.taxonomy import KINDS
from tests.conftest import REPO, TWITTER_DIR

DATA = REPO / "tests" / "data"
LABELLED = DATA / "checks_labelled.jsonl"
HOLDOUTS = [
    DATA / f"checks_holdout{n}.jsonl"
    for n in (
        "",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
        "18",
        "19",
        "20",
        "21",
        "22",
        "23",
        "24",
        "25",
        "26",
        "27",
        "28",
        "29",
        "30",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "38",
        "39",
        "40",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "47",
        "48",
        "49",
        "50",
        "51",
        "52",
        "53",
        "54",
        "55",
        "56",
        "57",
        "58",
        "59",
        "60",
        "61",
        "62",
        "63",
        "64",
    )
]


def test_the_labelled_set_covers_every_family_channel_kind_and_both_languages() -> None:
    cases = load_labelled(LABELLED)
    assert len(cases) >= 160
    assert len({c.id for c in cases}) == len(cases)
    assert {c.channel for c in cases} >= {
        "x",
        "instagram",
        "facebook",
        "tiktok",
        "linkedin",
        "reviews",
        "email",
        "chat",
    }
    assert Counter(c.language for c in cases)["it"] >= 60
    assert {c.kind for c in cases} >= {
        "reply",
        "apology",
        "holding_statement",
        "status_update",
        "resolution_update",
        "dm_followup",
    }
    expected = Counter(i for c in cases for i in c.expect_fail)
    untested = {i for i in CHECK_IDS if not expected[i]}
    # move_to_dm is never required by the demo policy (see test_structure); judge.* are tested
    # with litellm's mock_response (test_judge); the demo policy asks for no public AI line
    # (channel.disclosure: tests/drafting/test_disclosure.py).
    assert untested == {
        "structure.move_to_dm",
        "channel.disclosure",
        *(i for i in CHECK_IDS if i.startswith("judge.")),
    }
    assert {CHECK_IDS[i].family for i in expected} == set(FAMILIES) - {"judge"}
    assert sum(1 for c in cases if not c.expect_fail) >= 50  # good replies too


def test_blocking_rules_meet_the_target_on_the_labelled_set(demo) -> None:
    brand, policy = demo
    quality = score_labelled(load_labelled(LABELLED), brand, policy)
    total = quality.total(quality.blocking)
    assert total.recall >= 0.95, quality.errors
    assert total.precision >= 0.9, quality.errors
    assert quality.verdict_agreement >= 0.95, quality.errors


@pytest.mark.parametrize(
    ("path", "precision", "recall"),
    [
        (HOLDOUTS[0], 0.95, 0.95),
        (HOLDOUTS[1], 0.95, 0.95),
        (HOLDOUTS[2], 0.95, 0.95),
        # First measured at 0.863 / 0.719 before any rule change (benchmarks/checks_quality.py).
        (HOLDOUTS[3], 0.88, 0.90),
        # Written blind (by a colleague who never read the rules); first measured at 0.828 /
        # 0.750 before any rule of its round changed.
        (HOLDOUTS[4], 0.92, 0.96),
        # Written blind after the fifth round; first measured at 0.885 / 0.794, then used to
        # find the classes of mistake of the sixth round (test_mistake_classes.py).
        (HOLDOUTS[5], 0.93, 0.91),
        # Written blind after the sixth round; first measured at 0.800 / 0.762, then used to
        # find the classes of the seventh round (test_mistake_classes_holdout7.py).
        (HOLDOUTS[6], 0.94, 0.97),
        # Written blind after the seventh round; first measured at 0.798 / 0.846, then used to
        # find the classes of the eighth round (test_mistake_classes_holdout8.py).
        (HOLDOUTS[7], 0.96, 0.97),
        # Written blind after the eighth round; first measured at 0.716 / 0.865 (mostly false
        # alarms of the required moves), then used to find the classes of the ninth round
        # (test_mistake_classes_holdout9.py).
        (HOLDOUTS[8], 0.98, 0.98),
        # Written blind after the ninth round; first measured at 0.832 / 0.776 (forbidden,
        # grounding and tone misses, structure false alarms), then used to find the classes of
        # the tenth round (test_mistake_classes_holdout10.py).
        (HOLDOUTS[9], 0.95, 0.97),
        # Written blind after the tenth round; first measured at 0.771 / 0.698 (forbidden and
        # tone misses, structure false alarms), then used to find the classes of the eleventh
        # round (test_mistake_classes_holdout11.py).
        (HOLDOUTS[10], 0.95, 0.97),
        # Written blind after the tenth round; first measured at 0.846 / 0.715 (0.838 / 0.715
        # after the eleventh round, which never saw it), then used to find the classes of the
        # twelfth round (test_mistake_classes_holdout12.py).
        (HOLDOUTS[11], 0.96, 0.93),
        # Written blind after the eleventh round; first measured at 0.788 / 0.765 (0.799 / 0.787
        # after the twelfth round, which never saw it), then used to find the classes of the
        # thirteenth round (test_mistake_classes_holdout13.py).
        (HOLDOUTS[12], 0.93, 0.93),
        # Written blind after the twelfth round; first measured at 0.825 / 0.797 (0.821 / 0.814
        # after the thirteenth round, which never saw it), then used to find the classes of the
        # fourteenth round (test_mistake_classes_holdout14.py).
        (HOLDOUTS[13], 0.91, 0.96),
        # Written blind after the thirteenth round; first measured at 0.789 / 0.891 (0.805 / 0.901
        # after the fourteenth round, which never saw it), then used to find the classes of the
        # fifteenth round (test_mistake_classes_holdout15.py).
        (HOLDOUTS[14], 0.88, 0.95),
        # Written blind after the fourteenth round; first measured at 0.769 / 0.860 (0.777 / 0.860
        # after the fifteenth round, which never saw it), then used to find the classes of the
        # sixteenth round (test_mistake_classes_holdout16.py).
        (HOLDOUTS[15], 0.92, 0.89),
        # Written blind; first measured at 0.817 / 0.824 after the sixteenth round (which never
        # saw it), then used to find the generalised classes of the
        # seventeenth round (test_mistake_classes_holdout17.py), after which it reads 0.938 /
        # 0.968.
        (HOLDOUTS[16], 0.92, 0.95),
        # Written blind; first measured at 0.776 / 0.826 after the sixteenth round, 0.791 / 0.835
        # after the seventeenth (which never saw it), then used to find the generalised classes
        # of the eighteenth round (above all a status or resolution said as a plain statement
        # about the incident facts; test_mistake_classes_holdout18.py), after which it reads
        # 0.990 / 0.954.
        (HOLDOUTS[17], 0.97, 0.93),
        # Written blind; first measured at 0.862 / 0.802 after the seventeenth round, 0.880 /
        # 0.802 after the eighteenth (which never saw it), then used to find the generalised
        # classes of the nineteenth round (a clause turned by ", but" judged on its own, an
        # action already taken as the next step, the instructions cited against the customer,
        # a guess after "we don't know", ...; test_mistake_classes_holdout19.py), after which it
        # reads 0.971 / 1.000 (its 3 remaining false alarms are label disagreements).
        (HOLDOUTS[18], 0.95, 0.97),
        # Written blind; first measured at 0.812 / 0.745 after the eighteenth round, unchanged
        # after the nineteenth (which never saw it), then used to find mechanism fixes and the
        # classes of the twentieth round (test_mistake_classes_r20_*.py), after which it reads
        # 0.940 / 0.991.
        (HOLDOUTS[19], 0.92, 0.97),
        # Written blind; first measured at 0.792 / 0.874 after the nineteenth round, then used
        # with holdout20 in the twentieth, after which it reads 0.978 / 1.000.
        (HOLDOUTS[20], 0.95, 0.97),
        # Written blind; first measured at 0.888 / 0.693 on the nineteenth round's rules, 0.882
        # / 0.719 after the twentieth (which never saw it), then used with holdout23 in the
        # twenty-first round (test_mistake_classes_r21_*.py), after which it reads 0.963 / 0.912.
        (HOLDOUTS[21], 0.94, 0.89),
        # Written blind while the twentieth round was made; first measured on its rules at
        # 0.838 / 0.728, then used in the twenty-first round, after which it reads 0.974 / 0.982.
        (HOLDOUTS[22], 0.95, 0.96),
        # Written blind; first measured on the twentieth round's rules at 0.966 / 0.780, 0.973 /
        # 0.802 after the twenty-first (which never saw it), then used in the twenty-second
        # round (test_mistake_classes_r22_*.py), after which it reads 0.994 / 0.967.
        (HOLDOUTS[23], 0.97, 0.94),
        # Written blind (a reputational crisis, not an outage); first measured on the twentieth
        # round's rules at 0.796 / 0.625, 0.800 / 0.639 after the twenty-first, then used in the
        # twenty-second round, after which it reads 0.986 / 0.986.
        (HOLDOUTS[24], 0.96, 0.96),
        # Written blind during the twenty-first round and kept outside the repository until the
        # twenty-second was done: 0.945 / 0.658 on the twentieth round's rules, 0.947 / 0.675
        # on the twenty-first's, 0.955 / 0.713 on the twenty-second's; then used in the
        # twenty-third round (test_mistake_classes_r23_*.py), after which it reads 0.965 / 0.806.
        (HOLDOUTS[25], 0.94, 0.78),
        # Written blind with holdout26: 0.823 / 0.760 on the twentieth round's rules, 0.824 /
        # 0.766 on the twenty-first's and the twenty-second's; then used in the twenty-third
        # round, after which it reads 0.911 / 0.842 (0.924 / 0.848 after the twenty-fourth).
        (HOLDOUTS[26], 0.89, 0.82),
        # Written blind during the twenty-third round and kept outside the repository until it
        # was done: 0.912 / 0.810 on the twenty-second round's rules and on the twenty-third's;
        # then used in the twenty-fourth round, after which it reads 0.975 / 1.000.
        (HOLDOUTS[27], 0.95, 0.97),
        # Written blind with holdout28: 0.808 / 0.803 on the twenty-second and twenty-third
        # rounds' rules; then used in the twenty-fourth round, after which it reads 0.972 / 0.972.
        (HOLDOUTS[28], 0.95, 0.95),
        # Written blind during the twenty-fourth round (a marketing e-mail sent to grieving
        # customers) and kept outside the repository until it was done: 0.736 / 0.854 on the
        # twenty-third round's rules, 0.741 / 0.854 on the twenty-fourth's; then used in the
        # twenty-fifth round, after which it reads 0.979 / 1.000.
        (HOLDOUTS[29], 0.96, 0.98),
        # Written blind with holdout30 (forced labour at a supplier): 0.928 / 0.714 on the
        # twenty-third round's rules, 0.930 / 0.738 on the twenty-fourth's; then used in the
        # twenty-fifth round, after which it reads 1.000 / 0.992.
        (HOLDOUTS[30], 0.98, 0.97),
        # Written blind during the twenty-fourth round (a delivery driver filmed throwing
        # parcels) and kept outside the repository through the twenty-fifth: 0.872 / 0.766 on
        # the twenty-third and twenty-fourth rounds' rules, 0.880 / 0.766 on the twenty-fifth's;
        # then used in the twenty-sixth round, after which it reads 0.961 / 0.992.
        (HOLDOUTS[31], 0.94, 0.97),
        # Written blind with holdout32 (a chat bot that gave wrong return and refund answers):
        # 0.775 / 0.887 on the twenty-third and twenty-fourth rounds' rules, 0.771 / 0.895 on
        # the twenty-fifth's; then used in the twenty-sixth round, after which it reads 0.932 /
        # 0.992.
        (HOLDOUTS[32], 0.91, 0.97),
        # Written blind during the twenty-sixth round (a fire in a store) and kept outside the
        # repository until it was done: 0.885 / 0.846 on the twenty-fifth and twenty-sixth
        # rounds' rules; then used in the twenty-seventh round, after which it reads 0.964 /
        # 0.971.
        (HOLDOUTS[33], 0.94, 0.95),
        # Written blind with holdout34 (the chief executive's remarks about customers): 0.830 /
        # 0.856 on the twenty-fifth round's rules, 0.831 / 0.863 on the twenty-sixth's; then
        # used in the twenty-seventh round, after which it reads 0.941 / 0.994.
        (HOLDOUTS[34], 0.92, 0.97),
        # Written blind during the twenty-seventh round (a "delivered by Christmas" guarantee
        # broken by a flooded courier hub) and kept outside the repository until it was done:
        # 0.753 / 0.865 on the twenty-sixth and twenty-seventh rounds' rules; then used in the
        # twenty-eighth round, after which it reads 0.904 / 0.968.
        (HOLDOUTS[35], 0.88, 0.95),
        # Written blind with holdout36 (a Christmas jumper that copied a Sámi design): 0.734 /
        # 0.816 on the twenty-sixth and twenty-seventh rounds' rules; then used in the
        # twenty-eighth round, after which it reads 0.892 / 0.992.
        (HOLDOUTS[36], 0.87, 0.97),
        # Written blind during the twenty-seventh round (a push that told 600,000 customers by
        # mistake their order was cancelled) and kept outside the repository until it was done:
        # 0.688 / 0.880 on the twenty-sixth and twenty-seventh rounds' rules, 0.696 / 0.880 on
        # the twenty-eighth's; then used in the twenty-ninth round, after which it reads 0.805
        # / 0.992 (most of its remaining false alarms are findings its labels leave out).
        (HOLDOUTS[37], 0.78, 0.97),
        # Written blind with holdout38 (a warehouse employee's video mocking a customer's
        # return note): 0.755 / 0.875 on the twenty-sixth to twenty-eighth rounds' rules; then
        # used in the twenty-ninth round, after which it reads 0.839 / 1.000.
        (HOLDOUTS[38], 0.81, 0.97),
        # Written blind in the eighth session (a membership renewed at a higher price without
        # notice; a sponsored creator's old posts mocking disabled people; an advent calendar
        # sold out to bots): 0.950 / 0.887, 0.931 / 0.807 and 0.828 / 0.851 on first sight;
        # then used in the thirtieth round, after which they read 0.980 / 0.974, 0.979 / 0.953
        # and 0.993 / 0.979.
        (HOLDOUTS[39], 0.96, 0.95),
        (HOLDOUTS[40], 0.96, 0.93),
        (HOLDOUTS[41], 0.97, 0.96),
        # Written blind in the same session (location sharing turned on by default; snow closing
        # the warehouse): 0.912 / 0.865 and 0.946 / 0.886 on first sight, 0.918 / 0.865 and
        # 0.947 / 0.899 after the thirtieth round, which never read them; then used in the
        # thirty-first, after which they read 1.000 / 0.994 and 0.981 / 0.987.
        (HOLDOUTS[42], 0.97, 0.97),
        (HOLDOUTS[43], 0.96, 0.96),
        # Written blind during the thirty-first round (knife sets shipped instead of children's
        # craft kits; an advert's song used without the artist's permission) and never used to
        # change a rule: 0.948 / 0.864 and 0.900 / 0.839 on first sight, 0.948 / 0.864 and
        # 0.907 / 0.845 after that round.
        (HOLDOUTS[44], 0.93, 0.85),
        (HOLDOUTS[45], 0.89, 0.83),
        # Written blind in the ninth session (a store guard who searched a teenager's bag; a
        # baby-bottle recall) and never used to change a rule: 0.931 / 0.884 and 0.927 / 0.832
        # on first sight. With the learned reader on (benchmarks/checks_quality.py --reader,
        # the model trained before they existed): 0.932 / 0.899 and 0.928 / 0.847.
        (HOLDOUTS[46], 0.92, 0.87),
        (HOLDOUTS[47], 0.91, 0.82),
        # Written blind during the thirty-second round (station lockers that would not open; a
        # television listed at a tenth of its price) and never used to change a rule: 0.976 /
        # 0.840 and 0.901 / 0.907 on first sight, 0.976 / 0.854 and 0.901 / 0.907 after that
        # round. With the learned reader on, on first sight: 0.976 / 0.861 and 0.902 / 0.921.
        (HOLDOUTS[48], 0.96, 0.84),
        (HOLDOUTS[49], 0.89, 0.89),
        # Written blind in the tenth session (cards charged twice, a warehouse fire, scam texts
        # impersonating the brand, loyalty points wiped): 0.955 / 0.864, 0.916 / 0.779,
        # 0.792 / 0.697 and 0.955 / 0.863 on first sight (round 32's rules), worked in round 33
        # to 0.956 / 0.884, 0.931 / 0.786, 0.887 / 0.766 and 0.956 / 0.890.
        (HOLDOUTS[50], 0.94, 0.87),
        (HOLDOUTS[51], 0.92, 0.77),
        (HOLDOUTS[52], 0.87, 0.75),
        (HOLDOUTS[53], 0.94, 0.88),
        # Written blind during round 33 (a courier's driver filmed throwing parcels, a chat
        # assistant promising 100-day returns): 0.936 / 0.879 and 0.911 / 0.831 on first
        # sight, 0.936 / 0.886 and 0.911 / 0.831 after that round.
        (HOLDOUTS[54], 0.92, 0.87),
        (HOLDOUTS[55], 0.90, 0.82),
        # Written blind during round 34 (a heater recall, a newsletter showing every
        # recipient's address): 0.903 / 0.834 and 0.901 / 0.914 on first sight, unchanged by
        # that round; worked in round 35 to 0.929 / 0.903 and 0.925 / 0.964.
        (HOLDOUTS[56], 0.91, 0.89),
        (HOLDOUTS[57], 0.91, 0.95),
        # Written blind in session 11 (a staff member's insult posted from the brand's account,
        # a migration that erased wishlists): 0.903 / 0.823 and 0.923 / 0.810 on first sight,
        # worked in round 35 to 0.962 / 0.864 and 0.936 / 0.896.
        (HOLDOUTS[58], 0.95, 0.85),
        (HOLDOUTS[59], 0.92, 0.88),
        # Written blind during round 35 (an influencer giveaway whose prizes never shipped, a
        # store café closed by health inspectors): 0.929 / 0.890 and 0.916 / 0.839 on first
        # sight, unchanged by that round; worked in round 36 to 0.972 / 0.966 and 0.994 / 0.976.
        (HOLDOUTS[60], 0.96, 0.95),
        (HOLDOUTS[61], 0.98, 0.96),
        # Written blind during round 36 (a discount code the checkout rejected, a contracted
        # delivery van that hit a cyclist): 0.847 / 0.801 and 0.920 / 0.846 on first sight,
        # 0.847 / 0.806 and 0.921 / 0.853 after that round; never worked on.
        (HOLDOUTS[62], 0.83, 0.79),
        (HOLDOUTS[63], 0.90, 0.84),
    ],
)
def test_held_out_sets_do_not_regress(demo, path, precision: float, recall: float) -> None:
    """Written after the checker was tuned (see benchmarks/checks_quality.py for the figures);
    these floors sit a little under the measured values and only catch regressions."""
    brand, policy = demo
    quality = score_labelled(load_labelled(path), brand, policy)
    total = quality.total(quality.blocking)
    assert total.precision >= precision, quality.errors
    assert total.recall >= recall, quality.errors


@pytest.mark.skipif(not (TWITTER_DIR / "dev.json").exists(), reason="shared data set not present")
def test_real_agent_replies_have_no_unexpected_blocking_finding() -> None:
    debatable = load_debatable(DATA / "checks_real_debatable.json")
    results = check_real_replies(TWITTER_DIR)
    assert len(results) == 525
    blocked = {
        r.tweet_id: sorted(f.id for f in report.blocking)
        for r, report in results
        if report.blocking
    }
    unexpected = {k: v for k, v in blocked.items() if k not in debatable}
    assert not unexpected, f"blocking findings on real replies a human accepted: {unexpected}"
    assert len(blocked) <= 12


@pytest.mark.parametrize("path", HOLDOUTS[3:])
def test_the_later_held_out_sets_cover_both_languages_channels_and_kinds(path) -> None:
    cases = load_labelled(path)
    assert len(cases) >= 60
    assert len({c.id for c in cases}) == len(cases)
    assert Counter(c.language for c in cases)["it"] >= len(cases) // 4
    assert len({c.channel for c in cases}) == 8
    # Every kind, except a resolution update where the incident is still open (holdout31).
    assert {c.kind for c in cases} >= set(KINDS) - {"resolution_update"}
    assert sum(1 for c in cases if c.expect_pass_blocking) >= 15  # good replies too


def test_per_check_figures_add_up_to_the_family_figures(demo) -> None:
    brand, policy = demo
    quality = score_labelled(load_labelled(LABELLED), brand, policy)
    by_family: dict[str, Counter[str]] = {}
    for check_id, score in quality.per_check.items():
        tally = by_family.setdefault(CHECK_IDS[check_id].family, Counter())
        tally.update(tp=score.tp, fp=score.fp, fn=score.fn)
    assert {family: (s.tp, s.fp, s.fn) for family, s in quality.blocking.items()} == {
        family: (t["tp"], t["fp"], t["fn"]) for family, t in by_family.items()
    }
    assert quality.per_check["voice.banned_word"].tp > 0  # a check the set covers


def test_pooled_sets_sum_their_scores(demo) -> None:
    brand, policy = demo
    first = score_labelled(load_labelled(HOLDOUTS[0]), brand, policy)
    second = score_labelled(load_labelled(HOLDOUTS[1]), brand, policy)
    both = pooled([first, second])
    total, one, two = (r.total(r.blocking) for r in (both, first, second))
    assert (total.tp, total.fp, total.fn) == (one.tp + two.tp, one.fp + two.fp, one.fn + two.fn)
    for check_id, score in both.per_check.items():
        parts = [r.per_check[check_id] for r in (first, second) if check_id in r.per_check]
        assert (score.tp, score.fp, score.fn) == tuple(
            sum(getattr(p, name) for p in parts) for name in ("tp", "fp", "fn")
        )
    assert list(both.blocking) == [f for f in FAMILIES if f in both.blocking]
    assert both.good + both.bad == first.good + first.bad + second.good + second.bad
    # A verdict is "ok" exactly when nothing blocks, so agreement follows from the counts.
    for report in (first, second, both):
        cases = report.good + report.bad
        agreed = cases - report.good_blocked - report.bad_passed
        assert report.verdict_agreement == pytest.approx(agreed / cases)
    assert pooled([]).total(pooled([]).blocking).tp == 0
