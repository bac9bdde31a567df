"""The e-mails' HTML templates, built from ``subscriptions/emails/``: the layout around each
body, the CSS of ``email.css`` inlined into every element (css-inline, at build: mail
clients drop ``<style>``), the media queries of ``responsive.css`` kept in the head; and the
logo as a PNG (mail clients show no SVG). ``manage.py build_email_templates`` writes them
(committed); ``tests/test_subscriptions_mail.py`` checks they match their sources.
"""

from pathlib import Path

from django.conf import settings

APP = Path(__file__).resolve().parent
SOURCES = APP / "emails"
TEMPLATES = APP / "templates" / "subscriptions" / "email"
LOGO = APP / "static" / "subscriptions" / "email-logo.png"
LOGO_SOURCE = Path(settings.BASE_DIR) / "site" / "static" / "img" / "brand" / "logo-white.svg"
LOGO_SIZE = (400, 88)  # shown at 200 × 44: sharp on high-density screens
# Each e-mail: its body, and whether it goes to a subscriber (the manage links in the footer).
EMAILS = {"confirmation": False, "digest": True, "preview_link": False}
HEADER = (
    "{% load i18n %}{# Built by manage.py build_email_templates from subscriptions/emails/"
    " (CSS inlined): edit the sources, not this file. #}"
)


def build_templates():
    """The built templates, by file name."""
    import css_inline  # a build tool (requirements-dev.txt): the site only reads the output

    css = (SOURCES / "email.css").read_text()
    responsive = (SOURCES / "responsive.css").read_text().strip()
    layout = (SOURCES / "layout.html").read_text()
    footer = (SOURCES / "footer_subscriber.html").read_text()
    inliner = css_inline.CSSInliner(
        keep_style_tags=False, load_remote_stylesheets=False, extra_css=css
    )
    built = {}
    for name, to_subscriber in EMAILS.items():
        html = layout.replace("<!-- content -->", (SOURCES / f"{name}.html").read_text())
        html = html.replace("<!-- footer -->", footer if to_subscriber else "")
        html = inliner.inline(html)
        html = html.replace("</head>", f"<style>{responsive}</style></head>", 1)
        built[f"{name}.html"] = f"{HEADER}\n{html}\n"
    return built


def build_logo():
    import resvg_py  # rendering only (also a runtime requirement: the demo loader uses it)

    width, height = LOGO_SIZE
    return bytes(
        resvg_py.svg_to_bytes(svg_string=LOGO_SOURCE.read_text(), width=width, height=height)
    )
