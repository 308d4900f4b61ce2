"""The learned reader's features: words, word pairs and triples, letter runs, each with the
span of draft text it came from."""

from __future__ import annotations

from drafting.checks.reader.features import MAX_CHUNK, features, located_features


def test_words_pairs_triples_and_letter_runs_are_features() -> None:
    got = set(features("Probably the courier!"))
    assert {"w:probably", "w:the courier", "w:probably the courier"} <= got
    # Letter runs keep the chunk's edges and its punctuation, which carries tone.
    assert {"c: pr", "c:prob", "c:er! ", "c:ier! "} <= got
    assert "w:courier!" not in got  # words are \w+ runs; the "!" lives in the letter runs


def test_features_repeat_as_often_as_they_occur() -> None:
    assert features("sorry sorry").count("w:sorry") == 2


def test_every_span_is_the_text_the_feature_came_from() -> None:
    text = "Forse il CORRIERE, probabilmente."
    for name, start, end in located_features(text):
        piece = text[start:end].lower()
        if name.startswith("w:"):
            assert piece.split()[0].startswith(name[2:].split()[0])
        else:
            assert name[2:].strip() in f" {piece} "


def test_spans_survive_letters_whose_lower_case_is_longer() -> None:
    # "İ".lower() is two characters: spans must still point into the text as written.
    text = "İstanbul parcel probably lost"
    spans = {name: (s, e) for name, s, e in located_features(text)}
    start, end = spans["w:probably"]
    assert text[start:end] == "probably"


def test_a_huge_word_costs_a_bounded_number_of_features() -> None:
    assert len(features("a" * 20_000)) == len(features("a" * MAX_CHUNK))


def test_empty_text_has_no_features() -> None:
    assert features("") == []
    assert features("   \n ") == []
