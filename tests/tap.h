/* tap: a tiny Test Anything Protocol producer for the C tests.
 * Include it in exactly one file per test program. */
#ifndef BOARDROOM_TAP_H
#define BOARDROOM_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

/* ok() and diag() pass their callers' formats on (-Wformat=2 under clang). */
#ifdef __clang__
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wformat-nonliteral"
#endif

static void tap_vok(int cond, const char *fmt, va_list ap)
{
	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_count);
	vprintf(fmt, ap);
	putchar('\n');
}

/* Records one test; returns cond so callers can print a diagnosis. */
static int ok(int cond, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vok(cond, fmt, ap);
	va_end(ap);
	return cond;
}

/* A diagnostic line, shown by meson in the test log. */
static void diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

#ifdef __clang__
#pragma clang diagnostic pop
#endif

#define is_str(got, want, ...)                                                 \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		if (!ok(g_ && w_ && !strcmp(g_, w_), __VA_ARGS__))             \
			diag("got '%s', want '%s'", g_ ? g_ : "(null)",        \
			     w_ ? w_ : "(null)");                              \
	} while (0)

#define is_int(got, want, ...)                                                 \
	do {                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);       \
		if (!ok(g_ == w_, __VA_ARGS__))                                \
			diag("got %lld, want %lld", g_, w_);                   \
	} while (0)

/* Prints the plan and returns the exit status. */
static int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
