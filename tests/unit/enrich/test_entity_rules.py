"""The general rules on names (types, boundaries, acronyms, aliases), on made-up names none of
the curated data knows, so they cannot pass by a lookup."""

from newsflow_contracts.events import ArticleReceived
from newsflow_enrich.pipeline import Enricher

SPORT = """HAMBURG (dpa) - Kestrel United came from behind to beat Real Varnia 3-1 in the league \
on Saturday, with striker Oskar Brenner scoring twice in front of 52,000 fans.

Real Varnia had led through a penalty from Mateo Ruiz, but United dominated the second half. \
"We never stopped believing," coach Lena Vogt said. Brenner, 24, now has 17 goals this season.

United are three points clear at the top. Real Varnia are fourth, and their supporters' \
association said the club would appeal the referee's decision.

Before the match, Harwick and Lowden Police arrested 11 people, the force said. Data compiled \
by dpa show attendance rose 8 percent. Hospitals run by the local charity Safe Haven treated \
six fans. The Brandt union said stewards had not been paid.
"""


def test_clubs_police_forces_agencies_and_named_organisations(enricher: Enricher) -> None:
    """Made-up clubs spaCy does not tag, read as clubs because the story is about sport; an
    'A and B Police' force; a credited agency named in the text; organisations named by the
    noun next to them."""
    ev = enricher.enrich(ArticleReceived.new(text=SPORT))
    by_name = {e.name: e for e in ev.entities}
    assert by_name["Kestrel United"].type == "ORG" and "United" in by_name["Kestrel United"].aliases
    assert by_name["Real Varnia"].type == "ORG" and by_name["Real Varnia"].mentions == 3
    assert "Varnia" not in by_name
    assert by_name["Harwick and Lowden Police"].type == "ORG"
    assert not {"Harwick", "Lowden Police"} & set(by_name)
    assert by_name["dpa"].type == "ORG" and by_name["dpa"].mentions == 2
    assert by_name["Safe Haven"].type == by_name["Brandt"].type == "ORG"
    assert (
        by_name["Oskar Brenner"].type == "PERSON" and "Brenner" in by_name["Oskar Brenner"].aliases
    )


def test_a_credited_agency_is_named_by_its_whole_name(enricher: Enricher) -> None:
    """The first word of a credited agency's name ("Associated" of "Associated Press") names no
    agency."""
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "BRANDVILLE, Ore. (AP) — Associated costs of the Larkin Creek fire rose to $2 "
                "million, county officials said on Tuesday."
            )
        )
    )
    forms = {form for e in ev.entities for form in (e.name, *e.aliases)}
    assert "Associated" not in forms, forms


def test_club_rules_stay_out_of_other_stories(enricher: Enricher) -> None:
    """Outside sport, 'Mexico City' is a place and an initial 'Real' is a word."""
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "MEXICO CITY — Real wages in Mexico City fell 3 percent last year, the statistics "
                "institute INEGI said on Tuesday. Officials in Mexico City said prices rose."
            )
        )
    )
    by_name = {e.name: e for e in ev.entities}
    city = next(e for e in ev.entities if "Mexico City" in {e.name, *e.aliases})
    assert city.type == "LOC"
    assert not any(name.startswith("Real") for name in by_name)


PLACES = """KORVA — A ferry operated by PT Tanjung Biru Lines sank on Tuesday on its way from Kota \
Rendah to Selambu, the National Maritime Safety Board, known by its local acronym KNKS, said.

The ship left Kota Rendah port at midnight. Rescuers searched the coast near Selambu, and \
officials said the risk was highest in Rantau and Ulu Besi districts. Tanjung Biru said it \
would cooperate. Police Korva said Operation Lantern had found 14 survivors. Shares in Marlow \
Paints Inc fell 3 percent; Marlow makes the ship's coatings. The plant's 1,356 MW output was cut.
"""


def test_places_by_context_companies_and_operations(enricher: Enricher) -> None:
    """Made-up names: what makes them places, companies or operations is their context."""
    ev = enricher.enrich(ArticleReceived.new(text=PLACES))
    types = {form: e.type for e in ev.entities for form in (e.name, *e.aliases)}
    for place in ("Kota Rendah", "Selambu", "Rantau", "Ulu Besi"):
        assert types.get(place) == "LOC", (place, types)
    board = next(e for e in ev.entities if "KNKS" in e.aliases)
    assert board.name == "National Maritime Safety Board"
    assert types.get("Marlow") == types.get("Marlow Paints Inc") == "ORG"
    assert types.get("Police Korva") == "ORG"
    assert types.get("Operation Lantern") == "MISC"
    assert "MW" not in types


def test_known_as_acronym_takes_the_whole_name_it_spells(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "MANILA — The state weather agency, the Varnian Atmospheric, Geophysical and "
                "Astronomical Services Administration, known as VAGASA, said up to 480 millimeters of "
                "rain fell. VAGASA said more storms were likely."
            )
        )
    )
    [agency] = [e for e in ev.entities if "VAGASA" in e.aliases]
    assert agency.name == (
        "Varnian Atmospheric, Geophysical and Astronomical Services Administration"
    )
    assert not any(
        e.name.startswith("Varnian Atmospheric") and e is not agency for e in ev.entities
    )


def test_names_trimmed_of_nationality_and_amounts(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "BORMIO — Australian Ben Carver finished second on Tuesday, while the jury fined "
                "Movistar 500 Swiss francs. The group is linked to al-Qaida, officials said."
            )
        )
    )
    names_ = {e.name for e in ev.entities}
    assert "Ben Carver" in names_ and not any(n.startswith("Australian ") for n in names_)
    assert not any("500" in n for n in names_)
    assert "al-Qaida" in names_


def test_surnames_keep_their_particles() -> None:
    from newsflow_enrich.stages import names

    assert names.surname("Jonas Van Assche") == "Van Assche"
    assert names.surname("Ursula von der Leyen") == "von der Leyen"
    assert names.surname("Redur Khalil") == "Khalil"


def test_a_titled_person_in_a_route_stays_a_person(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "KORVA — A letter from President Tomas Ilvenko to Minister Damir Halek was published on "
                "Monday, officials said. Ilvenko said the letter was genuine."
            )
        )
    )
    types = {e.name: e.type for e in ev.entities}
    assert types.get("Tomas Ilvenko") == "PERSON" and types.get("Damir Halek") == "PERSON"


def test_dams_storms_honorifics_and_legal_forms(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "ALOR SETAR — Water in the Pedu Dam fell to 31 percent, said state official Datuk "
                "Zulkifli Hashim, as Typhoon Jongdari moved north. Kessler Antriebstechnik AG recalled "
                "its batteries on Tuesday."
            )
        )
    )
    types = {e.name: e.type for e in ev.entities}
    assert types.get("Pedu Dam") == "LOC"
    assert types.get("Zulkifli Hashim") == "PERSON" and "Datuk Zulkifli Hashim" not in types
    assert types.get("Typhoon Jongdari") == "MISC"
    assert types.get("Kessler Antriebstechnik AG") == "ORG"


def test_acronym_of_a_hyphenated_word_and_a_trailing_place(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "KORVA — Observers from the Council for Trade and Co-operation in Varnia (CTCV) said the "
                "vote was fair. The CTCV will publish its report on Friday."
            )
        )
    )
    [ent] = [e for e in ev.entities if "CTCV" in e.aliases]
    assert ent.name == "Council for Trade and Co-operation in Varnia"


def test_a_team_position_before_a_name_makes_a_person(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "KORVA — Flanker Kenta Valmik scored two tries as Varnia beat Ostland 28-23 in the rugby "
                "test on Saturday. Lock Iwan Prastek was sent to the sin-bin. Scrum-half Shota Merrow "
                "kicked 13 points. Valmik said the scrum had won the match. Prastek apologised."
            )
        )
    )
    people = {e.name: e for e in ev.entities if e.type == "PERSON"}
    assert {"Kenta Valmik", "Iwan Prastek", "Shota Merrow"} <= set(people)
    assert "Valmik" in people["Kenta Valmik"].aliases
    assert not any(e.name in ("Shota", "Flanker Kenta Valmik") for e in ev.entities)


def test_split_agency_names_bracketed_names_surname_particles_and_nearby_places(
    enricher: Enricher,
) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "KORVA — Prosecutor Marieke van Dam said on Monday that police had worked with the "
                "Varnian Agency for Maritime Safety Cooperation (Varmasco) on the case. Varmasco said 14 "
                "suspects were held. The National Food Inspection Agency (Nafia) approved the import. "
                "Nafia said it was safe. A convoy carrying food reached nearby Morvik on Tuesday. The UN "
                "Office for the Coordination of Relief Affairs (OCRA) said 12 trucks entered. OCRA said "
                "more would follow."
            )
        )
    )
    by_name = {e.name: e for e in ev.entities}
    assert by_name["Marieke van Dam"].type == "PERSON"
    assert "Varmasco" in by_name["Varnian Agency for Maritime Safety Cooperation"].aliases
    assert "Nafia" in by_name["National Food Inspection Agency"].aliases
    assert by_name["Morvik"].type == "LOC"
    [ocra] = [e for e in ev.entities if "OCRA" in e.aliases or e.name == "OCRA"]
    assert ocra.name.endswith("Office for the Coordination of Relief Affairs")
    assert not any(
        e.name in ("Varmasco", "Nafia", "Maritime Safety Cooperation") for e in ev.entities
    )


def test_countries_seas_rivers_seeds_and_a_credit_glued_to_a_name(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "Korva, Oct 5 (EFE).- Paraguay's ruling party won most towns on Sunday, officials said. "
                "Mayors in Paraguay are elected in a single round. Refugees from Burkina Faso and Togo "
                "crossed the Valmik River, and the Valmik is still rising. In tennis, fifth seed Davide "
                "Ostrek lost the match and the final set; Ostrek said the tournament was hard."
            )
        )
    )
    by_name = {e.name: e for e in ev.entities}
    assert by_name["Paraguay"].type == by_name["Burkina Faso"].type == "LOC"
    assert "Valmik" in by_name["Valmik River"].aliases
    assert by_name["Davide Ostrek"].type == "PERSON"
    assert not any(")" in e.name for e in ev.entities)


def test_a_mission_is_named_with_its_country(enricher: Enricher) -> None:
    ev = enricher.enrich(
        ArticleReceived.new(
            text=(
                "MOGADISHU — Troops from the African Union Support and Stabilization Mission in Somalia "
                "(AUSSOM) guard the town, officials in Somalia said on Friday."
            )
        )
    )
    names_ = {e.name for e in ev.entities}
    assert "African Union Support and Stabilization Mission in Somalia" in names_
    assert "African Union Support and Stabilization Mission" not in names_


def test_an_organisation_noun_after_a_lower_case_word_is_an_organisation_cue(
    enricher: Enricher,
) -> None:
    """'software firm QuilloX' (no article before the noun) names an organisation, as 'the firm
    QuilloX' does, also where spaCy tagged nothing; 'central bank Governor Ilse Marrant' names a
    governor, not a bank."""
    from newsflow_enrich.stages import entities
    from newsflow_enrich.stages.registry import STRONG

    text = (
        "Tala Okonjo left her job at software firm QuilloX in March, and analysts at market "
        "research firm Fennwick Space said the market had slowed. Rates will stay high, central bank "
        "Governor Ilse Marrant said on Tuesday."
    )
    reg, _ = entities.candidates(enricher.nlp(text), len(text))
    for name in ("QuilloX", "Fennwick Space"):
        assert reg.cands[name].types["ORG"] >= STRONG, dict(reg.cands[name].types)
    assert not [n for n in reg.cands if "Marrant" in n and reg.type_of(n) == "ORG"], reg.cands
