"""The admin's page forms as an editor sends them."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def event_form(event, **changes):
    """The edit form of `event` as its editor sends it, with `changes`."""
    data = {
        "title": event.title,
        "slug": event.slug,
        "event_type": event.event_type,
        "status": event.status,
        "summary": event.summary,
        "start_date": event.start_date.isoformat(),
        "start_time": event.start_time.strftime("%H:%M") if event.start_time else "",
        "end_date": event.end_date.isoformat(),
        "end_time": event.end_time.strftime("%H:%M") if event.end_time else "",
        "time_zone": event.time_zone,
        "country_links": inline_formset([{"country": "MA"}]),
        "body": streamfield([]),
        "agenda": streamfield([]),
        "documents": streamfield([]),
        "country_quotas": inline_formset([]),
        "registration_enabled": "on" if event.registration_enabled else "",
        "capacity": event.capacity or "",
        "waitlist_enabled": "on",
    }
    lists = {"interpretation_languages": event.interpretation_languages}
    lists.update({name: value for name, value in changes.items() if isinstance(value, list)})
    data.update({name: value for name, value in changes.items() if name not in lists})
    return {**nested_form_data(data), **lists}
