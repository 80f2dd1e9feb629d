"""The exchange app's models, each in the module named for what it holds, imported here
so that Django finds them all."""

from .agreements import BilateralAgreement
from .countries import CountryIndexPage, CountryPage, FocalPoint, GfmdEngagement, Institution
from .documents import PolicyDocument
from .library import PolicyLibraryPage
from .requests import ExchangeRequest, ExchangeRequestLog

__all__ = [
    "BilateralAgreement",
    "CountryIndexPage",
    "CountryPage",
    "ExchangeRequest",
    "ExchangeRequestLog",
    "FocalPoint",
    "GfmdEngagement",
    "Institution",
    "PolicyDocument",
    "PolicyLibraryPage",
]
