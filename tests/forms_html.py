"""Reading a rendered form as a screen reader does: what each field's aria-describedby
names, and where the error summary's links lead."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.described = []  # (element id, [ids it names])
        self.summary_links = []
        self.summary = None
        self._in_summary = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if attrs.get("aria-describedby"):
            self.described.append((attrs.get("id"), attrs["aria-describedby"].split()))
        if "error-summary" in (attrs.get("class") or "").split():
            self.summary = attrs
            self._in_summary = 1
        elif self._in_summary and tag not in ("br", "input", "img"):
            self._in_summary += 1
            if tag == "a":
                self.summary_links.append(attrs["href"])

    def handle_endtag(self, tag):
        if self._in_summary:
            self._in_summary -= 1


def read_form(html):
    reader = _FormReader()
    reader.feed(html)
    return reader


def missing_descriptions(html):
    """The ids that an aria-describedby names but no element has."""
    form = read_form(html)
    return [
        (owner, name) for owner, names in form.described for name in names if name not in form.ids
    ]
