"""The publication date a page prints, in the local time it prints it.

Meta tags and JSON-LD carry a machine stamp, often in UTC ("2019-11-20T05:14:35Z") where the page
prints "11:21 pm CST, Tuesday, November 19, 2019": another hour, sometimes another day. The printed
date is what the reader sees and what the article's own text refers to, so it wins; the meta stamp
only says which of the printed dates is the article's (within a day of it), since pages also print
today's date, comment times and the dates of related stories.

Why not a library: htmldate (installed with trafilatura) finds the day, from the meta tags first,
and keeps no printed time; dateparser's search_dates is fuzzy (it reads "may" and "2 minutes"
as dates) and costs milliseconds a call. The shapes news pages print are few, and once a regex has
found one its groups are the date's parts, so the datetime is built from them directly.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from newsflow_enrich.stages import byline_key, clocks, date_shapes, printed

_MON = rf"(?P<mon>{date_shapes.MONTH})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "November 19, 2019", "Nov. 19", "Oct 29 2020"; "19 November 2019", "Wed 29th April 2020",
# "25 February , 2020"; "11/19/2019", "2/26/2015", "11/20/19"; a printed ISO stamp.
_DATE = re.compile(
    rf"(?<![\w/])(?:{_MON}\s+{_DAY}(?!\d)(?:\s*,?\s*{_YEAR.replace('year', 'year1')})?"
    rf"|{_DAY.replace('day', 'day2')}\s+{_MON.replace('mon', 'mon2')}\s*,?\s*"
    rf"{_YEAR.replace('year', 'year2')}"
    r"|(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/(?P<ny>(?:19|20)?\d\d)"
    r"|(?P<d1>\d{1,2})\.(?P<d2>\d{1,2})\.(?P<dy>(?:19|20)\d\d)"  # "01.21.2020", "21.01.2020"
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)(?:T(?P<ih>\d\d):(?P<imin>\d\d))?)"
    r"(?![\w/])",
    re.IGNORECASE,
)
# "6:21 AM", "4:20am", "15:35", "9:06 a.m.", "9:00PM", "07:29 GMT", "10.45 AM", "18.00 EST" (a dot
# only before am/pm or a zone: "10.45" alone is a number); not a bare "10AM" (weather). Before a
# zone, also a military "0339 GMT" (CNN; a date's time only as one of two clocks, `_clock`) and a
# bare hour "3 AM PT" (the LA Times).
_ZONES = r"(?:GMT|UTC|BST|CES?T|[ECMP][SD]?T|IST|AE[SD]T|HKT|SGT|JST|KST|WIB)"
TIME = re.compile(rf"(?<![\d:])(?:(?P<h>[0-2]?\d)(?::|\.(?=[0-5]\d\s?(?:[ap]\.?\s?m\b|(?-i:{_ZONES})\b)))"
                  r"(?P<m>[0-5]\d)"
                  r"(?::\d\d)?(?!\d)"
                  rf"|(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?=\s?(?-i:{_ZONES})\b)"
                  rf"|(?P<hb>1[0-2]|0?[1-9])(?=\s?[ap]\.?\s?m\b\.?\s*(?-i:{_ZONES})\b))"
                   r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?", re.IGNORECASE)  # fmt: skip
# A year glued to the clock after it: CNBC's "Published Mon, Jul 24 20171:56 PM EDT".
_GLUED_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(?=[01]?\d:[0-5]\d\s?[ap]\.?\s?m\b)", re.IGNORECASE
)
# A label opens a segment of its own: "November 19, 2019 | 4:20am | Updated November 19, 2019".
_LABEL = re.compile(r"\b(?:(?P<pub>first published|published|posted|written)|(?P<upd>(?:last )?updated"
                    r"|modified))\b", re.IGNORECASE)  # fmt: skip
# A text node worth a look: a time, a numeric date or a year (cheap: pages have thousands).
_HINT = re.compile(r"\d[:/-]\d|(?<!\d)(?:19|20)\d\d(?!\d)")
_INLINE = {"span", "a", "time", "b", "strong", "em", "i", "small", "abbr", "sup", "font", "-text"}
_SKIP = printed.UNPRINTED | {"option", "select"}  # (and a form's options)
_MAX_WORDS = 30
_BARE_HOUR = re.compile(r"^(\d{1,2})\s?([ap]\.?\s?m\b\.?)", re.IGNORECASE)
_CLOCK_CHARS = 20  # "5:50 PM PST", "Updated 10:04 a.m."


@dataclass(frozen=True)
class Printed:
    when: datetime
    has_time: bool
    label: int  # 0 published/posted, 1 none, 2 updated
    order: int  # position on the page
    by_author: bool = False  # printed in a small box with the byline's name


def printed(
    tree: HTMLParser, meta_day: date | None, also: Collection[date] = (), author: str | None = None
) -> str | None:
    """The article's printed publication date ('YYYY-MM-DDTHH:MM:SS' when a time is printed,
    else 'YYYY-MM-DD'), or None. With a meta date, only a date within a day of it is the
    article's; without one, only a date labelled "Published"/"Posted" is. `also`: the days the
    page's other publication meta tags give, where they disagree ("datePublished" a month
    before "dc.date" and the printed "Published December 29, 2014").

    `author`: the byline's name, its first two words lower-cased (`byline_key.name_key`). A date
    printed in a small box with that name ("By Tom Davies - Associated Press - Friday, April
    28, 2023") is the article's, before an unlabelled one printed elsewhere (the masthead's
    today, a photo's caption, a comment's time, a related story's), and even days off a meta
    date where no date within a day of it is printed beside the name (a meta tag giving the
    day the page was saved or last modified). A labelled "Published" date still comes first."""
    candidates = _candidates(tree, meta_day, author)
    found = [p for p in candidates if _is_article_date(p, meta_day, also)]
    if not any(p.by_author for p in found):
        found += [p for p in candidates if p.by_author and not _is_article_date(p, meta_day, also)]
    if not found:
        return None
    best = min(found, key=lambda p: (not (p.has_time or p.by_author), p.label == 2, p.label,
                                     not p.by_author, not p.has_time, p.order))  # fmt: skip
    return (
        best.when.isoformat(timespec="seconds") if best.has_time else best.when.date().isoformat()
    )


def _is_article_date(p: Printed, meta_day: date | None, also: Collection[date] = ()) -> bool:
    if meta_day is None:
        return p.label == 0
    # "Written: 2023-11-07 15:03" where the meta tag says the 3rd: a labelled time is printed
    # for this article, whatever the meta says
    return any(abs((p.when.date() - d).days) <= 1 for d in (meta_day, *also)) \
        or p.label == 0 and p.has_time  # fmt: skip


def _candidates(tree: HTMLParser, meta_day: date | None, author: str | None) -> list[Printed]:
    out: list[Printed] = []
    seen: set[int] = set()
    body = tree.body
    if body is None:
        return out
    for node in body.traverse(include_text=True):
        if node.tag != "-text" or node.parent is None or node.parent.tag in _SKIP:
            continue
        content = node.text_content or ""
        if len(content) > 400 or not _HINT.search(content) or _hidden(node.parent):
            continue
        block = node.parent
        while block.parent is not None and block.tag in _INLINE:
            block = block.parent
        if block.mem_id in seen:
            continue
        seen.add(block.mem_id)
        text = " ".join(block.text(separator=" ").split())
        if not TIME.search(text):
            text += _time_after(block)
        if len(text.split()) > _MAX_WORDS:  # a date inside prose (a caption) is not a stamp
            text = _short_around(node, block)
            if len(text.split()) > _MAX_WORDS // 2:
                continue
        found = parse_line(text, meta_day, order=len(out)) or _today(text, meta_day, len(out))
        if found and author and _beside(block, author):
            found = [replace(p, by_author=True) for p in found]
        out += found
    return out


_BOX_LEVELS = 3  # the date's block and up to 3 boxes around it
_BOX_WORDS = 40  # a byline's box ("By Jane Doe | Staff Writer | Nov. 19, 2019 | 5 min read")


def _beside(block: LexborNode, author: str) -> bool:
    """The author's name printed in a small box around the date's block."""
    k: LexborNode | None = block
    for _ in range(_BOX_LEVELS + 1):
        if k is None or k.tag in ("body", "html"):
            return False
        text = k.text(separator=" ")
        if len(text.split()) > _BOX_WORDS:
            return False
        if byline_key.printed_in(author, text):
            return True
        k = k.parent
    return False


# "Today 5:00 am", "Today at 9:15 PM EST": the page saved on the day it was published
_TODAY = re.compile(rf"^today,?\s+(?:at\s+)?[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?\s?m\b\.?)?\s*"
                    rf"(?:{_ZONES})?$", re.IGNORECASE)  # fmt: skip


def _today(text: str, meta_day: date | None, order: int) -> list[Printed]:
    """A time printed as "Today 5:00 am", on the meta stamp's day."""
    if meta_day is None or not _TODAY.match(text):
        return []
    t = TIME.search(text)
    clock = _clock_of(t) if t else None
    if clock is None:
        return []
    return [Printed(datetime.combine(meta_day, datetime.min.time()) + clock, True, 1, order)]


def _short_around(node: LexborNode, block: LexborNode) -> str:
    """In a long box (a byline box with its share buttons), the largest element around the
    date's text that is still short: "<time><span>Dec. 16, 2016</span><span>2:05 PM PT</span>
    </time>" holds the day and its time."""
    text = " ".join((node.text_content or "").split())
    k = node.parent
    while k is not None and k.mem_id != block.mem_id:
        around = " ".join(k.text(separator=" ").split())
        if len(around.split()) > _MAX_WORDS // 2:
            break
        text, k = around, k.parent
    return text


def _time_after(block: LexborNode) -> str:
    """The time printed in the element after a day's ("<div>Nov. 19, 2019</div><div>5:50 PM
    </div>"): one date, in two blocks."""
    sib = block.next
    while sib is not None and sib.tag == "-text" and not (sib.text_content or "").strip():
        sib = sib.next
    if sib is None:
        return ""
    after = " ".join(sib.text(separator=" ").split())
    if len(after) > _CLOCK_CHARS:
        return ""
    # An element of its own holding only an hour ("4 AM") beside the day is that day's time.
    after = _BARE_HOUR.sub(r"\1:00 \2", after)
    return " " + after if TIME.search(after) else ""


def _hidden(node: object) -> bool:
    k = node
    while k is not None:
        if getattr(k, "tag", None) in _SKIP:
            return True
        k = k.parent  # type: ignore[attr-defined]
    return False


def parse_line(text: str, meta_day: date | None = None, order: int = 0) -> list[Printed]:
    """Every date printed in a short line, each with the time printed beside it (in the same
    labelled segment) and its label: 'Posted Nov 19, 6:51 AM' -> 2019-11-19T06:51 (the year
    from the meta date)."""
    out = []
    text = _GLUED_YEAR.sub(r"\1 ", text)
    cuts = [m.start() for m in _LABEL.finditer(text)]
    for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
        seg = text[start:end]
        label = _LABEL.match(seg)
        rank = 1 if not label else 0 if label.group("pub") else 2
        for m in _DATE.finditer(seg):
            day = _day(m, meta_day)
            if day is None:
                continue
            clock = _clock(m, seg)
            when = datetime.combine(day, datetime.min.time()) + (clock or timedelta())
            out.append(Printed(when, clock is not None, rank, order + len(out)))
    return out


def _day(m: re.Match[str], meta_day: date | None) -> date | None:
    g = m.groupdict()
    try:
        if g["mon"] or g["mon2"]:
            month = date_shapes.MONTHS.index((g["mon"] or g["mon2"])[:3].lower()) + 1
            year = g["year1"] or g["year2"] or (meta_day.year if meta_day else None)
            return date(int(year), month, int(g["day"] or g["day2"])) if year else None
        if g["iy"]:
            return date(int(g["iy"]), int(g["im"]), int(g["id"]))
        a, b, y = (int(g[k]) for k in (("n1", "n2", "ny") if g["n1"] else ("d1", "d2", "dy")))
        y += 2000 if y < 100 else 0
        readings = [d for d in _numeric(a, b, y) if d]
        if meta_day and readings:  # "04/09/2025": the reading that agrees with the meta date
            return min(readings, key=lambda d: abs((d - meta_day).days))
        return readings[0] if readings else None
    except ValueError:
        return None


def _numeric(a: int, b: int, y: int) -> list[date | None]:
    out = []
    for month, day in ((a, b), (b, a)):  # US order first: "2/26/2015"
        try:
            out.append(date(y, month, day))
        except ValueError:
            out.append(None)
    return out


def _clock(m: re.Match[str], seg: str) -> timedelta | None:
    """The time printed nearest the date in its segment ('7:12 am PDT, Wednesday, May 6'); of two
    clocks printed for one instant ("13:30 GMT (06:30 PDT)"), the local one (`clocks`)."""
    if m.group("ih"):
        return timedelta(hours=int(m.group("ih")), minutes=int(m.group("imin")))
    times = [t for t in TIME.finditer(seg) if not m.start() <= t.start() < m.end()]
    if not times:
        return None

    def nearest(times: list[re.Match[str]]) -> re.Match[str]:
        return min(times, key=lambda t: min(abs(t.start() - m.end()), abs(m.start() - t.end())))

    t = nearest(times)
    for first in times:
        clock = _clock_of(first)
        pair = (
            clocks.local_of_pair(seg, first, clock, times, _clock_of) if clock is not None else None
        )
        if pair is not None and t.start() in (first.start(), pair[0]):
            return pair[1]
    # A military "1100 GMT" is read only as one of two clocks ("0339 GMT (1139 HKT)"): alone it
    # is as often another event's ("Broadcast on Friday 2 December 2011 at 1100 GMT").
    times = [t for t in times if not t.group("h4")]
    if not times:
        return None
    return _clock_of(nearest(times))


def _clock_of(t: re.Match[str]) -> timedelta | None:
    hour = int(t.group("h") or t.group("h4") or t.group("hb"))
    minute = int(t.group("m") or t.group("m4") or 0)
    ampm = (t.group("ampm") or "").lower()
    if hour > 23 or ampm and not 1 <= hour:
        return None
    if hour > 12:  # "20:26 PM": a 24-hour clock with a needless PM
        ampm = ""
    if ampm == "p" and hour != 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    return timedelta(hours=hour, minutes=minute)
