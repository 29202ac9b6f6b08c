#!/usr/bin/env bash
# Stops the API and worker that `npm run demo` left running.
cd "$(dirname "$0")/.."
for name in api worker; do
  f="var/demo/$name.pid"
  if [ -f "$f" ]; then
    kill "$(cat "$f")" 2>/dev/null && echo "stopped demo $name"
    rm -f "$f"
  fi
done
