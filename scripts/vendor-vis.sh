#!/usr/bin/env bash
# Refresh the vis.js files the page inlines (src/diplograph/view/vendor/), from the npm registry with
# `npm pack` (a developer's step: nothing is fetched when a page is built or opened). Each library keeps its
# minified standalone build, its licence files and a VERSION file (name, version and the package's integrity).
#   bash scripts/vendor-vis.sh [vis-network@VERSION] [vis-timeline@VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."
network="${1:-vis-network@10.1.5}"
timeline="${2:-vis-timeline@8.5.4}"
vendor=src/diplograph/view/vendor
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() {  # fetch SPEC DEST BUILD LICENCE...
  local spec="$1" dest="$2" build="$3"; shift 3
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
  local tgz; tgz="$(ls "$work"/*.tgz)"
  mkdir -p "$work/x" && tar xzf "$tgz" -C "$work/x"
  rm -rf "${vendor:?}/$dest" && mkdir -p "$vendor/$dest"
  cp "$work/x/package/$build" "$vendor/$dest/"
  for licence in "$@"; do cp "$work/x/package/$licence" "$vendor/$dest/"; done
  local version integrity
  version="$(node -p "require('$work/x/package/package.json').version")"
  integrity="$(npm view "$spec" dist.integrity)"
  printf '%s\n%s\n%s\n' "${spec%@*}" "$version" "$integrity" > "$vendor/$dest/VERSION"
  rm -rf "$work/x" "$tgz"
  echo "vendored ${spec%@*} $version into $vendor/$dest"
}

fetch "$network" vis-network standalone/umd/vis-network.min.js LICENSE-APACHE-2.0 LICENSE-MIT
fetch "$timeline" vis-timeline standalone/umd/vis-timeline-graph2d.min.js LICENSE.md LICENSE.Apache-2.0.txt LICENSE.MIT.txt
