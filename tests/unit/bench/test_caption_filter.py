"""bench/caption_filter_train.py: the candidates carry the caption rules' verdict, the rules'
choice from them is captions.captions', and a filter may drop a kept caption or add a rejected
one."""

from newsflow_enrich.stages import captions
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from bench.caption_filter_train import candidates, chosen, features

PAGE = """<html><body><h1>Ferry service to Tolmere resumes</h1>
<figure><img src="/p/quay.jpg"><figcaption>The ferry at Tolmere quay on Monday.
<span class="credit">Ana Rusk / Harbour Post</span></figcaption></figure>
<p>The ferry service resumed on Monday after a week of repairs to the quay.</p>
<div class="related-stories"><figure><a href="/quarry-lane"><img src="/p/bridge.jpg"></a>
<figcaption>Quarry Lane bridge closes for the winter</figcaption></figure></div>
</body></html>"""


def _cands() -> list[tuple[str, str, str, str]]:
    tree = HTMLParser(PAGE)
    return [(line, src, verdict, captions._photo_of(node))
            for node, line, src, verdict in candidates(tree)]  # fmt: skip


def test_a_figure_in_a_related_box_is_a_candidate_the_rules_reject() -> None:
    verdicts = {line.split()[0]: verdict for line, _, verdict, _ in _cands()}
    assert verdicts == {"The": "kept", "Quarry": "elsewhere"}


def test_the_rules_choice_from_the_candidates_is_the_rules_captions() -> None:
    cands = _cands()
    assert chosen(cands, [c[2] == "kept" for c in cands]) == captions.captions(HTMLParser(PAGE))
    assert chosen(cands, [True, True]) == [c[0] for c in cands]  # a filter adding the other one
    assert chosen(cands, [False, False]) == []


def test_features_name_the_verdict_and_the_box() -> None:
    tree = HTMLParser(PAGE)
    found = candidates(tree)
    kept, related = features(tree, found, classes=True)
    assert "v=kept" in kept and "credit=True" in kept
    assert "v=elsewhere" in related and "in=elsewhere-class" in related
    assert any(f.startswith("c") and "related" in f for f in related)
    assert not any(f.startswith("c") and "related" in f for f in features(tree, found)[1])


STORY = " ".join(["The ferry service resumed on Monday after a week of repairs to the quay."] * 2)
COLUMN = f"""<html><body><div class="rail"><div><img src="/p/bus.jpg" alt="Buses at the quay">
<p class="caption">Buses replace the ferry</p></div></div>
<div class="story"><h1>Ferry service to Tolmere resumes</h1>
<figure><img src="/p/quay.jpg" alt="The ferry at Tolmere quay"><figcaption>The ferry at Tolmere
quay on Monday.</figcaption></figure><p>{STORY}</p><p>{STORY}</p><p>{STORY}</p></div>
</body></html>"""


def test_placement_says_how_far_the_story_column_is_and_what_the_photo_says() -> None:
    tree = HTMLParser(COLUMN)
    found = candidates(tree)
    by_first = {
        line.split()[0]: f
        for (_, line, _, _), f in zip(found, features(tree, found, more=True), strict=True)
    }
    figure, rail = by_first["The"], by_first["Buses"]
    # the figure sits in the story's column, with the headline; the rail's box reaches the
    # story's paragraphs only at the page's body
    assert "story_up=0" in figure and "story_h1=True" in figure and "anc=figure" not in figure
    assert "story_up=1" in rail and "story_h1=True" in rail  # (body: 3 levels up)
    assert "alt_share=0.75" in figure and "media_up=0" in figure
    assert "alt_share=0.5" in rail and "media_up=1" in rail
    assert not any(f.startswith("story_") for f in features(tree, found, more=False)[0])
