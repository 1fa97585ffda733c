"""Writes of the documents app: saving texts with what derives from them, checking links."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from collectif.tasks import enqueue_on_commit
from collectif.uploads import PDF, sniff

from . import indexing, link_sources, linkcheck
from .models import (
    DocumentTerm,
    LegalReference,
    LegalResource,
    LegalResourceTerm,
    LinkCheck,
    SearchWord,
)
from .pdftext import extract_text

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.db.models.fields.files import FieldFile

    from collectif.models import Theme

    from .models import Document

LANGUAGES = ("fr", "en")

_Text = TypeVar("_Text", "LegalResource", "Document")


def _stored_file_names(model: type[LegalResource | Document], pk: int | None) -> Mapping[str, Any]:
    if pk is None:
        return {}
    return model.objects.filter(pk=pk).values("file_fr", "file_en").first() or {}


def _file_text(field_file: FieldFile) -> str:
    if not field_file:
        return ""
    with field_file.open("rb") as handle:
        if sniff(handle) != PDF:
            return ""
        return extract_text(handle)


def _search_models(
    model: type[LegalResource | Document],
) -> tuple[type[LegalResourceTerm] | type[DocumentTerm], type[SearchWord] | None]:
    """The index and vocabulary models of a searchable model."""
    if model is LegalResource:
        return LegalResourceTerm, SearchWord
    return DocumentTerm, None


def reindex(instances: Iterable[LegalResource | Document]) -> int:
    """Rebuild what the search reads of these saved rows (of one model)."""
    instances = iter(instances)
    first = next(instances, None)
    if first is None:
        return 0
    postings, words = _search_models(type(first))
    return indexing.reindex(itertools.chain([first], instances), postings, words)


def _save_with_derived_fields(instance: _Text, *, refresh_text: bool) -> _Text:
    """Save the row, then the text of its files (where they changed) and what the search
    reads of it."""
    model = type(instance)
    before = _stored_file_names(model, instance.pk)
    instance.save()
    languages = [
        language
        for language in LANGUAGES
        if refresh_text
        or (getattr(instance, f"file_{language}").name or "")
        != (before.get(f"file_{language}") or "")
    ]
    reindex([instance])
    if languages:
        # Reading a long PDF takes seconds: a worker does it, then indexes the text.
        from .tasks import extract_file_text_task  # the tasks import these services

        result = enqueue_on_commit(
            extract_file_text_task,
            model=model._meta.label_lower,
            pk=instance.pk,
            languages=languages,
        )
        if result is not None and result.is_finished:  # run at once (the immediate back-end)
            instance.refresh_from_db(fields=[f"text_{language}" for language in languages])
    return instance


def file_text_refresh(*, instance: LegalResource | Document, languages: Iterable[str]) -> None:
    """Read the text of the row's files in these languages, store it and index it."""
    model = type(instance)
    changed = {
        f"text_{language}": _file_text(getattr(instance, f"file_{language}"))
        for language in languages
    }
    for name, value in changed.items():
        setattr(instance, name, value)
    model._base_manager.filter(pk=instance.pk).update(**changed)
    reindex([instance])


@transaction.atomic
def legal_resource_save(*, resource: LegalResource, refresh_text: bool = False) -> LegalResource:
    """Validate and save a legal resource (its many-to-many fields are the caller's: the admin
    saves them after this). The text of a changed PDF is extracted for the search; the first
    publication is dated for the feed."""
    resource.full_clean()
    if resource.is_published and resource.published_at is None:
        resource.published_at = timezone.now()
    return _save_with_derived_fields(resource, refresh_text=refresh_text)


@transaction.atomic
def legal_resource_save_with_relations(
    *,
    resource: LegalResource,
    themes: Iterable[Theme] | None = None,
    amends: Iterable[LegalResource] | None = None,
    references: Iterable[tuple[str, str]] | None = None,
) -> LegalResource:
    """Save a text with its themes, the texts it amends and its official references (each
    None: left as they are), then index it once with all of them (an import's row)."""
    legal_resource_save(resource=resource)
    if themes is not None:
        resource.themes.set(themes)
    if amends is not None:
        resource.amends.set(amends)
    if references is not None:
        kept = []
        for position, (scheme, value) in enumerate(references):
            reference = LegalReference(
                resource=resource, scheme=scheme, value=value, position=position
            )
            reference.full_clean(exclude=["resource"], validate_constraints=False)
            reference, _created = LegalReference.objects.update_or_create(
                resource=resource,
                scheme=reference.scheme,
                value=reference.value,
                defaults={"position": position},
            )
            kept.append(reference.pk)
        resource.references.exclude(pk__in=kept).delete()
    if references is not None:
        reindex([resource])  # the search reads the references, not the themes
    return resource


@transaction.atomic
def document_save(*, document: Document, refresh_text: bool = False) -> Document:
    """Validate and save one of the collective's documents; the day it first becomes public
    is kept for the feed."""
    document.full_clean()
    if document.is_public and document.published_at is None:
        document.published_at = timezone.now()
    return _save_with_derived_fields(document, refresh_text=refresh_text)


@transaction.atomic
def legal_resource_reindex(*, resource: LegalResource) -> int:
    """Rebuild the search index of one text after what it reads changed on its own (its
    references, saved by the admin after the text)."""
    return reindex([resource])


@transaction.atomic
def texts_reindex(
    *, queryset: QuerySet[LegalResource] | QuerySet[Document], batch_size: int = 500
) -> int:
    """Rebuild the search index of many rows at once (after a bulk load or a change of the
    search rules). The text of the files is kept as extracted."""
    if queryset.model is LegalResource:
        queryset = queryset.prefetch_related("references")
    return reindex(queryset.order_by("pk").iterator(chunk_size=batch_size))


@transaction.atomic
def legal_resources_mark_checked(
    *, queryset: QuerySet[LegalResource], day: date | None = None
) -> int:
    """Record that a coordinator checked these texts to be current."""
    return queryset.update(last_checked=day or timezone.localdate(), version=F("version") + 1)


@dataclass
class LinkCheckRun:
    """What a run of the link checker found."""

    results: list = field(default_factory=list)
    sources: dict = field(default_factory=dict)

    @property
    def broken(self) -> list[linkcheck.LinkResult]:
        return [result for result in self.results if result.checked and not result.ok]

    @property
    def unchecked(self) -> list[linkcheck.LinkResult]:
        return [result for result in self.results if not result.checked]


def link_checks_run(
    *,
    timeout: float = 10.0,
    workers: int = 4,
    max_time: float = 300.0,
    urls: Iterable[str] | None = None,
) -> LinkCheckRun:
    """Check every registered link (or the given ones), record each result under its address,
    and return the run. Addresses left unchecked when the run's time is up keep their previous
    record."""
    sources = link_sources.gather() if urls is None else {url: [] for url in urls}
    results = linkcheck.check_urls(
        list(sources), timeout=timeout, workers=workers, max_time=max_time
    )
    now = timezone.now()
    with transaction.atomic():
        for result in results:
            if not result.checked:
                continue
            LinkCheck.objects.update_or_create(
                url=result.url,
                defaults={
                    "status_code": result.status_code,
                    "ok": result.ok,
                    "error": result.error[:300],
                    "final_url": result.final_url if result.final_url != result.url else "",
                    "redirects": result.redirects,
                    "checked_at": now,
                },
            )
    return LinkCheckRun(results=results, sources=sources)
