#!/usr/bin/env bash
# The config file: where it is looked for, each setting taking effect
# (lang, zone and db in the commands' output; ruler and bind in replay;
# color in the explorer in tmux), a bad line's message, --no-config and
# the order: options over the file over the defaults.
set -u
. "$(dirname "$0")/../lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_tmux' EXIT
unset BOARDROOM_CONFIG
export XDG_CONFIG_HOME="$work/xdg" HOME="$work/home"
mkdir -p "$XDG_CONFIG_HOME/boardroom" "$HOME/.config/boardroom"
cfg="$XDG_CONFIG_HOME/boardroom/config"

first_event() { "$BOARDROOM" events --limit 1 "$@" 2>"$work/err"; }

# lang and zone
printf 'set lang = zh\nset zone = Beijing\n' >"$cfg"
first_event --search Sutskever | grep -q '苏茨克维'
ok $? "set lang = zh: Chinese titles"
"$BOARDROOM" goto 'Nov 17 12:00' --no-config --tz Beijing >"$work/want"
"$BOARDROOM" goto 'Nov 17 12:00' --lang en >"$work/got"
cmp -s "$work/want" "$work/got" && grep -q '+08:00' "$work/got"
ok $? "set zone = Beijing: times in Beijing"
[ ! -s "$work/err" ]
ok $? "a good file says nothing"

# options over the file
first_event --search Sutskever --lang en | grep -q 'Sutskever'
ok $? "--lang en overrides set lang = zh"
"$BOARDROOM" goto 'Nov 17 12:00' --tz UTC | grep -q 'T12:00:00+00:00'
ok $? "--tz UTC overrides set zone"
"$BOARDROOM" config --lang en >"$work/out"
grep -q '^set lang = en.*# option --lang$' "$work/out" &&
	grep -q "^set zone = Beijing.*# $cfg:2\$" "$work/out"
ok $? "config: each setting with its source (option, file:line)"

# What config prints reads back as a config file, comments and all.
printf 'set lang = zh  # Chinese\nset ruler = all\t# and a tab\nbind x down\n' >"$cfg"
"$BOARDROOM" config --tz UTC >"$work/printed" 2>"$work/err"
"$BOARDROOM" --config "$work/printed" config >"$work/again" 2>>"$work/err"
[ ! -s "$work/err" ] &&
	grep -q '^set lang = zh.*printed:2$' "$work/again" &&
	grep -q '^set zone = UTC.*printed:3$' "$work/again" &&
	grep -q '^set ruler = all.*printed:4$' "$work/again" &&
	grep -q '^bind x down.*printed:6$' "$work/again"
ok $? "what config prints is a config file (comments after a blank)"
cat "$work/err" | sed 's/^/# /'
printf 'set zone = Beijing\n' >"$cfg"

# --no-config, BOARDROOM_CONFIG, --config, ~/.config
first_event --no-config --search Sutskever | grep -q 'Sutskever'
ok $? "--no-config reads no file"
"$BOARDROOM" config --no-config | grep -q '^# set lang: en.*# default$'
ok $? "config --no-config: the defaults"
printf 'set lang = en\n' >"$work/other"
BOARDROOM_CONFIG="$work/other" first_event --search Sutskever |
	grep -q 'Sutskever'
ok $? "BOARDROOM_CONFIG names the file"
BOARDROOM_CONFIG="$work/other" "$BOARDROOM" config |
	grep -q "environment BOARDROOM_CONFIG"
ok $? "config says the file came from BOARDROOM_CONFIG"
"$BOARDROOM" --config "$work/other" config | grep -q "^set lang = en.*# $work/other:1"
ok $? "--config FILE names the file"
fails "$work/missing" --config "$work/missing" events
printf 'set lang = zh\n' >"$HOME/.config/boardroom/config"
XDG_CONFIG_HOME= first_event --search Sutskever --no-config | grep -q Sutskever &&
	XDG_CONFIG_HOME= first_event --search Sutskever | grep -q '苏茨克维'
ok $? "without XDG_CONFIG_HOME: ~/.config/boardroom/config"

# db
"$BOARDROOM" gen --events 30 --people 20 --into "$work/gen.db" >/dev/null 2>&1
printf 'set db = %s\n' "$work/gen.db" >"$cfg"
n=$("$BOARDROOM" events | wc -l)
[ "$n" -eq 30 ]
ok $? "set db = PATH: the events of that database ($n)"
printf 'set db = ~/gen.db\n' >"$cfg"
cp "$work/gen.db" "$HOME/gen.db"
n=$("$BOARDROOM" events | wc -l)
[ "$n" -eq 30 ]
ok $? "set db = ~/PATH is in HOME"
n=$("$BOARDROOM" events --db "$work/gen.db" --limit 3 | wc -l)
[ "$n" -eq 3 ]
ok $? "--db overrides set db"

# bad lines: file:line: what, and the rest still applies
printf 'set lang = zh\nset lang = fr\nfrobnicate\nset db = %s/none.db\ncolor safety purple default\nbind j nowhere\nset zone\n' "$work" >"$cfg"
first_event --search Sutskever >"$work/out"
grep -q '苏茨克维' "$work/out"
ok $? "a bad line keeps the good ones"
grep -q "^boardroom: $cfg:2: unknown language" "$work/err" &&
	grep -q "^boardroom: $cfg:3: unknown command 'frobnicate'" "$work/err" &&
	grep -q "^boardroom: $cfg:4: db: $work/none.db: No such file" "$work/err" &&
	grep -q "^boardroom: $cfg:5: unknown colour 'purple'" "$work/err" &&
	grep -q "^boardroom: $cfg:6: unknown request 'nowhere'" "$work/err" &&
	grep -q "^boardroom: $cfg:7: 'set' needs NAME = VALUE" "$work/err"
ok $? "each bad line: file, line and what is wrong"
[ "$(wc -l <"$work/err")" -eq 6 ]
ok $? "one message a bad line"
"$BOARDROOM" config 2>/dev/null | grep -q '^# set db: the bundled dataset'
ok $? "a bad set db keeps the default"
printf '\xff\xfe\n' >"$cfg"
first_event >/dev/null && grep -q ":1: not UTF-8 text" "$work/err"
ok $? "a line that is not UTF-8"

# ruler and bind, through replay
printf 'dump\n' >"$work/dump.keys"
printf 'set ruler = all\n' >"$cfg"
"$BOARDROOM" replay --size 100x20 "$work/dump.keys" | sed -n 2p >"$work/out"
grep -q '2019' "$work/out" && ! grep -q 'Fri 17' "$work/out"
ok $? "set ruler = all: the ruler spans all time"
"$BOARDROOM" replay --no-config --size 100x20 "$work/dump.keys" | sed -n 2p |
	grep -q 'Fri 17'
ok $? "without it: the crisis days"
printf 'bind x down\nbind j up\n' >"$cfg"
printf 'keys G j j\ndump\n' >"$work/bind.keys"
"$BOARDROOM" replay --no-config --size 100x20 "$work/bind.keys" >"$work/plain"
printf 'keys G k k\ndump\n' >"$work/up.keys"
"$BOARDROOM" replay --no-config --size 100x20 "$work/up.keys" >"$work/want"
"$BOARDROOM" replay --size 100x20 "$work/bind.keys" >"$work/got"
cmp -s "$work/want" "$work/got" && ! cmp -s "$work/plain" "$work/got"
ok $? "bind j up: j moves up"
printf 'keys ?\ndump\n' >"$work/help.keys"
"$BOARDROOM" replay --size 100x40 "$work/help.keys" >"$work/out"
grep -qE '^ +x ↓( Ctrl-E)? +move down' "$work/out" && grep -qE '^ +j k ↑( Ctrl-Y)? +move up' "$work/out"
ok $? "help shows the bound keys"
"$BOARDROOM" config | grep -q "^bind j up.*# $cfg:2"
ok $? "config lists the bindings"

# color, in the explorer
if command -v tmux >/dev/null; then
	printf 'color title red green\n' >"$cfg"
	start 80 24 "XDG_CONFIG_HOME=$XDG_CONFIG_HOME" --
	wait_for "boardroom ·" >/dev/null
	tmux -L "$TMUX_SOCK" capture-pane -e -p -t t | head -1 >"$work/out"
	grep -q $'\e\\[31m\e\\[42m boardroom' "$work/out"
	ok $? "color title red green: the title bar in red on green"
	start 80 24 "XDG_CONFIG_HOME=$XDG_CONFIG_HOME" -- --no-config
	wait_for "boardroom ·" >/dev/null
	tmux -L "$TMUX_SOCK" capture-pane -e -p -t t | head -1 >"$work/out"
	grep -q $'\e\\[30m\e\\[47m boardroom' "$work/out"
	ok $? "--no-config: the title bar in its default colours"
else
	ok 0 "# SKIP no tmux"
fi

done_testing
