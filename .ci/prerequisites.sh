#!/usr/bin/env bash
# Installs what the tests need beside the .NET SDK when it is missing, through apt (Debian 12), as root:
#   postgresql-15  the server binaries (/usr/lib/postgresql/15/bin); the tests start their own throw-away cluster,
#                  so the package's own cluster is not created
#   chromium       the browser the console tests drive (/usr/bin/chromium)
# Nothing is downloaded outside apt; nothing is installed when both are present.
set -euo pipefail

missing=()
[ -x "${PG_BIN:-/usr/lib/postgresql/15/bin}/postgres" ] || missing+=(postgresql-15)
[ -x "${CHANGEORCHESTRATOR_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need ${missing[*]}; run .ci/run as root to install them with apt, or install them yourself." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "Installing ${missing[*]} with apt"
apt-get update -q
if [[ " ${missing[*]} " == *" postgresql-15 "* ]]; then
  apt-get install -y -q --no-install-recommends postgresql-common
  sed -i 's/^#\?\s*create_main_cluster\s*=.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
fi
apt-get install -y -q --no-install-recommends "${missing[@]}"
