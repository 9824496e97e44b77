#!/bin/sh
# Installs the npm dotenv package the exporter round-trip tests read .env files with, into
# <build dir>/node-readers (found by the tests through SECRETDESK_NODE_READERS). Quick when present.
set -eu
builddir="${1:?usage: exporters.sh BUILD_DIR}"
prefix="$builddir/node-readers"
if [ -f "$prefix/node_modules/dotenv/package.json" ] &&
    node -e 'process.exit(require(process.argv[1]).version.startsWith("17.") ? 0 : 1)' \
        "$prefix/node_modules/dotenv/package.json" 2>/dev/null; then
    exit 0
fi
mkdir -p "$prefix"
npm install --prefix "$prefix" dotenv@17 --no-audit --no-fund --no-save --loglevel=error
