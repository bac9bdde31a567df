"""The sitemap: every live, public page of every language, with its language alternates.

Wagtail's sitemap lists the descendants of the site's root page, which is the home page of
the default language only. This one lists the pages under every translation of that root,
and adds to each page the other languages it is really translated into (``xhtml:link``
hreflang entries, ``x-default`` the default language). Aliases (a page shown in another
language's tree without translation) are left out: they are copies of the original page,
which is listed.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class TranslatedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = Q()
        for root in roots:
            in_site |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_site, alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        locations = {item.pk: item.get_full_url(self.request) for item in items}
        by_translation = {}
        for item in items:
            by_translation.setdefault(item.translation_key, []).append(item)

        urls = []
        for item in items:
            url_info = {
                "item": item,
                "location": locations[item.pk],
                "lastmod": item.last_published_at or item.latest_revision_created_at,
            }
            translations = by_translation[item.translation_key]
            if len(translations) > 1:
                alternates = [
                    {"lang_code": languages[t.locale_id], "location": locations[t.pk]}
                    for t in translations
                ]
                default = next(
                    (t for t in translations if languages[t.locale_id] == settings.LANGUAGE_CODE),
                    None,
                )
                if default is not None:
                    alternates.append({"lang_code": "x-default", "location": locations[default.pk]})
                url_info["alternates"] = alternates
            urls.append(url_info)
        lastmods = [u["lastmod"] for u in urls if u["lastmod"]]
        if lastmods and len(lastmods) == len(urls):
            self.latest_lastmod = max(lastmods)
        return urls
