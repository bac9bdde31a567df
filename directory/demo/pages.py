"""The directory's demo sections: the directory, the project bank with its proposal form,
and the join page, in French with their English translations."""

SECTIONS = {
    "directory": {
        "slug": "annuaire",
        "title": "Annuaire",
        "intro": (
            "Les organisations membres et partenaires du Mouvement, en France et au-delà : "
            "cherchez-les par région, forme juridique ou chantier, en liste ou sur la carte."
        ),
        "show_in_menus": True,
    },
    "project_bank": {
        "slug": "banque-de-projets",
        "title": "Banque de projets",
        "intro": (
            "Des organisations de l'économie sociale et solidaire présentent leurs projets à "
            "celles et ceux qui peuvent les financer, s'y associer, y donner du temps ou "
            "des compétences."
        ),
        "show_in_menus": True,
    },
    "proposal": {
        "slug": "proposer-un-projet",
        "title": "Proposer un projet",
        "intro": (
            "Décrivez votre projet et ce qu'il recherche. L'équipe de votre région le lit "
            "avant de le publier dans la banque de projets."
        ),
        "thank_you_text": (
            "<p>Merci ! Votre projet est bien arrivé. L'équipe de votre région, ou l'équipe "
            "nationale, le lira et pourra vous écrire avant de le publier.</p>"
        ),
    },
    "join": {
        "slug": "adherer",
        "title": "Adhérer au Mouvement",
        "intro": (
            "Votre organisation met l'économie au service de l'intérêt général ? Rejoignez "
            "les entrepreneurs sociaux, coopératives, mutuelles, associations et fondations "
            "du Mouvement."
        ),
        "body": [
            ("heading", "Pourquoi adhérer"),
            (
                "paragraph",
                "<ul><li>Rejoindre le chantier de votre région et les rencontres nationales "
                "thématiques.</li><li>Figurer dans l'annuaire et présenter vos projets dans "
                "la banque de projets.</li><li>Peser, avec le Mouvement, sur les politiques "
                "publiques de l'économie sociale et solidaire.</li></ul>",
            ),
        ],
        "thank_you_text": (
            "<p>Merci ! Votre demande est transmise à l'équipe de votre région, ou à "
            "l'équipe nationale, qui vous répondra.</p>"
        ),
    },
}

ENGLISH = {
    "Annuaire": "Directory",
    "annuaire": "directory",
    "Les organisations membres et partenaires du Mouvement, en France et au-delà : cherchez-les par région, forme juridique ou chantier, en liste ou sur la carte.": (
        "The Movement's member and partner organisations, in France and beyond: find them "
        "by region, legal form or work programme, as a list or on the map."
    ),
    "Banque de projets": "Project bank",
    "banque-de-projets": "project-bank",
    "Des organisations de l'économie sociale et solidaire présentent leurs projets à celles et ceux qui peuvent les financer, s'y associer, y donner du temps ou des compétences.": (
        "Social and solidarity economy organisations present their projects to those who "
        "can fund them, join them, or give them time or skills."
    ),
    "Proposer un projet": "Propose a project",
    "proposer-un-projet": "propose-a-project",
    "Décrivez votre projet et ce qu'il recherche. L'équipe de votre région le lit avant de le publier dans la banque de projets.": (
        "Describe your project and what it is looking for. Your region's team reads it "
        "before publishing it in the project bank."
    ),
    "Merci ! Votre projet est bien arrivé. L'équipe de votre région, ou l'équipe nationale, le lira et pourra vous écrire avant de le publier.": (
        "Thank you! Your project has arrived. Your region's team, or the national team, "
        "will read it and may write to you before publishing it."
    ),
    "Adhérer au Mouvement": "Join the Movement",
    "adherer": "join",
    "Votre organisation met l'économie au service de l'intérêt général ? Rejoignez les entrepreneurs sociaux, coopératives, mutuelles, associations et fondations du Mouvement.": (
        "Does your organisation put the economy at the service of the common good? Join "
        "the Movement's social entrepreneurs, cooperatives, mutuals, associations and "
        "foundations."
    ),
    "Pourquoi adhérer": "Why join",
    "Rejoindre le chantier de votre région et les rencontres nationales thématiques.": (
        "Take part in your region's work programme and in the national thematic meetings."
    ),
    "Figurer dans l'annuaire et présenter vos projets dans la banque de projets.": (
        "Appear in the directory and present your projects in the project bank."
    ),
    "Peser, avec le Mouvement, sur les politiques publiques de l'économie sociale et solidaire.": (
        "Weigh, with the Movement, on public policy for the social and solidarity economy."
    ),
    "Merci ! Votre demande est transmise à l'équipe de votre région, ou à l'équipe nationale, qui vous répondra.": (
        "Thank you! Your request has been passed on to your region's team, or to the "
        "national team, who will answer you."
    ),
}
