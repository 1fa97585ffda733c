"""Every upload field, fed hostile files: names that climb out of the media folder, absolute
names, NUL and markup in names; truncated, disguised, decompression-bomb and oversized files.
A good file under a bad name is kept under a safe name inside the media folder; a bad file is
refused with a message in the visitor's language and the saved one is kept. Never a 500."""

import html
from pathlib import Path

import pytest
from django.conf import settings

from collectif import uploads
from members.models import ActivityReport, Organisation
from news.models import NewsItem

from .catalogue import FILE_FORM_FIELDS, FORMS_BY_ID, XSS, Findings
from .multipart import deflate_bomb_png, png, post_multipart

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

# Names an attacker may send, byte for byte.
HOSTILE_NAMES = [
    "../../../../etc/passwd",
    "..\\..\\..\\windows\\win.ini",
    "/etc/passwd",
    "C:\\Windows\\System32\\logo",
    "%2e%2e%2f%2e%2e%2fescape",
    "logo\x00.php",
    "....//....//logo",
    ".htaccess",
    XSS[0],
    '"quoted".name',
    "a" * 250,
    "\u202egnp.exe",
    "",
    " ",
]
# Names no browser sends, that may also be refused outright: a part header over Django's limit
# of 1 kB is a bad request; bytes that are not UTF-8 leave the field empty (a form error).
UNREADABLE_NAMES = ["a" * 1000, b"\xff\xfe\xc0\xaf-not-utf8"]

GOOD = {"image": (png(), "image/png", ".png"), "pdf": (PDF, "application/pdf", ".pdf")}
# The one checker's limits: images, and PDFs sent by members.
LIMITS = {"image": uploads.IMAGE_MAX_BYTES, "pdf": uploads.PDF_MAX_BYTES}


def bad_files(kind):
    """(what, file name, content): files each field must refuse."""
    extension = GOOD[kind][2]
    other = {"image": (PDF, ".pdf"), "pdf": (png(), ".png")}[kind]
    files = [
        ("empty", f"empty{extension}", b""),
        ("text", f"notes{extension}", b"just some text, not a document"),
        ("html", f"page{extension}", b"<html><script>alert('xss-upload')</script></html>"),
        ("svg", f"logo{extension}", b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'),
        ("zip", f"archive{extension}", b"PK\x03\x04" + b"\0" * 200),
        ("other type", f"disguised{extension}", other[0]),
        ("oversized", f"big{extension}", GOOD[kind][0] + b"\0" * LIMITS[kind]),
    ]
    if kind == "image":
        files += [
            ("truncated", "cut.png", png((300, 300))[:200]),
            ("bomb", "bomb.png", deflate_bomb_png()),
            ("gif", "anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        ]
    else:
        files += [("truncated", "cut.pdf", b"%PDF")]
    return files


def post_file(client, site, form, field, kind, name, content, content_type=None):
    fields = {**form.data(site)}
    return post_multipart(
        client,
        form.url(site),
        fields,
        [(field, name, content, content_type or GOOD[kind][1])],
    )


def stored_names(site):
    organisation = Organisation.objects.get(pk=site.organisation.pk)
    reports = ActivityReport.objects.filter(organisation=organisation).order_by("pk")
    initiatives = NewsItem.objects.filter(proposer=organisation).order_by("pk")
    return (
        [organisation.logo.name]
        + [report.file.name for report in reports]
        + [item.image.name for item in initiatives]
    )


def assert_inside_media(name):
    assert name
    assert "\x00" not in name, name
    assert ".." not in Path(name).parts, name
    assert not Path(name).is_absolute(), name
    path = (Path(settings.MEDIA_ROOT) / name).resolve()
    assert path.is_relative_to(Path(settings.MEDIA_ROOT).resolve()), name
    assert path.is_file(), name


def test_every_file_field_is_one_this_suite_has_files_for():
    """The kinds come from the form classes: a field of a new kind needs its good and bad
    files here before it can be tested."""
    assert {"logo", "file", "image"} <= {field for _form, field, _kind in FILE_FORM_FIELDS}
    assert {kind for _form, _field, kind in FILE_FORM_FIELDS} <= set(GOOD)


@pytest.mark.parametrize(("form", "field", "kind"), FILE_FORM_FIELDS, ids=lambda v: str(v))
def test_good_file_under_a_hostile_name_is_kept_under_a_safe_name(
    client_for, site, form, field, kind
):
    client = client_for(form.user)
    findings = Findings()
    content, _content_type, extension = GOOD[kind]
    for name in HOSTILE_NAMES + UNREADABLE_NAMES:
        filename = name + extension if isinstance(name, str) else name + extension.encode()
        response = findings.check(
            post_file(client, site, form, field, kind, filename, content),
            what=repr(filename)[:60],
            allowed=(302,) if name in HOSTILE_NAMES else (200, 302, 400),
        )
        if response.status_code == 200 and "data-error-summary" not in response.content.decode():
            findings.append(f"no error message for {filename!r}")
        if response.status_code == 302:
            for stored in stored_names(site):
                if stored:
                    assert_inside_media(stored)
                    assert not any(char in stored for char in "<>\"'\\ "), stored
    findings.assert_none()


@pytest.mark.parametrize(("form", "field", "kind"), FILE_FORM_FIELDS, ids=lambda v: str(v))
def test_bad_files_are_refused_and_the_saved_one_is_kept(client_for, site, form, field, kind):
    client = client_for(form.user)
    good = post_file(client, site, form, field, kind, "good" + GOOD[kind][2], GOOD[kind][0])
    assert good.status_code == 302
    kept = stored_names(site)
    findings = Findings()
    for what, name, content in bad_files(kind):
        response = findings.check(
            post_file(client, site, form, field, kind, name, content), what=what, allowed=(200,)
        )
        if response.status_code == 200 and 'class="errorlist"' not in response.content.decode():
            findings.append(f"no error message for the {what} file")
        if stored_names(site) != kept:
            findings.append(f"the {what} file replaced or added a file")
    findings.assert_none()


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        (
            "fr",
            [
                "Ce fichier n'est pas une image PNG, JPEG ou WebP, ou il est endommagé.",
                "Cette image est trop grande une fois décodée (plus de 40 millions de pixels).",
                "la limite est de 5,0",
            ],
        ),
        (
            "en",
            [
                "This file is not a PNG, JPEG or WebP image, or it is damaged.",
                "This image is too large once decoded (over 40 million pixels).",
                "the limit is 5.0",
            ],
        ),
    ],
)
def test_refused_images_say_why_in_the_visitors_language(client_for, site, language, messages):
    client = client_for("representative")
    url = FORMS_BY_ID["logo"].url(site, language)
    files = [
        ("logo.png", png((300, 300))[:200]),
        ("bomb.png", deflate_bomb_png()),
        ("big.png", png() + b"\0" * uploads.IMAGE_MAX_BYTES),
    ]
    for (name, content), message in zip(files, messages, strict=True):
        response = post_multipart(client, url, files=[("logo", name, content, "image/png")])
        assert message in html.unescape(response.content.decode()), name


def test_malformed_multipart_bodies_are_bad_requests(client_for, site):
    client = client_for("representative")
    url = FORMS_BY_ID["logo"].url(site)
    findings = Findings()
    bodies = [
        ("no closing boundary", b'--b\r\nContent-Disposition: form-data; name="logo"\r\n\r\nx'),
        ("garbage", b"\xff\xfe\x00" * 1000),
        ("no boundary", b"--b--\r\n"),
        ("empty", b""),
    ]
    for what, body in bodies:
        for content_type in ("multipart/form-data; boundary=b", "multipart/form-data"):
            findings.check(client.post(url, body, content_type=content_type), what=what)
    findings.assert_none()
