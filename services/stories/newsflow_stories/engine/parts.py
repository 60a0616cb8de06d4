"""Figures that tell a count but are no report of its current value, marked after each figure
got its identity (`identity.identities`): a step added to a count told before ("another four
people died"), some of a larger group ("14 of the victims"), the group a part is picked from
under the part's verb ("two of the three victims died") or in the part's clause ("Of the 288
candidates, 286 have"), an earlier value linked by "up from" (kept, marked `restates`), and the
cause of a change ("... after three people died")."""

from __future__ import annotations

import re
from dataclasses import replace

from newsflow_contracts.events import ArticleEnriched

from newsflow_stories.engine import counts
from newsflow_stories.engine.kinds import Identity

# "Another four people died in hospitals", "Four other people died": a step added to a count
# the article gave before, not the count.
_STEP_BEFORE = re.compile(r"\b(?:another|a further|further|additional)\s+$", re.IGNORECASE)
_STEP_OBJECT = re.compile(r"^(?:other|more|further|additional)\b", re.IGNORECASE)


def without_steps(article: ArticleEnriched,
                   idents: list[Identity | None]) -> list[Identity | None]:  # fmt: skip
    """A count marked as more of a kind the article counted before is not tracked; "killing one
    person ... injured two others" are two kinds, and both are counts."""
    figs, out = article.figures, list(idents)
    for i, ident in enumerate(idents):
        if ident is None or i == 0:
            continue
        begin = figs[i].span[0]
        step = _STEP_BEFORE.search(article.body[max(0, begin - 20) : begin]) or (
            _STEP_OBJECT.search(figs[i].object or ""))  # fmt: skip
        if step and any(j is not None and j.event == ident.event for j in idents[:i]):
            out[i] = None
    return out


# "14 of the victims had drowned", "two of them": a figure that picks some out of a group.
_PARTITIVE = re.compile(r"^\s+of\s+(?:the|them|those|these|its|their|our|whom)\b", re.IGNORECASE)


def without_parts(article: ArticleEnriched,
                   idents: list[Identity | None]) -> list[Identity | None]:  # fmt: skip
    """Some of a group ("14 of the victims had drowned in Munhava") after a larger count of
    the same kind (the toll of 23 told before, or "two of the three victims died") is a part of
    it, not the count; "executed two of them" is the count told again when nothing larger
    comes before it (a background shooting's "eight" told later is another event's)."""
    figs, out = article.figures, list(idents)
    for i, ident in enumerate(idents):
        if ident is None or not _PARTITIVE.match(article.body[figs[i].span[1] :][:20]):
            continue
        kind = (ident.event, ident.object, ident.unit)
        if any(j is not None and (j.event, j.object, j.unit) == kind and f.value > figs[i].value
               and (k < i or f.sentence == figs[i].sentence)
               for k, (j, f) in enumerate(zip(idents, figs, strict=True))):  # fmt: skip
            out[i] = None
    return out


# Between a part and the group it is picked from: "two of the three victims died".
_OF_THE = re.compile(r"^\s+of\s+(?:the|those|these|its|their|our|all)\s+$", re.IGNORECASE)


def without_wholes(article: ArticleEnriched,
                   idents: list[Identity | None]) -> list[Identity | None]:  # fmt: skip
    """The group a part is picked from, told with the part's verb of a fate ("originally
    reported that two of the three victims died": enrich gives both "died"), is no count of
    that fate: the three did not all die. With a verb of its own ("three of the seven bullets
    fired", "four of the seven miners trapped") it stays a count, and so with a verb outside
    the fates it is `without_groups`'s to judge ("three of the seven bullets fired" stays a
    count; "85 percent of the 2.1 million federal employees work outside ..." does not)."""
    figs, out = article.figures, list(idents)
    for i in range(1, len(figs)):
        between = article.body[figs[i - 1].span[1] : figs[i].span[0]]
        ident = idents[i]
        if (
            ident is not None
            and ident.event in counts.CLASSES
            and _OF_THE.match(between)
            and figs[i].event
            and figs[i].event == figs[i - 1].event
        ):
            out[i] = None
    return out


# A share or some picked from a group, right before the group's figure: "Ninety percent of the
# 288 candidates", "most of the 400 residents", "Of the 288 candidates, 286 have ...".
_SHARE_OF = re.compile(
    r"(?:\b(?:\d[\d,.]*\s*(?:%|percent|per\s+cent)?|(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:\s+(?:percent|"
    r"per\s+cent))?|all|most|some|many|half|none|each|several|both|majority|minority|third|"
    r"quarter|fraction)\s+|(?:^|[.;:]\s*)\W*)of\s+(?:the|those|these)\s+$",
    re.IGNORECASE,
)


def without_groups(article: ArticleEnriched,
                   idents: list[Identity | None]) -> list[Identity | None]:  # fmt: skip
    """The group a share or some are picked from, in a clause that tells of the share ("Ninety
    percent of the 288 candidates come from the Democratic Party", "Of the 288 candidates, 286
    have higher education"), is no report of the group's count (the gold's convention, bench/
    stories-data README): its noun is followed by the share's clause, a comma ("Of the 288
    candidates, 286 ...") or the share's finite verb (enrich's event for the figure: "come").
    With words of the group's own after its noun, a participle among them, it is counted ("one
    of the two men accused of killing her", "all of the 288 candidates running for 125 seats",
    "Almost all of the 2.5 million people eligible cast their votes")."""
    figs, out = article.figures, list(idents)
    for i, ident in enumerate(idents):
        fig = figs[i]
        if ident is None or fig.unit is not None:
            continue
        start = article.body.rfind(fig.sentence[:20], 0, fig.span[0] + 1)
        before = article.body[max(0, start if start >= 0 else fig.span[0] - 60) : fig.span[0]]
        if not _SHARE_OF.search(before[-60:]):
            continue
        after = article.body[fig.span[1] : fig.span[1] + 80]
        obj = fig.object or ""
        rest = after.lstrip()
        if obj and rest.startswith(obj):
            rest = rest[len(obj) :].lstrip()
        verb = (fig.event or "").split()[:1]
        shares = bool(verb) and rest.lower().startswith(verb[0].lower()) and not verb[0].lower(
            ).endswith(("ing", "ed"))  # fmt: skip
        if rest.startswith(",") or shares:
            out[i] = None
    return out


# Between a count and a figure that gives the same count's earlier value: "rose to 41, up from
# an earlier count of 38", "3.4 million ..., revised from 1.2 million".
_RESTATES = re.compile(
    r"\b(?:up|down|revised|raised|lowered|increased|decreased)\s+from\b|"
    r"\b(?:first|initial|earlier|previous|original|preliminary)\s+(?:estimate|figure|count|"
    r"tally)s?\s+of\b|"
    r"\bfrom\s+(?:an?|the)\s+(?:earlier|initial|previous|original|first|preliminary)\b|"
    r"\bcompared (?:with|to)\b",
    re.IGNORECASE,
)
_RESTATE_GAP = 80  # characters between the two figures, at most
# ... or this many when the words that link them end right before the second figure ("raised to
# 3.4 million the number of customers whose data was stolen ..., up from an initial estimate
# of 1.2 million").
_RESTATE_GAP_LINKED = 140
_RESTATE_NEAR = 40


def restated(article: ArticleEnriched,
              idents: list[Identity | None]) -> list[Identity | None]:  # fmt: skip
    """A figure right after a tracked count in its sentence, linked to it by "up from" and the
    like, that enrich gave no count of its own ("an earlier count of 38", "revised from 1.2
    million") or the same count ("compared with 17,500 displaced"), is that count's earlier
    value: a report of the same track (the gold's convention), filed before the current one."""
    figs, out = article.figures, list(idents)
    for i, ident in enumerate(idents):
        if i == 0 or (ident is not None and ident != idents[i - 1]):
            continue
        j = i - 1
        between = article.body[figs[j].span[1] : figs[i].span[0]]
        if (
            idents[j] is not None
            and not idents[j].restates  # type: ignore[union-attr]
            and figs[j].sentence == figs[i].sentence
            and _linked(between)
        ):
            out[i] = replace(idents[j], restates=True)  # type: ignore[arg-type]
    return out


def _linked(between: str) -> bool:
    if len(between) <= _RESTATE_GAP:
        return bool(_RESTATES.search(between))
    return len(between) <= _RESTATE_GAP_LINKED and bool(
        _RESTATES.search(between[-_RESTATE_NEAR:]))  # fmt: skip


_AFTER_WORD = re.compile(r"\bafter\b", re.IGNORECASE)


def without_causes(article: ArticleEnriched,
                    idents: list[Identity | None]) -> list[Identity | None]:  # fmt: skip
    """ "The death toll rose to 15 after three people died of their burns": a second count of
    the same thing in one sentence, introduced by "after", is why the first moved, not a
    report of it."""
    figs = article.figures
    out = list(idents)
    for i, ident in enumerate(idents):
        for j in range(i):
            if (
                ident is not None
                and idents[j] == ident
                and figs[j].sentence == figs[i].sentence
                and _AFTER_WORD.search(article.body[figs[j].span[1] : figs[i].span[0]])
            ):
                out[i] = None  # fmt: skip
    return out
