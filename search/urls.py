"""The site-search page and the header box's suggestions, under each language's prefix."""

from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.suggestions, name="search_suggest"),
]
