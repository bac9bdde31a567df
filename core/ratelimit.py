"""Counting requests in the default cache: the contact form and the sign-up form limit
how often one client (or one address) may post."""

from axes.helpers import get_client_ip_address
from django.core.cache import cache


def client_address(request):
    """The client's IP address, through the trusted proxies only (TRUSTED_PROXY_COUNT)."""
    return get_client_ip_address(request) or "unknown"


def exceeded(key, limit, window_seconds):
    """Count one more hit on ``key``; True once there were more than ``limit`` in the window."""
    key = f"ratelimit:{key}"
    cache.add(key, 0, window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds)
        count = 1
    return count > limit
