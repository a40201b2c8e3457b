"""Add the world's countries to graph/registry.yaml from the Unicode CLDR, as Babel ships it.

Each country and territory with a two-letter code gets an entry with its
English and Arabic names as CLDR writes them (``babel.Locale("en").territories``
and ``babel.Locale("ar").territories``). Countries the registry already knows
by either name are left as they are; names that also mean something else
in the news (``مالي`` is "financial", ``عمان`` is Amman too) are left out,
and so are codes that name no country (regions, the EU, "unknown").

The CLDR data is under the Unicode License v3 (graph/LICENSE-CLDR.txt).
Babel is needed only to run this script: ``.venv/bin/pip install babel``.

    .venv/bin/python scripts/registry_countries.py [--check]

``--check`` writes nothing and fails when the registry lacks a country the
script would add.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "graph" / "registry.yaml"
sys.path.insert(0, str(ROOT / "src"))

from diplograph.registry import Registry  # noqa: E402

#: Codes that name no single country: regions, unions, "unknown", pseudo-locales.
NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"}
#: Names that mean something else in news text, in either language.
AMBIGUOUS = {
    "ML",  # مالي: "financial"
    "OM",  # عمان: also Amman
    "GE",  # Georgia: also the US state; جورجيا likewise
    "JE",  # Jersey: a word
    "GG",  # Guernsey: a word
    "TD",  # Chad: a first name
    "AQ", "BV", "HM", "UM", "TF", "IO", "GS",  # no people to meet there
}


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("&", "and").replace("’", "")).strip("-")


def _q(value: str) -> str:
    return value if re.fullmatch(r"[\w .\-’()]+", value) and not value[0].isdigit() else \
        '"' + value.replace('"', '\\"') + '"'


def entries(registry: Registry) -> list[str]:
    from babel import Locale, __version__
    from babel.core import get_cldr_version

    en, ar = Locale("en").territories, Locale("ar").territories
    out = [f"  # From here: the Unicode CLDR {get_cldr_version()} (Babel {__version__}), Unicode License v3,",
           "  # written by scripts/registry_countries.py."]
    added = 0
    for code in sorted(en):
        if not re.fullmatch(r"[A-Z]{2}", code) or code in NOT_COUNTRIES | AMBIGUOUS or code not in ar:
            continue
        name_en, name_ar = en[code], ar[code]
        if registry.names.get(name_en) is not None or registry.names.get(name_ar) is not None:
            continue
        cid = _slug(name_en)
        if cid in registry.entities:
            continue
        out += [f"  - id: {cid}", f"    en: {_q(name_en)}", f"    ar: {_q(name_ar)}", "    aliases: []",
                f"    note: \"CLDR territory {code}\""]
        added += 1
    return out if added else []


def main(argv: list[str]) -> int:
    registry = Registry.read(REGISTRY)
    try:
        new = entries(registry)
    except ImportError:
        print("Babel is missing: .venv/bin/pip install babel", file=sys.stderr)
        return 2
    if "--check" in argv:
        if new:
            print(f"{(len(new) - 2) // 5} CLDR country/ies missing from {REGISTRY}", file=sys.stderr)
            return 1
        return 0
    if not new:
        print("nothing to add", file=sys.stderr)
        return 0
    text = REGISTRY.read_text(encoding="utf-8")
    at = text.index("\nplaces:")
    REGISTRY.write_text(text[:at].rstrip("\n") + "\n" + "\n".join(new) + "\n" + text[at:], encoding="utf-8")
    Registry.read(REGISTRY)  # every spelling still names one entity
    print(f"added {(len(new) - 2) // 5} countries to {REGISTRY}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
