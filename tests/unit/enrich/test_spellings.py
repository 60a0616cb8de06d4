"""One organisation or place spelt two ways (stages/spellings.py). Made-up names."""

from newsflow_enrich.stages import resolve, spellings
from newsflow_enrich.stages.registry import Registry


def _merged(type_: str, *names: str) -> Registry:
    reg = Registry()
    for k, name in enumerate(names):
        reg.add(name, type_, k * 100)
        reg.cands[name].learned_type = type_
    spellings.merge(reg)
    return reg


def test_and_apostrophes_plurals_and_case_are_one_spelling() -> None:
    for type_, a, b in [
        ("ORG", "Heron & Vale Trust", "Heron and Vale Trust"),
        ("LOC", "Marrow's Island", "Marrow Island"),
        ("ORG", "Kell County Schools System", "Kell County School System"),
        ("ORG", "Brindle-Cove Authority", "BRINDLE COVE AUTHORITY"),
    ]:
        reg = _merged(type_, a, b)
        assert len(reg.cands) == 1, (a, b)


def test_an_office_named_with_its_head_first_or_last_is_one_name() -> None:
    reg = _merged("ORG", "Department of Harbour Works", "Harbour Works Department")
    assert len(reg.cands) == 1
    reg = _merged("ORG", "Office of the Warden", "Warden’s Office")
    assert len(reg.cands) == 1


def test_other_words_types_or_orders_stay_apart() -> None:
    for type_, names in [
        ("ORG", ("University of Tarnby", "Tarnby University")),  # two universities
        ("ORG", ("Heron Vale Trust", "Heron Vale Fund")),
        ("ORG", ("Quenby", "Quenbys")),  # one word
    ]:
        assert len(_merged(type_, *names).cands) == 2, names
    reg = Registry()
    reg.add("Marrow's Island", "LOC", 0)
    reg.cands["Marrow's Island"].learned_type = "LOC"
    reg.add("Marrow Island", "ORG", 50)
    reg.cands["Marrow Island"].learned_type = "ORG"
    spellings.merge(reg)
    assert len(reg.cands) == 2


def test_the_name_printed_more_often_is_kept() -> None:
    text = "Heron and Vale Trust said. Heron and Vale Trust agreed. Heron & Vale Trust added."
    reg = Registry()
    reg.add("Heron and Vale Trust", "ORG", 0)
    reg.add("Heron and Vale Trust", "ORG", 27)
    reg.add("Heron & Vale Trust", "ORG", text.index("Heron &"))
    for c in reg.cands.values():
        c.learned_type = "ORG"
    resolve.after_typer(reg, text)
    assert "Heron and Vale Trust" in reg.cands
    assert "Heron & Vale Trust" in reg.cands["Heron and Vale Trust"].forms
