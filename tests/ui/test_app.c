/* The explorer's library without a terminal: keys go in as key codes on
 * the bundled dataset, and the screens are read back from the canvas.
 * Also checks the key table against help and the man page's KEYS.
 *
 * test_app --man prints the KEYS section the man page should have. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "boardroom/text.h"
#include "tap.h"
#include "ui/app.h"
#include "ui/canvas.h"
#include "ui/keys.h"

/* The bundled dataset as a database image (meson.build, tools/bake.c). */
extern const unsigned char br_bundled_image[];
extern const size_t br_bundled_image_len;

static struct br_db *db;
static struct br_zone pt;
static struct app app;
static struct br_canvas canvas;

/* Starts the explorer afresh on a rows x cols screen. */
static void start(int cols, int rows)
{
	app_done(&app);
	app_init(&app, db, BR_LANG_EN, &pt);
	br_canvas_resize(&canvas, rows, cols);
	app_resize(&app, rows, cols);
	app_render(&app, &canvas);
}

/* Each key, then a frame, as the terminal loop does. */
static void keys(const int *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		app_key(&app, k[i]);
		app_render(&app, &canvas);
	}
}
#define KEYS(...)                                                              \
	keys((const int[]){__VA_ARGS__},                                       \
	     sizeof((const int[]){__VA_ARGS__}) / sizeof(int))

static void type(const char *text)
{
	size_t n = strlen(text);

	while (n) {
		int32_t cp;
		int len = br_text_decode(text, n, &cp);

		app_key(&app, cp);
		app_render(&app, &canvas);
		text += len;
		n -= (size_t)len;
	}
}

static const char *row(int y)
{
	static char buf[4096];

	br_canvas_row(&canvas, y, buf, sizeof(buf));
	return buf;
}

/* The row of help listing keys then what they do, or -1. */
static int help_row(const char *keys_text, const char *what)
{
	char want[256];
	int y;

	snprintf(want, sizeof(want), "   %s", keys_text);
	for (y = 0; y < canvas.rows; y++)
		if (!strncmp(row(y), want, strlen(want)) &&
		    strstr(row(y), what))
			return y;
	return -1;
}

/* The first row holding text, or -1. */
static int find(const char *text)
{
	int y;

	for (y = 0; y < canvas.rows; y++)
		if (strstr(row(y), text))
			return y;
	return -1;
}

static int status_has(const char *text)
{
	if (strstr(row(canvas.rows - 1), text))
		return 1;
	diag("status line: %s", row(canvas.rows - 1));
	return 0;
}

/* The selected row of the list: the one drawn in the selection style. */
static const char *selected(void)
{
	int y;

	for (y = 0; y < canvas.rows - 1; y++)
		if (br_canvas_cell(&canvas, y, 2)->style == BR_ST_SELECTED)
			return row(y);
	return "";
}

static int selected_has(const char *text)
{
	if (strstr(selected(), text))
		return 1;
	diag("selected: %s", selected());
	return 0;
}

static void moving(void)
{
	start(100, 30);
	ok(strstr(row(0), "boardroom · Timeline") != NULL,
	   "the timeline opens");
	ok(status_has("13/51"), "on the 13th of 51 events");
	ok(selected_has("Sutskever texts Altman"),
	   "the first entry of the main line is selected");
	KEYS('j');
	ok(status_has("14/51") && selected_has("Murati knew of the firing"),
	   "j moves down");
	KEYS('k');
	ok(status_has("13/51") && selected_has("Sutskever texts Altman"),
	   "k moves back");
	KEYS('G');
	ok(status_has("51/51"), "G goes to the last event");
	KEYS('g');
	ok(status_has(" 1/51"), "g goes to the first");
	KEYS(APP_KEY_PGDN);
	ok(!strstr(row(canvas.rows - 1), " 1/51"), "PgDn moves a page");
	KEYS(APP_KEY_PGUP);
	ok(status_has(" 1/51"), "PgUp moves back");
}

static void go_to(void)
{
	start(100, 30);
	KEYS(':');
	ok(status_has("Go to:"), ": opens the go-to prompt");
	type("T+48");
	KEYS(APP_KEY_ENTER);
	ok(status_has("→ Sun Nov 19 2023 12:03 PT"),
	   "the status line says where it went");
	ok(selected_has("Altman returns to headquarters"),
	   ": T+48 selects his visit to headquarters");
	KEYS(':');
	type("blorp");
	KEYS(APP_KEY_ENTER);
	ok(status_has("not understood: 'blorp'"), "a bad date is named");
}

static void search(void)
{
	start(100, 30);
	KEYS(':');
	type("Nov 17 12:00");
	KEYS(APP_KEY_ENTER, '/');
	type("公开信");
	ok(status_has("Search: 公开信"), "/ opens the search prompt");
	ok(selected_has("Murati starts a letter"),
	   "typing jumps to the first match");
	KEYS(APP_KEY_ENTER);
	ok(strstr(row(0), "/公开信") != NULL,
	   "Enter keeps the search, shown on the title bar");
	KEYS('n');
	ok(selected_has("743 staff sign the letter"), "n: the next match");
	KEYS('N');
	ok(selected_has("Murati starts a letter"), "N: the previous one");
	KEYS('/');
	type("zzqqxx");
	ok(status_has("no match for 'zzqqxx'"), "no match says so");
	KEYS(APP_KEY_ESC);
	ok(selected_has("Murati starts a letter") &&
		   !strstr(row(canvas.rows - 1), "Search:"),
	   "Esc cancels and puts the selection back");
}

static void split(void)
{
	start(100, 30);
	KEYS(':');
	type("Nov 20 evening");
	KEYS(APP_KEY_ENTER, 's');
	ok(strstr(row(0), "boardroom · Split") != NULL, "s opens the split");
	ok(find("CEO: ") > 0 && find("Board, ") > 0,
	   "the split shows the CEO and the board");
	ok(strstr(row(1), "As of Mon Nov 20 2023 18:00 PT (T+77:57)") != NULL,
	   "at the instant : named: %s", row(1));
	KEYS('j');
	ok(strstr(row(0), "Split") != NULL && find("As of ") == 1 &&
		   !strstr(row(1), "18:00 PT"),
	   "j moves the instant to the next event: %s", row(1));
	KEYS('q');
	ok(strstr(row(0), "Timeline") != NULL, "q goes back to the timeline");

	start(80, 24);
	KEYS(':');
	type("Nov 21 noon");
	KEYS(APP_KEY_ENTER, 's');
	ok(strstr(row(1), "As of Tue Nov 21 2023 12:00 PT (T+95:57)") &&
		   find("CEO: Emmett Shear") > 0 &&
		   find("Last event: 花絮15") > 0,
	   ": Nov 21 noon, s: Emmett Shear is CEO at 12:00, after 花絮15");
	KEYS(']');
	ok(strstr(row(1), "As of Wed Nov 22 2023 00:00 PT") != NULL,
	   "] moves the instant to the next day's start: %s", row(1));
	KEYS('{');
	ok(strstr(row(1), "As of Tue Nov 21 2023 22:00 PT") != NULL,
	   "{ to the start of the previous hour with an event: %s", row(1));
	start(200, 60);
	KEYS(':');
	type("Nov 21 noon");
	KEYS(APP_KEY_ENTER, 's');
	ok(find("Not placed (") < 0 && find("Steve Jobs") < 0 &&
		   find("e shows everyone") > 0,
	   "names only mentioned are not placed, and the split says so");
	KEYS('e');
	ok(find("Not placed (") > 0 && find("Steve Jobs") > 0,
	   "e shows everyone, the cast not placed too");
	KEYS('e');
	ok(find("Not placed (") < 0, "e again: only those placed");
	start(60, 18);
	KEYS(':');
	type("T+106h");
	KEYS(APP_KEY_ENTER, 's');
	ok(find("Board, 3 seats: Adam D'Angelo, Bret Taylor (chair)") > 0,
	   "the board counts seats and marks the chair");
	ok(find("PgDn PgUp scroll") == canvas.rows - 2,
	   "at 60x18 the split says it has more rows");
	KEYS(APP_KEY_PGDN, APP_KEY_PGDN, APP_KEY_PGDN);
	ok(find("Earlier: Board vote (for:against) 4:2") > 0 &&
		   find("Open-letter signatures") > 0,
	   "PgDn scrolls to the figures, the ended vote shown as past");
	KEYS(APP_KEY_PGUP, APP_KEY_PGUP, APP_KEY_PGUP);
	ok(find("CEO: Sam Altman") > 0, "PgUp scrolls back");
}

/* The names of a person or faction by slug. */
static int names_of(const char *table, const char *slug, char names[2][128])
{
	char sql[128];
	sqlite3_stmt *st;
	int found;

	snprintf(sql, sizeof(sql),
		 "SELECT name_en, name_zh FROM %s WHERE slug = ?", table);
	st = br_db_stmt(db, sql);
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_TRANSIENT);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		snprintf(names[0], 128, "%s", sqlite3_column_text(st, 0));
		snprintf(names[1], 128, "%s", sqlite3_column_text(st, 1));
	}
	br_db_reset(st);
	return found;
}

/* The screen's rows joined, each trimmed: a wrapped line reads whole. */
static const char *joined(void)
{
	static char buf[16384];
	size_t n = 0;
	int y;

	buf[0] = '\0';
	for (y = 1; y < canvas.rows - 1 && n + 1 < sizeof(buf); y++) {
		const char *r = row(y);
		size_t len = strlen(r);

		while (*r == ' ')
			r++, len--;
		while (len && r[len - 1] == ' ')
			len--;
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%.*s ",
				      (int)len, r);
	}
	return buf;
}

/* Whether a column of the split shows name with stance (NULL: neither):
 * in full after the name, or as its number in the legend. */
static int shows_stance(int zh, const char *name, const char *stance)
{
	int y, k;

	for (y = 1; y < canvas.rows - 1; y++) {
		const char *r = row(y), *p = strstr(r, name), *after;
		char want[256];

		if (!p || !strstr(r, "│"))
			continue;
		after = p + strlen(name);
		if (!stance)
			return strncmp(after, " (", 2) &&
			       strncmp(after, "（", 3) &&
			       strncmp(after, " [", 2);
		snprintf(want, sizeof(want), zh ? "（%s）" : " (%s)", stance);
		if (!strncmp(after, want, strlen(want)))
			return 1;
		if (sscanf(after, " [%d]", &k) == 1) {
			snprintf(want, sizeof(want), "[%d] %s", k, stance);
			return strstr(joined(), want) != NULL;
		}
		return 0;
	}
	return 0;
}

/* One moment of tests/golden/moments.tsv in one language: : WHEN Enter s
 * shows its CEO, its seats, the count of each line and each one's stance. */
static int moment(int zh, char *when, char *ceo, const char *seats,
		  char *places)
{
	char names[2][128], want[512], *tok, *save = NULL;
	int good = 1, n_safety = 0, n_accel = 0, y;

	start(80, 24);
	if (zh)
		KEYS('l');
	KEYS(':');
	type(when);
	KEYS(APP_KEY_ENTER, 's');
	y = find(zh ? "CEO：" : "CEO: ");
	if (y < 0)
		return 0;
	if (!strcmp(ceo, "-")) {
		good &= strstr(row(y), zh ? "CEO：无" : "CEO: none") != NULL;
	} else {
		for (tok = strtok_r(ceo, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save))
			good &= names_of("person", tok, names) &&
				strstr(row(y), names[zh]) != NULL;
	}
	snprintf(want, sizeof(want),
		 zh ? "董事会（%s席）：" : "Board, %s seats: ", seats);
	good &= find(want) > 0;
	for (tok = strtok_r(places, " ", &save); tok;
	     tok = strtok_r(NULL, " ", &save)) {
		char *line = strchr(tok, '='), *stance;
		char stance_names[2][128];

		if (!line || !(stance = strchr(line, '/')))
			return 0;
		*line++ = '\0';
		*stance++ = '\0';
		if (!strcmp(line, "-"))
			continue;
		n_safety += !strcmp(line, "safety");
		n_accel += !strcmp(line, "accelerationist");
		/* A group's name may wrap in a narrow column. */
		if (!strcmp(tok, "outside-directors"))
			continue;
		if (!names_of("person", tok, names) ||
		    (strcmp(stance, "-") &&
		     !names_of("faction", stance, stance_names)))
			return 0;
		if (!shows_stance(zh, names[zh],
				  strcmp(stance, "-") ? stance_names[zh]
						      : NULL)) {
			diag("%s: %s not shown with %s", when, names[zh],
			     stance);
			good = 0;
		}
	}
	names_of("faction", "safety", names);
	snprintf(want, sizeof(want), zh ? "%s（%d）" : "%s (%d)", names[zh],
		 n_safety);
	good &= find(want) > 0;
	names_of("faction", "accelerationist", names);
	snprintf(want, sizeof(want), zh ? "%s（%d）" : "%s (%d)", names[zh],
		 n_accel);
	good &= find(want) > 0;
	if (!good)
		diag("%s", joined());
	return good;
}

static void moments(void)
{
	const char *src = getenv("SOURCE_ROOT");
	char path[4096], line[8192];
	FILE *f;
	int n = 0;

	snprintf(path, sizeof(path), "%s/tests/golden/moments.tsv",
		 src ? src : ".");
	f = fopen(path, "r");
	if (!ok(f != NULL, "the table of moments opens: %s", path))
		return;
	while (fgets(line, sizeof(line), f)) {
		char *field[7], *save = NULL, copy[8192];
		int i, zh;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		for (zh = 0; zh < 2; zh++) {
			snprintf(copy, sizeof(copy), "%s", line);
			for (i = 0; i < 7; i++)
				field[i] =
					strtok_r(i ? NULL : copy, "\t", &save);
			if (!field[6]) {
				ok(0, "a moment has seven fields: %s", line);
				break;
			}
			ok(moment(zh, field[0], field[1], field[3], field[6]),
			   ": %s, s (%s): the CEO, the seats, each line and "
			   "stance",
			   field[0], zh ? "zh" : "en");
		}
		n++;
	}
	fclose(f);
	ok(n == 15, "all fifteen moments were checked (%d)", n);
}

static void click(void)
{
	int y, gap = -1;

	start(100, 30);
	y = find("Board fires Altman");
	ok(y > 0, "the firing is on the first screen");
	app_click(&app, y, 5);
	app_render(&app, &canvas);
	ok(selected_has("Board fires Altman"), "a click selects its row");
	/* A gap row: nothing happens. */
	for (gap = 6; gap < canvas.rows - 1; gap++)
		if (strstr(row(gap), "later ·"))
			break;
	app_click(&app, gap, 5);
	app_render(&app, &canvas);
	ok(selected_has("Board fires Altman"), "a click on a gap row does not");
	app_wheel(&app, 1);
	app_render(&app, &canvas);
	ok(!strstr(selected(), "Board fires Altman"), "the wheel moves");
}

static void help(void)
{
	int r, last = 0, in_order = 1, listed = 0;
	char keys_buf[64];

	start(100, 80);
	KEYS('?');
	ok(strstr(row(0), "Help") != NULL, "? opens help");
	for (r = 1; r < REQ_COUNT; r++) {
		const char *h = keys_help((enum app_request)r, 0);
		int y;

		if (!h)
			continue;
		keys_of((enum app_request)r, keys_buf, sizeof(keys_buf));
		y = help_row(keys_buf, h);
		if (y < 0) {
			diag("not in help: %s %s", keys_buf, h);
			in_order = 0;
			continue;
		}
		listed++;
		if (y <= last) {
			diag("out of order: %s", h);
			in_order = 0;
		}
		last = y;
	}
	ok(in_order && listed > 25,
	   "help lists every request with its keys, in the table's order");
	ok(find("Ctrl-L") > 0 && find("j ↓") > 0, "keys by their names");
	KEYS('q');
	ok(strstr(row(0), "Timeline") != NULL, "q closes help");
}

/* A bookmark and its note go only when asked twice. */
static void remove_note(void)
{
	start(200, 30);
	KEYS('a');
	ok(strstr(row(0), "boardroom · Note") != NULL, "a opens the editor");
	type("keep me");
	KEYS(APP_KEY_ESC);
	ok(status_has("note saved") && find("★ Bookmarked · note") > 0,
	   "the note is saved, with a bookmark");
	KEYS('m');
	ok(status_has("m again removes the bookmark and its note “keep me”"),
	   "m on a noted event says what it would remove");
	ok(find("★ Bookmarked · note") > 0 && find("keep me") > 0,
	   "and removes nothing");
	KEYS('j', 'k', 'm');
	ok(status_has("m again removes") && find("keep me") > 0,
	   "another key in between: m asks again");
	KEYS('m');
	ok(status_has("bookmark removed") && find("★ Bookmarked") < 0,
	   "m twice in a row removes the bookmark and the note");
	KEYS('m');
	ok(status_has("bookmarked"), "m on a bookmark without a note");
	KEYS('m');
	ok(status_has("bookmark removed"), "is removed at once");
	KEYS('a', APP_KEY_ESC);
	ok(status_has("no note written") && find("★ Bookmarked") < 0,
	   "a then Esc on an unmarked event makes no bookmark");
	ok(!strstr(row(canvas.rows - 1), "note removed"),
	   "nor says a note was removed");
}

/* Stopped while writing (Ctrl-C, SIGTERM): the note is saved first. */
static void stop_in_editor(void)
{
	start(200, 30);
	KEYS('a');
	type("written as Ctrl-C came");
	ok(app_stop(&app) == NULL && app.quit, "app_stop saves and quits");
	start(200, 30);
	ok(find("written as Ctrl-C came") > 0, "the note is there after");
	KEYS('m', 'm');
	ok(status_has("bookmark removed"), "(removed again)");
}

/* A save that fails (the disk is full) keeps the editor open. */
static void failed_save(const char *user_db)
{
	static const char full[] =
		"CREATE TRIGGER full_i BEFORE INSERT ON bookmark BEGIN "
		"SELECT RAISE(ABORT, 'database or disk is full'); END; "
		"CREATE TRIGGER full_u BEFORE UPDATE ON bookmark BEGIN "
		"SELECT RAISE(ABORT, 'database or disk is full'); END;";
	sqlite3 *conn;
	const char *lost;

	start(220, 30);
	if (!ok(sqlite3_open(user_db, &conn) == SQLITE_OK &&
			sqlite3_exec(conn, full, NULL, NULL, NULL) == SQLITE_OK,
		"the user database is made to fail writes"))
		return;
	KEYS('a');
	type("not lost");
	KEYS(APP_KEY_ESC);
	ok(strstr(row(0), "boardroom · Note") != NULL && find("not lost") > 0,
	   "a failed save keeps the editor open with the text");
	ok(status_has("not saved, kept open (Ctrl-S retries): cannot write") &&
		   status_has("disk is full"),
	   "and says why");
	lost = app_stop(&app);
	ok(lost && !strcmp(lost, "not lost"),
	   "stopped then, the text is handed back to be shown");
	sqlite3_exec(conn, "DROP TRIGGER full_i; DROP TRIGGER full_u", NULL,
		     NULL, NULL);
	sqlite3_close(conn);
	app.quit = 0;
	app_key(&app, APP_KEY_CTRL_S);
	app_render(&app, &canvas);
	ok(status_has("note saved"), "Ctrl-S then saves it");
	KEYS('m', 'm');
}

static int statements;

static int count_statement(unsigned type, void *ctx, void *p, void *x)
{
	(void)type, (void)ctx, (void)p, (void)x;
	statements++;
	return 0;
}

/* A paste longer than the prompt holds. */
static void long_paste(void)
{
	int i, past = -1;

	start(100, 30);
	KEYS('/');
	sqlite3_trace_v2(br_db_handle(db), SQLITE_TRACE_STMT, count_statement,
			 NULL);
	for (i = 0; i < 10000; i++) {
		if (i == 1000) /* far past the cap */
			statements = 0;
		app_key(&app, 'a' + i % 26);
	}
	past = statements;
	sqlite3_trace_v2(br_db_handle(db), 0, NULL, NULL);
	app_render(&app, &canvas);
	ok(past == 0,
	   "keys past the prompt's cap search nothing (%d "
	   "statements for 9000 keys)",
	   past);
	ok(status_has("Search: "), "the prompt shows the end of the input");
	KEYS(APP_KEY_ESC);
	for (i = 0; i < 2; i++) {
		int j;

		/* Each width and text cut the end at a different byte. */
		start(100 + i, 30);
		KEYS('/');
		for (j = 0; j < 60; j++)
			type(i ? "公开信" : "公开信x");
		ok(strstr(row(canvas.rows - 1), "\xEF\xBF\xBD") == NULL,
		   "the scrolled prompt starts on a whole character: %s",
		   row(canvas.rows - 1));
		KEYS(APP_KEY_ESC);
	}
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* A title of 10 MB: a frame wraps only what it shows. Last: it changes
 * the dataset. */
static void huge_title(void)
{
	char err[256];
	double t0, took, limit = getenv("BOARDROOM_WRAP") ? 60000 : 3000;

	if (!ok(br_db_exec(db,
			   "UPDATE event SET title_en = replace(hex(zeroblob("
			   "2000000)), '00', 'abcd ') WHERE marker = '主線#01'",
			   err, sizeof(err)) == 0,
		"a 10 MB title"))
		diag("%s", err);
	t0 = now_ms();
	start(200, 30);
	KEYS(APP_KEY_ENTER, 'j', 'k', APP_KEY_ESC);
	took = now_ms() - t0;
	ok(took < limit, "six frames on it in %.0f ms", took);
	ok(selected_has("abcd abcd"), "the list shows its start");
	ok(find("│ abcd abcd abcd") > 0, "so does the detail pane");
}

/* An event at the earliest instant there is (a database can hold it):
 * the gap after it and the ruler over all time are still measured. */
static void earliest_instant(void)
{
	char err[256];
	int y;

	if (!ok(br_db_exec(db,
			   "UPDATE event SET ts = -9223372036854775807 - 1, "
			   "t_min = -9223372036854775807 - 1, "
			   "t_max = -9223372036854775807 - 1 WHERE id = "
			   "(SELECT id FROM event ORDER BY ts, id LIMIT 1)",
			   err, sizeof(err)) == 0,
		"an event at INT64_MIN"))
		diag("%s", err);
	start(100, 30);
	KEYS('g');
	ok(status_has(" 1/51"), "g goes to it");
	y = find("years later ·");
	ok(y > 5 && strstr(row(y), "· 292471208726 years later ·") != NULL,
	   "the gap row after it: %s", y > 0 ? row(y) : "(none)");
	KEYS('Z');
	ok(!strncmp(row(1), "│1│", strlen("│1│")),
	   "the ruler over all time starts at the year 1: %s", row(1));
	ok(strstr(row(3), "◀ selection is earlier") != NULL,
	   "the selection is before it: %s", row(3));
}

static void key_table(void)
{
	int r, bound = 1, once = 1, key;
	char buf[64];

	for (r = 1; r < REQ_COUNT; r++)
		if (!keys_of((enum app_request)r, buf, sizeof(buf)))
			bound = 0;
	ok(bound, "every request has a key");
	for (key = 0x20; key <= APP_KEY_CTRL_S; key++) {
		enum app_request req;
		char name[8];

		if (key == 0x7F)
			key = APP_KEY_UP;
		req = keys_request(key);
		keys_of(req, buf, sizeof(buf));
		if (req != REQ_NONE &&
		    !strstr(buf, keys_name(key, name, sizeof(name))))
			once = 0;
	}
	ok(once, "each key makes the request that lists it");
	is_int(keys_parse("C-l"), APP_KEY_CTRL_L, "replay: C-l");
	is_int(keys_parse("Ctrl-L"), APP_KEY_CTRL_L, "replay: Ctrl-L");
	is_int(keys_parse("Escape"), APP_KEY_ESC, "replay: Escape");
	is_int(keys_parse("Esc"), APP_KEY_ESC, "replay: Esc");
	is_int(keys_parse("BSpace"), APP_KEY_BACKSPACE, "replay: BSpace");
	is_int(keys_parse("Space"), ' ', "replay: Space");
	is_int(keys_parse("j"), 'j', "replay: a letter");
	is_int(keys_parse("↑"), 0x2191, "replay: ↑ types the arrow");
	is_int(keys_parse("frobnicate"), 0, "replay: an unknown word");
	keys_of(REQ_REDRAW, buf, sizeof(buf));
	is_str(buf, "Ctrl-L", "help names Ctrl-L as Ctrl-L");
}

/* Text for roff: hyphens, backslashes and quotes escaped. */
static void roff(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '-')
			fputs("\\-", out);
		else if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '"')
			fputs("\\(dq", out);
		else
			fputc(*s, out);
	}
}

/* The man page's KEYS section, from the key table. */
static void man_keys(FILE *out)
{
	int r, group = -1;
	char buf[64];

	fputs(".SH KEYS\n"
	      "The keys of the explorer, as its help\n"
	      ".RB ( ? )\n"
	      "lists them, each with the name of its request in\n"
	      "the config file's\n"
	      ".B bind\n"
	      "(CONFIG FILE).\n",
	      out);
	for (r = 1; r < REQ_COUNT; r++) {
		const char *h = keys_help((enum app_request)r, 0);

		if (!h)
			continue;
		if ((int)keys_group((enum app_request)r) != group) {
			group = (int)keys_group((enum app_request)r);
			fprintf(out, ".SS %s\n",
				keys_group_name((enum app_group)group));
		}
		keys_of((enum app_request)r, buf, sizeof(buf));
		fputs(".TP\n.B ", out);
		roff(out, buf);
		fputc('\n', out);
		roff(out, h);
		/* The request's name, for the config file's bind. */
		fputs("\n.RI ( ", out);
		roff(out,
		     keys_request_id((enum app_request)r, buf, sizeof(buf)));
		fputs(" )\n", out);
	}
}

static void man_page(void)
{
	const char *root = getenv("SOURCE_ROOT");
	char path[4096], *want = NULL, *text, *from, *to;
	size_t len = 0;
	FILE *f, *mem;
	long n;

	snprintf(path, sizeof(path), "%s/doc/boardroom.1", root ? root : ".");
	f = fopen(path, "rb");
	if (!ok(f != NULL, "the man page opens: %s", path))
		return;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = calloc(1, (size_t)n + 1);
	if (fread(text, 1, (size_t)n, f) != (size_t)n)
		n = 0;
	fclose(f);
	mem = open_memstream(&want, &len);
	man_keys(mem);
	fclose(mem);
	from = strstr(text, "\n.SH KEYS\n");
	to = from ? strstr(from + 1, "\n.SH ") : NULL;
	if (from && to)
		to[1] = '\0';
	if (!ok(from && to && !strcmp(from + 1, want),
		"the man page's KEYS are the key table's"))
		diag("doc/boardroom.1 should have (test_app --man):\n%s", want);
	free(want);
	free(text);
}

int main(int argc, char **argv)
{
	char err[512], user_db[4096];
	const char *build = getenv("BUILD_ROOT");

	if (argc > 1 && !strcmp(argv[1], "--man")) {
		man_keys(stdout);
		return 0;
	}
	setenv("TZ", "UTC", 1);
	/* Bookmarks of its own: the other tests use theirs. */
	snprintf(user_db, sizeof(user_db), "%s/test-app-user.db",
		 build ? build : ".");
	remove(user_db);
	setenv("BOARDROOM_USER_DB", user_db, 1);
	br_zone_set(&pt, "PT", err, sizeof(err));
	br_db_use_image(br_bundled_image, br_bundled_image_len);
	db = br_db_open_bundled(err, sizeof(err));
	if (!ok(db != NULL, "the bundled dataset loads")) {
		diag("%s", err);
		return tap_done();
	}
	app_init(&app, db, BR_LANG_EN, &pt);
	moving();
	go_to();
	search();
	split();
	moments();
	click();
	help();
	key_table();
	man_page();
	remove_note();
	stop_in_editor();
	failed_save(user_db);
	long_paste();
	huge_title();
	earliest_instant();
	app_done(&app);
	br_canvas_free(&canvas);
	br_db_close(db);
	return tap_done();
}
