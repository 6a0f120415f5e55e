#!/usr/bin/env bash
# A MariaDB server for the test suite's MySQL run (the LMS runs MySQL in production).
#
#   scripts/mariadb.sh start    install Debian's mariadb-server if missing, start it on
#                               127.0.0.1 (no systemd), create database/user disclosure/disclosure
#   scripts/mariadb.sh stop     shut it down
#   scripts/mariadb.sh status   exit 0 if it answers on its socket and as the disclosure user
#
# The server keeps its own datadir ($DISCLOSURE_MARIADB_DIR, default /var/lib/disclosure-mariadb)
# and socket, so it neither needs nor disturbs a system MariaDB. It listens on 127.0.0.1 only.
# Also installs default-libmysqlclient-dev: the Python driver (mysqlclient, what the LMS uses)
# is built against it when `make test` finds the server running.
set -euo pipefail

BASE=${DISCLOSURE_MARIADB_DIR:-/var/lib/disclosure-mariadb}
DATADIR="$BASE/data"
RUNDIR="$BASE/run"
SOCKET="$RUNDIR/mysqld.sock"
PIDFILE="$RUNDIR/mysqld.pid"
LOG="$BASE/mysqld.log"
PORT=${DISCLOSURE_DB_PORT:-3306}
DB_NAME=${DISCLOSURE_DB_NAME:-disclosure}
DB_USER=${DISCLOSURE_DB_USER:-disclosure}
DB_PASSWORD=${DISCLOSURE_DB_PASSWORD:-disclosure}

server_bin() {
  for candidate in /usr/sbin/mariadbd /usr/sbin/mysqld "$(command -v mariadbd 2>/dev/null || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

install_packages() {
  local need=()
  server_bin >/dev/null || need+=(mariadb-server)
  command -v mariadb >/dev/null 2>&1 || need+=(mariadb-client)
  dpkg -s default-libmysqlclient-dev >/dev/null 2>&1 || need+=(default-libmysqlclient-dev)
  command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
  command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
  bash "$(dirname "$0")/apt-install.sh" "${need[@]}"
}

admin_ping() {
  mariadb-admin --no-defaults --socket="$SOCKET" -uroot ping >/dev/null 2>&1
}

user_ping() {
  mariadb --no-defaults --protocol=TCP -h127.0.0.1 -P"$PORT" -u"$DB_USER" -p"$DB_PASSWORD" \
    -e "SELECT 1" "$DB_NAME" >/dev/null 2>&1
}

start() {
  install_packages
  if admin_ping; then
    echo "MariaDB already running (socket $SOCKET)"
  else
    local bin run_as=root
    bin=$(server_bin)
    id mysql >/dev/null 2>&1 && run_as=mysql
    mkdir -p "$DATADIR" "$RUNDIR"
    chown -R "$run_as" "$BASE"
    if [ ! -d "$DATADIR/mysql" ]; then
      echo "Initialising MariaDB datadir $DATADIR"
      mariadb-install-db --no-defaults --user="$run_as" --datadir="$DATADIR" \
        --auth-root-authentication-method=socket --skip-test-db >"$BASE/install.log" 2>&1 \
        || { cat "$BASE/install.log" >&2; exit 1; }
    fi
    echo "Starting MariaDB on 127.0.0.1:$PORT ($bin)"
    # setsid + nohup: the server outlives this script and the CI step that ran it.
    setsid nohup "$bin" --no-defaults --user="$run_as" --datadir="$DATADIR" --socket="$SOCKET" \
      --pid-file="$PIDFILE" --port="$PORT" --bind-address=127.0.0.1 --skip-name-resolve \
      --log-error="$LOG" --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 --max-connections=300 \
      </dev/null >/dev/null 2>&1 &
    local waited=0
    until admin_ping; do
      sleep 0.5
      waited=$((waited + 1))
      if [ "$waited" -ge 120 ]; then
        echo "MariaDB did not answer within 60 s; log follows" >&2
        tail -n 40 "$LOG" >&2 || true
        exit 1
      fi
    done
  fi
  # The test runner creates test_<name> databases, the load test its own: rights on both prefixes.
  mariadb --no-defaults --socket="$SOCKET" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`${DB_NAME}\\_%\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON \`test\\_${DB_NAME}%\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
  user_ping || { echo "MariaDB is up but the $DB_USER user cannot connect" >&2; exit 1; }
  echo "MariaDB ready: database $DB_NAME, user $DB_USER on 127.0.0.1:$PORT"
}

stop() {
  if admin_ping; then
    mariadb-admin --no-defaults --socket="$SOCKET" -uroot shutdown
    echo "MariaDB stopped"
  elif [ -f "$PIDFILE" ]; then
    kill "$(cat "$PIDFILE")" 2>/dev/null || true
    echo "MariaDB stopped (pid file)"
  else
    echo "MariaDB is not running"
  fi
}

status() {
  if command -v mariadb >/dev/null 2>&1 && user_ping; then
    echo "MariaDB running on 127.0.0.1:$PORT"
    return 0
  fi
  echo "MariaDB not running on 127.0.0.1:$PORT"
  return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
