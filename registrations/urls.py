"""The participant's public pages, under each language's prefix (website/urls.py).

They once were sub-routes of the event page (`…/<event>/register/`); the event page
still answers those addresses with a permanent redirect here, so links already sent by
e-mail keep working (events/models.py)."""

from django.urls import path

from . import views

app_name = "registrations"
urlpatterns = [
    path("events/<int:page_id>/register/", views.register, name="register"),
    path("events/<int:page_id>/my-registrations/", views.find, name="find"),
    path("events/<int:page_id>/registration/<str:token>/", views.manage, name="manage"),
    path("events/<int:page_id>/registration/<str:token>/cancel/", views.cancel, name="cancel"),
    path(
        "events/<int:page_id>/registration/<str:token>/details/",
        views.details,
        name="details",
    ),
    path(
        "events/<int:page_id>/registration/<str:token>/confirm/",
        views.confirm,
        name="confirm",
    ),
]
