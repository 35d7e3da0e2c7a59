#!/usr/bin/env bash
# Stops what wp-setup.sh started (by PID) and removes its WordPress config file.
#   STATE=/tmp/dir bash test/e2e/wp-teardown.sh      (KEEP_STATE=1 keeps $STATE for the logs)
set -uo pipefail
: "${STATE:?set STATE to the directory given to wp-setup.sh}"

stop() { # stop PIDFILE NAME
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { echo "$2 ($pid) did not stop, killing" >&2; kill -KILL "$pid" 2>/dev/null; }
  fi
  rm -f "$1"
}
stop "$STATE/apache.pid" apache2
stop "$STATE/mariadb.pid" mariadbd

if [ -f "$STATE/config-file" ]; then
  conf=$(cat "$STATE/config-file")
  case "$conf" in /etc/wordpress/config-sosannuaire-e2e*.php) rm -f "$conf" ;; esac
fi
[ "${KEEP_STATE:-}" = 1 ] || rm -rf "$STATE"
exit 0
