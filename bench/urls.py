from django.http import HttpResponse
from django.urls import path

from collectif.urls import urlpatterns as site_urlpatterns


def fixed_string(request):
    """The cheapest Django answer: the ceiling every page is compared with."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/fixed", fixed_string), *site_urlpatterns]
