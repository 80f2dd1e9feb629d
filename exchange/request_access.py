"""Who sees exchange requests: administrators and moderators see them all; a focal point
with an admin account sees those about their own country; nobody else any."""

from website.bootstrap import MODERATORS

from .models import ExchangeRequest, FocalPoint


def visible_requests(user):
    requests = ExchangeRequest.objects.all()
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        return requests
    countries = FocalPoint.objects.filter(user=user).values_list("page__country", flat=True)
    return requests.filter(country__in=list(countries))


def can_use_queue(user):
    return (
        user.is_superuser
        or user.groups.filter(name=MODERATORS).exists()
        or FocalPoint.objects.filter(user=user).exists()
    )
