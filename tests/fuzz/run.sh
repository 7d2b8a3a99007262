#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS]: builds the libFuzzer targets in build-fuzz/
# (clang, -Dfuzz=true, AddressSanitizer + UndefinedBehaviorSanitizer) and
# runs each for SECONDS (default 60) on a copy of its seed corpus in
# tests/fuzz/corpus/TARGET. Prints the executions and crashes of each; an
# input that crashes is saved as tests/fuzz/crashes/TARGET/crash-*. Exits 1
# if any target crashed.
set -euo pipefail

secs=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$root/build-fuzz

if [ ! -f "$build/build.ninja" ]; then
	CC=clang meson setup "$build" "$root" -Dfuzz=true \
		-Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
targets=()
for src in "$here"/fuzz_*.c; do
	t=$(basename "$src" .c)
	targets+=("${t#fuzz_}")
done
ninja -C "$build" "${targets[@]/#/tests/fuzz/fuzz_}" >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1

failed=0
printf '%-8s %12s %8s %8s  %s\n' target executions seconds crashes saved
for t in "${targets[@]}"; do
	mkdir -p "$work/$t" "$here/crashes/$t"
	cp "$here/corpus/$t"/* "$work/$t/" 2>/dev/null || true
	touch "$work/$t.start"
	start=$SECONDS
	rc=0
	"$build/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$here/crashes/$t/" "$work/$t" \
		>"$work/$t.log" 2>&1 || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
		"$work/$t.log" | tail -1)
	saved=$(find "$here/crashes/$t" -type f -newer "$work/$t.start")
	crashes=$(printf '%s' "$saved" | grep -c . || true)
	if [ "$rc" -ne 0 ]; then
		failed=1
		[ "$crashes" -gt 0 ] || crashes=1
	fi
	printf '%-8s %12s %8s %8s  %s\n' "$t" "${execs:-?}" \
		$((SECONDS - start)) "$crashes" "${saved//"$root"\//}"
	if [ "$rc" -ne 0 ]; then
		grep -E 'ERROR|SUMMARY|invariant|failed for|\.\./(src|tests)/' \
			"$work/$t.log" | head -20 | sed 's/^/    /'
	fi
done
exit $failed
