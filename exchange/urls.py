"""The public form that asks to learn from a practice or a country, by the id of the
page in the visitor's language. Included under each language prefix (website/urls.py),
before Wagtail's pages."""

from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [
    path("learn/practice/<int:page_id>/", views.learn_from_practice, name="learn_from_practice"),
    path("learn/country/<int:page_id>/", views.learn_from_country, name="learn_from_country"),
]
