from datetime import date, time

from events.models import EventCountry, EventPage


def make_event(index, title, start, end=None, countries=("MA",), themes=(), **fields):
    """`start`/`end` are (date, time) pairs in the event's time zone, or dates for all day."""
    all_day = isinstance(start, date) and not isinstance(start, tuple)
    start_date, start_time = (start, None) if all_day else start
    end_date, end_time = (end or start, None) if all_day else (end or (start_date, None))
    page = EventPage(
        title=title,
        summary=fields.pop("summary", f"Résumé de {title}."),
        event_type=fields.pop("event_type", "forum"),
        start_date=start_date,
        start_time=start_time,
        end_date=end_date,
        end_time=end_time,
        all_day=all_day,
        time_zone=fields.pop("time_zone", "Africa/Casablanca"),
        **fields,
    )
    page.country_links = [EventCountry(country=code) for code in countries]
    page.themes = list(themes)
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def at(year, month, day, hour=9, minute=0):
    return (date(year, month, day), time(hour, minute))
