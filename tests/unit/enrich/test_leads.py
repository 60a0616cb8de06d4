"""The story's lead paragraph printed in a box of its own before the other paragraphs
(`stages/leads.py`)."""

from newsflow_enrich.stages import chrome, leads
from selectolax.lexbor import LexborHTMLParser as HTMLParser

LEAD = ("With the harbour road closed for a third week, the council of Varnhold has asked the "
        "port authority to open the old quay to lorries before the winter storms arrive.")  # fmt: skip
NEXT = ("The mayor said on Tuesday that the works on the bridge would go on until the spring, "
        "and that the town could not wait that long.")  # fmt: skip
LAST = "Residents of the harbour district say they were never asked about the plan at all."


def _lines(tree: HTMLParser) -> list[str]:
    return leads.lead(tree, [NEXT, LAST], chrome.is_storyish)


def test_a_lead_in_a_teaser_box_before_the_story_box_is_the_story_s_first_paragraph() -> None:
    tree = HTMLParser(f"<html><body><article><h1>Varnhold asks for the old quay</h1>"
                      f"<div class='teaser'><section><p>{LEAD}</p><div><a href='/subscribe'>"
                      f"Support our journalism. Subscribe today.</a></div></section></div>"
                      f"<div class='rest'><p>{NEXT}</p><p>{LAST}</p></div></article></body></html>")  # fmt: skip
    assert _lines(tree) == [LEAD, NEXT, LAST]  # the box's paragraph, not its promo link


def test_a_drop_cap_printed_apart_is_put_back_on_the_first_paragraph() -> None:
    tree = HTMLParser(f"<html><body><div><span class='cap'>W</span><p>{LEAD[1:]}</p></div>"
                      f"<div><p>{NEXT}</p></div></body></html>")  # fmt: skip
    assert leads.lead(tree, [LEAD[1:], NEXT], chrome.is_storyish) == [LEAD, NEXT]


def test_a_heading_a_caption_or_a_box_of_links_before_the_story_is_no_lead() -> None:
    before = [
        f"<h2>{LEAD}</h2>",
        f"<figure><img src='quay.jpg'><figcaption>{LEAD}</figcaption></figure>",
        f"<div class='related'><p><a href='/a'>{LEAD}</a></p></div>",
        "<div class='dek'><p>Varnhold asks for the old quay</p></div>",  # short, no sentence
    ]
    for box in before:
        tree = HTMLParser(f"<html><body><article>{box}<div><p>{NEXT}</p><p>{LAST}</p></div>"
                          f"</article></body></html>")  # fmt: skip
        assert _lines(tree) == [NEXT, LAST], box


def test_the_page_s_summary_printed_under_the_headline_is_its_dek_not_its_lead() -> None:
    tree = HTMLParser(f"<html><head><meta name='description' content='{LEAD}'></head><body>"
                      f"<article><div class='dek'><p>{LEAD}</p></div><div><p>{NEXT}</p>"
                      f"<p>{LAST}</p></div></article></body></html>")  # fmt: skip
    assert _lines(tree) == [NEXT, LAST]


def test_a_first_paragraph_opening_with_its_dateline_is_the_lead() -> None:
    first = "VARNHOLD (Reuters) — " + NEXT
    tree = HTMLParser(f"<html><body><article><div class='intro'><p>{LEAD}</p></div><div>"
                      f"<p>{first}</p><p>{LAST}</p></div></article></body></html>")  # fmt: skip
    assert leads.lead(tree, [first, LAST], chrome.is_storyish) == [first, LAST]


def test_a_dateline_printed_in_an_element_of_its_own_before_the_lead_opens_the_story() -> None:
    tree = HTMLParser(f"<html><body><article><div><span class='dateline'>VARNHOLD, Ostra —"
                      f"</span><p>{NEXT}</p><p>{LAST}</p></div></article></body></html>")  # fmt: skip
    assert _lines(tree) == ["VARNHOLD, Ostra —", NEXT, LAST]
