"""Redis as a cache the site can do without: while it is unreachable or slow, it is skipped.

``ResilientRedisCache`` is django-redis with each operation guarded: a connection error or
a timeout (``SOCKET_TIMEOUT``, 0.1 s in the settings) answers as a miss would (``get`` gives
the default, ``set`` stores nothing), and from then on every operation of the process is
answered at once without Redis, while a thread of the process tries Redis again every
``RETRY_SECONDS``: a Redis that hangs costs one timeout per process, not one per request,
and the process comes back to it by itself, requests or not. The outage is logged when it
starts, at most once per ``LOG_SECONDS`` while it lasts, and when it ends. Before Redis is
used again, the keys named in ``FORGET_AFTER_OUTAGE`` are deleted: a change made while Redis
was away could not say so (docs/operations.md, "Outages").
"""

import logging
import threading
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

FAILURES = (ConnectionInterrupted, RedisError, OSError)


class Outage:
    """Whether a Redis server is being done without: one record per process and server,
    shared by the cache objects of every thread (Django makes one per thread)."""

    def __init__(self, location, retry_seconds, log_seconds):
        self.location = location
        self.retry_seconds = retry_seconds
        self.log_seconds = log_seconds
        self.lock = threading.Lock()
        self.down_since = None  # time.monotonic() of the first failure
        self.logged_at = 0.0
        self.skipped = 0
        self.prober = None

    @property
    def down(self):
        return self.down_since is not None

    def failed(self, error, probe):
        """An operation failed with ``error``: do without Redis until ``probe()`` (which
        raises while Redis is still away) succeeds, tried by a thread every RETRY_SECONDS."""
        with self.lock:
            now = time.monotonic()
            if self.down_since is None:
                self.down_since = now
                self.skipped = 0
                self.logged_at = now
                logger.warning(
                    "cache: Redis at %s unreachable (%s): pages are served uncached; "
                    "trying again every %s s",
                    self.location,
                    error,
                    self.retry_seconds,
                )
            elif now - self.logged_at >= self.log_seconds:
                self.logged_at = now
                logger.warning(
                    "cache: Redis at %s still unreachable after %.0f s (%s); %d operations "
                    "answered without it",
                    self.location,
                    now - self.down_since,
                    error,
                    self.skipped,
                )
            if self.prober is None:
                self.prober = threading.Thread(
                    target=self._probe_until_back, args=(probe,), name="redis-probe", daemon=True
                )
                self.prober.start()

    def _probe_until_back(self, probe):
        while True:
            time.sleep(self.retry_seconds)
            try:
                probe()
            except FAILURES as error:
                self.failed(error, probe)
                continue
            with self.lock:
                logger.warning(
                    "cache: Redis at %s reachable again after %.1f s; %d operations were "
                    "answered without it",
                    self.location,
                    time.monotonic() - self.down_since,
                    self.skipped,
                )
                self.down_since = None
                self.prober = None
            return


_outages = {}
_outages_lock = threading.Lock()


def outage_of(location, retry_seconds, log_seconds):
    with _outages_lock:
        if location not in _outages:
            _outages[location] = Outage(location, retry_seconds, log_seconds)
        return _outages[location]


def _missing(key, default=None, *args, **kwargs):
    return default


def _not_found(*args, **kwargs):
    raise ValueError("the cache is unreachable")  # what incr() raises for a missing key


#: The operations guarded, with what each answers without Redis (what a miss would give).
FALLBACKS = {
    "get": _missing,
    "get_many": lambda *args, **kwargs: {},
    "set": lambda *args, **kwargs: False,
    "set_many": lambda data, *args, **kwargs: list(data),
    "add": lambda *args, **kwargs: False,
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
    "has_key": lambda *args, **kwargs: False,
    "incr": _not_found,
    "decr": _not_found,
    "clear": lambda *args, **kwargs: None,
}


def _guarded(name, fallback):
    method = getattr(RedisCache, name)

    def guarded(self, *args, **kwargs):
        outage = self.outage
        if outage.down:
            outage.skipped += 1  # a figure for the log: no lock needed
            return fallback(*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except FAILURES as error:
            outage.failed(error, self._probe)
            return fallback(*args, **kwargs)

    guarded.__name__ = name
    guarded.__doc__ = method.__doc__
    return guarded


class ResilientRedisCache(RedisCache):
    """django-redis for a cache the site can serve without; see the module docstring.

    OPTIONS, besides django-redis's own: ``RETRY_SECONDS`` (5), ``LOG_SECONDS`` (60),
    ``FORGET_AFTER_OUTAGE`` (keys to delete once Redis is back after an outage).
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        log_seconds = float(options.pop("LOG_SECONDS", 60))
        self.forget_after_outage = list(options.pop("FORGET_AFTER_OUTAGE", ()))
        # django-redis's own IGNORE_EXCEPTIONS would wait for the timeout on every
        # operation: the errors must reach the guard instead.
        options["IGNORE_EXCEPTIONS"] = False
        super().__init__(server, {**params, "OPTIONS": options})
        self.outage = outage_of(server, retry_seconds, log_seconds)

    def _probe(self):
        """Raise while Redis is away; once it answers, delete what went stale meanwhile."""
        if self.forget_after_outage:
            RedisCache.delete_many(self, self.forget_after_outage)
        else:
            self.client.get_client(write=True).ping()


for _name, _fallback in FALLBACKS.items():
    setattr(ResilientRedisCache, _name, _guarded(_name, _fallback))
# BaseCache's helpers (get_or_set, ...) go through the guarded operations.
