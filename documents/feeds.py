from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from collectif.feeds import Atom1Feed
from collectif.templatetags.translated import translated

from .models import Document, LegalResource

FEED_SIZE = 30


class LatestTextsFeed(Feed):
    """New public texts of the library and public documents of the collective, in the
    language of the address (/fr/droit/flux/, /en/law/feed/). Never a members-only one: feed
    readers do not log in."""

    feed_type = Atom1Feed

    def title(self):
        return _("Together against human trafficking: new texts and documents")

    def subtitle(self):
        return _("Legal texts on human trafficking and the collective's public documents.")

    def link(self):
        return reverse("documents:library")

    def feed_url(self):
        return reverse("documents:feed")

    def items(self):
        resources = (
            LegalResource.objects.published()
            .exclude(published_at=None)
            .select_related("body")
            .order_by("-published_at")[:FEED_SIZE]
        )
        documents = (
            Document.objects.public()
            .exclude(published_at=None)
            .order_by("-published_at")[:FEED_SIZE]
        )
        items = list(resources) + list(documents)
        items.sort(key=lambda item: item.published_at, reverse=True)
        return items[:FEED_SIZE]

    def item_title(self, item):
        return str(translated(item, "title"))

    def item_description(self, item):
        return str(translated(item, "summary"))

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return f"{item._meta.model_name}-{item.pk}"

    item_guid_is_permalink = False

    def item_categories(self, item):
        return [item.get_kind_display()]
