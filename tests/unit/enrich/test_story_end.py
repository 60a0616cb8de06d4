"""Where the story ends (stages/story_end.py): the next stories of an infinite scroll, and the
notes closing the story (bench/README.md, "Page text: where the story ends"). Made-up pages in
the shapes met on real dev (newsgram's and theweek's next articles, WSJ's "Write to ...")."""

from newsflow_enrich.stages import chrome, story_end, text
from selectolax.lexbor import LexborHTMLParser as HTMLParser


def _paragraphs(topic: str, n: int) -> list[str]:
    return [f"The council of Varnhold debated the {topic} for the {k}th time on Tuesday, and the "
            f"mayor said a decision would come after a long public consultation." for k in range(n)]  # fmt: skip


MINE = _paragraphs("bridge plan", 4)
NEXT = _paragraphs("harbour tax", 3)


def _article(headline: str, paragraphs: list[str], tag: str = "h1") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<article><{tag}>{headline}</{tag}><div class='post-content'>{body}</div></article>"


def _scroll_page(tag: str = "h1") -> str:
    return (f"<html><head><title>Varnhold votes on the bridge plan - Gazette</title></head><body>"
            f"<div class='main'>{_article('Varnhold votes on the bridge plan', MINE, tag)}"
            f"{_article('Harbour tax divides Varnhold', NEXT, tag)}</div></body></html>")  # fmt: skip


def test_the_next_article_of_an_infinite_scroll_is_not_the_story() -> None:
    for tag in ("h1", "h2"):
        tree = HTMLParser(_scroll_page(tag))
        kept, dropped = story_end.other_articles(
            tree, MINE + NEXT, "Varnhold votes on the bridge plan", chrome.is_storyish
        )
        assert kept == MINE and dropped == NEXT, tag
    body = text.from_html(_scroll_page()).body
    assert all(p in body for p in MINE)
    assert not any(p in body for p in NEXT)


def test_no_article_holding_the_headline_and_the_story_leaves_the_lines_alone() -> None:
    tree = HTMLParser(_scroll_page())
    # the headline found nowhere, or another article's: nothing is dropped
    for title in ("A headline the page never prints", "Harbour tax divides Varnhold"):
        kept, dropped = story_end.other_articles(tree, MINE + NEXT, title, chrome.is_storyish)
        assert kept == MINE + NEXT and dropped == [], title
    # the headline's article holds no story line (a header box; the story printed elsewhere)
    header_only = ("<html><body><article><h1>Varnhold votes on the bridge plan</h1></article>"
                   + "".join(f"<article><p>{p}</p></article>" for p in MINE) + "</body></html>")  # fmt: skip
    kept, _ = story_end.other_articles(HTMLParser(header_only), MINE,
                                       "Varnhold votes on the bridge plan", chrome.is_storyish)  # fmt: skip
    assert kept == MINE


def test_a_line_printed_in_the_story_too_stays_and_nested_articles_are_the_story_s() -> None:
    teaser = MINE[0]  # another article's teaser printing the story's lead
    nested = _paragraphs("ferry", 1)[0]
    page = (f"<html><body><article><h1>Varnhold votes on the bridge plan</h1>"
            f"{''.join(f'<p>{p}</p>' for p in MINE)}<article><p>{nested}</p></article></article>"
            f"<article><h2>Elsewhere</h2><p>{teaser}</p><p>{NEXT[0]}</p></article></body></html>")  # fmt: skip
    kept, dropped = story_end.other_articles(HTMLParser(page), [*MINE, nested, NEXT[0]],
                                             "Varnhold votes on the bridge plan", chrome.is_storyish)  # fmt: skip
    assert kept == [*MINE, nested] and dropped == [NEXT[0]]


def test_the_notes_closing_the_story_are_dropped() -> None:
    notes = ["Write to Jane Roe at jane.roe@example.com",
             "Follow Jane Roe on Twitter.",
             "This story has been updated with additional developments.",
             "AP writer Tom Vale contributed to this report."]  # fmt: skip
    for note in notes:
        assert story_end.closing_notes([*MINE, note]) == (MINE, [note]), note
    assert story_end.closing_notes([*MINE, *notes]) == (MINE, notes)


def test_a_note_shaped_line_inside_the_story_or_a_long_paragraph_stays() -> None:
    inside = "This story has been told many times in Varnhold."
    assert story_end.closing_notes([MINE[0], inside, MINE[1]])[1] == []
    long_one = "This story began " + " ".join(["in the harbour"] * 15) + " last spring."
    assert story_end.closing_notes([*MINE, long_one])[1] == []
    # a body that is only a note keeps it: never every line
    assert story_end.closing_notes(["Follow Jane Roe on Twitter."]) == (
        ["Follow Jane Roe on Twitter."], [])  # fmt: skip


def test_a_closing_note_goes_to_the_chrome_where_its_credited_agency_is_still_read() -> None:
    page = ("<html><body><article><h1>Varnhold votes on the bridge plan</h1>"
            + "".join(f"<p>{p}</p>" for p in MINE)
            + "<p>The Associated Press contributed to this report.</p></article></body></html>")  # fmt: skip
    cleaned = text.from_html(page)
    assert "contributed to this report" not in cleaned.body
    assert "The Associated Press contributed to this report." in cleaned.chrome
    from newsflow_enrich.stages import metadata

    agencies = metadata.extract(cleaned, title=None, published_at=None).agencies
    assert "Associated Press" in agencies


def _boxed_page(box: str) -> str:
    story = "".join(f"<p>{p}</p>" for p in MINE)
    return f"<html><body><article><h1>Varnhold votes</h1><div>{story}{box}</div></article></body></html>"


def test_a_box_under_a_heading_after_the_story_ends_it() -> None:
    links = ["Harbour tax divides Varnhold", "Ferry strike ends"]
    box = (
        "<h3>More coverage</h3><ul>"
        + "".join(f"<li><a href='/x'>{t}</a></li>" for t in links)
        + "</ul>"
    )
    lines = [*MINE, "More coverage", *[f"- {t}" for t in links]]
    kept, dropped = story_end.box_after(HTMLParser(_boxed_page(box)), lines, chrome.is_storyish,
                                        text._story_resumes)  # fmt: skip
    assert kept == MINE and dropped == lines[len(MINE) :]


def test_a_heading_the_story_resumes_after_or_a_closing_list_of_the_story_stays() -> None:
    # a subhead with two paragraphs of prose after it: the story goes on
    sub = "<h2>What comes next</h2>" + "".join(f"<p>{p}</p>" for p in NEXT[:2])
    lines = [*MINE, "What comes next", *NEXT[:2]]
    kept, dropped = story_end.box_after(HTMLParser(_boxed_page(sub)), lines, chrome.is_storyish,
                                        text._story_resumes)  # fmt: skip
    assert kept == lines and dropped == []
    # a closing section listing items that are no links ("Qualified teams" and its items)
    items = ["England (Group A): 10th appearance", "Spain (Group F): 11th appearance"]
    listed = "<h3>Qualified teams</h3><ul>" + "".join(f"<li>{t}</li>" for t in items) + "</ul>"
    lines = [*MINE, "Qualified teams", *[f"- {t}" for t in items]]
    kept, dropped = story_end.box_after(HTMLParser(_boxed_page(listed)), lines, chrome.is_storyish,
                                        text._story_resumes)  # fmt: skip
    assert kept == lines and dropped == []
    # a heading before the story has started (a dek under an h2) is no end
    lines = ["More coverage", *MINE]
    box = "<h3>More coverage</h3>"
    assert story_end.box_after(HTMLParser(_boxed_page(box)), lines, chrome.is_storyish,
                               text._story_resumes) == (lines, [])  # fmt: skip


def test_a_section_printed_in_lines_cut_short_after_a_heading_stays() -> None:
    # webmd's "<br>"-broken paragraphs: no line reads as a paragraph of prose, but the words
    # after the heading are the story's, not a box's links
    cut = ["Allergies to peanuts and other foods are on the rise in the country, where",
           "more than two in a hundred people react to peanuts, a fourfold increase since",
           "the last survey, and reactions to tree nuts can be especially severe for the",
           "youngest children, the doctors who ran the study said."]  # fmt: skip
    section = "<h3>A change in guidelines?</h3><p>" + "<br>".join(cut) + "</p>"
    lines = [*MINE, "A change in guidelines?", *cut]
    kept, dropped = story_end.box_after(HTMLParser(_boxed_page(section)), lines, chrome.is_storyish,
                                        text._story_resumes)  # fmt: skip
    assert kept == lines and dropped == []


def test_a_closing_section_of_short_sentences_under_a_subhead_stays() -> None:
    # healthline's "The bottom line": two short paragraphs, neither of 15 words, no links
    closing = ["Binge eating is a condition that affects many people.",
               "With the right help it can be overcome."]  # fmt: skip
    section = "<h2>The bottom line</h2>" + "".join(f"<p>{t}</p>" for t in closing)
    lines = [*MINE, "The bottom line", *closing]
    kept, dropped = story_end.box_after(HTMLParser(_boxed_page(section)), lines, chrome.is_storyish,
                                        text._story_resumes)  # fmt: skip
    assert kept == lines and dropped == []
    # the same heading over a box of links is a box
    box = "<h2>The bottom line</h2>" + "".join(f"<p><a href='/x'>{t}</a></p>" for t in closing)
    kept, dropped = story_end.box_after(HTMLParser(_boxed_page(box)), lines, chrome.is_storyish,
                                        text._story_resumes)  # fmt: skip
    assert kept == MINE and dropped == lines[len(MINE) :]
