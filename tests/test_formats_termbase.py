"""The contract every termbase format keeps (translate-toolkit's ``TestTranslationStore`` pattern).

Each format subclasses ``TermbaseFormatContract`` with its name and a bad file;
the contract's tests then run for it: round trip, bad input refused with the
file and line, nothing written when writing fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shuyu.errors import InputError
from shuyu.formats import termbase as formats
from shuyu.model.terms import Concept, Term
from shuyu.model.usage import usable


def _termbase() -> list[Concept]:
    return [
        Concept(
            [
                Term("World Summit on the Information Society", "en", "preferred"),
                Term("信息社会世界峰会", "zh", "preferred"),
                Term("信息峰会", "zh", "admitted", "shortForm"),
            ],
            notes=["Official name since A/RES/70/125 (2015)."],
        ),
        Concept(
            [
                Term("Internet", "en", "preferred"),
                Term("互联网", "zh", "preferred"),
                Term("因特网", "zh", "deprecated"),
            ],
            notes=["互联网 is the current rendering in UNTERM."],
        ),
        Concept(
            [
                Term("digital divide", "en", "preferred"),
                Term("数字鸿沟", "zh", "preferred"),
                Term("數位落差", "zh", "admitted", geographical_usage="zh-TW"),
            ]
        ),
    ]


def _shape(concepts: list[Concept]) -> set[tuple]:
    """What every format keeps: per concept, its (lang, form, status) terms and its notes."""
    return {(frozenset((t.lang, t.form, t.status) for t in c.terms), tuple(c.notes)) for c in concepts}


def _glossary_shape(concepts: list[Concept]) -> set[tuple]:
    """What a target glossary keeps: each English term with each Chinese form a translator may use."""
    return {
        (e.form, z.form, z.status)
        for c in concepts
        for e in c.terms
        if e.lang == "en"
        for z in c.terms
        if z.lang == "zh" and usable(z)
    }


class TermbaseFormatContract:
    NAME: str  # the format's registry name
    GLOSSARY = False  # a target glossary keeps only usable renderings (OmegaT offers every target it reads)

    def bad_file(self, directory: Path) -> tuple[Path, int]:
        """A file this format must refuse, and the line its error names."""
        raise NotImplementedError

    @property
    def module(self):
        return formats.by_name(self.NAME)

    def path(self, directory: Path) -> Path:
        return directory / f"glossary{self.module.SUFFIXES[0]}"

    def test_is_registered(self):
        assert formats.FORMATS[self.NAME] is self.module
        assert self.module.SUFFIXES and all(s.startswith(".") for s in self.module.SUFFIXES)

    def test_round_trip(self, tmp_path):
        path = self.path(tmp_path)
        self.module.write(_termbase(), path)
        shape = _glossary_shape if self.GLOSSARY else _shape
        assert shape(self.module.read(path)) == shape(_termbase())

    def test_bad_input_is_refused_with_file_and_line(self, tmp_path):
        path, line = self.bad_file(tmp_path)
        with pytest.raises(InputError) as error:
            self.module.read(path)
        assert error.value.path == str(path) and error.value.line == line
        assert str(error.value).startswith(f"{path}:{line}: ")

    def test_nothing_is_written_when_writing_fails(self, tmp_path):
        path = self.path(tmp_path)
        path.write_bytes(b"the previous export")

        def failing():
            yield from _termbase()[:1]
            raise RuntimeError("the database went away")

        with pytest.raises(RuntimeError):
            self.module.write(failing(), path)
        assert path.read_bytes() == b"the previous export"
        assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary file left behind


_MALFORMED_TBX = (
    '<?xml version="1.0"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2">\n<text><body>\n<conceptEntry id="c1">\n</body>'
)


class TestTbx(TermbaseFormatContract):
    NAME = "tbx"

    def bad_file(self, directory):
        path = directory / "broken.tbx"
        path.write_text(_MALFORMED_TBX, encoding="utf-8")
        return path, 5


class TestTbx2(TermbaseFormatContract):
    NAME = "tbx2"

    def bad_file(self, directory):
        path = directory / "dupes.tbx"
        entry = '<termEntry id="c1"><langSet xml:lang="zh"><tig><term>峰会</term></tig></langSet></termEntry>\n'
        path.write_text(
            '<martif type="TBX" xml:lang="en"><text><body>\n' + entry * 2 + "</body></text></martif>", encoding="utf-8"
        )
        return path, 3


class TestCsv(TermbaseFormatContract):
    NAME = "csv"

    def bad_file(self, directory):
        path = directory / "gbk.csv"
        path.write_bytes("English,Chinese\ndigital divide,数字鸿沟\n".encode("gbk"))
        return path, 2


class TestTsv(TermbaseFormatContract):
    NAME = "tsv"
    GLOSSARY = True

    def bad_file(self, directory):
        path = directory / "glossary.txt"
        path.write_text("digital divide\t数字鸿沟\nInternet without a target\n", encoding="utf-8")
        return path, 2


class TestOmegatTbx(TermbaseFormatContract):
    NAME = "omegat-tbx"
    GLOSSARY = True

    def bad_file(self, directory):
        path = directory / "broken.tbx"
        path.write_text(
            '<?xml version="1.0"?>\n<martif type="TBX">\n<text><body>\n<termEntry>\n</body>', encoding="utf-8"
        )
        return path, 5


class TestXlsx(TermbaseFormatContract):
    NAME = "xlsx"

    def bad_file(self, directory):
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(["term", "comment"])  # no language column
        book.active.append(["数字鸿沟", "x"])
        path = directory / "nolang.xlsx"
        book.save(path)
        return path, 1


def test_every_registered_format_runs_the_contract():
    tested = {cls.NAME for cls in TermbaseFormatContract.__subclasses__()}
    assert tested == set(formats.FORMATS)
