"""Mined terms with their evidence; ``status`` is the user's decision and survives re-mining."""

from __future__ import annotations

from shuyu.errors import InputError
from shuyu.store.core import decode, encode, now


class TermTables:
    def save_mined_terms(self, rows: list[dict], lang: str = "zh") -> None:
        """Replace the unreviewed candidates with ``rows``; reviewed terms keep their status.

        A term the user accepted, rejected or edited gets fresh statistics but keeps
        its decision; if it is no longer mined its row stays as it was.
        """
        stamp = now()
        before = {r["term"]: r for r in self.db["terms"].rows_where("lang = ?", [lang])}
        self.db.execute("update terms set rank = null where lang = ? and status != 'candidate'", [lang])
        self.db["terms"].delete_where("lang = ? and status = 'candidate'", [lang])
        records = []
        for row in rows:
            previous = before.get(row["term"])
            decided = previous is not None and previous["status"] != "candidate"
            record = encode(
                {
                    **row,
                    "lang": lang,
                    "status": previous["status"] if decided else "candidate",
                    "provenance": previous["provenance"] if decided else "mined",
                }
            )
            # Dates are data: a term mined again unchanged keeps them, so a rebuild changes no export.
            unchanged = previous is not None and all(previous.get(k) == v for k, v in record.items())
            record["created"] = previous["created"] if previous else stamp
            record["modified"] = previous["modified"] if unchanged else stamp
            records.append(record)
        self.db["terms"].upsert_all(records, pk=("term", "lang"))

    def set_term_status(self, term: str, status: str, lang: str = "zh") -> None:
        if not list(self.db["terms"].rows_where("term = ? and lang = ?", [term, lang])):
            raise InputError(f"no term {term!r} in the termbase")
        self.db["terms"].update((term, lang), {"status": status, "modified": now()})

    def terms(
        self,
        lang: str = "zh",
        statuses: tuple[str, ...] = ("candidate", "accepted", "edited"),
        limit: int | None = None,
    ) -> list[dict]:
        marks = ",".join("?" for _ in statuses)
        rows = self.db["terms"].rows_where(
            f"lang = ? and status in ({marks}) and rank is not null", [lang, *statuses], order_by="rank", limit=limit
        )
        return [decode(r) for r in rows]

    def all_terms(self) -> list[dict]:
        """Every mined term, ranked ones first by rank, then the rest by form (decoded)."""
        rows = self.db.execute(
            "select term, lang, status, freq, years, contexts, pos, created, modified from terms "
            "order by rank is null, rank, term"
        )
        columns = [c[0] for c in rows.description]
        return [decode(dict(zip(columns, row))) for row in rows.fetchall()]
