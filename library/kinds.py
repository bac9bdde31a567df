"""The vocabularies of publications: kinds, document languages, licences."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationKind(models.TextChoices):
    STUDY = "study", _("Study")
    GUIDE = "guide", _("Guide")
    REPORT = "report", _("Report")
    OBSERVATORY_NOTE = "observatory_note", _("Observatory note")
    TOOLKIT = "toolkit", _("Toolkit")
    PRESENTATION = "presentation", _("Presentation")


class DocumentLanguage(models.TextChoices):
    """The language a document is written in (not the page's): searched with its analysis."""

    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    GERMAN = "de", _("German")
    ITALIAN = "it", _("Italian")
    ARABIC = "ar", _("Arabic")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0 (CC BY)")
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA)")
    CC_BY_NC = "cc-by-nc-4.0", _("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC)")
    CC_BY_ND = "cc-by-nd-4.0", _("Creative Commons Attribution-NoDerivatives 4.0 (CC BY-ND)")
    CC0 = "cc0-1.0", _("Public domain (CC0)")
    ETALAB = "etalab-2.0", _("Open Licence 2.0 (Etalab)")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.ETALAB: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
