"""The relevance test set: questions as partner-country officials ask them, each with the
titles from the demo content (demo/data/*.json) that a human expert would accept as an
answer, and the measures the test and `bench/relevance.py` report.

The answers come from what the content says, never from what an engine returns: a
practice, event or policy document is listed when its title, summary, tags or themes are
about the question. Any one of a question's answers in the first three results is a hit.
Policy documents are not translated and are listed in every language; the site search
shows them under their own title, so those titles appear as they are.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from website.search_text import fold

DEMO_DATA = Path(__file__).resolve().parents[2] / "demo" / "data"
TOP = 3  # a hit: an expected answer among the first TOP results
RANKED = 10  # reciprocal rank counted over the first page of results


@dataclass(frozen=True)
class Question:
    language: str
    q: str
    answers: tuple  # acceptable titles, as the site shows them in `language`


# Titles shared by several questions, as the demo gives them.
COUNSELLING = {
    "fr": "Cellules d'écoute psychosociale à Oujda et Berkane (M4SD)",
    "en": "Psychosocial counselling units in Oujda and Berkane (M4SD)",
    "ar": "خليتا الإنصات والدعم النفسي والاجتماعي بوجدة وبركان (برنامج M4SD)",
}
TAMKINE = {
    "fr": "Tamkine-Migrants : l'accès aux droits des femmes et des enfants migrants",
    "en": "Tamkine-Migrants: access to rights for migrant women and children",
    "ar": 'مشروع "تمكين–مهاجرين": ولوج النساء والأطفال المهاجرين إلى حقوقهم',
}
SOUTH_SOUTH = {
    "fr": "Coopération Sud–Sud en matière de migration : Maroc, Côte d'Ivoire, Mali et Sénégal",
    "en": "South–South cooperation on migration: Morocco, Côte d'Ivoire, Mali and Senegal",
    "ar": "التعاون جنوب–جنوب في مجال الهجرة: المغرب وكوت ديفوار ومالي والسنغال",
}
DIASPORA_FORUM = {
    "fr": "Forum Sud–Sud : mobiliser les diasporas pour le développement local",
    "en": "South–South forum: engaging diasporas in local development",
    "ar": "منتدى جنوب–جنوب: تعبئة الجاليات من أجل التنمية المحلية",
}
GFMD_MOROCCO = {
    "fr": "Le Maroc dans le Forum mondial sur la migration et le développement (FMMD)",
    "en": "Morocco in the Global Forum on Migration and Development (GFMD)",
    "ar": "المغرب في المنتدى العالمي للهجرة والتنمية",
}
GFMD_SUMMIT = {
    "fr": "Sommet 2018 du Forum mondial sur la migration et le développement, "
    "accueilli par le Maroc",
    "en": "2018 Global Forum on Migration and Development Summit, hosted by Morocco",
    "ar": "قمة المنتدى العالمي للهجرة والتنمية لسنة 2018 التي احتضنها المغرب",
}
# The two GFMD meetings Morocco co-chaired (events.json), one of them in Taroudant.
GFMD_COCHAIRED = {
    "fr": (
        "Réunion thématique du FMMD : « Gérer les migrations au service du développement : "
        "élaboration, appréciation et évaluation des politiques »",
        "Réunion thématique du FMMD : « La contribution des associations de migrants au "
        "développement »",
    ),
    "ar": (
        "اجتماع موضوعاتي للمنتدى العالمي للهجرة والتنمية: «تدبير الهجرة من أجل التنمية: "
        "إعداد السياسات وتقديرها وتقييمها»",
        "اجتماع موضوعاتي للمنتدى العالمي للهجرة والتنمية: «مساهمة جمعيات المهاجرين في التنمية»",
    ),
}
AVRR = {
    "fr": "Aide au retour volontaire et à la réintégration (AVRR)",
    "en": "Assisted Voluntary Return and Reintegration (AVRR)",
    "ar": "برنامج العودة الطوعية المُساعَدة وإعادة الإدماج",
}
MUNICIPALITIES = {
    "fr": "Dix communes marocaines renforcées dans la gestion de la migration",
    "en": "Ten Moroccan municipalities strengthened in managing migration",
    "ar": "تقوية قدرات عشر جماعات مغربية في مجال تدبير الهجرة",
}
STUDY_VISIT = {
    "fr": "Visite d'étude au Maroc : l'accueil et l'intégration des migrants à l'échelle locale",
    "en": "Study visit to Morocco: local reception and integration of migrants",
    "ar": "زيارة دراسية إلى المغرب: استقبال المهاجرين وإدماجهم على المستوى المحلي",
}
INFO_DESKS = {
    "fr": "Webinaire : les guichets d'information des migrants, "
    "l'expérience des communes marocaines",
    "en": "Webinar: information desks for migrants, lessons from Moroccan municipalities",
    "ar": "ندوة عبر الإنترنت: شبابيك إرشاد المهاجرين، تجربة الجماعات المغربية",
}
VOCATIONAL = {
    "fr": "Formation professionnelle et moyens de subsistance pour les migrants régularisés",
    "en": "Vocational training and livelihoods for regularised migrants",
    "ar": "التكوين المهني وسبل العيش لفائدة المهاجرين المسوّاة وضعيتهم",
}
FORSATY = {
    "fr": "FORSATY : des perspectives pour les jeunes des quartiers défavorisés "
    "de Tanger et Tétouan",
    "en": "FORSATY: opportunities for young people in disadvantaged neighbourhoods of "
    "Tangier and Tetouan",
    "ar": 'مشروع "فرصتي" (FORSATY): آفاق جديدة لشباب الأحياء الهشة بطنجة وتطوان',
}
TTA_JOBS = {
    "fr": "Emploi et entrepreneuriat des migrants à Tanger-Tétouan-Al Hoceïma (M4SD)",
    "en": "Employment and entrepreneurship for migrants in Tangier-Tetouan-Al Hoceima (M4SD)",
    "ar": "تشغيل المهاجرين وريادة الأعمال بجهة طنجة تطوان الحسيمة (برنامج M4SD)",
}
SALEMM = {
    "fr": "SALEMM : solidarité avec les enfants du Maghreb et du Machrek",
    "en": "SALEMM: solidarity with the children of the Maghreb and Mashreq",
    "ar": "مشروع SALEMM: التضامن مع أطفال المغرب العربي والمشرق",
}
E_BOSLA = {
    "fr": "E-BOSLA : se préparer avant le départ au regroupement familial en Italie",
    "en": "E-BOSLA: pre-departure preparation for family reunification in Italy",
    "ar": "مشروع E-BOSLA: الاستعداد قبل السفر للتجمع العائلي بإيطاليا",
}
HEALTH_PLAN = {
    "fr": "Appui au Plan stratégique national santé et migration (2021–2025)",
    "en": "Support to the National Strategic Plan for Health and Migration (2021–2025)",
    "ar": "دعم المخطط الاستراتيجي الوطني للصحة والهجرة (2021–2025)",
}
MEDMA2 = {
    "fr": "MEDMA2 : mobiliser les Marocains de Belgique pour le développement du Maroc",
    "en": "MEDMA2: mobilising Moroccans in Belgium for Morocco's development",
    "ar": "مشروع MEDMA2: تعبئة المغاربة المقيمين ببلجيكا من أجل تنمية المغرب",
}
OBSERVATORY = {
    "fr": "Observatoire de la communauté marocaine résidant à l'étranger",
    "en": "Observatory of the Moroccan community living abroad",
    "ar": "مرصد الجالية المغربية المقيمة بالخارج",
}
HUMANITARIAN = {
    "fr": "Assistance humanitaire et protection des migrants subsahariens "
    "dans le nord-est du Maroc",
    "en": "Humanitarian assistance and protection for sub-Saharan migrants in north-eastern "
    "Morocco",
    "ar": "المساعدة الإنسانية وحماية المهاجرين المنحدرين من أفريقيا جنوب الصحراء بشمال شرق المغرب",
}
MIXED_MIGRATION = {
    "fr": "Flux migratoires mixtes : renforcer la réponse des gouvernements d'Afrique du Nord",
    "en": "Mixed migration: strengthening North African governments' response",
    "ar": "تدفقات الهجرة المختلطة: تعزيز استجابة حكومات شمال أفريقيا",
}
ABIDJAN_FORUMS = {
    "fr": (
        "Forum de dialogue Maroc–Côte d'Ivoire : la gestion des ressortissants à l'étranger",
        "Forum de dialogue Maroc–Côte d'Ivoire : relier migration et développement",
    ),
    "en": (
        "Morocco–Côte d'Ivoire dialogue forum: managing nationals abroad",
        "Morocco–Côte d'Ivoire dialogue forum: linking migration and development",
    ),
    "ar": (
        "منتدى الحوار المغربي الإيفواري: تدبير شؤون المواطنين المقيمين بالخارج",
        "منتدى الحوار المغربي الإيفواري: ربط الهجرة بالتنمية",
    ),
}
# The integration theme's own practices (taxonomies.json: "integration").
INTEGRATION_PRACTICES_AR = (
    E_BOSLA["ar"],
    VOCATIONAL["ar"],
    TAMKINE["ar"],
    TTA_JOBS["ar"],
    MUNICIPALITIES["ar"],
    SOUTH_SOUTH["ar"],
)
# Policy documents: not translated, listed in every language under their own title.
SNIA = (
    "Stratégie nationale d'immigration et d'asile (document de démonstration)",
    "National Immigration and Asylum Strategy (demonstration document)",
)
SNMRE = (
    "Stratégie nationale en faveur des Marocains résidant à l'étranger (document de démonstration)",
    "National Strategy for Moroccans Living Abroad (demonstration document)",
)
HEALTH_PLAN_DOCUMENT = (
    "Plan stratégique national santé et migration 2021–2025 (document de démonstration)"
)
ORIENTAL_HEALTH_DOCUMENT = (
    "Plan d'action régional santé et migration de l'Oriental (document de démonstration)"
)

QUESTIONS = [
    # French
    Question("fr", "femmes migrantes violence", (COUNSELLING["fr"], TAMKINE["fr"])),  # issue
    Question(
        "fr", "GFMD Maroc", (GFMD_MOROCCO["fr"], GFMD_SUMMIT["fr"], *GFMD_COCHAIRED["fr"])
    ),  # issue: FMMD
    Question(
        "fr",
        "comment accompagner les femmes migrantes victimes de violence",
        (COUNSELLING["fr"], TAMKINE["fr"]),
    ),
    Question("fr", "comment organiser le retour volontaire des migrants", (AVRR["fr"],)),
    Question(
        "fr",
        "soutien à l'investissement de la diaspora au Sénégal",
        (SOUTH_SOUTH["fr"], DIASPORA_FORUM["fr"]),
    ),
    Question(
        "fr",
        "accueil des migrants dans une commune",
        (MUNICIPALITIES["fr"], STUDY_VISIT["fr"], INFO_DESKS["fr"]),
    ),
    Question(
        "fr",
        "plan national sante et migration",  # typed without its accent
        (HEALTH_PLAN["fr"], HEALTH_PLAN_DOCUMENT, ORIENTAL_HEALTH_DOCUMENT),
    ),
    Question("fr", "prévenir la délinquance des jeunes à Tanger", (FORSATY["fr"],)),
    Question("fr", "mineur non accompagné", (SALEMM["fr"],)),  # the content says "mineurs"
    Question(
        "fr",
        "formation professionnelle des migrants régularisés",
        (VOCATIONAL["fr"],),
    ),
    Question("fr", "que prévoit la SNIA pour les réfugiés", SNIA),
    Question("fr", "cours de langue avant un regroupement familial en Italie", (E_BOSLA["fr"],)),
    Question(
        "fr",
        "coopération entre le Maroc et la Côte d'Ivoire",
        (*ABIDJAN_FORUMS["fr"], MUNICIPALITIES["fr"], SOUTH_SOUTH["fr"]),
    ),
    # English
    Question(
        "en",
        "diaspora investment support in Senegal since 2015",  # issue
        (SOUTH_SOUTH["en"], DIASPORA_FORUM["en"]),
    ),
    Question("en", "support for women migrants who survived violence", (COUNSELLING["en"],)),
    Question("en", "AVRR Morocco", (AVRR["en"],)),
    Question("en", "voluntary return programme for migrants", (AVRR["en"],)),
    Question("en", "GFMD summit hosted by Morocco", (GFMD_SUMMIT["en"], GFMD_MOROCCO["en"])),
    Question(
        "en",
        "how can municipalities integrate migrants",
        (MUNICIPALITIES["en"], STUDY_VISIT["en"], INFO_DESKS["en"]),
    ),
    Question("en", "unaccompanied minor", (SALEMM["en"],)),  # the content says "minors"
    Question("en", "access to health care for migrant women and children", (TAMKINE["en"],)),
    Question("en", "what is Morocco's national strategy on immigration and asylum", SNIA),
    Question("en", "family reunification courses before departure", (E_BOSLA["en"],)),
    Question("en", "youth employment in Tangier", (FORSATY["en"], TTA_JOBS["en"])),
    Question(
        "en",
        "temporary return of skilled Moroccans abroad",
        ("TRQN III: temporary return of qualified Moroccans to support local institutions",),
    ),
    Question(
        "en",
        "protecting vulnerable migrants in Tunisia and Egypt",
        (MIXED_MIGRATION["en"], SALEMM["en"]),
    ),
    Question("en", "Cote d'Ivoire dialogue forum", ABIDJAN_FORUMS["en"]),  # without its accent
    # Arabic
    Question(
        "ar", "إدماج المهاجرين", (*INTEGRATION_PRACTICES_AR, STUDY_VISIT["ar"], INFO_DESKS["ar"])
    ),  # issue
    Question("ar", "GFMD المغرب", (GFMD_MOROCCO["ar"], GFMD_SUMMIT["ar"], *GFMD_COCHAIRED["ar"])),
    Question(
        "ar",
        "مشاركة المغرب في المنتدى العالمي للهجرة والتنمية",
        (GFMD_MOROCCO["ar"], GFMD_SUMMIT["ar"], *GFMD_COCHAIRED["ar"]),
    ),
    Question("ar", "برامج العودة الطوعية للمهاجرين", (AVRR["ar"],)),
    Question("ar", "مساعدة النساء المهاجرات ضحايا العنف", (COUNSELLING["ar"], TAMKINE["ar"])),
    Question("ar", "دعم استثمار الجالية المغربية", (MEDMA2["ar"], *SNMRE)),
    Question("ar", "هجرة القاصرين غير المصحوبين", (SALEMM["ar"],)),
    Question("ar", "التكوين المهني للمهاجرين", (VOCATIONAL["ar"], FORSATY["ar"])),
    Question(
        "ar",
        "المخطط الوطني للصحة والهجرة",
        (HEALTH_PLAN["ar"], HEALTH_PLAN_DOCUMENT, ORIENTAL_HEALTH_DOCUMENT),
    ),
    Question("ar", "التجمع العائلي في إيطاليا", (E_BOSLA["ar"],)),
    Question(
        "ar",
        "التعاون جنوب جنوب مع السنغال",
        (
            SOUTH_SOUTH["ar"],
            DIASPORA_FORUM["ar"],
            "ورشة تقنية مغربية سنغالية: مواكبة إعادة إدماج المهاجرين العائدين",
        ),
    ),
    Question("ar", "معطيات حول الجالية المغربية بالخارج", (OBSERVATORY["ar"],)),
    Question(
        "ar",
        "حكامة الهجرة على المستوى الجهوي",
        ("تعزيز حكامة الهجرة على المستويين الوطني والجهوي (برنامج M4SD)",),
    ),
    Question("ar", "تشغيل الشباب في طنجة", (FORSATY["ar"], TTA_JOBS["ar"])),
    Question("ar", "مساعدة ضحايا الاتجار بالبشر", (HUMANITARIAN["ar"], AVRR["ar"])),
]


def ask(client, question):
    """The question typed in the search box of its language's site, and what came back."""
    response = client.get(f"/{question.language}/search/", {"q": question.q})
    assert response.status_code == 200, (question.q, response.status_code)
    return Outcome(question, result_titles(response.content.decode()))


def result_titles(html):
    """The titles of the results list, in order (editors' promotions are not results)."""
    listing = BeautifulSoup(html, "html.parser").select_one("ol.search-results")
    if listing is None:
        return []
    return [normal(link.get_text()) for link in listing.select(".card__title a")]


def normal(title):
    return " ".join(title.split())


def rank(question, titles):
    """1-based position of the first acceptable answer among `titles`, or None."""
    wanted = {normal(answer) for answer in question.answers}
    for position, title in enumerate(titles[:RANKED], start=1):
        if title in wanted:
            return position
    return None


@dataclass(frozen=True)
class Outcome:
    question: Question
    titles: list  # the first page of results

    @property
    def rank(self):
        return rank(self.question, self.titles)

    @property
    def hit(self):
        return self.rank is not None and self.rank <= TOP


def hits_at_top(outcomes):
    return sum(outcome.hit for outcome in outcomes) / len(outcomes)


def mean_reciprocal_rank(outcomes):
    return sum(1 / outcome.rank for outcome in outcomes if outcome.rank) / len(outcomes)


def describe_miss(outcome):
    found = "; ".join(outcome.titles[:TOP]) or "nothing"
    where = f"rank {outcome.rank}" if outcome.rank else f"not in the first {RANKED}"
    return f"[{outcome.question.language}] {outcome.question.q!r} ({where}): top {TOP}: {found}"


def content_words():
    """Every word of the demo content, folded as the search folds it."""
    words = set()
    for path in DEMO_DATA.glob("*.json"):
        for text in _strings(json.loads(path.read_text(encoding="utf-8"))):
            words.update(re.findall(r"\w+", fold(re.sub(r"<[^>]+>", " ", text))))
    return words


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def uses_content_words(question, words):
    return any(word in words for word in re.findall(r"\w+", fold(question.q)))
