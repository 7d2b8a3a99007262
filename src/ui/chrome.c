/* chrome: the title bar, the status line (view, message or filters,
 * position, zone, language) and the prompt it becomes for a search or a
 * go-to. */
#include <stdio.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

void chrome_title(const struct app *app, struct br_canvas *c, const char *title)
{
	char buf[256], right[520], text[520];
	int x, rw = 0;

	br_canvas_fill(c, 0, 0, c->cols, BR_ST_TITLE);
	x = br_canvas_put(c, 0, 0, " boardroom · ", c->cols, BR_ST_TITLE);
	x += br_canvas_put(c, 0, x, title, c->cols - x, BR_ST_TITLE);
	/* At the right, what the timeline shows: the search kept in
	 * force (its one place), then the filters (also on the status
	 * line); the dataset's title yields to them. */
	snprintf(text, sizeof(text), "%s%s%s%s",
		 app->filters.search[0] ? "/" : "", app->filters.search,
		 app->filters.text[0] && app->filters.search[0] ? " · " : "",
		 app->filters.text);
	if (text[0] && c->cols - x - 4 > 0) {
		rw = ui_fit(right, sizeof(right), text, c->cols - x - 4, 1);
		br_canvas_put(c, 0, c->cols - rw - 1, right, rw, BR_ST_TITLE);
		rw += 1;
	}
	if (app->meta->title[app->lang][0] && c->cols - rw - x - 5 > 8) {
		x += br_canvas_put(c, 0, x, " · ", 3, BR_ST_TITLE);
		ui_fit(buf, sizeof(buf), app->meta->title[app->lang],
		       c->cols - rw - x - 2, 0);
		br_canvas_put(c, 0, x, buf, c->cols - rw - x - 2, BR_ST_TITLE);
	}
}

static void prompt_draw(const struct app *app, struct br_canvas *c, int y)
{
	const struct app_prompt_line *pr = &app->prompt;
	const char *label =
		pr->kind == PROMPT_SEARCH  ? ui_tr(app, "Search: ", "搜索：")
		: pr->kind == PROMPT_DATES ? ui_tr(app, "Dates: ", "日期：")
					   : ui_tr(app, "Go to: ", "跳转到：");
	int lw, iw;

	lw = br_canvas_put(c, y, 0, label, c->cols, BR_ST_STATUS);
	iw = br_text_width(pr->input, strlen(pr->input));
	if (iw > c->cols - lw - 2) {
		/* Show the end of a long input. */
		const char *p = pr->input;

		/* Whole characters: never from inside one. */
		while (*p && br_text_width(p, strlen(p)) > c->cols - lw - 2)
			do
				p++;
			while (((unsigned char)*p & 0xC0) == 0x80);
		br_canvas_put(c, y, lw, p, c->cols - lw - 1, BR_ST_STATUS);
		iw = c->cols - lw - 2;
	} else {
		br_canvas_put(c, y, lw, pr->input, c->cols - lw - 1,
			      BR_ST_STATUS);
	}
	br_canvas_put(c, y, lw + iw, "▏", 1, BR_ST_CURSOR);
	if (app->msg.text[0])
		br_canvas_put(c, y, lw + iw + 2, app->msg.text,
			      c->cols - lw - iw - 2,
			      app->msg.error ? BR_ST_ERROR : BR_ST_STATUS);
	else if (!pr->input[0] && pr->kind != PROMPT_SEARCH) {
		/* Examples, as many whole ones as fit. */
		char hint[256];

		ui_fit(hint, sizeof(hint),
		       pr->kind == PROMPT_GOTO
			       ? "Nov 19 evening · T+48 · 11月20日晚上 · +3h · "
				 "2023-11-21 14:00"
			       : ui_tr(app,
				       "Enter alone clears · Nov 19 · Nov 18 "
				       ".. "
				       "Nov 20 · after Nov 18 · until T+48",
				       "直接 Enter 清除 · 11月19日 · 11月18日 "
				       "至 "
				       "11月20日 · after Nov 18"),
		       c->cols - lw - 3, 1);
		br_canvas_put(c, y, lw + 2, hint, c->cols - lw - 2, BR_ST_DIM);
	}
}

/* A count as text: "12", "128+" while it is still going, ">1000" past
 * the cap. */
static void count_text(char *buf, size_t len, int64_t n, int more, int cap)
{
	if (n > cap)
		snprintf(buf, len, ">%d", cap);
	else
		snprintf(buf, len, "%lld%s", (long long)n, more ? "+" : "");
}

/* The position of the selection: "13/51". Showing only the matches, the
 * search's count: "3/128+" while it goes on. */
static void position(const struct app *app, char *pos, size_t len)
{
	const struct app_sel *tl = &app->tl;
	const struct app_filters *f = &app->filters;
	int cap = br_search_reads_rows(&f->compiled) ? APP_COUNT_CAP / 20
						     : APP_COUNT_CAP;
	char n[22], k[22]; /* ">1000", or an int64_t and "+" */

	if (tl->has_sel && f->only_hits) {
		if (!f->hits_ok) {
			snprintf(pos, len, "…/…");
			return;
		}
		count_text(k, sizeof(k), f->hits_k + 1, f->k_more, cap);
		count_text(n, sizeof(n), f->hits_n, f->n_more, cap);
		snprintf(pos, len, "%s/%s", k, n);
	} else if (!tl->has_sel)
		snprintf(pos, len, "0/0");
	else if (tl->rank > cap)
		snprintf(pos, len, ">%d/>%d", cap, cap);
	else if (tl->count > cap)
		snprintf(pos, len, "%lld/>%d", (long long)tl->rank + 1, cap);
	else
		snprintf(pos, len, "%lld/%lld", (long long)tl->rank + 1,
			 (long long)tl->count);
}

/* The search's count: "match 3 of 12", or "12 matches" when the
 * selection is not one; "" with no search. */
static void match_count(const struct app *app, char *buf, size_t len)
{
	const struct app_filters *f = &app->filters;
	int cap = br_search_reads_rows(&f->compiled) ? APP_COUNT_CAP / 20
						     : APP_COUNT_CAP;
	char n[22], k[22]; /* ">1000", or an int64_t and "+" */

	buf[0] = '\0';
	if (!f->search[0] || !f->hits_ok)
		return;
	count_text(n, sizeof(n), f->hits_n, f->n_more, cap);
	count_text(k, sizeof(k), f->hits_k + 1, f->k_more, cap);
	if (!f->hits_n && f->n_more)
		snprintf(buf, len, "%s", ui_tr(app, "counting…", "计数中…"));
	else if (!f->hits_n)
		snprintf(buf, len, "%s", ui_tr(app, "no match", "无匹配"));
	else if (f->hits_sel)
		snprintf(buf, len,
			 UI_TR(app, "match %s of %s", "第 %s/%s 个匹配"), k, n);
	else
		snprintf(buf, len,
			 f->hits_n == 1 && !f->n_more
				 ? UI_TR(app, "%s match", "%s 个匹配")
				 : UI_TR(app, "%s matches", "%s 个匹配"),
			 n);
}

/* Where the detail screen is in a text longer than it: "lines 1-20 of
 * 34"; "" when the text fits. */
static void detail_lines(const struct app *app, char *buf, size_t len)
{
	const struct app_detail *dt = &app->detail;
	int last = dt->shown + dt->page;

	buf[0] = '\0';
	if (dt->page <= 0 || dt->n_lines <= dt->page)
		return;
	if (last > dt->n_lines)
		last = dt->n_lines;
	snprintf(buf, len,
		 UI_TR(app, "lines %d-%d of %d", "第 %d-%d 行，共 %d 行"),
		 dt->shown + 1, last, dt->n_lines);
}

void chrome_status(const struct app *app, struct br_canvas *c)
{
	static const char *const views_en[] = {
		[VIEW_TIMELINE] = "TIMELINE", [VIEW_DETAIL] = "DETAIL",
		[VIEW_SPLIT] = "SPLIT",	      [VIEW_PEOPLE] = "PEOPLE",
		[VIEW_HELP] = "HELP",	      [VIEW_NOTE] = "NOTE",
		[VIEW_MARKS] = "BOOKMARKS",   [VIEW_LANES] = "LANES",
		[VIEW_COMPARE] = "COMPARE"};
	static const char *const views_zh[] = {
		[VIEW_TIMELINE] = "时间线", [VIEW_DETAIL] = "详情",
		[VIEW_SPLIT] = "阵营",	    [VIEW_PEOPLE] = "人物",
		[VIEW_HELP] = "帮助",	    [VIEW_NOTE] = "笔记",
		[VIEW_MARKS] = "书签",	    [VIEW_LANES] = "泳道",
		[VIEW_COMPARE] = "对比"};
	int y = c->rows - 1, x = 0, right_w = 0, n_items, i;
	char right[160], pos[48], count[64], text[512];
	const char *msg = app->msg.text, *items[5];

	br_canvas_fill(c, y, 0, c->cols, BR_ST_STATUS);
	if (app->prompt.kind != PROMPT_NONE) {
		prompt_draw(app, c, y);
		return;
	}
	position(app, pos, sizeof(pos));
	match_count(app, count, sizeof(count));
	if (app->view == VIEW_DETAIL)
		detail_lines(app, count, sizeof(count));
	/* The right end, item by item: what does not fit goes, help
	 * first (and always when the message already says "? help"). */
	n_items = 0;
	if (count[0])
		items[n_items++] = count;
	items[n_items++] = pos;
	items[n_items++] = ui_zone_label(app, 1);
	items[n_items++] = app->lang == BR_LANG_ZH ? "中文" : "EN";
	if (msg[0] != '?')
		items[n_items++] = ui_tr(app, "? help", "? 帮助");
	for (; n_items > 0; n_items--) {
		size_t n = 0;

		right[0] = '\0';
		for (i = 0; i < n_items; i++)
			n += (size_t)snprintf(right + n, sizeof(right) - n,
					      "%s%s", i ? " │ " : " ",
					      items[i]);
		snprintf(right + n, sizeof(right) - n, " ");
		right_w = br_text_width(right, strlen(right));
		/* Room for the view's name and a few words beside it. */
		if (c->cols - right_w >= c->cols / 2 + 4 ||
		    n_items <= (count[0] ? 2 : 1))
			break;
	}
	x += br_canvas_put(c, y, 0, " ", 1, BR_ST_STATUS);
	x += br_canvas_put(c, y, x,
			   app->lang == BR_LANG_ZH ? views_zh[app->view]
						   : views_en[app->view],
			   c->cols - right_w - 1, BR_ST_STATUS);
	x += br_canvas_put(c, y, x, " │ ", 3, BR_ST_STATUS);
	if (app->play.on) {
		char play[512];

		play_status(app, play, sizeof(play));
		ui_fit(text, sizeof(text), play, c->cols - right_w - x - 1, 1);
		br_canvas_put(c, y, x, text, c->cols - right_w - x,
			      BR_ST_STATUS);
	} else if (msg[0]) {
		ui_fit(text, sizeof(text), msg, c->cols - right_w - x - 1,
		       strstr(msg, " · ") != NULL);
		br_canvas_put(c, y, x, text, c->cols - right_w - x,
			      app->msg.error ? BR_ST_ERROR : BR_ST_STATUS);
	} else {
		ui_fit(text, sizeof(text),
		       app->filters.text[0]
			       ? app->filters.text
			       : ui_tr(app, "all events", "全部事件"),
		       c->cols - right_w - x - 1, 1);
		br_canvas_put(c, y, x, text, c->cols - right_w - x,
			      BR_ST_STATUS);
	}
	if (c->cols - right_w > x)
		br_canvas_put(c, y, c->cols - right_w, right, right_w,
			      BR_ST_STATUS);
}

void prompt_open(struct app *app, enum app_prompt kind)
{
	struct app_prompt_line *pr = &app->prompt;

	pr->kind = kind;
	pr->input[0] = '\0';
	pr->saved_top = app->tl.top;
	pr->saved_sel = app->tl.sel;
	br_strlcpy(pr->saved_search, app->filters.search,
		   sizeof(pr->saved_search));
	ui_message_clear(app);
}

void prompt_key(struct app *app, int key)
{
	struct app_prompt_line *pr = &app->prompt;
	enum app_prompt kind = pr->kind;

	/* Closing the search prompt draws the hits on the ruler. */
	if (kind == PROMPT_SEARCH &&
	    (key == APP_KEY_ENTER || key == APP_KEY_ESC))
		ruler_invalidate(app);

	if (key == APP_KEY_ESC) {
		pr->kind = PROMPT_NONE;
		if (kind == PROMPT_SEARCH) {
			filters_set_search(app, pr->saved_search);
			sel_restore(app, &pr->saved_top, &pr->saved_sel);
			sel_layout(app);
		}
		ui_message_clear(app);
		return;
	}
	if (key == APP_KEY_ENTER) {
		pr->kind = PROMPT_NONE;
		if (kind == PROMPT_SEARCH)
			filters_set_search(app, pr->input); /* empty: none */
		if (kind == PROMPT_GOTO)
			filters_goto(app, pr->input);
		else if (kind == PROMPT_DATES)
			filters_dates(app, pr->input);
		else if (pr->input[0] && !app->msg.error)
			ui_message(app, 0, "%s",
				   ui_tr(app,
					 "n next match · N previous · "
					 "& only the matches · Esc clears",
					 "n 下一个 · N 上一个 · & 仅显示匹配 · "
					 "Esc 清除"));
		return;
	}
	if (!ui_edit_line(pr->input, sizeof(pr->input), key))
		return;
	if (kind == PROMPT_SEARCH) {
		sel_restore(app, &pr->saved_top, &pr->saved_sel);
		filters_search_typed(app, pr->input);
	}
}
