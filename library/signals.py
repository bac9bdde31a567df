"""A saved document has its text read once the save commits (``library.tasks``)."""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.documents import get_document_model

from library.tasks import read_document_text

logger = logging.getLogger(__name__)


def enqueue_reading(document_id):
    read_document_text.enqueue(document_id)


def document_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields and "file" not in update_fields:
        return  # a title, a hash or a size saved: the file is the same
    # robust: a failure to enqueue is logged, and the save that committed stands.
    document_id = instance.pk
    transaction.on_commit(lambda: enqueue_reading(document_id), robust=True)


def connect():
    post_save.connect(
        document_saved, sender=get_document_model(), dispatch_uid="library.document_saved"
    )


def disconnect():
    post_save.disconnect(sender=get_document_model(), dispatch_uid="library.document_saved")
