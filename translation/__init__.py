"""Translation as a workflow: translators per language, what is out of date, machine drafts.

Why an app of its own: wagtail-localize checks one global permission; this app routes its
views through the translation rights of ``core.permissions`` (every page type, every
translatable snippet), provisions a translator group per language, and gives translators
and the national team the freshness report, its dashboard panel and a weekly digest.
Sits just above ``core``: it reads pages and snippets generically, never an app's models.
See docs/translation.md.
"""
