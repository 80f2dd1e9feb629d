"""The calendar's selection as CSV or JSON: the events its upcoming or past page lists
for the same query string (filters; the page number is not read), with identifiers for
programs and labels in the visitor's language for people."""

from django.http import Http404
from django.utils.translation import get_language

from practices.taxonomy import Organisation, Theme
from website import exports
from website.public_url import page_url

from .calendar import parse_state, selected

EXPORT_LIMIT = 5000
FORMATS = {"csv": exports.csv_response, "json": exports.json_response}


def exported_events(index, request, past):
    state = parse_state(request.GET, index.locale.language_code)
    events = selected(index.locale, state, past).prefetch_related(
        "country_links", "themes", "organisers"
    )
    return events[:EXPORT_LIMIT]


def event_record(event, labels):
    countries = [link.country for link in event.country_links.all()]
    themes = [theme.slug for theme in event.themes.all()]
    organisers = [organisation.slug for organisation in event.organisers.all()]
    return {
        "title": event.title,
        "url": page_url(event),
        "event_type": event.event_type,
        "event_type_name": str(event.get_event_type_display()),
        "status": event.status,
        "status_name": str(event.get_status_display()),
        "summary": event.summary,
        "start_date": event.start_date.isoformat(),
        "start_time": event.start_time.strftime("%H:%M") if event.start_time else "",
        "end_date": event.end_date.isoformat(),
        "end_time": event.end_time.strftime("%H:%M") if event.end_time else "",
        "all_day": event.all_day,
        "time_zone": event.time_zone,
        "venue": event.venue,
        "city": event.city,
        "country": event.country.code or "",
        "country_name": str(event.country.name) if event.country else "",
        "online_url": event.online_url,
        "countries": [country.code for country in countries],
        "country_names": [str(country.name) for country in countries],
        "themes": themes,
        "theme_names": [labels[Theme].get(slug, slug) for slug in themes],
        "organisers": organisers,
        "organiser_names": [labels[Organisation].get(slug, slug) for slug in organisers],
        "interpretation_languages": list(event.interpretation_languages),
    }


def export_response(index, request, kind, past):
    respond = FORMATS.get(kind)
    if respond is None:
        raise Http404("No such export format")
    language = get_language()
    labels = {taxonomy: taxonomy.labels(language) for taxonomy in (Theme, Organisation)}
    records = [event_record(event, labels) for event in exported_events(index, request, past)]
    return respond(records, "past-events" if past else "events")
