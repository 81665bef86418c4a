#!/usr/bin/env bash
# Installs, where missing, the Debian packages the tests need: real servers and engines, never mocks; then the npm
# packages of the independent gRPC client (tests/grpc-js), exactly as its committed lock file says.
set -euo pipefail

declare -A need=(
  [redis-server]=redis-server
  [/usr/lib/postgresql/15/bin/initdb]=postgresql
  [chromium]=chromium
  [espeak-ng]=espeak-ng
  [pocketsphinx_continuous]=pocketsphinx
  [/usr/share/pocketsphinx/model/en-us/en-us]=pocketsphinx-en-us
  [/usr/lib/$(uname -m)-linux-gnu/libz3.so.4]=libz3-4
  [node]=nodejs
  [npm]=npm
  [/usr/share/pocketsphinx/test/data/librivox/transcription]=pocketsphinx-testdata
)

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The MCP Inspector CLI (npm @modelcontextprotocol/inspector, pinned with its lock file) into tests/mcp-inspector,
# for the MCP server tests; npm ci installs exactly the locked versions from the configured registry.
install_mcp_inspector() {
  local folder="$root/tests/mcp-inspector"
  if [[ -f "$folder/node_modules/@modelcontextprotocol/inspector/package.json" && "$folder/node_modules/.package-lock.json" -nt "$folder/package-lock.json" ]]; then
    echo "test dependencies: MCP Inspector present"
    return
  fi

  echo "test dependencies: installing the MCP Inspector (npm ci in tests/mcp-inspector)"
  npm ci --prefix "$folder" --no-audit --no-fund --prefer-offline --loglevel=error
}

missing=()
for probe in "${!need[@]}"; do
  if [[ "$probe" == /* ]]; then
    [[ -e "$probe" ]] || missing+=("${need[$probe]}")
  else
    command -v "$probe" >/dev/null 2>&1 || missing+=("${need[$probe]}")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "test dependencies: all present"
else
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  echo "test dependencies: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The postgresql package starts a cluster service; tests run their own private servers, so stop it if it started.
  if command -v pg_ctlcluster >/dev/null 2>&1; then $sudo service postgresql stop >/dev/null 2>&1 || true; fi
  echo "test dependencies: done"
fi

install_mcp_inspector

# The gRPC client tests run tests/grpc-js with node: install its packages from the lock file, again only when the lock
# file changed since the last install (the stamp is a copy of the lock file that was installed).
grpc_js="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/grpc-js"
if cmp -s "$grpc_js/package-lock.json" "$grpc_js/node_modules/.installed-package-lock.json"; then
  echo "test dependencies: tests/grpc-js packages present"
else
  echo "test dependencies: npm ci in tests/grpc-js"
  (cd "$grpc_js" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$grpc_js/package-lock.json" "$grpc_js/node_modules/.installed-package-lock.json"
fi
