"""A form printed only inside the entity's longer name ("X" of "X of Y", a piece spaCy cut off)
is no alias: the article never uses it alone (entities._to_entities). Made-up names."""

from newsflow_enrich.stages import entities
from newsflow_enrich.stages.registry import Registry


def _aliases(text: str, forms: dict[str, list[str]]) -> dict[str, list[str]]:
    reg = Registry()
    for name, shorts in forms.items():
        reg.add(name, "ORG", text.index(name))
        for short in shorts:
            reg.merge(into=name, form=short)
    spans = entities.mention_spans(reg, text)
    return {e.name: e.aliases for e in entities._to_entities(reg, spans, text, len(text))}


def test_a_piece_of_the_name_printed_only_inside_it_is_no_alias() -> None:
    text = (
        "The Harlow Society of Clockmakers met on Monday. Members of the Harlow Society of "
        "Clockmakers voted. The Delmar Guild of Weavers also met, and the Delmar Guild said no. "
        "The Bright Institute of Fenwick University wrote too."
    )
    got = _aliases(
        text,
        {
            "Harlow Society of Clockmakers": ["Harlow Society"],
            "Delmar Guild of Weavers": ["Delmar Guild"],
            "Bright Institute of Fenwick University": ["Bright Institute"],
        },
    )
    assert got["Harlow Society of Clockmakers"] == []
    assert got["Delmar Guild of Weavers"] == ["Delmar Guild"]  # used alone
    # "of" an organisation: the unit of a parent, whose own name the article may use
    assert got["Bright Institute of Fenwick University"] == ["Bright Institute"]
