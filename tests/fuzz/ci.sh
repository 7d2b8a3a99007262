#!/usr/bin/env bash
# tests/fuzz/ci.sh TARGET [SECONDS]: one libFuzzer target for a short
# budget (default 20 s), from its seed corpus, as a meson test. New inputs
# go to a scratch folder, so the committed corpus is only read; an input
# that crashes is saved in tests/fuzz/crashes/TARGET/ and fails the test.
set -euo pipefail
t=$1
secs=${2:-${FUZZ_SECONDS:-20}}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/crashes/$t"
exec "$FUZZ_BUILD/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=10 \
	-rss_limit_mb=2048 -print_final_stats=1 \
	-artifact_prefix="$here/crashes/$t/" "$work" "$here/corpus/$t"
