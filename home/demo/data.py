"""The demo site's content, as data.

Facts come from the project's seed texts (the 2010 territorial roadmap, CERES in Togo, the
Dakar cooperatives workshop, the African ESS platform, a regional chamber of ESS); every
sentence here is written for this demo. People, e-mail addresses and partner links are
fictional (``example.org``).

Bodies are lists of ``(block, value)`` pairs that ``builder.stream()`` turns into
StreamField data: ``("heading", "text")``, ``("paragraph", "<p>html</p>")``,
``("quote", {"quote": ..., "author": ...})``, ``("image", IMAGE_KEY)``,
``("document", DOCUMENT_KEY)``, ``("figures", FIGURES)``,
``("cta", {"title": ..., "text": ..., "page": "regions" | "contact" | ..., "button_label": ...})``.

Dates: a ``datetime.date`` is fixed history; ``{"in_days": n}`` is counted from the day the
demo is first loaded, so that the agenda and the roadmaps always have something ahead.
"""

import datetime

D = datetime.date

#: When the pages without a date of their own (chantiers, regions, roadmaps, standard pages)
#: were last published: search results and the sitemap date them by it, and the demo's
#: texts date from then, not from the day the demo is loaded.
UNDATED_PAGES_PUBLISHED = datetime.datetime(2025, 10, 1, 9, 0)

# --- Images and documents --------------------------------------------------------------

COLLECTION_NAME = "Démo"

# key: title, description (the alt text), the illustration drawn by the project
# (home/demo/illustrations.py).
IMAGES = {
    "hero": (
        "Bandeau d'accueil",
        "Illustration : une foule de personnes aux couleurs des quatre chantiers, sous le "
        "moulinet du Mouvement.",
        "movement",
    ),
    "training": (
        "Chantier formation",
        "Illustration : un livre ouvert et des marches qu'une personne gravit.",
        "training",
    ),
    "social_innovation": (
        "Chantier innovation sociale",
        "Illustration : une ampoule allumée et une jeune pousse.",
        "social_innovation",
    ),
    "cooperation": (
        "Chantier coopération",
        "Illustration : trois anneaux entrelacés reliés à des personnes.",
        "cooperation",
    ),
    "impact": (
        "Chantier mesure d'impact",
        "Illustration : un histogramme qui monte et une loupe.",
        "impact",
    ),
    "congress": (
        "Congrès du Mouvement",
        "Illustration : une salle pleine de participants face à une tribune.",
        "congress",
    ),
    "africa": (
        "Coopération africaine",
        "Illustration : un soleil, un baobab et quatre personnes côte à côte.",
        "africa",
    ),
    "territory": (
        "Territoires",
        "Illustration : une mosaïque de parcelles et un repère sur la carte.",
        "territory",
    ),
    "agenda": (
        "Agenda",
        "Illustration : un calendrier aux dates marquées et trois participants.",
        "agenda",
    ),
}

# key: title, file name, lines of text of a one-page PDF.
DOCUMENTS = {
    "cp_roadmap_2010": (
        "Communiqué de presse : Une Région, un Chantier (15 juin 2010)",
        "communique-une-region-un-chantier-2010.pdf",
        [
            "Communique de presse - 15 juin 2010",
            "Une Région, un Chantier : le Mouvement lance son action territoriale.",
            "Onze régions se mobilisent, chacune sur l'un des quatre chantiers.",
            "Contact presse : presse@example.org",
        ],
    ),
    "cp_congress_2010": (
        "Communiqué de presse : Congrès du 14 octobre 2010",
        "communique-congres-2010.pdf",
        [
            "Communique de presse - 7 octobre 2010",
            "Le Congrès du 14 octobre 2010 réunit les régions mobilisées.",
            "Au programme : les plans d'action des quatre chantiers.",
            "Contact presse : presse@example.org",
        ],
    ),
    "press_kit": (
        "Dossier de presse du Mouvement",
        "dossier-de-presse.pdf",
        [
            "Dossier de presse",
            "Le Mouvement de l'économie sociale et solidaire en bref.",
            "Quatre chantiers, onze régions, une feuille de route.",
        ],
    ),
    "fact_sheet": (
        "Fiche de présentation : les quatre chantiers",
        "fiche-quatre-chantiers.pdf",
        [
            "Les quatre chantiers du Mouvement",
            "1. Former et sensibiliser  2. Innovation sociale",
            "3. Coopération économique  4. Langage de la preuve",
        ],
    ),
    "observatory": (
        "Observatoire régional de l'ESS : synthèse",
        "observatoire-regional-ess-synthese.pdf",
        [
            "Observatoire régional de l'économie sociale et solidaire",
            "Synthèse : poids de l'ESS dans l'emploi local et études de territoire.",
        ],
    ),
}

# --- Snippets --------------------------------------------------------------------------

PRESS_CONTACTS = [
    {
        "name": "Claire Dumont",
        "role": "Chargée de presse",
        "email": "presse@example.org",
        "phone": "+33 1 00 00 00 00",
    },
    {
        "name": "Julien Marchand",
        "role": "Responsable de la communication",
        "email": "communication@example.org",
        "phone": "",
    },
]

# --- Home and frame --------------------------------------------------------------------

FIGURES = {
    "title": "Le Mouvement en chiffres",
    "figures": [
        # Counted from the site's data (the first with the movement's own label), then
        # typed figures with their source.
        {"metric": "regions", "number": "", "label": "régions mobilisées", "source": ""},
        {"metric": "member_organisations", "number": "", "label": "", "source": ""},
        {"metric": "projects", "number": "", "label": "", "source": ""},
        {"metric": "events_this_year", "number": "", "label": "", "source": ""},
        {
            "metric": "",
            "number": "1 325",
            "label": "entrepreneurs sociaux suivis par le CERES au Togo",
            "source": "CERES, 2019",
        },
    ],
}

HOME = {
    "title": "Accueil",
    "slug": "accueil",
    "hero_title": "Entreprendre autrement, région par région",
    "hero_text": (
        "Coopératives, mutuelles, associations, fondations et entreprises sociales : le "
        "Mouvement relie celles et ceux qui mettent l'économie au service de l'intérêt "
        "général. Chaque région choisit un chantier et le fait vivre sur son territoire."
    ),
    "hero_image": "hero",
    "seo_title": "Mouvement de l'économie sociale et solidaire",
    "search_description": (
        "Le Mouvement de l'économie sociale et solidaire : ses quatre chantiers, ses régions, "
        "son actualité et son agenda."
    ),
    "body": [
        ("heading", "Une Région, un Chantier"),
        (
            "paragraph",
            "<p>Depuis 2010, les adhérents de chaque région se concentrent sur l'un des "
            "quatre chantiers du Mouvement. Les équipes régionales conçoivent leurs actions, "
            "l'équipe nationale assure la cohérence de l'ensemble et organise des rencontres "
            "pour comparer les approches.</p>",
        ),
        (
            "cta",
            {
                "title": "Se mobiliser dans sa région",
                "text": "Trouvez votre région, son chantier et les personnes à contacter.",
                "page": "regions",
                "button_label": "Voir les régions",
            },
        ),
    ],
}

CHANTIER_INDEX = {
    "title": "Chantiers",
    "slug": "chantiers",
    "intro": (
        "Quatre programmes de travail structurent le Mouvement depuis sa création. Chaque "
        "page présente le chantier et rassemble ce que les régions font en son nom."
    ),
}

CHANTIERS = [
    {
        "theme": "training",
        "slug": "former-et-sensibiliser",
        "title": "Former et sensibiliser à l'entrepreneuriat social",
        "intro": (
            "Faire connaître l'entrepreneuriat social aux étudiants, aux créateurs "
            "d'entreprise et aux acteurs publics, et former ceux qui veulent s'y lancer."
        ),
        "body": [
            (
                "paragraph",
                "<p>Ce chantier rassemble les actions de sensibilisation dans les écoles et "
                "les universités, les modules de formation pour les porteurs de projet et "
                "les échanges avec les réseaux d'accompagnement à la création.</p>",
            ),
            (
                "paragraph",
                "<p>La formation à l'entrepreneuriat social fait partie des axes retenus "
                "par la mission gouvernementale à laquelle le Mouvement a contribué en "
                "2010.</p>",
            ),
        ],
    },
    {
        "theme": "social_innovation",
        "slug": "innovation-sociale",
        "title": "Favoriser et développer l'innovation sociale",
        "intro": (
            "Repérer les réponses nouvelles aux besoins sociaux, les aider à grandir et à "
            "essaimer d'un territoire à l'autre."
        ),
        "body": [
            (
                "paragraph",
                "<p>Veille sur les projets innovants, lieux d'expérimentation, appui à "
                "l'essaimage : les régions de ce chantier cherchent comment une bonne idée "
                "locale devient une solution durable.</p>",
            ),
        ],
    },
    {
        "theme": "cooperation",
        "slug": "cooperation-economique",
        "title": "Développer les coopérations économiques entre entrepreneurs sociaux",
        "intro": (
            "Multiplier les affaires entre entreprises sociales : achats croisés, "
            "groupements pour répondre aux marchés, mutualisation de moyens."
        ),
        "body": [
            (
                "paragraph",
                "<p>Les entrepreneurs sociaux sont souvent clients et fournisseurs "
                "potentiels les uns des autres. Ce chantier organise les rencontres "
                "d'affaires et les outils qui rendent ces échanges possibles.</p>",
            ),
        ],
    },
    {
        "theme": "impact",
        "slug": "langage-de-la-preuve",
        "title": "Élaborer un langage de la preuve",
        "intro": (
            "Mesurer l'impact social et environnemental, évaluer les pratiques et en rendre "
            "compte de façon crédible."
        ),
        "body": [
            (
                "paragraph",
                "<p>Pour convaincre financeurs et collectivités, les entreprises sociales "
                "doivent montrer ce qu'elles changent. Ce chantier construit des méthodes "
                "partagées de mesure d'impact et d'évaluation.</p>",
            ),
        ],
    },
]

REGION_INDEX = {
    "title": "Régions",
    "slug": "regions",
    "intro": (
        "Onze régions se sont organisées dès 2010. Chacune a choisi un chantier sur lequel "
        "ses adhérents concentrent leurs efforts."
    ),
}

# Each region: its chosen theme, contacts, and optionally its own chantier page.
REGIONS = [
    {
        "slug": "midi-pyrenees",
        "title": "Midi-Pyrénées",
        "theme": "impact",
        "intro": "Les adhérents de Midi-Pyrénées travaillent sur la mesure de l'impact social.",
        "contacts": [
            ("Sophie Albert", "Coordinatrice régionale", "midi-pyrenees@example.org"),
            ("Marc Vidal", "Référent chantier", "m.vidal@example.org"),
        ],
        "chantier": {
            "slug": "mesure-impact-midi-pyrenees",
            "title": "La mesure d'impact en Midi-Pyrénées",
            "intro": "Un groupe de dirigeants teste une grille d'évaluation commune.",
        },
    },
    {
        "slug": "languedoc-roussillon",
        "title": "Languedoc-Roussillon",
        "theme": "cooperation",
        "intro": "En Languedoc-Roussillon, priorité aux affaires entre entreprises sociales.",
        "contacts": [("Nadia Benali", "Coordinatrice régionale", "languedoc@example.org")],
        "chantier": {
            "slug": "cooperation-languedoc-roussillon",
            "title": "Coopérer pour entreprendre en Languedoc-Roussillon",
            "intro": "Rencontres d'affaires et groupements pour les marchés publics.",
        },
    },
    {
        "slug": "nord-pas-de-calais",
        "title": "Nord-Pas-de-Calais",
        "theme": "training",
        "intro": "Le Nord-Pas-de-Calais fait connaître l'entrepreneuriat social aux jeunes.",
        "contacts": [
            ("Thomas Lefebvre", "Coordinateur régional", "nord@example.org"),
            ("Aïcha Diallo", "Chargée de mission formation", "a.diallo@example.org"),
        ],
        "chantier": {
            "slug": "former-nord-pas-de-calais",
            "title": "Former à l'entreprise sociale dans le Nord-Pas-de-Calais",
            "intro": "Interventions dans les lycées et les universités de la région.",
        },
    },
    {
        "slug": "rhone-alpes",
        "title": "Rhône-Alpes",
        "theme": "social_innovation",
        "intro": "Rhône-Alpes repère et accompagne les innovations sociales de son territoire.",
        "contacts": [("Camille Perrin", "Coordinatrice régionale", "rhone-alpes@example.org")],
        "chantier": {
            "slug": "innovation-sociale-rhone-alpes",
            "title": "Innovation sociale en Rhône-Alpes",
            "intro": "Un appel à idées annuel et un lieu d'expérimentation à Lyon.",
        },
    },
    {
        "slug": "picardie",
        "title": "Picardie",
        "theme": "training",
        "intro": "En Picardie, des modules de sensibilisation pour les créateurs d'entreprise.",
        "contacts": [("Luc Moreau", "Coordinateur régional", "picardie@example.org")],
    },
    {
        "slug": "franche-comte",
        "title": "Franche-Comté",
        "theme": "cooperation",
        "intro": "La Franche-Comté mutualise achats et moyens entre entreprises sociales.",
        "contacts": [("Élise Girard", "Coordinatrice régionale", "franche-comte@example.org")],
    },
    {
        "slug": "bourgogne",
        "title": "Bourgogne",
        "theme": "impact",
        "intro": "La Bourgogne s'appuie sur l'observatoire régional pour mesurer l'impact.",
        "contacts": [("Hugo Lambert", "Coordinateur régional", "bourgogne@example.org")],
    },
    {
        "slug": "pays-de-la-loire",
        "title": "Pays de la Loire",
        "theme": "social_innovation",
        "intro": "Les Pays de la Loire soutiennent l'essaimage des projets innovants.",
        "contacts": [("Manon Roux", "Coordinatrice régionale", "pays-de-la-loire@example.org")],
    },
    {
        "slug": "aquitaine",
        "title": "Aquitaine",
        "theme": "cooperation",
        "intro": "En Aquitaine, des groupements d'entreprises sociales pour les marchés publics.",
        "contacts": [("Paul Fournier", "Coordinateur régional", "aquitaine@example.org")],
    },
    {
        "slug": "paca",
        "title": "Provence-Alpes-Côte d'Azur",
        "theme": "social_innovation",
        "intro": "En PACA, un réseau de lieux ressources pour tester de nouvelles activités.",
        "contacts": [("Inès Mercier", "Coordinatrice régionale", "paca@example.org")],
    },
    {
        "slug": "ile-de-france",
        "title": "Île-de-France",
        "theme": "training",
        "intro": "L'Île-de-France forme les futurs dirigeants d'entreprises sociales.",
        "contacts": [
            ("Karim Haddad", "Coordinateur régional", "ile-de-france@example.org"),
            ("Léa Simon", "Bénévole référente", "l.simon@example.org"),
        ],
    },
]

REGION_BODY = [
    (
        "paragraph",
        "<p>Les adhérents de la région conçoivent leurs actions (contenu, objectifs, "
        "financements, partenaires) puis les déploient sur une année, en lien avec les "
        "autres régions du même chantier.</p>",
    ),
]

# --- News ------------------------------------------------------------------------------
# "parent": "news" (national news), "press" (press room) or a region's slug.

NEWS_INDEX = {
    "title": "Actualités",
    "slug": "actualites",
    "intro": "Toute l'actualité du Mouvement, nationale et régionale, la plus récente en tête.",
}

NEWS = [
    {
        "slug": "une-region-un-chantier-communique",
        "parent": "press",
        "kind": "press_release",
        "title": "Une Région, un Chantier : le Mouvement lance son action territoriale",
        "date": D(2010, 6, 15),
        "themes": ["training", "social_innovation", "cooperation", "impact"],
        "intro": (
            "Quatre mois après son lancement, le Mouvement propose à ses adhérents de onze "
            "régions de se mobiliser chacun sur l'un de ses quatre chantiers."
        ),
        "body": [
            (
                "paragraph",
                "<p>Lancé le 2 février 2010, le Mouvement a d'abord agi au niveau national : "
                "il a plaidé, avec d'autres, pour qu'une enveloppe de 100 millions d'euros de "
                "l'emprunt national soit consacrée à l'entrepreneuriat social, et il a "
                "contribué à une mission gouvernementale dont plusieurs axes (label, formation, "
                "innovation sociale) rejoignent ses priorités.</p>",
            ),
            ("heading", "Une étape territoriale"),
            (
                "paragraph",
                "<p>Dans une douzaine de régions, des réseaux se forment à des rythmes "
                "différents. Pour rester lisible et efficace, chaque région est invitée à "
                "choisir un seul chantier. Les actions seront préparées d'ici le Congrès du "
                "14 octobre 2010, déployées pendant un an, puis comparées lors de rencontres "
                "nationales thématiques à l'automne 2011.</p>",
            ),
        ],
        "image": "territory",
        "pdf": "cp_roadmap_2010",
        "press_contact": "presse@example.org",
        "tags": ["feuille de route", "régions"],
    },
    {
        "slug": "feuille-de-route-relayee",
        "parent": "news",
        "kind": "relay",
        "title": "La feuille de route territoriale reprise par la presse sociale",
        "date": D(2010, 6, 16),
        "themes": ["training", "social_innovation", "cooperation", "impact"],
        "intro": (
            "Un site d'information sur l'économie sociale publie notre communiqué sur la "
            "démarche « Une Région, un Chantier »."
        ),
        "body": [
            (
                "paragraph",
                "<p>Le communiqué du 15 juin 2010 a été repris le jour même dans la rubrique "
                "Actualités d'un site consacré aux questions sociales.</p>",
            ),
        ],
        "source_name": "Rencontres Sociales",
        "source_url": "http://rencontres-sociales.org/spip/spip.php?article1685",
        "source_date": D(2010, 6, 15),
        "tags": ["feuille de route"],
    },
    {
        "slug": "lancement-du-mouvement",
        "parent": "news",
        "kind": "article",
        "title": "Le Mouvement des entrepreneurs sociaux est lancé",
        "date": D(2010, 2, 2),
        "themes": ["training", "social_innovation"],
        "intro": "Entrepreneurs sociaux et réseaux de l'ESS se donnent une voix commune.",
        "body": [
            (
                "paragraph",
                "<p>Le Mouvement naît le 2 février 2010 avec une ambition : faire reconnaître "
                "l'entrepreneuriat social comme une manière d'entreprendre au service de "
                "l'intérêt général, et peser sur les politiques publiques.</p>",
            ),
        ],
        "image": "hero",
    },
    {
        "slug": "emprunt-national-entrepreneuriat-social",
        "parent": "news",
        "kind": "article",
        "title": "100 millions d'euros pour l'entrepreneuriat social et solidaire",
        "date": D(2010, 5, 20),
        "themes": ["social_innovation"],
        "intro": (
            "Avec d'autres réseaux, le Mouvement a obtenu qu'une part de l'emprunt national "
            "soutienne les entreprises sociales."
        ),
        "body": [
            (
                "paragraph",
                "<p>Cette enveloppe doit renforcer les fonds propres des entreprises "
                "sociales et financer leur changement d'échelle. Le Mouvement suivra de près "
                "sa mise en œuvre.</p>",
            ),
        ],
    },
    {
        "slug": "ceres-togo",
        "parent": "news",
        "kind": "article",
        "title": "Au Togo, le CERES fait éclore une génération d'entrepreneurs sociaux",
        "date": D(2019, 11, 5),
        "themes": ["training", "social_innovation"],
        "intro": (
            "Créé en mars 2019, le centre de ressources togolais compte déjà 1 325 "
            "entrepreneurs sociaux et 15 chercheurs."
        ),
        "body": [
            ("image", "training"),
            (
                "paragraph",
                "<p>Le gouvernement togolais a ouvert le CERES avec l'appui de l'ambassade "
                "des États-Unis pour faire du pays une plateforme régionale de l'entreprise "
                "sociale en Afrique de l'Ouest.</p>",
            ),
            ("heading", "Incuber et mettre en réseau"),
            (
                "paragraph",
                "<ul><li>deux promotions de 24 jeunes entrepreneurs sociaux chaque année, "
                "avec mentorat et incubation ;</li><li>une conférence annuelle des "
                "dirigeants de l'ESS ;</li><li>des espaces de concertation entre acteurs "
                "publics et privés.</li></ul>",
            ),
            (
                "quote",
                {
                    "quote": (
                        "L'ESS, selon l'OIT : des entreprises et organisations qui produisent "
                        "biens, services et savoirs en poursuivant à la fois des buts "
                        "économiques et sociaux."
                    ),
                    "author": "Définition de l'Organisation internationale du travail",
                    "role": "",
                },
            ),
            (
                "figures",
                {
                    "title": "Le CERES en chiffres",
                    "figures": [
                        {"number": "1 325", "label": "entrepreneurs sociaux", "source": "CERES"},
                        {"number": "15", "label": "chercheurs associés", "source": "CERES"},
                        {"number": "2 × 24", "label": "jeunes incubés par an", "source": "CERES"},
                    ],
                },
            ),
        ],
        "image": "africa",
        "tags": ["Afrique", "incubation"],
    },
    {
        "slug": "senegal-oit-cooperatives",
        "parent": "news",
        "kind": "relay",
        "title": "Sénégal : les outils coopératifs du BIT au service des coopératives solidaires",
        "date": D(2025, 10, 1),
        "themes": ["cooperation", "training"],
        "intro": (
            "À Dakar, le ministère sénégalais chargé de l'ESS et le bureau de l'OIT ont ouvert "
            "un atelier de trois jours sur les outils Think.Coop, Start.Coop et My.Coop."
        ),
        "body": [
            (
                "paragraph",
                "<p>L'atelier, ouvert le 29 septembre 2025, doit adapter ces outils de "
                "création et de gestion de coopératives aux « Coopératives productives "
                "solidaires » et former les agents du ministère.</p>",
            ),
            (
                "paragraph",
                "<p>Le Sénégal dispose d'une loi d'orientation sur l'ESS et a porté la "
                "résolution A/77/281 des Nations unies. Les travaux doivent déboucher sur un "
                "plan d'action concerté et un protocole d'accord entre le ministère et le "
                "BIT.</p>",
            ),
        ],
        "image": "cooperation",
        "source_name": "Presse économique sénégalaise",
        "source_url": "https://example.org/senegal-oit-cooperatives-productives-solidaires",
        "source_date": D(2025, 9, 29),
        "tags": ["Afrique", "coopératives"],
    },
    {
        "slug": "plateforme-africaine-ess",
        "parent": "news",
        "kind": "relay",
        "title": "Une plateforme africaine de l'ESS ouvre sa banque de projets",
        "date": D(2017, 3, 8),
        "themes": ["cooperation"],
        "intro": (
            "Son projet financé terminé fin 2016, un laboratoire africain de l'ESS s'ouvre à "
            "toutes les organisations du continent."
        ),
        "body": [
            (
                "paragraph",
                "<p>Les partenaires veulent élargir le nombre de membres, mieux associer ceux-ci "
                "à la gouvernance (avec un médiateur en cas de conflit) et renforcer les "
                "capacités : plaidoyer pour le financement, forums, formations "
                "spécialisées.</p>",
            ),
            (
                "paragraph",
                "<p>Une « banque de projets » permet déjà aux organisations de présenter "
                "leurs projets à de futurs partenaires ; un financement participatif et un "
                "réseau de conseil sont à l'étude.</p>",
            ),
        ],
        "source_name": "Réseau africain de l'économie sociale et solidaire",
        "source_url": "https://example.org/reseau-africain-ess/banque-de-projets",
        "source_date": D(2017, 2, 27),
        "tags": ["Afrique"],
    },
    {
        "slug": "congres-2010-communique",
        "parent": "press",
        "kind": "press_release",
        "title": "Congrès du 14 octobre 2010 : les régions présentent leurs plans d'action",
        "date": D(2010, 10, 7),
        "themes": ["training", "social_innovation", "cooperation", "impact"],
        "intro": (
            "Le Congrès réunira les régions mobilisées, qui y présenteront les actions "
            "préparées pour leur chantier."
        ),
        "body": [
            (
                "paragraph",
                "<p>Contenu, objectifs, financements, partenaires : chaque région détaillera "
                "son plan pour l'année de déploiement qui s'ouvre.</p>",
            ),
        ],
        "image": "congress",
        "pdf": "cp_congress_2010",
        "press_contact": "presse@example.org",
    },
    {
        "slug": "retour-congres-2010",
        "parent": "news",
        "kind": "article",
        "title": "Congrès 2010 : onze régions, quatre chantiers, un an pour agir",
        "date": D(2010, 10, 15),
        "themes": ["training", "social_innovation", "cooperation", "impact"],
        "intro": "Retour sur une journée qui a lancé l'année de déploiement régional.",
        "body": [
            (
                "paragraph",
                "<p>Les délégations régionales ont partagé leurs plans et fixé le rendez-vous "
                "des rencontres nationales thématiques de l'automne 2011.</p>",
            ),
        ],
        "image": "congress",
    },
    {
        "slug": "cress-collectivites",
        "parent": "bourgogne",
        "kind": "article",
        "title": "Collectivités et ESS : la chambre régionale met ses compétences à disposition",
        "date": D(2011, 2, 14),
        "themes": ["impact", "social_innovation"],
        "intro": (
            "Pourquoi une collectivité a-t-elle intérêt à soutenir la création d'entreprises "
            "de l'ESS ? La chambre régionale (CRESS) répond et présente son offre."
        ),
        "body": [
            ("heading", "Une triple valeur ajoutée"),
            (
                "paragraph",
                "<p>Des emplois ancrés dans le territoire, du lien social et des activités "
                "attentives à l'environnement : les trois piliers de l'ESS recoupent ceux du "
                "développement durable.</p>",
            ),
            ("heading", "Ce que propose la CRESS"),
            (
                "paragraph",
                "<ul><li>réunions d'information et conseil aux porteurs de projet ;</li>"
                "<li>veille sur les projets innovants et lieux ressources ;</li>"
                "<li>ingénierie de projet, études de faisabilité, groupes de travail ;</li>"
                "<li>animation du dispositif local d'accompagnement (DLA).</li></ul>",
            ),
            (
                "paragraph",
                "<p>Sa méthode : construire avec les acteurs locaux, leur laisser la maîtrise "
                "de leur projet et suivre celui-ci dans la durée.</p>",
            ),
            ("document", "observatory"),
        ],
        "image": "territory",
        "tags": ["collectivités", "CRESS"],
    },
    {
        "slug": "impact-groupe-de-travail",
        "parent": "midi-pyrenees",
        "kind": "press_release",
        "title": "Midi-Pyrénées réunit son premier groupe de travail sur l'impact social",
        "date": D(2010, 9, 20),
        "themes": ["impact"],
        "intro": "Douze dirigeants d'entreprises sociales testent une grille d'évaluation.",
        "body": [
            (
                "paragraph",
                "<p>La grille sera présentée au Congrès puis éprouvée pendant un an dans les "
                "structures volontaires.</p>",
            ),
        ],
        "press_contact": "presse@example.org",
    },
    {
        "slug": "lycees-entrepreneuriat-social",
        "parent": "nord-pas-de-calais",
        "kind": "article",
        "title": "L'entrepreneuriat social s'invite dans les lycées du Nord-Pas-de-Calais",
        "date": D(2010, 11, 30),
        "themes": ["training"],
        "intro": "Des entrepreneurs sociaux racontent leur parcours à des lycéens.",
        "body": [
            (
                "paragraph",
                "<p>Une dizaine d'interventions sont prévues cette année scolaire, avec un "
                "kit pédagogique pour les enseignants.</p>",
            ),
        ],
        "image": "training",
    },
    {
        "slug": "rencontres-affaires-montpellier",
        "parent": "languedoc-roussillon",
        "kind": "article",
        "title": "Premières rencontres d'affaires entre entreprises sociales à Montpellier",
        "date": D(2011, 3, 24),
        "themes": ["cooperation"],
        "intro": "Quarante structures ont échangé sur leurs besoins d'achats et de services.",
        "body": [
            (
                "paragraph",
                "<p>Traiteurs d'insertion, imprimeurs coopératifs, services aux entreprises : "
                "plusieurs contrats sont nés de ces rendez-vous.</p>",
            ),
        ],
        "image": "cooperation",
    },
    {
        "slug": "appel-a-idees-rhone-alpes",
        "parent": "rhone-alpes",
        "kind": "relay",
        "title": "Rhône-Alpes : un appel à idées pour l'innovation sociale",
        "date": D(2011, 1, 12),
        "themes": ["social_innovation"],
        "intro": "Un partenaire régional lance un appel à idées relayé par le Mouvement.",
        "body": [
            (
                "paragraph",
                "<p>Les lauréats bénéficieront d'un accompagnement de six mois et d'un accès "
                "à un lieu d'expérimentation.</p>",
            ),
        ],
        "source_name": "Fondation Entreprendre ensemble",
        "source_url": "https://example.org/fondation/appel-a-idees",
        "source_date": D(2011, 1, 10),
    },
    {
        "slug": "formation-dirigeants-2026",
        "parent": "ile-de-france",
        "kind": "article",
        "title": "Île-de-France : une nouvelle promotion de futurs dirigeants",
        "date": D(2026, 9, 15),
        "themes": ["training"],
        "intro": "Vingt porteurs de projet suivent le parcours de formation régional.",
        "body": [
            (
                "paragraph",
                "<p>Gestion, gouvernance coopérative, financement : le parcours alterne "
                "ateliers et accompagnement individuel.</p>",
            ),
        ],
        "image": "training",
    },
    {
        "slug": "lieux-ressources-paca",
        "parent": "paca",
        "kind": "article",
        "title": "PACA : trois lieux ressources pour tester une activité",
        "date": D(2026, 6, 3),
        "themes": ["social_innovation"],
        "intro": "Des espaces où tester une activité avant de créer sa structure.",
        "body": [
            (
                "paragraph",
                "<p>Ces lieux, animés avec les collectivités, accueillent les porteurs de "
                "projet dans leurs premiers mois.</p>",
            ),
        ],
        "image": "social_innovation",
    },
]

# --- Events ----------------------------------------------------------------------------
# "start": a datetime (history) or {"in_days": n} (from the first load, at 9:30).

EVENT_INDEX = {
    "title": "Agenda",
    "slug": "agenda",
    "intro": "Congrès, rencontres nationales et ateliers du Mouvement et de ses régions.",
}

EVENTS = [
    {
        "slug": "congres-2010",
        "parent": "agenda",
        "kind": "congress",
        "title": "Congrès du Mouvement 2010",
        "start": datetime.datetime(2010, 10, 14, 9, 0),
        "hours": 9,
        "place_name": "Palais des congrès",
        "address": "2 place de la Porte Maillot",
        "city": "Paris",
        "themes": ["training", "social_innovation", "cooperation", "impact"],
        "intro": "Les régions présentent les actions préparées pour leur chantier.",
        "image": "congress",
    },
    {
        "slug": "rencontre-nationale-formation-2011",
        "parent": "agenda",
        "kind": "national_meeting",
        "title": "Rencontre nationale thématique : former à l'entrepreneuriat social",
        "start": datetime.datetime(2011, 10, 6, 9, 30),
        "hours": 7,
        "place_name": "Maison de l'économie sociale",
        "city": "Lille",
        "themes": ["training"],
        "intro": "Un an après le Congrès, les régions du chantier comparent leurs démarches.",
    },
    {
        "slug": "rencontre-nationale-impact-2011",
        "parent": "agenda",
        "kind": "national_meeting",
        "title": "Rencontre nationale thématique : le langage de la preuve",
        "start": datetime.datetime(2011, 11, 17, 9, 30),
        "hours": 7,
        "place_name": "Hôtel de région",
        "city": "Toulouse",
        "themes": ["impact"],
        "intro": "Partage des méthodes d'évaluation testées en région.",
    },
    {
        "slug": "rencontres-nationales-thematiques",
        "parent": "agenda",
        "kind": "national_meeting",
        "title": "Rencontres nationales thématiques",
        "start": {"in_days": 75},
        "hours": 8,
        "place_name": "Halle des coopératives",
        "address": "10 rue de l'Exemple",
        "city": "Lyon",
        "registration_url": "https://example.org/inscriptions/rencontres",
        "themes": ["training", "social_innovation", "cooperation", "impact"],
        "intro": "Les quatre chantiers confrontent leurs expériences et décident de la suite.",
        "image": "congress",
    },
    {
        "slug": "atelier-mesurer-impact",
        "parent": "midi-pyrenees",
        "kind": "workshop",
        "title": "Atelier en ligne : mesurer son impact social",
        "start": {"in_days": 30},
        "hours": 2,
        "online_url": "https://example.org/visio/atelier-impact",
        "registration_url": "https://example.org/inscriptions/atelier-impact",
        "themes": ["impact"],
        "intro": "Deux heures pour découvrir la grille d'évaluation régionale.",
    },
    {
        "slug": "atelier-outils-cooperatifs",
        "parent": "languedoc-roussillon",
        "kind": "workshop",
        "title": "Atelier : créer et gérer une coopérative",
        "start": {"in_days": 45},
        "hours": 4,
        "place_name": "Pépinière d'entreprises",
        "city": "Montpellier",
        "themes": ["cooperation"],
        "intro": "Présentation d'outils pratiques pour les projets coopératifs.",
    },
    {
        "slug": "congres-national",
        "parent": "agenda",
        "kind": "congress",
        "title": "Congrès national du Mouvement",
        "start": {"in_days": 200},
        "hours": 9,
        "place_name": "Cité des sciences et de l'industrie",
        "city": "Paris",
        "registration_url": "https://example.org/inscriptions/congres",
        "themes": ["training", "social_innovation", "cooperation", "impact"],
        "intro": "Le rendez-vous annuel des adhérents et des régions.",
    },
]

# --- Roadmaps --------------------------------------------------------------------------

ROADMAPS = [
    {
        "slug": "feuille-de-route",
        "parent": "home",
        "title": "Une Région, un Chantier",
        "themes": ["training", "social_innovation", "cooperation", "impact"],
        "intro": "La feuille de route territoriale du Mouvement, publiée le 15 juin 2010.",
        "objectives": (
            "<ul><li>Faire vivre les quatre chantiers dans les régions.</li>"
            "<li>Concevoir les actions localement et nationalement avant le Congrès.</li>"
            "<li>Déployer pendant un an, puis comparer les démarches.</li>"
            "<li>Nommer une personne de contact pour les bénévoles.</li></ul>"
        ),
        "milestones": [
            ("Lancement du Mouvement", D(2010, 2, 2), "done", "Naissance du Mouvement."),
            (
                "Publication de la feuille de route",
                D(2010, 6, 15),
                "done",
                "Communiqué « Une Région, un Chantier ».",
            ),
            (
                "Congrès : présentation des plans d'action",
                D(2010, 10, 14),
                "done",
                "Les régions présentent les actions conçues pour leur chantier.",
            ),
            (
                "Année de déploiement en région",
                D(2011, 6, 30),
                "done",
                "Mise en œuvre des actions dans les onze régions.",
            ),
            (
                "Rencontres nationales thématiques",
                D(2011, 11, 17),
                "done",
                "Trois rencontres pour confronter les démarches et décider de la suite.",
            ),
            (
                "Quatrième rencontre nationale",
                D(2011, 12, 8),
                "cancelled",
                "Regroupée avec la rencontre sur le langage de la preuve.",
            ),
            (
                "Déploiement dans d'autres régions",
                {"in_days": 120},
                "in_progress",
                "Ouvrir la démarche aux régions qui ne l'ont pas encore rejointe.",
            ),
            (
                "Nouvelles mesures nationales",
                {"in_days": 300},
                "planned",
                "Porter auprès des pouvoirs publics les propositions issues des régions.",
            ),
        ],
    },
    {
        "slug": "feuille-de-route-midi-pyrenees",
        "parent": "midi-pyrenees",
        "title": "Feuille de route Midi-Pyrénées",
        "themes": ["impact"],
        "intro": "Construire une grille commune de mesure d'impact.",
        "objectives": "<ul><li>Tester la grille dans dix structures.</li></ul>",
        "milestones": [
            ("Groupe de travail constitué", D(2010, 9, 20), "done", ""),
            ("Grille testée en structure", D(2011, 6, 1), "done", ""),
            ("Publication d'un guide régional", {"in_days": 90}, "in_progress", ""),
        ],
    },
    {
        "slug": "feuille-de-route-nord-pas-de-calais",
        "parent": "nord-pas-de-calais",
        "title": "Feuille de route Nord-Pas-de-Calais",
        "themes": ["training"],
        "intro": "Sensibiliser les jeunes et former les porteurs de projet.",
        "objectives": "<ul><li>Intervenir dans vingt lycées.</li></ul>",
        "milestones": [
            ("Kit pédagogique", D(2010, 11, 1), "done", ""),
            ("Interventions en lycée", D(2011, 5, 30), "done", ""),
            ("Module universitaire", {"in_days": 60}, "planned", ""),
        ],
    },
    {
        "slug": "feuille-de-route-languedoc-roussillon",
        "parent": "languedoc-roussillon",
        "title": "Feuille de route Languedoc-Roussillon",
        "themes": ["cooperation"],
        "intro": "Développer les affaires entre entreprises sociales.",
        "objectives": "<ul><li>Deux rencontres d'affaires par an.</li></ul>",
        "milestones": [
            ("Première rencontre d'affaires", D(2011, 3, 24), "done", ""),
            ("Annuaire des achats solidaires", {"in_days": 40}, "in_progress", ""),
            ("Groupement pour un marché public", {"in_days": 180}, "planned", ""),
        ],
    },
]

# --- Press room ------------------------------------------------------------------------

PRESS_ROOM = {
    "title": "Espace presse",
    "slug": "presse",
    "intro": (
        "Communiqués, dossier de presse et contacts : tout ce qu'il faut aux journalistes "
        "pour parler du Mouvement."
    ),
    "press_kit": [
        ("press_kit", "Dossier de presse"),
        ("fact_sheet", "Fiche : les quatre chantiers"),
    ],
}

# --- Standard pages --------------------------------------------------------------------

STANDARD_PAGES = [
    {
        "slug": "a-propos",
        "title": "À propos",
        "show_in_footer": True,
        "intro": (
            "Le Mouvement rassemble des entrepreneurs sociaux et des organisations de "
            "l'économie sociale et solidaire de toute la France."
        ),
        "body": [
            ("heading", "Qui sommes-nous ?"),
            (
                "paragraph",
                "<p>Coopératives, mutuelles, associations, fondations et entreprises "
                "sociales produisent des biens et des services en poursuivant à la fois des "
                "objectifs économiques et sociaux. Le Mouvement les fédère depuis 2010.</p>",
            ),
            ("figures", FIGURES),
            ("document", "fact_sheet"),
        ],
    },
    {
        "slug": "mentions-legales",
        "title": "Mentions légales",
        "show_in_footer": True,
        "intro": "Informations sur l'éditeur et l'hébergeur de ce site.",
        "body": [
            ("heading", "Éditeur"),
            (
                "paragraph",
                "<p>Mouvement de l'économie sociale et solidaire (site de démonstration). "
                "Contact : contact@example.org.</p>",
            ),
            ("heading", "Données personnelles"),
            (
                "paragraph",
                "<p>Ce site ne dépose aucun cookie de mesure d'audience. Les adresses "
                "présentes sur le site sont fictives.</p>",
            ),
        ],
    },
    {
        "slug": "accessibilite",
        "title": "Déclaration d'accessibilité",
        "show_in_footer": True,
        "intro": "Le Mouvement s'engage à rendre son site accessible à toutes et à tous.",
        "body": [
            ("heading", "État de conformité"),
            (
                "paragraph",
                "<p>Le site vise la conformité au référentiel général d'amélioration de "
                "l'accessibilité (RGAA). Un audit reste à conduire.</p>",
            ),
            ("heading", "Signaler un problème"),
            (
                "paragraph",
                "<p>Si vous ne parvenez pas à accéder à un contenu, écrivez à "
                "accessibilite@example.org.</p>",
            ),
        ],
    },
]

# --- Contact page (a form built with Wagtail's form builder) ---------------------------

CONTACT_PAGE = {
    "slug": "contact",
    "title": "Contact",
    "intro": (
        "Écrire à l'équipe nationale. Pour une question sur une région, les coordonnées "
        "de ses référents sont sur sa page."
    ),
    "thank_you_text": (
        "<p>Merci, votre message est bien arrivé. L'équipe nationale vous répond "
        "sous quelques jours.</p>"
    ),
    "to_address": "contact@example.org",
    "from_address": "site@example.org",
    "subject": "Message reçu par le formulaire de contact",
    "fields": [
        {"label": "Nom", "field_type": "singleline", "required": True},
        {"label": "Adresse e-mail", "field_type": "email", "required": True},
        {
            "label": "Organisation",
            "field_type": "singleline",
            "required": False,
            "help_text": "Coopérative, mutuelle, association, fondation, entreprise sociale…",
        },
        {"label": "Message", "field_type": "multiline", "required": True},
    ],
}
