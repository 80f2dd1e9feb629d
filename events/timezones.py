"""VTIMEZONE components that are right for Morocco.

Upstream gap (icalendar 7.x, `Timezone.from_tzinfo`): transitions are searched by
jumping 64 days ahead while the offset is unchanged, so a period shorter than that is
skipped whenever a jump lands past it. Morocco's clocks go back one hour for Ramadan
only (about five weeks), and the stock VTIMEZONE for Africa/Casablanca lost the 2027
Ramadan switch: calendar clients then showed a forum in Rabat an hour late. Here the
search never jumps more than a day.
"""

import zoneinfo
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Timezone


class DayByDayTimezone(Timezone):
    _from_tzinfo_skip_search = [
        timedelta(days=1),
        timedelta(hours=4),
        timedelta(hours=1),
        timedelta(minutes=20),
        timedelta(minutes=5),
        timedelta(minutes=1),
        timedelta(seconds=20),
        timedelta(seconds=5),
        timedelta(seconds=1),
    ]


@lru_cache(maxsize=256)
def vtimezone(tzid, first_date, last_date):
    """The VTIMEZONE of `tzid` between two dates (zone rules do not change while running)."""
    return DayByDayTimezone.from_tzinfo(
        ZoneInfo(tzid), tzid=tzid, first_date=first_date, last_date=last_date
    )


@lru_cache(maxsize=1)
def zone_rules():
    """The version of the time-zone database `zoneinfo` reads: the system's first (as
    zoneinfo does), then the tzdata package. Stored VEVENTs written under other rules are
    written again, since new rules can move an event's local time."""
    for folder in map(Path, zoneinfo.TZPATH):
        if folder.is_dir():
            try:
                first_line = (folder / "tzdata.zi").open().readline()
            except OSError:
                return "system"
            return first_line.removeprefix("# version").strip()[:20] or "system"
    try:
        import tzdata
    except ImportError:
        return "unknown"
    return tzdata.IANA_VERSION
