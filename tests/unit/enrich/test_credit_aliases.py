"""An agency credited only under a photo is no alias of the agency the story names
(credits.credit_only, entities._credited). Made-up story and captions."""

from newsflow_enrich.stages import credits, entities

BODY = "The report was first published by the Northern Wire Service (NWS) on Monday."
CAPTIONS = [
    "Crowds gather outside the hall on Friday. (NWS)",
    "The mayor speaks to reporters. (NWS Photo/Jane Roe)",
    "A flooded street in the old town. Jane Roe / NWS file",
]


def _text(*captions: str) -> tuple[str, int]:
    body = "The report was filed on Monday. It was updated later."
    return body + "\n" + "\n".join(captions), len(body)


def test_a_form_printed_only_as_a_photo_credit_is_credit_only() -> None:
    for caption in CAPTIONS:
        text, body_len = _text(caption)
        assert credits.credit_only("NWS", text, body_len), caption


def test_a_form_the_body_or_a_caption_uses_otherwise_is_no_credit() -> None:
    text, body_len = _text("Officers of the NWS patrol the harbour.")
    assert not credits.credit_only("NWS", text, body_len)
    text, body_len = _text("The Harbour Police (NWS) patrol the harbour at night.")
    assert not credits.credit_only("NWS", text, body_len)
    text = BODY + "\n" + CAPTIONS[0]
    assert not credits.credit_only("NWS", text, len(BODY))


def test_the_credit_leaves_the_aliases_of_an_agency_the_story_names() -> None:
    body = "The report was first published by the Northern Wire Service on Monday."
    text = body + "\n" + CAPTIONS[0]
    found = [
        (text.index("Northern"), text.index(" on Monday")),
        (text.rindex("NWS"), len(text) - 1),
    ]
    forms = {"Northern Wire Service", "NWS"}
    assert entities._credited(forms, found, text, len(body)) == {"NWS"}
    # Named only under the photo (or in a credit line): the credit is all there is.
    assert entities._credited(forms, found[1:], text, len(body)) == set()
    body = "The Northern Wire Service contributed to this report."
    text = body + "\n" + CAPTIONS[0]
    found = [
        (text.index("Northern"), text.index(" contributed")),
        (text.rindex("NWS"), len(text) - 1),
    ]
    assert entities._credited(forms, found, text, len(body)) == set()
