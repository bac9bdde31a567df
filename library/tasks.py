"""Reading a document's text off the request, after its save commits.

Saving a document (a new upload, a replaced file) enqueues ``read_document_text`` on the
"background" task backend once the transaction commits (``library.signals``); the task
reads the file, stores what it found in ``DocumentText`` (the text, or why there is none)
and re-indexes the publications that show the document. Nothing here can make a save
fail: the task runs after the save, and a file that cannot be read is recorded as such.
``manage.py extract_document_text`` runs the same function for existing files.
"""

import hashlib
import logging

from django.utils import timezone
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.search import index

from core.cache import bump_generation
from library.extraction import Reading, ReadingStatus, read_document
from library.models import DocumentText, PublicationPage

logger = logging.getLogger(__name__)

#: Files larger than this are not read (uploads are limited to DOCUMENT_MAX_UPLOAD_MB).
MAX_FILE_BYTES = 100 * 1024 * 1024


def _read_file(document):
    """The document's bytes, or a Reading that says why they cannot be had."""
    try:
        with document.open_file() as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as error:
        return None, Reading(ReadingStatus.DAMAGED, detail=f"the file cannot be opened: {error}")
    if len(data) > MAX_FILE_BYTES:
        return None, Reading(ReadingStatus.UNSUPPORTED, detail="file over 100 MB: not read")
    return data, None


def read_and_store(document_id, force=False):
    """Read a document's text into its ``DocumentText`` (unless its file is unchanged and
    was read already), re-index its publications; returns the record, or None."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return None
    record, _created = DocumentText.objects.get_or_create(document=document)
    data, reading = _read_file(document)
    checksum = hashlib.sha1(data).hexdigest() if data is not None else ""
    if (
        not force
        and record.status != ReadingStatus.PENDING
        and checksum
        and record.file_hash == checksum
    ):
        return record
    if reading is None:
        reading = read_document(data, document.file.name)
    record.status = reading.status
    record.text = reading.text
    record.page_count = reading.page_count
    record.detail = reading.detail[:300]
    record.file_hash = checksum
    record.read_at = timezone.now()
    record.save()
    if reading.status != ReadingStatus.READ:
        logger.info("Document %s: %s (%s)", document.pk, reading.status, reading.detail)
    for page in PublicationPage.objects.filter(document_id=document.pk).translated():
        index.insert_or_update_object(page)
    # A publication's page shows its number of pages: pages cached before are stale.
    bump_generation()
    return record


@task(backend="background")
def read_document_text(document_id, force=False):
    record = read_and_store(document_id, force=force)
    return record.status if record is not None else None
