"""A name misspelt in one word (stages/misspelt.py, after the typer). Made-up names."""

from newsflow_enrich.stages import misspelt
from newsflow_enrich.stages.registry import Registry


def _reg(*named: tuple[str, str, int]) -> Registry:
    reg = Registry()
    for name, type_, times in named:
        for k in range(times):
            reg.add(name, type_, k)
    return reg


def test_one_word_misspelt_is_the_name_printed_more_often() -> None:
    reg = _reg(("Porta de Valmerio", "LOC", 3), ("Porta de Valmeiro", "LOC", 1),
               ("Brother Tarquin", "PERSON", 2), ("Brother Tarqiin", "PERSON", 1))  # fmt: skip
    misspelt.merge(reg)
    assert reg.by_form["Porta de Valmeiro"] == "Porta de Valmerio"  # two letters swapped
    assert reg.by_form["Brother Tarqiin"] == "Brother Tarquin"  # one letter changed


def test_one_letter_changed_in_a_one_word_name_or_at_a_word_s_end_is_someone_else() -> None:
    reg = _reg(("Dellamy", "PERSON", 2), ("Dellomy", "PERSON", 1),
               ("Renata Osk", "PERSON", 2), ("Renato Osk", "PERSON", 1),
               ("Kessel 117th Road", "LOC", 1), ("Kessel 118th Road", "LOC", 1))  # fmt: skip
    misspelt.merge(reg)
    assert reg.by_form["Dellomy"] == "Dellomy"
    assert reg.by_form["Renato Osk"] == "Renato Osk"
    assert reg.by_form["Kessel 118th Road"] == "Kessel 118th Road"
