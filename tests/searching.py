"""Searching the site as a visitor does, and reading the results page."""

import re


def search(client, code="fr", **params):
    response = client.get(f"/{code}/search/", params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def result_titles(html):
    title = r'class="card__title"><a href="[^"]+"(?: lang="\w+" dir="\w+")?>([^<]+)</a>'
    return re.findall(title, html)
