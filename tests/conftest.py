import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from shuyu.pipeline import build

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = REPO / "corpus"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write(tmp_path):
    """Write bytes or text to a file under tmp_path and return its path."""

    def _write(name: str, content, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode(encoding)
        path.write_bytes(content)
        return path

    return _write


@pytest.fixture(scope="session")
def bundled(tmp_path_factory):
    """The bundled corpus built once per session into a temporary folder (shuyu.db, termbase/, corpus/).

    Tests copy it (``db``, ``built``) rather than build again: a build is most of the suite's time."""
    out = tmp_path_factory.mktemp("built")
    shutil.copytree(CORPUS, out / "corpus")
    build(out / "corpus", out / "shuyu.db", out_dir=out)
    return out


@pytest.fixture(scope="session")
def seeds(tmp_path_factory):
    """The five Chinese seed documents alone (no SDG pair, no TM source), built once: the folder.

    Tests of rebuilding (decisions, curation, files written after the commit) build it again: a build of
    the seeds takes a few seconds, of the whole bundled corpus half a minute."""
    from shuyu.corpus.manifest import Manifest
    from shuyu.corpus.tmsource import is_tm_source

    out = tmp_path_factory.mktemp("seeds")
    manifest = Manifest.load(CORPUS)
    seeds = Manifest.load(out / "corpus", create=True)
    (out / "corpus").mkdir()
    for entry in manifest.entries:
        if entry.pair is None and not is_tm_source(entry):
            shutil.copy(CORPUS / entry.file, out / "corpus" / entry.file)
            seeds.upsert(entry)
    seeds.save()
    build(out / "corpus", out / "termbase" / "shuyu.db", out_dir=out)
    return out


@pytest.fixture(scope="session")
def seeds_db(seeds):
    """The database of the five seed documents (built once; copy it before changing it)."""
    return seeds / "termbase" / "shuyu.db"


@pytest.fixture
def seeds_built(seeds, tmp_path):
    """A private copy of the built seeds laid out as `shuyu build` leaves a folder (corpus/, termbase/)."""
    out = tmp_path / "seeds"
    shutil.copytree(seeds / "corpus", out / "corpus")
    shutil.copytree(seeds / "termbase", out / "termbase")
    return out


@pytest.fixture
def built(bundled, tmp_path):
    """A private copy of the built bundled corpus laid out as `shuyu build` leaves a folder:
    corpus/ and termbase/ (shuyu.db, exports, userdict.txt).  Returns the folder."""
    out = tmp_path / "built"
    shutil.copytree(bundled / "corpus", out / "corpus")
    shutil.copytree(bundled / "termbase", out / "termbase")
    shutil.copy(bundled / "shuyu.db", out / "termbase" / "shuyu.db")
    return out


@pytest.fixture
def lint(db, runner, tmp_path, monkeypatch):
    """`shuyu lint ARGS` against a copy of the built corpus's database, run in an empty folder."""
    from shuyu.cli import main

    monkeypatch.chdir(tmp_path)

    def run(*args, input=None):
        return runner.invoke(main, ["--db", str(db), "lint", *args], input=input)

    return run


@pytest.fixture
def db(bundled, tmp_path):
    """A private copy of the built bundled corpus's database, for tests that change it."""
    path = tmp_path / "shuyu.db"
    shutil.copy(bundled / "shuyu.db", path)
    return path
