import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import NewsItem, Newsletter


@register(NewsItem)
class NewsItemTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "image_alt", "link", "link_label")
    required_languages = {"fr": ("title", "summary")}


@register(Newsletter)
class NewsletterTranslationOptions(TranslationOptions):
    fields = ("title", "introduction")
    required_languages = {"fr": ("title",)}


# History after modeltranslation has added the per-language fields (as in members): every
# edit of an item, by a member or a coordinator, can be seen and undone. Without the version,
# as in members: a revert carries the current one, and is refused if it is stale.
simple_history.register(
    NewsItem, m2m_fields=["themes", "organisations"], excluded_fields=["version"]
)
