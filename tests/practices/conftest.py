from wagtail.models import Locale

from practices.models import PracticeCountry, PracticePage, PracticeResult


def term(model, slug, fr, en=None, ar=None, **extra):
    field = model.facet_field
    source = model.objects.create(
        locale=Locale.objects.get(language_code="fr"), name=fr, **{field: slug}, **extra
    )
    for code, name in (("en", en), ("ar", ar)):
        if name:
            translation = source.copy_for_translation(Locale.objects.get(language_code=code))
            translation.name = name
            translation.save()
    return source


def make_practice(
    index, title, countries=("MA",), themes=(), start_year=2015, status="ongoing", **fields
):
    taxonomy_fields = {
        name: fields.pop(name, ())
        for name in ("target_groups", "sdg_targets", "implementing_organisations", "funders")
    }
    results = fields.pop("results", ())
    tags = fields.pop("tags", ())
    page = PracticePage(
        title=title,
        summary=fields.pop("summary", f"Résumé de {title}."),
        start_year=start_year,
        status=status,
        **fields,
    )
    page.country_links = [PracticeCountry(country=code) for code in countries]
    page.results = [PracticeResult(value=value, label=label) for value, label in results]
    page.themes = list(themes)
    for name, terms in taxonomy_fields.items():
        setattr(page, name, list(terms))
    index.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    page.save_revision().publish()
    return page
