"""Translation-memory formats: one contract for every format, then what is particular to TMX.

Real files: the LISA TMX Compliance Kit, OmegaT's test TMX, TICO-19's en→zh
TMX and UN SDG targets (tests/fixtures/tmx/SOURCE.txt).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import shuyu
from shuyu.errors import InputError
from shuyu.formats import tm
from shuyu.formats.srx import load_srx
from shuyu.formats.tm import ReadReport, po, tmx, xliff
from shuyu.model.bitext import TMUnit
from shuyu.text.segment import Rule, rules_for, split
from shuyu.tm.units import resegment

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tmx"
DTD = etree.DTD(str(FIXTURES / "tmx14.dtd"))
TICO = FIXTURES / "tico19-60.en-zh.tmx"


def un_units() -> list[TMUnit]:
    return [
        TMUnit(
            "Sustainable development is a central goal.",
            "可持续发展是一个核心目标。",
            "en-US",
            "zh-CN",
            document="A/RES/70/1",
            symbol="A/RES/70/1",
            year=2015,
            paragraph="3",
            confidence=0.92,
            creationdate="20151021T000000Z",
            props=[("x-goal", "1")],
        ),
        TMUnit(
            "Multi-stakeholder partnerships will be strengthened.",
            "将加强多利益攸关方伙伴关系。",
            "en-US",
            "zh-CN",
            document="A/RES/70/1",
            year=2015,
            paragraph="17.16",
            confidence=0.31,
            creationdate="20151021T000000Z",
            changedate="20160101T120000Z",
            notes=["reviewed by hand"],
        ),
        TMUnit(
            "消除一切形式的贫困。",
            "End poverty in all its forms.",
            "zh-CN",
            "en-US",
            origin="imported",
            origin_file="un.tmx",
            tuid="un-42",
        ),
    ]


def comparable(unit: TMUnit) -> tuple:
    """What must survive a round trip (origin becomes the import's own)."""
    return (
        unit.source,
        unit.target,
        unit.document,
        unit.symbol,
        unit.year,
        unit.paragraph,
        unit.confidence,
        unit.creationdate,
        unit.changedate,
        tuple(unit.props),
        unit.source_markup,
        unit.target_markup,
    )


def assert_valid_tmx(path: Path) -> etree._ElementTree:
    tree = etree.parse(str(path))
    assert DTD.validate(tree), DTD.error_log.filter_from_errors()
    return tree


# --- the contract every TM format keeps ---------------------------------------------------------------------


class TMFormatContract:
    """Every format: read en→zh units by the registry, refuse bad input naming the file, write atomically."""

    module = None

    def sample(self, folder: Path) -> Path:
        raise NotImplementedError

    def broken(self, folder: Path) -> Path:
        raise NotImplementedError

    def test_the_registry_finds_the_module_by_name_and_suffix(self, tmp_path):
        assert tm.by_name(self.module.NAME) is self.module
        assert tm.for_file(self.sample(tmp_path)) is self.module

    def test_reads_chinese_units_in_the_requested_direction(self, tmp_path):
        report = ReadReport()
        units = list(self.module.read(self.sample(tmp_path), "en-US", "zh-CN", report=report))
        assert units and report.units == len(units) and report.seen >= len(units)
        assert all(u.source_lang.startswith("en") and u.target_lang.startswith("zh") for u in units)
        assert all(re.search("[\u4e00-\u9fff]", u.target) and not re.search("[\u4e00-\u9fff]", u.source) for u in units)
        assert all(u.origin == "imported" for u in units)
        back = list(self.module.read(self.sample(tmp_path / "again"), "zh-CN", "en-US"))
        assert [(u.target, u.source) for u in back] == [(u.source, u.target) for u in units]

    def test_bad_input_is_an_input_error_naming_the_file_and_line(self, tmp_path):
        path = self.broken(tmp_path)
        with pytest.raises(InputError) as caught:
            list(self.module.read(path))
        assert caught.value.path == str(path) and caught.value.line and str(path) in str(caught.value)

    def test_round_trip_and_nothing_written_on_failure(self, tmp_path):
        if not hasattr(self.module, "write"):
            pytest.skip(f"{self.module.NAME} is read-only")
        units = list(self.module.read(self.sample(tmp_path)))
        out = tmp_path / "out" / ("copy" + self.module.SUFFIXES[0])
        self.module.write(units, out)
        assert [comparable(u) for u in self.module.read(out)] == [comparable(u) for u in units]
        before = out.read_bytes()

        def failing():
            yield from units
            raise RuntimeError("the database went away")

        with pytest.raises(RuntimeError):
            self.module.write(failing(), out)
        assert out.read_bytes() == before
        assert sorted(p.name for p in out.parent.iterdir()) == [out.name]


class TestTMXContract(TMFormatContract):
    module = tmx

    def sample(self, folder):
        folder.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy(TICO, folder / "tico.tmx"))

    def broken(self, folder):
        path = folder / "truncated.tmx"
        path.write_bytes(TICO.read_bytes()[:5000])
        return path


def _toolkit_store(store, units: list[TMUnit], path: Path) -> Path:
    for unit in units:
        toolkit_unit = store.addsourceunit(unit.source)
        toolkit_unit.target = unit.target
    path.parent.mkdir(parents=True, exist_ok=True)
    store.savefile(str(path))
    return path


class TestXLIFFContract(TMFormatContract):
    module = xliff

    def sample(self, folder):
        from translate.storage.xliff import xlifffile

        store = xlifffile(sourcelanguage="en-US", targetlanguage="zh-CN")
        return _toolkit_store(store, un_units()[:2], folder / "un.xlf")

    def broken(self, folder):
        path = folder / "broken.xlf"
        path.write_text(
            '<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en">\n<body><trans-unit',
            encoding="utf-8",
        )
        return path


class TestPOContract(TMFormatContract):
    module = po

    def sample(self, folder):
        from translate.storage.pypo import pofile

        store = pofile()
        store.updateheader(add=True, Language="zh_CN")
        return _toolkit_store(store, un_units()[:2], folder / "un.po")

    def broken(self, folder):
        path = folder / "broken.po"
        path.write_text('msgid "Sustainable development"\nmsgstr "可持续发展\nmsgid', encoding="utf-8")
        return path


def test_an_unknown_suffix_is_refused_with_the_formats_shuyu_reads(tmp_path):
    with pytest.raises(InputError, match=r"\.tmx.*\.xlf.*\.po"):
        tm.for_file(tmp_path / "memory.sdltm")


# --- TMX writer ----------------------------------------------------------------------------------------------


def test_written_tmx_is_dtd_valid_with_the_header_and_props_cat_tools_map(tmp_path):
    report = tmx.write(un_units(), tmp_path / "un.tmx")
    assert report.units == 3 and report.paths == [tmp_path / "un.tmx"]
    tree = assert_valid_tmx(tmp_path / "un.tmx")
    header = tree.find("header").attrib
    assert dict(header) == {
        "creationtool": "shuyu",
        "creationtoolversion": shuyu.__version__,
        "segtype": "sentence",
        "o-tmf": "shuyu",
        "adminlang": "en-US",
        "srclang": "en-US",
        "datatype": "plaintext",
        "creationdate": "20160101T120000Z",
    }
    first, second, third = tree.iterfind("body/tu")
    assert [p.get("type") for p in first.iterfind("prop")] == [
        "x-document",
        "x-symbol",
        "x-year",
        "x-paragraph",
        "x-origin",
        "x-confidence",
        "x-goal",
    ]
    assert first.get("creationdate") == "20151021T000000Z" and first.get("tuid").startswith("shuyu-")
    assert [n.text for n in second.iterfind("note")] == [
        "reviewed by hand",
        "Low alignment confidence (0.31 < 0.5): check this pair.",
    ]
    assert second.get("changedate") == "20160101T120000Z"
    # the zh→en unit is turned to en→zh; its own tuid is kept
    assert third.get("tuid") == "un-42"
    assert [
        (tuv.get("{http://www.w3.org/XML/1998/namespace}lang"), tuv.findtext("seg")) for tuv in third.iterfind("tuv")
    ] == [("en-US", "End poverty in all its forms."), ("zh-CN", "消除一切形式的贫困。")]


def test_same_units_give_the_same_bytes_and_tuids_follow_content(tmp_path):
    tmx.write(un_units(), tmp_path / "a.tmx")
    tmx.write(iter(un_units()), tmp_path / "b.tmx", creationdate="20160101T120000Z")
    assert (tmp_path / "a.tmx").read_bytes() == (tmp_path / "b.tmx").read_bytes()
    changed = un_units()
    changed[0].target = "可持续发展是核心目标。"
    assert tmx.tuid(changed[0]) != tmx.tuid(un_units()[0])


def test_the_other_direction_and_other_codes_on_request(tmp_path):
    tmx.write(un_units(), tmp_path / "zh-en.tmx", source_lang="zh-Hans", target_lang="en-GB", segtype="paragraph")
    tree = assert_valid_tmx(tmp_path / "zh-en.tmx")
    assert tree.find("header").get("srclang") == "zh-Hans" and tree.find("header").get("segtype") == "paragraph"
    units = list(tmx.read(tmp_path / "zh-en.tmx", "zh-CN", "en-US"))
    assert [u.source for u in units] == [
        "可持续发展是一个核心目标。",
        "将加强多利益攸关方伙伴关系。",
        "消除一切形式的贫困。",
    ]
    with pytest.raises(InputError, match="segtype"):
        tmx.write(un_units(), tmp_path / "x.tmx", segtype="block")


def test_units_that_cannot_be_written_are_reported_skips_not_silent_losses(tmp_path):
    units = un_units()
    units.insert(1, TMUnit("Bell\x07 character", "响铃\x07字符", "en-US", "zh-CN"))
    units.append(TMUnit("Bonjour", "你好", "fr-FR", "zh-CN"))
    units.append(TMUnit("Traditional", "傳統", "en-US", "zh-TW"))
    report = tmx.write(units, tmp_path / "un.tmx")
    assert report.units == 3
    assert [(s.unit, s.reason.split(" ")[0]) for s in report.skipped] == [
        (2, "cannot"),
        (5, "languages"),
        (6, "languages"),
    ]
    assert_valid_tmx(tmp_path / "un.tmx")


def test_split_into_files_of_at_most_n_megabytes_each_valid(tmp_path):
    units = list(tmx.read(TICO)) * 6  # 360 units, about 340 kB
    report = tmx.write(units, tmp_path / "tico.tmx", max_mb=0.1)
    assert len(report.paths) >= 2 and report.units == len(units)
    assert [p.name for p in report.paths][:2] == ["tico-001.tmx", "tico-002.tmx"]
    assert not (tmp_path / "tico.tmx").exists()
    total = 0
    for part in report.paths:
        assert part.stat().st_size <= 0.1 * 1024 * 1024
        total += len(assert_valid_tmx(part).findall("body/tu"))
    assert total == len(units)

    def failing():
        yield from units
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):  # parts already full are not published either: all or nothing
        tmx.write(failing(), tmp_path / "new" / "tico.tmx", max_mb=0.1)
    assert list((tmp_path / "new").iterdir()) == []


def test_an_empty_tm_is_still_a_valid_file(tmp_path):
    report = tmx.write([], tmp_path / "empty.tmx")
    assert report.units == 0
    assert_valid_tmx(tmp_path / "empty.tmx")


# --- TMX reader ----------------------------------------------------------------------------------------------


def test_export_import_export_round_trips_real_chinese_byte_for_byte(tmp_path):
    first = list(tmx.read(TICO, "en", "zh"))
    assert len(first) == 60 and all(u.tuid for u in first) and all(u.props for u in first)
    tmx.write(first, tmp_path / "one.tmx", source_lang="en", target_lang="zh")
    second = list(tmx.read(tmp_path / "one.tmx", "en", "zh"))
    tmx.write(second, tmp_path / "two.tmx", source_lang="en", target_lang="zh")
    assert [comparable(u) for u in second] == [comparable(u) for u in first]
    # the second import carries the first file's name as its origin; otherwise identical
    one = (tmp_path / "one.tmx").read_bytes().replace(b"tico19-60.en-zh.tmx", b"one.tmx")
    assert one == (tmp_path / "two.tmx").read_bytes()


def test_shuyu_fields_props_and_notes_survive_a_round_trip(tmp_path):
    tmx.write(un_units(), tmp_path / "un.tmx")
    back = list(tmx.read(tmp_path / "un.tmx"))
    expected = [u if u.source_lang == "en-US" else u.swapped() for u in un_units()]
    assert [comparable(u) for u in back] == [comparable(u) for u in expected]
    assert back[1].notes == ["reviewed by hand", "Low alignment confidence (0.31 < 0.5): check this pair."]
    tmx.write(back, tmp_path / "again.tmx")
    assert [n.text for n in etree.parse(str(tmp_path / "again.tmx")).iterfind("body/tu/note")] == back[1].notes


def test_utf16_with_bom_and_the_compliance_kit_texts(tmp_path):
    """The kit's expected texts: tabs and runs of spaces kept exactly."""
    units = list(tmx.read(FIXTURES / "ImportTest1A.tmx", "en-US", "fr-CA"))
    assert [u.source for u in units] == (FIXTURES / "ImportTest1A.txt").read_text(encoding="utf-8").splitlines()
    assert [u.target for u in units] == (FIXTURES / "ImportTest1A_fr-ca.txt").read_text(encoding="utf-8").splitlines()


def test_srclang_all_upper_case_codes_and_many_languages_choose_the_requested_pair():
    report = ReadReport()
    units = list(tmx.read(FIXTURES / "tmx14b-appendix-A-sample.tmx", "fr-CA", "en-US", report=report))
    assert [u.source_lang for u in units] == ["FR-CA", "FR-CA"] and units[0].target_lang == "EN"
    # tu and tuv props and notes, and the translation's dates and author, are all kept
    units = list(tmx.read(FIXTURES / "tmx14b-appendix-A-sample.tmx", "en-US", "fr-CA"))
    assert units[0].props == [
        ("x-Domain", "Computing"),
        ("x-Project", "Pægasus"),
        ("Origin", "MT"),
        ("x-creationid", "BobW"),
        ("x-changeid", "ManonD"),
    ]
    assert (units[0].creationdate, units[0].changedate) == ("19970309T021145Z", "19970314T023401Z")
    assert units[0].notes == ["Text of a note at the TU level."] and units[0].tuid == "0001"
    report = ReadReport()
    many = list(tmx.read(FIXTURES / "test-multiple-tuv14.tmx", "en-US", "fr-FR", report=report))
    assert [(u.target_lang, u.target) for u in many] == [
        ("FR", "fr Bonjour tout le monde\xa0!"),
        ("FR-FR", "fr_FR 2 Bonjour les mondes."),
    ]
    assert report.alternatives == 2 and [s.unit for s in report.skipped] == [3]


def test_tmx_11_lang_and_a_missing_source_are_read_or_reported():
    assert len(list(tmx.read(FIXTURES / "test-omegat.tmx", "en", "be"))) == 4
    report = ReadReport()
    units = list(tmx.read(FIXTURES / "test-missingSource.tmx", "en", "be", report=report))
    assert len(units) == 3 and report.seen == 4
    assert [(s.unit, s.line) for s in report.skipped] == [(2, 23)] and "no en segment" in report.skipped[0].reason


def test_inline_tags_are_placeholders_and_their_markup_round_trips(tmp_path):
    units = list(tmx.read(FIXTURES / "ImportTest2A.tmx", "en-US", "fr-CA"))
    tagged = [u for u in units if u.source_markup]
    assert tagged and tagged[0].source == "The big {bpt1}black{ept1} {bpt2}cat{ept2} sleeps."
    nested = next(tmx.read(FIXTURES / "ImportTest2C.tmx", "en-US", "fr-CA"))
    assert "{hi4}start{/hi4}" in nested.source and "{ph3}" in nested.source
    tmx.write(units + [nested], tmp_path / "tags.tmx", source_lang="en-US", target_lang="fr-CA")
    assert_valid_tmx(tmp_path / "tags.tmx")
    again = list(tmx.read(tmp_path / "tags.tmx", "en-US", "fr-CA"))
    assert [(u.source, u.source_markup, u.target_markup) for u in again] == [
        (u.source, u.source_markup, u.target_markup) for u in units + [nested]
    ]


CHINESE_VARIANTS = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en"
srclang="*all*" datatype="plaintext"/><body>
<tu><tuv xml:lang="en-US"><seg>Sustainable development</seg></tuv><tuv xml:lang="zh-TW"><seg>永續發展</seg></tuv>
<tuv xml:lang="zh-Hans"><seg>可持续发展</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Poverty eradication</seg></tuv><tuv xml:lang="zh-HK"><seg>消除貧窮</seg></tuv></tu>
<tu><tuv xml:lang="en-GB"><seg>Climate change</seg></tuv><tuv xml:lang="zh"><seg>气候变化</seg></tuv></tu>
</body></tmx>
"""


def test_simplified_codes_are_one_language_and_traditional_is_never_mixed_in(write):
    path = write("variants.tmx", CHINESE_VARIANTS)
    report = ReadReport()
    units = list(tmx.read(path, "en-US", "zh-CN", report=report))
    assert [(u.target, u.target_lang) for u in units] == [("可持续发展", "zh-Hans"), ("气候变化", "zh")]
    assert report.traditional == 1 and report.skipped[0].unit == 2 and "zh-HK" in report.skipped[0].reason
    traditional = list(tmx.read(path, "en-US", "zh-TW"))
    assert [u.target for u in traditional] == ["永續發展", "消除貧窮"]


BOMB = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&c;</seg></tuv><tuv xml:lang="zh"><seg>x</seg></tuv>
</tu></body></tmx>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&secret;</seg></tuv></tu></body></tmx>
"""
XINCLUDE = """<?xml version="1.0"?>
<tmx version="1.4" xmlns:xi="http://www.w3.org/2001/XInclude"><header/><body>
<tu><tuv xml:lang="en"><seg><xi:include href="/etc/passwd" parse="text"/></seg></tuv></tu></body></tmx>
"""
CONTROL = """<?xml version="1.0"?>
<tmx version="1.4"><header/><body>
<tu><tuv xml:lang="en"><seg>ok</seg></tuv><tuv xml:lang="zh"><seg>好</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>bell &#x7; here</seg></tuv><tuv xml:lang="zh"><seg>铃</seg></tuv></tu></body></tmx>
"""


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        (BOMB, "declares entities", 3),
        (EXTERNAL, "declares entities", 3),
        (XINCLUDE, "XInclude", 3),
        (CONTROL, "not well-formed", 4),
        ("<tmx><body><tu>", "not well-formed", 1),
        ('<?xml version="1.0"?>\n<martif type="TBX"/>', "not a TMX file", 2),
    ],
)
def test_hostile_or_broken_xml_is_refused_with_file_and_line(write, content, message, line):
    path = write("bad.tmx", content)
    with pytest.raises(InputError, match=message) as caught:
        list(tmx.read(path, "en", "zh"))
    assert caught.value.path == str(path) and caught.value.line == line


def test_a_tmx_without_the_requested_language_names_the_languages_it_has():
    with pytest.raises(InputError, match=r"no unit holds both en-US and zh-CN .*fr-ca") as caught:
        list(tmx.read(FIXTURES / "ImportTest1C.tmx"))
    assert "ImportTest1C.tmx" in str(caught.value)


REAL_FILES = [TICO, FIXTURES / "ImportTest2A.tmx", FIXTURES / "ImportTest2C.tmx", FIXTURES / "project_save.tmx"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_or_truncated_real_tmx_is_read_or_refused_naming_the_file(tmp_path, data):
    original = REAL_FILES[data.draw(st.integers(0, len(REAL_FILES) - 1))].read_bytes()[:20000]
    at = data.draw(st.integers(0, len(original)))
    kind = data.draw(st.sampled_from(["truncate", "insert", "delete", "flip"]))
    if kind == "truncate":
        mutated = original[:at]
    elif kind == "insert":
        mutated = original[:at] + data.draw(st.binary(min_size=1, max_size=8)) + original[at:]
    elif kind == "delete":
        mutated = original[:at] + original[at + data.draw(st.integers(1, 40)) :]
    else:
        mutated = original[:at] + bytes([data.draw(st.integers(0, 255))]) + original[at + 1 :]
    path = tmp_path / "mutated.tmx"
    path.write_bytes(mutated)
    report = ReadReport()
    try:
        units = list(tmx.read(path, "en", "zh", report=report))
    except InputError as exc:
        assert str(path) in str(exc)
    else:
        assert len(units) + len(report.skipped) == report.seen  # every unit read or reported


# --- segmentation -------------------------------------------------------------------------------------------

TRICKY_ENGLISH = (
    "Mr. Guterres spoke at 3 p.m. today, e.g. on target 1.1. The Council adopted resolution No. 5. "
    "It ended... and resumed. See No. A/70/1 here. Why? Because i.e. (a) to promote; (b) to ensure."
)


def test_english_splits_as_omegat_defaults_do():
    assert split(TRICKY_ENGLISH, "en-US") == [
        "Mr. Guterres spoke at 3 p.m. today, e.g. on target 1.1.",
        "The Council adopted resolution No. 5.",
        "It ended... and resumed.",
        "See No.",
        "A/70/1 here.",
        "Why?",
        "Because i.e. (a) to promote; (b) to ensure.",
    ]
    assert split("1. Decides to convene a summit of the U.N. Secretariat.", "en") == [
        "1.",
        "Decides to convene a summit of the U.N.",
        "Secretariat.",
    ]


def test_un_exceptions_keep_un_abbreviations_together():
    text = "1. See Art. 5 of the U.N. Charter and No. A/70/1. Then it ends. (a) To promote peace. And more."
    assert split(text, "en", rules_for("en", un=True)) == [
        "1.",
        "See Art. 5 of the U.N. Charter and No. A/70/1.",
        "Then it ends.",
        "(a) To promote peace.",
        "And more.",
    ]


def test_chinese_splits_after_closing_quotes_not_at_semicolons():
    text = "秘书长说：“我们必须行动。”各国表示同意；会议继续。到2030年,消除贫困！是否可行？"
    assert split(text, "zh-CN") == [
        "秘书长说：“我们必须行动。”各国表示同意；会议继续。",
        "到2030年,消除贫困！",
        "是否可行？",
    ]


def test_rules_from_a_cat_tools_srx_file(write):
    srx = write(
        "rules.srx",
        """<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes"/><body><languagerules>
<languagerule languagerulename="UN"><rule break="no"><beforebreak>\\bArt\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
</languagerule>
<languagerule languagerulename="Default"><rule break="yes"><beforebreak>[\\.\\?!]+</beforebreak><afterbreak>\\s</afterbreak>
</rule></languagerule></languagerules>
<maprules><languagemap languagepattern="EN.*" languagerulename="UN"/><languagemap languagepattern=".*" languagerulename="Default"/>
</maprules></body></srx>""",
    )
    rules = load_srx(srx, "en-US")
    assert rules == (Rule(False, r"\bArt\.", r"\s"), Rule(True, r"[\.\?!]+", r"\s"))
    assert split("Under Art. 5 it is. Done.", "en", rules) == ["Under Art. 5 it is.", "Done."]
    assert load_srx(srx, "zh-CN") == (Rule(True, r"[\.\?!]+", r"\s"),)


def test_resegment_pairs_sentences_only_when_both_sides_agree():
    paragraph = TMUnit(
        "End poverty. Protect the planet.",
        "消除贫困。保护地球。",
        "en-US",
        "zh-CN",
        document="A/RES/70/1",
        paragraph="3",
        tuid="p3",
    )
    sentences = resegment(paragraph)
    assert [(u.source, u.target, u.document, u.tuid) for u in sentences] == [
        ("End poverty.", "消除贫困。", "A/RES/70/1", None),
        ("Protect the planet.", "保护地球。", "A/RES/70/1", None),
    ]
    uneven = TMUnit("End poverty. Protect the planet.", "消除贫困，保护地球。", "en-US", "zh-CN")
    assert resegment(uneven) == [uneven]
