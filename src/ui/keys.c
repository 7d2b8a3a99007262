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
	const char *id; /* "PAGE_DOWN": the config file's "page-down" */
} requests[REQ_COUNT] = {[REQ_NONE] = {GROUP_GENERAL, {0}, {NULL, NULL}, ""},
#define R(group, name, keys, en, zh)                                           \
	[REQ_##name] = {GROUP_##group, keys, {en, zh}, #name},
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

/* The keys the config file bound (keys_bind), ahead of the table's. */
static struct {
	int key;
	enum app_request req;
} bound[KEYS_MAX_BOUND];
static size_t n_bound;

static int bound_to(int key, enum app_request *req)
{
	size_t i;

	for (i = 0; i < n_bound; i++)
		if (bound[i].key == key) {
			*req = bound[i].req;
			return 1;
		}
	return 0;
}

int keys_bind(int key, enum app_request req)
{
	size_t i;

	for (i = 0; i < n_bound && bound[i].key != key; i++)
		;
	if (i == KEYS_MAX_BOUND)
		return -1;
	bound[i].key = key;
	bound[i].req = req;
	if (i == n_bound)
		n_bound++;
	return 0;
}

void keys_unbind_all(void)
{
	n_bound = 0;
}

enum app_request keys_find(const char *name)
{
	int r;

	for (r = 1; r < REQ_COUNT; r++) {
		const char *a = requests[r].id, *b = name;

		for (; *a && *b; a++, b++)
			if ((*a == '_' ? '-' : *a + ('a' - 'A')) != *b)
				break;
		if (!*a && !*b)
			return (enum app_request)r;
	}
	return REQ_NONE;
}

const char *keys_request_id(enum app_request req, char *buf, size_t len)
{
	size_t i;

	for (i = 0; requests[req].id[i] && i + 1 < len; i++) {
		char ch = requests[req].id[i];

		buf[i] = ch == '_' ? '-' : (char)(ch + ('a' - 'A'));
	}
	buf[i] = '\0';
	return buf;
}

enum app_request keys_request(int key)
{
	enum app_request req;
	int r;
	size_t k;

	if (bound_to(key, &req))
		return req;
	for (r = 1; r < REQ_COUNT; r++)
		for (k = 0;
		     k < BR_ARRAY_SIZE(requests[r].keys) && requests[r].keys[k];
		     k++)
			if (requests[r].keys[k] == key)
				return (enum app_request)r;
	return REQ_NONE;
}

enum app_request keys_request_in(int key, enum app_group group)
{
	enum app_request req;
	int r;
	size_t k;

	if (bound_to(key, &req))
		return requests[req].group == group ? req : REQ_NONE;
	for (r = 1; r < REQ_COUNT; r++)
		for (k = 0;
		     requests[r].group == group &&
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
		[GROUP_PLAYING] = "Playing",
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

static size_t add_name(char *buf, size_t len, size_t n, int key)
{
	char one[8];

	n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? " " : "",
			      keys_name(key, one, sizeof(one)));
	return n >= len ? len - 1 : n;
}

/* The bound keys first, then the table's that no binding took. */
size_t keys_of(enum app_request req, char *buf, size_t len)
{
	enum app_request other;
	size_t k, n = 0;

	buf[0] = '\0';
	for (k = 0; k < n_bound && n + 1 < len; k++)
		if (bound[k].req == req)
			n = add_name(buf, len, n, bound[k].key);
	for (k = 0; k < BR_ARRAY_SIZE(requests[req].keys) &&
		    requests[req].keys[k] && n + 1 < len;
	     k++)
		if (!bound_to(requests[req].keys[k], &other))
			n = add_name(buf, len, n, requests[req].keys[k]);
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
