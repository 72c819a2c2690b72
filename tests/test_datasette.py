"""The database served by datasette: Chinese full-text search of any length, concepts labelled, JSON declared."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from shuyu.store.fts import tokens

pytest.importorskip("datasette", reason="datasette is in the test extra: pip install '.[test]'")


def test_the_index_text_holds_every_short_substring_once_normalised():
    assert tokens("信息社會世界峰會").split()[:3] == ["信", "信息", "信息社"]
    assert "首腦會議" in tokens("信息社会世界首脑会议").split()  # traditional queries too
    assert "峰会" in tokens("信息社会世界峰会").split() and "世界峰会" in tokens("信息社会世界峰会").split()
    assert "会的" not in tokens("峰会，的").split()  # never across punctuation
    assert tokens("Digital divide") == "digital divide"


@pytest.fixture(scope="module")
def served(bundled):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(bundled / "shuyu.db"),
            "-m",
            str(bundled / "termbase" / "datasette.json"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=2).read()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"datasette did not start: {server.stderr.read().decode()[-500:]}")
                time.sleep(0.3)
        yield lambda path, **query: json.loads(
            urllib.request.urlopen(f"{base}{path}?{urllib.parse.urlencode(query)}", timeout=30).read()
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("query", ["峰会", "峰", "世界峰会", "首腦會議"])
def test_search_finds_chinese_of_any_length(served, bundled, query):
    from shuyu.text.zh import normalise

    rows = served("/shuyu/term_search.json", _search=query, _shape="array", _size="max")
    wanted = normalise(query)
    assert rows, f"nothing found for {query}"
    assert all(wanted in normalise(r["form"]) or wanted in normalise(r["contexts"] or "") for r in rows)
    # Every row read from the file: datasette returns at most 1,000 rows a page.
    with sqlite3.connect(bundled / "shuyu.db") as con:
        everything = con.execute("select form, contexts from term_search").fetchall()
    expected = [r for r in everything if wanted in normalise(r[0]) or wanted in normalise(r[1] or "")]
    assert len(rows) == len(expected)  # the same rows a substring scan finds
    assert len(rows) < len(everything)  # a filter, not every row


def test_concepts_are_labelled_by_their_preferred_term(served):
    (row,) = served("/shuyu/concept_terms.json", form="信息社会世界首脑会议", _labels="on", _shape="array")
    assert row["concept_id"]["label"] == "信息社会世界峰会" and row["status"] == "superseded"
    metadata = served("/-/metadata.json")
    tables = metadata["databases"]["shuyu"]["tables"]
    assert tables["concept_terms"]["columns"]["contexts"] == "JSON" and tables["concepts"]["label_column"] == "label"
