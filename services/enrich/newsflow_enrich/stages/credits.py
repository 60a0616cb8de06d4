"""Credits: the names a page prints for who took a photo, contributed to the report or wrote
it, and its calls to follow it on a social network. The real gold never annotates them, since
they are not what the story is about; the entity stage takes no mention from inside one
(entities.candidates)."""

from __future__ import annotations

import bisect
import re

from newsflow_enrich.stages.registry import occurrences

# Who took the photo ("(Picture by X)", "Photo: X/Getty Images", "Credit: X") and who contributed
# to the report ("AP writers X and Y contributed to this report", "Reporting by X; Editing by Y").
_CAP = r"[A-Z][\w.'’&-]*"
_RUN = _CAP + r"(?:[ \t]+(?:" + _CAP + r"|van|von|de|der|den|da|di|du|le|la|bin))" + "{0,4}"
# Names and agencies joined by "/", "via", "for the": "Thom Bridge/Independent Record via AP";
# the credit stops where the run does, so a caption glued to the story loses no sentence.
_CREDITED = _RUN + r"(?:[ \t]*(?:/|\|)[ \t]*" + _RUN + r"|[ \t]+(?:via|for|for the|and)[ \t]+" \
    + _RUN + ")" + "{0,3}"  # fmt: skip
_PHOTO_CREDIT = re.compile(r"\b(?:(?:Picture|Photo|Photograph|Image|Pictures|Photos|Images|"
                           r"Screenshot|Illustration)(?:[ \t]+[Cc]redits?)?(?:[ \t]*:|[ \t]+by\b)|Credits?:)[ \t]*(?:"
                           + _CREDITED + ")?")  # fmt: skip
_REPORT_CREDIT = re.compile(r"^(?:[^\n]{0,300}?\bcontributed(?:(?: to)?(?: this)? (?:report|reporting|"
                            r"story)\b|\.?$)|\W{0,4}(?:[Aa]dditional reporting|Reporting|Editing|"
                            r"Edited|Writing) by\b)[^\n]{0,300}$", re.MULTILINE)  # fmt: skip
# Who wrote or posted, printed in the body: an embedded post's signature ("— Jane Roe
# (@janeroe) April 25, 2024"), a sign-off line ("-- Jane Roe"), how to reach the author ("Jane Roe
# may be reached at ...", "To contact the reporter on this story: Jane Roe in ...", "Follow Jane
# Roe on Twitter", "Jane Roe (jane@example.com) is ..."), a byline left in the text ("11/19/2019
# by Jane Roe", "By Jane Roe Published on ...").
_SIGNED = re.compile(r"^[—–-]{1,2}[ \t]*(?:[^\n(]{2,60}?\(@\w+\)[^\n]{0,60}|" + _RUN + r"[ \t]*)$"
                     r"|^[^\n]{0,80}?\b(?:may|can) be reached at\b[^\n]*$"
                     r"|^To contact the (?:reporters?|editors?|authors?|writers?)\b[^\n]*$"
                     r"|^Follow [^\n]{2,60}? on (?:Twitter|X|Instagram|Facebook)\b[^\n]*$"
                     r"|^" + _RUN + r"[ \t]*\([\w.+-]+@[\w.-]+\)[^\n]{0,300}$"
                     r"|(?:^|(?<=\d)[ \t]+)[Bb]y[ \t]+" + _RUN + r"(?=[ \t]*(?:$|Published|Updated|\|))",
                     re.MULTILINE)  # fmt: skip


# Where the page asks the reader to follow it, or its writer, on a social network ("Follow the
# series on Facebook, Twitter and Instagram.", "Like YIMBY on Facebook", "Join the Daily Record
# WhatsApp community!", "Subscribe to Electrek on YouTube ...", "Twitter: @jroe"): page chrome,
# whose names the real gold leaves out; the network named in the story ("posted on Twitter")
# stays an entity.
_NETWORK = r"(?:Twitter|X|Instagram|Facebook|YouTube|TikTok|WhatsApp|Telegram|LinkedIn|Threads|" \
    r"Bluesky|Snapchat|Pinterest)\b"  # fmt: skip
# The network follows "on", "our", "'s" or ":", or names a "community" or "channel": not "Like
# Instagram head Adam Mosseri, Twitter CEO Jack Dorsey has ...".
_FOLLOW = re.compile(r"(?:^|(?<=[.!?] ))(?:Please )?(?:[Ff]ollow|[Ll]ike|[Jj]oin|[Ss]ubscribe to|"
                     r"[Ss]ign up for|[Cc]onnect with|[Ff]ind) (?=us|me|our|the|him|her|them|[A-Z])"
                     r"[^\n.!?]{0,80}?(?:(?:\bon|\bour|['’]s|:)[ \t]+" + _NETWORK + r"|\b"
                     + _NETWORK + r"[ \t]+(?:community|group|channel|page|account|feed)\b)"
                     r"[^\n.!?]*[.!?]?"
                     r"|^" + _NETWORK + r"[ \t]*:[ \t]*@\w+[^\n]*$", re.MULTILINE)  # fmt: skip


def signs_off(line: str) -> bool:
    """The line is a credit, a way to reach the writer or a call to follow the page, from its
    first character: "Follow Jane Roe on Twitter", "To contact the reporter on this story: ...",
    "Jane Roe may be reached at ...", "AP writer Jane Roe contributed to this report"."""
    return any(r.match(line) for r in (_SIGNED, _FOLLOW, _REPORT_CREDIT))


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """Where the text credits a photo, the reporting or the writing, or asks the reader to
    follow the page on a social network, by start (see in_ranges)."""
    found = [m.span() for r in (_PHOTO_CREDIT, _REPORT_CREDIT, _SIGNED, _FOLLOW)
             for m in r.finditer(text)]  # fmt: skip
    return sorted(found)


def in_ranges(ranges: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in ranges[: bisect.bisect_right(ranges, (i, 1 << 62))])


# An agency credited under a photo: "(AP)" closing a caption, "(AP Photo/Jane Roe)", "Jane Roe /
# AP file", "AP Photo/Jane Roe".
_AFTER_PHOTOGRAPHER = re.compile(r"[/|][ \t]*$")
_PHOTO = re.compile(r"[ \t]+[Pp]hoto\b")
_CLOSING = re.compile(r"\)[ \t]*(?:\n|$)")


def credit_only(form: str, text: str, body_len: int) -> bool:
    """`form` is printed only after the body (in the captions), and there only as a photo
    credit: the gold keeps an agency credited under a photo apart from the agency the story
    names ("The Associated Press" ... "(AP)"), so the credit is no alias of it."""
    starts = list(occurrences(form, text))
    if not starts or starts[0][0] < body_len:
        return False
    return all(
        text[s - 1 : s] == "("
        and (_CLOSING.match(text, e) or _PHOTO.match(text, e))
        or _AFTER_PHOTOGRAPHER.search(text[max(body_len, s - 3) : s])
        or _PHOTO.match(text, e)
        for s, e in starts
    )
