"""Write the entity typer's brands (newsflow_enrich/data/brands.json) from the brand titles that
npm's simple-icons 16.37.0 ships (CC0-1.0, the Simple Icons contributors).

Usage: bench/brands.py TARBALL
  TARBALL: simple-icons-16.37.0.tgz (sha256 cd9faf0e...3149847f2f671d), e.g. from
  `npm pack simple-icons@16.37.0`.

The package's `data/simple-icons.json` names the 3,470 brands it has a logo of: companies,
broadcasters and newspapers, airlines, retailers, apps and software ("Spotify", "NBC",
"Ryanair", "TechCrunch", but also "Python" and "Linux"). Kept: each title and its "aka" aliases
("Transport for London" for "TfL"). The file is read as data (json), the package's code is never
run; only the names are committed, not the package.
"""

from __future__ import annotations

import json
import sys
import tarfile

from newsflow_enrich.stages.entity_types import BRANDS
from wheels import verified

SHA256 = "cd9faf0e6faa8a8fdd15e9632ab4c86fcae4b986fe552b87673149847f2f671d"
MEMBER = "package/data/simple-icons.json"


def main() -> None:
    tarball = verified(sys.argv[1], SHA256, "simple-icons 16.37.0", kind="tarball")
    with tarfile.open(tarball) as tar:
        member = tar.extractfile(MEMBER)
        assert member is not None
        icons = json.loads(member.read().decode("utf-8"))
    names = {n.strip() for icon in icons
             for n in (icon["title"], *(icon.get("aliases") or {}).get("aka", []))}  # fmt: skip
    names = {n for n in names if len(n) >= 2}
    BRANDS.write_text(json.dumps({
        "source": "simple-icons 16.37.0 (npm, CC0-1.0): the brands it has a logo of, each title "
                  "and its aka aliases; bench/brands.py",
        "names": sorted(names),
    }, ensure_ascii=False, indent=0) + "\n", "utf-8")  # fmt: skip
    print(f"wrote {BRANDS}: {len(icons)} brands, {len(names)} names")


if __name__ == "__main__":
    main()
