#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer. When DATABASE_URL / REDIS_URL point at this machine
# and the services are installed but stopped, starts them; when they are not installed and we
# may (root, CI or FAIRMARKET_INSTALL_SERVICES=1), installs them from Debian's packages.
# Elsewhere: run `docker compose -f docker/compose.yml up -d postgres redis` and set the URLs.
set -euo pipefail

DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/fairmarket}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
say() { echo "[services] $*" >&2; }

is_local() { [[ "$1" =~ @?(127\.0\.0\.1|localhost)(:|/|$) ]]; }

pg_up() { pg_isready -q -d "$DATABASE_URL" 2>/dev/null || pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { node -e "
  const net=require('net');const u=new URL(process.argv[1]);
  const s=net.connect(+u.port||6379,u.hostname,()=>s.write('PING\r\n'));
  s.on('data',d=>{process.exit(String(d).startsWith('+PONG')?0:1)});s.on('error',()=>process.exit(1));
  setTimeout(()=>process.exit(1),2000);" "$REDIS_URL"; }

may_install() { [ "$(id -u)" = 0 ] && { [ "${CI:-}" = true ] || [ "${FAIRMARKET_INSTALL_SERVICES:-}" = 1 ]; } && command -v apt-get >/dev/null; }

if ! pg_up; then
  if is_local "$DATABASE_URL"; then
    if ! command -v pg_ctlcluster >/dev/null && may_install; then
      say "installing PostgreSQL"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    if command -v pg_ctlcluster >/dev/null; then
      version=$(ls /etc/postgresql | sort -n | tail -1)
      say "starting PostgreSQL $version"
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    fi
  fi
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || { say "PostgreSQL does not answer at $DATABASE_URL: start it, or use docker/compose.yml"; exit 1; }
fi

if ! redis_up; then
  if is_local "$REDIS_URL"; then
    if ! command -v redis-server >/dev/null && may_install; then
      say "installing Redis"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    fi
    if command -v redis-server >/dev/null; then
      say "starting Redis"
      mkdir -p /tmp/fairmarket-redis
      redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
        --maxmemory-policy noeviction --dir /tmp/fairmarket-redis --logfile /tmp/fairmarket-redis/redis.log
    fi
  fi
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
  redis_up || { say "Redis does not answer at $REDIS_URL: start it, or use docker/compose.yml"; exit 1; }
fi
say "PostgreSQL and Redis answer"
