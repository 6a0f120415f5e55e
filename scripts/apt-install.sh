#!/usr/bin/env bash
# Install the named Debian packages (callers pass only the missing ones). Needs root, as on the
# dev machines and CI. Package maintainer scripts may not start services: nothing runs systemd
# here, and the project's scripts start what the tests need themselves.
set -euo pipefail
[ $# -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing system packages: $* (install them with apt-get as root)" >&2
  exit 1
fi
echo "Installing system packages: $*"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
policy=/usr/sbin/policy-rc.d created_policy=0
if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; created_policy=1; fi
trap '[ "$created_policy" = 1 ] && rm -f "$policy"' EXIT
apt-get install -y -qq --no-install-recommends "$@" >/dev/null
