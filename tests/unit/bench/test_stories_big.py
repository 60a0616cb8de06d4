"""bench/stories_big.py measures what it says: its stream is one story, and its costs are
shared out over the articles that caused them."""

from bench.stories_big import after, before, largest
from bench.stories_growth import one_story


def test_one_story_is_one_story_with_a_few_long_tracks() -> None:
    stream = list(one_story(120))
    costs, engine = before(stream)
    assert engine.story_count() == 1 and largest(engine) == 120
    [story] = list(engine.stories())
    # (the engine may leave a report out; nearly every article adds one)
    assert 1 < len(story.tracks) <= 16 and sum(len(t.reports) for t in story.tracks) >= 110
    assert all(f.text in a.body[f.span[0] : f.span[1]] for a in stream for f in a.figures)
    # before: each article pays for a snapshot of the story as it then stood
    assert costs.raw[119] > 10 * costs.raw[4] > 0


def test_batches_of_ten_write_about_a_tenth_of_the_bytes() -> None:
    stream = list(one_story(120))
    one_by_one, batched = before(stream)[0], after(stream, 10)[0]
    assert sum(batched.raw) < sum(one_by_one.raw) / 5
    assert sum(batched.gz) < sum(batched.raw) / 3  # and gzip shrinks what is left
