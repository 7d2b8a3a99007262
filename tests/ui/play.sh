#!/usr/bin/env bash
# Play in tmux, on the real clock: > starts, + and - change the speed,
# Space pauses and goes on, any other key stops (and does nothing else),
# play stops at the end of the crisis window; at 80x24 and 200x60, in
# English and in Chinese. While paused the program sleeps.
set -u
. "$(dirname "$0")/../lib.sh"

# goto WHEN: types ":WHEN" and Enter, once the prompt (in play_in's $lang)
# is up.
goto() {
	keys :
	wait_for "$([ "${lang:-en}" = zh ] && echo 跳转到： || echo "Go to:")" 5 \
		>/dev/null
	type_text "$1"
	keys Enter
}

status() { screen | tail -1; }

# The instant on the status line while playing, in minutes from the
# start of the month: "Fri 17 12:00" or "17日（五） 12:00".
instant() {
	status | python3 -c '
import re, sys
m = re.search(r"(\d+)(?: |日（.） )(\d\d):(\d\d)", sys.stdin.read())
print(int(m.group(1)) * 1440 + int(m.group(2)) * 60 + int(m.group(3)) if m else -1)'
}

# The position "14/51" on the status line.
position() { status | grep -oE '[0-9]+/51' | head -1; }

# CPU time (clock ticks) the explorer has used so far.
cpu_ticks() {
	local pane pid
	pane=$(tmux -L "$TMUX_SOCK" display-message -p -t t '#{pane_pid}')
	pid=$(ps -o pid= --ppid "$pane" | head -1 | tr -d ' ')
	awk '{print $14 + $15}' "/proc/$pid/stat"
}

play_in() {
	local cols=$1 rows=$2 lang=$3 t1 t2 c1 c2 p
	local at="$cols"x"$rows $lang"
	local play="▶ 1h/s" faster="▶ 2h/s" slower="▶ 30m/s"
	local paused="‖ 30m/s paused" stopped="stopped at"
	local ended="played to the end of the crisis window"
	if [ "$lang" = zh ]; then
		play="▶ 1小时/秒" faster="▶ 2小时/秒" slower="▶ 30分/秒"
		paused="‖ 30分/秒 暂停" stopped="已停止于"
		ended="已播放到危机时间窗口的结束"
		start "$cols" "$rows" -- --lang zh
	else
		start "$cols" "$rows"
	fi
	wait_for "13/51" >/dev/null
	goto "Nov 17 12:00"
	wait_for "→" 5 >/dev/null
	keys '>'
	expect "$play" "$at: > plays at an hour a second"
	t1=$(instant)
	sleep 1.5
	t2=$(instant)
	[ "$t1" -ge 0 ] && [ $((t2 - t1)) -ge 30 ]
	ok $? "$at: the instant moves on ($t1 then $t2)"
	keys +
	expect "$faster" "$at: + plays twice as fast"
	keys - -
	expect "$slower" "$at: - - plays at a quarter of that"
	keys Space
	expect "$paused" "$at: Space pauses"
	sleep 0.3
	t1=$(instant)
	c1=$(cpu_ticks)
	sleep 1.5
	t2=$(instant)
	c2=$(cpu_ticks)
	[ "$t1" -ge 0 ] && [ "$t1" -eq "$t2" ]
	ok $? "$at: paused, the instant stays ($t1, $t2)"
	if [ -z "${BOARDROOM_WRAP:-}" ]; then
		status | grep -qF "$paused" && [ $((c2 - c1)) -le 2 ]
		ok $? "$at: paused, it sleeps: $((c2 - c1)) ticks of CPU in 1.5 s"
	fi
	keys Space
	expect "$slower" "$at: Space goes on"
	keys Space
	wait_for "$paused" 5 >/dev/null
	p=$(position)
	keys j
	expect "$stopped" "$at: j stops play"
	refute "▶" "$at: the status line no longer plays"
	status | grep -qF "$stopped" && [ "$(position)" = "$p" ]
	ok $? "$at: and j did nothing else ($p, $(position))"
	keys j
	wait_gone "$stopped" 5 >/dev/null
	[ "$(position)" = "$((${p%/51} + 1))/51" ]
	ok $? "$at: the next j moves ($(position))"
	goto "Nov 21 21:00"
	wait_for "→" 5 >/dev/null
	keys + + + + + + + '>'
	expect "$ended" "$at: play stops at the end of the crisis window"
}

play_in 80 24 en
play_in 200 60 en
play_in 80 24 zh
play_in 200 60 zh

done_testing
