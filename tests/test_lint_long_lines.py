"""Lint on unwrapped text: one very long line costs memory in proportion to its length (issue 12, item 4)."""

from __future__ import annotations

import tracemalloc

from shuyu.cli import main
from shuyu.text.zh import display_width

# A real sentence of a 2013 resolution, written with the superseded name of the summit's outcome.
OLD = "注意到秘书长关于信息社会世界首脑会议成果在区域和国际两级落实和后续工作方面取得的进展的报告，"


def test_a_long_line_is_linted_in_memory_proportional_to_it(db, runner, write):
    line = OLD * 3000  # 150,000 characters, 3,000 findings, no line break: text pasted from a PDF
    path = write("unwrapped.txt", "标题\n" + line + "\n")
    tracemalloc.start()
    try:
        result = runner.invoke(main, ["--db", str(db), "lint", str(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert len(lines) == 3 * 3000
    # Each finding shows a window of its line around the term, not the whole line.
    head, shown, caret = lines[3:6]
    assert head.startswith(f"{path}:2:{len(OLD) + 9}: error: ")
    assert shown.strip().startswith("…") and shown.strip().endswith("…") and len(shown) < 100
    assert caret.index("^") == display_width(shown[: shown.index("信")])  # the caret sits under the term
    # A copy of the line per finding would be 3,000 × 600 kB; the output itself is about 2 MB.
    assert peak < 40 * len(line.encode("utf-8")), peak
