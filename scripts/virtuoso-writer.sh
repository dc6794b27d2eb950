#!/usr/bin/env bash
# virtuoso-writer.sh — run a command against a private, empty, throw-away Virtuoso that has a
# writer account, so that `newskg load`'s writes are tested against a real store.
#
# ../shared/check/virtuoso-ci.sh exports no account that may write: its dba password is random and
# never exported, so Graph Store writes there answer 403. This script starts a second instance from
# the same Debian binary (installing virtuoso-opensource-7-bin if missing, as virtuoso-ci.sh does),
# bound to 127.0.0.1 only, with a random dba password and an SQL user that has the SPARQL_UPDATE
# role — all that Virtuoso 7.2 needs for Digest PUT/POST/GET on /sparql-graph-crud-auth — and runs
# COMMAND with these exported:
#   SPARQL_ENDPOINT       http://127.0.0.1:$VW_HTTP_PORT/sparql
#   SPARQL_GRAPH          $VW_GRAPH (a graph for the tests to write), default https://w3id.org/newskg/graph/load-test
#   STORE_WRITE_USER      newskg_writer
#   STORE_WRITE_PASSWORD  random; never printed, and never on a command line
#
# Usage:  scripts/virtuoso-writer.sh -- COMMAND ARGS...
# Environment (all optional):
#   VW_HTTP_PORT=8891 VW_SQL_PORT=1112   loopback ports, must be free (virtuoso-ci.sh uses 8890, 1111)
#   VW_GRAPH=IRI  VW_BUFFERS=20000 (~170 MiB)  VW_START_TIMEOUT=120  VW_NO_INSTALL=1 (never apt-get)
# Exit status: COMMAND's; 1 usage; 2 install failed; 3 start or setup failed.
# Processes: only what this script started is stopped, by PID: the server by SQL shutdown (through
# the dba session opened at start, so the dba password is used once and then forgotten), then TERM,
# then KILL. The temp dir is removed on any exit.
set -euo pipefail

die() { local code=$1; shift; echo "virtuoso-writer: ERROR: $*" >&2; exit "$code"; }

[ "${1:-}" = "--" ] && [ $# -ge 2 ] || { sed -n '2,23p' "$0" >&2; exit 1; }
shift
HTTP_PORT=${VW_HTTP_PORT:-8891}
SQL_PORT=${VW_SQL_PORT:-1112}
GRAPH=${VW_GRAPH:-https://w3id.org/newskg/graph/load-test}
BUFFERS=${VW_BUFFERS:-20000}
START_TIMEOUT=${VW_START_TIMEOUT:-120}
WRITER=newskg_writer
ENDPOINT="http://127.0.0.1:$HTTP_PORT/sparql"
case "$HTTP_PORT$SQL_PORT$BUFFERS$START_TIMEOUT" in *[!0-9]*) die 1 "ports, buffers and timeout must be numbers";; esac

# ---------------------------------------------------------------- install (as virtuoso-ci.sh)
if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null || ! command -v curl >/dev/null; then
  [ -z "${VW_NO_INSTALL:-}" ] || die 2 "virtuoso-t/isql-vt/curl missing and VW_NO_INSTALL is set"
  [ "$(id -u)" = 0 ] || die 2 "need root to apt-get install virtuoso-opensource-7-bin"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die 2 "apt-get update failed"
  # -bin has no maintainer scripts: nothing is configured or started by the package itself.
  apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin curl >/dev/null \
    || die 2 "apt-get install virtuoso-opensource-7-bin failed"
fi

# ---------------------------------------------------------------- a private instance
for p in "$HTTP_PORT" "$SQL_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then die 3 "port 127.0.0.1:$p is already in use (set VW_HTTP_PORT / VW_SQL_PORT)"; fi
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/virtuoso-writer.XXXXXX")
VT_PID= ADMIN_PID=
stop_server() {
  local pid=$VT_PID; VT_PID=
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    if [ -n "$ADMIN_PID" ] && kill -0 "$ADMIN_PID" 2>/dev/null; then printf 'shutdown;\n' >&4 2>/dev/null || true; fi
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "virtuoso-writer: server $pid did not shut down, sending TERM" >&2; kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then echo "virtuoso-writer: sending KILL to $pid" >&2; kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    wait "$pid" 2>/dev/null || true
  fi
  exec 4>&-
  if [ -n "$ADMIN_PID" ]; then kill -TERM "$ADMIN_PID" 2>/dev/null || true; wait "$ADMIN_PID" 2>/dev/null || true; ADMIN_PID=; fi
}
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 141' PIPE   # a dead isql session must not kill this shell before the EXIT trap runs

cat > "$WORK/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $WORK/virtuoso.db
ErrorLogFile       = $WORK/virtuoso.log
LockFile           = $WORK/virtuoso.lck
TransactionFile    = $WORK/virtuoso.trx
xa_persistent_file = $WORK/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $WORK/virtuoso-temp.db
TransactionFile    = $WORK/virtuoso-temp.trx
Striping           = 0

[Parameters]
; loopback only: host:port binds the listener to that address
ServerPort           = 127.0.0.1:$SQL_PORT
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = .
NumberOfBuffers      = $BUFFERS
MaxDirtyBuffers      = $((BUFFERS * 3 / 4))

[HTTPServer]
ServerPort           = 127.0.0.1:$HTTP_PORT
ServerRoot           = $WORK
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryExecutionTime      = 300
EOF

# ---------------------------------------------------------------- start
START=$SECONDS
virtuoso-t +foreground +configfile "$WORK/virtuoso.ini" >"$WORK/server.out" 2>&1 </dev/null &
VT_PID=$!
ready=
for _ in $(seq 1 $((START_TIMEOUT * 10))); do
  kill -0 "$VT_PID" 2>/dev/null || { tail -n 20 "$WORK/server.out" "$WORK/virtuoso.log" >&2 2>/dev/null; VT_PID=; die 3 "virtuoso-t exited during start"; }
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$ENDPOINT?query=ASK%7B%7D" 2>/dev/null)" = 200 ]; then ready=1; break; fi
  sleep 0.1
done
[ -n "$ready" ] || { tail -n 20 "$WORK/virtuoso.log" >&2; die 3 "server not ready after ${START_TIMEOUT}s"; }
if command -v ss >/dev/null && ss -ltnpH 2>/dev/null | grep "pid=$VT_PID," | awk '{print $4}' | grep -qv '^127\.0\.0\.1:'; then
  die 3 "server listens on a non-loopback address"
fi

# ---------------------------------------------------------------- accounts
# One dba session, fed through a FIFO, stays open until the end: the passwords reach the server on
# its stdin only (printf is a builtin: no command line shows them), and the same session sends the
# shutdown, so the new dba password is needed nowhere else.
new_password() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
DBA_PW="vw$(new_password)"
WRITER_PW="vw$(new_password)"
mkfifo -m 600 "$WORK/admin.in"
isql-vt "127.0.0.1:$SQL_PORT" dba dba verbose=off banner=off prompt=off echo=off errors=stdout \
  <"$WORK/admin.in" >"$WORK/admin.out" 2>&1 &
ADMIN_PID=$!
exec 4>"$WORK/admin.in"
printf '%s\n' \
  "SET PASSWORD dba $DBA_PW;" \
  "DB.DBA.USER_CREATE('$WRITER', '$WRITER_PW');" \
  "GRANT SPARQL_UPDATE TO \"$WRITER\";" \
  "SELECT 'VW' || '-SETUP-DONE';" >&4
for _ in $(seq 1 300); do
  grep -q 'VW-SETUP-DONE' "$WORK/admin.out" 2>/dev/null && break
  kill -0 "$ADMIN_PID" 2>/dev/null || break
  sleep 0.1
done
OUT=$(<"$WORK/admin.out")
if ! grep -q 'VW-SETUP-DONE' <<<"$OUT" || grep -q '\*\*\* Error' <<<"$OUT"; then
  OUT=$(grep '\*\*\* Error' <<<"$OUT" || echo "(no answer from isql)"); OUT=${OUT//"$WRITER_PW"/***}; OUT=${OUT//"$DBA_PW"/***}
  echo "$OUT" >&2
  die 3 "could not set the dba password or create the writer account"
fi
DBA_PW=
echo "virtuoso-writer: pid $VT_PID, SPARQL endpoint $ENDPOINT, writer $WRITER, graph <$GRAPH>, ready in $((SECONDS - START)) s"

# ---------------------------------------------------------------- the caller's command
echo "virtuoso-writer: running: $*"
set +e
SPARQL_ENDPOINT=$ENDPOINT SPARQL_GRAPH=$GRAPH STORE_WRITE_USER=$WRITER STORE_WRITE_PASSWORD=$WRITER_PW "$@" 4>&-
RC=$?
set -e
echo "virtuoso-writer: command exited $RC"
stop_server
exit "$RC"
