#!/usr/bin/env bash
# `make image-test`: builds the production image with Debian's podman and runs it as
# production would, against SQLite on a volume and against the host's PostgreSQL.
#
#  1. Installs podman and debootstrap from Debian's packages when missing.
#  2. Makes the Python 3.11 base image from Debian's packages (debootstrap of bookworm with
#     python3, python3-venv and python3-pip) and tags it with the name the Dockerfile's FROM
#     uses, so that the Dockerfile built here is the one production builds from the official
#     image. The base is kept as a tarball in the cache folder; pip's wheels are kept in
#     the build's cache mount (the Dockerfile's RUN --mount=type=cache).
#  3. Builds the Dockerfile (under MAX_IMAGE_MB), and the builder stage with the S3 extra.
#  4. Runs the container with the production settings: migrations, the demo content,
#     /healthz, a page, a static file (brotli, gzip, immutable cache headers), as the
#     non-root user, the image's own HEALTHCHECK command; and wait_for_db's refusals.
#
# Needs root (debootstrap, rootful podman). Containers use the host's network: the site
# listens on a free port given in PORT, and reaches PostgreSQL on 127.0.0.1.
#
#   ESS_IMAGE_CACHE_DIR   the base image's tarball (default /var/cache/ess-site/image)
#   IMAGE_TEST_DATABASE_URL   the PostgreSQL database the test makes, uses and drops (default
#                         postgres://postgres@127.0.0.1:5432/ess_image_test: `make services`)
#   DEBIAN_MIRROR         where debootstrap fetches bookworm (default http://deb.debian.org/debian)
set -euo pipefail

checkout=$(cd "$(dirname "$0")/.." && pwd)
cd "$checkout"

CACHE_DIR=${ESS_IMAGE_CACHE_DIR:-/var/cache/ess-site/image}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
PG_URL=${IMAGE_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ess_image_test}
IMAGE=localhost/ess-site:image-test
IMAGE_S3=localhost/ess-site:image-test-s3
# The image's size limit (docs/operations.md says what it holds).
MAX_IMAGE_MB=${MAX_IMAGE_MB:-400}
run_id=ess-image-test-$$
started=$(date +%s)

say() { printf 'image-test: %s\n' "$*" >&2; }
current=""  # the container whose logs explain a failure
fail() {
  [ -z "$current" ] || podman logs --tail 15 "$current" 2>&1 | cut -c1-2000 >&2
  say "FAILED: $*"
  exit 1
}
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }
passed=0
ok() { passed=$((passed + 1)); say "$* ok"; }

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap and rootful podman): run it as root or with sudo"

# The FROM line's image: the Dockerfile's default PYTHON_IMAGE, fully qualified as the
# official image's name, so that `FROM python:3.11-slim-bookworm` resolves to it locally.
base_ref=$(sed -n 's/^ARG PYTHON_IMAGE=//p' Dockerfile)
[ -n "$base_ref" ] || fail "the Dockerfile has no 'ARG PYTHON_IMAGE=' default"
BASE_IMAGE=docker.io/library/$base_ref

# --- 1. Tools -------------------------------------------------------------------------------
apt_install() {
  say "installing $* from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; } ||
    fail "apt-get could not install $*"
}
# crun, podman's default runtime, refuses a machine whose cgroups are in hybrid mode (v1
# controllers with a cgroup2 tree beside them, as on this kind of virtual machine); runc
# runs there.
hybrid_cgroups=""
if [ "$(stat -fc %T /sys/fs/cgroup 2>/dev/null)" != cgroup2fs ] &&
  [ "$(stat -fc %T /sys/fs/cgroup/unified 2>/dev/null)" = cgroup2fs ]; then
  hybrid_cgroups=1
fi
missing=()
command -v podman >/dev/null || missing+=(podman)
command -v debootstrap >/dev/null || missing+=(debootstrap)
[ -z "$hybrid_cgroups" ] || command -v runc >/dev/null || missing+=(runc)
[ ${#missing[@]} = 0 ] || apt_install "${missing[@]}"

# --- 2. Host settings -----------------------------------------------------------------------
# Written into containers.conf only where the file does not already set them, each with the
# reason beside it; an administrator's own values are left as they are.
CONTAINERS_CONF=${CONTAINERS_CONF:-/etc/containers/containers.conf}
conf_set() {  # section key value reason
  local section=$1 key=$2 value=$3 reason=$4
  [ -f "$CONTAINERS_CONF" ] && grep -Eq "^[[:space:]]*$key[[:space:]]*=" "$CONTAINERS_CONF" && return 0
  say "setting $key in $CONTAINERS_CONF: $reason"
  mkdir -p "$(dirname "$CONTAINERS_CONF")"
  local line="# $reason (written by the ESS site's scripts/image-test.sh)
$key = $value"
  if [ -f "$CONTAINERS_CONF" ] && grep -q "^\[$section\]" "$CONTAINERS_CONF"; then
    LINE=$line awk -v header="[$section]" '{ print } $0 == header { print ENVIRON["LINE"] }' \
      "$CONTAINERS_CONF" >"$CONTAINERS_CONF.new" && mv "$CONTAINERS_CONF.new" "$CONTAINERS_CONF"
  else
    printf '\n[%s]\n%s\n' "$section" "$line" >>"$CONTAINERS_CONF"
  fi
}
[ -z "$hybrid_cgroups" ] ||
  conf_set engine runtime '"runc"' "crun refuses cgroups in hybrid mode, as this machine has them"
# Rootful podman raises each container's limits of open files and processes above those it
# runs with itself, which needs CAP_SYS_RESOURCE; where root lacks it (as on this machine)
# no container starts ("error setting rlimit type 7"), so containers keep podman's own:
# the host's hard limit of open files, and processes up to kernel.pid_max.
cap_eff=$(awk '/^CapEff:/ {print $2}' /proc/self/status)
if [ $(( 0x$cap_eff >> 24 & 1 )) = 0 ]; then
  nofile=$(ulimit -Hn) nproc=$(ulimit -Hu) pid_max=$(cat /proc/sys/kernel/pid_max)
  [ "$nproc" != unlimited ] && [ "$nproc" -lt "$pid_max" ] || nproc=$pid_max
  conf_set containers default_ulimits "[\"nofile=$nofile:$nofile\", \"nproc=$nproc:$nproc\"]" \
    "root lacks CAP_SYS_RESOURCE here: containers keep the limits podman runs with"
fi

# --- 3. The base image from Debian's packages ----------------------------------------------
# What the official python:3.11-slim-bookworm gives the Dockerfile: bookworm, Python 3.11
# with venv and pip, C.UTF-8, documentation left out (as Debian's slim images do).
BASE_PACKAGES="python3,python3-venv,python3-pip,ca-certificates"
base_key=$(printf '%s|%s|%s' "$base_ref" "$BASE_PACKAGES" "$(sed -n '/^make_base()/,/^}/p' "$0")" |
  sha256sum | cut -c1-12)
base_tar=$CACHE_DIR/base-bookworm-$base_key.tar
make_base() {
  local root
  root=$(mktemp -d /var/tmp/ess-base.XXXXXX)
  # Every path below is under the new root: never let an empty one point at the host.
  case "$root" in /var/tmp/ess-base.?*) ;; *) fail "no folder for the base image's root" ;; esac
  say "debootstrap of bookworm with $BASE_PACKAGES (once; kept in $CACHE_DIR)"
  debootstrap --variant=minbase --include="$BASE_PACKAGES" bookworm "$root" "$DEBIAN_MIRROR" \
    >"$CACHE_DIR/debootstrap.log" 2>&1 || fail "debootstrap failed: see $CACHE_DIR/debootstrap.log"
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
    "$DEBIAN_MIRROR" "$DEBIAN_MIRROR" "${DEBIAN_MIRROR%/debian}/debian-security" \
    >"$root/etc/apt/sources.list"
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/info/*' \
    'path-exclude /usr/share/locale/*' 'path-include /usr/share/locale/locale.alias' \
    >"$root/etc/dpkg/dpkg.cfg.d/docker-slim"
  printf 'APT::Install-Recommends "false";\n' >"$root/etc/apt/apt.conf.d/docker-no-recommends"
  find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
  rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/cache/apt/*.bin \
    "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/var/log/*.log
  tar --numeric-owner -C "$root" -cf "$base_tar.part" . && mv "$base_tar.part" "$base_tar"
  rm -rf "$root"
}
mkdir -p "$CACHE_DIR"
if [ "$(podman image inspect --format '{{index .Labels "ess.base-key"}}' "$BASE_IMAGE" 2>/dev/null)" != "$base_key" ]; then
  t=$(date +%s)
  [ -f "$base_tar" ] || make_base
  podman import --quiet \
    --change 'ENV LANG=C.UTF-8' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["python3"]' \
    --change "LABEL ess.base-key=$base_key" \
    "$base_tar" "$BASE_IMAGE" >/dev/null || fail "podman import of $base_tar failed"
  say "base image $BASE_IMAGE made from Debian's packages in $(elapsed "$t")"
fi

# --- 4. Build -------------------------------------------------------------------------------
# This machine reaches the package registries through a proxy whose certificate authority
# only the host trusts: the host's CA bundle, and a pip.conf naming it, are mounted into the
# build's RUN steps (never copied into the image).
build_mounts=()
host_bundle=/etc/ssl/certs/ca-certificates.crt
if [ -f "$host_bundle" ]; then
  printf '[global]\ncert = %s\n' "$host_bundle" >"$CACHE_DIR/pip.conf"
  build_mounts=(-v "$host_bundle:$host_bundle:ro" -v "$CACHE_DIR/pip.conf:/etc/pip.conf:ro")
fi
build() {  # tag, extra build arguments...
  local tag=$1 t
  shift
  t=$(date +%s)
  podman build --format docker --network host --pull=never "${build_mounts[@]}" "$@" \
    -t "$tag" . >"$CACHE_DIR/build.log" 2>&1 || { tail -40 "$CACHE_DIR/build.log" >&2; fail "podman build $* failed (log: $CACHE_DIR/build.log)"; }
  say "built $tag ${*:+($*) }in $(elapsed "$t")"
}
build "$IMAGE"
size_mb=$(( $(podman image inspect --format '{{.Size}}' "$IMAGE") / 1000000 ))
[ "$size_mb" -lt "$MAX_IMAGE_MB" ] || fail "the image is $size_mb MB, over $MAX_IMAGE_MB MB"
ok "image size $size_mb MB (limit $MAX_IMAGE_MB MB):"
# The S3 extra: its builder stage (the venv the runtime stage copies) is enough to prove it.
build "$IMAGE_S3" --target builder --build-arg EXTRAS=s3

# --- 5. Run ---------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
secret=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')
# Production settings, behind a TLS proxy as in production: the checks send the header the
# proxy would (X-Forwarded-Proto), and a request without it is redirected to HTTPS.
site_env=(-e SECRET_KEY="$secret" -e ALLOWED_HOSTS=127.0.0.1,localhost
  -e SECURE_PROXY_SSL_HEADER=true -e TRUSTED_PROXY_COUNT=1 -e WEB_CONCURRENCY=2)
containers=() volumes=()
cleanup() {
  for c in "${containers[@]}"; do podman rm -f -t 0 "$c" >/dev/null 2>&1 || true; done
  for v in "${volumes[@]}"; do podman volume rm -f "$v" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
# Podman runs the HEALTHCHECK from systemd timers; without systemd, none (the checks below
# run the HEALTHCHECK command themselves).
[ -d /run/systemd/system ] || export DISABLE_HC_SYSTEMD=true
in_image() { podman run --rm --network host --no-healthcheck "${site_env[@]}" "$@"; }

https() { curl -sS --max-time 20 -H 'X-Forwarded-Proto: https' "$@"; }

check_site() {  # label, container, port
  local label=$1 ctr=$2 port=$3 base="http://127.0.0.1:$3" tmp
  tmp=$(mktemp -d)
  # /healthz answers once the workers are up.
  local ready=""
  for _ in $(seq 120); do
    curl -fsS --max-time 2 "$base/healthz" >"$tmp/health" 2>/dev/null && { ready=1; break; }
    [ "$(podman inspect --format '{{.State.Running}}' "$ctr")" = true ] || break
    sleep 0.5
  done
  [ -n "$ready" ] || { podman logs "$ctr" 2>&1 | tail -30 >&2; fail "$label: /healthz never answered"; }
  grep -q '"status": *"ok"' "$tmp/health" && grep -q '"database": *"ok"' "$tmp/health" ||
    fail "$label: /healthz says $(cat "$tmp/health")"
  # Production settings: plain HTTP is redirected to HTTPS.
  local code
  code=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "$base/fr/")
  [ "${code%% *}" = 301 ] && [[ "${code#* }" == https://* ]] || fail "$label: plain HTTP gave '$code', not a redirect to HTTPS"
  # A page of the demo content, in each language.
  for lang in fr en; do
    code=$(https -o "$tmp/page-$lang" -w '%{http_code}' "$base/$lang/")
    [ "$code" = 200 ] || fail "$label: /$lang/ answered $code"
    grep -q "<html lang=\"$lang\"" "$tmp/page-$lang" || fail "$label: /$lang/ is not a $lang page"
  done
  # A static file the page links to: brotli and gzip copies, cached for ever by browsers.
  local css
  css=$(grep -o 'href="/static/[^"]*\.css"' "$tmp/page-fr" | head -1 | cut -d'"' -f2)
  [ -n "$css" ] || fail "$label: the home page links no stylesheet"
  https -o "$tmp/css" "$base$css"
  for encoding in br gzip; do
    https -D "$tmp/headers-$encoding" -o "$tmp/css-$encoding" -H "Accept-Encoding: $encoding" "$base$css"
    grep -qi "^content-encoding: $encoding" "$tmp/headers-$encoding" ||
      fail "$label: $css is not served with $encoding: $(tr -d '\r' <"$tmp/headers-$encoding" | tr '\n' ' ')"
    grep -qi '^cache-control:.*max-age=315360000.*immutable' "$tmp/headers-$encoding" ||
      fail "$label: $css lacks the immutable cache headers"
    https --compressed -H "Accept-Encoding: $encoding" "$base$css" | cmp -s - "$tmp/css" ||
      fail "$label: the $encoding copy of $css does not decode to the file"
  done
  # Every process of the container runs as the site's user, not root.
  local users
  users=$(podman top "$ctr" user | tail -n +2 | sort -u | tr '\n' ' ')
  [ "$users" = "ess " ] || fail "$label: the container's processes run as: $users"
  # The image's own HEALTHCHECK command, on the port the site listens on (not 8000)...
  podman healthcheck run "$ctr" >/dev/null || fail "$label: the image's HEALTHCHECK reports unhealthy"
  # ...and it fails where nothing listens.
  if podman exec -e PORT="$(free_port)" "$ctr" python /app/docker/healthcheck.py 2>/dev/null; then
    fail "$label: the HEALTHCHECK command passes on a port where nothing listens"
  fi
  rm -rf "$tmp"
  ok "$label: /healthz, /fr/ and /en/, $css (br, gzip, immutable), user ess, HEALTHCHECK on port $port:"
}

serve() {  # label, podman arguments...
  local label=$1 port ctr
  shift
  port=$(free_port)
  ctr=$run_id-$label
  containers+=("$ctr")
  current=$ctr
  podman run -d --name "$ctr" --network host "${site_env[@]}" \
    -e PORT="$port" "$@" "$IMAGE" >/dev/null
  check_site "$label" "$ctr" "$port"
  current=""
}

release() {  # label, how (release: the migrate command; or RUN_MIGRATIONS=1), podman arguments...
  local label=$1 how=$2 t
  shift 2
  t=$(date +%s)
  if [ "$how" = release ]; then
    in_image "$@" "$IMAGE" migrate >/dev/null || fail "$label: the release step (migrate) failed"
    in_image "$@" "$IMAGE" python manage.py load_demo_content --no-admin >/dev/null
  else
    in_image -e RUN_MIGRATIONS=1 "$@" "$IMAGE" python manage.py load_demo_content --no-admin >/dev/null
  fi || fail "$label: migrations or load_demo_content failed"
  ok "$label: migrations ($how) and demo content in $(elapsed "$t"):"
}

# SQLite on a volume: the image's default database, in its data folder.
volume=$run_id-data
volumes+=("$volume")
podman volume create "$volume" >/dev/null
release sqlite release -v "$volume:/data"
serve sqlite -v "$volume:/data"
podman exec "$run_id-sqlite" sh -c 'test -s /data/db.sqlite3 && touch /data/media/.w && rm /data/media/.w' ||
  fail "sqlite: the data folder holds no database or cannot be written by the site's user"
# gunicorn, the container's first process, stops cleanly on the runtime's SIGTERM.
t=$(date +%s)
podman stop -t 30 "$run_id-sqlite" >/dev/null
[ "$(podman inspect --format '{{.State.ExitCode}}' "$run_id-sqlite")" = 0 ] ||
  fail "sqlite: the site did not stop cleanly on SIGTERM"
ok "sqlite: stopped cleanly on SIGTERM in $(elapsed "$t"):"

# The host's PostgreSQL, in a database of this test's own; media on a volume, as the
# demo content's images are written by the release step and served by the site.
media=$run_id-media
volumes+=("$media")
podman volume create "$media" >/dev/null
pg_server=${PG_URL%/*}
pg_name=${PG_URL##*/}
pg_admin() {
  in_image --entrypoint python "$IMAGE" -c "import sys, psycopg
with psycopg.connect(sys.argv[1] + '/postgres', autocommit=True) as c:
    c.execute(sys.argv[2])" "$pg_server" "$1"
}
pg_admin "DROP DATABASE IF EXISTS \"$pg_name\" WITH (FORCE)" || fail "PostgreSQL at $pg_server cannot be reached"
pg_admin "CREATE DATABASE \"$pg_name\""
release postgresql RUN_MIGRATIONS=1 -e DATABASE_URL="$PG_URL" -v "$media:/data/media"
serve postgresql -e DATABASE_URL="$PG_URL" -v "$media:/data/media"
podman rm -f -t 0 "$run_id-postgresql" >/dev/null
pg_admin "DROP DATABASE \"$pg_name\" WITH (FORCE)"

# wait_for_db stops at once on what waiting cannot fix, with the reason.
refused() {  # label, expected words, podman arguments...
  local label=$1 expected=$2 t out
  shift 2
  t=$(date +%s)
  if out=$(in_image "$@" "$IMAGE" true 2>&1); then fail "$label: the container started"; fi
  [ $(( $(date +%s) - t )) -lt 30 ] || fail "$label: refused only after $(elapsed "$t")"
  grep -qi "$expected" <<<"$out" || fail "$label: the reason is missing: $out"
  ok "$label: refused in $(elapsed "$t") ($(grep -i "$expected" <<<"$out" | head -1)):"
}
refused "a SQLite path the site cannot write" "not writable" -e DATABASE_URL=sqlite:////app/db.sqlite3
refused "an unknown PostgreSQL database" "does not exist" -e DATABASE_URL="$pg_server/${pg_name}_missing"

refused "S3 storage in an image built without it" "EXTRAS=s3" -e AWS_STORAGE_BUCKET_NAME=media

# boto3 is in the S3 variant only.
in_image --entrypoint python "$IMAGE" -c 'import boto3' 2>/dev/null && fail "the default image carries boto3"
in_image --entrypoint python "$IMAGE_S3" -c 'import boto3, storages.backends.s3' ||
  fail "the EXTRAS=s3 build lacks boto3"
ok "boto3 in the EXTRAS=s3 build only:"

# The libraries' catalogues of the LANGUAGES build argument only (fr, en): Django's French
# is there, its German is not, and the site configured for German says what to rebuild.
in_image --entrypoint python "$IMAGE" -c 'import django, pathlib
locales = pathlib.Path(django.__file__).parent / "conf" / "locale"
assert (locales / "fr" / "LC_MESSAGES" / "django.mo").is_file(), "no French"
assert not (locales / "de" / "LC_MESSAGES").exists(), "German kept"
assert (locales / "de" / "formats.py").is_file(), "German formats pruned"' ||
  fail "the image's catalogues are not those of LANGUAGES"
out=$(in_image -e EXTRA_LANGUAGES=de -e WAIT_FOR_DB=0 "$IMAGE" python manage.py check 2>&1) || true
grep -q "core.W001" <<<"$out" || fail "EXTRA_LANGUAGES=de in an image built without German: no warning: $out"
ok "catalogues of fr and en only; EXTRA_LANGUAGES=de warns (core.W001):"

say "passed in $(elapsed "$started")"
echo "image-test: $passed passed, 0 failed"
