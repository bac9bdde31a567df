"""A task backend that runs tasks in a background thread of the process that enqueued them.

django-tasks (which Wagtail uses) ships a backend that runs a task at once, in the request,
and a dummy one; a queue in the database needs a worker process that this site does not
run. ``ThreadBackend`` answers the request first: each task runs, after the enqueuing code
returns, in one worker thread per process, in the order enqueued, with a database
connection of its own that it closes when done. A task lost with its process (a worker
restarted mid-way) must be safe to run again: the library's text reading leaves a
"pending" record that its command (``extract_document_text``) finishes.
"""

import threading
from concurrent.futures import ThreadPoolExecutor, wait

from django.db import connections
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id


class ThreadBackend(ImmediateBackend):
    supports_async_task = False

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self._workers = int(self.options.get("WORKERS", 1))
        self._executor = None
        self._lock = threading.Lock()
        self._running = set()

    @property
    def executor(self):
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(
                    max_workers=self._workers, thread_name_prefix=f"tasks-{self.alias}"
                )
            return self._executor

    def _run(self, task_result):
        try:
            self._execute_task(task_result)
        finally:
            connections.close_all()

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        task_result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        future = self.executor.submit(self._run, task_result)
        self._running.add(future)
        future.add_done_callback(self._running.discard)
        return task_result

    def join(self, timeout=None):
        """Wait until the tasks enqueued so far are done (tests, a graceful stop)."""
        wait(list(self._running), timeout=timeout)
