"""Today's date where decisions are made: Viet Nam (``Asia/Ho_Chi_Minh``, UTC+7).

A server running on UTC would be a day behind Viet Nam from 00:00 to 07:00 local time;
every default "today" of the library comes from :func:`vietnam_today` instead.

>>> from datetime import datetime, timezone
>>> vietnam_today(datetime(2026, 12, 1, 18, 30, tzinfo=timezone.utc)).isoformat()
'2026-12-02'
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

VIETNAM: Final = ZoneInfo("Asia/Ho_Chi_Minh")


def vietnam_today(now: datetime | None = None) -> date:
    """The calendar date in Viet Nam at ``now`` (default: the current instant)."""
    return (now or datetime.now(VIETNAM)).astimezone(VIETNAM).date()
