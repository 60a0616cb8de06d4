"""Made-up pages in the layouts met on real-news dev (bench/real), shared by the page tests."""

from newsflow_enrich.stages import metadata, text


def meta(html: str) -> metadata.Metadata:
    return metadata.extract(text.from_html(html), title=None, published_at=None)


STORY = "".join(
    f"<p>The council of Varnhold voted on the plan for the {k}th time on Tuesday, "
    f"and the mayor said the works would start next spring after a long wait.</p>"
    for k in range(1, 6)
)


def page(head: str, top: str, foot: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><header><div>Wednesday, November 20, 2030</div>"
        f"</header><article><h1>Varnhold votes on the bridge plan again</h1>{top}{STORY}"
        f"</article><aside>{foot}</aside></body></html>"
    )


def captions(html: str) -> list[str]:
    """The rules' captions: these pages test the rules (the learned filter, which drops what it
    scores low among them, is test_caption_filter's)."""
    return text.from_html(html, filtered=False).captions


def story_body(html: str) -> str:
    return text.from_html(html).body
