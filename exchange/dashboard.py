"""The admin home's panel of open exchange requests, for those who work the queue: a
focal point sees their country's, a moderator all. A fixed number of queries, however
many requests there are: one count by status, one short list."""

from django.db.models import Count
from wagtail.admin.ui.components import Component

from .models.requests import RequestStatus

LATEST = 5
OPEN = [status for status in RequestStatus if status != RequestStatus.CLOSED]


class OpenRequestsPanel(Component):
    name = "open_exchange_requests"
    template_name = "exchange/admin/open_requests_panel.html"
    order = 90

    def __init__(self, requests):
        self.requests = requests.filter(status__in=OPEN)

    def get_context_data(self, parent_context):
        counted = self.requests.order_by().values_list("status").annotate(Count("pk"))
        counts = dict(counted)
        return {
            "counts": [(status, status.label, counts.get(status, 0)) for status in OPEN],
            "total": sum(counts.values()),
            "latest": self.requests.select_related("practice")[:LATEST],
        }
