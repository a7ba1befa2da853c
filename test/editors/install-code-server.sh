#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, offline apart from the npm registry and
# Debian: Debian's chromium and ripgrep, and code-server 4.100.x (the newest for node 20) into
# .editors/code-server. code-server's ripgrep download is pre-seeded with Debian's rg.
set -euo pipefail
cd "$(dirname "$0")/../.."
PREFIX=.editors/code-server
[ -x "$PREFIX/node_modules/.bin/code-server" ] && [ -x /usr/bin/chromium ] && exit 0

need=()
for pkg in chromium ripgrep libkrb5-dev pkg-config build-essential; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# @vscode/ripgrep's postinstall downloads rg unless its cache already holds the archive.
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$archive" ]; then
  mkdir -p "$cache" "$cache/seed"
  cp /usr/bin/rg "$cache/seed/rg"
  tar -czf "$archive" -C "$cache/seed" rg
fi

mkdir -p "$PREFIX"
[ -f "$PREFIX/package.json" ] || echo '{"name":"kl-editors","private":true}' > "$PREFIX/package.json"
(cd "$PREFIX" && npm_config_yes=true npm_config_unsafe_perm=true npm install --no-audit --no-fund --foreground-scripts code-server@4.100.3 >/dev/null)
