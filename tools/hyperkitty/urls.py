# HyperKitty under /hyperkitty/ with the account pages beside it, as Debian's mailman3-web
# lays them out (python3-django-hyperkitty's examples/urls.py).
from django.conf.urls import include
from django.urls import path, reverse_lazy
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(url=reverse_lazy("hk_root"))),
    path("hyperkitty/", include("hyperkitty.urls")),
    path("", include("django_mailman3.urls")),
    path("accounts/", include("allauth.urls")),
]
