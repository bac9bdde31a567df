"""E-mail subscriptions and the press desk: sign-up with double opt-in, weekly digests and
press alerts (``manage.py send_digests``), and embargo preview links for journalists.

A layer of its own above ``news``, ``chantiers`` and ``regions``, whose pages it sends and
whose regions and chantiers it offers to follow; the pages that show its sign-up form do so
through a template (``includes/subscribe_slot.html`` loads ``subscription_tags``), never by
importing it. How it works: docs/subscriptions.md.
"""
