#!/usr/bin/env bash
# The comparison in the explorer, driven in tmux: c marks a moment, :
# moves, C compares; the body scrolls to its end with nothing cut; j k
# and G select an event, Enter opens it and q comes back; Esc leaves. At
# 80x24 and 200x60, in English and in Chinese.
set -u
. "$(dirname "$0")/../lib.sh"

# goto WHEN: types ":WHEN" and Enter.
goto() {
	keys :
	wait_for ":" 5 >/dev/null
	type_text "$1"
	keys Enter
}

# whole: every row of the body, scrolled through with PgDn to its end,
# into $all (the screens one after the other).
all=$(mktemp)
trap 'rm -f "$all"; cleanup_tmux' EXIT
whole() {
	local i
	: >"$all"
	for i in $(seq 1 12); do
		screen >>"$all"
		grep -qF "$1" "$SCREEN_FILE" || break
		keys PgDn
		sleep 0.3
	done
}

# run COLS ROWS LANG: the whole round at one size in one language.
run() {
	local cols=$1 rows=$2 lang=$3 at="${1}x$2 $3"
	local title marked ceo gap vacated filled kept moved sutskever events
	local detail down more shear sutskever_name vote
	if [ "$lang" = zh ]; then
		title=" boardroom · 对比 ·"
		marked="已标记时刻"
		ceo="CEO：萨姆·阿尔特曼 → 萨姆·阿尔特曼"
		gap="（无CEO）"
		vacated="空出（5席）：萨姆·阿尔特曼、伊利亚·苏茨克维、格雷格·布罗克曼、另外两名外部董事（2席）"
		filled="补上（2席）：布雷特·泰勒（主席）、拉里·萨默斯"
		kept="留任（1席）：亚当·德安杰洛"
		moved="立场变化：14"
		sutskever="主線#16  立场 两边都不站 → 支持阿尔特曼回归"
		events="其间的事件：36条"
		detail=" boardroom · 事件 ·"
		down="↓ 第"
		more="共 36 条"
		shear="埃米特·希尔（首席执行官）"
		vote="董事会投票（赞成:反对）：- → 4:2（已过去：11月17日（五） 12:00-12:23）"
		sutskever_name="伊利亚·苏茨克维："
		start "$cols" "$rows" -- --lang zh
	else
		title=" boardroom · Compare ·"
		marked="moment marked"
		ceo="CEO: Sam Altman → Sam Altman"
		gap="(no CEO)"
		vacated="Vacated (5): Sam Altman, Ilya Sutskever, Greg Brockman, The two other outside directors (2 seats)"
		filled="Filled (2): Bret Taylor (chair), Larry Summers"
		kept="Kept (1): Adam D'Angelo"
		moved="Moved: 14"
		sutskever="主線#16  stance neither → For Altman's return"
		events="Events in between: 36"
		detail=" boardroom · Event ·"
		down="↓ rows"
		more="of 36"
		shear="Emmett Shear (CEO)"
		vote="Board vote (for:against): - → 4:2 (past: Fri Nov 17 12:00-12:23)"
		sutskever_name="Ilya Sutskever:"
		start "$cols" "$rows"
	fi
	# The first screen is drawn: the position on the status line.
	wait_for "13/51" 10 >/dev/null
	keys C
	expect "$([ "$lang" = zh ] && echo 尚未标记时刻 || echo "no moment marked")" \
		"$at: C with no moment marked says so"
	goto "Nov 17 11:00"
	# It is there: Nov 17 11:00 is the 15th of 51.
	wait_for "15/51" 5 >/dev/null
	keys c
	expect "$marked" "$at: c marks the moment"
	goto "Nov 21 23:00"
	sleep 0.3
	keys C
	expect "$title" "$at: C opens the comparison"
	expect "$ceo" "$at: Altman CEO at both ends"
	expect "$gap" "$at: the stretch without a CEO"
	if [ "$rows" -lt 60 ]; then
		expect "$down" "$at: a body taller than the screen says so"
	else
		# Wide: the movers in a column of their own, all on one screen.
		expect "│   $sutskever_name" "$at: the movers have a column"
		refute "$down" "$at: the whole comparison fits on the screen"
	fi
	whole "$down"
	# The rows as one text: a wrapped row is joined back for the check.
	joined=$(sed 's/^ *//' "$all" | tr -d '\n')
	found() { case "$joined" in *"$(echo "$1" | tr -d ' ')"*) return 0 ;; esac; return 1; }
	joined=$(echo "$joined" | tr -d ' ')
	for want in "$vacated" "$filled" "$kept" "$moved" "$sutskever" \
		"$events" "$more" "$shear" "$vote"; do
		found "$want"
		ok $? "$at: scrolled to its end, the body has: $want"
	done
	grep -q "…" "$all"
	[ $? -ne 0 ]
	ok $? "$at: nothing cut with an ellipsis"
	# j j Enter: the third event in between, in full; q comes back.
	keys g
	sleep 0.2
	keys j j Enter
	expect "主線#03 ·" "$at: j j Enter opens the third event between"
	expect "$detail" "$at: the event's screen"
	keys q
	expect "$title" "$at: q comes back to the comparison"
	keys G Enter
	expect "主線#21 ·" "$at: G Enter opens the last event between"
	keys q
	expect "$title" "$at: and back again"
	keys Escape
	expect "$([ "$lang" = zh ] && echo "时间线 │" || echo "TIMELINE │")" \
		"$at: Esc goes back to the timeline"
}

run 80 24 en
run 80 24 zh
run 200 60 en
run 200 60 zh

done_testing
