"""bench/quality on the real news pages: the locked test split is never scored by default, and
the annotators' agreement beside each field is the second annotation read against the first."""

import argparse
import json
from pathlib import Path

from bench.quality import LOCKED, REAL, agreement, dev_names, load_cases, pages_at, site_halves
from bench.quality import _select as select

MANIFEST = REAL.parent / "manifest.json"


def _args(**kw: object) -> argparse.Namespace:
    return argparse.Namespace(
        **{"test": False, "split": "all", "half": None, "added_since": None, "held_at": None, **kw}
    )


def test_the_locked_split_is_left_out_unless_asked_for() -> None:
    cases = [(n, None, {"split": s}) for n, s in
             (("a", "real-dev"), ("b", LOCKED), ("c", "real-dev"))]  # fmt: skip
    assert [c[0] for c in select(cases, _args())] == ["a", "c"]
    assert [c[0] for c in select(cases, _args(test=True))] == ["a", "b", "c"]
    assert [c[0] for c in select(cases, _args(test=True, split=LOCKED))] == ["b"]


def test_added_since_and_held_at_split_the_real_pages_by_a_revision() -> None:
    held = pages_at("HEAD")
    first = json.loads(MANIFEST.read_text("utf-8"))[0]["name"]
    assert first in held and "not-a-page" not in held
    cases = [(first, None, {"split": "real-dev"}), ("not-a-page", None, {"split": "real-dev"}),
             ("written-one", None, {"split": "dev"})]  # fmt: skip
    assert [c[0] for c in select(cases, _args(added_since="HEAD"))] == ["not-a-page", "written-one"]
    assert [c[0] for c in select(cases, _args())] == [first, "not-a-page", "written-one"]
    assert [c[0] for c in select(cases, _args(held_at="HEAD"))] == [first, "written-one"]


def test_the_halves_keep_each_site_whole_and_both_hold_dev_pages() -> None:
    from urllib.parse import urlparse

    pages = json.loads(MANIFEST.read_text("utf-8"))
    halves = site_halves()
    of_site: dict[str, set[str]] = {}
    for m in pages:
        host = (urlparse(m.get("url") or "").hostname or m["source"]).removeprefix("www.")
        of_site.setdefault(host, set()).add(halves[m["name"]])
    assert all(len(h) == 1 for h in of_site.values())
    dev = [halves[m["name"]] for m in pages if m["split"] == "dev"]
    assert min(dev.count("a"), dev.count("b")) >= len(dev) // 3
    cases = [(m["name"], None, {"split": f"real-{m['split']}"}) for m in pages]
    chosen = select(cases, _args(half="a"))
    assert chosen and all(halves[c[0]] == "a" and c[2]["split"] != LOCKED for c in chosen)


def test_a_trainer_reads_the_dev_pages_alone(tmp_path: Path) -> None:
    (tmp_path / "kept.txt").write_text("Three people were hurt.", "utf-8")
    (tmp_path / "kept.gold.json").write_text('{"split": "real-dev"}', "utf-8")
    (tmp_path / "locked.json").write_text("not JSON: reading it would fail", "utf-8")
    (tmp_path / "locked.gold.json").write_text("not JSON either", "utf-8")
    assert [c[0] for c in load_cases(tmp_path, {"kept"})] == ["kept"]
    pages = json.loads(MANIFEST.read_text("utf-8"))
    names = dev_names()
    assert names == {m["name"] for m in pages if m["split"] == "dev"}
    assert not names & {m["name"] for m in pages if m["split"] == "test"}


def test_every_real_gold_carries_its_manifest_split() -> None:
    split = {m["name"]: m["split"] for m in json.loads(MANIFEST.read_text("utf-8"))}
    golds = list(REAL.glob("*.gold.json"))
    assert golds, "no real gold yet"
    for path in golds:
        name = path.name.removesuffix(".gold.json")
        assert json.loads(path.read_text("utf-8"))["split"] == f"real-{split[name]}", name


def test_a_second_annotation_equal_to_the_first_agrees_fully(tmp_path: Path) -> None:
    cases = [c for c in load_cases(REAL) if c[2]["split"] == "real-dev"][:2]
    for name, _, gold in cases:
        (tmp_path / f"{name}.gold.json").write_text(json.dumps(gold), "utf-8")
    preds = [{"body": "\n".join(g["story_lines"]), "captions": g["captions"]} for _, _, g in cases]
    agree = agreement(cases, preds, tmp_path)
    scores, n = agree["real-dev"]
    assert n == 2
    for key in ("entities PERSON", "figures value", "figures +object+event", "meta (all fields)"):
        assert scores.prf[key].row()["f1"] == 1.0, key


def test_a_second_annotation_that_misses_a_figure_costs_recall(tmp_path: Path) -> None:
    name, _, gold = next(c for c in load_cases(REAL) if c[2]["split"] == "real-dev"
                         and len(c[2]["figures"]) > 2)  # fmt: skip
    second = {**gold, "figures": gold["figures"][1:]}
    (tmp_path / f"{name}.gold.json").write_text(json.dumps(second), "utf-8")
    pred = {"body": "\n".join(gold["story_lines"]), "captions": gold["captions"]}
    scores, _ = agreement([(name, None, gold)], [pred], tmp_path)["real-dev"]
    n = len(gold["figures"])
    assert scores.prf["figures value"].row()["r"] == (n - 1) / n
    assert scores.prf["figures value"].row()["p"] == 1.0
