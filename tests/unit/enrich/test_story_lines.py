"""Story lines of HTML pages: trafilatura's precision mode bounds the story, its default mode
fills what precision drops inside it (bench/README.md, "Real news pages")."""

from newsflow_enrich.stages import chrome, chunks, text
from selectolax.lexbor import LexborHTMLParser as HTMLParser


def _para(k: int) -> str:
    return (f"<div><p class='copy'>The council of Varnhold voted on the plan for the {k}th time on "
            f"Tuesday, and the mayor said the works would start next spring.</p></div>")  # fmt: skip


# Precision mode drops a paragraph that opens with an empty bold element (met on a real page).
INSIDE = ("Many residents fear the works will close the harbour road for years and say they "
          "were never asked about the plan.")  # fmt: skip


def _page(body: str) -> str:
    return (f"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
            f"<h1>Varnhold votes on the bridge plan</h1>{body}</article>"
            f"<footer><p>Varnhold Gazette is the town's oldest independent newspaper and has "
            f"served its readers for more than a century.</p></footer></body></html>")  # fmt: skip


def test_a_paragraph_precision_mode_drops_inside_the_story_is_kept() -> None:
    html = _page(_para(1) + _para(2) + f"<div><p class='copy'><b></b>{INSIDE}</p></div>"
                 + _para(3) + _para(4))  # fmt: skip
    body = text.from_html(html).body
    assert INSIDE in body
    assert body.index("2th time") < body.index(INSIDE) < body.index("3th time")
    assert "oldest independent newspaper" not in body


def test_lines_only_the_default_mode_has_before_or_after_the_story_are_left_out() -> None:
    precise = ["Lead paragraph.", "Second paragraph.", "Last paragraph."]
    full = ["Home | News", "Lead paragraph.", "Inside paragraph.", "Second paragraph.",
            "Last paragraph.", "Sign up for our newsletter", "About us"]  # fmt: skip
    assert text._merge(precise, full) == ["Lead paragraph.", "Inside paragraph.",
                                          "Second paragraph.", "Last paragraph."]  # fmt: skip
    # a line only precision mode has (split differently) stays where it was
    assert text._merge(["A.", "B b.", "C."], ["A.", "B", "b.", "C."]) == ["A.", "B b.", "C."]


def test_a_dateline_after_a_title_byline_date_and_dek_is_found() -> None:
    from newsflow_enrich.stages import metadata

    body = ("- Varnhold votes on the bridge plan again ..\n\nAnna Berg (@aberg) 12 minutes ago\n\n"
            "Wed 29th April 2030 | 03:32 PM\n\nThe council said the works would start next spring.\n\n"
            "VARNHOLD (Gazette / AFP - 29th April, 2030) The council said the works would start.")  # fmt: skip
    assert metadata.dateline(body) == ("VARNHOLD", "Gazette / AFP - 29th April, 2030")
    # a team's record in brackets is no agency, and the team no dateline
    assert metadata.dateline("Palm Bay (1-0): Tolivert 25 points. Davis 17 points.") == (None, None)


def test_a_page_laid_out_in_a_table_keeps_its_json_ld_date() -> None:
    # trafilatura, told to leave tables out, returns no document for a story in a layout table,
    # and with it no date: htmldate's search of the page finds the JSON-LD one.
    rows = "".join(f"<tr><td><p>{_para(k)}</p></td></tr>" for k in range(1, 6))
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2024-09-29 23:43:13"}</script></head><body>'
            f"<table><tr><td><h1>Varnhold votes</h1></td></tr>{rows}</table></body></html>")  # fmt: skip
    cleaned = text.from_html(html)
    assert "3th time" in cleaned.body
    assert cleaned.meta_date is not None and cleaned.meta_date.startswith("2024-09-29")


def _chunk(ks: range, who: str) -> str:
    paras = "".join(f"<p>The {who} of Varnhold met for the {k}th time on Tuesday, and the mayor "
                    f"said the works on the harbour bridge would start next spring.</p>"
                    for k in ks)  # fmt: skip
    return (f"<div class='grid grid-items-2'><div class='grid-item body article-body'>{paras}"
            f"</div><div class='grid-item aside'></div></div>")  # fmt: skip


def test_a_story_cut_into_chunks_of_one_kind_is_read_whole() -> None:
    # wired.com's layout: the story in boxes of one class with an ad between them; trafilatura
    # took the first box only.
    html = _page("<div class='chunks'>" + _chunk(range(1, 5), "council")
                 + "<div class='row ad'><div class='ad-slot'>Advertisement</div></div>"
                 + _chunk(range(5, 9), "harbour board") + "</div>")  # fmt: skip
    body = text.from_html(html).body
    assert body.count("harbour board") == 4
    assert body.index("4th time") < body.index("5th time") < body.index("8th time")
    assert "Advertisement" not in body and "oldest independent newspaper" not in body


def test_when_the_two_modes_read_different_parts_the_one_with_more_prose_is_the_story(
    monkeypatch,
) -> None:
    # Met on a real page: precision mode took the comment policy box, the default mode the story.
    policy = ("Comments are encouraged, but you must follow our user agreement and keep it civil "
              "and on topic, or your comment will be removed by the moderators.")  # fmt: skip
    story = [f"The council of Varnhold voted on the plan for the {k}th time on Tuesday, and the "
             f"mayor said the works would start next spring after a long wait." for k in (1, 2, 3)]  # fmt: skip

    class Doc:
        def __init__(self, lines: list[str]) -> None:
            self.text = "\n".join(lines)

    def extract(html: str, **kw: object) -> Doc:
        return Doc([policy] if kw.get("favor_precision") else story)

    monkeypatch.setattr(text.trafilatura, "bare_extraction", extract)
    assert text._story_lines("<html></html>")[1] == story


def test_a_bare_list_of_names_after_the_story_is_not_story() -> None:
    # A survey's panel roster appended to the story (a real page printed 360 names so): the
    # names are nobody the story speaks of, and become hundreds of spurious people.
    roster = ("<p><b>Varnland: </b><i>Anna Berg, Tomas Lind, Eva Holm, BJ Nikkel, Karl Dahl, "
              "Ida Strand, Jon van Dijk, Per Ek</i></p>")  # fmt: skip
    body = text.from_html(_page(_para(1) + _para(2) + _para(3) + roster)).body
    assert "Tomas Lind" not in body and "3th time" in body
    # a sentence naming people, or a line of scores, stays
    names = ("<p>Those who spoke were Anna Berg, Tomas Lind, Eva Holm, Karl Dahl, Ida Strand "
             "and Per Ek.</p>")  # fmt: skip
    scores = "<p>Varnhold: Berg 12, Lind 10, Holm 8, Dahl 6, Strand 4, Ek 2, Nord 2</p>"
    body = text.from_html(_page(_para(1) + names + scores + _para(2))).body
    assert "Tomas Lind" in body and "Lind 10" in body


LINKED = ("Taking place at the Varnhold leisure centre on Park Lane, the indoor market will open "
          "the festivities with more than sixty stalls.")  # fmt: skip
HEADLINE = "Varnhold harbour board names a new chair after a long search for the right candidate"
PARAS = [f"The council of Varnhold voted on the plan for the {k}th time on Tuesday, and the mayor "
         f"said the works would start next spring." for k in range(1, 7)]  # fmt: skip


def test_a_paragraph_dropped_between_two_of_the_story_s_paragraphs_in_its_box_is_kept() -> None:
    # trafilatura drops a paragraph wholly linked in both modes; printed between two of the
    # story's paragraphs in their box, it is one more of them.
    html = _page("<div class='body'>" + "".join(f"<p>{p}</p>" for p in PARAS[:3])
                 + f"<p><a href='/market'>{LINKED}</a></p>"
                 + "".join(f"<p>{p}</p>" for p in PARAS[3:]) + "</div>")  # fmt: skip
    body = text.from_html(html).body
    assert body.index("3th time") < body.index(LINKED) < body.index("4th time")


def test_only_prose_between_the_story_s_own_paragraphs_is_added() -> None:
    # A linked headline (no sentence end) between them, or prose after the last, is not.
    tree = HTMLParser("<div>" + "".join(f"<p>{p}</p>" for p in PARAS[:2])
                      + f"<p><a href='/x'>{HEADLINE}</a></p><p>{LINKED}</p>" + f"<p>{PARAS[2]}</p>"
                      + f"<p>{INSIDE}</p></div>")  # fmt: skip
    got = chunks.among(tree, PARAS[:3], chrome.is_storyish)
    assert got == [*PARAS[:2], LINKED, PARAS[2]]


def test_chunks_whose_repeated_box_is_four_levels_up_are_read_whole() -> None:
    # wired.com's later layout: paragraphs in a container, in a body wrapper, in a grid item,
    # in the grid box that repeats after an embed.
    def chunk(ks: range, who: str) -> str:
        paras = "".join(f"<p>The {who} of Varnhold met for the {k}th time on Tuesday, and the "
                        f"mayor said the works on the bridge would start next spring.</p>"
                        for k in ks)  # fmt: skip
        return (f"<div class='grid grid-items-2'><div class='grid-item content'><div class="
                f"'body article-body'><div class='inner'>{paras}</div></div></div></div>")  # fmt: skip

    html = _page(
        "<div class='chunks'>"
        + chunk(range(1, 5), "council")
        + "<div class='embed'><p>This content can also be viewed on the site it "
        "originates from.</p></div>" + chunk(range(5, 9), "harbour board") + "</div>"
    )
    body = text.from_html(html).body
    assert body.count("harbour board") == 4
    assert body.index("4th time") < body.index("5th time") < body.index("8th time")


def test_a_time_printed_on_the_searched_day_is_read_without_a_meta_date() -> None:
    # No date meta tag and no label before the printed date ("5/24/2016<br>02:05 PM"): the day
    # htmldate's search finds makes the printed date near it the article's, with its time.
    html = ("<html><body><div><span class='smaller'>5/24/2016<br>02:05 PM</span></div>"
            "<article><h1>Varnhold votes on the bridge plan</h1>"
            + "".join(_para(k) for k in range(1, 5)) + "</article></body></html>")  # fmt: skip
    assert text.from_html(html).printed_date == "2016-05-24T14:05:00"
