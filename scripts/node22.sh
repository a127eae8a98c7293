#!/usr/bin/env bash
# Prints a directory holding a `node` of version 22 or newer (docs/development.md, "Node.js versions"):
# the one on PATH when it is new enough, else Node 24 from the npm registry's `node` package, installed once into
# .tools/node24 of this repository (about 130 MB; the package ships the official binary for this platform).
# Use: PATH="$(bash scripts/node22.sh):$PATH" <command>
set -euo pipefail
cd "$(dirname "$0")/.."
major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if command -v node >/dev/null 2>&1 && [ "$(major node)" -ge 22 ]; then
  dirname "$(command -v node)"
  exit 0
fi
dir=.tools/node24
bin="$dir/node_modules/node/bin"
if [ ! -x "$bin/node" ] || [ "$(major "$bin/node")" -lt 22 ]; then
  echo "node $(node --version 2>/dev/null || echo missing) is older than 22: installing node@24 from the npm registry into $dir" >&2
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{ "private": true }' > "$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error node@24 >&2
fi
[ -x "$bin/node" ] || { echo "could not install node@24 into $dir" >&2; exit 1; }
echo "$PWD/$bin"
