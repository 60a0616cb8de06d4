"""bench/merge_pairs.py: the pairs are entities left apart that share a word and are both
matched to gold, labelled by whether the gold holds them in one entity."""

from bench.merge_pairs import pairs


def _ent(name: str, type_: str, start: int) -> dict:
    return {
        "name": name,
        "type": type_,
        "aliases": [],
        "mentions": 1,
        "spans": [[start, start + 1]],
    }


def test_pairs_are_word_sharing_entities_labelled_by_the_gold() -> None:
    gold = {
        "entities": [
            {"name": "Dana Whitlock", "type": "PERSON", "aliases": ["Whitlock"]},
            {"name": "Whitlock Mills", "type": "ORG", "aliases": []},
            {"name": "Port Avery", "type": "LOC", "aliases": []},
        ]
    }
    event = {
        "entities": [
            _ent("Dana Whitlock", "PERSON", 0),
            _ent("Whitlock", "PERSON", 40),
            _ent("Whitlock Mills", "ORG", 20),
            _ent("Port Avery", "LOC", 60),
            _ent("Avery Hall", "ORG", 80),  # no gold entity: no pair
        ]
    }
    got = {p[3]: p[1] for p in pairs(("page", None, gold), event)}
    assert got == {
        ("Dana Whitlock", "Whitlock"): 1.0,
        ("Dana Whitlock", "Whitlock Mills"): 0.0,
        ("Whitlock", "Whitlock Mills"): 0.0,
    }
