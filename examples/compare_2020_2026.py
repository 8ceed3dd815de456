"""Show how the law in force moves across 01/07/2026 for one act.

The same false post on a social network, by an individual, ended on different days:
before the switch Decree 15/2020 (Art. 101) applies, after it Decree 174/2026 (Art. 95).

Run:  python examples/compare_2020_2026.py
"""

from __future__ import annotations

from penalty_rules import assess, money

ENDED_ON = ["2026-05-15", "2026-06-30", "2026-07-01", "2026-09-30"]


def main() -> int:
    for ended in ENDED_ON:
        result = assess({
            "offender": {"kind": "individual"},
            "decided_on": "2026-11-27",
            "violations": [{
                "provision": "điểm a khoản 1 Điều 95 Nghị định 174/2026/NĐ-CP",
                "committed_on": ended, "ended_on": ended, "detected_on": "2026-10-15",
            }],
        })
        v = result.violations[0]
        assert v.fine_min is not None and v.fine_max is not None and v.fine is not None
        print(f"{ended}: {v.provision.format()} → {money(v.fine_min)} – {money(v.fine_max)}, "
              f"fine {money(v.fine)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
