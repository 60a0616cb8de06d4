"""The entity typer's training data (bench/entity_train.py): the CoNLL-2003 lexicon, the pages
(real dev, the written sets, CoNLL-2003 dev articles) parsed with the rules' candidates, and each
candidate's example (features, gold class, rules' class)."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import conll
from newsflow_enrich.stages import entities
from newsflow_enrich.stages import entity_types as et
from parsed import TrainCache
from quality import BENCH, load_cases, real_dev_cases, site_halves
from quality_score import _alts, _forms, norm_form


def lexicon(min_count: int = 3, share: float = 0.6) -> dict[str, str]:
    """Capitalised CoNLL train words -> the class most of their uses have."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    firsts: Counter[str] = Counter()  # first words of multi-word PER names
    for sent in conll.read("train"):
        pos = 0
        for word in sent.text.split(" "):
            start, pos = pos, pos + len(word) + 1
            if not word[:1].isupper():
                continue
            cls = next((t for s, e, t in sent.ents if s <= start < e), "O")
            counts[word][cls] += 1
            if any(s == start and t == "PER" and " " in sent.text[s:e] for s, e, t in sent.ents):
                firsts[word] += 1
    # "^Diego": a first name, though the word alone is mostly a place's ("San Diego").
    out = {"^" + w: "PER" for w, n in firsts.items()
           if n >= 2 and n >= 0.3 * sum(counts[w].values())}  # fmt: skip
    for word, c in counts.items():
        total = sum(c.values())
        cls, n = c.most_common(1)[0]
        if total >= min_count and n / total >= share:
            out[word] = cls
    return dict(sorted(out.items()))


_CONLL_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def conll_pages(lex: dict[str, str], n: int, cache: Any) -> list[dict[str, Any]]:
    """The first `n` articles of CoNLL-2003 dev as pages (dev, not train: the lexicon is read off
    train, and its words would be known too well there): every name its annotators marked,
    once per spelling, is a gold entity (no aliases: CoNLL does not link mentions)."""
    out = []
    for k, d in enumerate(conll.documents("dev")[:n]):
        golds: dict[str, str] = {}
        for s, e, t in d.ents:
            golds.setdefault(d.text[s:e], _CONLL_TYPES[t])
        page = {"name": f"conll-dev-{k}", "group": "conll", "half": None,
                "doc": cache.parse(d.text), "body": d.text, "captions": "", "dateline": None,
                "agencies": [], "gold": {"entities": [{"name": g, "type": t, "aliases": []}
                                                      for g, t in golds.items()]}}  # fmt: skip
        page["examples"] = examples(page, lex)
        out.append(page)
    return out


def pages(lex: dict[str, str], conll_docs: int = 0, vote: str | None = None,
          model: str | None = None, ner: str | None = None,
          parsed: Path | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Real dev pages and written articles (and CoNLL dev articles, training only): parse,
    rules' candidates, examples. `parsed`: bench/quality's --parsed DIR, read where it holds
    a page's parse."""
    from newsflow_enrich.errors import ExtractionSkipped
    from newsflow_enrich.pipeline import Enricher, _nlp_text

    kw = {} if vote is None else {"ner_vote": vote}  # None: the service's default
    kw |= {} if model is None else {"model": model}
    kw |= {} if ner is None else {"ner": ner}
    enricher = Enricher(figure_model=None, entity_model=None, figure_filter_model=None, **kw)
    cache = TrainCache(enricher, parsed)
    halves = site_halves()
    out = []
    t0 = time.perf_counter()
    sets = [("real", real_dev_cases()),
            ("written", load_cases(BENCH / "data"))]  # fmt: skip
    for group, cases in sets:
        for k, (name, raw, gold) in enumerate(cases, 1):
            try:
                p = enricher.prepare(raw)
            except ExtractionSkipped as e:  # no text to find names in: nothing to learn from
                print(f"  {group}: {name} skipped ({e})", flush=True)
                continue
            doc = cache.parse(_nlp_text(p.cleaned))
            half = halves.get(name) if group == "real" else None
            page = {"name": name, "group": group, "half": half, "doc": doc, "gold": gold,
                    "body": p.cleaned.body, "captions": "\n".join(p.cleaned.captions),
                    "dateline": p.meta.dateline, "agencies": p.meta.agencies}  # fmt: skip
            page["examples"] = examples(page, lex)
            out.append(page)
            if k % 25 == 0:
                print(f"  {group}: {k}/{len(cases)} pages ({time.perf_counter() - t0:.0f}s)",
                      flush=True)  # fmt: skip
    if conll_docs:
        out += conll_pages(lex, conll_docs, cache)
        print(f"  conll: {conll_docs} articles ({time.perf_counter() - t0:.0f}s)", flush=True)
    cache.save()
    return out


def examples(page: dict[str, Any], lex: dict[str, str]) -> list[tuple[list[str], str, str]]:
    """(features, gold class, rules' class) for each candidate with a mention."""
    doc = page["doc"]
    reg, sport = entities.candidates(doc, len(page["body"]), page["dateline"], page["agencies"])
    spans = entities.mention_spans(reg, doc.text)
    golds = page["gold"].get("entities", [])
    out = []
    for name, c in reg.cands.items():
        if c.curated_type or name not in spans:
            continue
        forms = {norm_form(f) for f in c.forms | {name}} - {""}
        hits = [g for g in golds if forms & _forms(g)]
        named = [g for g in hits if norm_form(g["name"]) in forms]
        g = (named or hits or [None])[0]
        types = _alts(g["type"]) if g else []
        rule = et.rule_class(reg.type_of(name))
        # The classes the scorer accepts: an optional gold name counts neither way as its own
        # type or as none (OTHER), but as another scored type it is spurious ("RAV4 Hybrid",
        # optional MISC, typed ORG); a name with two defensible types ("ORG/LOC") is right as
        # either. Several classes make a partial label ("LOC|OTHER"; see train).
        ok = set(types) & set(et.SCORED)
        if g is not None and g.get("optional"):
            label = "|".join(sorted(ok | {"OTHER"}))
        elif len(ok) > 1:
            label = "|".join(sorted(ok))
        else:
            label = rule if rule in types else next((t for t in types if t in et.SCORED), "OTHER")
        feats = et.features(reg, name, doc, spans[name], lex, sport)
        out.append((feats, label, rule))
    return out
