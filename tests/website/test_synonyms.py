"""The synonym table: editors write groups of interchangeable phrases in the admin, every
backend reads them folded from synonym_groups, cached until one changes."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from demo import synonyms as synonyms_demo
from tests.factories import UserFactory
from website.bootstrap import EDITORS, EVENT_ORGANISERS, MODERATORS, TRANSLATORS
from website.cache_versions import SYNONYMS_VERSION, bump
from website.models import SearchSynonym
from website.synonyms import synonym_groups

pytestmark = pytest.mark.django_db

ADD = reverse("wagtailsnippets_website_searchsynonym:add")
LIST = reverse("wagtailsnippets_website_searchsynonym:list")


def log_in(client, role):
    """In the English admin, whose words the assertions read."""
    user = UserFactory(groups=[role])
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)


def group(phrases, language=""):
    return SearchSynonym.objects.create(language=language, phrases="\n".join(phrases))


def errors_of(phrases):
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        SearchSynonym(phrases=phrases).full_clean()
    return raised.value.message_dict["phrases"]


def test_a_group_needs_two_different_phrases_each_with_words_and_not_too_long():
    assert "at least two phrases" in errors_of("FMMD\n\n")[0]
    assert "“Fmmd” is written twice." in errors_of("FMMD\nGFMD\nFmmd")
    assert "“--” has no letters or digits." in errors_of("FMMD\n--")
    assert "longer than 100 characters" in errors_of("FMMD\n" + "x" * 101)[0]
    SearchSynonym(phrases="FMMD\r\nGFMD\n").full_clean()  # a textarea's line endings are fine


def test_groups_of_the_language_and_of_all_languages_come_folded():
    group(["GFMD", "FMMD", "Forum mondial sur la migration et le développement"])
    group(["MRE", "Marocains résidant à l'Étranger"], language="fr")
    group(["IOM", "المنظمة الدولية للهجرة"], language="ar")
    assert synonym_groups("fr") == [
        ("gfmd", "fmmd", "forum mondial sur la migration et le developpement"),
        ("mre", "marocains residant a l etranger"),
    ]
    assert synonym_groups("ar") == [
        ("gfmd", "fmmd", "forum mondial sur la migration et le developpement"),
        ("iom", "منظمه دوليه هجره"),
    ]


def test_groups_are_read_once_and_again_only_when_the_shared_version_changes(
    django_assert_num_queries,
):
    synonym = group(["OIM", "IOM"])
    with django_assert_num_queries(1):
        assert synonym_groups("fr") == [("oim", "iom")]
    with django_assert_num_queries(0):
        assert synonym_groups("fr") == [("oim", "iom")]
    SearchSynonym.objects.filter(pk=synonym.pk).update(phrases="OIM\nIOM\nUN Migration")
    with django_assert_num_queries(0):
        assert synonym_groups("fr") == [("oim", "iom")], "kept until the version changes"
    bump(SYNONYMS_VERSION)  # as another process does, through the shared cache
    with django_assert_num_queries(1):
        assert synonym_groups("fr") == [("oim", "iom", "un migration")]


def test_saving_or_deleting_a_group_is_seen_by_the_next_search():
    assert synonym_groups("en") == []
    synonym = group(["EU", "European Union"])
    assert synonym_groups("en") == [("eu", "european union")]
    synonym.delete()
    assert synonym_groups("en") == []


def test_an_editor_adds_a_group_after_fixing_a_group_of_one_phrase(client):
    log_in(client, EDITORS)
    empty = client.get(LIST).content.decode()
    assert "a search for any of them also finds the others" in empty
    response = client.post(ADD, {"language": "fr", "phrases": "FMMD", "note": ""})
    assert response.status_code == 200
    assert "Write at least two phrases" in response.content.decode()
    assert not SearchSynonym.objects.exists()
    response = client.post(ADD, {"language": "fr", "phrases": "FMMD\nGFMD", "note": "Forum"})
    assert response.status_code == 302
    listing = client.get(LIST).content.decode()
    assert "FMMD / GFMD" in listing and "French" in listing
    assert "FMMD / GFMD" not in client.get(LIST, {"language": "en"}).content.decode()


@pytest.mark.parametrize(
    ("role", "may_add", "may_delete"),
    [
        (EDITORS, True, True),
        (MODERATORS, True, True),
        (TRANSLATORS, True, False),
        (EVENT_ORGANISERS, False, False),
    ],
)
def test_who_may_write_and_delete_groups(client, role, may_add, may_delete):
    synonym = group(["UE", "EU"])
    log_in(client, role)
    edit = reverse("wagtailsnippets_website_searchsynonym:edit", args=[synonym.pk])
    delete = reverse("wagtailsnippets_website_searchsynonym:delete", args=[synonym.pk])
    assert (client.get(ADD).status_code == 200) is may_add
    assert (client.get(edit).status_code == 200) is may_add
    assert (client.get(delete).status_code == 200) is may_delete


def test_the_demo_groups_are_valid_and_seeded_once():
    synonyms_demo.seed()
    count = SearchSynonym.objects.count()
    synonyms_demo.seed()
    assert SearchSynonym.objects.count() == count >= 10
    assert synonym_groups("fr")[0][:2] == ("gfmd", "fmmd")
    assert any(
        "fmmd" in found and "منتدي عالمي هجره تنميه" in found for found in synonym_groups("ar")
    )
