/* chrome: the title bar, the status line (view, message or filters,
 * position, zone, language) and the prompt it becomes for a search or a
 * go-to. */
#include <stdio.h>
#include <string.h>

#include "boardroom/text.h"
#include "ui/ui.h"

void chrome_title(const struct app *app, struct br_canvas *c, const char *title)
{
	char buf[256];

	br_canvas_fill(c, 0, 0, c->cols, BR_ST_TITLE);
	snprintf(buf, sizeof(buf), " boardroom · %s · %s", title,
		 app->meta->title[app->lang][0] ? app->meta->title[app->lang]
						: "");
	br_canvas_put(c, 0, 0, buf, c->cols, BR_ST_TITLE);
}

static void prompt_draw(const struct app *app, struct br_canvas *c, int y)
{
	const struct app_prompt_line *pr = &app->prompt;
	const char *label = pr->kind == PROMPT_SEARCH
				    ? ui_tr(app, "Search: ", "搜索：")
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
	else if (pr->kind == PROMPT_GOTO && !pr->input[0])
		br_canvas_put(c, y, lw + 2,
			      "Nov 19 evening · T+48 · 11月20日晚上 · "
			      "+3h · 2023-11-21 14:00",
			      c->cols - lw - 2, BR_ST_DIM);
}

/* The position of the selection: "13/51". */
static void position(const struct app *app, char *pos, size_t len)
{
	const struct app_sel *tl = &app->tl;
	int cap = app->filters.compiled.n_short ? APP_COUNT_CAP / 20
						: APP_COUNT_CAP;

	if (!tl->has_sel)
		snprintf(pos, len, "0/0");
	else if (tl->rank > cap)
		snprintf(pos, len, ">%d/>%d", cap, cap);
	else if (tl->count > cap)
		snprintf(pos, len, "%lld/>%d", (long long)tl->rank + 1, cap);
	else
		snprintf(pos, len, "%lld/%lld", (long long)tl->rank + 1,
			 (long long)tl->count);
}

void chrome_status(const struct app *app, struct br_canvas *c)
{
	static const char *const views_en[] = {"TIMELINE", "DETAIL", "SPLIT",
					       "PEOPLE",   "HELP",   "NOTE",
					       "BOOKMARKS"};
	static const char *const views_zh[] = {"时间线", "详情", "阵营", "人物",
					       "帮助",	 "笔记", "书签"};
	int y = c->rows - 1, x = 0, right_w;
	char right[128], pos[48];

	br_canvas_fill(c, y, 0, c->cols, BR_ST_STATUS);
	if (app->prompt.kind != PROMPT_NONE) {
		prompt_draw(app, c, y);
		return;
	}
	position(app, pos, sizeof(pos));
	snprintf(right, sizeof(right), " %s │ %s │ %s │ ? %s ", pos,
		 ui_zone_label(app, 1), app->lang == BR_LANG_ZH ? "中文" : "EN",
		 ui_tr(app, "help", "帮助"));
	right_w = br_text_width(right, strlen(right));
	x += br_canvas_put(c, y, 0, " ", 1, BR_ST_STATUS);
	x += br_canvas_put(c, y, x,
			   app->lang == BR_LANG_ZH ? views_zh[app->view]
						   : views_en[app->view],
			   c->cols - right_w, BR_ST_STATUS);
	x += br_canvas_put(c, y, x, " │ ", 3, BR_ST_STATUS);
	if (app->msg.text[0]) {
		br_canvas_put(c, y, x, app->msg.text, c->cols - right_w - x,
			      app->msg.error ? BR_ST_ERROR : BR_ST_STATUS);
	} else {
		const char *filters =
			app->filters.text[0]
				? app->filters.text
				: ui_tr(app, "all events", "全部事件");

		pen_cut_hl(app->filters.search[0] ? &app->filters.compiled
						  : NULL,
			   c, y, x, filters, c->cols - right_w - x - 1,
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
		else if (pr->input[0] && !app->msg.error)
			ui_message(app, 0, "%s",
				   ui_tr(app, "n next match · N previous",
					 "n 下一个 · N 上一个"));
		return;
	}
	if (!ui_edit_line(pr->input, sizeof(pr->input), key))
		return;
	if (kind == PROMPT_SEARCH) {
		sel_restore(app, &pr->saved_top, &pr->saved_sel);
		filters_search_typed(app, pr->input);
	}
}
