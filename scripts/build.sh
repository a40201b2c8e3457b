#!/usr/bin/env bash
# The main job: set up, build the knowledge graph of every annotation in
# graph/, and write its interactive page (graph/diplograph.html).
set -euo pipefail
cd "$(dirname "$0")/.."
DIPLOGRAPH_SKIP_APT=1 bash scripts/setup.sh
.venv/bin/diplograph build
.venv/bin/diplograph view -o graph/diplograph.html
