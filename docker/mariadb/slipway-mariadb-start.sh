#!/bin/bash
# Entry point of slipway-base/mariadb (Debian's mariadb-server, made by scripts/make-base-images.sh
# --mariadb): Slipway's kept database server. The first start on an empty data folder creates the
# system tables and a root account for every host whose password is read from the file
# MARIADB_ROOT_PASSWORD_FILE names (a secret file, never an environment value); later starts keep
# the data as it is. Then mariadbd runs in the foreground, listening on port 3306 of the container.
set -euo pipefail

readonly DATA_DIR=/var/lib/mysql
readonly INIT_SOCKET=/run/mysqld/slipway-init.sock

say() { printf 'slipway-mariadb: %s\n' "$*" >&2; }

mkdir -p /run/mysqld
chown mysql:mysql /run/mysqld "$DATA_DIR"

if [[ ! -d "$DATA_DIR/mysql" ]]; then
  if [[ -z "${MARIADB_ROOT_PASSWORD_FILE:-}" || ! -r "$MARIADB_ROOT_PASSWORD_FILE" ]]; then
    say "the data folder is empty and MARIADB_ROOT_PASSWORD_FILE names no readable file: give the root password as a secret file."
    exit 2
  fi
  password="$(< "$MARIADB_ROOT_PASSWORD_FILE")"
  password="${password//\\/\\\\}"
  password="${password//\'/\'\'}"
  say "first start: creating the system tables"
  mariadb-install-db --user=mysql --datadir="$DATA_DIR" --auth-root-authentication-method=socket --skip-test-db >/dev/null
  # Without networking until root has its password: nobody can connect in between.
  mariadbd --user=mysql --datadir="$DATA_DIR" --skip-networking --socket="$INIT_SOCKET" &
  init_pid=$!
  for _ in $(seq 1 300); do
    mariadb-admin --socket="$INIT_SOCKET" --silent ping >/dev/null 2>&1 && break
    kill -0 "$init_pid" 2>/dev/null || { say "mariadbd ended during the first start."; exit 1; }
    sleep 0.2
  done
  # The SQL goes through stdin: the password is never a command-line word.
  mariadb --socket="$INIT_SOCKET" <<SQL
CREATE USER 'root'@'%' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
  mariadb-admin --socket="$INIT_SOCKET" shutdown
  wait "$init_pid" || true
  unset password
  say "first start done"
fi

exec mariadbd --user=mysql --datadir="$DATA_DIR" --bind-address=0.0.0.0 --port=3306 --skip-name-resolve \
  --max-allowed-packet=256M "$@"
