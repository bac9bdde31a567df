"""The English texts of the directory's demo pages, keyed by their French text (as
``core.i18n.translate`` takes them): section pages, organisations' descriptions, projects'
summaries and texts, the news item that mentions organisations. Names of organisations
stay as they are; slugs of the sections are English."""

from directory.demo import organisations, pages, projects


def texts():
    mapping = dict(pages.ENGLISH)
    for row in organisations.ORGANISATIONS:
        mapping[row[11]] = row[12]
    for row in projects.PROJECTS:
        mapping[row[9]] = row[10]
        mapping[row[11]] = row[12]
    mapping.update(PROJECT_TITLES)
    item = projects.MENTION_NEWS
    mapping[item["title"]] = item["en_title"]
    mapping[item["slug"]] = item["en_slug"]
    mapping[item["intro"]] = item["en_intro"]
    return mapping


PROJECT_TITLES = {
    "Une couveuse d'entrepreneurs au Mirail": "A business incubator in the Mirail district",
    "Un référentiel d'utilité sociale partagé": "Shared social value indicators",
    "Ouvrir les marchés publics aux entreprises de l'ESS": (
        "Opening public procurement to social economy enterprises"
    ),
    "Un second atelier de réparation de vélos": "A second bicycle repair workshop",
    "Relocaliser la confection à Roubaix": "Bringing garment-making back to Roubaix",
    "L'entrepreneuriat social dans vingt lycées": "Social entrepreneurship in twenty schools",
    "Un habitat partagé pour les seniors": "Shared housing for older people",
    "Des paniers solidaires pour les étudiants": "Solidarity food baskets for students",
    "Cent toitures solaires citoyennes": "A hundred citizens' solar roofs",
    "Une cuisine centrale d'insertion": "A work-integration central kitchen",
    "Incubateur d'entrepreneurs sociaux à Lomé": "An incubator for social entrepreneurs in Lomé",
    "Une banque de projets africaine": "An African project bank",
}
