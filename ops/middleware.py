"""Middleware of the production set-up: the health endpoint and the security headers."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from ops import health
from ops.twofactor import confirmed_device

HEALTH_PATHS = {"/healthz", "/healthz/"}


class HealthCheckMiddleware:
    """Answer ``/healthz`` first, before host validation, the HTTPS redirect and sessions.

    A container's health check calls ``http://127.0.0.1:8000/healthz``: that host is not in
    ``ALLOWED_HOSTS`` and the request is not HTTPS, and it must neither be redirected nor
    create a session. The report holds no secret (states only).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info not in HEALTH_PATHS:
            return self.get_response(request)
        data, healthy = health.report()
        response = JsonResponse(data, status=200 if healthy else 503)
        add_never_cache_headers(response)
        return response


def _policy(directives):
    return "; ".join(
        " ".join([name, *sources]) if sources else name for name, sources in directives.items()
    )


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response.

    Public pages get ``CONTENT_SECURITY_POLICY`` (no inline script or style, framing refused);
    the admin, whose editor needs inline scripts and frames its own previews, gets
    ``CONTENT_SECURITY_POLICY_ADMIN``. A public response that already carries a policy
    (Wagtail's document view) keeps it. The other headers (nosniff, Referrer-Policy,
    X-Frame-Options) come from Django's SecurityMiddleware and XFrameOptionsMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = _policy(settings.CONTENT_SECURITY_POLICY)
        self.admin_policy = _policy(settings.CONTENT_SECURITY_POLICY_ADMIN)
        self.permissions_policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(settings.ADMIN_PATH_PREFIX):
            # Also replaces the public policy of a page rendered for the admin's preview.
            response["Content-Security-Policy"] = self.admin_policy
        elif "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.public_policy
        response.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class TwoFactorMiddleware:
    """Ask for the second factor before any admin page (after django-otp's OTPMiddleware).

    A signed-in editor with a confirmed authenticator whose session is not yet verified is
    sent to the "Enter your code" page; without an authenticator they pass, unless
    ``ADMIN_2FA_REQUIRED`` is on, in which case they are sent to enrol one. Only paths under
    the admin prefix are concerned, except the two-factor pages themselves, login, logout
    and the admin's JavaScript catalogue. Static files are served outside the admin prefix.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def exempt_prefixes(self):
        return (
            reverse("ops_twofactor_setup"),
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_javascript_catalog"),
        )

    def __call__(self, request):
        path = request.path_info
        user = getattr(request, "user", None)
        if (
            not path.startswith(settings.ADMIN_PATH_PREFIX)
            or user is None
            or not user.is_authenticated
            or user.is_verified()
            or path.startswith(self.exempt_prefixes())
        ):
            return self.get_response(request)

        if confirmed_device(user) is not None:
            target = reverse("ops_twofactor_verify")
        elif settings.ADMIN_2FA_REQUIRED:
            target = reverse("ops_twofactor_setup")
        else:
            return self.get_response(request)
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
