"""Places by name: a Chinese word CC-CEDICT glosses as a country, territory, region of one, or one of their cities.

jieba tags many place names as persons or bodies (阿富汗/nr, 格陵兰/nr, 联合王国/nt), so its tags alone do not tell a
place.  The dictionary's English gloss does, read against ISO 3166 (pycountry: countries, territories such as
Greenland and Montserrat, and their subdivisions): 阿富汗 → Afghanistan, 蒙特塞拉特 → Montserrat; a city is glossed
with its country (班吉 → "Bangui, capital of Central African Republic", 日内瓦 → "Geneva, Switzerland").  A disease
or a body named after a place keeps its own gloss (埃博拉 → "Ebola (virus)", 欧洲联盟 → "European Union (EU)").
"""

from __future__ import annotations

import functools
import re

from shuyu.text import cedict
from shuyu.text.zh import CJK, pos_pattern

# jieba's places, persons (阿富汗/nr), other proper names and bodies (联合王国/nt): what a place may be tagged as
_TAGS_OF_PLACES = ("ns", "nr", "nz", "nt", "s")
# A gloss's notes and cross-references: "Georgia (country)", "United Kingdom 聯合王國|联合王国[Lian2 he2 wang2 guo2]"
_CROSS_REFERENCE = re.compile(rf"\s*\([^)]*\)|\s+\S*[{CJK}].*$")
# What a city's gloss says before its country: "capital of", "port city in the", "city in", "province of" …
_OF_COUNTRY = re.compile(
    r"^(?:(?:the )?(?:capital|(?:port )?city|town|province|state|region|county)(?: of| in)(?: the)? )?"
)


@functools.cache
def is_place(word: str) -> bool:
    """Whether CC-CEDICT's first gloss of ``word`` names a country, a territory or a subdivision, or a place of one,
    and jieba reads the word as a proper name (a common noun whose first gloss is a place is none: 淡水, fresh water,
    is glossed first as Tamsui)."""
    glosses = cedict.senses(word)
    if not glosses or not all(tag.startswith(_TAGS_OF_PLACES) for _, tag in pos_pattern(word)):
        return False
    gloss = _CROSS_REFERENCE.sub("", glosses[0])
    name, _, about = gloss.partition(", ")  # Haiti, the western third of…; Geneva, Switzerland
    return _country(name) or (bool(about) and _country(_OF_COUNTRY.sub("", about.rpartition(", ")[2])))


def _country(name: str) -> bool:
    """A country or territory (Greenland, Montserrat), or a subdivision of one (Punjab), by its English proper name
    (capitalised: a gloss such as "republic" or "department" is no place)."""
    return name[:1].isupper() and name.casefold() in _place_names()


@functools.lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """ISO 3166's names of countries and territories (short, official, common) and of their subdivisions (read on
    first use: most commands never ask whether a word is a place)."""
    import pycountry

    names = {
        getattr(country, field).casefold()
        for country in pycountry.countries
        for field in ("name", "official_name", "common_name")
        if hasattr(country, field)
    }
    return frozenset(names | {subdivision.name.casefold() for subdivision in pycountry.subdivisions})
