#!/usr/bin/env bash
# A single local OpenSearch node for development and tests: fetched from Maven Central,
# cached outside the repository, bound to 127.0.0.1 only.
#
#   deploy/opensearch/node.sh fetch|start|stop|status|env
#
# Environment (all optional):
#   MINGUARD_CACHE        cache root (default: /var/cache/minguard as root, else ~/.cache/minguard)
#   MINGUARD_OS_VERSION   OpenSearch version (default 2.19.6: the last 2.x line that runs on Java 17)
#   MINGUARD_OS_PORT      HTTP port (default 9200); the transport port is HTTP port + 100
#   MINGUARD_OS_HEAP      JVM heap (default 512m)
#
# OpenSearch refuses to run as root, so when this script runs as root it creates the
# unprivileged user "minguard-os" and starts the node as that user, owning the node's
# home, data and logs. Production never uses this script: see docs/opensearch.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION="${MINGUARD_OS_VERSION:-2.19.6}"
PORT="${MINGUARD_OS_PORT:-9200}"
HEAP="${MINGUARD_OS_HEAP:-512m}"
if [ "$(id -u)" = 0 ]; then
  CACHE="${MINGUARD_CACHE:-/var/cache/minguard}"
  RUN_AS="minguard-os"
else
  CACHE="${MINGUARD_CACHE:-$HOME/.cache/minguard}"
  RUN_AS=""
fi
DIST="$CACHE/opensearch-$VERSION"
NODE="$CACHE/node-$PORT"          # one node's state: config, data, logs, snapshots, pid
PIDFILE="$NODE/opensearch.pid"
URL="http://127.0.0.1:$PORT"

log() { printf '[opensearch] %s\n' "$*" >&2; }

fetch() {
  if [ -x "$DIST/bin/opensearch" ]; then return 0; fi
  command -v mvn >/dev/null || { log "mvn not found: install Maven (apt-get install maven)"; exit 1; }
  mkdir -p "$CACHE/downloads"
  local zip="$CACHE/downloads/opensearch-$VERSION.zip"
  if [ ! -s "$zip" ]; then
    log "fetching org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip from Maven Central"
    # Maven verifies the artifact's checksum from the repository on download.
    mvn -q -B dependency:copy \
      -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip" \
      -DoutputDirectory="$CACHE/downloads" -Dmdep.overWriteReleases=true
  fi
  local tmp
  tmp="$(mktemp -d "$CACHE/unpack.XXXXXX")"
  unzip -q "$zip" -d "$tmp"
  rm -rf "$DIST"
  mv "$tmp/opensearch-$VERSION" "$DIST"
  rmdir "$tmp"
  log "cached in $DIST"
}

ensure_user() {
  [ -n "$RUN_AS" ] || return 0
  if ! id "$RUN_AS" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
  fi
  # The node user must be able to reach its home through the cache root.
  chmod o+x "$CACHE"
}

healthy() {
  curl -fsS --max-time 2 "$URL/_cluster/health" 2>/dev/null | grep -q '"status":"\(green\|yellow\)"'
}

our_pid() {
  # The pid file counts only if that process is an OpenSearch node started from our home.
  [ -s "$PIDFILE" ] || return 1
  local pid
  pid="$(cat "$PIDFILE")"
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "org.opensearch.bootstrap.OpenSearch" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "-Dopensearch.path.conf=$NODE/config" || return 1
  echo "$pid"
}

write_config() {
  mkdir -p "$NODE/config" "$NODE/data" "$NODE/logs" "$NODE/snapshots" "$NODE/tmp"
  cp -r "$DIST/config/." "$NODE/config/"
  sed "s|@PORT@|$PORT|; s|@TPORT@|$((PORT + 100))|; s|@NODE@|$NODE|g" \
    "$HERE/opensearch.yml.in" >"$NODE/config/opensearch.yml"
  # Heap comes from OPENSEARCH_JAVA_OPTS; drop the distribution's fixed 1g.
  # Relative paths in jvm.options resolve against the working directory: pin them to the node.
  sed -i -e '/^-Xm[sx]/d' -e "s|file=logs/|file=$NODE/logs/|" -e "s|ErrorFile=logs/|ErrorFile=$NODE/logs/|" \
    -e "s|HeapDumpPath=data|HeapDumpPath=$NODE/data|" "$NODE/config/jvm.options"
  if [ -n "$RUN_AS" ]; then
    chown -R "$RUN_AS" "$NODE"
    chmod -R o+rX "$DIST"
  fi
}

start() {
  if our_pid >/dev/null && healthy; then log "already running at $URL"; return 0; fi
  if healthy; then
    log "something else already answers at $URL; set MINGUARD_OS_PORT to use another port"
    exit 1
  fi
  fetch
  ensure_user
  if pid="$(our_pid)"; then
    log "node $pid is starting; waiting"
  else
    # A pid file left by a node that died with its machine (reboot, restored snapshot) would
    # read as "died during start-up" in the wait below: it names no node of ours, so drop it.
    rm -f "$PIDFILE"
    write_config
    local cmd=(env "OPENSEARCH_PATH_CONF=$NODE/config" "OPENSEARCH_TMPDIR=$NODE/tmp"
      "OPENSEARCH_JAVA_OPTS=-Xms$HEAP -Xmx$HEAP" "JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
      "$DIST/bin/opensearch" -d -p "$PIDFILE")
    log "starting OpenSearch $VERSION at $URL (heap $HEAP, state in $NODE)"
    [ -z "$RUN_AS" ] || cmd=(runuser -u "$RUN_AS" -- "${cmd[@]}")
    # 9>&-: the node must not inherit the start/stop lock, or it would hold it for its life.
    if ! (cd "$NODE" && "${cmd[@]}" 9>&-) >"$NODE/logs/stdout.log" 2>&1; then
      log "OpenSearch failed to start:"; tail -n 40 "$NODE/logs/stdout.log" >&2; exit 1
    fi
  fi
  # With -d the launcher returns before the node writes its pid file; a pid file whose
  # process is gone means the node died during start-up.
  for _ in $(seq 1 180); do
    if healthy; then log "ready"; return 0; fi
    if [ -s "$PIDFILE" ] && ! our_pid >/dev/null; then break; fi
    sleep 1
  done
  log "OpenSearch did not become healthy; last log lines:"
  tail -n 40 "$NODE/logs/"*.log >&2 || true
  exit 1
}

stop() {
  local pid
  if ! pid="$(our_pid)"; then log "not running (no node started by this script on port $PORT)"; return 0; fi
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; log "stopped"; return 0; }
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
  log "killed after 30 s"
}

status() {
  local pid
  if pid="$(our_pid)"; then
    if healthy; then echo "running pid=$pid url=$URL"; return 0; fi
    echo "starting pid=$pid url=$URL"; return 3
  fi
  echo "stopped url=$URL"; return 3
}

# Start and stop hold a lock: two test sessions starting at once must not launch two nodes.
locked() {
  mkdir -p "$CACHE"
  exec 9>"$CACHE/node-$PORT.lock"
  flock 9
  "$@"
}

case "${1:-}" in
  fetch) fetch ;;
  start) locked start ;;
  stop) locked stop ;;
  status) status ;;
  env) echo "MINGUARD_OPENSEARCH_URL=$URL"; echo "NODE_HOME=$NODE"; echo "DIST=$DIST" ;;
  *) echo "usage: $0 fetch|start|stop|status|env" >&2; exit 2 ;;
esac
