"""The server-error page, which tells a database outage apart from a bug.

Django calls `handler500` while the exception is still being handled, so it can be read
from `sys.exc_info()`. An unreachable database is a temporary state, not a fault in the
page: it answers 503 with `Retry-After`, so that browsers, crawlers and the proxy try
again rather than record an error. Neither page touches the database.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 60


@requires_csrf_token
def server_error(request):
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = _render("503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return _render("500.html", status=500)


def _render(template_name, status):
    body = loader.get_template(template_name).render()
    response = HttpResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response
