"""The resource library: publications (studies, guides, reports, observatory notes,
toolkits, presentations), the text inside their documents, and the observatory's key
figures.

A leaf app beside ``news``: researchers and local authorities come for documents, not for
news, and a publication's document text, its citation and its figures are this app's own
business. The pages that list publications (home, regions, search, feeds) reach them
through ``library.listings``. docs/library.md describes it.
"""
