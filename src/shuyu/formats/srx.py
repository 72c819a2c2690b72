"""SRX 2.0 segmentation rules (a CAT tool's sentence-splitting settings) read into ``text.segment`` rules."""

from __future__ import annotations

from pathlib import Path

import regex

from shuyu.errors import InputError
from shuyu.formats import xmlsafe
from shuyu.text.segment import Rule


def load_srx(path: str | Path, lang: str) -> tuple[Rule, ...]:
    """The rules an SRX 2.0 file (a CAT tool's segmentation settings) gives a language, cascaded as declared."""
    root = xmlsafe.parse(path).getroot()
    ns = {"srx": root.nsmap.get(None, "http://www.lisa.org/srx20")}
    header = root.find("srx:header", ns)
    cascade = header is None or header.get("cascade", "yes") == "yes"
    named = {rule_set.get("languagerulename"): rule_set for rule_set in root.iterfind(".//srx:languagerule", ns)}
    rules: list[Rule] = []
    for language_map in root.iterfind(".//srx:languagemap", ns):
        if not regex.fullmatch(language_map.get("languagepattern", ""), lang, flags=regex.IGNORECASE):
            continue
        rule_set = named.get(language_map.get("languagerulename"))
        if rule_set is None:
            raise InputError(
                f"languagemap names an unknown languagerule {language_map.get('languagerulename')!r}",
                path,
                language_map.sourceline,
            )
        for rule in rule_set.iterfind("srx:rule", ns):
            before, after = rule.findtext("srx:beforebreak", "", ns), rule.findtext("srx:afterbreak", "", ns)
            try:
                regex.compile(before), regex.compile(after)
            except regex.error as exc:
                raise InputError(f"rule pattern is not a regular expression: {exc}", path, rule.sourceline) from None
            rules.append(Rule(rule.get("break", "yes") == "yes", before, after))
        if not cascade:
            break
    return tuple(rules)
