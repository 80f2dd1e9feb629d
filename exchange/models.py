"""The exchange app's models live in modules named after what they hold."""

from .agreements import BilateralAgreement  # noqa: F401
from .documents import PolicyDocument  # noqa: F401
from .exchange_requests import ExchangeRequest, ExchangeRequestLog  # noqa: F401
from .pages import (  # noqa: F401
    CountryIndexPage,
    CountryPage,
    FocalPoint,
    GfmdEngagement,
    Institution,
    PolicyLibraryPage,
)
