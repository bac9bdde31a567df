"""The demo site in English: translations of the French demo pages, as a translator would
enter them in wagtail-localize's editor.

Every page of the demo and every translatable snippet is translated, except the pages of
``LEFT_UNTRANSLATED`` (by their path under the French home page). ``TEXTS`` maps each French
text (title, slug, introduction, every text of the bodies, inline contacts, press kit,
milestones, organisations) to its English version. A text missing from ``TEXTS`` keeps its
French wording (names of places and organisations, figures): tests/test_english_site.py
crawls the English demo for French left.
"""

LANGUAGE = "en"

# The one page the demo leaves in French: a regional news item its coordinator has not had
# translated yet. Its English address shows the French text with the fallback notice.
LEFT_UNTRANSLATED = ["regions/ile-de-france/formation-dirigeants-2026/"]

TEXTS = {
    # --- Home page
    "Accueil": "Home",
    "accueil": "home",
    "Mouvement de l'économie sociale et solidaire": "Social and Solidarity Economy Movement",
    "Le Mouvement de l'économie sociale et solidaire : ses quatre chantiers, ses régions, son actualité et son agenda.": (
        "The Social and Solidarity Economy Movement: its four work programmes, its regions, "
        "its news and its events."
    ),
    "Entreprendre autrement, région par région": "Doing business differently, region by region",
    "Coopératives, mutuelles, associations, fondations et entreprises sociales : le Mouvement relie celles et ceux qui mettent l'économie au service de l'intérêt général. Chaque région choisit un chantier et le fait vivre sur son territoire.": (
        "Cooperatives, mutuals, associations, foundations and social enterprises: the Movement "
        "brings together everyone who puts the economy at the service of the common good. Each "
        "region chooses one work programme and brings it to life locally."
    ),
    "Le Mouvement en chiffres": "The Movement in figures",
    "régions mobilisées": "regions taking part",
    "chantiers thématiques": "thematic work programmes",
    "Feuille de route, juin 2010": "Roadmap, June 2010",
    "1 325": "1,325",
    "entrepreneurs sociaux suivis par le CERES au Togo": "social entrepreneurs supported by CERES in Togo",
    "jeunes entrepreneurs par cohorte d'incubation, deux cohortes par an": (
        "young entrepreneurs per incubation cohort, two cohorts a year"
    ),
    "Une Région, un Chantier": "One Region, One Programme",
    "Depuis 2010, les adhérents de chaque région se concentrent sur l'un des quatre chantiers du Mouvement. Les équipes régionales conçoivent leurs actions, l'équipe nationale assure la cohérence de l'ensemble et organise des rencontres pour comparer les approches.": (
        "Since 2010, the members in each region have focused on one of the Movement's four work "
        "programmes. Regional teams design their own actions; the national team keeps the whole "
        "consistent and organises meetings where the approaches are compared."
    ),
    "Se mobiliser dans sa région": "Get involved in your region",
    "Trouvez votre région, son chantier et les personnes à contacter.": (
        "Find your region, its work programme and the people to contact."
    ),
    "Voir les régions": "See the regions",
    # --- Chantiers
    "Chantiers": "Work programmes",
    "chantiers": "work-programmes",
    "Quatre programmes de travail structurent le Mouvement depuis sa création. Chaque page présente le chantier et rassemble ce que les régions font en son nom.": (
        "Four work programmes have shaped the Movement since it began. Each page presents one "
        "programme and gathers what the regions do under it."
    ),
    "Former et sensibiliser à l'entrepreneuriat social": "Training and raising awareness of social entrepreneurship",
    "former-et-sensibiliser": "training-and-awareness",
    "Faire connaître l'entrepreneuriat social aux étudiants, aux créateurs d'entreprise et aux acteurs publics, et former ceux qui veulent s'y lancer.": (
        "Making social entrepreneurship known to students, business founders and public bodies, "
        "and training those who want to take it up."
    ),
    "Formes géométriques orange disposées en marches d'escalier.": "Orange geometric shapes arranged like a staircase.",
    "Ce chantier rassemble les actions de sensibilisation dans les écoles et les universités, les modules de formation pour les porteurs de projet et les échanges avec les réseaux d'accompagnement à la création.": (
        "This programme brings together awareness sessions in schools and universities, training "
        "modules for people with a project, and exchanges with business support networks."
    ),
    "La formation à l'entrepreneuriat social fait partie des axes retenus par la mission gouvernementale à laquelle le Mouvement a contribué en 2010.": (
        "Training in social entrepreneurship is one of the priorities of the government mission "
        "the Movement contributed to in 2010."
    ),
    "Favoriser et développer l'innovation sociale": "Fostering and developing social innovation",
    "innovation-sociale": "social-innovation",
    "Repérer les réponses nouvelles aux besoins sociaux, les aider à grandir et à essaimer d'un territoire à l'autre.": (
        "Spotting new answers to social needs, helping them grow and spread from one area to another."
    ),
    "Étoile violette rayonnant sur un fond clair.": "A purple star shining on a light background.",
    "Veille sur les projets innovants, lieux d'expérimentation, appui à l'essaimage : les régions de ce chantier cherchent comment une bonne idée locale devient une solution durable.": (
        "Watching for innovative projects, places to experiment, support for replication: the "
        "regions in this programme look for ways a good local idea becomes a lasting solution."
    ),
    "Développer les coopérations économiques entre entrepreneurs sociaux": "Developing economic cooperation between social entrepreneurs",
    "cooperation-economique": "economic-cooperation",
    "Multiplier les affaires entre entreprises sociales : achats croisés, groupements pour répondre aux marchés, mutualisation de moyens.": (
        "More business between social enterprises: buying from one another, joint bids for "
        "contracts, shared resources."
    ),
    "Anneaux bleus entrelacés sur un dégradé turquoise.": "Interlaced blue rings on a turquoise gradient.",
    "Les entrepreneurs sociaux sont souvent clients et fournisseurs potentiels les uns des autres. Ce chantier organise les rencontres d'affaires et les outils qui rendent ces échanges possibles.": (
        "Social entrepreneurs are often potential customers and suppliers of one another. This "
        "programme organises the business meetings and the tools that make such trade possible."
    ),
    "Élaborer un langage de la preuve": "Building a language of proof",
    "langage-de-la-preuve": "language-of-proof",
    "Mesurer l'impact social et environnemental, évaluer les pratiques et en rendre compte de façon crédible.": (
        "Measuring social and environmental impact, evaluating practices and reporting on them "
        "credibly."
    ),
    "Histogramme stylisé de barres vertes de hauteurs croissantes.": "A stylised chart of green bars of increasing height.",
    "Pour convaincre financeurs et collectivités, les entreprises sociales doivent montrer ce qu'elles changent. Ce chantier construit des méthodes partagées de mesure d'impact et d'évaluation.": (
        "To convince funders and local authorities, social enterprises have to show what they "
        "change. This programme builds shared methods for impact measurement and evaluation."
    ),
    # --- Regions
    "Régions": "Regions",
    "regions": "regions",
    "Onze régions se sont organisées dès 2010. Chacune a choisi un chantier sur lequel ses adhérents concentrent leurs efforts.": (
        "Eleven regions got organised as early as 2010. Each chose one work programme for its "
        "members to focus on."
    ),
    "Les adhérents de Midi-Pyrénées travaillent sur la mesure de l'impact social.": (
        "Members in Midi-Pyrénées work on measuring social impact."
    ),
    "Les adhérents de la région conçoivent leurs actions (contenu, objectifs, financements, partenaires) puis les déploient sur une année, en lien avec les autres régions du même chantier.": (
        "The region's members design their actions (content, objectives, funding, partners), "
        "then carry them out over a year, together with the other regions of the same programme."
    ),
    "Coordinatrice régionale": "Regional coordinator",
    "Coordinateur régional": "Regional coordinator",
    "Référent chantier": "Programme lead",
    "Chargée de mission formation": "Training officer",
    "En Languedoc-Roussillon, priorité aux affaires entre entreprises sociales.": (
        "In Languedoc-Roussillon, business between social enterprises comes first."
    ),
    "Le Nord-Pas-de-Calais fait connaître l'entrepreneuriat social aux jeunes.": (
        "Nord-Pas-de-Calais introduces young people to social entrepreneurship."
    ),
    # --- News
    "Actualités": "News",
    "actualites": "news",
    "Toute l'actualité du Mouvement, nationale et régionale, la plus récente en tête.": (
        "All the Movement's news, national and regional, most recent first."
    ),
    "La feuille de route territoriale reprise par la presse sociale": "The territorial roadmap picked up by the social-affairs press",
    "feuille-de-route-relayee": "roadmap-in-the-press",
    "Un site d'information sur l'économie sociale publie notre communiqué sur la démarche « Une Région, un Chantier ».": (
        "A news site on the social economy publishes our press release on the “One Region, One "
        "Programme” approach."
    ),
    "Le communiqué du 15 juin 2010 a été repris le jour même dans la rubrique Actualités d'un site consacré aux questions sociales.": (
        "The press release of 15 June 2010 was republished the same day in the news section of a "
        "website devoted to social affairs."
    ),
    "Le Mouvement des entrepreneurs sociaux est lancé": "The social entrepreneurs' Movement is launched",
    "lancement-du-mouvement": "movement-launched",
    "Entrepreneurs sociaux et réseaux de l'ESS se donnent une voix commune.": (
        "Social entrepreneurs and social economy networks give themselves a common voice."
    ),
    "Le Mouvement naît le 2 février 2010 avec une ambition : faire reconnaître l'entrepreneuriat social comme une manière d'entreprendre au service de l'intérêt général, et peser sur les politiques publiques.": (
        "The Movement was born on 2 February 2010 with one ambition: to have social "
        "entrepreneurship recognised as a way of doing business for the common good, and to "
        "weigh on public policy."
    ),
    "100 millions d'euros pour l'entrepreneuriat social et solidaire": "100 million euros for social and solidarity entrepreneurship",
    "emprunt-national-entrepreneuriat-social": "national-loan-for-social-entrepreneurship",
    "Avec d'autres réseaux, le Mouvement a obtenu qu'une part de l'emprunt national soutienne les entreprises sociales.": (
        "With other networks, the Movement secured a share of the national loan for social "
        "enterprises."
    ),
    "Cette enveloppe doit renforcer les fonds propres des entreprises sociales et financer leur changement d'échelle. Le Mouvement suivra de près sa mise en œuvre.": (
        "The fund is meant to strengthen social enterprises' equity and pay for their scaling up. "
        "The Movement will follow its implementation closely."
    ),
    "Au Togo, le CERES fait éclore une génération d'entrepreneurs sociaux": "In Togo, CERES is growing a generation of social entrepreneurs",
    "ceres-togo": "ceres-togo",
    "Créé en mars 2019, le centre de ressources togolais compte déjà 1 325 entrepreneurs sociaux et 15 chercheurs.": (
        "Set up in March 2019, the Togolese resource centre already counts 1,325 social "
        "entrepreneurs and 15 researchers."
    ),
    "Dégradé ocre et sable avec des cercles concentriques.": "An ochre and sand gradient with concentric circles.",
    "Le gouvernement togolais a ouvert le CERES avec l'appui de l'ambassade des États-Unis pour faire du pays une plateforme régionale de l'entreprise sociale en Afrique de l'Ouest.": (
        "The Togolese government opened CERES with the support of the United States embassy, to "
        "make the country a regional hub for social enterprise in West Africa."
    ),
    "Incuber et mettre en réseau": "Incubating and networking",
    "deux promotions de 24 jeunes entrepreneurs sociaux chaque année, avec mentorat et incubation ;": (
        "two cohorts of 24 young social entrepreneurs every year, with mentoring and incubation;"
    ),
    "une conférence annuelle des dirigeants de l'ESS ;": "a yearly conference of social economy leaders;",
    "des espaces de concertation entre acteurs publics et privés.": (
        "forums where public and private players work together."
    ),
    "L'ESS, selon l'OIT : des entreprises et organisations qui produisent biens, services et savoirs en poursuivant à la fois des buts économiques et sociaux.": (
        "The social and solidarity economy, according to the ILO: enterprises and organisations "
        "producing goods, services and knowledge while pursuing both economic and social aims."
    ),
    "Définition de l'Organisation internationale du travail": "Definition of the International Labour Organization",
    "Le CERES en chiffres": "CERES in figures",
    "entrepreneurs sociaux": "social entrepreneurs",
    "chercheurs associés": "associate researchers",
    "jeunes incubés par an": "young people incubated a year",
    "Sénégal : les outils coopératifs du BIT au service des coopératives solidaires": "Senegal: the ILO's cooperative tools for solidarity cooperatives",
    "senegal-oit-cooperatives": "senegal-ilo-cooperatives",
    "À Dakar, le ministère sénégalais chargé de l'ESS et le bureau de l'OIT ont ouvert un atelier de trois jours sur les outils Think.Coop, Start.Coop et My.Coop.": (
        "In Dakar, Senegal's ministry in charge of the social economy and the ILO office opened a "
        "three-day workshop on the Think.Coop, Start.Coop and My.Coop tools."
    ),
    "L'atelier, ouvert le 29 septembre 2025, doit adapter ces outils de création et de gestion de coopératives aux « Coopératives productives solidaires » et former les agents du ministère.": (
        "The workshop, which opened on 29 September 2025, is to adapt these tools for starting "
        "and running cooperatives to the “Solidarity Productive Cooperatives” and to train the "
        "ministry's staff."
    ),
    "Le Sénégal dispose d'une loi d'orientation sur l'ESS et a porté la résolution A/77/281 des Nations unies. Les travaux doivent déboucher sur un plan d'action concerté et un protocole d'accord entre le ministère et le BIT.": (
        "Senegal has a framework law on the social economy and championed United Nations "
        "resolution A/77/281. The work should lead to a jointly agreed action plan and a "
        "memorandum of understanding between the ministry and the ILO."
    ),
    "Presse économique sénégalaise": "Senegalese business press",
    "Une plateforme africaine de l'ESS ouvre sa banque de projets": "An African social economy platform opens its project bank",
    "plateforme-africaine-ess": "african-social-economy-platform",
    "Son projet financé terminé fin 2016, un laboratoire africain de l'ESS s'ouvre à toutes les organisations du continent.": (
        "With its funded project over at the end of 2016, an African social economy lab opens up "
        "to every organisation on the continent."
    ),
    "Les partenaires veulent élargir le nombre de membres, mieux associer ceux-ci à la gouvernance (avec un médiateur en cas de conflit) et renforcer les capacités : plaidoyer pour le financement, forums, formations spécialisées.": (
        "The partners want more members, a bigger say for them in governance (with a mediator in "
        "case of conflict) and stronger capacities: advocacy for funding, forums, specialised "
        "training."
    ),
    "Une « banque de projets » permet déjà aux organisations de présenter leurs projets à de futurs partenaires ; un financement participatif et un réseau de conseil sont à l'étude.": (
        "A “project bank” already lets organisations present their projects to future partners; "
        "crowdfunding and a consulting network are being studied."
    ),
    "Réseau africain de l'économie sociale et solidaire": "African Social and Solidarity Economy Network",
    "Congrès 2010 : onze régions, quatre chantiers, un an pour agir": "2010 Congress: eleven regions, four programmes, one year to act",
    "retour-congres-2010": "congress-2010-review",
    "Retour sur une journée qui a lancé l'année de déploiement régional.": (
        "Looking back on a day that launched the year of regional roll-out."
    ),
    "Les délégations régionales ont partagé leurs plans et fixé le rendez-vous des rencontres nationales thématiques de l'automne 2011.": (
        "The regional delegations shared their plans and set the date for the national thematic "
        "meetings of autumn 2011."
    ),
    # --- Agenda
    "Agenda": "Events",
    "agenda": "events",
    "Congrès, rencontres nationales et ateliers du Mouvement et de ses régions.": (
        "Congresses, national meetings and workshops of the Movement and its regions."
    ),
    # --- Press room
    "Espace presse": "Press room",
    "presse": "press",
    "Communiqués, dossier de presse et contacts : tout ce qu'il faut aux journalistes pour parler du Mouvement.": (
        "Press releases, press kit and contacts: everything journalists need to write about the "
        "Movement."
    ),
    "Dossier de presse": "Press kit",
    "Fiche : les quatre chantiers": "Fact sheet: the four work programmes",
    "Chargée de presse": "Press officer",
    "Responsable de la communication": "Head of communications",
    "Une Région, un Chantier : le Mouvement lance son action territoriale": "One Region, One Programme: the Movement starts its work in the regions",
    "une-region-un-chantier-communique": "one-region-one-programme-press-release",
    "Quatre mois après son lancement, le Mouvement propose à ses adhérents de onze régions de se mobiliser chacun sur l'un de ses quatre chantiers.": (
        "Four months after its launch, the Movement invites its members in eleven regions to "
        "each take up one of its four work programmes."
    ),
    "Lancé le 2 février 2010, le Mouvement a d'abord agi au niveau national : il a plaidé, avec d'autres, pour qu'une enveloppe de 100 millions d'euros de l'emprunt national soit consacrée à l'entrepreneuriat social, et il a contribué à une mission gouvernementale dont plusieurs axes (label, formation, innovation sociale) rejoignent ses priorités.": (
        "Launched on 2 February 2010, the Movement first acted nationally: with others, it argued "
        "for 100 million euros of the national loan to go to social entrepreneurship, and it "
        "contributed to a government mission several of whose priorities (a label, training, "
        "social innovation) match its own."
    ),
    "Une étape territoriale": "A step into the regions",
    "Dans une douzaine de régions, des réseaux se forment à des rythmes différents. Pour rester lisible et efficace, chaque région est invitée à choisir un seul chantier. Les actions seront préparées d'ici le Congrès du 14 octobre 2010, déployées pendant un an, puis comparées lors de rencontres nationales thématiques à l'automne 2011.": (
        "In about a dozen regions, networks are forming at different speeds. To stay clear and "
        "effective, each region is invited to choose a single programme. Actions will be prepared "
        "by the Congress of 14 October 2010, carried out for a year, then compared at national "
        "thematic meetings in autumn 2011."
    ),
    "Congrès du 14 octobre 2010 : les régions présentent leurs plans d'action": "Congress of 14 October 2010: the regions present their action plans",
    "congres-2010-communique": "congress-2010-press-release",
    "Le Congrès réunira les régions mobilisées, qui y présenteront les actions préparées pour leur chantier.": (
        "The Congress will bring together the regions taking part, which will present the actions "
        "prepared for their programme."
    ),
    "Contenu, objectifs, financements, partenaires : chaque région détaillera son plan pour l'année de déploiement qui s'ouvre.": (
        "Content, objectives, funding, partners: each region will set out its plan for the coming "
        "year of roll-out."
    ),
    # --- National roadmap
    "feuille-de-route": "roadmap",
    "La feuille de route territoriale du Mouvement, publiée le 15 juin 2010.": (
        "The Movement's territorial roadmap, published on 15 June 2010."
    ),
    "Faire vivre les quatre chantiers dans les régions.": "Bring the four work programmes to life in the regions.",
    "Concevoir les actions localement et nationalement avant le Congrès.": (
        "Design the actions locally and nationally before the Congress."
    ),
    "Déployer pendant un an, puis comparer les démarches.": "Carry them out for a year, then compare the approaches.",
    "Nommer une personne de contact pour les bénévoles.": "Name a contact person for volunteers.",
    "Lancement du Mouvement": "Launch of the Movement",
    "Naissance du Mouvement.": "The Movement is born.",
    "Publication de la feuille de route": "Roadmap published",
    "Communiqué « Une Région, un Chantier ».": "“One Region, One Programme” press release.",
    "Congrès : présentation des plans d'action": "Congress: action plans presented",
    "Les régions présentent les actions conçues pour leur chantier.": (
        "The regions present the actions designed for their programme."
    ),
    "Année de déploiement en région": "Year of regional roll-out",
    "Mise en œuvre des actions dans les onze régions.": "The actions are carried out in the eleven regions.",
    "Rencontres nationales thématiques": "National thematic meetings",
    "Trois rencontres pour confronter les démarches et décider de la suite.": (
        "Three meetings to compare approaches and decide what comes next."
    ),
    "Quatrième rencontre nationale": "Fourth national meeting",
    "Regroupée avec la rencontre sur le langage de la preuve.": "Combined with the meeting on the language of proof.",
    "Déploiement dans d'autres régions": "Roll-out to more regions",
    "Ouvrir la démarche aux régions qui ne l'ont pas encore rejointe.": (
        "Open the approach to the regions that have not joined it yet."
    ),
    "Nouvelles mesures nationales": "New national measures",
    "Porter auprès des pouvoirs publics les propositions issues des régions.": (
        "Take the regions' proposals to the public authorities."
    ),
    # --- About
    "À propos": "About us",
    "a-propos": "about",
    "Le Mouvement rassemble des entrepreneurs sociaux et des organisations de l'économie sociale et solidaire de toute la France.": (
        "The Movement brings together social entrepreneurs and social and solidarity economy "
        "organisations from all over France."
    ),
    "Qui sommes-nous ?": "Who we are",
    "Coopératives, mutuelles, associations, fondations et entreprises sociales produisent des biens et des services en poursuivant à la fois des objectifs économiques et sociaux. Le Mouvement les fédère depuis 2010.": (
        "Cooperatives, mutuals, associations, foundations and social enterprises produce goods and "
        "services while pursuing both economic and social goals. The Movement has brought them "
        "together since 2010."
    ),
    # --- Home page figures
    "CERES, 2019": "CERES, 2019",
    # --- Regional pages: Midi-Pyrénées
    "La mesure d'impact en Midi-Pyrénées": "Impact measurement in Midi-Pyrénées",
    "mesure-impact-midi-pyrenees": "impact-measurement-midi-pyrenees",
    "Un groupe de dirigeants teste une grille d'évaluation commune.": (
        "A group of managers is trying out a shared assessment grid."
    ),
    "Feuille de route Midi-Pyrénées": "Midi-Pyrénées roadmap",
    "feuille-de-route-midi-pyrenees": "roadmap-midi-pyrenees",
    "Construire une grille commune de mesure d'impact.": "Build a shared impact measurement grid.",
    "Tester la grille dans dix structures.": "Try the grid out in ten organisations.",
    "Groupe de travail constitué": "Working group set up",
    "Grille testée en structure": "Grid tried out in organisations",
    "Publication d'un guide régional": "A regional guide published",
    "Midi-Pyrénées réunit son premier groupe de travail sur l'impact social": (
        "Midi-Pyrénées holds its first working group on social impact"
    ),
    "impact-groupe-de-travail": "impact-working-group",
    "Douze dirigeants d'entreprises sociales testent une grille d'évaluation.": (
        "Twelve social enterprise managers are testing an assessment grid."
    ),
    "La grille sera présentée au Congrès puis éprouvée pendant un an dans les structures volontaires.": (
        "The grid will be presented at the Congress, then put to the test for a year in the "
        "organisations that volunteer."
    ),
    "Atelier en ligne : mesurer son impact social": "Online workshop: measuring your social impact",
    "atelier-mesurer-impact": "workshop-measuring-impact",
    "Deux heures pour découvrir la grille d'évaluation régionale.": (
        "Two hours to get to know the regional assessment grid."
    ),
    # --- Languedoc-Roussillon
    "Coopérer pour entreprendre en Languedoc-Roussillon": "Cooperating to do business in Languedoc-Roussillon",
    "cooperation-languedoc-roussillon": "cooperation-languedoc-roussillon",
    "Rencontres d'affaires et groupements pour les marchés publics.": (
        "Business meetings and consortia for public contracts."
    ),
    "Feuille de route Languedoc-Roussillon": "Languedoc-Roussillon roadmap",
    "feuille-de-route-languedoc-roussillon": "roadmap-languedoc-roussillon",
    "Développer les affaires entre entreprises sociales.": "Grow trade between social enterprises.",
    "Deux rencontres d'affaires par an.": "Two business meetings a year.",
    "Première rencontre d'affaires": "First business meeting",
    "Annuaire des achats solidaires": "Directory of socially responsible purchasing",
    "Groupement pour un marché public": "A consortium for a public contract",
    "Premières rencontres d'affaires entre entreprises sociales à Montpellier": (
        "First business meetings between social enterprises in Montpellier"
    ),
    "rencontres-affaires-montpellier": "business-meetings-montpellier",
    "Quarante structures ont échangé sur leurs besoins d'achats et de services.": (
        "Forty organisations talked through what they need to buy and the services they seek."
    ),
    "Traiteurs d'insertion, imprimeurs coopératifs, services aux entreprises : plusieurs contrats sont nés de ces rendez-vous.": (
        "Work-integration caterers, cooperative printers, business services: several contracts "
        "came out of these meetings."
    ),
    "Atelier : créer et gérer une coopérative": "Workshop: setting up and running a cooperative",
    "atelier-outils-cooperatifs": "workshop-cooperative-tools",
    "Pépinière d'entreprises": "Business incubator",
    "Présentation d'outils pratiques pour les projets coopératifs.": (
        "Practical tools for cooperative projects, presented."
    ),
    # --- Nord-Pas-de-Calais
    "Former à l'entreprise sociale dans le Nord-Pas-de-Calais": "Training for social enterprise in Nord-Pas-de-Calais",
    "former-nord-pas-de-calais": "training-nord-pas-de-calais",
    "Interventions dans les lycées et les universités de la région.": (
        "Talks in the region's secondary schools and universities."
    ),
    "Feuille de route Nord-Pas-de-Calais": "Nord-Pas-de-Calais roadmap",
    "feuille-de-route-nord-pas-de-calais": "roadmap-nord-pas-de-calais",
    "Sensibiliser les jeunes et former les porteurs de projet.": (
        "Raise awareness among young people and train project leaders."
    ),
    "Intervenir dans vingt lycées.": "Give talks in twenty secondary schools.",
    "Kit pédagogique": "Teaching kit",
    "Interventions en lycée": "Talks in secondary schools",
    "Module universitaire": "University module",
    "L'entrepreneuriat social s'invite dans les lycées du Nord-Pas-de-Calais": (
        "Social entrepreneurship comes to Nord-Pas-de-Calais secondary schools"
    ),
    "lycees-entrepreneuriat-social": "schools-social-entrepreneurship",
    "Des entrepreneurs sociaux racontent leur parcours à des lycéens.": (
        "Social entrepreneurs tell secondary school pupils how they got started."
    ),
    "Une dizaine d'interventions sont prévues cette année scolaire, avec un kit pédagogique pour les enseignants.": (
        "About ten talks are planned this school year, with a teaching kit for teachers."
    ),
    # --- Rhône-Alpes
    "Rhône-Alpes repère et accompagne les innovations sociales de son territoire.": (
        "Rhône-Alpes spots and supports the social innovations of its area."
    ),
    "Innovation sociale en Rhône-Alpes": "Social innovation in Rhône-Alpes",
    "innovation-sociale-rhone-alpes": "social-innovation-rhone-alpes",
    "Un appel à idées annuel et un lieu d'expérimentation à Lyon.": (
        "A yearly call for ideas and a place to experiment in Lyon."
    ),
    "Rhône-Alpes : un appel à idées pour l'innovation sociale": "Rhône-Alpes: a call for ideas for social innovation",
    "appel-a-idees-rhone-alpes": "call-for-ideas-rhone-alpes",
    "Un partenaire régional lance un appel à idées relayé par le Mouvement.": (
        "A regional partner launches a call for ideas, passed on by the Movement."
    ),
    "Les lauréats bénéficieront d'un accompagnement de six mois et d'un accès à un lieu d'expérimentation.": (
        "The winners will get six months of support and access to a place to experiment."
    ),
    # --- Picardie, Franche-Comté, Bourgogne, Pays de la Loire, Aquitaine, PACA, Île-de-France
    "En Picardie, des modules de sensibilisation pour les créateurs d'entreprise.": (
        "In Picardie, awareness modules for people starting a business."
    ),
    "La Franche-Comté mutualise achats et moyens entre entreprises sociales.": (
        "Franche-Comté pools purchasing and resources between social enterprises."
    ),
    "La Bourgogne s'appuie sur l'observatoire régional pour mesurer l'impact.": (
        "Bourgogne relies on the regional observatory to measure impact."
    ),
    "Collectivités et ESS : la chambre régionale met ses compétences à disposition": (
        "Local authorities and the SSE: the regional chamber offers its expertise"
    ),
    "cress-collectivites": "cress-local-authorities",
    "Pourquoi une collectivité a-t-elle intérêt à soutenir la création d'entreprises de l'ESS ? La chambre régionale (CRESS) répond et présente son offre.": (
        "Why should a local authority support the creation of social and solidarity economy "
        "businesses? The regional chamber (CRESS) answers and sets out what it offers."
    ),
    "Une triple valeur ajoutée": "Value added three times over",
    "Des emplois ancrés dans le territoire, du lien social et des activités attentives à l'environnement : les trois piliers de l'ESS recoupent ceux du développement durable.": (
        "Jobs rooted in the area, social ties and activities that take care of the environment: "
        "the three pillars of the SSE match those of sustainable development."
    ),
    "Ce que propose la CRESS": "What the CRESS offers",
    "réunions d'information et conseil aux porteurs de projet ;": (
        "information meetings and advice for project leaders;"
    ),
    "veille sur les projets innovants et lieux ressources ;": (
        "keeping watch on innovative projects and resource centres;"
    ),
    "ingénierie de projet, études de faisabilité, groupes de travail ;": (
        "project engineering, feasibility studies, working groups;"
    ),
    "animation du dispositif local d'accompagnement (DLA).": (
        "running the local support scheme (DLA)."
    ),
    "Sa méthode : construire avec les acteurs locaux, leur laisser la maîtrise de leur projet et suivre celui-ci dans la durée.": (
        "Its method: build with local players, leave them in charge of their project and "
        "follow it over time."
    ),
    "Les Pays de la Loire soutiennent l'essaimage des projets innovants.": (
        "Pays de la Loire helps innovative projects spread."
    ),
    "En Aquitaine, des groupements d'entreprises sociales pour les marchés publics.": (
        "In Aquitaine, consortia of social enterprises bid for public contracts."
    ),
    "En PACA, un réseau de lieux ressources pour tester de nouvelles activités.": (
        "In PACA, a network of resource centres to try out new activities."
    ),
    "PACA : trois lieux ressources pour tester une activité": "PACA: three resource centres to try out an activity",
    "lieux-ressources-paca": "resource-centres-paca",
    "Des espaces où tester une activité avant de créer sa structure.": (
        "Places to try out an activity before setting up an organisation."
    ),
    "Ces lieux, animés avec les collectivités, accueillent les porteurs de projet dans leurs premiers mois.": (
        "Run with local authorities, these places welcome project leaders in their first months."
    ),
    "L'Île-de-France forme les futurs dirigeants d'entreprises sociales.": (
        "Île-de-France trains the future managers of social enterprises."
    ),
    "Bénévole référente": "Volunteer contact",
    # --- National news, agenda
    "Illustration : un livre ouvert et des marches qu'une personne gravit.": (
        "Illustration: an open book and steps that a person is climbing."
    ),
    "Congrès du Mouvement 2010": "The Movement's 2010 Congress",
    "congres-2010": "congress-2010",
    "Palais des congrès": "Palais des congrès conference centre",
    "Les régions présentent les actions préparées pour leur chantier.": (
        "The regions present the actions they have prepared for their work programme."
    ),
    "Rencontre nationale thématique : former à l'entrepreneuriat social": (
        "National thematic meeting: training for social entrepreneurship"
    ),
    "rencontre-nationale-formation-2011": "national-meeting-training-2011",
    "Maison de l'économie sociale": "Social Economy House",
    "Un an après le Congrès, les régions du chantier comparent leurs démarches.": (
        "A year after the Congress, the regions of this work programme compare their approaches."
    ),
    "Rencontre nationale thématique : le langage de la preuve": (
        "National thematic meeting: the language of evidence"
    ),
    "rencontre-nationale-impact-2011": "national-meeting-impact-2011",
    "Hôtel de région": "Regional council building",
    "Partage des méthodes d'évaluation testées en région.": (
        "Sharing the assessment methods tried out in the regions."
    ),
    "rencontres-nationales-thematiques": "national-thematic-meetings",
    "Halle des coopératives": "Cooperatives hall",
    "Les quatre chantiers confrontent leurs expériences et décident de la suite.": (
        "The four work programmes compare their experience and decide what comes next."
    ),
    "Congrès national du Mouvement": "The Movement's national Congress",
    "congres-national": "national-congress",
    "Cité des sciences et de l'industrie": "Cité des sciences et de l'industrie science museum",
    "Le rendez-vous annuel des adhérents et des régions.": (
        "The yearly gathering of members and regions."
    ),
    # --- Standard pages and the contact page
    "Mentions légales": "Legal notice",
    "mentions-legales": "legal-notice",
    "Informations sur l'éditeur et l'hébergeur de ce site.": (
        "Information about the publisher and the host of this site."
    ),
    "Éditeur": "Publisher",
    "Mouvement de l'économie sociale et solidaire (site de démonstration). Contact : contact@example.org.": (
        "Social and Solidarity Economy Movement (demonstration site). Contact: contact@example.org."
    ),
    "Données personnelles": "Personal data",
    "Ce site ne dépose aucun cookie de mesure d'audience. Les adresses présentes sur le site sont fictives.": (
        "This site sets no audience measurement cookie. The addresses shown on the site are "
        "fictional."
    ),
    "Déclaration d'accessibilité": "Accessibility statement",
    "accessibilite": "accessibility",
    "Le Mouvement s'engage à rendre son site accessible à toutes et à tous.": (
        "The Movement is committed to making its site accessible to everyone."
    ),
    "État de conformité": "Compliance status",
    "Le site vise la conformité au référentiel général d'amélioration de l'accessibilité (RGAA). Un audit reste à conduire.": (
        "The site aims to comply with the French general accessibility improvement framework "
        "(RGAA). An audit is still to be carried out."
    ),
    "Signaler un problème": "Report a problem",
    "Si vous ne parvenez pas à accéder à un contenu, écrivez à accessibilite@example.org.": (
        "If you cannot access some content, write to accessibilite@example.org."
    ),
    "Message reçu par le formulaire de contact": "Message received through the contact form",
    "Écrire à l'équipe nationale. Pour une question sur une région, les coordonnées de ses référents sont sur sa page.": (
        "Write to the national team. For a question about a region, its contacts' details are "
        "on its page."
    ),
    "Merci, votre message est bien arrivé. L'équipe nationale vous répond sous quelques jours.": (
        "Thank you, your message has arrived. The national team will reply within a few days."
    ),
    # --- Organisations
    "Association Territoires solidaires": "Territoires solidaires association",
    "Association d'éducation populaire au développement durable.": (
        "A community education association on sustainable development."
    ),
    "CERES – Centre de ressources en entrepreneuriat social": (
        "CERES – Social Entrepreneurship Resource Centre"
    ),
    "Centre créé au Togo en mars 2019 pour accompagner les entrepreneurs sociaux et faire du pays un pôle ouest-africain de l'entreprise sociale.": (
        "A centre set up in Togo in March 2019 to support social entrepreneurs and make the "
        "country a West African hub of social enterprise."
    ),
    "Coopérative d'activité et d'emploi Les Artisans réunis": (
        "Les Artisans réunis business and employment cooperative"
    ),
    "Coopérative qui héberge et accompagne des porteurs de projet salariés.": (
        "A cooperative that hosts and supports project leaders as salaried members."
    ),
    "Fondation qui finance l'amorçage de projets d'innovation sociale.": (
        "A foundation that provides seed funding for social innovation projects."
    ),
    "Entreprise sociale d'insertion qui livre des paniers de produits locaux.": (
        "A work-integration social enterprise that delivers boxes of local produce."
    ),
    "Mutuelle Solidarité Santé du Nord": "Solidarité Santé du Nord mutual",
    "Mutuelle de santé gérée par ses adhérents, engagée sur la prévention.": (
        "A health mutual run by its members, committed to prevention."
    ),
    "Plateforme ouverte aux organisations d'ESS du continent, avec une banque de projets et un réseau de conseil.": (
        "A platform open to the continent's SSE organisations, with a project bank and an "
        "advice network."
    ),
    # --- Image descriptions (each page's text alternative) and document link texts
    "Illustration : une foule de personnes aux couleurs des quatre chantiers, sous le moulinet du Mouvement.": (
        "Illustration: a crowd of people in the colours of the four work programmes, under the "
        "Movement's pinwheel."
    ),
    "Illustration : une ampoule allumée et une jeune pousse.": (
        "Illustration: a lit light bulb and a young shoot."
    ),
    "Illustration : trois anneaux entrelacés reliés à des personnes.": (
        "Illustration: three interlocking rings linked to people."
    ),
    "Illustration : un histogramme qui monte et une loupe.": (
        "Illustration: a rising bar chart and a magnifying glass."
    ),
    "Illustration : une salle pleine de participants face à une tribune.": (
        "Illustration: a room full of participants facing a stage."
    ),
    "Illustration : un soleil, un baobab et quatre personnes côte à côte.": (
        "Illustration: a sun, a baobab tree and four people side by side."
    ),
    "Illustration : une mosaïque de parcelles et un repère sur la carte.": (
        "Illustration: a patchwork of fields and a marker on the map."
    ),
    "Illustration : un calendrier aux dates marquées et trois participants.": (
        "Illustration: a calendar with marked dates and three participants."
    ),
    "Fiche de présentation : les quatre chantiers": "Fact sheet: the four work programmes",
    "Observatoire régional de l'ESS : synthèse": "Regional SSE observatory: summary",
}
