"""The moderation queue of exchange requests in the Wagtail admin."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from events.models import EventPage
from website.query_params import integer

from . import workflow
from .models.requests import RequestStatus
from .request_access import visible_requests


def queue(request):
    requests = visible_requests(request.user).select_related("practice")
    status = request.GET.get("status", "")
    if status in RequestStatus.values:
        requests = requests.filter(status=status)
    page = Paginator(requests, 50).get_page(request.GET.get("p"))
    context = {"page_obj": page, "statuses": RequestStatus.choices, "status": status}
    return TemplateResponse(request, "exchange/admin/queue.html", context)


def detail(request, request_id):
    exchange_request = visible_requests(request.user).filter(pk=request_id).first()
    if exchange_request is None:
        return TemplateResponse(request, "exchange/admin/forbidden.html", status=403)
    if request.method == "POST":
        return _move(request, exchange_request)
    context = {
        "item": exchange_request,
        "log": exchange_request.log.select_related("actor"),
        "moves": [
            (target, RequestStatus(target).label)
            for target in RequestStatus
            if target in workflow.ALLOWED[RequestStatus(exchange_request.status)]
        ],
        "events": EventPage.objects.filter(
            locale=Locale.get_default(), ends_at__gte=timezone.now()
        ).order_by("starts_at")[:200],
    }
    return TemplateResponse(request, "exchange/admin/request.html", context)


def _move(request, exchange_request):
    target = request.POST.get("status", "")
    event_id = integer(request.POST.get("event"))
    event = EventPage.objects.filter(pk=event_id).first() if event_id else None
    if target not in RequestStatus.values:
        messages.error(request, _("Choose the new status."))
        return redirect("exchange_request", exchange_request.pk)
    try:
        workflow.move(exchange_request, target, request.user, event)
    except workflow.RefusedMove:
        messages.error(request, _("This change of status is not possible."))
    else:
        messages.success(request, _("Status changed; the requester is told by e-mail."))
    return redirect("exchange_request", exchange_request.pk)
