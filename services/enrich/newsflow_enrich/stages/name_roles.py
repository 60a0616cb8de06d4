"""What the sentence does with a name, for the learned typer (entity_types.features): the parse
around the name's first mentions, read as features, so that "Wepik" in "Wepik said" or "shares
of Debenhams" reads as a company and "Fife" in "residents of Fife" as a place, where the name's
own words (unknown to every list and cluster) say nothing.

Per mention, from the name's root in spaCy's parse (the token whose head is outside the name):
- `rd=DEP:LEMMA`: its relation and its head's lemma ("nsubj:say", "poss:chief", "pobj:of");
- `pp=PREP:LEMMA`: for the object of a preposition, the preposition and what it hangs on ("of:share",
  "at:work", "in:live");
- a few classes of those heads, so that one word's weight reaches its kind: the subject of a verb
  of saying (`r_say`) or of what companies do (`r_firm`: "acquired", "launched", "hired"), the
  object of one (`r_firm_obj`: "joined X", "founded X"), the owner or modifier of a job
  (`r_role`: "X's chief executive", "X spokesman"), the owner of what a company has (`r_asset`:
  "X's shares", "X's customers"), the object of "of" after a place's noun (`r_place_of`:
  "residents of X", "the city of X").
The learned weights decide what each is worth; a feature alone decides nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsflow_enrich.stages.names import OFFICES

# The prefixes of the features that name a head word (the others name a class of them); the
# trainer keeps these only where many examples share one (bench/train_entities --role-min-count).
WORDS = ("rd=", "pp=")
SAY = {"say", "tell", "announce", "report", "state", "confirm", "add", "note", "explain",
       "write", "claim", "comment", "deny", "reveal", "warn", "decline", "respond", "insist",
       "argue", "acknowledge", "admit", "disclose"}  # fmt: skip
FIRM = {"acquire", "buy", "launch", "hire", "sell", "raise", "invest", "release", "sue",
        "partner", "develop", "manufacture", "produce", "employ", "own", "operate", "offer",
        "ship", "unveil", "introduce", "cut", "lay", "file", "fund", "build", "make", "sign",
        "license", "market", "charge", "earn", "post", "report", "merge", "spin", "debut",
        "roll", "purchase", "list", "trade", "price", "pay"}  # fmt: skip
FIRM_OBJ = {"join", "found", "leave", "acquire", "buy", "run", "start", "co-found", "lead",
            "quit", "head", "own", "sue", "launch", "create", "establish"}  # fmt: skip
ASSETS = {"share", "stock", "customer", "employee", "staff", "worker", "product", "app",
          "service", "platform", "subsidiary", "parent", "revenue", "profit", "sale", "earning",
          "investor", "shareholder", "board", "brand", "website", "site", "user", "client",
          "store", "factory", "plant", "headquarters", "office", "software", "model", "device",
          "spokesperson", "statement", "deal", "acquisition", "merger", "stake", "valuation",
          "founder", "owner", "ipo", "market", "team", "division", "unit", "startup"}  # fmt: skip
PLACE_OF = {"resident", "city", "town", "village", "county", "state", "province", "region",
            "mayor", "governor", "capital", "outskirt", "street", "people", "citizen", "centre",
            "center", "suburb", "district", "neighbourhood", "neighborhood", "coast", "north",
            "south", "east", "west", "border", "area", "part", "island", "population"}  # fmt: skip
ROLES = {w for w in OFFICES if w.isalpha()} | {"boss", "head", "employee", "staffer",
                                               "spokesperson", "cofounder", "co-founder"}  # fmt: skip


def features(doc: Doc, mentions: list[tuple[int, int]]) -> list[str]:
    """The name's roles in its first mentions' sentences (see the module's doc), each once;
    `mentions`: their token ranges [i, j) (entity_types._mentions)."""
    out: set[str] = set()
    n = len(doc)
    for i, j in mentions:
        if i >= n or j <= i:
            continue
        root = _root(doc, i, min(j, n))
        head = root.head
        if head.i == root.i:
            continue
        dep = root.dep_
        lemma = head.lemma_.lower()
        if head.is_alpha:
            out.add(f"rd={dep}:{lemma}")
        if dep == "pobj":
            up = head.head
            if up.i != head.i and up.is_alpha:
                out.add(f"pp={head.lower_}:{up.lemma_.lower()}")
                if head.lower_ == "of" and up.lemma_.lower() in PLACE_OF:
                    out.add("r_place_of")
                if head.lower_ == "of" and up.lemma_.lower() in ASSETS:
                    out.add("r_asset")
                if head.lower_ == "at" and up.lemma_.lower() in ROLES:
                    out.add("r_role")
        elif dep in ("nsubj", "nsubjpass"):
            if lemma in SAY:
                out.add("r_say")
            elif dep == "nsubj" and lemma in FIRM:
                out.add("r_firm")
        elif dep == "dobj" and lemma in FIRM_OBJ:
            out.add("r_firm_obj")
        elif dep in ("poss", "compound", "nmod"):
            if lemma in ROLES or _role_below(head):
                out.add("r_role")
            elif lemma in ASSETS:
                out.add("r_asset")
    return sorted(out)


def _root(doc: Doc, i: int, j: int) -> Token:
    """The name's token whose head is outside it (the last one if none is)."""
    for t in doc[i:j]:
        if not i <= t.head.i < j:
            return t
    return doc[j - 1]


def _role_below(head: Token) -> bool:
    """A job word right before the head, in its compound ("Apple chief executive Tim Cook": the
    name's head is "Cook", and "executive" a compound of it)."""
    return any(c.dep_ == "compound" and c.lower_ in ROLES for c in head.children)
