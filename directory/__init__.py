"""The movement's directory: member and partner organisations, the project bank, joining.

Its own app because organisations and projects are content of their own, listed by the
regions and the home page (figures, a region's organisations) and by search: it sits
just above ``news`` and imports no app above it. Organisations and projects are pages:
a region's sit under its region page (so regional confinement is Wagtail's own page
permissions), national and foreign ones under the directory or the project bank
(docs/directory.md).
"""
