"""The December 2026 review: which laws behind the decrees changed, and a draft proposal.

Audits the bundled catalog as of 02/12/2026, prints the replaced legal bases of each decree,
then the rows of the amendment-proposal draft for Decree 174/2026 with what to confirm.

Run:  python examples/plan_2027.py [vi|en]
"""

from __future__ import annotations

import sys
from datetime import date

from penalty_rules.audit.auditor import audit
from penalty_rules.audit.propose import propose

DAY = date(2026, 12, 2)


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "en"
    report = audit(as_of=DAY, checks=["base_law_replaced"])
    for f in report.findings:
        print(f"[{f.severity.label}] {f.summary.get(lang)}")
    draft = propose(None, "174/2026/NĐ-CP", DAY)
    print()
    print(draft.title.get(lang))
    for i, row in enumerate(draft.rows, 1):
        print(f"{i:2}. {row.direction.get(lang)}")
        print(f"    → {row.confirm.get(lang)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
