"""E-mail addresses as they are stored: normalised once, checked for the obvious fakes.

Normalised: surrounding space stripped, Unicode NFC, the domain in its ASCII (IDNA) form,
everything lower-case (mail systems treat the local part without regard to case in
practice, and one person must not count as two subscribers). Refused: what Django's
validator refuses, and domains of disposable mailboxes (the ``disposable-email-domains``
list, and any sub-domain of them).
"""

import unicodedata

from disposable_email_domains import blocklist
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

INVALID = _("Enter a valid e-mail address, for example name@example.org.")
DISPOSABLE = _(
    "This address looks like a disposable mailbox: please give an address you will keep."
)


def normalise(address):
    """The stored form of ``address``; ``ValidationError`` if it is not an address."""
    address = unicodedata.normalize("NFC", (address or "").strip())
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        raise ValidationError(INVALID, code="invalid")
    try:
        domain = domain.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        raise ValidationError(INVALID, code="invalid") from None
    address = f"{local}@{domain}".lower()
    try:
        validate_email(address)
    except ValidationError:
        raise ValidationError(INVALID, code="invalid") from None
    if "." not in domain:
        raise ValidationError(INVALID, code="invalid")
    return address


def is_disposable(address):
    domain = address.rpartition("@")[2]
    parts = domain.split(".")
    return any(".".join(parts[i:]) in blocklist for i in range(len(parts) - 1))


def clean_address(address):
    """Normalised and accepted, or ``ValidationError`` with the reason for the visitor."""
    address = normalise(address)
    if is_disposable(address):
        raise ValidationError(DISPOSABLE, code="disposable")
    return address
