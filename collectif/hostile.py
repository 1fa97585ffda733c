"""Entries of the hostile-input suite (tests/hostile): the pages an app serves, with the query
parameters they read, and the forms a visitor or a member sends. Each app registers its own in
its contributions.py (`registry.hostile_pages`, `registry.hostile_forms`); the suite feeds every
payload to every entry, and fails for a page of the site that is not registered.

What depends on the suite's objects (an organisation's slug, a meeting's id, a valid
submission) is a callable taking its sample objects `site`, a namespace with:

- `theme`: a Theme;
- `organisation`: a public member organisation (slug « ccem ») with that theme, a network and a
  representative; `network`: its InternationalNetwork; `report`: its 2013 ActivityReport;
- `representative`: the organisation's representative; `coordinator`: a member of the
  Coordination; both are also the `user` names of the entries (besides « anonymous »);
- `resource`: a published LegalResource; `document`: a public Document with a French PDF;
- `meeting`: a public plenary Meeting with an agenda item; `action`: an ActionItem of that
  meeting, for the organisation; `calendar_token`: the representative's calendar-feed token;
- `news_item`: a published communiqué of the collective; `initiative`: a petition the
  organisation proposes, not yet submitted;
- `subscriber`: a newsletter subscriber; `confirmation_token`: the token of its confirmation link;
- `other_organisation`: another member organisation (Hors la Rue), without a representative;
  `ballot`: an open secret ballot on the document, opened the day before.

The fields a form's hostile values go to are read from its class (`Form.text_fields`,
`file_fields`, `date_fields`): only what the class does not declare is written in the entry.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.tokens import default_token_generator
from django.core.validators import FileExtensionValidator
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.module_loading import import_string

from . import locking
from .uploads import ImageUploadField, PdfUploadField

Kwargs = Callable[[Any], dict] | None  # site -> URL kwargs


def _reverse(name, kwargs, site, language):
    with translation.override(language):
        return reverse(name, kwargs=kwargs(site) if kwargs else None)


@dataclass(frozen=True)
class Page:
    """A page, who sees it, and the query parameters it reads. `echoes`: the parameters it
    shows back (search boxes), which must then appear escaped."""

    name: str
    params: tuple = ()
    kwargs: Kwargs = None
    user: str = "anonymous"
    echoes: tuple = ()

    def url(self, site, language="fr"):
        return _reverse(self.name, self.kwargs, site, language)

    def __str__(self):
        return f"{self.name}[{self.user}]"


@dataclass(frozen=True)
class Form:
    """A form: where it is sent, by whom, and a valid submission (`valid`: site -> data).

    `form_class` (the class or its dotted path) gives the fields; `extra_fields`: what the
    request carries besides them (a `next` the view reads, fields made by `__init__`);
    `exclude`: fields the suite must leave alone. A view without a form class (a button)
    declares one made-up field in `extra_fields`, so that its request is still tampered with.
    `shown_on`: the pages that show what the form saved, as (URL name, kwargs) pairs.
    `prepare`: (client, site) -> None, run before each submission.
    `record`: site -> the record a versioned form edits, whose current version `data()` sends
    (as the page would), so that a submission is judged on its fields, not refused as stale.
    """

    id: str
    name: str
    user: str
    valid: Callable[[Any], dict]
    form_class: type | str | None = None
    extra_fields: tuple = ()
    exclude: tuple = ()
    kwargs: Kwargs = None
    shown_on: tuple = ()
    prepare: Callable | None = None
    record: Callable[[Any], Any] | None = None

    def url(self, site, language="fr"):
        return _reverse(self.name, self.kwargs, site, language)

    def data(self, site):
        """A valid submission, with the record's current version if the form is versioned."""
        data = dict(self.valid(site))
        if self.record is not None:
            record = self.record(site)
            data[locking.FIELD] = str(type(record)._base_manager.get(pk=record.pk).version)
        return data

    def shown_urls(self, site, language="fr"):
        return [_reverse(name, kwargs, site, language) for name, kwargs in self.shown_on]

    def fields(self):
        """{posted name: form field} of the class, `extra_fields` as text fields."""
        form_class = self.form_class
        if isinstance(form_class, str):
            form_class = import_string(form_class)
        declared = dict(form_class.base_fields) if form_class else {}
        if form_class and issubclass(form_class, locking.VersionedFormMixin):
            # Added by the mixin's __init__: the hidden version of the record.
            declared[locking.FIELD] = forms.CharField()
        declared.update((name, forms.CharField()) for name in self.extra_fields)
        posted = {}
        for name, field in declared.items():
            if name in self.exclude:
                continue
            # A multi-part field (date and time apart) arrives as name_0, name_1.
            suffixes = getattr(field.widget, "widgets_names", None) or [""]
            posted.update((name + suffix, field) for suffix in suffixes)
        return posted

    @property
    def text_fields(self):
        """Every field but the files: a request may carry any text in a choice, a number or
        a checkbox as well as in a text box."""
        return tuple(
            name for name, field in self.fields().items() if not isinstance(field, forms.FileField)
        )

    @property
    def file_fields(self):
        """{field: "image" | "pdf" | "file"}, by the field's class or its validators."""
        return {
            name: file_kind(field)
            for name, field in self.fields().items()
            if isinstance(field, forms.FileField)
        }

    @property
    def date_fields(self):
        """Fields that read a date or a date and time (also fed the calendar's edges)."""
        temporal = (forms.DateField, forms.DateTimeField, forms.SplitDateTimeField)
        return tuple(name for name, field in self.fields().items() if isinstance(field, temporal))

    def __str__(self):
        return self.id


def file_kind(field):
    if isinstance(field, forms.ImageField | ImageUploadField):
        return "image"
    extensions = {
        extension.lower()
        for validator in field.validators
        if isinstance(validator, FileExtensionValidator)
        for extension in validator.allowed_extensions or ()
    }
    if isinstance(field, PdfUploadField) or extensions == {"pdf"}:
        return "pdf"
    return "file"


def password_reset_kwargs(user):
    """The URL kwargs of the link Django's password reset e-mail sends `user` (its token holds
    the current password: a new one after each change)."""
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
