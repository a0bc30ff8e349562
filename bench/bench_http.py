"""What the bench clients share: a cookie-keeping HTTP client that does not follow redirects, and reading a form's
hidden inputs (the antiforgery token) from a page. Imported by calls_submit.py."""

import html.parser
import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class FormReader(html.parser.HTMLParser):
    """The hidden inputs of the form whose id is `form_id`, and whether that form is on the page."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.values, self.found = form_id, False, {}, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = self.found = True
        elif tag == "input" and self.inside and a.get("type") == "hidden" and a.get("name"):
            self.values[a["name"]] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False


def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


def request(client, url, data=None):
    """(status, headers, body) of a GET, or of a form POST when `data` is given (lists become repeated fields)."""
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    try:
        with client.open(urllib.request.Request(url, data=body), timeout=60) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")
