"""Entities where real pages print a title, an office or a possessive next to the name (bench/real
dev misses, session 20): made-up names and text of the same shapes."""

from newsflow_contracts.events import ArticleEnriched, ArticleReceived
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages import by_context, variants
from newsflow_enrich.stages.registry import Registry, clean_form
from spacy.lang.en import English
from spacy.tokens import Doc, Span


def _enrich(enricher: Enricher, text: str) -> ArticleEnriched:
    return enricher.enrich(ArticleReceived.new(text=text))


def _forms(ev: ArticleEnriched, type_: str | None = None) -> dict[str, set[str]]:
    return {e.name: {e.name, *e.aliases} for e in ev.entities if type_ is None or e.type == type_}


def test_a_possessive_is_cut_after_the_lower_case_words_are() -> None:
    assert clean_form("Haverford’s days") == "Haverford"
    assert clean_form("Ottilie Brannagh ‘s") == "Ottilie Brannagh"
    assert clean_form("People’s Liberation Army") == "People’s Liberation Army"


def test_a_peer_and_a_pope_keep_their_title_as_a_form(enricher: Enricher) -> None:
    peer = _enrich(enricher, (
        "The amendment passed after a speech by Lord Pendlewick, a retired shepherd, who said "
        "farmers had been ignored for a decade."))  # fmt: skip
    pope = _enrich(enricher, (
        "Deepfake images of Pope Benedictus in a white puffer jacket also went viral this year, "
        "and Pope Benedictus did not comment."))  # fmt: skip
    forms = {f for ev in (peer, pope) for fs in _forms(ev, "PERSON").values() for f in fs}
    assert {"Lord Pendlewick", "Pope Benedictus"} <= forms, forms


def test_a_peer_title_is_a_form_only_where_every_mention_carries_it() -> None:
    reg = Registry()
    reg.add("Pendlewick", "PERSON", 40)
    variants.run(reg, "A speech by Lord Pendlewick, a retired shepherd, moved the peers.")
    assert reg.by_form.get("Lord Pendlewick") == "Pendlewick"
    reg = Registry()
    reg.add("Featherstone", "PERSON", 60)
    variants.run(reg, "Lady Featherstone wore green. Featherstone said the economy would grow.")
    assert "Lady Featherstone" not in reg.by_form


def test_the_district_of_columbia_is_a_place(enricher: Enricher) -> None:
    ev = _enrich(
        enricher,
        (
            "The convoy took smaller roads to avoid DC traffic on Friday, the organisers said.\n\n"
            "A man was found wounded in Northwest Washington, D.C. police spokesman Officer Tam "
            "Oduya said."
        ),
    )
    places = {f for fs in _forms(ev, "LOC").values() for f in fs}
    assert {"DC", "D.C."} & places, _forms(ev)
    assert not {"DC", "D.C."} & {f for fs in _forms(ev, "ORG").values() for f in fs}


def test_an_office_in_lower_case_inside_a_name_is_cut(enricher: Enricher) -> None:
    ev = _enrich(
        enricher,
        (
            "“We are confident the product is compliant,” says company spokesperson Idris Pellow. "
            "“This ignores the careful work we did,” Quorvo spokesperson Pellow says."
        ),
    )
    names = set(_forms(ev, "PERSON"))
    assert not [n for n in names if "spokesperson" in n], names


def test_an_abbreviated_office_is_no_person(enricher: Enricher) -> None:
    ev = _enrich(
        enricher,
        (
            "The report was prepared by Zanetti and Associate Supt. Harlan B. Quist, and the call "
            "included LAPD Asst. Chief Morrow Tilbury, according to interviews."
        ),
    )
    names = set(_forms(ev, "PERSON"))
    assert not [n for n in names if n.endswith(("Supt", "Asst"))], names


def test_a_journalist_named_after_the_word_is_a_person(enricher: Enricher) -> None:
    ev = _enrich(
        enricher,
        (
            "Labor journalist Tamsin Press noted this year that the strike was the largest in a "
            "generation, and the union agreed."
        ),
    )
    assert "Tamsin Press" in _forms(ev, "PERSON"), _forms(ev)


def test_a_name_before_an_office_of_something_is_a_person() -> None:
    # spaCy's parse of a short made-up sentence tags such names itself: the rule is tested on
    # a doc with parts of speech and no entities, as real pages leave it ("Demetric Mercadel,")
    words = ["Oskar", "Veltmann", ",", "an", "analyst", "for", "Hollins", "Bank", ",", "asked",
             ".", "Red", "Bull", ",", "the", "leader", "of", "Europe", ",", "won", "."]  # fmt: skip
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT", "VERB",
           "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "VERB",
           "PUNCT"]  # fmt: skip
    starts = [i in (0, 11) for i in range(len(words))]
    doc = Doc(English().vocab, words=words, pos=pos, sent_starts=starts)
    doc.ents = [Span(doc, 11, 13, label="GPE")]
    by_context.people_by_office(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Oskar Veltmann", "PERSON"),
        ("Red Bull", "GPE"),
    ]


def test_players_named_in_a_box_score_are_people(enricher: Enricher) -> None:
    ev = _enrich(
        enricher,
        (
            "Here are the results of Tuesday night's high school games across the county, as "
            "reported by the coaches.\n\nGIRLS BASKETBALL\n\nKestrel Bay d. Harbor City 61-40\n\n"
            "Kestrel Bay (2-0): Quillane 21 points. Ostravik 12 points. R. Tembley 9 points.\n\n"
            "Harbor City (0-2): Vantorre 14 points. Maddox-Ure 8 points."
        ),
    )
    people = {f for fs in _forms(ev, "PERSON").values() for f in fs}
    assert {"Quillane", "Ostravik", "R. Tembley", "Vantorre", "Maddox-Ure"} <= people, _forms(ev)
