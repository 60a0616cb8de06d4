"""Entity resolution within an article (stages/resolve.py): mentions of one person or place
across titles, possessives, surnames typed as something else and state abbreviations. Made-up
names, so no curated table can answer."""

import re

import spacy
from newsflow_contracts.events import ArticleEnriched, ArticleReceived
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages import resolve
from newsflow_enrich.stages.registry import Registry


def _enrich(enricher: Enricher, text: str) -> ArticleEnriched:
    return enricher.enrich(ArticleReceived.new(text=text))


def _holding(ev: ArticleEnriched, form: str) -> list[str]:
    """The names of the entities that hold `form` (as name or alias)."""
    return [e.name for e in ev.entities if form in (e.name, *e.aliases)]


def test_a_title_before_a_surname_is_the_person(enricher: Enricher) -> None:
    ev = _enrich(
        enricher,
        (
            "CHICAGO (AP) — John Harwell, a former city treasurer, was charged on Tuesday with "
            "stealing $2 million from a pension fund, prosecutors said.\n\n"
            "Dr Harwell, as he is known to colleagues, taught economics for a decade. Harwell told "
            "reporters he was innocent. Senator Maria Okonjo said the case showed the need for "
            "reform. Senator Okonjo has called for an audit. The pension board is chaired by Ama "
            "Lewin, who was not charged. Prof Lewin declined to comment."
        ),
    )
    assert _holding(ev, "Harwell") == ["John Harwell"]
    assert _holding(ev, "Lewin") == ["Ama Lewin"]  # the title is its only use alone
    assert not [e for e in ev.entities if e.name in ("Dr Harwell", "Senator Okonjo", "Prof Lewin")]
    harwell = next(e for e in ev.entities if e.name == "John Harwell")
    assert harwell.mentions == 3


def test_a_possessive_with_an_apostrophe_look_alike_is_the_person(enricher: Enricher) -> None:
    text = (
        "Carrowʼs campaign spent $4 million, said Emily Carrow, the candidate. Supporters "
        "cheered Carrow‘s victory speech in Richmond. Carrow thanked them."
    )
    ev = _enrich(enricher, text)
    assert _holding(ev, "Carrow") == ["Emily Carrow"]
    assert not [e for e in ev.entities if e.name.startswith("Carrow")]
    carrow = next(e for e in ev.entities if e.name == "Emily Carrow")
    assert carrow.mentions == 4
    assert all(ev.body[s:e] in ("Carrow", "Emily Carrow") for s, e in carrow.spans)
    assert "Carrowʼs" in ev.body  # the body stays as printed


def test_a_surname_spacy_typed_org_joins_the_person_and_stays_a_person() -> None:
    text = (
        "Paul Brenning will step down. Brenning’s pay rose. Brenning’s successor is unknown. "
        "Brenning’s team will stay. Kestrel thanked Brenning."
    )
    reg = Registry()
    reg.add("Paul Brenning", "PERSON", 0)
    for m in re.finditer(r"Brenning(?!’)", text[5:]):
        reg.add("Brenning", "ORG", 5 + m.start())
    reg.add("Brenning", "ORG", 30)
    reg.add("Brenning", "ORG", 60)
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Brenning"] == "Paul Brenning"
    assert reg.type_of("Paul Brenning") == "PERSON"


def test_a_state_abbreviation_after_a_city_is_a_place(enricher: Enricher) -> None:
    # As bench/real/ANNOTATING.md annotates it: its own LOC, whatever spaCy called it.
    ev = _enrich(
        enricher,
        (
            "Shoppers in Mesa, AZ, Hartford, CT, Newark, NJ, and Austin, TX, said prices rose. "
            "Stores in Tampa, FL, and Fresno, CA, reported the same."
        ),
    )
    types = {e.name: e.type for e in ev.entities}
    for code in ("AZ", "CT", "NJ", "TX", "FL", "CA"):
        assert types.get(code) == "LOC", (code, types)


def _merged(reg: Registry, long: str, short: str) -> bool:
    return reg.by_form.get(short) == reg.by_form.get(long) is not None


def _run(text: str, cands: list[tuple[str, str]], sport: bool = False) -> Registry:
    """The registry spaCy's mentions would give (form, type at its first occurrence), resolved."""
    reg = Registry()
    for form, type_ in cands:
        reg.add(form, type_, text.index(form))
    resolve.run(spacy.blank("en")(text), reg, sport)
    return reg


def test_a_department_of_x_is_the_x_department() -> None:
    text = (
        "The U.S. Department of State issued a warning on Friday. A State Department "
        "official said the Department of Defense had also been told. The Defense "
        "Department declined to comment."
    )
    reg = _run(
        text,
        [
            ("U.S. Department of State", "ORG"),
            ("State Department", "ORG"),
            ("Department of Defense", "ORG"),
            ("Defense Department", "ORG"),
        ],
    )
    assert _merged(reg, "U.S. Department of State", "State Department")
    assert _merged(reg, "Department of Defense", "Defense Department")
    assert not _merged(reg, "State Department", "Defense Department")


def test_a_company_is_named_without_its_trade_or_group_words() -> None:
    text = (
        "Kestrava Auto sold 1.2 million cars last year. Kestrava said sales fell in China. "
        "Holm Investment Group bought Varnia Capital for $1 billion. Holm said Varnia "
        "would keep its name."
    )
    reg = _run(
        text,
        [
            ("Kestrava Auto", "ORG"),
            ("Kestrava", "PERSON"),
            ("Holm Investment Group", "ORG"),
            ("Varnia Capital", "ORG"),
            ("Holm", "PERSON"),
            ("Varnia", "LOC"),
        ],
    )
    assert _merged(reg, "Kestrava Auto", "Kestrava")
    assert _merged(reg, "Holm Investment Group", "Holm")
    assert _merged(reg, "Varnia Capital", "Varnia")
    assert reg.type_of(reg.by_form["Kestrava"]) == "ORG"


def test_an_organisation_is_named_by_the_end_of_its_name() -> None:
    text = (
        "The House Intelligence Committee met on Tuesday. The Intelligence Committee will "
        "publish the transcripts, and the UN Security Council will meet. The Security "
        "Council has 15 members."
    )
    reg = _run(
        text,
        [
            ("House Intelligence Committee", "ORG"),
            ("Intelligence Committee", "ORG"),
            ("UN Security Council", "ORG"),
            ("Security Council", "ORG"),
        ],
    )
    assert _merged(reg, "House Intelligence Committee", "Intelligence Committee")
    assert _merged(reg, "UN Security Council", "Security Council")


def test_a_full_name_without_its_middle_initial_is_the_person() -> None:
    text = (
        "Christopher L. Tays, 41, was charged. Christopher Tays was held on a $5,000 bond. "
        "Tays did not comment."
    )
    reg = _run(
        text,
        [("Christopher L. Tays", "PERSON"), ("Christopher Tays", "PERSON"), ("Tays", "PERSON")],
    )
    assert _merged(reg, "Christopher L. Tays", "Christopher Tays")


def test_a_team_is_named_by_its_nickname_in_a_sports_story() -> None:
    text = (
        "The Kestrel City Thunder beat the Varnia Islanders 109-98. The Thunder led by 12 at "
        "half-time before the Islanders came back."
    )
    reg = _run(
        text,
        [
            ("Kestrel City Thunder", "ORG"),
            ("Thunder", "ORG"),
            ("Varnia Islanders", "ORG"),
            ("Islanders", "ORG"),
        ],
        sport=True,
    )
    assert _merged(reg, "Kestrel City Thunder", "Thunder")
    assert _merged(reg, "Varnia Islanders", "Islanders")


def test_acronyms_with_an_ampersand_or_without_a_leading_place() -> None:
    text = (
        "Pacific Gas & Electric Co. cut power to 800,000 customers. PG&E said the cuts would "
        "last days. The California Public Utilities Commission will review them; the PUC "
        "meets on Monday."
    )
    reg = _run(
        text,
        [
            ("Pacific Gas & Electric Co.", "ORG"),
            ("PG&E", "ORG"),
            ("California Public Utilities Commission", "ORG"),
            ("PUC", "ORG"),
        ],
    )
    assert _merged(reg, "Pacific Gas & Electric Co.", "PG&E")
    assert _merged(reg, "California Public Utilities Commission", "PUC")


def test_a_state_code_spacy_did_not_tag_after_a_city_is_a_place() -> None:
    text = (
        "June 15 -- Varnia Amphitheatre, Alpharetta, GA\n\nJune 17 -- Kestrel Arena, "
        "Nashville, TN\n\nJune 19 -- Fresno, Calif., then home. OK, said the mayor, IN the end."
    )
    reg = _run(text, [("Alpharetta", "LOC"), ("Nashville", "LOC"), ("Fresno", "LOC")])
    for code in ("GA", "TN", "Calif."):
        assert code in reg.by_form and reg.type_of(reg.by_form[code]) == "LOC", code
    assert "IN" not in reg.by_form  # after a word that is no name


def test_a_state_code_after_a_city_is_no_acronym_of_the_state() -> None:
    # "Tarrow, N.M.": the city's state is a place of its own (ANNOTATING), though its letters
    # are the initials of "New Mexico"; used alone ("N.M. officials"), it is the state.
    text = "Voters in New Mexico went to the polls. In Tarrow, N.M., turnout was high."
    reg = _run(text, [("New Mexico", "LOC"), ("Tarrow", "LOC"), ("N.M.", "ORG")])
    assert not _merged(reg, "New Mexico", "N.M.")
    text = "Voters in New Mexico went to the polls. N.M. officials said turnout was high."
    reg = _run(text, [("New Mexico", "LOC"), ("N.M.", "ORG")])
    assert _merged(reg, "New Mexico", "N.M.")


def test_occurrences_are_the_regex_matches() -> None:
    """The literal word search finds exactly what the lookbehind regex it replaced found,
    overlaps, Unicode letters, underscores, hyphens and dots included."""
    import random
    import re

    from newsflow_enrich.stages.alone import capital_word_next
    from newsflow_enrich.stages.registry import occurrences

    rng = random.Random(7)
    alphabet = ["a", "A", "é", "_", "-", ".", " ", "1", "’", "B", "Ω", "\n"]
    forms = ["a", "aa", "A-A", "U.S.", "é1", "a a", "Ωa", "-", ".", "aé"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        form = rng.choice(forms + ["".join(rng.choice(alphabet) for _ in range(2))])
        for before, after in (("", ""), ("-", "-"), (".", "")):
            pattern = rf"(?<![\w{re.escape(before)}])" + re.escape(form) \
                + rf"(?![\w{re.escape(after)}])"  # fmt: skip
            want = [m.span() for m in re.finditer(pattern, text)]
            assert list(occurrences(form, text, before, after)) == want, (form, text)
        upper_next = [m.span() for m in re.finditer(r"(?<![\w-])" + re.escape(form)
                                                    + r"(?![\w-])(?! [A-Z])", text)]  # fmt: skip
        assert list(occurrences(form, text, "-", "-", capital_word_next)) == upper_next, \
            (form, text)  # fmt: skip


def test_a_surname_with_a_particle_used_alone_joins_the_full_name() -> None:
    text = "Chris Van Hollen spoke first.\n\nVan Hollen and others said the plan would fail."
    reg = Registry()
    reg.add("Chris Van Hollen", "PERSON", 0)
    reg.add("Van Hollen", "PERSON", text.index("Van Hollen and"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Van Hollen"] == "Chris Van Hollen"


def test_mr_before_a_word_is_a_person_whatever_spacy_said() -> None:
    text = "Ong Wei Ming, the chief executive, spoke. Mr Ong said costs rose."
    reg = Registry()
    reg.add("Ong Wei Ming", "PERSON", 0)
    reg.add("Mr Ong", "ORG", text.index("Mr Ong"))
    reg.add("Mr Ong", "ORG", text.index("Mr Ong"))
    resolve.run(spacy.blank("en")(text), reg)
    assert "Mr Ong" not in reg.cands
    assert reg.type_of(reg.by_form["Ong"]) == "PERSON"


def test_a_name_glued_after_another_does_not_hide_the_surname() -> None:
    # spaCy tagged "Norhaven Rovers Abel Quist" (a caption's club and manager) as one person.
    text = (
        "Norhaven Rovers Abel Quist watches on. Abel Quist was sacked by Norhaven Rovers. "
        "Quist said he was proud."
    )
    reg = Registry()
    reg.add("Norhaven Rovers Abel Quist", "PERSON", 0)
    reg.add("Abel Quist", "PERSON", text.index("Abel Quist was"))
    reg.add("Norhaven Rovers", "ORG", text.index("Norhaven Rovers."))
    reg.add("Quist", "ORG", text.index("Quist said"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Quist"] == "Abel Quist"
    assert "Norhaven Rovers Abel Quist" not in reg.cands


def test_a_newspaper_is_an_organisation_whatever_spacy_said() -> None:
    text = "The Dunmore Courant reported the sale first, and the Keswick Herald said the same."
    reg = Registry()
    reg.add("Dunmore Courant", "PERSON", text.index("Dunmore"))
    reg.add("Keswick Herald", "LOC", text.index("Keswick"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.type_of("Dunmore Courant") == "ORG"
    assert reg.type_of("Keswick Herald") == "ORG"


def test_a_person_without_the_generation_after_the_name_is_the_person() -> None:
    text = "Marlon Teague III ran for 120 yards. Marlon Teague scored twice. Teague is 19."
    reg = Registry()
    reg.add("Marlon Teague III", "PERSON", 0)
    reg.add("Marlon Teague", "PERSON", text.index("Marlon Teague scored"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Marlon Teague"] == reg.by_form["Teague"] == "Marlon Teague III"


def test_a_british_generation_after_the_name_is_the_same_person() -> None:
    text = (
        "Callum Brodie Jnr was 19. Callum Brodie was his son. His father, Callum Brodie Snr, wept."
    )
    reg = Registry()
    reg.add("Callum Brodie Jnr", "PERSON", 0)
    reg.add("Callum Brodie", "PERSON", text.index("Callum Brodie was"))
    resolve.run(spacy.blank("en")(text), reg)
    assert reg.by_form["Callum Brodie"] == "Callum Brodie Jnr"
