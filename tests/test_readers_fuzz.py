"""Every reader, fed mutated and truncated real files, either reads them or raises an InputError naming the
file, and writes nothing (issue 12).  Hypothesis runs are bounded (50 examples each) to keep the suite fast."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shuyu.errors import InputError

READERS_DIR = FIXTURES / "readers"


def _read_text(path: Path):
    from shuyu.corpus.reading import read_file

    return read_file(path)


def _tbx(path: Path):
    from shuyu.formats.termbase import tbx

    return tbx.read(path)


def _table(name: str):
    def read(path: Path):
        from shuyu.formats import termbase

        return termbase.by_name(name).read(path)

    return read


def _bilingual(path: Path):
    from shuyu.lint.inputs import read_segments

    return read_segments(str(path))


READERS = {
    "un.txt": _read_text,
    "draft.docx": _read_text,
    "shuyu-v3.tbx": _tbx,
    "shuyu-v2.tbx": _tbx,
    "shuyu.csv": _table("csv"),
    "glossary.tsv": _table("tsv"),
    "shuyu.xlsx": _table("xlsx"),
    "job.tmx": _bilingual,
    "job.xlf": _bilingual,
    "job.po": _bilingual,
}


@st.composite
def mutations(draw, data: bytes) -> bytes:
    """The file truncated, or with bytes flipped, inserted or deleted; inside a zip, in one of its members."""
    if data[:4] == b"PK\x03\x04" and draw(st.booleans()):
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            members = [(item, source.read(item)) for item in source.infolist()]
        k = draw(st.integers(0, len(members) - 1))
        members[k] = (members[k][0], draw(mutations(members[k][1])))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item, content in members:
                target.writestr(item, content)
        return out.getvalue()
    kind = draw(st.sampled_from(["truncate", "flip", "insert", "delete"]))
    at = draw(st.integers(0, max(len(data) - 1, 0)))
    if kind == "truncate":
        return data[:at]
    if kind == "flip":
        return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :] if data else data
    if kind == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    return data[:at] + data[at + draw(st.integers(1, 64)) :]


@pytest.mark.parametrize("name", READERS)
def test_a_damaged_file_is_read_or_refused_naming_it(name, tmp_path_factory):
    original = (READERS_DIR / name).read_bytes()
    READERS[name](READERS_DIR / name)  # the intact file reads

    @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(mutations(original))
    def damaged(data: bytes) -> None:
        folder = tmp_path_factory.mktemp("fuzz")
        path = folder / name
        path.write_bytes(data)
        try:
            READERS[name](path)
        except InputError as error:
            assert str(path) in str(error), f"the message does not name the file: {error}"
        assert sorted(p.name for p in folder.iterdir()) == [name], "a reader wrote a file"
        assert path.read_bytes() == data

    damaged()
