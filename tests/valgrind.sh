#!/bin/sh
# The exe_wrapper of meson test --setup valgrind (meson.build):
#   tests/valgrind.sh BUILD_ROOT TEST [ARGS...]
# A test program built under BUILD_ROOT (test_scan, test_app...) runs
# under $BOARDROOM_WRAP, the valgrind command the setup puts in the
# environment. A test script (tests/cli/*.sh, tests/ui/*.sh, the python
# checks) runs as it is: every run of boardroom it makes goes behind
# BOARDROOM_WRAP already (tests/lib.sh), and valgrind on bash or python
# would check only their memory, at a high price (each fork under
# valgrind costs a tenth of a second or more, and a script forks for
# every screen it polls).
build_root=$1
shift
case $1 in
"$build_root"/*)
	# shellcheck disable=SC2086
	exec $BOARDROOM_WRAP "$@"
	;;
esac
exec "$@"
