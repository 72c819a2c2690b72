"""The years a form is used in (year → count, keys int or str): first, last, and the span in words."""

from __future__ import annotations

from collections.abc import Iterable


def span(years: Iterable[int | str], none: str = "not in the corpus") -> str:
    """2010–2015, or 2021 for a single year."""
    ordered = sorted(int(y) for y in years)
    if not ordered:
        return none
    return str(ordered[0]) if len(ordered) == 1 else f"{ordered[0]}–{ordered[-1]}"


class UsedInYears:
    """First and last year of a dataclass with a ``years`` mapping."""

    years: dict

    @property
    def first_year(self) -> int | None:
        return min(int(y) for y in self.years) if self.years else None

    @property
    def last_year(self) -> int | None:
        return max(int(y) for y in self.years) if self.years else None
