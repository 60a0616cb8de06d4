"""A page's calls to follow it on a social network are chrome the real gold leaves out (bench/real
dev, session 25: "Follow the series on Facebook, Twitter and Instagram.", "Like YIMBY on
Facebook"): made-up lines of the same shapes. The network the story names stays an entity."""

from newsflow_contracts.events import ArticleReceived
from newsflow_enrich.pipeline import Enricher
from newsflow_enrich.stages.credits import credit_ranges


def _covered(text: str) -> list[str]:
    return sorted({text[a:b] for a, b in credit_ranges(text)})


def test_calls_to_follow_on_a_network_are_credit_ranges() -> None:
    for line in ("Follow the Harbour Weekly series on Instagram and TikTok.",
                 "Like Norvale Today on Facebook",
                 "Join the Corran Post WhatsApp community!",
                 "Follow Mira: Twitter/X, Threads and Bluesky",
                 "Please follow Velsby News on YouTube to get the latest videos",
                 "Twitter: @harbourweekly"):  # fmt: skip
        assert _covered(line) == [line], line


def test_a_network_the_story_names_is_no_call_to_follow() -> None:
    for line in ("She posted the video on Instagram on Sunday.",
                 "Like many teachers on Facebook, she shared the letter.",
                 "Like Instagram chief Tova Lind, TikTok's head Aron Vesk spoke out."):  # fmt: skip
        assert _covered(line) == [], line


def test_the_network_of_a_call_to_follow_is_no_entity(enricher: Enricher) -> None:
    text = ("The Velsby council approved the new harbour plan on Tuesday after a long debate, "
            "and work on the quay will start in the spring, the mayor said.\n\n"
            "Follow the Velsby Courier on Instagram and Facebook.")  # fmt: skip
    names = {e.name for e in enricher.enrich(ArticleReceived.new(text=text)).entities}
    assert not names & {"Instagram", "Facebook"}, names
    story = text.replace("Follow the Velsby Courier on Instagram and Facebook.",
                         "The mayor posted the plan on Instagram.")  # fmt: skip
    names = {e.name for e in enricher.enrich(ArticleReceived.new(text=story)).entities}
    assert "Instagram" in names, names
