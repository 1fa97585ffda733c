"""Is the English of a text missing, or older than the French it translates?

One mechanism for every model registered with modeltranslation. French (the default language
of modeltranslation) is the source; every other language of the site is a translation of it.
For each translated text field the project keeps, per record and per language, when that
language last changed (`TranslationStamp`). A translation is

- missing when the French has text and the translation has none;
- stale when the French changed after the translation was last written or confirmed.

Whatever saves a record of a tracked model (a service, the admin and its inlines, a revert
from the history, an import, the demo) records which language of which field it changed:
`track()`, called when the project starts, listens to every tracked model's saves. Only
writes that bypass `save()` (`QuerySet.update`, `bulk_create`) are not seen: none writes
translated texts. A record never stamped is taken as up to date.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from . import content_versions
from .models import TranslationStamp

OK = "ok"
MISSING = "missing"
STALE = "stale"


def source_language():
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != source_language()]


def tracked_fields(model):
    """The translated text fields of a model. Addresses and files are translated too (an
    English website), but a missing one is no missing translation: they are not tracked."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return [
        name
        for name in options.fields
        if not isinstance(model._meta.get_field(name), (models.URLField, models.FileField))
    ]


def tracked_models():
    return [model for model in translator.get_registered_models() if tracked_fields(model)]


def _value(instance, name, language):
    return getattr(instance, build_localized_fieldname(name, language), None) or ""


@dataclass(frozen=True)
class TextStatus:
    """The state of one language of one field of one record."""

    field: str
    language: str
    state: str = OK
    source_changed_at: datetime | None = None
    changed_at: datetime | None = None
    label: str = ""  # the field's verbose name

    @property
    def is_missing(self):
        return self.state == MISSING

    @property
    def is_stale(self):
        return self.state == STALE

    @property
    def needs_work(self):
        return self.state != OK


@dataclass
class RecordStatus:
    """The translation state of every tracked field of one record, in every target language.

    In templates, `status.description` is the state of the description in the current
    language (always OK in the source language)."""

    instance: models.Model
    texts: dict = field(default_factory=dict)  # (field, language) -> TextStatus
    fields: tuple = ()

    def __getitem__(self, name):
        # Templates look up `status.x` as `status["x"]` first: only field names answer here.
        if name not in self.fields:
            raise KeyError(name)
        language = get_language()
        return self.texts.get((name, language), TextStatus(name, language))

    def __getattr__(self, name):
        if name.startswith("_") or name in {"instance", "texts", "fields"}:
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def needing_work(self, language=None):
        return [
            text
            for text in self.texts.values()
            if text.needs_work and (language is None or text.language == language)
        ]

    @property
    def any_stale(self):
        """Whether a text shown in the current language may be out of date."""
        language = get_language()
        return any(t.is_stale for t in self.texts.values() if t.language == language)


def _stamps_for(instances):
    """{(content_type_id, object_id, field, language): changed_at} in one query."""
    by_type = {}
    for instance in instances:
        content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
        by_type.setdefault(content_type.pk, set()).add(instance.pk)
    if not by_type:
        return {}
    condition = Q()
    for content_type_id, ids in by_type.items():
        condition |= Q(content_type_id=content_type_id, object_id__in=ids)
    return {
        (s.content_type_id, s.object_id, s.field, s.language): s.changed_at
        for s in TranslationStamp.objects.filter(condition)
    }


def _status(instance, stamps):
    content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
    source = source_language()
    names = tracked_fields(type(instance))
    status = RecordStatus(instance, fields=tuple(names))
    for name in names:
        if not _value(instance, name, source):
            continue
        label = instance._meta.get_field(name).verbose_name
        source_at = stamps.get((content_type.pk, instance.pk, name, source))
        for language in target_languages():
            target_at = stamps.get((content_type.pk, instance.pk, name, language))
            if not _value(instance, name, language):
                state = MISSING
            elif source_at and (target_at is None or target_at < source_at):
                state = STALE
            else:
                state = OK
            status.texts[(name, language)] = TextStatus(
                name, language, state, source_at, target_at, label
            )
    return status


def status_for(instance):
    """The RecordStatus of one record (one query)."""
    return _status(instance, _stamps_for([instance]))


def statuses_for(instances):
    """The RecordStatus of several records, of any models, in one query: a list in the same
    order as `instances`."""
    instances = [i for i in instances if i is not None]
    stamps = _stamps_for(instances)
    return [_status(instance, stamps) for instance in instances]


def pending_changes(instance):
    """The (field, language) pairs whose value differs from the saved record: call before
    saving, pass the result to record() after."""
    names = tracked_fields(type(instance))
    localized = {
        (name, code): build_localized_fieldname(name, code)
        for name in names
        for code, _language in settings.LANGUAGES
    }
    saved = None
    if instance.pk is not None:
        saved = (
            type(instance)._base_manager.filter(pk=instance.pk).values(*localized.values()).first()
        )
    changes = []
    for (name, code), column in localized.items():
        new = getattr(instance, column, None) or ""
        old = (saved or {}).get(column) or ""
        if new != old:
            changes.append((name, code))
    return changes


def record(instance, changes, *, when=None):
    """Stamp the given (field, language) pairs of a saved record as changed `when` (now):
    two queries at most, whatever the number of changes."""
    changes = set(changes)
    if not changes:
        return
    when = when or timezone.now()
    content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
    stamps = TranslationStamp.objects.filter(content_type=content_type, object_id=instance.pk)
    existing = {
        (stamp.field, stamp.language): stamp
        for stamp in stamps
        if (stamp.field, stamp.language) in changes
    }
    if existing:
        stamps.filter(pk__in=[stamp.pk for stamp in existing.values()]).update(changed_at=when)
    TranslationStamp.objects.bulk_create(
        TranslationStamp(
            content_type=content_type,
            object_id=instance.pk,
            field=name,
            language=language,
            changed_at=when,
        )
        for name, language in sorted(changes - set(existing))
    )


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:  # loading a fixture or a backup: nothing was written by anyone
        return
    changes = pending_changes(instance)
    if update_fields is not None:
        changes = [
            (name, code)
            for name, code in changes
            if name in update_fields or build_localized_fieldname(name, code) in update_fields
        ]
    instance._translation_changes = changes


def _after_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    record(instance, instance.__dict__.pop("_translation_changes", ()))


def track():
    """Record the changes of every save of every tracked model (see the module's docstring).
    Called once the models are registered for translation (collectif's AppConfig.ready)."""
    for model in tracked_models():
        label = model._meta.label_lower
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"translation-pre-{label}")
        post_save.connect(_after_save, sender=model, dispatch_uid=f"translation-post-{label}")


def confirm_current(instance, name, language, *, when=None):
    """Someone checked that the translation still says what the French says."""
    record(instance, [(name, language)], when=when)
    # Stamps are not read as a dependency of their own (collectif/apps.py): the record they
    # stamp, unchanged here, stands for them.
    content_versions.move({instance._meta.db_table: None})


def records_needing_translation():
    """Every record of every tracked model with a missing or stale translation, as
    RecordStatus objects (a few queries per model, whatever the number of records)."""
    source = source_language()
    stamps_by_type = {}
    for stamp in TranslationStamp.objects.all():
        stamps_by_type.setdefault(stamp.content_type_id, []).append(stamp)
    results = []
    for model in tracked_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        names = tracked_fields(model)
        missing = Q()
        for name in names:
            for language in target_languages():
                target = build_localized_fieldname(name, language)
                missing |= ~Q(**{build_localized_fieldname(name, source): ""}) & (
                    Q(**{target: ""}) | Q(**{f"{target}__isnull": True})
                )
        stamps = {
            (s.content_type_id, s.object_id, s.field, s.language): s.changed_at
            for s in stamps_by_type.get(content_type.pk, [])
        }
        stamped_ids = {s.object_id for s in stamps_by_type.get(content_type.pk, [])}
        candidates = model._default_manager.filter(missing | Q(pk__in=stamped_ids))
        for instance in candidates:
            status = _status(instance, stamps)
            if status.needing_work():
                results.append(status)
    return results
