"""The public form that asks to learn from a practice or a country (exchange/urls.py).

It is shown in the chrome of the page it is about, with the page's own checks: a page
that is not live in the visitor's language, or not of the kind the URL names, is not
found; a page behind a password or a login asks for it first, as the page itself would.
"""

from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from practices.models import PracticePage
from website.countries import site_partners
from website.private_pages import render_private, served_within
from website.throttle import submission_allowed

from . import workflow
from .forms import ExchangeRequestForm
from .models import CountryPage

TEMPLATE = "exchange/request_form.html"


@served_within(PracticePage)
def learn_from_practice(request, page):
    link = page.country_links.first()
    if link is None:
        raise Http404
    return _request_form(request, page, "exchange:learn_from_practice", link.country.code, page)


@served_within(CountryPage)
def learn_from_country(request, page):
    return _request_form(request, page, "exchange:learn_from_country", page.country.code, None)


def _request_form(request, page, url_name, country, practice):
    if request.method == "GET" and request.GET.get("sent"):
        return render_private(request, page, "exchange/request_sent.html")
    form = ExchangeRequestForm(request.POST or None, partners=site_partners(request))
    context = {"form": form, "concerned_country": country, "learn_url_name": url_name}
    if request.method != "POST":
        return render_private(request, page, TEMPLATE, context)
    if form.is_robot:
        context["refused"] = _("Your form could not be accepted.")
        return render_private(request, page, TEMPLATE, context, 400)
    if not submission_allowed(request, "exchange"):
        form.is_valid()
        return render_private(request, page, TEMPLATE, {**context, "throttled": True}, 429)
    if not form.is_valid():
        return render_private(request, page, TEMPLATE, context, 400)
    data = {**form.request_data(), "country": country}
    workflow.submit(data, get_language(), practice=practice)
    sent = reverse(url_name, args=[page.pk]) + "?sent=1"
    return HttpResponseRedirect(sent, status=303)
