"""Detected variant groups with their forms, and the user's decisions on groups.

Detected groups are replaced on every run; ``variant_decisions`` is the user's
curation and is only ever appended to, so re-running keeps it.
"""

from __future__ import annotations

from shuyu.store.core import decode, encode, now


class VariantTables:
    def replace_variant_groups(self, groups: list[dict]) -> None:
        """Replace the detected variant groups; each dict carries its ``forms``."""
        self.db["variant_forms"].delete_where()
        self.db["variant_groups"].delete_where()
        for number, group in enumerate(groups, 1):
            self.db["variant_groups"].insert(encode({k: v for k, v in group.items() if k != "forms"} | {"id": number}))
            self.db["variant_forms"].insert_all(encode({**f, "group_id": number}) for f in group["forms"])

    def variant_groups(self) -> list[dict]:
        """Groups in rank order, each with its ``forms``."""
        result = []
        for row in self.db["variant_groups"].rows_where(order_by="id"):
            group = decode(row)
            group["forms"] = [
                decode(f) for f in self.db["variant_forms"].rows_where("group_id = ?", [row["id"]], order_by="rowid")
            ]
            result.append(group)
        return result

    def add_variant_decision(self, action: str, form: str, forms: list[str]) -> None:
        self.db["variant_decisions"].insert(
            encode({"action": action, "form": form, "forms": forms, "created": now()}), pk="id"
        )

    def variant_decisions(self) -> list[dict]:
        return [decode(r) for r in self.db["variant_decisions"].rows_where(order_by="id")]
