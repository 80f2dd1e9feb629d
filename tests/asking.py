"""What a visitor fills in to ask to learn from a practice or a country."""


def request_data(**overrides):
    data = {
        "institution": "Commune de Ziguinchor",
        "requester_country": "SN",
        "contact_name": "Mamadou Sow",
        "email": "mamadou.sow@example.org",
        "wants_to_learn": "Comment ouvrir un guichet d’accueil des migrants.",
        "preferred_format": "study_visit",
        "timing": "2027",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def submitted_request(country, language="fr", **overrides):
    """A request as the public form saves it (the requester mailed, the focal points told)."""
    from exchange import workflow

    data = request_data(country=country, **overrides)
    del data["consent"], data["website"]
    return workflow.submit(data, language)
