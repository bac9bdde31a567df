#!/bin/sh
# The image's entrypoint: wait for the database, run migrations when asked, then hand over.
#
#   RUN_MIGRATIONS=1        migrate before starting the command (single-instance installs)
#   WAIT_FOR_DB=0           skip waiting (the command does not need the database)
#   DB_WAIT_TIMEOUT=60      seconds to wait for the database before giving up
#
# `migrate` as the command is the release step: `docker compose run --rm web migrate`.
set -eu

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python}"

if [ "${WAIT_FOR_DB:-1}" = "1" ]; then
    "$PYTHON" manage.py wait_for_db --timeout "${DB_WAIT_TIMEOUT:-60}"
fi

if [ "${1:-}" = "migrate" ]; then
    shift
    exec "$PYTHON" manage.py migrate --noinput "$@"
fi

if [ "${RUN_MIGRATIONS:-0}" = "1" ]; then
    "$PYTHON" manage.py migrate --noinput
fi

exec "$@"
