from news.rich_text import render_markdown


def test_markdown_becomes_paragraphs_lists_links_and_emphasis():
    html = render_markdown(
        "Un **colloque** le *16 octobre*.\n\n- un\n- deux\n\n[ACPE](https://acpe.example.org)"
    )
    assert "<strong>colloque</strong>" in html
    assert "<em>16 octobre</em>" in html
    assert "<ul>\n<li>un</li>" in html
    assert '<a href="https://acpe.example.org" rel="noopener noreferrer nofollow">ACPE</a>' in html


def test_script_tags_are_removed_with_their_content():
    html = render_markdown("Avant <script>alert('x')</script> après")
    assert "<script" not in html
    assert "alert" not in html
    assert "Avant" in html
    assert "après" in html


def test_event_handler_attributes_are_removed():
    html = render_markdown(
        '<p onclick="steal()">texte</p> '
        '<a href="https://ok.example.org" onmouseover="steal()">lien</a>'
    )
    assert "onclick" not in html
    assert "onmouseover" not in html
    assert "steal" not in html
    assert 'href="https://ok.example.org"' in html


def test_javascript_links_are_removed_in_html_and_in_markdown():
    html = render_markdown(
        '<a href="javascript:alert(1)">a</a> [b](javascript:alert(2)) [c](JaVaScRiPt:alert(3))'
    )
    assert "javascript" not in html.lower()
    assert "alert" not in html


def test_images_styles_frames_and_forms_are_removed():
    html = render_markdown(
        "![pixel](https://tracker.example.org/p.gif) <img src=x onerror=alert(1)> "
        '<iframe src="https://evil.example.org"></iframe> <div style="color:red">t</div> '
        '<form action="https://evil.example.org"><input name="x"></form>'
    )
    for forbidden in ("<img", "tracker", "<iframe", "style=", "<form", "<input", "onerror"):
        assert forbidden not in html


def test_headings_start_at_level_two_under_the_pages_title():
    html = render_markdown("# Titre\n\n## Sous-titre\n\n###### Petit")
    assert "<h1" not in html
    assert "<h2>Titre</h2>" in html
    assert "<h3>Sous-titre</h3>" in html
    assert "<h4>Petit</h4>" in html


def test_mail_addresses_stay_links():
    html = render_markdown("Inscriptions : <inscription@example.org>")
    assert '<a href="mailto:inscription@example.org"' in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""
