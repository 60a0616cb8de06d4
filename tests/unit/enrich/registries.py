"""Registries for the retyping stages' tests (people_places, brand_types)."""

from collections.abc import Callable

from newsflow_enrich.stages.registry import Registry


def placed(retype: Callable[[Registry, str], object], text: str, name: str) -> Registry:
    """A registry holding `name` as the typer left it, a place, after `retype` has read `text`."""
    reg = Registry()
    reg.add(name, "LOC", text.index(name))
    reg.cands[name].learned_type = "LOC"
    retype(reg, text)
    return reg
