"""A real SMTP server on 127.0.0.1 for the e-mail tests (aiosmtpd), on a free port.

It keeps what it receives as parsed messages, refuses the recipients it is told to refuse
(with the answer given, e.g. ``"550 5.1.1 No such user"``), and counts its connections.
``smtp_settings(port)`` points Django's SMTP backend at it.
"""

import contextlib
import email
import email.policy
import socket
import threading

from aiosmtpd.controller import Controller
from django.test import override_settings


class Mailbox:
    def __init__(self):
        self.messages = []
        self.refuse = {}
        self.sessions = set()
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.sessions.add(id(session))
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def clear(self):
        with self._lock:
            self.messages.clear()
            self.sessions.clear()
        self.refuse.clear()

    def to(self, address):
        """The messages received for ``address``."""
        return [m for m in self.messages if m["To"] == address]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_smtp_server():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield mailbox, controller.port
    finally:
        controller.stop()


def smtp_settings(port):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
        SUBSCRIPTIONS_BATCH_PAUSE=0,
    )


def parts(message):
    """The text and HTML parts of a multipart/alternative message."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html
