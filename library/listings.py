"""What other apps show of the library: the search page's excerpts, the feeds, regions."""

from library.models import DocumentText, PublicationPage


def attach_document_texts(pages):
    """Give the publications among ``pages`` their document's text, in one query."""
    publications = [page for page in pages if isinstance(page, PublicationPage)]
    wanted = {page.document_id for page in publications if page.document_id}
    records = {}
    if wanted:
        records = {
            record.document_id: record
            for record in DocumentText.objects.filter(document_id__in=wanted)
        }
    for page in publications:
        page.__dict__["text_record"] = records.get(page.document_id)
    return pages


def latest_publications(locale, limit, *, region=None, theme=None, kind=None):
    """The latest publications of a language (a region's, a chantier's, a kind's)."""
    return list(
        PublicationPage.objects.listing(locale=locale, region=region, theme=theme, kind=kind)[
            :limit
        ]
    )
