"""WSGI application for `make audit`: the production app, with uploaded media served too.

In production the web server in front serves /media/; here whitenoise does it so that
Lighthouse sees the images the pages link to.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.audit")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from whitenoise import WhiteNoise  # noqa: E402

application = WhiteNoise(get_wsgi_application(), autorefresh=True)
application.add_files(settings.MEDIA_ROOT, prefix=settings.MEDIA_URL)
