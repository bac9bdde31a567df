"""The library's demo content: the library page, 16 publications and the observatory's
figures, written from the facts of the project's sources (in our own words).

Each publication's document is generated (``library.pdfmaker``): a cover page, its own
sections, then sections on its chantier from ``SECTIONS``, a table and a chart. One
document, the study of the Orne, holds a phrase found nowhere else on the site
(``UNIQUE_PHRASE``), on its third page or later: the search tests look for it.
"""

import datetime

D = datetime.date

LIBRARY = {
    "slug": "ressources",
    "title": "Ressources",
    "intro": (
        "Études, guides, rapports, notes de l'observatoire, boîtes à outils et présentations "
        "du Mouvement et de ses partenaires : à lire, à télécharger et à citer."
    ),
}

#: Found only inside the Orne study's PDF, on page 3 or later.
UNIQUE_PHRASE = "ressourceries du bocage ornais"

OBSERVATORY = "Observatoire régional de l'économie sociale et solidaire"
MOVEMENT = "Mouvement ESS"

# Sections shared by the documents of a chantier: (heading, [paragraphs]).
SECTIONS = {
    "training": [
        (
            "Former et sensibiliser",
            [
                "Entreprendre autrement s'apprend. Les modules de sensibilisation présentent "
                "aux étudiants, aux demandeurs d'emploi et aux salariés les formes que prend "
                "l'entreprise sociale : coopératives, mutuelles, associations, fondations et "
                "sociétés commerciales qui poursuivent un but d'utilité sociale.",
                "Les formations plus longues s'adressent aux porteurs de projet. Elles "
                "associent un apprentissage de la gestion, un travail sur le modèle "
                "économique et la rencontre d'entrepreneurs qui ont franchi le pas avant eux.",
            ],
        ),
        (
            "Ce que disent les participants",
            [
                "Les personnes interrogées citent d'abord la découverte d'un réseau : savoir "
                "à qui s'adresser pour un local, un prêt d'honneur ou un premier client. "
                "Elles citent ensuite la confiance gagnée en confrontant leur idée à d'autres.",
                "Plusieurs demandent un suivi après la formation, sur six mois au moins, pour "
                "ne pas rester seules au moment des premières décisions difficiles.",
            ],
        ),
    ],
    "social_innovation": [
        (
            "Repérer l'innovation sociale",
            [
                "Une innovation sociale répond autrement à un besoin mal couvert : garde "
                "d'enfants en horaires décalés, mobilité dans les zones rurales, alimentation "
                "de qualité pour les familles modestes. Elle se repère sur le terrain, souvent "
                "avant d'avoir un nom.",
                "Le travail de veille consiste à rendre visibles ces initiatives, à les relier "
                "entre elles et à identifier celles qui peuvent essaimer dans d'autres "
                "territoires.",
            ],
        ),
        (
            "Accompagner l'expérimentation",
            [
                "Une expérimentation a besoin de temps, d'un lieu pour tester l'activité et "
                "d'un cadre qui accepte l'erreur. Les lieux ressources et les incubateurs "
                "offrent ce cadre à des coûts partagés.",
                "Les collectivités y trouvent un moyen de tester une réponse avant d'en faire "
                "une politique publique, en gardant les habitants au cœur de la démarche.",
            ],
        ),
    ],
    "cooperation": [
        (
            "Coopérer pour faire affaire",
            [
                "Les entrepreneurs sociaux se fournissent encore trop peu les uns auprès des "
                "autres. Les rencontres d'affaires, les annuaires et les groupements d'achat "
                "visent à transformer la proximité des valeurs en flux économiques réels.",
                "Répondre ensemble à un appel d'offres permet à de petites structures "
                "d'accéder à des marchés qu'aucune n'aurait pu emporter seule.",
            ],
        ),
        (
            "Les outils de la coopération",
            [
                "Coopératives d'activité et d'emploi, sociétés coopératives d'intérêt "
                "collectif et pôles territoriaux de coopération économique donnent un cadre "
                "juridique et pratique à ces alliances.",
                "Chaque outil demande une gouvernance claire : qui décide, comment les "
                "bénéfices et les risques sont partagés, et comment un nouveau membre entre.",
            ],
        ),
    ],
    "impact": [
        (
            "Un langage de la preuve",
            [
                "Mesurer l'impact, c'est rendre compte de ce qu'une activité change pour les "
                "personnes et pour le territoire, au-delà de son chiffre d'affaires. Cela "
                "suppose de choisir des indicateurs avant d'agir, et de les suivre dans le "
                "temps.",
                "Les indicateurs retenus mêlent le social (emplois créés, personnes "
                "accompagnées), l'économique (valeur ajoutée, salaires versés) et "
                "l'environnemental (déchets évités, circuits courts).",
            ],
        ),
        (
            "Évaluer sans s'épuiser",
            [
                "Une petite association ne peut pas conduire une étude d'impact complète. "
                "Des grilles simples, partagées entre structures d'un même secteur, "
                "permettent de comparer les résultats sans multiplier les enquêtes.",
                "L'évaluation sert d'abord à la structure elle-même : ajuster son action, "
                "expliquer ses choix à ses adhérents, et dialoguer avec ses financeurs.",
            ],
        ),
    ],
}

PUBLICATIONS = [
    {
        "slug": "poids-ess-orne",
        "parent": "library",
        "kind": "study",
        "title": "Le poids de l'économie sociale et solidaire dans l'Orne",
        "date": D(2012, 4, 16),
        "authors": "Observatoire régional de l'ESS",
        "publisher": OBSERVATORY,
        "themes": ["impact"],
        "licence": "cc-by-4.0",
        "summary": (
            "Combien d'emplois, d'établissements et de salaires l'ESS représente-t-elle dans "
            "un département rural ? Une étude de l'observatoire régional, secteur par "
            "secteur, avec ses enseignements pour les collectivités."
        ),
        "sections": [
            (
                "Pourquoi cette étude",
                [
                    "Les élus du département souhaitaient disposer d'un état des lieux "
                    "chiffré avant de bâtir leur politique de soutien aux entreprises "
                    "sociales. L'observatoire a rassemblé les données d'emploi et "
                    "d'établissements disponibles pour chaque famille de l'ESS.",
                    "L'étude distingue les associations, les coopératives, les mutuelles et "
                    "les fondations, et compare leur poids à celui du reste de l'économie "
                    "privée du département.",
                ],
            ),
            (
                "Les grands chiffres",
                [
                    "Dans un territoire où l'emploi est dispersé, l'ESS pèse plus lourd "
                    "qu'en moyenne nationale : l'action sociale, l'aide à domicile et le "
                    "sport en sont les premiers employeurs.",
                    "Ces emplois sont peu délocalisables : ils répondent à des besoins du "
                    "territoire et sont portés par des structures dont le siège y demeure.",
                ],
            ),
            (
                "Des filières en devenir",
                [
                    "Le réemploi et la réparation créent des activités nouvelles. Les "
                    "ressourceries du bocage ornais réemploient chaque année l'équivalent de "
                    "plusieurs centaines de tonnes d'objets et forment des salariés en "
                    "insertion aux métiers de la réparation.",
                    "La filière bois énergie et l'éco-construction offrent d'autres pistes, à "
                    "condition que les structures coopèrent pour atteindre une taille "
                    "suffisante.",
                ],
            ),
        ],
        "table": (
            "Établissements employeurs de l'ESS par famille",
            ["Famille", "Établissements", "Part des emplois de l'ESS"],
            [
                ["Associations", "612", "78 %"],
                ["Coopératives", "74", "12 %"],
                ["Mutuelles", "31", "7 %"],
                ["Fondations", "6", "3 %"],
            ],
        ),
        "chart": (
            "Emplois salariés de l'ESS par secteur",
            "emplois",
            [
                ("Action sociale", 4120),
                ("Enseignement", 1230),
                ("Sport et loisirs", 540),
                ("Banque, assurance", 980),
            ],
        ),
    },
    {
        "slug": "entrepreneuriat-ess-agglomeration-caennaise",
        "parent": "library",
        "kind": "study",
        "title": "L'entrepreneuriat d'ESS dans l'agglomération caennaise",
        "date": D(2013, 2, 4),
        "authors": "Observatoire régional de l'ESS; Chambre régionale de l'ESS",
        "publisher": OBSERVATORY,
        "themes": ["training", "cooperation"],
        "licence": "cc-by-4.0",
        "summary": (
            "Qui crée une entreprise d'ESS dans une agglomération, avec quels appuis et "
            "quelles difficultés ? Une enquête auprès des porteurs de projet, outil d'aide "
            "à la décision pour les élus."
        ),
        "sections": [
            (
                "L'enquête",
                [
                    "Quatre-vingts porteurs de projet ont répondu à un questionnaire, et "
                    "vingt ont été reçus en entretien. Leurs projets vont de la coopérative "
                    "d'activité et d'emploi au restaurant d'insertion.",
                    "La plupart ont découvert l'ESS par une réunion d'information ou par un "
                    "réseau associatif, rarement par les dispositifs classiques de création "
                    "d'entreprise.",
                ],
            ),
            (
                "Les appuis qui comptent",
                [
                    "L'étude de faisabilité, la mise en relation avec des partenaires et "
                    "l'accès à un lieu pour tester l'activité sont les appuis les plus cités.",
                ],
            ),
        ],
        "table": (
            "Projets suivis selon leur forme juridique",
            ["Forme", "Projets", "Dont créés"],
            [
                ["Association", "41", "29"],
                ["SCOP ou SCIC", "18", "11"],
                ["Entreprise sociale", "21", "9"],
            ],
        ),
        "chart": (
            "Appuis cités par les porteurs de projet",
            "%",
            [
                ("Étude de faisabilité", 64),
                ("Mise en réseau", 58),
                ("Lieu de test", 37),
                ("Financement", 52),
            ],
        ),
    },
    {
        "slug": "guide-collectivites-creation-entreprises-ess",
        "parent": "library",
        "kind": "guide",
        "title": "Soutenir la création d'entreprises d'ESS : guide pour les collectivités",
        "date": D(2014, 9, 22),
        "authors": "Chambre régionale de l'ESS",
        "publisher": "Chambre régionale de l'économie sociale et solidaire",
        "themes": ["cooperation", "social_innovation"],
        "licence": "cc-by-sa-4.0",
        "summary": (
            "Pourquoi une commune ou une intercommunalité a intérêt à soutenir l'ESS, et "
            "comment s'y prendre : les plus-values économiques, sociales et "
            "environnementales, les services d'une chambre régionale et une méthode."
        ),
        "sections": [
            (
                "Trois plus-values pour le territoire",
                [
                    "Économique : des emplois ancrés localement, de la valeur ajoutée et des "
                    "biens et services qui répondent à des besoins du territoire.",
                    "Sociale : des services pour les personnes qui en sont éloignées, des "
                    "conditions de travail attentives et du lien entre générations. "
                    "Environnementale : des activités qui tiennent compte de leurs effets et "
                    "valorisent les ressources locales.",
                ],
            ),
            (
                "Une méthode en trois principes",
                [
                    "Co-construire les projets avec les élus, les techniciens, les bénévoles, "
                    "les habitants et les entreprises ; respecter la subsidiarité, les acteurs "
                    "locaux gardant la maîtrise de leur projet ; suivre les projets dans la "
                    "durée.",
                ],
            ),
        ],
        "table": (
            "Ce que la chambre régionale propose aux collectivités",
            ["Étape", "Service"],
            [
                ["Émergence", "Réunions d'information, veille sur les projets innovants"],
                ["Construction", "Ingénierie de projet, étude de faisabilité"],
                ["Consolidation", "Dispositif local d'accompagnement, groupes de travail"],
            ],
        ),
        "chart": (
            "Collectivités accompagnées par année",
            "collectivités",
            [("2011", 6), ("2012", 9), ("2013", 14), ("2014", 17)],
        ),
    },
    {
        "slug": "mesurer-impact-social-premiers-pas",
        "parent": "library",
        "kind": "guide",
        "title": "Mesurer son impact social : premiers pas",
        "date": D(2016, 3, 8),
        "authors": "Chantier 4 du Mouvement",
        "publisher": MOVEMENT,
        "themes": ["impact"],
        "licence": "cc-by-4.0",
        "summary": (
            "Un guide pratique pour les petites structures qui veulent rendre compte de ce "
            "qu'elles changent : choisir ses indicateurs, les suivre, les présenter."
        ),
        "sections": [
            (
                "Avant de commencer",
                [
                    "Posez d'abord la question à laquelle la mesure doit répondre : "
                    "convaincre un financeur, améliorer un service, informer les adhérents. "
                    "Les indicateurs en découlent.",
                ],
            ),
        ],
        "table": (
            "Exemples d'indicateurs",
            ["Dimension", "Indicateur", "Fréquence"],
            [
                ["Sociale", "Personnes accompagnées", "Mensuelle"],
                ["Économique", "Salaires versés sur le territoire", "Annuelle"],
                ["Environnementale", "Tonnes de déchets évitées", "Trimestrielle"],
            ],
        ),
        "chart": (
            "Structures du réseau qui suivent au moins trois indicateurs",
            "%",
            [("2013", 18), ("2014", 27), ("2015", 39), ("2016", 46)],
        ),
    },
    {
        "slug": "une-region-un-chantier-bilan-premiere-annee",
        "parent": "library",
        "kind": "report",
        "title": "Une Région, un Chantier : bilan de la première année",
        "date": D(2011, 9, 15),
        "authors": "Équipe nationale",
        "publisher": MOVEMENT,
        "themes": ["training", "social_innovation", "cooperation", "impact"],
        "licence": "cc-by-4.0",
        "summary": (
            "Un an après le lancement de la feuille de route territoriale, ce que les onze "
            "régions mobilisées ont construit sur chacun des quatre chantiers, et ce qui "
            "reste à faire avant les Rencontres nationales de l'automne."
        ),
        "sections": [
            (
                "Le chemin parcouru",
                [
                    "Lancée en juin 2010, la démarche a proposé à chaque région de se "
                    "concentrer sur l'un des quatre chantiers. Les plans d'action ont été "
                    "présentés au Congrès du 14 octobre 2010, puis déployés pendant un an.",
                    "Une douzaine de régions se sont organisées, à des rythmes différents ; "
                    "chacune dispose aujourd'hui d'un contact identifié pour les bénévoles.",
                ],
            ),
            (
                "Vers les Rencontres nationales",
                [
                    "Trois ou quatre rencontres thématiques réuniront les régions à "
                    "l'automne 2011 pour comparer les démarches et décider de la suite : "
                    "nouvelles actions, extension à d'autres régions, propositions de mesures.",
                ],
            ),
        ],
        "table": (
            "Régions mobilisées par chantier",
            ["Chantier", "Régions"],
            [
                ["Former et sensibiliser", "Nord Pas de Calais, Picardie, Île-de-France"],
                ["Innovation sociale", "Rhône-Alpes, Pays de la Loire, PACA"],
                ["Coopération économique", "Languedoc-Roussillon, Franche-Comté, Aquitaine"],
                ["Langage de la preuve", "Midi-Pyrénées, Bourgogne"],
            ],
        ),
        "chart": (
            "Actions engagées par chantier",
            "actions",
            [("Former", 14), ("Innover", 9), ("Coopérer", 11), ("Mesurer", 7)],
        ),
    },
    {
        "slug": "note-observatoire-emploi-ess",
        "parent": "library",
        "kind": "observatory_note",
        "title": "Note de l'observatoire n° 1 : l'emploi dans l'ESS",
        "date": D(2015, 6, 1),
        "authors": "Observatoire régional de l'ESS",
        "publisher": OBSERVATORY,
        "themes": ["impact"],
        "licence": "etalab-2.0",
        "summary": (
            "Quatre pages pour connaître l'emploi salarié de l'ESS : son poids, ses secteurs, "
            "ses métiers et son évolution sur cinq ans."
        ),
        "sections": [
            (
                "L'essentiel",
                [
                    "L'emploi de l'ESS a mieux résisté que celui du reste du secteur privé "
                    "pendant les années de crise, porté par l'action sociale et la santé.",
                ],
            ),
        ],
        "table": (
            "Emplois salariés de l'ESS",
            ["Année", "Emplois", "Évolution"],
            [["2010", "52 400", "-"], ["2012", "53 900", "+2,9 %"], ["2014", "55 100", "+2,2 %"]],
        ),
        "chart": (
            "Emplois salariés de l'ESS",
            "emplois",
            [("2010", 52400), ("2012", 53900), ("2014", 55100)],
        ),
    },
    {
        "slug": "note-observatoire-cooperatives-activite-emploi",
        "parent": "library",
        "kind": "observatory_note",
        "title": "Note de l'observatoire n° 2 : les coopératives d'activité et d'emploi",
        "date": D(2016, 11, 14),
        "authors": "Observatoire régional de l'ESS",
        "publisher": OBSERVATORY,
        "themes": ["cooperation"],
        "licence": "etalab-2.0",
        "summary": (
            "Comment une coopérative d'activité et d'emploi héberge des porteurs de projet "
            "salariés, et ce que l'exemple d'une CAE du Calvados enseigne."
        ),
        "sections": [
            (
                "Entreprendre en étant salarié",
                [
                    "La coopérative offre un statut, une comptabilité et un collectif ; "
                    "l'entrepreneur apporte son activité et peut, après quelques années, "
                    "devenir associé.",
                ],
            ),
        ],
        "table": (
            "Entrepreneurs hébergés",
            ["Année", "Entrepreneurs", "Devenus associés"],
            [["2014", "38", "4"], ["2015", "52", "9"], ["2016", "61", "13"]],
        ),
        "chart": (
            "Chiffre d'affaires cumulé des entrepreneurs",
            "k€",
            [("2014", 820), ("2015", 1140), ("2016", 1390)],
        ),
    },
    {
        "slug": "boite-a-outils-cooperatives-oit",
        "parent": "library",
        "kind": "toolkit",
        "title": "Cooperative tools: Think.Coop, Start.Coop and My.Coop",
        "date": D(2025, 10, 6),
        "authors": "International cooperation team",
        "publisher": MOVEMENT,
        "document_language": "en",
        "themes": ["cooperation", "training"],
        "licence": "cc-by-4.0",
        "summary": (
            "Une boîte à outils en anglais pour présenter les outils coopératifs de l'OIT, "
            "adaptés lors d'un atelier à Dakar pour des coopératives productives solidaires."
        ),
        "sections": [
            (
                "Three tools, three stages",
                [
                    "Think.Coop helps a group decide whether a cooperative is the right form "
                    "for its project; Start.Coop walks it through founding one; My.Coop "
                    "supports the management of an existing cooperative.",
                    "In September 2025 a three-day workshop in Dakar adapted the tools for "
                    "productive solidarity cooperatives, with a joint action plan and a "
                    "memorandum of understanding as its expected outcomes.",
                ],
            ),
            (
                "Using the tools in a region",
                [
                    "Each tool fits in a half-day session. Facilitators should pair it with "
                    "a local cooperative that can share its own story.",
                ],
            ),
        ],
        "table": (
            "The tools at a glance",
            ["Tool", "For whom", "Length"],
            [
                ["Think.Coop", "Groups with an idea", "Half a day"],
                ["Start.Coop", "Founding members", "Two days"],
                ["My.Coop", "Boards and managers", "Three days"],
            ],
        ),
        "chart": (
            "Participants at the Dakar workshop",
            "people",
            [("Ministry staff", 24), ("Cooperatives", 18), ("Partners", 9)],
        ),
        "section_language": "en",
    },
    {
        "slug": "kit-banque-de-projets",
        "parent": "library",
        "kind": "toolkit",
        "title": "Kit de la banque de projets",
        "date": D(2017, 1, 10),
        "authors": "Équipe nationale",
        "publisher": MOVEMENT,
        "themes": ["cooperation"],
        "licence": "cc-by-sa-4.0",
        "summary": (
            "Fiches et modèles pour présenter un projet à des partenaires possibles : "
            "financeurs, bénévoles, experts, et pour lancer un financement participatif."
        ),
        "sections": [
            (
                "Présenter son projet",
                [
                    "Une bonne fiche tient en une page : le besoin auquel le projet répond, "
                    "ce qui est déjà fait, ce qui manque et ce que le partenaire y gagnera.",
                ],
            ),
        ],
        "table": (
            "Ce que cherchent les projets présentés",
            ["Besoin", "Projets"],
            [
                ["Financement", "34"],
                ["Partenaires", "21"],
                ["Bénévoles", "17"],
                ["Expertise", "12"],
            ],
        ),
        "chart": (
            "Projets présentés par année",
            "projets",
            [("2015", 12), ("2016", 27), ("2017", 41)],
        ),
    },
    {
        "slug": "presentation-du-mouvement",
        "parent": "library",
        "kind": "presentation",
        "title": "Le Mouvement en quelques diapositives",
        "date": D(2019, 5, 20),
        "authors": "Équipe nationale",
        "publisher": MOVEMENT,
        "themes": ["training", "social_innovation", "cooperation", "impact"],
        "licence": "cc-by-4.0",
        "summary": (
            "La présentation que les régions utilisent en réunion publique : qui nous "
            "sommes, les quatre chantiers, la démarche Une Région, un Chantier."
        ),
        "sections": [
            (
                "Qui nous sommes",
                [
                    "Un mouvement national d'entrepreneurs sociaux, de coopératives, de "
                    "mutuelles, d'associations et de fondations, lancé le 2 février 2010 et "
                    "organisé en régions.",
                ],
            ),
        ],
        "table": (
            "Les quatre chantiers",
            ["Numéro", "Chantier"],
            [
                ["1", "Former et sensibiliser à l'entrepreneuriat social"],
                ["2", "Favoriser et développer l'innovation sociale"],
                ["3", "Développer les coopérations économiques"],
                ["4", "Élaborer un langage de la preuve"],
            ],
        ),
        "chart": ("Régions mobilisées", "régions", [("2010", 11), ("2015", 12), ("2019", 13)]),
    },
    {
        "slug": "centres-ressources-ess-afrique-ouest",
        "parent": "library",
        "kind": "study",
        "title": "Resource centres for social enterprise in West Africa: the CERES example",
        "date": D(2020, 2, 3),
        "authors": "International cooperation team",
        "publisher": MOVEMENT,
        "document_language": "en",
        "themes": ["training", "social_innovation"],
        "licence": "cc-by-4.0",
        "summary": (
            "Une étude en anglais sur le centre de ressources créé au Togo en mars 2019 : ses "
            "missions, ses promotions de jeunes entrepreneurs et ce qu'il apporte au réseau."
        ),
        "sections": [
            (
                "A hub for social enterprise",
                [
                    "Created in March 2019 by the government of Togo with the support of the "
                    "United States embassy, the centre aims to make the country a West "
                    "African hub for social enterprises.",
                    "It convenes the leaders of the social and solidarity economy once a "
                    "year, runs mentoring and incubation programmes, and recruits two cohorts "
                    "of twenty-four young entrepreneurs every year.",
                ],
            ),
            (
                "Early results",
                [
                    "A few months after it opened, the centre counted 1,325 social "
                    "entrepreneurs and 15 researchers in its network.",
                ],
            ),
        ],
        "table": (
            "The centre's programmes",
            ["Programme", "Who", "Per year"],
            [
                ["Incubation", "Young entrepreneurs", "2 cohorts of 24"],
                ["Conference", "ESS leaders", "1"],
            ],
        ),
        "chart": (
            "The network a few months after opening",
            "people",
            [("Social entrepreneurs", 1325), ("Researchers", 15)],
        ),
        "section_language": "en",
    },
    {
        "slug": "affiche-congres-2010",
        "parent": "library",
        "kind": "presentation",
        "title": "Affiche du Congrès du 14 octobre 2010 (numérisée)",
        "date": D(2010, 9, 1),
        "authors": "Équipe nationale",
        "publisher": MOVEMENT,
        "themes": ["training"],
        "licence": "all-rights-reserved",
        "summary": (
            "L'affiche du premier Congrès, numérisée depuis l'archive papier : une image sans "
            "texte lisible par la recherche, signalée comme telle dans l'administration."
        ),
        "scanned": True,
    },
    # Regional publications (under the region pages).
    {
        "slug": "evaluer-utilite-sociale-midi-pyrenees",
        "parent": "midi-pyrenees",
        "kind": "guide",
        "title": "Évaluer l'utilité sociale : le guide de Midi-Pyrénées",
        "date": D(2012, 11, 5),
        "authors": "Coordination Midi-Pyrénées",
        "publisher": MOVEMENT,
        "themes": ["impact"],
        "licence": "cc-by-4.0",
        "summary": (
            "La démarche d'évaluation que les structures de Midi-Pyrénées ont construite "
            "ensemble pour le chantier du langage de la preuve."
        ),
        "sections": [
            (
                "Une grille partagée",
                [
                    "Douze structures ont testé une même grille pendant un an : quatre "
                    "questions, dix indicateurs, un temps d'échange par trimestre.",
                ],
            ),
        ],
        "table": (
            "Les structures du test",
            ["Secteur", "Structures"],
            [["Insertion", "5"], ["Culture", "3"], ["Services à la personne", "4"]],
        ),
        "chart": ("Indicateurs renseignés", "%", [("T1", 48), ("T2", 66), ("T3", 81), ("T4", 90)]),
    },
    {
        "slug": "former-entrepreneuriat-social-nord-pas-de-calais",
        "parent": "nord-pas-de-calais",
        "kind": "report",
        "title": "Former à l'entrepreneuriat social : le rapport du Nord Pas de Calais",
        "date": D(2011, 6, 20),
        "authors": "Coordination Nord Pas de Calais",
        "publisher": MOVEMENT,
        "themes": ["training"],
        "licence": "cc-by-4.0",
        "summary": (
            "Les modules de sensibilisation conduits dans les universités et les écoles de la "
            "région, leurs publics et ce qu'en retiennent les participants."
        ),
        "sections": [
            (
                "Une année de modules",
                [
                    "Vingt-six interventions ont touché étudiants, demandeurs d'emploi et "
                    "salariés en reconversion, avec l'appui de dirigeants de l'ESS venus "
                    "raconter leur parcours.",
                ],
            ),
        ],
        "table": (
            "Publics touchés",
            ["Public", "Participants"],
            [["Étudiants", "640"], ["Demandeurs d'emploi", "210"], ["Salariés", "95"]],
        ),
        "chart": (
            "Participants par trimestre",
            "personnes",
            [("T1", 180), ("T2", 310), ("T3", 260), ("T4", 195)],
        ),
    },
    {
        "slug": "innovations-sociales-rhone-alpes",
        "parent": "rhone-alpes",
        "kind": "study",
        "title": "Vingt innovations sociales en Rhône-Alpes",
        "date": D(2013, 10, 1),
        "authors": "Coordination Rhône-Alpes",
        "publisher": MOVEMENT,
        "themes": ["social_innovation"],
        "licence": "cc-by-nc-4.0",
        "summary": (
            "Vingt initiatives repérées sur le terrain, de la garde d'enfants en horaires "
            "décalés à l'épicerie solidaire, analysées pour savoir lesquelles peuvent essaimer."
        ),
        "sections": [
            (
                "Comment nous les avons choisies",
                [
                    "Chaque initiative répond à un besoin mal couvert, implique ses usagers et "
                    "a au moins deux ans d'existence.",
                ],
            ),
        ],
        "table": (
            "Les initiatives par domaine",
            ["Domaine", "Initiatives"],
            [["Alimentation", "5"], ["Mobilité", "4"], ["Petite enfance", "3"], ["Habitat", "8"]],
        ),
        "chart": (
            "Bénéficiaires par domaine",
            "personnes",
            [("Alimentation", 2300), ("Mobilité", 800), ("Petite enfance", 450), ("Habitat", 1200)],
        ),
    },
    {
        "slug": "flux-affaires-languedoc-roussillon",
        "parent": "languedoc-roussillon",
        "kind": "observatory_note",
        "title": "Les achats entre entrepreneurs sociaux en Languedoc-Roussillon",
        "date": D(2014, 4, 7),
        "authors": "Coordination Languedoc-Roussillon",
        "publisher": MOVEMENT,
        "themes": ["cooperation"],
        "licence": "cc-by-4.0",
        "summary": (
            "Combien les structures de l'ESS achètent-elles à d'autres structures de l'ESS ? "
            "Une note sur les flux d'affaires de la région et les moyens de les accroître."
        ),
        "sections": [
            (
                "Une enquête sur les achats",
                [
                    "Cent dix structures ont détaillé leurs achats de l'année : moins d'un "
                    "euro sur dix va à une autre structure de l'ESS.",
                ],
            ),
        ],
        "table": (
            "Part des achats réalisés dans l'ESS",
            ["Poste", "Part"],
            [["Alimentation", "14 %"], ["Services", "9 %"], ["Fournitures", "4 %"]],
        ),
        "chart": (
            "Part des achats réalisés dans l'ESS",
            "%",
            [("Alimentation", 14), ("Services", 9), ("Fournitures", 4)],
        ),
    },
]

FIGURES_PAGE = {
    "slug": "chiffres-cles-observatoire",
    "title": "Chiffres clés de l'observatoire",
    "intro": (
        "Les chiffres de l'économie sociale et solidaire que l'observatoire suit d'année en "
        "année : en graphique, en tableau et à télécharger."
    ),
    "indicators": [
        {
            "title": "Emplois salariés de l'ESS",
            "unit": "emplois",
            "source": OBSERVATORY + ", 2014",
            "note": "Emplois au 31 décembre, tous secteurs de l'ESS confondus.",
            "values": [
                ("Basse-Normandie", 2014, "55100"),
                ("Basse-Normandie", 2012, "53900"),
                ("Basse-Normandie", 2010, "52400"),
            ],
        },
        {
            "title": "Part de l'ESS dans l'emploi privé",
            "unit": "%",
            "source": OBSERVATORY + ", 2012",
            "note": "",
            "values": [
                ("Orne", 2012, "14.6"),
                ("Calvados", 2012, "12.1"),
                ("Manche", 2012, "11.8"),
                ("France", 2012, "10.3"),
            ],
        },
        {
            "title": "Entreprises accompagnées par le dispositif local d'accompagnement",
            "unit": "structures",
            "source": "Chambre régionale de l'ESS, 2014",
            "note": "",
            "values": [
                ("Basse-Normandie", 2014, "148"),
                ("Basse-Normandie", 2013, "131"),
                ("Basse-Normandie", 2012, "117"),
            ],
        },
    ],
}
