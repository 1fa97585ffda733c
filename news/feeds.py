from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from collectif.feeds import Atom1Feed
from collectif.templatetags.translated import translated

from .models import NewsItem

FEED_SIZE = 30


class LatestNewsFeed(Feed):
    """The latest published news in the language of the address (/fr/actualites/flux/,
    /en/news/feed/), French where an English text is missing."""

    feed_type = Atom1Feed

    def title(self):
        return _("Together against human trafficking: news")

    def subtitle(self):
        return _("News of the collective and initiatives of its members.")

    def link(self):
        return reverse("news:item-list")

    def feed_url(self):
        return reverse("news:feed")

    def items(self):
        return NewsItem.objects.published().for_list().newest_first()[:FEED_SIZE]

    def item_title(self, item):
        return str(translated(item, "title"))

    def item_description(self, item):
        return str(translated(item, "summary"))

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(str(o) for o in item.organisations.all()) or None

    def item_guid(self, item):
        return f"news-{item.pk}"

    item_guid_is_permalink = False

    def item_categories(self, item):
        return [item.get_kind_display(), *(str(theme) for theme in item.themes.all())]
