#!/usr/bin/env bash
# events --format timelinejs rendered by TimelineJS 3 in headless Chromium:
# one slide per event and the title's, no console error, the groups in
# the language asked for, each end date shown once, newlines as line
# breaks. Needs Debian's chromium and fonts-wqy-zenhei and npm's
# @knight-lab/timelinejs (tools/dev deps installs them, the last into
# ~/.cache/boardroom/timelinejs; TIMELINEJS_DIST names another dist/).
set -u
. "$(dirname "$0")/../lib.sh"

DIST=${TIMELINEJS_DIST:-${XDG_CACHE_HOME:-$HOME/.cache}/boardroom/timelinejs/node_modules/@knight-lab/timelinejs/dist}
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ] || [ ! -f "$DIST/js/timeline.js" ]; then
	echo "1..0 # SKIP needs chromium and TimelineJS in $DIST (tools/dev deps)"
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT

# render JSON NAME LANGUAGE: NAME.dom is the page after TimelineJS drew it,
# with every error and console.error in #errors; NAME.log is Chromium's.
render() {
	{
		cat <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://$DIST/css/timeline.css">
<script>
var errors = [];
window.addEventListener("error", function (e) { errors.push(String(e.message)); });
var consoleError = console.error;
console.error = function () {
	errors.push(Array.prototype.join.call(arguments, " "));
	consoleError.apply(console, arguments);
};
</script>
<script src="file://$DIST/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width: 1280px; height: 700px"></div>
<pre id="errors"></pre>
<script>
var data =
HTML
		cat "$1"
		cat <<HTML
;
try {
	new TL.Timeline("timeline-embed", data,
		{script_path: "file://$DIST/js/", language: "$3"});
} catch (e) {
	errors.push(String(e));
}
setTimeout(function () {
	document.getElementById("errors").textContent =
		"ERRORS{" + errors.join(" | ") + "}";
}, 3000);
</script></body></html>
HTML
	} >"$work/$2.html"
	# A fresh profile each time: nothing is shared between runs.
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--user-data-dir="$work/profile-$2" --allow-file-access-from-files \
		--virtual-time-budget=8000 --enable-logging=stderr --v=0 \
		--dump-dom "$work/$2.html" >"$work/$2.dom" 2>"$work/$2.log"
}

# check NAME EVENTS: the page drew a slide per event and the title's and
# reported no error.
check() {
	local slides errs
	slides=$(grep -o 'class="tl-slide[ "]' "$work/$1.dom" | wc -l)
	errs=$(grep -o 'id="errors">ERRORS{[^}]*}' "$work/$1.dom")
	errs=${errs#*>}
	[ "$slides" -eq $(($2 + 1)) ]
	ok $? "$1: TimelineJS drew $slides slides for $2 events"
	[ "$errs" = "ERRORS{}" ] && ! grep -q 'Uncaught' "$work/$1.log"
	ok $? "$1: no error in the console (${errs:-no report: the page did not run})"
}

"$BOARDROOM" events --format timelinejs >"$work/en.json"
render "$work/en.json" en en
check en 51
grep -o 'tl-headline-date">[^<]*<' "$work/en.dom" >"$work/en.dates"
grep -qF 'Thu Nov 16 2023, evening — Thu Nov 16 2023, night<' "$work/en.dates" &&
	! grep -qE '>([^<]*) — \1<' "$work/en.dates"
ok $? "en: an interval shows its start and its end once each"

"$BOARDROOM" events --format timelinejs --lang zh >"$work/zh.json"
render "$work/zh.json" zh zh-cn
check zh 51
[ "$(grep -o 'tl-timegroup-message">[^<]*<' "$work/zh.dom" | sort -u | tr -d '\n')" = \
	'tl-timegroup-message">主线<tl-timegroup-message">背景<tl-timegroup-message">花絮<' ]
ok $? "zh: the groups are 主线, 花絮 and 背景"

# A text with newlines and markup: line breaks, and the markup as text.
"$BOARDROOM" events --format json --limit 1 | python3 -c '
import json, sys
e = json.load(sys.stdin)[0]
e["marker"] = "x#1"
e["title"] = {"en": "<b>not bold</b>", "zh": ""}
e["summary"] = {"en": "first line\nsecond line", "zh": ""}
json.dump([e], sys.stdout)' >"$work/odd.json"
"$BOARDROOM" import "$work/odd.json" --into "$work/odd.db" >/dev/null 2>&1
"$BOARDROOM" events --db "$work/odd.db" --format timelinejs >"$work/odd-tl.json"
render "$work/odd-tl.json" odd en
check odd 1
grep -q 'first line<br>second line' "$work/odd.dom" &&
	grep -qF '&lt;b&gt;not bold&lt;/b&gt;' "$work/odd.dom" &&
	! grep -q '<b>not bold' "$work/odd.dom"
ok $? "odd: a newline is a line break, markup in a title stays text"

done_testing
