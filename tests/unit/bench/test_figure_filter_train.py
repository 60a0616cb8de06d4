"""bench/figure_filter_train.py: the word features take an L2 of their own, so a word seen on a
few pages cannot outweigh the parse that every page has; several seeds' weights are averaged."""

from argparse import Namespace

from bench.figure_filter_train import fit, is_word


def _args(**kw: float) -> Namespace:
    base = {"l2": 1e-3, "l2_words": 1e-3, "seeds": 1, "seed": 7, "epochs": 10, "min_count": 1}
    return Namespace(**(base | kw))


# Each feature pair tells the same thing: a word ("elem=", "p1=") beside a parse feature.
DATA = [
    (["bias", "dep=nsubj", "elem=grew"], True),
    (["bias", "dep=npadvmod", "p1=the"], False),
] * 20


def test_the_word_features_are_the_words_around_the_number_doubtful_or_not() -> None:
    assert all(map(is_word, ["elem=take", "olem=cases", "head=say", "p1=the", "p1p2=of_the",
                             "n1=people", "doubt=one|p1=the", "doubt=one|elem=secured"]))  # fmt: skip
    assert not any(map(is_word, ["bias", "dep=nsubj", "w=one|count", "doubt=one|w=one",
                                 "val=1|count", "s_nums=2", "det|w=two"]))  # fmt: skip


def test_a_stronger_l2_on_words_keeps_their_weights_nearer_zero() -> None:
    same = fit(list(DATA), _args())
    assert abs(same["elem=grew"] - same["dep=nsubj"]) < 0.01
    held = fit(list(DATA), _args(l2_words=1.0))
    assert 0 < held["elem=grew"] < held["dep=nsubj"] / 2
    assert held["p1=the"] < 0 and abs(held["p1=the"]) < abs(held["dep=npadvmod"]) / 2


def test_several_seeds_are_averaged() -> None:
    one, other = (fit(list(DATA), _args(seed=s)) for s in (7, 8))
    both = fit(list(DATA), _args(seeds=2))
    assert all(abs(both[x] - (one[x] + other[x]) / 2) <= 0.0011 for x in both)
