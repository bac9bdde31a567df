"""RSS, Atom and iCalendar feeds of the site, and the feeds each page announces.

An app of its own because feeds read every content app (news, regions, chantiers, the
home page); it sits on top of them, next to search.
"""
