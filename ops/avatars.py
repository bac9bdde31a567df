"""Editors' avatars without a third party: the one they uploaded, else their initials drawn
in an SVG data URL (Wagtail's `get_avatar_url` hook; Gravatar is off in the settings)."""

from urllib.parse import quote

from django.utils.html import escape

# Dark backgrounds: white initials on each contrast above 7:1.
COLOURS = ("#1d4e89", "#7a1f5c", "#225c2a", "#8a3b00", "#4b3f8f", "#005f5f")


def initials(user):
    words = (user.get_full_name() or "").split() or [user.get_username() or "?"]
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def avatar_url(user, size=50):
    """The avatar's URL; None (Wagtail's own grey silhouette) when there is no user."""
    if user is None:
        return None
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return profile.avatar.url
    colour = COLOURS[(user.pk or 0) % len(COLOURS)]
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" fill="{colour}"/>'
        '<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="sans-serif" '
        f'font-size="42" fill="#fff">{escape(initials(user))}</text></svg>'
    )
    return "data:image/svg+xml," + quote(svg)
