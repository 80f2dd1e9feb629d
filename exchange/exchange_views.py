"""The public form that asks to learn from a practice or a country."""

from django.http import Http404, HttpResponseRedirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from website.private_pages import render_private
from website.throttle import submission_allowed

from . import exchange_requests
from .exchange_forms import ExchangeRequestForm

TEMPLATE = "exchange/request_form.html"


def request_exchange(request, page):
    country, practice = _concerned(page)
    if request.method == "GET" and request.GET.get("sent"):
        return render_private(request, page, "exchange/request_sent.html")
    form = ExchangeRequestForm(request.POST or None)
    context = {"form": form, "concerned_country": country}
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
    exchange_requests.submit(data, get_language(), practice=practice)
    return HttpResponseRedirect(page.url + "learn/?sent=1", status=303)


def _concerned(page):
    """The country a request is about, and the practice if it comes from one."""
    if hasattr(page, "country_links"):
        link = page.country_links.first()
        if link is None:
            raise Http404
        return link.country.code, page
    return page.country.code, None
