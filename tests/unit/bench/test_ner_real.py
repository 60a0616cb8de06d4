"""bench/ner_real: real pages as NER examples. Gold names are labelled wherever printed; the gold
is complete in story lines and captions (a name found there and not in the gold is a negative)
and silent elsewhere (missing, no loss); optional and two-type names are missing."""

import spacy

from bench.ner_real import Page, mentions, reference, regions, score

GOLD = {
    "story_lines": ["Mayor Ada Quist met Brightwell Holdings in Lunder on Tuesday."],
    "captions": ["Ada Quist in  Lunder."],
    "entities": [
        {"name": "Ada Quist", "type": "PERSON", "aliases": ["Quist"]},
        {"name": "Brightwell Holdings", "type": "ORG", "aliases": ["Brightwell"]},
        {"name": "Lunder", "type": "LOC", "aliases": []},
        {"name": "Harbour Board", "type": "ORG/LOC", "aliases": []},
        {"name": "Getty Images", "type": "ORG", "aliases": [], "optional": True},
    ],
}
TEXT = (
    "QUIST VISITS BRIGHTWELL\n\n"
    "Mayor Ada Quist met Brightwell Holdings in Lunder on Tuesday.\n\n"
    "Read more: Tomas Vell on the Harbour Board\n\n"
    "Ada Quist in Lunder. Getty Images"
)


def _page() -> Page:
    forms = {f for e in GOLD["entities"] for f in [e["name"], *e["aliases"]]}
    return Page("x", "a", TEXT, mentions(TEXT, GOLD), regions(TEXT, GOLD), forms)


def test_every_printed_gold_name_is_found_longest_first_and_typed() -> None:
    found = {(TEXT[s:e], kind) for s, e, kind in mentions(TEXT, GOLD)}
    assert ("Ada Quist", "PERSON") in found
    assert ("QUIST", "PERSON") in found  # printed in capitals
    assert ("Brightwell Holdings", "ORG") in found and ("Brightwell", "ORG") not in found
    assert ("BRIGHTWELL", "ORG") in found
    assert ("Harbour Board", "?") in found  # two types: missing
    assert ("Getty Images", "?") in found  # optional: missing
    assert not any(t == "Quist" for t, _ in found)  # inside "Ada Quist": not a mention of its own


def test_story_lines_and_captions_are_found_whatever_the_spacing() -> None:
    got = [TEXT[s:e] for s, e in regions(TEXT, GOLD)]
    assert got == [
        "Mayor Ada Quist met Brightwell Holdings in Lunder on Tuesday.",
        "Ada Quist in Lunder.",
    ]


def test_the_reference_is_negative_only_where_the_gold_is_complete() -> None:
    nlp = spacy.blank("en")
    page = _page()
    k = TEXT.index("Mayor")
    line = TEXT[k : TEXT.index("\n", k)]
    doc = nlp.make_doc(line)
    # the base model: "Mayor Ada" a person (the gold says Ada Quist), "Tuesday" a date
    base = [(0, 9, "PERSON"), (line.index("Tuesday"), line.index("Tuesday") + 7, "DATE")]
    ref = reference(doc, page, k, base)
    tags = {t.text: (t.ent_iob_, t.ent_type_) for t in ref}
    assert tags["Ada"] == ("B", "PERSON") and tags["Quist"] == ("I", "PERSON")
    assert tags["Mayor"] == ("O", "")  # the base model's span beyond the gold name: outside
    assert tags["Brightwell"] == ("B", "ORG") and tags["Lunder"] == ("B", "GPE")
    assert tags["Tuesday"] == ("B", "DATE")  # rehearsal
    k = TEXT.index("Read")
    line = TEXT[k : TEXT.index("\n", k)]
    ref = reference(nlp.make_doc(line), page, k, [(11, 21, "PERSON")])
    tags = {t.text: t.ent_iob_ for t in ref}
    assert tags["Tomas"] == "" and tags["Vell"] == ""  # related link: the gold is silent
    assert tags["Harbour"] == ""  # two types: missing


def test_a_name_inside_a_gold_name_is_missing_not_outside() -> None:
    """ "Quist" alone where the gold lists "Ada Quist" without that alias: it may be one the
    annotator did not list, so it is no negative example."""
    nlp = spacy.blank("en")
    text = "Quist said so."
    page = Page("y", "a", text, [], [(0, len(text))], {"Ada Quist"})
    ref = reference(nlp.make_doc(text), page, 0, [(0, 5, "PERSON")])
    assert ref[0].ent_iob_ == ""
    page.forms = {"Brightwell"}
    ref = reference(nlp.make_doc(text), page, 0, [(0, 5, "PERSON")])
    assert ref[0].ent_iob_ == "O"


def test_the_span_score_counts_story_lines_and_captions_only() -> None:
    page = _page()
    k = TEXT.index("Mayor Ada")
    pred = [
        (k + 6, k + 15, "PERSON"),  # Ada Quist: right
        (k, k + 15, "PERSON"),  # Mayor Ada Quist: wrong span
        (TEXT.index("Tomas"), TEXT.index("Tomas") + 10, "PERSON"),  # outside: not counted
        (TEXT.index("Lunder"), TEXT.index("Lunder") + 6, "GPE"),  # LOC
        (TEXT.index("Getty"), TEXT.index("Getty") + 12, "ORG"),  # optional: not counted
    ]
    got = score([page], [pred])
    assert got["PERSON"] == (1, 2, 2)  # "Ada Quist" twice in the gold's lines
    assert got["LOC"] == (1, 1, 2)
    assert got["ORG"] == (0, 0, 1)
