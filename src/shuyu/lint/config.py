"""``shuyu.toml``: the termbase lint uses, severities per check, exceptions.

    [lint]
    termbase = "termbase/shuyu.db"
    fail-level = "error"                  # exit 1 when a finding is at least this severe
    except-quoted-titles = true           # 《信息社会突尼斯方案》 cited verbatim is not a finding
    exceptions = ["信息社会世界首脑会议日内瓦阶段会议"]   # text that may always stay as it is

    [lint.severity]                       # error, warning, note, or off
    deprecated-term = "error"
    mixed-forms = "warning"

The file is looked for in the current folder and its parents.  Without one (and
without ``--db``), lint uses ``termbase/shuyu.db`` if the current folder has it,
else the UN termbase shipped with shuyu (``shuyu.data``): the pre-commit hook
works in any repository.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from shuyu import DEFAULT_DB
from shuyu.data import or_bundled
from shuyu.errors import InputError

CHECKS = {
    "deprecated-term": "error",
    "mixed-forms": "warning",
    "missing-term": "warning",
    "inconsistent-translation": "warning",
    "inconsistent-source": "warning",
    "number-mismatch": "error",
}
SEVERITIES = ("error", "warning", "note")
FILE_NAME = "shuyu.toml"


@dataclass
class LintConfig:
    termbase: Path = DEFAULT_DB
    fail_level: str = "error"
    except_quoted_titles: bool = True
    exceptions: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=lambda: dict(CHECKS))
    source: Path | None = None  # the shuyu.toml read, if any

    def enabled(self, check: str) -> bool:
        return self.severity.get(check, "off") != "off"


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / FILE_NAME).is_file():
            return candidate / FILE_NAME
    return None


def load_config(path: Path | None = None) -> LintConfig:
    """The configuration from ``path`` (or the nearest shuyu.toml); defaults when there is none."""
    path = path or find_config()
    config = LintConfig()
    if path is None:
        config.termbase = or_bundled(config.termbase)  # outside a shuyu project: the UN termbase shipped with shuyu
        return config
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("lint", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the configuration: {exc}", path) from None
    config.source = Path(path)
    known = {"termbase", "fail-level", "except-quoted-titles", "exceptions", "severity"}
    if unknown := set(data) - known:
        raise InputError(f"unknown [lint] keys: {', '.join(sorted(unknown))} (known: {', '.join(sorted(known))})", path)
    if "termbase" in data:
        termbase = Path(data["termbase"])
        config.termbase = termbase if termbase.is_absolute() else Path(path).parent / termbase
    config.fail_level = _severity(data.get("fail-level", config.fail_level), path, "fail-level")
    config.except_quoted_titles = bool(data.get("except-quoted-titles", True))
    config.exceptions = [str(e) for e in data.get("exceptions", [])]
    for check, level in data.get("severity", {}).items():
        if check not in CHECKS:
            raise InputError(f"unknown check {check!r} in [lint.severity] (checks: {', '.join(CHECKS)})", path)
        config.severity[check] = level if level == "off" else _severity(level, path, check)
    return config


def _severity(value: str, path: Path, key: str) -> str:
    if value not in SEVERITIES:
        raise InputError(f"{key} must be one of {', '.join(SEVERITIES)} (or off), not {value!r}", path)
    return value
