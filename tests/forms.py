"""Submit a page's form as a browser would: every field with the value the page gave it."""

from html.parser import HTMLParser

from django.urls import reverse

SKIPPED_INPUTS = {"submit", "button", "file", "image", "reset"}


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = []
        self.select = None
        self.option = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self.form_id is None or attrs.get("id") == self.form_id
            return
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in SKIPPED_INPUTS:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.data.append((name, attrs.get("value", "on")))
                return
            self.data.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = {"name": name, "multiple": "multiple" in attrs, "chosen": []}
        elif tag == "option" and self.select is not None:
            self.option = {"value": attrs.get("value"), "text": "", "selected": "selected" in attrs}

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        if self.option is not None:
            self.option["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            # Browsers drop the newline that follows <textarea>.
            name, text = self.textarea
            self.data.append((name, text[1:] if text.startswith("\n") else text))
            self.textarea = None
        elif tag == "option" and self.option is not None:
            self._close_option()
        elif tag == "select" and self.select is not None:
            self._close_option()
            select, self.select = self.select, None
            chosen = select["chosen"]
            if not select["multiple"] and not any(selected for _v, selected in chosen):
                chosen = chosen[:1]  # a single select submits its first option by default
            else:
                chosen = [(value, selected) for value, selected in chosen if selected]
            self.data += [(select["name"], value) for value, _selected in chosen]

    def _close_option(self):
        if self.option is None or self.select is None:
            return
        option, self.option = self.option, None
        value = option["value"] if option["value"] is not None else option["text"].strip()
        self.select["chosen"].append((value, option["selected"]))


def form_data(html, form_id=None):
    """The fields the form `form_id` (the first form if None) submits, as a dict whose
    repeated names (multiple selects) are lists."""
    parser = _FormParser(form_id)
    parser.feed(html)
    data = {}
    for name, value in parser.data:
        if name in data:
            data[name] = (
                [*data[name], value] if isinstance(data[name], list) else [data[name], value]
            )
        else:
            data[name] = value
    return data


# --- Optimistic locking: two people on the same admin change page -------------------------------

STALE_FR = "Quelqu&#x27;un d&#x27;autre a modifié cette fiche depuis que vous l&#x27;avez ouverte"
STALE_EN = "Someone else changed this record since you opened it"


def open_admin(client, obj):
    """Open obj's admin change page: its address and the form as the page filled it."""
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, form_data(response.content.decode(), f"{meta.model_name}_form")


def save(client, url, data, **changes):
    return client.post(url, {**data, **changes, "_save": "Enregistrer"})


def race(first, second, obj, **changes):
    """Both open obj's page; the first saves the first change, then the second the other."""
    (name_1, value_1), (name_2, value_2) = changes.items()
    url, data_1 = open_admin(first, obj)
    _url, data_2 = open_admin(second, obj)
    assert data_1["version"] == data_2["version"] == str(obj.version)
    response = save(first, url, data_1, **{name_1: value_1})
    assert response.status_code == 302, response.content.decode()[:2000]
    return save(second, url, data_2, **{name_2: value_2})


def refused(response, *, keeps, message=STALE_FR):
    """The second save: refused with the message, its input shown again."""
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert keeps in content, "the second person's input is shown again"
    return content
