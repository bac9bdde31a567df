"""The library's demo pages in English (titles, slugs, summaries), for ``core.i18n.translate``.

The documents themselves stay as they are (most are in French, two in English: the page
says which language each document is in).
"""

LANGUAGE = "en"

TEXTS = {
    # The library and its figures.
    "Ressources": "Resources",
    "ressources": "resources",
    (
        "Études, guides, rapports, notes de l'observatoire, boîtes à outils et présentations "
        "du Mouvement et de ses partenaires : à lire, à télécharger et à citer."
    ): (
        "Studies, guides, reports, observatory notes, toolkits and presentations by the "
        "Movement and its partners: to read, download and cite."
    ),
    "Chiffres clés de l'observatoire": "The observatory's key figures",
    "chiffres-cles-observatoire": "observatory-key-figures",
    (
        "Les chiffres de l'économie sociale et solidaire que l'observatoire suit d'année en "
        "année : en graphique, en tableau et à télécharger."
    ): (
        "The figures of the social and solidarity economy that the observatory follows year "
        "after year: as charts, as tables and to download."
    ),
    "Emplois salariés de l'ESS": "Salaried jobs in the SSE",
    "emplois": "jobs",
    "Emplois au 31 décembre, tous secteurs de l'ESS confondus.": (
        "Jobs on 31 December, all sectors of the SSE together."
    ),
    "Part de l'ESS dans l'emploi privé": "Share of the SSE in private employment",
    "Entreprises accompagnées par le dispositif local d'accompagnement": (
        "Organisations supported by the local support scheme (DLA)"
    ),
    "structures": "organisations",
    "Observatoire régional de l'économie sociale et solidaire, 2014": (
        "Regional observatory of the social and solidarity economy, 2014"
    ),
    "Observatoire régional de l'économie sociale et solidaire, 2012": (
        "Regional observatory of the social and solidarity economy, 2012"
    ),
    "Chambre régionale de l'ESS, 2014": "Regional chamber of the SSE, 2014",
    # Publishers.
    "Observatoire régional de l'économie sociale et solidaire": (
        "Regional observatory of the social and solidarity economy"
    ),
    "Chambre régionale de l'économie sociale et solidaire": (
        "Regional chamber of the social and solidarity economy"
    ),
    "Mouvement ESS": "ESS Movement",
    # Publications: titles, slugs and summaries.
    "Le poids de l'économie sociale et solidaire dans l'Orne": (
        "The weight of the social and solidarity economy in the Orne"
    ),
    "poids-ess-orne": "weight-sse-orne",
    (
        "Combien d'emplois, d'établissements et de salaires l'ESS représente-t-elle dans "
        "un département rural ? Une étude de l'observatoire régional, secteur par "
        "secteur, avec ses enseignements pour les collectivités."
    ): (
        "How many jobs, establishments and wages does the SSE account for in a rural "
        "département? A study by the regional observatory, sector by sector, with its "
        "lessons for local authorities."
    ),
    "L'entrepreneuriat d'ESS dans l'agglomération caennaise": (
        "SSE entrepreneurship in the Caen conurbation"
    ),
    "entrepreneuriat-ess-agglomeration-caennaise": "sse-entrepreneurship-caen",
    (
        "Qui crée une entreprise d'ESS dans une agglomération, avec quels appuis et "
        "quelles difficultés ? Une enquête auprès des porteurs de projet, outil d'aide "
        "à la décision pour les élus."
    ): (
        "Who starts an SSE enterprise in a conurbation, with what support and what "
        "difficulties? A survey of project leaders, to help elected officials decide."
    ),
    "Soutenir la création d'entreprises d'ESS : guide pour les collectivités": (
        "Supporting the creation of SSE enterprises: a guide for local authorities"
    ),
    "guide-collectivites-creation-entreprises-ess": "guide-local-authorities-sse-creation",
    (
        "Pourquoi une commune ou une intercommunalité a intérêt à soutenir l'ESS, et "
        "comment s'y prendre : les plus-values économiques, sociales et "
        "environnementales, les services d'une chambre régionale et une méthode."
    ): (
        "Why a town or a group of towns gains from supporting the SSE, and how to go about "
        "it: the economic, social and environmental added value, the services of a "
        "regional chamber and a method."
    ),
    "Mesurer son impact social : premiers pas": "Measuring your social impact: first steps",
    "mesurer-impact-social-premiers-pas": "measuring-social-impact-first-steps",
    (
        "Un guide pratique pour les petites structures qui veulent rendre compte de ce "
        "qu'elles changent : choisir ses indicateurs, les suivre, les présenter."
    ): (
        "A practical guide for small organisations that want to show what they change: "
        "choosing indicators, following them, presenting them."
    ),
    "Une Région, un Chantier : bilan de la première année": (
        "One Region, One Work Programme: the first year in review"
    ),
    "une-region-un-chantier-bilan-premiere-annee": "one-region-one-programme-first-year",
    (
        "Un an après le lancement de la feuille de route territoriale, ce que les onze "
        "régions mobilisées ont construit sur chacun des quatre chantiers, et ce qui "
        "reste à faire avant les Rencontres nationales de l'automne."
    ): (
        "A year after the territorial roadmap was launched, what the eleven regions built "
        "on each of the four work programmes, and what remains before the national "
        "meetings in the autumn."
    ),
    "Note de l'observatoire n° 1 : l'emploi dans l'ESS": "Observatory note no. 1: jobs in the SSE",
    "note-observatoire-emploi-ess": "observatory-note-sse-jobs",
    (
        "Quatre pages pour connaître l'emploi salarié de l'ESS : son poids, ses secteurs, "
        "ses métiers et son évolution sur cinq ans."
    ): (
        "Four pages on salaried jobs in the SSE: their weight, sectors, trades and how they "
        "changed over five years."
    ),
    "Note de l'observatoire n° 2 : les coopératives d'activité et d'emploi": (
        "Observatory note no. 2: business and employment cooperatives"
    ),
    "note-observatoire-cooperatives-activite-emploi": "observatory-note-business-cooperatives",
    (
        "Comment une coopérative d'activité et d'emploi héberge des porteurs de projet "
        "salariés, et ce que l'exemple d'une CAE du Calvados enseigne."
    ): (
        "How a business and employment cooperative hosts project leaders as employees, and "
        "what a cooperative in the Calvados teaches."
    ),
    "boite-a-outils-cooperatives-oit": "ilo-cooperative-toolkit",
    (
        "Une boîte à outils en anglais pour présenter les outils coopératifs de l'OIT, "
        "adaptés lors d'un atelier à Dakar pour des coopératives productives solidaires."
    ): (
        "A toolkit presenting the ILO's cooperative tools, adapted at a workshop in Dakar "
        "for productive solidarity cooperatives."
    ),
    "Kit de la banque de projets": "The project bank kit",
    "kit-banque-de-projets": "project-bank-kit",
    (
        "Fiches et modèles pour présenter un projet à des partenaires possibles : "
        "financeurs, bénévoles, experts, et pour lancer un financement participatif."
    ): (
        "Sheets and templates to present a project to possible partners (funders, "
        "volunteers, experts) and to launch a crowdfunding campaign."
    ),
    "Le Mouvement en quelques diapositives": "The Movement in a few slides",
    "presentation-du-mouvement": "presenting-the-movement",
    (
        "La présentation que les régions utilisent en réunion publique : qui nous "
        "sommes, les quatre chantiers, la démarche Une Région, un Chantier."
    ): (
        "The presentation the regions use at public meetings: who we are, the four work "
        "programmes, the One Region, One Work Programme approach."
    ),
    "centres-ressources-ess-afrique-ouest": "resource-centres-west-africa",
    (
        "Une étude en anglais sur le centre de ressources créé au Togo en mars 2019 : ses "
        "missions, ses promotions de jeunes entrepreneurs et ce qu'il apporte au réseau."
    ): (
        "A study of the resource centre created in Togo in March 2019: its missions, its "
        "cohorts of young entrepreneurs and what it brings to the network."
    ),
    "Affiche du Congrès du 14 octobre 2010 (numérisée)": (
        "Poster of the Congress of 14 October 2010 (scanned)"
    ),
    "affiche-congres-2010": "congress-2010-poster",
    (
        "L'affiche du premier Congrès, numérisée depuis l'archive papier : une image sans "
        "texte lisible par la recherche, signalée comme telle dans l'administration."
    ): (
        "The poster of the first Congress, scanned from the paper archive: a picture without "
        "text that search can read, flagged as such in the admin."
    ),
    "Évaluer l'utilité sociale : le guide de Midi-Pyrénées": (
        "Evaluating social utility: the Midi-Pyrénées guide"
    ),
    "evaluer-utilite-sociale-midi-pyrenees": "evaluating-social-utility-midi-pyrenees",
    (
        "La démarche d'évaluation que les structures de Midi-Pyrénées ont construite "
        "ensemble pour le chantier du langage de la preuve."
    ): (
        "The evaluation approach that organisations in Midi-Pyrénées built together for the "
        "language of proof work programme."
    ),
    "Former à l'entrepreneuriat social : le rapport du Nord Pas de Calais": (
        "Training in social entrepreneurship: the Nord Pas de Calais report"
    ),
    "former-entrepreneuriat-social-nord-pas-de-calais": "training-social-entrepreneurship-nord",
    (
        "Les modules de sensibilisation conduits dans les universités et les écoles de la "
        "région, leurs publics et ce qu'en retiennent les participants."
    ): (
        "The awareness modules run in the region's universities and schools, who attended "
        "and what participants took away."
    ),
    "Vingt innovations sociales en Rhône-Alpes": "Twenty social innovations in Rhône-Alpes",
    "innovations-sociales-rhone-alpes": "social-innovations-rhone-alpes",
    (
        "Vingt initiatives repérées sur le terrain, de la garde d'enfants en horaires "
        "décalés à l'épicerie solidaire, analysées pour savoir lesquelles peuvent essaimer."
    ): (
        "Twenty initiatives found in the field, from childcare at unusual hours to a "
        "solidarity grocery, studied to see which of them could spread elsewhere."
    ),
    "Les achats entre entrepreneurs sociaux en Languedoc-Roussillon": (
        "Purchases between social entrepreneurs in Languedoc-Roussillon"
    ),
    "flux-affaires-languedoc-roussillon": "business-flows-languedoc-roussillon",
    (
        "Combien les structures de l'ESS achètent-elles à d'autres structures de l'ESS ? "
        "Une note sur les flux d'affaires de la région et les moyens de les accroître."
    ): (
        "How much do SSE organisations buy from other SSE organisations? A note on the "
        "region's business flows and ways to increase them."
    ),
}
