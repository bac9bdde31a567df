"""Authentication backend: django-axes' lockout for every login that comes with a request."""

from axes.backends import AxesStandaloneBackend


class AxesBackend(AxesStandaloneBackend):
    """django-axes' backend, passing over calls that carry no request.

    Logins through a view (Wagtail's admin login, password reset) always pass the request
    and are counted and locked out; ``authenticate()`` without a request (the test client's
    ``login()``, scripts) has no client address to count and is left to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
