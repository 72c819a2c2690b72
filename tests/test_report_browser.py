"""The HTML report in a real headless browser (Debian's chromium, installed by .ci/run)."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from shuyu.report.html import write_report
from shuyu.report.timeline import STATUS_COLOUR
from shuyu.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
# Flags for a closed network and a root user, with a fresh profile.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def page(bundled, tmp_path):
    with Store(bundled / "shuyu.db") as store:
        return write_report(store, tmp_path / "report.html")


def test_the_browser_builds_the_charts(page, tmp_path):
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert dom.count("<svg") >= 3 and dom.count("<circle") >= 10
    assert "信息社会世界峰会" in dom


def _pixels_near(pixels: np.ndarray, colour: str, tolerance: int = 40) -> int:
    target = np.array([int(colour[k : k + 2], 16) for k in (1, 3, 5)])
    return int((np.abs(pixels - target) <= tolerance).all(axis=2).sum())


def test_screenshot_shows_the_timelines(page, tmp_path):
    from PIL import Image

    shot = tmp_path / "shot.png"
    result = _chromium(tmp_path, "--window-size=1100,1400", f"--screenshot={shot}", page.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    pixels = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    # The first groups' timelines are on the first screen: dots of preferred and superseded forms.
    assert _pixels_near(pixels, STATUS_COLOUR["preferred"]) > 300
    assert _pixels_near(pixels, STATUS_COLOUR["superseded"]) > 300
    # Not a blank page: text and tables are drawn.
    assert (pixels.sum(axis=2) < 200).sum() > 2000


def test_groups_of_one_rename_are_shown_together_with_their_evidence(page, tmp_path):
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    section = dom[dom.index("Rename 首脑会议 → 峰会") :]
    section = section[: section.index("</section>\n") if "</section>\n" in section else len(section)]
    assert "信息社会世界峰会" in section and "世界峰会成果" in section
    # The 2005 World Summit Outcome keeps its rendering and is listed as such, not as a renamed name.
    assert "Names that keep their rendering" in dom and "2005年世界首脑会议成果 keeps its rendering" in dom
    assert dom.count('class="strength ') >= 10 and "evidence: parallel sentences" in dom
