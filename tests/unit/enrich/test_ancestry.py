from newsflow_enrich.stages import ancestry
from selectolax.lexbor import LexborHTMLParser

PAGE = "<html><body><article><figure><a href='/x'><img src='p.jpg'></a></figure></article></body></html>"


def _tags(nodes):
    return [n.tag for n in nodes]


def test_boxes_walk_from_the_innermost_out_to_the_root():
    img = LexborHTMLParser(PAGE).css_first("img")
    assert _tags(ancestry.boxes(img)) == ["a", "figure", "article", "body", "html", "-document"]
    assert _tags(ancestry.boxes(img, self_too=True))[:2] == ["img", "a"]


def test_boxes_stop_below_the_page_or_at_a_given_box_which_they_do_not_yield():
    tree = LexborHTMLParser(PAGE)
    img, fig = tree.css_first("img"), tree.css_first("figure")
    assert _tags(ancestry.boxes(img, below=ancestry.PAGE)) == ["a", "figure", "article"]
    assert _tags(ancestry.boxes(img, self_too=True, within=fig)) == ["img", "a"]
    assert list(ancestry.boxes(fig, self_too=True, within=fig)) == []
