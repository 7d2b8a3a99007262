#include "ui/keys.h"

#include <stdio.h>
#include <string.h>

#include "boardroom/base.h"
#include "boardroom/text.h"

#define KEYS(...)                                                              \
	{                                                                      \
		__VA_ARGS__                                                    \
	}

static const struct request_def {
	enum app_group group;
	int keys[3]; /* 0 after the last */
	const char *help[2];
} requests[REQ_COUNT] = {[REQ_NONE] = {GROUP_GENERAL, {0}, {NULL, NULL}},
#define R(group, name, keys, en, zh)                                           \
	[REQ_##name] = {GROUP_##group, keys, {en, zh}},
			 APP_REQUESTS(R)
#undef R
};

/* The keys with a name of their own; alias is the tmux spelling replay
 * scripts use as well. */
static const struct {
	int key;
	const char *name, *alias;
} names[] = {
	{APP_KEY_UP, "↑", "Up"},
	{APP_KEY_DOWN, "↓", "Down"},
	{APP_KEY_LEFT, "←", "Left"},
	{APP_KEY_RIGHT, "→", "Right"},
	{APP_KEY_PGUP, "PgUp", NULL},
	{APP_KEY_PGDN, "PgDn", NULL},
	{APP_KEY_HOME, "Home", NULL},
	{APP_KEY_END, "End", NULL},
	{APP_KEY_ENTER, "Enter", NULL},
	{APP_KEY_ESC, "Esc", "Escape"},
	{APP_KEY_BACKSPACE, "Backspace", "BSpace"},
	{APP_KEY_TAB, "Tab", NULL},
	{APP_KEY_BTAB, "Shift-Tab", "BTab"},
	{APP_KEY_DELETE, "Delete", "DC"},
	{APP_KEY_CTRL_L, "Ctrl-L", "C-l"},
	{APP_KEY_CTRL_U, "Ctrl-U", "C-u"},
	{APP_KEY_CTRL_N, "Ctrl-N", "C-n"},
	{APP_KEY_CTRL_P, "Ctrl-P", "C-p"},
	{APP_KEY_CTRL_S, "Ctrl-S", "C-s"},
	{APP_KEY_CTRL_F, "Ctrl-F", "C-f"},
	{APP_KEY_CTRL_B, "Ctrl-B", "C-b"},
	{APP_KEY_CTRL_D, "Ctrl-D", "C-d"},
	{APP_KEY_CTRL_E, "Ctrl-E", "C-e"},
	{APP_KEY_CTRL_Y, "Ctrl-Y", "C-y"},
	{' ', "Space", NULL},
};

enum app_request keys_request(int key)
{
	int r;
	size_t k;

	for (r = 1; r < REQ_COUNT; r++)
		for (k = 0;
		     k < BR_ARRAY_SIZE(requests[r].keys) && requests[r].keys[k];
		     k++)
			if (requests[r].keys[k] == key)
				return (enum app_request)r;
	return REQ_NONE;
}

enum app_group keys_group(enum app_request req)
{
	return requests[req].group;
}

const char *keys_group_name(enum app_group group)
{
	static const char *const group_names[GROUP_COUNT] = {
		[GROUP_MOVING] = "Moving",
		[GROUP_JUMPING] = "Jumping",
		[GROUP_SEARCHING] = "Searching",
		[GROUP_VIEWS] = "Views",
		[GROUP_FILTERS] = "Filters",
		[GROUP_SHOWING] = "Showing",
		[GROUP_MARKS] = "Bookmarks and notes",
		[GROUP_GENERAL] = "General",
	};

	return group < GROUP_COUNT ? group_names[group] : "";
}

const char *keys_help(enum app_request req, int zh)
{
	return requests[req].help[zh ? 1 : 0];
}

const char *keys_name(int key, char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < BR_ARRAY_SIZE(names); i++)
		if (names[i].key == key)
			return names[i].name;
	snprintf(buf, len, "%c", key);
	return buf;
}

size_t keys_of(enum app_request req, char *buf, size_t len)
{
	size_t k, n = 0;
	char one[8];

	buf[0] = '\0';
	for (k = 0; k < BR_ARRAY_SIZE(requests[req].keys) &&
		    requests[req].keys[k] && n + 1 < len;
	     k++) {
		n += (size_t)snprintf(
			buf + n, len - n, "%s%s", n ? " " : "",
			keys_name(requests[req].keys[k], one, sizeof(one)));
		if (n >= len)
			n = len - 1;
	}
	return n;
}

int keys_parse(const char *word)
{
	size_t i, len = strlen(word);
	int32_t cp;
	int one = br_text_decode(word, len, &cp) == (int)len && cp > 0;

	for (i = 0; i < BR_ARRAY_SIZE(names); i++) {
		/* A name that is one character ("↑") stays that character:
		 * a script types it. */
		if (!one && !strcmp(word, names[i].name))
			return names[i].key;
		if (names[i].alias && !strcmp(word, names[i].alias))
			return names[i].key;
	}
	return one ? cp : 0;
}
