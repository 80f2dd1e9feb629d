import functools
from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from practices.taxonomy import Organisation, Theme, names_in, source_locale_only
from website.blocks import BodyBlock
from website.feeds import FeedRoutesMixin
from website.redirects import moved_to
from website.search_fields import PageLanguageSearchMixin, language_search_fields
from website.search_index import country_names, stream_text
from website.translation_access import TranslatorPermissionsMixin

from .fields import ChoiceListField
from .registration_settings import RegistrationSettings


class EventType(models.TextChoices):
    FORUM = "forum", _("Dialogue forum")
    GFMD_SUMMIT = "gfmd_summit", _("GFMD summit")
    GFMD_ROUNDTABLE = "gfmd_roundtable", _("GFMD roundtable")
    THEMATIC_MEETING = "thematic_meeting", _("Thematic meeting")
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")
    WEBINAR = "webinar", _("Webinar")
    STUDY_VISIT = "study_visit", _("Study visit")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


INTERPRETATION_LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
]


def validate_time_zone(value):
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Africa/Casablanca."),
            params={"value": value},
        ) from error


@functools.cache
def time_zone_choices():
    """Read once per process: listing the zones walks the zone database's directory
    (36 ms), and the choices are read each time an event is validated or edited."""
    return [(name, name) for name in sorted(available_timezones()) if "/" in name]


class SessionBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    start = blocks.TimeBlock(label=_("Start"))
    end = blocks.TimeBlock(label=_("End"), required=False)
    title = blocks.CharBlock(label=_("Session"), max_length=300)
    speakers = blocks.CharBlock(label=_("Speakers"), required=False, max_length=500)

    class Meta:
        icon = "time"
        label = _("Session")


class EventCountry(Orderable):
    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="country_links")
    country = CountryField(_("country"))

    panels = [FieldPanel("country")]


class EventPage(
    TranslatorPermissionsMixin,
    PageLanguageSearchMixin,
    RegistrationSettings,
    RoutablePageMixin,
    Page,
):
    event_type = models.CharField(_("type"), max_length=30, choices=EventType.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    summary = models.TextField(_("summary"), max_length=800)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    all_day = models.BooleanField(_("all day"), default=False)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Africa/Casablanca",
        validators=[validate_time_zone],
        choices=time_zone_choices,
        help_text=_("Dates and times are those of the place where the event happens."),
    )
    # UTC instants derived from the fields above, for ordering and filtering in SQL.
    starts_at = models.DateTimeField(editable=False, db_index=True)
    ends_at = models.DateTimeField(editable=False)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country of the venue"), blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    interpretation_languages = ChoiceListField(
        _("interpretation"), max_length=40, blank=True, choices=INTERPRETATION_LANGUAGES
    )
    organisers = ParentalManyToManyField(
        Organisation, verbose_name=_("organisers"), blank=True, limit_choices_to=source_locale_only
    )
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, limit_choices_to=source_locale_only
    )
    agenda = StreamField([("session", SessionBlock())], verbose_name=_("agenda"), blank=True)
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("documents"),
        blank=True,
        help_text=_(
            "Files of the event. A policy document chosen here lists the event on its own "
            "page in the policy library."
        ),
    )
    related_practices = ParentalManyToManyField(
        "practices.PracticePage",
        verbose_name=_("related practices"),
        blank=True,
        help_text=_(
            "Practices presented or discussed at the event: each one lists the event on its "
            "page, in every language it is translated into."
        ),
    )
    is_example = models.BooleanField(
        _("example content"),
        default=False,
        help_text=_("Shown with a notice that it is an example."),
    )

    # For the translation overview's country filter (website/translation_status.py).
    country_lookup = "country_links__country"

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("status")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("all_day"),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("online_url"),
                FieldPanel("interpretation_languages"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("country_links", label=_("Countries concerned")),
                FieldPanel("themes"),
                FieldPanel("organisers"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("body"),
        FieldPanel("agenda"),
        FieldPanel("documents"),
        FieldPanel("related_practices"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("is_example")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(RegistrationSettings.registration_panels, heading=_("Registration")),
            ObjectList(promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("city"),
        *language_search_fields(),
        index.FilterField("starts_at"),
        index.FilterField("event_type"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def search_text(self):
        return " ".join([self.title, self.summary, self.city, self.venue, str(self.body or "")])

    def search_parts(self):
        """Its text by field for the site's search index (website/search_index.py)."""
        language = self.locale.language_code
        codes = [self.country.code, *(link.country.code for link in self.country_links.all())]
        with translation.override(language):
            event_type = str(self.get_event_type_display())
        taxonomy = [
            event_type,
            names_in([*self.themes.all(), *self.organisers.all()], language),
            *country_names(codes, language),
        ]
        return {
            "title": self.title,
            "summary": self.summary,
            "taxonomy": " ".join(taxonomy),
            "body": " ".join([stream_text(self.body), self.city, self.venue]),
        }

    @classmethod
    def search_index_queryset(cls):
        return (
            cls.objects.live()
            .select_related("locale")
            .prefetch_related("themes", "organisers", "country_links")
        )

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return datetime.combine(self.start_date, self.start_time or time.min, self.zone)

    @property
    def local_end(self):
        return datetime.combine(self.end_date, self.end_time or time.max, self.zone)

    def clean(self):
        super().clean()
        errors = {}
        if not self.all_day and not self.start_time:
            errors["start_time"] = _("Give a start time, or tick “all day”.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The event cannot end before it starts.")
        elif (
            not errors
            and self.time_zone
            and self.end_date
            and not self.all_day
            and self.end_time
            and self.local_end <= self.local_start
        ):
            errors["end_time"] = _("The event cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.all_day:
            self.start_time = self.end_time = None
        self.starts_at = self.local_start
        self.ends_at = self.local_end
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .presentation import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context

    @path("")
    def event_route(self, request):
        return self.render(request)

    # The registration pages moved to registrations/urls.py; links already sent by
    # e-mail and forms already open in a browser still lead there.
    @path("register/")
    def register_route(self, request):
        return moved_to(request, self, "registrations:register")

    @path("registration/<str:token>/")
    def registration_route(self, request, token):
        return moved_to(request, self, "registrations:manage", token=token)

    @path("registration/<str:token>/confirm/")
    def confirm_route(self, request, token):
        return moved_to(request, self, "registrations:confirm", token=token)

    @path("ical/")
    def ical_route(self, request):
        from .ical_views import event_file_response

        return event_file_response(request, self)


class CalendarEntry(models.Model):
    """An event's VEVENT as the calendar feeds serve it, written when the event is
    published (events/calendar_entries.py), so that a feed is a join of stored texts."""

    page = models.OneToOneField(
        EventPage, on_delete=models.CASCADE, primary_key=True, related_name="calendar_entry"
    )
    vevent = models.TextField()
    # The time-zone rules and the site address it was written under: new rules move
    # local times, a new address moves its link (calendar_entries.written_under).
    written_under = models.CharField(max_length=250)
    written_at = models.DateTimeField()

    def __str__(self):
        return f"VEVENT of page {self.page_id}"


class EventIndexPage(TranslatorPermissionsMixin, FeedRoutesMixin, RoutablePageMixin, Page):
    """The calendar: upcoming events by month, the archive, a month grid, feeds."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    feed_class = "events.feeds.EventRssFeed"

    class Meta:
        verbose_name = _("calendar")
        verbose_name_plural = _("calendars")

    @path("")
    def upcoming_route(self, request):
        from .calendar import upcoming

        return self.render(request, context_overrides={"calendar": upcoming(self, request)})

    @path("past/")
    def past_route(self, request):
        from .calendar import past

        return self.render(request, context_overrides={"calendar": past(self, request)})

    @path("export/<str:kind>/")
    def export_route(self, request, kind):
        from .export import export_response

        return export_response(self, request, kind, past=False)

    @path("past/export/<str:kind>/")
    def past_export_route(self, request, kind):
        from .export import export_response

        return export_response(self, request, kind, past=True)

    @path("month/<int:year>/<int:month>/")
    def month_route(self, request, year, month):
        from .calendar import month_grid

        grid = month_grid(self, request, year, month)
        return self.render(
            request, template="events/month.html", context_overrides={"calendar": grid}
        )

    @path("ical/")
    def ical_route(self, request):
        from .ical_views import calendar_feed_response

        return calendar_feed_response(request, self)
