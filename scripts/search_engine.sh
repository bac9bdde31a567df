#!/usr/bin/env bash
# `make search-engine`: a single-node OpenSearch on 127.0.0.1:9200 for the search tests and the
# benchmark. Maven resolves the engine (scripts/search-engine/pom.xml) into ESS_CACHE_DIR once;
# scripts/search-engine/Launcher.java starts its node with the HTTP transport and the analysis
# plugin. Data, log and pid live in ESS_SERVICES_DIR/opensearch; neither folder may be inside
# the checkout. An engine already answering on the port is used as it is.
#
#   scripts/search_engine.sh start|stop|status     ESS_SEARCH_PORT picks another port.
set -euo pipefail

checkout=$(cd "$(dirname "$0")/.." && pwd)
if [ "$(id -u)" = 0 ]; then
  default_state=/var/lib/ess-site default_cache=/var/cache/ess-site
else
  default_state="${XDG_STATE_HOME:-$HOME/.local/state}/ess-site"
  default_cache="${XDG_CACHE_HOME:-$HOME/.cache}/ess-site"
fi
STATE_DIR=${ESS_SERVICES_DIR:-$default_state}
CACHE_DIR=${ESS_CACHE_DIR:-$default_cache}
PORT=${ESS_SEARCH_PORT:-9200}
ENGINE_DIR=$STATE_DIR/opensearch
POM=$checkout/scripts/search-engine/pom.xml
LOG=$ENGINE_DIR/engine.log
PIDFILE=$ENGINE_DIR/engine.pid
URL=http://127.0.0.1:$PORT

fail() { echo "make search-engine: $*" >&2; exit 1; }

for dir in "$STATE_DIR" "$CACHE_DIR"; do
  case "$(realpath -m "$dir")/" in
    "$checkout"/*) fail "$dir is inside the checkout; set ESS_SERVICES_DIR / ESS_CACHE_DIR outside it" ;;
  esac
done

# GET a path of the engine (bash's /dev/tcp: no HTTP client needed); the body when it answers 200.
http_get() {
  local response
  response=$( (exec 3<>"/dev/tcp/127.0.0.1/$PORT" &&
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3 && timeout 3 cat <&3) 2>/dev/null) || return 1
  [[ $response == "HTTP/1."?" 200"* ]] || return 1
  printf '%s\n' "${response#*$'\r\n\r\n'}"
}
version() { http_get / |
  sed -n 's/.*"distribution" *: *"\([^"]*\)".*/\1/p; s/.*"number" *: *"\([^"]*\)".*/\1/p' | paste -sd' '; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }
running_pid() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && cat "$PIDFILE"; }

# The engine's class path, resolved by Maven into the cache folder (again when the pom changes).
classpath() {
  local cp_file=$CACHE_DIR/opensearch.classpath
  if [ ! -s "$cp_file" ] || [ "$POM" -nt "$cp_file" ]; then
    command -v java >/dev/null || fail "java is missing: install a JDK 17 (apt-get install openjdk-17-jdk-headless)"
    command -v mvn >/dev/null || fail "mvn is missing: install Maven (apt-get install maven)"
    echo "make search-engine: fetching OpenSearch through Maven into $CACHE_DIR/maven" >&2
    mvn -B -q -f "$POM" -Dmaven.repo.local="$CACHE_DIR/maven" dependency:build-classpath \
      -Dmdep.outputFile="$cp_file.tmp" >"$CACHE_DIR/maven.log" 2>&1 ||
      fail "Maven could not resolve the engine: see $CACHE_DIR/maven.log"
    mv "$cp_file.tmp" "$cp_file"
  fi
  cat "$cp_file"
}

start() {
  if listening; then
    local found; found=$(version)
    [ -n "$found" ] || fail "127.0.0.1:$PORT is taken by something that is not a search engine"
    echo "make search-engine: $found on $URL" >&2
    return 0
  fi
  mkdir -p "$CACHE_DIR" "$ENGINE_DIR" || fail "cannot create $CACHE_DIR or $ENGINE_DIR"
  local cp; cp=$(classpath)
  echo "make search-engine: starting OpenSearch on $URL (log: $LOG)" >&2
  nohup java -Xms512m -Xmx512m -XX:+UseG1GC -Djava.io.tmpdir="$ENGINE_DIR" \
    -Dlog4j2.configurationFile="$checkout/scripts/search-engine/log4j2.properties" \
    -cp "$cp" "$checkout/scripts/search-engine/Launcher.java" \
    path.home="$ENGINE_DIR" path.data="$ENGINE_DIR/data" path.logs="$ENGINE_DIR" \
    cluster.name=ess-test node.name=ess-test discovery.type=single-node \
    network.host=127.0.0.1 http.port="$PORT" transport.port=0 \
    cluster.routing.allocation.disk.threshold_enabled=false \
    >"$LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  local waited=0
  until http_get "/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null; do
    kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { tail -n 20 "$LOG" >&2; fail "the engine stopped while starting: see $LOG"; }
    [ $waited -lt 120 ] || { stop; fail "the engine did not answer within 60 s: see $LOG"; }
    sleep 0.5; waited=$((waited + 1))
  done
  echo "make search-engine: $(version) on $URL after $((waited / 2)) s" >&2
}

stop() {
  local pid; pid=$(running_pid) || { rm -f "$PIDFILE"; return 0; }
  kill -TERM "$pid"
  for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"; echo "make search-engine: the engine did not stop within 30 s and was killed" >&2
  else
    echo "make search-engine: stopped" >&2
  fi
  rm -f "$PIDFILE"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) found=$(version); [ -n "$found" ] && echo "$found on $URL" || { echo "no engine on $URL" >&2; exit 1; } ;;
  *) fail "unknown command '$1' (start, stop or status)" ;;
esac
