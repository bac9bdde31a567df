"""The "background" task backend (core.tasks.ThreadBackend): a task runs after the code that
enqueued it returns, in the backend's own worker thread, in the order enqueued, and a task
that fails does not stop the ones after it."""

import threading

from django_tasks import task

from core.tasks import ThreadBackend

SEEN = []


@task()
def remember(value):
    if value == "boom":
        raise ValueError(value)
    SEEN.append((value, threading.current_thread().name))


def test_tasks_run_in_the_backend_s_thread_in_order_and_survive_a_failure():
    SEEN.clear()
    backend = ThreadBackend("background", {"OPTIONS": {}})
    gate = threading.Event()
    blocker = backend.executor.submit(gate.wait)  # the worker is busy until we say so
    for value in (1, "boom", 2, 3):
        backend.enqueue(remember, (value,), {})
    assert SEEN == []  # enqueued, not run: the caller went on
    gate.set()
    blocker.result(timeout=10)
    backend.join(timeout=10)
    assert [value for value, _ in SEEN] == [1, 2, 3]
    assert {name.split("_")[0] for _, name in SEEN} == {"tasks-background"}
    assert threading.current_thread().name not in {name for _, name in SEEN}
