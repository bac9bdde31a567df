"""Documents made by the project at load time, so that the demo ships no third-party
files: the press room's releases and press kit as real multi-page PDFs (reportlab, through
``library.pdfmaker``). The demo's images are the project's illustrations
(``illustrations.py``).
"""

import datetime

from library.pdfmaker import PdfSpec, render_pdf

#: What the one-page stubs of earlier demos carried; ``is_old_stub`` recognises them.
OLD_STUB_PRODUCER = b"/Producer (ess-site demo)"

MOVEMENT_SECTIONS = [
    (
        "Le Mouvement en bref",
        [
            "Lancé le 2 février 2010, le Mouvement rassemble des entrepreneurs sociaux, des "
            "coopératives, des mutuelles, des associations et des fondations qui veulent "
            "mettre l'efficacité économique au service de l'intérêt général.",
            "Au niveau national, il a contribué à obtenir un prêt public de 100 millions "
            "d'euros pour l'entrepreneuriat social et a pris part à une mission "
            "gouvernementale dont trois axes rejoignent ses priorités : le label, la "
            "formation et l'innovation sociale.",
        ],
    ),
    (
        "Une Région, un Chantier",
        [
            "Chaque région mobilisée choisit l'un des quatre chantiers du Mouvement et le "
            "conduit sur son territoire, avec un contact identifié pour les bénévoles. "
            "L'équipe nationale relie les démarches et en tire les enseignements.",
            "Les actions sont conçues localement et nationalement, puis déployées sur un an "
            "avant trois ou quatre Rencontres nationales thématiques.",
        ],
    ),
]

CHANTIERS_TABLE = (
    "Les quatre chantiers",
    ["Chantier", "Objet"],
    [
        ["1. Former", "Former et sensibiliser à l'entrepreneuriat social"],
        ["2. Innover", "Favoriser et développer l'innovation sociale"],
        ["3. Coopérer", "Développer les flux d'affaires entre entrepreneurs sociaux"],
        ["4. Mesurer", "Élaborer un langage de la preuve : mesure d'impact, évaluation"],
    ],
)

REGIONS_CHART = (
    "Régions mobilisées par chantier (2010)",
    "régions",
    [("Former", 3), ("Innover", 3), ("Coopérer", 3), ("Mesurer", 2)],
)


def make_pdf(title, lines, date=datetime.date(2010, 6, 15)):
    """A press document: a cover page (``lines[0]`` as its kind), the essentials
    (``lines[1:]``), the movement in brief, a table and a chart; page numbers and metadata."""
    kind, *essentials = lines
    spec = PdfSpec(
        title=title,
        kind=kind,
        publisher="Mouvement ESS",
        author="Mouvement ESS, service de presse",
        language="fr",
        date=date,
        summary=essentials[0] if essentials else title,
        sections=[("L'essentiel", essentials or [title]), *MOVEMENT_SECTIONS],
        table=CHANTIERS_TABLE,
        chart=REGIONS_CHART,
        theme="training",
        keywords=("presse", "Mouvement ESS"),
    )
    return render_pdf(spec)


def is_old_stub(document):
    """Whether ``document`` still holds the one-page stub of an earlier demo."""
    if (document.file_size or 0) > 4096:
        return False
    try:
        with document.open_file() as handle:
            return OLD_STUB_PRODUCER in handle.read(4096)
    except OSError:
        return False
