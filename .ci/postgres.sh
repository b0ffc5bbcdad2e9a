# Installs (from Debian's packages) and starts a throw-away PostgreSQL cluster on a free loopback port,
# then exports IOFLOW_TEST_POSTGRES_URL for the JDBC outbox tests. Sourced by .ci/run.
start_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "ci: installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
  fi
  local bin
  bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  local data port=55432
  data=$(mktemp -d /tmp/ioflow-pg.XXXXXX)
  chown postgres:postgres "$data"
  su postgres -s /bin/sh -c "'$bin/initdb' -D '$data' -U postgres -A trust >/dev/null"
  su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$data' -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1\" -w -l '$data/server.log' start >/dev/null"
  su postgres -s /bin/sh -c "psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE ioflow_test'" >/dev/null
  export IOFLOW_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/ioflow_test?user=postgres"
  trap "su postgres -s /bin/sh -c \"'$bin/pg_ctl' -D '$data' -m fast stop\" >/dev/null 2>&1 || true" EXIT
  echo "ci: PostgreSQL running at $IOFLOW_TEST_POSTGRES_URL"
}
