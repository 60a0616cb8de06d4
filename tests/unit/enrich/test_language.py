"""The language test that spares py3langid: English where plainly so, py3langid's answer for
everything else."""

import py3langid
from newsflow_enrich.stages.language import language, plainly_english

ENGLISH = (
    "The council said on Monday that it would cut 450 jobs after the budget was approved. "
    "Officials said the cuts were needed because revenue from the city's parking fees had "
    "fallen, and that they will review them after the election. There was no vote on the "
    "plan, which the mayor's office said would save about $3 million a year from 2027."
)
FRENCH = (
    "Le gouvernement a annoncé lundi une nouvelle réforme des retraites, qui sera présentée au "
    "Parlement la semaine prochaine. Les syndicats ont appelé à la grève générale dans tout le "
    "pays à partir de jeudi, et les transports seront fortement perturbés selon la direction."
)
FINNISH = (
    "Itseajavat autot siirtävät vakuutusvastuun autojen valmistajille. Kuka on Suomen "
    "presidentti? Milloin Sauli Niinistö on syntynyt? Helsinki on Suomen pääkaupunki ja "
    "suurin kaupunki, jossa asuu noin puolitoista miljoonaa ihmistä pääkaupunkiseudulla."
)


def test_plain_english_is_english_without_asking_py3langid() -> None:
    assert plainly_english(ENGLISH)
    assert language(ENGLISH) == "en" == py3langid.classify(ENGLISH)[0]


def test_other_languages_go_to_py3langid() -> None:
    assert not plainly_english(FRENCH) and language(FRENCH) == "fr"
    assert not plainly_english(FINNISH) and language(FINNISH) == "fi"


def test_too_few_words_or_another_script_are_not_plainly_english() -> None:
    assert not plainly_english("The mayor said that the plan would be reviewed.")  # < 40 words
    cyrillic = ENGLISH + " " + "Москва — столица России и крупнейший город страны. " * 3
    assert not plainly_english(cyrillic)


def test_mixed_text_answers_as_py3langid_does() -> None:
    # English first, then more Finnish than English: py3langid says Finnish, and so must we
    mixed = ENGLISH[:200] + "\n\n" + FINNISH * 2
    assert language(mixed) == py3langid.classify(mixed[:5000])[0] == "fi"
