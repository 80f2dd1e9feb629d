"""Demo content for the site's own pages, written from the facts in the seed documents.

`manage.py seed_demo` calls `seed()`: it builds the French tree and its published English
and Arabic translations, and never duplicates or overwrites what already exists.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from website.models import FooterText, HomePage, SiteSettings, StandardPage
from website.public_url import keep_site_in_step

HOME = {
    "fr": {
        "title": "Échange Sud–Sud sur les migrations",
        "introduction": (
            "Le Maroc, la Côte d'Ivoire, le Mali et le Sénégal partagent ici leurs bonnes "
            "pratiques, leurs politiques migratoires et le calendrier de leurs forums de "
            "dialogue, pour apprendre les uns des autres."
        ),
    },
    "en": {
        "title": "South–South Migration Exchange",
        "introduction": (
            "Morocco, Côte d'Ivoire, Mali and Senegal share their good practices, migration "
            "policies and the calendar of their dialogue forums here, so that each can learn "
            "from the others."
        ),
    },
    "ar": {
        "title": "منصة التبادل جنوب–جنوب حول الهجرة",
        "introduction": (
            "يتقاسم المغرب وكوت ديفوار ومالي والسنغال هنا ممارساتها الجيدة وسياساتها في مجال "
            "الهجرة وأجندة منتديات الحوار بينها، ليتعلم كل بلد من تجارب الآخرين."
        ),
    },
}


def _heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def _paragraph(html):
    return {"type": "paragraph", "value": html}


ABOUT = {
    "fr": {
        "title": "À propos",
        "slug": "a-propos",
        "introduction": (
            "Une plateforme de la coopération Sud–Sud sur les migrations entre le Maroc, la "
            "Côte d'Ivoire, le Mali et le Sénégal."
        ),
        "body": [
            _heading("Une coopération fondée sur des accords"),
            _paragraph(
                "<p>Depuis la nouvelle politique migratoire lancée en 2013, le Maroc renforce "
                "sa coopération avec les pays d'Afrique de l'Ouest. Des mémorandums d'entente "
                "ont été signés avec le Sénégal en juin 2013, la Côte d'Ivoire en janvier 2015 "
                "et le Mali en février 2019.</p>"
            ),
            _heading("Trois domaines de travail"),
            _paragraph(
                "<ul><li>Migration et développement, notamment la mobilisation des diasporas "
                "aux niveaux national, régional et local ;</li><li>l'accès des migrants à leurs "
                "droits, par l'intégration et la réintégration ;</li><li>une mobilité Sud–Sud "
                "profitable aux pays d'origine, aux pays d'accueil et aux migrants.</li></ul>"
            ),
            _heading("Partenaires"),
            _paragraph(
                "<p>L'action « Coopération Sud–Sud en matière de migration » a été cofinancée "
                "par le Fonds fiduciaire d'urgence de l'Union européenne et le ministère "
                "fédéral allemand de la Coopération économique et du Développement (BMZ), et "
                "mise en œuvre par la GIZ et Expertise France de décembre 2018 à décembre "
                "2021.</p>"
            ),
        ],
    },
    "en": {
        "title": "About",
        "slug": "about",
        "introduction": (
            "A platform of the South–South cooperation on migration between Morocco, "
            "Côte d'Ivoire, Mali and Senegal."
        ),
        "body": [
            _heading("Cooperation built on agreements"),
            _paragraph(
                "<p>Since the new migration policy launched in 2013, Morocco has been "
                "strengthening its cooperation with West African countries. Memoranda of "
                "understanding were signed with Senegal in June 2013, Côte d'Ivoire in "
                "January 2015 and Mali in February 2019.</p>"
            ),
            _heading("Three fields of work"),
            _paragraph(
                "<ul><li>Migration and development, in particular mobilising diasporas at "
                "national, regional and local level;</li><li>migrants' access to their "
                "rights, through integration and reintegration;</li><li>South–South mobility "
                "that benefits countries of origin, host countries and migrants alike.</li></ul>"
            ),
            _heading("Partners"),
            _paragraph(
                "<p>The “South–South Cooperation on Migration” action was co-funded by the "
                "European Union Emergency Trust Fund and the German Federal Ministry for "
                "Economic Cooperation and Development (BMZ), and implemented by GIZ and "
                "Expertise France from December 2018 to December 2021.</p>"
            ),
        ],
    },
    "ar": {
        "title": "من نحن",
        "slug": "about",
        "introduction": (
            "منصة للتعاون جنوب–جنوب في مجال الهجرة بين المغرب وكوت ديفوار ومالي والسنغال."
        ),
        "body": [
            _heading("تعاون قائم على اتفاقيات"),
            _paragraph(
                "<p>منذ السياسة الجديدة للهجرة التي أُطلقت سنة 2013، يعزز المغرب تعاونه مع بلدان "
                "غرب إفريقيا. وقد وُقّعت مذكرات تفاهم مع السنغال في يونيو 2013، ومع كوت ديفوار "
                "في يناير 2015، ومع مالي في فبراير 2019.</p>"
            ),
            _heading("ثلاثة مجالات عمل"),
            _paragraph(
                "<ul><li>الهجرة والتنمية، ولا سيما تعبئة الجاليات على المستويات الوطنية "
                "والجهوية والمحلية؛</li><li>ولوج المهاجرين إلى حقوقهم عبر الإدماج وإعادة "
                "الإدماج؛</li><li>تنقل جنوب–جنوب يعود بالنفع على بلدان الأصل وبلدان الاستقبال "
                "والمهاجرين.</li></ul>"
            ),
            _heading("الشركاء"),
            _paragraph(
                "<p>شارك في تمويل مبادرة «التعاون جنوب–جنوب في مجال الهجرة» الصندوق الائتماني "
                "الأوروبي للطوارئ والوزارة الاتحادية الألمانية للتعاون الاقتصادي والتنمية، "
                "ونفذتها الوكالة الألمانية للتعاون الدولي والوكالة الفرنسية Expertise France "
                "من ديسمبر 2018 إلى ديسمبر 2021.</p>"
            ),
        ],
    },
}

DATA_PROTECTION = {
    "fr": {
        "title": "Protection des données",
        "slug": "protection-des-donnees",
        "introduction": "Ce que nous recueillons, pourquoi, pour combien de temps, et vos droits.",
        "body": [
            _paragraph(
                "<p>Nous ne recueillons des données personnelles que lorsque vous vous "
                "inscrivez à un événement ou adressez une demande d'échange. Elles servent "
                "uniquement à traiter cette démarche, ne sont visibles que par les "
                "organisateurs concernés et sont anonymisées après l'événement.</p>"
            ),
            _paragraph(
                "<p>Vous pouvez demander à consulter, corriger ou supprimer vos données en "
                "écrivant à l'adresse de contact indiquée en bas de page.</p>"
            ),
        ],
    },
    "en": {
        "title": "Data protection",
        "slug": "data-protection",
        "introduction": "What we collect, why, for how long, and your rights.",
        "body": [
            _paragraph(
                "<p>We only collect personal data when you register for an event or send an "
                "exchange request. It is used solely to handle that request, is visible only "
                "to the organisers concerned and is anonymised after the event.</p>"
            ),
            _paragraph(
                "<p>You may ask to see, correct or delete your data by writing to the contact "
                "address at the foot of each page.</p>"
            ),
        ],
    },
    "ar": {
        "title": "حماية المعطيات الشخصية",
        "slug": "data-protection",
        "introduction": "ما نجمعه، ولماذا، وإلى متى، وما هي حقوقك.",
        "body": [
            _paragraph(
                "<p>لا نجمع معطيات شخصية إلا عند تسجيلك في فعالية أو إرسالك طلب تبادل. وتُستعمل "
                "فقط لمعالجة هذا الطلب، ولا يطلع عليها سوى المنظمون المعنيون، وتُجعل مجهولة "
                "الهوية بعد انتهاء الفعالية.</p>"
            ),
            _paragraph(
                "<p>يمكنك طلب الاطلاع على معطياتك أو تصحيحها أو حذفها بالكتابة إلى عنوان الاتصال "
                "المبين أسفل كل صفحة.</p>"
            ),
        ],
    },
}

FOOTER = {
    "fr": "<p>Plateforme de la coopération Sud–Sud sur les migrations : Maroc, Côte d'Ivoire, "
    "Mali, Sénégal. Contenu de démonstration rédigé à partir de documents publics.</p>",
    "en": "<p>Platform of the South–South cooperation on migration: Morocco, Côte d'Ivoire, "
    "Mali, Senegal. Demonstration content written from public documents.</p>",
    "ar": "<p>منصة التعاون جنوب–جنوب في مجال الهجرة: المغرب، كوت ديفوار، مالي، السنغال. "
    "محتوى تجريبي محرر انطلاقا من وثائق عمومية.</p>",
}

TRANSLATIONS = ("en", "ar")


@transaction.atomic
def seed(stdout=None):
    home = seed_home()
    seed_standard_page(home, ABOUT, show_in_menus=True)
    data_protection = seed_standard_page(home, DATA_PROTECTION, show_in_menus=False)
    seed_settings(home, data_protection)
    seed_footer()
    if stdout:
        stdout.write("Site tree, about and data-protection pages ready in fr, en and ar.")
    return home


def seed_home():
    french = Locale.objects.get(language_code="fr")
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(locale=french, slug="accueil", **HOME["fr"]))
        home.save_revision().publish()
    _point_site_at(home)
    for code in TRANSLATIONS:
        ensure_translation(home, code, HOME[code])
    return home


def seed_standard_page(home, content, show_in_menus):
    french = content["fr"]
    page = StandardPage.objects.child_of(home).filter(slug=french["slug"]).first() or publish_child(
        home, StandardPage(show_in_menus=show_in_menus, **french)
    )
    for code in TRANSLATIONS:
        ensure_translation(page, code, content[code])
    return page


def seed_settings(home, data_protection):
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        site_settings.contact_email = "contact@example.org"
        site_settings.postal_address = "Rabat, Maroc"
    site_settings.data_protection_page = site_settings.data_protection_page or data_protection
    site_settings.save()


def seed_footer():
    source = FooterText.objects.filter(locale__language_code="fr").first()
    if source is None:
        source = FooterText.objects.create(
            locale=Locale.objects.get(language_code="fr"), text=FOOTER["fr"]
        )
    for code in TRANSLATIONS:
        locale = Locale.objects.get(language_code=code)
        if not source.has_translation(locale):
            translation = source.copy_for_translation(locale)
            translation.text = FOOTER[code]
            translation.save()


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def ensure_translation(page, code, fields):
    locale = Locale.objects.get(language_code=code)
    if page.has_translation(locale):
        return page.get_translation(locale)
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def _point_site_at(home):
    """Replace Wagtail's placeholder welcome page as the site's root, at the public address."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        previous = site.root_page
        site.root_page = home
        site.save()
        if type(previous.specific) is Page:
            previous.delete()
    keep_site_in_step()
